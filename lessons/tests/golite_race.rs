//! The race detector through golite, one happens-before edge at a time: for every sync
//! primitive, a Go program that races without it and is clean with it. `// W` and `// R` mark
//! the racing write and read. Also: lesson 15, Go's map fatal errors under preemption, random
//! map iteration order, and the report's shape.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{Outcome, RunReport};

fn run(src: &str, race: bool, preempt: Option<u64>, seed: u64) -> RunReport {
    let opts = RunOptions {
        seed,
        race,
        preempt_every: preempt,
        ..RunOptions::default()
    };
    golite::run_source("prog.go", src, &opts)
}

/// The line of the first line containing `marker`.
fn line_of(src: &str, marker: &str) -> u32 {
    src.lines()
        .position(|l| l.contains(marker))
        .map_or(0, |i| i as u32 + 1)
}

/// `(op, line)` of each race: the access, then the previous one.
fn races(src: &str) -> Vec<((String, u32), (String, u32))> {
    let r = run(src, true, None, 1);
    assert_eq!(r.outcome, Outcome::Exit, "{}: {}", r.panic, src);
    r.races
        .iter()
        .map(|x| {
            (
                (x.access.op.clone(), x.access.line),
                (x.previous.op.clone(), x.previous.line),
            )
        })
        .collect()
}

/// `racy` reports exactly the `// W` / `// R` pair (either order), `clean` nothing.
fn edge(racy: &str, clean: &str) {
    let (w, r) = (line_of(racy, "// W"), line_of(racy, "// R"));
    let got = races(racy);
    let want_a = vec![(("read".to_string(), r), ("write".to_string(), w))];
    let want_b = vec![(("write".to_string(), w), ("read".to_string(), r))];
    assert!(got == want_a || got == want_b, "racy: {got:?}\n{racy}");
    assert_eq!(races(clean), vec![], "clean:\n{clean}");
}

const HEAD: &str = "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n\t\"time\"\n)\n\nvar (\n\t_ = context.Background\n\t_ = fmt.Sprint\n\t_ sync.Mutex\n\t_ atomic.Int64\n\t_ = time.Now\n)\n\n";

fn prog(body: &str) -> String {
    format!("{HEAD}func main() {{\n{body}}}\n")
}

#[test]
fn go_statement() {
    edge(
        &prog(
            "\tx := 0\n\tgo func() {\n\t\tx = 1 // W\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\tx = 1\n\tdone := make(chan bool)\n\tgo func() {\n\t\tfmt.Println(x)\n\t\tdone <- true\n\t}()\n\t<-done\n",
        ),
    );
}

