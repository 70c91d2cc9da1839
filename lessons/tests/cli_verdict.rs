//! `golite run F.go --json`: the report carries its measures, and a lesson's side its verdict,
//! as the page computes them (the browser tests compare the two).

use std::path::Path;
use std::process::Command;

fn run_json(file: &Path, extra: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_golite"))
        .arg("run")
        .arg(file)
        .args(extra)
        .arg("--json")
        .output()
        .unwrap_or_else(|e| panic!("cannot run golite: {e}"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.starts_with("{\"outcome\":"),
        "report fields keep their order: {text}"
    );
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn lesson_file(dir: &str, file: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("catalog")
        .join(dir)
        .join(file)
}

#[test]
fn a_lessons_bad_side_reports_its_measures_and_verdict() {
    let j = run_json(&lesson_file("24-read-all-vs-stream", "bad.go"), &[]);
    assert_eq!(j["measures"]["heap_peak_bytes"], 3_049_072);
    assert_eq!(j["verdict"]["lesson"], "read-all-vs-stream");
    assert_eq!(j["verdict"]["side"], "bad");
    assert_eq!(j["verdict"]["tone"], "bad");
    assert_eq!(j["verdict"]["en"], "peak heap 2.9 MiB: 5.9x the fix");
    assert_eq!(j["verdict"]["zh"], "堆峰值 2.9 MiB：是修复版的 5.9 倍");
    assert_eq!(j["verdict"]["figures"][0]["fix"], 510_032);
}

#[test]
fn the_good_side_is_judged_with_the_same_parameters() {
    let j = run_json(
        &lesson_file("17-global-lock-slow-work", "good.go"),
        &["--set", "requests=1"],
    );
    assert_eq!(j["verdict"]["tone"], "ok");
    assert_eq!(
        j["verdict"]["en"],
        "0 s queued on mutexes in total; p99 goroutine lifetime 50 ms"
    );
}

#[test]
fn a_file_outside_the_catalog_has_no_verdict() {
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/oracle/programs/leak_forgotten_sender.go");
    let j = run_json(&f, &[]);
    assert!(j.get("verdict").is_none());
    assert!(j["measures"]["goroutines_started"].as_u64() > Some(1));
}
