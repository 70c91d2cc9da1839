//! The postMessage API through which a host page drives an embedded lesson and hears back
//! from it. Documented for trainers in `docs/EMBEDDING.md`.
//!
//! Commands are accepted from any origin: the view is public and read-only (a command can only
//! do what the page's own buttons do, and the state it changes is in the frame's own URL), so
//! there is nothing to protect, and trainers' docs live on origins we cannot list in advance.
//! For the same reason messages leave with target origin `*`: they carry nothing secret (a
//! lesson's step, parameters and verdict, all visible on screen). Events go to the parent
//! frame; the `error` reply to a bad command goes to the window that sent it. Every command is
//! validated: a message that is not an object is ignored, and a malformed one gets an `error`.
//!
//! The message shapes are plain data ([`Command`], [`Event`], [`Value`]) so they are tested
//! natively; only [`install`] touches the browser.

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys};
use lessons::runtime::RunReport;

use crate::browser;
use crate::lesson::controller::LessonController;
use crate::playback::engine::Side;
use crate::playback::player::Throttle;
use crate::playback::verdict;

/// The `source` field of every event, so a host can tell our messages from others.
pub const SOURCE: &str = "go-antipattern-playground";
/// The protocol version, in every event.
pub const VERSION: u32 = 1;
/// `step` events during playback or scrubbing go out at most this often (plus one for where the
/// cursor stopped): a host updating its own display needs no more, and 60 messages a second
/// would only cost it time.
pub const STEP_EVERY_MS: f64 = 100.0;

/// A command from the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start or resume playback.
    Play,
    /// Pause playback.
    Pause,
    /// One event forward.
    Step,
    /// One event back.
    StepBack,
    /// Back to the start.
    Reset,
    /// Jump to a step (a merged event index).
    Seek(usize),
    /// Set a lesson parameter (re-runs both sides).
    SetParam(String, i64),
    /// Set the seed (re-runs both sides).
    SetSeed(u64),
}

/// A field of an incoming message, as far as the protocol cares.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    /// A string.
    Str(String),
    /// A number.
    Num(f64),
}

/// Reads a command from a message's fields (`get("type")` and so on).
pub fn parse_command(get: impl Fn(&str) -> Option<Field>) -> Result<Command, String> {
    let Some(Field::Str(kind)) = get("type") else {
        return Err("a command needs a string field \"type\"".into());
    };
    let int = |name: &str| -> Result<i64, String> {
        match get(name) {
            Some(Field::Num(n)) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => {
                Ok(n as i64)
            }
            Some(Field::Str(s)) => s
                .trim()
                .parse()
                .map_err(|_| format!("\"{name}\" must be an integer, got \"{s}\"")),
            _ => Err(format!("{kind} needs an integer field \"{name}\"")),
        }
    };
    Ok(match kind.as_str() {
        "play" => Command::Play,
        "pause" => Command::Pause,
        "step" => Command::Step,
        "stepBack" => Command::StepBack,
        "reset" => Command::Reset,
        "seek" => Command::Seek(
            usize::try_from(int("step")?).map_err(|_| "\"step\" must be 0 or more".to_string())?,
        ),
        "setParam" => {
            let Some(Field::Str(name)) = get("name") else {
                return Err("setParam needs a string field \"name\"".into());
            };
            Command::SetParam(name, int("value")?)
        }
        "setSeed" => Command::SetSeed(
            u64::try_from(int("seed")?).map_err(|_| "\"seed\" must be 0 or more".to_string())?,
        ),
        other => return Err(format!("unknown command \"{other}\"")),
    })
}

/// A JSON-like value: the body of an outgoing message, built as data so its shape is tested
/// natively and turned into a JS object only when posted.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// A number (integers here are far below 2^53, so they stay exact in JS).
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<Value>),
    /// An object, fields in order.
    Obj(Vec<(String, Value)>),
}

