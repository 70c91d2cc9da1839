//! Which fix-it challenges this browser has solved (`lessons::catalog::challenge`), kept in
//! localStorage (`super::slug_list`) so the home page can mark them.

const KEY: &str = "go-antipattern-playground.solved";

/// The slugs of solved lessons.
pub fn all() -> Vec<String> {
    super::slug_list::all(KEY)
}

/// Records that `slug`'s challenge was solved.
pub fn mark(slug: &str) {
    super::slug_list::mark(KEY, slug);
}
