//! Playback over a finished pair of runs: the cursor position, the virtual clock and the speed.
//! Pure state and arithmetic, so every move the control bar, the keyboard or a host page makes is
//! tested natively; the page only stores a [`Cursor`] in a signal.

use crate::playback::lockstep::Lockstep;

/// Playback speeds, in nanoseconds of virtual time per real second.
pub const SPEEDS_NS: [i64; 12] = [
    1_000_000,
    5_000_000,
    10_000_000,
    25_000_000,
    50_000_000,
    100_000_000,
    250_000_000,
    500_000_000,
    1_000_000_000,
    2_000_000_000,
    5_000_000_000,
    10_000_000_000,
];

/// How long a whole run should take to play at the automatic speed, in real seconds.
const PLAY_SECONDS: f64 = 8.0;

/// A stretch of virtual time with no event plays in at most this many real milliseconds at any
/// speed: a run that ends with `time.Sleep(time.Second)` would otherwise show nothing changing
/// for most of its playback. The clock still shows the real virtual time.
pub const IDLE_GAP_MS: f64 = 300.0;

/// Real seconds the events of crowded instants take at most in all, whatever the frame rate:
/// each frame reveals at most its share of them.
const BURST_SECONDS: f64 = 6.0;

/// The longest real time one event of a crowded instant waits (tiny runs).
const MAX_EVENT_MS: f64 = 200.0;

/// The frame length [`play_seconds`] assumes (60 frames per second).
const FRAME_MS: f64 = 1000.0 / 60.0;

/// The speed (an index into [`SPEEDS_NS`]) at which the run plays in about eight seconds, idle
/// gaps compressed: the preset whose playback time (simulated frame by frame, as the page plays
/// it) is closest to that.
pub fn auto_speed(l: &Lockstep) -> usize {
    let mut best = (f64::INFINITY, SPEEDS_NS.len() / 2);
    for (i, speed) in SPEEDS_NS.iter().enumerate() {
        let off = (play_seconds(l, *speed) - PLAY_SECONDS).abs();
        if off < best.0 {
            best = (off, i);
        }
    }
    best.1
}

/// Real seconds a whole run takes to play at `speed_ns`, at 60 frames per second (at most 60).
pub fn play_seconds(l: &Lockstep, speed_ns: i64) -> f64 {
    let mut c = Cursor::at(l, 0).play(l);
    let mut frames = 0u32;
    while c.playing && frames < 3600 {
        c = c.frame(l, FRAME_MS, speed_ns);
        frames += 1;
    }
    f64::from(frames) * FRAME_MS / 1000.0
}

/// Where playback stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Merged events shown (0..=len).
    pub pos: usize,
    /// Virtual time of the playback clock: at least the time of the last shown event.
    pub clock_ns: i64,
    /// Whether the animation is running.
    pub playing: bool,
    /// Real time (µs) carried over toward revealing the next event of a crowded instant, so
    /// instants are paced in real time even when that is slower than one event per frame.
    pub owed_us: u32,
}

impl Cursor {
    /// The cursor at position `pos`, paused, its clock at that position's time.
    pub fn at(l: &Lockstep, pos: usize) -> Self {
        let pos = pos.min(l.len());
        Cursor {
            pos,
            clock_ns: l.time_at(pos),
            playing: false,
            owed_us: 0,
        }
    }

    /// True at the last position (where the verdict shows).
    pub fn at_end(&self, l: &Lockstep) -> bool {
        self.pos >= l.len()
    }

    /// One event forward, paused.
    pub fn step(self, l: &Lockstep) -> Self {
        Cursor::at(l, self.pos.saturating_add(1))
    }

    /// One event back, paused.
    pub fn step_back(self, l: &Lockstep) -> Self {
        Cursor::at(l, self.pos.saturating_sub(1))
    }

    /// Starts playing; from the end it starts over, as a media player does.
    pub fn play(self, l: &Lockstep) -> Self {
        let from = if self.at_end(l) {
            Cursor::at(l, 0)
        } else {
            self
        };
        Cursor {
            playing: !l.is_empty(),
            ..from
        }
    }

