//! Fix-it challenges (`lessons::catalog::challenge`, issue 21): for every lesson the checker
//! passes the lesson's own fix, fails its anti-pattern for the lesson's reason, and fails a
//! plausible wrong fix (`tests/challenge_wrong/NN-slug.go`, each saying what it gets wrong), each
//! with the exact sentence the learner reads.

use lessons::catalog::challenge::{CheckKind, Exam, Grade, grade, hint_of};
use lessons::catalog::{self, Lesson, harm_of};

fn lesson(dir: &str) -> &'static Lesson {
    catalog::all()
        .iter()
        .find(|l| format!("{:02}-{}", l.number, l.slug) == dir)
        .unwrap_or_else(|| panic!("no lesson {dir}"))
}

fn grade_of(l: &Lesson, src: &str) -> Grade {
    let harm = harm_of(&l.slug).unwrap_or_else(|| panic!("{} has no [harm]", l.slug));
    grade(&Exam::of_lesson(l, harm), src)
}

/// The first failed check's kind and sentence.
fn failure(g: &Grade) -> Option<(CheckKind, String)> {
    g.failure().map(|c| (c.kind, c.en.clone()))
}

/// The anti-pattern's first failure at its defaults: what its `[[expect]]` row says goes wrong.
const BAD: &[(&str, CheckKind, &str)] = &[
    (
        "01-forgotten-sender",
        CheckKind::NoLeak,
        "leaks 6 goroutines at requests=10, timeoutMs=50 (line 27, chan send)",
    ),
    (
        "02-range-never-closed",
        CheckKind::NoLeak,
        "leaks 4 goroutines at workers=4, jobs=20 (line 14, chan receive)",
    ),
    (
        "03-afterfunc-no-cancel",
        CheckKind::NoLeak,
        "leaks 20 goroutines at sessions=20, ttlMs=100 (line 54, chan send)",
    ),
    (
        "04-select-without-done",
        CheckKind::NoLeak,
        "leaks 10 goroutines at requests=10, quotes=3 (line 22, select)",
    ),
    (
        "05-goroutine-in-defer",
        CheckKind::NoLeak,
        "leaks 3 goroutines at requests=10, auditMs=25 (line 20, chan send)",
    ),
    (
        "06-send-on-closed",
        CheckKind::Ends,
        "panics at crawlers=4, pages=3: send on closed channel",
    ),
    (
        "07-unbuffered-deadlock",
        CheckKind::Ends,
        "deadlocks at images=5, buffer=0: all goroutines are asleep",
    ),
    (
        "08-select-default-spin",
        CheckKind::Output,
        "prints something else than the fix at batch=8, queueSize=4: line 1 is \"processed 11, dropped 13, idle polls 1\", the fix prints \"processed 24, dropped 0, idle polls 0\"",
    ),
    (
        "09-closed-channel-zero-values",
        CheckKind::Output,
        "prints something else than the fix at probes=10, failures=3: line 1 is \"10 samples, average 20 ms\", the fix prints \"7 samples, average 29 ms\"",
    ),
    (
        "10-channel-as-lock",
        CheckKind::Ends,
        "deadlocks at orders=20, workers=4: all goroutines are asleep",
    ),
    (
        "11-time-after-in-loop",
        CheckKind::Output,
        "prints something else than the fix at messages=20, budgetMs=55: line 1 is \"handled 20 messages in 255 ms\", the fix prints \"handled 5 messages in 55 ms\"",
    ),
    (
        "12-context-not-propagated",
        CheckKind::Output,
        "prints something else than the fix at steps=10, clientTimeoutMs=95: line 2 is \"handler returned <nil> after 10 of 10 query steps\", the fix prints \"handler returned context deadline exceeded after 4 of 10 query steps\"",
    ),
    (
        "13-timeout-not-reaching-io",
        CheckKind::Output,
        "prints something else than the fix at requests=30, poolSize=4, hung=4: line 1 is \"0 of 30 requests answered in time\", the fix prints \"26 of 30 requests answered in time\"",
    ),
    (
        "14-cancel-never-called",
        CheckKind::NoLeak,
        "leaks 10 goroutines at requests=10, useMs=100 (line 31, select)",
    ),
    (
        "15-racy-counter",
        CheckKind::NoRace,
        "has a data race at workers=4, viewsPerWorker=1000: read at line 19 and write at line 19",
    ),
    (
        "16-waitgroup-add-inside",
        CheckKind::NoLeak,
        "leaks 10 goroutines at files=10, rateMs=20 (line 27, chan receive)",
    ),
    (
        "17-global-lock-slow-work",
        CheckKind::Harm,
        "time queued on mutexes is 2.25 s at requests=10, loadMs=50, the fix's 0 s: too much more than the fix",
    ),
    (
        "18-worker-without-recover",
        CheckKind::Ends,
        "panics at records=20, workers=4: runtime error: index out of range [3] with length 3 [recovered, repanicked]",
    ),
    (
        "19-unbounded-goroutines",
        CheckKind::Harm,
        "peak goroutines is 501 at requests=500, workers=8, the fix's 9: too much more than the fix",
    ),
    (
        "20-breaker-error-equality",
        CheckKind::Output,
        "prints something else than the fix at requests=50, threshold=5: line 1 is \"50 requests, 0 failed fast, took 10000 ms\", the fix prints \"50 requests, 45 failed fast, took 1000 ms\"",
    ),
    (
        "21-body-not-closed",
        CheckKind::Harm,
        "peak goroutines is 15 at requests=20, maxConns=4, the fix's 6: too much more than the fix",
    ),
    (
        "22-defer-in-loop",
        CheckKind::Output,
        "prints something else than the fix at files=100, maxOpen=64: line 1 is \"compacted 64 of 100 files, peak 64 open\", the fix prints \"compacted 100 of 100 files, peak 1 open\"",
    ),
    (
        "23-append-without-prealloc",
        CheckKind::Output,
        "prints something else than the fix at rows=10000: line 2 is \"19 arrays allocated, 1109952 bytes in total for 240000 bytes of rows\", the fix prints \"1 arrays allocated, 240000 bytes in total for 240000 bytes of rows\"",
    ),
    (
        "24-read-all-vs-stream",
        CheckKind::Harm,
        "peak heap is 2.9 MiB at uploads=4, payloadKB=512, the fix's 498 KiB: too much more than the fix",
    ),
    (
        "25-loop-variable-capture",
        CheckKind::Output,
        "prints something else than the fix at users=5: line 1 is \"emailed 1 of 5 users\", the fix prints \"emailed 5 of 5 users\"",
    ),
    (
        "26-ticker-never-stopped",
        CheckKind::Harm,
        "heap still held at the end is 3.6 KiB at requests=20, the fix's 0 B: too much more than the fix",
    ),
    (
        "27-unlock-on-error-path",
        CheckKind::NoLeak,
        "leaks 7 goroutines at requests=10, invalidAt=3 (line 24, sync.Mutex.Lock)",
    ),
    (
        "28-errgroup-without-cancel",
        CheckKind::Output,
        "prints something else than the fix at shards=8, chunks=10, failAtMs=30: line 1 is \"search failed after 200 ms: shard 0: shard unavailable\", the fix prints \"search failed after 30 ms: shard 0: shard unavailable\"",
    ),
    (
        "29-pool-keeps-huge-buffers",
        CheckKind::Harm,
        "heap still held at the end is 1 MiB at requests=50, bigKB=1024, the fix's 4 KiB: too much more than the fix",
    ),
    (
        "30-error-strings-compared",
        CheckKind::Output,
        "prints something else than the fix at orders=20, throttleEvery=4: line 1 is \"13 loaded, 0 missing, 7 failed\", the fix prints \"18 loaded, 2 missing, 0 failed\"",
    ),
    (
        "31-context-in-struct",
        CheckKind::Output,
        "prints something else than the fix at clients=3, steps=10, clientTimeoutMs=95: line 2 is \"the reports ran 30 of 30 query steps\", the fix prints \"the reports ran 12 of 30 query steps\"",
    ),
    (
        "32-client-per-request",
        CheckKind::Output,
        "prints something else than the fix at quotes=30: line 1 is \"30 quotes, 30 connections, 92 goroutines\", the fix prints \"30 quotes, 1 connections, 5 goroutines\"",
    ),
    (
        "33-conn-without-deadline",
        CheckKind::NoLeak,
        "leaks 5 goroutines at clients=20, silent=5 (line 35, IO wait)",
    ),
    (
        "34-close-without-shutdown",
        CheckKind::NoLeak,
        "leaks 5 goroutines at orders=5, workMs=200 (line 26, sleep)",
    ),
];

