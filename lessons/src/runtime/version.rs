//! The Go release whose semantics a run follows where they changed: loop variables (Go 1.22)
//! and timer channels (Go 1.23). Everything else is Go 1.27 under either setting.
//!
//! Real Go is the oracle for both (`tests/oracle/versions/`): a module whose `go.mod` says
//! `go 1.21` gets one loop variable per loop and, up to Go 1.26 (`GODEBUG=asynctimerchan=1`,
//! removed in Go 1.27), the asynchronous timer channels described at [`GoVersion::Go121`].

use serde::{Deserialize, Serialize};

/// Which release's semantics to follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoVersion {
    /// Before Go 1.22 and 1.23: a `for` loop's variables are shared by all iterations; a timer
    /// channel has a one-element buffer that the timer fills when it fires, whether or not
    /// anyone receives (so `len(t.C)` is 1 after an unread expiry), `Stop` and `Reset` report
    /// only whether the timer was pending and leave a fired value in the buffer, and a
    /// pending timer stays in the runtime's heap (its memory held, its channel reachable,
    /// the program kept waiting for it) until it fires or is stopped.
    #[serde(rename = "1.21")]
    Go121,
    /// Go 1.22+ loop variables (one per iteration) and Go 1.23+ timers: synchronous-looking
    /// timer channels (`len` and `cap` 0, Stop/Reset drop an unreceived value) and timers
    /// collected with their channel once the program no longer references them.
    #[default]
    #[serde(rename = "1.27")]
    Go127,
}

impl GoVersion {
    /// Both settings, oldest first.
    pub const ALL: [GoVersion; 2] = [GoVersion::Go121, GoVersion::Go127];

    /// `"1.21"` or `"1.27"`: the `--go` flag's and the `go=` URL key's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            GoVersion::Go121 => "1.21",
            GoVersion::Go127 => "1.27",
        }
    }

    /// Reads `"1.21"`/`"go1.21"` (any release before 1.22 counts as 1.21's semantics) and
    /// `"1.27"` (any release from 1.23 on); 1.22 is refused, as it mixes the two rules.
    pub fn parse(s: &str) -> Result<GoVersion, String> {
        let t = s.trim();
        let t = t.strip_prefix("go").unwrap_or(t);
        let minor = t
            .strip_prefix("1.")
            .and_then(|m| m.split('.').next())
            .and_then(|m| m.parse::<u32>().ok());
        match minor {
            Some(m) if m <= 21 => Ok(GoVersion::Go121),
            Some(m) if m >= 23 => Ok(GoVersion::Go127),
            _ => Err(format!(
                "unknown Go version {s:?} (use 1.21 for the old loop variables and timers, 1.27 for today's)"
            )),
        }
    }

    /// One variable per loop iteration (Go 1.22).
    pub fn per_iteration_loop_vars(self) -> bool {
        self == GoVersion::Go127
    }

    /// Go 1.23's timers: synchronous channels, collected when unreferenced.
    pub fn sync_timer_chans(self) -> bool {
        self == GoVersion::Go127
    }
}

#[cfg(test)]
mod tests {
    use super::GoVersion;

    #[test]
    fn parses_the_two_spellings_and_refuses_1_22() {
        assert_eq!(GoVersion::parse("1.21"), Ok(GoVersion::Go121));
        assert_eq!(GoVersion::parse("go1.20"), Ok(GoVersion::Go121));
        assert_eq!(GoVersion::parse("1.27"), Ok(GoVersion::Go127));
        assert_eq!(GoVersion::parse("1.23.4"), Ok(GoVersion::Go127));
        assert!(GoVersion::parse("1.22").is_err());
        assert!(GoVersion::parse("two").is_err());
        for v in GoVersion::ALL {
            assert_eq!(GoVersion::parse(v.as_str()), Ok(v));
        }
    }
}
