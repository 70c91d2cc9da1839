//! Ships the lesson catalog pre-digested: loads `lessons/catalog/` with the lessons crate (TOML,
//! parameter markers, validation) and renders the Markdown to HTML here, at build time. It writes
//! - Rust that builds each lesson's metadata (`shipped_lessons.rs`, `shipped_html.rs`): what the
//!   home page and the URL checks need, compiled into the wasm;
//! - one JSON file per lesson with its two programs and its explanations
//!   (`lesson-text/SLUG.HASH.json`), which script/build copies to `dist/lessons/` and the page
//!   fetches when the lesson opens, so the first load does not carry every lesson's text. The
//!   hash of the content is in the name, so a cached file never meets a newer wasm.
//!
//! The wasm then carries neither a TOML parser nor a Markdown renderer (about 250 KB of code),
//! and a broken lesson fails the build instead of showing an error on the home page.

use std::fmt::Write as _;
use std::path::Path;

// The page's own running and verdict code, so the verdicts made here are the page's
// (`src/playback/verdict_shown.rs`).
#[path = "src/playback/engine.rs"]
#[allow(dead_code)]
mod engine;
#[path = "src/markdown.rs"]
mod markdown;
mod prerender;
#[path = "src/playback/verdict.rs"]
#[allow(dead_code)]
mod verdict;
#[path = "src/playback/verdict_shown.rs"]
#[allow(dead_code)]
mod verdict_shown;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    println!(
        "cargo:rerun-if-changed={}",
        Path::new(&manifest).join("../lessons/catalog").display()
    );
    println!("cargo:rerun-if-changed=src/markdown.rs");
    println!("cargo:rerun-if-changed=prerender.rs");
    println!("cargo:rerun-if-changed=src/playback/engine.rs");
    println!("cargo:rerun-if-changed=src/playback/verdict.rs");
    println!("cargo:rerun-if-changed=src/playback/verdict_shown.rs");

    let errors = lessons::catalog::load_errors();
    if !errors.is_empty() {
        for e in errors {
            println!("cargo:warning={e}");
        }
        panic!(
            "the lesson catalog has {} problem(s), listed above",
            errors.len()
        );
    }

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir);
    let text_dir = out.join("lesson-text");
    // Start empty, so a renamed or edited lesson leaves no stale file to ship.
    let _ = std::fs::remove_dir_all(&text_dir);
    std::fs::create_dir_all(&text_dir).expect("creating lesson-text/");

    let all = lessons::catalog::all();
    // Each lesson page as static HTML (prerender.rs), for script/build to put into index.html.
    let mut pages = Vec::new();
    let mut lessons = String::from("vec![\n");
    let mut html = String::from("&[\n");
    let mut texts = String::from("&[\n");
    let mut harms = String::from("&[\n");
    let mut links = String::from("&[\n");
    let mut challenges = String::from("&[\n");
    for (i, l) in all.iter().enumerate() {
        let mut params = String::new();
        for p in &l.params {
            let _ = write!(
                params,
                "Param {{ name: String::from({:?}), default: {}, lo: {}, hi: {}, label: String::from({:?}), line: {} }}, ",
                p.name, p.default, p.lo, p.hi, p.label, p.line
            );
        }
        let labels_zh: String = l
            .param_labels_zh
            .iter()
            .map(|(n, z)| format!("(String::from({n:?}), String::from({z:?})), "))
            .collect();
        let _ = writeln!(
            lessons,
            "    Lesson {{ slug: String::from({:?}), number: {}, chapter: String::from({:?}), title: String::from({:?}), \
             claim: String::from({:?}), title_zh: {}, claim_zh: {}, param_labels_zh: vec![{labels_zh}], seed: {}, params: vec![{params}], bad_go: \"\", good_go: \"\", \
             explain_en: \"\", explain_zh: None, expect: Vec::new(), preempt_every: {:?}, race: {}, real_go: RealGo::default(), go: GoVersion::{:?} }},",
            l.slug,
            l.number,
            l.chapter,
            l.title,
            l.claim,
            optional_string(l.title_zh.as_deref()),
            optional_string(l.claim_zh.as_deref()),
            l.seed,
            l.preempt_every,
            l.race,
            l.go
        );
        let explain_en = markdown::to_html(l.explain_en);
        let explain_zh = l.explain_zh.map(markdown::to_html);
        let verdicts = default_verdicts(l);
        let text = serde_json::json!({
            "bad_go": l.bad_go,
            "good_go": l.good_go,
            "explain_en": explain_en,
            "explain_zh": explain_zh,
            "verdicts": verdicts,
        })
        .to_string();
        let file = format!("{}.{:016x}.json", l.slug, fnv1a(text.as_bytes()));
        let claim_html = markdown::inline_html(&l.claim);
        pages.push(serde_json::json!({
            "slug": l.slug,
            "title": format!("{} · Go anti-pattern playground", prerender::escape(&l.title)),
            "description": prerender::plain(&l.claim),
            "text_file": file,
            "html": prerender::lesson_page(
                l,
                i.checked_sub(1).and_then(|p| all.get(p)),
                all.get(i + 1),
                &claim_html,
                &explain_en,
                explain_zh.as_deref(),
                &verdicts,
            ),
        }));
        let path = text_dir.join(&file);
        std::fs::write(&path, &text).expect("writing a lesson's text");
        let _ = writeln!(
            html,
            "    Shipped {{ claim_html: {:?}, claim_zh_html: {:?}, text_file: {file:?} }},",
            claim_html,
            l.claim_zh.as_deref().map(markdown::inline_html),
        );
        let _ = writeln!(texts, "    include_str!({:?}),", path.display().to_string());
        let _ = writeln!(harms, "    {},", harm_code(&l.slug));
        let _ = writeln!(links, "    {},", links_code(&l.slug));
        let _ = writeln!(challenges, "    {},", challenge_code(l));
    }
    lessons.push(']');
    html.push(']');
    texts.push(']');
    harms.push(']');
    links.push(']');
    challenges.push(']');

    std::fs::write(out.join("shipped_lessons.rs"), lessons).expect("writing shipped_lessons.rs");
    std::fs::write(out.join("shipped_html.rs"), html).expect("writing shipped_html.rs");
    std::fs::write(out.join("shipped_texts.rs"), texts).expect("writing shipped_texts.rs");
    std::fs::write(
        out.join("prerender.json"),
        serde_json::Value::Array(pages).to_string(),
    )
    .expect("writing prerender.json");
    std::fs::write(out.join("shipped_harm.rs"), harms).expect("writing shipped_harm.rs");
    std::fs::write(out.join("shipped_links.rs"), links).expect("writing shipped_links.rs");
    std::fs::write(out.join("shipped_challenge.rs"), challenges)
        .expect("writing shipped_challenge.rs");
    write_scheduler_challenges(out, &manifest);
}

