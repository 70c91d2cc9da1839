//! The goroutine map: one cell per live goroutine, coloured by state family, on a canvas so
//! that 10,000+ cells stay smooth. (Contract placeholder: the canvas version replaces the body.)

use std::rc::Rc;

use leptos::prelude::*;
use lessons::runtime::Snapshot;

use crate::engine::Side;

/// One side's goroutine map at the cursor's snapshot.
#[component]
pub fn GoroutineMap(
    /// Which program this map shows (test hooks and labels).
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    view! {
        <div class="goroutine-map" data-testid=format!("map-{}", side.key())>
            {move || format!("{} goroutines", snapshot.get().goroutines.len())}
        </div>
    }
}
