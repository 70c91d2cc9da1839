//! The compiled-in catalog is whole and well formed: every folder loads, and lookups work.

use std::collections::BTreeSet;

use lessons::catalog;

#[test]
fn every_lesson_folder_loads_without_problems() {
    assert_eq!(catalog::load_errors(), &[] as &[String]);
}

#[test]
fn every_embedded_folder_becomes_a_lesson() {
    assert_eq!(catalog::all().len(), catalog::RAW.len());
}

#[test]
fn lessons_are_numbered_one_to_n_without_gaps() {
    let numbers: Vec<u32> = catalog::all().iter().map(|l| l.number).collect();
    let want: Vec<u32> = (1..=u32::try_from(numbers.len()).unwrap_or(0)).collect();
    assert_eq!(numbers, want);
}

#[test]
fn slugs_are_unique() {
    let slugs: BTreeSet<&str> = catalog::all().iter().map(|l| l.slug.as_str()).collect();
    assert_eq!(slugs.len(), catalog::all().len());
}

#[test]
fn get_finds_the_first_lesson_by_slug() {
    assert_eq!(
        catalog::get("forgotten-sender").map(|l| (l.number, l.title.as_str())),
        Some((1, "The forgotten sender"))
    );
}

#[test]
fn get_returns_none_for_an_unknown_slug() {
    assert_eq!(catalog::get("no-such-lesson").map(|l| l.number), None);
}

#[test]
fn the_first_lesson_exposes_its_params_from_bad_go() {
    let got: Vec<(String, i64, i64, i64)> = catalog::get("forgotten-sender")
        .map(|l| {
            l.params
                .iter()
                .map(|p| (p.name.clone(), p.default, p.lo, p.hi))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        got,
        vec![
            ("requests".to_string(), 10, 1, 10000),
            ("timeoutMs".to_string(), 50, 10, 500)
        ]
    );
}

#[test]
fn every_lesson_has_both_programs_and_an_english_explanation() {
    let thin: Vec<&str> = catalog::all()
        .iter()
        .filter(|l| {
            !l.bad_go.contains("package main")
                || !l.good_go.contains("package main")
                || l.explain_en.trim().len() < 200
        })
        .map(|l| l.slug.as_str())
        .collect();
    assert_eq!(thin, Vec::<&str>::new());
}

#[test]
fn bad_and_good_programs_differ() {
    let same: Vec<&str> = catalog::all()
        .iter()
        .filter(|l| l.bad_go == l.good_go)
        .map(|l| l.slug.as_str())
        .collect();
    assert_eq!(same, Vec::<&str>::new());
}

#[test]
fn every_expectation_leak_line_exists_in_its_program() {
    let mut bad_lines = Vec::new();
    for l in catalog::all() {
        for e in &l.expect {
            for (side, v, src) in [("bad", &e.bad, l.bad_go), ("good", &e.good, l.good_go)] {
                let n = src.lines().count();
                for g in v.leaked.iter().flatten() {
                    if g.line as usize > n {
                        bad_lines.push(format!("{} {side} line {}", l.slug, g.line));
                    }
                }
            }
        }
    }
    assert_eq!(bad_lines, Vec::<String>::new());
}

#[test]
fn every_leak_line_is_a_blocking_statement() {
    const BLOCKING: &[&str] = &[
        "<-", "select", "range", "Sleep", "Wait", "Lock", "Read", "Accept",
    ];
    let mut odd = Vec::new();
    for l in catalog::all() {
        for e in &l.expect {
            for (side, v, src) in [("bad", &e.bad, l.bad_go), ("good", &e.good, l.good_go)] {
                for g in v.leaked.iter().flatten() {
                    let text = src.lines().nth(g.line as usize - 1).unwrap_or("");
                    if !BLOCKING.iter().any(|b| text.contains(b)) {
                        odd.push(format!("{} {side} line {}: {text}", l.slug, g.line));
                    }
                }
            }
        }
    }
    assert_eq!(odd, Vec::<String>::new());
}

#[test]
fn chinese_explanations_have_the_english_sections() {
    let heads = |md: &str| md.lines().filter(|l| l.starts_with("## ")).count();
    let differ: Vec<(&str, usize, usize)> = catalog::all()
        .iter()
        .filter_map(|l| {
            l.explain_zh
                .map(|zh| (l.slug.as_str(), heads(l.explain_en), heads(zh)))
        })
        .filter(|(_, en, zh)| en != zh)
        .collect();
    assert_eq!(differ, Vec::<(&str, usize, usize)>::new());
}
