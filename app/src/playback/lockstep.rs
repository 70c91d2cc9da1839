//! The lockstep cursor: one position over both sides' events, so one control bar drives both
//! programs and they stay comparable in virtual time.
//!
//! The two event streams are merged by virtual time. Within one instant the sides take turns,
//! one event each, so even a run that deadlocks at t = 0 can be stepped through event by event.
//! Position `k` (0..=len) means "the first `k` merged events are shown"; [`Lockstep::split`] says
//! how many events of each side that is.

/// The merged order of two runs' events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lockstep {
    /// `bad_before[k]`: how many of the first `k` merged events are the bad side's.
    bad_before: Vec<u32>,
    /// Virtual time of each merged event.
    times: Vec<i64>,
}

impl Lockstep {
    /// Merges two non-decreasing sequences of event times (bad first on ties, then alternating).
    pub fn new(bad: &[i64], good: &[i64]) -> Self {
        let n = bad.len() + good.len();
        let mut bad_before = Vec::with_capacity(n + 1);
        let mut times = Vec::with_capacity(n);
        bad_before.push(0u32);
        let (mut b, mut g) = (0usize, 0usize);
        let mut last_bad = false;
        while b + g < n {
            let take_bad = match (bad.get(b), good.get(g)) {
                (Some(tb), Some(tg)) if tb == tg => !last_bad,
                (Some(tb), Some(tg)) => tb < tg,
                (Some(_), None) => true,
                _ => false,
            };
            if take_bad {
                times.push(bad[b]);
                b += 1;
            } else {
                times.push(good[g]);
                g += 1;
            }
            last_bad = take_bad;
            bad_before.push(u32::try_from(b).unwrap_or(u32::MAX));
        }
        Lockstep { bad_before, times }
    }

    /// Number of merged events; positions run from 0 to this, inclusive.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// True when neither side has an event.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// Events shown of (bad, good) at position `k` (clamped to the end).
    pub fn split(&self, k: usize) -> (usize, usize) {
        let k = k.min(self.len());
        let b = self.bad_before[k] as usize;
        (b, k - b)
    }

    /// Virtual time at position `k`: that of the last event shown, 0 before any.
    pub fn time_at(&self, k: usize) -> i64 {
        match k.min(self.len()) {
            0 => 0,
            k => self.times[k - 1],
        }
    }

    /// Virtual time from the last shown event at position `k` to the next one; `None` at the end.
    pub fn gap_after(&self, k: usize) -> Option<i64> {
        let next = *self.times.get(k)?;
        Some(next - self.time_at(k))
    }

    /// How many events from position `k` on are due by virtual time `t`.
    pub fn due_by(&self, k: usize, t: i64) -> usize {
        let k = k.min(self.len());
        self.times[k..].partition_point(|x| *x <= t)
    }

    /// Virtual time at the end of both runs.
    pub fn end_time(&self) -> i64 {
        self.time_at(self.len())
    }

    /// The position of `fraction` (0..=1) of the way through, for keeping the scrubber's relative
    /// place when a re-run changes the length.
    pub fn at_fraction(&self, fraction: f64) -> usize {
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            1.0
        };
        ((self.len() as f64) * f).round() as usize
    }

    /// One frame of playback. The clock advances by `advance_ns` of virtual time from
    /// `clock_ns`; events up to the new clock are revealed, but at most `burst` of them, so an
    /// instant with many events is paced through rather than skipped. Returns the new position
    /// and clock (held at the last shown event while a burst is still being paced).
    pub fn play_frame(
        &self,
        k: usize,
        clock_ns: i64,
        advance_ns: i64,
        burst: usize,
    ) -> (usize, i64) {
        let k = k.min(self.len());
        let target = clock_ns.saturating_add(advance_ns.max(0));
        let due = self.times[k..].partition_point(|t| *t <= target);
        if due > burst.max(1) {
            let k2 = k + burst.max(1);
            (k2, self.time_at(k2).max(clock_ns))
        } else {
            (k + due, target)
        }
    }
}

/// How many events one frame of playback may reveal: enough that a long run plays in about
/// ten seconds at 60 frames per second, and at least one.
pub fn burst_for(len: usize) -> usize {
    (len / 600).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_merge_by_time() {
        let l = Lockstep::new(&[0, 10, 30], &[5, 20]);
        let order: Vec<(usize, usize)> = (0..=5).map(|k| l.split(k)).collect();
        assert_eq!(order, [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (3, 2)]);
    }

    #[test]
    fn within_one_instant_the_sides_alternate_bad_first() {
        let l = Lockstep::new(&[0, 0, 0], &[0, 0]);
        let order: Vec<(usize, usize)> = (0..=5).map(|k| l.split(k)).collect();
        assert_eq!(order, [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (3, 2)]);
    }

    #[test]
    fn split_clamps_past_the_end() {
        let l = Lockstep::new(&[1], &[2, 3]);
        assert_eq!(l.split(99), (1, 2));
    }

    #[test]
    fn time_at_is_the_last_shown_events_time() {
        let l = Lockstep::new(&[0, 10], &[5]);
        assert_eq!(
            (l.time_at(0), l.time_at(2), l.time_at(3), l.end_time()),
            (0, 5, 10, 10)
        );
    }

    #[test]
    fn one_side_empty_is_just_the_other() {
        let l = Lockstep::new(&[], &[4, 4]);
        assert_eq!((l.len(), l.split(1), l.split(2)), (2, (0, 1), (0, 2)));
    }

    #[test]
    fn at_fraction_rounds_to_a_position() {
        let l = Lockstep::new(&[0; 7], &[0; 3]);
        assert_eq!(
            (l.at_fraction(0.0), l.at_fraction(0.26), l.at_fraction(1.0)),
            (0, 3, 10)
        );
    }

    #[test]
    fn a_frame_reveals_the_events_up_to_the_advanced_clock() {
        let l = Lockstep::new(&[0, 10, 30], &[5, 20]);
        assert_eq!(l.play_frame(0, 0, 12, 10), (3, 12));
    }

    #[test]
    fn a_frame_without_due_events_only_moves_the_clock() {
        let l = Lockstep::new(&[100], &[]);
        assert_eq!(l.play_frame(0, 0, 40, 10), (0, 40));
    }

    #[test]
    fn a_crowded_instant_is_paced_by_the_burst_and_holds_the_clock() {
        let l = Lockstep::new(&[0, 50, 50, 50, 50], &[]);
        assert_eq!(l.play_frame(1, 40, 20, 2), (3, 50));
        assert_eq!(l.play_frame(3, 50, 20, 2), (5, 70));
    }

    #[test]
    fn burst_is_at_least_one() {
        assert_eq!((burst_for(0), burst_for(599), burst_for(6000)), (1, 1, 10));
    }
}
