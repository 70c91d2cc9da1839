pub mod control_bar;
pub mod controller;
pub mod keyboard;
pub mod param_panel;
pub mod text;
