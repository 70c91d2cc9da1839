//! The engine in a Web Worker, so a learner can always stop a run and an engine crash costs one
//! run, not the page (issue 23), and the engine never holds the main thread (issue 20): runs,
//! grading a fix and searching for a failing schedule all go there.
//!
//! The same wasm module runs in both places: `public/engine-worker.js` imports the page's
//! `pkg/app.js` (its hashed name travels in the first message) and calls
//! [`engine_worker_start`]; [`crate::start`] mounts nothing there. Messages:
//! - page to worker: the module's URL first; then a `Uint8Array` (a [`RunRequest`]) or a string
//!   (a [`Work`] as JSON), each replacing any request in progress; or a number (stop the request
//!   with that id: a run's running side ends with outcome `limit`, other work is dropped);
//! - worker to page: `"ready"` once the engine has loaded; `[0, id, side, steps]` while a run
//!   runs (after every slice of about 30 ms); `[1, id, side, bytes]` when a side has finished
//!   (the bytes of [`wire::encode_run`]); `[4, id, part, of]` while other work runs (the case
//!   graded, or the schedules tried); `[2, id, 0, json]` when it is done (a [`WorkDone`]);
//!   `[5, id, 0, 0]` when it was stopped. Each carries, last, the bytes of the worker's wasm
//!   memory: one that has grown past [`RETIRE_BYTES`] is replaced before the next request.
//!
//! The worker starts with the first lesson page ([`warm_up`]) or fix-it page; requests go to it
//! once it has said `ready` at least once. Until then, and for good where it never does (no
//! `Worker`, module workers unsupported, the script missing), the page runs them itself in
//! slices (`crate::lesson::controller`, `crate::lesson::challenge_panel`,
//! `crate::lesson::find_schedule`). A worker that dies after that (a Rust abort is a wasm trap,
//! an uncaught error there) is an `error` event: its request gets [`Answer::Failed`], and the
//! next request starts a fresh worker.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::web_sys;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::playback::engine::{Job, Side, SideRun};
use crate::playback::grading::{ExamData, Grading};
use crate::playback::search::Search;
use crate::playback::series::Series;
use crate::playback::wire::{self, RunRequest, Work, WorkDone, WorkRequest};

/// What the page hears about one request.
pub enum Answer {
    /// `side` is running and has taken `steps` steps so far.
    Progress { side: Side, steps: u64 },
    /// `side` has finished (each side once), with its chart points.
    Finished(Side, Box<(SideRun, Series)>),
    /// Other work is at `part` of `of` (the case graded, the schedules tried).
    Working { part: u64, of: u64 },
    /// Other work is done.
    Done(Box<WorkDone>),
    /// Other work was stopped.
    Stopped,
    /// The worker died on this request: the engine failed on the program.
    Failed,
}

type Listener = Rc<dyn Fn(Answer)>;

/// Whether workers work on this page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Health {
    /// None has said `ready` yet.
    Unknown,
    /// One has: runs go to a worker (a fresh one after a death).
    Works,
    /// The first one failed before it was ready: runs stay in the page.
    Broken,
}

struct Page {
    worker: Option<web_sys::Worker>,
    health: Health,
    /// The request in progress and who hears about it.
    current: Option<(u64, Listener)>,
    /// The worker's memory has grown past [`RETIRE_BYTES`]: the next request goes to a fresh one.
    retire: bool,
}

/// A worker whose linear memory has grown past this (a runaway that filled the modeled heap)
/// is replaced before the next request: wasm memory never shrinks, and the tab would keep
/// half a gigabyte for the rest of the visit.
const RETIRE_BYTES: f64 = 256.0 * 1024.0 * 1024.0;

thread_local! {
    static PAGE: RefCell<Page> = const {
        RefCell::new(Page { worker: None, health: Health::Unknown, current: None, retire: false })
    };
    /// The id of the last request sent: unique per page, so a late answer to an older
    /// request (another lesson's) is never taken for the current one's.
    static LAST_ID: Cell<u64> = const { Cell::new(0) };
}

/// The URL of the page's engine module (`index.html` sets `playgroundEngine`); `None` where
/// there is none (a host page without it): runs then stay in the page.
fn engine_module() -> Option<String> {
    let url = js_sys::Reflect::get(&js_sys::global(), &"playgroundEngine".into()).ok()?;
    url.as_string()
}

