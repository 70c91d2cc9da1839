//! Tokens of Go source text, as produced by the [lexer](super::lexer) and read by the parser and
//! the highlighter.

use super::ast::Pos;

/// The Go keywords (all 25 of them; `goto` is lexed so the parser can reject it by name).
pub(crate) const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Operators and punctuation, longest first so the lexer can match greedily (`~` is lexed so the
/// parser can reject type constraints by name).
pub(crate) const OPERATORS: [&str; 48] = [
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|",
    "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~",
];

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TokKind {
    /// An identifier (including predeclared names such as `int`, `nil`, `len`).
    Ident,
    /// One of [`KEYWORDS`].
    Keyword,
    /// An operator or punctuation other than `;`.
    Op,
    /// An integer literal.
    Int,
    /// A floating-point literal.
    Float,
    /// An imaginary literal (`2i`): lexed, but outside the golite subset.
    Imag,
    /// A rune literal.
    Rune,
    /// An interpreted or raw string literal.
    Str,
    /// A `//` or `/* */` comment.
    Comment,
    /// A semicolon: explicit (`;`), or inserted at a newline or at the end of the file.
    Semi,
    /// End of input.
    Eof,
    /// A character that cannot start any token (e.g. `@`, `#`, `?`), or the first token with a lexical error as
    /// the parser sees it.
    Invalid,
}

/// A literal's value, decoded by the lexer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum LitValue {
    /// Not a literal, or a literal with an error.
    None,
    /// An integer literal's value.
    Int(u64),
    /// A float literal's value.
    Float(f64),
    /// An imaginary literal's value (its imaginary part).
    Imag(f64),
    /// A rune literal's value.
    Rune(char),
    /// A string literal's unescaped value.
    Str(String),
}

/// One token with its source text and position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token<'a> {
    /// What kind of token.
    pub(crate) kind: TokKind,
    /// The exact source text (`"\n"` for a semicolon inserted at a newline, `""` at end of file).
    pub(crate) text: &'a str,
    /// Where the token starts.
    pub(crate) pos: Pos,
    /// Byte offset of the token's start in the source.
    pub(crate) start: usize,
    /// Byte offset just past the token's end.
    pub(crate) end: usize,
    /// The decoded value of a literal.
    pub(crate) value: LitValue,
    /// A lexical error in this token (bad escape, unterminated literal, ...), in Go's words.
    pub(crate) error: Option<String>,
    /// Byte offset in the source where Go reports `error` (the token start, the offending
    /// digit or escape, or the end of the literal, depending on the error).
    pub(crate) error_at: usize,
    /// For comments: true when nothing but whitespace precedes it on its line.
    pub(crate) own_line: bool,
}

impl Token<'_> {
    /// True if this is the operator or punctuation `op`.
    pub(crate) fn is_op(&self, op: &str) -> bool {
        self.kind == TokKind::Op && self.text == op
    }

    /// True if this is the keyword `kw`.
    pub(crate) fn is_keyword(&self, kw: &str) -> bool {
        self.kind == TokKind::Keyword && self.text == kw
    }

    /// How Go's compiler names this token in "unexpected X" messages: `name x`, `literal 42`,
    /// `keyword func`, `newline`, `EOF`, or the operator itself.
    pub(crate) fn describe(&self) -> String {
        match self.kind {
            TokKind::Ident => format!("name {}", self.text),
            TokKind::Keyword => format!("keyword {}", self.text),
            TokKind::Int | TokKind::Float | TokKind::Imag | TokKind::Rune | TokKind::Str => {
                format!("literal {}", self.text)
            }
            TokKind::Semi => match self.text {
                ";" => "semicolon".to_string(),
                "\n" => "newline".to_string(),
                _ => "EOF".to_string(),
            },
            TokKind::Eof => "EOF".to_string(),
            TokKind::Op if self.text == "," => "comma".to_string(),
            _ => self.text.to_string(),
        }
    }
}
