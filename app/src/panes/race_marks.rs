//! Race badges on the code: the accesses of the data races the engine's detector reported (the
//! report's `races`, `runtime/race.rs`) mark their lines, and a click moves the player to the
//! moment of an access, so a learner can step through the unordered accesses.
//!
//! A side provides [`RaceMarks`] as context (as it does [`crate::panes::pick::Picker`]); the
//! code view reads it, so it needs no new props, and without it shows no race badges.

use leptos::prelude::*;
use lessons::runtime::RaceReport;

use crate::panes::pick;
use crate::playback::lockstep::Lockstep;

/// One access of a reported race, as a badge shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaceMark {
    /// 1-based source line of the access.
    pub line: u32,
    /// `read`, `write`, `atomic read`, `atomic write`.
    pub op: String,
    pub goroutine: u32,
    /// The side's events recorded before the access: where the player goes.
    pub event: usize,
    /// Which report (1-based, in the order found), and whether this is its earlier access.
    pub race: usize,
    pub earlier: bool,
    /// What the race is on, as the program writes it (`s.hits`), when the engine named it.
    pub var: Option<String>,
}

/// Every access of every race in `races`, in report order (the later access, then the
/// earlier one).
pub fn marks(races: &[RaceReport]) -> Vec<RaceMark> {
    let mut out = Vec::with_capacity(races.len() * 2);
    for (i, r) in races.iter().enumerate() {
        for (a, earlier) in [(&r.access, false), (&r.previous, true)] {
            out.push(RaceMark {
                line: a.line,
                op: a.op.clone(),
                goroutine: a.goroutine,
                event: usize::try_from(a.event).unwrap_or(usize::MAX),
                race: i + 1,
                earlier,
                var: r.var.clone(),
            });
        }
    }
    out
}

