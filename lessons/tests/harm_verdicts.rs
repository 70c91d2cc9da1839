//! Verdicts that name the harm (`lessons::catalog::harm`): no anti-pattern ends "ok" at its
//! defaults, every tone stated in `[[expect]]` holds, and a few lessons' sentences, exactly.

use std::collections::BTreeMap;

use lessons::catalog::{self, Lesson, LessonVerdict, Tone, harm_of, judge};
use lessons::golite::{GoVersion, RunOptions, run_source};
use lessons::runtime::RunReport;

/// One side at `params`, with the Go release `go` (the lesson's own when `None`).
fn run(l: &Lesson, side: &str, params: &BTreeMap<String, i64>, go: Option<GoVersion>) -> RunReport {
    let src = if side == "bad" { l.bad_go } else { l.good_go };
    let opts = RunOptions {
        seed: l.seed,
        params: params
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
        preempt_every: l.preempt_every,
        race: l.race,
        go: go.unwrap_or(l.go),
        net_links: lessons::catalog::links_of(&l.slug).to_vec(),
        ..RunOptions::default()
    };
    run_source(&format!("{side}.go"), src, &opts)
}

fn verdict_at(slug: &str, params: &[(&str, i64)]) -> LessonVerdict {
    let l = catalog::get(slug).unwrap_or_else(|| panic!("no lesson {slug}"));
    let harm = harm_of(slug).unwrap_or_else(|| panic!("{slug} has no [harm]"));
    let p: BTreeMap<String, i64> = params.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    judge(harm, &run(l, "bad", &p, None), &run(l, "good", &p, None))
}

#[test]
fn no_anti_pattern_ends_ok_at_its_defaults() {
    let mut ok = Vec::new();
    for l in catalog::all() {
        let v = verdict_at(&l.slug, &[]);
        eprintln!(
            "{:02} {} | bad {:?}: {} | good {:?}: {}",
            l.number, l.slug, v.bad.tone, v.bad.en, v.good.tone, v.good.en
        );
        if v.bad.tone == Tone::Ok {
            ok.push(format!("{}: {}", l.slug, v.bad.en));
        }
    }
    assert_eq!(ok, Vec::<String>::new(), "anti-patterns judged ok");
    assert_eq!(catalog::all().len(), 34);
}

/// Every `tone` stated in `[[expect]]` holds: both sides run at the row's parameters and are
/// judged together (a row where the bug does not show states `tone = "ok"` for bad).
#[test]
fn every_stated_tone_holds() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for l in catalog::all() {
        let harm = harm_of(&l.slug).unwrap_or_else(|| panic!("{} has no [harm]", l.slug));
        for e in &l.expect {
            let v = judge(
                harm,
                &run(l, "bad", &e.params, e.go),
                &run(l, "good", &e.params, e.go),
            );
            for (side, want, got) in [("bad", e.bad.tone, &v.bad), ("good", e.good.tone, &v.good)] {
                let Some(want) = want else { continue };
                checked += 1;
                if want != got.tone {
                    wrong.push(format!(
                        "{} {side} {:?}: want {want:?}, got {:?} ({})",
                        l.slug, e.params, got.tone, got.en
                    ));
                }
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
    assert!(checked >= 2 * 34, "tones stated: {checked}");
}

#[test]
fn every_lesson_names_its_harm() {
    let missing: Vec<&str> = catalog::all()
        .iter()
        .filter(|l| harm_of(&l.slug).is_none())
        .map(|l| l.slug.as_str())
        .collect();
    assert_eq!(missing, Vec::<&str>::new());
}

fn sentences(v: &lessons::catalog::SideVerdict) -> (Tone, &str, &str) {
    (v.tone, v.en.as_str(), v.zh.as_str())
}

#[test]
fn reading_all_into_memory_peaks_6_times_higher() {
    let v = verdict_at("read-all-vs-stream", &[]);
    assert_eq!(
        sentences(&v.bad),
        (
            Tone::Bad,
            "peak heap 2.9 MiB: 5.9x the fix",
            "堆峰值 2.9 MiB：是修复版的 5.9 倍"
        )
    );
    assert_eq!(
        sentences(&v.good),
        (Tone::Ok, "peak heap 498 KiB", "堆峰值 498 KiB")
    );
}

#[test]
fn a_small_payload_only_warns() {
    let v = verdict_at("read-all-vs-stream", &[("payloadKB", 64)]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str()),
        (Tone::Warn, "peak heap 558 KiB: 1.1x the fix")
    );
}

#[test]
fn the_global_lock_queues_requests_for_2_25_seconds() {
    let v = verdict_at("global-lock-slow-work", &[]);
    assert_eq!(
        sentences(&v.bad),
        (
            Tone::Bad,
            "2.25 s queued on mutexes in total: the fix has none; p99 goroutine lifetime 500 ms: 10x the fix",
            "在互斥锁上累计排队 2.25 s：修复版为 0；goroutine 存活时间 p99 为 500 ms：是修复版的 10 倍"
        )
    );
}

#[test]
fn one_request_hides_the_global_lock_and_the_verdict_says_what_to_try() {
    let v = verdict_at("global-lock-slow-work", &[("requests", 1)]);
    assert_eq!(
        sentences(&v.bad),
        (
            Tone::Ok,
            "0 s queued on mutexes in total, no more than the fix; p99 goroutine lifetime 50 ms, no more than the fix; at this setting the bug does not show: try more Concurrent requests",
            "在互斥锁上累计排队 0 s，不比修复版多；goroutine 存活时间 p99 为 50 ms，不比修复版多；在此设置下问题没有显现：试试更多“并发请求”"
        )
    );
}

#[test]
fn the_racy_counter_names_its_data_race_and_its_lost_updates() {
    let v = verdict_at("racy-counter", &[]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str(), v.good.en.as_str()),
        (
            Tone::Bad,
            "2 DATA RACES, the first on s.hits: line 19 read by goroutine 3, line 19 written earlier by goroutine 2, nothing orders them; prints \"counted 2570 of 4000 page views\", the fix \"counted 4000 of 4000 page views\"",
            "no data race; prints \"counted 4000 of 4000 page views\""
        )
    );
    assert_eq!(
        v.bad.zh,
        "2 处数据竞争，第一处（s.hits）：第 19 行被 goroutine 3 读取，第 19 行先前被 goroutine 2 写入，两者之间没有同步；输出 “counted 2570 of 4000 page views”，修复版为 “counted 4000 of 4000 page views”"
    );
    // One view per worker loses nothing, but the race is there all the same.
    let v = verdict_at("racy-counter", &[("viewsPerWorker", 1)]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str()),
        (
            Tone::Bad,
            "DATA RACE on s.hits: line 19 read by goroutine 3, line 19 written earlier by goroutine 2, nothing orders them; prints \"counted 4 of 4 page views\", as the fix does"
        )
    );
}

