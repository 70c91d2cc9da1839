//! The Timeline: a run's events plus checkpoints, seekable to any event fast enough for a
//! scrubber. At most [`MAX_CHECKPOINTS`] folds are kept; when full, every other one is dropped
//! and the spacing doubles, so memory stays bounded and a seek replays at most one spacing.

use std::rc::Rc;

use serde::Serialize;

use super::event::{Event, EventKind};
use super::snapshot::{Fold, Snapshot};

/// One point of the charts over a run: live and blocked goroutines and the modeled heap after
/// event `index` (exclusive count of events applied).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesPoint {
    pub index: usize,
    pub step: u64,
    pub time_ns: i64,
    pub goroutines: u32,
    pub blocked: u32,
    pub heap_bytes: u64,
}

/// Upper bound on stored checkpoints.
pub const MAX_CHECKPOINTS: usize = 32;
const FIRST_SPACING: usize = 1024;

/// A place in one [`Timeline`], kept between seeks (see [`Timeline::snapshot_with`]).
#[derive(Clone, Debug, Default)]
pub struct Seeker {
    fold: Option<Fold>,
}

/// Events of one run, seekable.
#[derive(Clone, Debug)]
pub struct Timeline {
    events: Vec<Event>,
    names: Vec<Rc<str>>,
    /// `checkpoints[i]` is the fold after `i * spacing` events.
    checkpoints: Vec<Fold>,
    spacing: usize,
    tip: Fold,
}

/// An empty timeline (a program that did not compile has one), seekable like any other.
impl Default for Timeline {
    fn default() -> Self {
        Timeline::from_events(Vec::new())
    }
}

impl Timeline {
    /// A timeline over a finished (or partial) run's events.
    pub fn from_events(events: Vec<Event>) -> Self {
        let mut t = Timeline {
            events: Vec::new(),
            names: Vec::new(),
            checkpoints: vec![Fold::default()],
            spacing: FIRST_SPACING,
            tip: Fold::default(),
        };
        t.extend(events);
        t
    }

    /// Makes room for `n` more events at once, so a timeline filled a slice at a time (the
    /// page decoding a run from the engine's worker) never copies a long event list to grow it.
    pub fn reserve(&mut self, n: usize) {
        self.events.reserve(n);
    }

    /// Appends events as a run streams them (see `Runtime::take_events`).
    pub fn extend(&mut self, events: impl IntoIterator<Item = Event>) {
        for e in events {
            if let EventKind::Spawn { child, name } = &e.kind {
                let i = child.index();
                if self.names.len() <= i {
                    self.names.resize(i + 1, Rc::from(""));
                }
                self.names[i] = name.clone();
            }
            self.tip.apply(&e);
            self.events.push(e);
            if self.tip.index.is_multiple_of(self.spacing) {
                self.checkpoints.push(self.tip.clone());
                if self.checkpoints.len() > MAX_CHECKPOINTS {
                    let kept: Vec<Fold> = self.checkpoints.drain(..).step_by(2).collect();
                    self.checkpoints = kept;
                    self.spacing *= 2;
                }
            }
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// All events.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Each goroutine's function name by id, from its `Spawn` event ("" for an id never
    /// spawned): the living and the gone, where a snapshot only names the living.
    pub fn names(&self) -> &[Rc<str>] {
        &self.names
    }

    /// The state after the first `index` events (clamped to the end).
    pub fn snapshot_at(&self, index: usize) -> Snapshot {
        let index = index.min(self.events.len());
        if index == self.tip.index {
            return self.tip.snapshot(&self.names);
        }
        let k = (index / self.spacing).min(self.checkpoints.len() - 1);
        let mut f = self.checkpoints[k].clone();
        for e in &self.events[f.index..index] {
            f.apply(e);
        }
        f.snapshot(&self.names)
    }

    /// Like [`Timeline::snapshot_at`], but keeps its place in `seeker`: a seek a little
    /// forward of the last one only applies the events in between, instead of replaying from a
    /// checkpoint. Playback moves forward a few events per frame, so this is what it uses.
    pub fn snapshot_with(&self, seeker: &mut Seeker, index: usize) -> Snapshot {
        let index = index.min(self.events.len());
        let reuse =
            matches!(&seeker.fold, Some(f) if f.index <= index && index - f.index <= self.spacing);
        if !reuse {
            let k = (index / self.spacing).min(self.checkpoints.len() - 1);
            seeker.fold = Some(self.checkpoints[k].clone());
        }
        let Some(f) = seeker.fold.as_mut() else {
            return self.snapshot_at(index);
        };
        for e in &self.events[f.index..index] {
            f.apply(e);
        }
        f.snapshot(&self.names)
    }

    /// The state at the end.
    pub fn last(&self) -> Snapshot {
        self.tip.snapshot(&self.names)
    }

    /// The run as at most `max_points` chart points (evenly spaced over the events, always
    /// including the start and the end), in one pass over the events.
    pub fn series(&self, max_points: usize) -> Vec<SeriesPoint> {
        let n = self.events.len();
        let every = n.div_ceil(max_points.max(2) - 1).max(1);
        let mut blocked_now: Vec<bool> = Vec::new();
        let mut p = SeriesPoint {
            index: 0,
            step: 0,
            time_ns: 0,
            goroutines: 0,
            blocked: 0,
            heap_bytes: 0,
        };
        let mut out = vec![p];
        for (i, e) in self.events.iter().enumerate() {
            let g = e.gid.index();
            match &e.kind {
                EventKind::Spawn { .. } => p.goroutines += 1,
                EventKind::Exit => p.goroutines = p.goroutines.saturating_sub(1),
                EventKind::Block { .. } => {
                    if blocked_now.len() <= g {
                        blocked_now.resize(g + 1, false);
                    }
                    if !blocked_now[g] {
                        blocked_now[g] = true;
                        p.blocked += 1;
                    }
                }
                EventKind::Unblock => {
                    if let Some(b) = blocked_now.get_mut(g)
                        && *b
                    {
                        *b = false;
                        p.blocked -= 1;
                    }
                }
                EventKind::Alloc { bytes } => p.heap_bytes += bytes,
                EventKind::Free { bytes } => p.heap_bytes = p.heap_bytes.saturating_sub(*bytes),
                _ => {}
            }
            p.index = i + 1;
            p.step = e.step;
            p.time_ns = e.time_ns;
            if p.index.is_multiple_of(every) || p.index == n {
                out.push(p);
            }
        }
        out
    }

    /// Number of events with `step <= step` (seek by CPU steps).
    pub fn index_at_step(&self, step: u64) -> usize {
        self.events.partition_point(|e| e.step <= step)
    }

    /// Number of events with `time_ns <= t` (seek by virtual time).
    pub fn index_at_time(&self, t: i64) -> usize {
        self.events.partition_point(|e| e.time_ns <= t)
    }
}
