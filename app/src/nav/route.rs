//! URL state: which page, and for a lesson its parameters, seed and step, read from and written to
//! the query string (`?lesson=forgotten-sender&requests=10&timeoutMs=50&seed=1&step=42`).
//!
//! Relative query strings only, so the app works from any sub-path. Anything wrong in a URL (an
//! unknown lesson, a value out of range) becomes a notice for the page and falls back to the
//! default, never an error page. Keys the playground does not know are kept in
//! [`Route::extra`] so other views (the embed options of `?embed=1`) can share the same URL.

use lessons::catalog::Lesson;
use lessons::golite::GoVersion;

/// Query key of the lesson slug.
pub const LESSON: &str = "lesson";
/// Query key of the seed.
pub const SEED: &str = "seed";
/// Query key of the Go release both programs run with (`go=1.21`; see
/// `lessons::golite::GoVersion`). Written only when it is not the lesson's own default.
pub const GO: &str = "go";
/// Query key of Go's race detector (`race=1` on, `race=0` off): on by default in a lesson that
/// declares `race = true`, off in the others; any run, an edit too, may turn it on. Written only
/// when it is not the lesson's own default.
pub const RACE: &str = "race";
/// Query key of the lockstep cursor position (see `lockstep`).
pub const STEP: &str = "step";
/// Query key of the explicit schedule the bad side runs with (a found failing schedule, see
/// `lessons::runtime::format_schedule`).
pub const SCHEDULE: &str = "sched";
/// Query key of a "You are the scheduler" challenge, and of the learner's choices in it.
pub const SCHEDULER: &str = "scheduler";
/// See [`SCHEDULER`].
pub const PICKS: &str = "picks";
/// Query keys of a learner's edited programs (the whole source), bad side then good side.
pub const EDITS: [&str; 2] = ["bad_go", "good_go"];
/// Keys of the views sharing the URL with the lesson page: the embed options
/// (`embed::options::KEYS`, whose test keeps the two lists together), the language and the
/// fix-it mode (`mode=fix`, `lesson::challenge_panel::MODE_KEY`).
pub const OTHER_KEYS: [&str; 7] = [
    "embed", "panes", "side", "autoplay", "theme", "lang", "mode",
];
/// The longest edited program a URL may carry, in bytes: lessons are 1 to 3 KB, and a longer
/// link is more likely pasted in by mistake than written.
pub const MAX_EDIT_BYTES: usize = 20_000;

/// What the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// The page to show.
    pub page: Page,
    /// Problems found in the URL, in words for the user.
    pub notices: Vec<String>,
    /// Keys neither the home page nor the lesson page use, kept in order.
    pub extra: Vec<(String, String)>,
}

/// The pages of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    /// The list of lessons.
    Home,
    /// One lesson at one state.
    Lesson(LessonState),
    /// A "You are the scheduler" challenge (its slug) with the learner's choices so far.
    Scheduler { slug: String, picks: String },
}

/// Everything that determines what a lesson page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonState {
    /// The lesson's slug.
    pub slug: String,
    /// One value per lesson parameter, in the lesson's parameter order.
    pub params: Vec<i64>,
    /// The run's seed.
    pub seed: u64,
    /// The lockstep cursor; `None` means the end of the run (where the verdict shows).
    pub step: Option<usize>,
    /// The learner's edited source of each side (bad, good); `None` runs the lesson's own file.
    pub edits: [Option<String>; 2],
    /// The explicit schedule the bad side follows (`sched`), as
    /// `lessons::runtime::format_schedule` writes it; `None`: Go's order.
    pub schedule: Option<String>,
    /// The Go release whose semantics both programs follow.
    pub go: GoVersion,
    /// Whether both programs run with Go's race detector.
    pub race: bool,
}

impl LessonState {
    /// The lesson at its defaults, at the end of the run.
    pub fn defaults(lesson: &Lesson) -> Self {
        LessonState {
            slug: lesson.slug.clone(),
            params: lesson.params.iter().map(|p| p.default).collect(),
            seed: lesson.seed,
            step: None,
            edits: [None, None],
            schedule: None,
            go: lesson.go,
            race: lesson.race,
        }
    }

