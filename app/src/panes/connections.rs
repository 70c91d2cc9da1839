//! Connections: the program's ends of the virtual network, per side (its clients' ends, made by
//! `Dial`, and its servers' ends, returned by `Accept`), by state at the cursor: active, idle in a
//! pool, and closed so far; with the most open at once over the whole run. Drawn from the
//! snapshot's `net` counts and the run's connection events, so a lesson whose program never
//! dials shows no pane. Under them, the connection pools its library reported (an HTTP
//! transport's, per host: the snapshot's `pools`): their limits (`MaxConnsPerHost`,
//! `MaxIdleConnsPerHost`) and the requests queued for a connection, with the run's peak; pools
//! with the same limits share a row ("22 pools").

use std::rc::Rc;

use leptos::prelude::*;
use lessons::runtime::{ConnCounts, ConnState, Event, EventKind, PoolView, Side as End, Snapshot};

use crate::i18n::{self, Lang, tr};
use crate::playback::engine::Side;

/// Most connection marks drawn per row; the rest are a number.
const MAX_MARKS: u32 = 12;

/// The most ends open at once over a run, per side: (client, server); `None` when the run made
/// no connection.
pub fn peaks(events: &[Event]) -> Option<(u32, u32)> {
    let mut state: Vec<Option<(End, ConnState)>> = Vec::new();
    let (mut open, mut peak, mut any) = ([0u32; 2], [0u32; 2], false);
    let at = |end: End| usize::from(end == End::Server);
    for e in events {
        let EventKind::Conn {
            conn,
            side,
            state: now,
        } = e.kind
        else {
            continue;
        };
        any = true;
        let i = conn.index();
        if state.len() <= i {
            state.resize(i + 1, None);
        }
        let was_open = matches!(state[i], Some((_, s)) if s != ConnState::Closed);
        let is_open = now != ConnState::Closed;
        let k = at(side);
        match (was_open, is_open) {
            (false, true) => open[k] += 1,
            (true, false) => open[k] = open[k].saturating_sub(1),
            _ => {}
        }
        peak[k] = peak[k].max(open[k]);
        state[i] = Some((side, now));
    }
    any.then_some((peak[0], peak[1]))
}

/// The most requests queued at once for a connection over a run, per pool id.
pub fn queue_peaks(events: &[Event]) -> Vec<u32> {
    let mut peak: Vec<u32> = Vec::new();
    for e in events {
        if let EventKind::Pool { pool, queued, .. } = e.kind {
            let i = pool as usize;
            if peak.len() <= i {
                peak.resize(i + 1, 0);
            }
            peak[i] = peak[i].max(queued);
        }
    }
    peak
}

/// Queued requests as marks, and a count past [`MAX_MARKS`]: `▸▸▸+5`.
pub fn queue_marks(queued: u32) -> (String, String) {
    let shown = queued.min(MAX_MARKS);
    (
        "▸".repeat(shown as usize),
        if queued > shown {
            format!("+{}", queued - shown)
        } else {
            String::new()
        },
    )
}

/// Pools with the same limits, shown as one row: a program that makes a client per call has a
/// pool per call (lesson 32: thirty identical rows pushed the rest of the page down).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolGroup {
    /// The first pool's id (the row's key).
    pub first: u32,
    /// How many pools have these limits.
    pub count: u32,
    /// Their limits, as a [`PoolView`] with the requests queued in all of them.
    pub view: PoolView,
    /// The most requests queued at once in any one of them over the run.
    pub peak: u32,
}

/// `pools` grouped by their limits, in order of each group's first pool, with `peaks` from
/// [`queue_peaks`].
pub fn pool_groups(pools: &[PoolView], peaks: &[u32]) -> Vec<PoolGroup> {
    let mut groups: Vec<PoolGroup> = Vec::new();
    for p in pools {
        let peak = peaks.get(p.pool as usize).copied().unwrap_or(0);
        match groups
            .iter_mut()
            .find(|g| (g.view.max_conns, g.view.max_idle) == (p.max_conns, p.max_idle))
        {
            Some(g) => {
                g.count += 1;
                g.view.queued += p.queued;
                g.peak = g.peak.max(peak);
            }
            None => groups.push(PoolGroup {
                first: p.pool,
                count: 1,
                view: *p,
                peak,
            }),
        }
    }
    groups
}

/// A group's name: `pool #1`, or `22 pools`.
pub fn group_name(g: &PoolGroup, lang: Lang) -> String {
    match (g.count, lang) {
        (1, _) => format!("{} #{}", tr(lang, "pool"), g.first + 1),
        (n, Lang::En) => format!("{n} pools"),
        (n, Lang::Zh) => format!("{n} 个连接池"),
    }
}

