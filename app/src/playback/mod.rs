pub mod engine;
pub mod lockstep;
pub mod player;
pub mod series;
pub mod verdict;
