//! The page's query string as ordered `key=value` pairs: parsing, percent-decoding and encoding.
//!
//! Hand-written (a few dozen lines) rather than a URL crate, to keep the wasm small; only what a
//! query string of the playground needs: `&`-separated pairs, `+` as space, `%XX` escapes.

/// Splits `?a=1&b=x%20y` (the leading `?` optional) into decoded pairs, in order. A key without
/// `=` gets an empty value; empty segments (`a=1&&b=2`) are skipped.
pub fn parse(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|seg| !seg.is_empty())
        .map(|seg| match seg.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(seg), String::new()),
        })
        .collect()
}

/// Builds `k=v&...` from pairs (or an empty string when there are none), encoding every byte
/// that is not unreserved. There is no leading `?`: callers put the query after one, in a URL
/// (`format!("?{q}")`) or in a history entry.
pub fn build(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    body.join("&")
}

/// Percent-decodes one component; `+` is a space. Malformed escapes are kept literally and
/// invalid UTF-8 is replaced, so user-typed URLs never fail here (validation happens later).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The keys of `query` whose key or value holds a malformed percent-escape (`%` not followed by
/// two hex digits) or decodes to invalid UTF-8, each with the offending text: [`parse`] reads
/// them as typed, and the page says so instead of failing silently.
pub fn malformed(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut out = Vec::new();
    for seg in query.split('&').filter(|s| !s.is_empty()) {
        let key = decode(seg.split_once('=').map_or(seg, |(k, _)| k));
        let b = seg.as_bytes();
        let bad_escape = (0..b.len()).find(|&i| {
            b[i] == b'%' && !(i + 2 < b.len() && hex(b[i + 1]).is_some() && hex(b[i + 2]).is_some())
        });
        if let Some(i) = bad_escape {
            let end = (i + 3).min(seg.len());
            let near = seg.get(i..end).unwrap_or("%");
            out.push((
                key,
                format!("a malformed percent-escape \u{201c}{near}\u{201d}"),
            ));
        } else if std::str::from_utf8(&raw_decode(seg)).is_err() {
            out.push((key, "bytes that are not UTF-8 text".to_string()));
        }
    }
    out
}

/// Percent-decodes without the UTF-8 step.
fn raw_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes one component, keeping only RFC 3986's unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn parse_splits_pairs_in_order() {
        assert_eq!(
            parse("?lesson=forgotten-sender&seed=7"),
            pairs(&[("lesson", "forgotten-sender"), ("seed", "7")])
        );
    }

    #[test]
    fn parse_decodes_escapes_and_plus() {
        assert_eq!(parse("a=x%20y+z%2B"), pairs(&[("a", "x y z+")]));
    }

    #[test]
    fn parse_keeps_a_bare_key_with_an_empty_value_and_skips_empty_segments() {
        assert_eq!(parse("?embed&&b=1"), pairs(&[("embed", ""), ("b", "1")]));
    }

    #[test]
    fn malformed_escapes_are_kept_literally() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz1"), "%zz1");
        assert_eq!(decode("%4"), "%4");
    }

    #[test]
    fn an_escape_at_the_very_end_is_decoded() {
        assert_eq!(decode("a%41"), "aA");
    }

    #[test]
    fn build_encodes_reserved_characters() {
        assert_eq!(
            build(&pairs(&[("lesson", "a b"), ("x", "1&2=3")])),
            "lesson=a%20b&x=1%262%3D3"
        );
    }

    #[test]
    fn malformed_escapes_and_bad_utf8_are_reported_by_key() {
        assert_eq!(
            malformed("lesson=a&bad_go=x%zz1&seed=1&n=%4&u=%FF"),
            vec![
                (
                    "bad_go".to_string(),
                    "a malformed percent-escape \u{201c}%zz\u{201d}".to_string()
                ),
                (
                    "n".to_string(),
                    "a malformed percent-escape \u{201c}%4\u{201d}".to_string()
                ),
                ("u".to_string(), "bytes that are not UTF-8 text".to_string()),
            ]
        );
        assert!(malformed("a=%41&b=x+y").is_empty());
    }

    #[test]
    fn build_of_nothing_is_empty() {
        assert_eq!(build(&[]), "");
    }

    #[test]
    fn build_then_parse_round_trips() {
        let p = pairs(&[("k", "ünï/cødé?&=+"), ("n", "-42")]);
        assert_eq!(parse(&build(&p)), p);
    }
}
