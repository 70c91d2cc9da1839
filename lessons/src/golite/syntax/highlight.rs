//! Syntax highlighting for the UI's code view: Go source split into lines of classified spans.
//!
//! Built on the [lexer](super::lexer), so it agrees with what the parser sees, and it never fails:
//! malformed pieces (an unterminated string, a stray `@`) become [`TokenClass::Plain`] spans.

use super::lexer::lex;
use super::token::TokKind;

/// How a span of source text is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenClass {
    /// `func`, `go`, `select`, ...
    Keyword,
    /// Any other identifier.
    Ident,
    /// Predeclared types, builtin functions and constants: `int`, `error`, `make`, `nil`, `true`.
    Builtin,
    /// String and rune literals.
    String,
    /// Integer and floating-point literals.
    Number,
    /// `//` and `/* */` comments.
    Comment,
    /// Operators: `+`, `<-`, `:=`, `&&`, ...
    Operator,
    /// Brackets and separators: `(`, `)`, `{`, `}`, `[`, `]`, `,`, `;`, `.`, `:`.
    Punctuation,
    /// Whitespace and anything malformed.
    Plain,
}

impl TokenClass {
    /// A short CSS class name for the span (`kw`, `id`, `bi`, `str`, `num`, `com`, `op`, `pun`,
    /// `pl`).
    pub fn css(self) -> &'static str {
        match self {
            TokenClass::Keyword => "kw",
            TokenClass::Ident => "id",
            TokenClass::Builtin => "bi",
            TokenClass::String => "str",
            TokenClass::Number => "num",
            TokenClass::Comment => "com",
            TokenClass::Operator => "op",
            TokenClass::Punctuation => "pun",
            TokenClass::Plain => "pl",
        }
    }
}

/// One source line: spans whose texts, concatenated, are exactly the line (without its `\n`).
pub type Line = Vec<(TokenClass, String)>;

/// Go's predeclared identifiers (universe scope).
const PREDECLARED: [&str; 44] = [
    "any",
    "bool",
    "byte",
    "comparable",
    "complex64",
    "complex128",
    "error",
    "float32",
    "float64",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "rune",
    "string",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "true",
    "false",
    "iota",
    "nil",
    "append",
    "cap",
    "clear",
    "close",
    "complex",
    "copy",
    "delete",
    "imag",
    "len",
    "make",
    "max",
    "min",
    "new",
    "panic",
    "print",
    "println",
    "real",
    "recover",
];

/// Splits `src` into lines (one per `\n`-separated line, so line `n` of the result is source line
/// `n + 1`) of classified spans covering the text exactly.
pub fn highlight(src: &str) -> Vec<Line> {
    let mut spans: Vec<(TokenClass, usize, usize)> = Vec::new();
    let mut at = 0;
    for t in lex(src) {
        if t.end <= t.start || t.start < at {
            continue; // inserted semicolons and end of file take no text
        }
        if t.start > at {
            spans.push((TokenClass::Plain, at, t.start));
        }
        spans.push((classify(t.kind, t.text, t.error.is_some()), t.start, t.end));
        at = t.end;
    }
    if at < src.len() {
        spans.push((TokenClass::Plain, at, src.len()));
    }
    let mut lines: Vec<Line> = vec![Vec::new()];
    for (class, start, end) in spans {
        let Some(text) = src.get(start..end) else {
            continue;
        };
        let mut parts = text.split('\n');
        if let Some(first) = parts.next() {
            push_span(&mut lines, class, first);
        }
        for part in parts {
            lines.push(Vec::new());
            push_span(&mut lines, class, part);
        }
    }
    lines
}

fn push_span(lines: &mut [Line], class: TokenClass, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(line) = lines.last_mut() {
        line.push((class, text.to_string()));
    }
}

fn classify(kind: TokKind, text: &str, has_error: bool) -> TokenClass {
    if has_error {
        return TokenClass::Plain;
    }
    match kind {
        TokKind::Keyword => TokenClass::Keyword,
        TokKind::Ident if PREDECLARED.contains(&text) => TokenClass::Builtin,
        TokKind::Ident => TokenClass::Ident,
        TokKind::Int | TokKind::Float | TokKind::Imag => TokenClass::Number,
        TokKind::Rune | TokKind::Str => TokenClass::String,
        TokKind::Comment => TokenClass::Comment,
        TokKind::Semi => TokenClass::Punctuation,
        TokKind::Op => match text {
            "(" | ")" | "[" | "]" | "{" | "}" | "," | "." | ":" | "..." => TokenClass::Punctuation,
            _ => TokenClass::Operator,
        },
        TokKind::Eof | TokKind::Invalid => TokenClass::Plain,
    }
}

