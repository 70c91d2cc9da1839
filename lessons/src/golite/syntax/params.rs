//! Lesson parameters: ordinary Go constants marked with a `// param:` comment (docs/ARCHITECTURE.md § Lesson format).
//!
//! ```go
//! const requests = 50 // param: 1..2000 "Incoming requests"
//! const timeoutMs = 50 // param: 10..500 "Timeout (ms)"
//! ```
//!
//! The rule, kept deliberately small so the UI, the CLI's `--set` and real Go all agree:
//! a marked constant is an untyped **integer literal** (optionally negative), declared either as
//! `const name = N` on one line or as `name = N` inside a `const ( ... )` block. A duration is
//! written as an integer count of a unit named in the label and the Go code multiplies where it is
//! used (`time.Duration(timeoutMs) * time.Millisecond`). That keeps every parameter a plain integer
//! slider and lets [`apply_params`] rewrite the literal so the very same text runs everywhere.

use std::fmt;

/// One tunable constant of a lesson program.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Param {
    /// The Go identifier of the constant, also the `--set NAME=VALUE` name.
    pub name: String,
    /// The literal written in the source.
    pub default: i64,
    /// Smallest allowed value, inclusive.
    pub lo: i64,
    /// Largest allowed value, inclusive.
    pub hi: i64,
    /// Human label for the slider, e.g. `Timeout (ms)`.
    pub label: String,
    /// 1-based source line of the declaration.
    pub line: u32,
}

/// Why a parameter declaration or value was rejected; `line` is 0 when no line applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// 1-based source line, or 0 for errors about a value rather than a declaration.
    pub line: u32,
    /// What is wrong, in words a lesson author can act on.
    pub message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ParamError {}

impl Param {
    /// Parses a user-supplied value (slider, URL, `--set`) and checks it lies in `lo..=hi`.
    pub fn validate(&self, value: &str) -> Result<i64, ParamError> {
        let v: i64 = value.trim().parse().map_err(|_| ParamError {
            line: 0,
            message: format!("parameter {}: {value:?} is not an integer", self.name),
        })?;
        if v < self.lo || v > self.hi {
            return Err(ParamError {
                line: 0,
                message: format!(
                    "parameter {}: {v} is outside {}..{}",
                    self.name, self.lo, self.hi
                ),
            });
        }
        Ok(v)
    }
}

const MARKER: &str = "// param:";

/// Finds every marked constant in a Go source file, in source order.
///
/// A line carrying `// param:` that does not follow the rule is an error, never silently ignored,
/// so a typo in a lesson shows up in the catalog test rather than as a missing slider.
pub fn parse_params(src: &str) -> Result<Vec<Param>, ParamError> {
    let mut params: Vec<Param> = Vec::new();
    let mut in_const_block = false;
    for (idx, raw) in src.lines().enumerate() {
        let line = u32::try_from(idx + 1).unwrap_or(u32::MAX);
        let (code, comment) = split_comment(raw);
        let code = code.trim();
        if code.starts_with("const") && code[5..].trim_start().starts_with('(') {
            in_const_block = true;
        } else if in_const_block && code.starts_with(')') {
            in_const_block = false;
        }
        let Some(spec) = comment.and_then(|c| c.strip_prefix(MARKER)) else {
            continue;
        };
        let err = |message: String| ParamError { line, message };
        let decl = if let Some(rest) = code.strip_prefix("const ") {
            rest.trim()
        } else if in_const_block {
            code
        } else {
            return Err(err(
                "`// param:` must mark a `const NAME = INTEGER` declaration".into(),
            ));
        };
        let (name, default) = parse_decl(decl).map_err(err)?;
        let (lo, hi, label) = parse_spec(spec.trim()).map_err(err)?;
        if lo > hi {
            return Err(err(format!("empty range {lo}..{hi}")));
        }
        if default < lo || default > hi {
            return Err(err(format!(
                "default {default} of {name} is outside {lo}..{hi}"
            )));
        }
        if params.iter().any(|p| p.name == name) {
            return Err(err(format!("parameter {name} is declared twice")));
        }
        params.push(Param {
            name,
            default,
            lo,
            hi,
            label,
            line,
        });
    }
    Ok(params)
}

