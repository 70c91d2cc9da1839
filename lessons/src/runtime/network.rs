//! A virtual network on the virtual clock: in-process TCP listeners and connections.
//!
//! The model is Go's netpoller: every operation is non-blocking (`net_read` answers
//! [`ReadResult::WouldBlock`] when nothing can be read yet), and a goroutine that must wait
//! parks with [`Cx::net_wait_read`] / [`Cx::net_wait_accept`] in state `IO wait` until the
//! connection (or listener) changes: data arrives, the peer closes (EOF), the end is closed, or
//! a deadline passes. The library then tries again, as Go's `pollDesc.waitRead` loop does.
//!
//! - **Latency**: bytes written at time `t` become readable by the peer at `t + latency` (the
//!   listener's, [`Runtime::set_net_latency`] when it was made); a close reaches the peer as
//!   EOF after the same delay, behind the bytes written before it. Writes never block: the
//!   socket buffers are unbounded (no back-pressure is modelled). With the plain latency, Dial
//!   completes at once and the listener sees the connection at once; a listener given a
//!   [`Link`] (`network_link.rs`) charges TCP's handshake and the link's bandwidth too.
//! - **Deadlines** are absolute virtual times; an operation at or after its deadline fails with
//!   [`NetError::Timeout`] (Go checks the deadline before looking for data, so a read past its
//!   deadline times out even when bytes are waiting), and a parked reader wakes at exactly the
//!   deadline.
//! - **Close**: operations on a closed end fail with [`NetError::Closed`] (Go's `use of closed
//!   network connection`), and a reader parked on it wakes; the peer reads what was sent, then
//!   EOF. Writing to an end whose peer closed succeeds and the bytes are dropped (Go's first
//!   write after the peer's close does the same; later ones may fail with `broken pipe`).
//! - **Addresses**: every host is this machine; a listener on `:P`, `127.0.0.1:P` or
//!   `localhost:P` takes port `P` (0: the next free port from 40000), and a dial reaches
//!   whatever listens on the port. Other hosts have no DNS here ([`DialError::NoHost`]).
//!
//! Each end is on a side (the dialer's is the client, the accepted one the server); the library
//! may mark an open end idle (an HTTP connection in a pool). Every change is an
//! [`EventKind::Conn`] event, so a snapshot counts connections per side and state.
//! For leak verdicts (`reach.rs`) an end is reachable with its peer (whoever holds one can wake
//! a reader of the other, by writing or closing), and a goroutine blocked in `Accept` can be
//! woken by any goroutine that can run (anyone can dial).

use std::collections::{BTreeMap, VecDeque};

use serde::Serialize;

use super::cx::Cx;
use super::event::EventKind;
use super::goroutine::Park;
use super::ids::{ConnId, Gid, ListenerId, ObjId, TimerId};
use super::network_link::{Link, Path};
use super::scheduler::Runtime;
use super::state::GState;
use super::timer::TimerKind;
use super::{Op, Value, Wake};

/// The first port handed out for port 0 and for dialers' local addresses.
const FIRST_PORT: u32 = 40000;

/// Which end of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Made by `Dial`.
    Client,
    /// Returned by `Accept`.
    Server,
}

/// A connection end's state as a pane draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnState {
    /// Open and in use.
    Active,
    /// Open, marked idle by the library (an HTTP connection waiting in a pool).
    Idle,
    /// Closed by this end.
    Closed,
}

/// Why an operation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetError {
    /// The end (or listener) was closed: Go's `use of closed network connection`.
    Closed,
    /// The deadline passed: Go's `i/o timeout` (`os.ErrDeadlineExceeded`).
    Timeout,
}

/// Why a dial failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialError {
    /// Nothing listens on the port: Go's `connect: connection refused`.
    Refused,
    /// The host is not this machine (the virtual network has no DNS).
    NoHost(String),
    /// The address has no port.
    BadAddress(String),
}

