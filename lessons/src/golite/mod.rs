//! golite: lexer, parser and interpreter for the Go subset the lessons use.

// --- front end (owned by the golite front-end engineer: syntax, highlighting, fmt) ---
pub mod ast;
pub mod lexer;
pub mod token;
// --- end front end ---
