//! One lesson: its metadata from `lesson.toml`, its two Go programs, its explanation, and the
//! loading and validation of a folder's files.

use serde::Deserialize;

use super::verdict::Expectation;
use crate::golite::syntax::params::{Param, parse_params};
use crate::runtime::GoVersion;

/// A lesson as the app and the tests see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    /// URL name, e.g. `forgotten-sender`; the folder is `NN-slug`.
    pub slug: String,
    /// Position in the catalog, 1-based.
    pub number: u32,
    /// Chapter heading, e.g. `Goroutine leaks`.
    pub chapter: String,
    /// Short title.
    pub title: String,
    /// One line: what goes wrong and what it costs.
    pub claim: String,
    /// The title in Chinese; required when `explain.zh.md` exists, so a Chinese page never
    /// opens on an English heading.
    pub title_zh: Option<String>,
    /// The claim in Chinese (Markdown inline, like `claim`); required with `title_zh`.
    pub claim_zh: Option<String>,
    /// Each parameter's label in Chinese, `(name, label)` in the order of `params`
    /// (`param_labels_zh` in `lesson.toml`): the English label is a Go comment in the program,
    /// which stays English; required for every parameter when `explain.zh.md` exists.
    pub param_labels_zh: Vec<(String, String)>,
    /// Default seed for select choices and preemption.
    pub seed: u64,
    /// The marked constants, as declared in `bad.go` (`good.go` declares the same).
    pub params: Vec<Param>,
    /// The anti-pattern.
    pub bad_go: &'static str,
    /// The fix.
    pub good_go: &'static str,
    /// The explanation in Markdown.
    pub explain_en: &'static str,
    /// The Chinese explanation, where written.
    pub explain_zh: Option<&'static str>,
    /// Expected verdicts at explicit parameter sets.
    pub expect: Vec<Expectation>,
    /// Mean interpreter steps between seeded preemption points, for race lessons; `None`: the
    /// cooperative default (goroutines yield only when they block).
    pub preempt_every: Option<u64>,
    /// Runs both programs with the race detector on (`go run -race`): a data-race lesson shows
    /// Go's report. Edits of any lesson can turn it on too.
    pub race: bool,
    /// What real Go can and cannot confirm about the expectations.
    pub real_go: RealGo,
    /// The Go release the lesson opens with (`go = "1.21"` in `lesson.toml`; 1.27 when
    /// absent): a lesson whose anti-pattern only bites under old semantics starts there.
    pub go: GoVersion,
}

/// How the expectations relate to real Go, for the oracle harness: by default every field that
/// real Go reports (outcome, panic, stdout, virtual time, leaks) must agree under
/// `testing/synctest` at every `[[expect]]` parameter set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealGo {
    /// Fields real Go cannot reproduce, as `side.field` (`bad.stdout`) or `field` for both
    /// sides, e.g. a lost-update count that depends on the hardware's interleaving.
    #[serde(default)]
    pub skip: Vec<String>,
    /// Run real Go with plain `go run` instead of under `testing/synctest`: needed when goroutines
    /// wait on a `sync.Mutex` while time must pass (synctest's clock cannot advance then). Only
    /// the outcome, panic message and stdout are compared; time and leaks are golite's alone.
    #[serde(default)]
    pub plain: bool,
    /// Run under `testing/synctest` with `tests/oracle/run-one --durable-mutex`: `sync.Mutex`
    /// waits become channel waits the fake clock counts as durable, so time and goroutines
    /// parked in `sync.Mutex.Lock` are compared too (tests/oracle/README.md).
    #[serde(default)]
    pub durable_mutex: bool,
    /// Sides that `go run -race` must flag with `WARNING: DATA RACE` (exit status 66).
    #[serde(default)]
    pub race: Vec<String>,
    /// Why, and how to check by hand what the oracle cannot.
    #[serde(default)]
    pub note: Option<String>,
}

impl RealGo {
    /// Whether real Go's `field` of `side` (`bad` or `good`) is excluded from the comparison.
    pub fn skips(&self, side: &str, field: &str) -> bool {
        (self.plain && (field == "virtual_time_ns" || field == "leaked"))
            || self
                .skip
                .iter()
                .any(|s| s == field || *s == format!("{side}.{field}"))
    }
}

