//! A URL notice in the page's language. The notices are written in English where the URL is
//! read ([`crate::nav::route`], [`crate::nav::query`], [`crate::nav::pack`], the embed options),
//! before any page exists; the page shows each in its language through [`in_lang`], which knows
//! every sentence shape they use and keeps the keys and values a notice names. A sentence of an
//! unknown shape reads in English.

use crate::i18n::Lang;

/// Each notice shape: English with `{}` holes, Chinese with `{0}`, `{1}`, … in its order.
/// A hole's text is itself looked up (a reason inside a notice has a shape of its own).
static SHAPES: &[(&str, &str)] = &[
    // First: it holds a reason that has a shape of its own.
    ("{}; using the default {}.", "{0}；使用默认值 {1}。"),
    (
        "There is no scheduler challenge called “{}”: here is the list of lessons.",
        "没有名为“{0}”的调度器挑战：这里是课程列表。",
    ),
    (
        "There is no lesson called “{}”: here is the list of lessons.",
        "没有名为“{0}”的课程：这里是课程列表。",
    ),
    (
        "picks: {}; starting the challenge afresh.",
        "picks：{0}；从头开始这个挑战。",
    ),
    (
        "sched: {}; running in Go's order.",
        "sched：{0}；按 Go 的顺序运行。",
    ),
    ("not a goroutine choice: {}", "不是一个 goroutine 选择：{0}"),
    ("schedule longer than {} decisions", "调度超过了 {0} 次决定"),
    (
        "parameter {}: {} is not an integer",
        "参数 {0}：{1} 不是整数",
    ),
    (
        "parameter {}: {} is outside {}..{}",
        "参数 {0}：{1} 不在 {2}..{3} 范围内",
    ),
    (
        "seed {} is not a whole number; using the lesson's seed {}.",
        "seed {0} 不是整数；使用本课的种子 {1}。",
    ),
    (
        "go {} is not a Go version the playground runs (1.21 or 1.27); using Go {}.",
        "go {0} 不是演练场支持的 Go 版本（1.21 或 1.27）；使用 Go {1}。",
    ),
    (
        "step {} is not a whole number; showing the end of the run.",
        "step {0} 不是整数；显示运行的结尾。",
    ),
    (
        "The edited {} in this link is {} bytes, more than the {} a link may carry; showing the lesson's own {}.",
        "这个链接里编辑过的 {0} 有 {1} 字节，超过了链接能携带的 {2} 字节；显示本课自己的 {3}。",
    ),
    (
        "{} in this link could not be read: {}; showing the lesson's own {}.",
        "这个链接里的 {0} 无法读取：{1}；显示本课自己的 {2}。",
    ),
    ("it is not base64url text", "它不是 base64url 文本"),
    (
        "it unpacks to more than the {} bytes a link may carry",
        "解压后超过了链接能携带的 {0} 字节",
    ),
    (
        "it is damaged (not deflate data; was the link cut short?)",
        "它已损坏（不是 deflate 数据；链接是不是被截断了？）",
    ),
    ("it is not UTF-8 text", "它不是 UTF-8 文本"),
    (
        "“{}” after # is not a key the playground knows; ignored.",
        "# 之后的“{0}”不是演练场认识的键；已忽略。",
    ),
    (
        "“{}” is in this link {} times; using the last one ({}).",
        "“{0}”在这个链接中出现了 {1} 次；使用最后一个（{2}）。",
    ),
    (
        "“{}” is not a key the playground knows; ignored.",
        "“{0}”不是演练场认识的键；已忽略。",
    ),
    (
        "“{}” in this link has {}; it was read as typed.",
        "这个链接中的“{0}”含有{1}；已按原样读取。",
    ),
    (
        "a malformed percent-escape “{}”",
        "格式错误的百分号转义“{0}”",
    ),
    ("bytes that are not UTF-8 text", "不是 UTF-8 文本的字节"),
    (
        "embed={} is not 1 or 0; showing the embed view.",
        "embed={0} 不是 1 或 0；显示嵌入视图。",
    ),
    (
        "unknown pane \"{}\" (known: {}).",
        "未知的面板“{0}”（已知：{1}）。",
    ),
    (
        "no known pane in panes=; showing them all.",
        "panes= 中没有已知的面板；全部显示。",
    ),
    (
        "side={} is not bad, good or both; showing both.",
        "side={0} 不是 bad、good 或 both；两个都显示。",
    ),
    (
        "autoplay={} is not 1 or 0; not playing.",
        "autoplay={0} 不是 1 或 0；不自动播放。",
    ),
    (
        "theme={} is not light, dark or auto; using auto.",
        "theme={0} 不是 light、dark 或 auto；使用 auto。",
    ),
];

