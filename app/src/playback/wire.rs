//! What crosses the boundary between the page and the engine's Web Worker (`app/src/worker.rs`):
//! a run request (both programs, parameters, seed, Go release, schedule) one way, each side's
//! finished run (events and report) the other, as compact bytes. Events are most of it (up to
//! `max_events` per side), so they get a hand-made binary form (LEB128 numbers, one tag byte per
//! kind); the report travels as its JSON (`docs/REPORT.md`), its goroutine stacks (one per
//! goroutine alive at the end) in chunks the page parses one per slice. Grading a fix and
//! searching schedules ([`WorkRequest`]) are small both ways and travel as JSON.

use std::rc::Rc;

use lessons::golite::GoVersion;
use lessons::runtime::{
    CaseWait, ChanId, CondId, ConnId, ConnState, Event, EventKind, GState, Gid, GoroutineStack,
    Link, ListenerId, MutexId, ObjId, OnceId, Outcome, RunReport, RwMutexId, Side, Timeline,
    TimerId, WgId,
};

use lessons::catalog::challenge::Grade;
use serde::{Deserialize, Serialize};

use super::engine::{Job, SideRun};
use super::search::{SearchRequest, Searched};
use super::series::{self, Point, Series};

/// Work other than a run that the page hands the engine's worker: grading a fix (issue 21's
/// fix-it mode) or searching for a failing schedule. Small, so it travels as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkRequest {
    /// Grade `src` as a fix of lesson `slug`, whose fix (`good.go`) is `fix`.
    Grade {
        slug: String,
        fix: String,
        src: String,
    },
    Search(SearchRequest),
}

/// A [`WorkRequest`] with its request id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Work {
    pub id: u64,
    pub what: WorkRequest,
}

/// What came of a [`WorkRequest`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkDone {
    /// The grade, and the longest slice of work the worker ran between two looks at its
    /// messages, in ms.
    Graded { grade: Grade, longest_ms: f64 },
    /// How the search of each program ended, in the request's order.
    Searched(Vec<Searched>),
}

/// One run of a lesson's two programs, as the page asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunRequest {
    /// Which request this is: progress and results carry it back, so the page can drop the
    /// answers to a request it no longer waits for.
    pub id: u64,
    pub bad_go: String,
    pub good_go: String,
    pub params: Vec<(String, String)>,
    pub seed: u64,
    pub preempt_every: Option<u64>,
    pub race: bool,
    /// The Go release whose semantics both programs follow (the version switch).
    pub go: GoVersion,
    /// The explicit schedule the bad side follows (`sched` in the URL), as text.
    pub schedule: Option<String>,
    /// The lesson's links (`[[listener]]`), for the listeners both programs make.
    pub links: Vec<Link>,
}

impl RunRequest {
    /// The job that answers this request.
    pub fn job(&self) -> Job {
        Job::for_go(
            &self.bad_go,
            &self.good_go,
            self.params.clone(),
            self.seed,
            self.preempt_every,
            self.go,
        )
        .race(self.race)
        .links(&self.links)
        .schedule(
            self.schedule
                .as_deref()
                .and_then(|s| lessons::runtime::parse_schedule(s).ok()),
        )
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u64(self.id);
        w.str(&self.bad_go);
        w.str(&self.good_go);
        w.u64(self.params.len() as u64);
        for (k, v) in &self.params {
            w.str(k);
            w.str(v);
        }
        w.u64(self.seed);
        w.u64(self.preempt_every.map_or(0, |n| n + 1));
        w.u64(u64::from(self.race));
        w.u64(
            GoVersion::ALL
                .iter()
                .position(|g| *g == self.go)
                .unwrap_or(0) as u64,
        );
        match &self.schedule {
            None => w.u64(0),
            Some(s) => {
                w.u64(1);
                w.str(s);
            }
        }
        w.u64(self.links.len() as u64);
        for l in &self.links {
            w.i64(l.rtt_ns);
            w.u64(l.bytes_per_sec);
        }
        w.0
    }

