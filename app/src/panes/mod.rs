//! The panes that show one side's run: the code view, the code editor, the goroutine map, the
//! channel gauges, the connections and the charts. Leptos components over [`crate::playback`]
//! data; they may import `playback` and `browser`, never `lesson`, `embed`, `nav` or `shell`.

pub mod channel_gauges;
pub mod charts;
pub mod code_editor;
pub mod code_view;
pub mod connections;
pub mod goroutine_map;
pub mod pick;
pub mod race_marks;
