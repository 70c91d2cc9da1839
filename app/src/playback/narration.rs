//! The event under the cursor in one plain sentence, English and Chinese: `goroutine 18
//! (main.fetchProfile.func1) blocks at line 27 sending on chan #3: unbuffered, no receiver
//! waiting`. Built from the event and the snapshot just after it (the channel's buffer and
//! queues), so stepping through a run reads as a story instead of a list of event kinds.

use std::rc::Rc;

use lessons::runtime::{
    ChanId, Event, EventKind, GState, Gid, ObjId, Outcome, Snapshot, object_name,
};

use crate::playback::player::{format_bytes, format_time};

/// One sentence in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub en: String,
    pub zh: String,
}

impl Sentence {
    fn new(en: String, zh: String) -> Self {
        Sentence { en, zh }
    }
}

/// `goroutine 18 (main.handle.func1)`, or `goroutine 18` when its function is unknown.
pub fn who(gid: Gid, names: &[Rc<str>]) -> (String, String) {
    match names.get(gid.index()).filter(|n| !n.is_empty()) {
        Some(n) => (
            format!("goroutine {} ({n})", gid.0),
            format!("goroutine {}（{n}）", gid.0),
        ),
        None => (
            format!("goroutine {}", gid.0),
            format!("goroutine {}", gid.0),
        ),
    }
}

/// ` at line 27` / `在第 27 行`; nothing for line 0 (the runtime's own events).
fn at_line(line: u32) -> (String, String) {
    if line == 0 {
        (String::new(), String::new())
    } else {
        (format!(" at line {line}"), format!("在第 {line} 行"))
    }
}

/// A channel's buffer and queues after the event, in words: `unbuffered, no receiver waiting`,
/// `buffer full (4 of 4)`, `2 of 4 buffered`.
fn chan_state(s: &Snapshot, c: ChanId, sending: bool) -> (String, String) {
    let Some(v) = s.chans.iter().find(|v| v.chan == c) else {
        return (String::new(), String::new());
    };
    let (other, other_zh, n) = if sending {
        ("receiver", "接收者", v.receivers)
    } else {
        ("sender", "发送者", v.senders)
    };
    let queue = |n: u32| {
        if n == 0 {
            (format!("no {other} waiting"), format!("没有{other_zh}在等"))
        } else {
            (
                format!("{n} {other}{} waiting", if n == 1 { "" } else { "s" }),
                format!("{n} 个{other_zh}在等"),
            )
        }
    };
    let (q, qz) = queue(n);
    if v.closed {
        return ("closed".into(), "已关闭".into());
    }
    if v.cap == 0 {
        (format!("unbuffered, {q}"), format!("无缓冲，{qz}"))
    } else if sending && v.len >= v.cap {
        (
            format!("buffer full ({} of {})", v.len, v.cap),
            format!("缓冲区已满（{}/{}）", v.len, v.cap),
        )
    } else if !sending && v.len == 0 {
        (
            format!("buffer empty (0 of {}), {q}", v.cap),
            format!("缓冲区为空（0/{}），{qz}", v.cap),
        )
    } else {
        (
            format!("{} of {} buffered", v.len, v.cap),
            format!("缓冲 {}/{}", v.len, v.cap),
        )
    }
}

