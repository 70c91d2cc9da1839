//! The lesson page's state and every action on it. Buttons, the keyboard and a host page's
//! messages all call the same [`LessonController`] methods, so they cannot drift apart.
//!
//! A run of both programs goes to the engine's Web Worker (`crate::worker`), so the page never
//! freezes, a learner can stop it (Stop, Esc) and an engine crash costs that run only. Until the
//! worker has started (the first run of a page), and where none can, it runs here through
//! [`engine::Job`] in slices of about 8 ms of wasm time per animation frame. A newer parameter
//! change abandons an older run.

use std::rc::Rc;

use leptos::prelude::*;
use lessons::catalog::Lesson;
use lessons::golite::GoVersion;
use lessons::runtime::{Seeker, Snapshot};

use crate::browser;
use crate::nav::query;
use crate::nav::route::{self, LessonState, Page};
use crate::panes::charts::ChartScale;
use crate::playback::engine::{self, Job, Side, SideRun};
use crate::playback::lockstep::Lockstep;
use crate::playback::player::{Cursor, SPEEDS_NS, Throttle, URL_EVERY_MS, auto_speed};
use crate::playback::series::{self, Series};
use crate::playback::wire::RunRequest;
use crate::worker::{self, Answer};

/// Wasm time one animation frame may spend running programs, in milliseconds.
const SLICE_MS: f64 = 8.0;
/// Interpreter steps between two looks at the clock. Small, because one step can be heavy: a
/// timer that cancels a context wakes every goroutine waiting on it.
const STEPS_PER_CHECK: u64 = 2_000;

/// Both sides' finished runs, with everything derived from them once.
pub struct Runs {
    /// Bad and good, in [`Side`] order.
    pub sides: [SideRun; 2],
    /// One cursor over both event streams.
    pub lockstep: Lockstep,
    /// Chart series per side.
    pub series: [Rc<Series>; 2],
    /// Chart axes shared by both sides.
    pub scale: ChartScale,
}

impl Runs {
    /// `folded`: each side's chart points where the engine's worker folded them already.
    fn new(sides: [SideRun; 2], folded: [Option<Series>; 2]) -> Self {
        let times =
            |r: &SideRun| -> Vec<i64> { r.timeline.events().iter().map(|e| e.time_ns).collect() };
        let lockstep = Lockstep::new(&times(&sides[0]), &times(&sides[1]));
        let [b, g] = folded;
        let fold = |s: Option<Series>, r: &SideRun| {
            Rc::new(s.unwrap_or_else(|| series::fold(r.timeline.events())))
        };
        let series = [fold(b, &sides[0]), fold(g, &sides[1])];
        let scale = ChartScale {
            end_ns: lockstep.end_time().max(
                sides[0]
                    .report
                    .virtual_time_ns
                    .max(sides[1].report.virtual_time_ns),
            ),
            max_goroutines: series[0].peak_goroutines.max(series[1].peak_goroutines),
            max_heap: series[0].peak_heap.max(series[1].peak_heap),
        };
        Runs {
            sides,
            lockstep,
            series,
            scale,
        }
    }

    /// Each side's state at lockstep position `pos`; `seekers` keep each side's place, so
    /// moving forward a little (playback) only applies the new events.
    pub fn snapshots(&self, pos: usize, seekers: &mut [Seeker; 2]) -> [Snapshot; 2] {
        let (b, g) = self.lockstep.split(pos);
        let [sb, sg] = seekers;
        [
            self.sides[0].timeline.snapshot_with(sb, b),
            self.sides[1].timeline.snapshot_with(sg, g),
        ]
    }
}

/// Where the cursor goes when a new run replaces the old one.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Keep {
    /// An exact position from the URL; `None` is the end.
    Step(Option<usize>),
    /// The same fraction of the run as before (a parameter or seed change).
    Fraction(f64),
    /// The end of a new program's run (an edit), where its verdict shows.
    End,
}