/// What a non-blocking read found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadResult {
    /// Up to the bytes asked for.
    Data(Vec<u8>),
    /// The peer closed and every byte it sent was read.
    Eof,
    /// Nothing yet: park with [`Cx::net_wait_read`] and try again.
    WouldBlock,
}

pub(crate) struct ListenerSlot {
    addr: String,
    port: u32,
    path: Path,
    /// Server ends not accepted yet, each with the time the dialer's handshake reaches the
    /// listener (in dial order, so in time order).
    backlog: VecDeque<(i64, ConnId)>,
    closed: bool,
}

pub(crate) struct ConnEnd {
    pub peer: ConnId,
    pub side: Side,
    local: String,
    remote: String,
    path: Path,
    /// When this end's last byte written so far is sent (bandwidth): the next write starts then.
    sent_at: i64,
    /// When `Dial` returns (the handshake's round trip); 0 for a server end.
    connect_at: i64,
    /// Bytes on their way or arrived, each with the time it becomes readable.
    inbox: VecDeque<(i64, Vec<u8>)>,
    /// The peer closed: EOF is readable from then on, once the inbox is read.
    eof_at: Option<i64>,
    pub closed: bool,
    idle: bool,
    read_deadline: Option<i64>,
    write_deadline: Option<i64>,
}

/// What a parked goroutine waits for, and the timer that will wake it (data due, EOF due, a
/// deadline), if any.
#[derive(Clone, Copy)]
struct NetWait {
    on: ObjId,
    timer: Option<TimerId>,
}

/// Listeners, connection ends and the goroutines parked on them.
#[derive(Default)]
pub(crate) struct Network {
    pub listeners: Vec<ListenerSlot>,
    pub conns: Vec<ConnEnd>,
    latency: i64,
    /// The links of the listeners to be made, in order (`network_link.rs`).
    links: Vec<Link>,
    next_port: u32,
    /// Ordered by goroutine, so waking and re-arming go in the same order every run (a hash
    /// map's order changes from process to process, and timer ids follow it).
    waits: BTreeMap<Gid, NetWait>,
    /// Each pool's last reported (max conns, max idle, queued), by pool id.
    pools: Vec<(u32, u32, u32)>,
}

/// Splits `host:port`; the host must be this machine.
fn parse_addr(addr: &str) -> Result<(String, u32), DialError> {
    let Some((host, port)) = addr.rsplit_once(':') else {
        return Err(DialError::BadAddress(addr.to_string()));
    };
    let Ok(port) = port.parse::<u32>() else {
        return Err(DialError::BadAddress(addr.to_string()));
    };
    if port > 65535 {
        return Err(DialError::BadAddress(addr.to_string()));
    }
    match host {
        "" | "127.0.0.1" | "localhost" | "[::]" | "[::1]" | "0.0.0.0" => {
            Ok((host.to_string(), port))
        }
        other => Err(DialError::NoHost(other.to_string())),
    }
}

impl Network {
    fn free_port(&mut self) -> u32 {
        loop {
            let p = FIRST_PORT + self.next_port;
            self.next_port += 1;
            if !self.listeners.iter().any(|l| !l.closed && l.port == p) {
                return p;
            }
        }
    }

    /// True when a read on `c` would not block now.
    fn readable(&self, c: ConnId, now: i64) -> bool {
        let e = &self.conns[c.index()];
        e.closed
            || e.read_deadline.is_some_and(|d| now >= d)
            || e.inbox.front().is_some_and(|(at, _)| *at <= now)
            || (e.inbox.is_empty() && e.eof_at.is_some_and(|at| at <= now))
    }

    /// When a goroutine parked on `c` can next make progress on the clock alone: the end of
    /// the handshake (a dialer), the first byte's arrival, EOF's, or the deadline.
    fn next_read_event(&self, c: ConnId, now: i64) -> Option<i64> {
        let e = &self.conns[c.index()];
        let data = e.inbox.front().map(|(at, _)| *at);
        let eof = if e.inbox.is_empty() { e.eof_at } else { None };
        let connect = (e.connect_at > now).then_some(e.connect_at);
        [connect, data, eof, e.read_deadline]
            .into_iter()
            .flatten()
            .min()
    }

