//! "Why is this goroutine stuck?": the panel a side shows when a goroutine in its map, a line
//! badge or a channel row is picked (see [`crate::panes::pick`]). The text comes from
//! [`crate::playback::why`], at the cursor, so stepping keeps it current.

use std::rc::Rc;

use leptos::prelude::*;
use lessons::runtime::{Gid, Snapshot};

use crate::i18n;
use crate::lesson::controller::LessonController;
use crate::lesson::run_names::RunNames;
use crate::panes::pick::Picker;
use crate::playback::engine::Side;
use crate::playback::why::{self, Pick, Why};

/// The panel's text for `pick` at snapshot `s`; `Err` with a sentence when there is nothing to
/// say (the goroutine is not alive at this point). Whether anything can still wake a goroutine
/// is the engine's answer ([`why::engine_answer`]): the run's own events, then reachability at
/// its end, as the side's report carries it.
fn explain(
    ctl: LessonController,
    side: Side,
    names: &[Rc<str>],
    s: &Snapshot,
    pick: Pick,
    zh: bool,
) -> Result<Why, String> {
    if let Pick::Chan(c) = pick {
        return ctl
            .side_run(side, |r| {
                let answer = |g: Gid| {
                    let woken = why::woken_at(r.timeline.events(), s.index, g);
                    why::engine_answer(&r.report.goroutines, g, woken)
                };
                why::channel(s, c, answer, zh)
            })
            .flatten()
            .ok_or_else(|| match zh {
                false => format!("chan #{} is not reachable at this point of the run", c.0),
                true => format!("在运行的这个时刻，chan #{} 已不可达", c.0),
            });
    }
    let Some(gid) = why::picked_gid(s, pick) else {
        return Err(match (pick, zh) {
            (Pick::Goroutine(g), false) => {
                format!("goroutine {} is not alive at this point of the run", g.0)
            }
            (Pick::Goroutine(g), true) => format!("在运行的这个时刻，goroutine {} 不存活", g.0),
            (_, false) => "no goroutine is parked there at this point of the run".to_string(),
            (_, true) => "在运行的这个时刻，没有 goroutine 停在那里".to_string(),
        });
    };
    ctl.side_run(side, |r| {
        let woken = why::woken_at(r.timeline.events(), s.index, gid);
        let engine = why::engine_answer(&r.report.goroutines, gid, woken);
        why::goroutine(s, gid, names, woken, engine, zh)
    })
    .flatten()
    .ok_or_else(|| match zh {
        false => format!("goroutine {} is not alive at this point of the run", gid.0),
        true => format!("在运行的这个时刻，goroutine {} 不存活", gid.0),
    })
}

/// The parked goroutine after (or before, `back`) `from` in id order, wrapping around.
fn step_parked(s: &Snapshot, from: Option<Gid>, back: bool) -> Option<Gid> {
    let parked: Vec<Gid> = s
        .goroutines
        .iter()
        .filter(|g| g.state.is_blocked())
        .map(|g| g.gid)
        .collect();
    let first = if back { parked.last() } else { parked.first() };
    let Some(from) = from else {
        return first.copied();
    };
    let next = if back {
        parked.iter().rev().find(|g| g.0 < from.0)
    } else {
        parked.iter().find(|g| g.0 > from.0)
    };
    next.or(first).copied()
}

/// One side's why panel; nothing until something is picked.
#[component]
pub fn WhyPanel(
    ctl: LessonController,
    side: Side,
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
    picker: Picker,
) -> impl IntoView {
    let names = RunNames::new(ctl);
    let lang = i18n::use_lang();
    let t = move |en: &'static str| i18n::tr(lang.get(), en);
    let content = move || {
        let pick = picker.0.get()?;
        let n = names.side(side.index());
        let zh = lang.get() == i18n::Lang::Zh;
        Some(snapshot.with(|s| {
            (
                explain(ctl, side, &n, s, pick, zh),
                why::picked_gid(s, pick),
            )
        }))
    };
    let walk = move |back: bool| {
        let now = picker
            .0
            .get_untracked()
            .and_then(|p| snapshot.with_untracked(|s| why::picked_gid(s, p)));
        if let Some(g) = snapshot.with_untracked(|s| step_parked(s, now, back)) {
            picker.0.set(Some(Pick::Goroutine(g)));
        }
    };
    move || {
        let (text, gid) = content()?;
        let body = match text {
            Ok(w) => {
                let key = w.can_wake.key();
                view! {
                    <h3 class="why-title">{t("Why is it stuck? ")}<span class="why-who">{w.title}</span></h3>
                    <dl class="why-rows">
                        {w.rows.into_iter().map(|(k, label, text)| view! {
                            <dt>{label}</dt>
                            <dd data-row=k>{text}</dd>
                        }).collect_view()}
                    </dl>
                    <p class=format!("can-wake can-wake-{key}") data-testid="can-wake" data-can-wake=key>
                        {w.can_wake.text().to_string()}
                    </p>
                }
                    .into_any()
            }
            Err(msg) => view! { <p class="why-gone">{msg}</p> }.into_any(),
        };
        Some(view! {
            <aside
                class="why"
                data-testid=format!("why-{}", side.key())
                data-gid=gid.map(|g| g.0)
                aria-label=move || t("Why is it stuck?")
                aria-live="polite"
            >
                <div class="why-tools">
                    <button class="small" aria-label=move || t("Previous parked goroutine") title=move || t("Previous parked goroutine") on:click=move |_| walk(true)>"‹"</button>
                    <button class="small" aria-label=move || t("Next parked goroutine") title=move || t("Next parked goroutine") on:click=move |_| walk(false)>"›"</button>
                    <button class="small" data-testid=format!("why-close-{}", side.key()) aria-label=move || t("Close") title=move || t("Close") on:click=move |_| picker.0.set(None)>"×"</button>
                </div>
                {body}
            </aside>
        })
    }
}
