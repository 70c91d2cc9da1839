//! Go's `log`: the standard logger (prefix, flags, date and time on the virtual clock), printing
//! through fmt's argument preparation.

use super::support::*;

natives! {
    Pkg::Log;
    LogPrint,
    LogPrintln,
    LogPrintf,
    LogFatal,
    LogFatalln,
    LogFatalf,
    LogPanic,
    LogPanicln,
    LogPanicf,
    LogSetFlags,
    LogSetPrefix,
    LogFlags,
    LogPrefix,
    LogLine,
}

const PATH: &str = "log";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Log,
    path: PATH,
    go: GO,
    needs: &["io"],
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    let int = |v: i128| Some(Member::Const(ConstVal::Int(v), ids::UNTYPED_INT));
    match name {
        "Print" => Some(Member::Generic(Generic::Fmt(N::LogPrint, false))),
        "Println" => Some(Member::Generic(Generic::Fmt(N::LogPrintln, false))),
        "Printf" => Some(Member::Generic(Generic::Fmt(N::LogPrintf, true))),
        "Fatal" => Some(Member::Generic(Generic::Fmt(N::LogFatal, false))),
        "Fatalln" => Some(Member::Generic(Generic::Fmt(N::LogFatalln, false))),
        "Fatalf" => Some(Member::Generic(Generic::Fmt(N::LogFatalf, true))),
        "Panic" => Some(Member::Generic(Generic::Fmt(N::LogPanic, false))),
        "Panicln" => Some(Member::Generic(Generic::Fmt(N::LogPanicln, false))),
        "Panicf" => Some(Member::Generic(Generic::Fmt(N::LogPanicf, true))),
        "SetFlags" => f(c, "func(int)", N::LogSetFlags),
        "SetPrefix" => f(c, "func(string)", N::LogSetPrefix),
        "Flags" => f(c, "func() int", N::LogFlags),
        "Prefix" => f(c, "func() string", N::LogPrefix),
        // For the Go source's Logger: a line as a logger with these flags and prefix writes it.
        "\u{a78f}line" => f(c, "func(int, string, string) string", N::LogLine),
        "Ldate" => int(LDATE.into()),
        "Ltime" => int(LTIME.into()),
        "Lmicroseconds" => int(LMICRO.into()),
        "Llongfile" => int(8),
        "Lshortfile" => int(16),
        "LUTC" => int(32),
        "Lmsgprefix" => int(LMSGPREFIX.into()),
        "LstdFlags" => int(LSTD_FLAGS.into()),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::LogSetFlags => LOG.with(|l| l.borrow_mut().0 = arg(0).as_int()),
        N::LogSetPrefix => LOG.with(|l| l.borrow_mut().1 = s(&arg(0)).to_string()),
        N::LogFlags => push!(t, Value::Int(LOG.with(|l| l.borrow().0))),
        N::LogPrefix => push!(t, strv(LOG.with(|l| l.borrow().1.clone()))),
        N::LogLine => push!(
            t,
            strv(log_line(cx.now(), arg(0).as_int(), s(&arg(1)), s(&arg(2))))
        ),
        n if is_log(n) => {
            let msg = match n {
                N::LogPrintf | N::LogFatalf | N::LogPanicf => {
                    crate::golite::fmt::value::sprintf(t, s(&arg(0)), &slice_items(&arg(1)))
                }
                N::LogPrintln | N::LogFatalln | N::LogPanicln => {
                    crate::golite::fmt::value::sprintln(t, &slice_items(&arg(0)))
                }
                _ => crate::golite::fmt::value::sprint(t, &slice_items(&arg(0))),
            };
            let (flags, prefix) = LOG.with(|l| l.borrow().clone());
            cx.print_err(&log_line(cx.now(), flags, &prefix, &msg));
            match n {
                N::LogFatal | N::LogFatalln | N::LogFatalf => {
                    cx.exit(1);
                    t.frames.clear();
                    t.stack.clear();
                    return NRes::Reload;
                }
                N::LogPanic | N::LogPanicln | N::LogPanicf => {
                    // panic(s): the value is the message, as a string in an interface.
                    t.start_panic(
                        Value::Iface(Rc::new((ids::STRING, strv(&msg)))),
                        msg.clone(),
                    );
                    return NRes::Reload;
                }
                _ => {}
            }
        }
        _ => {}
    }
    NRes::Ok
}

