//! The postMessage API through which a host page drives an embedded lesson and hears back
//! from it. Documented for trainers in `docs/EMBEDDING.md`.
//!
//! Commands are accepted from any origin: the view is public and read-only (a command can only
//! do what the page's own buttons do), so there is nothing to protect. For the same reason
//! events go to the parent with target origin `*`: they carry no secrets, and the host's origin
//! is not known in advance. Every command is validated; a bad one gets an `error` event back.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys};

use crate::controller::LessonController;
use crate::engine::Side;
use crate::verdict;

/// The `source` field of every event, so a host can tell our messages from others.
pub const SOURCE: &str = "go-antipattern-playground";
/// The protocol version, in every event.
pub const VERSION: u32 = 1;

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
            post("error", &[("message", JsValue::from_str(&message))]);
        }
    });
    on_cleanup(move || handle.remove());

    // ready: after every run (the first, and each re-run from a parameter or seed change).
    Effect::new(move |_| {
        let Some(len) = ctl.runs.with(|r| r.as_ref().map(|r| r.lockstep.len())) else {
            return;
        };
        post(
            "ready",
            &[
                ("lesson", JsValue::from_str(&ctl.lesson.slug)),
                ("steps", JsValue::from_f64(len as f64)),
                ("seed", JsValue::from_f64(ctl.seed.get_untracked() as f64)),
                ("params", params_object(&ctl)),
            ],
        );
    });
    // step: whenever the cursor moves to another event.
    let pos = Memo::new(move |_| ctl.cursor.get().pos);
    Effect::new(move |_| {
        let k = pos.get();
        post(
            "step",
            &[
                ("step", JsValue::from_f64(k as f64)),
                ("steps", JsValue::from_f64(ctl.len() as f64)),
                (
                    "timeNs",
                    JsValue::from_f64(ctl.cursor.get_untracked().clock_ns as f64),
                ),
            ],
        );
    });
    // finished: when the cursor reaches the end of a run, with both verdicts (again after a
    // re-run, whose verdicts may differ).
    let at_end = Memo::new(move |_| {
        let run = ctl
            .runs
            .with(|r| r.as_ref().map(|r| std::rc::Rc::as_ptr(r) as usize));
        (run, ctl.at_end())
    });
    Effect::new(move |_| {
        if at_end.get().1 {
            post("finished", &[("verdicts", verdicts(&ctl))]);
        }
    });
}

fn params_object(ctl: &LessonController) -> JsValue {
    let values = ctl.params.get_untracked();
    let fields: Vec<(&str, JsValue)> = ctl
        .lesson
        .params
        .iter()
        .zip(values)
        .map(|(p, v)| (p.name.as_str(), JsValue::from_f64(v as f64)))
        .collect();
    object(&fields)
}

fn verdicts(ctl: &LessonController) -> JsValue {
    let side = |s: Side| {
        ctl.side_run(s, |r| {
            let (text, _) = verdict::headline(&r.report);
            let leaked = js_sys::Array::new();
            for l in &r.report.leaked {
                leaked.push(&object(&[
                    ("state", JsValue::from_str(&l.state)),
                    ("line", JsValue::from_f64(f64::from(l.line))),
                    ("count", JsValue::from_f64(f64::from(l.count))),
                ]));
            }
            object(&[
                ("outcome", JsValue::from_str(r.report.outcome.as_str())),
                ("verdict", JsValue::from_str(&text)),
                ("leaked", leaked.into()),
            ])
        })
        .unwrap_or(JsValue::NULL)
    };
    object(&[("bad", side(Side::Bad)), ("good", side(Side::Good))])
}

/// Sends an event to the parent frame (nothing when the page is not in a frame).
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(win) = web_sys::window() else { return };
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let mut all: Vec<(&str, JsValue)> = vec![
        ("source", JsValue::from_str(SOURCE)),
        ("version", JsValue::from_f64(f64::from(VERSION))),
        ("type", JsValue::from_str(kind)),
    ];
    all.extend(fields.iter().cloned());
    let _ = parent.post_message(&object(&all), "*");
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.unchecked_into()
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
}
