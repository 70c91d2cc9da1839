pub mod app;
pub mod lesson_list;
pub mod lesson_page;