/// A run in progress.
struct Pending {
    /// The job, when it runs in the page; `None` while the worker runs it.
    job: Option<Job>,
    /// The sides the worker has sent back so far.
    got: [Option<SideRun>; 2],
    /// Their chart points, folded in the worker.
    folded: [Option<Series>; 2],
    keep: Keep,
    spent_ms: f64,
    generation: u64,
    /// The page's first run, made while the page loads: each of its steps (compiling, each
    /// slice, folding and drawing the result) gets a task of its own (see [`LessonController::new`]).
    first: bool,
}

/// A run that takes longer than this shows its progress and the Stop button, in milliseconds.
const SLOW_MS: u64 = 500;
/// How long a stopped run may take to answer before its worker is ended, in milliseconds.
const STOP_GRACE_MS: u64 = 700;

/// Where runs happen: `worker` or `page` (the lesson root's `data-engine`, for the tests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunsIn {
    Worker,
    Page,
}

impl RunsIn {
    /// `worker` or `page`.
    pub fn key(self) -> &'static str {
        match self {
            RunsIn::Worker => "worker",
            RunsIn::Page => "page",
        }
    }
}

/// The lesson page's state: cheap to copy into every event handler.
#[derive(Clone, Copy)]
pub struct LessonController {
    /// The lesson shown.
    pub lesson: &'static Lesson,
    /// One value per lesson parameter.
    pub params: RwSignal<Vec<i64>>,
    /// The seed both programs run with.
    pub seed: RwSignal<u64>,
    /// The learner's edit of each program (bad, good); `None` runs the lesson's own file.
    pub edits: RwSignal<[Option<String>; 2]>,
    /// The explicit schedule the bad side follows (a found failing run); `None`: Go's order.
    pub schedule: RwSignal<Option<String>>,
    /// The Go release whose semantics both programs run with (the version switch).
    pub go: RwSignal<GoVersion>,
    /// Whether both programs run with Go's race detector (the lesson's `race`, or the learner's
    /// choice: `race_switch.rs`).
    pub race: RwSignal<bool>,
    /// The finished runs; `None` until the first run finishes.
    pub runs: RwSignal<Option<Rc<Runs>>, LocalStorage>,
    /// Playback position.
    pub cursor: RwSignal<Cursor>,
    /// Playback speed, an index into [`SPEEDS_NS`].
    pub speed: RwSignal<usize>,
    /// True while a run is in progress.
    pub running: RwSignal<bool>,
    /// Milliseconds the last run took: in the page, its wasm slices summed; in the worker,
    /// from the request to the last answer (for the budget script).
    pub rerun_ms: RwSignal<f64>,
    /// Where the last run ran.
    pub runs_in: RwSignal<RunsIn>,
    /// The side running now and its steps so far, while a run is in progress.
    pub progress: RwSignal<(Side, u64)>,
    /// True once the run in progress has taken over [`SLOW_MS`]: its progress and Stop show.
    pub slow: RwSignal<bool>,
    /// The side whose program the engine failed on (its worker died), until the next run.
    pub failed: RwSignal<Option<Side>>,
    /// Each side's state at the cursor.
    pub snapshots: [RwSignal<Rc<Snapshot>, LocalStorage>; 2],
    /// URL keys the lesson page does not use (embed options), kept when the URL is rewritten.
    pub extra: StoredValue<Vec<(String, String)>>,
    pending: StoredValue<Option<Pending>, LocalStorage>,
    generation: StoredValue<u64>,
    last_frame_ms: StoredValue<f64>,
    url_throttle: StoredValue<Throttle>,
    url_trailing: StoredValue<bool>,
    speed_chosen: StoredValue<bool>,
    /// True when the page opened on the lesson at its defaults, at the end of the run: the state
    /// whose verdicts were made at build time (`playback::verdict_shown`).
    opened_at_defaults: bool,
    /// The interface language (the app's, from the context).
    lang: RwSignal<crate::i18n::Lang>,
}

