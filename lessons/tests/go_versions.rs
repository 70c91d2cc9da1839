//! What the Go version switch changes in the catalog, in exact figures (the lesson texts quote
//! them): lesson 11's `time.After` timers stay in the heap until they fire under Go 1.21 and are
//! freed with their channel under Go 1.27.

use lessons::catalog;
use lessons::golite::{self, GoVersion, RunOptions};

/// Parameter overrides of one run.
type Params<'a> = &'a [(&'a str, i64)];

fn peak_heap(slug: &str, side: &str, params: &[(&str, i64)], go: GoVersion) -> (String, u64) {
    let l = catalog::get(slug).unwrap_or_else(|| panic!("no lesson {slug}"));
    let src = if side == "bad" { l.bad_go } else { l.good_go };
    let opts = RunOptions {
        seed: l.seed,
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        go,
        ..RunOptions::default()
    };
    let r = golite::run_source(&format!("{side}.go"), src, &opts);
    (r.stdout, r.measures.heap_peak_bytes)
}

#[test]
fn lesson_11_leaks_184_bytes_per_pending_timer_under_go_1_21_only() {
    use GoVersion::{Go121, Go127};
    let slug = "time-after-in-loop";
    // (params, peak under 1.21, peak under 1.27)
    let rows: [(Params, u64, u64); 3] = [
        (&[], 5_552, 4_632),
        (&[("budgetMs", 995)], 8_128, 4_632),
        (&[("messages", 100), ("budgetMs", 995)], 23_488, 5_272),
    ];
    for (params, old, new) in rows {
        let (out_old, peak_old) = peak_heap(slug, "bad", params, Go121);
        let (out_new, peak_new) = peak_heap(slug, "bad", params, Go127);
        assert_eq!(out_old, out_new, "{params:?}: the output does not change");
        assert_eq!((peak_old, peak_new), (old, new), "{params:?}");
        // Every extra byte is a dropped timer with its channel.
        assert_eq!((peak_old - peak_new) % 184, 0, "{params:?}");
    }
    // 99 dropped timers pending at once: one per message before the last.
    assert_eq!((23_488 - 5_272) / 184, 99);
    // The fix makes one timer: both versions agree.
    assert_eq!(
        peak_heap(slug, "good", &[], Go121),
        peak_heap(slug, "good", &[], Go127)
    );
}