    /// The parameter overrides as golite takes them (`name`, `value`).
    pub fn overrides(&self, lesson: &Lesson) -> Vec<(String, String)> {
        lesson
            .params
            .iter()
            .zip(&self.params)
            .map(|(p, v)| (p.name.clone(), v.to_string()))
            .collect()
    }
}

/// Reads a route from decoded query pairs; `find` looks a lesson up by slug.
pub fn resolve<'a>(pairs: &[(String, String)], find: impl Fn(&str) -> Option<&'a Lesson>) -> Route {
    let get = |key: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let mut notices = Vec::new();
    if let Some(slug) = get(SCHEDULER) {
        let picks = get(PICKS).unwrap_or("");
        if crate::sched_catalog::get(slug).is_none() {
            notices.push(format!(
                "There is no scheduler challenge called \u{201c}{slug}\u{201d}: here is the list of lessons."
            ));
        } else {
            let picks = match lessons::runtime::parse_schedule(picks) {
                Ok(_) => picks.to_string(),
                Err(e) => {
                    notices.push(format!("{PICKS}: {e}; starting the challenge afresh."));
                    String::new()
                }
            };
            return Route {
                page: Page::Scheduler {
                    slug: slug.to_string(),
                    picks,
                },
                notices,
                extra: Vec::new(),
            };
        }
    }
    let Some(slug) = get(LESSON) else {
        return Route {
            page: Page::Home,
            notices,
            extra: others(pairs, &[]),
        };
    };
    let Some(lesson) = find(slug) else {
        notices.push(format!(
            "There is no lesson called \u{201c}{slug}\u{201d}: here is the list of lessons."
        ));
        return Route {
            page: Page::Home,
            notices,
            extra: others(pairs, &[]),
        };
    };
    let mut state = LessonState::defaults(lesson);
    for (i, p) in lesson.params.iter().enumerate() {
        if let Some(v) = get(&p.name) {
            match p.validate(v) {
                Ok(v) => state.params[i] = v,
                Err(e) => notices.push(format!("{}; using the default {}.", e.message, p.default)),
            }
        }
    }
    if let Some(v) = get(SEED) {
        match v.trim().parse::<u64>() {
            Ok(s) => state.seed = s,
            Err(_) => notices.push(format!(
                "seed {v:?} is not a whole number; using the lesson's seed {}.",
                lesson.seed
            )),
        }
    }
    if let Some(v) = get(GO) {
        match GoVersion::parse(v) {
            Ok(g) => state.go = g,
            Err(_) => notices.push(format!(
                "{GO} {v:?} is not a Go version the playground runs (1.21 or 1.27); using Go {}.",
                lesson.go.as_str()
            )),
        }
    }
    if let Some(v) = get(RACE) {
        match v.trim() {
            "1" | "true" | "on" => state.race = true,
            "0" | "false" | "off" => state.race = false,
            _ => notices.push(format!(
                "{RACE} {v:?} is neither 1 (on) nor 0 (off); the race detector is {}.",
                if lesson.race { "on" } else { "off" }
            )),
        }
    }
    if let Some(v) = get(STEP) {
        match v.trim().parse::<usize>() {
            Ok(s) => state.step = Some(s),
            Err(_) => notices.push(format!(
                "step {v:?} is not a whole number; showing the end of the run."
            )),
        }
    }
    if let Some(v) = get(SCHEDULE) {
        match lessons::runtime::parse_schedule(v) {
            Ok(_) => state.schedule = Some(v.to_string()),
            Err(e) => notices.push(format!("{SCHEDULE}: {e}; running in Go's order.")),
        }
    }
    for (slot, key) in state.edits.iter_mut().zip(EDITS) {
        if let Some(src) = get(key) {
            let file = key.replace('_', ".");
            if src.len() > MAX_EDIT_BYTES {
                notices.push(format!(
                    "The edited {file} in this link is {} bytes, more than the {MAX_EDIT_BYTES} a link may carry; showing the lesson's own {file}.",
                    src.len()
                ));
            } else {
                *slot = Some(src.to_string());
            }
        }
    }
    let names: Vec<&str> = lesson.params.iter().map(|p| p.name.as_str()).collect();
    Route {
        page: Page::Lesson(state),
        notices,
        extra: others(pairs, &names),
    }
}

