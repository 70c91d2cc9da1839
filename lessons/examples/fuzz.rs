//! The golite fuzzer (issue 23): structure-aware mutations of the lesson, oracle and hostile
//! programs, run in-process with `golite::run_source` under small limits; a Rust panic is a
//! crash, caught with `catch_unwind` (build with a profile that unwinds: `--profile fast`).
//!
//! `script/fuzz [--seconds N | --minutes N] [--seed N]` runs it. The process is a supervisor
//! that starts itself as a worker (`--worker`), so what unwinding cannot catch (a stack overflow,
//! an abort, memory exhaustion) is also a crash: the worker writes each input to
//! `target/fuzz/current.go` before running it, and the supervisor saves that file when the worker
//! dies, then starts a new worker. Crashes and hangs land in `target/fuzz/crashes/`; the slowest
//! input of the run in `target/fuzz/slowest.go`.
//!
//! Mutations work on tokens and lines, not bytes, so most mutants still parse: integer and
//! string literals swapped for edge values, operators and identifiers swapped, tokens and lines
//! deleted, duplicated or moved, lines spliced from another program, hostile statements inserted.

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lessons::golite::{Limits, RunOptions, run_source};
use lessons::runtime::Outcome;

/// An input that runs this long (wall) is a hang: the worker exits and the supervisor saves it.
/// Generous: on a machine shared with six builds, a 0.3 s run measured 5 s of wall time.
const HANG: Duration = Duration::from_secs(30);
/// The worker's exit code for a hang.
const HANG_EXIT: i32 = 3;
/// The stack the programs run on: the page's wasm stack is 1 MiB.
const STACK: usize = 1 << 20;

/// xorshift64*: small, seeded, the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const EDGE_INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "7",
    "255",
    "256",
    "1000000",
    "65535",
    "65536",
    "1 << 31",
    "1 << 32",
    "1 << 40",
    "1 << 62",
    "1<<63 - 1",
    "-1 << 63",
    "9223372036854775807",
    "0x7fffffff",
    "1e9",
    "1 << 20",
];

const EDGE_STRINGS: &[&str] = &[
    "\"\"",
    "\"\\xff\\xfe\"",
    "\"%v%v%v%v\"",
    "\"%.65536f\"",
    "\"%*d\"",
    "\"%!\"",
    "\"%[5]d\"",
    "\"%-1000000d\"",
    "\"\\u00e9\\U0010ffff\"",
    "`\n\n`",
    "\"%#v %+q %x %T\"",
];

const OPS: &[&str] = &[
    "+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "&^", "&&", "||", "==", "!=", "<", "<=",
    ">", ">=", "<-", "=", ":=", "+=", "...", ".", ",", ";", "(", ")", "[", "]", "{", "}", "!",
];

const KEYWORDS: &[&str] = &[
    "go",
    "defer",
    "for",
    "range",
    "select",
    "switch",
    "case",
    "default",
    "func",
    "return",
    "break",
    "continue",
    "goto",
    "chan",
    "map",
    "struct",
    "interface",
    "type",
    "var",
    "const",
    "nil",
    "true",
    "iota",
    "len",
    "cap",
    "make",
    "new",
    "append",
    "copy",
    "panic",
    "recover",
    "close",
    "any",
    "int",
    "string",
    "byte",
    "error",
    "uint8",
    "float64",
    "complex",
];

const STATEMENTS: &[&str] = &[
    "for {}",
    "for { go func() {}() }",
    "go func() { for {} }()",
    "defer func() { recover() }()",
    "defer func() {}()",
    "panic(nil)",
    "select {}",
    "_ = make([]int, 1<<40)",
    "_ = make([]struct{}, 1<<40)",
    "_ = make(chan int, 1<<40)",
    "var big [1 << 30]byte; _ = big",
    "time.Sleep(1 << 62)",
    "runtime.Gosched()",
    "s := \"x\"; for { s += s }",
    "var m = map[int]int{}; for i := 0; ; i++ { m[i] = i }",
    "fmt.Println(strings.Repeat(\"ab\", 1<<40))",
    "fmt.Printf(\"%.65536f %*d\\n\", 1.0, 1<<40, 1)",
    "var x any; for i := 0; i < 100000; i++ { x = []any{x} }",
    "type T struct{ t T }",
    "type A [2]A",
    "x := 1 << 100",
    "_ = (-1 << 127) / -1",
    "var p *int; *p = 1",
    "var ch chan int; close(ch)",
    "c := make(chan int); close(c); close(c)",
];

/// A token of Go source with the text before it (spaces, comments), so joining gives source back.
#[derive(Clone)]
struct Tok {
    pre: String,
    text: String,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Ident,
    Int,
    Float,
    Str,
    Op,
    Newline,
}

