//! "Why is this goroutine stuck?": what a parked goroutine waits on (the channel with its buffer
//! and the others queued on it, the mutex, the WaitGroup, the timer), since when, and what could
//! wake it, from the public snapshot (and, for a sleep, the run's events). The page shows it when
//! a goroutine in the map, a line badge or a channel row is picked.
//!
//! Whether anything can still wake it is [`CanWake`], from the engine: the run is finished and
//! deterministic, so a goroutine this run wakes later can be woken; one it never wakes again is
//! judged by the engine's reachability analysis at the end of the run (the report's
//! `goroutines[].leak`, `runtime/reach.rs`): leaked for certain, or still waiting on something
//! a goroutine that can run, a pending timer or a global still reaches. See [`engine_answer`].

use std::rc::Rc;

use lessons::runtime::{
    ChanId, ChanView, Event, EventKind, GState, Gid, GoroutineStack, GoroutineView, LeakVerdict,
    ObjId, Snapshot, WaitsOn, object_name,
};

use crate::playback::narration::who;
use crate::playback::player::format_time;

/// What the learner picked to ask about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// One goroutine (a cell of the map).
    Goroutine(Gid),
    /// The goroutines parked at a line in a state (a line badge): the first of them stands for
    /// the group.
    Line { line: u32, state: &'static str },
    /// A channel (a gauge row).
    Chan(ChanId),
}

/// Whether anything can still wake a goroutine (or, for a channel, its waiters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CanWake {
    /// Nothing can: leaked (or deadlocked) for certain, and why.
    Never(String),
    /// Something still can (the engine found a goroutine that can reach the object), and what.
    Yes(String),
    /// Not known from the snapshot: a goroutine still running might, or might not.
    Unknown(String),
}

impl CanWake {
    /// `never`, `yes` or `unknown`: CSS class and test hook.
    pub fn key(&self) -> &'static str {
        match self {
            CanWake::Never(_) => "never",
            CanWake::Yes(_) => "yes",
            CanWake::Unknown(_) => "unknown",
        }
    }

    /// The sentence.
    pub fn text(&self) -> &str {
        match self {
            CanWake::Never(s) | CanWake::Yes(s) | CanWake::Unknown(s) => s,
        }
    }
}

/// The engine's answer to "can anything still wake it?" for one goroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EngineAnswer {
    /// This run wakes it again, at this virtual time.
    WokenAt(i64),
    /// Never woken again, and reachability at the end of the run says what it waits on is
    /// out of reach of anything that can run: leaked for certain.
    Never,
    /// Never woken before the run ended, but something that can run (a goroutine, a pending
    /// timer, a global) still reaches what it waits on.
    Waiting,
    /// The engine has no answer (the goroutine was not parked when the run ended, or the run
    /// did not finish).
    Unknown,
}

/// The engine's answer for `gid`: `woken` is when this run wakes it next (see [`woken_at`]),
/// `end` the report's goroutines at the end of the run (sorted by id), with reachability's
/// verdict on each parked one.
pub fn engine_answer(end: &[GoroutineStack], gid: Gid, woken: Option<i64>) -> EngineAnswer {
    if let Some(t) = woken {
        return EngineAnswer::WokenAt(t);
    }
    let verdict = end
        .binary_search_by_key(&gid.0, |g| g.gid)
        .ok()
        .and_then(|i| end[i].leak);
    match verdict {
        Some(LeakVerdict::Certain) => EngineAnswer::Never,
        Some(LeakVerdict::Waiting) => EngineAnswer::Waiting,
        None => EngineAnswer::Unknown,
    }
}

/// The panel's content: a title and labelled rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why {
    /// `goroutine 18 (main.fetchProfile.func1)` or `chan #3`.
    pub title: String,
    /// The goroutine asked about, if any (the map marks it).
    pub gid: Option<Gid>,
    /// `(key, label, text)`: key is a stable test hook (`state`, `on`, `others`, `since`,
    /// `wake`), label is shown.
    pub rows: Vec<(&'static str, &'static str, String)>,
    /// Whether anything can still wake it.
    pub can_wake: CanWake,
}

