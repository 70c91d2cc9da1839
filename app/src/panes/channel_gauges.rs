//! Channel gauges: each channel's buffer fill (len/cap) and its queues of waiting senders and
//! receivers, the channels with something going on first.

use std::rc::Rc;

use leptos::prelude::*;
use lessons::runtime::{ChanId, ChanView, Snapshot};

use crate::i18n::{self, Lang, tr};
use crate::panes::pick::{self, Picker};
use crate::playback::engine::Side;
use crate::playback::why::Pick;

/// Most channels listed; the rest are counted.
pub const MAX_ROWS: usize = 10;
/// Most waiter dots drawn per queue; the rest are a number.
const MAX_DOTS: u32 = 4;

/// The channels worth showing first: ones with waiters (most first), then ones holding values,
/// then open ones, by id; at most [`MAX_ROWS`]. Returns them and how many were left out.
pub fn ranked(chans: &[ChanView]) -> (Vec<ChanView>, usize) {
    let key = |c: &&ChanView| {
        (
            std::cmp::Reverse(c.senders + c.receivers),
            std::cmp::Reverse(c.len),
            c.closed,
            c.chan.0,
        )
    };
    let mut v: Vec<&ChanView> = chans.iter().collect();
    // Only the first rows need an order: select them, then sort just those (10,000 channels
    // are common at the top of a slider).
    if v.len() > MAX_ROWS {
        v.select_nth_unstable_by_key(MAX_ROWS, key);
    }
    let head = v.len().min(MAX_ROWS);
    v[..head].sort_by_key(key);
    let rest = v.len().saturating_sub(MAX_ROWS);
    (v.into_iter().take(MAX_ROWS).cloned().collect(), rest)
}

/// A gauge's description for screen readers.
pub fn describe(c: &ChanView, lang: Lang) -> String {
    if lang == Lang::Zh {
        let mut s = format!("chan #{}：", c.chan.0);
        if c.cap == 0 {
            s.push_str("无缓冲");
        } else {
            s.push_str(&format!("缓冲 {}/{}", c.len, c.cap));
        }
        if c.closed {
            s.push_str("，已关闭");
        }
        for (n, what) in [(c.senders, "发送者"), (c.receivers, "接收者")] {
            if n > 0 {
                s.push_str(&format!("，{n} 个{what}在等"));
            }
        }
        return s;
    }
    let mut s = format!("chan #{}: ", c.chan.0);
    if c.cap == 0 {
        s.push_str("unbuffered");
    } else {
        s.push_str(&format!("{} of {} buffered", c.len, c.cap));
    }
    if c.closed {
        s.push_str(", closed");
    }
    for (n, what) in [(c.senders, "sender"), (c.receivers, "receiver")] {
        if n > 0 {
            s.push_str(&format!(
                ", {n} {what}{} waiting",
                if n == 1 { "" } else { "s" }
            ));
        }
    }
    s
}

/// A queue of waiting goroutines as dots and a count: `●●●●+37` for 41.
pub fn queue_text(n: u32) -> String {
    let shown = n.min(MAX_DOTS);
    let mut s = "●".repeat(shown as usize);
    if n > shown {
        s.push_str(&format!("+{}", n - shown));
    }
    s
}

/// One side's channels at the cursor's snapshot.
///
/// The rows are rebuilt only when the list of channels shown changes; their fields follow the
/// snapshot in place. Rebuilding the rows every frame rewrote every attribute of every row (a
/// type-erased element re-applies all of them on a rebuild), which at 10,000 channels was
/// most of a frame's DOM work.
#[component]
pub fn ChannelGauges(
    /// Which program these channels belong to.
    side: Side,
    /// The side's state at the cursor.
    #[prop(into)]
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    let ranked_rows = Memo::new(move |_| snapshot.with(|s| ranked(&s.chans)));
    let ids = Memo::new(move |_| {
        ranked_rows.with(|(rows, _)| rows.iter().map(|c| c.chan.0).collect::<Vec<u32>>())
    });
    let rest = Memo::new(move |_| ranked_rows.with(|(_, rest)| *rest));
    let lang = i18n::use_lang();
    view! {
        <div class="channel-gauges" data-testid=format!("chans-{}", side.key())>
            <div class="map-head">
                <h3>{move || tr(lang.get(), "Channels")}</h3>
                <span class="map-count">{move || snapshot.with(|s| s.chans.len())}</span>
                <span class="gauge-key" aria-hidden="true">
                    <span class="dots send">"●"</span>
                    {move || tr(lang.get(), " senders → buffer → ")}
                    <span class="dots recv">"●"</span>
                    {move || tr(lang.get(), " receivers")}
                </span>
            </div>
            <Show
                when=move || ids.with(|ids| !ids.is_empty())
                fallback=move || view! { <p class="gauge-empty">{move || tr(lang.get(), "no channels")}</p> }
            >
                <ul class="gauges">
                    {move || ids.get().into_iter().map(|id| gauge(id, ranked_rows)).collect_view()}
                </ul>
                <Show when=move || { rest.get() > 0 }>
                    <p class="gauge-more">
                        {move || {
                            let rest = rest.get();
                            match lang.get() {
                                Lang::En => format!("+{rest} more channel{}", if rest == 1 { "" } else { "s" }),
                                Lang::Zh => format!("另有 {rest} 个 channel"),
                            }
                        }}
                    </p>
                </Show>
            </Show>
        </div>
    }
}

