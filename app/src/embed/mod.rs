pub mod host_api;
pub mod options;
pub mod share_dialog;