/// The goroutine a pick stands for, if it is alive in `s`.
pub fn picked_gid(s: &Snapshot, pick: Pick) -> Option<Gid> {
    match pick {
        Pick::Goroutine(g) => s.goroutines.iter().any(|x| x.gid == g).then_some(g),
        Pick::Line { line, state } => s
            .by_line
            .iter()
            .find(|g| g.line == line && g.state.as_str() == state)
            .and_then(|g| g.gids.first().copied()),
        Pick::Chan(_) => None,
    }
}

/// When this run wakes `gid` again after event `upto`: the time of its next `Unblock`, `None`
/// when nothing does before the run ends. The run is finished and deterministic, so this is
/// what happens, not a guess; for a sleep it is when its timer fires (sleeps leave no timer
/// events of their own).
pub fn woken_at(events: &[Event], upto: usize, gid: Gid) -> Option<i64> {
    events
        .get(upto..)?
        .iter()
        .find(|e| e.gid == gid && matches!(e.kind, EventKind::Unblock))
        .map(|e| e.time_ns)
}

fn chan_words(c: &ChanView) -> String {
    let mut s = if c.cap == 0 {
        "unbuffered".to_string()
    } else {
        format!("buffer {} of {}", c.len, c.cap)
    };
    if c.closed {
        s.push_str(", closed");
    }
    s
}

/// Goroutine ids as a short list: `12, 14, 15 and 3 more`.
fn id_list(gids: &[Gid]) -> String {
    const SHOWN: usize = 5;
    let head: Vec<String> = gids.iter().take(SHOWN).map(|g| g.0.to_string()).collect();
    let mut s = head.join(", ");
    if gids.len() > SHOWN {
        s.push_str(&format!(" and {} more", gids.len() - SHOWN));
    }
    s
}

/// Whether `g` waits on channel `c` (to send: `Some(true)`, to receive: `Some(false)`).
fn waits_on_chan(g: &GoroutineView, c: ChanId) -> Option<bool> {
    match &g.waits_on {
        Some(WaitsOn::Object(ObjId::Chan(x))) if *x == c => match g.state {
            GState::ChanSend => Some(true),
            GState::ChanRecv => Some(false),
            _ => None,
        },
        Some(WaitsOn::Select(cases)) => cases.iter().find(|w| w.chan == c).map(|w| w.send),
        _ => None,
    }
}