impl Value {
    fn obj(fields: Vec<(&str, Value)>) -> Value {
        Value::Obj(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// The value as a JS value for `postMessage` (structured-clonable: plain objects only).
    pub fn to_js(&self) -> JsValue {
        match self {
            Value::Null => JsValue::NULL,
            Value::Num(n) => JsValue::from_f64(*n),
            Value::Str(s) => JsValue::from_str(s),
            Value::List(items) => {
                let a = js_sys::Array::new();
                for v in items {
                    a.push(&v.to_js());
                }
                a.into()
            }
            Value::Obj(fields) => {
                let o = js_sys::Object::new();
                for (k, v) in fields {
                    let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v.to_js());
                }
                o.unchecked_into()
            }
        }
    }

    /// The value as compact JSON (what a host sees after `JSON.stringify`).
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Num(n) if n.is_finite() => out.push_str(&n.to_string()),
            Value::Num(_) => out.push_str("null"),
            Value::Str(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        c if u32::from(c) < 0x20 => {
                            out.push_str(&format!("\\u{:04x}", u32::from(c)))
                        }
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Value::List(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write_json(out);
                }
                out.push(']');
            }
            Value::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    Value::Str(k.clone()).write_json(out);
                    out.push(':');
                    v.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// One program's end, as the `finished` event tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct SideVerdict {
    /// golite's outcome (`exit`, `deadlock`, `panic`, `fatal`, `limit`, `compile_error`).
    pub outcome: &'static str,
    /// The verdict the page shows, in English (the lesson's harm judged, as the CLI's
    /// `verdict.en`: `6 goroutines leaked at line 27 (chan send): blocked forever, ...`).
    pub verdict: String,
    /// Leaked goroutines by (state, line): state, line, count.
    pub leaked: Vec<(String, u32, u32)>,
}

impl SideVerdict {
    /// The verdict of a finished run: `report` is the run's, `verdict` its sentence (see
    /// [`verdict::sentence`]).
    pub fn of(report: &RunReport, verdict: String) -> Self {
        SideVerdict {
            outcome: report.outcome.as_str(),
            verdict,
            leaked: report
                .leaked
                .iter()
                .map(|l| (l.state.clone(), l.line, l.count))
                .collect(),
        }
    }

    fn value(&self) -> Value {
        let leaked = self
            .leaked
            .iter()
            .map(|(state, line, count)| {
                Value::obj(vec![
                    ("state", Value::Str(state.clone())),
                    ("line", Value::Num(f64::from(*line))),
                    ("count", Value::Num(f64::from(*count))),
                ])
            })
            .collect();
        Value::obj(vec![
            ("outcome", Value::Str(self.outcome.to_string())),
            ("verdict", Value::Str(self.verdict.clone())),
            ("leaked", Value::List(leaked)),
        ])
    }
}

/// An event for the host page.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A run of both programs finished (the first, and each re-run): the lesson, its number of
    /// steps, the seed and the parameters it ran with.
    Ready {
        /// Lesson slug.
        lesson: String,
        /// Merged event count: `seek` takes 0 to this.
        steps: usize,
        /// The seed of the run.
        seed: u64,
        /// Parameter values by name, in the lesson's order.
        params: Vec<(String, i64)>,
    },
    /// The cursor moved (throttled to [`STEP_EVERY_MS`]).
    Step {
        /// Cursor position, 0..=steps.
        step: usize,
        /// Merged event count.
        steps: usize,
        /// Virtual time at the cursor, in nanoseconds.
        time_ns: i64,
    },
    /// The cursor reached the end of a run: both verdicts (`None` for a side that did not run).
    Finished {
        /// The anti-pattern's program.
        bad: Option<SideVerdict>,
        /// The fixed program.
        good: Option<SideVerdict>,
    },
    /// The embed view's content height changed: a host can size its frame to it.
    Resize {
        /// CSS pixels.
        height: u32,
    },
    /// A command could not be carried out.
    Error {
        /// What was wrong, in words.
        message: String,
    },
}