    pub fn decode(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader(bytes);
        let id = r.u64()?;
        let bad_go = r.string()?;
        let good_go = r.string()?;
        let n = r.u64()?;
        let mut params = Vec::new();
        for _ in 0..n {
            params.push((r.string()?, r.string()?));
        }
        let seed = r.u64()?;
        let preempt_every = r.u64()?.checked_sub(1);
        let race = r.u64()? != 0;
        let go = *GoVersion::ALL.get(usize::try_from(r.u64()?).ok()?)?;
        let schedule = match r.u64()? {
            0 => None,
            _ => Some(r.string()?),
        };
        let n = r.u64()?;
        let mut links = Vec::new();
        for _ in 0..n.min(1024) {
            links.push(Link {
                rtt_ns: r.i64()?,
                bytes_per_sec: r.u64()?,
            });
        }
        if !r.0.is_empty() {
            return None;
        }
        Some(RunRequest {
            id,
            bad_go,
            good_go,
            params,
            seed,
            preempt_every,
            race,
            go,
            schedule,
            links,
        })
    }
}

/// Goroutine stacks per JSON chunk: the report's `goroutines` (one per goroutine alive at the
/// end: 100,000 for a big leak) travel apart from the rest of the report, in chunks the page
/// parses one per slice, so no one task parses them all (issue 20's 200 ms goal). A chunk of
/// 1,000 leaked goroutines' stacks took 30 to 45 ms to parse in Chromium on a quiet 2-core
/// machine, one stalled frame; 250 take under 10.
const STACKS_PER_CHUNK: usize = 250;

/// One side's finished run as bytes: the report's JSON without its goroutine stacks, the
/// stacks as JSON chunks, then the events.
pub fn encode_run(run: &SideRun) -> Vec<u8> {
    let mut w = Writer::default();
    let mut report = run.report.clone();
    let stacks = std::mem::take(&mut report.goroutines);
    // A report that cannot be encoded is a bug; the page then shows the engine failed.
    w.str(&serde_json::to_string(&report).unwrap_or_default());
    let chunks: Vec<_> = stacks.chunks(STACKS_PER_CHUNK).collect();
    w.u64(chunks.len() as u64);
    for c in chunks {
        w.str(&serde_json::to_string(c).unwrap_or_default());
    }
    // The charts' points, folded here so the page need not fold a million events at once.
    let series = series::fold(run.timeline.events());
    w.u64(series.points.len() as u64);
    for p in &series.points {
        w.i64(p.time_ns);
        for c in p.counts {
            w.u64(u64::from(c));
        }
        w.u64(p.heap);
    }
    w.u64(u64::from(series.peak_goroutines));
    w.u64(series.peak_heap);
    let events = run.timeline.events();
    w.u64(events.len() as u64);
    for e in events {
        event(&mut w, e);
    }
    w.0
}

/// [`encode_run`] back; `None` when the bytes are not what it wrote.
pub fn decode_run(bytes: &[u8]) -> Option<SideRun> {
    let mut d = RunDecoder::new(bytes.to_vec())?;
    while !d.step(usize::MAX)? {}
    d.finish()
}

/// [`decode_run`] a part at a time, so the page can spread a big run (a million events, 100,000
/// goroutine stacks) over several tasks: the report first, then per [`RunDecoder::step`] one
/// chunk of goroutine stacks or up to `n` events.
pub struct RunDecoder {
    bytes: Vec<u8>,
    pos: usize,
    /// Chunks of goroutine stacks still to read, then events.
    chunks: u64,
    left: Option<u64>,
    report: RunReport,
    series: Series,
    timeline: Timeline,
}