impl LessonController {
    /// The controller for `lesson` at `state`; the first run starts at once.
    pub fn new(lesson: &'static Lesson, state: &LessonState, extra: Vec<(String, String)>) -> Self {
        let empty = Rc::new(lessons::runtime::Timeline::default().last());
        let c = LessonController {
            lesson,
            params: RwSignal::new(state.params.clone()),
            seed: RwSignal::new(state.seed),
            edits: RwSignal::new(state.edits.clone()),
            schedule: RwSignal::new(state.schedule.clone()),
            go: RwSignal::new(state.go),
            race: RwSignal::new(state.race),
            runs: RwSignal::new_local(None),
            cursor: RwSignal::new(Cursor::default()),
            speed: RwSignal::new(SPEEDS_NS.len() / 2),
            running: RwSignal::new(false),
            rerun_ms: RwSignal::new(0.0),
            runs_in: RwSignal::new(RunsIn::Page),
            progress: RwSignal::new((Side::Bad, 0)),
            slow: RwSignal::new(false),
            failed: RwSignal::new(None),
            snapshots: [
                RwSignal::new_local(empty.clone()),
                RwSignal::new_local(empty),
            ],
            extra: StoredValue::new(extra),
            pending: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            last_frame_ms: StoredValue::new(0.0),
            url_throttle: StoredValue::new(Throttle::default()),
            url_trailing: StoredValue::new(false),
            speed_chosen: StoredValue::new(false),
            opened_at_defaults: *state == LessonState::defaults(lesson),
            lang: crate::i18n::use_lang(),
        };
        // Snapshots follow the cursor's position (not its clock, which moves every frame).
        let pos = Memo::new(move |_| c.cursor.get().pos);
        let seekers = StoredValue::new_local([Seeker::default(), Seeker::default()]);
        Effect::new(move |prev: Option<usize>| {
            let p = pos.get();
            // Seekers belong to one pair of timelines: a new run starts them afresh.
            let runs_id = c
                .runs
                .with(|r| r.as_ref().map(|r| Rc::as_ptr(r) as usize).unwrap_or(0));
            if prev != Some(runs_id) {
                seekers.set_value([Seeker::default(), Seeker::default()]);
            }
            c.runs.with(|r| {
                if let Some(r) = r {
                    let [b, g] = seekers
                        .try_update_value(|sk| r.snapshots(p, sk))
                        .unwrap_or_else(|| {
                            r.snapshots(p, &mut [Seeker::default(), Seeker::default()])
                        });
                    c.snapshots[0].set(Rc::new(b));
                    c.snapshots[1].set(Rc::new(g));
                }
            });
            runs_id
        });
        // The first run starts in a task of its own, after the page is built: on a phone, the
        // page's first build and the first run each compile much of the wasm on first use (the
        // browser compiles a function when it is first called), and together they made one
        // task of seconds while the page loads (issue 20: no task over 200 ms). Its verdicts
        // show meanwhile when they were made at build time (`built_verdict`).
        c.running.set(true);
        let before = c.generation.get_value();
        let state_step = state.step;
        request_animation_frame(move || {
            if c.generation.try_get_value() == Some(before) {
                c.start_run_as(Keep::Step(state_step), true);
            }
        });
        c
    }

    /// The merged event count (0 before the first run).
    pub fn len(&self) -> usize {
        self.runs
            .with(|r| r.as_ref().map(|r| r.lockstep.len()).unwrap_or(0))
    }

    /// True before the first run finishes, and for two empty runs.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True at the end of the run (where the verdicts show).
    pub fn at_end(&self) -> bool {
        self.runs.with(|r| {
            r.as_ref()
                .is_some_and(|r| self.cursor.get().at_end(&r.lockstep))
        })
    }

    /// `side`'s verdict made at build time, while it is this page's run: before the page's own
    /// first run has finished, on the lesson at its defaults (parameters, seed, Go release, no
    /// edit, no schedule, at the end), as opened and as it still is. `None` otherwise.
    pub fn built_verdict(
        &self,
        side: Side,
        zh: bool,
    ) -> Option<crate::playback::verdict_shown::Shown> {
        if !self.opened_at_defaults || self.runs.with(|r| r.is_some()) {
            return None;
        }
        let defaults = LessonState::defaults(self.lesson);
        let now = (
            self.params.get(),
            self.seed.get(),
            self.go.get(),
            self.race.get(),
            self.schedule.with(Option::is_none),
            self.edits.with(|e| e.iter().all(Option::is_none)),
        );
        let built = (
            defaults.params,
            defaults.seed,
            defaults.go,
            defaults.race,
            true,
            true,
        );
        if now != built {
            return None;
        }
        let all = crate::lesson::text::loaded(&self.lesson.slug)?.verdicts?;
        Some(all[side.index()][usize::from(zh)].clone())
    }

