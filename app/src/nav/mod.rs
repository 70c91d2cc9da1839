pub mod link;
pub mod query;
pub mod route;
pub mod visited;
