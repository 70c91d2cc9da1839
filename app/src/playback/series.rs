//! Chart data: goroutines by state family and the modeled heap over virtual time, folded from a
//! run's events once (the charts then only move a cursor over it).

use lessons::runtime::{Event, EventKind, GState};

/// The colour families the map, the legend and the charts share. Go's fourteen states are
/// too many colours to tell apart; these are the distinctions a learner needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// Running or runnable: doing work.
    Running,
    /// Parked on a channel operation or a select.
    Chan,
    /// Sleeping until a timer.
    Sleep,
    /// Waiting on a mutex, WaitGroup or Cond.
    Sync,
    /// Parked on a nil channel or an empty select: nothing can ever wake it.
    Forever,
}

impl Family {
    /// All families, in stacking and legend order.
    pub const ALL: [Family; 5] = [
        Family::Running,
        Family::Chan,
        Family::Sleep,
        Family::Sync,
        Family::Forever,
    ];

    /// The family of a goroutine state.
    pub fn of(state: GState) -> Family {
        match state {
            GState::Running | GState::Runnable => Family::Running,
            // A read on the network waits for another goroutine to write, as a receive does; a
            // coroutine switch (iter.Pull) is a receive.
            GState::ChanSend
            | GState::ChanRecv
            | GState::Select
            | GState::IoWait
            | GState::Coroutine => Family::Chan,
            GState::Sleep => Family::Sleep,
            GState::WaitGroupWait
            | GState::MutexLock
            | GState::RwMutexLock
            | GState::RwMutexRLock
            | GState::CondWait => Family::Sync,
            GState::SelectNoCases | GState::ChanSendNil | GState::ChanRecvNil => Family::Forever,
        }
    }

    /// CSS class suffix and legend key.
    pub fn key(self) -> &'static str {
        match self {
            Family::Running => "running",
            Family::Chan => "chan",
            Family::Sleep => "sleep",
            Family::Sync => "sync",
            Family::Forever => "forever",
        }
    }

    /// Legend text.
    pub fn label(self) -> &'static str {
        match self {
            Family::Running => "running / runnable",
            Family::Chan => "chan send / receive / select",
            Family::Sleep => "sleep (timer)",
            Family::Sync => "mutex / WaitGroup / Cond",
            Family::Forever => "nil chan / empty select",
        }
    }

    /// The colour, as RGB; the same in both themes (chosen to read on light and dark).
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Family::Running => [0x2f, 0xb3, 0x5a],
            Family::Chan => [0xf0, 0x8c, 0x1a],
            Family::Sleep => [0x3b, 0x82, 0xf6],
            Family::Sync => [0x9b, 0x5d, 0xe5],
            Family::Forever => [0xe5, 0x48, 0x4d],
        }
    }

    /// The colour as a CSS `#rrggbb` string.
    pub fn css(self) -> String {
        let [r, g, b] = self.rgb();
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// The state of a run after all events up to one instant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Point {
    /// Virtual time.
    pub time_ns: i64,
    /// Live goroutines per family, in [`Family::ALL`] order.
    pub counts: [u32; 5],
    /// Modeled heap bytes.
    pub heap: u64,
}

impl Point {
    /// Live goroutines.
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// A run's chart points: one per instant (the last state at that time), at most [`MAX_POINTS`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Series {
    /// Points by time, starting with the empty state at t = 0.
    pub points: Vec<Point>,
    /// Most goroutines alive at once.
    pub peak_goroutines: u32,
    /// Largest modeled heap.
    pub peak_heap: u64,
}

/// Upper bound on points per series: more than a chart's pixels never shows more.
pub const MAX_POINTS: usize = 800;

