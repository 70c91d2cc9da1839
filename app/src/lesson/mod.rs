//! A lesson's state and its controls: the controller every action goes through, the control bar,
//! the parameter panel, the keyboard mapping and the lesson text fetched when it opens. May import
//! `playback`, `panes`, `nav`, `browser` and `catalog`; never `embed` or `shell`.

pub mod control_bar;
pub mod controller;
pub mod keyboard;
pub mod param_panel;
pub mod text;