#[test]
fn unbuffered_channel() {
    edge(
        &prog(
            "\tx := 0\n\tch := make(chan int)\n\tgo func() {\n\t\tch <- 1\n\t\tx = 1 // W\n\t}()\n\t<-ch\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\tch := make(chan int)\n\tgo func() {\n\t\tx = 1\n\t\tch <- 1\n\t}()\n\t<-ch\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn buffered_channel() {
    edge(
        &prog(
            "\tx := 0\n\tch := make(chan int, 1)\n\tgo func() {\n\t\tch <- 1\n\t\tx = 1 // W\n\t}()\n\t<-ch\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\tch := make(chan int, 1)\n\tgo func() {\n\t\tx = 1\n\t\tch <- 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n\t<-ch\n\tfmt.Println(x)\n",
        ),
    );
}

/// The k-th receive happens before the (k+cap)-th send completes: a capacity-1 channel is a
/// lock, capacity 2 lets both goroutines in.
#[test]
fn buffered_channel_as_semaphore() {
    let sem = |cap: u32| {
        prog(&format!(
            "\tx := 0\n\tsem := make(chan int, {cap})\n\tdone := make(chan bool)\n\tgo func() {{\n\t\tsem <- 1\n\t\tx = 1 // W\n\t\ttime.Sleep(2 * time.Millisecond)\n\t\t<-sem\n\t\tdone <- true\n\t}}()\n\ttime.Sleep(time.Millisecond)\n\tsem <- 1\n\tfmt.Println(x) // R\n\t<-sem\n\t<-done\n"
        ))
    };
    edge(&sem(2), &sem(1));
}

#[test]
fn close() {
    edge(
        &prog(
            "\tx := 0\n\tch := make(chan int)\n\tgo func() {\n\t\tclose(ch)\n\t\tx = 1 // W\n\t}()\n\t<-ch\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\tch := make(chan int)\n\tgo func() {\n\t\tx = 1\n\t\tclose(ch)\n\t}()\n\t<-ch\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn select() {
    edge(
        &prog(
            "\tx := 0\n\ta, b := make(chan int), make(chan int)\n\tgo func() {\n\t\tselect {\n\t\tcase a <- 1:\n\t\tcase b <- 2:\n\t\t}\n\t\tx = 1 // W\n\t}()\n\tselect {\n\tcase <-a:\n\tcase <-b:\n\t}\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\ta, b := make(chan int), make(chan int)\n\tgo func() {\n\t\tx = 1\n\t\tselect {\n\t\tcase a <- 1:\n\t\tcase b <- 2:\n\t\t}\n\t}()\n\tselect {\n\tcase <-a:\n\tcase <-b:\n\t}\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn mutex() {
    let m = |lock: &str, unlock: &str| {
        prog(&format!(
            "\tvar mu sync.Mutex\n\tx := 0\n\tgo func() {{\n\t\tmu.Lock()\n\t\tx = 1 // W\n\t\tmu.Unlock()\n\t}}()\n\ttime.Sleep(time.Millisecond)\n\t{lock}\n\tfmt.Println(x) // R\n\t{unlock}\n"
        ))
    };
    edge(&m("", ""), &m("mu.Lock()", "mu.Unlock()"));
}

#[test]
fn rwmutex() {
    let m = |wlock: &str, wunlock: &str| {
        prog(&format!(
            "\tvar mu sync.RWMutex\n\tx := 0\n\tgo func() {{\n\t\tmu.{wlock}()\n\t\tx = 1 // W\n\t\tmu.{wunlock}()\n\t}}()\n\ttime.Sleep(time.Millisecond)\n\tmu.RLock()\n\tfmt.Println(x) // R\n\tmu.RUnlock()\n"
        ))
    };
    edge(&m("RLock", "RUnlock"), &m("Lock", "Unlock"));
}

#[test]
fn waitgroup() {
    edge(
        &prog(
            "\tvar wg sync.WaitGroup\n\tx := 0\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tx = 1 // W\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n\twg.Wait()\n",
        ),
        &prog(
            "\tvar wg sync.WaitGroup\n\tx := 0\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tx = 1\n\t}()\n\twg.Wait()\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn once() {
    let o = |again: &str| {
        prog(&format!(
            "\tvar once sync.Once\n\tx := 0\n\tgo func() {{\n\t\tonce.Do(func() {{\n\t\t\tx = 1 // W\n\t\t}})\n\t}}()\n\ttime.Sleep(time.Millisecond)\n\t{again}\n\tfmt.Println(x) // R\n"
        ))
    };
    edge(&o(""), &o("once.Do(func() {})"));
}

#[test]
fn cond() {
    let c = |set: &str| {
        prog(&format!(
            "\tvar mu sync.Mutex\n\tcond := sync.NewCond(&mu)\n\tready := false\n\tdone := make(chan bool)\n\tgo func() {{\n\t\tmu.Lock()\n\t\tfor !ready {{ // R\n\t\t\tcond.Wait()\n\t\t}}\n\t\tmu.Unlock()\n\t\tdone <- true\n\t}}()\n\ttime.Sleep(time.Millisecond)\n{set}\n\t<-done\n"
        ))
    };
    edge(
        &c("\tready = true // W\n\tcond.Signal()"),
        &c("\tmu.Lock()\n\tready = true\n\tcond.Signal()\n\tmu.Unlock()"),
    );
}

#[test]
fn atomic() {
    edge(
        &prog(
            "\tready := false\n\tgo func() {\n\t\tready = true // W\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tif ready { // R\n\t\tfmt.Println(\"ready\")\n\t}\n",
        ),
        &prog(
            "\tx := 0\n\tvar ready atomic.Bool\n\tgo func() {\n\t\tx = 1\n\t\tready.Store(true)\n\t}()\n\tfor !ready.Load() {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn context_cancel() {
    edge(
        &prog(
            "\tctx, cancel := context.WithCancel(context.Background())\n\tx := 0\n\tgo func() {\n\t\tcancel()\n\t\tx = 1 // W\n\t}()\n\t<-ctx.Done()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tctx, cancel := context.WithCancel(context.Background())\n\tx := 0\n\tgo func() {\n\t\tx = 1\n\t\tcancel()\n\t}()\n\t<-ctx.Done()\n\tfmt.Println(x)\n",
        ),
    );
}

#[test]
fn timer_after_func() {
    edge(
        &prog(
            "\tx := 0\n\ttime.AfterFunc(time.Millisecond, func() {\n\t\tx = 1 // W\n\t})\n\ttime.Sleep(5 * time.Millisecond)\n\tfmt.Println(x) // R\n",
        ),
        &prog(
            "\tx := 0\n\tx = 1\n\tdone := make(chan bool)\n\ttime.AfterFunc(time.Millisecond, func() {\n\t\tfmt.Println(x)\n\t\tdone <- true\n\t})\n\t<-done\n",
        ),
    );
}

const LESSON_15: &str = "../lessons/catalog/15-racy-counter";

fn lesson15(side: &str, race: bool) -> RunReport {
    let src = std::fs::read_to_string(format!(
        "{}/{LESSON_15}/{side}.go",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("lesson 15");
    run(&src, race, Some(5), 1)
}

/// Lesson 15 (racy counter, `race = true`): bad reports the race on `s.hits++` (line 19),
/// good none.
#[test]
fn lesson_15_bad_races_good_does_not() {
    let bad = lesson15("bad", true);
    assert_eq!(bad.outcome, Outcome::Exit);
    assert!(!bad.races.is_empty());
    for r in &bad.races {
        assert_eq!((r.access.line, r.previous.line), (19, 19), "{}", r.text);
        assert_eq!(r.access.func, "main.(*Stats).record");
        assert!(r.access.goroutine != r.previous.goroutine);
    }
    assert!(
        bad.races
            .iter()
            .any(|r| r.access.op == "read" || r.previous.op == "read")
    );
    let good = lesson15("good", true);
    assert_eq!(good.races, vec![]);
    let lesson = lessons::catalog::all()
        .iter()
        .find(|l| l.number == 15)
        .expect("lesson 15");
    assert!(lesson.race);
}

/// Detection changes nothing the program does: same output, steps and outcome without it.
#[test]
fn race_detection_does_not_change_the_run() {
    for side in ["bad", "good"] {
        let on = lesson15(side, true);
        let off = lesson15(side, false);
        assert_eq!(off.races, vec![]);
        assert_eq!(
            (on.outcome, &on.stdout, on.steps, on.virtual_time_ns),
            (off.outcome, &off.stdout, off.steps, off.virtual_time_ns)
        );
    }
}

#[test]
fn report_has_gos_shape_and_the_pages_data() {
    let src = prog(
        "\tx := 0\n\tgo func() { // G\n\t\tx = 1 // W\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x) // R\n",
    );
    let (g, w, rd) = (
        line_of(&src, "// G"),
        line_of(&src, "// W"),
        line_of(&src, "// R"),
    );
    assert_eq!((g, w, rd), (21, 22, 25));
    let r = run(&src, true, None, 1);
    assert_eq!(r.races.len(), 1);
    let race = &r.races[0];
    assert_eq!(
        race.text,
        "==================\nWARNING: DATA RACE\n\
         Read by main goroutine:\n  main.main()\n      prog.go:25\n\n\
         Previous write by goroutine 2:\n  main.main.func1()\n      prog.go:22\n\n\
         Goroutine 2 (finished) created at:\n  main.main()\n      prog.go:21\n\
         ==================\n"
    );
    let (a, p) = (&race.access, &race.previous);
    assert_eq!((a.goroutine, a.op.as_str(), a.line), (1, "read", rd));
    assert_eq!((p.goroutine, p.op.as_str(), p.line), (2, "write", w));
    let frame = |f: &str, line: u32| lessons::runtime::RaceFrame {
        func: f.to_string(),
        line,
    };
    assert_eq!(p.created_at, vec![frame("main.main", g)]);
    assert_eq!(a.created_at, vec![]);
    assert_eq!(a.stack, vec![frame("main.main", rd)]);
    assert!(p.step < a.step, "{} {}", p.step, a.step);
    let json = serde_json::to_string(&r).expect("json");
    assert!(
        json.contains(r#""races":[{"access":{"goroutine":1,"op":"read","line":25"#),
        "{json}"
    );
    // Without the detector the JSON keeps its old shape (no `races` key).
    let off = serde_json::to_string(&run(&src, false, None, 1)).expect("json");
    assert!(!off.contains("races"), "{off}");
}

/// Go's fatal errors for a map written by two goroutines at once: golite can only be "in the
/// middle of a write" when seeded preemption stops a goroutine right after it wrote.
#[test]
fn concurrent_map_writes_are_fatal_under_preemption() {
    let src = prog(
        "\tm := map[int]int{}\n\tvar wg sync.WaitGroup\n\tfor w := 0; w < 2; w++ {\n\t\twg.Add(1)\n\t\tgo func() {\n\t\t\tdefer wg.Done()\n\t\t\tfor i := 0; i < 1000; i++ {\n\t\t\t\tm[i] = w\n\t\t\t}\n\t\t}()\n\t}\n\twg.Wait()\n\tfmt.Println(len(m))\n",
    );
    let r = run(&src, false, Some(5), 1);
    assert_eq!(
        (r.outcome, r.panic.as_str()),
        (Outcome::Fatal, "concurrent map writes")
    );
    let r = run(&src, false, None, 1);
    assert_eq!((r.outcome, r.stdout.as_str()), (Outcome::Exit, "1000\n"));
    let read = prog(
        "\tm := map[int]int{}\n\tgo func() {\n\t\tfor i := 0; ; i++ {\n\t\t\tm[i%10] = i\n\t\t}\n\t}()\n\tfor i := 0; i < 10000; i++ {\n\t\t_ = m[i%10]\n\t}\n",
    );
    let r = run(&read, false, Some(5), 1);
    assert_eq!(
        (r.outcome, r.panic.as_str()),
        (Outcome::Fatal, "concurrent map read and map write")
    );
}

/// Ranging over a map visits its keys in an order drawn from the seed, as Go's random order;
/// fmt still prints maps sorted.
#[test]
fn map_iteration_order_is_random_per_seed() {
    let src = prog(
        "\tm := map[int]bool{}\n\tfor i := 0; i < 8; i++ {\n\t\tm[i] = true\n\t}\n\tfor k := range m {\n\t\tfmt.Print(k)\n\t}\n\tfmt.Println()\n\tfmt.Println(len(fmt.Sprint(m)))\n",
    );
    let orders: Vec<String> = (1..=6).map(|s| run(&src, false, None, s).stdout).collect();
    assert_eq!(orders[0], run(&src, false, None, 1).stdout);
    let distinct: std::collections::BTreeSet<_> = orders.iter().collect();
    assert!(distinct.len() >= 4, "{orders:?}");
    for o in &orders {
        let mut digits: Vec<char> = o.lines().next().unwrap_or("").chars().collect();
        digits.sort();
        assert_eq!(digits.iter().collect::<String>(), "01234567");
    }
}

/// Each access comes with its whole call stack, as Go prints it (innermost first), and a pair
/// is reported once per pair of stacks.
#[test]
fn reports_carry_the_call_stacks() {
    let src = prog(
        "\tx := 0\n\tdone := make(chan bool)\n\tset := func(v int) {\n\t\tx = v // W\n\t}\n\tgo func() {\n\t\tset(1) // C1\n\t\tdone <- true\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tgo func() {\n\t\tset(2) // C2\n\t\tdone <- true\n\t}()\n\t<-done\n\t<-done\n\tfmt.Println(x)\n",
    );
    let (w, c1, c2) = (
        line_of(&src, "// W"),
        line_of(&src, "// C1"),
        line_of(&src, "// C2"),
    );
    let r = run(&src, true, None, 1);
    assert_eq!(r.races.len(), 1, "{:?}", r.races);
    let stack = |a: &lessons::runtime::RaceAccess| -> Vec<(String, u32)> {
        a.stack.iter().map(|f| (f.func.clone(), f.line)).collect()
    };
    let race = &r.races[0];
    assert_eq!(
        stack(&race.access),
        [
            ("main.main.func1".to_string(), w),
            ("main.main.func3".to_string(), c2)
        ]
    );
    assert_eq!(
        stack(&race.previous),
        [
            ("main.main.func1".to_string(), w),
            ("main.main.func2".to_string(), c1)
        ]
    );
    assert!(
        race.text.contains("  main.main.func1()\n      prog.go:"),
        "{}",
        race.text
    );
}

/// `golite run --race`: Go's text on stderr and exit status 66, as `go run -race`; with
/// `--json`, the races as data and status 0.
#[test]
fn cli_race_flag() {
    let dir = std::env::temp_dir().join(format!("golite-race-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("prog.go");
    let src = prog(
        "\tx := 0\n\tgo func() {\n\t\tx = 1\n\t}()\n\ttime.Sleep(time.Millisecond)\n\tfmt.Println(x)\n",
    );
    std::fs::write(&file, &src).expect("write");
    let golite = env!("CARGO_BIN_EXE_golite");
    let text = std::process::Command::new(golite)
        .args(["run", "--race"])
        .arg(&file)
        .output()
        .expect("golite");
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert_eq!(text.status.code(), Some(66), "{stderr}");
    assert!(
        stderr.starts_with("==================\nWARNING: DATA RACE\nRead by main goroutine:\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("==================\nFound 1 data race(s)\n"),
        "{stderr}"
    );
    assert_eq!(String::from_utf8_lossy(&text.stdout), "1\n");
    let json = std::process::Command::new(golite)
        .args(["run", "--race", "--json"])
        .arg(&file)
        .output()
        .expect("golite");
    assert_eq!(json.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["races"][0]["previous"]["op"], "write");
    assert_eq!(v["races"][0]["access"]["stack"][0]["func"], "main.main");
    let off = std::process::Command::new(golite)
        .arg("run")
        .arg(&file)
        .output()
        .expect("golite");
    assert_eq!(off.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&off.stderr).contains("DATA RACE"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A race on a map shows Go's runtime function over the program's frame, with the file and
/// line Go 1.27 prints (`go run -race -trimpath` on these programs gave exactly these frames;
/// `lessons/src/runtime/race_frames.rs`). A plain `v := m[k]` loses the program's frames, as
/// in Go; the page still marks the program's line (`access.line`).
#[test]
fn a_map_race_shows_gos_runtime_frames() {
    let src = |key: &str, k: &str, racy: &str| {
        format!(
            "package main\n\nimport \"time\"\n\nfunc main() {{\n\tm := map[{key}]int{{}}\n\tvar k {key} = {k}\n\tgo func() {{\n\t\tm[k] = 1\n\t}}()\n\ttime.Sleep(10 * time.Millisecond)\n\t{racy}\n\ttime.Sleep(10 * time.Millisecond)\n}}\n"
        )
    };
    let first = |src: &str| {
        let r = run(src, true, None, 1);
        assert_eq!(r.outcome, Outcome::Exit, "{}", r.panic);
        r.races
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no race in {src}"))
    };
    let r = first(&src("int", "1", "m[k] = 2"));
    assert_eq!(
        r.text,
        "==================\nWARNING: DATA RACE\n\
         Write by main goroutine:\n  runtime.mapassign_fast64()\n      internal/runtime/maps/runtime_fast64.go:182\n  main.main()\n      prog.go:12\n\n\
         Previous write by goroutine 2:\n  runtime.mapassign_fast64()\n      internal/runtime/maps/runtime_fast64.go:182\n  main.main.func1()\n      prog.go:9\n\n\
         Goroutine 2 (finished) created at:\n  main.main()\n      prog.go:8\n\
         ==================\n"
    );
    // The page's marks and the oracle's pairs use the program's frame; the verdict names what
    // both writes assign.
    assert_eq!(
        (r.access.func.as_str(), r.access.line, r.previous.line),
        ("main.main", 12, 9)
    );
    assert_eq!(r.var.as_deref(), Some("m[k]"));
    // (key type, key, the racing line, what the report shows for it)
    let rows = [
        (
            "string",
            "\"a\"",
            "delete(m, k)",
            "Write by main goroutine:\n  runtime.mapdelete_faststr()\n      internal/runtime/maps/runtime_faststr.go:409\n  main.main()\n      prog.go:12\n",
        ),
        (
            "string",
            "\"a\"",
            "v := m[k]; _ = v",
            "Read by main goroutine:\n  runtime.mapaccess2_faststr()\n      internal/runtime/maps/runtime_faststr.go:120\n  runtime.mapaccess1_faststr()\n      internal/runtime/maps/runtime_faststr.go:115\n\nPrevious write by goroutine 2:\n  runtime.mapassign_faststr()\n",
        ),
        (
            "float64",
            "1",
            "v, ok := m[k]; _, _ = v, ok",
            "Read by main goroutine:\n  runtime.mapaccess2()\n      internal/runtime/maps/runtime.go:63\n  main.main()\n      prog.go:12\n\nPrevious write by goroutine 2:\n  runtime.mapassign()\n      internal/runtime/maps/runtime.go:143\n",
        ),
        (
            "int",
            "1",
            "for range m {\n\t}",
            "Read by main goroutine:\n  runtime.mapIterStart()\n      runtime/map.go:156\n  main.main()\n      prog.go:12\n",
        ),
        (
            "int",
            "1",
            "_ = len(m)",
            "Read by main goroutine:\n  main.main()\n      prog.go:12\n\nPrevious write by goroutine 2:\n  runtime.mapassign_fast64()\n",
        ),
    ];
    for (key, k, racy, shows) in rows {
        let r = first(&src(key, k, racy));
        assert!(r.text.contains(shows), "{racy}: {}", r.text);
        // The page marks the program's line, whatever Go's report shows above it.
        assert_eq!(
            (r.access.func.as_str(), r.access.line),
            ("main.main", 12),
            "{racy}"
        );
    }
}
