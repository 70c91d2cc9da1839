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
    fn build_of_nothing_is_empty() {
        assert_eq!(build(&[]), "");
    }

    #[test]
    fn build_then_parse_round_trips() {
        let p = pairs(&[("k", "ünï/cødé?&=+"), ("n", "-42")]);
        assert_eq!(parse(&build(&p)), p);
    }
}
