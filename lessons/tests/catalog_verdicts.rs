//! Every lesson's stated verdicts hold under golite, except exactly the cases listed in
//! `lessons/catalog/KNOWN_GAPS.txt`: the test fails when a new case breaks and when a listed case
//! starts to pass (then delete its line), so the list only ever shrinks on purpose.
//! Real Go is checked separately by `lessons/catalog/check-real-go`.

use std::collections::{BTreeMap, BTreeSet};

use lessons::catalog::{self, Expectation, Lesson, Observed};
use lessons::golite::{RunOptions, run_source};

const KNOWN_GAPS: &str = include_str!("../catalog/KNOWN_GAPS.txt");

/// `{}` for the defaults, else `name=value,...` in name order (the params map is sorted).
fn params_key(e: &Expectation) -> String {
    if e.params.is_empty() {
        return "{}".into();
    }
    e.params
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// `slug side params` for every listed gap, ignoring comments and any trailing reason.
fn known_gaps() -> BTreeSet<String> {
    KNOWN_GAPS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect()
}

/// Every case the catalog states: (`slug side params`, lesson, expectation, side).
fn cases() -> Vec<(String, &'static Lesson, &'static Expectation, &'static str)> {
    let mut out = Vec::new();
    for l in catalog::all() {
        for e in &l.expect {
            for side in ["bad", "good"] {
                let key = format!("{} {side} {}", l.slug, params_key(e));
                out.push((key, l, e, side));
            }
        }
    }
    out
}

/// Runs one side of one expectation under golite; `None` when it agrees, else what differs.
fn disagreement(l: &Lesson, e: &Expectation, side: &str) -> Option<String> {
    let (src, verdict) = match side {
        "bad" => (l.bad_go, &e.bad),
        _ => (l.good_go, &e.good),
    };
    let opts = RunOptions {
        seed: l.seed,
        params: e
            .params
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
        preempt_every: l.preempt_every,
        go: e.go.unwrap_or(l.go),
        net_links: lessons::catalog::links_of(&l.slug).to_vec(),
        ..RunOptions::default()
    };
    let report = run_source(&format!("{side}.go"), src, &opts);
    let mut observed: Observed =
        match serde_json::to_value(&report).and_then(serde_json::from_value) {
            Ok(o) => o,
            Err(err) => return Some(format!("report does not fit the CLI contract: {err}")),
        };
    // A lesson states the first line Go prints after `panic: `; golite's message is the whole
    // chain (`A\n\tpanic: B` when a deferred call panics too).
    observed.panic = observed.panic.lines().next().unwrap_or("").to_string();
    let m = verdict.mismatches(&observed);
    (!m.is_empty()).then(|| m.join("; "))
}

#[test]
fn golite_disagrees_with_exactly_the_known_gaps() {
    let known = known_gaps();
    let mut failing: BTreeMap<String, String> = BTreeMap::new();
    for (key, l, e, side) in cases() {
        if let Some(why) = disagreement(l, e, side) {
            failing.insert(key, why);
        }
    }
    let new_failures: Vec<String> = failing
        .iter()
        .filter(|(k, _)| !known.contains(*k))
        .map(|(k, why)| format!("{k}: {why}"))
        .collect();
    let now_passing: Vec<&String> = known.iter().filter(|k| !failing.contains_key(*k)).collect();
    assert_eq!(
        (new_failures, now_passing),
        (Vec::<String>::new(), Vec::<&String>::new()),
        "left: cases that fail but are not in KNOWN_GAPS.txt; right: listed cases that now pass"
    );
}

#[test]
fn every_known_gap_names_a_stated_case() {
    let stated: BTreeSet<String> = cases().into_iter().map(|c| c.0).collect();
    let unknown: Vec<String> = known_gaps()
        .into_iter()
        .filter(|k| !stated.contains(k))
        .collect();
    assert_eq!(unknown, Vec::<String>::new());
}
