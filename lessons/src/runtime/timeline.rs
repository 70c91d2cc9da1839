//! The Timeline: a run's events plus checkpoints, seekable to any event fast enough for a
//! scrubber. At most [`MAX_CHECKPOINTS`] folds are kept; when full, every other one is dropped
//! and the spacing doubles, so memory stays bounded and a seek replays at most one spacing.

use std::rc::Rc;

use super::event::{Event, EventKind};
use super::snapshot::{Fold, Snapshot};

/// Upper bound on stored checkpoints.
pub const MAX_CHECKPOINTS: usize = 32;
const FIRST_SPACING: usize = 1024;

/// Events of one run, seekable.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    events: Vec<Event>,
    names: Vec<Rc<str>>,
    /// `checkpoints[i]` is the fold after `i * spacing` events.
    checkpoints: Vec<Fold>,
    spacing: usize,
    tip: Fold,
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

    /// Appends events as a run streams them (see `Runtime::take_events`).
    pub fn extend(&mut self, events: impl IntoIterator<Item = Event>) {
        if self.checkpoints.is_empty() {
            self.checkpoints.push(Fold::default());
            self.spacing = FIRST_SPACING;
        }
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

    /// The state at the end.
    pub fn last(&self) -> Snapshot {
        self.tip.snapshot(&self.names)
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