    /// Stops playing where it is.
    pub fn pause(self) -> Self {
        Cursor {
            playing: false,
            ..self
        }
    }

    /// Advances a playing cursor by one animation frame of `dt_ms` real milliseconds at
    /// `speed_ns` virtual nanoseconds per real second; it stops at the end.
    pub fn frame(self, l: &Lockstep, dt_ms: f64, speed_ns: i64) -> Self {
        if !self.playing {
            return self;
        }
        // Frames longer than 100 ms (a background tab) do not jump the run forward.
        let dt = dt_ms.clamp(0.0, 100.0);
        let mut speed = speed_ns as f64;
        // Idle compression: across a gap that would take longer than IDLE_GAP_MS to play, the
        // clock runs fast enough to cross it in that time.
        if let Some(gap) = l.gap_after(self.pos) {
            let gap_ms = gap as f64 * 1000.0 / speed.max(1.0);
            if gap_ms > IDLE_GAP_MS {
                speed = gap as f64 * 1000.0 / IDLE_GAP_MS;
            }
        }
        let advance = (speed * dt / 1000.0).round() as i64;
        let target = self.clock_ns.saturating_add(advance.max(0));
        let due = l.due_by(self.pos, target);
        if due == 0 {
            return Cursor {
                clock_ns: target,
                owed_us: 0,
                ..self
            };
        }
        // The first event due is shown at once when the clock reached a new instant; the rest
        // of a crowded instant (and of a frame that passed several) at `rate` events per real
        // millisecond: a run's crowded instants take about BURST_SECONDS in all, whatever the
        // frame rate, and at most MAX_EVENT_MS an event.
        let rate = (l.len() as f64 / (BURST_SECONDS * 1000.0)).max(1.0 / MAX_EVENT_MS);
        let fresh = self.pos == 0 || l.gap_after(self.pos).is_some_and(|g| g > 0);
        let owed = f64::from(self.owed_us) / 1000.0 + dt;
        let budget = (owed * rate).floor() as usize;
        let n = due.min(usize::from(fresh) + budget);
        let pos = self.pos + n;
        let end = pos >= l.len();
        let (clock_ns, owed_us) = if end {
            (l.end_time(), 0)
        } else if n == due {
            (target, 0)
        } else {
            // Held at the last event shown until the instant is paced through.
            let left = (owed - (n - usize::from(fresh)) as f64 / rate).max(0.0);
            (l.time_at(pos).max(self.clock_ns), (left * 1000.0) as u32)
        };
        Cursor {
            pos,
            clock_ns,
            playing: !end,
            owed_us,
        }
    }
}

/// How often playback rewrites the URL's `step`, in real milliseconds: often enough that a URL
/// copied mid-play shows about what is on screen, rarely enough not to flood the history API.
pub const URL_EVERY_MS: f64 = 500.0;

/// Rate-limits a repeated action (the URL rewrite during playback) to once per interval.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Throttle {
    last_ms: Option<f64>,
}

impl Throttle {
    /// True (and the interval restarts) when at least `every_ms` passed since the last time this
    /// returned true, or the first time; false otherwise.
    pub fn due(&mut self, now_ms: f64, every_ms: f64) -> bool {
        match self.last_ms {
            Some(last) if now_ms - last < every_ms => false,
            _ => {
                self.last_ms = Some(now_ms);
                true
            }
        }
    }

    /// Starts the interval over at `now_ms` (after the action ran by another path).
    pub fn restart(&mut self, now_ms: f64) {
        self.last_ms = Some(now_ms);
    }
}

/// A slider's scale for a parameter: linear for small ranges, logarithmic for ranges spanning
/// more than two orders of magnitude (1..10000 requests), so every decade gets the same travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliderScale {
    /// Lowest value.
    pub lo: i64,
    /// Highest value.
    pub hi: i64,
}

/// Slider positions run from 0 to this.
pub const SLIDER_STEPS: i64 = 1000;