/// Folds a run's events into chart points.
pub fn fold(events: &[Event]) -> Series {
    let mut family: Vec<Option<Family>> = Vec::new();
    let mut cur = Point::default();
    let mut points = vec![cur];
    let mut peak_goroutines = 0;
    let mut peak_heap = 0;
    let index_of = |f: Family| Family::ALL.iter().position(|x| *x == f).unwrap_or(0);
    for (i, e) in events.iter().enumerate() {
        let mut set = |gid: usize, to: Option<Family>, cur: &mut Point| {
            if family.len() <= gid {
                family.resize(gid + 1, None);
            }
            if let Some(old) = family[gid] {
                cur.counts[index_of(old)] -= 1;
            }
            if let Some(new) = to {
                cur.counts[index_of(new)] += 1;
            }
            family[gid] = to;
        };
        match &e.kind {
            EventKind::Spawn { child, .. } => set(child.index(), Some(Family::Running), &mut cur),
            EventKind::Block { state, .. } => {
                set(e.gid.index(), Some(Family::of(*state)), &mut cur)
            }
            EventKind::Unblock => set(e.gid.index(), Some(Family::Running), &mut cur),
            EventKind::Exit => set(e.gid.index(), None, &mut cur),
            EventKind::Alloc { bytes } => cur.heap += bytes,
            EventKind::Free { bytes } => cur.heap = cur.heap.saturating_sub(*bytes),
            _ => {}
        }
        cur.time_ns = e.time_ns;
        peak_goroutines = peak_goroutines.max(cur.total());
        peak_heap = peak_heap.max(cur.heap);
        let instant_ends = events.get(i + 1).is_none_or(|n| n.time_ns != e.time_ns);
        if instant_ends {
            match points.last_mut() {
                Some(last) if last.time_ns == cur.time_ns => *last = cur,
                _ => points.push(cur),
            }
        }
    }
    Series {
        points: thin(points, MAX_POINTS),
        peak_goroutines,
        peak_heap,
    }
}

/// Keeps at most `max` points, spread evenly, always keeping the first and the last.
fn thin(points: Vec<Point>, max: usize) -> Vec<Point> {
    if points.len() <= max || max < 2 {
        return points;
    }
    let n = points.len();
    (0..max).map(|i| points[i * (n - 1) / (max - 1)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::runtime::{ChanId, Gid};

    fn ev(time_ns: i64, gid: u32, kind: EventKind) -> Event {
        Event {
            step: 0,
            time_ns,
            gid: Gid(gid),
            line: 1,
            kind,
        }
    }

    fn spawn(t: i64, parent: u32, child: u32) -> Event {
        ev(
            t,
            parent,
            EventKind::Spawn {
                child: Gid(child),
                name: "f".into(),
            },
        )
    }

    fn block(t: i64, gid: u32, state: GState) -> Event {
        ev(
            t,
            gid,
            EventKind::Block {
                state,
                on: None,
                cases: None,
            },
        )
    }

    #[test]
    fn one_point_per_instant_holds_the_last_state_of_that_instant() {
        let s = fold(&[
            spawn(0, 0, 1),
            spawn(0, 1, 2),
            block(0, 2, GState::ChanSend),
            ev(10, 1, EventKind::Exit),
        ]);
        assert_eq!(
            s.points
                .iter()
                .map(|p| (p.time_ns, p.counts))
                .collect::<Vec<_>>(),
            [(0, [1, 1, 0, 0, 0]), (10, [0, 1, 0, 0, 0])]
        );
    }

    #[test]
    fn unblock_moves_a_goroutine_back_to_running() {
        let s = fold(&[
            spawn(0, 0, 1),
            block(0, 1, GState::Sleep),
            ev(5, 1, EventKind::Unblock),
        ]);
        assert_eq!(s.points.last().map(|p| p.counts), Some([1, 0, 0, 0, 0]));
    }

    #[test]
    fn heap_follows_alloc_and_free_and_peaks_are_kept() {
        let s = fold(&[
            spawn(0, 0, 1),
            ev(0, 1, EventKind::Alloc { bytes: 100 }),
            ev(1, 1, EventKind::Free { bytes: 60 }),
            ev(
                1,
                1,
                EventKind::Send {
                    chan: ChanId(0),
                    len: 0,
                },
            ),
        ]);
        assert_eq!(
            s.points.iter().map(|p| p.heap).collect::<Vec<_>>(),
            [100, 40]
        );
        assert_eq!((s.peak_heap, s.peak_goroutines), (100, 1));
    }

    #[test]
    fn no_events_is_one_empty_point() {
        assert_eq!(fold(&[]).points, [Point::default()]);
    }

    #[test]
    fn thinning_keeps_first_and_last() {
        let pts: Vec<Point> = (0..10)
            .map(|t| Point {
                time_ns: t,
                ..Point::default()
            })
            .collect();
        let kept: Vec<i64> = thin(pts, 4).iter().map(|p| p.time_ns).collect();
        assert_eq!(kept, [0, 3, 6, 9]);
    }

    #[test]
    fn nil_channel_states_are_the_forever_family() {
        assert_eq!(Family::of(GState::ChanRecvNil), Family::Forever);
        assert_eq!(Family::of(GState::SelectNoCases), Family::Forever);
    }
}
