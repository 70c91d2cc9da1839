//! Stepping past the end of a run: the step button and the → key stay live at the end, and a
//! step there says, in the control bar, that the run is over and how to see it again (instead
//! of a button that silently does nothing). The notice goes away when the cursor moves.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::lesson::controller::LessonController;

/// Whether the last step asked for an event past the end; shared by the control bar and the
/// keyboard through the context.
#[derive(Clone, Copy)]
pub struct PastEnd(RwSignal<bool>);

impl PastEnd {
    /// Provides the flag for `ctl`'s page; it clears itself whenever the cursor moves.
    pub fn provide(ctl: LessonController) -> PastEnd {
        let flag = RwSignal::new(false);
        let pos = Memo::new(move |_| ctl.cursor.get().pos);
        Effect::new(move |_| {
            pos.track();
            ctl.runs.track();
            flag.set(false);
        });
        let me = PastEnd(flag);
        provide_context(me);
        me
    }

    /// The page's flag (a fresh one where no page provided it, as in a component test).
    pub fn get() -> PastEnd {
        use_context::<PastEnd>().unwrap_or_else(|| PastEnd(RwSignal::new(false)))
    }

    /// Whether the notice shows.
    pub fn shown(self) -> bool {
        self.0.get()
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
        past.0.set(true);
    } else {
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