impl Event {
    /// The message posted for this event: `source`, `version`, `type`, then the event's fields.
    pub fn message(&self) -> Value {
        let mut fields = vec![
            ("source", Value::Str(SOURCE.to_string())),
            ("version", Value::Num(f64::from(VERSION))),
        ];
        let num = |n: usize| Value::Num(n as f64);
        match self {
            Event::Ready {
                lesson,
                steps,
                seed,
                params,
            } => {
                fields.push(("type", Value::Str("ready".into())));
                fields.push(("lesson", Value::Str(lesson.clone())));
                fields.push(("steps", num(*steps)));
                fields.push(("seed", Value::Num(*seed as f64)));
                fields.push((
                    "params",
                    Value::Obj(
                        params
                            .iter()
                            .map(|(k, v)| (k.clone(), Value::Num(*v as f64)))
                            .collect(),
                    ),
                ));
            }
            Event::Step {
                step,
                steps,
                time_ns,
            } => {
                fields.push(("type", Value::Str("step".into())));
                fields.push(("step", num(*step)));
                fields.push(("steps", num(*steps)));
                fields.push(("timeNs", Value::Num(*time_ns as f64)));
            }
            Event::Finished { bad, good } => {
                let side =
                    |v: &Option<SideVerdict>| v.as_ref().map_or(Value::Null, SideVerdict::value);
                fields.push(("type", Value::Str("finished".into())));
                fields.push((
                    "verdicts",
                    Value::obj(vec![("bad", side(bad)), ("good", side(good))]),
                ));
            }
            Event::Resize { height } => {
                fields.push(("type", Value::Str("resize".into())));
                fields.push(("height", Value::Num(f64::from(*height))));
            }
            Event::Error { message } => {
                fields.push(("type", Value::Str("error".into())));
                fields.push(("message", Value::Str(message.clone())));
            }
        }
        Value::obj(fields)
    }
}

/// Carries out a command on the page.
fn apply(ctl: &LessonController, c: Command) -> Result<(), String> {
    match c {
        Command::Play => ctl.play(),
        Command::Pause => ctl.pause(),
        Command::Step => ctl.step(),
        Command::StepBack => ctl.step_back(),
        Command::Reset => ctl.reset(),
        Command::Seek(k) => ctl.seek(k),
        Command::SetParam(name, v) => {
            if !ctl.set_param(&name, v, false) {
                let known: Vec<&str> = ctl.lesson.params.iter().map(|p| p.name.as_str()).collect();
                return Err(format!(
                    "unknown parameter \"{name}\" (this lesson has: {})",
                    known.join(", ")
                ));
            }
        }
        Command::SetSeed(s) => ctl.set_seed(s),
    }
    Ok(())
}

/// Listens for commands and sends events to the parent frame, for as long as the page lives.
pub fn install(ctl: LessonController) {
    let handle = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        let data = ev.data();
        if !data.is_object() {
            return;
        }
        let get = |name: &str| {
            let v = js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok()?;
            v.as_string()
                .map(Field::Str)
                .or_else(|| v.as_f64().map(Field::Num))
        };
        // Our own events echoed back (a host relaying them) are not commands.
        if matches!(get("source"), Some(Field::Str(s)) if s == SOURCE) {
            return;
        }
        if let Err(message) = parse_command(get).and_then(|c| apply(&ctl, c)) {
            reply(&ev, &Event::Error { message });
        }
    });
    on_cleanup(move || handle.remove());

    // One effect sends all three events, so they arrive in order: `ready` for a new run, then
    // the cursor's `step`, then `finished` when the cursor is at the end.
    let pos = Memo::new(move |_| ctl.cursor.get().pos);
    let run = Memo::new(move |_| {
        ctl.runs
            .with(|r| r.as_ref().map(|r| std::rc::Rc::as_ptr(r) as usize))
    });
    let at_end = Memo::new(move |_| ctl.at_end());
    let steps = StepEvents {
        throttle: StoredValue::new(Throttle::default()),
        trailing: StoredValue::new(false),
        last: StoredValue::new(None),
    };
    Effect::new(move |prev: Option<(Option<usize>, bool)>| {
        // `get`, not `track`: tracking a memo that was never read does not compute it, and an
        // uncomputed memo has no sources, so the effect would never run again.
        let (run, k, end) = (run.get(), pos.get(), at_end.get());
        let Some(id) = run else {
            return (None, false);
        };
        let new_run = prev.is_none_or(|(r, _)| r != run);
        if new_run {
            post(&ready(&ctl));
        }
        if end && (new_run || !prev.is_some_and(|(_, e)| e)) {
            // The host hears the final position before the verdicts.
            steps.send_now(&ctl, id, k);
            let harm = crate::catalog::harm(ctl.lesson);
            let edited = ctl.edits.with(|e| [e[0].is_some(), e[1].is_some()]);
            let of = |side: Side| {
                ctl.runs.with(|r| {
                    r.as_ref().map(|r| {
                        let reports = [&r.sides[0].report, &r.sides[1].report];
                        let bad = side == Side::Bad;
                        let (text, _) = verdict::sentence(
                            harm.as_ref(),
                            reports,
                            bad,
                            edited[side.index()],
                            false,
                        );
                        SideVerdict::of(reports[side.index()], text)
                    })
                })
            };
            post(&Event::Finished {
                bad: of(Side::Bad),
                good: of(Side::Good),
            });
        } else {
            steps.moved(ctl, id, k);
        }
        (run, end)
    });
}