/// Pairs whose key is neither a playground key nor one of `params`.
fn others(pairs: &[(String, String)], params: &[&str]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| {
            ![LESSON, SEED, GO, RACE, STEP, SCHEDULE, EDITS[0], EDITS[1]].contains(&k.as_str())
                && !params.contains(&k.as_str())
        })
        .cloned()
        .collect()
}

/// The query pairs for a page: the lesson, every parameter, the seed and (when not at the end)
/// the step, then `extra`.
pub fn to_pairs(
    page: &Page,
    lesson: Option<&Lesson>,
    extra: &[(String, String)],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let (Page::Lesson(s), Some(lesson)) = (page, lesson) {
        out.push((LESSON.to_string(), s.slug.clone()));
        for (p, v) in lesson.params.iter().zip(&s.params) {
            out.push((p.name.clone(), v.to_string()));
        }
        out.push((SEED.to_string(), s.seed.to_string()));
        if s.go != lesson.go {
            out.push((GO.to_string(), s.go.as_str().to_string()));
        }
        if s.race != lesson.race {
            out.push((RACE.to_string(), if s.race { "1" } else { "0" }.to_string()));
        }
        if let Some(step) = s.step {
            out.push((STEP.to_string(), step.to_string()));
        }
        if let Some(sched) = &s.schedule {
            out.push((SCHEDULE.to_string(), sched.clone()));
        }
    }
    if let Page::Scheduler { slug, picks } = page {
        out.push((SCHEDULER.to_string(), slug.clone()));
        if !picks.is_empty() {
            out.push((PICKS.to_string(), picks.clone()));
        }
    }
    out.extend(extra.iter().cloned());
    out
}

/// The URL fragment for a page's edits (`bad_go=…&good_go=…`, each deflated and base64url:
/// see [`crate::nav::pack`]), empty when nothing is edited. In the fragment, not the query: a
/// fragment never reaches the server, whose limit on a query is often 8 KB.
pub fn to_fragment(page: &Page) -> String {
    let Page::Lesson(s) = page else {
        return String::new();
    };
    let pairs: Vec<(String, String)> = s
        .edits
        .iter()
        .zip(EDITS)
        .filter_map(|(e, key)| {
            e.as_ref()
                .map(|src| (key.to_string(), crate::nav::pack::pack(src)))
        })
        .collect();
    crate::nav::query::build(&pairs)
}

/// The pairs of a URL fragment, edits unpacked (to be read after the query's pairs, so they
/// win), and a notice naming the key for each value that does not unpack.
pub fn from_fragment(fragment: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut pairs = Vec::new();
    let mut notices = Vec::new();
    for (k, v) in crate::nav::query::parse(fragment.trim_start_matches('#')) {
        match EDITS.iter().position(|e| *e == k) {
            Some(i) => match crate::nav::pack::unpack(&v, MAX_EDIT_BYTES) {
                Ok(src) => pairs.push((k, src)),
                Err(why) => notices.push(format!(
                    "{k} in this link could not be read: {why}; showing the lesson's own {}.",
                    ["bad.go", "good.go"][i]
                )),
            },
            None => notices.push(format!(
                "\u{201c}{k}\u{201d} after # is not a key the playground knows; ignored."
            )),
        }
    }
    (pairs, notices)
}

