//! A lesson's `[[listener]]` tables: the round-trip time and bandwidth of each listener its
//! programs make, in order (`runtime/network_link.rs`), so a network lesson shows what a dial
//! or a request costs on a real network. Read apart from [`super::Lesson`], as `[harm]` is, so
//! the app's builders of `Lesson` need no change; the app ships them as data (`app/build.rs`).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::runtime::Link;

/// One `[[listener]]` table.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListenerLink {
    /// Round-trip time in microseconds.
    pub rtt_us: u32,
    /// Bytes a second each way; absent: no limit.
    #[serde(default)]
    pub bytes_per_sec: u64,
}

impl ListenerLink {
    /// The runtime's link.
    pub fn link(&self) -> Link {
        Link {
            rtt_ns: i64::from(self.rtt_us) * 1000,
            bytes_per_sec: self.bytes_per_sec,
        }
    }
}

/// The links of the listeners the lesson `slug` makes, in order (empty for most lessons:
/// their listeners, if any, have no latency).
pub fn links_of(slug: &str) -> &'static [Link] {
    #[derive(Deserialize)]
    struct Only {
        slug: String,
        #[serde(default)]
        listener: Vec<ListenerLink>,
    }
    static CELL: OnceLock<Vec<(String, Vec<Link>)>> = OnceLock::new();
    CELL.get_or_init(|| {
        super::RAW
            .iter()
            .filter_map(|r| toml::from_str::<Only>(r.toml?).ok())
            .map(|o| (o.slug, o.listener.iter().map(ListenerLink::link).collect()))
            .collect()
    })
    .iter()
    .find(|(s, _)| s == slug)
    .map_or(&[], |(_, l)| l.as_slice())
}
