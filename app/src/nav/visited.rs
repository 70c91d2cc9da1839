//! Which lessons this browser has opened, kept in localStorage (`super::slug_list`) so the home
//! page can mark them.

const KEY: &str = "go-antipattern-playground.visited";

/// The slugs of visited lessons.
pub fn all() -> Vec<String> {
    super::slug_list::all(KEY)
}

/// Records a visit to `slug`.
pub fn mark(slug: &str) {
    super::slug_list::mark(KEY, slug);
}