/// What a `Block` event parks on, in words: `sending on chan #3: unbuffered, no receiver
/// waiting`, `waiting to lock mutex #0`, `sleeping`.
fn block_words(
    state: GState,
    on: Option<ObjId>,
    cases: Option<&[lessons::runtime::CaseWait]>,
    s: &Snapshot,
) -> (String, String) {
    let with = |(a, b): (String, String), (x, y): (String, String)| {
        if x.is_empty() {
            (a, b)
        } else {
            (format!("{a}: {x}"), format!("{b}：{y}"))
        }
    };
    match (state, on) {
        (GState::ChanSend, Some(ObjId::Chan(c))) => with(
            (
                format!("sending on chan #{}", c.0),
                format!("向 chan #{} 发送", c.0),
            ),
            chan_state(s, c, true),
        ),
        (GState::ChanRecv, Some(ObjId::Chan(c))) => with(
            (
                format!("receiving from chan #{}", c.0),
                format!("从 chan #{} 接收", c.0),
            ),
            chan_state(s, c, false),
        ),
        (GState::Select, _) => {
            let cases = cases.unwrap_or_default();
            let list: Vec<String> = cases
                .iter()
                .map(|w| {
                    let op = if w.send { "send on" } else { "receive from" };
                    format!("{op} chan #{}", w.chan.0)
                })
                .collect();
            let list_zh: Vec<String> = cases
                .iter()
                .map(|w| {
                    let op = if w.send { "发送到" } else { "接收自" };
                    format!("{op} chan #{}", w.chan.0)
                })
                .collect();
            if list.is_empty() {
                ("in a select".into(), "在 select 中".into())
            } else {
                (
                    format!("in a select, no case ready ({})", list.join(", ")),
                    format!("在 select 中，没有就绪的分支（{}）", list_zh.join("，")),
                )
            }
        }
        (GState::Sleep, _) => ("sleeping".into(), "休眠".into()),
        (GState::SelectNoCases, _) => (
            "in an empty select, forever".into(),
            "在空 select 中，永远阻塞".into(),
        ),
        (GState::ChanSendNil, _) => (
            "sending on a nil channel, forever".into(),
            "向 nil 通道发送，永远阻塞".into(),
        ),
        (GState::ChanRecvNil, _) => (
            "receiving from a nil channel, forever".into(),
            "从 nil 通道接收，永远阻塞".into(),
        ),
        (_, Some(o)) => {
            let name = object_name(o);
            (
                format!("in {} on {name}", state.as_str()),
                format!("在 {name} 上等待（{}）", state.as_str()),
            )
        }
        (_, None) => (
            format!("in {}", state.as_str()),
            format!("在 {} 中等待", state.as_str()),
        ),
    }
}