    /// True when `Accept` on `l` would not block now.
    fn acceptable(&self, l: ListenerId, now: i64) -> bool {
        let slot = &self.listeners[l.index()];
        slot.closed || slot.backlog.front().is_some_and(|(at, _)| *at <= now)
    }
}

impl<V: Value> Runtime<V> {
    /// Bytes written from now on take `ns` of virtual time to reach their peer (set it before
    /// the program listens; each listener keeps the latency it was made with).
    pub fn set_net_latency(&mut self, ns: i64) {
        self.net.latency = ns.max(0);
    }

    /// The links of the listeners the program will make, in order (`network_link.rs`); a
    /// listener beyond the list has the plain latency.
    pub fn set_net_links(&mut self, links: &[Link]) {
        self.net.links = links.to_vec();
    }

    /// Open, idle and closed ends per side, as a pane would draw them.
    pub fn net_counts(&self) -> Vec<(Side, ConnState, u32)> {
        let mut out: Vec<(Side, ConnState, u32)> = Vec::new();
        for e in &self.net.conns {
            let st = conn_state(e);
            match out.iter_mut().find(|(s, t, _)| *s == e.side && *t == st) {
                Some(x) => x.2 += 1,
                None => out.push((e.side, st, 1)),
            }
        }
        out.sort_by_key(|(s, t, _)| (*s as u8, *t as u8));
        out
    }

    /// The ends reachable with `c`: its peer.
    pub(crate) fn conn_peer(&self, c: ConnId) -> Option<ConnId> {
        self.net.conns.get(c.index()).map(|e| e.peer)
    }

