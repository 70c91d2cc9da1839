//! Ships the lesson catalog pre-digested: loads `lessons/catalog/` with the lessons crate (TOML,
//! parameter markers, validation) and renders the Markdown to HTML here, at build time, writing
//! Rust that builds the same `Lesson` values. The wasm then carries neither a TOML parser nor a
//! Markdown renderer (about 250 KB of code), and a broken lesson fails the build instead of
//! showing an error on the home page.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/markdown.rs"]
mod markdown;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    println!(
        "cargo:rerun-if-changed={}",
        Path::new(&manifest).join("../lessons/catalog").display()
    );
    println!("cargo:rerun-if-changed=src/markdown.rs");

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

    let mut lessons = String::from("vec![\n");
    let mut html = String::from("&[\n");
    for l in lessons::catalog::all() {
        let mut params = String::new();
        for p in &l.params {
            let _ = write!(
                params,
                "Param {{ name: String::from({:?}), default: {}, lo: {}, hi: {}, label: String::from({:?}), line: {} }}, ",
                p.name, p.default, p.lo, p.hi, p.label, p.line
            );
        }
        let _ = writeln!(
            lessons,
            "    Lesson {{ slug: String::from({:?}), number: {}, chapter: String::from({:?}), title: String::from({:?}), \
             claim: String::from({:?}), seed: {}, params: vec![{params}], bad_go: {:?}, good_go: {:?}, \
             explain_en: \"\", explain_zh: None, expect: Vec::new(), preempt_every: {:?}, real_go: RealGo::default() }},",
            l.slug,
            l.number,
            l.chapter,
            l.title,
            l.claim,
            l.seed,
            l.bad_go,
            l.good_go,
            l.preempt_every
        );
        let _ = writeln!(
            html,
            "    LessonHtml {{ claim: {:?}, explain_en: {:?}, explain_zh: {:?} }},",
            markdown::inline_html(&l.claim),
            markdown::to_html(l.explain_en),
            l.explain_zh.map(markdown::to_html)
        );
    }
    lessons.push(']');
    html.push(']');

    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir);
    std::fs::write(out.join("shipped_lessons.rs"), lessons).expect("writing shipped_lessons.rs");
    std::fs::write(out.join("shipped_html.rs"), html).expect("writing shipped_html.rs");
}
