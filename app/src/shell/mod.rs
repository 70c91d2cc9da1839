//! The page frame and the two pages it shows: the app (which page the URL names), the home
//! page's lesson list, the lesson page and its fix-it mode (`challenge_page`), which lays out `panes`, `lesson` controls and `embed`
//! parts. The top of the app: it may import every other folder, and none imports it.

pub mod app;
pub mod challenge_page;
pub mod lesson_list;
pub mod lesson_page;
pub mod scheduler_page;
