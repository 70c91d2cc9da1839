//! Markdown to HTML for lesson text: whole explanations, and one-line claims whose `code` spans
//! and emphasis should render inline. Raw HTML in the source is escaped, never passed through:
//! lesson text is data, not markup.

use pulldown_cmark::{Event, Options, Parser, html};

/// A Markdown document (an explanation) as HTML.
pub fn to_html(src: &str) -> String {
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .map(escape_raw_html);
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
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
    fn documents_keep_headings_and_code_blocks() {
        assert_eq!(
            to_html("## Fix\n\n```go\nx := 1\n```\n"),
            "<h2>Fix</h2>\n<pre><code class=\"language-go\">x := 1\n</code></pre>\n"
        );
    }
}