fn spawn() -> Option<web_sys::Worker> {
    let module = engine_module()?;
    if !js_sys::Reflect::has(&js_sys::global(), &"Worker".into()).unwrap_or(false) {
        return None;
    }
    let script = web_sys::Url::new_with_base("../public/engine-worker.js", &module).ok()?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&script.href(), &opts).ok()?;
    worker.post_message(&module.into()).ok()?;
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        // The page shows what failed; the console keeps the worker's own error.
        e.prevent_default();
        died();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(worker)
}

/// Starts the worker if none runs yet, so it is ready by the time a learner runs something.
pub fn warm_up() {
    PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if p.worker.is_none() && p.health != Health::Broken {
            p.worker = spawn();
            if p.worker.is_none() && p.health == Health::Unknown {
                p.health = Health::Broken;
            }
        }
    });
}

/// True when runs go to the worker: one has started on this page.
pub fn available() -> bool {
    PAGE.with(|p| p.borrow().health == Health::Works)
}

/// Sends `req` to the worker (a fresh one if the last died; its `id` is set here); `listener`
/// hears its progress and answers. A newer request replaces an older one, whose listener hears
/// nothing more. Only when [`available`].
pub fn run(mut req: RunRequest, listener: impl Fn(Answer) + 'static) {
    req.id = next_id();
    let bytes = js_sys::Uint8Array::from(req.encode().as_slice());
    send(req.id, &bytes, Rc::new(listener));
}

/// Sends other work to the worker, as [`run`] sends a run.
pub fn work(what: WorkRequest, listener: impl Fn(Answer) + 'static) {
    let w = Work {
        id: next_id(),
        what,
    };
    // Plain data: it always encodes.
    let json = serde_json::to_string(&w).unwrap_or_default();
    send(w.id, &json.into(), Rc::new(listener));
}

fn next_id() -> u64 {
    LAST_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

fn send(id: u64, msg: &JsValue, listener: Listener) {
    let sent = PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if std::mem::take(&mut p.retire)
            && let Some(old) = p.worker.take()
        {
            old.terminate();
        }
        if p.worker.is_none() {
            p.worker = spawn();
        }
        p.current = Some((id, listener));
        p.worker
            .as_ref()
            .is_some_and(|w| w.post_message(msg).is_ok())
    });
    if !sent {
        died();
    }
}

/// Stops the current request (Stop, Esc): asks the worker ([`stop`]), and ends it after
/// `grace_ms` if it has not answered by then (stuck in one long step: [`kill`]); `unanswered`
/// runs then. The caller knows its request is over when its listener hears the last answer.
pub fn stop_or_kill(grace_ms: u32, unanswered: impl FnOnce() + 'static) {
    let Some(id) = PAGE.with(|p| p.borrow().current.as_ref().map(|(id, _)| *id)) else {
        return;
    };
    stop();
    leptos::prelude::set_timeout(
        move || {
            let stuck = PAGE.with(|p| p.borrow().current.as_ref().is_some_and(|(c, _)| *c == id));
            if stuck {
                kill();
                unanswered();
            }
        },
        std::time::Duration::from_millis(u64::from(grace_ms)),
    );
}

/// Forgets the current request once its last answer has come: a later stop is not for it.
fn settled(id: u64) {
    PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if p.current.as_ref().is_some_and(|(c, _)| *c == id) {
            p.current = None;
        }
    });
}

/// Asks the worker to stop the current request: its running side ends at the end of the
/// worker's slice, and the answers come as usual. A worker stuck inside one long step does not
/// hear it: see [`kill`].
pub fn stop() {
    PAGE.with(|p| {
        let p = p.borrow();
        if let (Some(w), Some((id, _))) = (&p.worker, &p.current) {
            let _ = w.post_message(&JsValue::from_f64(*id as f64));
        }
    });
}

/// Ends the worker at once (a stop it did not answer); the next run starts a fresh one.
pub fn kill() {
    PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(w) = p.worker.take() {
            w.terminate();
        }
        p.current = None;
    });
}

/// The worker died (or never started): its request failed, and the next run gets a fresh
/// worker. One that dies before it was ever ready leaves runs to the page.
fn died() {
    let current = PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if let Some(w) = p.worker.take() {
            w.terminate();
        }
        if p.health == Health::Unknown {
            p.health = Health::Broken;
        }
        p.current.take()
    });
    if let Some((_, listener)) = current {
        listener(Answer::Failed);
    }
}

