//! Verdicts that name the harm: a lesson's `[harm]` table picks the one or two measures that
//! show what its anti-pattern costs, and [`judge`] turns both sides' reports into a tone and a
//! sentence each (English and Chinese) with the numbers and the comparison: bad
//! `peak heap 2.9 MiB: 21x the fix`, good `peak heap 138 KiB`.
//!
//! Leaks, deadlocks and panics keep their verdicts and come first; the harm follows them. Pure
//! Rust, no web crates: the page and the CLI call the same function, so they cannot disagree.

use serde::{Deserialize, Serialize};

use crate::runtime::{Leak, Outcome, RaceReport, RunReport};

/// A measure a lesson can name as its harm. Each reads one figure of the [`RunReport`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HarmMeasure {
    /// `measures.heap_peak_bytes`.
    PeakHeap,
    /// `measures.heap_final_bytes`: what is still held when main returns.
    FinalHeap,
    /// `measures.heap_allocated_bytes`: every byte allocated, freed or not.
    Allocated,
    /// `measures.goroutines_peak`.
    PeakGoroutines,
    /// `virtual_time_ns`: time to finish.
    Time,
    /// `measures.lifetime_p50_ns`.
    LifetimeP50,
    /// `measures.lifetime_p99_ns`.
    LifetimeP99,
    /// `measures.wait_ns.mutex`.
    WaitMutex,
    /// `measures.wait_ns.rwmutex`.
    WaitRwmutex,
    /// `measures.wait_ns.channel`.
    WaitChannel,
    /// `measures.wait_ns.select`.
    WaitSelect,
    /// `measures.contention_ns`: every wait but sleeps.
    Contention,
    /// `measures.spin_steps` (with `idle_polls` in the sentence).
    Spin,
    /// `steps`: interpreter steps, the lesson's CPU.
    Steps,
    /// The first line of the output containing the harm's `output` text; harm when it differs
    /// from the fix's (until a race detector lands, lost updates show here).
    Output,
}

/// What kind of number a measure is, for formatting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Bytes,
    Nanos,
    Count,
}

impl HarmMeasure {
    fn unit(self) -> Unit {
        use HarmMeasure as H;
        match self {
            H::PeakHeap | H::FinalHeap | H::Allocated => Unit::Bytes,
            H::Time
            | H::LifetimeP50
            | H::LifetimeP99
            | H::WaitMutex
            | H::WaitRwmutex
            | H::WaitChannel
            | H::WaitSelect
            | H::Contention => Unit::Nanos,
            H::PeakGoroutines | H::Spin | H::Steps | H::Output => Unit::Count,
        }
    }

    /// The figure in `r` (0 for [`HarmMeasure::Output`], which compares text).
    pub fn value(self, r: &RunReport) -> u64 {
        use HarmMeasure as H;
        let m = &r.measures;
        let ns = |v: i64| v.max(0) as u64;
        match self {
            H::PeakHeap => m.heap_peak_bytes,
            H::FinalHeap => m.heap_final_bytes,
            H::Allocated => m.heap_allocated_bytes,
            H::PeakGoroutines => m.goroutines_peak,
            H::Time => ns(r.virtual_time_ns),
            H::LifetimeP50 => ns(m.lifetime_p50_ns),
            H::LifetimeP99 => ns(m.lifetime_p99_ns),
            H::WaitMutex => ns(m.wait_ns.mutex),
            H::WaitRwmutex => ns(m.wait_ns.rwmutex),
            H::WaitChannel => ns(m.wait_ns.channel),
            H::WaitSelect => ns(m.wait_ns.select),
            H::Contention => ns(m.contention_ns),
            H::Spin => m.spin_steps,
            H::Steps => r.steps,
            H::Output => 0,
        }
    }

    /// `v`, a value of this measure, with its unit: `2.9 MiB`, `1.25 s`, `12`.
    pub fn describe_value(self, v: u64) -> String {
        format_value(self.unit(), v)
    }

