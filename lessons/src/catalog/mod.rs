//! The lesson catalog, compiled in: lesson folders under `lessons/catalog/`, their parameters and
//! expected verdicts.

pub mod param;

pub use param::{Param, ParamError, apply_params, parse_params};