/// The `ready` event for the run on the page.
fn ready(ctl: &LessonController) -> Event {
    Event::Ready {
        lesson: ctl.lesson.slug.clone(),
        steps: ctl.len(),
        seed: ctl.seed.get_untracked(),
        params: ctl
            .lesson
            .params
            .iter()
            .map(|p| p.name.clone())
            .zip(ctl.params.get_untracked())
            .collect(),
    }
}

/// `step` events: at most one every [`STEP_EVERY_MS`], plus a trailing one when the interval
/// ends so the host always learns where the cursor stopped; never the same position twice.
#[derive(Clone, Copy)]
struct StepEvents {
    throttle: StoredValue<Throttle>,
    trailing: StoredValue<bool>,
    /// The (run, position) last sent.
    last: StoredValue<Option<(usize, usize)>>,
}

impl StepEvents {
    /// The cursor of run `run` moved to `pos`.
    fn moved(self, ctl: LessonController, run: usize, pos: usize) {
        // A trailing event is already on its way: it will carry the newest position.
        if self.trailing.get_value() {
            return;
        }
        let due = self
            .throttle
            .try_update_value(|t| t.due(browser::now_ms(), STEP_EVERY_MS))
            .unwrap_or(false);
        if due {
            self.send(&ctl, run, pos);
            return;
        }
        self.trailing.set_value(true);
        set_timeout(
            move || {
                // The page may be gone (another lesson opened): then there is nothing to send.
                if self.trailing.try_update_value(|t| *t = false).is_none() {
                    return;
                }
                let now = (
                    ctl.runs.try_with_untracked(|r| {
                        r.as_ref().map(|r| std::rc::Rc::as_ptr(r) as usize)
                    }),
                    ctl.cursor.try_get_untracked(),
                );
                if let (Some(Some(run)), Some(c)) = now {
                    self.throttle.update_value(|t| t.restart(browser::now_ms()));
                    self.send(&ctl, run, c.pos);
                }
            },
            std::time::Duration::from_millis(STEP_EVERY_MS as u64),
        );
    }

    /// Sends the position now, whatever the throttle says (the end of a run).
    fn send_now(self, ctl: &LessonController, run: usize, pos: usize) {
        self.throttle.update_value(|t| t.restart(browser::now_ms()));
        self.send(ctl, run, pos);
    }

    fn send(self, ctl: &LessonController, run: usize, pos: usize) {
        if self.last.get_value() == Some((run, pos)) {
            return;
        }
        self.last.set_value(Some((run, pos)));
        post(&Event::Step {
            step: pos,
            steps: ctl.len(),
            time_ns: ctl.cursor.get_untracked().clock_ns,
        });
    }
}

