//! The calendar and the layouts of Go's `time` (its `format.go`): a `time.Time` as seconds since
//! January 1, year 1 UTC plus nanoseconds, as Go keeps it, split into a civil date and clock,
//! formatted and parsed by Go's reference-time layouts (`2006-01-02 15:04:05`). Every time is
//! UTC: a synctest bubble's clock (and golite's virtual clock) starts at 2000-01-01 00:00:00 UTC.

/// The layout of `Time.String` (every time is UTC).
pub(crate) const STRING_LAYOUT: &str = "2006-01-02 15:04:05.999999999 -0700 MST";

/// Seconds from January 1, year 1 to January 1, 1970 (Unix time 0).
pub(crate) const UNIX_TO_ABS: i64 = 62_135_596_800;
/// Seconds from January 1, year 1 to January 1, 2000: where the virtual clock starts.
pub(crate) const CLOCK_START: i64 = 63_082_281_600;
/// Days from January 1, year 1 to January 1, 1970.
const DAYS_TO_UNIX: i64 = 719_162;

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A time split into its parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Civil {
    pub(crate) year: i64,
    pub(crate) month: i64,
    pub(crate) day: i64,
    pub(crate) hour: i64,
    pub(crate) min: i64,
    pub(crate) sec: i64,
    pub(crate) nsec: i64,
    /// 0 is Sunday.
    pub(crate) weekday: i64,
    /// 1 for January 1.
    pub(crate) yday: i64,
}

/// (year, month, day) of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Days from 1970-01-01 to (year, month, day), month in 1..=12.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The parts of the time `sec` seconds and `nsec` nanoseconds after year 1 began.
pub(crate) fn civil(sec: i64, nsec: i64) -> Civil {
    let days = sec.div_euclid(86_400);
    let sod = sec.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days - DAYS_TO_UNIX);
    let yday = days - DAYS_TO_UNIX - days_from_civil(year, 1, 1) + 1;
    Civil {
        year,
        month,
        day,
        hour: sod / 3600,
        min: sod / 60 % 60,
        sec: sod % 60,
        nsec,
        // January 1, year 1 was a Monday.
        weekday: (days + 1).rem_euclid(7),
        yday,
    }
}

/// `time.Date`: seconds since year 1 and nanoseconds, every field normalized as Go does
/// (month 13 is January of the next year, second -1 the last of the previous minute).
pub(crate) fn date(
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nsec: i64,
) -> (i64, i64) {
    let m0 = month - 1;
    let year = year + m0.div_euclid(12);
    let month = m0.rem_euclid(12) + 1;
    let days = days_from_civil(year, month, 1) + DAYS_TO_UNIX + day - 1;
    let total = i128::from(days) * 86_400
        + i128::from(hour) * 3600
        + i128::from(min) * 60
        + i128::from(sec)
        + i128::from(nsec).div_euclid(1_000_000_000);
    (total as i64, nsec.rem_euclid(1_000_000_000))
}