/// The sentence for event `e`; `after` is the snapshot with `e` applied, `names` from [`names`].
pub fn narrate(e: &Event, after: &Snapshot, names: &[Rc<str>]) -> Sentence {
    let (g, gz) = who(e.gid, names);
    let (at, atz) = at_line(e.line);
    let t = format_time(e.time_ns);
    match &e.kind {
        EventKind::Spawn { child, .. } => {
            let (c, cz) = who(*child, names);
            if e.gid.0 == 0 {
                Sentence::new(format!("{c} starts the program"), format!("{cz} 启动程序"))
            } else {
                Sentence::new(
                    format!("{g} starts {c}{at}"),
                    format!("{gz} {atz}启动了 {cz}"),
                )
            }
        }
        EventKind::Block {
            state: GState::Sleep,
            ..
        } => Sentence::new(format!("{g} sleeps{at}"), format!("{gz} {atz}休眠")),
        EventKind::Block { state, on, cases } => {
            let (w, wz) = block_words(*state, *on, cases.as_deref(), after);
            Sentence::new(
                format!("{g} blocks{at} {w}"),
                format!("{gz} {atz}阻塞：{wz}"),
            )
        }
        EventKind::Unblock => Sentence::new(
            format!("{g} is woken up and can run again{at}"),
            format!("{gz} {atz}被唤醒，可以继续运行"),
        ),
        EventKind::Exit => Sentence::new(
            format!("{g} returns{at}: it is gone"),
            format!("{gz} {atz}返回，结束了"),
        ),
        EventKind::Send { chan, len } => {
            let cap = after
                .chans
                .iter()
                .find(|v| v.chan == *chan)
                .map_or(0, |v| v.cap);
            if cap == 0 {
                Sentence::new(
                    format!("{g} hands a value over chan #{}{at}", chan.0),
                    format!("{gz} {atz}通过 chan #{} 交出一个值", chan.0),
                )
            } else {
                Sentence::new(
                    format!("{g} sends on chan #{}{at}: {len} of {cap} buffered", chan.0),
                    format!("{gz} {atz}向 chan #{} 发送：缓冲 {len}/{cap}", chan.0),
                )
            }
        }
        EventKind::Recv { chan, len } => {
            let v = after.chans.iter().find(|v| v.chan == *chan);
            let (cap, closed) = v.map_or((0, false), |v| (v.cap, v.closed));
            if closed && *len == 0 {
                Sentence::new(
                    format!(
                        "{g} receives from chan #{}{at}: closed and empty, so it gets the zero value",
                        chan.0
                    ),
                    format!(
                        "{gz} {atz}从 chan #{} 接收：通道已关闭且为空，得到零值",
                        chan.0
                    ),
                )
            } else if cap == 0 {
                Sentence::new(
                    format!("{g} receives a value from chan #{}{at}", chan.0),
                    format!("{gz} {atz}从 chan #{} 收到一个值", chan.0),
                )
            } else {
                Sentence::new(
                    format!(
                        "{g} receives from chan #{}{at}: {len} of {cap} buffered",
                        chan.0
                    ),
                    format!("{gz} {atz}从 chan #{} 接收：缓冲 {len}/{cap}", chan.0),
                )
            }
        }
        EventKind::Close { chan } => Sentence::new(
            format!("{g} closes chan #{}{at}", chan.0),
            format!("{gz} {atz}关闭了 chan #{}", chan.0),
        ),
        EventKind::ChanMake { chan, cap } => {
            let (k, kz) = if *cap == 0 {
                ("unbuffered".to_string(), "无缓冲".to_string())
            } else {
                (format!("buffer of {cap}"), format!("缓冲 {cap}"))
            };
            Sentence::new(
                format!("{g} makes chan #{}{at} ({k})", chan.0),
                format!("{gz} {atz}创建了 chan #{}（{kz}）", chan.0),
            )
        }
        EventKind::ChanRelease { chan } => Sentence::new(
            format!(
                "chan #{} can no longer be reached: the garbage collector would free it",
                chan.0
            ),
            format!("chan #{} 已不可达：垃圾回收器会回收它", chan.0),
        ),
        EventKind::TimerSet { timer, at: when } => Sentence::new(
            format!(
                "{g} sets timer #{} to fire at {}{at}",
                timer.0,
                format_time(*when)
            ),
            format!(
                "{gz} {atz}设置计时器 #{}，在 {} 触发",
                timer.0,
                format_time(*when)
            ),
        ),
        EventKind::Conn { conn, side, state } => {
            use lessons::runtime::{ConnState, Side};
            let (who, whoz) = match side {
                Side::Client => ("client", "客户端"),
                Side::Server => ("server", "服务端"),
            };
            let (what, whatz) = match state {
                ConnState::Active => ("is open and in use", "已打开并在使用"),
                ConnState::Idle => ("waits idle in a pool", "在连接池中空闲等待"),
                ConnState::Closed => ("is closed", "已关闭"),
            };
            Sentence::new(
                format!("{who} conn #{} {what}{at}", conn.0),
                format!("{whoz}连接 #{} {atz}{whatz}", conn.0),
            )
        }
        EventKind::Pool {
            pool,
            max_conns,
            queued,
            ..
        } => {
            let limit = if *max_conns == 0 {
                String::new()
            } else {
                format!(" (at most {max_conns} connections)")
            };
            let limitz = if *max_conns == 0 {
                String::new()
            } else {
                format!("（最多 {max_conns} 个连接）")
            };
            Sentence::new(
                format!(
                    "pool #{}{limit}: {queued} requests queued for a connection{at}",
                    pool + 1
                ),
                format!(
                    "连接池 #{}{limitz}{atz}：{queued} 个请求排队等待连接",
                    pool + 1
                ),
            )
        }
        EventKind::TimerFire { timer } => Sentence::new(
            format!("timer #{} fires at {t}", timer.0),
            format!("计时器 #{} 在 {t} 触发", timer.0),
        ),
        EventKind::TimerStop { timer } => Sentence::new(
            format!("{g} stops timer #{} before it fires{at}", timer.0),
            format!("{gz} {atz}在计时器 #{} 触发前停止了它", timer.0),
        ),
        EventKind::Alloc { bytes } => Sentence::new(
            format!(
                "{g} allocates {}{at} (heap now {})",
                format_bytes(*bytes),
                format_bytes(after.heap_bytes)
            ),
            format!(
                "{gz} {atz}分配了 {}（堆现为 {}）",
                format_bytes(*bytes),
                format_bytes(after.heap_bytes)
            ),
        ),
        EventKind::Free { bytes } => Sentence::new(
            format!(
                "{} freed (heap now {})",
                format_bytes(*bytes),
                format_bytes(after.heap_bytes)
            ),
            format!(
                "释放了 {}（堆现为 {}）",
                format_bytes(*bytes),
                format_bytes(after.heap_bytes)
            ),
        ),
        EventKind::Output { text } => {
            let line = text.trim_end_matches('\n');
            Sentence::new(
                format!("{g} prints \"{line}\"{at}"),
                format!("{gz} {atz}输出 “{line}”"),
            )
        }
        EventKind::OutputCut { bytes, lines } => Sentence::new(
            format!(
                "the output is cut here: {} lines, {} printed so far",
                crate::i18n::thousands(*lines as usize),
                super::player::format_bytes(*bytes)
            ),
            format!(
                "输出在此截断：目前共输出 {} 行，{}",
                crate::i18n::thousands(*lines as usize),
                super::player::format_bytes(*bytes)
            ),
        ),
        EventKind::Panic { msg } => {
            let first = msg.lines().next().unwrap_or("");
            Sentence::new(
                format!("{g} panics{at}: {first}"),
                format!("{gz} {atz}panic：{first}"),
            )
        }
        EventKind::Spin { idle_polls, steps } => Sentence::new(
            format!(
                "{g} polled {idle_polls} time{} and found nothing ready, spinning {steps} steps{at}",
                if *idle_polls == 1 { "" } else { "s" }
            ),
            format!("{gz} {atz}轮询 {idle_polls} 次一无所获，空转 {steps} 步"),
        ),
        EventKind::MutexHolder {
            mutex,
            holder: Some(h),
            at,
        } => {
            let (h, hz) = who(*h, names);
            Sentence::new(
                format!(
                    "mutex #{} is held by {h} (locked at line {at}) while goroutines wait for it",
                    mutex.0
                ),
                format!(
                    "mutex #{} 由 {hz} 持有（第 {at} 行加锁），有 goroutine 在等它",
                    mutex.0
                ),
            )
        }
        EventKind::MutexHolder { mutex, .. } => Sentence::new(
            format!("{g} unlocks mutex #{}{at}: a waiter can take it", mutex.0),
            format!("{gz} {atz}解锁 mutex #{}：等待者可以拿到它", mutex.0),
        ),
        EventKind::WaitGroupCounter { wg, counter } => Sentence::new(
            format!("WaitGroup #{} counter is {counter}{at}", wg.0),
            format!("{atz}WaitGroup #{} 的计数器为 {counter}", wg.0),
        ),
        EventKind::Recovered => Sentence::new(
            format!("{g} recovers from a panic{at}"),
            format!("{gz} {atz}从 panic 中恢复"),
        ),
        EventKind::End { outcome } => {
            let alive = after.goroutines.len();
            match outcome {
                Outcome::Exit if alive == 0 => Sentence::new(
                    format!("main returns at {t}: the program ends, nothing left behind"),
                    format!("main 在 {t} 返回：程序结束，没有遗留"),
                ),
                Outcome::Exit => Sentence::new(
                    format!(
                        "main returns at {t}: the program ends with {alive} goroutine{} still blocked",
                        if alive == 1 { "" } else { "s" }
                    ),
                    format!("main 在 {t} 返回：程序结束，仍有 {alive} 个 goroutine 阻塞"),
                ),
                Outcome::Deadlock => Sentence::new(
                    format!("at {t} every goroutine is blocked and no timer is pending: deadlock"),
                    format!("在 {t} 所有 goroutine 都阻塞，且没有待触发的计时器：死锁"),
                ),
                Outcome::Panic | Outcome::Fatal => Sentence::new(
                    format!("the program crashes at {t}"),
                    format!("程序在 {t} 崩溃"),
                ),
                Outcome::CompileError | Outcome::Limit => Sentence::new(
                    "the playground stops the run".into(),
                    "演练场终止了运行".into(),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::golite::{self, RunOptions};
    use lessons::runtime::{Progress, Timeline};

    fn timeline(src: &str) -> Timeline {
        let program = golite::compile("t.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rt = golite::start(&program, &RunOptions::default());
        while rt.run_slice(10_000) == Progress::Running {}
        Timeline::from_events(rt.take_events())
    }

    /// Every event of `src`, narrated in English.
    fn story(src: &str) -> Vec<String> {
        let t = timeline(src);
        let names = t.names();
        t.events()
            .iter()
            .enumerate()
            .map(|(i, e)| narrate(e, &t.snapshot_at(i + 1), names).en)
            .collect()
    }

    const LEAK: &str = "package main\n\nimport \"time\"\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() {\n\t\tc <- 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n}\n";

    #[test]
    fn a_forgotten_send_reads_as_a_story() {
        let s = story(LEAK);
        let has = |want: &str| s.iter().any(|l| l == want);
        assert!(
            has("goroutine 1 (main) makes chan #0 at line 6 (unbuffered)"),
            "{s:#?}"
        );
        assert!(
            has("goroutine 1 (main) starts goroutine 2 (main.main.func1) at line 7"),
            "{s:#?}"
        );
        assert!(
            has(
                "goroutine 2 (main.main.func1) blocks at line 8 sending on chan #0: unbuffered, no receiver waiting"
            ),
            "{s:#?}"
        );
        assert!(has("goroutine 1 (main) sleeps at line 10"), "{s:#?}");
        assert!(
            has("main returns at 1ms: the program ends with 1 goroutine still blocked"),
            "{s:#?}"
        );
    }

    #[test]
    fn chinese_names_the_same_goroutine_line_and_channel() {
        let t = timeline(LEAK);
        let names = t.names();
        let i = t
            .events()
            .iter()
            .position(|e| {
                matches!(
                    e.kind,
                    EventKind::Block {
                        state: GState::ChanSend,
                        ..
                    }
                )
            })
            .unwrap_or_else(|| panic!("no send blocks"));
        let s = narrate(&t.events()[i], &t.snapshot_at(i + 1), names);
        assert_eq!(
            s.zh,
            "goroutine 2（main.main.func1） 在第 8 行阻塞：向 chan #0 发送：无缓冲，没有接收者在等"
        );
    }

    #[test]
    fn buffers_are_counted_and_a_closed_channel_gives_zero_values() {
        let s = story(
            "package main\n\nfunc main() {\n\tc := make(chan int, 2)\n\tc <- 1\n\tclose(c)\n\t<-c\n\t<-c\n}\n",
        );
        let has = |want: &str| s.iter().any(|l| l == want);
        assert!(
            has("goroutine 1 (main) makes chan #0 at line 4 (buffer of 2)"),
            "{s:#?}"
        );
        assert!(
            has("goroutine 1 (main) sends on chan #0 at line 5: 1 of 2 buffered"),
            "{s:#?}"
        );
        assert!(has("goroutine 1 (main) closes chan #0 at line 6"), "{s:#?}");
        assert!(
            has(
                "goroutine 1 (main) receives from chan #0 at line 8: closed and empty, so it gets the zero value"
            ),
            "{s:#?}"
        );
    }

    #[test]
    fn unknown_goroutines_are_named_by_number() {
        assert_eq!(who(Gid(7), &[]).0, "goroutine 7");
        assert_eq!(at_line(0).0, "");
    }
}