/// The verdict fields real Go reports, the only ones `[real_go] skip` may name.
pub const REAL_GO_FIELDS: &[&str] = &["outcome", "panic", "stdout", "virtual_time_ns", "leaked"];

impl Lesson {
    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The label of `param` for the page: Chinese where the lesson gives one and `zh`, else
    /// the English label from the Go comment.
    pub fn param_label<'a>(&'a self, param: &'a Param, zh: bool) -> &'a str {
        zh.then(|| self.param_labels_zh.iter().find(|(n, _)| *n == param.name))
            .flatten()
            .map_or(param.label.as_str(), |(_, l)| l.as_str())
    }
}

/// The files of one folder, as the build script embeds them.
#[derive(Debug, Clone, Copy)]
pub struct RawLesson {
    /// Folder name, `NN-slug`.
    pub dir: &'static str,
    /// `lesson.toml`.
    pub toml: Option<&'static str>,
    /// `bad.go`.
    pub bad_go: Option<&'static str>,
    /// `good.go`.
    pub good_go: Option<&'static str>,
    /// `explain.en.md`.
    pub explain_en: Option<&'static str>,
    /// `explain.zh.md`.
    pub explain_zh: Option<&'static str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonToml {
    slug: String,
    number: u32,
    chapter: String,
    title: String,
    claim: String,
    #[serde(default)]
    title_zh: Option<String>,
    #[serde(default)]
    claim_zh: Option<String>,
    #[serde(default)]
    param_labels_zh: std::collections::BTreeMap<String, String>,
    seed: u64,
    #[serde(default)]
    preempt_every: Option<u64>,
    #[serde(default)]
    race: bool,
    #[serde(default)]
    real_go: RealGo,
    #[serde(default)]
    go: GoVersion,
    #[serde(default)]
    expect: Vec<Expectation>,
    /// Read by [`super::harm_of`]; kept out of [`Lesson`] so the UI's builders of `Lesson`
    /// need no change until the page shows it.
    #[serde(default)]
    harm: Option<super::harm::Harm>,
    /// Read by [`super::challenge::hint_of`], the same way.
    #[serde(default)]
    challenge: Option<super::challenge::Hint>,
    /// Read by [`super::links_of`], the same way.
    #[serde(default)]
    listener: Vec<super::links::ListenerLink>,
}

/// Builds and validates a lesson from its folder's files; every problem found is listed.
pub fn load(raw: &RawLesson) -> Result<Lesson, Vec<String>> {
    let mut errs = Vec::new();
    let need = |f: Option<&'static str>, name: &str, errs: &mut Vec<String>| {
        f.unwrap_or_else(|| {
            errs.push(format!("{}: missing {name}", raw.dir));
            ""
        })
    };
    let toml_src = need(raw.toml, "lesson.toml", &mut errs);
    let bad_go = need(raw.bad_go, "bad.go", &mut errs);
    let good_go = need(raw.good_go, "good.go", &mut errs);
    let explain_en = need(raw.explain_en, "explain.en.md", &mut errs);
    if !errs.is_empty() {
        return Err(errs);
    }
    let meta: LessonToml =
        toml::from_str(toml_src).map_err(|e| vec![format!("{}/lesson.toml: {e}", raw.dir)])?;
    let params = parse_params(bad_go).map_err(|e| vec![format!("{}/bad.go: {e}", raw.dir)])?;
    let good_params =
        parse_params(good_go).map_err(|e| vec![format!("{}/good.go: {e}", raw.dir)])?;
    let lesson = Lesson {
        slug: meta.slug,
        number: meta.number,
        chapter: meta.chapter,
        title: meta.title,
        claim: meta.claim,
        title_zh: meta.title_zh,
        claim_zh: meta.claim_zh,
        param_labels_zh: params
            .iter()
            .filter_map(|p| Some((p.name.clone(), meta.param_labels_zh.get(&p.name)?.clone())))
            .collect(),
        seed: meta.seed,
        params,
        bad_go,
        good_go,
        explain_en,
        explain_zh: raw.explain_zh,
        expect: meta.expect,
        preempt_every: meta.preempt_every,
        race: meta.race,
        real_go: meta.real_go,
        go: meta.go,
    };
    let mut problems = validate(&lesson, &good_params, raw.dir);
    for name in meta.param_labels_zh.keys() {
        if lesson.param(name).is_none() {
            problems.push(format!(
                "{}/lesson.toml: param_labels_zh names {name}, which is not a param",
                raw.dir
            ));
        }
    }
    // Every catalog lesson names one (lessons/tests/harm_verdicts.rs checks); a malformed one
    // is rejected here.
    if let Some(h) = &meta.harm {
        problems.extend(
            h.problems()
                .into_iter()
                .map(|p| format!("{}/lesson.toml: {p}", raw.dir)),
        );
    }
    if let Some(c) = &meta.challenge
        && (c.hint.trim().is_empty() || c.hint_zh.trim().is_empty())
    {
        problems.push(format!(
            "{}/lesson.toml: challenge.hint and challenge.hint_zh must not be empty",
            raw.dir
        ));
    }
    if meta.listener.iter().any(|l| l.rtt_us == 0) {
        problems.push(format!(
            "{}/lesson.toml: a [[listener]]'s rtt_us must be at least 1",
            raw.dir
        ));
    }
    if problems.is_empty() {
        Ok(lesson)
    } else {
        Err(problems)
    }
}

