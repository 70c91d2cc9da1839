//! Which fix-it challenges this browser has solved (`lessons::catalog::challenge`), kept in
//! localStorage like [`super::visited`] so the home page can mark them. Where storage is blocked
//! (private modes, sandboxed frames) nothing is kept and nothing fails: the list reads empty.

use crate::browser;

const KEY: &str = "go-antipattern-playground.solved";

/// The slugs of solved lessons.
pub fn all() -> Vec<String> {
    parse(&browser::load(KEY).unwrap_or_default())
}

/// Records that `slug`'s challenge was solved.
pub fn mark(slug: &str) {
    let mut done = all();
    if !done.iter().any(|s| s == slug) {
        done.push(slug.to_string());
        browser::store(KEY, &done.join(","));
    }
}

/// Reads the stored list: slugs separated by commas; anything else is ignored rather than trusted.
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
            parse("racy-counter,,<b>x</b>, defer-in-loop"),
            ["racy-counter", "defer-in-loop"]
        );
    }
}