/// Go's `Time.Format` for a UTC time.
pub(crate) fn format(c: &Civil, layout: &str) -> String {
    let mut out = String::new();
    let mut rest = layout;
    while !rest.is_empty() {
        let Some((tok, len)) = next_token(rest) else {
            let ch = rest.chars().next().unwrap_or(' ');
            out.push(ch);
            rest = &rest[ch.len_utf8()..];
            continue;
        };
        let h12 = if c.hour % 12 == 0 { 12 } else { c.hour % 12 };
        match tok {
            Tok::Year4 => out.push_str(&format!("{:04}", c.year)),
            Tok::Year2 => out.push_str(&format!("{:02}", c.year.rem_euclid(100))),
            Tok::MonthLong => out.push_str(MONTHS[(c.month - 1) as usize]),
            Tok::MonthShort => out.push_str(&MONTHS[(c.month - 1) as usize][..3]),
            Tok::Month2 => out.push_str(&format!("{:02}", c.month)),
            Tok::Month1 => out.push_str(&c.month.to_string()),
            Tok::DayLong => out.push_str(DAYS[c.weekday as usize]),
            Tok::DayShort => out.push_str(&DAYS[c.weekday as usize][..3]),
            Tok::Day2 => out.push_str(&format!("{:02}", c.day)),
            Tok::DayUnder => out.push_str(&format!("{:>2}", c.day)),
            Tok::Day1 => out.push_str(&c.day.to_string()),
            Tok::YearDay => out.push_str(&format!("{:03}", c.yday)),
            Tok::Hour24 => out.push_str(&format!("{:02}", c.hour)),
            Tok::Hour12x2 => out.push_str(&format!("{h12:02}")),
            Tok::Hour12 => out.push_str(&h12.to_string()),
            Tok::Min2 => out.push_str(&format!("{:02}", c.min)),
            Tok::Min1 => out.push_str(&c.min.to_string()),
            Tok::Sec2 => out.push_str(&format!("{:02}", c.sec)),
            Tok::Sec1 => out.push_str(&c.sec.to_string()),
            Tok::PmUpper => out.push_str(if c.hour >= 12 { "PM" } else { "AM" }),
            Tok::PmLower => out.push_str(if c.hour >= 12 { "pm" } else { "am" }),
            Tok::ZoneName => out.push_str("UTC"),
            Tok::Offset(z, colon, secs) => {
                if z {
                    out.push('Z');
                } else {
                    out.push_str(match (colon, secs) {
                        (true, true) => "+00:00:00",
                        (true, false) => "+00:00",
                        (false, true) => "+000000",
                        (false, false) => "+0000",
                    });
                }
            }
            Tok::OffsetHour(z) => out.push_str(if z { "Z" } else { "+00" }),
            Tok::Frac(sep, digits, trim) => {
                let s = format!("{:09}", c.nsec);
                let s = &s[..digits];
                let s = if trim { s.trim_end_matches('0') } else { s };
                if !s.is_empty() {
                    out.push(sep);
                    out.push_str(s);
                }
            }
        }
        rest = &rest[len..];
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Year4,
    Year2,
    MonthLong,
    MonthShort,
    Month2,
    Month1,
    DayLong,
    DayShort,
    Day2,
    DayUnder,
    Day1,
    YearDay,
    Hour24,
    Hour12x2,
    Hour12,
    Min2,
    Min1,
    Sec2,
    Sec1,
    PmUpper,
    PmLower,
    ZoneName,
    /// (Z for UTC, with colons, with seconds)
    Offset(bool, bool, bool),
    /// `-07` / `Z07`
    OffsetHour(bool),
    /// (separator, digits, trailing zeros dropped)
    Frac(char, usize, bool),
}

/// The layout element at the start of `s`, with its length in bytes (Go's `nextStdChunk`).
fn next_token(s: &str) -> Option<(Tok, usize)> {
    const TABLE: &[(&str, Tok)] = &[
        ("January", Tok::MonthLong),
        ("Jan", Tok::MonthShort),
        ("Monday", Tok::DayLong),
        ("Mon", Tok::DayShort),
        ("MST", Tok::ZoneName),
        ("2006", Tok::Year4),
        ("2", Tok::Day1),
        ("_2", Tok::DayUnder),
        ("15", Tok::Hour24),
        ("3", Tok::Hour12),
        ("4", Tok::Min1),
        ("5", Tok::Sec1),
        ("PM", Tok::PmUpper),
        ("pm", Tok::PmLower),
        ("Z07:00:00", Tok::Offset(true, true, true)),
        ("Z070000", Tok::Offset(true, false, true)),
        ("Z07:00", Tok::Offset(true, true, false)),
        ("Z0700", Tok::Offset(true, false, false)),
        ("Z07", Tok::OffsetHour(true)),
        ("-07:00:00", Tok::Offset(false, true, true)),
        ("-070000", Tok::Offset(false, false, true)),
        ("-07:00", Tok::Offset(false, true, false)),
        ("-0700", Tok::Offset(false, false, false)),
        ("-07", Tok::OffsetHour(false)),
    ];
    let b = s.as_bytes();
    if b.starts_with(b"01") {
        return Some((Tok::Month2, 2));
    }
    if b.starts_with(b"02") {
        return Some((Tok::Day2, 2));
    }
    if b.starts_with(b"03") {
        return Some((Tok::Hour12x2, 2));
    }
    if b.starts_with(b"04") {
        return Some((Tok::Min2, 2));
    }
    if b.starts_with(b"05") {
        return Some((Tok::Sec2, 2));
    }
    if b.starts_with(b"06") {
        return Some((Tok::Year2, 2));
    }
    if b.starts_with(b"002") {
        return Some((Tok::YearDay, 3));
    }
    if b.starts_with(b"1") && !b.starts_with(b"15") {
        return Some((Tok::Month1, 1));
    }
    if b.starts_with(b"__2") {
        return Some((Tok::YearDay, 3));
    }
    // `.000` or `,999`: fractional seconds, when not followed by another digit.
    if (b[0] == b'.' || b[0] == b',') && b.len() > 1 && (b[1] == b'0' || b[1] == b'9') {
        let d = b[1];
        let n = b[1..].iter().take_while(|&&c| c == d).count();
        if !b.get(1 + n).is_some_and(u8::is_ascii_digit) {
            return Some((Tok::Frac(b[0] as char, n.min(9), d == b'9'), 1 + n));
        }
    }
    // Longest match first among names that share a prefix.
    let mut best: Option<(Tok, usize)> = None;
    for (pat, tok) in TABLE {
        if s.starts_with(pat) && best.is_none_or(|(_, l)| pat.len() > l) {
            // `Jan` must not start a lowercase word (`Janet`), as in Go.
            if (*pat == "Jan" || *pat == "Mon")
                && s[pat.len()..].starts_with(|c: char| c.is_ascii_lowercase())
                && !s.starts_with("January")
                && !s.starts_with("Monday")
            {
                continue;
            }
            best = Some((*tok, pat.len()));
        }
    }
    best
}

/// Go's `time.Parse` for UTC layouts of numbers, month and day names and fractions: the time
/// as (seconds since year 1, nanoseconds), or Go's error text.
pub(crate) fn parse(layout: &str, value: &str) -> Result<(i64, i64), String> {
    let quote = |s: &str| format!("{s:?}");
    let bad = |elem: &str, v: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            quote(value),
            quote(layout),
            quote(v),
            quote(elem)
        )
    };
    let (mut year, mut month, mut day, mut hour, mut min, mut sec, mut nsec) =
        (1i64, 1i64, 1i64, 0i64, 0i64, 0i64, 0i64);
    let mut pm: Option<bool> = None;
    let mut l = layout;
    let mut v = value;
    let num = |v: &str, min_w: usize, max_w: usize| -> Option<(i64, usize)> {
        let n = v.bytes().take(max_w).take_while(u8::is_ascii_digit).count();
        if n < min_w {
            return None;
        }
        v[..n].parse().ok().map(|x| (x, n))
    };
    while !l.is_empty() {
        let Some((tok, len)) = next_token(l) else {
            let ch = l.chars().next().unwrap_or(' ');
            if !v.starts_with(ch) {
                return Err(bad(l, v));
            }
            l = &l[ch.len_utf8()..];
            v = &v[ch.len_utf8()..];
            continue;
        };
        let elem = &l[..len];
        let got = match tok {
            Tok::Year4 => num(v, 4, 4).map(|(x, n)| {
                year = x;
                n
            }),
            Tok::Year2 => num(v, 2, 2).map(|(x, n)| {
                year = if x >= 69 { 1900 + x } else { 2000 + x };
                n
            }),
            Tok::Month2 | Tok::Month1 => {
                num(v, if tok == Tok::Month2 { 2 } else { 1 }, 2).map(|(x, n)| {
                    month = x;
                    n
                })
            }
            Tok::MonthLong | Tok::MonthShort => MONTHS.iter().enumerate().find_map(|(i, m)| {
                let name = if tok == Tok::MonthLong { m } else { &m[..3] };
                v.starts_with(name).then(|| {
                    month = i as i64 + 1;
                    name.len()
                })
            }),
            Tok::DayLong | Tok::DayShort => DAYS.iter().find_map(|d| {
                let name = if tok == Tok::DayLong { d } else { &d[..3] };
                v.starts_with(name).then_some(name.len())
            }),
            Tok::Day2 | Tok::Day1 | Tok::DayUnder => {
                let v2 = if tok == Tok::DayUnder {
                    v.strip_prefix(' ').unwrap_or(v)
                } else {
                    v
                };
                let skip = v.len() - v2.len();
                num(v2, if tok == Tok::Day2 { 2 } else { 1 }, 2).map(|(x, n)| {
                    day = x;
                    n + skip
                })
            }
            Tok::YearDay => num(v, 3, 3).map(|(_, n)| n),
            Tok::Hour24 => num(v, 2, 2).map(|(x, n)| {
                hour = x;
                n
            }),
            Tok::Hour12x2 | Tok::Hour12 => {
                num(v, if tok == Tok::Hour12x2 { 2 } else { 1 }, 2).map(|(x, n)| {
                    hour = x;
                    n
                })
            }
            Tok::Min2 | Tok::Min1 => {
                num(v, if tok == Tok::Min2 { 2 } else { 1 }, 2).map(|(x, n)| {
                    min = x;
                    n
                })
            }
            Tok::Sec2 | Tok::Sec1 => {
                num(v, if tok == Tok::Sec2 { 2 } else { 1 }, 2).map(|(x, n)| {
                    sec = x;
                    n
                })
            }
            Tok::PmUpper | Tok::PmLower => {
                let up = v.get(..2).map(str::to_ascii_uppercase);
                match up.as_deref() {
                    Some("PM") => {
                        pm = Some(true);
                        Some(2)
                    }
                    Some("AM") => {
                        pm = Some(false);
                        Some(2)
                    }
                    _ => None,
                }
            }
            Tok::ZoneName => v.starts_with("UTC").then_some(3),
            Tok::Offset(z, ..) | Tok::OffsetHour(z) => {
                if z && v.starts_with('Z') {
                    Some(1)
                } else {
                    let n = v
                        .bytes()
                        .take_while(|c| {
                            c.is_ascii_digit() || *c == b':' || *c == b'+' || *c == b'-'
                        })
                        .count();
                    (n > 0
                        && v[..n]
                            .trim_start_matches(['+', '-'])
                            .bytes()
                            .all(|c| c == b'0' || c == b':'))
                    .then_some(n)
                }
            }
            Tok::Frac(sep, ..) => {
                if v.starts_with(sep) {
                    let n = v[1..].bytes().take_while(u8::is_ascii_digit).count();
                    let digits = &v[1..1 + n];
                    let mut ns = 0i64;
                    for (i, d) in digits.bytes().take(9).enumerate() {
                        ns += i64::from(d - b'0') * 10i64.pow(8 - i as u32);
                    }
                    nsec = ns;
                    Some(1 + n)
                } else {
                    Some(0)
                }
            }
        };
        let Some(n) = got else {
            return Err(bad(elem, v));
        };
        l = &l[len..];
        v = &v[n..];
    }
    if !v.is_empty() {
        return Err(format!(
            "parsing time {}: extra text: {}",
            quote(value),
            quote(v)
        ));
    }
    if let Some(p) = pm {
        if p && hour < 12 {
            hour += 12;
        } else if !p && hour == 12 {
            hour = 0;
        }
    }
    let range = |what: &str| format!("parsing time {}: {what} out of range", quote(value));
    if !(1..=12).contains(&month) {
        return Err(range("month"));
    }
    let (y2, m2) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let days_in = days_from_civil(y2, m2, 1) - days_from_civil(year, month, 1);
    if day < 1 || day > days_in {
        return Err(range("day"));
    }
    if hour > 23 {
        return Err(range("hour"));
    }
    if min > 59 {
        return Err(range("minute"));
    }
    if sec > 59 {
        return Err(range("second"));
    }
    Ok(date(year, month, day, hour, min, sec, nsec))
}

