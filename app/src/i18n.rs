//! The interface in English or Chinese. The language comes from the URL's `lang` key (so share
//! and embed links carry it), else from what the learner picked before (localStorage, which a
//! third-party frame may not have: then English), else English. Texts are looked up by their
//! English wording, so a string without a translation still reads, in English.

use leptos::prelude::*;
use lessons::catalog::Lesson;

use crate::browser;

/// URL key and storage key of the language.
pub const KEY: &str = "lang";

/// The interface's languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// The value in URLs and `lang` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Chinese when `zh`, else English.
    pub fn from_zh(zh: bool) -> Lang {
        if zh { Lang::Zh } else { Lang::En }
    }

    /// `en` or `zh` (any case, `zh-CN` too); `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "en" || s.starts_with("en-") {
            Some(Lang::En)
        } else if s == "zh" || s.starts_with("zh-") {
            Some(Lang::Zh)
        } else {
            None
        }
    }
}

/// The app's language, shared by every page through the context.
#[derive(Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// The language from the URL pairs, else the stored choice, else English.
pub fn initial(pairs: &[(String, String)]) -> Lang {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == KEY)
        .and_then(|(_, v)| Lang::parse(v))
        .or_else(|| browser::load(KEY).and_then(|v| Lang::parse(&v)))
        .unwrap_or_default()
}

/// The current language signal (English when no App provided one, as in a component test).
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangSignal>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(Lang::En))
}

/// Picks `lang`: remembered for the next visit (quietly skipped where storage is blocked) and
/// put on `<html lang>` so screen readers and fonts follow.
pub fn pick(signal: RwSignal<Lang>, lang: Lang) {
    signal.set(lang);
    browser::store(KEY, lang.key());
    set_document_lang(lang);
}

/// `<html lang="…">`.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = leptos::web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
    }
}

/// `en` in `lang`.
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => ZH.iter().find(|(e, _)| *e == en).map_or(en, |(_, z)| *z),
    }
}

/// A lesson's title in `lang` (English where it has no Chinese title).
pub fn title(l: &Lesson, lang: Lang) -> String {
    match (lang, &l.title_zh) {
        (Lang::Zh, Some(t)) => t.clone(),
        _ => l.title.clone(),
    }
}

/// A lesson's claim as inline HTML in `lang`.
pub fn claim_html(l: &Lesson, lang: Lang) -> &'static str {
    let shipped = crate::catalog::shipped(l);
    match (lang, shipped.claim_zh_html) {
        (Lang::Zh, Some(h)) => h,
        _ => shipped.claim_html,
    }
}

/// The line above a lesson's title: `Lesson 1 · Goroutine leaks`, `第 1 课 · goroutine 泄漏`.
pub fn kicker(l: &Lesson, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Lesson {} · {}", l.number, l.chapter),
        Lang::Zh => format!("第 {} 课 · {}", l.number, chapter(&l.chapter, lang)),
    }
}

/// A chapter name in `lang`.
pub fn chapter(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_string(),
        Lang::Zh => ZH
            .iter()
            .find(|(e, _)| *e == name)
            .map_or(name, |(_, z)| *z)
            .to_string(),
    }
}

/// `6 goroutines`, `1 goroutine`, `6 个 goroutine`.
pub fn goroutines_alive(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{n} goroutine{}", if n == 1 { "" } else { "s" }),
        Lang::Zh => format!("{n} 个 goroutine"),
    }
}

/// The progress of a long run: `running bad.go: 40 M steps`.
pub fn running_steps(file: &str, steps: u64, lang: Lang) -> String {
    let n = if steps >= 1_000_000 {
        format!("{} M", steps / 1_000_000)
    } else {
        thousands(steps as usize)
    };
    match lang {
        Lang::En => format!("running {file}: {n} steps"),
        Lang::Zh => format!("正在运行 {file}：{n} 步"),
    }
}

/// What a side shows when the engine's worker died on its program.
pub fn engine_failed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the playground's engine failed on this program",
        Lang::Zh => "演练场的引擎在运行这个程序时出错了",
    }
}

/// A goroutine state as the runtime names it (`chan send`, `sync.Mutex.Lock`: Go's own words in
/// its goroutine dumps) in `lang`. Go's API names stay as they are; the rest is translated.
pub fn state(s: &str, lang: Lang) -> String {
    match lang {
        Lang::En => s.to_string(),
        Lang::Zh => lessons::catalog::zh::state(s).to_string(),
    }
}