    /// Starts or resumes playback.
    pub fn play(&self) {
        self.move_cursor(|c, l| c.play(l));
        if self.cursor.get_untracked().playing {
            self.last_frame_ms.set_value(browser::now_ms());
            let me = *self;
            request_animation_frame(move || me.animate());
        }
    }

    /// Pauses playback where it is.
    pub fn pause(&self) {
        if self.cursor.get_untracked().playing {
            self.cursor.update(|c| *c = c.pause());
            self.sync_step();
        }
    }

    /// Play if paused, pause if playing.
    pub fn toggle(&self) {
        if self.cursor.get_untracked().playing {
            self.pause();
        } else {
            self.play();
        }
    }

    /// One event forward.
    pub fn step(&self) {
        self.move_cursor(|c, l| c.step(l));
        self.follow_step();
    }

    /// One event back.
    pub fn step_back(&self) {
        self.move_cursor(|c, l| c.step_back(l));
        self.follow_step();
    }

    /// Jumps to merged position `pos` (clamped), paused.
    pub fn seek(&self, pos: usize) {
        self.move_cursor(|_, l| Cursor::at(l, pos));
        self.follow_step();
    }

    /// Back to the start, paused.
    pub fn reset(&self) {
        self.seek(0);
    }

    /// Sets parameter `name` (clamped to its range) and re-runs both sides. Returns false for an
    /// unknown parameter. `push` makes a new history entry; otherwise the URL is updated in place.
    pub fn set_param(&self, name: &str, value: i64, push: bool) -> bool {
        let Some(i) = self.lesson.params.iter().position(|p| p.name == name) else {
            return false;
        };
        let p = &self.lesson.params[i];
        let v = value.clamp(p.lo, p.hi);
        if self.params.with_untracked(|ps| ps.get(i) == Some(&v)) {
            // Nothing to re-run, and no history entry for a state that did not change; the
            // boxes show the value in use again (a typed 20000 clamped to the current 10000).
            self.params.notify();
            self.write_url(false);
            return true;
        }
        self.params.update(|ps| {
            if let Some(slot) = ps.get_mut(i) {
                *slot = v;
            }
        });
        // A schedule belongs to one program, parameters and seed.
        self.schedule.set(None);
        // The new history entry first: a run that finishes at once puts its cursor's step in
        // the URL in place, and that must be this entry, not the one Back returns to.
        self.write_url(push);
        self.rerun();
        true
    }

    /// Sets the seed and re-runs both sides (a new history entry, unless it is the seed in use).
    pub fn set_seed(&self, seed: u64) {
        if self.seed.get_untracked() == seed {
            self.seed.notify();
            self.write_url(false);
            return;
        }
        self.seed.set(seed);
        self.schedule.set(None);
        self.write_url(true);
        self.rerun();
    }

    /// Loads a run that exploration found (`lessons::explore`): its seed and, when it followed
    /// an explicit schedule, that schedule for the bad side; the cursor goes to the end.
    pub fn load_found(&self, seed: u64, schedule: Option<String>) {
        self.seed.set(seed);
        self.schedule.set(schedule);
        self.write_url(true);
        self.start_run(Keep::End);
    }

    /// Runs both programs with the semantics of Go release `go` from now on (a new history
    /// entry, unless it is the release in use).
    pub fn set_go(&self, go: GoVersion) {
        self.change_setting(self.go, go);
    }

    /// Runs both programs with Go's race detector on or off from now on (a new history entry,
    /// unless it is already so).
    pub fn set_race(&self, on: bool) {
        self.change_setting(self.race, on);
    }