/// The first lockstep position at which side `bad` (else good) shows `n` events: the cursor
/// that puts the player at that side's `n`-th event.
pub fn position_of(l: &Lockstep, bad: bool, n: usize) -> usize {
    let count = |k: usize| {
        let (b, g) = l.split(k);
        if bad { b } else { g }
    };
    // Each side's count only grows with the position: binary search over 0..=len.
    let (mut lo, mut hi) = (0, l.len());
    if count(hi) < n {
        return hi;
    }
    while lo < hi {
        let mid = (lo + hi) / 2;
        if count(mid) >= n {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// A side's race marks and what a click on one does.
#[derive(Clone, Copy)]
pub struct RaceMarks {
    pub marks: Signal<Vec<RaceMark>>,
    /// Moves the player to the side's `n`-th event.
    pub jump: Callback<usize>,
}

/// What the races of `here` are on, each name once, in report order (`s.hits, s.misses`).
fn vars_of(here: &[RaceMark]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for v in here.iter().filter_map(|m| m.var.as_deref()) {
        if !names.contains(&v) {
            names.push(v);
        }
    }
    names.join(", ")
}

/// The race badge of line `n`, if the side provides marks and an access of a race is there:
/// one badge for all of them (a phone has no room for more), counting them and naming what
/// they race on; each click jumps to the next access, in report order.
pub fn race_badges(n: u32) -> impl IntoView {
    let ctx = use_context::<RaceMarks>();
    let next = RwSignal::new(0usize);
    move || {
        let ctx = ctx?;
        let here: Vec<RaceMark> = ctx
            .marks
            .with(|m| m.iter().filter(|m| m.line == n).cloned().collect());
        if here.is_empty() {
            return None;
        }
        let k = here.len();
        let zh = crate::i18n::use_lang().get() == crate::i18n::Lang::Zh;
        let list: Vec<String> = here
            .iter()
            .map(|m| match (zh, m.op.as_str()) {
                (false, _) => format!("{} by goroutine {}", m.op, m.goroutine),
                (true, "read") => format!("goroutine {} 读", m.goroutine),
                (true, "write") => format!("goroutine {} 写", m.goroutine),
                (true, "atomic read") => format!("goroutine {} 原子读", m.goroutine),
                (true, "atomic write") => format!("goroutine {} 原子写", m.goroutine),
                (true, op) => format!("goroutine {} {op}", m.goroutine),
            })
            .collect();
        let vars = vars_of(&here);
        let label = match (zh, vars.is_empty()) {
            (true, true) => format!(
                "第 {n} 行有 {k} 次竞争访问（{}）：依次跳到每一次",
                list.join("，")
            ),
            (true, false) => format!(
                "第 {n} 行对 {vars} 有 {k} 次竞争访问（{}）：依次跳到每一次",
                list.join("，")
            ),
            (false, empty) => format!(
                "{k} racing access{}{} at line {n} ({}): jump to each in turn",
                if k == 1 { "" } else { "es" },
                if empty {
                    String::new()
                } else {
                    format!(" to {vars}")
                },
                list.join(", ")
            ),
        };
        let shown = (!vars.is_empty()).then(|| {
            let v = vars.clone();
            view! { {if zh { "：" } else { " on " }} <code class="race-var">{v}</code> }
        });
        let events = StoredValue::new(here.iter().map(|m| m.event).collect::<Vec<_>>());
        let go = move || {
            let i = next.get_untracked() % k;
            next.set((i + 1) % k);
            if let Some(e) = events.with_value(|v| v.get(i).copied()) {
                ctx.jump.run(e);
            }
        };
        Some(view! {
            <span
                class="badge fam-race"
                data-testid="race-badge"
                data-line=n
                data-count=k
                data-var=vars
                data-next=move || next.get() % k
                title=label.clone()
                aria-label=label
                role="button"
                tabindex="0"
                on:click=move |_| go()
                on:keydown=move |ev| {
                    if pick::activates(&ev) {
                        go();
                    }
                }
            >
                <b>{k}</b>{if zh { " ⚡ 数据竞争" } else { " ⚡ data race" }}{shown}
            </span>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::golite::{self, RunOptions};

    #[test]
    fn each_access_of_lesson_15s_race_is_a_mark_at_line_19() {
        let l = lessons::catalog::get("racy-counter").unwrap_or_else(|| panic!("no lesson"));
        let opts = RunOptions {
            seed: l.seed,
            preempt_every: l.preempt_every,
            race: true,
            ..RunOptions::default()
        };
        // Recording events, as the page does: each access knows its event index.
        let program = golite::compile("bad.go", l.bad_go, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rt = golite::start(&program, &opts);
        while rt.run_slice(10_000) == lessons::runtime::Progress::Running {}
        let r = rt.report();
        let m = marks(&r.races);
        assert_eq!(m.len(), 2 * r.races.len());
        assert!(!m.is_empty());
        assert!(m.iter().all(|m| m.line == 19), "{m:?}");
        // Each mark names what its race is on, as the verdict does.
        assert!(
            m.iter().all(|m| m.var.as_deref() == Some("s.hits")),
            "{m:?}"
        );
        assert_eq!(vars_of(&m), "s.hits");
        assert_eq!((m[0].race, m[0].earlier, m[1].earlier), (1, false, true));
        assert_eq!(m[0].event, r.races[0].access.event as usize);
        assert!(m[1].event < m[0].event);
        // The CLI keeps no events but counts them: its indexes are the page's.
        let cli = golite::run_source("bad.go", l.bad_go, &opts);
        assert_eq!(cli.races, r.races);
    }

    #[test]
    fn a_sides_event_maps_to_the_first_position_that_shows_it() {
        // bad events at 0, 5, 10; good at 0, 7: merged bad0 good0 bad5 good7 bad10.
        let l = Lockstep::new(&[0, 5, 10], &[0, 7]);
        assert_eq!(position_of(&l, true, 0), 0);
        assert_eq!(position_of(&l, true, 1), 1);
        assert_eq!(position_of(&l, true, 2), 3);
        assert_eq!(position_of(&l, true, 3), 5);
        assert_eq!(position_of(&l, false, 1), 2);
        assert_eq!(position_of(&l, false, 2), 4);
        assert_eq!(position_of(&l, false, 9), 5);
    }
}