impl RunDecoder {
    /// Reads the report; `None` when it is not what [`encode_run`] wrote.
    pub fn new(bytes: Vec<u8>) -> Option<Self> {
        let mut r = Reader(&bytes);
        let report: RunReport = serde_json::from_str(&r.string()?).ok()?;
        let chunks = r.u64()?;
        let pos = bytes.len() - r.0.len();
        Some(RunDecoder {
            bytes,
            pos,
            chunks,
            left: None,
            report,
            series: Series::default(),
            timeline: Timeline::default(),
        })
    }

    /// Decodes one chunk of goroutine stacks, or up to `n` more events; true once all are
    /// read, `None` on broken bytes.
    pub fn step(&mut self, n: usize) -> Option<bool> {
        let mut r = Reader(&self.bytes[self.pos..]);
        if self.chunks > 0 {
            let stacks: Vec<GoroutineStack> = serde_json::from_str(&r.string()?).ok()?;
            self.report.goroutines.extend(stacks);
            self.chunks -= 1;
            self.pos = self.bytes.len() - r.0.len();
            return Some(false);
        }
        let left = match self.left {
            Some(left) => left,
            None => {
                self.series = read_series(&mut r)?;
                let n = r.u64()?;
                // Every event takes at least two bytes: a broken count asks for no more.
                self.timeline.reserve((n as usize).min(r.0.len() / 2));
                n
            }
        };
        let take = left.min(n as u64);
        let mut events = Vec::with_capacity(take.min(1 << 16) as usize);
        for _ in 0..take {
            events.push(read_event(&mut r)?);
        }
        self.pos = self.bytes.len() - r.0.len();
        self.left = Some(left - take);
        self.timeline.extend(events);
        Some(left == take)
    }

    /// The run, once [`RunDecoder::step`] said it read every event; `None` when bytes remain.
    pub fn finish(self) -> Option<SideRun> {
        self.finish_with_series().map(|(run, _)| run)
    }

    /// [`RunDecoder::finish`], with the run's chart points ([`series::fold`] of its events).
    pub fn finish_with_series(self) -> Option<(SideRun, Series)> {
        let run = SideRun {
            timeline: self.timeline,
            report: self.report,
        };
        (self.left == Some(0) && self.pos == self.bytes.len()).then_some((run, self.series))
    }
}

fn read_series(r: &mut Reader) -> Option<Series> {
    let n = r.u64()?;
    let mut points = Vec::new();
    for _ in 0..n {
        let time_ns = r.i64()?;
        let mut counts = [0u32; 5];
        for c in &mut counts {
            *c = r.u32()?;
        }
        points.push(Point {
            time_ns,
            counts,
            heap: r.u64()?,
        });
    }
    Some(Series {
        points,
        peak_goroutines: r.u32()?,
        peak_heap: r.u64()?,
    })
}

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn i64(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }
    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }
    fn i64(&mut self) -> Option<i64> {
        let v = self.u64()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    fn string(&mut self) -> Option<String> {
        let n = usize::try_from(self.u64()?).ok()?;
        if n > self.0.len() {
            return None;
        }
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }
}

/// A connection's end and state, in the order of their wire numbers.
const SIDES: [Side; 2] = [Side::Client, Side::Server];
const CONN_STATES: [ConnState; 3] = [ConnState::Active, ConnState::Idle, ConnState::Closed];

const OUTCOMES: [Outcome; 6] = [
    Outcome::Exit,
    Outcome::Deadlock,
    Outcome::Panic,
    Outcome::Fatal,
    Outcome::CompileError,
    Outcome::Limit,
];

fn obj(w: &mut Writer, o: Option<ObjId>) {
    let (tag, id) = match o {
        None => (0, 0),
        Some(ObjId::Chan(i)) => (1, i.0),
        Some(ObjId::Timer(i)) => (2, i.0),
        Some(ObjId::Mutex(i)) => (3, i.0),
        Some(ObjId::RwMutex(i)) => (4, i.0),
        Some(ObjId::WaitGroup(i)) => (5, i.0),
        Some(ObjId::Cond(i)) => (6, i.0),
        Some(ObjId::Once(i)) => (7, i.0),
        Some(ObjId::Conn(i)) => (8, i.0),
        Some(ObjId::Listener(i)) => (9, i.0),
    };
    w.u64(tag);
    w.u64(u64::from(id));
}

