//! Each side's goroutine names by id, folded from its `Spawn` events when first asked for and
//! kept until the next run: the narration, the why panel and the "In Go" panel name goroutines
//! that may no longer be alive in the snapshot at the cursor.

use std::rc::Rc;

use leptos::prelude::*;

use crate::lesson::controller::LessonController;

type Names = Rc<[Rc<str>]>;

/// The names of one run pair, folded lazily: which runs they belong to (the `Rc`'s address)
/// and the names per side, each folded when first needed.
#[derive(Clone, Copy)]
pub struct RunNames {
    ctl: LessonController,
    cache: StoredValue<(usize, [Option<Names>; 2]), LocalStorage>,
}

impl RunNames {
    /// Names for `ctl`'s runs.
    pub fn new(ctl: LessonController) -> RunNames {
        RunNames {
            ctl,
            cache: StoredValue::new_local((0, [None, None])),
        }
    }

    /// Side `index`'s names (0 bad, 1 good); tracks the runs, so a new run folds anew.
    pub fn side(&self, index: usize) -> Names {
        let i = index.min(1);
        self.ctl.runs.with(|r| {
            let Some(r) = r else {
                return Rc::from(Vec::new());
            };
            let id = Rc::as_ptr(r) as usize;
            self.cache
                .try_update_value(|(at, names)| {
                    if *at != id {
                        *at = id;
                        *names = [None, None];
                    }
                    Rc::clone(names[i].get_or_insert_with(|| Rc::from(r.sides[i].timeline.names())))
                })
                .unwrap_or_else(|| Rc::from(Vec::new()))
        })
    }
}