/// Notices for keys the page does not know and keys given more than once, each naming the key.
/// `known` are the keys of other views sharing the URL (embed options, language).
pub fn key_notices(
    pairs: &[(String, String)],
    lesson: Option<&Lesson>,
    known: &[&str],
) -> Vec<String> {
    let mut notices = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in pairs {
        if seen.contains(&k.as_str()) {
            continue;
        }
        seen.push(k.as_str());
        let n = pairs.iter().filter(|(k2, _)| k2 == k).count();
        if n > 1 {
            let last = pairs
                .iter()
                .rev()
                .find(|(k2, _)| k2 == k)
                .map_or("", |(_, v)| v.as_str());
            let shown: String = last.chars().take(40).collect();
            notices.push(format!(
                "\u{201c}{k}\u{201d} is in this link {n} times; using the last one ({shown:?})."
            ));
        }
        let mine = [
            LESSON, SEED, GO, RACE, STEP, SCHEDULE, SCHEDULER, PICKS, EDITS[0], EDITS[1],
        ]
        .contains(&k.as_str())
            || known.contains(&k.as_str())
            || lesson.is_some_and(|l| l.param(k).is_some());
        if !mine {
            notices.push(format!(
                "\u{201c}{k}\u{201d} is not a key the playground knows; ignored."
            ));
        }
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::catalog::Param;

    fn lesson() -> Lesson {
        let param = |name: &str, default, lo, hi| Param {
            name: name.into(),
            default,
            lo,
            hi,
            label: name.into(),
            line: 1,
        };
        Lesson {
            slug: "demo".into(),
            number: 1,
            chapter: "C".into(),
            title: "T".into(),
            claim: "X".into(),
            title_zh: None,
            claim_zh: None,
            param_labels_zh: Vec::new(),
            seed: 3,
            params: vec![
                param("requests", 10, 1, 200),
                param("timeoutMs", 50, 10, 500),
            ],
            bad_go: "",
            good_go: "",
            explain_en: "",
            explain_zh: None,
            expect: Vec::new(),
            preempt_every: None,
            race: false,
            real_go: Default::default(),
            go: GoVersion::Go127,
        }
    }

    fn route(q: &str) -> Route {
        let l = Box::leak(Box::new(lesson()));
        resolve(&crate::nav::query::parse(q), |s| {
            (s == "demo").then_some(&*l)
        })
    }

    fn state(r: &Route) -> Option<&LessonState> {
        match &r.page {
            Page::Lesson(s) => Some(s),
            Page::Home | Page::Scheduler { .. } => None,
        }
    }

    #[test]
    fn a_schedule_and_a_scheduler_challenge_travel_in_the_query() {
        let r = route("lesson=demo&sched=1*3.2");
        assert_eq!(
            state(&r).and_then(|s| s.schedule.clone()),
            Some("1*3.2".to_string())
        );
        assert!(r.notices.is_empty());
        let pairs = to_pairs(&r.page, Some(&lesson()), &[]);
        assert!(pairs.contains(&(SCHEDULE.to_string(), "1*3.2".to_string())));
        let r = route("lesson=demo&sched=1*x");
        assert_eq!(state(&r).and_then(|s| s.schedule.clone()), None);
        assert_eq!(
            r.notices,
            vec!["sched: not a goroutine choice: \"1*x\"; running in Go's order.".to_string()]
        );
        let r = route("scheduler=lost-update&picks=1*2.3");
        assert_eq!(
            r.page,
            Page::Scheduler {
                slug: "lost-update".into(),
                picks: "1*2.3".into()
            }
        );
        assert_eq!(
            to_pairs(&r.page, None, &[]),
            vec![
                (SCHEDULER.to_string(), "lost-update".to_string()),
                (PICKS.to_string(), "1*2.3".to_string())
            ]
        );
        let r = route("scheduler=nope");
        assert_eq!(r.page, Page::Home);
        assert_eq!(r.notices.len(), 1);
    }

    #[test]
    fn no_lesson_key_is_the_home_page_without_notices() {
        assert_eq!(route("").page, Page::Home);
        assert!(route("").notices.is_empty());
    }

    #[test]
    fn an_unknown_lesson_falls_back_to_home_with_a_notice() {
        let r = route("?lesson=nope");
        assert_eq!(r.page, Page::Home);
        assert_eq!(
            r.notices,
            ["There is no lesson called \u{201c}nope\u{201d}: here is the list of lessons."]
        );
    }

    #[test]
    fn a_lesson_alone_takes_its_defaults_at_the_end() {
        let r = route("?lesson=demo");
        assert_eq!(
            state(&r),
            Some(&LessonState {
                slug: "demo".into(),
                params: vec![10, 50],
                seed: 3,
                step: None,
                edits: [None, None],
                schedule: None,
                go: GoVersion::Go127,
                race: false,
            })
        );
    }

    #[test]
    fn params_seed_and_step_are_read() {
        let r = route("?lesson=demo&requests=200&timeoutMs=10&seed=9&step=42");
        assert_eq!(
            state(&r),
            Some(&LessonState {
                slug: "demo".into(),
                params: vec![200, 10],
                seed: 9,
                step: Some(42),
                edits: [None, None],
                schedule: None,
                go: GoVersion::Go127,
                race: false,
            })
        );
        assert!(r.notices.is_empty());
    }

    #[test]
    fn the_race_detector_is_the_lesson_s_unless_the_url_says_otherwise() {
        let race = |q: &str| state(&route(q)).map(|s| s.race);
        assert_eq!(race("?lesson=demo"), Some(false));
        assert_eq!(race("?lesson=demo&race=1"), Some(true));
        assert_eq!(race("?lesson=demo&race=on"), Some(true));
        assert_eq!(race("?lesson=demo&race=0"), Some(false));
        let r = route("?lesson=demo&race=yes");
        assert_eq!(state(&r).map(|s| s.race), Some(false));
        assert_eq!(
            r.notices,
            ["race \"yes\" is neither 1 (on) nor 0 (off); the race detector is off."]
        );
        // Written only when it is not the lesson's default.
        let l = lesson();
        let on = Page::Lesson(LessonState {
            race: true,
            ..LessonState::defaults(&l)
        });
        let q = crate::nav::query::build(&to_pairs(&on, Some(&l), &[]));
        assert_eq!(q, "lesson=demo&requests=10&timeoutMs=50&seed=3&race=1");
        let off = Page::Lesson(LessonState::defaults(&l));
        let q = crate::nav::query::build(&to_pairs(&off, Some(&l), &[]));
        assert_eq!(q, "lesson=demo&requests=10&timeoutMs=50&seed=3");
    }

    #[test]
    fn an_out_of_range_param_keeps_its_default_and_says_so() {
        let r = route("?lesson=demo&requests=201");
        assert_eq!(state(&r).map(|s| s.params.clone()), Some(vec![10, 50]));
        assert_eq!(
            r.notices,
            ["parameter requests: 201 is outside 1..200; using the default 10."]
        );
    }

    #[test]
    fn a_non_numeric_seed_keeps_the_lesson_seed_and_says_so() {
        let r = route("?lesson=demo&seed=abc");
        assert_eq!(state(&r).map(|s| s.seed), Some(3));
        assert_eq!(
            r.notices,
            ["seed \"abc\" is not a whole number; using the lesson's seed 3."]
        );
    }

    #[test]
    fn a_non_numeric_step_shows_the_end_and_says_so() {
        let r = route("?lesson=demo&step=-1");
        assert_eq!(state(&r).map(|s| s.step), Some(None));
        assert_eq!(
            r.notices,
            ["step \"-1\" is not a whole number; showing the end of the run."]
        );
    }

    #[test]
    fn the_go_version_is_read_and_a_wrong_one_is_named_in_a_notice() {
        assert_eq!(
            state(&route("?lesson=demo&go=1.21")).map(|s| s.go),
            Some(GoVersion::Go121)
        );
        let r = route("?lesson=demo&go=1.22");
        assert_eq!(state(&r).map(|s| s.go), Some(GoVersion::Go127));
        assert_eq!(
            r.notices,
            ["go \"1.22\" is not a Go version the playground runs (1.21 or 1.27); using Go 1.27."]
        );
        assert!(
            key_notices(&crate::nav::query::parse("lesson=demo&go=1.21"), None, &[]).is_empty()
        );
    }

    #[test]
    fn the_go_version_is_written_only_when_it_is_not_the_lessons_own() {
        let mut l = lesson();
        let mut s = LessonState::defaults(&l);
        let q = |s: &LessonState, l: &Lesson| {
            crate::nav::query::build(&to_pairs(&Page::Lesson(s.clone()), Some(l), &[]))
        };
        assert_eq!(q(&s, &l), "lesson=demo&requests=10&timeoutMs=50&seed=3");
        s.go = GoVersion::Go121;
        assert_eq!(
            q(&s, &l),
            "lesson=demo&requests=10&timeoutMs=50&seed=3&go=1.21"
        );
        // A lesson that opens under Go 1.21 writes the switch to 1.27.
        l.go = GoVersion::Go121;
        s.go = GoVersion::Go127;
        assert_eq!(
            q(&s, &l),
            "lesson=demo&requests=10&timeoutMs=50&seed=3&go=1.27"
        );
    }

    #[test]
    fn unknown_keys_are_kept_as_extra() {
        let r = route("?embed=1&lesson=demo&requests=5&panes=code");
        assert_eq!(
            r.extra,
            vec![
                ("embed".to_string(), "1".to_string()),
                ("panes".to_string(), "code".to_string())
            ]
        );
    }

    #[test]
    fn to_pairs_and_to_fragment_round_trip_through_resolve() {
        let l = lesson();
        let s = LessonState {
            slug: "demo".into(),
            params: vec![7, 70],
            seed: 11,
            step: Some(5),
            edits: [None, Some("package main\n\nfunc main() {}\n".into())],
            schedule: None,
            go: GoVersion::Go121,
            race: true,
        };
        let extra = vec![("embed".to_string(), "1".to_string())];
        let page = Page::Lesson(s.clone());
        let q = crate::nav::query::build(&to_pairs(&page, Some(&l), &extra));
        assert_eq!(
            q,
            "lesson=demo&requests=7&timeoutMs=70&seed=11&go=1.21&race=1&step=5&embed=1"
        );
        let frag = to_fragment(&page);
        assert!(frag.starts_with("good_go="), "{frag}");
        let (mut pairs, notices) = from_fragment(&format!("#{frag}"));
        assert!(notices.is_empty(), "{notices:?}");
        let mut all = crate::nav::query::parse(&q);
        all.append(&mut pairs);
        let r = resolve(&all, |slug| (slug == "demo").then_some(&l));
        assert_eq!(state(&r), Some(&s));
        assert_eq!(r.extra, extra);
    }

    #[test]
    fn a_damaged_fragment_edit_is_named_in_a_notice() {
        let (pairs, notices) = from_fragment("#bad_go=AAAA&zzz=1");
        assert!(pairs.is_empty());
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(
            notices[0].starts_with("bad_go in this link could not be read"),
            "{notices:?}"
        );
        assert!(notices[1].contains("zzz"), "{notices:?}");
    }

    #[test]
    fn unknown_and_repeated_keys_are_named() {
        let l = lesson();
        let pairs =
            crate::nav::query::parse("lesson=demo&seed=1&seed=2&requests=3&colour=red&embed=1");
        assert_eq!(
            key_notices(&pairs, Some(&l), &["embed"]),
            [
                "\u{201c}seed\u{201d} is in this link 2 times; using the last one (\"2\").",
                "\u{201c}colour\u{201d} is not a key the playground knows; ignored."
            ]
        );
    }

    #[test]
    fn an_edited_program_is_read_and_not_kept_as_extra() {
        let r = route("?lesson=demo&bad_go=package+main%0A");
        assert_eq!(
            state(&r).map(|s| s.edits.clone()),
            Some([Some("package main\n".to_string()), None])
        );
        assert!(r.extra.is_empty());
        assert!(r.notices.is_empty());
    }

    #[test]
    fn an_edit_too_long_for_a_link_is_dropped_with_a_notice() {
        let long = "x".repeat(MAX_EDIT_BYTES + 1);
        let r = route(&format!("?lesson=demo&good_go={long}"));
        assert_eq!(state(&r).map(|s| s.edits.clone()), Some([None, None]));
        assert_eq!(
            r.notices,
            [
                "The edited good.go in this link is 20001 bytes, more than the 20000 a link may carry; showing the lesson's own good.go."
            ]
        );
    }

    #[test]
    fn the_home_page_has_no_pairs() {
        assert!(to_pairs(&Page::Home, None, &[]).is_empty());
    }
}