fn read_obj(r: &mut Reader) -> Option<Option<ObjId>> {
    let tag = r.u64()?;
    let id = r.u32()?;
    Some(match tag {
        0 => None,
        1 => Some(ObjId::Chan(ChanId(id))),
        2 => Some(ObjId::Timer(TimerId(id))),
        3 => Some(ObjId::Mutex(MutexId(id))),
        4 => Some(ObjId::RwMutex(RwMutexId(id))),
        5 => Some(ObjId::WaitGroup(WgId(id))),
        6 => Some(ObjId::Cond(CondId(id))),
        7 => Some(ObjId::Once(OnceId(id))),
        8 => Some(ObjId::Conn(ConnId(id))),
        9 => Some(ObjId::Listener(ListenerId(id))),
        _ => return None,
    })
}

fn event(w: &mut Writer, e: &Event) {
    w.u64(e.step);
    w.i64(e.time_ns);
    w.u64(u64::from(e.gid.0));
    w.u64(u64::from(e.line));
    match &e.kind {
        EventKind::Spawn { child, name } => {
            w.u64(0);
            w.u64(u64::from(child.0));
            w.str(name);
        }
        EventKind::Block { state, on, cases } => {
            w.u64(1);
            w.u64(GState::ALL.iter().position(|s| s == state).unwrap_or(0) as u64);
            obj(w, *on);
            match cases {
                None => w.u64(0),
                Some(cases) => {
                    w.u64(cases.len() as u64 + 1);
                    for c in cases.iter() {
                        w.u64(u64::from(c.chan.0));
                        w.u64(u64::from(c.send));
                    }
                }
            }
        }
        EventKind::Unblock => w.u64(2),
        EventKind::Exit => w.u64(3),
        EventKind::Send { chan, len } => {
            w.u64(4);
            w.u64(u64::from(chan.0));
            w.u64(u64::from(*len));
        }
        EventKind::Recv { chan, len } => {
            w.u64(5);
            w.u64(u64::from(chan.0));
            w.u64(u64::from(*len));
        }
        EventKind::Close { chan } => {
            w.u64(6);
            w.u64(u64::from(chan.0));
        }
        EventKind::ChanMake { chan, cap } => {
            w.u64(7);
            w.u64(u64::from(chan.0));
            w.u64(u64::from(*cap));
        }
        EventKind::ChanRelease { chan } => {
            w.u64(8);
            w.u64(u64::from(chan.0));
        }
        EventKind::TimerSet { timer, at } => {
            w.u64(9);
            w.u64(u64::from(timer.0));
            w.i64(*at);
        }
        EventKind::TimerFire { timer } => {
            w.u64(10);
            w.u64(u64::from(timer.0));
        }
        EventKind::TimerStop { timer } => {
            w.u64(11);
            w.u64(u64::from(timer.0));
        }
        EventKind::Alloc { bytes } => {
            w.u64(12);
            w.u64(*bytes);
        }
        EventKind::Free { bytes } => {
            w.u64(13);
            w.u64(*bytes);
        }
        EventKind::Output { text } => {
            w.u64(14);
            w.str(text);
        }
        EventKind::OutputCut { bytes, lines } => {
            w.u64(15);
            w.u64(*bytes);
            w.u64(*lines);
        }
        EventKind::Panic { msg } => {
            w.u64(16);
            w.str(msg);
        }
        EventKind::Spin { idle_polls, steps } => {
            w.u64(17);
            w.u64(*idle_polls);
            w.u64(*steps);
        }
        EventKind::Recovered => w.u64(18),
        EventKind::End { outcome } => {
            w.u64(19);
            w.u64(OUTCOMES.iter().position(|o| o == outcome).unwrap_or(0) as u64);
        }
        EventKind::MutexHolder { mutex, holder, at } => {
            w.u64(20);
            w.u64(u64::from(mutex.0));
            w.u64(holder.map_or(0, |g| u64::from(g.0) + 1));
            w.u64(u64::from(*at));
        }
        EventKind::WaitGroupCounter { wg, counter } => {
            w.u64(21);
            w.u64(u64::from(wg.0));
            w.i64(*counter);
        }
        EventKind::Conn { conn, side, state } => {
            w.u64(22);
            w.u64(u64::from(conn.0));
            w.u64(SIDES.iter().position(|s| s == side).unwrap_or(0) as u64);
            w.u64(CONN_STATES.iter().position(|s| s == state).unwrap_or(0) as u64);
        }
        EventKind::Pool {
            pool,
            max_conns,
            max_idle,
            queued,
        } => {
            w.u64(23);
            w.u64(u64::from(*pool));
            w.u64(u64::from(*max_conns));
            w.u64(u64::from(*max_idle));
            w.u64(u64::from(*queued));
        }
    }
}