impl SliderScale {
    /// True when the slider is logarithmic.
    pub fn is_log(&self) -> bool {
        self.lo > 0 && self.hi / self.lo > 100
    }

    /// The slider's `max`: the value range itself when linear, [`SLIDER_STEPS`] when logarithmic.
    pub fn max_position(&self) -> i64 {
        if self.is_log() { SLIDER_STEPS } else { self.hi }
    }

    /// The slider's `min`.
    pub fn min_position(&self) -> i64 {
        if self.is_log() { 0 } else { self.lo }
    }

    /// The value at slider position `p`.
    pub fn value(&self, p: i64) -> i64 {
        if !self.is_log() {
            return p.clamp(self.lo, self.hi);
        }
        let f = (p.clamp(0, SLIDER_STEPS) as f64) / (SLIDER_STEPS as f64);
        let (lo, hi) = (self.lo as f64, self.hi as f64);
        ((lo * (hi / lo).powf(f)).round() as i64).clamp(self.lo, self.hi)
    }

    /// The slider position showing value `v`.
    pub fn position(&self, v: i64) -> i64 {
        if !self.is_log() {
            return v.clamp(self.lo, self.hi);
        }
        let v = v.clamp(self.lo, self.hi) as f64;
        let (lo, hi) = (self.lo as f64, self.hi as f64);
        ((v / lo).ln() / (hi / lo).ln() * SLIDER_STEPS as f64).round() as i64
    }
}

/// Virtual time in the unit a reader expects: `0`, `750µs`, `50ms`, `1.05s`.
pub fn format_time(ns: i64) -> String {
    let a = ns.unsigned_abs();
    let (v, unit) = if a >= 1_000_000_000 {
        (ns as f64 / 1e9, "s")
    } else if a >= 1_000_000 {
        (ns as f64 / 1e6, "ms")
    } else if a >= 1_000 {
        (ns as f64 / 1e3, "µs")
    } else {
        return format!("{ns}ns");
    };
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    format!("{s}{unit}")
}

