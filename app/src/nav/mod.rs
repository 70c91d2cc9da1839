//! Navigation: the URL's state (route, query string), moving between pages without reloading
//! (link: `Navigator`, `LessonLink`) and which lessons this browser has visited
//! and which fix-it challenges it solved. May import
//! `browser` and `catalog`; nothing above it (`lesson`, `embed`, `shell`).

pub mod link;
pub mod notice;
pub mod pack;
pub mod query;
pub mod route;
pub mod slug_list;
pub mod solved;
pub mod visited;