/// Why goroutine `gid` is where it is, at snapshot `s`. `woken` is when the run wakes it next
/// (see [`woken_at`]); `engine` the engine's reachability answer, when it has one.
pub fn goroutine(
    s: &Snapshot,
    gid: Gid,
    names: &[Rc<str>],
    woken: Option<i64>,
    engine: EngineAnswer,
) -> Option<Why> {
    let g = s.goroutines.iter().find(|g| g.gid == gid)?;
    let (title, _) = who(gid, names);
    let mut rows: Vec<(&'static str, &'static str, String)> = Vec::new();
    let state = if s.running == Some(gid) {
        GState::Running
    } else {
        g.state
    };
    let peers = s
        .by_line
        .iter()
        .find(|x| x.line == g.line && x.state == state)
        .map_or(1, |x| x.count);
    let mut state_text = format!("{} at line {}", state.as_str(), g.line);
    if peers > 1 {
        state_text.push_str(&format!(
            " (one of {peers} goroutines parked there in this state)"
        ));
    }
    rows.push(("state", "state", state_text));
    if !state.is_blocked() {
        rows.push((
            "since",
            "since",
            format!("runnable since {}", format_time(g.since_ns)),
        ));
        return Some(Why {
            title,
            gid: Some(gid),
            rows,
            can_wake: CanWake::Yes("it is not blocked: it runs or waits for its turn".into()),
        });
    }
    let obj = match &g.waits_on {
        Some(WaitsOn::Object(o)) => Some(*o),
        _ => None,
    };
    // What it is blocked on, who else waits there, and what would wake it.
    let (on, wake, nobody_left) = match (state, obj) {
        (GState::ChanSend | GState::ChanRecv, Some(ObjId::Chan(c))) => {
            let view = s.chans.iter().find(|v| v.chan == c);
            let send = state == GState::ChanSend;
            let on = match view {
                Some(v) => format!("chan #{}: {}", c.0, chan_words(v)),
                None => format!("chan #{}", c.0),
            };
            let wake = if send {
                format!("a receive from chan #{}", c.0)
            } else {
                format!("a send on chan #{} or close(chan #{})", c.0, c.0)
            };
            let left = if send {
                format!("no goroutine is left that receives from chan #{}", c.0)
            } else {
                format!("no goroutine is left that sends on or closes chan #{}", c.0)
            };
            (on, wake, left)
        }
        (GState::Select, _) => {
            let cases: Vec<String> = match &g.waits_on {
                Some(WaitsOn::Select(cases)) => cases
                    .iter()
                    .map(|w| {
                        let v = s.chans.iter().find(|v| v.chan == w.chan);
                        let words = v.map(chan_words).unwrap_or_default();
                        let op = if w.send { "send on" } else { "receive from" };
                        format!("{op} chan #{} ({words})", w.chan.0)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            (
                format!("a select with no case ready: {}", cases.join("; ")),
                "any one of its cases becoming ready".to_string(),
                "no goroutine is left that could make one of its cases ready".to_string(),
            )
        }
        (GState::Sleep, _) => {
            let when = woken.map_or_else(
                || "its timer, which does not fire before the run ends".to_string(),
                |t| format!("its timer, at {}", format_time(t)),
            );
            (
                "the clock (time.Sleep)".to_string(),
                when,
                "the clock does not move any more".to_string(),
            )
        }
        (GState::ChanSendNil | GState::ChanRecvNil | GState::SelectNoCases, _) => {
            let what = g
                .waits_on_text()
                .unwrap_or_else(|| state.as_str().to_string());
            (
                what,
                "nothing: this blocks forever".to_string(),
                "a nil channel is never ready, and an empty select has no case".to_string(),
            )
        }
        (_, Some(o)) => {
            let wake = match state {
                GState::MutexLock => {
                    format!("Unlock of {} by the goroutine holding it", object_name(o))
                }
                GState::RwMutexLock => format!(
                    "every reader and writer of {} leaving (RUnlock, Unlock)",
                    object_name(o)
                ),
                GState::RwMutexRLock => format!("the writer of {} calling Unlock", object_name(o)),
                GState::WaitGroupWait => format!(
                    "the counter of {} reaching zero: a Done for every Add",
                    object_name(o)
                ),
                GState::CondWait => format!("Signal or Broadcast on {}", object_name(o)),
                GState::IoWait => format!(
                    "bytes or a close from the other end of {}, a close of it, or its deadline",
                    object_name(o)
                ),
                _ => format!("another goroutine releasing {}", object_name(o)),
            };
            (
                g.waits_on_text().unwrap_or_else(|| object_name(o)),
                wake,
                format!("no goroutine is left that could release {}", object_name(o)),
            )
        }
        (_, None) => (
            state.as_str().to_string(),
            "another goroutine".to_string(),
            "no goroutine is left that could wake it".to_string(),
        ),
    };
    rows.push(("on", "blocked on", on));
    // Who holds the mutex, or how far the WaitGroup is from zero.
    match obj {
        Some(ObjId::Mutex(m)) => {
            let held = s.mutex_holders.iter().find(|h| h.mutex == m);
            rows.push((
                "holder",
                "held by",
                held.map_or_else(
                    || "nobody at this instant: a waiter is about to take it".to_string(),
                    |h| format!("{} since line {}", who(h.gid, names).0, h.line),
                ),
            ));
        }
        Some(ObjId::WaitGroup(w)) => {
            if let Some(c) = s.wait_groups.iter().find(|c| c.wg == w) {
                rows.push((
                    "counter",
                    "counter",
                    format!(
                        "{}: {} more Done call{} before Wait returns",
                        c.counter,
                        c.counter,
                        if c.counter == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
        _ => {}
    }
    // Others waiting on the same object (or on one of its select's channels).
    let others: Vec<Gid> = s
        .goroutines
        .iter()
        .filter(|x| x.gid != gid && x.waits_on.is_some())
        .filter(|x| match (&g.waits_on, &x.waits_on) {
            (Some(WaitsOn::Object(ObjId::Chan(c))), _) => waits_on_chan(x, *c).is_some(),
            (Some(WaitsOn::Object(a)), Some(WaitsOn::Object(b))) => a == b,
            (Some(WaitsOn::Select(mine)), _) => {
                mine.iter().any(|w| waits_on_chan(x, w.chan).is_some())
            }
            _ => false,
        })
        .map(|x| x.gid)
        .collect();
    if obj.is_some() || matches!(g.waits_on, Some(WaitsOn::Select(_))) {
        rows.push((
            "others",
            "also waiting there",
            if others.is_empty() {
                "no other goroutine".to_string()
            } else {
                format!(
                    "{} other goroutine{}: {}",
                    others.len(),
                    if others.len() == 1 { "" } else { "s" },
                    id_list(&others)
                )
            },
        ));
    }
    rows.push((
        "since",
        "since",
        format!(
            "{} (blocked for {})",
            format_time(g.since_ns),
            format_time(s.time_ns.saturating_sub(g.since_ns))
        ),
    ));
    rows.push(("wake", "could wake it", wake));
    rows.push((
        "woken",
        "in this run",
        woken.map_or_else(
            || "never woken: the run ends first".to_string(),
            |t| format!("woken at {}", format_time(t)),
        ),
    ));
    let forever = matches!(
        state,
        GState::ChanSendNil | GState::ChanRecvNil | GState::SelectNoCases
    );
    let can_wake = match engine {
        _ if forever => CanWake::Never(format!("Nothing can ever wake it: {nobody_left}.")),
        EngineAnswer::WokenAt(t) => {
            CanWake::Yes(format!("Yes: this run wakes it at {}.", format_time(t)))
        }
        EngineAnswer::Never => CanWake::Never(format!(
            "Nothing can ever wake it: {nobody_left}, and no goroutine that can run, no pending \
             timer and no global variable reaches what it waits on (golite's reachability \
             analysis at the end of the run)."
        )),
        EngineAnswer::Waiting => CanWake::Yes(
            "Something can still wake it: when the run ended, a goroutine that can run, a \
             pending timer or a global variable still reached what it waits on (golite's \
             reachability analysis)."
                .into(),
        ),
        EngineAnswer::Unknown if state == GState::Sleep => {
            CanWake::Yes("Yes: its timer will fire when the clock gets there.".into())
        }
        EngineAnswer::Unknown => CanWake::Unknown(
            "Not known: the run did not finish, so the engine could not tell.".into(),
        ),
    };
    Some(Why {
        title,
        gid: Some(gid),
        rows,
        can_wake,
    })
}

/// A channel's story: its buffer, who waits on it to send or receive, and whether they can
/// still be served: `engine` answers for each waiter (see [`engine_answer`]).
pub fn channel(s: &Snapshot, c: ChanId, engine: impl Fn(Gid) -> EngineAnswer) -> Option<Why> {
    let v = s.chans.iter().find(|v| v.chan == c)?;
    let mut senders = Vec::new();
    let mut receivers = Vec::new();
    for g in &s.goroutines {
        match waits_on_chan(g, c) {
            Some(true) => senders.push(g.gid),
            Some(false) => receivers.push(g.gid),
            None => {}
        }
    }
    let list = |gids: &[Gid]| {
        if gids.is_empty() {
            "none".to_string()
        } else {
            format!("{}: {}", gids.len(), id_list(gids))
        }
    };
    let rows = vec![
        ("on", "buffer", chan_words(v)),
        ("senders", "waiting to send", list(&senders)),
        ("receivers", "waiting to receive", list(&receivers)),
        (
            "wake",
            "could serve them",
            match (senders.is_empty(), receivers.is_empty()) {
                (true, true) => "nobody waits on it".to_string(),
                (false, _) => format!("a receive from chan #{} for each sender", c.0),
                (true, false) => format!("a send on chan #{} or close(chan #{})", c.0, c.0),
            },
        ),
    ];
    let answers: Vec<EngineAnswer> = senders
        .iter()
        .chain(&receivers)
        .map(|g| engine(*g))
        .collect();
    let never = answers
        .iter()
        .filter(|a| **a == EngineAnswer::Never)
        .count();
    let can_wake = if answers.is_empty() {
        CanWake::Yes("Nobody is stuck on it.".into())
    } else if never == answers.len() {
        CanWake::Never(
            "Nothing can ever serve its waiters: no goroutine that can run, no pending timer and \
             no global variable reaches it (golite's reachability analysis at the end of the run)."
                .into(),
        )
    } else if answers.contains(&EngineAnswer::Unknown) {
        CanWake::Unknown("Not known: the run did not finish, so the engine could not tell.".into())
    } else if never > 0 {
        CanWake::Yes(format!(
            "Some of its waiters can still be served; {never} of {} never can (golite's \
             reachability analysis).",
            answers.len()
        ))
    } else {
        CanWake::Yes(
            "Its waiters can still be served: this run or something that can run reaches them."
                .into(),
        )
    };
    Some(Why {
        title: format!("chan #{}", c.0),
        gid: None,
        rows,
        can_wake,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playback::narration::names;
    use lessons::golite::{self, RunOptions};
    use lessons::runtime::{Progress, RunReport, Timeline};

    fn run(src: &str) -> (Timeline, RunReport) {
        let program = golite::compile("t.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rt = golite::start(&program, &RunOptions::default());
        while rt.run_slice(10_000) == Progress::Running {}
        (Timeline::from_events(rt.take_events()), rt.report())
    }

    /// The engine's answer for `gid` at event `k` of a run.
    fn answer(t: &Timeline, r: &RunReport, k: usize, gid: Gid) -> EngineAnswer {
        engine_answer(&r.goroutines, gid, woken_at(t.events(), k, gid))
    }

    fn row<'a>(w: &'a Why, key: &str) -> &'a str {
        w.rows
            .iter()
            .find(|r| r.0 == key)
            .map_or("", |r| r.2.as_str())
    }

    const LEAK: &str = "package main\n\nimport \"time\"\n\nfunc main() {\n\tc := make(chan int)\n\tfor range 3 {\n\t\tgo func() {\n\t\t\ttime.Sleep(5 * time.Millisecond)\n\t\t\tc <- 1\n\t\t}()\n\t}\n\t<-c\n\ttime.Sleep(20 * time.Millisecond)\n}\n";

    #[test]
    fn a_leaked_sender_names_its_channel_its_peers_and_that_nothing_can_ever_wake_it() {
        let (t, report) = run(LEAK);
        let end = t.last();
        let names = names(t.events());
        let gid = picked_gid(
            &end,
            Pick::Line {
                line: 10,
                state: "chan send",
            },
        )
        .unwrap_or_else(|| panic!("no sender at line 10: {:?}", end.by_line));
        let engine = answer(&t, &report, end.index, gid);
        assert_eq!(engine, EngineAnswer::Never);
        let w = goroutine(&end, gid, &names, None, engine).unwrap_or_else(|| panic!("no why"));
        assert_eq!(w.title, format!("goroutine {} (main.main.func1)", gid.0));
        assert_eq!(
            row(&w, "state"),
            "chan send at line 10 (one of 2 goroutines parked there in this state)"
        );
        assert_eq!(row(&w, "on"), "chan #0: unbuffered");
        assert!(
            row(&w, "others").starts_with("1 other goroutine: "),
            "{w:?}"
        );
        assert_eq!(row(&w, "since"), "5ms (blocked for 20ms)");
        assert_eq!(row(&w, "wake"), "a receive from chan #0");
        assert_eq!(row(&w, "woken"), "never woken: the run ends first");
        assert_eq!(
            w.can_wake,
            CanWake::Never(
                "Nothing can ever wake it: no goroutine is left that receives from chan #0, and \
                 no goroutine that can run, no pending timer and no global variable reaches what \
                 it waits on (golite's reachability analysis at the end of the run)."
                    .into()
            )
        );
    }

    #[test]
    fn mid_run_a_sleeper_knows_its_timer() {
        let (t, report) = run(LEAK);
        let names = names(t.events());
        // At 1 ms everyone sleeps: the three senders' timers fire at 5 ms.
        let k = t.index_at_time(1_000_000);
        let s = t.snapshot_at(k);
        let sleeper = s
            .goroutines
            .iter()
            .find(|g| g.state == GState::Sleep && g.gid.0 != 1)
            .map(|g| g.gid)
            .unwrap_or_else(|| panic!("nobody sleeps: {:?}", s.goroutines));
        let at = woken_at(t.events(), k, sleeper);
        assert_eq!(at, Some(5_000_000));
        let engine = answer(&t, &report, k, sleeper);
        assert_eq!(engine, EngineAnswer::WokenAt(5_000_000));
        let w = goroutine(&s, sleeper, &names, at, engine).unwrap_or_else(|| panic!("no why"));
        assert_eq!(row(&w, "wake"), "its timer, at 5ms");
        assert_eq!(row(&w, "woken"), "woken at 5ms");
        assert_eq!(
            w.can_wake,
            CanWake::Yes("Yes: this run wakes it at 5ms.".into())
        );
    }

    /// A goroutine on a running Ticker's channel when main returns is waiting, not leaked: the
    /// ticker can still wake it (lesson 14's case).
    #[test]
    fn a_ticker_reader_at_the_end_is_still_waiting() {
        let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tt := time.NewTicker(time.Second)\n\tgo func() {\n\t\tfor range t.C {\n\t\t}\n\t}()\n\ttime.Sleep(10 * time.Millisecond)\n}\n";
        let (t, report) = run(src);
        let end = t.last();
        let gid = picked_gid(
            &end,
            Pick::Line {
                line: 8,
                state: "chan receive",
            },
        )
        .unwrap_or_else(|| panic!("no reader at line 8: {:?}", end.by_line));
        let engine = answer(&t, &report, end.index, gid);
        assert_eq!(engine, EngineAnswer::Waiting);
        let w = goroutine(&end, gid, &names(t.events()), None, engine)
            .unwrap_or_else(|| panic!("no why"));
        assert_eq!(w.can_wake.key(), "yes");
        assert!(
            w.can_wake
                .text()
                .starts_with("Something can still wake it: "),
            "{w:?}"
        );
    }

    const LOCKS: &str = "package main\n\nimport (\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tgo func() {\n\t\tmu.Lock()\n\t\ttime.Sleep(10 * time.Millisecond)\n\t\tmu.Unlock()\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tmu.Lock()\n\tvar wg sync.WaitGroup\n\twg.Add(3)\n\tfor range 3 {\n\t\tgo func() {\n\t\t\ttime.Sleep(time.Millisecond)\n\t\t\twg.Done()\n\t\t}()\n\t}\n\twg.Wait()\n}\n";

    #[test]
    fn a_lock_waiter_names_the_holder_and_a_wait_the_counter() {
        let (t, report) = run(LOCKS);
        let names = names(t.events());
        let main = Gid(1);
        let k = t.index_at_time(5_000_000);
        let s = t.snapshot_at(k);
        let engine = answer(&t, &report, k, main);
        assert_eq!(engine, EngineAnswer::WokenAt(10_000_000));
        let w = goroutine(&s, main, &names, woken_at(t.events(), k, main), engine)
            .unwrap_or_else(|| panic!("no why"));
        assert_eq!(row(&w, "state"), "sync.Mutex.Lock at line 16");
        assert_eq!(
            row(&w, "holder"),
            "goroutine 2 (main.main.func1) since line 11"
        );
        // At 10 ms main waits for three workers, which sleep until 11 ms.
        let k = t.index_at_time(10_500_000);
        let s = t.snapshot_at(k);
        let w = goroutine(
            &s,
            main,
            &names,
            woken_at(t.events(), k, main),
            EngineAnswer::Unknown,
        )
        .unwrap_or_else(|| panic!("no why"));
        assert_eq!(row(&w, "state"), "sync.WaitGroup.Wait at line 25");
        assert_eq!(
            row(&w, "counter"),
            "3: 3 more Done calls before Wait returns"
        );
        assert_eq!(
            s.wait_groups.iter().map(|c| c.counter).collect::<Vec<_>>(),
            [3]
        );
        // Nobody waits on the mutex any more: the snapshot no longer names a holder.
        assert_eq!(s.mutex_holders, []);
    }

    #[test]
    fn a_channel_lists_who_waits_on_it() {
        let (t, report) = run(LEAK);
        let end = t.last();
        let engine = |g: Gid| answer(&t, &report, end.index, g);
        let w = channel(&end, ChanId(0), engine).unwrap_or_else(|| panic!("no chan #0"));
        assert_eq!(w.title, "chan #0");
        assert!(row(&w, "senders").starts_with("2: "), "{w:?}");
        assert_eq!(row(&w, "receivers"), "none");
        assert_eq!(w.can_wake.key(), "never");
        assert!(channel(&end, ChanId(9), engine).is_none());
    }

    #[test]
    fn long_lists_are_cut_short() {
        let ids: Vec<Gid> = (1..=8).map(Gid).collect();
        assert_eq!(id_list(&ids), "1, 2, 3, 4, 5 and 3 more");
    }
}
