//! A program's source, highlighted by golite's own lexer, with a live badge on every line where
//! goroutines are parked: the pprof goroutine view, drawn on the code.

use std::rc::Rc;

use leptos::prelude::*;
use lessons::golite::highlight::{Line, TokenClass, highlight};
use lessons::runtime::Snapshot;

use crate::browser;
use crate::panes::pick::{self, Picker};
use crate::panes::race_marks;
use crate::playback::engine::Side;
use crate::playback::series::Family;
use crate::playback::why::Pick;

mod visible_lines;
use visible_lines::VisibleLines;

/// Lines of context kept above and below a revealed line, in pixels (about three rows).
const CONTEXT_PX: u32 = 48;

/// The code box scrolls to follow the run at most this often, in real milliseconds.
const SCROLL_EVERY_MS: f64 = 250.0;

/// Goroutines parked on one line in one state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Badge {
    /// 1-based source line.
    pub line: u32,
    /// Go's name of the state (`chan send`).
    pub state: &'static str,
    /// Its colour family.
    pub family: Family,
    /// How many goroutines.
    pub count: u32,
}

/// The badges of a snapshot: blocked goroutines grouped by line and state, most first within a
/// line. Running and runnable goroutines get the line marker instead.
pub fn badges(s: &Snapshot) -> Vec<Badge> {
    let mut out: Vec<Badge> = s
        .by_line
        .iter()
        .filter(|g| g.state.is_blocked() && g.line > 0)
        .map(|g| Badge {
            line: g.line,
            state: g.state.as_str(),
            family: Family::of(g.state),
            count: g.count,
        })
        .collect();
    out.sort_by(|a, b| a.line.cmp(&b.line).then(b.count.cmp(&a.count)));
    out
}

/// The badges of line `n` (1-based) in `all`, which [`badges`] sorted by line.
pub fn badges_of_line(all: &[Badge], n: u32) -> &[Badge] {
    let from = all.partition_point(|b| b.line < n);
    let to = from + all[from..].partition_point(|b| b.line == n);
    &all[from..to]
}

/// Copies each line's badges from `all` into that line's signal, writing only the lines whose
/// badges changed: at 20,000 goroutines the counts change every frame, but on a few lines.
/// Returns how many lines were written.
pub fn spread_badges(all: &[Badge], lines: &[RwSignal<Vec<Badge>>]) -> usize {
    let mut written = 0;
    for (i, line) in lines.iter().enumerate() {
        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let now = badges_of_line(all, n);
        if !line.with_untracked(|was| was.as_slice() == now) {
            line.set(now.to_vec());
            written += 1;
        }
    }
    written
}

/// Moves the running-line flag from line `was` to line `now` (1-based; `None`: no line), writing
/// only those two flags.
pub fn move_flag(flags: &[RwSignal<bool>], was: Option<u32>, now: Option<u32>) {
    if was == now {
        return;
    }
    let at = |n: Option<u32>| n.and_then(|n| flags.get((n as usize).checked_sub(1)?));
    if let Some(f) = at(was) {
        f.set(false);
    }
    if let Some(f) = at(now) {
        f.set(true);
    }
}

/// The line the running goroutine is on, if one is running.
pub fn running_line(s: &Snapshot) -> Option<u32> {
    let gid = s.running?;
    s.goroutines
        .iter()
        .find(|g| g.gid == gid)
        .map(|g| g.line)
        .filter(|l| *l > 0)
}

