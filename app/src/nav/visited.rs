//! Which lessons this browser has opened, kept in localStorage so the home page can mark them.

use crate::browser;

const KEY: &str = "go-antipattern-playground.visited";

/// The slugs of visited lessons.
pub fn all() -> Vec<String> {
    parse(&browser::load(KEY).unwrap_or_default())
}

/// Records a visit to `slug`.
pub fn mark(slug: &str) {
    let mut seen = all();
    if !seen.iter().any(|s| s == slug) {
        seen.push(slug.to_string());
        browser::store(KEY, &seen.join(","));
    }
}

/// Reads the stored list: slugs separated by commas; anything else (an old format, a hand edit)
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
    }
}