    /// The figure in words, English and Chinese: `peak heap 2.9 MiB` / `堆峰值 2.9 MiB`.
    fn describe(self, r: &RunReport) -> (String, String) {
        use HarmMeasure as H;
        let v = self.value(r);
        let f = format_value(self.unit(), v);
        match self {
            H::PeakHeap => (format!("peak heap {f}"), format!("堆峰值 {f}")),
            H::FinalHeap => (
                format!("{f} of heap still held at the end"),
                format!("结束时仍占用 {f} 堆内存"),
            ),
            H::Allocated => (format!("{f} allocated in total"), format!("累计分配 {f}")),
            H::PeakGoroutines => (
                format!("peak {f} goroutines"),
                format!("goroutine 峰值 {f} 个"),
            ),
            H::Time => (format!("took {f}"), format!("耗时 {f}")),
            H::LifetimeP50 => (
                format!("median goroutine lifetime {f}"),
                format!("goroutine 存活时间中位数 {f}"),
            ),
            H::LifetimeP99 => (
                format!("p99 goroutine lifetime {f}"),
                format!("goroutine 存活时间 p99 为 {f}"),
            ),
            H::WaitMutex => (
                format!("{f} queued on mutexes in total"),
                format!("在互斥锁上累计排队 {f}"),
            ),
            H::WaitRwmutex => (
                format!("{f} queued on RWMutexes in total"),
                format!("在读写锁上累计排队 {f}"),
            ),
            H::WaitChannel => (
                format!("{f} waiting on channels in total"),
                format!("在通道上累计等待 {f}"),
            ),
            H::WaitSelect => (
                format!("{f} waiting in select in total"),
                format!("在 select 中累计等待 {f}"),
            ),
            H::Contention => (
                format!("{f} waiting on locks and channels in total"),
                format!("在锁和通道上累计等待 {f}"),
            ),
            H::Spin => {
                let p = r.measures.idle_polls;
                (
                    format!("{f} steps spent spinning in {p} polls that found nothing ready"),
                    format!("{p} 次非阻塞轮询一无所获，空转 {f} 步"),
                )
            }
            H::Steps => (format!("{f} steps of CPU"), format!("CPU {f} 步")),
            H::Output => (String::new(), String::new()),
        }
    }
}

/// A lesson's `[harm]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Harm {
    /// One or two headline measures, most telling first.
    pub measures: Vec<HarmMeasure>,
    /// For `output`: text that picks the line of stdout to compare (its first line containing
    /// it; the whole output when empty).
    #[serde(default)]
    pub output: Option<String>,
    /// What to change when the bug does not show at some setting, e.g. `more concurrent
    /// requests` (English, completes "try ...").
    pub hint: String,
    /// The same in Chinese (completes "试试…").
    pub hint_zh: String,
}

impl Harm {
    /// Problems with the table itself, for the catalog's validation.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.measures.is_empty() || self.measures.len() > 2 {
            out.push("harm.measures must name one or two measures".to_string());
        }
        if self.measures.contains(&HarmMeasure::Output) != self.output.is_some() {
            out.push("harm.output is needed with measure \"output\", and only then".to_string());
        }
        if self.hint.trim().is_empty() || self.hint_zh.trim().is_empty() {
            out.push("harm.hint and harm.hint_zh must say what to change".to_string());
        }
        out
    }
}

/// How bad a side's verdict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Ok,
    Warn,
    Bad,
}

/// One harm figure of a side, and the fix's for comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub measure: HarmMeasure,
    /// This side's value (bytes, virtual ns or a count; 0 for `output`).
    pub value: u64,
    /// The fix's value.
    pub fix: u64,
    /// For `output`: this side's line, and the fix's.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub line: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fix_line: Option<String>,
    pub tone: Tone,
}

/// One side's verdict: a tone and one sentence in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideVerdict {
    pub tone: Tone,
    pub en: String,
    pub zh: String,
    /// The harm's figures (empty when the run did not reach its end, e.g. a compile error).
    pub figures: Vec<Figure>,
}

/// Both sides' verdicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonVerdict {
    pub bad: SideVerdict,
    pub good: SideVerdict,
}

/// A side worse than the fix by at least this factor is `bad`; worse by less, `warn`.
pub const BAD_RATIO: f64 = 1.5;

