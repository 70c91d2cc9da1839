//! Go's `time`: durations, the virtual clock's `Now`/`Sleep`, timers and tickers on the runtime,
//! and `Time` values (UTC; the calendar and layouts are in `time_layout.rs`).

use super::support::*;
use crate::golite::fmt::duration::duration_string;
use crate::golite::fmt::time_layout::{self as cal, CLOCK_START, UNIX_TO_ABS};

natives! {
    Pkg::Time;
    TimeSleep,
    TimeAfter,
    TimeTick,
    TimeNewTimer,
    TimeNewTicker,
    TimeAfterFunc,
    TimeNow,
    TimeSince,
    TimeUntil,
    DurationRound,
    DurationTruncate,
    DurationAbs,
    TimeParseDuration,
    DurationString,
    DurationSeconds,
    DurationMilliseconds,
    DurationMicroseconds,
    DurationNanoseconds,
    DurationMinutes,
    DurationHours,
    TimeSub,
    TimeAdd,
    TimeBefore,
    TimeAfterM,
    TimeEqual,
    TimeUnixNano,
    TimeUnixMilli,
    TimeIsZero,
    TimerStop,
    TimerReset,
    TickerStop,
    TickerReset,
    TimeDate,
    TimeUnix,
    TimeUnixMilliF,
    TimeParse,
    TimeUtcLoc,
    TimeLocalLoc,
    TimeYear,
    TimeMonth,
    TimeDay,
    TimeHour,
    TimeMinute,
    TimeSecond,
    TimeNanosecond,
    TimeWeekday,
    TimeYearDay,
    TimeDateM,
    TimeClock,
    TimeFormat,
    TimeString,
    TimeSame,
    TimeAddDate,
    TimeTruncate,
    TimeRound,
    TimeUnixM,
    TimeUnixMicro,
    TimeCompare,
    TimeLocation,
    MonthString,
    WeekdayString,
    LocationString,
}

const PATH: &str = "time";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Time,
    path: PATH,
    extra_steps,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    let dur = |ns: i128| Some(Member::Const(ConstVal::Int(ns), std.duration));
    match name {
        "Duration" => Some(Member::Type(std.duration)),
        "Time" => Some(Member::Type(std.time)),
        "Month" => Some(Member::Type(std.month)),
        "Timer" => Some(Member::Type(std.timer)),
        "Ticker" => Some(Member::Type(std.ticker)),
        "Nanosecond" => dur(1),
        "Microsecond" => dur(1_000),
        "Millisecond" => dur(1_000_000),
        "Second" => dur(1_000_000_000),
        "Minute" => dur(60_000_000_000),
        "Hour" => dur(3_600_000_000_000),
        "Sleep" => f(c, "func(Duration)", N::TimeSleep),
        "After" => f(c, "func(Duration) <-chan Time", N::TimeAfter),
        "Tick" => f(c, "func(Duration) <-chan Time", N::TimeTick),
        "NewTimer" => f(c, "func(Duration) *Timer", N::TimeNewTimer),
        "NewTicker" => f(c, "func(Duration) *Ticker", N::TimeNewTicker),
        "AfterFunc" => f(c, "func(Duration, func()) *Timer", N::TimeAfterFunc),
        "Now" => f(c, "func() Time", N::TimeNow),
        "Since" => f(c, "func(Time) Duration", N::TimeSince),
        "Until" => f(c, "func(Time) Duration", N::TimeUntil),
        "ParseDuration" => f(c, "func(string) (Duration, error)", N::TimeParseDuration),
        "Weekday" => Some(Member::Type(std.weekday)),
        "Location" => Some(Member::Type(c.more.location)),
        "Date" => f(
            c,
            "func(int, Month, int, int, int, int, int, *Location) Time",
            N::TimeDate,
        ),
        "Unix" => f(c, "func(int64, int64) Time", N::TimeUnix),
        "UnixMilli" => f(c, "func(int64) Time", N::TimeUnixMilliF),
        "Parse" => f(c, "func(string, string) (Time, error)", N::TimeParse),
        "UTC" => {
            let t = c.types.pointer(c.more.location);
            Some(Member::Value(N::TimeUtcLoc, t))
        }
        "Local" => {
            let t = c.types.pointer(c.more.location);
            Some(Member::Value(N::TimeLocalLoc, t))
        }
        _ => {
            if let Some(i) = cal::MONTHS.iter().position(|m| *m == name) {
                return Some(Member::Const(ConstVal::Int(i as i128 + 1), std.month));
            }
            if let Some(i) = cal::DAYS.iter().position(|d| *d == name) {
                return Some(Member::Const(ConstVal::Int(i as i128), std.weekday));
            }
            let layout = LAYOUTS.iter().find(|(n, _)| *n == name)?.1;
            Some(Member::Const(
                ConstVal::Str(layout.into()),
                crate::golite::types::ids::UNTYPED_STRING,
            ))
        }
    }
}

