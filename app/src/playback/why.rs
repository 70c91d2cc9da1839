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

/// Picks the English or the Chinese text.
fn pick<T>(zh: bool, en: T, zh_text: T) -> T {
    if zh { zh_text } else { en }
}

/// A channel's buffer in words: `unbuffered`, `buffer 2 of 4, closed`.
fn chan_words(c: &ChanView, zh: bool) -> String {
    let mut s = match (c.cap == 0, zh) {
        (true, false) => "unbuffered".to_string(),
        (true, true) => "无缓冲".to_string(),
        (false, false) => format!("buffer {} of {}", c.len, c.cap),
        (false, true) => format!("缓冲 {}/{}", c.len, c.cap),
    };
    if c.closed {
        s.push_str(pick(zh, ", closed", "，已关闭"));
    }
    s
}

/// Goroutine ids as a short list: `12, 14, 15 and 3 more`.
fn id_list(gids: &[Gid], zh: bool) -> String {
    const SHOWN: usize = 5;
    let head: Vec<String> = gids.iter().take(SHOWN).map(|g| g.0.to_string()).collect();
    let mut s = head.join(pick(zh, ", ", "、"));
    if gids.len() > SHOWN {
        let more = gids.len() - SHOWN;
        s.push_str(&pick(
            zh,
            format!(" and {more} more"),
            format!(" 等另外 {more} 个"),
        ));
    }
    s
}

/// Whether `g` waits on channel `c` (to send: `Some(true)`, to receive: `Some(false)`).
fn waits_on_chan(g: &GoroutineView, c: ChanId) -> Option<bool> {
    match &g.waits_on {
        Some(WaitsOn::Object(ObjId::Chan(x))) if *x == c => match g.state {
            GState::ChanSend => Some(true),
            GState::ChanRecv | GState::Coroutine => Some(false),
            _ => None,
        },
        Some(WaitsOn::Select(cases)) => cases.iter().find(|w| w.chan == c).map(|w| w.send),
        _ => None,
    }
}

