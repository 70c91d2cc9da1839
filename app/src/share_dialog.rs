//! The Share button and the Embed dialog: a link and an `<iframe>` snippet for the current
//! state, each with a copy button.