/// The wrong fixes' first failures.
const WRONG: &[(&str, CheckKind, &str)] = &[
    (
        "01-forgotten-sender",
        CheckKind::Ends,
        "panics at requests=10, timeoutMs=50: send on closed channel",
    ),
    (
        "02-range-never-closed",
        CheckKind::NoLeak,
        "leaks 4 goroutines at workers=4, jobs=20 (line 16, sleep)",
    ),
    (
        "03-afterfunc-no-cancel",
        CheckKind::Ends,
        "panics at sessions=20, ttlMs=100: send on closed channel",
    ),
    (
        "04-select-without-done",
        CheckKind::Ends,
        "panics at requests=10, quotes=3: close of closed channel",
    ),
    (
        "05-goroutine-in-defer",
        CheckKind::NoLeak,
        "leaks 10 goroutines at requests=10, auditMs=495 (line 21, chan send)",
    ),
    (
        "06-send-on-closed",
        CheckKind::Ends,
        "panics at crawlers=4, pages=3: send on closed channel",
    ),
    (
        "07-unbuffered-deadlock",
        CheckKind::Ends,
        "deadlocks at images=5, buffer=0: all goroutines are asleep",
    ),
    (
        "08-select-default-spin",
        CheckKind::Output,
        "prints something else than the fix at batch=8, queueSize=4: line 1 is \"processed 11, dropped 13, idle polls 0\", the fix prints \"processed 24, dropped 0, idle polls 0\"",
    ),
    (
        "09-closed-channel-zero-values",
        CheckKind::Ends,
        "deadlocks at probes=10, failures=3: all goroutines are asleep",
    ),
    (
        "10-channel-as-lock",
        CheckKind::Ends,
        "deadlocks at orders=20, workers=4: all goroutines are asleep",
    ),
    (
        "11-time-after-in-loop",
        CheckKind::Output,
        "prints something else than the fix at messages=20, budgetMs=55: line 1 is \"handled 20 messages in 255 ms\", the fix prints \"handled 5 messages in 55 ms\"",
    ),
    (
        "12-context-not-propagated",
        CheckKind::Output,
        "prints something else than the fix at steps=10, clientTimeoutMs=95: line 2 is \"handler returned <nil> after 10 of 10 query steps\", the fix prints \"handler returned context deadline exceeded after 4 of 10 query steps\"",
    ),
    (
        "13-timeout-not-reaching-io",
        CheckKind::Output,
        "prints something else than the fix at requests=30, poolSize=4, hung=4: line 1 is \"0 of 30 requests answered in time\", the fix prints \"26 of 30 requests answered in time\"",
    ),
    (
        "14-cancel-never-called",
        CheckKind::NoLeak,
        "leaks 10 goroutines at requests=10, useMs=100 (line 32, select)",
    ),
    (
        "15-racy-counter",
        CheckKind::NoRace,
        "has a data race at workers=4, viewsPerWorker=1000: write at line 22 and read at line 22",
    ),
    (
        "16-waitgroup-add-inside",
        CheckKind::NoLeak,
        "leaks 10 goroutines at files=10, rateMs=20 (line 29, chan receive)",
    ),
    (
        "17-global-lock-slow-work",
        CheckKind::Harm,
        "time queued on mutexes is 2.25 s at requests=10, loadMs=50, the fix's 0 s: too much more than the fix",
    ),
    (
        "18-worker-without-recover",
        CheckKind::Output,
        "prints something else than the fix at records=20, workers=4: line 1 is \"imported 18 records, 0 failed\", the fix prints \"imported 18 records, 2 failed\"",
    ),
    (
        "19-unbounded-goroutines",
        CheckKind::Ends,
        "panics at requests=500, workers=8: send on closed channel",
    ),
    (
        "20-breaker-error-equality",
        CheckKind::Output,
        "prints something else than the fix at requests=50, threshold=5: line 1 is \"50 requests, 0 failed fast, took 10000 ms\", the fix prints \"50 requests, 45 failed fast, took 1000 ms\"",
    ),
    (
        "21-body-not-closed",
        CheckKind::Harm,
        "peak goroutines is 15 at requests=20, maxConns=4, the fix's 6: too much more than the fix",
    ),
    (
        "22-defer-in-loop",
        CheckKind::Output,
        "prints something else than the fix at files=100, maxOpen=64: line 1 is \"compacted 64 of 100 files, peak 64 open\", the fix prints \"compacted 100 of 100 files, peak 1 open\"",
    ),
    (
        "23-append-without-prealloc",
        CheckKind::Output,
        "prints something else than the fix at rows=10000: line 1 is \"exported 20000 rows (amount 4995000)\", the fix prints \"exported 10000 rows (amount 4995000)\"",
    ),
    (
        "24-read-all-vs-stream",
        CheckKind::Harm,
        "peak heap is 2.9 MiB at uploads=4, payloadKB=512, the fix's 498 KiB: too much more than the fix",
    ),
    (
        "25-loop-variable-capture",
        CheckKind::Output,
        "prints something else than the fix at users=5: line 1 is \"emailed 1 of 5 users\", the fix prints \"emailed 5 of 5 users\"",
    ),
    (
        "26-ticker-never-stopped",
        CheckKind::Harm,
        "heap still held at the end is 3.6 KiB at requests=20, the fix's 0 B: too much more than the fix",
    ),
    (
        "27-unlock-on-error-path",
        CheckKind::Ends,
        "dies at requests=10, invalidAt=3: fatal error: sync: unlock of unlocked mutex",
    ),
    (
        "28-errgroup-without-cancel",
        CheckKind::Output,
        "prints something else than the fix at shards=8, chunks=10, failAtMs=30: line 1 is \"search failed after 200 ms: shard 0: shard unavailable\", the fix prints \"search failed after 30 ms: shard 0: shard unavailable\"",
    ),
    (
        "29-pool-keeps-huge-buffers",
        CheckKind::Harm,
        "heap still held at the end is 1 MiB at requests=50, bigKB=1024, the fix's 4 KiB: too much more than the fix",
    ),
    (
        "30-error-strings-compared",
        CheckKind::Output,
        "prints something else than the fix at orders=20, throttleEvery=4: line 1 is \"13 loaded, 2 missing, 5 failed\", the fix prints \"18 loaded, 2 missing, 0 failed\"",
    ),
    (
        "31-context-in-struct",
        CheckKind::Output,
        "prints something else than the fix at clients=3, steps=10, clientTimeoutMs=95: line 2 is \"the reports ran 30 of 30 query steps\", the fix prints \"the reports ran 12 of 30 query steps\"",
    ),
    (
        "32-client-per-request",
        CheckKind::Output,
        "prints something else than the fix at quotes=30: line 1 is \"30 quotes, 30 connections, 2 goroutines\", the fix prints \"30 quotes, 1 connections, 5 goroutines\"",
    ),
    (
        "33-conn-without-deadline",
        CheckKind::NoLeak,
        "leaks 5 goroutines at clients=20, silent=5 (line 37, IO wait)",
    ),
    (
        "34-close-without-shutdown",
        CheckKind::NoLeak,
        "leaks 5 goroutines at orders=5, workMs=200 (line 27, sleep)",
    ),
];