fn on_message(e: web_sys::MessageEvent) {
    let data = e.data();
    if data.as_string().as_deref() == Some("ready") {
        PAGE.with(|p| p.borrow_mut().health = Health::Works);
        // For tests and the curious: `<html data-engine-worker="ready">`.
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-engine-worker", "ready");
        }
        return;
    }
    let Ok(msg) = data.dyn_into::<js_sys::Array>() else {
        return;
    };
    if msg.get(4).as_f64().is_some_and(|m| m > RETIRE_BYTES) {
        PAGE.with(|p| p.borrow_mut().retire = true);
    }
    let id = msg.get(1).as_f64().unwrap_or(-1.0) as u64;
    let Some(listener) = PAGE.with(|p| {
        p.borrow()
            .current
            .as_ref()
            .filter(|(cur, _)| *cur == id)
            .map(|(_, l)| l.clone())
    }) else {
        return;
    };
    let side = if msg.get(2).as_f64() == Some(1.0) {
        Side::Good
    } else {
        Side::Bad
    };
    let number = |i| msg.get(i).as_f64().unwrap_or(0.0) as u64;
    match msg.get(0).as_f64() {
        Some(0.0) => listener(Answer::Progress {
            side,
            steps: number(3),
        }),
        Some(4.0) => listener(Answer::Working {
            part: number(2),
            of: number(3),
        }),
        Some(2.0) => {
            settled(id);
            let done = msg
                .get(3)
                .as_string()
                .and_then(|j| serde_json::from_str::<WorkDone>(&j).ok());
            match done {
                Some(d) => listener(Answer::Done(Box::new(d))),
                None => listener(Answer::Failed),
            }
        }
        Some(5.0) => {
            settled(id);
            listener(Answer::Stopped);
        }
        Some(_) => {
            // The worker's bytes, not a copy: a big run is tens of megabytes.
            let bytes: js_sys::Uint8Array = msg.get(3).unchecked_into();
            let buf = Vec::with_capacity(bytes.length() as usize);
            let copy = Incoming::Copy(bytes, buf);
            decode_in_slices(id, side, copy, listener);
        }
        None => {}
    }
}

/// Events decoded per look at the clock, bytes copied into the page's memory per look, and the
/// page's time per task for both, in ms: 12 ms of a 16.7 ms frame (48 ms on a phone 4x slower,
/// under the 200 ms goal), so a million events take about 1.4 times their decoding time.
const DECODE_EVENTS: usize = 500;
const COPY_BYTES: u32 = 1 << 20;
const DECODE_SLICE_MS: f64 = 12.0;

/// A finished side on its way into the page: its bytes copied out of the message, then decoded.
enum Incoming {
    Copy(js_sys::Uint8Array, Vec<u8>),
    Decode(Box<wire::RunDecoder>),
}

/// Copies and decodes a finished side a slice at a time (a big run is a million events and
/// 100,000 goroutine stacks: one task would hold the page for seconds), then hands it to
/// `listener`, if request `id` is still current.
fn decode_in_slices(id: u64, side: Side, mut d: Incoming, listener: Listener) {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start <= DECODE_SLICE_MS {
        d = match d {
            Incoming::Copy(src, mut buf) => {
                let at = buf.len() as u32;
                let end = src.length().min(at.saturating_add(COPY_BYTES));
                buf.resize(end as usize, 0);
                src.subarray(at, end).copy_to(&mut buf[at as usize..]);
                if end < src.length() {
                    Incoming::Copy(src, buf)
                } else {
                    match wire::RunDecoder::new(buf) {
                        Some(d) => Incoming::Decode(Box::new(d)),
                        None => return listener(Answer::Failed),
                    }
                }
            }
            Incoming::Decode(mut dec) => match dec.step(DECODE_EVENTS) {
                None => return listener(Answer::Failed),
                Some(true) => {
                    return match dec.finish_with_series() {
                        Some(run) => listener(Answer::Finished(side, Box::new(run))),
                        None => listener(Answer::Failed),
                    };
                }
                Some(false) => Incoming::Decode(dec),
            },
        };
    }
    let current = PAGE.with(|p| p.borrow().current.as_ref().is_some_and(|(c, _)| *c == id));
    if current {
        leptos::prelude::request_animation_frame(move || decode_in_slices(id, side, d, listener));
    }
}

// The worker's side.

/// Wall time one slice of work takes before the worker reports progress and reads its messages.
const WORKER_SLICE_MS: f64 = 30.0;
/// Interpreter steps between two looks at the clock (as in the page's slices).
const STEPS_PER_CHECK: u64 = 2_000;