/// Splits Go source into tokens (a lexer good enough for mutation, not golite's).
fn tokenize(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut pre = String::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let kind;
        if c == b'\n' {
            i += 1;
            kind = Kind::Newline;
        } else if c == b' ' || c == b'\t' || c == b'\r' {
            pre.push(c as char);
            i += 1;
            continue;
        } else if src[i..].starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            pre.push_str(&src[start..i]);
            continue;
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            pre.push_str(&src[start..i]);
            continue;
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            kind = Kind::Ident;
        } else if c.is_ascii_digit() {
            let mut float = false;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.' || b[i] == b'_') {
                float |= b[i] == b'.';
                i += 1;
            }
            kind = if float { Kind::Float } else { Kind::Int };
        } else if c == b'"' || c == b'\'' || c == b'`' {
            i += 1;
            while i < b.len() && b[i] != c {
                if b[i] == b'\\' && c != b'`' {
                    i += 1;
                }
                if b[i.min(b.len() - 1)] == b'\n' && c != b'`' {
                    break;
                }
                i += 1;
            }
            i = (i + 1).min(b.len());
            kind = Kind::Str;
        } else {
            let three = ["<<=", ">>=", "&^=", "..."];
            let two = [
                "<<", ">>", "&^", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
                "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            ];
            i += if three.iter().any(|o| src[i..].starts_with(o)) {
                3
            } else if two.iter().any(|o| src[i..].starts_with(o)) {
                2
            } else {
                src[i..].chars().next().map_or(1, char::len_utf8)
            };
            kind = Kind::Op;
        }
        while !src.is_char_boundary(i) {
            i += 1;
        }
        out.push(Tok {
            pre: std::mem::take(&mut pre),
            text: src[start..i].to_string(),
            kind,
        });
    }
    out
}

fn join(toks: &[Tok]) -> String {
    let mut s = String::new();
    for t in toks {
        s.push_str(&t.pre);
        s.push_str(&t.text);
    }
    s
}

/// One structure-aware mutation of `src`; `other` is another seed program to splice from.
fn mutate(rng: &mut Rng, src: &str, other: &str) -> String {
    let mut toks = tokenize(src);
    if toks.is_empty() {
        return src.to_string();
    }
    let of_kind = |toks: &[Tok], k: Kind| -> Vec<usize> {
        (0..toks.len()).filter(|&i| toks[i].kind == k).collect()
    };
    match rng.below(12) {
        0 | 1 => {
            let ints = of_kind(&toks, Kind::Int);
            if !ints.is_empty() {
                let i = *rng.pick(&ints);
                toks[i].text = rng.pick(EDGE_INTS).to_string();
            }
        }
        2 => {
            let strs = of_kind(&toks, Kind::Str);
            if !strs.is_empty() {
                let i = *rng.pick(&strs);
                toks[i].text = rng.pick(EDGE_STRINGS).to_string();
            }
        }
        3 => {
            let ops = of_kind(&toks, Kind::Op);
            if !ops.is_empty() {
                let i = *rng.pick(&ops);
                toks[i].text = rng.pick(OPS).to_string();
            }
        }
        4 => {
            let ids = of_kind(&toks, Kind::Ident);
            if !ids.is_empty() {
                let i = *rng.pick(&ids);
                toks[i].text = if rng.below(3) == 0 {
                    rng.pick(KEYWORDS).to_string()
                } else {
                    toks[*rng.pick(&ids)].text.clone()
                };
            }
        }
        5 => {
            let i = rng.below(toks.len());
            toks.remove(i);
        }
        6 => {
            let i = rng.below(toks.len());
            let n = 1 + rng.below(8).min(toks.len() - i - 1);
            let dup: Vec<Tok> = toks[i..i + n].to_vec();
            let at = rng.below(toks.len());
            toks.splice(at..at, dup);
        }
        7 => {
            // Nest one token in many parentheses or brackets.
            let i = rng.below(toks.len());
            let depth = *rng.pick(&[2usize, 10, 49, 51, 200]);
            let (open, close) = *rng.pick(&[("(", ")"), ("[]int{", "}[0]"), ("-", "")]);
            toks[i].text = format!(
                "{}{}{}",
                open.repeat(depth),
                toks[i].text,
                close.repeat(depth)
            );
        }
        _ => {
            let mut lines: Vec<String> = join(&toks).lines().map(str::to_string).collect();
            let n = lines.len().max(1);
            match rng.below(5) {
                0 if lines.len() > 1 => {
                    lines.remove(rng.below(n));
                }
                1 => {
                    let i = rng.below(n).min(lines.len().saturating_sub(1));
                    let l = lines.get(i).cloned().unwrap_or_default();
                    let times = *rng.pick(&[1usize, 2, 100, 3000]);
                    for _ in 0..times {
                        lines.insert(i, l.clone());
                    }
                }
                2 if lines.len() > 1 => {
                    let (a, b) = (rng.below(n), rng.below(n));
                    lines.swap(a, b);
                }
                3 => {
                    let o: Vec<&str> = other.lines().collect();
                    if !o.is_empty() {
                        let a = rng.below(o.len());
                        let b = (a + 1 + rng.below(12)).min(o.len());
                        let at = rng.below(n);
                        for (k, l) in o[a..b].iter().enumerate() {
                            lines.insert(at + k, l.to_string());
                        }
                    }
                }
                _ => {
                    let at = rng.below(n);
                    lines.insert(at, format!("\t{}", rng.pick(STATEMENTS)));
                }
            }
            let mut s = lines.join("\n");
            s.push('\n');
            return s;
        }
    }
    join(&toks)
}