#[test]
fn every_lesson_has_a_hint_in_both_languages() {
    let mut missing = Vec::new();
    for l in catalog::all() {
        match hint_of(&l.slug) {
            Some(h) if !h.hint.trim().is_empty() && !h.hint_zh.trim().is_empty() => {
                // A hint points toward the fix; it does not paste it.
                assert!(
                    !h.hint.contains('\n') && h.hint.len() < 240,
                    "{}: {}",
                    l.slug,
                    h.hint
                );
            }
            _ => missing.push(l.slug.clone()),
        }
    }
    assert_eq!(missing, Vec::<String>::new());
    assert_eq!(
        hint_of("forgotten-sender").map(|h| h.hint.as_str()),
        Some(
            "The worker's send is the only step that can wait forever. What would let it finish even when nobody is left to receive?"
        )
    );
}

#[test]
fn every_lesson_fix_passes_in_every_case() {
    let mut failed = Vec::new();
    for l in catalog::all() {
        let g = grade_of(l, l.good_go);
        // Every [[expect]] parameter set once, plus the defaults at two more seeds.
        let sets = {
            let mut s: Vec<_> = l.expect.iter().map(|e| &e.params).collect();
            s.dedup();
            s.len()
        };
        if !g.passed || g.cases.len() != g.total || g.total != sets + 2 {
            failed.push(format!(
                "{}: {:?} ({} of {} cases, {} sets)",
                l.slug,
                g.summary().0,
                g.cases.len(),
                g.total,
                sets
            ));
        }
    }
    assert_eq!(failed, Vec::<String>::new());
    assert_eq!(catalog::all().len(), 34);
}

