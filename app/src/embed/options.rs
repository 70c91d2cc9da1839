//! The embed view's options, read from the URL (`?embed=1&panes=...`): what an `<iframe>` in a
//! trainer's docs shows. Anything malformed becomes a notice shown in the frame and the default,
//! never a blank frame.

/// The parts of a side an embed can show.
pub const PANES: [&str; 5] = ["code", "charts", "goroutines", "channels", "output"];

/// Query keys of the embed view.
pub const EMBED: &str = "embed";
const PANES_KEY: &str = "panes";
const SIDE: &str = "side";
const AUTOPLAY: &str = "autoplay";
const THEME: &str = "theme";
/// Every key the embed view reads: the full page's link out of a frame drops them.
pub const KEYS: [&str; 5] = [EMBED, PANES_KEY, SIDE, AUTOPLAY, THEME];

/// A forced colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value for `data-theme` on `<html>`, none for automatic.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// What the page shows when embedded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// True for the compact embed view (`embed=1`).
    pub enabled: bool,
    /// Which of [`PANES`] show, in that order.
    pub panes: [bool; 5],
    /// Which sides show: bad, good.
    pub sides: [bool; 2],
    /// Start playing once the runs are ready.
    pub autoplay: bool,
    /// Colour theme.
    pub theme: Theme,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        EmbedOptions {
            enabled: false,
            panes: [true; 5],
            sides: [true, true],
            autoplay: false,
            theme: Theme::Auto,
        }
    }
}

impl EmbedOptions {
    /// True when pane `name` (one of [`PANES`]) shows.
    pub fn shows(&self, name: &str) -> bool {
        PANES
            .iter()
            .position(|p| *p == name)
            .is_some_and(|i| self.panes[i])
    }
}

/// Reads the embed options from the URL keys the lesson page does not use; problems come back
/// as notices in words.
pub fn parse(extra: &[(String, String)]) -> (EmbedOptions, Vec<String>) {
    let mut o = EmbedOptions::default();
    let mut notices = Vec::new();
    let get = |key: &str| {
        extra
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
    };
    o.enabled = match get(EMBED) {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") | Some("") => true,
        Some(v) => {
            notices.push(format!("embed={v} is not 1 or 0; showing the embed view."));
            true
        }
    };
    if let Some(list) = get(PANES_KEY) {
        let mut panes = [false; 5];
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match PANES.iter().position(|p| *p == name) {
                Some(i) => panes[i] = true,
                None => notices.push(format!(
                    "unknown pane \"{name}\" (known: {}).",
                    PANES.join(", ")
                )),
            }
        }
        if panes.iter().any(|p| *p) {
            o.panes = panes;
        } else {
            notices.push("no known pane in panes=; showing them all.".to_string());
        }
    }
    match get(SIDE) {
        None | Some("both") => {}
        Some("bad") => o.sides = [true, false],
        Some("good") => o.sides = [false, true],
        Some(v) => notices.push(format!("side={v} is not bad, good or both; showing both.")),
    }
    match get(AUTOPLAY) {
        None | Some("0") | Some("false") => {}
        Some("1") | Some("true") | Some("") => o.autoplay = true,
        Some(v) => notices.push(format!("autoplay={v} is not 1 or 0; not playing.")),
    }
    match get(THEME) {
        None | Some("auto") => {}
        Some("light") => o.theme = Theme::Light,
        Some("dark") => o.theme = Theme::Dark,
        Some(v) => notices.push(format!("theme={v} is not light, dark or auto; using auto.")),
    }
    (o, notices)
}

/// The embed view's query for a page's query (no leading `?`): the same state with `embed=1`,
/// once, at the end; other embed options already in it are kept.
pub fn embed_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = crate::nav::query::parse(query)
        .into_iter()
        .filter(|(k, _)| k != EMBED)
        .collect();
    pairs.push((EMBED.to_string(), "1".to_string()));
    crate::nav::query::build(&pairs)
}

/// The full page's query for an embed's query: the same lesson, parameters, seed and step
/// without the embed options, for the frame's "open in the playground" link.
pub fn full_query(query: &str) -> String {
    let pairs: Vec<(String, String)> = crate::nav::query::parse(query)
        .into_iter()
        .filter(|(k, _)| !KEYS.contains(&k.as_str()))
        .collect();
    crate::nav::query::build(&pairs)
}