/// Both verdicts of `l` at its defaults (parameters, seed, preemption, race detector, links, Go
/// release: the state a lesson page opens in), from running both programs here with the page's
/// own engine code (`src/playback/engine.rs`): the run is deterministic, so it is the page's
/// run. A lesson whose default run cannot give a verdict (a compile error, a limit) fails the
/// build: the static page must not show what the page would not.
fn default_verdicts(l: &lessons::catalog::Lesson) -> verdict_shown::BothShown {
    let params = l
        .params
        .iter()
        .map(|p| (p.name.clone(), p.default.to_string()))
        .collect();
    let mut job = engine::Job::for_go(l.bad_go, l.good_go, params, l.seed, l.preempt_every, l.go)
        .race(l.race)
        .links(lessons::catalog::links_of(&l.slug));
    while !job.work(1_000_000) {}
    let Some(runs) = job.finish() else {
        panic!("lesson {}: the default run did not finish", l.slug);
    };
    for (run, file) in runs.iter().zip(["bad.go", "good.go"]) {
        use lessons::runtime::Outcome;
        if matches!(run.report.outcome, Outcome::CompileError | Outcome::Limit) {
            panic!(
                "lesson {}: {file} at its defaults gives no verdict to prerender ({}: {})",
                l.slug,
                run.report.outcome.as_str(),
                run.report.panic
            );
        }
    }
    verdict_shown::both(
        lessons::catalog::harm_of(&l.slug),
        [&runs[0].report, &runs[1].report],
    )
}