/// The highlighted source of one side with its live badges.
#[component]
pub fn CodeView(
    /// Which program.
    side: Side,
    /// The Go source, as it runs (parameter values applied).
    #[prop(into)]
    source: Signal<String>,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
    /// The line and message of the program's compile error, if it has one.
    #[prop(into)]
    error: Signal<Option<(u32, String)>>,
) -> impl IntoView {
    let all = Memo::new(move |_| snapshot.with(|s| badges(s)));
    let running = Memo::new(move |_| snapshot.with(|s| running_line(s)));
    let container = NodeRef::<leptos::html::Div>::new();
    // Keep the line that matters in view as the cursor moves: the running goroutine's line,
    // else the first line with parked goroutines. Only the code box scrolls, never the page.
    // The target is a memo, so nothing runs while the line stays the same, and an observer
    // says whether it is already on screen: asking the row where it is after the frame's DOM
    // updates forces a layout (5-6 ms a frame at 20,000 goroutines), so that happens only when
    // the box really has to scroll.
    let target = Memo::new(move |_| {
        error
            .with(|e| e.as_ref().map(|(line, _)| *line))
            .or_else(|| running.get())
            .or_else(|| all.with(|b| b.first().map(|b| b.line)))
    });
    let lines = StoredValue::new_local(None::<VisibleLines>);
    Effect::new(move |_| {
        source.track();
        if let Some(el) = container.get() {
            lines.update_value(|l| {
                if l.is_none() {
                    *l = VisibleLines::new(&el, CONTEXT_PX);
                }
                if let Some(l) = l {
                    l.observe_rows(&el);
                }
            });
        }
    });
    // While a run plays, the running line can jump between far-apart lines every frame:
    // following each jump would shake the box and force a layout per frame. So the box
    // scrolls at most once per SCROLL_EVERY_MS, and a jump inside that interval is taken up
    // when it ends (whatever the target is by then).
    let last_scroll = StoredValue::new(f64::NEG_INFINITY);
    let booked = StoredValue::new(false);
    // The box follows the run only until the learner scrolls it (wheel, touch, keys, the
    // scrollbar): reading `main()` while a goroutine runs elsewhere must not snap back. The
    // Follow button turns following on again. Only input events count as the learner's: the
    // box's own scrolling fires `scroll` too.
    let following = RwSignal::new(true);
    let follow = move || {
        if !following.get_untracked() {
            return;
        }
        let (Some(Some(line)), Some(el)) = (target.try_get_untracked(), container.get_untracked())
        else {
            return;
        };
        let on_screen = lines
            .try_with_value(|l| l.as_ref().is_some_and(|l| l.contains(line)))
            .unwrap_or(false);
        if !on_screen {
            reveal_line(&el, line);
            last_scroll.set_value(browser::now_ms());
        }
    };
    Effect::new(move |_| {
        target.track();
        container.track();
        let wait = last_scroll.get_value() + SCROLL_EVERY_MS - browser::now_ms();
        if wait <= 0.0 {
            follow();
        } else if !booked.get_value() {
            booked.set_value(true);
            set_timeout(
                move || {
                    if booked.try_set_value(false).is_none() {
                        follow();
                    }
                },
                std::time::Duration::from_millis(wait.ceil() as u64),
            );
        }
    });
    let stop_following = move || following.set(false);
    let lang = crate::i18n::use_lang();
    view! {
        <div class="code-wrap">
        <Show when=move || !following.get()>
            <button
                class="follow"
                data-testid=format!("follow-{}", side.key())
                title=move || crate::i18n::tr(lang.get(), "Follow the running line")
                on:click=move |_| {
                    following.set(true);
                    last_scroll.set_value(f64::NEG_INFINITY);
                    follow();
                }
            >
                {move || format!("↧ {}", crate::i18n::tr(lang.get(), "Follow"))}
            </button>
        </Show>
        <div
            node_ref=container
            class="code"
            on:wheel=move |_| stop_following()
            on:touchmove=move |_| stop_following()
            on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                // A press on the scrollbar (the box itself, not a line in it).
                use wasm_bindgen::JsCast;
                let on_box = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
                    .is_some_and(|e| e.class_list().contains("code"));
                if on_box {
                    following.set(false);
                }
            }
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if matches!(ev.key().as_str(), "PageUp" | "PageDown" | "Home" | "End" | "ArrowUp" | "ArrowDown") {
                    following.set(false);
                }
            }
            data-testid=format!("code-{}", side.key())
            role="region"
            aria-label=move || match lang.get() {
                crate::i18n::Lang::En => format!("{} source, with goroutines parked per line", side.file()),
                crate::i18n::Lang::Zh => format!("{} 源码，每行标出停在那里的 goroutine", side.file()),
            }
            tabindex="0"
        >
            {move || {
                let rows = highlight(&source.get());
                // Each line follows signals of its own (its badges, whether it runs): a frame
                // wakes the lines that changed, not every line of the file.
                let here: Rc<[RwSignal<Vec<Badge>>]> =
                    rows.iter().map(|_| RwSignal::new(Vec::new())).collect();
                let runs_here: Rc<[RwSignal<bool>]> =
                    rows.iter().map(|_| RwSignal::new(false)).collect();
                let lines = Rc::clone(&here);
                Effect::new(move |_| all.with(|b| spread_badges(b, &lines)));
                let flags = Rc::clone(&runs_here);
                Effect::new(move |was: Option<Option<u32>>| {
                    let now = running.get();
                    move_flag(&flags, was.flatten(), now);
                    now
                });
                rows.into_iter()
                    .zip(here.iter().zip(runs_here.iter()))
                    .enumerate()
                    .map(|(i, (tokens, (here, runs)))| {
                        let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
                        code_line(n, tokens, *here, *runs, error)
                    })
                    .collect_view()
            }}
        </div>
        </div>
    }
}

