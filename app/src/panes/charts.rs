//! Charts over virtual time: goroutines by state family (stacked steps) and the modeled heap.
//! Both sides share one [`ChartScale`], so bad and good compare at a glance. The paths are built
//! once per run; moving the cursor only moves a line.

use std::rc::Rc;

use leptos::prelude::*;

use crate::playback::engine::Side;
use crate::playback::player::{format_bytes, format_time};
use crate::playback::series::{Family, Point, Series};

/// The axes both sides' charts share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChartScale {
    /// Virtual time at the right edge (the later of the two runs' ends).
    pub end_ns: i64,
    /// Top of the goroutine axis (the larger of the two peaks).
    pub max_goroutines: u32,
    /// Top of the heap axis in bytes (the larger of the two peaks).
    pub max_heap: u64,
}

mod axis;

/// Counts with thousands separators (`20,001`), shared with the map's legend.
pub use axis::thousands;
use axis::{ValueAxis, bytes_axis, tick_number, time_label, time_ticks};

/// The SVG's coordinate box; it stretches to the chart's size.
const W: f64 = 1000.0;
const H: f64 = 100.0;

/// x of time `t` in the SVG box.
fn x_of(t: i64, end_ns: i64) -> f64 {
    if end_ns <= 0 {
        0.0
    } else {
        (t as f64 / end_ns as f64 * W).clamp(0.0, W)
    }
}

/// The stacked step areas of goroutines by family, one SVG path per family (in
/// [`Family::ALL`] order), scaled to `top` goroutines and `end_ns`.
pub fn stacked_paths(points: &[Point], end_ns: i64, top: f64) -> Vec<String> {
    let y = |v: u32| H - f64::from(v) / top * H;
    (0..Family::ALL.len())
        .map(|f| {
            let lower = |p: &Point| p.counts[..f].iter().sum::<u32>();
            let upper = |p: &Point| p.counts[..=f].iter().sum::<u32>();
            if points.iter().all(|p| p.counts[f] == 0) {
                return String::new();
            }
            step_area(points, end_ns, |p| y(upper(p)), |p| y(lower(p)))
        })
        .collect()
}

/// y of `heap` bytes on an axis whose top is `top` bytes.
fn heap_y(heap: u64, top: f64) -> f64 {
    H - heap as f64 / top * H
}

/// The heap as a step area, scaled to `top` bytes.
pub fn heap_path(points: &[Point], end_ns: i64, top: f64) -> String {
    step_area(points, end_ns, |p| heap_y(p.heap, top), |_| H)
}

/// The heap's top edge as an open step line (the area's outline without its sides).
pub fn heap_line(points: &[Point], end_ns: i64, top: f64) -> String {
    let Some(first) = points.first() else {
        return String::new();
    };
    let mut d = format!(
        "M{:.1},{:.2}",
        x_of(first.time_ns, end_ns),
        heap_y(first.heap, top)
    );
    for (i, p) in points.iter().enumerate() {
        let next = points.get(i + 1).map_or(W, |n| x_of(n.time_ns, end_ns));
        d.push_str(&format!("V{:.2}H{:.1}", heap_y(p.heap, top), next));
    }
    d
}

/// A closed path between two step lines: `upper` left to right, then `lower` back.
fn step_area(
    points: &[Point],
    end_ns: i64,
    upper: impl Fn(&Point) -> f64,
    lower: impl Fn(&Point) -> f64,
) -> String {
    if points.is_empty() {
        return String::new();
    }
    let xs: Vec<f64> = points.iter().map(|p| x_of(p.time_ns, end_ns)).collect();
    let next_x = |i: usize| xs.get(i + 1).copied().unwrap_or(W);
    let mut d = format!("M{:.1},{:.2}", xs[0], upper(&points[0]));
    for (i, p) in points.iter().enumerate() {
        d.push_str(&format!("V{:.2}H{:.1}", upper(p), next_x(i)));
    }
    for (i, p) in points.iter().enumerate().rev() {
        d.push_str(&format!("V{:.2}H{:.1}", lower(p), xs[i]));
    }
    d.push('Z');
    d
}

/// The last point at or before `t`.
#[cfg(test)]
fn point_at(points: &[Point], t: i64) -> Point {
    let i = points.partition_point(|p| p.time_ns <= t);
    i.checked_sub(1)
        .and_then(|i| points.get(i))
        .copied()
        .unwrap_or_default()
}

/// One y-axis tick: its height from the bottom in percent and its label.
#[derive(Clone, Debug, PartialEq)]
struct YTick {
    pct: f64,
    label: String,
}

/// The goroutine axis's ticks (labels are counts).
fn goroutine_ticks(a: ValueAxis) -> Vec<YTick> {
    a.ticks()
        .into_iter()
        .map(|v| YTick {
            pct: v / a.top * 100.0,
            label: thousands(v as u64),
        })
        .collect()
}

