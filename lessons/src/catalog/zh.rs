//! Chinese words for the runtime's names, for the sentences the catalog writes in both
//! languages (verdicts in `harm.rs`, the fix-it checker's in `challenge.rs`, the schedule
//! search's in `explore/`). The runtime names a goroutine state as Go's dumps do (`chan send`,
//! `sync.Mutex.Lock`); a Chinese sentence says the plain states in Chinese and keeps Go's API
//! names (`sync.WaitGroup.Wait`, `select`) as they are.

/// A goroutine state name (`GState::as_str`) in Chinese.
pub fn state(s: &str) -> &str {
    match s {
        "running" => "运行中",
        "runnable" => "可运行",
        "chan send" => "channel 发送",
        "chan receive" => "channel 接收",
        "select (no cases)" => "空 select",
        "sleep" => "休眠",
        "chan send (nil chan)" => "向 nil channel 发送",
        "chan receive (nil chan)" => "从 nil channel 接收",
        "IO wait" => "等待 I/O",
        "coroutine" => "协程切换",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::GState;

    #[test]
    fn every_plain_state_reads_in_chinese_and_api_names_stay() {
        for g in GState::ALL {
            let (en, zh) = (g.as_str(), state(g.as_str()));
            // What stays is a Go name: a keyword or a dotted API name.
            assert!(
                zh != en || en == "select" || en.starts_with("sync."),
                "{en}"
            );
        }
        assert_eq!(state("chan send"), "channel 发送");
        assert_eq!(state("sync.Mutex.Lock"), "sync.Mutex.Lock");
    }
}
