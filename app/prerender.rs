//! Each lesson page as static HTML, written at build time (by `build.rs`) so a learner reads the
//! lesson while the engine loads: the title, the claim, both programs highlighted by golite's own
//! lexer, and the explanation in every language it has. The markup follows the app's own
//! (`src/shell/lesson_page.rs`, `src/panes/code_view.rs`: the same elements and classes), so
//! the page's styles lay it out as the app will, and the panes that only a run can fill
//! (goroutine map, channel gauges, charts) are placeholders of about their final size. Each side's
//! verdict is there too, in English and Chinese: the verdict of the lesson's run at its defaults,
//! made at build time with the page's own engine code (`src/playback/verdict_shown.rs`), shown
//! only when the URL asks for that run (`index.html` hides it otherwise).
//! `script/build` puts each fragment into a copy of `index.html` (`dist/pages/SLUG.html`); the
//! page swaps it for the app's own once the app has built it (`index.html`).

use std::fmt::Write as _;

use lessons::catalog::Lesson;
use lessons::golite::highlight::{TokenClass, highlight};

use crate::verdict_shown::{BUILT_NOTE, BothShown, Shown};

/// HTML-escapes text for element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A program as the app's code box shows it: one `.ln` row per line, number and tokens.
pub fn code(file: &str, side: &str, src: &str) -> String {
    let mut out = format!(
        "<div class=\"code\" role=\"region\" aria-label=\"{file} source\" tabindex=\"0\" data-prerender=\"code-{side}\">"
    );
    for (i, tokens) in highlight(src).into_iter().enumerate() {
        let _ = write!(
            out,
            "<div class=\"ln\" data-line=\"{n}\"><span class=\"no\" aria-hidden=\"true\">{n}</span><code class=\"src\">",
            n = i + 1
        );
        for (class, text) in tokens {
            match class {
                TokenClass::Plain | TokenClass::Ident | TokenClass::Punctuation => {
                    out.push_str(&escape(&text));
                }
                c => {
                    let _ = write!(out, "<span class=\"{}\">{}</span>", c.css(), escape(&text));
                }
            }
        }
        out.push_str("</code><span class=\"badges\"></span></div>");
    }
    out.push_str("</div>");
    out
}

/// One language's verdict as the app draws it (`src/lesson/verdict_box.rs`: the same element,
/// classes and data), with the note that it was made at build time.
fn verdict(v: &Shown, lang: &str, note: &str) -> String {
    let mut leaks = String::new();
    for l in &v.leak_lines {
        let _ = write!(
            leaks,
            "<li data-state=\"{}\" data-line=\"{}\" data-count=\"{}\">{}</li>",
            escape(&l.state),
            l.line,
            l.count,
            escape(&l.text)
        );
    }
    format!(
        "<div class=\"built-verdict\" lang=\"{lang}\">\
         <p class=\"verdict tone-{tone}\" data-outcome=\"{outcome}\" data-tone=\"{tone}\" \
         data-leaks=\"{count}\" data-figures=\"{figures}\" data-source=\"build\" lang=\"{lang}\">{text}</p>\
         <ul class=\"leaks{hidden}\">{leaks}</ul><p class=\"verdict-note\">{note}</p></div>",
        tone = escape(&v.tone),
        outcome = escape(&v.outcome),
        count = v.leaks,
        figures = escape(&v.figures),
        text = escape(&v.text),
        hidden = if v.leak_lines.len() > 1 {
            ""
        } else {
            " hidden"
        },
        note = escape(note),
    )
}

/// One side of the page: the header, its verdict (made at build time; a placeholder shows
/// instead where the URL asks for another run), the code, and placeholders for the panes a run
/// fills.
fn side(side: &str, file: &str, tag: &str, blurb: &str, src: &str, v: &[Shown; 2]) -> String {
    format!(
        "<section class=\"side side-{side}\" aria-label=\"{file}: {blurb}\">\
         <header class=\"side-head\"><h2>{file}</h2><span class=\"tag tag-{side}\">{tag}</span>\
         <span class=\"live\">&#8203;</span>\
         <span class=\"edit-buttons\"><button class=\"small\" disabled>Edit</button></span></header>\
         <div class=\"verdict-box\" data-prerender=\"verdict-{side}\">\
         <p class=\"verdict pending built-wait\">Loading the engine…</p>{en}{zh}</div>\
         {code}\
         <div class=\"viz prerender-pane\" aria-hidden=\"true\"></div>\
         <div class=\"charts prerender-pane\" aria-hidden=\"true\"></div>\
         <div class=\"output\"><h3>Output</h3><pre>(nothing printed yet)</pre></div>\
         </section>",
        code = code(file, side, src),
        en = verdict(&v[0], "en", BUILT_NOTE[0]),
        zh = verdict(&v[1], "zh", BUILT_NOTE[1]),
    )
}