    /// Every listener's id.
    pub(crate) fn listener_ids(&self) -> impl Iterator<Item = ListenerId> + '_ {
        (0..self.net.listeners.len()).map(|i| ListenerId(i as u32))
    }

    /// The goroutines parked on the network, with what they wait on.
    pub(crate) fn net_waiters(&self) -> impl Iterator<Item = (Gid, ObjId)> + '_ {
        self.net.waits.iter().map(|(g, w)| (*g, w.on))
    }

    fn emit_conn(&mut self, gid: Gid, c: ConnId) {
        let e = &self.net.conns[c.index()];
        let (side, state) = (e.side, conn_state(e));
        self.emit(
            gid,
            EventKind::Conn {
                conn: c,
                side,
                state,
            },
        );
    }

    /// Parks `gid` on `on` until it changes or `at` (if any).
    fn net_park(&mut self, gid: Gid, on: ObjId, at: Option<i64>) {
        let timer = at.map(|at| {
            let id = self.timers_add(TimerKind::Net(gid));
            self.timers_arm(id, at.max(self.now));
            id
        });
        self.net.waits.insert(gid, NetWait { on, timer });
        self.park(gid, GState::IoWait, Some(on), Park::None);
    }

    /// Wakes every goroutine parked on `on`: it tries its operation again.
    fn net_wake(&mut self, on: ObjId) {
        for g in self.parked_on(on) {
            self.net_unpark(g);
        }
    }

    /// The goroutines parked on `on`, lowest first.
    fn parked_on(&self, on: ObjId) -> Vec<Gid> {
        self.net
            .waits
            .iter()
            .filter(|(_, w)| w.on == on)
            .map(|(g, _)| *g)
            .collect()
    }

    fn net_unpark(&mut self, g: Gid) {
        if let Some(w) = self.net.waits.remove(&g) {
            if let Some(t) = w.timer {
                self.timers_disarm(t);
                self.timers_recycle(t);
            }
            self.ready(g, Wake::Done);
        }
    }

    /// A network timer fired: its goroutine tries again.
    pub(crate) fn net_timer_fired(&mut self, g: Gid, t: TimerId) {
        if let Some(w) = self.net.waits.get_mut(&g)
            && w.timer == Some(t)
        {
            w.timer = None;
        }
        self.timers_recycle(t);
        self.net_unpark(g);
    }

    /// `c` changed (bytes, EOF, a deadline): wake its reader, or move its timer.
    fn net_changed(&mut self, c: ConnId) {
        let on = ObjId::Conn(c);
        if self.net.readable(c, self.now) {
            self.net_wake(on);
            return;
        }
        let at = self.net.next_read_event(c, self.now);
        self.net_rearm(on, at);
    }

    /// Listener `l` changed (a dial, a close): wake its acceptor, or move its timer to the
    /// next handshake's arrival.
    fn listener_changed(&mut self, l: ListenerId) {
        let on = ObjId::Listener(l);
        if self.net.acceptable(l, self.now) {
            self.net_wake(on);
            return;
        }
        let at = self.net.listeners[l.index()]
            .backlog
            .front()
            .map(|(at, _)| *at);
        self.net_rearm(on, at);
    }

    /// After main returned and nothing can run: whatever is still on its way arrives now
    /// (bytes, EOF, handshakes), and the goroutines waiting for it wake; true when anything was
    /// in flight. A real program's connections are loopback ones, where a close reaches the
    /// peer in microseconds: real Go, settling after main (tests/oracle/net/run-lessons), sees
    /// lesson 32's idle clients read the EOF of `srv.Close()` and end, where the virtual
    /// latency left them waiting. Timers still do not fire, deadlines included.
    pub(crate) fn net_arrive_after_main(&mut self) -> bool {
        let now = self.now;
        let mut moved = false;
        for e in &mut self.net.conns {
            for (at, _) in e.inbox.iter_mut().filter(|(at, _)| *at > now) {
                *at = now;
                moved = true;
            }
            for at in [e.eof_at.as_mut(), Some(&mut e.connect_at)]
                .into_iter()
                .flatten()
            {
                if *at > now {
                    *at = now;
                    moved = true;
                }
            }
        }
        for l in &mut self.net.listeners {
            for (at, _) in l.backlog.iter_mut().filter(|(at, _)| *at > now) {
                *at = now;
                moved = true;
            }
        }
        if moved {
            for i in 0..self.net.conns.len() {
                self.net_changed(ConnId(i as u32));
            }
            for l in 0..self.net.listeners.len() {
                self.listener_changed(ListenerId(l as u32));
            }
        }
        moved
    }

    /// Moves the wake-up of every goroutine parked on `on` to `at` (none: no timer).
    fn net_rearm(&mut self, on: ObjId, at: Option<i64>) {
        for g in self.parked_on(on) {
            let old = self.net.waits.get(&g).and_then(|w| w.timer);
            if let Some(t) = old {
                self.timers_disarm(t);
                self.timers_recycle(t);
            }
            let timer = at.map(|at| {
                let id = self.timers_add(TimerKind::Net(g));
                self.timers_arm(id, at);
                id
            });
            if let Some(w) = self.net.waits.get_mut(&g) {
                w.timer = timer;
            }
        }
    }

    fn new_end(&mut self, side: Side, local: String, remote: String, path: Path) -> ConnId {
        let id = ConnId(self.net.conns.len() as u32);
        self.net.conns.push(ConnEnd {
            peer: id,
            side,
            local,
            remote,
            path,
            sent_at: 0,
            connect_at: 0,
            inbox: VecDeque::new(),
            eof_at: None,
            closed: false,
            idle: false,
            read_deadline: None,
            write_deadline: None,
        });
        id
    }
}

fn conn_state(e: &ConnEnd) -> ConnState {
    if e.closed {
        ConnState::Closed
    } else if e.idle {
        ConnState::Idle
    } else {
        ConnState::Active
    }
}

