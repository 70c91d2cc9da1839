//! Goroutine stacks for dumps: what each live goroutine is doing, where, and who started it.
//!
//! The runtime knows goroutines, states and parents; the interpreter knows frames
//! ([`super::Task::stack`], [`super::Task::created_by`]). Frames are plain strings and lines here:
//! the text Go's tools print from them is `crate::gotools`'s business.

use serde::{Deserialize, Serialize};

use super::Value;
use super::ids::Gid;
use super::library_frames::wait_frames;
use super::reach::{LeakVerdict, Reachability};
use super::scheduler::Runtime;

/// One frame: a function as Go names it (`main.handle.func1`) and the line it is at.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StackFrame {
    pub func: String,
    pub line: u32,
    /// For a frame in Go's library, its file as `-trimpath` prints it (`sync/waitgroup.go`),
    /// and `line` is Go's ([`super::library_frames`]); `None` for the program's own file,
    /// which the dump's reader names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl StackFrame {
    /// A frame in the program's own file.
    pub fn program(func: impl Into<String>, line: u32) -> StackFrame {
        StackFrame {
            func: func.into(),
            line,
            file: None,
        }
    }

    /// A frame in Go's library, at Go's file and line.
    pub fn library(func: &str, file: &str, line: u32) -> StackFrame {
        StackFrame {
            func: func.to_string(),
            line,
            file: Some(file.to_string()),
        }
    }
}

/// Where a goroutine was started: `created by FUNC in goroutine GOROUTINE` at `line`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CreatedBy {
    pub func: String,
    pub line: u32,
    pub goroutine: u32,
    /// The file of a `go` statement in Go's library (`net/http/server.go`), as `-trimpath`
    /// prints it: a goroutine the library starts was created there, not in the program,
    /// whose file (`None`) the dump's reader names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// One live goroutine as a dump shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoroutineStack {
    pub gid: u32,
    /// Go's words: `chan send`, `select`, `sync.WaitGroup.Wait`, `running`...
    pub state: String,
    /// For a parked goroutine, what reachability says (when it was asked); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leak: Option<LeakVerdict>,
    /// Innermost first.
    pub frames: Vec<StackFrame>,
    /// `None` for main.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_by: Option<CreatedBy>,
}

impl<V: Value> Runtime<V> {
    /// Every live goroutine in id order, with its stack, its creator and, given a walk's
    /// result, its leak verdict. A goroutine whose task gives no frames (a runtime test's task)
    /// gets one frame at its current line with an empty function name.
    pub fn goroutine_stacks(&self, reach: Option<&Reachability>) -> Vec<GoroutineStack> {
        self.gs
            .iter()
            .enumerate()
            .filter(|(_, g)| g.alive)
            .map(|(i, g)| {
                let gid = Gid(i as u32);
                let mut frames = g
                    .task
                    .as_ref()
                    .map(|t| t.stack(g.state))
                    .unwrap_or_default();
                if frames.is_empty() {
                    frames.push(StackFrame::program("", g.line));
                }
                // Above the goroutine's own code, the library frames Go shows for its wait.
                let wait = wait_frames(g.state, g.on);
                frames.splice(
                    0..0,
                    wait.iter()
                        .map(|(f, file, line)| StackFrame::library(f, file, *line)),
                );
                let created_by = g
                    .task
                    .as_ref()
                    .and_then(|t| t.created_by())
                    .map(|c| CreatedBy {
                        goroutine: g.parent.0,
                        ..c
                    });
                GoroutineStack {
                    gid: gid.0,
                    state: g.state.as_str().to_string(),
                    leak: reach.and_then(|r| r.verdict(gid)),
                    frames,
                    created_by,
                }
            })
            .collect()
    }
}