/// Bytes the way Go developers read them: `512 B`, `1.5 KiB`, `43.5 MiB`.
pub fn format_bytes(b: u64) -> String {
    const K: f64 = 1024.0;
    let f = b as f64;
    if f < K {
        format!("{b} B")
    } else if f < K * K {
        format!("{:.1} KiB", f / K)
    } else if f < K * K * K {
        format!("{:.1} MiB", f / (K * K))
    } else {
        format!("{:.1} GiB", f / (K * K * K))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Lockstep {
        // bad: events at 0, 10ms, 30ms; good: 5ms, 20ms.
        Lockstep::new(&[0, 10_000_000, 30_000_000], &[5_000_000, 20_000_000])
    }

    #[test]
    fn throttle_fires_first_then_once_per_interval() {
        let mut t = Throttle::default();
        let fired: Vec<f64> = [0.0, 16.0, 499.0, 500.0, 520.0, 999.0, 1000.0]
            .into_iter()
            .filter(|now| t.due(*now, 500.0))
            .collect();
        assert_eq!(fired, [0.0, 500.0, 1000.0]);
    }

    #[test]
    fn throttle_restart_starts_the_interval_over() {
        let mut t = Throttle::default();
        t.restart(100.0);
        assert!(!t.due(599.0, 500.0));
        assert!(t.due(600.0, 500.0));
    }

    #[test]
    fn step_moves_one_event_and_pauses() {
        let l = run();
        let c = Cursor {
            pos: 1,
            clock_ns: 0,
            playing: true,
            owed_us: 0,
        }
        .step(&l);
        assert_eq!(
            c,
            Cursor {
                pos: 2,
                clock_ns: 5_000_000,
                playing: false,
                owed_us: 0
            }
        );
    }

    #[test]
    fn step_stops_at_both_ends() {
        let l = run();
        assert_eq!(Cursor::at(&l, 5).step(&l).pos, 5);
        assert_eq!(Cursor::at(&l, 0).step_back(&l).pos, 0);
    }

    #[test]
    fn step_back_then_step_returns_to_the_same_cursor() {
        let l = run();
        let c = Cursor::at(&l, 3);
        assert_eq!(c.step_back(&l).step(&l), c);
    }

    #[test]
    fn play_from_the_end_starts_over() {
        let l = run();
        assert_eq!(
            Cursor::at(&l, 5).play(&l),
            Cursor {
                pos: 0,
                clock_ns: 0,
                playing: true,
                owed_us: 0
            }
        );
    }

    #[test]
    fn play_on_an_empty_run_does_not_start() {
        let l = Lockstep::new(&[], &[]);
        assert!(!Cursor::default().play(&l).playing);
    }

    #[test]
    fn a_frame_advances_the_clock_by_speed_times_real_time() {
        let l = run();
        // 4 ms of real time at 1 s/s is 4 ms of virtual time: no event is due yet.
        let c = Cursor::at(&l, 1).play(&l).frame(&l, 4.0, 1_000_000_000);
        assert_eq!(
            c,
            Cursor {
                pos: 1,
                clock_ns: 4_000_000,
                playing: true,
                owed_us: 0
            }
        );
        // 2 ms more reaches the good side's event at 5 ms.
        let c = c.frame(&l, 2.0, 1_000_000_000);
        assert_eq!(
            c,
            Cursor {
                pos: 2,
                clock_ns: 6_000_000,
                playing: true,
                owed_us: 0
            }
        );
    }

    #[test]
    fn a_frame_reveals_at_most_one_burst_and_holds_the_clock() {
        let l = run();
        // Everything is due, but a 5-event run shows the new instant's event and carries the
        // frame's time toward the next one.
        let c = Cursor::at(&l, 1).play(&l).frame(&l, 16.0, 10_000_000_000);
        assert_eq!(
            c,
            Cursor {
                pos: 2,
                clock_ns: 5_000_000,
                playing: true,
                owed_us: 16_000
            }
        );
    }

    #[test]
    fn frames_stop_at_the_end_at_the_end_time() {
        let l = run();
        let mut c = Cursor::at(&l, 0).play(&l);
        for _ in 0..5 {
            c = c.frame(&l, 16.0, 10_000_000_000);
        }
        assert_eq!(
            c,
            Cursor {
                pos: 5,
                clock_ns: 30_000_000,
                playing: false,
                owed_us: 0
            }
        );
    }

    #[test]
    fn a_long_frame_is_capped_at_100ms() {
        let l = Lockstep::new(&[0, 20_000_000], &[]);
        let c = Cursor::at(&l, 1).play(&l).frame(&l, 5000.0, 100_000_000);
        assert_eq!(c.clock_ns, 10_000_000);
    }

    #[test]
    fn a_paused_cursor_ignores_frames() {
        let l = run();
        let c = Cursor::at(&l, 2);
        assert_eq!(c.frame(&l, 16.0, 1_000_000_000), c);
    }

    #[test]
    fn auto_speed_plays_a_run_in_about_eight_seconds() {
        // Forty events 10 ms apart, then a second of nothing (the forgotten sender's shape).
        let mut times: Vec<i64> = (0..40).map(|i| i * 10_000_000).collect();
        times.push(1_400_000_000);
        let l = Lockstep::new(&times, &[]);
        let s = play_seconds(&l, SPEEDS_NS[auto_speed(&l)]);
        assert!((5.0..=15.0).contains(&s), "{s}");
    }

    #[test]
    fn a_crowded_instant_is_paced_in_real_time_whatever_the_frame_rate() {
        // 600 events at one instant take about BURST_SECONDS at 60 and at 20 frames a second.
        let l = Lockstep::new(&[0; 600], &[]);
        for dt in [1000.0 / 60.0, 50.0] {
            let mut c = Cursor::at(&l, 0).play(&l);
            let mut ms = 0.0;
            while c.playing {
                c = c.frame(&l, dt, SPEEDS_NS[0]);
                ms += dt;
            }
            assert!((ms / 1000.0 - BURST_SECONDS).abs() < 0.2, "{ms} ms at {dt}");
        }
    }

    #[test]
    fn every_lesson_plays_in_5_to_15_seconds_at_its_default_speed() {
        let mut report = Vec::new();
        for l in lessons::catalog::all() {
            let mut job = crate::playback::engine::Job::new(
                l.bad_go,
                l.good_go,
                Vec::new(),
                l.seed,
                l.preempt_every,
            );
            while !job.work(1_000_000) {}
            let Some(sides) = job.finish() else {
                panic!("{} did not finish", l.slug)
            };
            let times = |r: &crate::playback::engine::SideRun| -> Vec<i64> {
                r.timeline.events().iter().map(|e| e.time_ns).collect()
            };
            let lock = Lockstep::new(&times(&sides[0]), &times(&sides[1]));
            let speed = auto_speed(&lock);
            let s = play_seconds(&lock, SPEEDS_NS[speed]);
            report.push(format!(
                "{:02} {}: {} events, {} at {}/s: {s:.1} s",
                l.number,
                l.slug,
                lock.len(),
                format_time(lock.end_time()),
                format_time(SPEEDS_NS[speed])
            ));
            assert!(
                (5.0..=15.0).contains(&s),
                "{}",
                report.join(
                    "
"
                )
            );
        }
        println!(
            "{}",
            report.join(
                "
"
            )
        );
    }

    #[test]
    fn an_idle_gap_plays_in_a_fixed_short_time_whatever_the_speed() {
        // One event, a virtual hour of nothing, one event.
        let l = Lockstep::new(&[0, 3_600_000_000_000], &[]);
        for speed in [SPEEDS_NS[0], SPEEDS_NS[5]] {
            let s = play_seconds(&l, speed);
            assert!(s <= (IDLE_GAP_MS + 100.0) / 1000.0, "{s} s at {speed}");
        }
        // The clock crosses the gap: mid-gap it shows virtual time in between.
        let c = Cursor::at(&l, 1).play(&l).frame(&l, 100.0, SPEEDS_NS[0]);
        assert!(
            c.clock_ns > 1_000_000_000_000 && c.clock_ns < 3_600_000_000_000,
            "{c:?}"
        );
        assert_eq!(c.pos, 1);
    }

    #[test]
    fn a_faster_speed_never_plays_slower() {
        let times: Vec<i64> = (0..200).map(|i| i * 3_000_000).collect();
        let l = Lockstep::new(&times, &[]);
        let secs: Vec<f64> = SPEEDS_NS.iter().map(|s| play_seconds(&l, *s)).collect();
        assert!(secs.windows(2).all(|w| w[1] <= w[0]), "{secs:?}");
    }

    #[test]
    fn small_ranges_get_a_linear_slider() {
        let s = SliderScale { lo: 1, hi: 100 };
        assert!(!s.is_log());
        assert_eq!(
            (
                s.min_position(),
                s.max_position(),
                s.value(37),
                s.position(37)
            ),
            (1, 100, 37, 37)
        );
    }

    #[test]
    fn wide_ranges_get_a_log_slider_that_hits_both_ends() {
        let s = SliderScale { lo: 1, hi: 10_000 };
        assert!(s.is_log());
        assert_eq!(
            (s.value(0), s.value(250), s.value(500), s.value(1000)),
            (1, 10, 100, 10_000)
        );
        assert_eq!(
            (s.position(1), s.position(100), s.position(10_000)),
            (0, 500, 1000)
        );
    }

    #[test]
    fn a_zero_low_end_stays_linear() {
        assert!(!SliderScale { lo: 0, hi: 100_000 }.is_log());
    }

    #[test]
    fn times_read_in_their_unit() {
        let got: Vec<String> = [0, 750_000, 50_000_000, 1_050_000_000, 999]
            .map(format_time)
            .into();
        assert_eq!(got, ["0ns", "750µs", "50ms", "1.05s", "999ns"]);
    }

    #[test]
    fn bytes_read_in_binary_units() {
        let got: Vec<String> = [512, 1536, 45_613_056].map(format_bytes).into();
        assert_eq!(got, ["512 B", "1.5 KiB", "43.5 MiB"]);
    }
}
