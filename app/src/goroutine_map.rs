//! The goroutine map: one cell per live goroutine, coloured by state family, drawn on a canvas
//! as one image (so 20,000 cells redraw in about a millisecond). Hovering or tapping a cell
//! shows which goroutine it is, its state, its line and what it waits on.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_bindgen::{Clamped, JsCast};
use leptos::web_sys;
use lessons::runtime::{GState, Snapshot};

use crate::engine::Side;
use crate::series::Family;

/// Tallest the map grows before its cells shrink, in CSS pixels.
const MAX_HEIGHT: f64 = 180.0;
/// Cell sizes tried, largest first, in CSS pixels.
const CELL_SIZES: [u32; 8] = [16, 12, 10, 8, 6, 4, 3, 2];

/// How cells are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Cell pitch (cell plus gap), CSS pixels.
    pub pitch: u32,
    /// Gap between cells, CSS pixels.
    pub gap: u32,
    /// Cells per row.
    pub cols: u32,
    /// Rows needed.
    pub rows: u32,
}

impl Grid {
    /// The largest cells that fit `n` goroutines into `width` pixels without growing taller
    /// than [`MAX_HEIGHT`] (the smallest cells, and a taller map, when even those do not fit).
    pub fn fit(n: usize, width: f64) -> Grid {
        let n = u32::try_from(n).unwrap_or(u32::MAX).max(1);
        let width = width.max(16.0) as u32;
        let mut grid = Grid {
            pitch: 2,
            gap: 0,
            cols: 1,
            rows: n,
        };
        for pitch in CELL_SIZES {
            let cols = (width / pitch).max(1);
            let rows = n.div_ceil(cols);
            grid = Grid {
                pitch,
                gap: u32::from(pitch >= 6),
                cols,
                rows,
            };
            if f64::from(rows * pitch) <= MAX_HEIGHT {
                break;
            }
        }
        grid
    }

    /// Height of the map in CSS pixels.
    pub fn height(&self) -> u32 {
        self.rows * self.pitch
    }

    /// The cell index under point (`x`, `y`) in CSS pixels, if that point is on a cell.
    pub fn hit(&self, x: f64, y: f64, n: usize) -> Option<usize> {
        if x < 0.0 || y < 0.0 {
            return None;
        }
        let (col, row) = ((x as u32) / self.pitch, (y as u32) / self.pitch);
        if col >= self.cols {
            return None;
        }
        let i = (row * self.cols + col) as usize;
        (i < n).then_some(i)
    }
}