/// A group's figures: one pool's as [`pool_figures`]; several pools' limits are each one's, the
/// queue is all of theirs and the peak any one's.
pub fn group_figures(g: &PoolGroup, lang: Lang) -> String {
    if g.count == 1 {
        return pool_figures(&g.view, g.peak, lang);
    }
    let (q, peak, idle) = (g.view.queued, g.peak, g.view.max_idle);
    match (lang, g.view.max_conns) {
        (Lang::En, 0) => format!(
            "each no conn limit, at most {idle} idle · {q} queued in all · peak {peak} queued in one"
        ),
        (Lang::En, m) => format!(
            "each at most {m} conns, {idle} idle · {q} queued in all · peak {peak} queued in one"
        ),
        (Lang::Zh, 0) => format!(
            "每个连接数不限，最多 {idle} 个空闲 · 共 {q} 个请求排队 · 单个峰值 {peak} 个排队"
        ),
        (Lang::Zh, m) => format!(
            "每个最多 {m} 个连接，{idle} 个空闲 · 共 {q} 个请求排队 · 单个峰值 {peak} 个排队"
        ),
    }
}

/// A pool row's figures: `at most 4 conns, 2 idle · 3 queued · peak 26 queued`.
pub fn pool_figures(p: &PoolView, peak: u32, lang: Lang) -> String {
    let q = p.queued;
    match (lang, p.max_conns) {
        (Lang::En, 0) => format!(
            "no conn limit, at most {} idle · {q} queued · peak {peak} queued",
            p.max_idle
        ),
        (Lang::En, m) => format!(
            "at most {m} conns, {} idle · {q} queued · peak {peak} queued",
            p.max_idle
        ),
        (Lang::Zh, 0) => format!(
            "连接数不限，最多 {} 个空闲 · {q} 个请求排队 · 峰值 {peak} 个排队",
            p.max_idle
        ),
        (Lang::Zh, m) => format!(
            "最多 {m} 个连接，{} 个空闲 · {q} 个请求排队 · 峰值 {peak} 个排队",
            p.max_idle
        ),
    }
}

/// Open ends as marks, active then idle, and a count past [`MAX_MARKS`]: `■■■□+5`.
pub fn marks(c: &ConnCounts) -> (String, String, String) {
    let active = c.active.min(MAX_MARKS);
    let idle = c.idle.min(MAX_MARKS - active);
    let rest = c.open.saturating_sub(active + idle);
    (
        "■".repeat(active as usize),
        "□".repeat(idle as usize),
        if rest > 0 {
            format!("+{rest}")
        } else {
            String::new()
        },
    )
}

/// A row's figures: `4 open (3 active, 1 idle) · 12 closed · peak 6`.
pub fn figures(c: &ConnCounts, peak: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} open ({} active, {} idle) · {} closed · peak {peak}",
            c.open, c.active, c.idle, c.closed
        ),
        Lang::Zh => format!(
            "{} 个打开（{} 个活动，{} 个空闲）· {} 个已关闭 · 峰值 {peak}",
            c.open, c.active, c.idle, c.closed
        ),
    }
}

