//! Go's `net` on the runtime's virtual network (`runtime/network.rs`): `Listen`, `Dial`,
//! `Listener`, `Conn` (`*TCPConn`), deadlines, `OpError` and `ErrClosed`. Written in Go over
//! a few hidden natives that never block but one way (`ꞏwaitRead`, `ꞏwaitAccept`,
//! `ꞏwaitConnect`: parked in `IO wait`), so a read is Go's netpoller loop: try, wait until the connection changes, try
//! again. Only TCP on this machine: other networks and hosts are named as golite's gap.

use super::support::*;
use crate::golite::fmt::time_layout::{CLOCK_START, UNIX_TO_ABS};
use crate::runtime::{ConnId, DialError, ListenerId, NetError, ReadResult};

natives! {
    Pkg::Net;
    NetListen,
    NetAccept,
    NetWaitAccept,
    NetCloseListener,
    NetDial,
    NetRead,
    NetWaitRead,
    NetWrite,
    NetClose,
    NetSetDeadline,
    NetAddrs,
    NetSetIdle,
    NetBind,
    NetConnecting,
    NetWaitConnect,
    NetPool,
}

const PATH: &str = "net";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Net,
    path: PATH,
    go: GO,
    needs: &["io", "os", "errors"],
    ..Package::NONE
};

/// The member `name` of the package: only the hidden natives; the rest is Go (`GO`).
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name.strip_prefix('\u{a78f}')? {
        "listen" => f(c, "func(string) (int, string, string)", N::NetListen),
        "accept" => f(c, "func(int) (int, int)", N::NetAccept),
        "waitAccept" => f(c, "func(int)", N::NetWaitAccept),
        "closeListener" => f(c, "func(int) bool", N::NetCloseListener),
        "dial" => f(c, "func(string) (int, string)", N::NetDial),
        "read" => f(c, "func(int, int) ([]byte, int)", N::NetRead),
        "waitRead" => f(c, "func(int)", N::NetWaitRead),
        "write" => f(c, "func(int, []byte) int", N::NetWrite),
        "close" => f(c, "func(int) bool", N::NetClose),
        "setDeadline" => f(c, "func(int, int, int64, bool) bool", N::NetSetDeadline),
        "addrs" => f(c, "func(int) (string, string)", N::NetAddrs),
        "setIdle" => f(c, "func(int, bool)", N::NetSetIdle),
        "bind" => f(c, "func(any, int)", N::NetBind),
        "connecting" => f(c, "func(int) bool", N::NetConnecting),
        "waitConnect" => f(c, "func(int)", N::NetWaitConnect),
        "pool" => f(c, "func(int, int, int, int) int", N::NetPool),
        _ => None,
    }
}

/// Status codes the natives return to the Go source.
const OK: i64 = 0;
const WOULD_BLOCK: i64 = 1;
const EOF: i64 = 2;
const CLOSED: i64 = 3;
const TIMEOUT: i64 = 4;

