//! The line under the control bar that says, in one sentence, what the event under the cursor
//! did (see [`crate::playback::narration`]), in the page's language.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::lesson::controller::LessonController;
use crate::lesson::run_names::RunNames;
use crate::playback::engine::Side;
use crate::playback::narration::{self, Sentence};

/// The event under the cursor: which side's, its index in that side's events, and its sentence.
fn under_cursor(
    ctl: LessonController,
    names: RunNames,
    pos: usize,
) -> Option<(Side, usize, Sentence)> {
    let (side, index) = ctl.runs.with(|r| {
        let r = r.as_ref()?;
        let before = r.lockstep.split(pos.checked_sub(1)?);
        let after = r.lockstep.split(pos);
        if after.0 > before.0 {
            Some((Side::Bad, after.0 - 1))
        } else if after.1 > before.1 {
            Some((Side::Good, after.1 - 1))
        } else {
            None
        }
    })?;
    let names = names.side(side.index());
    let sentence = ctl.runs.with(|r| {
        let e = r.as_ref()?.sides[side.index()]
            .timeline
            .events()
            .get(index)?
            .clone();
        // The snapshot follows the cursor through an effect; until it caught up, the channel
        // details of the sentence would be one event old, so they wait for it.
        ctl.snapshots[side.index()]
            .with(|s| (s.index == index + 1).then(|| narration::narrate(&e, s, &names)))
    })?;
    Some((side, index, sentence))
}

/// The narration line.
#[component]
pub fn NarrationLine(ctl: LessonController) -> impl IntoView {
    let names = RunNames::new(ctl);
    let lang = i18n::use_lang();
    let pos = Memo::new(move |_| ctl.cursor.get().pos);
    let line = Memo::new(move |_| {
        under_cursor(ctl, names, pos.get())
            .map(|(side, index, s)| (side.key(), side.file(), index, s))
    });
    view! {
        <p class="narration" data-testid="narration" aria-live="off"
            data-side=move || line.with(|l| l.as_ref().map(|l| l.0))
            data-index=move || line.with(|l| l.as_ref().map(|l| l.2))
        >
            {move || match line.get() {
                Some((key, file, _, s)) => {
                    let zh = lang.get() == Lang::Zh;
                    view! {
                        <span class=format!("nside tag tag-{key}")>{file}</span>
                        " "
                        <span class="ntext" lang=if zh { "zh" } else { "en" }>{if zh { s.zh } else { s.en }}</span>
                    }
                        .into_any()
                }
                None => view! {
                    <span class="ntext muted">
                        {i18n::tr(lang.get(), "Step (→) or play to follow the run one event at a time; each event is told here.")}
                    </span>
                }
                    .into_any(),
            }}
        </p>
    }
}