/// One side's connections at the cursor, with the run's peaks.
#[component]
pub fn Connections(
    /// Which program these connections belong to.
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
    /// [`peaks`] of the side's run: (client, server).
    #[prop(into)]
    peaks: Signal<(u32, u32)>,
    /// [`queue_peaks`] of the side's run.
    #[prop(into)]
    queue_peaks: Signal<Vec<u32>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let row = move |end: End| {
        let counts = Memo::new(move |_| {
            snapshot.with(|s| match end {
                End::Client => s.net.client,
                End::Server => s.net.server,
            })
        });
        let peak = move || {
            let (c, s) = peaks.get();
            if end == End::Client { c } else { s }
        };
        let (name, key) = match end {
            End::Client => ("client", "client"),
            End::Server => ("server", "server"),
        };
        view! {
            <li class="conn-row" data-end=key>
                <span class="cname">{move || tr(lang.get(), name)}</span>
                <span class="cmarks" aria-hidden="true">
                    <span class="active">{move || counts.with(|c| marks(c).0)}</span>
                    <span class="idle">{move || counts.with(|c| marks(c).1)}</span>
                    <span class="more">{move || counts.with(|c| marks(c).2)}</span>
                </span>
                <span class="cfigures">{move || counts.with(|c| figures(c, peak(), lang.get()))}</span>
            </li>
        }
    };
    let groups =
        Memo::new(move |_| snapshot.with(|s| queue_peaks.with(|q| pool_groups(&s.pools, q))));
    view! {
        <div class="connections" data-testid=format!("conns-{}", side.key())>
            <div class="map-head">
                <h3>{move || tr(lang.get(), "Connections")}</h3>
                <span class="gauge-key" aria-hidden="true">
                    <span class="active">"■"</span>
                    {move || tr(lang.get(), " active ")}
                    <span class="idle">"□"</span>
                    {move || tr(lang.get(), " idle in a pool")}
                </span>
            </div>
            <ul class="conn-rows">
                {row(End::Client)}
                {row(End::Server)}
                <For
                    each=move || groups.with(|gs| gs.iter().map(|g| g.first).collect::<Vec<_>>())
                    key=|id| *id
                    children=move |id| {
                        let group = Memo::new(move |_| {
                            groups.with(|gs| gs.iter().find(|g| g.first == id).copied().unwrap_or_default())
                        });
                        view! {
                            <li class="conn-row conn-pool" data-pool=id>
                                <span class="cname">{move || group_name(&group.get(), lang.get())}</span>
                                <span class="cmarks" aria-hidden="true">
                                    <span class="queued">{move || queue_marks(group.get().view.queued).0}</span>
                                    <span class="more">{move || queue_marks(group.get().view.queued).1}</span>
                                </span>
                                <span class="cfigures">{move || group_figures(&group.get(), lang.get())}</span>
                            </li>
                        }
                    }
                />
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::runtime::{ConnId, Gid};

    fn conn(id: u32, side: End, state: ConnState) -> Event {
        Event {
            step: 0,
            time_ns: 0,
            gid: Gid(1),
            line: 0,
            kind: EventKind::Conn {
                conn: ConnId(id),
                side,
                state,
            },
        }
    }

    #[test]
    fn peaks_count_the_ends_open_at_once_per_side() {
        use ConnState::*;
        let events = [
            conn(0, End::Client, Active),
            conn(1, End::Server, Active),
            conn(0, End::Client, Idle),
            conn(2, End::Client, Active),
            conn(3, End::Server, Active),
            conn(0, End::Client, Closed),
            conn(2, End::Client, Closed),
            conn(4, End::Client, Active),
        ];
        assert_eq!(peaks(&events), Some((2, 2)));
        assert_eq!(peaks(&[]), None);
    }

    #[test]
    fn marks_draw_active_then_idle_and_count_the_rest() {
        let c = |active, idle| ConnCounts {
            open: active + idle,
            active,
            idle,
            closed: 0,
        };
        assert_eq!(marks(&c(3, 1)), ("■■■".into(), "□".into(), String::new()));
        assert_eq!(marks(&c(10, 7)), ("■".repeat(10), "□□".into(), "+5".into()));
    }

    #[test]
    fn pools_show_their_limits_and_queue_in_both_languages() {
        let e = |pool, queued| Event {
            step: 0,
            time_ns: 0,
            gid: Gid(1),
            line: 0,
            kind: EventKind::Pool {
                pool,
                max_conns: 4,
                max_idle: 2,
                queued,
            },
        };
        assert_eq!(
            queue_peaks(&[e(0, 0), e(0, 3), e(1, 1), e(0, 2)]),
            vec![3, 1]
        );
        let p = PoolView {
            pool: 0,
            max_conns: 4,
            max_idle: 2,
            queued: 3,
        };
        assert_eq!(
            pool_figures(&p, 26, Lang::En),
            "at most 4 conns, 2 idle · 3 queued · peak 26 queued"
        );
        assert_eq!(
            pool_figures(&p, 26, Lang::Zh),
            "最多 4 个连接，2 个空闲 · 3 个请求排队 · 峰值 26 个排队"
        );
        let open = PoolView { max_conns: 0, ..p };
        assert_eq!(
            pool_figures(&open, 3, Lang::En),
            "no conn limit, at most 2 idle · 3 queued · peak 3 queued"
        );
        assert_eq!(queue_marks(14), ("▸".repeat(12), "+2".into()));
    }

    #[test]
    fn pools_with_the_same_limits_share_a_row() {
        let p = |pool, max_conns, queued| PoolView {
            pool,
            max_conns,
            max_idle: 2,
            queued,
        };
        // Three clients' pools with Go's defaults, and one with a limit of 4.
        let pools = [p(0, 0, 0), p(1, 4, 3), p(2, 0, 1), p(3, 0, 2)];
        let gs = pool_groups(&pools, &[0, 26, 5, 2]);
        assert_eq!(gs.len(), 2);
        assert_eq!(
            (gs[0].first, gs[0].count, gs[0].view.queued, gs[0].peak),
            (0, 3, 3, 5)
        );
        assert_eq!(
            (gs[1].first, gs[1].count, gs[1].view.queued, gs[1].peak),
            (1, 1, 3, 26)
        );
        assert_eq!(group_name(&gs[0], Lang::En), "3 pools");
        assert_eq!(group_name(&gs[0], Lang::Zh), "3 个连接池");
        assert_eq!(group_name(&gs[1], Lang::En), "pool #2");
        assert_eq!(
            group_figures(&gs[0], Lang::En),
            "each no conn limit, at most 2 idle · 3 queued in all · peak 5 queued in one"
        );
        assert_eq!(
            group_figures(&gs[0], Lang::Zh),
            "每个连接数不限，最多 2 个空闲 · 共 3 个请求排队 · 单个峰值 5 个排队"
        );
        assert_eq!(
            group_figures(&gs[1], Lang::En),
            "at most 4 conns, 2 idle · 3 queued · peak 26 queued"
        );
    }

    #[test]
    fn figures_read_in_both_languages() {
        let c = ConnCounts {
            open: 4,
            active: 3,
            idle: 1,
            closed: 12,
        };
        assert_eq!(
            figures(&c, 6, Lang::En),
            "4 open (3 active, 1 idle) · 12 closed · peak 6"
        );
        assert_eq!(
            figures(&c, 6, Lang::Zh),
            "4 个打开（3 个活动，1 个空闲）· 12 个已关闭 · 峰值 6"
        );
    }
}
