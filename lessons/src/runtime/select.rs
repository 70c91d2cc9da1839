//! `select`: ready cases are chosen uniformly with the run's seeded PRNG; otherwise `default`,
//! otherwise the goroutine parks on every case's channel at once (nil channels are skipped).
//! A single-case select parks in the plain channel state, as Go's compiled code does.

use super::cx::Cx;
use super::event::CaseWait;
use super::goroutine::Park;
use super::ids::{ChanId, Gid, ObjId};
use super::scheduler::Runtime;
use super::state::GState;
use super::{Op, Value};

/// One case of a select statement; `None` is a nil channel (never ready).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectCase<V> {
    Send(Option<ChanId>, V),
    Recv(Option<ChanId>),
}

/// Which case a select ran: `case: None` is `default`; `value`/`ok` are a receive case's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected<V> {
    pub case: Option<usize>,
    pub value: Option<V>,
    pub ok: bool,
}

impl<V: Value> Runtime<V> {
    fn case_ready(&self, case: &SelectCase<V>) -> bool {
        match case {
            SelectCase::Send(Some(c), _) => self.can_send(*c),
            SelectCase::Recv(Some(c)) => self.can_recv(*c),
            _ => false,
        }
    }

    pub(crate) fn select(
        &mut self,
        gid: Gid,
        cases: &[SelectCase<V>],
        has_default: bool,
    ) -> Op<Selected<V>> {
        for case in cases {
            match case {
                SelectCase::Recv(Some(c)) => {
                    self.run_due_chan_timer(*c);
                    self.clean_fronts(*c);
                }
                SelectCase::Send(Some(c), _) => self.clean_fronts(*c),
                _ => {}
            }
        }
        let ready = cases.iter().filter(|c| self.case_ready(c)).count();
        if ready > 0 {
            let pick = if ready > 1 {
                self.rng.below(ready as u64) as usize
            } else {
                0
            };
            let Some((i, case)) = cases
                .iter()
                .enumerate()
                .filter(|(_, c)| self.case_ready(c))
                .nth(pick)
            else {
                return Op::Panic("select: internal error".to_string());
            };
            return match case {
                SelectCase::Send(Some(c), v) => {
                    self.race_send_check(gid, *c);
                    if self.chans[c.index()].closed {
                        return Op::Panic("send on closed channel".to_string());
                    }
                    self.send_now(gid, *c, v.clone());
                    Op::Ready(Selected {
                        case: Some(i),
                        value: None,
                        ok: true,
                    })
                }
                SelectCase::Recv(Some(c)) => {
                    let (v, ok) = self.recv_now(gid, *c);
                    Op::Ready(Selected {
                        case: Some(i),
                        value: Some(v),
                        ok,
                    })
                }
                _ => Op::Panic("select: internal error".to_string()),
            };
        }
        if has_default {
            return Op::Ready(Selected {
                case: None,
                value: None,
                ok: false,
            });
        }
        if cases.is_empty() {
            self.park(gid, GState::SelectNoCases, None, Park::None);
            return Op::Blocked;
        }
        // Go's select polled every send case (a read of each channel) before parking.
        for case in cases {
            if let SelectCase::Send(Some(c), _) = case {
                self.race_send_check(gid, *c);
            }
        }
        let mut chans: Vec<ChanId> = Vec::with_capacity(cases.len());
        let mut waits: Vec<CaseWait> = Vec::with_capacity(cases.len());
        for (i, case) in cases.iter().enumerate() {
            match case {
                SelectCase::Send(Some(c), v) => {
                    let w = self.waiter(gid, i as u32, Some(v.clone()));
                    self.chans[c.index()].sendq.push_back(w);
                    chans.push(*c);
                    waits.push(CaseWait {
                        chan: *c,
                        send: true,
                    });
                }
                SelectCase::Recv(Some(c)) => {
                    let w = self.waiter(gid, i as u32, None);
                    self.chans[c.index()].recvq.push_back(w);
                    chans.push(*c);
                    waits.push(CaseWait {
                        chan: *c,
                        send: false,
                    });
                }
                _ => {}
            }
        }
        chans.sort_unstable();
        chans.dedup();
        let park = Park::Select(chans.clone().into_boxed_slice());
        // Go compiles a one-case select without default to a plain channel operation, so its
        // goroutine shows as `chan send`/`chan receive` (checked in tests/oracle/runtime).
        match cases {
            [SelectCase::Send(Some(c), _)] => {
                self.park(gid, GState::ChanSend, Some(ObjId::Chan(*c)), park)
            }
            [SelectCase::Send(None, _)] => self.park(gid, GState::ChanSendNil, None, park),
            [SelectCase::Recv(Some(c))] => {
                self.park(gid, GState::ChanRecv, Some(ObjId::Chan(*c)), park)
            }
            [SelectCase::Recv(None)] => self.park(gid, GState::ChanRecvNil, None, park),
            _ => {
                let on = if chans.len() == 1 {
                    Some(ObjId::Chan(chans[0]))
                } else {
                    None
                };
                self.park_select(gid, on, park, waits.into());
            }
        }
        Op::Blocked
    }
}

impl<V: Value> Cx<'_, V> {
    /// A select statement. A ready send case on a closed channel panics
    /// "send on closed channel"; `select {}` blocks forever in state `select (no cases)`.
    /// A `default` taken is an idle poll, a case taken is progress (see
    /// [`crate::runtime::Measures::spin_steps`]).
    pub fn select(&mut self, cases: &[SelectCase<V>], has_default: bool) -> Op<Selected<V>> {
        let op = self.rt.select(self.gid, cases, has_default);
        match &op {
            Op::Ready(Selected { case: None, .. }) => {
                self.rt.spin.idle_poll(self.gid, self.rt.steps)
            }
            Op::Ready(_) => self.rt.spin.progress(self.gid),
            _ => {}
        }
        op
    }
}
