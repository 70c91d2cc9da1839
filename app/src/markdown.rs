//! Markdown to HTML for lesson text: whole explanations, and one-line claims whose `code` spans
//! and emphasis should render inline. Raw HTML in the source is escaped, never passed through:
//! lesson text is data, not markup.

use pulldown_cmark::{Event, Options, Parser, html};

/// A Markdown document (an explanation) as HTML.
pub fn to_html(src: &str) -> String {
    let events: Vec<Event<'_>> =
        Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
            .map(escape_raw_html)
            .collect();
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, join_wide_lines(events).into_iter());
    out
}

/// Drops the line breaks inside a paragraph that fall between two East Asian wide characters.
/// A browser shows such a break as a space, and Chinese has none between its characters:
/// `服务\n越吃力` must read `服务越吃力`, not `服务 越吃力`. (CSS Text 3 says browsers should
/// drop these breaks themselves; Chromium does not.) A break next to Latin text stays a space.
fn join_wide_lines(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // The character a text or code span shows at the break; emphasis tags are looked through
    // (`**无缓冲**` then a break), anything else (an image, a hard break) ends the search.
    fn edge(e: &Event<'_>, last: bool) -> Option<Option<char>> {
        match e {
            Event::Text(t) | Event::Code(t) => Some(if last {
                t.chars().next_back()
            } else {
                t.chars().next()
            }),
            Event::Start(_) | Event::End(_) => None,
            _ => Some(None),
        }
    }
    let wide_at = |found: Option<Option<char>>| found.flatten().is_some_and(is_wide);
    let keep: Vec<bool> = (0..events.len())
        .map(|i| {
            if !matches!(events[i], Event::SoftBreak) {
                return true;
            }
            let before = events[..i].iter().rev().find_map(|e| edge(e, true));
            let after = events[i + 1..].iter().find_map(|e| edge(e, false));
            !(wide_at(before) && wide_at(after))
        })
        .collect();
    events
        .into_iter()
        .zip(keep)
        .filter_map(|(e, keep)| keep.then_some(e))
        .collect()
}

/// Chinese and Japanese characters and their full-width punctuation (Unicode's East Asian
/// wide and full-width blocks that lesson text uses; Hangul, which is written with spaces,
/// is not among them).
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation: 。、「」
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF01}'..='\u{FF60}' // full-width forms: ，：（）
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// One line of Markdown (a claim) as inline HTML, without the paragraph around it.
pub fn inline_html(src: &str) -> String {
    let html = to_html(src);
    let trimmed = html.trim_end();
    trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .unwrap_or(trimmed)
        .to_string()
}

/// Turns raw HTML into text, so `<b>` in a lesson shows as `<b>`.
fn escape_raw_html(e: Event<'_>) -> Event<'_> {
    match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_render_inline() {
        assert_eq!(
            inline_html("Use `ctx.Done()` in the *select*."),
            "Use <code>ctx.Done()</code> in the <em>select</em>."
        );
    }

    #[test]
    fn raw_html_is_escaped() {
        assert_eq!(
            inline_html("a <b>bold</b> claim"),
            "a &lt;b&gt;bold&lt;/b&gt; claim"
        );
    }

    #[test]
    fn a_line_break_between_chinese_characters_is_dropped() {
        assert_eq!(
            to_html("所以服务\n越吃力，泄漏越快。\n垃圾回收器**无法**\n回收它们"),
            "<p>所以服务越吃力，泄漏越快。垃圾回收器<strong>无法</strong>回收它们</p>\n"
        );
    }

    #[test]
    fn a_line_break_next_to_latin_text_or_code_stays() {
        assert_eq!(
            to_html("在一个\nchannel 上\n`select`，当 worker\n会产生\nmore lines\nhere"),
            "<p>在一个\nchannel 上\n<code>select</code>，当 worker\n会产生\nmore lines\nhere</p>\n"
        );
    }

    #[test]
    fn documents_keep_headings_and_code_blocks() {
        assert_eq!(
            to_html("## Fix\n\n```go\nx := 1\n```\n"),
            "<h2>Fix</h2>\n<pre><code class=\"language-go\">x := 1\n</code></pre>\n"
        );
    }
}