#[test]
fn every_anti_pattern_fails_for_its_lessons_reason() {
    assert_eq!(BAD.len(), 34);
    for &(dir, kind, sentence) in BAD {
        let l = lesson(dir);
        let g = grade_of(l, l.bad_go);
        assert!(!g.passed, "{dir} passed");
        assert_eq!(failure(&g), Some((kind, sentence.to_string())), "{dir}");
        // The reason is the one the lesson's own expectation at the defaults states.
        let row = l
            .expect
            .iter()
            .find(|e| e.params.is_empty())
            .unwrap_or_else(|| panic!("{dir}: no row at the defaults"));
        let expected = match (&row.bad.outcome, row.bad.leaked.as_deref()) {
            (o, _) if o.as_str() != "exit" => vec![CheckKind::Ends],
            (_, Some(l)) if !l.is_empty() => vec![CheckKind::NoLeak],
            _ if l.race => vec![CheckKind::NoRace],
            _ => vec![CheckKind::Output, CheckKind::Harm],
        };
        assert!(
            expected.contains(&kind),
            "{dir}: {kind:?}, expected {expected:?}"
        );
        // It fails at the first case, the defaults, the setting the learner sees.
        assert_eq!(g.cases.len(), 1, "{dir}");
    }
}

#[test]
fn every_plausible_wrong_fix_fails() {
    assert_eq!(WRONG.len(), 34);
    for &(dir, kind, sentence) in WRONG {
        let l = lesson(dir);
        let path = format!(
            "{}/tests/challenge_wrong/{dir}.go",
            env!("CARGO_MANIFEST_DIR")
        );
        let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let g = grade_of(l, &src);
        assert!(!g.passed, "{dir} passed");
        assert_eq!(failure(&g), Some((kind, sentence.to_string())), "{dir}");
    }
}