/// What `String()` returns for the time package's types that fmt prints by it: `Time`
/// (seconds since year 1 and nanoseconds), `Month` and `Weekday`.
pub(crate) fn month_string(m: i64) -> String {
    match usize::try_from(m - 1).ok().and_then(|i| MONTHS.get(i)) {
        Some(name) => name.to_string(),
        None => format!("%!Month({m})"),
    }
}

/// `Weekday.String`.
pub(crate) fn weekday_string(d: i64) -> String {
    match usize::try_from(d).ok().and_then(|i| DAYS.get(i)) {
        Some(name) => name.to_string(),
        None => format!("%!Weekday({d})"),
    }
}

/// `Time.String`.
pub(crate) fn time_string(sec: i64, nsec: i64) -> String {
    format(&civil(sec, nsec), STRING_LAYOUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_virtual_clock_starts_on_saturday_january_1_2000() {
        let c = civil(CLOCK_START, 0);
        assert_eq!(
            (c.year, c.month, c.day, c.weekday, c.yday),
            (2000, 1, 1, 6, 1)
        );
        assert_eq!(date(2000, 1, 1, 0, 0, 0, 0), (CLOCK_START, 0));
        assert_eq!(civil(0, 0).weekday, 1);
    }

    #[test]
    fn format_by_the_reference_layouts() {
        let (s, n) = date(2024, 2, 28, 23, 30, 5, 120_000_000);
        let c = civil(s, n);
        assert_eq!(
            format(&c, "2006-01-02 15:04:05.999999999 -0700 MST"),
            "2024-02-28 23:30:05.12 +0000 UTC"
        );
        assert_eq!(format(&c, "Mon Jan _2 3:04PM"), "Wed Feb 28 11:30PM");
        assert_eq!(
            format(&c, "2006-01-02T15:04:05Z07:00"),
            "2024-02-28T23:30:05Z"
        );
    }

    #[test]
    fn parse_reports_go_errors() {
        assert_eq!(
            parse("2006-01-02", "2024-03-01"),
            Ok(date(2024, 3, 1, 0, 0, 0, 0))
        );
        assert_eq!(
            parse("2006-01-02", "2024-13-01"),
            Err("parsing time \"2024-13-01\": month out of range".to_string())
        );
    }
}
