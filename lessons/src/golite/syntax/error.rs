//! The one error type of the front end: what is wrong and where, printed like Go's compiler.

use std::fmt;

/// A lexical or syntax error, or a construct outside the golite subset, at a 1-based position.
///
/// `msg` is complete, e.g. `syntax error: unexpected newline, expected comma or )` or
/// `goto statements are outside the golite subset`; [`SyntaxError::in_file`] adds the file name
/// the way `go build` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (bytes).
    pub col: u32,
    /// What is wrong, in Go's words where Go has them.
    pub msg: String,
}

impl SyntaxError {
    /// Formats as `file:line:col: msg`, e.g. `bad.go:12:5: syntax error: unexpected newline`.
    pub fn in_file(&self, file: &str) -> String {
        format!("{file}:{}:{}: {}", self.line, self.col, self.msg)
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.msg)
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_file_prints_like_go_build() {
        let e = SyntaxError {
            line: 12,
            col: 5,
            msg: "syntax error: unexpected newline, expected expression".into(),
        };
        assert_eq!(
            e.in_file("bad.go"),
            "bad.go:12:5: syntax error: unexpected newline, expected expression"
        );
    }
}