/// Scrolls the code box (only) so `line` is visible, with a little context around it.
fn reveal_line(container: &leptos::web_sys::HtmlDivElement, line: u32) {
    use wasm_bindgen::JsCast;
    let Ok(Some(row)) = container.query_selector(&format!(".ln[data-line=\"{line}\"]")) else {
        return;
    };
    let Ok(row) = row.dyn_into::<leptos::web_sys::HtmlElement>() else {
        return;
    };
    // The box is `position: relative`, so it is the row's offset parent.
    let top = f64::from(row.offset_top());
    let height = f64::from(row.offset_height());
    let view_top = f64::from(container.scroll_top());
    let view_height = f64::from(container.client_height());
    let margin = height * 3.0;
    if top - margin < view_top {
        container.set_scroll_top((top - margin).max(0.0) as i32);
    } else if top + height + margin > view_top + view_height {
        container.set_scroll_top((top + height + margin - view_height) as i32);
    }
}

fn code_line(
    n: u32,
    tokens: Line,
    here: RwSignal<Vec<Badge>>,
    runs: RwSignal<bool>,
    error: Signal<Option<(u32, String)>>,
) -> impl IntoView {
    let error_here = Memo::new(move |_| {
        error.with(|e| {
            e.as_ref()
                .filter(|(line, _)| *line == n)
                .map(|(_, m)| m.clone())
        })
    });
    let states = Memo::new(move |_| here.with(|h| h.iter().map(|b| b.state).collect::<Vec<_>>()));
    view! {
        <div
            class="ln"
            class:running=move || runs.get()
            class:parked=move || here.with(|h| !h.is_empty())
            class:error=move || error_here.with(Option::is_some)
            data-line=n
        >
            <span class="no" aria-hidden="true">{n}</span>
            <code class="src">{tokens.into_iter().map(token).collect_view()}</code>
            <span class="badges">
                {move || {
                    error_here.get().map(|m| {
                        view! {
                            <span class="badge fam-error" data-testid="error-badge" data-line=n title=m.clone()>
                                "✗ "{m.clone()}
                            </span>
                        }
                    })
                }}
                // Rebuilt only when the states parked here change; the counts update in place
                // (rebuilding a badge re-applies all its attributes, and counts change every
                // frame).
                {move || states.get().into_iter().map(|state| badge(n, state, here)).collect_view()}
                {race_marks::race_badges(n)}
            </span>
        </div>
    }
}

/// The badge of the goroutines parked at line `n` in `state`; its count follows `here`.
fn badge(n: u32, state: &'static str, here: RwSignal<Vec<Badge>>) -> impl IntoView {
    // A badge outlives its entry by a moment (until the list drops it): it keeps its last count.
    let count = Memo::new(move |prev: Option<&u32>| {
        here.with(|h| h.iter().find(|b| b.state == state).map(|b| b.count))
            .or_else(|| prev.copied())
            .unwrap_or(0)
    });
    let family = here.with_untracked(|h| {
        h.iter()
            .find(|b| b.state == state)
            .map_or(Family::Running.key(), |b| b.family.key())
    });
    let lang = crate::i18n::use_lang();
    let label = move || {
        let count = count.get();
        match lang.get() {
            crate::i18n::Lang::En => format!(
                "{count} goroutine{} parked here in {state}: why?",
                if count == 1 { "" } else { "s" },
            ),
            crate::i18n::Lang::Zh => format!(
                "{count} 个 goroutine 停在这里（{}）：为什么？",
                crate::i18n::state(state, crate::i18n::Lang::Zh)
            ),
        }
    };
    // A badge asks why its goroutines are stuck (click, or Enter once focused).
    let picker = Picker::get();
    let ask = move || {
        if let Some(p) = picker {
            p.toggle(Pick::Line { line: n, state });
        }
    };
    view! {
        <span
            class=format!("badge fam-{family}")
            data-testid="line-badge"
            data-line=n
            data-state=state
            data-count=move || count.get()
            title=label
            aria-label=label
            role="button"
            tabindex="0"
            on:click=move |_| ask()
            on:keydown=move |ev| {
                if pick::activates(&ev) {
                    ask();
                }
            }
        >
            <b>{move || count.get()}</b>
            " "
            {move || crate::i18n::state(state, lang.get())}
        </span>
    }
}