/// One side's goroutine map at the cursor's snapshot.
#[component]
pub fn GoroutineMap(
    /// Which program this map shows (test hooks and labels).
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    let wrap = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let width = RwSignal::new(0.0f64);
    let hover = RwSignal::new(None::<usize>);
    let tip_at = RwSignal::new((0.0f64, 0.0f64));

    let measure = move || {
        if let Some(w) = wrap.get_untracked() {
            width.set(f64::from(w.client_width()));
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Draws whenever the snapshot or the width changes.
    Effect::new(move |_| {
        if width.get() == 0.0 {
            measure();
        }
        let w = width.get();
        snapshot.with(|s| {
            if let Some(c) = canvas.get() {
                draw(&c, s, w);
            }
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

    let counts = Memo::new(move |_| snapshot.with(|s| family_counts(s)));
    let summary = move || {
        snapshot.with(|s| {
            let counts = counts.get();
            let parts: Vec<String> = Family::ALL
                .iter()
                .zip(counts)
                .filter(|(_, c)| *c > 0)
                .map(|(f, c)| format!("{c} {}", f.label()))
                .collect();
            format!(
                "{} goroutines{}{}",
                s.goroutines.len(),
                if parts.is_empty() { "" } else { ": " },
                parts.join(", ")
            )
        })
    };

    view! {
        <div class="goroutine-map" data-testid=format!("map-{}", side.key())>
            <div class="map-head">
                <h3>"Goroutines"</h3>
                <span class="map-count" data-testid=format!("map-count-{}", side.key())>
                    {move || snapshot.with(|s| s.goroutines.len())}
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
                                    {f.label()}
                                    " "
                                    <b>{move || counts.get()[i]}</b>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
            <div class="map-canvas" node_ref=wrap>
                <canvas
                    node_ref=canvas
                    role="img"
                    aria-label=summary
                    on:pointermove=pointer
                    on:pointerdown=pointer
                    on:pointerleave=move |_| hover.set(None)
                ></canvas>
                {move || {
                    let i = hover.get()?;
                    let card = snapshot.with(|s| s.goroutines.get(i).cloned()).map(describe)?;
                    let (x, y) = tip_at.get();
                    let flip = x > width.get_untracked() * 0.6;
                    let style = if flip {
                        format!("right:{:.0}px;top:{:.0}px", width.get_untracked() - x + 8.0, y + 12.0)
                    } else {
                        format!("left:{:.0}px;top:{:.0}px", x + 8.0, y + 12.0)
                    };
                    Some(view! {
                        <div class="map-tip" role="tooltip" style=style data-testid="map-tip">
                            {card}
                        </div>
                    })
                }}
                <Show when=move || snapshot.with(|s| s.goroutines.is_empty())>
                    <p class="map-empty">"no goroutines alive"</p>
                </Show>
            </div>
        </div>
    }
}

/// Live goroutines per family, in [`Family::ALL`] order.
fn family_counts(s: &Snapshot) -> [u32; 5] {
    let mut counts = [0u32; 5];
    for g in &s.goroutines {
        let i = Family::ALL
            .iter()
            .position(|f| *f == Family::of(g.state))
            .unwrap_or(0);
        counts[i] += 1;
    }
    counts
}

/// The hover card's lines for one goroutine.
fn describe(g: lessons::runtime::GoroutineView) -> impl IntoView {
    let name = if g.name.is_empty() {
        "goroutine".to_string()
    } else {
        g.name.to_string()
    };
    let state = if g.state == GState::Runnable {
        "runnable".to_string()
    } else {
        g.state.as_str().to_string()
    };
    view! {
        <b>{format!("goroutine {} ", g.gid.0)}</b>
        <span class="fn">{name}</span>
        <br />
        <span class="swatch" style=format!("background:{}", Family::of(g.state).css())></span>
        {format!(" {state} · line {}", g.line)}
    }
}

/// Paints the cells into the canvas as one RGBA image at the device's pixel ratio.
fn draw(canvas: &web_sys::HtmlCanvasElement, s: &Snapshot, css_width: f64) {
    let n = s.goroutines.len();
    let grid = Grid::fit(n, css_width);
    let dpr = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .clamp(1.0, 3.0);
    let scale = dpr.round().max(1.0) as u32;
    let css_w = css_width.max(16.0) as u32;
    let css_h = if n == 0 { 0 } else { grid.height() };
    let (w, h) = (css_w * scale, css_h.max(1) * scale);
    // Resizing a canvas reallocates and clears it: only when the size really changes.
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
        let el: &web_sys::HtmlElement = canvas.as_ref();
        let style = el.style();
        let _ = style.set_property("width", &format!("{css_w}px"));
        let _ = style.set_property("height", &format!("{}px", css_h.max(1)));
    }
    if n == 0 {
        return;
    }
    let mut px = vec![0u8; (w * h * 4) as usize];
    let cell = (grid.pitch - grid.gap) * scale;
    for (i, g) in s.goroutines.iter().enumerate() {
        let [r, gg, b] = Family::of(g.state).rgb();
        let i = i as u32;
        let (x0, y0) = (
            (i % grid.cols) * grid.pitch * scale,
            (i / grid.cols) * grid.pitch * scale,
        );
        let running = s.running == Some(g.gid);
        for y in y0..(y0 + cell).min(h) {
            let row = (y * w) as usize * 4;
            for x in x0..(x0 + cell).min(w) {
                let edge = running
                    && cell >= 4
                    && (x == x0 || y == y0 || x + 1 == x0 + cell || y + 1 == y0 + cell);
                let o = row + x as usize * 4;
                if edge {
                    px[o..o + 4].copy_from_slice(&[20, 20, 20, 255]);
                } else {
                    px[o..o + 4].copy_from_slice(&[r, gg, b, 255]);
                }
            }
        }
    }
    let Ok(ctx) = canvas.get_context("2d") else {
        return;
    };
    let Some(ctx) = ctx.and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else {
        return;
    };
    if let Ok(img) = web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&px), w, h) {
        let _ = ctx.put_image_data(&img, 0.0, 0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_goroutines_get_big_cells_in_one_row() {
        assert_eq!(
            Grid::fit(10, 400.0),
            Grid {
                pitch: 16,
                gap: 1,
                cols: 25,
                rows: 1
            }
        );
    }

    #[test]
    fn twenty_thousand_goroutines_shrink_to_fit_the_height() {
        let g = Grid::fit(20_001, 600.0);
        assert_eq!(
            g,
            Grid {
                pitch: 2,
                gap: 0,
                cols: 300,
                rows: 67
            }
        );
        assert!(f64::from(g.height()) <= MAX_HEIGHT);
    }

    #[test]
    fn beyond_the_smallest_cells_the_map_grows_taller() {
        let g = Grid::fit(100_000, 300.0);
        assert_eq!((g.pitch, g.cols, g.rows), (2, 150, 667));
    }

    #[test]
    fn hit_finds_the_cell_under_the_pointer() {
        let g = Grid::fit(30, 160.0); // 10 columns of 16 px
        assert_eq!(g.cols, 10);
        assert_eq!(g.hit(5.0, 5.0, 30), Some(0));
        assert_eq!(g.hit(17.0, 20.0, 30), Some(11));
        assert_eq!(g.hit(17.0, 60.0, 30), None); // row 3 does not exist
        assert_eq!(g.hit(170.0, 5.0, 30), None); // right of the last column
        assert_eq!(g.hit(-1.0, 5.0, 30), None);
    }
}