/// Posts `resize` with the embed view's content height (the body's), at first and whenever it
/// changes, for as long as the view lives: a host page can make the frame as tall as what it
/// shows instead of guessing a height (docs/EMBEDDING.md).
pub fn report_height() {
    use std::cell::Cell;
    use std::rc::Rc;
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last = Rc::new(Cell::new(0u32));
    let target = body.clone();
    let cb = Closure::<dyn FnMut()>::new(move || {
        let h = u32::try_from(target.offset_height()).unwrap_or(0);
        if h != last.get() {
            last.set(h);
            post(&Event::Resize { height: h });
        }
    });
    let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    ro.observe(&body);
    let kept = StoredValue::new_local(Some((ro, cb)));
    on_cleanup(move || {
        if let Some(Some((ro, _))) = kept.try_update_value(Option::take) {
            ro.disconnect();
        }
    });
}

/// Sends an event to the parent frame (nothing when the page is not in a frame).
fn post(event: &Event) {
    let Some(win) = web_sys::window() else { return };
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let _ = parent.post_message(&event.message().to_js(), "*");
}

/// Answers the window a message came from (it may be the parent or any other window holding a
/// reference to this frame). Called through `Reflect`, since a window of another origin is not
/// an `instanceof Window` here.
fn reply(ev: &web_sys::MessageEvent, event: &Event) {
    let Some(source) = ev.source() else {
        return post(event);
    };
    let Ok(f) = js_sys::Reflect::get(&source, &JsValue::from_str("postMessage")) else {
        return;
    };
    if let Some(f) = f.dyn_ref::<js_sys::Function>() {
        let _ = f.call2(&source, &event.message().to_js(), &JsValue::from_str("*"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(fields: &[(&str, Field)]) -> Result<Command, String> {
        parse_command(|k| fields.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
    }
    fn s(v: &str) -> Field {
        Field::Str(v.into())
    }

    #[test]
    fn simple_commands() {
        assert_eq!(parse(&[("type", s("play"))]), Ok(Command::Play));
        assert_eq!(parse(&[("type", s("stepBack"))]), Ok(Command::StepBack));
    }

    #[test]
    fn commands_with_numbers() {
        assert_eq!(
            parse(&[("type", s("seek")), ("step", Field::Num(12.0))]),
            Ok(Command::Seek(12))
        );
        assert_eq!(
            parse(&[
                ("type", s("setParam")),
                ("name", s("requests")),
                ("value", Field::Num(20.0))
            ]),
            Ok(Command::SetParam("requests".into(), 20))
        );
        assert_eq!(
            parse(&[("type", s("setSeed")), ("seed", s("7"))]),
            Ok(Command::SetSeed(7))
        );
    }

    #[test]
    fn bad_commands_say_what_is_wrong() {
        assert_eq!(
            parse(&[]),
            Err("a command needs a string field \"type\"".into())
        );
        assert_eq!(
            parse(&[("type", s("fly"))]),
            Err("unknown command \"fly\"".into())
        );
        assert_eq!(
            parse(&[("type", s("seek"))]),
            Err("seek needs an integer field \"step\"".into())
        );
        assert_eq!(
            parse(&[("type", s("seek")), ("step", Field::Num(1.5))]),
            Err("seek needs an integer field \"step\"".into())
        );
        assert_eq!(
            parse(&[("type", s("seek")), ("step", Field::Num(-1.0))]),
            Err("\"step\" must be 0 or more".into())
        );
        assert_eq!(
            parse(&[("type", s("setParam")), ("value", Field::Num(1.0))]),
            Err("setParam needs a string field \"name\"".into())
        );
    }

    #[test]
    fn strings_are_validated_like_numbers() {
        assert_eq!(
            parse(&[("type", s("setSeed")), ("seed", s("x7"))]),
            Err("\"seed\" must be an integer, got \"x7\"".into())
        );
        assert_eq!(
            parse(&[("type", s("setParam")), ("name", s("requests"))]),
            Err("setParam needs an integer field \"value\"".into())
        );
        assert_eq!(
            parse(&[("type", Field::Num(1.0))]),
            Err("a command needs a string field \"type\"".into())
        );
    }

    fn report(outcome: lessons::runtime::Outcome, leaked: &[(&str, u32, u32)]) -> RunReport {
        RunReport {
            outcome,
            panic: String::new(),
            stdout: String::new(),
            output_bytes: 0,
            output_lines: 0,
            output_truncated: false,
            stderr: String::new(),
            stderr_bytes: 0,
            stderr_truncated: false,
            virtual_time_ns: 0,
            leaked: leaked
                .iter()
                .map(|(state, line, count)| lessons::runtime::Leak {
                    state: state.to_string(),
                    line: *line,
                    count: *count,
                })
                .collect(),
            steps: 0,
            peak_goroutines: 0,
            peak_heap_bytes: 0,
            measures: Default::default(),
            races: Vec::new(),
            exit_code: None,
            leaked_certain: Vec::new(),
            goroutines: Vec::new(),
        }
    }

    #[test]
    fn ready_and_step_events_have_the_documented_shape() {
        let ready = Event::Ready {
            lesson: "forgotten-sender".into(),
            steps: 120,
            seed: 7,
            params: vec![("requests".into(), 20), ("timeoutMs".into(), 50)],
        };
        assert_eq!(
            ready.message().to_json(),
            r#"{"source":"go-antipattern-playground","version":1,"type":"ready","lesson":"forgotten-sender","steps":120,"seed":7,"params":{"requests":20,"timeoutMs":50}}"#
        );
        let step = Event::Step {
            step: 3,
            steps: 120,
            time_ns: 50_000_000,
        };
        assert_eq!(
            step.message().to_json(),
            r#"{"source":"go-antipattern-playground","version":1,"type":"step","step":3,"steps":120,"timeNs":50000000}"#
        );
    }

    #[test]
    fn finished_carries_both_verdicts_in_words_and_the_leak_list() {
        use lessons::runtime::Outcome;
        let leaky = report(Outcome::Exit, &[("chan send", 27, 6)]);
        let clean = report(Outcome::Exit, &[]);
        let harm = crate::catalog::harm(
            lessons::catalog::get("forgotten-sender").unwrap_or_else(|| panic!("no lesson")),
        );
        let say =
            |bad: bool| verdict::sentence(harm.as_ref(), [&leaky, &clean], bad, false, false).0;
        let bad = SideVerdict::of(&leaky, say(true));
        let good = SideVerdict::of(&clean, say(false));
        assert_eq!(
            bad.verdict,
            "6 goroutines leaked at line 27 (chan send): still waiting, something could still wake them; 0 B of heap still held at the end, no more than the fix"
        );
        let ev = Event::Finished {
            bad: Some(bad),
            good: Some(good),
        };
        assert_eq!(
            ev.message().to_json(),
            r#"{"source":"go-antipattern-playground","version":1,"type":"finished","verdicts":{"bad":{"outcome":"exit","verdict":"6 goroutines leaked at line 27 (chan send): still waiting, something could still wake them; 0 B of heap still held at the end, no more than the fix","leaked":[{"state":"chan send","line":27,"count":6}]},"good":{"outcome":"exit","verdict":"0 B of heap still held at the end","leaked":[]}}}"#
        );
        let stuck = report(Outcome::Deadlock, &[]);
        let deadlock = SideVerdict::of(
            &stuck,
            verdict::sentence(None, [&stuck, &clean], true, false, false).0,
        );
        assert_eq!(
            (deadlock.outcome, deadlock.verdict.as_str()),
            ("deadlock", "deadlock: all goroutines are asleep")
        );
        assert_eq!(
            Event::Finished {
                bad: None,
                good: None
            }
            .message()
            .to_json(),
            r#"{"source":"go-antipattern-playground","version":1,"type":"finished","verdicts":{"bad":null,"good":null}}"#
        );
    }

    #[test]
    fn error_messages_are_escaped_json_strings() {
        let ev = Event::Error {
            message: "unknown command \"fly\"\n\\".into(),
        };
        assert_eq!(
            ev.message().to_json(),
            r#"{"source":"go-antipattern-playground","version":1,"type":"error","message":"unknown command \"fly\"\n\\"}"#
        );
        assert_eq!(Value::Str("\u{1}".into()).to_json(), r#""\u0001""#);
        assert_eq!(Value::Num(f64::NAN).to_json(), "null");
    }
}