fn token((class, text): (TokenClass, String)) -> AnyView {
    match class {
        TokenClass::Plain | TokenClass::Ident | TokenClass::Punctuation => text.into_any(),
        c => view! { <span class=c.css()>{text}</span> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::golite::{self, RunOptions};

    fn end_of(src: &str) -> Snapshot {
        let program = golite::compile("t.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rt = golite::start(&program, &RunOptions::default());
        while rt.run_slice(10_000) == lessons::runtime::Progress::Running {}
        lessons::runtime::Timeline::from_events(rt.take_events()).last()
    }

    #[test]
    fn parked_goroutines_are_badged_on_their_line() {
        let s = end_of(
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tfor range 3 {\n\t\tgo func() { c <- 1 }()\n\t}\n\t<-c\n}\n",
        );
        assert_eq!(
            badges(&s),
            [Badge {
                line: 6,
                state: "chan send",
                family: Family::Chan,
                count: 2
            }]
        );
    }

    fn badge_at(line: u32, state: &'static str, count: u32) -> Badge {
        Badge {
            line,
            state,
            family: Family::Chan,
            count,
        }
    }

    #[test]
    fn a_lines_badges_are_the_run_of_its_number() {
        let all = [
            badge_at(3, "chan send", 5),
            badge_at(7, "chan send", 9),
            badge_at(7, "chan receive", 2),
            badge_at(12, "select", 1),
        ];
        assert_eq!(badges_of_line(&all, 7), &all[1..3]);
        assert_eq!(badges_of_line(&all, 3), &all[..1]);
        assert!(badges_of_line(&all, 5).is_empty());
        assert!(badges_of_line(&all, 13).is_empty());
    }

    #[test]
    fn spreading_writes_only_the_lines_whose_badges_changed() {
        let owner = Owner::new();
        owner.set();
        let lines: Vec<RwSignal<Vec<Badge>>> = (0..12).map(|_| RwSignal::new(Vec::new())).collect();
        let first = [badge_at(3, "chan send", 5), badge_at(7, "select", 1)];
        assert_eq!(spread_badges(&first, &lines), 2);
        assert_eq!(lines[2].get_untracked(), [badge_at(3, "chan send", 5)]);
        assert_eq!(lines[6].get_untracked(), [badge_at(7, "select", 1)]);
        // The next frame: line 3's count moves, line 7 empties, line 9 gains a badge; a badge
        // past the last line (code edited shorter than the run) is dropped.
        let next = [
            badge_at(3, "chan send", 6),
            badge_at(9, "sleep", 2),
            badge_at(40, "sleep", 1),
        ];
        assert_eq!(spread_badges(&next, &lines), 3);
        assert_eq!(lines[2].get_untracked(), [badge_at(3, "chan send", 6)]);
        assert!(lines[6].get_untracked().is_empty());
        assert_eq!(lines[8].get_untracked(), [badge_at(9, "sleep", 2)]);
        // The same badges again write nothing.
        assert_eq!(spread_badges(&next, &lines), 0);
    }

    #[test]
    fn the_running_flag_moves_from_line_to_line() {
        let owner = Owner::new();
        owner.set();
        let flags: Vec<RwSignal<bool>> = (0..5).map(|_| RwSignal::new(false)).collect();
        let on = |f: &[RwSignal<bool>]| f.iter().map(|x| x.get_untracked()).collect::<Vec<_>>();
        move_flag(&flags, None, Some(2));
        assert_eq!(on(&flags), [false, true, false, false, false]);
        move_flag(&flags, Some(2), Some(5));
        assert_eq!(on(&flags), [false, false, false, false, true]);
        // Off the end (an edited program shorter than the run) and to no line at all.
        move_flag(&flags, Some(5), Some(9));
        assert_eq!(on(&flags), [false; 5]);
        move_flag(&flags, Some(9), Some(1));
        move_flag(&flags, Some(1), None);
        assert_eq!(on(&flags), [false; 5]);
    }
}
