//! golite: lexer, parser and interpreter for the Go subset the lessons use.

pub(crate) mod code;
pub(crate) mod compile;
pub(crate) mod fmt;
mod race_names;
pub(crate) mod std;
pub mod syntax;
pub(crate) mod types;
pub(crate) mod vm;

pub use syntax::highlight;

pub use fmt::duration::duration_string;
pub use syntax::error::{Error, Error as CompileError};
pub use vm::Limits;
pub use vm::value::Value;

pub use crate::runtime::GoVersion;
use crate::runtime::{self, Config, Outcome, RunReport, Runtime};
use ::std::collections::HashMap;
use ::std::rc::Rc;

/// How to run a program: the seed, parameter overrides (`--set NAME=VALUE`), limits,
/// preemption and the race detector.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub seed: u64,
    pub params: Vec<(String, String)>,
    pub limits: Limits,
    /// Mean interpreter steps between seeded preemption points (a lesson's `preempt_every`):
    /// the running goroutine yields there, as a goroutine on another core would interleave, so
    /// `x++` (load, add, store) can lose updates. `None`: goroutines yield only when they block
    /// or their slice of steps ends.
    pub preempt_every: Option<u64>,
    /// Runs Go's race detector (`go run -race`, `docs/ARCHITECTURE.md` § Race detector): data
    /// races are listed in `RunReport::races` and the program goes on. Off, it costs one branch
    /// per memory access and call.
    pub race: bool,
    /// The run will follow an explicit schedule (`runtime::Runtime::set_chooser`, set by the
    /// caller after [`start`]): every instruction is counted as it runs, so a decision can
    /// fall at any new line.
    pub decide: bool,
    /// Whose semantics where Go changed them: loop variables (1.22) and timers (1.23).
    /// [`run_source`] compiles with it; a program compiled apart must use the same one
    /// ([`compile_for`]).
    pub go: GoVersion,
    /// Virtual time bytes take to reach the other end of a connection on the virtual network
    /// (`runtime/network.rs`); 0: at once.
    pub net_latency_ns: i64,
    /// The links (round-trip time, bandwidth) of the listeners the program makes, in order: a
    /// lesson's `[[listener]]` tables (`runtime/network_link.rs`).
    pub net_links: Vec<runtime::Link>,
}

/// A compiled program, cheap to clone and to start many times.
#[derive(Clone)]
pub struct Program {
    inner: Rc<code::Program>,
    /// The one thing each line assigns, for naming a data race (`race_names.rs`).
    race_names: Rc<HashMap<u32, Rc<str>>>,
}

impl runtime::Value for Value {
    fn time(now_ns: i64) -> Self {
        self::std::time_value(now_ns)
    }
    fn unit() -> Self {
        Value::agg(Vec::new())
    }
    fn trace(&self, m: &mut runtime::Marker) {
        vm::reach::trace_values([self.clone()], m);
    }
}

/// Compiles `src` for Go 1.27; `params` override lesson parameters (validated: known name,
/// integer, in range).
pub fn compile(file_name: &str, src: &str, params: &[(String, String)]) -> Result<Program, Error> {
    compile_for(file_name, src, params, GoVersion::default())
}

/// [`compile`] with the loop variable rule of `go`.
pub fn compile_for(
    file_name: &str,
    src: &str,
    params: &[(String, String)],
    go: GoVersion,
) -> Result<Program, Error> {
    let _ = file_name;
    let mut overrides = HashMap::new();
    if !params.is_empty() {
        let declared = syntax::params::parse_params(src).map_err(|e| Error {
            line: e.line,
            col: 1,
            msg: e.message,
        })?;
        for (name, value) in params {
            let Some(p) = declared.iter().find(|p| &p.name == name) else {
                let known: Vec<&str> = declared.iter().map(|p| p.name.as_str()).collect();
                return Err(Error {
                    line: 0,
                    col: 0,
                    msg: if known.is_empty() {
                        format!("no parameter named {name} (this program has no parameters)")
                    } else {
                        format!(
                            "no parameter named {name} (parameters: {})",
                            known.join(", ")
                        )
                    },
                });
            };
            let v = p.validate(value).map_err(|e| Error {
                line: 0,
                col: 0,
                msg: e.message,
            })?;
            overrides.insert(name.clone(), v);
        }
    }
    let file = syntax::parser::parse_file(src)?;
    let prog = compile::compile_file(&file, overrides, &self::std::LIBRARY, go)?;
    Ok(Program {
        inner: Rc::new(prog),
        race_names: Rc::new(race_names::WriteTargets::of(&file).by_line()),
    })
}

/// Starts a run of `program`: main is ready, drive it with `run_slice`. Every event is recorded
/// for [`Runtime::take_events`], up to `opts.limits.events`.
pub fn start(program: &Program, opts: &RunOptions) -> Runtime<Value> {
    start_recording(program, opts, true)
}

/// Starts a run that records no events, to be driven with `run_slice` and read with `report`:
/// what [`run_source`] does in one go, for callers that spread a run over many slices (the
/// page's fix-it grading, `catalog::challenge`, and the schedule search, `crate::explore`).
pub fn start_unrecorded(program: &Program, opts: &RunOptions) -> Runtime<Value> {
    start_recording(program, opts, false)
}

/// Drops a run that is not the last one started, and frees the values queued as they were
/// dropped, so they do not reach the ledger of a run still going on the same thread.
pub fn discard(rt: Runtime<Value>) {
    drop(rt);
    vm::value::heap::clear();
}

