//! What the learner picked to ask "why is it stuck?" about, shared by the panes of one side: the
//! goroutine map, the line badges and the channel rows set it; the side's why panel reads it.
//! Provided as context by the side's panel, so the panes need no new props; a pane outside a
//! side (no context) simply offers no picking.

use leptos::prelude::*;

use crate::playback::why::Pick;

/// One side's pick.
#[derive(Clone, Copy)]
pub struct Picker(pub RwSignal<Option<Pick>>);

impl Picker {
    /// The picker provided by the side these panes are in, if any.
    pub fn get() -> Option<Picker> {
        use_context::<Picker>()
    }

    /// Picks `p`; picking the same thing again closes the panel (a toggle, as a click does).
    pub fn toggle(self, p: Pick) {
        self.0
            .update(|now| *now = if *now == Some(p) { None } else { Some(p) });
    }
}

/// A key press that activates a focused non-button element: Enter (space stays the page's
/// play/pause, see `lesson::keyboard`).
pub fn activates(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.key() == "Enter"
}