/// Go's layout constants.
const LAYOUTS: &[(&str, &str)] = &[
    ("Layout", "01/02 03:04:05PM '06 -0700"),
    ("ANSIC", "Mon Jan _2 15:04:05 2006"),
    ("UnixDate", "Mon Jan _2 15:04:05 MST 2006"),
    ("RubyDate", "Mon Jan 02 15:04:05 -0700 2006"),
    ("RFC822", "02 Jan 06 15:04 MST"),
    ("RFC822Z", "02 Jan 06 15:04 -0700"),
    ("RFC850", "Monday, 02-Jan-06 15:04:05 MST"),
    ("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"),
    ("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"),
    ("RFC3339", "2006-01-02T15:04:05Z07:00"),
    ("RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"),
    ("Kitchen", "3:04PM"),
    ("Stamp", "Jan _2 15:04:05"),
    ("StampMilli", "Jan _2 15:04:05.000"),
    ("StampMicro", "Jan _2 15:04:05.000000"),
    ("StampNano", "Jan _2 15:04:05.000000000"),
    ("DateTime", "2006-01-02 15:04:05"),
    ("DateOnly", "2006-01-02"),
    ("TimeOnly", "15:04:05"),
];

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let weekday = c.std.weekday;
    let location = named_struct(
        &mut c.types,
        "time.Location",
        &[("name", crate::golite::types::ids::STRING)],
    );
    c.more.location = location;
    let s = c.std.clone();
    let tm = s.time;
    add_methods(
        c,
        PATH,
        &[
            (tm, "Year", "func() int", N::TimeYear, false),
            (tm, "Month", "func() Month", N::TimeMonth, false),
            (tm, "Day", "func() int", N::TimeDay, false),
            (tm, "Hour", "func() int", N::TimeHour, false),
            (tm, "Minute", "func() int", N::TimeMinute, false),
            (tm, "Second", "func() int", N::TimeSecond, false),
            (tm, "Nanosecond", "func() int", N::TimeNanosecond, false),
            (tm, "Weekday", "func() Weekday", N::TimeWeekday, false),
            (tm, "YearDay", "func() int", N::TimeYearDay, false),
            (tm, "Date", "func() (int, Month, int)", N::TimeDateM, false),
            (tm, "Clock", "func() (int, int, int)", N::TimeClock, false),
            (tm, "Format", "func(string) string", N::TimeFormat, false),
            (tm, "String", "func() string", N::TimeString, false),
            (tm, "UTC", "func() Time", N::TimeSame, false),
            (tm, "Local", "func() Time", N::TimeSame, false),
            (tm, "In", "func(*Location) Time", N::TimeSame, false),
            (tm, "Location", "func() *Location", N::TimeLocation, false),
            (
                tm,
                "AddDate",
                "func(int, int, int) Time",
                N::TimeAddDate,
                false,
            ),
            (
                tm,
                "Truncate",
                "func(Duration) Time",
                N::TimeTruncate,
                false,
            ),
            (tm, "Round", "func(Duration) Time", N::TimeRound, false),
            (tm, "Unix", "func() int64", N::TimeUnixM, false),
            (tm, "UnixMicro", "func() int64", N::TimeUnixMicro, false),
            (tm, "Compare", "func(Time) int", N::TimeCompare, false),
            (s.month, "String", "func() string", N::MonthString, false),
            (weekday, "String", "func() string", N::WeekdayString, false),
            (location, "String", "func() string", N::LocationString, true),
        ],
    );
    add_methods(
        c,
        PATH,
        &[
            (
                s.duration,
                "String",
                "func() string",
                N::DurationString,
                false,
            ),
            (
                s.duration,
                "Seconds",
                "func() float64",
                N::DurationSeconds,
                false,
            ),
            (
                s.duration,
                "Milliseconds",
                "func() int64",
                N::DurationMilliseconds,
                false,
            ),
            (
                s.duration,
                "Microseconds",
                "func() int64",
                N::DurationMicroseconds,
                false,
            ),
            (
                s.duration,
                "Nanoseconds",
                "func() int64",
                N::DurationNanoseconds,
                false,
            ),
            (
                s.duration,
                "Minutes",
                "func() float64",
                N::DurationMinutes,
                false,
            ),
            (
                s.duration,
                "Hours",
                "func() float64",
                N::DurationHours,
                false,
            ),
            (s.time, "Sub", "func(Time) Duration", N::TimeSub, false),
            (s.time, "Add", "func(Duration) Time", N::TimeAdd, false),
            (s.time, "Before", "func(Time) bool", N::TimeBefore, false),
            (s.time, "After", "func(Time) bool", N::TimeAfterM, false),
            (s.time, "Equal", "func(Time) bool", N::TimeEqual, false),
            (s.time, "UnixNano", "func() int64", N::TimeUnixNano, false),
            (s.time, "UnixMilli", "func() int64", N::TimeUnixMilli, false),
            (s.time, "IsZero", "func() bool", N::TimeIsZero, false),
            (s.timer, "Stop", "func() bool", N::TimerStop, true),
            (s.timer, "Reset", "func(Duration) bool", N::TimerReset, true),
            (s.ticker, "Stop", "func()", N::TickerStop, true),
            (s.ticker, "Reset", "func(Duration)", N::TickerReset, true),
        ],
    );
    let d = s.duration;
    add_method(
        c,
        d,
        PATH,
        "Round",
        "func(Duration) Duration",
        N::DurationRound,
        false,
    );
    add_method(
        c,
        d,
        PATH,
        "Truncate",
        "func(Duration) Duration",
        N::DurationTruncate,
        false,
    );
    add_method(c, d, PATH, "Abs", "func() Duration", N::DurationAbs, false);
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::TimeSleep => return ok_or_block(cx.sleep(arg(0).as_int())),
        N::TimeAfter | N::TimeTick => {
            let d = arg(0).as_int();
            let (_, ch) = if n == N::TimeAfter {
                cx.new_timer(d)
            } else {
                cx.new_ticker(d.max(1))
            };
            push!(t, Value::Chan(ChanRef::made(ch)));
        }
        N::TimeNewTimer | N::TimeNewTicker => {
            let d = arg(0).as_int();
            if n == N::TimeNewTicker && d <= 0 {
                return NRes::Panic("non-positive interval for NewTicker".into());
            }
            let (id, ch) = if n == N::TimeNewTimer {
                cx.new_timer(d)
            } else {
                cx.new_ticker(d)
            };
            let timer = Obj::new(vec![
                Value::Chan(ChanRef::made(ch)),
                Value::Int(i64::from(id.0)),
            ]);
            reach::register(&timer, Ref::Timer(id));
            push!(t, Value::Agg(timer));
        }
        N::TimeAfterFunc => {
            let task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            let id = cx.after_func(arg(0).as_int(), Box::new(task));
            let timer = Obj::new(vec![Value::Nil, Value::Int(i64::from(id.0))]);
            reach::register(&timer, Ref::Timer(id));
            push!(t, Value::Agg(timer));
        }
        N::TimeNow => push!(t, time_value(cx.now())),
        N::TimeSince => push!(t, Value::Int(sub(time_value(cx.now()), arg(0)))),
        N::TimeUntil => push!(t, Value::Int(sub(arg(0), time_value(cx.now())))),
        N::TimeSub => push!(t, Value::Int(sub(arg(0), arg(1)))),
        N::TimeAdd => {
            let (sec, nsec) = parts(&arg(0));
            let d = arg(1).as_int();
            push!(t, make(i128::from(sec), i128::from(nsec) + i128::from(d)))
        }
        N::TimeBefore => push!(t, Value::Bool(parts(&arg(0)) < parts(&arg(1)))),
        N::TimeAfterM => push!(t, Value::Bool(parts(&arg(0)) > parts(&arg(1)))),
        N::TimeEqual => push!(t, Value::Bool(parts(&arg(0)) == parts(&arg(1)))),
        N::TimeCompare => push!(t, Value::Int(parts(&arg(0)).cmp(&parts(&arg(1))) as i64)),
        N::TimeUnixNano => {
            let (sec, nsec) = parts(&arg(0));
            push!(
                t,
                Value::Int(
                    (sec - UNIX_TO_ABS)
                        .wrapping_mul(1_000_000_000)
                        .wrapping_add(nsec)
                )
            )
        }
        N::TimeUnixMilli | N::TimeUnixMicro | N::TimeUnixM => {
            let (sec, nsec) = parts(&arg(0));
            let unit = match n {
                N::TimeUnixMilli => 1_000,
                N::TimeUnixMicro => 1_000_000,
                _ => 1,
            };
            push!(
                t,
                Value::Int((sec - UNIX_TO_ABS) * unit + nsec / (1_000_000_000 / unit))
            )
        }
        N::TimeIsZero => push!(t, Value::Bool(parts(&arg(0)) == (0, 0))),
        N::TimeDate => {
            let i = |k: usize| arg(k).as_int();
            let (sec, nsec) = cal::date(i(0), i(1), i(2), i(3), i(4), i(5), i(6));
            push!(t, make(i128::from(sec), i128::from(nsec)))
        }
        N::TimeUnix => {
            let (sec, nsec) = (arg(0).as_int(), arg(1).as_int());
            push!(
                t,
                make(i128::from(sec) + i128::from(UNIX_TO_ABS), i128::from(nsec))
            )
        }
        N::TimeUnixMilliF => {
            let ms = i128::from(arg(0).as_int());
            push!(t, make(i128::from(UNIX_TO_ABS), ms * 1_000_000))
        }
        N::TimeParse => match cal::parse(s(&arg(0)), s(&arg(1))) {
            Ok((sec, nsec)) => {
                push!(t, make(i128::from(sec), i128::from(nsec)));
                push!(t, Value::Nil);
            }
            Err(m) => {
                push!(t, make(0, 0));
                push!(t, new_error(t, &m));
            }
        },
        N::TimeUtcLoc | N::TimeLocalLoc | N::TimeLocation => {
            let name = if n == N::TimeLocalLoc { "Local" } else { "UTC" };
            push!(t, Value::agg(vec![strv(name)]))
        }
        N::LocationString => push!(t, strv(s(&get_field(&arg(0), 0)))),
        N::TimeSame => push!(t, arg(0)),
        N::TimeYear
        | N::TimeMonth
        | N::TimeDay
        | N::TimeHour
        | N::TimeMinute
        | N::TimeSecond
        | N::TimeNanosecond
        | N::TimeWeekday
        | N::TimeYearDay => {
            let (sec, nsec) = parts(&arg(0));
            let c = cal::civil(sec, nsec);
            push!(
                t,
                Value::Int(match n {
                    N::TimeYear => c.year,
                    N::TimeMonth => c.month,
                    N::TimeDay => c.day,
                    N::TimeHour => c.hour,
                    N::TimeMinute => c.min,
                    N::TimeSecond => c.sec,
                    N::TimeNanosecond => c.nsec,
                    N::TimeWeekday => c.weekday,
                    _ => c.yday,
                })
            )
        }
        N::TimeDateM | N::TimeClock => {
            let (sec, nsec) = parts(&arg(0));
            let c = cal::civil(sec, nsec);
            let three = if n == N::TimeDateM {
                [c.year, c.month, c.day]
            } else {
                [c.hour, c.min, c.sec]
            };
            for x in three {
                push!(t, Value::Int(x));
            }
        }
        N::TimeFormat | N::TimeString => {
            let (sec, nsec) = parts(&arg(0));
            let c = cal::civil(sec, nsec);
            let layout = if n == N::TimeString {
                cal::STRING_LAYOUT.to_string()
            } else {
                s(&arg(1)).to_string()
            };
            push!(t, strv(cal::format(&c, &layout)))
        }
        N::TimeAddDate => {
            let (sec, nsec) = parts(&arg(0));
            let c = cal::civil(sec, nsec);
            let (y, m, d) = (arg(1).as_int(), arg(2).as_int(), arg(3).as_int());
            let (sec, nsec) = cal::date(
                c.year + y,
                c.month + m,
                c.day + d,
                c.hour,
                c.min,
                c.sec,
                c.nsec,
            );
            push!(t, make(i128::from(sec), i128::from(nsec)))
        }
        N::TimeTruncate | N::TimeRound => {
            let (sec, nsec) = parts(&arg(0));
            let d = i128::from(arg(1).as_int());
            let total = i128::from(sec) * 1_000_000_000 + i128::from(nsec);
            if d <= 0 {
                push!(t, arg(0));
            } else {
                let r = total.rem_euclid(d);
                let out = if n == N::TimeTruncate || r + r < d {
                    total - r
                } else {
                    total + (d - r)
                };
                push!(t, make(0, out))
            }
        }
        N::MonthString => push!(t, strv(cal::month_string(arg(0).as_int()))),
        N::WeekdayString => push!(t, strv(cal::weekday_string(arg(0).as_int()))),
        N::TimerStop | N::TickerStop => {
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            let r = cx.timer_stop(id);
            if n == N::TimerStop {
                push!(t, Value::Bool(r));
            }
        }
        N::TimerReset => {
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            push!(t, Value::Bool(cx.timer_reset(id, arg(1).as_int())));
        }
        N::TickerReset => {
            let d = arg(1).as_int();
            if d <= 0 {
                return NRes::Panic("non-positive interval for Ticker.Reset".into());
            }
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            cx.ticker_reset(id, d);
        }
        N::DurationString => push!(t, strv(duration_string(arg(0).as_int()))),
        N::DurationSeconds => push!(t, Value::Float(arg(0).as_int() as f64 / 1e9)),
        N::DurationMinutes => push!(t, Value::Float(arg(0).as_int() as f64 / 6e10)),
        N::DurationHours => push!(t, Value::Float(arg(0).as_int() as f64 / 3.6e12)),
        N::DurationMilliseconds => push!(t, Value::Int(arg(0).as_int() / 1_000_000)),
        N::DurationMicroseconds => push!(t, Value::Int(arg(0).as_int() / 1_000)),
        N::DurationNanoseconds => push!(t, Value::Int(arg(0).as_int())),
        N::DurationRound | N::DurationTruncate => {
            let (d, m) = (arg(0).as_int(), arg(1).as_int());
            push!(
                t,
                Value::Int(if m <= 0 {
                    d
                } else if n == N::DurationTruncate {
                    d - d % m
                } else {
                    duration_round(d, m)
                })
            )
        }
        N::DurationAbs => {
            let d = arg(0).as_int();
            push!(
                t,
                Value::Int(if d == i64::MIN { i64::MAX } else { d.abs() })
            )
        }
        N::TimeParseDuration => {
            let x = arg(0);
            match parse_duration(s(&x)) {
                Ok(d) => {
                    push!(t, Value::Int(d));
                    push!(t, Value::Nil);
                }
                Err(m) => {
                    push!(t, Value::Int(0));
                    push!(t, new_error(t, &m));
                }
            }
        }
        _ => {}
    }
    NRes::Ok
}

