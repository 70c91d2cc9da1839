//! `goto` and labels. A label records where its statement's code starts and which blocks
//! enclose it; a `goto` emits a jump resolved when the function ends, with Go's checks: the
//! label must exist in the function, must not be inside a block the `goto` is outside of, and a
//! forward jump must not skip a variable declaration of the label's block. A label no
//! `break`, `continue` or `goto` names is Go's "defined and not used" error.

use super::{Compiler, FILE_MARK, R, err};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{Ident, Pos};

/// A function's labels and jumps.
#[derive(Debug, Default)]
pub(crate) struct Gotos {
    /// The blocks open now, outermost first: their ids and first lines.
    open: Vec<(usize, u32)>,
    /// Each block's variable declarations so far (name and position), by block id.
    decls: Vec<Vec<(String, Pos)>>,
    /// Each block's first line, by block id.
    starts: Vec<u32>,
    labels: Vec<Label>,
    jumps: Vec<Jump>,
}

#[derive(Debug)]
struct Label {
    name: String,
    pos: Pos,
    pc: usize,
    /// The blocks enclosing it, outermost first.
    path: Vec<usize>,
    /// Declarations its block had made when it was defined.
    decls: usize,
}

#[derive(Debug)]
struct Jump {
    label: String,
    pos: Pos,
    at: usize,
    path: Vec<usize>,
    /// Declarations each block of `path` had made at the `goto`.
    decls: Vec<usize>,
}

impl Gotos {
    pub(crate) fn enter_block(&mut self, line: u32) {
        let id = self.decls.len();
        self.decls.push(Vec::new());
        self.starts.push(line);
        self.open.push((id, line));
    }

    pub(crate) fn leave_block(&mut self) {
        self.open.pop();
    }

    /// A variable the program declared in the innermost open block.
    pub(crate) fn declared(&mut self, name: &str, pos: Pos) {
        if let Some(&(id, _)) = self.open.last() {
            self.decls[id].push((name.to_string(), pos));
        }
    }

    fn path(&self) -> Vec<usize> {
        self.open.iter().map(|b| b.0).collect()
    }
}

impl<'a> Compiler<'a> {
    /// `label:` before the statement compiled next.
    pub(crate) fn define_label(&mut self, label: &Ident) -> R<()> {
        let pc = self.here();
        let g = &self.f().gotos;
        if let Some(l) = g.labels.iter().find(|l| l.name == label.name) {
            return err(
                label.pos,
                format!(
                    "label {} already defined at ./{FILE_MARK}:{}:{}",
                    label.name, l.pos.line, l.pos.col
                ),
            );
        }
        let path = g.path();
        let decls = g.open.last().map_or(0, |b| g.decls[b.0].len());
        self.f().gotos.labels.push(Label {
            name: label.name.clone(),
            pos: label.pos,
            pc,
            path,
            decls,
        });
        Ok(())
    }

    /// `goto label`: a jump patched by [`Self::resolve_gotos`].
    pub(crate) fn goto(&mut self, label: &Ident) -> R<()> {
        let at = self.emit(Op::Jump(0));
        let g = &self.f().gotos;
        let path = g.path();
        let decls = path.iter().map(|&b| g.decls[b].len()).collect();
        self.f().gotos.jumps.push(Jump {
            label: label.name.clone(),
            pos: label.pos,
            at,
            path,
            decls,
        });
        Ok(())
    }

    /// At the end of a function: patches its jumps, or gives Go's error for the first wrong one,
    /// and refuses a label nothing names.
    pub(crate) fn resolve_gotos(&mut self) -> R<()> {
        let g = std::mem::take(&mut self.f().gotos);
        let in_range_body = self.f().range_func.is_some();
        for j in &g.jumps {
            let Some(l) = g.labels.iter().find(|l| l.name == j.label) else {
                if in_range_body {
                    return err(
                        j.pos,
                        format!(
                            "golite does not support goto {} out of a range-over-func loop body",
                            j.label
                        ),
                    );
                }
                return err(j.pos, format!("label {} not defined", j.label));
            };
            if !j.path.starts_with(&l.path) {
                let block = l.path.last().copied().unwrap_or(0);
                return err(
                    j.pos,
                    format!(
                        "goto {} jumps into block starting at ./{FILE_MARK}:{}",
                        j.label,
                        g.starts.get(block).copied().unwrap_or(l.pos.line)
                    ),
                );
            }
            if l.pc > j.at
                && let Some(&block) = l.path.last()
                && let Some(&since) = j.decls.get(l.path.len() - 1)
                && l.decls > since
                && let Some((name, d)) = g.decls[block].get(since)
            {
                return err(
                    j.pos,
                    format!(
                        "goto {} jumps over declaration of {name} at ./{FILE_MARK}:{}:{}",
                        j.label, d.line, d.col
                    ),
                );
            }
            self.patch(j.at, l.pc);
        }
        for l in &g.labels {
            if !g.jumps.iter().any(|j| j.label == l.name) && !self.label_used(&l.name) {
                return err(l.pos, format!("label {} defined and not used", l.name));
            }
        }
        Ok(())
    }
}