impl<V: Value> Cx<'_, V> {
    /// `net.Listen("tcp", addr)`: the listener and its address as Go prints it
    /// (`127.0.0.1:40000`, `[::]:8080` for `:8080`). Err: Go's reason (`bind: address already
    /// in use`) or the host the virtual network lacks.
    pub fn net_listen(&mut self, addr: &str) -> Result<(ListenerId, String), String> {
        let (host, port) = match parse_addr(addr) {
            Ok(x) => x,
            Err(DialError::NoHost(h)) => {
                return Err(format!(
                    "golite's virtual network has only this machine, not {h}"
                ));
            }
            Err(_) => return Err(format!("address {addr}: missing port in address")),
        };
        let net = &mut self.rt.net;
        let port = if port == 0 { net.free_port() } else { port };
        if net.listeners.iter().any(|l| !l.closed && l.port == port) {
            return Err("bind: address already in use".into());
        }
        let shown = match host.as_str() {
            "" | "[::]" | "0.0.0.0" => format!("[::]:{port}"),
            "[::1]" => format!("[::1]:{port}"),
            _ => format!("127.0.0.1:{port}"),
        };
        let path = match net.links.get(net.listeners.len()) {
            Some(link) => Path::of(*link),
            None => Path::latency(net.latency),
        };
        net.listeners.push(ListenerSlot {
            addr: shown.clone(),
            port,
            path,
            backlog: VecDeque::new(),
            closed: false,
        });
        Ok((ListenerId(net.listeners.len() as u32 - 1), shown))
    }

    /// `net.Dial("tcp", addr)`: the client end of a new connection, queued on the listener,
    /// which sees it when the handshake reaches it; the dialer waits for its end of the
    /// handshake with [`Cx::net_wait_connect`].
    pub fn net_dial(&mut self, addr: &str) -> Result<ConnId, DialError> {
        let (host, port) = parse_addr(addr)?;
        let gid = self.gid;
        let rt = &mut *self.rt;
        let Some(li) = rt
            .net
            .listeners
            .iter()
            .position(|l| !l.closed && l.port == port)
        else {
            return Err(DialError::Refused);
        };
        let remote = match host.as_str() {
            "[::1]" | "" | "[::]" => format!("[::1]:{port}"),
            _ => format!("127.0.0.1:{port}"),
        };
        let local_host = if remote.starts_with('[') {
            "[::1]"
        } else {
            "127.0.0.1"
        };
        let local = format!("{local_host}:{}", rt.net.free_port());
        let path = rt.net.listeners[li].path;
        let c = rt.new_end(Side::Client, local.clone(), remote.clone(), path);
        let s = rt.new_end(Side::Server, remote, local, path);
        let now = rt.now;
        let connect_at = now.saturating_add(path.handshake);
        rt.net.conns[c.index()].peer = s;
        rt.net.conns[c.index()].connect_at = connect_at;
        rt.net.conns[c.index()].sent_at = connect_at;
        rt.net.conns[s.index()].peer = c;
        let arrives = connect_at.saturating_add(if path.handshake > 0 { path.one_way } else { 0 });
        rt.net.conns[s.index()].sent_at = arrives;
        rt.net.listeners[li].backlog.push_back((arrives, s));
        rt.emit_conn(gid, c);
        rt.emit_conn(gid, s);
        rt.listener_changed(ListenerId(li as u32));
        Ok(c)
    }

    /// Whether `c`'s `Dial` is still in its handshake.
    pub fn net_connecting(&self, c: ConnId) -> bool {
        self.rt.net.conns[c.index()].connect_at > self.rt.now
    }

    /// Parks in `IO wait` until `c`'s handshake completes (Ready if it has), as Go's connect
    /// waits in the netpoller; the caller asks [`Cx::net_connecting`] again when woken.
    pub fn net_wait_connect(&mut self, c: ConnId) -> Op<()> {
        let at = self.rt.net.conns[c.index()].connect_at;
        if at <= self.rt.now {
            return Op::Ready(());
        }
        let next = self.rt.net.next_read_event(c, self.rt.now);
        self.rt.net_park(self.gid, ObjId::Conn(c), next);
        Op::Blocked
    }

    /// `Accept` without blocking: the next queued connection, if any.
    pub fn net_accept(&mut self, l: ListenerId) -> Result<Option<ConnId>, NetError> {
        let now = self.rt.now;
        let slot = &mut self.rt.net.listeners[l.index()];
        if slot.closed {
            return Err(NetError::Closed);
        }
        if slot.backlog.front().is_some_and(|(at, _)| *at <= now) {
            return Ok(slot.backlog.pop_front().map(|(_, s)| s));
        }
        Ok(None)
    }

    /// Parks in `IO wait` until `l` has a connection or is closed (Ready if it has or is).
    pub fn net_wait_accept(&mut self, l: ListenerId) -> Op<()> {
        if self.rt.net.acceptable(l, self.rt.now) {
            return Op::Ready(());
        }
        let at = self.rt.net.listeners[l.index()]
            .backlog
            .front()
            .map(|(at, _)| *at);
        self.rt.net_park(self.gid, ObjId::Listener(l), at);
        Op::Blocked
    }

    /// Closes the listener: `Accept` fails from now on; connections queued and never accepted
    /// are closed (their dialers read EOF).
    pub fn net_close_listener(&mut self, l: ListenerId) -> Result<(), NetError> {
        let slot = &mut self.rt.net.listeners[l.index()];
        if slot.closed {
            return Err(NetError::Closed);
        }
        slot.closed = true;
        let queued: Vec<ConnId> = slot.backlog.drain(..).map(|(_, s)| s).collect();
        for s in queued {
            let _ = self.net_close(s);
        }
        self.rt.listener_changed(l);
        Ok(())
    }

    /// The listener's address as Go prints it.
    pub fn net_listener_addr(&self, l: ListenerId) -> String {
        self.rt.net.listeners[l.index()].addr.clone()
    }

    /// A read of up to `max` bytes without blocking (see the module note for the order of the
    /// checks: closed, deadline, data, EOF).
    pub fn net_read(&mut self, c: ConnId, max: usize) -> Result<ReadResult, NetError> {
        let now = self.rt.now;
        let e = &mut self.rt.net.conns[c.index()];
        if e.closed {
            return Err(NetError::Closed);
        }
        if e.read_deadline.is_some_and(|d| now >= d) {
            return Err(NetError::Timeout);
        }
        if max == 0 {
            return Ok(ReadResult::Data(Vec::new()));
        }
        let mut out = Vec::new();
        while out.len() < max {
            let Some((at, front)) = e.inbox.front_mut() else {
                break;
            };
            if *at > now {
                break;
            }
            let take = (max - out.len()).min(front.len());
            out.extend(front.drain(..take));
            if front.is_empty() {
                e.inbox.pop_front();
            }
        }
        if !out.is_empty() {
            self.rt.race_io_read(self.gid);
            return Ok(ReadResult::Data(out));
        }
        if e.inbox.is_empty() && e.eof_at.is_some_and(|at| at <= now) {
            self.rt.race_io_read(self.gid);
            return Ok(ReadResult::Eof);
        }
        Ok(ReadResult::WouldBlock)
    }

    /// Parks in `IO wait` until a read on `c` can make progress (Ready if it can now).
    pub fn net_wait_read(&mut self, c: ConnId) -> Op<()> {
        let now = self.rt.now;
        if self.rt.net.readable(c, now) {
            return Op::Ready(());
        }
        let at = self.rt.net.next_read_event(c, now);
        self.rt.net_park(self.gid, ObjId::Conn(c), at);
        Op::Blocked
    }

    /// Writes `data` (never blocks): the peer can read it once it is sent (after the
    /// writes before it, at the link's bandwidth) and has crossed the link.
    pub fn net_write(&mut self, c: ConnId, data: &[u8]) -> Result<(), NetError> {
        let now = self.rt.now;
        let e = &mut self.rt.net.conns[c.index()];
        if e.closed {
            return Err(NetError::Closed);
        }
        if e.write_deadline.is_some_and(|d| now >= d) {
            return Err(NetError::Timeout);
        }
        // As syscall.Write: before the bytes go, whether or not the peer is still there.
        self.rt.race_io_write(self.gid);
        if data.is_empty() {
            return Ok(());
        }
        let e = &mut self.rt.net.conns[c.index()];
        let sent = now
            .max(e.sent_at)
            .saturating_add(e.path.sending(data.len()));
        e.sent_at = sent;
        let (peer, at) = (e.peer, sent.saturating_add(e.path.one_way));
        let p = &mut self.rt.net.conns[peer.index()];
        if p.closed {
            return Ok(());
        }
        p.inbox.push_back((at, data.to_vec()));
        self.rt.net_changed(peer);
        Ok(())
    }

    /// Closes this end: its parked reader wakes (and fails), the peer reads EOF after what
    /// was sent. Err when already closed.
    pub fn net_close(&mut self, c: ConnId) -> Result<(), NetError> {
        let now = self.rt.now;
        let e = &mut self.rt.net.conns[c.index()];
        if e.closed {
            return Err(NetError::Closed);
        }
        e.closed = true;
        e.inbox.clear();
        let (peer, at) = (e.peer, now.max(e.sent_at).saturating_add(e.path.one_way));
        let gid = self.gid;
        self.rt.emit_conn(gid, c);
        self.rt.net_wake(ObjId::Conn(c));
        if peer != c {
            let p = &mut self.rt.net.conns[peer.index()];
            if !p.closed && p.eof_at.is_none() {
                p.eof_at = Some(at);
                self.rt.net_changed(peer);
            }
        }
        Ok(())
    }

    /// Sets the read and/or write deadline of `c` (`Some(None)` clears one); a parked reader
    /// wakes at the new deadline, or now if it already passed.
    pub fn net_set_deadline(
        &mut self,
        c: ConnId,
        read: Option<Option<i64>>,
        write: Option<Option<i64>>,
    ) -> Result<(), NetError> {
        let e = &mut self.rt.net.conns[c.index()];
        if e.closed {
            return Err(NetError::Closed);
        }
        if let Some(r) = read {
            e.read_deadline = r;
        }
        if let Some(w) = write {
            e.write_deadline = w;
        }
        self.rt.net_changed(c);
        Ok(())
    }

    /// The end's local and remote addresses as Go prints them.
    pub fn net_addrs(&self, c: ConnId) -> (String, String) {
        let e = &self.rt.net.conns[c.index()];
        (e.local.clone(), e.remote.clone())
    }

    /// Marks an open end idle (in a pool) or active again; shown in snapshots.
    pub fn net_set_idle(&mut self, c: ConnId, idle: bool) {
        let e = &mut self.rt.net.conns[c.index()];
        if e.closed || e.idle == idle {
            return;
        }
        e.idle = idle;
        let gid = self.gid;
        self.rt.emit_conn(gid, c);
    }

    /// Whether this end was closed.
    pub fn net_is_closed(&self, c: ConnId) -> bool {
        self.rt.net.conns[c.index()].closed
    }

    /// Reports a connection pool's limits (0: none) and the requests queued for one of its
    /// connections (`pool` `None`: a new pool); an [`EventKind::Pool`] when they changed. The
    /// runtime keeps no pool itself: the library's pool says what it is, for the snapshot.
    pub fn net_pool(
        &mut self,
        pool: Option<u32>,
        max_conns: u32,
        max_idle: u32,
        queued: u32,
    ) -> u32 {
        let pools = &mut self.rt.net.pools;
        let id = match pool {
            Some(p) if (p as usize) < pools.len() => p,
            _ => {
                pools.push((u32::MAX, u32::MAX, u32::MAX));
                pools.len() as u32 - 1
            }
        };
        let now = (max_conns, max_idle, queued);
        if pools[id as usize] != now {
            pools[id as usize] = now;
            let gid = self.gid;
            self.rt.emit(
                gid,
                EventKind::Pool {
                    pool: id,
                    max_conns,
                    max_idle,
                    queued,
                },
            );
        }
        id
    }
}