#[cfg(test)]
mod tests {
    use super::TokenClass::*;
    use super::*;

    fn joined(lines: &[Line]) -> std::string::String {
        lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<std::string::String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn classes_of_a_simple_line() {
        let lines = highlight("x := make(chan int, 3) // buffer");
        assert_eq!(
            lines,
            vec![vec![
                (Ident, "x".to_string()),
                (Plain, " ".to_string()),
                (Operator, ":=".to_string()),
                (Plain, " ".to_string()),
                (Builtin, "make".to_string()),
                (Punctuation, "(".to_string()),
                (Keyword, "chan".to_string()),
                (Plain, " ".to_string()),
                (Builtin, "int".to_string()),
                (Punctuation, ",".to_string()),
                (Plain, " ".to_string()),
                (Number, "3".to_string()),
                (Punctuation, ")".to_string()),
                (Plain, " ".to_string()),
                (Comment, "// buffer".to_string()),
            ]]
        );
    }

    #[test]
    fn one_line_per_source_line_including_trailing_empty_line() {
        assert_eq!(highlight("a\n\nb\n").len(), 4);
    }

    #[test]
    fn raw_string_across_lines_is_split_per_line() {
        let lines = highlight("s := `a\nb`");
        assert_eq!(lines[1], vec![(String, "b`".to_string())]);
        assert_eq!(lines[0].last(), Some(&(String, "`a".to_string())));
    }

    #[test]
    fn block_comment_across_lines_is_split_per_line() {
        let lines = highlight("/* a\n b */ x");
        assert_eq!(lines[0], vec![(Comment, "/* a".to_string())]);
        assert_eq!(
            lines[1],
            vec![
                (Comment, " b */".to_string()),
                (Plain, " ".to_string()),
                (Ident, "x".to_string())
            ]
        );
    }

    #[test]
    fn unterminated_string_is_plain() {
        let lines = highlight("x := \"abc\ny");
        assert_eq!(lines[0].last(), Some(&(Plain, "\"abc".to_string())));
        assert_eq!(lines[1], vec![(Ident, "y".to_string())]);
    }

    #[test]
    fn invalid_character_is_plain() {
        assert_eq!(highlight("@")[0], vec![(Plain, "@".to_string())]);
    }

    #[test]
    fn spans_cover_text_exactly_for_odd_inputs() {
        for src in [
            "",
            "\n",
            "package main\r\n\tfunc main() {}\r\n",
            "'\\",
            "\"\\",
            "`unterminated",
            "/* open",
            "x := 0x_",
            "世界 := \"héllo\" // ünïcode",
            "\u{feff}package main",
            "a\n\n\n",
        ] {
            assert_eq!(joined(&highlight(src)), src, "for {src:?}");
        }
    }

    #[test]
    fn spans_cover_text_exactly_for_every_prefix_of_a_program() {
        let prog = "package main\n\nimport \"fmt\"\n\n/* doc\n */\nfunc main() {\n\ts := `raw\nstr`\n\tr := '\\''\n\tfmt.Println(s, r, 1.5e3, 0x1F) // end\n}\n";
        for (i, _) in prog.char_indices() {
            assert_eq!(joined(&highlight(&prog[..i])), &prog[..i]);
        }
    }

    #[test]
    fn every_lesson_program_is_covered_exactly_with_one_line_per_source_line() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let mut checked = 0;
        for lesson in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            for file in ["bad.go", "good.go"] {
                let Ok(src) = std::fs::read_to_string(lesson.path().join(file)) else {
                    continue;
                };
                let lines = highlight(&src);
                assert_eq!(lines.len(), src.split('\n').count());
                assert_eq!(joined(&lines), src);
                checked += 1;
            }
        }
        assert!(checked >= 2, "only {checked} lesson files found");
    }
}