fn status(e: NetError) -> i64 {
    match e {
        NetError::Closed => CLOSED,
        NetError::Timeout => TIMEOUT,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let conn = |i: usize| ConnId(a.get(i).map_or(0, |v| v.as_int()) as u32);
    let listener = |i: usize| ListenerId(a.get(i).map_or(0, |v| v.as_int()) as u32);
    match n {
        N::NetListen => match cx.net_listen(s(&arg(0))) {
            Ok((l, addr)) => {
                push!(t, Value::Int(i64::from(l.0)));
                push!(t, strv(addr));
                push!(t, strv(""));
            }
            Err(e) => {
                push!(t, Value::Int(-1));
                push!(t, strv(""));
                push!(t, strv(e));
            }
        },
        N::NetAccept => {
            let (c, st) = match cx.net_accept(listener(0)) {
                Ok(Some(c)) => (i64::from(c.0), OK),
                Ok(None) => (-1, WOULD_BLOCK),
                Err(e) => (-1, status(e)),
            };
            push!(t, Value::Int(c));
            push!(t, Value::Int(st));
        }
        N::NetWaitAccept => return ok_or_block(cx.net_wait_accept(listener(0))),
        N::NetCloseListener => {
            let ok = cx.net_close_listener(listener(0)).is_ok();
            push!(t, Value::Bool(ok));
        }
        N::NetDial => match cx.net_dial(s(&arg(0))) {
            Ok(c) => {
                push!(t, Value::Int(i64::from(c.0)));
                push!(t, strv(""));
            }
            Err(e) => {
                let msg = match e {
                    DialError::Refused => "connect: connection refused".to_string(),
                    DialError::NoHost(h) => format!(
                        "golite's virtual network has no DNS: only this machine \
                         (localhost, 127.0.0.1) is reachable, not {h}"
                    ),
                    DialError::BadAddress(_) => "missing port in address".to_string(),
                };
                push!(t, Value::Int(-1));
                push!(t, strv(msg));
            }
        },
        N::NetRead => {
            let max = arg(1).as_int().max(0) as usize;
            let (data, st) = match cx.net_read(conn(0), max) {
                Ok(ReadResult::Data(b)) => (b, OK),
                Ok(ReadResult::Eof) => (Vec::new(), EOF),
                Ok(ReadResult::WouldBlock) => (Vec::new(), WOULD_BLOCK),
                Err(e) => (Vec::new(), status(e)),
            };
            push!(t, byte_slice(t, &data));
            push!(t, Value::Int(st));
        }
        N::NetWaitRead => return ok_or_block(cx.net_wait_read(conn(0))),
        N::NetConnecting => push!(t, Value::Bool(cx.net_connecting(conn(0)))),
        N::NetWaitConnect => return ok_or_block(cx.net_wait_connect(conn(0))),
        N::NetWrite => {
            let st = match cx.net_write(conn(0), &bytes_of(&arg(1))) {
                Ok(()) => OK,
                Err(e) => status(e),
            };
            push!(t, Value::Int(st));
        }
        N::NetClose => {
            let ok = cx.net_close(conn(0)).is_ok();
            push!(t, Value::Bool(ok));
        }
        N::NetSetDeadline => {
            // The deadline's Unix nanoseconds on the virtual clock (which starts at
            // CLOCK_START); the zero Time means no deadline.
            let start_unix_ns = (CLOCK_START - UNIX_TO_ABS).saturating_mul(1_000_000_000);
            let d = (!arg(3).as_bool()).then(|| arg(2).as_int().saturating_sub(start_unix_ns));
            let (r, w) = match arg(1).as_int() {
                1 => (Some(d), None),
                2 => (None, Some(d)),
                _ => (Some(d), Some(d)),
            };
            let ok = cx.net_set_deadline(conn(0), r, w).is_ok();
            push!(t, Value::Bool(ok));
        }
        N::NetAddrs => {
            let (l, r) = cx.net_addrs(conn(0));
            push!(t, strv(l));
            push!(t, strv(r));
        }
        N::NetSetIdle => cx.net_set_idle(conn(0), arg(1).as_bool()),
        N::NetPool => {
            // (pool id + 1, 0: a new pool; max conns; max idle; queued): the pool's id + 1.
            let n = |i: usize| u32::try_from(arg(i).as_int().max(0)).unwrap_or(u32::MAX);
            let id = n(0).checked_sub(1);
            let id = cx.net_pool(id, n(1), n(2), n(3));
            push!(t, Value::Int(i64::from(id) + 1));
        }
        N::NetBind => {
            let fd = match arg(0) {
                Value::Iface(b) => b.1.clone(),
                v => v,
            };
            if let Value::Agg(o) = &fd {
                reach::register(o, Ref::Conn(conn(1)));
            }
        }
        _ => {}
    }
    NRes::Ok
}

const GO: &str = r#"
type netꞏAddr interface {
	Network() string
	String() string
}

type netꞏTCPAddr struct {
	Port int
	Zone string
	str  string
}

func (a *netꞏTCPAddr) Network() string { return "tcp" }
func (a *netꞏTCPAddr) String() string {
	if a == nil {
		return "<nil>"
	}
	return a.str
}

func netꞏaddrOf(s string) *netꞏTCPAddr {
	port := 0
	if i := stringsꞏ.LastIndex(s, ":"); i >= 0 {
		port, _ = strconvꞏ.Atoi(s[i+1:])
	}
	return &netꞏTCPAddr{Port: port, str: s}
}

type netꞏError interface {
	error
	Timeout() bool
	Temporary() bool
}

var netꞏErrClosed = errorsꞏ.New("use of closed network connection")

type netꞏOpError struct {
	Op     string
	Net    string
	Source netꞏAddr
	Addr   netꞏAddr
	Err    error
}

func (e *netꞏOpError) Unwrap() error { return e.Err }

func (e *netꞏOpError) Error() string {
	if e == nil {
		return "<nil>"
	}
	s := e.Op
	if e.Net != "" {
		s += " " + e.Net
	}
	if e.Source != nil {
		s += " " + e.Source.String()
	}
	if e.Addr != nil {
		if e.Source != nil {
			s += "->"
		} else {
			s += " "
		}
		s += e.Addr.String()
	}
	s += ": " + e.Err.Error()
	return s
}

func (e *netꞏOpError) Timeout() bool {
	if t, ok := e.Err.(interface{ Timeout() bool }); ok {
		return t.Timeout()
	}
	return false
}

func (e *netꞏOpError) Temporary() bool { return false }

type netꞏConn interface {
	Read(b []byte) (n int, err error)
	Write(b []byte) (n int, err error)
	Close() error
	LocalAddr() netꞏAddr
	RemoteAddr() netꞏAddr
	SetDeadline(t timeꞏ.Time) error
	SetReadDeadline(t timeꞏ.Time) error
	SetWriteDeadline(t timeꞏ.Time) error
}

type netꞏListener interface {
	Accept() (netꞏConn, error)
	Close() error
	Addr() netꞏAddr
}

type netꞏnetFD struct {
	id    int
	laddr *netꞏTCPAddr
	raddr *netꞏTCPAddr
}

func netꞏnewFD(id int) *netꞏnetFD {
	l, r := netꞏ.ꞏaddrs(id)
	fd := &netꞏnetFD{id: id, laddr: netꞏaddrOf(l), raddr: netꞏaddrOf(r)}
	netꞏ.ꞏbind(fd, id)
	return fd
}

type netꞏTCPConn struct {
	fd *netꞏnetFD
}

func (c *netꞏTCPConn) opErr(op string, st int) error {
	var err error = netꞏErrClosed
	if st == 4 {
		err = osꞏErrDeadlineExceeded
	}
	return &netꞏOpError{Op: op, Net: "tcp", Source: c.fd.laddr, Addr: c.fd.raddr, Err: err}
}

func (c *netꞏTCPConn) Read(b []byte) (int, error) {
	for {
		data, st := netꞏ.ꞏread(c.fd.id, len(b))
		switch st {
		case 0:
			return copy(b, data), nil
		case 1:
			netꞏ.ꞏwaitRead(c.fd.id)
		case 2:
			return 0, ioꞏEOF
		default:
			return 0, c.opErr("read", st)
		}
	}
}

func (c *netꞏTCPConn) Write(b []byte) (int, error) {
	if st := netꞏ.ꞏwrite(c.fd.id, b); st != 0 {
		return 0, c.opErr("write", st)
	}
	return len(b), nil
}

func (c *netꞏTCPConn) Close() error {
	if !netꞏ.ꞏclose(c.fd.id) {
		return c.opErr("close", 3)
	}
	return nil
}

func (c *netꞏTCPConn) LocalAddr() netꞏAddr  { return c.fd.laddr }
func (c *netꞏTCPConn) RemoteAddr() netꞏAddr { return c.fd.raddr }

func (c *netꞏTCPConn) setDeadline(which int, t timeꞏ.Time) error {
	if !netꞏ.ꞏsetDeadline(c.fd.id, which, t.UnixNano(), t.IsZero()) {
		return &netꞏOpError{Op: "set", Net: "tcp", Addr: c.fd.laddr, Err: netꞏErrClosed}
	}
	return nil
}

func (c *netꞏTCPConn) SetDeadline(t timeꞏ.Time) error      { return c.setDeadline(0, t) }
func (c *netꞏTCPConn) SetReadDeadline(t timeꞏ.Time) error  { return c.setDeadline(1, t) }
func (c *netꞏTCPConn) SetWriteDeadline(t timeꞏ.Time) error { return c.setDeadline(2, t) }

type netꞏTCPListener struct {
	id   int
	addr *netꞏTCPAddr
}

func (l *netꞏTCPListener) Accept() (netꞏConn, error) {
	for {
		id, st := netꞏ.ꞏaccept(l.id)
		switch st {
		case 0:
			return &netꞏTCPConn{fd: netꞏnewFD(id)}, nil
		case 1:
			netꞏ.ꞏwaitAccept(l.id)
		default:
			return nil, &netꞏOpError{Op: "accept", Net: "tcp", Addr: l.addr, Err: netꞏErrClosed}
		}
	}
}

func (l *netꞏTCPListener) Close() error {
	if !netꞏ.ꞏcloseListener(l.id) {
		return &netꞏOpError{Op: "close", Net: "tcp", Addr: l.addr, Err: netꞏErrClosed}
	}
	return nil
}

func (l *netꞏTCPListener) Addr() netꞏAddr { return l.addr }

func netꞏcheckNetwork(op, network, address string) {
	if network != "tcp" && network != "tcp4" && network != "tcp6" {
		panic("golite: " + op + " " + network + " " + address + ": golite's virtual network has TCP only")
	}
}

func netꞏListen(network, address string) (netꞏListener, error) {
	netꞏcheckNetwork("listen", network, address)
	id, addr, msg := netꞏ.ꞏlisten(address)
	if id < 0 {
		return nil, &netꞏOpError{Op: "listen", Net: network, Addr: netꞏaddrOf(address), Err: errorsꞏ.New(msg)}
	}
	return &netꞏTCPListener{id: id, addr: netꞏaddrOf(addr)}, nil
}

func netꞏDial(network, address string) (netꞏConn, error) {
	netꞏcheckNetwork("dial", network, address)
	id, msg := netꞏ.ꞏdial(address)
	if id < 0 {
		return nil, &netꞏOpError{Op: "dial", Net: network, Addr: netꞏaddrOf(address), Err: errorsꞏ.New(msg)}
	}
	// TCP's handshake: a round trip on a listener with a link (runtime/network_link.rs).
	for netꞏ.ꞏconnecting(id) {
		netꞏ.ꞏwaitConnect(id)
	}
	return &netꞏTCPConn{fd: netꞏnewFD(id)}, nil
}

func netꞏDialTimeout(network, address string, timeout timeꞏ.Duration) (netꞏConn, error) {
	return netꞏDial(network, address)
}
"#;
