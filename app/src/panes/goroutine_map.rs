//! The goroutine map: one cell per live goroutine, coloured by state family, drawn on a canvas
//! as one image at most once per animation frame (so 20,000 cells stay smooth while playing).
//! Hovering or tapping a cell shows which goroutine it is, its state and its line; the counts
//! per state are also text, for screen readers and keyboards.

mod grid;

use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::{Clamped, JsCast};
use leptos::web_sys;
use lessons::runtime::{GoroutineView, Snapshot};

use crate::i18n::{self, Lang, tr};
use crate::panes::charts::thousands;
use crate::panes::pick::{self, Picker};
use crate::playback::engine::Side;
use crate::playback::series::Family;
use grid::{Cell, Grid, Rgba};

/// The running goroutine's ring when the theme's ink cannot be read.
const FALLBACK_INK: Rgba = [0x1b, 0x1f, 0x24, 255];

/// One side's goroutine map at the cursor's snapshot.
#[component]
pub fn GoroutineMap(
    /// Which program this map shows (test hooks and labels).
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let wrap = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let hover = RwSignal::new(None::<usize>);
    let tip_at = RwSignal::new((0.0f64, 0.0f64));
    // The image buffer, reused between draws; whether a frame is already booked.
    let painter = StoredValue::new_local(Painter::default());
    let clip = NodeRef::<leptos::html::Div>::new();
    let booked = StoredValue::new(false);
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    // Bumped when the system theme flips, so the running goroutine's ring takes the new ink.
    let theme = RwSignal::new(0u32);
    let scheme = StoredValue::new_local(None::<(web_sys::MediaQueryList, Closure<dyn FnMut()>)>);
    if let Some(mql) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        let cb = Closure::<dyn FnMut()>::new(move || {
            let _ = theme.try_update(|t| *t += 1);
        });
        if mql
            .add_event_listener_with_callback("change", cb.as_ref().unchecked_ref())
            .is_ok()
        {
            scheme.set_value(Some((mql, cb)));
        }
    }

    // The width follows the container (a ResizeObserver also sees layout changes the window
    // does not, like the page switching from one to two columns). Its first report comes once
    // the page is laid out, before it is painted: reading the width here instead forced a
    // layout of the whole page in the middle of building it (half of the lesson page's
    // longest task as it loaded, 34 of 64 ms in Chromium unthrottled).
    wrap.on_load(move |el| {
        let el2 = el.clone();
        let cb = Closure::<dyn FnMut()>::new(move || {
            let _ = width.try_set(f64::from(el2.client_width()));
        });
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
            observer.set_value(Some((ro, cb)));
        }
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.as_ref().map(|(r, _)| r.clone())) {
            ro.disconnect();
        }
        let _ = scheme.try_with_value(|s| {
            if let Some((mql, cb)) = s {
                let _ =
                    mql.remove_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
            }
        });
    });

    // Any change books one draw for the next frame; the draw reads the latest state.
    Effect::new(move |_| {
        snapshot.track();
        width.track();
        theme.track();
        canvas.track();
        if booked.get_value() {
            return;
        }
        booked.set_value(true);
        request_animation_frame(move || {
            if booked.try_set_value(false).is_some() {
                return; // unmounted meanwhile
            }
            let (Some(c), Some(clip), Some(w), Some(t)) = (
                canvas.get_untracked(),
                clip.get_untracked(),
                width.try_get_untracked(),
                theme.try_get_untracked(),
            ) else {
                return;
            };
            snapshot.try_with_untracked(|s| {
                painter.try_update_value(|p| p.draw(&c, &clip, s, w, t));
            });
        });
    });

    let pointer = move |ev: web_sys::PointerEvent| {
        let Some(c) = canvas.get_untracked() else {
            return;
        };
        let rect = c.get_bounding_client_rect();
        let (x, y) = (
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        );
        let n = snapshot.with_untracked(|s| s.goroutines.len());
        let grid = Grid::fit(n, width.get_untracked());
        hover.set(grid.hit(x, y, n));
        tip_at.set((x, y));
    };
    // A finger lifting "leaves" the canvas: a tapped card stays until the next tap.
    let leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "touch" {
            hover.set(None);
        }
    };

    // Clicking a cell asks why that goroutine is where it is; focusing the map with the keyboard
    // (or Enter on it) asks about the first parked goroutine (the why panel steps on from there).
    let picker = Picker::get();
    // The pointer handler already found the cell under the pointer (pointerdown precedes click).
    let click = move |_: web_sys::MouseEvent| {
        let Some(p) = picker else { return };
        let hit = hover
            .get_untracked()
            .and_then(|i| snapshot.with_untracked(|s| s.goroutines.get(i).map(|g| g.gid)));
        if let Some(g) = hit {
            p.toggle(crate::playback::why::Pick::Goroutine(g));
        }
    };
    let first_parked = move || {
        snapshot.with_untracked(|s| {
            s.goroutines
                .iter()
                .find(|g| g.state.is_blocked())
                .or(s.goroutines.first())
                .map(|g| g.gid)
        })
    };
    let focus_pick = move |_| {
        if let (Some(p), Some(g)) = (picker, first_parked())
            && p.0.get_untracked().is_none()
        {
            p.0.set(Some(crate::playback::why::Pick::Goroutine(g)));
        }
    };
    let key_pick = move |ev: web_sys::KeyboardEvent| {
        if pick::activates(&ev)
            && let (Some(p), Some(g)) = (picker, first_parked())
        {
            p.0.set(Some(crate::playback::why::Pick::Goroutine(g)));
        }
    };
    let counts = Memo::new(move |_| snapshot.with(|s| family_counts(s)));
    let total = Memo::new(move |_| snapshot.with(|s| s.goroutines.len()));
    let by_state = Memo::new(move |_| {
        snapshot.with(|s| {
            s.by_state
                .iter()
                .filter(|c| c.count > 0)
                .map(|c| (c.state, c.count))
                .collect::<Vec<_>>()
        })
    });
    let states =
        Memo::new(move |_| by_state.with(|b| b.iter().map(|(s, _)| *s).collect::<Vec<_>>()));
    let summary = move || summarize(total.get(), &counts.get(), lang.get());

    view! {
        <div class="goroutine-map" data-testid=format!("map-{}", side.key())>
            <div class="map-head">
                <h3>{move || tr(lang.get(), "Goroutines")}</h3>
                <span class="map-count" data-testid=format!("map-count-{}", side.key())>
                    {move || thousands(total.get() as u64)}
                </span>
                <ul class="legend">
                    {Family::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let f = *f;
                            view! {
                                <li class:zero=move || counts.get()[i] == 0>
                                    <span class="swatch" style=format!("background:{}", f.css())></span>
                                    {move || tr(lang.get(), f.label())}
                                    " "
                                    <b>{move || thousands(u64::from(counts.get()[i]))}</b>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
            <div class="map-canvas" node_ref=wrap>
                <div class="map-clip" node_ref=clip>
                    <canvas
                        node_ref=canvas
                        role="img"
                        aria-label=summary
                        on:pointermove=pointer
                        on:pointerdown=pointer
                        on:pointerleave=leave
                        on:click=click
                        on:focus=focus_pick
                        on:keydown=key_pick
                        tabindex=if picker.is_some() { "0" } else { "-1" }
                        data-testid=format!("map-canvas-{}", side.key())
                    ></canvas>
                </div>
                {move || {
                    let i = hover.get()?;
                    let g = snapshot.with(|s| s.goroutines.get(i).cloned())?;
                    let running = snapshot.with(|s| s.running == Some(g.gid));
                    let (x, y) = tip_at.get();
                    let w = width.get_untracked();
                    let style = if x > w * 0.6 {
                        format!("right:{:.0}px;top:{:.0}px", w - x + 10.0, y + 14.0)
                    } else {
                        format!("left:{:.0}px;top:{:.0}px", x + 10.0, y + 14.0)
                    };
                    Some(view! {
                        <div class="map-tip" role="tooltip" style=style data-testid="map-tip">
                            {card(g, running, lang.get())}
                        </div>
                    })
                }}
                <Show when=move || total.get() == 0>
                    <p class="map-empty">{move || tr(lang.get(), "no goroutines alive")}</p>
                </Show>
            </div>
            <details class="map-states">
                <summary>{move || tr(lang.get(), "Counts by state")}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || tr(lang.get(), "state")}</th>
                            <th scope="col">{move || tr(lang.get(), "goroutines")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        // Rebuilt when the states change, counts updating in place (see
                        // ChannelGauges).
                        {move || states.get().into_iter().map(|state| view! {
                            <tr>
                                <td>
                                    <span class="swatch" style=format!("background:{}", Family::of(state).css())></span>
                                    {move || i18n::state(state.as_str(), lang.get())}
                                </td>
                                <td>
                                    {move || {
                                        by_state.with(|b| {
                                            b.iter()
                                                .find(|(s, _)| *s == state)
                                                .map(|(_, n)| thousands(u64::from(*n)))
                                                .unwrap_or_default()
                                        })
                                    }}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </div>
    }
}

/// Live goroutines per family, in [`Family::ALL`] order.
fn family_counts(s: &Snapshot) -> [u32; 5] {
    let mut counts = [0u32; 5];
    for c in &s.by_state {
        let f = Family::of(c.state);
        if let Some(i) = Family::ALL.iter().position(|x| *x == f) {
            counts[i] += c.count;
        }
    }
    counts
}

/// The canvas's description: the total and the count per family, e.g. "13 goroutines: 6
/// running / runnable, 6 sleep (timer), 1 mutex / WaitGroup / Cond".
fn summarize(total: usize, counts: &[u32; 5], lang: Lang) -> String {
    let parts: Vec<String> = Family::ALL
        .iter()
        .zip(counts)
        .filter(|(_, c)| **c > 0)
        .map(|(f, c)| format!("{} {}", thousands(u64::from(*c)), tr(lang, f.label())))
        .collect();
    if lang == Lang::Zh {
        let total = thousands(total as u64);
        return if parts.is_empty() {
            format!("{total} 个 goroutine")
        } else {
            format!("{total} 个 goroutine：{}", parts.join("，"))
        };
    }
    let noun = if total == 1 {
        "goroutine"
    } else {
        "goroutines"
    };
    let total = thousands(total as u64);
    if parts.is_empty() {
        format!("{total} {noun}")
    } else {
        format!("{total} {noun}: {}", parts.join(", "))
    }
}

/// The hover card's lines for one goroutine: which one, its function, state and line, and what
/// it waits on when it is parked.
fn card(g: GoroutineView, running: bool, lang: Lang) -> impl IntoView {
    let waits_on = match lang {
        Lang::En => g.waits_on_text(),
        Lang::Zh => waits_on_zh(&g),
    };
    let name = if g.name.is_empty() {
        "goroutine".to_string()
    } else {
        g.name.to_string()
    };
    view! {
        <div class="tip-head">
            <b>{format!("goroutine {}", g.gid.0)}</b>
            " "
            <span class="fn">{name}</span>
        </div>
        <div>
            <span class="swatch" style=format!("background:{}", Family::of(g.state).css())></span>
            {i18n::state(g.state.as_str(), lang)}
            {running.then_some(tr(lang, " (ran last)"))}
            {format!(" · {}", i18n::line(g.line, lang))}
        </div>
        {waits_on.map(|w| view! { <div class="waits-on" data-testid="waits-on">{tr(lang, "waits on: ")}{w}</div> })}
    }
}

/// [`GoroutineView::waits_on_text`] in Chinese: the same facts, the runtime's ids.
fn waits_on_zh(g: &GoroutineView) -> Option<String> {
    use lessons::runtime::{GState as S, ObjId as O, WaitsOn};
    let obj = match &g.waits_on {
        Some(WaitsOn::Object(o)) => Some(*o),
        _ => None,
    };
    Some(match (g.state, obj) {
        (S::ChanSend, Some(O::Chan(c))) => format!("向 chan #{} 发送", c.0),
        (S::ChanRecv, Some(O::Chan(c))) => format!("从 chan #{} 接收", c.0),
        (S::Select, _) => {
            let Some(WaitsOn::Select(cases)) = &g.waits_on else {
                return None;
            };
            let cases: Vec<String> = cases
                .iter()
                .map(|w| {
                    let op = if w.send { "发送到" } else { "接收自" };
                    format!("{op} chan #{}", w.chan.0)
                })
                .collect();
            format!("select：{}", cases.join("，"))
        }
        (S::SelectNoCases, _) => "无：空 select 永远阻塞".into(),
        (S::ChanSendNil, _) => "向 nil channel 发送：永远阻塞".into(),
        (S::ChanRecvNil, _) => "从 nil channel 接收：永远阻塞".into(),
        (S::Sleep, _) => "时钟：time.Sleep".into(),
        (S::MutexLock, Some(O::Mutex(m))) => format!("mutex #{}", m.0),
        (S::MutexLock, Some(O::Once(o))) => format!("sync.Once #{}（另一个调用正在执行它）", o.0),
        (S::MutexLock, Some(O::RwMutex(m))) => {
            format!("RWMutex #{}（写，排在另一个写者之后）", m.0)
        }
        (S::RwMutexLock, Some(O::RwMutex(m))) => format!("RWMutex #{}（写，等读者离开）", m.0),
        (S::RwMutexRLock, Some(O::RwMutex(m))) => format!("RWMutex #{}（读）", m.0),
        (S::WaitGroupWait, Some(O::WaitGroup(w))) => format!("WaitGroup #{}", w.0),
        (S::CondWait, Some(O::Cond(c))) => format!("Cond #{}", c.0),
        _ => return None,
    })
}

/// What the map keeps between draws, so a frame at 20,000 goroutines only paints: the image
/// buffer, the theme's ink (reading computed styles forces a style pass), and the sizes set.
#[derive(Default)]
struct Painter {
    /// The RGBA image, reused.
    px: Vec<u8>,
    /// The ink, and the theme (`data-theme` and system-change count) it was read under.
    ink: Option<(Option<String>, u32, Rgba)>,
    /// The visible height last set on the clip, CSS pixels.
    shown_h: u32,
}

impl Painter {
    /// The theme's ink colour (`--fg`) for the running goroutine's ring, read again only when
    /// the theme changed.
    fn ink(&mut self, canvas: &web_sys::HtmlCanvasElement, tick: u32) -> Rgba {
        let attr = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("data-theme"));
        if let Some((a, t, ink)) = &self.ink
            && *a == attr
            && *t == tick
        {
            return *ink;
        }
        let ink = web_sys::window()
            .and_then(|w| w.get_computed_style(canvas).ok().flatten())
            .and_then(|st| st.get_property_value("--fg").ok())
            .and_then(|v| grid::parse_css_color(&v))
            .unwrap_or(FALLBACK_INK);
        self.ink = Some((attr, tick, ink));
        ink
    }

    /// Paints the cells into the canvas as one RGBA image at the device's pixel ratio. The
    /// canvas grows in steps (resizing it reallocates it) and `clip` shows just the rows used.
    fn draw(
        &mut self,
        canvas: &web_sys::HtmlCanvasElement,
        clip: &web_sys::HtmlDivElement,
        s: &Snapshot,
        css_width: f64,
        theme: u32,
    ) {
        let n = s.goroutines.len();
        let grid = Grid::fit(n, css_width);
        let dpr = web_sys::window()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0)
            .clamp(1.0, 3.0);
        let scale = dpr.round().max(1.0) as u32;
        let css_w = css_width.max(16.0) as u32;
        let shown_h = if n == 0 { 1 } else { grid.height() };
        let css_h = grid::backing_height(shown_h);
        let (w, h) = (css_w * scale, css_h * scale);
        if canvas.width() != w || canvas.height() != h {
            canvas.set_width(w);
            canvas.set_height(h);
            let el: &web_sys::HtmlElement = canvas.as_ref();
            let style = el.style();
            let _ = style.set_property("width", &format!("{css_w}px"));
            let _ = style.set_property("height", &format!("{css_h}px"));
        }
        if self.shown_h != shown_h {
            self.shown_h = shown_h;
            let el: &web_sys::HtmlElement = clip.as_ref();
            let _ = el.style().set_property("height", &format!("{shown_h}px"));
        }
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        if n == 0 {
            ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
            return;
        }
        let colours = Family::ALL.map(|f| {
            let [r, g, b] = f.rgb();
            [r, g, b, 255]
        });
        let cells = s.goroutines.iter().map(|g| {
            let f = Family::of(g.state);
            Cell {
                fill: colours[Family::ALL.iter().position(|x| *x == f).unwrap_or(0)],
                running: s.running == Some(g.gid),
            }
        });
        let ink = self.ink(canvas, theme);
        grid::paint(&mut self.px, grid, scale, (w, h), cells, ink);
        if let Ok(img) =
            web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&self.px), w, h)
        {
            let _ = ctx.put_image_data(&img, 0.0, 0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_each_family_with_goroutines() {
        assert_eq!(
            summarize(13, &[6, 0, 6, 1, 0], Lang::En),
            "13 goroutines: 6 running / runnable, 6 sleep (timer), 1 mutex / WaitGroup / Cond"
        );
        assert_eq!(summarize(0, &[0; 5], Lang::En), "0 goroutines");
        assert_eq!(
            summarize(20_001, &[1, 20_000, 0, 0, 0], Lang::En),
            "20,001 goroutines: 1 running / runnable, 20,000 chan send / receive / select"
        );
        assert_eq!(
            summarize(1, &[0, 1, 0, 0, 0], Lang::En),
            "1 goroutine: 1 chan send / receive / select"
        );
    }
}
