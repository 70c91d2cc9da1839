//! A list of lesson slugs kept in localStorage under one key (the home page's marks: lessons
//! visited, challenges solved). Where storage is blocked (private modes, sandboxed frames) nothing
//! is kept and nothing fails: the list reads empty.

use crate::browser;

/// The slugs stored under `key`.
pub fn all(key: &str) -> Vec<String> {
    parse(&browser::load(key).unwrap_or_default())
}

/// Adds `slug` to the list under `key`, once.
pub fn mark(key: &str, slug: &str) {
    let mut list = all(key);
    if !list.iter().any(|s| s == slug) {
        list.push(slug.to_string());
        browser::store(key, &list.join(","));
    }
}

/// Reads a stored list: slugs separated by commas; anything else (an old format, a hand edit)
/// is ignored rather than trusted.
fn parse(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_keeps_slugs_and_drops_junk() {
        assert_eq!(
            parse("forgotten-sender, <x>,,racy-counter"),
            ["forgotten-sender", "racy-counter"]
        );
        assert_eq!(
            parse("racy-counter,,<b>x</b>, defer-in-loop"),
            ["racy-counter", "defer-in-loop"]
        );
    }
}