/// A log line as the standard logger writes it: prefix, date and time of the virtual clock
/// (a synctest bubble's clock starts at 2000-01-01 00:00:00 UTC), message, newline.
fn log_line(now_ns: i64, flags: i64, prefix: &str, msg: &str) -> String {
    let mut out = String::new();
    if flags & LMSGPREFIX == 0 {
        out.push_str(prefix);
    }
    if flags & (LDATE | LTIME | LMICRO) != 0 {
        let secs = 946_684_800 + now_ns.div_euclid(1_000_000_000);
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let sod = secs.rem_euclid(86_400);
        if flags & LDATE != 0 {
            out.push_str(&format!("{y:04}/{m:02}/{d:02} "));
        }
        if flags & (LTIME | LMICRO) != 0 {
            out.push_str(&format!(
                "{:02}:{:02}:{:02}",
                sod / 3600,
                sod / 60 % 60,
                sod % 60
            ));
            if flags & LMICRO != 0 {
                out.push_str(&format!(".{:06}", now_ns.rem_euclid(1_000_000_000) / 1000));
            }
            out.push(' ');
        }
    }
    if flags & LMSGPREFIX != 0 {
        out.push_str(prefix);
    }
    out.push_str(msg);
    if !msg.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

thread_local! {
    /// The standard logger's flags and prefix (`log.SetFlags`, `log.SetPrefix`).
    static LOG: std::cell::RefCell<(i64, String)> =
        const { std::cell::RefCell::new((LSTD_FLAGS, String::new())) };
}

const LDATE: i64 = 1;
const LTIME: i64 = 2;
const LMICRO: i64 = 4;
const LMSGPREFIX: i64 = 64;
const LSTD_FLAGS: i64 = LDATE | LTIME;

/// Forgets the previous run's logger settings.
pub(super) fn reset() {
    LOG.with(|l| *l.borrow_mut() = (LSTD_FLAGS, String::new()));
}

/// The log functions that format like fmt (their arguments are compiled as fmt's).
pub(super) fn is_log(n: Native) -> bool {
    n.pkg == Pkg::Log as u8
        && matches!(
            n,
            N::LogPrint
                | N::LogPrintln
                | N::LogPrintf
                | N::LogFatal
                | N::LogFatalln
                | N::LogFatalf
                | N::LogPanic
                | N::LogPanicln
                | N::LogPanicf
        )
}

/// log.Logger and log.New, written in Go (std/mod.rs's `go_source`): each message is one Write
/// of the whole line to the logger's writer, as Go's.
const GO: &str = r#"
type logꞏLogger struct {
	out    ioꞏWriter
	prefix string
	flag   int
}

func logꞏNew(out ioꞏWriter, prefix string, flag int) *logꞏLogger {
	return &logꞏLogger{out, prefix, flag}
}

func (l *logꞏLogger) output(msg string) {
	l.out.Write([]byte(logꞏ.ꞏline(l.flag, l.prefix, msg)))
}
func (l *logꞏLogger) Print(v ...any)                 { l.output(fmtꞏ.Sprint(v...)) }
func (l *logꞏLogger) Printf(format string, v ...any) { l.output(fmtꞏ.Sprintf(format, v...)) }
func (l *logꞏLogger) Println(v ...any)               { l.output(fmtꞏ.Sprintln(v...)) }
func (l *logꞏLogger) Fatal(v ...any) {
	l.output(fmtꞏ.Sprint(v...))
	osꞏ.Exit(1)
}
func (l *logꞏLogger) Fatalf(format string, v ...any) {
	l.output(fmtꞏ.Sprintf(format, v...))
	osꞏ.Exit(1)
}
func (l *logꞏLogger) Fatalln(v ...any) {
	l.output(fmtꞏ.Sprintln(v...))
	osꞏ.Exit(1)
}
func (l *logꞏLogger) Panic(v ...any) {
	s := fmtꞏ.Sprint(v...)
	l.output(s)
	panic(s)
}
func (l *logꞏLogger) Panicf(format string, v ...any) {
	s := fmtꞏ.Sprintf(format, v...)
	l.output(s)
	panic(s)
}
func (l *logꞏLogger) Panicln(v ...any) {
	s := fmtꞏ.Sprintln(v...)
	l.output(s)
	panic(s)
}
func (l *logꞏLogger) SetPrefix(prefix string) { l.prefix = prefix }
func (l *logꞏLogger) Prefix() string          { return l.prefix }
func (l *logꞏLogger) SetFlags(flag int)       { l.flag = flag }
func (l *logꞏLogger) Flags() int              { return l.flag }
func (l *logꞏLogger) SetOutput(w ioꞏWriter)   { l.out = w }
func (l *logꞏLogger) Writer() ioꞏWriter       { return l.out }
"#;
