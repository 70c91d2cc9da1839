//! golite's one error type, for syntax and compile errors alike: what is wrong and where, printed
//! like Go's compiler.

use std::fmt;

/// A lexical or syntax error, a construct outside the golite subset, a type error or a bad
/// lesson parameter, at a 1-based position (line 0: the error has none, as for an unknown
/// parameter name).
///
/// `msg` is complete, e.g. `syntax error: unexpected newline, expected comma or )` or
/// `goto statements are outside the golite subset`; [`Error::in_file`] adds the file name
/// the way `go build` prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (bytes).
    pub col: u32,
    /// What is wrong, in Go's words where Go has them.
    pub msg: String,
}

impl Error {
    /// Formats as `file:line:col: msg`, e.g. `bad.go:12:5: syntax error: unexpected newline`.
    pub fn in_file(&self, file: &str) -> String {
        format!("{file}:{}:{}: {}", self.line, self.col, self.msg)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.msg)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_file_prints_like_go_build() {
        let e = Error {
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
