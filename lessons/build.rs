//! Compiles the lesson folders in: scans `catalog/NN-slug/` and writes an `include_str!` table, so
//! adding a lesson is adding a folder, with no Rust edit.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("catalog");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().join("lesson.toml").is_file())
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    let mut out = String::from("&[\n");
    for dir in &dirs {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = |f: &str| -> String {
            let p = dir.join(f);
            if p.is_file() {
                format!("Some(include_str!({:?}))", p.display().to_string())
            } else {
                "None".into()
            }
        };
        let _ = writeln!(
            out,
            "    RawLesson {{ dir: {name:?}, toml: {}, bad_go: {}, good_go: {}, explain_en: {}, explain_zh: {} }},",
            file("lesson.toml"),
            file("bad.go"),
            file("good.go"),
            file("explain.en.md"),
            file("explain.zh.md"),
        );
    }
    out.push(']');
    // A build script that cannot write its output must stop the build, not ship an empty catalog.
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(Path::new(&out_dir).join("catalog_files.rs"), out)
        .expect("writing the generated lesson table");
}