/// Every seed program: the lessons, the oracle programs and the hostile corpus.
fn seeds(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut dirs = vec![
        root.join("tests/oracle/programs"),
        root.join("tests/hostile/cases"),
    ];
    if let Ok(rd) = std::fs::read_dir(root.join("lessons/catalog")) {
        let mut ls: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        ls.sort();
        dirs.extend(ls.into_iter().filter(|p| p.is_dir()));
    }
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            if f.extension().is_some_and(|e| e == "go")
                && let Ok(s) = std::fs::read_to_string(&f)
            {
                out.push(s);
            }
        }
    }
    out
}

struct Args {
    seconds: u64,
    seed: u64,
    worker: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        seconds: 30,
        seed: 1,
        worker: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(s) = it.next() {
        let mut num = |name: &str| -> Result<u64, String> {
            it.next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("{name} needs a whole number"))
        };
        match s.as_str() {
            "--seconds" => a.seconds = num("--seconds")?,
            "--minutes" => a.seconds = num("--minutes")? * 60,
            "--seed" => a.seed = num("--seed")?,
            "--worker" => a.worker = true,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(a)
}

fn out_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    root.join("target/fuzz")
}

/// Worker statistics, written as one line to stdout at the end for the supervisor.
#[derive(Default)]
struct Stats {
    execs: u64,
    compiled: u64,
    crashes: u64,
    slowest_ms: f64,
    largest_heap: u64,
    outcomes: [u64; 6],
}

fn worker(args: &Args) -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let seeds = seeds(&root);
    if seeds.is_empty() {
        eprintln!("fuzz: no seed programs found under {}", root.display());
        return ExitCode::from(2);
    }
    let dir = out_dir();
    let _ = std::fs::create_dir_all(dir.join("crashes"));
    let started_at = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    let watch = started_at.clone();
    let current = dir.join("current.go");
    // The watchdog: an input running longer than HANG ends the worker as a hang.
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let s = watch.load(Ordering::Relaxed);
            if s != 0 && epoch.elapsed().as_millis() as u64 > s + HANG.as_millis() as u64 {
                eprintln!("fuzz: hang (over {} s)", HANG.as_secs());
                std::process::exit(HANG_EXIT);
            }
        }
    });
    // Panics are crashes reported by the loop, not printed by the default hook.
    std::panic::set_hook(Box::new(|_| {}));
    let deadline = Duration::from_secs(args.seconds);
    let seed = args.seed;
    let stats = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
            let mut st = Stats::default();
            let limits = Limits {
                steps: 2_000_000,
                heap_bytes: 64 << 20,
                ..Limits::default()
            };
            let opts = RunOptions {
                seed: 1,
                limits,
                ..RunOptions::default()
            };
            while epoch.elapsed() < deadline {
                let base = rng.pick(&seeds).clone();
                let other = rng.pick(&seeds).clone();
                let mut src = base;
                for _ in 0..1 + rng.below(4) {
                    src = mutate(&mut rng, &src, &other);
                }
                let _ = std::fs::write(&current, &src);
                let t = Instant::now();
                started_at.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
                let r = catch_unwind(AssertUnwindSafe(|| run_source("fuzz.go", &src, &opts)));
                started_at.store(0, Ordering::Relaxed);
                let ms = t.elapsed().as_secs_f64() * 1e3;
                st.execs += 1;
                if st.execs % 64 == 0 {
                    // The supervisor reads the last line, also when this worker dies later.
                    print_stats(&st);
                }
                match r {
                    Ok(rep) => {
                        st.outcomes[rep.outcome as usize] += 1;
                        if rep.outcome != Outcome::CompileError {
                            st.compiled += 1;
                        }
                        if ms > st.slowest_ms {
                            st.slowest_ms = ms;
                            let _ = std::fs::write(out_dir().join("slowest.go"), &src);
                        }
                        if rep.peak_heap_bytes > st.largest_heap {
                            st.largest_heap = rep.peak_heap_bytes;
                            let _ = std::fs::write(out_dir().join("largest.go"), &src);
                        }
                    }
                    Err(_) => {
                        st.crashes += 1;
                        let name = format!("panic-{seed}-{}.go", st.execs);
                        let _ = std::fs::write(out_dir().join("crashes").join(&name), &src);
                        eprintln!("fuzz: crash (Rust panic): target/fuzz/crashes/{name}");
                    }
                }
            }
            st
        });
    let st = match stats.map(|h| h.join()) {
        Ok(Ok(st)) => st,
        _ => {
            eprintln!("fuzz: the worker thread died");
            return ExitCode::from(2);
        }
    };
    let _ = std::fs::remove_file(dir.join("current.go"));
    print_stats(&st);
    ExitCode::SUCCESS
}

