//! Verdicts that name the harm (`lessons::catalog::harm`): no anti-pattern ends "ok" at its
//! defaults, every tone stated in `[[expect]]` holds, and a few lessons' sentences, exactly.

use std::collections::BTreeMap;

use lessons::catalog::{self, Lesson, LessonVerdict, Tone, harm_of, judge};
use lessons::golite::{RunOptions, run_source};
use lessons::runtime::RunReport;

fn run(l: &Lesson, side: &str, params: &BTreeMap<String, i64>) -> RunReport {
    let src = if side == "bad" { l.bad_go } else { l.good_go };
    let opts = RunOptions {
        seed: l.seed,
        params: params
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
        preempt_every: l.preempt_every,
        ..RunOptions::default()
    };
    run_source(&format!("{side}.go"), src, &opts)
}

fn verdict_at(slug: &str, params: &[(&str, i64)]) -> LessonVerdict {
    let l = catalog::get(slug).unwrap_or_else(|| panic!("no lesson {slug}"));
    let harm = harm_of(slug).unwrap_or_else(|| panic!("{slug} has no [harm]"));
    let p: BTreeMap<String, i64> = params.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    judge(harm, &run(l, "bad", &p), &run(l, "good", &p))
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
    assert_eq!(catalog::all().len(), 24);
}