/// `line 27` / `第 27 行`.
pub fn line(n: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("line {n}"),
        Lang::Zh => format!("第 {n} 行"),
    }
}

/// The note under a clipped output: `shown` lines kept of `lines`, `size` in all.
pub fn output_truncated(shown: usize, lines: usize, size: &str, lang: Lang) -> String {
    let shown = thousands(shown);
    match lang {
        Lang::En => format!(
            "output truncated after {shown} lines (or 1 MiB): the program printed {} lines, {size}",
            thousands(lines)
        ),
        Lang::Zh => format!(
            "输出在 {shown} 行（或 1 MiB）后截断：程序共输出 {} 行，{size}",
            thousands(lines)
        ),
    }
}

/// `1000000` as `1,000,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// English → Chinese. `goroutine`, `channel` and Go API names stay as Go spells them.
static ZH: &[(&str, &str)] = &[
    // Home
    ("Go anti-pattern playground", "Go 反模式演练场"),
    (
        "Each lesson runs a real Go program with a concurrency bug next to its fix, on a deterministic Go interpreter with a virtual clock. ",
        "每一课都把一个带并发缺陷的真实 Go 程序和它的修复版本放在一起，在一个带虚拟时钟的确定性 Go 解释器上运行。",
    ),
    (
        "Press play or step through them together and watch what the bug costs: goroutines piling up, channels filling, memory growing, deadlocks and panics, ",
        "按下播放或逐步执行，看看这个缺陷的代价：goroutine 越积越多、channel 被填满、内存增长、死锁和 panic，",
    ),
    (
        "down to the exact line where goroutines are stuck. Drag a parameter and both programs re-run at once.",
        "直到 goroutine 卡住的那一行。拖动参数，两个程序会立即重新运行。",
    ),
    (
        "Keyboard: space plays or pauses, ← → step, n / p next or previous lesson.",
        "键盘：空格播放或暂停，← → 单步，n / p 下一课或上一课。",
    ),
    ("Lessons", "课程"),
    ("✓ visited", "✓ 已看过"),
    ("You have opened this lesson", "你打开过这一课"),
    ("✓ solved", "✓ 已修复"),
    ("You fixed this lesson yourself", "你亲手修复了这一课"),
    ("Goroutine leaks", "goroutine 泄漏"),
    ("Time and context", "时间与 context"),
    ("Synchronization", "同步"),
    ("Failure and load", "故障与负载"),
    ("Resources and memory", "资源与内存"),
    ("Across Go versions", "跨 Go 版本"),
    ("Language", "语言"),
    ("Loading the two programs…", "正在加载两个程序…"),
    ("Reload", "重新加载"),
    (" or ", " 或 "),
    ("go to all lessons", "去全部课程"),
    ("Problems with this link", "这个链接的问题"),
    // Lesson page
    ("← All lessons", "← 全部课程"),
    ("Lesson navigation", "课程导航"),
    ("Go version", "Go 版本"),
    ("Race detector", "竞态检测器"),
    (
        "Run both programs as go run -race does: every data race is reported",
        "像 go run -race 那样运行两个程序：报告每一个数据竞争",
    ),
    (
        "Run both programs with the loop variables and timers of this Go release",
        "用这个 Go 版本的循环变量和定时器语义运行两个程序",
    ),
    ("← Previous", "← 上一课"),
    ("Next", "下一课"),
    (" play · ", " 播放 · "),
    (" step · ", " 单步 · "),
    (" lesson", " 换课"),
    ("Lesson", "第"),
    ("anti-pattern", "反模式"),
    ("fix", "修复"),
    ("the bug as it ships", "上线时的缺陷"),
    ("the idiomatic fix", "惯用的修复"),
    ("edited", "已编辑"),
    ("Edit", "编辑"),
    ("Revert", "还原"),
    ("Output", "输出"),
    ("(nothing printed yet)", "（还没有输出）"),
    ("(nothing printed)", "（没有输出）"),
    ("Standard error", "标准错误"),
    ("running…", "运行中…"),
    (
        "The verdict shows at the end of the run. ",
        "运行结束时显示结论。",
    ),
    ("Jump to the end", "跳到结尾"),
    (
        "Why it goes wrong, and the fix",
        "为什么会出错，以及如何修复",
    ),
    ("Follow the running line", "跟随正在运行的行"),
    ("Follow", "跟随"),
    ("Programs", "程序"),
    // Control bar
    (
        "Playback (both programs in lockstep)",
        "播放（两个程序同步）",
    ),
    ("Back to the start", "回到开头"),
    (
        "Step back one event (left arrow)",
        "后退一个事件（左方向键）",
    ),
    ("Step back (←)", "后退（←）"),
    ("Play (space)", "播放（空格）"),
    ("Pause (space)", "暂停（空格）"),
    (
        "Step forward one event (right arrow)",
        "前进一个事件（右方向键）",
    ),
    ("Step (→)", "前进（→）"),
    (
        "Position in the run (events of both programs)",
        "运行中的位置（两个程序的事件）",
    ),
    ("event", "事件"),
    (
        "End of the run: there is no next event. Step back (←) or go back to the start to watch it again.",
        "运行已结束：没有下一个事件了。后退（←）或回到开头，可以再看一遍。",
    ),
    (
        "Step (→) or play to follow the run one event at a time; each event is told here.",
        "单步（→）或播放，一个事件一个事件地跟随运行；每个事件都会在这里讲述。",
    ),
    ("Speed", "速度"),
    (
        "Playback speed: virtual time per real second",
        "播放速度：每真实秒对应的虚拟时间",
    ),
    ("Seed", "种子"),
    ("Seed of the run", "运行的种子"),
    ("New", "新的"),
    ("Stop", "停止"),
    ("Stop the run (Esc)", "停止运行（Esc）"),
    ("New random seed", "新的随机种子"),
    ("Run with a new random seed", "用新的随机种子运行"),
    ("Lesson parameters", "课程参数"),
    ("Parameters", "参数"),
    ("number", "数值"),
    // Panes
    ("Goroutines", "goroutine"),
    ("Channels", "channel"),
    ("no channels", "没有 channel"),
    ("no goroutines alive", "没有存活的 goroutine"),
    ("Heap (modeled)", "堆（模型）"),
    ("peak", "峰值"),
    ("running / runnable", "运行中 / 可运行"),
    (
        "chan send / receive / select",
        "channel 发送 / 接收 / select",
    ),
    ("sleep (timer)", "休眠（定时器）"),
    ("mutex / WaitGroup / Cond", "mutex / WaitGroup / Cond"),
    ("nil chan / empty select", "nil channel / 空 select"),
    ("Counts by state", "各状态的数量"),
    ("state", "状态"),
    ("goroutines", "goroutine 数"),
    (" (ran last)", "（最近运行）"),
    ("waits on: ", "等待："),
    (" senders → buffer → ", " 发送者 → 缓冲 → "),
    (" receivers", " 接收者"),
    ("unbuf", "无缓冲"),
    ("waiting to send", "个在等待发送"),
    ("waiting to receive", "个在等待接收"),
    ("closed", "已关闭"),
    ("Connections", "连接"),
    (" active ", " 活动 "),
    (" idle in a pool", " 在池中空闲"),
    ("client", "客户端"),
    ("pool", "连接池"),
    ("server", "服务端"),
    (
        "Every event happens at t = 0: no virtual time passes to chart.",
        "所有事件都发生在 t = 0：没有虚拟时间流逝，无图可画。",
    ),
    // Why is it stuck
    ("Why is it stuck? ", "为什么卡住了？"),
    ("Why is it stuck?", "为什么卡住了？"),
    ("Previous parked goroutine", "上一个停住的 goroutine"),
    ("Next parked goroutine", "下一个停住的 goroutine"),
    // In Go
    ("In Go", "在真实 Go 中"),
    (
        "What the Go toolchain would show for this run, from golite's goroutine stacks. golite's approximation: no addresses, offsets or argument values, in ",
        "Go 工具链对这次运行会显示什么，由 golite 的 goroutine 栈生成。这是 golite 的近似：没有地址、偏移量和参数值，文件名为 ",
    ),
    (".", "。"),
    (
        "go run prints nothing more: main returned and no goroutine is left for goleak to report.",
        "go run 不会再输出什么：main 已返回，也没有留下可让 goleak 报告的 goroutine。",
    ),
    ("go run -race (stderr)", "go run -race（标准错误）"),
    ("go run (stderr)", "go run（标准错误）"),
    (
        "goroutineleak profile (debug=1), Go 1.26+",
        "goroutineleak 剖析（debug=1），Go 1.26+",
    ),
    (
        "pprof goroutine profile (debug=1), at the end",
        "pprof 的 goroutine 剖析（debug=1），运行结束时",
    ),
    (
        "goroutine dump (debug=2), at the end",
        "goroutine 转储（debug=2），运行结束时",
    ),
    ("goleak.VerifyNone(t)", "goleak.VerifyNone(t)"),
    // Share and embed
    ("Share", "分享"),
    ("Link copied", "链接已复制"),
    ("Embed", "嵌入"),
    ("Copy a link to exactly this view", "复制指向当前视图的链接"),
    ("Embed or share this view", "嵌入或分享这个视图"),
    ("Copy snippet", "复制代码片段"),
    ("Copy link", "复制链接"),
    ("Copied", "已复制"),
    ("Press Ctrl+C to copy", "按 Ctrl+C 复制"),
    ("Close", "关闭"),
    ("Link", "链接"),
    ("Preview", "预览"),
    ("Open in the playground ↗", "在演练场中打开 ↗"),
    (
        "The frame and the link open this lesson with these parameters, this seed and this step.",
        "嵌入框和链接会以这些参数、这个种子和这一步打开本课。",
    ),
    ("Panes", "面板"),
    (
        "An <iframe> snippet and a link for this view",
        "这个视图的 <iframe> 代码片段和链接",
    ),
    ("Theme", "主题"),
    ("Playback and language", "播放与语言"),
    ("code", "代码"),
    ("charts", "图表"),
    ("goroutine map", "goroutine 分布图"),
    ("channel gauges", "channel 仪表"),
    ("output", "输出"),
    ("both", "两个都要"),
    ("auto", "自动"),
    ("light", "浅色"),
    ("dark", "深色"),
    ("autoplay", "自动播放"),
    (
        "<iframe> for your docs or slides",
        "用于文档或幻灯片的 <iframe>",
    ),
    (
        "A host page can drive the frame and hear its verdicts with postMessage, and size it from its ",
        "宿主页面可以用 postMessage 控制嵌入框、接收它的结论，并根据它的 ",
    ),
    (" messages: ", " 消息调整大小："),
    (
        "the embedding guide and a working host page",
        "嵌入指南和一个可用的宿主页面",
    ),
    (" (", "（源码中的 "),
    (" in the source).", "）。"),
    ("Preview of the embedded view", "嵌入视图的预览"),
    // Verdicts
    ("no leaks", "没有泄漏"),
    (
        "deadlock: all goroutines are asleep",
        "死锁：所有 goroutine 都在休眠",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_parses_url_values_and_says_no_to_others() {
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse(" ZH-cn"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn progress_counts_millions_of_steps() {
        assert_eq!(
            running_steps("bad.go", 40_123_456, Lang::En),
            "running bad.go: 40 M steps"
        );
        assert_eq!(
            running_steps("good.go", 12_345, Lang::En),
            "running good.go: 12,345 steps"
        );
        assert_eq!(
            running_steps("bad.go", 3_000_000, Lang::Zh),
            "正在运行 bad.go：3 M 步"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(
            [0, 999, 1000, 1_000_000].map(thousands),
            ["0", "999", "1,000", "1,000,000"]
        );
    }

    #[test]
    fn every_chapter_and_chinese_lesson_reads_in_chinese() {
        for l in crate::catalog::all() {
            assert_ne!(chapter(&l.chapter, Lang::Zh), l.chapter, "{}", l.chapter);
            assert!(
                title(l, Lang::Zh) != l.title,
                "{} has no Chinese title",
                l.slug
            );
        }
    }

    #[test]
    fn a_text_without_translation_reads_in_english() {
        assert_eq!(tr(Lang::Zh, "Share"), "分享");
        assert_eq!(tr(Lang::Zh, "no such text"), "no such text");
        assert_eq!(tr(Lang::En, "Share"), "Share");
    }

    #[test]
    fn every_english_text_has_one_translation() {
        let mut seen = std::collections::HashSet::new();
        for (en, zh) in ZH {
            assert!(seen.insert(*en), "{en} twice");
            assert!(!zh.is_empty());
        }
    }
}