    /// Sets a run setting both programs share and re-runs them, with a new history entry;
    /// nothing when it already holds `value`.
    fn change_setting<T: PartialEq + Send + Sync + 'static>(&self, setting: RwSignal<T>, value: T) {
        if setting.with_untracked(|v| *v == value) {
            return;
        }
        setting.set(value);
        self.write_url(true);
        self.rerun();
    }

    /// The source `side` runs, as written: the learner's edit, else the lesson's file (its
    /// marked constants still carry the lesson's defaults; the sliders' values replace them).
    pub fn source(&self, side: Side) -> String {
        self.edits
            .with(|e| e[side.index()].clone())
            .unwrap_or_else(|| self.lesson_file(side).to_string())
    }

    /// The lesson's own file for `side`.
    fn lesson_file(&self, side: Side) -> &'static str {
        match side {
            Side::Bad => self.lesson.bad_go,
            Side::Good => self.lesson.good_go,
        }
    }

    /// The parameter values as golite takes them (`name`, `value`), in the lesson's order.
    pub fn param_values(&self) -> Vec<(String, String)> {
        self.params.with(|v| {
            self.lesson
                .params
                .iter()
                .zip(v)
                .map(|(p, v)| (p.name.clone(), v.to_string()))
                .collect()
        })
    }

    /// Runs `text` as `side`'s program from now on and re-runs both sides, showing the end of
    /// the new run. `opened` is the text the box opened with: a marked constant whose value the
    /// learner changed there moves its slider (clamped to the slider's range), so what was typed
    /// is what runs; one left alone keeps the slider where it is now.
    pub fn run_edit(&self, side: Side, opened: &str, text: String) {
        let typed = engine::changed_params(opened, &text);
        if !typed.is_empty() {
            self.params.update(|values| {
                for (p, v) in self.lesson.params.iter().zip(values.iter_mut()) {
                    if let Some((_, t)) = typed.iter().find(|(name, _)| *name == p.name) {
                        *v = (*t).clamp(p.lo, p.hi);
                    }
                }
            });
        }
        // Text that runs as the lesson's own file does with these values is no edit: it may
        // differ in a marked constant's literal, which the slider's value replaces.
        let values = self.param_values_untracked();
        let as_run =
            |src: &str| lessons::catalog::apply_params(src, &engine::params_for(src, &values)).ok();
        let edit = (as_run(&text) != as_run(self.lesson_file(side))).then_some(text);
        self.set_edit(side, edit);
    }

    /// Runs the lesson's own program on `side` again.
    pub fn revert(&self, side: Side) {
        self.set_edit(side, None);
    }

    fn set_edit(&self, side: Side, edit: Option<String>) {
        self.edits.update(|e| e[side.index()] = edit);
        self.schedule.set(None);
        self.write_url(true);
        self.start_run(Keep::End);
    }

    fn param_values_untracked(&self) -> Vec<(String, String)> {
        untrack(|| self.param_values())
    }

    /// A fresh random seed.
    pub fn new_seed(&self) {
        let now = browser::now_ms();
        let seed = ((now * 1000.0) as u64).wrapping_mul(6364136223846793005) % 1_000_000 + 1;
        self.set_seed(seed);
    }

    /// The URL query for the current state (lesson, params, seed, step, extra keys), without
    /// the leading `?`.
    pub fn query(&self) -> String {
        // The language the page shows, whether it came from the URL or from storage, so a
        // shared link opens in it (English, the default, is left out).
        let mut extra = self.extra.get_value();
        extra.retain(|(k, _)| k != crate::i18n::KEY);
        if self.lang.get_untracked() == crate::i18n::Lang::Zh {
            extra.push((crate::i18n::KEY.to_string(), "zh".to_string()));
        }
        query::build(&route::to_pairs(&self.page(), Some(self.lesson), &extra))
    }

    /// The URL fragment for the current state: the edited programs, packed (empty when none).
    pub fn fragment(&self) -> String {
        route::to_fragment(&self.page())
    }

    /// `?query` and, when something is edited, `#fragment`: this state, relative to the page.
    pub fn link_tail(&self) -> String {
        let f = self.fragment();
        if f.is_empty() {
            format!("?{}", self.query())
        } else {
            format!("?{}#{f}", self.query())
        }
    }

    fn page(&self) -> Page {
        let at_end = self.at_end() || self.runs.with_untracked(|r| r.is_none());
        Page::Lesson(LessonState {
            slug: self.lesson.slug.clone(),
            params: self.params.get_untracked(),
            seed: self.seed.get_untracked(),
            step: (!at_end).then(|| self.cursor.get_untracked().pos),
            edits: self.edits.get_untracked(),
            schedule: self.schedule.get_untracked(),
            go: self.go.get_untracked(),
            race: self.race.get_untracked(),
        })
    }

    /// Puts the interface language in the URL (so links shared from here carry it), in place.
    pub fn set_lang(&self, lang: crate::i18n::Lang) {
        self.lang.set(lang);
        self.write_url(false);
    }

    fn write_url(&self, push: bool) {
        browser::set_url(&self.query(), &self.fragment(), !push);
    }

    /// Puts the cursor's step in the URL, in place, now (a pause, the end of playback).
    fn sync_step(&self) {
        if self.runs.with_untracked(|r| r.is_some()) {
            self.write_url(false);
        }
    }

    /// Puts the cursor's step in the URL at most every [`URL_EVERY_MS`]: at once when the last
    /// write is old enough, else once more when the interval ends. Held arrow keys, a dragged
    /// scrubber and playback move the cursor every frame; the history API must not see that.
    fn follow_step(&self) {
        let now = browser::now_ms();
        let due = self
            .url_throttle
            .try_update_value(|t| t.due(now, URL_EVERY_MS))
            .unwrap_or(false);
        if due {
            self.sync_step();
            return;
        }
        if self.url_trailing.get_value() {
            return;
        }
        self.url_trailing.set_value(true);
        let me = *self;
        set_timeout(
            move || {
                // The page may be gone (another lesson opened): then there is nothing to write.
                if me.url_trailing.try_update_value(|t| *t = false).is_some() {
                    me.url_throttle
                        .update_value(|t| t.restart(browser::now_ms()));
                    me.sync_step();
                }
            },
            std::time::Duration::from_millis(URL_EVERY_MS as u64),
        );
    }

    fn move_cursor(&self, f: impl FnOnce(Cursor, &Lockstep) -> Cursor) {
        self.runs.with_untracked(|r| {
            if let Some(r) = r {
                let next = f(self.cursor.get_untracked(), &r.lockstep);
                self.cursor.set(next);
            }
        });
    }

    /// One animation frame of playback.
    fn animate(self) {
        // A frame scheduled before the page went away (another lesson opened) does nothing.
        if !self.cursor.try_get_untracked().is_some_and(|c| c.playing) {
            return;
        }
        let now = browser::now_ms();
        let dt = now - self.last_frame_ms.get_value();
        self.last_frame_ms.set_value(now);
        let speed = SPEEDS_NS[self.speed.get_untracked().min(SPEEDS_NS.len() - 1)];
        self.move_cursor(|c, l| c.frame(l, dt, speed));
        if self.cursor.get_untracked().playing {
            // The URL follows playback a few times a second, not every frame.
            self.follow_step();
            request_animation_frame(move || self.animate());
        } else {
            self.sync_step();
        }
    }

    /// Re-runs both sides with the current parameters and seed, keeping the cursor's relative
    /// place (or the end, if it was there).
    fn rerun(&self) {
        let keep = self.runs.with_untracked(|r| match r {
            Some(r)
                if !self.cursor.get_untracked().at_end(&r.lockstep) && !r.lockstep.is_empty() =>
            {
                Keep::Fraction(self.cursor.get_untracked().pos as f64 / r.lockstep.len() as f64)
            }
            _ => Keep::Step(None),
        });
        self.start_run(keep);
    }

    fn start_run(&self, keep: Keep) {
        self.start_run_as(keep, false);
    }

    /// Starts a run; `first`: the page's first, whose steps each take a task of their own.
    fn start_run_as(&self, keep: Keep, first: bool) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        let [bad_go, good_go] = untrack(|| Side::BOTH.map(|side| self.source(side)));
        let req = RunRequest {
            id: 0,
            bad_go,
            good_go,
            params: self.param_values_untracked(),
            seed: self.seed.get_untracked(),
            preempt_every: self.lesson.preempt_every,
            race: self.race.get_untracked(),
            go: self.go.get_untracked(),
            schedule: self.schedule.get_untracked(),
            links: crate::catalog::links(self.lesson).to_vec(),
        };
        let remote = worker::available();
        self.pending.set_value(Some(Pending {
            job: (!remote).then(|| req.job()),
            got: [None, None],
            folded: [None, None],
            keep,
            spent_ms: 0.0,
            generation,
            first,
        }));
        self.cursor.update(|c| *c = c.pause());
        self.running.set(true);
        self.slow.set(false);
        self.failed.set(None);
        self.progress.set((Side::Bad, 0));
        self.runs_in
            .set(if remote { RunsIn::Worker } else { RunsIn::Page });
        let me = *self;
        set_timeout(
            move || {
                if me.generation.try_get_value() == Some(generation)
                    && me.running.try_get_untracked() == Some(true)
                {
                    me.slow.set(true);
                }
            },
            std::time::Duration::from_millis(SLOW_MS),
        );
        if remote {
            let started = browser::now_ms();
            worker::run(req, move |answer| me.hear(generation, answer, started));
        } else if first {
            // Compiling both programs was this task's work; the slices start with the next frame.
            request_animation_frame(move || me.pump(generation));
        } else {
            // The first slice runs now: small lessons finish before the next frame is drawn.
            self.pump(generation);
        }
    }

    /// What the worker says about run `generation`, sent at `started` (ms).
    fn hear(self, generation: u64, answer: Answer, started: f64) {
        // The page may be gone (another lesson opened), or a newer run replaced this one.
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        match answer {
            Answer::Progress { side, steps } => self.progress.set((side, steps)),
            Answer::Finished(side, run) => {
                let mut both = false;
                self.pending.update_value(|p| {
                    if let Some(p) = p.as_mut() {
                        let (run, series) = *run;
                        p.got[side.index()] = Some(run);
                        p.folded[side.index()] = Some(series);
                        both = p.got.iter().all(Option::is_some);
                    }
                });
                if both {
                    self.take_answers(browser::now_ms() - started, None);
                } else if side == Side::Bad {
                    // The good side runs next: a death from here on is its program's.
                    self.progress.set((Side::Good, 0));
                }
            }
            Answer::Failed => {
                let (side, _) = self.progress.get_untracked();
                self.failed.set(Some(side));
                self.take_answers(
                    browser::now_ms() - started,
                    Some("the engine crashed; the next run starts a fresh one"),
                );
            }
            // Answers to other work (grading, a search), never to a run.
            Answer::Working { .. } | Answer::Done(_) | Answer::Stopped => {}
        }
    }

    /// Shows the sides the worker sent. A side it did not send ends with outcome `limit`, no
    /// events and a message: the Stop's, when its worker was ended after a Stop it did not
    /// answer; `failed`, when the worker died running it; and for a side that never started
    /// because of either, that it did not run.
    fn take_answers(self, spent_ms: f64, failed: Option<&str>) {
        let Some(mut p) = self.pending.try_update_value(|p| p.take()).flatten() else {
            return;
        };
        p.spent_ms = spent_ms;
        let (running, steps) = self.progress.get_untracked();
        let [bad, good] = std::mem::take(&mut p.got);
        let sides = [bad, good]
            .into_iter()
            .zip(Side::BOTH)
            .map(|(run, side)| {
                run.unwrap_or_else(|| match (side == running, failed) {
                    (true, None) => engine::stopped(engine::stop_message(steps), steps),
                    (true, Some(why)) => engine::stopped(why.to_string(), steps),
                    (false, _) => engine::stopped(
                        format!("not run: the run of {} was ended", running.file()),
                        0,
                    ),
                })
            })
            .collect::<Vec<_>>();
        let Ok(sides) = <[SideRun; 2]>::try_from(sides) else {
            return;
        };
        self.install(p, sides);
    }

    /// Stops the run in progress (Stop, Esc): its running side ends now with what it did so
    /// far. A worker that does not answer within [`STOP_GRACE_MS`] (stuck in one long step) is
    /// ended, and the sides it had not sent end with the Stop's message.
    pub fn stop(&self) {
        let Some(generation) = self
            .pending
            .with_value(|p| p.as_ref().map(|p| p.generation))
        else {
            return;
        };
        let local =
            self.pending
                .try_update_value(|p| match p.as_mut().and_then(|p| p.job.as_mut()) {
                    Some(job) => {
                        job.stop();
                        true
                    }
                    None => false,
                });
        if local == Some(true) {
            return;
        }
        worker::stop();
        let me = *self;
        set_timeout(
            move || {
                let stuck = me
                    .pending
                    .try_with_value(|p| p.as_ref().is_some_and(|p| p.generation == generation))
                    .unwrap_or(false);
                if stuck {
                    worker::kill();
                    me.take_answers(f64::from(STOP_GRACE_MS as u32), None);
                }
            },
            std::time::Duration::from_millis(STOP_GRACE_MS),
        );
    }

    /// Runs one slice of the pending job; schedules the next slice or installs the result.
    fn pump(self, generation: u64) {
        let start = browser::now_ms();
        let mut done = false;
        let mut current = false;
        // The page's first run, with slices still to run at the start of this one.
        let mut first_working = false;
        let mut progress = None;
        self.pending.update_value(|p| {
            if let Some(p) = p.as_mut().filter(|p| p.generation == generation)
                && let Some(job) = p.job.as_mut()
            {
                current = true;
                first_working = p.first && Side::BOTH.iter().any(|&s| job.finished(s).is_none());
                while !done && browser::now_ms() - start < SLICE_MS {
                    done = job.work(STEPS_PER_CHECK);
                }
                p.spent_ms += browser::now_ms() - start;
                progress = Some(job.progress());
            }
        });
        if !current {
            return;
        }
        if let Some(progress) = progress.filter(|_| !done) {
            self.progress.set(progress);
        }
        // Folding a finished run for the page (charts, lockstep) takes time in proportion to
        // its events: when the slice is already half spent, that is the next frame's work.
        // The first run always: drawing its result is a task of its own (see `new`).
        let late = first_working || browser::now_ms() - start > SLICE_MS / 2.0;
        if !done || late {
            request_animation_frame(move || self.pump(generation));
            return;
        }
        let Some(mut p) = self.pending.try_update_value(|p| p.take()).flatten() else {
            return;
        };
        let Some(sides) = p.job.take().and_then(Job::finish) else {
            return;
        };
        self.install(p, sides);
    }

    /// Shows a finished run.
    fn install(self, mut p: Pending, sides: [SideRun; 2]) {
        let runs = Runs::new(sides, std::mem::take(&mut p.folded));
        let pos = match p.keep {
            Keep::Step(Some(k)) => k.min(runs.lockstep.len()),
            Keep::Step(None) => runs.lockstep.len(),
            Keep::Fraction(f) => runs.lockstep.at_fraction(f),
            Keep::End => runs.lockstep.len(),
        };
        let cursor = Cursor::at(&runs.lockstep, pos);
        if !self.speed_chosen.get_value() {
            self.speed.set(auto_speed(&runs.lockstep));
        }
        self.runs.set(Some(Rc::new(runs)));
        self.cursor.set(cursor);
        self.rerun_ms.set(p.spent_ms);
        self.running.set(false);
        self.slow.set(false);
        // A re-run moved the cursor to a new position: the URL (written when the change was
        // made, with the old position) follows. A first run keeps the URL it was opened with.
        if matches!(p.keep, Keep::Fraction(_) | Keep::End) {
            self.sync_step();
        }
        // The page's first run is done here; the worker starts now for the next ones.
        worker::warm_up();
    }

    /// Sets the playback speed (an index into [`SPEEDS_NS`]); later runs keep it.
    pub fn set_speed(&self, i: usize) {
        self.speed_chosen.set_value(true);
        self.speed.set(i.min(SPEEDS_NS.len() - 1));
    }

    /// Progress of a run in progress, in words: `running bad.go: 40 M steps`.
    pub fn progress_text(&self) -> String {
        let (side, steps) = self.progress.get();
        crate::i18n::running_steps(side.file(), steps, self.lang.get())
    }

    /// Both sides' runs, when finished.
    pub fn side_run<T>(&self, side: Side, f: impl FnOnce(&SideRun) -> T) -> Option<T> {
        self.runs
            .with(|r| r.as_ref().map(|r| f(&r.sides[side.index()])))
    }
}
