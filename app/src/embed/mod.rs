//! Sharing and embedding a lesson: the embed view's URL options, the postMessage API a host page
//! drives an embedded lesson with, and the Share / Embed dialog. May import `lesson` (to drive its
//! controller), `nav`, `playback` and `browser`; never `shell`.

pub mod host_api;
pub mod options;
pub mod share_dialog;
