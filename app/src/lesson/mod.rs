//! A lesson's state and its controls: the controller every action goes through, the control bar,
//! the parameter panel, the keyboard mapping and the lesson text fetched when it opens; the fix-it
//! mode's work area (`challenge_panel`); the verdict box, the narration line and the "why is it
//! stuck?" panel, which read the runs through the controller. May import `playback`, `panes`, `nav`, `browser` and `catalog`; never `embed`
//! or `shell`.

pub mod challenge_panel;
pub mod control_bar;
pub mod controller;
pub mod end_notice;
pub mod find_schedule;
pub mod go_version_switch;
pub mod keyboard;
pub mod narration_line;
pub mod param_panel;
pub mod race_switch;
pub mod run_names;
pub mod text;
pub mod verdict_box;
pub mod why_panel;
