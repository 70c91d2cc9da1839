//! The catalog page: every lesson, grouped by chapter, in catalog order.

use leptos::prelude::*;
use lessons::catalog::Lesson;

use crate::nav::link::LessonLink;

/// Groups `items` under their chapter, keeping catalog order: chapters appear in the order of
/// their first lesson, lessons in their own order. Generic so it is tested without real lessons.
pub fn group_by_chapter<'a, T>(
    items: &'a [T],
    chapter: impl Fn(&T) -> &str,
) -> Vec<(&'a str, Vec<&'a T>)> {
    let mut groups: Vec<(&'a str, Vec<&'a T>)> = Vec::new();
    for item in items {
        let name = chapter(item);
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, members)) => members.push(item),
            None => groups.push((name, vec![item])),
        }
    }
    groups
}

/// The list of lessons by chapter. (A lesson folder that fails to load fails the build, so there
/// are no load errors to list.)
#[component]
pub fn LessonList(lessons: &'static [Lesson]) -> impl IntoView {
    let chapters = group_by_chapter(lessons, |l| l.chapter.as_str());
    let lang = crate::i18n::use_lang();
    view! {
        <nav class="catalog" aria-label=move || crate::i18n::tr(lang.get(), "Lessons")>
            {chapters
                .into_iter()
                .map(|(name, members)| {
                    view! {
                        <section class="chapter">
                            <h2>{move || crate::i18n::chapter(name, lang.get())}</h2>
                            <ol class="lessons">
                                {members.into_iter().map(|l| view! { <LessonCard lesson=l /> }).collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()}
            {lessons.is_empty().then(|| view! { <p class="empty">"No lessons yet."</p> })}
        </nav>
    }
}

/// One lesson in the list: its number, title and one-line claim, as a link, marked when this
/// browser has opened it before, or solved its fix-it challenge (`nav::solved`).
#[component]
fn LessonCard(lesson: &'static Lesson) -> impl IntoView {
    let seen = crate::nav::visited::all().contains(&lesson.slug);
    let solved = crate::nav::solved::all().contains(&lesson.slug);
    let lang = crate::i18n::use_lang();
    let tr = move |en: &'static str| crate::i18n::tr(lang.get(), en);
    view! {
        <li class="lesson" class:visited=seen class:solved=solved data-slug=lesson.slug.as_str()>
            <LessonLink slug=Some(lesson.slug.as_str()) class="card">
                <span class="num" aria-hidden="true">{format!("{:02}", lesson.number)}</span>
                <span class="body">
                    <span class="head">
                        <span class="title">{move || crate::i18n::title(lesson, lang.get())}</span>
                        {match (solved, seen) {
                            (true, _) => Some(view! { <span class="seen solved" data-testid="solved-mark" title=move || tr("You fixed this lesson yourself")>{move || tr("✓ solved")}</span> }.into_any()),
                            (false, true) => Some(view! { <span class="seen" title=move || tr("You have opened this lesson")>{move || tr("✓ visited")}</span> }.into_any()),
                            (false, false) => None,
                        }}
                    </span>
                    <span class="claim" inner_html=move || crate::i18n::claim_html(lesson, lang.get())></span>
                </span>
            </LessonLink>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::group_by_chapter;

    #[test]
    fn groups_keep_chapter_order_of_first_appearance() {
        let items = [("Leaks", 1), ("Deadlocks", 2), ("Leaks", 3)];
        let groups = group_by_chapter(&items, |i| i.0);
        let names: Vec<&str> = groups.iter().map(|g| g.0).collect();
        assert_eq!(names, ["Leaks", "Deadlocks"]);
    }

    #[test]
    fn groups_keep_lesson_order_within_a_chapter() {
        let items = [("Leaks", 1), ("Deadlocks", 2), ("Leaks", 3)];
        let groups = group_by_chapter(&items, |i| i.0);
        let leaks: Vec<i32> = groups[0].1.iter().map(|i| i.1).collect();
        assert_eq!(leaks, [1, 3]);
    }

    #[test]
    fn no_items_give_no_chapters() {
        let items: [(&str, i32); 0] = [];
        assert!(group_by_chapter(&items, |i| i.0).is_empty());
    }
}