fn start_recording(program: &Program, opts: &RunOptions, record_events: bool) -> Runtime<Value> {
    vm::value::heap::clear();
    std::reset();
    let prog = program.inner.clone();
    let cfg = Config {
        seed: opts.seed,
        max_steps: opts.limits.steps,
        max_goroutines: opts.limits.goroutines,
        max_heap_bytes: opts.limits.heap_bytes,
        max_events: opts.limits.events,
        record_events,
        preempt_every: opts.preempt_every,
        ..Config::default()
    };
    let mut rt = Runtime::new(cfg);
    rt.set_go_version(opts.go);
    rt.set_net_latency(opts.net_latency_ns);
    rt.set_net_links(&opts.net_links);
    let wk = &prog.wk;
    let sentinels = vec![
        Value::Iface(Rc::new((
            wk.error_string_ptr,
            Value::agg(vec![Value::str("context canceled")]),
        ))),
        Value::Iface(Rc::new((wk.std.ctx_deadline_error, Value::agg(Vec::new())))),
    ];
    let globals = (0..prog.nglobals)
        .map(|_| Rc::new(::std::cell::RefCell::new(Value::Nil)))
        .collect();
    let sh = Rc::new(vm::Shared {
        prog: prog.clone(),
        natives: &self::std::NATIVES,
        consts: prog.consts.iter().map(Value::from_const).collect(),
        globals,
        limits: opts.limits.clone(),
        empty: Rc::from(""),
        sentinels,
        timeout_causes: Default::default(),
        ctx_names: Default::default(),
        // A preemption point can fall between any two instructions only if each one is counted
        // as it runs; otherwise steps are counted in batches (faster).
        step_batch: if opts.preempt_every.is_some() || opts.decide {
            1
        } else {
            vm::STEP_BATCH
        },
        race: opts.race,
        race_pins: Default::default(),
        race_library: if opts.race {
            prog.funcs
                .iter()
                .map(|f| {
                    use crate::runtime::race_frames::{library_frame, library_gowrap};
                    let frame = f.prelude.then(|| library_frame(&f.name)).flatten();
                    let gowrap = f.prelude.then(|| library_gowrap(&f.name)).flatten();
                    (frame.is_some() || gowrap.is_some())
                        .then_some(vm::LibraryFrame { frame, gowrap })
                })
                .collect()
        } else {
            Vec::new()
        },
        map_iters: Default::default(),
    });
    if opts.race {
        let mut names: Vec<Rc<str>> = prog
            .funcs
            .iter()
            .map(|f| Rc::from(f.name.as_str()))
            .collect();
        // Then the `gowrapN` and `deferwrapN` wrappers, numbered across the program
        // (`code::GoWrap::id`).
        let base = names.len();
        for f in prog.funcs.iter() {
            for w in &f.go_wraps {
                let i = base + w.id as usize;
                if names.len() <= i {
                    names.resize(i + 1, Rc::from("main.?"));
                }
                let kind = if w.defer { "deferwrap" } else { "gowrap" };
                names[i] = Rc::from(format!("{}.{kind}{}", f.name, w.n).as_str());
            }
        }
        rt.enable_race(Rc::from(names), sh.race_pins.stacks.clone(), "prog.go");
        rt.name_race_lines((*program.race_names).clone());
    }
    let task = vm::GoTask::new_func(sh, prog.entry, Vec::new());
    rt.spawn_main(Box::new(task), prog.main_line);
    rt
}

/// Compiles and runs `src` to the end; a compile error is an outcome, not an `Err`.
pub fn run_source(file_name: &str, src: &str, opts: &RunOptions) -> RunReport {
    match compile_for(file_name, src, &opts.params, opts.go) {
        Err(e) => compile_error_report(file_name, &e),
        Ok(p) => {
            // Nobody reads the events here: none are recorded, so memory stays flat and the
            // event limit (a bound on what a replay keeps) does not apply.
            let mut rt = start_recording(&p, opts, false);
            while rt.run_slice(200_000) == runtime::Progress::Running {}
            rt.report()
        }
    }
}

/// [`run_source`] for a process that exits next (the CLI): the finished run's heap is left to
/// the operating system, which takes it back at once, where dropping it object by object costs
/// up to a second for a program that built millions of them (`tests/hostile`'s
/// `linked_list_endless`).
pub fn run_source_then_exit(file_name: &str, src: &str, opts: &RunOptions) -> RunReport {
    match compile_for(file_name, src, &opts.params, opts.go) {
        Err(e) => compile_error_report(file_name, &e),
        Ok(p) => {
            let mut rt = start_recording(&p, opts, false);
            while rt.run_slice(200_000) == runtime::Progress::Running {}
            let report = rt.report();
            ::std::mem::forget(rt);
            report
        }
    }
}

/// The report of a program that did not compile.
pub fn compile_error_report(file_name: &str, e: &Error) -> RunReport {
    let msg = if e.line == 0 {
        e.msg.clone()
    } else {
        format!("{file_name}:{}:{}: {}", e.line, e.col, e.msg)
            .replace(compile::FILE_MARK, file_name)
    };
    RunReport {
        outcome: Outcome::CompileError,
        panic: msg,
        stdout: String::new(),
        output_bytes: 0,
        output_lines: 0,
        output_truncated: false,
        stderr: String::new(),
        stderr_bytes: 0,
        stderr_truncated: false,
        virtual_time_ns: 0,
        leaked: Vec::new(),
        steps: 0,
        peak_goroutines: 0,
        peak_heap_bytes: 0,
        races: Vec::new(),
        exit_code: None,
        measures: Default::default(),
        leaked_certain: Vec::new(),
        goroutines: Vec::new(),
    }
}