/// Lesson 01's senders can never wake; lesson 14's goroutines are still waiting when main
/// returns (reachability finds something that can still wake them), not blocked forever.
#[test]
fn leaks_say_whether_anything_can_still_wake_them() {
    let v = verdict_at("forgotten-sender", &[]);
    assert!(
        v.bad.zh.starts_with(
            "第 27 行泄漏了 6 个 goroutine（channel 发送）：永远阻塞，再也没有任何东西能唤醒它们；"
        ),
        "{}",
        v.bad.zh
    );
    let l = catalog::get("cancel-never-called").unwrap_or_else(|| panic!("no lesson 14"));
    let r = run(l, "bad", &BTreeMap::new(), None);
    assert!(!r.leaked.is_empty() && r.leaked_certain.is_empty(), "{r:?}");
    let v = verdict_at("cancel-never-called", &[]);
    assert!(
        v.bad
            .en
            .contains(": still waiting, something could still wake them"),
        "{}",
        v.bad.en
    );
}

#[test]
fn unbounded_goroutines_name_both_measures() {
    let v = verdict_at("unbounded-goroutines", &[]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str(), v.good.en.as_str()),
        (
            Tone::Bad,
            "peak 501 goroutines: 56x the fix; peak heap 8.8 MiB: 62x the fix",
            "peak 9 goroutines; peak heap 146 KiB"
        )
    );
}

#[test]
fn leaks_come_before_the_harm() {
    let v = verdict_at("forgotten-sender", &[]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str()),
        (
            Tone::Bad,
            "6 goroutines leaked at line 27 (chan send): blocked forever, nothing can ever wake them; 12.6 KiB of heap still held at the end: the fix has none"
        )
    );
}

#[test]
fn the_spinning_worker_drops_jobs_and_burns_steps() {
    let v = verdict_at("select-default-spin", &[]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str()),
        (
            Tone::Bad,
            "prints \"processed 11, dropped 13, idle polls 1\", the fix \"processed 24, dropped 0, idle polls 0\"; 230 steps spent spinning in 14 polls that found nothing ready: the fix has none"
        )
    );
}

/// Lesson 11 under both releases: the same budget story, but only Go 1.21 holds each dropped
/// `time.After` timer until it fires, so only there does the peak heap pass the fix's.
#[test]
fn the_go_version_changes_lesson_11s_verdict() {
    let l = catalog::get("time-after-in-loop").unwrap_or_else(|| panic!("no lesson 11"));
    let harm = harm_of(&l.slug).unwrap_or_else(|| panic!("no [harm]"));
    let at = |go, params: &[(&str, i64)]| {
        let p: BTreeMap<String, i64> = params.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        judge(
            harm,
            &run(l, "bad", &p, Some(go)),
            &run(l, "good", &p, Some(go)),
        )
    };
    let out = "prints \"handled 20 messages in 255 ms\", the fix \"handled 5 messages in 55 ms\"";
    let v = at(GoVersion::Go121, &[]);
    assert_eq!(
        (v.bad.tone, v.bad.en.as_str()),
        (
            Tone::Bad,
            format!("{out}; peak heap 5.4 KiB: 1.1x the fix").as_str()
        )
    );
    assert_eq!(
        v.bad.zh,
        "输出 “handled 20 messages in 255 ms”，修复版为 “handled 5 messages in 55 ms”；堆峰值 5.4 KiB：是修复版的 1.1 倍"
    );
    let v = at(GoVersion::Go127, &[]);
    assert_eq!(
        v.bad.en,
        format!("{out}; peak heap 4.5 KiB, no more than the fix")
    );
    // A long budget: 99 dropped timers pending at once under Go 1.21, none under Go 1.27.
    let long = [("messages", 100), ("budgetMs", 995)];
    assert!(
        at(GoVersion::Go121, &long)
            .bad
            .en
            .ends_with("peak heap 22.9 KiB: 4.4x the fix")
    );
    assert!(
        at(GoVersion::Go127, &long)
            .bad
            .en
            .ends_with("peak heap 5.1 KiB, no more than the fix")
    );
}