/// The "You are the scheduler" challenges (`lessons/scheduler/`) as static data
/// (`shipped_scheduler.rs`, read by `src/sched_catalog.rs`): the wasm carries no TOML parser.
fn write_scheduler_challenges(out: &Path, manifest: &str) {
    println!(
        "cargo:rerun-if-changed={}",
        Path::new(manifest).join("../lessons/scheduler").display()
    );
    let all = lessons::explore::challenges::load().unwrap_or_else(|e| panic!("{e}"));
    let mut code = String::from("&[\n");
    for c in all {
        let _ = writeln!(
            code,
            "    SchedChallenge {{ slug: {:?}, lesson: {:?}, title: {:?}, title_zh: {:?}, goal: {:?}, task: {:?}, task_zh: {:?}, hint: {:?}, hint_zh: {:?}, source: {:?} }},",
            c.slug,
            c.lesson,
            c.title,
            c.title_zh,
            c.goal.text(),
            c.task,
            c.task_zh,
            c.hint,
            c.hint_zh,
            c.source
        );
    }
    code.push(']');
    std::fs::write(out.join("shipped_scheduler.rs"), code).expect("writing shipped_scheduler.rs");
}

/// The lesson's `[harm]` table as a Rust expression of static data, `Some((measures, output,
/// hint, hint_zh))` or `None`: the page judges both runs with it ([`lessons::catalog::judge`]
/// is pure), and `harm_of` itself parses TOML, which the wasm must not carry. Static data,
/// not constructors, keeps the wasm's code small.
fn harm_code(slug: &str) -> String {
    let Some(h) = lessons::catalog::harm_of(slug) else {
        return "None".into();
    };
    let measures: Vec<String> = h
        .measures
        .iter()
        .map(|m| format!("HarmMeasure::{m:?}"))
        .collect();
    format!(
        "Some((&[{}], {:?}, {:?}, {:?}))",
        measures.join(", "),
        h.output,
        h.hint,
        h.hint_zh
    )
}

/// The lesson's `[[listener]]` links as a Rust expression of static data (`&[Link {..}]`), for
/// the page's runs and grading: `links_of` parses TOML, which the wasm must not carry.
fn links_code(slug: &str) -> String {
    let items: Vec<String> = lessons::catalog::links_of(slug)
        .iter()
        .map(|l| {
            format!(
                "Link {{ rtt_ns: {}, bytes_per_sec: {} }}",
                l.rtt_ns, l.bytes_per_sec
            )
        })
        .collect();
    format!("&[{}]", items.join(", "))
}

/// What the fix-it mode needs of a lesson beside its metadata, as static data: the
/// `[[expect]]` parameter sets (the cases graded, `lessons::catalog::challenge::Exam`) and the
/// `[challenge]` hint in English and Chinese (empty where the lesson has none).
fn challenge_code(l: &lessons::catalog::Lesson) -> String {
    let sets: Vec<String> = l
        .expect
        .iter()
        .map(|e| {
            let kv: Vec<String> = e
                .params
                .iter()
                .map(|(k, v)| format!("({k:?}, {v})"))
                .collect();
            format!("&[{}]", kv.join(", "))
        })
        .collect();
    let (hint, hint_zh) = lessons::catalog::challenge::hint_of(&l.slug)
        .map_or((String::new(), String::new()), |h| {
            (h.hint.clone(), h.hint_zh.clone())
        });
    format!("(&[{}], {hint:?}, {hint_zh:?})", sets.join(", "))
}

/// Rust source for an `Option<String>` holding `s`.
fn optional_string(s: Option<&str>) -> String {
    s.map_or_else(|| "None".into(), |s| format!("Some(String::from({s:?}))"))
}

/// FNV-1a, 64 bits: a content hash for file names that is the same on every build of the same
/// text (std's hasher makes no such promise across Rust versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
