//! Channel gauges: each channel's buffer fill (len/cap) and its queues of waiting senders and
//! receivers. (Contract placeholder: the gauge version replaces the body.)

use std::rc::Rc;

use leptos::prelude::*;
use lessons::runtime::Snapshot;

use crate::engine::Side;

/// One side's channels at the cursor's snapshot.
#[component]
pub fn ChannelGauges(
    /// Which program these channels belong to.
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    view! {
        <div class="channel-gauges" data-testid=format!("chans-{}", side.key())>
            {move || format!("{} channels", snapshot.get().chans.len())}
        </div>
    }
}