/// One line of counts, the worker's only stdout.
fn print_stats(st: &Stats) {
    let o = st.outcomes;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "execs {} compiled {} crashes {} slowest_ms {:.1} largest_heap {} exit {} deadlock {} panic {} fatal {} compile_error {} limit {}",
        st.execs,
        st.compiled,
        st.crashes,
        st.slowest_ms,
        st.largest_heap,
        o[0],
        o[1],
        o[2],
        o[3],
        o[4],
        o[5]
    );
    let _ = out.flush();
}

fn supervise(args: &Args) -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("fuzz: cannot find myself: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = out_dir();
    let _ = std::fs::create_dir_all(dir.join("crashes"));
    let start = Instant::now();
    let total = Duration::from_secs(args.seconds);
    let (mut execs, mut compiled, mut crashes, mut deaths) = (0u64, 0u64, 0u64, 0u64);
    let (mut slowest, mut largest) = (0f64, 0u64);
    let mut outcomes = [0u64; 6];
    let mut seed = args.seed;
    while start.elapsed() < total {
        let left = (total - start.elapsed()).as_secs().max(1);
        let out = Command::new(&exe)
            .args(["--worker", "--seconds", &left.to_string(), "--seed"])
            .arg(seed.to_string())
            .output();
        let out = match out {
            Ok(o) => o,
            Err(e) => {
                eprintln!("fuzz: cannot start a worker: {e}");
                return ExitCode::from(2);
            }
        };
        let _ = std::io::stderr().write_all(&out.stderr);
        let text = String::from_utf8_lossy(&out.stdout);
        let nums: Vec<f64> = text
            .lines()
            .last()
            .unwrap_or("")
            .split_whitespace()
            .skip(1)
            .step_by(2)
            .filter_map(|v| v.parse().ok())
            .collect();
        if nums.len() == 11 {
            execs += nums[0] as u64;
            compiled += nums[1] as u64;
            crashes += nums[2] as u64;
            slowest = slowest.max(nums[3]);
            largest = largest.max(nums[4] as u64);
            for (k, o) in outcomes.iter_mut().enumerate() {
                *o += nums[5 + k] as u64;
            }
        }
        if !out.status.success() {
            // The worker died (stack overflow, abort, hang): its last input is the crash.
            deaths += 1;
            let kind = if out.status.code() == Some(HANG_EXIT) {
                "hang"
            } else {
                "abort"
            };
            let name = format!("{kind}-{seed}-{deaths}.go");
            let _ = std::fs::rename(dir.join("current.go"), dir.join("crashes").join(&name));
            eprintln!(
                "fuzz: worker died ({}): target/fuzz/crashes/{name}",
                out.status
            );
        }
        seed = seed.wrapping_add(1_000_003);
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz: {execs} executions in {secs:.0}s ({:.0}/min), {compiled} compiled and ran (exit {}, deadlock {}, panic {}, fatal {}, limit {}); {crashes} Rust panics, {deaths} worker deaths (aborts or hangs); slowest {slowest:.0} ms (target/fuzz/slowest.go), largest modeled heap {largest} bytes",
        execs as f64 * 60.0 / secs.max(1e-9),
        outcomes[0],
        outcomes[1],
        outcomes[2],
        outcomes[3],
        outcomes[5]
    );
    if crashes + deaths > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz: {e}\nusage: fuzz [--seconds N | --minutes N] [--seed N]");
            return ExitCode::from(2);
        }
    };
    if args.worker {
        worker(&args)
    } else {
        supervise(&args)
    }
}