/// Judges both sides of a lesson: `bad` is the anti-pattern's report, `good` the fix's.
pub fn judge(harm: &Harm, bad: &RunReport, good: &RunReport) -> LessonVerdict {
    LessonVerdict {
        bad: side(harm, bad, good, true),
        good: side(harm, good, bad, false),
    }
}

/// One side: `r` judged against `other` (the fix when `is_bad`, the anti-pattern otherwise).
fn side(harm: &Harm, r: &RunReport, other: &RunReport, is_bad: bool) -> SideVerdict {
    let (head, tone) = headline(r, other);
    let mut tone = tone;
    let mut en: Vec<String> = head.iter().map(|h| h.0.clone()).collect();
    let mut zh: Vec<String> = head.iter().map(|h| h.1.clone()).collect();
    let mut figures = Vec::new();
    let ended = matches!(
        r.outcome,
        Outcome::Exit | Outcome::Panic | Outcome::Fatal | Outcome::Deadlock
    );
    if ended {
        let mut quiet = true;
        for &m in &harm.measures {
            let (fig, e, z) = if m == HarmMeasure::Output {
                output_figure(harm, r, other, is_bad)
            } else {
                number_figure(m, r, other, is_bad)
            };
            if fig.tone != Tone::Ok {
                quiet = false;
            }
            tone = tone.max(fig.tone);
            figures.push(fig);
            en.push(e);
            zh.push(z);
        }
        if is_bad && quiet && head.is_empty() {
            en.push(format!(
                "at this setting the bug does not show: try {}",
                harm.hint
            ));
            zh.push(format!("在此设置下问题没有显现：试试{}", harm.hint_zh));
        }
    }
    SideVerdict {
        tone,
        en: en.join("; "),
        zh: zh.join("；"),
        figures,
    }
}

/// Data races, leaks, deadlocks, panics and runs that could not finish, in words; empty for a
/// clean exit with no race. `other` is the other side's run: when it raced and this one did
/// not (both ran with the detector), this side says "no data race".
fn headline(r: &RunReport, other: &RunReport) -> (Vec<(String, String)>, Tone) {
    let first = |s: &str| s.lines().next().unwrap_or("").to_string();
    let mut parts = Vec::new();
    if !r.races.is_empty() {
        parts.push(race_words(&r.races));
    } else if !other.races.is_empty() {
        parts.push(("no data race".to_string(), "没有数据竞争".to_string()));
    }
    let line = match r.outcome {
        Outcome::Exit if r.leaked.is_empty() => {
            let tone = if r.races.is_empty() {
                Tone::Ok
            } else {
                Tone::Bad
            };
            return (parts, tone);
        }
        Outcome::Exit => leak_words(&r.leaked, &r.leaked_certain),
        Outcome::Deadlock => (
            "deadlock: all goroutines are asleep".to_string(),
            "死锁：所有 goroutine 都在休眠".to_string(),
        ),
        Outcome::Panic => {
            let p = first(&r.panic);
            (format!("panic: {p}"), format!("panic（程序崩溃）：{p}"))
        }
        Outcome::Fatal => {
            let p = first(&r.panic);
            (format!("fatal error: {p}"), format!("致命错误：{p}"))
        }
        Outcome::CompileError => {
            let p = first(&r.panic);
            return (
                vec![(format!("does not compile: {p}"), format!("无法编译：{p}"))],
                Tone::Warn,
            );
        }
        Outcome::Limit => {
            let p = first(&r.panic);
            return (
                vec![(
                    format!("stopped by the playground: {p}"),
                    format!("被演练场终止：{p}"),
                )],
                Tone::Warn,
            );
        }
    };
    parts.push(line);
    (parts, Tone::Bad)
}

