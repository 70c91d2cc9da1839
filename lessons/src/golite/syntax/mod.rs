//! Go source text to syntax trees: tokens, the lexer, the parser, the tree, highlighting, the
//! lesson parameters declared in `// param:` comments, and the errors with a position.

pub mod ast;
pub(crate) mod error;
pub mod highlight;
pub(crate) mod lexer;
pub(crate) mod params;
pub(crate) mod parser;
pub(crate) mod token;

pub use error::Error;
pub use parser::parse_file;