/// A link to a lesson the way the app writes it (`?lesson=SLUG`), or home (`./`).
fn link(slug: Option<&str>) -> String {
    slug.map_or_else(|| "./".to_string(), |s| format!("?lesson={s}"))
}

/// The whole lesson page as static HTML: the `#prerender` element `index.html` gets.
pub fn lesson_page(
    l: &Lesson,
    prev: Option<&Lesson>,
    next: Option<&Lesson>,
    claim_html: &str,
    explain_en: &str,
    explain_zh: Option<&str>,
    verdicts: &BothShown,
) -> String {
    let mut nav = format!(
        "<nav class=\"crumbs\" aria-label=\"Lesson navigation\">\
         <a href=\"{home}\" class=\"home-link\">← All lessons</a>\
         <span class=\"spacer keys\"><kbd>space</kbd> play · <kbd>←</kbd> <kbd>→</kbd> step · \
         <kbd>p</kbd> <kbd>n</kbd> lesson</span>",
        home = link(None)
    );
    if let Some(p) = prev {
        let _ = write!(
            nav,
            "<a href=\"{}\" class=\"prev\" title=\"{t}\">← Previous<span class=\"neighbour\">: {t}</span></a>",
            link(Some(&p.slug)),
            t = escape(&p.title)
        );
    }
    if let Some(n) = next {
        let _ = write!(
            nav,
            "<a href=\"{}\" class=\"next\" title=\"{t}\">Next<span class=\"neighbour\">: {t}</span> →</a>",
            link(Some(&n.slug)),
            t = escape(&n.title)
        );
    }
    nav.push_str("</nav>");
    let zh = explain_zh.map_or_else(String::new, |zh| {
        format!(
            "<details class=\"prerender-zh\" lang=\"zh\"><summary>中文</summary>\
             <div class=\"prose\" lang=\"zh\">{zh}</div></details>"
        )
    });
    format!(
        "<div id=\"prerender\" class=\"shell prerender\" aria-busy=\"true\">\
         <div class=\"lesson-page\" data-slug=\"{slug}\">{nav}\
         <header class=\"lesson-head\"><p class=\"kicker\">Lesson {number} · {chapter}</p>\
         <h1 data-prerender=\"title\">{title}</h1><p class=\"claim\" data-prerender=\"claim\">{claim_html}</p></header>\
         <div class=\"toolbar prerender-toolbar\">\
         <div id=\"loading\" class=\"loading\" role=\"status\" aria-live=\"polite\">\
         <span class=\"spinner\" aria-hidden=\"true\"></span>\
         <span id=\"loading-text\">Loading the playground…</span></div></div>\
         <div class=\"sides\">{bad}{good}</div>\
         <article class=\"explanation\" data-prerender=\"explanation\"><div class=\"explain-head\">\
         <h2>Why it goes wrong, and the fix</h2></div>\
         <div class=\"prose\" lang=\"en\">{explain_en}</div>{zh}</article>\
         </div></div>",
        slug = escape(&l.slug),
        number = l.number,
        chapter = escape(&l.chapter),
        title = escape(&l.title),
        bad = side(
            "bad",
            "bad.go",
            "anti-pattern",
            "the bug as it ships",
            l.bad_go,
            &verdicts[0],
        ),
        good = side(
            "good",
            "good.go",
            "fix",
            "the idiomatic fix",
            l.good_go,
            &verdicts[1]
        ),
    )
}

/// The claim as plain text, for the page's `<meta name="description">`.
pub fn plain(s: &str) -> String {
    escape(&s.replace('`', ""))
}
