//! Which source lines are fully on screen in a code box, kept up to date by an
//! IntersectionObserver. The code view follows the running line as the cursor moves; asking the
//! row where it is (`offsetTop`) after the frame's DOM updates forces a layout, which cost 5-6 ms
//! a frame at 20,000 goroutines. The observer learns visibility from the browser's own layout
//! pass, so the view only measures when a line really has to be scrolled to.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::wasm_bindgen::JsCast;
use leptos::wasm_bindgen::closure::Closure;
use leptos::web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, js_sys,
};

/// The set of visible line numbers of one code box.
pub struct VisibleLines {
    observer: IntersectionObserver,
    // Kept alive as long as the observer may call it.
    _callback: Closure<dyn FnMut(js_sys::Array)>,
    /// Indexed by line number.
    visible: Rc<RefCell<Vec<bool>>>,
}

impl VisibleLines {
    /// Observes rows inside `root`; a row counts as visible when it is whole and at least
    /// `margin_px` away from the top and bottom edges (so a revealed line has context around it).
    pub fn new(root: &Element, margin_px: u32) -> Option<Self> {
        let visible = Rc::new(RefCell::new(Vec::new()));
        let set = Rc::clone(&visible);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut set = set.borrow_mut();
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                    continue;
                };
                let line = entry
                    .target()
                    .get_attribute("data-line")
                    .and_then(|l| l.parse::<u32>().ok());
                if let Some(line) = line.and_then(|l| usize::try_from(l).ok()) {
                    if set.len() <= line {
                        set.resize(line + 1, false);
                    }
                    set[line] = entry.intersection_ratio() >= 0.99;
                }
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root(Some(root));
        options.set_root_margin(&format!("-{margin_px}px 0px -{margin_px}px 0px"));
        options.set_threshold_f64_sequence(&js_sys::Array::of2(&0.0.into(), &1.0.into()));
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok()?;
        Some(Self {
            observer,
            _callback: callback,
            visible,
        })
    }

    /// (Re)starts watching every `.ln[data-line]` row under `root`, forgetting what was known:
    /// call after the rows are rendered again.
    pub fn observe_rows(&self, root: &Element) {
        self.observer.disconnect();
        self.visible.borrow_mut().clear();
        if let Ok(rows) = root.query_selector_all(".ln[data-line]") {
            for i in 0..rows.length() {
                if let Some(row) = rows.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    self.observer.observe(&row);
                }
            }
        }
    }

    /// Whether `line` was whole and clear of the edges at the last layout.
    pub fn contains(&self, line: u32) -> bool {
        usize::try_from(line)
            .ok()
            .and_then(|l| self.visible.borrow().get(l).copied())
            .unwrap_or(false)
    }
}

impl Drop for VisibleLines {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
