//! Charts over virtual time: goroutines by state family (stacked steps) and the modeled heap.
//! Both sides share one [`ChartScale`], so bad and good compare at a glance. The paths are built
//! once per run; moving the cursor only moves a line.

use std::rc::Rc;

use leptos::prelude::*;

use crate::engine::Side;
use crate::player::{format_bytes, format_time};
use crate::series::{Family, Point, Series};

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

/// The SVG's coordinate box; it stretches to the chart's size.
const W: f64 = 1000.0;
const H: f64 = 100.0;

/// A "nice" axis top at or above `v`: 1, 2 or 5 times a power of ten.
pub fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|t| *t >= v - 1e-9)
        .unwrap_or(10.0 * p)
}

/// Time ticks for an axis from 0 to `end_ns`: about five, at round values.
pub fn time_ticks(end_ns: i64) -> Vec<i64> {
    if end_ns <= 0 {
        return vec![0];
    }
    let step = nice_ceiling(end_ns as f64 / 5.0) as i64;
    (0..)
        .map(|i| i * step)
        .take_while(|t| *t <= end_ns)
        .collect()
}

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

/// The heap as a step area, scaled to `top` bytes.
pub fn heap_path(points: &[Point], end_ns: i64, top: f64) -> String {
    step_area(points, end_ns, |p| H - p.heap as f64 / top * H, |_| H)
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
    let g_top = Memo::new(move |_| nice_ceiling(f64::from(scale.get().max_goroutines)));
    let h_top = Memo::new(move |_| nice_ceiling(scale.get().max_heap as f64));
    let paths = Memo::new(move |_| {
        let sc = scale.get();
        series.with(|s| {
            (
                stacked_paths(&s.points, sc.end_ns, g_top.get()),
                heap_path(&s.points, sc.end_ns, h_top.get()),
            )
        })
    });
    let cursor_x = move || format!("{:.1}", x_of(time_ns.get(), scale.get().end_ns));
    let ticks = move || {
        let end = scale.get().end_ns;
        time_ticks(end)
            .into_iter()
            .map(|t| {
                let left = x_of(t, end) / W * 100.0;
                view! { <span style=format!("left:{left:.2}%")>{format_time(t)}</span> }
            })
            .collect_view()
    };
    view! {
        <div class="charts" data-testid=format!("charts-{}", side.key())>
            <figure class="chart">
                <figcaption>
                    <span>"Goroutines"</span>
                    <span class="now">{move || format!("{} now", now.get().0)}</span>
                    <span class="top">{move || format!("axis {}", g_top.get())}</span>
                </figcaption>
                <svg
                    viewBox=format!("0 0 {W} {H}")
                    preserveAspectRatio="none"
                    role="img"
                    aria-label=move || {
                        series.with(|s| format!("Goroutines over virtual time: peak {}", s.peak_goroutines))
                    }
                >
                    {move || {
                        paths
                            .get()
                            .0
                            .into_iter()
                            .zip(Family::ALL)
                            .filter(|(d, _)| !d.is_empty())
                            .map(|(d, f)| view! { <path d=d fill=f.css() /> })
                            .collect_view()
                    }}
                    <line class="cursor" x1=cursor_x x2=cursor_x y1="0" y2=H.to_string() />
                </svg>
            </figure>
            <figure class="chart">
                <figcaption>
                    <span>"Heap (modeled)"</span>
                    <span class="now">{move || format_bytes(now.get().1)}</span>
                    <span class="top">{move || format!("axis {}", format_bytes(h_top.get() as u64))}</span>
                </figcaption>
                <svg
                    viewBox=format!("0 0 {W} {H}")
                    preserveAspectRatio="none"
                    role="img"
                    aria-label=move || {
                        series.with(|s| format!("Modeled heap over virtual time: peak {}", format_bytes(s.peak_heap)))
                    }
                >
                    <path class="heap" d=move || paths.get().1 />
                    <line class="cursor" x1=cursor_x x2=cursor_x y1="0" y2=H.to_string() />
                </svg>
            </figure>
            <div class="ticks" aria-hidden="true">{ticks}</div>
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
    fn nice_ceilings_are_1_2_5_times_a_power_of_ten() {
        let got: Vec<f64> = [0.0, 1.0, 3.0, 7.0, 11.0, 20.0, 20_001.0]
            .map(nice_ceiling)
            .into();
        assert_eq!(got, [1.0, 1.0, 5.0, 10.0, 20.0, 20.0, 50_000.0]);
    }

    #[test]
    fn time_ticks_for_a_second_and_a_bit() {
        assert_eq!(time_ticks(1_050_000_000), [0, 500_000_000, 1_000_000_000]);
        assert_eq!(
            time_ticks(100_000_000),
            [
                0,
                20_000_000,
                40_000_000,
                60_000_000,
                80_000_000,
                100_000_000
            ]
        );
        assert_eq!(time_ticks(0), [0]);
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