/// One channel's row: name, fill, senders queued before the buffer, receivers after it. Each
/// field follows the channel's entry in `rows`.
fn gauge(id: u32, rows: Memo<(Vec<ChanView>, usize)>) -> impl IntoView {
    // A row outlives its channel's entry by a moment (until the list drops it): it keeps
    // showing the last state it had.
    let lang = i18n::use_lang();
    let c = Memo::new(move |prev: Option<&ChanView>| {
        rows.with(|(rows, _)| rows.iter().find(|c| c.chan.0 == id).cloned())
            .or_else(|| prev.cloned())
            .unwrap_or(ChanView {
                chan: ChanId(id),
                cap: 0,
                len: 0,
                closed: false,
                senders: 0,
                receivers: 0,
            })
    });
    let fill = move || {
        c.with(|c| {
            if c.cap == 0 {
                0.0
            } else {
                (f64::from(c.len) / f64::from(c.cap) * 100.0).min(100.0)
            }
        })
    };
    let closed = Memo::new(move |_| c.with(|c| c.closed));
    // A row asks who is stuck on the channel and why (click, or Enter once focused).
    let picker = Picker::get();
    let ask = move || {
        if let Some(p) = picker {
            p.toggle(Pick::Chan(ChanId(id)));
        }
    };
    view! {
        <li
            class="gauge"
            class:closed=move || closed.get()
            class:busy=move || c.with(|c| c.senders + c.receivers > 0)
            tabindex="0"
            aria-label=move || c.with(|c| describe(c, lang.get()))
            data-chan=id
            on:click=move |_| ask()
            on:keydown=move |ev| {
                if pick::activates(&ev) {
                    ask();
                }
            }
        >
            <span class="sr-only">{move || c.with(|c| describe(c, lang.get()))}</span>
            <span class="gname" aria-hidden="true">{format!("#{id}")}</span>
            <span aria-hidden="true" class="gcap">
                {move || c.with(|c| if c.cap == 0 { tr(lang.get(), "unbuf").to_string() } else { format!("{}/{}", c.len, c.cap) })}
            </span>
            <span aria-hidden="true" class="dots send" title=move || c.with(|c| format!("{} {}", c.senders, tr(lang.get(), "waiting to send")))>
                {move || c.with(|c| queue_text(c.senders))}
            </span>
            <span aria-hidden="true"
                class="gbar"
                class:full=move || c.with(|c| c.cap > 0 && c.len >= c.cap)
                class:unbuffered=move || c.with(|c| c.cap == 0)
            >
                <span class="gfill" style=move || format!("width:{:.1}%", fill())></span>
            </span>
            <span aria-hidden="true" class="dots recv" title=move || c.with(|c| format!("{} {}", c.receivers, tr(lang.get(), "waiting to receive")))>
                {move || c.with(|c| queue_text(c.receivers))}
            </span>
            <span aria-hidden="true" class="gstate">
                <Show when=move || closed.get()>
                    <span class="gclosed">{move || tr(lang.get(), "closed")}</span>
                </Show>
            </span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chan(id: u32, cap: u32, len: u32, senders: u32, receivers: u32, closed: bool) -> ChanView {
        ChanView {
            chan: ChanId(id),
            cap,
            len,
            closed,
            senders,
            receivers,
        }
    }

    #[test]
    fn channels_with_waiters_come_first_then_full_ones() {
        let (rows, rest) = ranked(&[
            chan(1, 0, 0, 0, 0, false),
            chan(2, 4, 3, 0, 0, false),
            chan(3, 0, 0, 5, 0, false),
            chan(4, 0, 0, 0, 2, false),
        ]);
        let ids: Vec<u32> = rows.iter().map(|c| c.chan.0).collect();
        assert_eq!((ids, rest), (vec![3, 4, 2, 1], 0));
    }

    #[test]
    fn at_most_ten_rows_and_the_rest_counted() {
        let many: Vec<ChanView> = (0..25).map(|i| chan(i, 0, 0, 0, 0, false)).collect();
        let (rows, rest) = ranked(&many);
        assert_eq!((rows.len(), rest, rows[0].chan.0), (10, 15, 0));
    }

    #[test]
    fn queues_show_at_most_four_dots_and_count_the_rest() {
        assert_eq!(
            [0, 1, 4, 5, 41].map(queue_text),
            ["", "●", "●●●●", "●●●●+1", "●●●●+37"]
        );
    }

    #[test]
    fn descriptions_read_as_a_sentence() {
        assert_eq!(
            describe(&chan(3, 4, 2, 5, 0, false), Lang::En),
            "chan #3: 2 of 4 buffered, 5 senders waiting"
        );
        assert_eq!(
            describe(&chan(1, 0, 0, 0, 1, true), Lang::En),
            "chan #1: unbuffered, closed, 1 receiver waiting"
        );
    }
}
