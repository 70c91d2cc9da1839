//! Go source text to syntax trees: tokens, the lexer, the parser, the tree, highlighting, the
//! lesson parameters declared in `// param:` comments, and the errors with a position.

pub mod ast;
pub mod error;
pub mod highlight;
pub mod lexer;
pub mod params;
pub mod parser;
pub mod token;
