//! Playback benchmark (plain `main`, no harness): what the page computes per animation frame
//! while it plays the forgotten-sender lesson at 10,000 requests (20,001 goroutines at the
//! peak): a snapshot of each side a few events further on, as `Timeline::snapshot_with` makes
//! it for the map, the badges, the gauges and the charts; and the time to fold the run into a
//! seekable timeline (checkpoints included), as the page does while it decodes a run. Run:
//! `cargo bench -p lessons --bench playback`.

use std::time::Instant;

use lessons::golite::{self, RunOptions};
use lessons::runtime::{Progress, Seeker, Timeline};

fn timeline(src: &str) -> Timeline {
    let opts = RunOptions {
        params: vec![("requests".into(), "10000".into())],
        ..RunOptions::default()
    };
    let program = golite::compile("bad.go", src, &opts.params).expect("the lesson compiles");
    let mut rt = golite::start(&program, &opts);
    while rt.run_slice(1_000_000) == Progress::Running {}
    let events = rt.take_events();
    let start = Instant::now();
    let t = Timeline::from_events(events);
    println!(
        "timeline of {} events folded in {:.1} ms",
        t.len(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    t
}

fn main() {
    let lesson = lessons::catalog::get("forgotten-sender").expect("the lesson exists");
    for (side, src) in [("bad", lesson.bad_go), ("good", lesson.good_go)] {
        let t = timeline(src);
        // Around the peak: the frames a learner watches longest.
        let (from, frames, per_frame) = (t.len() / 4, 300, 200);
        let mut seeker = Seeker::default();
        let mut live = 0;
        let start = Instant::now();
        for f in 0..frames {
            let s = t.snapshot_with(&mut seeker, from + f * per_frame);
            live += s.goroutines.len();
        }
        let per = start.elapsed().as_secs_f64() * 1000.0 / frames as f64;
        println!(
            "{side}: {per:.3} ms per frame snapshot ({} events, {} goroutines on average)",
            t.len(),
            live / frames
        );
    }
}