/// What a goroutine parked on `state` at object `obj` waits on, what would wake it, and why
/// nothing can once nobody is left: three texts in English or Chinese.
fn blocked_words(
    s: &Snapshot,
    g: &GoroutineView,
    state: GState,
    woken: Option<i64>,
    zh: bool,
) -> (String, String, String) {
    let obj = match &g.waits_on {
        Some(WaitsOn::Object(o)) => Some(*o),
        _ => None,
    };
    match (state, obj) {
        // A coroutine's switch (iter.Pull) is a receive on its channel.
        (GState::ChanSend | GState::ChanRecv | GState::Coroutine, Some(ObjId::Chan(c))) => {
            let view = s.chans.iter().find(|v| v.chan == c);
            let send = state == GState::ChanSend;
            let sep = pick(zh, ": ", "：");
            let on = match view {
                Some(v) => format!("chan #{}{sep}{}", c.0, chan_words(v, zh)),
                None => format!("chan #{}", c.0),
            };
            let c = c.0;
            let (wake, left) = match (send, zh) {
                (true, false) => (
                    format!("a receive from chan #{c}"),
                    format!("no goroutine is left that receives from chan #{c}"),
                ),
                (true, true) => (
                    format!("从 chan #{c} 接收一次"),
                    format!("已经没有会从 chan #{c} 接收的 goroutine"),
                ),
                (false, false) => (
                    format!("a send on chan #{c} or close(chan #{c})"),
                    format!("no goroutine is left that sends on or closes chan #{c}"),
                ),
                (false, true) => (
                    format!("向 chan #{c} 发送一次，或 close(chan #{c})"),
                    format!("已经没有会向 chan #{c} 发送或关闭它的 goroutine"),
                ),
            };
            (on, wake, left)
        }
        (GState::Select, _) => {
            let cases: Vec<String> = match &g.waits_on {
                Some(WaitsOn::Select(cases)) => cases
                    .iter()
                    .map(|w| {
                        let v = s.chans.iter().find(|v| v.chan == w.chan);
                        let words = v.map(|v| chan_words(v, zh)).unwrap_or_default();
                        match (w.send, zh) {
                            (true, false) => format!("send on chan #{} ({words})", w.chan.0),
                            (false, false) => format!("receive from chan #{} ({words})", w.chan.0),
                            (true, true) => format!("发送到 chan #{}（{words}）", w.chan.0),
                            (false, true) => format!("接收自 chan #{}（{words}）", w.chan.0),
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if zh {
                (
                    format!("没有就绪分支的 select：{}", cases.join("；")),
                    "它的任意一个分支变为就绪".to_string(),
                    "已经没有能让它的任何分支就绪的 goroutine".to_string(),
                )
            } else {
                (
                    format!("a select with no case ready: {}", cases.join("; ")),
                    "any one of its cases becoming ready".to_string(),
                    "no goroutine is left that could make one of its cases ready".to_string(),
                )
            }
        }
        (GState::Sleep, _) => {
            let when = match (woken, zh) {
                (None, false) => "its timer, which does not fire before the run ends".to_string(),
                (None, true) => "它的定时器，但运行结束前不会触发".to_string(),
                (Some(t), false) => format!("its timer, at {}", format_time(t)),
                (Some(t), true) => format!("它的定时器，在 {}", format_time(t)),
            };
            (
                pick(zh, "the clock (time.Sleep)", "时钟（time.Sleep）").to_string(),
                when,
                pick(zh, "the clock does not move any more", "时钟不会再走了").to_string(),
            )
        }
        (GState::ChanSendNil | GState::ChanRecvNil | GState::SelectNoCases, _) => {
            let what = if zh {
                crate::i18n::state(state.as_str(), crate::i18n::Lang::Zh)
            } else {
                g.waits_on_text()
                    .unwrap_or_else(|| state.as_str().to_string())
            };
            (
                what,
                pick(zh, "nothing: this blocks forever", "没有：它会永远阻塞").to_string(),
                pick(
                    zh,
                    "a nil channel is never ready, and an empty select has no case",
                    "nil channel 永远不会就绪，空 select 没有任何分支",
                )
                .to_string(),
            )
        }
        (_, Some(o)) => {
            let name = object_name(o);
            let wake = match (state, zh) {
                (GState::MutexLock, false) => {
                    format!("Unlock of {name} by the goroutine holding it")
                }
                (GState::MutexLock, true) => format!("持有 {name} 的 goroutine 调用 Unlock"),
                (GState::RwMutexLock, false) => {
                    format!("every reader and writer of {name} leaving (RUnlock, Unlock)")
                }
                (GState::RwMutexLock, true) => {
                    format!("{name} 的所有读者和写者离开（RUnlock、Unlock）")
                }
                (GState::RwMutexRLock, false) => format!("the writer of {name} calling Unlock"),
                (GState::RwMutexRLock, true) => format!("{name} 的写者调用 Unlock"),
                (GState::WaitGroupWait, false) => {
                    format!("the counter of {name} reaching zero: a Done for every Add")
                }
                (GState::WaitGroupWait, true) => {
                    format!("{name} 的计数归零：每个 Add 都有一个 Done")
                }
                (GState::CondWait, false) => format!("Signal or Broadcast on {name}"),
                (GState::CondWait, true) => format!("对 {name} 调用 Signal 或 Broadcast"),
                (GState::IoWait, false) => format!(
                    "bytes or a close from the other end of {name}, a close of it, or its deadline"
                ),
                (GState::IoWait, true) => {
                    format!("{name} 对端写入字节或关闭、它自己被关闭，或它的截止时间到达")
                }
                (_, false) => format!("another goroutine releasing {name}"),
                (_, true) => format!("另一个 goroutine 释放 {name}"),
            };
            let on = if zh {
                name.clone()
            } else {
                g.waits_on_text().unwrap_or_else(|| name.clone())
            };
            let left = pick(
                zh,
                format!("no goroutine is left that could release {name}"),
                format!("已经没有能释放 {name} 的 goroutine"),
            );
            (on, wake, left)
        }
        (_, None) => (
            crate::i18n::state(state.as_str(), crate::i18n::Lang::from_zh(zh)),
            pick(zh, "another goroutine", "另一个 goroutine").to_string(),
            pick(
                zh,
                "no goroutine is left that could wake it",
                "已经没有能唤醒它的 goroutine",
            )
            .to_string(),
        ),
    }
}

/// Why goroutine `gid` is where it is, at snapshot `s`. `woken` is when the run wakes it next
/// (see [`woken_at`]); `engine` the engine's reachability answer, when it has one; `zh` picks
/// Chinese.
pub fn goroutine(
    s: &Snapshot,
    gid: Gid,
    names: &[Rc<str>],
    woken: Option<i64>,
    engine: EngineAnswer,
    zh: bool,
) -> Option<Why> {
    let g = s.goroutines.iter().find(|g| g.gid == gid)?;
    let (title_en, title_zh) = who(gid, names);
    let title = pick(zh, title_en, title_zh);
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
    let mut state_text = if zh {
        format!(
            "第 {} 行，{}",
            g.line,
            crate::i18n::state(state.as_str(), crate::i18n::Lang::Zh)
        )
    } else {
        format!("{} at line {}", state.as_str(), g.line)
    };
    if peers > 1 {
        state_text.push_str(&pick(
            zh,
            format!(" (one of {peers} goroutines parked there in this state)"),
            format!("（以这个状态停在那里的 {peers} 个 goroutine 之一）"),
        ));
    }
    rows.push(("state", pick(zh, "state", "状态"), state_text));
    if !state.is_blocked() {
        let since = format_time(g.since_ns);
        rows.push((
            "since",
            pick(zh, "since", "开始于"),
            pick(
                zh,
                format!("runnable since {since}"),
                format!("从 {since} 起可运行"),
            ),
        ));
        return Some(Why {
            title,
            gid: Some(gid),
            rows,
            can_wake: CanWake::Yes(
                pick(
                    zh,
                    "it is not blocked: it runs or waits for its turn",
                    "它没有阻塞：它正在运行或在等待轮到它",
                )
                .into(),
            ),
        });
    }
    let obj = match &g.waits_on {
        Some(WaitsOn::Object(o)) => Some(*o),
        _ => None,
    };
    // What it is blocked on, who else waits there, and what would wake it.
    let (on, wake, nobody_left) = blocked_words(s, g, state, woken, zh);
    rows.push(("on", pick(zh, "blocked on", "阻塞在"), on));
    // Who holds the mutex, or how far the WaitGroup is from zero.
    match obj {
        Some(ObjId::Mutex(m)) => {
            let held = s.mutex_holders.iter().find(|h| h.mutex == m);
            rows.push((
                "holder",
                pick(zh, "held by", "持有者"),
                match held {
                    None => pick(
                        zh,
                        "nobody at this instant: a waiter is about to take it",
                        "此刻无人持有：一个等待者马上就要拿到它",
                    )
                    .to_string(),
                    Some(h) => {
                        let (en, z) = who(h.gid, names);
                        pick(
                            zh,
                            format!("{en} since line {}", h.line),
                            format!("{z}，从第 {} 行起", h.line),
                        )
                    }
                },
            ));
        }
        Some(ObjId::WaitGroup(w)) => {
            if let Some(c) = s.wait_groups.iter().find(|c| c.wg == w) {
                let n = c.counter;
                rows.push((
                    "counter",
                    pick(zh, "counter", "计数"),
                    pick(
                        zh,
                        format!(
                            "{n}: {n} more Done call{} before Wait returns",
                            if n == 1 { "" } else { "s" }
                        ),
                        format!("{n}：Wait 返回前还需要 {n} 次 Done 调用"),
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
        let n = others.len();
        rows.push((
            "others",
            pick(zh, "also waiting there", "也在那里等待"),
            match (n, zh) {
                (0, false) => "no other goroutine".to_string(),
                (0, true) => "没有其他 goroutine".to_string(),
                (_, false) => format!(
                    "{n} other goroutine{}: {}",
                    if n == 1 { "" } else { "s" },
                    id_list(&others, false)
                ),
                (_, true) => format!("另外 {n} 个 goroutine：{}", id_list(&others, true)),
            },
        ));
    }
    let (since, blocked) = (
        format_time(g.since_ns),
        format_time(s.time_ns.saturating_sub(g.since_ns)),
    );
    rows.push((
        "since",
        pick(zh, "since", "开始于"),
        pick(
            zh,
            format!("{since} (blocked for {blocked})"),
            format!("{since}（已阻塞 {blocked}）"),
        ),
    ));
    rows.push(("wake", pick(zh, "could wake it", "能唤醒它的"), wake));
    rows.push((
        "woken",
        pick(zh, "in this run", "在这次运行中"),
        match (woken, zh) {
            (None, false) => "never woken: the run ends first".to_string(),
            (None, true) => "从未被唤醒：运行先结束了".to_string(),
            (Some(t), false) => format!("woken at {}", format_time(t)),
            (Some(t), true) => format!("在 {} 被唤醒", format_time(t)),
        },
    ));
    let forever = matches!(
        state,
        GState::ChanSendNil | GState::ChanRecvNil | GState::SelectNoCases
    );
    let can_wake = match (engine, zh) {
        _ if forever => CanWake::Never(pick(
            zh,
            format!("Nothing can ever wake it: {nobody_left}."),
            format!("没有任何东西能唤醒它：{nobody_left}。"),
        )),
        (EngineAnswer::WokenAt(t), false) => {
            CanWake::Yes(format!("Yes: this run wakes it at {}.", format_time(t)))
        }
        (EngineAnswer::WokenAt(t), true) => {
            CanWake::Yes(format!("能：这次运行在 {} 唤醒它。", format_time(t)))
        }
        (EngineAnswer::Never, false) => CanWake::Never(format!(
            "Nothing can ever wake it: {nobody_left}, and no goroutine that can run, no pending \
             timer and no global variable reaches what it waits on (golite's reachability \
             analysis at the end of the run)."
        )),
        (EngineAnswer::Never, true) => CanWake::Never(format!(
            "没有任何东西能唤醒它：{nobody_left}，而且没有可运行的 goroutine、待触发的定时器或\
             全局变量能到达它所等待的对象（golite 在运行结束时的可达性分析）。"
        )),
        (EngineAnswer::Waiting, _) => CanWake::Yes(
            pick(
                zh,
                "Something can still wake it: when the run ended, a goroutine that can run, a \
                 pending timer or a global variable still reached what it waits on (golite's \
                 reachability analysis).",
                "仍然有东西能唤醒它：运行结束时，仍有可运行的 goroutine、待触发的定时器或全局变量\
                 能到达它所等待的对象（golite 的可达性分析）。",
            )
            .into(),
        ),
        (EngineAnswer::Unknown, _) if state == GState::Sleep => CanWake::Yes(
            pick(
                zh,
                "Yes: its timer will fire when the clock gets there.",
                "能：时钟走到那里时，它的定时器就会触发。",
            )
            .into(),
        ),
        (EngineAnswer::Unknown, _) => CanWake::Unknown(
            pick(
                zh,
                "Not known: the run did not finish, so the engine could not tell.",
                "不知道：运行没有结束，引擎无法判断。",
            )
            .into(),
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
/// still be served: `engine` answers for each waiter (see [`engine_answer`]); `zh` picks
/// Chinese.
pub fn channel(
    s: &Snapshot,
    c: ChanId,
    engine: impl Fn(Gid) -> EngineAnswer,
    zh: bool,
) -> Option<Why> {
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
            pick(zh, "none", "无").to_string()
        } else {
            format!(
                "{}{}{}",
                gids.len(),
                pick(zh, ": ", "："),
                id_list(gids, zh)
            )
        }
    };
    let n = c.0;
    let rows = vec![
        ("on", pick(zh, "buffer", "缓冲"), chan_words(v, zh)),
        (
            "senders",
            pick(zh, "waiting to send", "等待发送"),
            list(&senders),
        ),
        (
            "receivers",
            pick(zh, "waiting to receive", "等待接收"),
            list(&receivers),
        ),
        (
            "wake",
            pick(zh, "could serve them", "能满足它们的"),
            match (senders.is_empty(), receivers.is_empty(), zh) {
                (true, true, false) => "nobody waits on it".to_string(),
                (true, true, true) => "没有人在等它".to_string(),
                (false, _, false) => format!("a receive from chan #{n} for each sender"),
                (false, _, true) => format!("每个发送者各需要一次从 chan #{n} 的接收"),
                (true, false, false) => format!("a send on chan #{n} or close(chan #{n})"),
                (true, false, true) => format!("向 chan #{n} 发送一次，或 close(chan #{n})"),
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
        CanWake::Yes(pick(zh, "Nobody is stuck on it.", "没有人卡在它上面。").into())
    } else if never == answers.len() {
        CanWake::Never(
            pick(
                zh,
                "Nothing can ever serve its waiters: no goroutine that can run, no pending timer \
                 and no global variable reaches it (golite's reachability analysis at the end of \
                 the run).",
                "它的等待者永远得不到满足：没有可运行的 goroutine、待触发的定时器或全局变量能到达它\
                 （golite 在运行结束时的可达性分析）。",
            )
            .into(),
        )
    } else if answers.contains(&EngineAnswer::Unknown) {
        CanWake::Unknown(
            pick(
                zh,
                "Not known: the run did not finish, so the engine could not tell.",
                "不知道：运行没有结束，引擎无法判断。",
            )
            .into(),
        )
    } else if never > 0 {
        let all = answers.len();
        CanWake::Yes(pick(
            zh,
            format!(
                "Some of its waiters can still be served; {never} of {all} never can (golite's \
                 reachability analysis)."
            ),
            format!(
                "它的一部分等待者仍能得到满足；{all} 个中有 {never} 个永远不能（golite 的可达性分析）。"
            ),
        ))
    } else {
        CanWake::Yes(
            pick(
                zh,
                "Its waiters can still be served: this run or something that can run reaches them.",
                "它的等待者仍能得到满足：这次运行或某个可运行的东西能到达它们。",
            )
            .into(),
        )
    };
    Some(Why {
        title: format!("chan #{n}"),
        gid: None,
        rows,
        can_wake,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let names = t.names();
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
        let w =
            goroutine(&end, gid, names, None, engine, false).unwrap_or_else(|| panic!("no why"));
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
        let names = t.names();
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
        let w =
            goroutine(&s, sleeper, names, at, engine, false).unwrap_or_else(|| panic!("no why"));
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
        let w = goroutine(&end, gid, t.names(), None, engine, false)
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
        let names = t.names();
        let main = Gid(1);
        let k = t.index_at_time(5_000_000);
        let s = t.snapshot_at(k);
        let engine = answer(&t, &report, k, main);
        assert_eq!(engine, EngineAnswer::WokenAt(10_000_000));
        let w = goroutine(
            &s,
            main,
            names,
            woken_at(t.events(), k, main),
            engine,
            false,
        )
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
            names,
            woken_at(t.events(), k, main),
            EngineAnswer::Unknown,
            false,
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
        let w = channel(&end, ChanId(0), engine, false).unwrap_or_else(|| panic!("no chan #0"));
        assert_eq!(w.title, "chan #0");
        assert!(row(&w, "senders").starts_with("2: "), "{w:?}");
        assert_eq!(row(&w, "receivers"), "none");
        assert_eq!(w.can_wake.key(), "never");
        assert!(channel(&end, ChanId(9), engine, false).is_none());
    }

    #[test]
    fn long_lists_are_cut_short() {
        let ids: Vec<Gid> = (1..=8).map(Gid).collect();
        assert_eq!(id_list(&ids, false), "1, 2, 3, 4, 5 and 3 more");
    }
}
