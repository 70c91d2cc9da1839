//! Explicit schedules: who runs at each decision point, chosen by a [`Chooser`] instead of Go's
//! run order, so a learner can be the scheduler and exploration can search interleavings
//! (issue 21, `docs/ARCHITECTURE.md` § Runtime, schedules).
//!
//! With a chooser set ([`super::Runtime::set_chooser`]), two kinds of moment are decisions,
//! each only when more than one goroutine could run:
//! - **pick**: the scheduler needs the next goroutine (the running one blocked, yielded or
//!   exited); the options are every runnable goroutine;
//! - **preempt**: the running goroutine is about to start a new source line (the interpreter
//!   reports it through `Cx::preempt_point`); the options are it and every runnable one. The
//!   running goroutine always yields there and the chosen one runs next, so a decision costs
//!   the same whichever way it goes and replaying its choice replays the run exactly.
//!
//! The runtime records every choice ([`super::Runtime::schedule`]); a [`Replay`] of that list
//! with the same program, parameters and seed is the same run, step by step. A chooser that
//! answers `None` pauses the run at the decision ([`super::Runtime::decision`]) until
//! [`super::Runtime::choose`] is called: the learner's turn.

use super::ids::Gid;

/// What kind of moment a decision is (see the module comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionKind {
    Pick,
    Preempt,
}

/// One runnable goroutine at a decision: its id and the source line it runs next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Runnable {
    pub gid: Gid,
    pub line: u32,
}

/// A decision point: which goroutine runs next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Its index in the run's schedule (0 for the first decision).
    pub index: usize,
    pub kind: DecisionKind,
    /// The goroutines that can run, by id (at least two).
    pub options: Vec<Runnable>,
    /// What Go's order would run: the running goroutine at a preemption point, else the
    /// scheduler's `runnext`/queue head.
    pub default: Gid,
    /// The goroutine that was running (a preemption point) or `Gid(0)` (a pick).
    pub current: Gid,
}

impl Decision {
    /// True when `gid` is one of the options.
    pub fn allows(&self, gid: Gid) -> bool {
        self.options.iter().any(|o| o.gid == gid)
    }
}

/// Who decides: a replayed list, a search strategy, or (answering `None`) the learner.
pub trait Chooser {
    /// The goroutine to run at `d` (one of its options), or `None` to pause the run there.
    fn choose(&mut self, d: &Decision) -> Option<Gid>;
}

/// Replays a list of choices; past its end (or at a choice that is not an option, which a
/// hand-edited link can hold) it takes Go's default, or pauses when `pause_after` is set.
#[derive(Clone, Debug, Default)]
pub struct Replay {
    pub choices: Vec<Gid>,
    pub pause_after: bool,
}

impl Chooser for Replay {
    fn choose(&mut self, d: &Decision) -> Option<Gid> {
        match self.choices.get(d.index) {
            Some(&g) if d.allows(g) => Some(g),
            Some(_) => Some(d.default),
            None if self.pause_after => None,
            None => Some(d.default),
        }
    }
}

/// A schedule as text for links and the CLI: goroutine ids separated by `.`, a run of the same
/// id as `ID*N` (`1*40.2.3*7`). Decisions mostly repeat their neighbour, so this stays short.
pub fn format_schedule(choices: &[Gid]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < choices.len() {
        let g = choices[i];
        let mut n = 1;
        while i + n < choices.len() && choices[i + n] == g {
            n += 1;
        }
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&g.0.to_string());
        if n > 1 {
            out.push('*');
            out.push_str(&n.to_string());
        }
        i += n;
    }
    out
}

/// Most decisions a schedule's text may expand to (a link cannot make the page allocate
/// without bound).
pub const MAX_SCHEDULE_LEN: usize = 4_000_000;

/// Parses [`format_schedule`]'s text; `Err` names the part that is not `ID` or `ID*N`.
pub fn parse_schedule(text: &str) -> Result<Vec<Gid>, String> {
    let mut out = Vec::new();
    if text.is_empty() {
        return Ok(out);
    }
    for part in text.split('.') {
        let (id, n) = match part.split_once('*') {
            Some((id, n)) => (id, n.parse::<usize>().ok()),
            None => (part, Some(1)),
        };
        let (Ok(id), Some(n)) = (id.parse::<u32>(), n) else {
            return Err(format!("not a goroutine choice: {part:?}"));
        };
        if out.len() + n > MAX_SCHEDULE_LEN {
            return Err(format!("schedule longer than {MAX_SCHEDULE_LEN} decisions"));
        }
        out.extend(std::iter::repeat_n(Gid(id), n));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_text_round_trips_and_compresses_runs() {
        let s = vec![Gid(1), Gid(1), Gid(1), Gid(2), Gid(3), Gid(3)];
        assert_eq!(format_schedule(&s), "1*3.2.3*2");
        assert_eq!(parse_schedule("1*3.2.3*2"), Ok(s));
        assert_eq!(parse_schedule(""), Ok(Vec::new()));
        assert_eq!(
            parse_schedule("1.x"),
            Err("not a goroutine choice: \"x\"".to_string())
        );
        assert!(parse_schedule("1*5000000").is_err());
    }

    #[test]
    fn replay_takes_the_default_past_its_end_or_pauses() {
        let d = Decision {
            index: 1,
            kind: DecisionKind::Pick,
            options: vec![
                Runnable {
                    gid: Gid(1),
                    line: 3,
                },
                Runnable {
                    gid: Gid(2),
                    line: 9,
                },
            ],
            default: Gid(2),
            current: Gid(0),
        };
        let mut r = Replay {
            choices: vec![Gid(1), Gid(1)],
            pause_after: false,
        };
        assert_eq!(r.choose(&d), Some(Gid(1)));
        r.choices = vec![Gid(1), Gid(7)];
        assert_eq!(r.choose(&d), Some(Gid(2)), "not an option: the default");
        r.choices = vec![Gid(1)];
        assert_eq!(r.choose(&d), Some(Gid(2)));
        r.pause_after = true;
        assert_eq!(r.choose(&d), None);
    }
}