#[test]
fn a_wrong_fix_that_works_at_the_defaults_fails_at_another_setting() {
    // Sleeping 50 ms before shutdown covers a 25 ms audit store, not a 495 ms one.
    let l = lesson("05-goroutine-in-defer");
    let src = std::fs::read_to_string(format!(
        "{}/tests/challenge_wrong/05-goroutine-in-defer.go",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_default();
    let g = grade_of(l, &src);
    let passed: Vec<bool> = g.cases.iter().map(|c| c.passed()).collect();
    assert_eq!(passed, [true, true, true, true, false]);
    assert_eq!(
        g.cases[4].case.params,
        [("requests".to_string(), 10), ("auditMs".to_string(), 495)]
    );
}

#[test]
fn a_program_that_drops_a_parameter_or_does_not_compile_fails_at_compile() {
    let l = lesson("01-forgotten-sender");
    let no_param = l
        .bad_go
        .replace("// param: 1..10000 \"Incoming requests\"", "");
    let g = grade_of(l, &no_param);
    assert_eq!(
        failure(&g),
        Some((
            CheckKind::Compiles,
            "does not compile: no parameter named requests (parameters: timeoutMs)".to_string()
        ))
    );
    let g = grade_of(l, "package main\nfunc main() { x }\n");
    assert_eq!(failure(&g).map(|f| f.0), Some(CheckKind::Compiles));
}