fn read_event(r: &mut Reader) -> Option<Event> {
    let step = r.u64()?;
    let time_ns = r.i64()?;
    let gid = Gid(r.u32()?);
    let line = r.u32()?;
    let kind = match r.u64()? {
        0 => EventKind::Spawn {
            child: Gid(r.u32()?),
            name: Rc::from(r.string()?),
        },
        1 => {
            let state = *GState::ALL.get(usize::try_from(r.u64()?).ok()?)?;
            let on = read_obj(r)?;
            let cases = match r.u64()? {
                0 => None,
                n => {
                    let mut cs = Vec::new();
                    for _ in 1..n {
                        cs.push(CaseWait {
                            chan: ChanId(r.u32()?),
                            send: r.u64()? != 0,
                        });
                    }
                    Some(Rc::from(cs))
                }
            };
            EventKind::Block { state, on, cases }
        }
        2 => EventKind::Unblock,
        3 => EventKind::Exit,
        4 => EventKind::Send {
            chan: ChanId(r.u32()?),
            len: r.u32()?,
        },
        5 => EventKind::Recv {
            chan: ChanId(r.u32()?),
            len: r.u32()?,
        },
        6 => EventKind::Close {
            chan: ChanId(r.u32()?),
        },
        7 => EventKind::ChanMake {
            chan: ChanId(r.u32()?),
            cap: r.u32()?,
        },
        8 => EventKind::ChanRelease {
            chan: ChanId(r.u32()?),
        },
        9 => EventKind::TimerSet {
            timer: TimerId(r.u32()?),
            at: r.i64()?,
        },
        10 => EventKind::TimerFire {
            timer: TimerId(r.u32()?),
        },
        11 => EventKind::TimerStop {
            timer: TimerId(r.u32()?),
        },
        12 => EventKind::Alloc { bytes: r.u64()? },
        13 => EventKind::Free { bytes: r.u64()? },
        14 => EventKind::Output { text: r.string()? },
        15 => EventKind::OutputCut {
            bytes: r.u64()?,
            lines: r.u64()?,
        },
        16 => EventKind::Panic { msg: r.string()? },
        17 => EventKind::Spin {
            idle_polls: r.u64()?,
            steps: r.u64()?,
        },
        18 => EventKind::Recovered,
        19 => EventKind::End {
            outcome: *OUTCOMES.get(usize::try_from(r.u64()?).ok()?)?,
        },
        20 => EventKind::MutexHolder {
            mutex: MutexId(r.u32()?),
            holder: match r.u64()? {
                0 => None,
                g => Some(Gid(u32::try_from(g - 1).ok()?)),
            },
            at: r.u32()?,
        },
        21 => EventKind::WaitGroupCounter {
            wg: WgId(r.u32()?),
            counter: r.i64()?,
        },
        22 => EventKind::Conn {
            conn: ConnId(r.u32()?),
            side: *SIDES.get(usize::try_from(r.u64()?).ok()?)?,
            state: *CONN_STATES.get(usize::try_from(r.u64()?).ok()?)?,
        },
        23 => EventKind::Pool {
            pool: r.u32()?,
            max_conns: r.u32()?,
            max_idle: r.u32()?,
            queued: r.u32()?,
        },
        _ => return None,
    };
    Some(Event {
        step,
        time_ns,
        gid,
        line,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(bad: &str, good: &str) -> RunRequest {
        RunRequest {
            id: 7,
            bad_go: bad.to_string(),
            good_go: good.to_string(),
            params: vec![("requests".into(), "5".into())],
            seed: 3,
            preempt_every: Some(4),
            race: true,
            go: GoVersion::Go121,
            schedule: Some("1*3.2".into()),
            links: Vec::new(),
        }
    }

    #[test]
    fn the_lessons_links_travel_with_the_request() {
        let req = RunRequest {
            links: vec![
                Link {
                    rtt_ns: 5_000_000,
                    bytes_per_sec: 0,
                },
                Link {
                    rtt_ns: 40_000,
                    bytes_per_sec: 1 << 20,
                },
            ],
            ..request(
                "package main\n\nfunc main() {}\n",
                "package main\n\nfunc main() {}\n",
            )
        };
        let back = RunRequest::decode(&req.encode()).unwrap_or_else(|| panic!("undecodable"));
        assert_eq!(back.links, req.links);
    }

    fn runs_of(req: &RunRequest) -> [SideRun; 2] {
        assert_eq!(RunRequest::decode(&req.encode()).as_ref(), Some(req));
        let mut job = req.job();
        while !job.work(10_000) {}
        job.finish().unwrap_or_else(|| panic!("not finished"))
    }

    fn same(a: &SideRun, b: &SideRun) {
        assert_eq!(a.report, b.report);
        assert_eq!(a.timeline.events(), b.timeline.events());
    }

    /// The run back from the wire; its chart points are the page's own fold of its events.
    fn round_trip(run: &SideRun) -> SideRun {
        let mut d = RunDecoder::new(encode_run(run)).unwrap_or_else(|| panic!("undecodable"));
        while !d.step(usize::MAX).unwrap_or_else(|| panic!("broken")) {}
        let (back, series) = d
            .finish_with_series()
            .unwrap_or_else(|| panic!("bytes left"));
        assert_eq!(series, series::fold(run.timeline.events()));
        back
    }

    /// Every lesson's runs (at its own Go release, with its race detector and preemption) come
    /// back from the wire exactly as they went in: every kind of event the lessons record.
    #[test]
    fn every_lesson_run_survives_the_wire() {
        for l in lessons::catalog::all() {
            let mut req = request(l.bad_go, l.good_go);
            req.params = Vec::new();
            req.seed = l.seed;
            req.preempt_every = l.preempt_every;
            req.race = l.race;
            req.go = l.go;
            req.schedule = None;
            for run in runs_of(&req) {
                same(&run, &round_trip(&run));
            }
        }
    }

    #[test]
    fn a_cut_output_a_select_a_held_mutex_and_a_waitgroup_survive_the_wire() {
        let flood = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n\t\"time\"\n)\n\nfunc main() {\n\tfor i := 0; i < 20000; i++ {\n\t\tfmt.Println(i)\n\t}\n\tvar mu sync.Mutex\n\tvar wg sync.WaitGroup\n\tmu.Lock()\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tmu.Lock()\n\t\tmu.Unlock()\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tmu.Unlock()\n\twg.Wait()\n\tc, d := make(chan int), make(chan int)\n\tselect {\n\tcase <-c:\n\tcase d <- 1:\n\t}\n}\n";
        let mut req = request(flood, "package main\n\nfunc main() {}\n");
        req.schedule = None;
        let [bad, _] = runs_of(&req);
        assert!(bad.report.output_truncated);
        assert_eq!(bad.report.output_lines, 20_000);
        let kinds =
            |k: fn(&EventKind) -> bool| bad.timeline.events().iter().filter(|e| k(&e.kind)).count();
        assert!(kinds(|k| matches!(k, EventKind::MutexHolder { .. })) > 0);
        assert!(kinds(|k| matches!(k, EventKind::WaitGroupCounter { .. })) > 0);
        assert!(kinds(|k| matches!(k, EventKind::Block { cases: Some(_), .. })) > 0);
        let back = round_trip(&bad);
        same(&bad, &back);
        // A few events at a time, as the page decodes a big run: the same run.
        let mut d = RunDecoder::new(encode_run(&bad)).unwrap_or_else(|| panic!("undecodable"));
        let mut steps = 1;
        while !d.step(1000).unwrap_or_else(|| panic!("broken")) {
            steps += 1;
        }
        // main's stack (a deadlock in the select) is one chunk of goroutine stacks.
        assert_eq!(bad.report.goroutines.len(), 1);
        assert_eq!(steps, 1 + bad.timeline.events().len().div_ceil(1000));
        same(&bad, &d.finish().unwrap_or_else(|| panic!("bytes left")));
        let last = back.timeline.last();
        assert_eq!((last.output_lines, last.output_truncated), (20_000, true));
    }

    /// The goroutine stacks of a big leak travel in chunks of [`STACKS_PER_CHUNK`], one per
    /// step of the decoder, and come back whole and in order.
    #[test]
    fn the_stacks_of_2500_leaked_goroutines_come_in_ten_chunks() {
        let leak = "package main\n\nfunc main() {\n\tfor i := 0; i < 2500; i++ {\n\t\tch := make(chan int)\n\t\tgo func() { ch <- i }()\n\t}\n}\n";
        let mut req = request(leak, "package main\n\nfunc main() {}\n");
        req.schedule = None;
        req.params = Vec::new();
        let [bad, _] = runs_of(&req);
        assert_eq!(bad.report.goroutines.len(), 2500);
        let mut d = RunDecoder::new(encode_run(&bad)).unwrap_or_else(|| panic!("undecodable"));
        assert!(d.report.goroutines.is_empty());
        for n in (1..=10).map(|k| k * 250) {
            assert_eq!(d.step(usize::MAX), Some(false));
            assert_eq!(d.report.goroutines.len(), n);
        }
        assert_eq!(d.step(usize::MAX), Some(true));
        same(&bad, &d.finish().unwrap_or_else(|| panic!("bytes left")));
    }

    /// The request carries the Go release and the schedule: a request without them decodes to
    /// Go 1.27 and Go's order, and one with them keeps both.
    #[test]
    fn the_release_and_the_schedule_travel_with_the_request() {
        let req = request(
            "package main\n\nfunc main() {}\n",
            "package main\n\nfunc main() {}\n",
        );
        let back = RunRequest::decode(&req.encode()).unwrap_or_else(|| panic!("undecodable"));
        assert_eq!(
            (back.go, back.schedule.as_deref()),
            (GoVersion::Go121, Some("1*3.2"))
        );
        let plain = RunRequest {
            go: GoVersion::Go127,
            schedule: None,
            ..req
        };
        let back = RunRequest::decode(&plain.encode()).unwrap_or_else(|| panic!("undecodable"));
        assert_eq!((back.go, back.schedule), (GoVersion::Go127, None));
    }

    #[test]
    fn broken_bytes_are_refused() {
        let mut req = request(
            "package main\n\nfunc main() {}\n",
            "package main\n\nfunc main() {}\n",
        );
        req.schedule = None;
        let [bad, _] = runs_of(&req);
        let bytes = encode_run(&bad);
        assert!(decode_run(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode_run(&longer).is_none());
        assert!(RunRequest::decode(&[0x80]).is_none());
        let mut req_bytes = req.encode();
        req_bytes.push(1);
        assert!(RunRequest::decode(&req_bytes).is_none());
    }
}
