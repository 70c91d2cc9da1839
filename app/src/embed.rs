//! The embed view's options, read from the URL (`?embed=1&panes=...`): what an `<iframe>` in a
//! trainer's docs shows.