/// The first race of a run in words: `DATA RACE on s.hits: line 19 read by goroutine 3, line
/// 19 written earlier by goroutine 2, nothing orders them`, counted when there are more.
fn race_words(races: &[RaceReport]) -> (String, String) {
    let Some(r) = races.first() else {
        return (String::new(), String::new());
    };
    let (a, p) = (&r.access, &r.previous);
    let en_op = |op: &str| match op {
        "write" => "written",
        "atomic read" => "read atomically",
        "atomic write" => "written atomically",
        _ => "read",
    };
    let zh_op = |op: &str| match op {
        "write" => "写入",
        "atomic read" => "原子读取",
        "atomic write" => "原子写入",
        _ => "读取",
    };
    let en = format!(
        "line {} {} by goroutine {}, line {} {} earlier by goroutine {}, nothing orders them",
        a.line,
        en_op(&a.op),
        a.goroutine,
        p.line,
        en_op(&p.op),
        p.goroutine
    );
    let zh = format!(
        "第 {} 行被 goroutine {} {}，第 {} 行先前被 goroutine {} {}，两者之间没有同步",
        a.line,
        a.goroutine,
        zh_op(&a.op),
        p.line,
        p.goroutine,
        zh_op(&p.op)
    );
    // What it is on, as the program writes it (`s.hits`), where the interpreter could name it.
    let (on_en, on_zh) = match &r.var {
        Some(v) => (format!(" on {v}"), format!("（{v}）")),
        None => (String::new(), String::new()),
    };
    match races.len() {
        1 => (
            format!("DATA RACE{on_en}: {en}"),
            format!("数据竞争{on_zh}：{zh}"),
        ),
        n => (
            format!("{n} DATA RACES, the first{on_en}: {en}"),
            format!("{n} 处数据竞争，第一处{on_zh}：{zh}"),
        ),
    }
}

/// Leaked goroutines in words, and whether anything can still wake them (`certain`: the part
/// of `leaked` that reachability proved can never wake, see `runtime/reach.rs`):
/// `6 goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them`.
fn leak_words(leaked: &[Leak], certain: &[Leak]) -> (String, String) {
    let total: u32 = leaked.iter().map(|l| l.count).sum();
    let sure: u32 = certain.iter().map(|l| l.count).sum::<u32>().min(total);
    let (mut en, mut zh) = match leaked {
        [l] => {
            let noun = if l.count == 1 {
                "goroutine"
            } else {
                "goroutines"
            };
            (
                format!("{} {noun} leaked at line {} ({})", l.count, l.line, l.state),
                format!(
                    "第 {} 行泄漏了 {} 个 goroutine（{}）",
                    l.line,
                    l.count,
                    super::zh::state(&l.state)
                ),
            )
        }
        _ => (
            format!("{total} goroutines leaked"),
            format!("泄漏了 {total} 个 goroutine"),
        ),
    };
    let them = if total == 1 { "it" } else { "them" };
    if sure == total {
        en.push_str(&format!(": blocked forever, nothing can ever wake {them}"));
        zh.push_str(if total == 1 {
            "：永远阻塞，再也没有任何东西能唤醒它"
        } else {
            "：永远阻塞，再也没有任何东西能唤醒它们"
        });
    } else if sure == 0 {
        en.push_str(&format!(
            ": still waiting, something could still wake {them}"
        ));
        zh.push_str("：仍在等待，仍可能被唤醒");
    } else {
        en.push_str(&format!(
            ": {sure} blocked forever, {} still waiting",
            total - sure
        ));
        zh.push_str(&format!("：{sure} 个永远阻塞，{} 个仍在等待", total - sure));
    }
    (en, zh)
}

fn number_figure(
    m: HarmMeasure,
    r: &RunReport,
    other: &RunReport,
    is_bad: bool,
) -> (Figure, String, String) {
    let (v, o) = (m.value(r), m.value(other));
    let (mut en, mut zh) = m.describe(r);
    let tone = if !is_bad || v <= o {
        Tone::Ok
    } else if o == 0 || v as f64 >= o as f64 * BAD_RATIO {
        Tone::Bad
    } else {
        Tone::Warn
    };
    if is_bad {
        if v <= o {
            en.push_str(", no more than the fix");
            zh.push_str("，不比修复版多");
        } else if o == 0 {
            en.push_str(": the fix has none");
            zh.push_str("：修复版为 0");
        } else {
            let x = ratio(v, o);
            en.push_str(&format!(": {x} the fix"));
            let x = x.strip_suffix('x').unwrap_or(&x);
            zh.push_str(&format!("：是修复版的 {x} 倍"));
        }
    }
    let fig = Figure {
        measure: m,
        value: v,
        fix: if is_bad { o } else { v },
        line: None,
        fix_line: None,
        tone,
    };
    (fig, en, zh)
}

