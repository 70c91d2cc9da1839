//! Moving between pages without reloading: the [`Navigator`] that pushes a history entry and
//! shows the page it names, and [`LessonLink`], a link that uses it on a plain click.

use leptos::prelude::*;

use crate::browser;
use crate::nav::query;
use crate::nav::route::{self, Route};

/// Moves between pages: pushes a history entry and shows the page it names.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
}

impl Navigator {
    /// A navigator that shows each page it goes to by setting `route`.
    pub fn new(route: RwSignal<Route>) -> Self {
        Self { route }
    }

    /// Opens the lesson `slug` at its defaults (the home page for `None`).
    pub fn open_lesson(&self, slug: &str) {
        self.go(&lesson_query(Some(slug)));
    }

    /// Shows the page of `query` as a new history entry.
    pub fn go(&self, query: &str) {
        browser::push_query(query);
        self.route.set(read_route());
        browser::scroll_to_top();
    }
}

/// The query string of a lesson at its defaults, or of the home page.
pub fn lesson_query(slug: Option<&str>) -> String {
    match slug {
        Some(s) => query::build(&[(route::LESSON.to_string(), s.to_string())]),
        None => String::new(),
    }
}

/// The route the address bar names now.
///
/// Every problem in the URL becomes a notice naming its key: malformed escapes, keys given
/// twice, unknown keys, edits in the fragment that do not unpack.
pub fn read_route() -> Route {
    let raw = browser::query();
    let query_pairs = query::parse(&raw);
    let (fragment_pairs, fragment_notices) = route::from_fragment(&browser::fragment());
    let mut pairs = query_pairs.clone();
    pairs.extend(fragment_pairs);
    let mut r = route::resolve(&pairs, crate::catalog::get);
    let lesson = match &r.page {
        route::Page::Lesson(s) => crate::catalog::get(&s.slug),
        route::Page::Home | route::Page::Scheduler { .. } => None,
    };
    let mut notices: Vec<String> = query::malformed(&raw)
        .into_iter()
        .map(|(k, why)| {
            format!("\u{201c}{k}\u{201d} in this link has {why}; it was read as typed.")
        })
        .collect();
    notices.extend(route::key_notices(&query_pairs, lesson, &route::OTHER_KEYS));
    notices.extend(fragment_notices);
    notices.append(&mut r.notices);
    r.notices = notices;
    r
}

/// A link to a lesson (or home) that navigates in place on a plain click and still opens in a
/// new tab on a middle or modified click.
#[component]
pub fn LessonLink(
    /// The lesson, or `None` for the home page.
    slug: Option<&'static str>,
    /// CSS class.
    #[prop(optional, into)]
    class: String,
    /// Tooltip (it follows the page's language when given as a closure).
    #[prop(optional, into)]
    title: MaybeProp<String>,
    children: Children,
) -> impl IntoView {
    let nav = use_context::<Navigator>();
    let q = lesson_query(slug);
    let href = if q.is_empty() {
        "./".to_string()
    } else {
        format!("?{q}")
    };
    view! {
        <a
            href=href
            class=class
            title=move || title.get()
            on:click=move |ev| {
                let plain = ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key();
                if let (true, Some(nav)) = (plain, nav) {
                    ev.prevent_default();
                    nav.go(&q);
                }
            }
        >
            {children()}
        </a>
    }
}
