//! Charts over virtual time: goroutines by state family (stacked) and the modeled heap. Both
//! sides share one [`ChartScale`], so bad and good compare at a glance. (Contract placeholder:
//! the SVG version replaces the body.)

use std::rc::Rc;

use leptos::prelude::*;

use crate::engine::Side;
use crate::series::Series;

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
) -> impl IntoView {
    view! {
        <div class="charts" data-testid=format!("charts-{}", side.key())>
            {move || {
                format!(
                    "{} points, t={} of {}",
                    series.get().points.len(),
                    time_ns.get(),
                    scale.get().end_ns,
                )
            }}
        </div>
    }
}