/// A `time.Time` at `ns` nanoseconds on the virtual clock (which starts at 2000-01-01 UTC).
pub(crate) fn time_value(ns: i64) -> Value {
    make(
        i128::from(CLOCK_START) + i128::from(ns.div_euclid(1_000_000_000)),
        i128::from(ns.rem_euclid(1_000_000_000)),
    )
}

/// Where a `time.Time` is on the virtual clock, in nanoseconds (saturating).
pub(super) fn virtual_ns(v: &Value) -> i64 {
    let (sec, nsec) = parts(v);
    let ns = (i128::from(sec) - i128::from(CLOCK_START)) * 1_000_000_000 + i128::from(nsec);
    ns.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// A `time.Time`: seconds since January 1, year 1 UTC and nanoseconds (the zero Time is that
/// instant, as in Go), normalized so that the nanoseconds are in [0, 1e9).
fn make(sec: i128, nsec: i128) -> Value {
    let sec = sec + nsec.div_euclid(1_000_000_000);
    let nsec = nsec.rem_euclid(1_000_000_000);
    Value::agg(vec![
        Value::Int(sec.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64),
        Value::Int(nsec as i64),
    ])
}

fn parts(v: &Value) -> (i64, i64) {
    (get_field(v, 0).as_int(), get_field(v, 1).as_int())
}

/// `a.Sub(b)`, saturating at the largest and smallest Duration as Go does.
fn sub(a: Value, b: Value) -> i64 {
    let (s1, n1) = parts(&a);
    let (s2, n2) = parts(&b);
    let d = (i128::from(s1) - i128::from(s2)) * 1_000_000_000 + i128::from(n1) - i128::from(n2);
    d.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// Go's `Duration.Round`: to the nearest multiple of `m`, halves away from zero, saturating.
fn duration_round(d: i64, m: i64) -> i64 {
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if r + r < m {
            return d + r;
        }
        return d.checked_sub(m - r).unwrap_or(i64::MIN);
    }
    if r + r < m {
        return d - r;
    }
    d.checked_add(m - r).unwrap_or(i64::MAX)
}

/// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, with Go's error texts.
pub(super) fn parse_duration(orig: &str) -> Result<i64, String> {
    let q = crate::golite::fmt::format::quote;
    let invalid = || format!("time: invalid duration {}", q(orig));
    let mut s = orig;
    let mut neg = false;
    if let Some(c) = s.chars().next()
        && (c == '-' || c == '+')
    {
        neg = c == '-';
        s = &s[1..];
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut d: u64 = 0;
    while !s.is_empty() {
        let b = s.as_bytes();
        if !(b[0] == b'.' || b[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // Whole part.
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let mut v: u64 = 0;
        for &c in &b[..digits] {
            if v > (1 << 63) / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(c - b'0');
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        let pre = digits > 0;
        s = &s[digits..];
        // Fraction.
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.starts_with('.') {
            s = &s[1..];
            let fd = s.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for c in s[..fd].bytes() {
                if overflow {
                    continue;
                }
                if f > ((1u64 << 63) - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + u64::from(c - b'0');
                if y > 1 << 63 {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            post = fd > 0;
            s = &s[fd..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        // Unit.
        let i = s
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            return Err(format!("time: missing unit in duration {}", q(orig)));
        }
        let u = &s[..i];
        s = &s[i..];
        let unit: u64 = match u {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    q(u),
                    q(orig)
                ));
            }
        };
        if v > (1 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        d += v;
        if d > 1 << 63 {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

/// Steps a time call costs beyond the bytes it reads and writes: making a timer costs as much
/// as dozens of instructions.
fn extra_steps(n: Native, _work_in: u64, _work_out: u64) -> u64 {
    match n {
        N::TimeAfter | N::TimeTick | N::TimeNewTimer | N::TimeNewTicker | N::TimeAfterFunc => 100,
        _ => 0,
    }
}