/// The first line of `stdout` containing `pat` (the whole output, trimmed, for an empty one).
fn pick_line(stdout: &str, pat: &str) -> Option<String> {
    if pat.is_empty() {
        let t = stdout.trim_end();
        return (!t.is_empty()).then(|| t.to_string());
    }
    stdout.lines().find(|l| l.contains(pat)).map(str::to_string)
}

fn output_figure(
    harm: &Harm,
    r: &RunReport,
    other: &RunReport,
    is_bad: bool,
) -> (Figure, String, String) {
    let pat = harm.output.as_deref().unwrap_or("");
    let mine = pick_line(&r.stdout, pat);
    let theirs = pick_line(&other.stdout, pat);
    let quote = |l: &Option<String>, en: bool| match (l, en) {
        (Some(l), true) => format!("\"{l}\""),
        (Some(l), false) => format!("“{l}”"),
        (None, true) => "nothing".to_string(),
        (None, false) => "无".to_string(),
    };
    let differs = mine != theirs;
    let tone = if is_bad && differs {
        Tone::Bad
    } else {
        Tone::Ok
    };
    let (en, zh) = match (&mine, is_bad && differs) {
        (Some(_), true) => (
            format!(
                "prints {}, the fix {}",
                quote(&mine, true),
                quote(&theirs, true)
            ),
            format!(
                "输出 {}，修复版为 {}",
                quote(&mine, false),
                quote(&theirs, false)
            ),
        ),
        (None, true) => (
            format!("never prints the fix's {}", quote(&theirs, true)),
            format!("没有输出修复版的 {}", quote(&theirs, false)),
        ),
        (_, false) if is_bad => (
            format!("prints {}, as the fix does", quote(&mine, true)),
            format!("输出 {}，与修复版相同", quote(&mine, false)),
        ),
        _ => (
            format!("prints {}", quote(&mine, true)),
            format!("输出 {}", quote(&mine, false)),
        ),
    };
    let fig = Figure {
        measure: HarmMeasure::Output,
        value: 0,
        fix: 0,
        line: mine.clone(),
        fix_line: if is_bad { theirs } else { mine },
        tone,
    };
    (fig, en, zh)
}

/// `21x` for big ratios, `2.1x` for small ones, never `1.0x` for a real difference.
fn ratio(v: u64, o: u64) -> String {
    let x = v as f64 / o as f64;
    if x >= 10.0 {
        format!("{}x", x.round() as u64)
    } else {
        let s = format!("{:.1}", (x * 10.0).floor() / 10.0);
        let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
        if s == "1" {
            format!("{:.2}x", x)
        } else {
            format!("{s}x")
        }
    }
}

/// A figure in its unit: `138 KiB`, `2.9 MiB`, `2.25 s`, `255 ms`, `1,234`.
fn format_value(unit: Unit, v: u64) -> String {
    match unit {
        Unit::Bytes => format_bytes(v),
        Unit::Nanos => format_nanos(v),
        Unit::Count => group_thousands(v),
    }
}

/// Bytes in binary units, three significant figures at most: `980 B`, `12.6 KiB`, `138 KiB`,
/// `2.9 MiB`.
pub fn format_bytes(v: u64) -> String {
    const K: f64 = 1024.0;
    let f = v as f64;
    if v < 1024 {
        format!("{v} B")
    } else if f < K * K {
        sig(f / K, "KiB")
    } else if f < K * K * K {
        sig(f / (K * K), "MiB")
    } else {
        sig(f / (K * K * K), "GiB")
    }
}

/// Virtual nanoseconds: `2.25 s`, `255 ms`, `1.5 ms`, `40 µs`, `7 ns`.
pub fn format_nanos(v: u64) -> String {
    let f = v as f64;
    if v == 0 {
        "0 s".to_string()
    } else if v >= 1_000_000_000 {
        trim(f / 1e9, 2, "s")
    } else if v >= 1_000_000 {
        trim(f / 1e6, 2, "ms")
    } else if v >= 1_000 {
        trim(f / 1e3, 2, "µs")
    } else {
        format!("{v} ns")
    }
}