/// The holes of `shape` filled in `text`, if `text` has that shape. A hole takes the shortest
/// text up to the literal after it (the last hole takes what is left before the ending).
fn holes(shape: &str, text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = shape.split("{}").collect();
    let (first, rest) = parts.split_first()?;
    let mut left = text.strip_prefix(first)?;
    let mut out = Vec::new();
    for (i, lit) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        let at = if last {
            left.len()
                .checked_sub(lit.len())
                .filter(|&n| left[n..] == **lit)?
        } else if lit.is_empty() {
            return None;
        } else {
            left.find(lit)?
        };
        out.push(left[..at].to_string());
        left = &left[at + lit.len()..];
    }
    Some(out)
}

/// `text` (one of the URL notices) in `lang`.
pub fn in_lang(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    for (en, zh) in SHAPES {
        if let Some(values) = holes(en, text) {
            let mut out = (*zh).to_string();
            for (i, v) in values.iter().enumerate() {
                out = out.replace(&format!("{{{i}}}"), &in_lang(v, lang));
            }
            return out;
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_shape_reads_in_chinese_with_its_key_and_values() {
        let zh = |s: &str| in_lang(s, Lang::Zh);
        assert_eq!(
            zh("“colour” is not a key the playground knows; ignored."),
            "“colour”不是演练场认识的键；已忽略。"
        );
        assert_eq!(
            zh("parameter requests: 99 is outside 1..50; using the default 10."),
            "参数 requests：99 不在 1..50 范围内；使用默认值 10。"
        );
        assert_eq!(
            zh(
                "bad_go in this link could not be read: it is not base64url text; showing the lesson's own bad.go."
            ),
            "这个链接里的 bad_go 无法读取：它不是 base64url 文本；显示本课自己的 bad.go。"
        );
        assert_eq!(
            zh("“bad_go” in this link has a malformed percent-escape “%zz”; it was read as typed."),
            "这个链接中的“bad_go”含有格式错误的百分号转义“%zz”；已按原样读取。"
        );
        assert_eq!(
            zh("“seed” is in this link 2 times; using the last one (\"7\")."),
            "“seed”在这个链接中出现了 2 次；使用最后一个（\"7\"）。"
        );
        assert_eq!(zh("something new"), "something new");
        assert_eq!(
            in_lang("“x” is not a key the playground knows; ignored.", Lang::En),
            "“x” is not a key the playground knows; ignored."
        );
    }

    #[test]
    fn the_notices_the_router_writes_all_have_a_chinese_shape() {
        let lesson = crate::catalog::get("forgotten-sender").unwrap_or_else(|| panic!("no lesson"));
        let pairs: Vec<(String, String)> = [
            ("lesson", "forgotten-sender"),
            ("requests", "abc"),
            ("timeoutMs", "100000"),
            ("seed", "x"),
            ("go", "1.5"),
            ("step", "-1"),
            ("sched", "z"),
            ("seed", "2"),
            ("colour", "red"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let mut notices = crate::nav::route::resolve(&pairs, crate::catalog::get).notices;
        notices.extend(crate::nav::route::key_notices(&pairs, Some(lesson), &[]));
        assert_eq!(notices.len(), 6, "{notices:?}");
        for n in notices {
            let zh = in_lang(&n, Lang::Zh);
            assert!(
                !zh.contains("playground") && !zh.contains("using") && !zh.contains("whole number"),
                "{n} -> {zh}"
            );
        }
        assert_eq!(
            in_lang(
                "sched: not a goroutine choice: \"z\"; running in Go's order.",
                Lang::Zh
            ),
            "sched：不是一个 goroutine 选择：\"z\"；按 Go 的顺序运行。"
        );
    }
}