/// Returns `src` with the literal of each named parameter replaced by the given value, after
/// validating every value. Line numbers are unchanged, so verdicts still point at the same lines;
/// the result is valid Go that real Go and golite both run.
pub fn apply_params<S: AsRef<str>>(src: &str, values: &[(S, S)]) -> Result<String, ParamError> {
    let params = parse_params(src)?;
    let mut chosen: Vec<(u32, i64)> = Vec::new();
    for (name, value) in values {
        let (name, value) = (name.as_ref(), value.as_ref());
        let p = params
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| ParamError {
                line: 0,
                message: format!("no parameter named {name}"),
            })?;
        chosen.retain(|(l, _)| *l != p.line);
        chosen.push((p.line, p.validate(value)?));
    }
    let mut out = String::with_capacity(src.len() + 16);
    for (idx, raw) in src.split_inclusive('\n').enumerate() {
        let line = u32::try_from(idx + 1).unwrap_or(u32::MAX);
        match chosen.iter().find(|(l, _)| *l == line) {
            Some((_, v)) => out.push_str(&replace_literal(raw, *v)),
            None => out.push_str(raw),
        }
    }
    Ok(out)
}

/// Swaps the integer literal after the first `=` of a marked line, keeping everything else.
fn replace_literal(raw: &str, v: i64) -> String {
    let Some(eq) = raw.find('=') else {
        return raw.to_string();
    };
    let after = &raw[eq + 1..];
    let lead = after.len() - after.trim_start().len();
    let lit_start = eq + 1 + lead;
    let lit_len = raw[lit_start..]
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '_' || (i == 0 && c == '-')))
        .map_or(raw.len() - lit_start, |(i, _)| i);
    format!("{}{}{}", &raw[..lit_start], v, &raw[lit_start + lit_len..])
}

/// Splits a line into code and its `//` comment, ignoring `//` inside string literals.
fn split_comment(raw: &str) -> (&str, Option<&str>) {
    let bytes = raw.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' && q != b'`' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => {
                if b == b'"' || b == b'`' || b == b'\'' {
                    quote = Some(b);
                } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
                    return (&raw[..i], Some(&raw[i..]));
                }
            }
        }
        i += 1;
    }
    (raw, None)
}

/// `name = 50` -> ("name", 50).
fn parse_decl(decl: &str) -> Result<(String, i64), String> {
    let (name, value) = decl
        .split_once('=')
        .ok_or("expected `const NAME = INTEGER`")?;
    let name = name.trim();
    if name.is_empty()
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(format!(
            "expected `const NAME = INTEGER`, found {:?} as the name (no type, one name)",
            name
        ));
    }
    let value = value.trim();
    let digits = value.replace('_', "");
    let default: i64 = digits.parse().map_err(|_| {
        format!("the value of {name} must be an integer literal, found {value:?} (write durations as a count and multiply by the unit where used)")
    })?;
    Ok((name.to_string(), default))
}