fn sig(x: f64, unit: &str) -> String {
    if x >= 100.0 {
        format!("{} {unit}", x.round() as u64)
    } else {
        trim(x, 1, unit)
    }
}

fn trim(x: f64, decimals: usize, unit: &str) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    format!("{s} {unit}")
}

fn group_thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_formatted_in_their_units() {
        assert_eq!(
            (
                format_bytes(3_008_608),
                format_bytes(141_408),
                format_bytes(12_864),
                format_bytes(980)
            ),
            (
                "2.9 MiB".to_string(),
                "138 KiB".to_string(),
                "12.6 KiB".to_string(),
                "980 B".to_string()
            )
        );
        assert_eq!(
            (
                format_nanos(2_250_000_000),
                format_nanos(255_000_000),
                format_nanos(10_000_000_000),
                format_nanos(1_500_000)
            ),
            (
                "2.25 s".to_string(),
                "255 ms".to_string(),
                "10 s".to_string(),
                "1.5 ms".to_string()
            )
        );
        assert_eq!(group_thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn ratios_read_as_the_page_shows_them() {
        assert_eq!(
            (
                ratio(3_008_608, 141_408),
                ratio(200, 95),
                ratio(11, 10),
                ratio(101, 100)
            ),
            (
                "21x".to_string(),
                "2.1x".to_string(),
                "1.1x".to_string(),
                "1.01x".to_string()
            )
        );
    }

    fn report(outcome: Outcome, stdout: &str, peak: u64) -> RunReport {
        let mut r = crate::golite::compile_error_report(
            "x.go",
            &crate::golite::CompileError {
                line: 0,
                col: 0,
                msg: String::new(),
            },
        );
        r.outcome = outcome;
        r.panic = String::new();
        r.stdout = stdout.to_string();
        r.measures.heap_peak_bytes = peak;
        r
    }

    fn harm(measures: Vec<HarmMeasure>, output: Option<&str>) -> Harm {
        Harm {
            measures,
            output: output.map(str::to_string),
            hint: "more uploads".into(),
            hint_zh: "更多上传".into(),
        }
    }

    #[test]
    fn a_fix_with_none_of_the_harm_makes_any_amount_bad() {
        let h = harm(vec![HarmMeasure::PeakHeap], None);
        let v = judge(
            &h,
            &report(Outcome::Exit, "", 10),
            &report(Outcome::Exit, "", 0),
        );
        assert_eq!(
            (v.bad.tone, v.bad.en.as_str()),
            (Tone::Bad, "peak heap 10 B: the fix has none")
        );
    }

    #[test]
    fn a_missing_output_line_is_named() {
        let h = harm(vec![HarmMeasure::Output], Some("served"));
        let v = judge(
            &h,
            &report(Outcome::Exit, "", 0),
            &report(Outcome::Exit, "hello\nserved 3\n", 0),
        );
        assert_eq!(
            (v.bad.tone, v.bad.en.as_str(), v.good.en.as_str()),
            (
                Tone::Bad,
                "never prints the fix's \"served 3\"",
                "prints \"served 3\""
            )
        );
    }

    #[test]
    fn a_run_that_did_not_finish_is_a_warning_without_figures() {
        let h = harm(vec![HarmMeasure::PeakHeap], None);
        let mut bad = report(Outcome::Limit, "", 0);
        bad.panic = "step limit".into();
        let v = judge(&h, &bad, &report(Outcome::Exit, "", 0));
        assert_eq!(
            (v.bad.tone, v.bad.en.as_str(), v.bad.figures.len()),
            (Tone::Warn, "stopped by the playground: step limit", 0)
        );
    }

    #[test]
    fn a_harm_table_names_one_or_two_measures_and_a_hint() {
        assert_eq!(
            harm(vec![], None).problems(),
            vec!["harm.measures must name one or two measures".to_string()]
        );
        assert_eq!(
            harm(vec![HarmMeasure::Output], None).problems(),
            vec!["harm.output is needed with measure \"output\", and only then".to_string()]
        );
    }
}
