//! One side's verdict as the page shows it at the end of a run: the sentence, its tone, the
//! outcome, the leak count and groups, the harm's figures. The page builds it from the engine's
//! reports (`lesson::verdict_box`), and `app/build.rs` builds it from the same runs made
//! natively at build time (the lesson at its defaults: same programs, parameters, seed and
//! engine, so the same run), which the static lesson page shows before any wasm has run
//! (`app/prerender.rs`). One function for both, so the two cannot drift apart; the browser test
//! `tests/e2e/specs/prerender_verdict.spec.ts` holds every lesson to it.
//!
//! Plain Rust over `lessons` and [`super::verdict`] only: `app/build.rs` compiles this file too.

use lessons::catalog::{Harm, Tone};
use lessons::runtime::{Outcome, RunReport};
use serde::{Deserialize, Serialize};

use super::verdict;

/// A side's verdict, ready to draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    /// The sentence.
    pub text: String,
    /// `ok`, `warn`, `bad`, or `problem` for a run that could not finish (CSS `tone-*`).
    pub tone: String,
    /// How the run ended (`exit`, `deadlock`, …).
    pub outcome: String,
    /// Goroutines left behind, all groups.
    pub leaks: u32,
    /// The harm's figures as data for tests and tools: `PeakHeap=3040256/145408/bad;...`.
    pub figures: String,
    /// Each leak group, listed under the sentence when there are several.
    pub leak_lines: Vec<LeakLine>,
}

/// One group of leaked goroutines, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeakLine {
    pub state: String,
    pub line: u32,
    pub count: u32,
    /// `6 goroutines leaked at line 27 (chan send)`.
    pub text: String,
}

/// Both sides' verdicts of one run, in English and Chinese: `[bad, good]`, each `[en, zh]`.
pub type BothShown = [[Shown; 2]; 2];

/// Said under a verdict made at build time while the page's own run has not finished: it is
/// this run's verdict (same programs, parameters, seed and engine), not a guess. English, Chinese.
pub const BUILT_NOTE: [&str; 2] = [
    "This run's verdict, from the same engine when the site was built; the run itself is loading.",
    "这就是本次运行的结论，由同一引擎在构建网站时运行得出；本页的运行正在加载。",
];

/// CSS key of a tone: `ok`, `warn`, `bad`; runs that could not finish keep `problem`.
pub fn tone_key(tone: Tone, outcome: Outcome) -> &'static str {
    match (outcome, tone) {
        (Outcome::CompileError | Outcome::Limit, _) => "problem",
        (_, Tone::Ok) => "ok",
        (_, Tone::Warn) => "warn",
        (_, Tone::Bad) => "bad",
    }
}

/// One side's verdict of the runs `reports` (bad, good), as [`verdict::sentence`] words it.
pub fn shown(
    harm: Option<&Harm>,
    reports: [&RunReport; 2],
    bad_side: bool,
    edited: bool,
    zh: bool,
) -> Shown {
    let report = if bad_side { reports[0] } else { reports[1] };
    let (text, v) = verdict::sentence(harm, reports, bad_side, edited, zh);
    let figures = v
        .figures
        .iter()
        .map(|f| {
            let tone = match f.tone {
                Tone::Ok => "ok",
                Tone::Warn => "warn",
                Tone::Bad => "bad",
            };
            format!("{:?}={}/{}/{tone}", f.measure, f.value, f.fix)
        })
        .collect::<Vec<_>>()
        .join(";");
    Shown {
        text,
        tone: tone_key(v.tone, report.outcome).to_string(),
        outcome: report.outcome.as_str().to_string(),
        leaks: report.leaked.iter().map(|l| l.count).sum(),
        figures,
        leak_lines: report
            .leaked
            .iter()
            .map(|l| LeakLine {
                state: l.state.clone(),
                line: l.line,
                count: l.count,
                text: verdict::leak_line(l, zh),
            })
            .collect(),
    }
}

/// Both sides of the lesson's own programs (no edit), in both languages.
pub fn both(harm: Option<&Harm>, reports: [&RunReport; 2]) -> BothShown {
    let side = |bad| [false, true].map(|zh| shown(harm, reports, bad, false, zh));
    [side(true), side(false)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playback::engine::Job;

    /// Lesson 1 at its defaults: the anti-pattern leaks (one group, so no list is drawn but the
    /// group is kept), the fix does not; the words are those of `lessons::catalog::judge`.
    #[test]
    fn the_forgotten_sender_at_its_defaults() {
        let l = lessons::catalog::get("forgotten-sender").unwrap_or_else(|| panic!("no lesson"));
        let mut job = Job::new(l.bad_go, l.good_go, Vec::new(), l.seed, l.preempt_every);
        while !job.work(100_000) {}
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        let harm = lessons::catalog::harm_of(&l.slug);
        let [bad, good] = both(harm, [&runs[0].report, &runs[1].report]);
        let v = lessons::catalog::judge(
            harm.unwrap_or_else(|| panic!("no harm")),
            &runs[0].report,
            &runs[1].report,
        );
        assert_eq!(
            (bad[0].text.as_str(), bad[1].text.as_str()),
            (v.bad.en.as_str(), v.bad.zh.as_str())
        );
        assert_eq!(good[0].text, v.good.en);
        assert_eq!((bad[0].tone.as_str(), good[0].tone.as_str()), ("bad", "ok"));
        assert_eq!((bad[0].outcome.as_str(), bad[0].leaks), ("exit", 6));
        assert_eq!(bad[0].leak_lines.len(), 1);
        assert_eq!(
            (
                bad[0].leak_lines[0].state.as_str(),
                bad[0].leak_lines[0].count
            ),
            ("chan send", 6)
        );
        assert_eq!(good[0].leaks, 0);
    }
}
