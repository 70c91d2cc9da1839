//! The engine in a Web Worker, so a learner can always stop a run and an engine crash costs one
//! run, not the page (issue 23), and long runs never hold the main thread (issue 20).
//!
//! The same wasm module runs in both places: `public/engine-worker.js` imports the page's
//! `pkg/app.js` (its hashed name travels in the first message) and calls
//! [`engine_worker_start`]; [`crate::start`] mounts nothing there. Messages:
//! - page to worker: the module's URL first; then a `Uint8Array` (a [`RunRequest`]: it replaces
//!   any run in progress), or a number (stop the request with that id: its running side ends
//!   with outcome `limit`);
//! - worker to page: `"ready"` once the engine has loaded; `[0, id, side, steps]` while it runs
//!   (after every slice of about 30 ms); `[1, id, side, bytes]` when a side has finished (the
//!   bytes of [`wire::encode_run`]).
//!
//! The worker starts with the first lesson page ([`warm_up`]); runs go to it once it has said
//! `ready` at least once. Until then, and for good where it never does (no `Worker`, module
//! workers unsupported, the script missing), the page runs them itself in slices
//! (`crate::lesson::controller`). A worker that dies after that (a Rust abort is a wasm trap, an
//! uncaught error there) is an `error` event: its request gets [`Answer::Failed`], and the next
//! run starts a fresh worker.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::web_sys;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::playback::engine::{Job, Side, SideRun};
use crate::playback::wire::{self, RunRequest};

/// What the page hears about one request.
pub enum Answer {
    /// `side` is running and has taken `steps` steps so far.
    Progress { side: Side, steps: u64 },
    /// `side` has finished (each side once).
    Finished(Side, Box<SideRun>),
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
}

thread_local! {
    static PAGE: RefCell<Page> = const {
        RefCell::new(Page { worker: None, health: Health::Unknown, current: None })
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
    let listener: Listener = Rc::new(listener);
    req.id = LAST_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let sent = PAGE.with(|p| {
        let mut p = p.borrow_mut();
        if p.worker.is_none() {
            p.worker = spawn();
        }
        p.current = Some((req.id, listener.clone()));
        let bytes = js_sys::Uint8Array::from(req.encode().as_slice());
        p.worker
            .as_ref()
            .is_some_and(|w| w.post_message(&bytes).is_ok())
    });
    if !sent {
        died();
    }
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
    match msg.get(0).as_f64() {
        Some(0.0) => {
            let steps = msg.get(3).as_f64().unwrap_or(0.0) as u64;
            listener(Answer::Progress { side, steps });
        }
        Some(_) => {
            let bytes = js_sys::Uint8Array::new(&msg.get(3)).to_vec();
            match wire::RunDecoder::new(bytes) {
                Some(d) => decode_in_slices(id, side, d, listener),
                None => listener(Answer::Failed),
            }
        }
        None => {}
    }
}

/// Events decoded per look at the clock, and the page's time per task for decoding, in ms.
const DECODE_EVENTS: usize = 5_000;
const DECODE_SLICE_MS: f64 = 8.0;

/// Decodes a finished side a slice at a time (a big run is a million events: one task would
/// hold the page for seconds), then hands it to `listener`, if request `id` is still current.
fn decode_in_slices(id: u64, side: Side, mut d: wire::RunDecoder, listener: Listener) {
    let start = js_sys::Date::now();
    loop {
        match d.step(DECODE_EVENTS) {
            None => return listener(Answer::Failed),
            Some(true) => {
                return match d.finish() {
                    Some(run) => listener(Answer::Finished(side, Box::new(run))),
                    None => listener(Answer::Failed),
                };
            }
            Some(false) if js_sys::Date::now() - start > DECODE_SLICE_MS => break,
            Some(false) => {}
        }
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

/// The request the worker runs, and which of its sides it has sent.
struct Current {
    id: u64,
    job: Job,
    sent: [bool; 2],
}

/// The port the worker posts to itself on, and the slice its messages run.
type Pump = (web_sys::MessagePort, Closure<dyn FnMut()>);

thread_local! {
    static JOB: RefCell<Option<Current>> = const { RefCell::new(None) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// A channel to itself: a message on it runs the next slice as soon as the worker is idle
    /// (a zero timeout is clamped to 4 ms once nested).
    static PUMP: RefCell<Option<Pump>> = const { RefCell::new(None) };
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
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
                    JOB.with(|j| {
                        *j.borrow_mut() = Some(Current {
                            id: req.id,
                            job,
                            sent: [false; 2],
                        })
                    });
                    schedule();
                }
            } else if let Some(id) = data.as_f64() {
                JOB.with(|j| {
                    if let Some(cur) = j.borrow_mut().as_mut()
                        && cur.id == id as u64
                    {
                        cur.job.stop();
                    }
                });
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

fn post(kind: u32, id: u64, side: Side, last: &JsValue, transfer: Option<&js_sys::Array>) {
    let msg = js_sys::Array::new();
    msg.push(&kind.into());
    msg.push(&JsValue::from_f64(id as f64));
    msg.push(&JsValue::from_f64(side.index() as f64));
    msg.push(last);
    let _ = match transfer {
        Some(t) => scope().post_message_with_transfer(&msg, t),
        None => scope().post_message(&msg),
    };
}

/// One slice of the current request; then each side that finished, or the progress.
fn pump() {
    SCHEDULED.set(false);
    let Some(mut cur) = JOB.with(|j| j.borrow_mut().take()) else {
        return;
    };
    let start = js_sys::Date::now();
    let mut done = false;
    while !done && js_sys::Date::now() - start < WORKER_SLICE_MS {
        done = cur.job.work(STEPS_PER_CHECK);
    }
    for side in Side::BOTH {
        if cur.sent[side.index()] {
            continue;
        }
        if let Some(run) = cur.job.finished(side) {
            cur.sent[side.index()] = true;
            let bytes = js_sys::Uint8Array::from(wire::encode_run(run).as_slice());
            let transfer = js_sys::Array::of1(&bytes.buffer());
            post(1, cur.id, side, &bytes, Some(&transfer));
        }
    }
    if done {
        return;
    }
    let (side, steps) = cur.job.progress();
    post(0, cur.id, side, &JsValue::from_f64(steps as f64), None);
    // A newer request that arrived meanwhile has replaced this one.
    JOB.with(|j| {
        let mut j = j.borrow_mut();
        if j.is_none() {
            *j = Some(cur);
        }
    });
    schedule();
}
