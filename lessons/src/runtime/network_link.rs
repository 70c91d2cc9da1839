//! A listener's link: the round-trip time and bandwidth between it and its dialers
//! (`docs/ARCHITECTURE.md` § Virtual network), charged in virtual time as TCP on a real
//! network charges them.
//!
//! - **Dial** is TCP's three-way handshake: the dialer's SYN reaches the listener after half a
//!   round trip, the SYN-ACK comes back after the other half, so `Dial` returns one RTT after
//!   it started; the listener's `Accept` sees the connection when the dialer's ACK arrives,
//!   half a round trip later (1.5 RTT).
//! - **Data** takes half a round trip to reach the peer, after it has been sent: with a
//!   bandwidth, `n` bytes take `n / bandwidth` seconds on the wire, one write after the other
//!   in each direction, so a request and its response cost one RTT plus their sending times.
//!   Writes still never block: the socket buffers are unbounded.
//! - A close (FIN) follows the bytes written before it.
//!
//! Links are given in the order the program makes its listeners ([`Runtime::set_net_links`]:
//! a lesson's `[[listener]]` tables); a listener beyond the list gets the run's plain latency.
//!
//! [`Runtime::set_net_links`]: super::Runtime::set_net_links

use serde::Serialize;

/// The round-trip time and bandwidth of a listener's connections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Round-trip time in nanoseconds: a dial takes one, a request and its response one.
    pub rtt_ns: i64,
    /// Bytes a second each way; 0: no limit (sending takes no time).
    pub bytes_per_sec: u64,
}

/// How a connection's two ends charge time: what a [`Link`] (or the run's plain latency)
/// comes to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Path {
    /// Time from the end of sending to the peer's being able to read.
    pub one_way: i64,
    /// Time `Dial` takes (a round trip); the listener sees the connection `one_way` later.
    pub handshake: i64,
    /// Bytes a second each way; 0: no limit.
    pub bytes_per_sec: u64,
}

impl Path {
    /// The run's plain latency (`RunOptions::net_latency_ns`): bytes are `ns` late, and the
    /// dial is instant (no handshake is charged).
    pub fn latency(ns: i64) -> Path {
        Path {
            one_way: ns.max(0),
            ..Path::default()
        }
    }

    /// What `link` charges.
    pub fn of(link: Link) -> Path {
        let rtt = link.rtt_ns.max(0);
        Path {
            one_way: rtt / 2,
            handshake: rtt,
            bytes_per_sec: link.bytes_per_sec,
        }
    }

    /// Nanoseconds `n` bytes take to send (0 without a bandwidth), rounded up.
    pub fn sending(&self, n: usize) -> i64 {
        if self.bytes_per_sec == 0 {
            return 0;
        }
        let ns = (n as u128 * 1_000_000_000).div_ceil(u128::from(self.bytes_per_sec));
        i64::try_from(ns).unwrap_or(i64::MAX)
    }
}
