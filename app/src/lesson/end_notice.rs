//! Stepping past the end of a run: the step button and the → key stay live at the end, and a
//! step there says, in the control bar, that the run is over and how to see it again (instead
//! of a button that silently does nothing). The notice shows while the cursor stays where it
//! was asked for (a derived value, not an effect clearing a flag): any move hides it.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::lesson::controller::LessonController;

/// The cursor position at which a step past the end was asked for; shared by the control bar
/// and the keyboard through the context.
#[derive(Clone, Copy)]
pub struct PastEnd(RwSignal<Option<usize>>);

impl PastEnd {
    /// Provides the page's value.
    pub fn provide() -> PastEnd {
        let me = PastEnd(RwSignal::new(None));
        provide_context(me);
        me
    }

    /// The page's value (a fresh one where no page provided it, as in a component test).
    pub fn get() -> PastEnd {
        use_context::<PastEnd>().unwrap_or_else(|| PastEnd(RwSignal::new(None)))
    }

    /// Whether the notice shows: the cursor is still at the end where the step was asked for.
    pub fn shown(self, ctl: LessonController) -> bool {
        let pos = ctl.cursor.get().pos;
        self.0.get() == Some(pos) && ctl.at_end()
    }
}

/// One event forward, or the notice when the cursor already stands at the end.
pub fn step(ctl: LessonController, past: PastEnd) {
    let at_end = ctl.runs.with_untracked(|r| {
        r.as_ref()
            .is_some_and(|r| ctl.cursor.get_untracked().at_end(&r.lockstep))
    });
    if at_end {
        ctl.pause();
        past.0.set(Some(ctl.cursor.get_untracked().pos));
    } else {
        past.0.set(None);
        ctl.step();
    }
}

/// The notice's sentence.
pub fn text(lang: Lang) -> &'static str {
    i18n::tr(
        lang,
        "End of the run: there is no next event. Step back (←) or go back to the start to watch it again.",
    )
}