/// What the worker is doing for a request.
enum Task {
    /// A run, and which of its sides it has sent.
    Run {
        job: Job,
        sent: [bool; 2],
    },
    Grade(Box<Grading>),
    Search(Box<Search>),
}

/// The request the worker runs.
struct Current {
    id: u64,
    task: Task,
    /// The longest slice so far, in ms.
    longest_ms: f64,
}

/// The port the worker posts to itself on, and the slice its messages run.
type Pump = (web_sys::MessagePort, Closure<dyn FnMut()>);

/// The fix's runs of the last grading: lesson, fix source, its report per case.
type FixRuns = (String, String, Vec<Option<lessons::runtime::RunReport>>);

thread_local! {
    static JOB: RefCell<Option<Current>> = const { RefCell::new(None) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// A channel to itself: a message on it runs the next slice as soon as the worker is idle
    /// (a zero timeout is clamped to 4 ms once nested).
    static PUMP: RefCell<Option<Pump>> = const { RefCell::new(None) };
    /// The same at every check of the same fix, so each runs once per worker.
    static FIX_RUNS: RefCell<Option<FixRuns>> = const { RefCell::new(None) };
    /// How many times slower than this machine the worker runs a program (1: as fast as it
    /// can). The browser tests set 4, a phone's CPU as Lighthouse models it: on a quiet
    /// desktop every runaway meets a limit within about a second (issue 23), too soon to see
    /// its progress and press Stop, and DevTools' CPU throttling does not reach a worker.
    static SLOWER: Cell<f64> = const { Cell::new(1.0) };
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// The task that answers `what`; `None` for a lesson the worker does not know.
fn task_for(what: WorkRequest) -> Option<Task> {
    Some(match what {
        WorkRequest::Grade { slug, fix, src } => {
            let lesson = crate::catalog::get(&slug)?;
            let data = ExamData {
                lesson,
                harm: crate::catalog::harm(lesson)?,
                sets: crate::catalog::challenge(lesson).map_or(Vec::new(), |c| c.0),
                fix: fix.clone(),
            };
            let kept = FIX_RUNS.with(|f| match f.borrow_mut().take() {
                Some((s, f, runs)) if s == slug && f == fix => runs,
                _ => Vec::new(),
            });
            Task::Grade(Box::new(Grading::new(data, src, kept)))
        }
        WorkRequest::Search(req) => Task::Search(Box::new(Search::new(&req))),
    })
}

fn begin(id: u64, task: Task) {
    JOB.with(|j| {
        *j.borrow_mut() = Some(Current {
            id,
            task,
            longest_ms: 0.0,
        })
    });
    schedule();
}

/// Called by `public/engine-worker.js` once the module is ready: from now on the worker runs
/// the requests it is sent, and the page hears that it is ready.
#[wasm_bindgen]
pub fn engine_worker_start() {
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
            let data = e.data();
            if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
                if let Some(req) = RunRequest::decode(&bytes.to_vec()) {
                    let job = req.job();
                    let sent = [false; 2];
                    begin(req.id, Task::Run { job, sent });
                }
            } else if let Some(json) = data.as_string() {
                // A Rust abort, as an engine bug would end in: the browser tests send it to
                // check that a crash costs one run, not the page (tests/e2e/specs/stop.spec.ts).
                if json == "abort" {
                    std::process::abort();
                }
                // Ten seconds inside one task, as a program stuck in one long step: the page
                // must end the worker when a Stop gets no answer (the same spec).
                if json == "hang" {
                    let until = js_sys::Date::now() + 10_000.0;
                    while js_sys::Date::now() < until {}
                    return;
                }
                // A phone's CPU, 4 times slower ([`SLOWER`]): the same spec's runaways.
                if json == "phone" {
                    SLOWER.set(4.0);
                    return;
                }
                if let Ok(w) = serde_json::from_str::<Work>(&json) {
                    match task_for(w.what) {
                        Some(task) => begin(w.id, task),
                        None => post(5, w.id, 0, &JsValue::from_f64(0.0), None),
                    }
                }
            } else if let Some(id) = data.as_f64() {
                let stopped = JOB.with(|j| {
                    let mut j = j.borrow_mut();
                    match j.as_mut() {
                        Some(cur) if cur.id == id as u64 => match &mut cur.task {
                            Task::Run { job, .. } => {
                                job.stop();
                                false
                            }
                            _ => {
                                *j = None;
                                true
                            }
                        },
                        _ => false,
                    }
                });
                if stopped {
                    post(5, id as u64, 0, &JsValue::from_f64(0.0), None);
                }
            }
        });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    if let Ok(channel) = web_sys::MessageChannel::new() {
        let pump = Closure::<dyn FnMut()>::new(pump);
        channel
            .port1()
            .set_onmessage(Some(pump.as_ref().unchecked_ref()));
        PUMP.with(|p| *p.borrow_mut() = Some((channel.port2(), pump)));
    }
    let _ = scope().post_message(&"ready".into());
}