/// The embed view's query for a page's query with the dialog's choices: `embed=1` and each
/// option that differs from its default (all panes, both sides, no autoplay, automatic theme),
/// plus the language when it is Chinese and `go`, the Go release the frame runs (`None`: the
/// lesson's own, written as no key, as the page's links do). Embed options, language and Go
/// release already in `query` are replaced.
pub fn with_options(
    query: &str,
    o: &EmbedOptions,
    lang: crate::i18n::Lang,
    go: Option<&str>,
) -> String {
    let mut pairs: Vec<(String, String)> = crate::nav::query::parse(query)
        .into_iter()
        .filter(|(k, _)| {
            !KEYS.contains(&k.as_str()) && k != crate::i18n::KEY && k != crate::nav::route::GO
        })
        .collect();
    if let Some(v) = go {
        pairs.push((crate::nav::route::GO.to_string(), v.to_string()));
    }
    pairs.push((EMBED.to_string(), "1".to_string()));
    if o.panes.iter().any(|p| !p) {
        let list: Vec<&str> = PANES
            .iter()
            .zip(o.panes)
            .filter(|(_, on)| *on)
            .map(|(p, _)| *p)
            .collect();
        pairs.push((PANES_KEY.to_string(), list.join(",")));
    }
    match o.sides {
        [true, false] => pairs.push((SIDE.to_string(), "bad".to_string())),
        [false, true] => pairs.push((SIDE.to_string(), "good".to_string())),
        _ => {}
    }
    if o.autoplay {
        pairs.push((AUTOPLAY.to_string(), "1".to_string()));
    }
    if let Some(t) = o.theme.attr() {
        pairs.push((THEME.to_string(), t.to_string()));
    }
    // English is the default: only Chinese is written (as the page's own links do).
    if lang == crate::i18n::Lang::Zh {
        pairs.push((crate::i18n::KEY.to_string(), lang.key().to_string()));
    }
    crate::nav::query::build(&pairs)
}

/// The `<iframe>` snippet for an embed URL, with the URL and title escaped for HTML.
pub fn iframe_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"760\" style=\"border:0\" loading=\"lazy\"></iframe>",
        escape_html(url),
        escape_html(title)
    )
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        crate::nav::query::parse(q)
    }

    #[test]
    fn the_url_notices_know_every_embed_key() {
        for k in KEYS {
            assert!(crate::nav::route::OTHER_KEYS.contains(&k), "{k}");
        }
        assert!(crate::nav::route::OTHER_KEYS.contains(&crate::i18n::KEY));
    }

    #[test]
    fn the_dialogs_choices_become_embed_keys_that_parse_back() {
        let o = EmbedOptions {
            enabled: true,
            panes: [true, false, true, false, false],
            sides: [false, true],
            autoplay: true,
            theme: Theme::Dark,
        };
        let q = with_options(
            "lesson=a&seed=2&embed=0&theme=light&lang=en&go=1.27",
            &o,
            crate::i18n::Lang::Zh,
            Some("1.21"),
        );
        assert_eq!(
            q,
            "lesson=a&seed=2&go=1.21&embed=1&panes=code%2Cgoroutines&side=good&autoplay=1&theme=dark&lang=zh"
        );
        assert_eq!(parse(&pairs(&q)), (o, vec![]));
        // The lesson's own release is no key, whatever the page's URL had.
        assert_eq!(
            with_options(
                "lesson=a&go=1.21",
                &EmbedOptions::default(),
                crate::i18n::Lang::En,
                None
            ),
            "lesson=a&embed=1"
        );
    }

    #[test]
    fn no_keys_is_the_normal_page() {
        assert_eq!(parse(&[]), (EmbedOptions::default(), vec![]));
    }

    #[test]
    fn options_choose_panes_side_autoplay_and_theme() {
        let (o, n) = parse(&pairs(
            "embed=1&panes=code,output&side=bad&autoplay=1&theme=dark",
        ));
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(
            o,
            EmbedOptions {
                enabled: true,
                panes: [true, false, false, false, true],
                sides: [true, false],
                autoplay: true,
                theme: Theme::Dark,
            }
        );
        assert!(o.shows("code") && !o.shows("charts") && !o.shows("nope"));
    }

    #[test]
    fn malformed_values_give_notices_and_defaults() {
        let (o, n) = parse(&pairs(
            "embed=1&panes=bogus&side=left&theme=purple&autoplay=maybe",
        ));
        assert_eq!(
            (o.panes, o.sides, o.theme, o.autoplay),
            ([true; 5], [true, true], Theme::Auto, false)
        );
        assert_eq!(
            n,
            [
                "unknown pane \"bogus\" (known: code, charts, goroutines, channels, output).",
                "no known pane in panes=; showing them all.",
                "side=left is not bad, good or both; showing both.",
                "autoplay=maybe is not 1 or 0; not playing.",
                "theme=purple is not light, dark or auto; using auto.",
            ]
        );
    }

    #[test]
    fn the_snippet_escapes_the_url() {
        assert_eq!(
            iframe_snippet("https://x.test/?lesson=a&embed=1", "A \"quoted\" title"),
            "<iframe src=\"https://x.test/?lesson=a&amp;embed=1\" title=\"A &quot;quoted&quot; title\" width=\"100%\" height=\"760\" style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn the_embed_query_adds_embed_once_and_keeps_the_state() {
        assert_eq!(
            embed_query("lesson=forgotten-sender&requests=20&seed=3&step=12"),
            "lesson=forgotten-sender&requests=20&seed=3&step=12&embed=1"
        );
        assert_eq!(
            embed_query("lesson=a&embed=0&panes=code&embedded=x"),
            "lesson=a&panes=code&embedded=x&embed=1"
        );
        assert_eq!(embed_query(""), "embed=1");
    }

    #[test]
    fn the_full_query_drops_every_embed_key() {
        assert_eq!(
            full_query("lesson=a&embed=1&panes=code&side=bad&autoplay=1&theme=dark&seed=4&step=2"),
            "lesson=a&seed=4&step=2"
        );
        assert_eq!(full_query("lesson=a&note=x%20y"), "lesson=a&note=x%20y");
    }
}