/// The heap axis's ticks (labels are bytes in the axis's unit).
fn heap_ticks(a: ValueAxis, unit: &str) -> Vec<YTick> {
    a.ticks()
        .into_iter()
        .map(|v| YTick {
            pct: v / a.top * 100.0,
            label: if v == 0.0 {
                "0".to_string()
            } else {
                format!("{} {unit}", tick_number(v))
            },
        })
        .collect()
}

/// Horizontal grid lines (above 0) and the y labels beside a plot.
fn y_axis(ticks: Vec<YTick>) -> (impl IntoView, impl IntoView) {
    let lines = ticks
        .iter()
        .filter(|t| t.pct > 0.0)
        .map(|t| {
            let y = format!("{:.2}", H - t.pct / 100.0 * H);
            view! { <line class="grid" x1="0" x2=W.to_string() y1=y.clone() y2=y /> }
        })
        .collect_view();
    // The baseline needs no label; the others sit just above their line.
    let labels = ticks
        .into_iter()
        .filter(|t| t.pct > 0.0)
        .map(|t| view! { <span style=format!("bottom:{:.2}%", t.pct)>{t.label}</span> })
        .collect_view();
    (lines, labels)
}

/// One side's charts, with a cursor line at the current virtual time.
#[component]
pub fn Charts(
    /// Which program these charts show.
    side: Side,
    /// The side's whole run, folded once.
    #[prop(into)]
    series: Signal<Rc<Series>, LocalStorage>,
    /// Axes shared with the other side.
    #[prop(into)]
    scale: Signal<ChartScale>,
    /// Virtual time at the cursor.
    #[prop(into)]
    time_ns: Signal<i64>,
    /// Live goroutines and modeled heap at the cursor (mid-instant, where the chart's point is
    /// the end of the instant).
    #[prop(into)]
    now: Signal<(u32, u64)>,
) -> impl IntoView {
    let g_axis = Memo::new(move |_| ValueAxis::fit(f64::from(scale.get().max_goroutines), 5, 1.0));
    let h_axis = Memo::new(move |_| bytes_axis(scale.get().max_heap));
    // Built once per run (series and scale change together); the cursor moves on its own.
    let paths = Memo::new(move |_| {
        let end = scale.get().end_ns;
        let g_top = g_axis.get().top;
        let (a, unit, _) = h_axis.get();
        let h_top = a.top * unit;
        series.with(|s| {
            (
                stacked_paths(&s.points, end, g_top),
                heap_path(&s.points, end, h_top),
                heap_line(&s.points, end, h_top),
            )
        })
    });
    let cursor_x = move || format!("{:.1}", x_of(time_ns.get(), scale.get().end_ns));
    // The cursor's time label slides from left-aligned at 0 to right-aligned at the end.
    let cursor_left = move || {
        let p = x_of(time_ns.get(), scale.get().end_ns) / W * 100.0;
        format!("left:{p:.2}%;transform:translateX(-{p:.2}%)")
    };
    let x_ticks = move || {
        let end = scale.get().end_ns;
        time_ticks(end)
            .into_iter()
            .map(|t| {
                let left = x_of(t, end) / W * 100.0;
                view! { <span style=format!("left:{left:.2}%")>{time_label(t)}</span> }
            })
            .collect_view()
    };
    let lang = crate::i18n::use_lang();
    let zh = move || lang.get() == crate::i18n::Lang::Zh;
    let span = move || {
        let end = format_time(scale.get().end_ns);
        if zh() {
            format!("0 到 {end}")
        } else {
            format!("0 to {end}")
        }
    };
    let g_label = move || {
        let (n, _) = now.get();
        series.with(|s| {
            let (span, peak, at, t) = (
                span(),
                thousands(u64::from(s.peak_goroutines)),
                thousands(u64::from(n)),
                format_time(time_ns.get()),
            );
            if zh() {
                format!("goroutine 数随虚拟时间的变化，{span}：峰值 {peak}，光标处（{t}）为 {at}。")
            } else {
                format!(
                    "Goroutines over virtual time, {span}: peak {peak}, {at} at the cursor ({t})."
                )
            }
        })
    };
    let h_label = move || {
        let (_, b) = now.get();
        series.with(|s| {
            let (span, peak, at, t) = (
                span(),
                format_bytes(s.peak_heap),
                format_bytes(b),
                format_time(time_ns.get()),
            );
            if zh() {
                format!("模型堆随虚拟时间的变化，{span}：峰值 {peak}，光标处（{t}）为 {at}。")
            } else {
                format!(
                    "Modeled heap over virtual time, {span}: peak {peak}, {at} at the cursor ({t})."
                )
            }
        })
    };
    let g_grid = move || y_axis(goroutine_ticks(g_axis.get()));
    let h_grid = move || {
        let (a, _, name) = h_axis.get();
        y_axis(heap_ticks(a, name))
    };
    view! {
        <div class="charts" data-testid=format!("charts-{}", side.key())>
            <figure class="chart">
                <figcaption>
                    <span class="title">{move || crate::i18n::tr(lang.get(), "Goroutines")}</span>
                    <span class="now" data-testid=format!("chart-now-{}", side.key())>
                        {move || thousands(u64::from(now.get().0))}
                    </span>
                    <span class="peak">
                        {move || series.with(|s| format!("{} {}", crate::i18n::tr(lang.get(), "peak"), thousands(u64::from(s.peak_goroutines))))}
                    </span>
                </figcaption>
                <div class="plot">
                    <svg
                        viewBox=format!("0 0 {W} {H}")
                        preserveAspectRatio="none"
                        role="img"
                        aria-label=g_label
                    >
                        {move || g_grid().0}
                        {move || {
                            paths
                                .get()
                                .0
                                .into_iter()
                                .zip(Family::ALL)
                                .filter(|(d, _)| !d.is_empty())
                                .map(|(d, f)| view! { <path class=format!("fam-{}", f.key()) d=d fill=f.css() /> })
                                .collect_view()
                        }}
                        <line class="cursor" x1=cursor_x x2=cursor_x y1="0" y2=H.to_string() />
                    </svg>
                    <div class="yaxis" aria-hidden="true">{move || g_grid().1}</div>
                    {move || {
                        (scale.get().end_ns == 0)
                            .then(|| {
                                view! {
                                    <p class="chart-note">
                                        {crate::i18n::tr(lang.get(), "Every event happens at t = 0: no virtual time passes to chart.")}
                                    </p>
                                }
                            })
                    }}
                </div>
            </figure>
            <figure class="chart">
                <figcaption>
                    <span class="title">{move || crate::i18n::tr(lang.get(), "Heap (modeled)")}</span>
                    <span class="now">{move || format_bytes(now.get().1)}</span>
                    <span class="peak">{move || series.with(|s| format!("{} {}", crate::i18n::tr(lang.get(), "peak"), format_bytes(s.peak_heap)))}</span>
                </figcaption>
                <div class="plot">
                    <svg
                        viewBox=format!("0 0 {W} {H}")
                        preserveAspectRatio="none"
                        role="img"
                        aria-label=h_label
                    >
                        {move || h_grid().0}
                        <path class="heap-area" d=move || paths.get().1 />
                        <path class="heap-line" d=move || paths.get().2 />
                        <line class="cursor" x1=cursor_x x2=cursor_x y1="0" y2=H.to_string() />
                    </svg>
                    <div class="yaxis" aria-hidden="true">{move || h_grid().1}</div>
                </div>
            </figure>
            <div class="xaxis" aria-hidden="true">
                <div class="xticks">
                    {x_ticks}
                    <b class="xcursor" style=cursor_left>{move || format_time(time_ns.get())}</b>
                </div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(t: i64, counts: [u32; 5], heap: u64) -> Point {
        Point {
            time_ns: t,
            counts,
            heap,
        }
    }

    #[test]
    fn heap_line_is_the_top_edge_only() {
        let points = [pt(0, [0; 5], 0), pt(50, [0; 5], 100)];
        assert_eq!(
            heap_line(&points, 100, 200.0),
            "M0.0,100.00V100.00H500.0V50.00H1000.0"
        );
        assert_eq!(heap_line(&[], 100, 200.0), "");
    }

    #[test]
    fn y_ticks_label_counts_and_bytes() {
        let g: Vec<(f64, String)> = goroutine_ticks(ValueAxis::fit(20_000.0, 5, 1.0))
            .into_iter()
            .map(|t| (t.pct, t.label))
            .collect();
        assert_eq!(
            g,
            [
                (0.0, "0".to_string()),
                (25.0, "5,000".to_string()),
                (50.0, "10,000".to_string()),
                (75.0, "15,000".to_string()),
                (100.0, "20,000".to_string())
            ]
        );
        let (a, _, unit) = bytes_axis(1536);
        let h: Vec<String> = heap_ticks(a, unit).into_iter().map(|t| t.label).collect();
        assert_eq!(h, ["0", "0.5 KiB", "1 KiB", "1.5 KiB"]);
    }

    #[test]
    fn stacked_paths_stack_families_in_order() {
        let points = [pt(0, [1, 0, 0, 0, 0], 0), pt(50, [1, 1, 0, 0, 0], 0)];
        let paths = stacked_paths(&points, 100, 2.0);
        assert_eq!(
            paths[0],
            "M0.0,50.00V50.00H500.0V50.00H1000.0V100.00H500.0V100.00H0.0Z"
        );
        assert_eq!(
            paths[1],
            "M0.0,50.00V50.00H500.0V0.00H1000.0V50.00H500.0V50.00H0.0Z"
        );
        assert!(paths[2..].iter().all(String::is_empty));
    }

    #[test]
    fn point_at_is_the_last_point_not_after_t() {
        let points = [pt(0, [0; 5], 1), pt(10, [0; 5], 2), pt(20, [0; 5], 3)];
        assert_eq!(
            (
                point_at(&points, 15).heap,
                point_at(&points, 20).heap,
                point_at(&points, -1).heap
            ),
            (2, 3, 0)
        );
    }
}