/// `1..2000 "Incoming requests"` -> (1, 2000, "Incoming requests").
fn parse_spec(spec: &str) -> Result<(i64, i64, String), String> {
    let usage = r#"expected `// param: LO..HI "Label"`"#;
    let (range, label) = spec.split_once(char::is_whitespace).ok_or(usage)?;
    let (lo, hi) = range.split_once("..").ok_or(usage)?;
    let lo: i64 = lo.replace('_', "").parse().map_err(|_| usage.to_string())?;
    let hi: i64 = hi.replace('_', "").parse().map_err(|_| usage.to_string())?;
    let label = label.trim();
    let label = label
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .filter(|l| !l.is_empty() && !l.contains('"'))
        .ok_or(usage)?;
    Ok((lo, hi, label.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_single_line_const() {
        let src = "package main\n\nconst requests = 50 // param: 1..2000 \"Incoming requests\"\n";
        assert_eq!(
            parse_params(src),
            Ok(vec![Param {
                name: "requests".into(),
                default: 50,
                lo: 1,
                hi: 2000,
                label: "Incoming requests".into(),
                line: 3,
            }])
        );
    }

    #[test]
    fn parses_entries_of_a_const_block() {
        let src = "const (\n\tworkers = 4 // param: 1..64 \"Workers\"\n\tjobs = 100\n\ttimeoutMs = 50 // param: 10..500 \"Timeout (ms)\"\n)\n";
        let ps = parse_params(src).unwrap_or_default();
        let got: Vec<(&str, i64, u32)> = ps
            .iter()
            .map(|p| (p.name.as_str(), p.default, p.line))
            .collect();
        assert_eq!(got, vec![("workers", 4, 2), ("timeoutMs", 50, 4)]);
    }

    #[test]
    fn ignores_unmarked_constants() {
        assert_eq!(parse_params("const n = 5 // just a comment\n"), Ok(vec![]));
    }

    #[test]
    fn rejects_a_duration_expression_with_the_rule_in_the_message() {
        let e = parse_params("const timeout = 50 * time.Millisecond // param: 10..500 \"T\"\n");
        let msg = e.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert_eq!(
            msg,
            "line 1: the value of timeout must be an integer literal, found \"50 * time.Millisecond\" (write durations as a count and multiply by the unit where used)"
        );
    }

    #[test]
    fn rejects_a_marker_outside_a_const() {
        let e = parse_params("var n = 5 // param: 1..9 \"N\"\n");
        assert_eq!(
            e,
            Err(ParamError {
                line: 1,
                message: "`// param:` must mark a `const NAME = INTEGER` declaration".into()
            })
        );
    }

    #[test]
    fn rejects_a_default_outside_its_range() {
        let e = parse_params("const n = 50 // param: 1..9 \"N\"\n");
        assert_eq!(
            e.map_err(|e| e.message),
            Err("default 50 of n is outside 1..9".into())
        );
    }

    #[test]
    fn rejects_a_missing_label() {
        let e = parse_params("const n = 5 // param: 1..9\n");
        assert_eq!(e.map_err(|e| e.line), Err(1));
    }

    #[test]
    fn rejects_a_duplicate_name() {
        let src = "const (\n n = 1 // param: 0..9 \"N\"\n n = 2 // param: 0..9 \"N\"\n)\n";
        assert_eq!(
            parse_params(src).map_err(|e| e.message),
            Err("parameter n is declared twice".into())
        );
    }

    fn one(src: &str) -> Param {
        parse_params(src)
            .ok()
            .and_then(|v| v.into_iter().next())
            .unwrap_or(Param {
                name: String::new(),
                default: 0,
                lo: 0,
                hi: 0,
                label: String::new(),
                line: 0,
            })
    }

    #[test]
    fn validate_accepts_the_range_ends() {
        let p = one("const n = 5 // param: 1..9 \"N\"\n");
        assert_eq!((p.validate("1"), p.validate(" 9 ")), (Ok(1), Ok(9)));
    }

    #[test]
    fn validate_rejects_out_of_range() {
        let p = one("const n = 5 // param: 1..9 \"N\"\n");
        assert_eq!(
            p.validate("10").map_err(|e| e.message),
            Err("parameter n: 10 is outside 1..9".into())
        );
    }

    #[test]
    fn validate_rejects_non_integers() {
        let p = one("const n = 5 // param: 1..9 \"N\"\n");
        assert_eq!(
            p.validate("5ms").map_err(|e| e.message),
            Err("parameter n: \"5ms\" is not an integer".into())
        );
    }

    #[test]
    fn apply_rewrites_only_the_literal_and_keeps_lines() {
        let src = "package main\nconst n = 5 // param: 1..900 \"N\"\nfunc main() {}\n";
        assert_eq!(
            apply_params(src, &[("n", "120")]),
            Ok("package main\nconst n = 120 // param: 1..900 \"N\"\nfunc main() {}\n".into())
        );
    }

    #[test]
    fn apply_rejects_an_unknown_name() {
        let src = "const n = 5 // param: 1..9 \"N\"\n";
        assert_eq!(
            apply_params(src, &[("m", "3")]).map_err(|e| e.message),
            Err("no parameter named m".into())
        );
    }
}
