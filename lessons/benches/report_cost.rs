//! What the end-of-run report costs at 100,001 goroutines (issue 16): lesson 01's bad side with
//! `requests = 50000` leaves 30,000 goroutines parked. Times the run, then each part of
//! `Runtime::report`: the reachability walk (`runtime/reach.rs`), the goroutine stacks
//! (`runtime/dump.rs`) and the whole report, plus the report's JSON, and the live heap each
//! adds (a counting allocator). Run: `cargo bench -p lessons --bench report_cost`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use lessons::golite::{self, RunOptions};
use lessons::runtime::Progress;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() {
    let l = lessons::catalog::get("forgotten-sender").expect("lesson 01");
    // Past the slider's range, as tests/e2e/specs/edit.spec.ts types it.
    let src: String = l
        .bad_go
        .lines()
        .map(|line| {
            if line.starts_with("const requests = ") {
                "const requests = 50000".to_string()
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let program = golite::compile("bad.go", &src, &[]).expect("compiles");
    let opts = RunOptions::default();
    let t = Instant::now();
    let mut rt = golite::start(&program, &opts);
    while rt.run_slice(200_000) == Progress::Running {}
    drop(rt.take_events());
    let live = LIVE.load(Ordering::Relaxed);
    println!("run to the end: {:?}, live heap {}", t.elapsed(), mb(live));
    let t = Instant::now();
    let reach = rt.reachability();
    println!(
        "reachability: {:?}, {} leaked for certain",
        t.elapsed(),
        reach.certain().count()
    );
    let t = Instant::now();
    let stacks = rt.goroutine_stacks(Some(&reach));
    println!(
        "goroutine stacks: {:?}, {} goroutines, +{} live",
        t.elapsed(),
        stacks.len(),
        mb(LIVE.load(Ordering::Relaxed).saturating_sub(live))
    );
    drop(stacks);
    let t = Instant::now();
    let report = rt.report();
    println!(
        "report(): {:?}, {} goroutines in it",
        t.elapsed(),
        report.goroutines.len()
    );
    let t = Instant::now();
    let json = serde_json::to_string(&report).expect("json");
    println!("report JSON: {:?}, {}", t.elapsed(), mb(json.len()));
}
