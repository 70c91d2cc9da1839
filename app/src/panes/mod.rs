pub mod channel_gauges;
pub mod charts;
pub mod code_editor;
pub mod code_view;
pub mod goroutine_map;