fn schedule() {
    if SCHEDULED.replace(true) {
        return;
    }
    PUMP.with(|p| {
        if let Some((port, _)) = p.borrow().as_ref() {
            let _ = port.post_message(&JsValue::NULL);
        }
    });
}

fn post(kind: u32, id: u64, part: u64, last: &JsValue, transfer: Option<&js_sys::Array>) {
    let msg = js_sys::Array::new();
    msg.push(&kind.into());
    msg.push(&JsValue::from_f64(id as f64));
    msg.push(&JsValue::from_f64(part as f64));
    msg.push(last);
    msg.push(&JsValue::from_f64(engine_memory() as f64));
    let _ = match transfer {
        Some(t) => scope().post_message_with_transfer(&msg, t),
        None => scope().post_message(&msg),
    };
}

/// The bytes of this module's linear memory: wasm memory only grows, so this is the peak of
/// every run the worker has made.
fn engine_memory() -> u32 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |b| b.byte_length())
}

/// One slice of the current request; then what came of it, or its progress.
fn pump() {
    SCHEDULED.set(false);
    let Some(mut cur) = JOB.with(|j| j.borrow_mut().take()) else {
        return;
    };
    let start = js_sys::Date::now();
    let more = |start: f64| js_sys::Date::now() - start < WORKER_SLICE_MS;
    let done = match &mut cur.task {
        Task::Run { job, sent } => {
            let mut done = false;
            while !done && more(start) {
                done = job.work(STEPS_PER_CHECK);
            }
            // The emulated slower CPU: the slice's work took `factor` times as long.
            let until = start + (js_sys::Date::now() - start) * SLOWER.get();
            while js_sys::Date::now() < until {}
            for side in Side::BOTH {
                if sent[side.index()] {
                    continue;
                }
                if let Some(run) = job.finished(side) {
                    sent[side.index()] = true;
                    let bytes = js_sys::Uint8Array::from(wire::encode_run(run).as_slice());
                    let transfer = js_sys::Array::of1(&bytes.buffer());
                    post(1, cur.id, side.index() as u64, &bytes, Some(&transfer));
                }
            }
            if !done {
                let (side, steps) = job.progress();
                post(0, cur.id, side.index() as u64, &(steps as f64).into(), None);
            }
            done
        }
        Task::Grade(g) => {
            let mut grade = None;
            while grade.is_none() && more(start) {
                grade = g.work(STEPS_PER_CHECK).cloned();
            }
            cur.longest_ms = cur.longest_ms.max(js_sys::Date::now() - start);
            match grade {
                None => {
                    let (part, of) = g.progress();
                    post(4, cur.id, part as u64, &(of as f64).into(), None);
                    false
                }
                Some(grade) => {
                    let longest_ms = cur.longest_ms;
                    finish_work(cur.id, &WorkDone::Graded { grade, longest_ms });
                    true
                }
            }
        }
        Task::Search(s) => {
            let mut found = None;
            while found.is_none() && more(start) {
                found = s.work(STEPS_PER_CHECK).map(<[_]>::to_vec);
            }
            match found {
                None => {
                    let of = s.total() as f64;
                    post(4, cur.id, s.part() as u64, &of.into(), None);
                    false
                }
                Some(f) => {
                    finish_work(cur.id, &WorkDone::Searched(f));
                    true
                }
            }
        }
    };
    if done {
        // The fix's runs stay for the next check of the same fix.
        if let Task::Grade(g) = cur.task {
            let (slug, fix) = (g.slug().to_string(), g.fix().to_string());
            FIX_RUNS.with(|f| *f.borrow_mut() = Some((slug, fix, g.into_fix_runs())));
        }
        return;
    }
    // A newer request that arrived meanwhile has replaced this one.
    JOB.with(|j| {
        let mut j = j.borrow_mut();
        if j.is_none() {
            *j = Some(cur);
        }
    });
    schedule();
}

fn finish_work(id: u64, done: &WorkDone) {
    // Plain data: it always encodes.
    let json = serde_json::to_string(done).unwrap_or_default();
    post(2, id, 0, &json.into(), None);
}
