//! PCT, probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every goroutine gets
//! a random priority, the highest-priority runnable goroutine always runs, and at `depth - 1`
//! random decisions the running goroutine's priority drops below all others. A bug that needs
//! `d` ordering constraints is found with probability at least 1/(n·k^(d-1)) per run (n
//! goroutines, k decisions), far better than a uniformly random walk.

use std::collections::HashMap;

use crate::runtime::{Chooser, Decision, Gid, Rng};

/// A PCT chooser for one run.
pub struct Pct {
    rng: Rng,
    prio: HashMap<Gid, u64>,
    /// Decision indexes where the running goroutine's priority drops, sorted.
    change_points: Vec<usize>,
    /// The next low priority to hand out (counts down from `depth`).
    low: u64,
}

impl Pct {
    /// A PCT run seeded with `seed`, with `depth - 1` change points among the first
    /// `decisions` decisions (an estimate from earlier runs).
    pub fn new(seed: u64, depth: usize, decisions: usize) -> Self {
        let mut rng = Rng::new(seed);
        let mut change_points: Vec<usize> = (1..depth)
            .map(|_| rng.below(decisions.max(1) as u64) as usize)
            .collect();
        change_points.sort_unstable();
        Pct {
            rng,
            prio: HashMap::new(),
            change_points,
            low: depth as u64,
        }
    }

    fn priority(&mut self, g: Gid) -> u64 {
        let rng = &mut self.rng;
        // New goroutines get a random priority above every lowered one.
        *self
            .prio
            .entry(g)
            .or_insert_with(|| 1_000 + rng.below(1 << 40))
    }
}

impl Chooser for Pct {
    fn choose(&mut self, d: &Decision) -> Option<Gid> {
        for o in &d.options {
            self.priority(o.gid);
        }
        while self.change_points.first() == Some(&d.index) {
            self.change_points.remove(0);
            // The running goroutine (at a pick: the one that would run) drops to the bottom.
            let victim = if d.current != Gid(0) {
                d.current
            } else {
                self.best(d)
            };
            self.low = self.low.saturating_sub(1);
            self.prio.insert(victim, self.low);
        }
        Some(self.best(d))
    }
}

impl Pct {
    fn best(&self, d: &Decision) -> Gid {
        d.options
            .iter()
            .max_by_key(|o| {
                (
                    self.prio.get(&o.gid).copied().unwrap_or(0),
                    u32::MAX - o.gid.0,
                )
            })
            .map_or(d.default, |o| o.gid)
    }
}

/// The baseline strategy: a uniformly random option at every decision.
pub struct RandomWalk {
    rng: Rng,
}

impl RandomWalk {
    pub fn new(seed: u64) -> Self {
        RandomWalk {
            rng: Rng::new(seed),
        }
    }
}

impl Chooser for RandomWalk {
    fn choose(&mut self, d: &Decision) -> Option<Gid> {
        let i = self.rng.below(d.options.len() as u64) as usize;
        Some(d.options.get(i).map_or(d.default, |o| o.gid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{DecisionKind, Runnable};

    fn decision(index: usize, current: u32, gids: &[u32]) -> Decision {
        Decision {
            index,
            kind: DecisionKind::Preempt,
            options: gids
                .iter()
                .map(|&g| Runnable {
                    gid: Gid(g),
                    line: 1,
                })
                .collect(),
            default: Gid(current),
            current: Gid(current),
        }
    }

    #[test]
    fn the_highest_priority_runs_until_a_change_point_lowers_it() {
        let mut p = Pct::new(7, 2, 10);
        let at = p.change_points[0];
        let first = p.choose(&decision(0, 1, &[1, 2])).unwrap();
        // Without a change point the same goroutine keeps winning.
        for i in 1..at {
            assert_eq!(p.choose(&decision(i, first.0, &[1, 2])), Some(first));
        }
        if at > 0 {
            let other = if first == Gid(1) { Gid(2) } else { Gid(1) };
            assert_eq!(p.choose(&decision(at, first.0, &[1, 2])), Some(other));
        }
    }
}