/// Everything that makes a lesson unfit to ship, checked once at load.
fn validate(l: &Lesson, good_params: &[Param], dir: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let mut err = |m: String| errs.push(format!("{dir}: {m}"));
    if dir != format!("{:02}-{}", l.number, l.slug) {
        err(format!(
            "folder must be named {:02}-{} after number and slug",
            l.number, l.slug
        ));
    }
    let valid_slug = !l.slug.is_empty()
        && l.slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_slug {
        err(format!(
            "slug {:?} must be lowercase ascii words joined by -",
            l.slug
        ));
    }
    for (field, v) in [
        ("chapter", &l.chapter),
        ("title", &l.title),
        ("claim", &l.claim),
    ] {
        if v.trim().is_empty() || v.contains('\n') {
            err(format!("{field} must be one non-empty line"));
        }
    }
    for (field, v) in [("title_zh", &l.title_zh), ("claim_zh", &l.claim_zh)] {
        match v {
            Some(v) if v.trim().is_empty() || v.contains('\n') => {
                err(format!("{field} must be one non-empty line"));
            }
            None if l.explain_zh.is_some() => {
                err(format!("{field} is required when explain.zh.md exists"));
            }
            _ => {}
        }
    }
    for (name, zh) in l.params.iter().map(|p| {
        (
            &p.name,
            l.param_labels_zh.iter().find(|(n, _)| n == &p.name),
        )
    }) {
        match zh {
            Some((_, v)) if v.trim().is_empty() || v.contains('\n') => {
                err(format!("param_labels_zh.{name} must be one non-empty line"));
            }
            None if l.explain_zh.is_some() => err(format!(
                "param_labels_zh.{name} is required when explain.zh.md exists"
            )),
            _ => {}
        }
    }
    let shape = |ps: &[Param]| -> Vec<(String, i64, i64, i64, String)> {
        ps.iter()
            .map(|p| (p.name.clone(), p.default, p.lo, p.hi, p.label.clone()))
            .collect()
    };
    if shape(&l.params) != shape(good_params) {
        err("bad.go and good.go must declare the same params (name, default, range, label)".into());
    }
    if l.params.is_empty() || l.params.len() > 4 {
        err(format!("{} params; a lesson has 1 to 4", l.params.len()));
    }
    for (i, e) in l.expect.iter().enumerate() {
        for (name, v) in &e.params {
            match l.param(name) {
                None => err(format!("expect[{i}]: unknown param {name}")),
                Some(p) if *v < p.lo || *v > p.hi => err(format!(
                    "expect[{i}]: {name} = {v} is outside {}..{}",
                    p.lo, p.hi
                )),
                Some(_) => {}
            }
        }
        for (side, v) in [("bad", &e.bad), ("good", &e.good)] {
            for p in v.problems() {
                err(format!("expect[{i}].{side}: {p}"));
            }
        }
    }
    for s in &l.real_go.skip {
        let (side, field) = s.split_once('.').unwrap_or(("bad", s));
        if !["bad", "good"].contains(&side) || !REAL_GO_FIELDS.contains(&field) {
            err(format!(
                "[real_go] skip {s:?}: expected FIELD or bad.FIELD / good.FIELD"
            ));
        }
    }
    for s in &l.real_go.race {
        if !["bad", "good"].contains(&s.as_str()) {
            err(format!(
                "[real_go] race {s:?}: expected \"bad\" or \"good\""
            ));
        }
    }
    if l.preempt_every == Some(0) {
        err("preempt_every must be at least 1".into());
    }
    if !l.expect.iter().any(|e| e.params.is_empty()) {
        err("needs an [[expect]] at the defaults (params = {})".into());
    }
    for p in &l.params {
        for end in [p.lo, p.hi] {
            let covered = l.expect.iter().any(|e| e.params.get(&p.name) == Some(&end));
            if !covered && end != p.default {
                err(format!(
                    "needs an [[expect]] with {} = {end} (range end)",
                    p.name
                ));
            }
        }
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = "slug = \"demo\"\nnumber = 7\nchapter = \"C\"\ntitle = \"T\"\nclaim = \"X\"\nseed = 1\n[[expect]]\nparams = {}\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n[[expect]]\nparams = { n = 1 }\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n[[expect]]\nparams = { n = 9 }\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n";
    const GO: &str = "package main\nconst n = 5 // param: 1..9 \"N\"\nfunc main() {}\n";

    fn raw(dir: &'static str, toml: &'static str, good: &'static str) -> RawLesson {
        RawLesson {
            dir,
            toml: Some(toml),
            bad_go: Some(GO),
            good_go: Some(good),
            explain_en: Some("why"),
            explain_zh: None,
        }
    }

    #[test]
    fn plain_real_go_skips_time_and_leaks_but_not_stdout() {
        let r = RealGo {
            plain: true,
            ..RealGo::default()
        };
        assert_eq!(
            (
                r.skips("bad", "virtual_time_ns"),
                r.skips("good", "leaked"),
                r.skips("bad", "stdout")
            ),
            (true, true, false)
        );
    }

    #[test]
    fn a_side_qualified_skip_applies_to_that_side_only() {
        let r = RealGo {
            skip: vec!["bad.stdout".into()],
            ..RealGo::default()
        };
        assert_eq!(
            (r.skips("bad", "stdout"), r.skips("good", "stdout")),
            (true, false)
        );
    }

    #[test]
    fn a_lesson_without_params_is_rejected() {
        let go = "package main\nfunc main() {}\n";
        let toml = "slug = \"demo\"\nnumber = 7\nchapter = \"C\"\ntitle = \"T\"\nclaim = \"X\"\nseed = 1\n[[expect]]\nparams = {}\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n";
        let raw = RawLesson {
            dir: "07-demo",
            toml: Some(toml),
            bad_go: Some(go),
            good_go: Some(go),
            explain_en: Some("why"),
            explain_zh: None,
        };
        assert_eq!(
            load(&raw).map(|_| ()),
            Err(vec!["07-demo: 0 params; a lesson has 1 to 4".into()])
        );
    }

    #[test]
    fn a_chinese_explanation_needs_a_chinese_title_and_claim() {
        let mut r = raw("07-demo", TOML, GO);
        r.explain_zh = Some("为什么");
        assert_eq!(
            load(&r).map(|_| ()),
            Err(vec![
                "07-demo: title_zh is required when explain.zh.md exists".into(),
                "07-demo: claim_zh is required when explain.zh.md exists".into(),
                "07-demo: param_labels_zh.n is required when explain.zh.md exists".into(),
            ])
        );
        let toml = TOML.replace(
            "seed = 1",
            "title_zh = \"标题\"\nclaim_zh = \"说明\"\nparam_labels_zh = { n = \"数量\" }\nseed = 1",
        );
        let toml: &'static str = Box::leak(toml.into_boxed_str());
        let mut r = raw("07-demo", toml, GO);
        r.explain_zh = Some("为什么");
        assert_eq!(
            load(&r).map(|l| (l.title_zh, l.claim_zh)),
            Ok((Some("标题".into()), Some("说明".into())))
        );
    }

    #[test]
    fn every_lesson_with_a_chinese_explanation_has_a_chinese_title() {
        for l in crate::catalog::all() {
            if l.explain_zh.is_some() {
                assert!(
                    l.title_zh.as_deref().is_some_and(|t| !t.trim().is_empty()),
                    "{} has explain.zh.md but no title_zh",
                    l.slug
                );
            }
        }
        assert!(crate::catalog::load_errors().is_empty());
    }

    #[test]
    fn a_parameter_label_reads_in_chinese_only_in_the_chinese_page() {
        let toml = TOML.replace("seed = 1", "param_labels_zh = { n = \"数量\" }\nseed = 1");
        let toml: &'static str = Box::leak(toml.into_boxed_str());
        let l = load(&raw("07-demo", toml, GO)).expect("loads");
        let p = &l.params[0];
        assert_eq!(
            (l.param_label(p, false), l.param_label(p, true)),
            ("N", "数量")
        );
        // Without a Chinese label the Chinese page keeps the English one.
        let l = load(&raw("07-demo", TOML, GO)).expect("loads");
        assert_eq!(l.param_label(&l.params[0], true), "N");
        let toml = TOML.replace("seed = 1", "param_labels_zh = { m = \"数量\" }\nseed = 1");
        let toml: &'static str = Box::leak(toml.into_boxed_str());
        assert_eq!(
            load(&raw("07-demo", toml, GO)).map(|_| ()),
            Err(vec![
                "07-demo/lesson.toml: param_labels_zh names m, which is not a param".into()
            ])
        );
    }

    #[test]
    fn every_catalog_parameter_has_a_chinese_label() {
        let mut n = 0;
        for l in crate::catalog::all() {
            for p in &l.params {
                let zh = l.param_label(p, true);
                assert!(
                    zh != p.label && !zh.is_ascii(),
                    "{}: {} has no Chinese label",
                    l.slug,
                    p.name
                );
                n += 1;
            }
        }
        assert!(n >= 60, "{n} parameters");
    }

    #[test]
    fn a_complete_folder_loads() {
        let l = load(&raw("07-demo", TOML, GO));
        assert_eq!(l.map(|l| (l.slug, l.params.len())), Ok(("demo".into(), 1)));
    }

    #[test]
    fn a_folder_name_not_matching_number_and_slug_is_rejected() {
        assert_eq!(
            load(&raw("08-demo", TOML, GO)).map(|_| ()),
            Err(vec![
                "08-demo: folder must be named 07-demo after number and slug".into()
            ])
        );
    }

    #[test]
    fn differing_params_between_bad_and_good_are_rejected() {
        let good = "package main\nconst n = 6 // param: 1..9 \"N\"\nfunc main() {}\n";
        assert_eq!(
            load(&raw("07-demo", TOML, good)).map(|_| ()),
            Err(vec![
                "07-demo: bad.go and good.go must declare the same params (name, default, range, label)".into()
            ])
        );
    }

    #[test]
    fn a_missing_range_end_expectation_is_rejected() {
        let toml = TOML
            .split("[[expect]]\nparams = { n = 9 }")
            .next()
            .unwrap_or("");
        assert_eq!(
            load(&raw("07-demo", toml, GO)).map(|_| ()),
            Err(vec![
                "07-demo: needs an [[expect]] with n = 9 (range end)".into()
            ])
        );
    }

    #[test]
    fn an_expectation_outside_the_range_is_rejected() {
        let toml = "slug = \"demo\"\nnumber = 7\nchapter = \"C\"\ntitle = \"T\"\nclaim = \"X\"\nseed = 1\n[[expect]]\nparams = {}\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n[[expect]]\nparams = { n = 1 }\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n[[expect]]\nparams = { n = 9 }\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n[[expect]]\nparams = { n = 10 }\nbad = { outcome = \"exit\", leaked = [] }\ngood = { outcome = \"exit\", leaked = [] }\n";
        assert_eq!(
            load(&raw("07-demo", toml, GO)).map(|_| ()),
            Err(vec!["07-demo: expect[3]: n = 10 is outside 1..9".into()])
        );
    }
}
