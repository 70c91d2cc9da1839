//! A hand-written recursive-descent parser for the golite subset of Go.
//!
//! It follows the structure of Go's own compiler front end (`cmd/compile/internal/syntax`) so that
//! error messages read the same (`syntax error: unexpected newline, expected { after if clause`),
//! including the composite-literal-versus-block rule in `if`/`for`/`switch` headers (`expr_lev`
//! is Go's `xnest`). Constructs outside the subset (complex numbers, cgo) are rejected by
//! name. The parser stops at the first error and never panics; nesting
//! is capped so hostile input cannot overflow the stack.

use super::ast::*;
use super::error::Error;
use super::lexer::lex;
use super::token::{LitValue, TokKind, Token};

/// Parses one Go source file.
pub fn parse_file(src: &str) -> Result<File, Error> {
    parse_file_numbered(src, 0)
}

/// Parses one Go source file whose expression ids start at `first_id`: the library's Go source
/// is parsed apart and compiled with the program, whose ids it must not reuse.
pub fn parse_file_numbered(src: &str, first_id: u32) -> Result<File, Error> {
    let mut toks = Vec::new();
    let mut comments = Vec::new();
    let mut poisoned = false;
    for mut t in lex(src) {
        if poisoned {
            continue;
        }
        if t.error.is_some() {
            // The first lexical error ends the stream: no production accepts an Invalid token, so
            // the parser reports it when (and only if) it gets that far.
            t.kind = TokKind::Invalid;
            toks.push(t);
            poisoned = true;
            continue;
        }
        if t.kind == TokKind::Comment {
            comments.push(t);
        } else {
            toks.push(t);
        }
    }
    if poisoned {
        let pos = toks.last().map(|t| t.pos).unwrap_or_default();
        toks.push(Token {
            kind: TokKind::Eof,
            text: "",
            pos,
            start: src.len(),
            end: src.len(),
            value: LitValue::None,
            error: None,
            error_at: src.len(),
            own_line: false,
        });
    }
    let mut p = Parser {
        toks,
        comments,
        p: 0,
        expr_lev: 0,
        depth: 0,
        chain: 0,
        next_id: first_id,
        pending_guards: Vec::new(),
        deferred: None,
        src,
    };
    let file = p.file()?;
    if let Some((_, pos)) = p.pending_guards.first() {
        p.defer_err(*pos, "use of .(type) outside type switch");
    }
    match p.deferred {
        Some(e) => Err(e),
        None => Ok(file),
    }
}

/// Deepest nesting accepted (statements, unary/parenthesised expressions, types, literal
/// elements and else-if chains each count one level). Lesson code stays far below; the cap keeps
/// recursion within 1 MiB of stack even in unoptimised builds (measured by
/// `tests/golite_parse.rs`), and wasm's default stack is 1 MiB.
const MAX_DEPTH: u32 = 50;

/// Links of operator and suffix chains on one path of an expression tree (see
/// `Parser::chain`): the compiler recurses once per link, so this bounds its stack too (800
/// links overflowed 1 MiB of stack natively, opt-level 3; the page has 1 MiB).
const MAX_CHAIN: u32 = 400;

type PResult<T> = Result<T, Error>;

/// The 1-based line and byte column of a byte offset.
fn pos_of_offset(src: &str, off: usize) -> Pos {
    let before = src.get(..off).unwrap_or(src);
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos::new(line, (before.len() - line_start + 1) as u32)
}

fn err_at(pos: Pos, msg: impl Into<String>) -> Error {
    Error {
        line: pos.line,
        col: pos.col,
        msg: msg.into(),
    }
}

/// Go's name for a token in "expected X" messages.
fn tokstring(t: &str) -> &str {
    match t {
        "," => "comma",
        ";" => "semicolon or newline",
        _ => t,
    }
}

/// A parameter entry before names and types are distributed (Go's grammar decides only at the
/// end of the list whether `(a, b int)` has names).
struct ParamEntry {
    pos: Pos,
    name: Option<Ident>,
    typ: Option<TypeExpr>,
    variadic: bool,
}

/// A parsed `if`/`switch` header: the init statement, and the condition statement with the byte
/// offset where it starts (kept as a statement until we know whether it is a type switch guard).
type Header = (Option<Box<Stmt>>, Option<(Box<Stmt>, usize)>);

/// The statement forms a `for` header may hold before the body (short-lived, so size is moot).
#[allow(clippy::large_enum_variant)]
enum ForHeader {
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
    },
    Clauses {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
    },
}

struct Parser<'a> {
    toks: Vec<Token<'a>>,
    comments: Vec<Token<'a>>,
    p: usize,
    /// Go's `xnest`: < 0 in control clause headers, where `T {` starts a block, not a literal.
    expr_lev: i32,
    depth: u32,
    /// Operators and suffixes chained on the path being parsed (`a + b + c`, `f()()`, `x.a.b`):
    /// they nest the tree without nesting the source, so they have their own cap.
    chain: u32,
    next_id: u32,
    /// `x.(type)` expressions not (yet) claimed by a type switch header.
    pending_guards: Vec<(ExprId, Pos)>,
    /// The earliest error Go reports only after parsing succeeds (in its type checker), such as
    /// `expression in go must be function call`: a later syntax error takes precedence.
    deferred: Option<Error>,
    src: &'a str,
}

impl<'a> Parser<'a> {
    // ---- token plumbing -------------------------------------------------------------------

    fn tok(&self) -> &Token<'a> {
        let i = self.p.min(self.toks.len().saturating_sub(1));
        &self.toks[i]
    }

    fn peek_tok(&self, k: usize) -> &Token<'a> {
        let i = (self.p + k).min(self.toks.len().saturating_sub(1));
        &self.toks[i]
    }

    fn pos(&self) -> Pos {
        self.tok().pos
    }

    fn next(&mut self) {
        if self.p + 1 < self.toks.len() {
            self.p += 1;
        }
    }

    fn is_op(&self, op: &str) -> bool {
        self.tok().is_op(op)
    }

    fn is_kw(&self, kw: &str) -> bool {
        self.tok().is_keyword(kw)
    }

    fn is_semi(&self) -> bool {
        self.tok().kind == TokKind::Semi
    }

    fn is_eof(&self) -> bool {
        self.tok().kind == TokKind::Eof
    }

    fn got_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.next();
            true
        } else {
            false
        }
    }

    fn got_semi(&mut self) -> bool {
        if self.is_semi() {
            self.next();
            true
        } else {
            false
        }
    }

    /// Go's `syntaxErrorAt`: messages starting with `in `/`at `/`after `/`expected ` name the
    /// current token as unexpected; others are printed as they are.
    fn syntax_error(&self, msg: &str) -> Error {
        let t = self.tok();
        if let Some(e) = &t.error {
            return err_at(pos_of_offset(self.src, t.error_at), e.clone());
        }
        let msg = if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            return err_at(t.pos, format!("syntax error: {msg}"));
        };
        err_at(
            t.pos,
            format!("syntax error: unexpected {}{msg}", t.describe()),
        )
    }

    /// Records an error Go's type checker would report, keeping the earliest.
    fn defer_err(&mut self, pos: Pos, msg: &str) {
        let earlier = self
            .deferred
            .as_ref()
            .is_none_or(|d| (pos.line, pos.col) < (d.line, d.col));
        if earlier {
            self.deferred = Some(err_at(pos, msg));
        }
    }

    /// The keyword `kw` or an error naming it as Go does (`expected keyword chan`).
    fn want_kw(&mut self, kw: &str) -> PResult<()> {
        if self.is_kw(kw) {
            self.next();
            Ok(())
        } else {
            Err(self.syntax_error(&format!("expected keyword {kw}")))
        }
    }

    /// Go's `gotAssign`: `=` (a `:=` here is reported as "expected =").
    fn got_assign(&mut self) -> PResult<bool> {
        if self.is_op(":=") {
            return Err(self.syntax_error("expected ="));
        }
        Ok(self.got_op("="))
    }

    fn want_op(&mut self, op: &str) -> PResult<()> {
        if self.got_op(op) {
            Ok(())
        } else {
            Err(self.syntax_error(&format!("expected {}", tokstring(op))))
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err_at(
                self.pos(),
                format!("program nested too deeply (more than {MAX_DEPTH} levels)"),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn mk(&mut self, pos: Pos, kind: ExprKind) -> Expr {
        let id = ExprId(self.next_id);
        self.next_id += 1;
        Expr { id, pos, kind }
    }

    fn name(&mut self) -> PResult<Ident> {
        if self.tok().kind == TokKind::Ident {
            let id = Ident {
                name: self.tok().text.to_string(),
                pos: self.pos(),
            };
            self.next();
            Ok(id)
        } else {
            Err(self.syntax_error("expected name"))
        }
    }

    /// Source text between two byte offsets, for messages that quote code.
    fn text(&self, start: usize, end: usize) -> String {
        let raw = self.src.get(start..end).unwrap_or("");
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    // ---- comments ---------------------------------------------------------------------------

    fn comment_text(t: &Token<'_>) -> String {
        let s = t.text;
        let body = if let Some(b) = s.strip_prefix("//") {
            b
        } else {
            s.strip_prefix("/*")
                .map(|b| b.strip_suffix("*/").unwrap_or(b))
                .unwrap_or(s)
        };
        body.trim().to_string()
    }

    /// The own-line comments directly above `line`, joined by newlines.
    fn doc_for(&self, line: u32) -> Option<String> {
        let mut want_end = line.saturating_sub(1);
        let idx = self.comments.partition_point(|c| c.pos.line < line);
        let mut parts = Vec::new();
        let mut i = idx;
        while i > 0 {
            let c = &self.comments[i - 1];
            let end_line = c.pos.line + c.text.matches('\n').count() as u32;
            if !c.own_line || end_line != want_end {
                break;
            }
            parts.push(Self::comment_text(c));
            want_end = c.pos.line.saturating_sub(1);
            i -= 1;
        }
        if parts.is_empty() {
            return None;
        }
        parts.reverse();
        Some(parts.join("\n"))
    }

    /// The comment that follows the previous token on its line.
    fn trailing_comment(&self) -> Option<String> {
        let prev = self.toks.get(self.p.checked_sub(1)?)?;
        let line = self.src.get(..prev.end)?.matches('\n').count() as u32 + 1;
        let idx = self.comments.partition_point(|c| c.start < prev.end);
        let c = self.comments.get(idx)?;
        (c.pos.line == line).then(|| Self::comment_text(c))
    }

    // ---- file and declarations ------------------------------------------------------------

    fn file(&mut self) -> PResult<File> {
        if !self.is_kw("package") {
            return Err(self.syntax_error("package statement must be first"));
        }
        self.next();
        let package = self.name()?;
        if !self.got_semi() {
            return Err(self.syntax_error("expected semicolon or newline"));
        }
        let mut imports = Vec::new();
        while self.is_kw("import") {
            self.next();
            if self.got_op("(") {
                while !self.is_op(")") && !self.is_eof() {
                    imports.push(self.import_spec()?);
                    if !self.got_semi() && !self.is_op(")") {
                        return Err(self.syntax_error(
                            "in grouped declaration; possibly missing semicolon or newline or )",
                        ));
                    }
                }
                self.want_op(")")?;
            } else {
                imports.push(self.import_spec()?);
            }
            if !self.is_eof() && !self.got_semi() {
                return Err(self.syntax_error("after top level declaration"));
            }
        }
        let mut decls = Vec::new();
        while !self.is_eof() {
            let t = self.tok();
            let decl = if t.is_keyword("const") || t.is_keyword("var") || t.is_keyword("type") {
                self.gen_decl()?
            } else if t.is_keyword("func") {
                Decl::Func(Box::new(self.func_decl()?))
            } else if t.is_keyword("import") {
                return Err(self.syntax_error("imports must appear before other declarations"));
            } else if t.is_op("{")
                && matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none())
            {
                return Err(self.syntax_error("unexpected semicolon or newline before {"));
            } else {
                return Err(self.syntax_error("non-declaration statement outside function body"));
            };
            decls.push(decl);
            if !self.is_eof() && !self.got_semi() {
                return Err(self.syntax_error("after top level declaration"));
            }
        }
        Ok(File {
            package,
            imports,
            decls,
            expr_count: self.next_id,
        })
    }

    fn import_spec(&mut self) -> PResult<Import> {
        let name = match self.tok().kind {
            TokKind::Ident => Some(self.name()?),
            TokKind::Op if self.is_op(".") => {
                let id = Ident {
                    name: ".".into(),
                    pos: self.pos(),
                };
                self.next();
                Some(id)
            }
            _ => None,
        };
        let t = self.tok();
        let path = match (&t.kind, &t.value) {
            (TokKind::Str, LitValue::Str(s)) => s.clone(),
            (TokKind::Int | TokKind::Float | TokKind::Imag | TokKind::Rune, _) => {
                return Err(err_at(t.pos, "syntax error: import path must be a string"));
            }
            _ => return Err(self.syntax_error("missing import path")),
        };
        let pos = t.pos;
        if path == "C" {
            return Err(err_at(
                pos,
                "cgo (import \"C\") is outside the golite subset",
            ));
        }
        self.next();
        Ok(Import { name, path, pos })
    }

    /// `const`, `var` or `type`, single or grouped.
    fn gen_decl(&mut self) -> PResult<Decl> {
        let kw = self.tok().text;
        let kw_line = self.pos().line;
        self.next();
        let grouped = self.got_op("(");
        let mut consts = Vec::new();
        let mut vars = Vec::new();
        let mut types = Vec::new();
        // For consts: where the last explicit `[type] = values` started, for implicit repetition.
        let mut prev_const: Option<usize> = None;
        let mut iota = 0u32;
        loop {
            if grouped && (self.is_op(")") || self.is_eof()) {
                break;
            }
            let doc = self.doc_for(if grouped { self.pos().line } else { kw_line });
            match kw {
                "const" => {
                    let spec = self.const_spec(&mut prev_const, iota, doc)?;
                    consts.push(spec);
                    iota += 1;
                }
                "var" => vars.push(self.var_spec(doc)?),
                _ => types.push(self.type_spec(doc)?),
            }
            if !grouped {
                break;
            }
            if !self.got_semi() && !self.is_op(")") {
                return Err(self.syntax_error(
                    "in grouped declaration; possibly missing semicolon or newline or )",
                ));
            }
        }
        if grouped {
            self.want_op(")")?;
        }
        Ok(match kw {
            "const" => Decl::Const(consts),
            "var" => Decl::Var(vars),
            _ => Decl::Type(types),
        })
    }

    fn ident_list(&mut self) -> PResult<Vec<Ident>> {
        let mut names = vec![self.name()?];
        while self.got_op(",") {
            names.push(self.name()?);
        }
        Ok(names)
    }

    fn const_spec(
        &mut self,
        prev: &mut Option<usize>,
        iota: u32,
        doc: Option<String>,
    ) -> PResult<ConstSpec> {
        let pos = self.pos();
        let names = self.ident_list()?;
        let start = self.p;
        let (mut typ, mut values) = self.const_type_values()?;
        let mut implicit = false;
        if values.is_empty() {
            match (*prev, &typ) {
                (Some(from), None) => {
                    // Go repeats the previous type and expression list: parse that text again
                    // so the copies get fresh expression ids.
                    let resume = self.p;
                    self.p = from;
                    let r = self.const_type_values();
                    self.p = resume;
                    (typ, values) = r?;
                    implicit = true;
                }
                _ => self.defer_err(pos, "missing init expr for const declaration"),
            }
        } else {
            *prev = Some(start);
        }
        let comment = self.trailing_comment();
        Ok(ConstSpec {
            pos,
            names,
            typ,
            values,
            iota,
            implicit,
            doc,
            comment,
        })
    }

    /// `[Type] [= values]` of a const spec (Go's grammar makes both optional).
    fn const_type_values(&mut self) -> PResult<(Option<TypeExpr>, Vec<Expr>)> {
        let typ = if self.is_semi()
            || self.is_op(")")
            || self.is_eof()
            || self.is_op("=")
            || self.is_op(":=")
        {
            None
        } else {
            self.type_or_nil()?
        };
        let values = if self.got_assign()? {
            self.expr_list()?
        } else {
            Vec::new()
        };
        Ok((typ, values))
    }

    fn var_spec(&mut self, doc: Option<String>) -> PResult<VarSpec> {
        let pos = self.pos();
        let names = self.ident_list()?;
        let mut typ = None;
        let mut values = Vec::new();
        if self.got_assign()? {
            values = self.expr_list()?;
        } else {
            typ = Some(self.type_()?);
            if self.got_assign()? {
                values = self.expr_list()?;
            }
        }
        let comment = self.trailing_comment();
        Ok(VarSpec {
            pos,
            names,
            typ,
            values,
            doc,
            comment,
        })
    }

    fn type_spec(&mut self, doc: Option<String>) -> PResult<TypeSpec> {
        let pos = self.pos();
        let name = self.name()?;
        let tparams = if self.is_op("[") && self.looks_like_type_params() {
            self.type_params()?
        } else {
            Vec::new()
        };
        let alias = self.got_op("=");
        let Some(typ) = self.type_or_nil()? else {
            return Err(self.syntax_error("in type declaration"));
        };
        Ok(TypeSpec {
            pos,
            name,
            tparams,
            alias,
            typ,
            doc,
        })
    }

    /// At `[` after a type name: `[T any]`, `[K comparable, V any]`, `[T ~int]` are type
    /// parameters; `[N]T`, `[N*2]T`, `[]T` are array and slice types.
    fn looks_like_type_params(&self) -> bool {
        let a = self.peek_tok(1);
        let b = self.peek_tok(2);
        a.kind == TokKind::Ident
            && (b.kind == TokKind::Ident
                || b.kind == TokKind::Keyword
                || b.is_op(",")
                || b.is_op("~")
                || b.is_op("["))
    }

    /// `[T any]`, `[K comparable, V any]`, `[T, U any]`, `[S ~[]E, E cmp.Ordered]`,
    /// `[T int | string]`: names, each group followed by its constraint.
    fn type_params(&mut self) -> PResult<Vec<TypeParam>> {
        self.want_op("[")?;
        let mut out = Vec::new();
        let mut pending: Vec<Ident> = Vec::new();
        while !self.is_op("]") && !self.is_eof() {
            pending.push(self.name()?);
            if self.got_op(",") {
                continue;
            }
            let constraint = self.constraint()?;
            for name in pending.drain(..) {
                out.push(TypeParam {
                    name,
                    constraint: constraint.clone(),
                });
            }
            if !self.got_op(",") {
                break;
            }
        }
        if !pending.is_empty() {
            return Err(self.syntax_error("missing type constraint"));
        }
        if out.is_empty() {
            return Err(err_at(self.pos(), "empty type parameter list"));
        }
        self.want_op("]")?;
        Ok(out)
    }

    /// A type parameter's constraint: a type, or a union of terms (an implicit interface).
    fn constraint(&mut self) -> PResult<TypeExpr> {
        let pos = self.pos();
        let terms = self.terms()?;
        if terms.len() == 1 && !terms[0].tilde {
            return Ok(terms.into_iter().next().map(|t| t.typ).unwrap_or(TypeExpr {
                pos,
                kind: TypeKind::Interface(Vec::new()),
            }));
        }
        Ok(TypeExpr {
            pos,
            kind: TypeKind::Interface(vec![InterfaceElem::Union(terms)]),
        })
    }

    /// `~int | ~int64 | float64`.
    fn terms(&mut self) -> PResult<Vec<Term>> {
        let mut terms = Vec::new();
        loop {
            let tilde = self.got_op("~");
            let typ = self.type_()?;
            terms.push(Term { tilde, typ });
            if !self.got_op("|") {
                return Ok(terms);
            }
        }
    }

    fn func_decl(&mut self) -> PResult<FuncDecl> {
        let pos = self.pos();
        let doc = self.doc_for(pos.line);
        self.next(); // func
        let recv = if self.is_op("(") {
            let rpos = self.pos();
            let (entries, variadic) = self.param_list()?;
            match entries.len() {
                0 => return Err(err_at(self.pos(), "method has no receiver")),
                1 => {}
                _ => return Err(err_at(self.pos(), "method has multiple receivers")),
            }
            if variadic {
                self.defer_err(rpos, "invalid receiver: variadic");
            }
            Some(self.receiver(rpos, entries)?)
        } else {
            None
        };
        if self.tok().kind != TokKind::Ident {
            let msg = if recv.is_some() {
                "expected name"
            } else {
                "expected name or ("
            };
            return Err(self.syntax_error(msg));
        }
        let name = self.name()?;
        let tparams = if self.is_op("[") {
            self.type_params()?
        } else {
            Vec::new()
        };
        let sig = self.signature(pos)?;
        let body = if self.is_op("{") {
            let outer = self.expr_lev;
            self.expr_lev = 0;
            let b = self.block()?;
            self.expr_lev = outer;
            Some(b)
        } else {
            None
        };
        Ok(FuncDecl {
            pos,
            recv,
            name,
            tparams,
            sig,
            body,
            doc,
        })
    }

    fn receiver(&mut self, pos: Pos, entries: Vec<Param>) -> PResult<Receiver> {
        let mut it = entries.into_iter();
        let Some(first) = it.next() else {
            self.defer_err(pos, "method has no receiver");
            return Ok(Receiver {
                pos,
                name: None,
                pointer: false,
                type_name: Ident {
                    name: "_".to_string(),
                    pos,
                },
                tparams: Vec::new(),
            });
        };
        if let Some(extra) = it.next() {
            self.defer_err(extra.pos, "method has multiple receivers");
        }
        let (pointer, base) = match first.typ.kind {
            TypeKind::Pointer(inner) => (true, *inner),
            _ => (false, first.typ),
        };
        let mut tparams = Vec::new();
        let type_name = match base.kind {
            TypeKind::Named { pkg: None, name } => name,
            TypeKind::Instance {
                pkg: None,
                name,
                args,
            } => {
                for a in args {
                    match a.kind {
                        TypeKind::Named { pkg: None, name } => tparams.push(name),
                        _ => self.defer_err(a.pos, "receiver type parameter must be an identifier"),
                    }
                }
                name
            }
            _ => {
                // Go's type checker reports this, after the whole file parses.
                self.defer_err(
                    base.pos,
                    "invalid receiver type: golite methods need a named type T or *T",
                );
                Ident {
                    name: "_".to_string(),
                    pos: base.pos,
                }
            }
        };
        Ok(Receiver {
            pos,
            name: first.name,
            pointer,
            type_name,
            tparams,
        })
    }

    // ---- types ----------------------------------------------------------------------------

    fn type_(&mut self) -> PResult<TypeExpr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("expected type")),
        }
    }

    fn type_or_nil(&mut self) -> PResult<Option<TypeExpr>> {
        self.enter()?;
        let r = self.type_or_nil_inner();
        self.leave();
        r
    }

    fn type_or_nil_inner(&mut self) -> PResult<Option<TypeExpr>> {
        let pos = self.pos();
        let t = self.tok();
        let kind = if t.is_op("*") {
            self.next();
            TypeKind::Pointer(Box::new(self.type_()?))
        } else if t.is_op("<-") {
            self.next();
            self.want_kw("chan")?;
            TypeKind::Chan {
                dir: ChanDir::Recv,
                elem: Box::new(self.chan_elem()?),
            }
        } else if t.is_keyword("func") {
            self.next();
            TypeKind::Func(self.signature(pos)?)
        } else if t.is_op("[") {
            self.next();
            if self.got_op("]") {
                TypeKind::Slice(Box::new(self.type_()?))
            } else if self.got_op("...") {
                self.want_op("]")?;
                TypeKind::Array {
                    len: None,
                    elem: Box::new(self.type_()?),
                }
            } else {
                self.expr_lev += 1;
                let len = self.expr();
                self.expr_lev -= 1;
                let len = len?;
                if self.is_op(",") {
                    return Err(err_at(
                        self.pos(),
                        "syntax error: unexpected comma; expected ]",
                    ));
                }
                self.want_op("]")?;
                TypeKind::Array {
                    len: Some(Box::new(len)),
                    elem: Box::new(self.type_()?),
                }
            }
        } else if t.is_keyword("chan") {
            self.next();
            let dir = if self.got_op("<-") {
                ChanDir::Send
            } else {
                ChanDir::Both
            };
            TypeKind::Chan {
                dir,
                elem: Box::new(self.chan_elem()?),
            }
        } else if t.is_keyword("map") {
            self.next();
            self.want_op("[")?;
            let key = self.type_()?;
            self.want_op("]")?;
            TypeKind::Map {
                key: Box::new(key),
                value: Box::new(self.type_()?),
            }
        } else if t.is_keyword("struct") {
            self.struct_type()?
        } else if t.is_keyword("interface") {
            self.interface_type()?
        } else if t.kind == TokKind::Ident {
            self.type_name()?
        } else if t.is_op("(") {
            self.next();
            let inner = self.type_()?;
            self.want_op(")")?;
            return Ok(Some(inner));
        } else {
            return Ok(None);
        };
        Ok(Some(TypeExpr { pos, kind }))
    }

    fn chan_elem(&mut self) -> PResult<TypeExpr> {
        match self.type_or_nil()? {
            Some(t) => Ok(t),
            None => Err(self.syntax_error("missing channel element type")),
        }
    }

    /// `Name` or `pkg.Name`. A `[` right after a type name can only be generic instantiation.
    fn type_name(&mut self) -> PResult<TypeKind> {
        let first = self.name()?;
        let kind = if self.got_op(".") {
            let name = self.name()?;
            TypeKind::Named {
                pkg: Some(first),
                name,
            }
        } else {
            TypeKind::Named {
                pkg: None,
                name: first,
            }
        };
        if self.is_op("[") {
            self.next();
            let mut args = vec![self.type_()?];
            while self.got_op(",") && !self.is_op("]") {
                args.push(self.type_()?);
            }
            self.want_op("]")?;
            if let TypeKind::Named { pkg, name } = kind {
                return Ok(TypeKind::Instance { pkg, name, args });
            }
        }
        Ok(kind)
    }

    fn struct_type(&mut self) -> PResult<TypeKind> {
        self.next(); // struct
        self.want_op("{")?;
        let mut fields = Vec::new();
        while !self.is_op("}") && !self.is_eof() {
            self.field_decl(&mut fields)?;
            if !self.got_semi() && !self.is_op("}") {
                return Err(
                    self.syntax_error("in struct type; possibly missing semicolon or newline or }")
                );
            }
        }
        self.want_op("}")?;
        Ok(TypeKind::Struct(fields))
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>) -> PResult<()> {
        let pos = self.pos();
        if self.tok().kind == TokKind::Ident {
            let next = self.peek_tok(1);
            let embedded = next.is_op(".")
                || next.kind == TokKind::Semi
                || next.is_op("}")
                || next.kind == TokKind::Str
                || (next.is_op("[") && self.embedded_instance());
            if embedded {
                let kind = self.type_name()?;
                let tag = self.tag();
                fields.push(Field {
                    pos,
                    name: None,
                    typ: TypeExpr { pos, kind },
                    tag,
                });
                return Ok(());
            }
            let names = self.ident_list()?;
            let typ = self.type_()?;
            let tag = self.tag();
            for name in names {
                fields.push(Field {
                    pos: name.pos,
                    name: Some(name),
                    typ: typ.clone(),
                    tag: tag.clone(),
                });
            }
            Ok(())
        } else if self.got_op("*") {
            let tpos = self.pos();
            let kind = self.type_name()?;
            let tag = self.tag();
            fields.push(Field {
                pos,
                name: None,
                typ: TypeExpr {
                    pos,
                    kind: TypeKind::Pointer(Box::new(TypeExpr { pos: tpos, kind })),
                },
                tag,
            });
            Ok(())
        } else if self.is_op("(") {
            Err(self.syntax_error("cannot parenthesize embedded type"))
        } else {
            Err(self.syntax_error("expected field name or embedded type"))
        }
    }

    /// At `Name [` in a struct: an embedded generic type `Box[T]` (the `]` ends the field)
    /// rather than a field `Name [N]T`, as Go's parser decides.
    fn embedded_instance(&self) -> bool {
        let mut depth = 0usize;
        let mut k = 1;
        loop {
            let t = self.peek_tok(k);
            if t.kind == TokKind::Eof {
                return false;
            }
            if t.is_op("[") {
                depth += 1;
            } else if t.is_op("]") {
                depth -= 1;
                if depth == 0 {
                    let after = self.peek_tok(k + 1);
                    return after.kind == TokKind::Semi
                        || after.is_op("}")
                        || after.kind == TokKind::Str;
                }
            }
            k += 1;
        }
    }

    fn tag(&mut self) -> Option<String> {
        if let (TokKind::Str, LitValue::Str(s)) = (self.tok().kind, &self.tok().value) {
            let s = s.clone();
            self.next();
            Some(s)
        } else {
            None
        }
    }

    fn interface_type(&mut self) -> PResult<TypeKind> {
        self.next(); // interface
        self.want_op("{")?;
        let mut elems = Vec::new();
        while !self.is_op("}") && !self.is_eof() {
            let pos = self.pos();
            if self.is_op("~") {
                elems.push(InterfaceElem::Union(self.terms()?));
            } else if self.tok().kind == TokKind::Ident && self.peek_tok(1).is_op("(") {
                let name = self.name()?;
                let sig = self.signature(pos)?;
                elems.push(InterfaceElem::Method { name, sig });
            } else {
                let typ = self.type_()?;
                if self.got_op("|") {
                    let mut terms = vec![Term { tilde: false, typ }];
                    terms.extend(self.terms()?);
                    elems.push(InterfaceElem::Union(terms));
                } else {
                    elems.push(InterfaceElem::Embed(typ));
                }
            }
            if !self.got_semi() && !self.is_op("}") {
                return Err(self.syntax_error(
                    "in interface type; possibly missing semicolon or newline or }",
                ));
            }
        }
        self.want_op("}")?;
        Ok(TypeKind::Interface(elems))
    }

    /// Parameters and results after `func` or a function name.
    fn signature(&mut self, pos: Pos) -> PResult<FuncType> {
        if !self.is_op("(") {
            return Err(self.syntax_error("expected ("));
        }
        let (params, variadic) = self.param_list()?;
        let results = if self.is_op("(") {
            let rpos = self.pos();
            let (r, res_variadic) = self.param_list()?;
            if res_variadic {
                self.defer_err(rpos, "can only use ... with final parameter");
            }
            r
        } else {
            match self.type_or_nil()? {
                Some(t) => vec![Param {
                    pos: t.pos,
                    name: None,
                    typ: t,
                }],
                None => Vec::new(),
            }
        };
        Ok(FuncType {
            pos,
            params,
            results,
            variadic,
        })
    }

    /// `( [params] )`: returns the parameters, one per name, and whether the last is `...T`.
    fn param_list(&mut self) -> PResult<(Vec<Param>, bool)> {
        self.want_op("(")?;
        let mut entries = Vec::new();
        while !self.is_op(")") && !self.is_eof() {
            entries.push(self.param_entry()?);
            if !self.got_op(",") && !self.is_op(")") {
                return Err(self.syntax_error("in parameter list; possibly missing comma or )"));
            }
        }
        let close = self.pos();
        self.want_op(")")?;
        let last = entries.len().saturating_sub(1);
        if let Some((_, e)) = entries
            .iter()
            .enumerate()
            .find(|(i, e)| e.variadic && *i != last)
        {
            let pos = e.pos;
            self.defer_err(pos, "can only use ... with final parameter");
        }
        let variadic = entries.last().is_some_and(|e| e.variadic);
        let named = entries
            .iter()
            .filter(|e| e.name.is_some() && e.typ.is_some())
            .count();
        let typed = entries.iter().filter(|e| e.typ.is_some()).count();
        let mut params = Vec::with_capacity(entries.len());
        if named > 0 {
            // Go's rule: once one parameter is named, all are; report the left-most culprit.
            let mut err_pos = None;
            let mut have_type = false;
            for e in entries.iter().rev() {
                if e.typ.is_some() {
                    have_type = true;
                    if e.name.is_none() {
                        err_pos = Some(e.pos);
                    }
                } else if !have_type {
                    err_pos = Some(e.pos);
                }
            }
            if let Some(mut pos) = err_pos {
                let msg = if named == typed {
                    pos = close;
                    "syntax error: missing parameter type"
                } else if entries.len() == 1 {
                    "syntax error: missing parameter name or invalid parameter type"
                } else {
                    "syntax error: missing parameter name"
                };
                return Err(err_at(pos, msg));
            }
            let mut cur: Option<(TypeExpr, bool)> = None;
            for e in entries.into_iter().rev() {
                match (e.name, e.typ) {
                    (Some(name), Some(typ)) => {
                        cur = Some((typ.clone(), e.variadic));
                        params.push(Param {
                            pos: e.pos,
                            name: Some(name),
                            typ,
                        });
                    }
                    (Some(name), None) => {
                        if let Some((typ, variadic)) = &cur {
                            if *variadic {
                                self.defer_err(e.pos, "can only use ... with final parameter");
                            }
                            params.push(Param {
                                pos: e.pos,
                                name: Some(name),
                                typ: typ.clone(),
                            });
                        }
                    }
                    _ => {}
                }
            }
            params.reverse();
        } else {
            for e in entries {
                let typ = match (e.name, e.typ) {
                    (_, Some(t)) => t,
                    (Some(name), None) => TypeExpr {
                        pos: name.pos,
                        kind: TypeKind::Named { pkg: None, name },
                    },
                    (None, None) => {
                        return Err(err_at(e.pos, "syntax error: missing parameter type"));
                    }
                };
                params.push(Param {
                    pos: e.pos,
                    name: None,
                    typ,
                });
            }
        }
        Ok((params, variadic))
    }

    /// Whether the current token can start a type.
    fn at_type_start(&self) -> bool {
        let t = self.tok();
        t.kind == TokKind::Ident
            || ["*", "[", "(", "<-"].iter().any(|op| t.is_op(op))
            || ["func", "chan", "map", "struct", "interface"]
                .iter()
                .any(|kw| t.is_keyword(kw))
    }

    fn param_entry(&mut self) -> PResult<ParamEntry> {
        let pos = self.pos();
        if self.tok().kind == TokKind::Ident && !self.peek_tok(1).is_op(".") {
            let name = self.name()?;
            if self.got_op("...") {
                let typ = self.type_()?;
                return Ok(ParamEntry {
                    pos,
                    name: Some(name),
                    typ: Some(typ),
                    variadic: true,
                });
            }
            if !self.at_type_start() {
                // `(a, b int)`: a name whose type comes later (or an error for the list).
                return Ok(ParamEntry {
                    pos,
                    name: Some(name),
                    typ: None,
                    variadic: false,
                });
            }
            let typ = self.type_()?;
            return Ok(ParamEntry {
                pos,
                name: Some(name),
                typ: Some(typ),
                variadic: false,
            });
        }
        let variadic = self.got_op("...");
        match self.type_or_nil()? {
            Some(typ) => Ok(ParamEntry {
                pos,
                name: None,
                typ: Some(typ),
                variadic,
            }),
            None => Err(self.syntax_error("expected )")),
        }
    }

    // ---- statements -----------------------------------------------------------------------

    fn block(&mut self) -> PResult<Block> {
        let pos = self.pos();
        self.want_op("{")?;
        let stmts = self.stmt_list()?;
        let end = self.pos();
        self.want_op("}")?;
        Ok(Block { pos, stmts, end })
    }

    /// A block that must follow a clause header: `{` missing is reported Go's way.
    fn clause_block(&mut self, context: &str) -> PResult<Block> {
        if !self.is_op("{") {
            return Err(self.syntax_error(&format!("expected {{ after {context}")));
        }
        let outer = self.expr_lev;
        self.expr_lev = 0;
        let b = self.block();
        self.expr_lev = outer;
        b
    }

    fn stmt_list(&mut self) -> PResult<Vec<Stmt>> {
        let mut list = Vec::new();
        while !self.is_eof() && !self.is_op("}") && !self.is_kw("case") && !self.is_kw("default") {
            let Some(s) = self.stmt_or_nil()? else {
                break;
            };
            list.push(*s);
            if !self.got_semi() && !self.is_op("}") {
                return Err(self.syntax_error("at end of statement"));
            }
        }
        Ok(list)
    }

    fn stmt_or_nil(&mut self) -> PResult<Option<Box<Stmt>>> {
        self.enter()?;
        let r = self.stmt_or_nil_inner();
        self.leave();
        r
    }

    fn labeled_stmt(&mut self, pos: Pos) -> PResult<Box<Stmt>> {
        let label = self.name()?;
        let colon = self.pos();
        self.next(); // :
        if self.is_op("}") {
            let empty = Stmt {
                pos: self.pos(),
                kind: StmtKind::Empty,
            };
            return Ok(Box::new(Stmt {
                pos,
                kind: StmtKind::Labeled {
                    label,
                    stmt: Box::new(empty),
                },
            }));
        }
        let Some(s) = self.stmt_or_nil()? else {
            return Err(err_at(colon, "syntax error: missing statement after label"));
        };
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::Labeled { label, stmt: s },
        }))
    }

    fn keyword_stmt(&mut self, pos: Pos) -> PResult<Option<Box<Stmt>>> {
        let t = self.tok();
        let kw = t.text;
        let s = match kw {
            "var" | "const" | "type" => StmtKind::Decl(self.gen_decl()?),
            "for" => return self.for_stmt().map(Some),
            "if" => return self.if_stmt().map(Some),
            "switch" => return self.switch_stmt().map(Some),
            "select" => return self.select_stmt().map(Some),
            "go" | "defer" => {
                self.next();
                // Go parses a primary expression here; "must be function call" is a type
                // checker error, reported only if the rest parses.
                let lparen = self.is_op("(").then(|| self.pos());
                let parsed = self.operand().and_then(|x| self.primary_suffixes(x));
                let call = match (parsed, lparen) {
                    (Ok(c), _) => c,
                    // Go reports the parenthesised operand before any error inside it.
                    (Err(e), Some(lp)) if e.msg.starts_with("syntax error") => {
                        return Err(err_at(
                            lp,
                            format!("expression in {kw} must not be parenthesized"),
                        ));
                    }
                    (Err(e), _) => return Err(e),
                };
                if matches!(call.kind, ExprKind::Paren(_)) {
                    return Err(err_at(
                        call.pos,
                        format!("expression in {kw} must not be parenthesized"),
                    ));
                }
                if !matches!(call.kind, ExprKind::Call { .. }) {
                    self.defer_err(
                        call.pos,
                        &format!("expression in {kw} must be function call"),
                    );
                }
                if kw == "go" {
                    StmtKind::Go(call)
                } else {
                    StmtKind::Defer(call)
                }
            }
            "return" => {
                self.next();
                let results = if self.is_semi() || self.is_op("}") {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                StmtKind::Return(results)
            }
            "break" | "continue" => {
                self.next();
                let label = if self.tok().kind == TokKind::Ident {
                    Some(self.name()?)
                } else {
                    None
                };
                if kw == "break" {
                    StmtKind::Break(label)
                } else {
                    StmtKind::Continue(label)
                }
            }
            "fallthrough" => {
                self.next();
                StmtKind::Fallthrough
            }
            "goto" => {
                self.next();
                StmtKind::Goto(self.name()?)
            }
            "func" | "struct" | "map" | "chan" | "interface" => {
                return Ok(Some(self.simple_stmt(false)?));
            }
            _ => return Ok(None),
        };
        Ok(Some(Box::new(Stmt { pos, kind: s })))
    }

    fn stmt_or_nil_inner(&mut self) -> PResult<Option<Box<Stmt>>> {
        let pos = self.pos();
        let t = self.tok();
        let kind = t.kind;
        if kind == TokKind::Ident {
            if self.peek_tok(1).is_op(":") {
                return self.labeled_stmt(pos).map(Some);
            }
            return Ok(Some(self.simple_stmt(false)?));
        }
        if kind == TokKind::Keyword {
            return self.keyword_stmt(pos);
        }
        if t.is_op("{") {
            let b = self.block()?;
            return Ok(Some(Box::new(Stmt {
                pos,
                kind: StmtKind::Block(b),
            })));
        }
        if t.kind == TokKind::Semi {
            return Ok(Some(Box::new(Stmt {
                pos,
                kind: StmtKind::Empty,
            })));
        }
        let starts_simple = matches!(
            kind,
            TokKind::Int | TokKind::Float | TokKind::Imag | TokKind::Rune | TokKind::Str
        ) || ["+", "-", "*", "&", "^", "!", "(", "[", "<-"]
            .iter()
            .any(|op| t.is_op(op));
        if starts_simple {
            return Ok(Some(self.simple_stmt(false)?));
        }
        Ok(None)
    }

    /// Go's `simpleStmt`. With `range_ok` (a `for` header), a `range` clause is returned as a
    /// `StmtKind::Range` with an empty body that the caller fills in.
    fn simple_stmt(&mut self, range_ok: bool) -> PResult<Box<Stmt>> {
        let pos = self.pos();
        if range_ok && self.is_kw("range") {
            return self.range_clause(pos, None, None, false);
        }
        let mut lhs = self.expr_list()?;
        if lhs.len() == 1 {
            let t = self.tok();
            if t.is_op("++") || t.is_op("--") {
                let inc = t.is_op("++");
                self.next();
                let x = lhs.remove(0);
                return Ok(Box::new(Stmt {
                    pos,
                    kind: StmtKind::IncDec { x, inc },
                }));
            }
            if t.is_op("<-") {
                self.next();
                let value = self.expr()?;
                let ch = lhs.remove(0);
                return Ok(Box::new(Stmt {
                    pos,
                    kind: StmtKind::Send { ch, value },
                }));
            }
            if let Some(op) = assign_op(t) {
                self.next();
                let rhs = vec![self.expr()?];
                return Ok(Box::new(Stmt {
                    pos,
                    kind: StmtKind::Assign {
                        lhs,
                        op: AssignOp::Op(op),
                        rhs,
                    },
                }));
            }
            if !t.is_op("=") && !t.is_op(":=") {
                let x = lhs.remove(0);
                return Ok(Box::new(Stmt {
                    pos,
                    kind: StmtKind::Expr(x),
                }));
            }
        }
        let op = if self.got_op("=") {
            AssignOp::Assign
        } else if self.got_op(":=") {
            AssignOp::Define
        } else {
            return Err(self.syntax_error("expected := or = or comma"));
        };
        if range_ok && self.is_kw("range") {
            if lhs.len() > 2 {
                return Err(err_at(
                    lhs[2].pos,
                    "range clause permits at most two iteration variables",
                ));
            }
            let mut it = lhs.into_iter();
            let key = it.next();
            let value = it.next();
            return self.range_clause(pos, key, value, op == AssignOp::Define);
        }
        let rhs = self.expr_list()?;
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::Assign { lhs, op, rhs },
        }))
    }

    fn range_clause(
        &mut self,
        pos: Pos,
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
    ) -> PResult<Box<Stmt>> {
        self.next(); // range
        let x = self.expr()?;
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::Range {
                key,
                value,
                define,
                x,
                body: Block {
                    pos,
                    stmts: Vec::new(),
                    end: pos,
                },
            },
        }))
    }

    /// The text of a statement, for "cannot use x := 1 as value".
    fn stmt_text(&self, start: usize) -> String {
        let end = self
            .toks
            .get(self.p.saturating_sub(1))
            .map(|t| t.end)
            .unwrap_or(start);
        self.text(start, end)
    }

    /// The part of `if`/`switch` headers shared by both: `[init ;] [cond]` with `expr_lev = -1`.
    /// Returns the init statement and the condition statement (either may be absent).
    fn header(&mut self, keyword: &str) -> PResult<Header> {
        if self.is_op("{") {
            if keyword == "if" {
                return Err(self.syntax_error("missing condition in if statement"));
            }
            return Ok((None, None));
        }
        let outer = self.expr_lev;
        self.expr_lev = -1;
        let r = self.header_inner(keyword);
        self.expr_lev = outer;
        r
    }

    fn header_inner(&mut self, keyword: &str) -> PResult<Header> {
        let mut init = None;
        let mut init_start = 0;
        if !self.is_semi() {
            if self.is_kw("var") {
                return Err(err_at(
                    self.peek_tok(1).pos,
                    format!("syntax error: var declaration not allowed in {keyword} initializer"),
                ));
            }
            init_start = self.tok().start;
            init = Some(self.simple_stmt(false)?);
        }
        if self.is_op("{") {
            return Ok((None, init.map(|s| (s, init_start))));
        }
        let semi = self.tok().clone();
        if !self.got_semi() {
            return Err(self.syntax_error("expected {"));
        }
        let mut cond = None;
        if !self.is_op("{") {
            let start = self.tok().start;
            cond = Some((self.simple_stmt(false)?, start));
        } else if keyword == "if" {
            let msg = if semi.text == ";" {
                "syntax error: missing condition in if statement".to_string()
            } else {
                "syntax error: unexpected newline, expected { after if clause".to_string()
            };
            return Err(err_at(semi.pos, msg));
        }
        Ok((init, cond))
    }

    /// Position of the first assignment-like operator at or after byte offset `start`: where
    /// Go reports a misplaced simple statement.
    fn op_pos_after(&self, start: usize, fallback: Pos) -> Pos {
        self.toks
            .iter()
            .skip_while(|t| t.start < start)
            .find(|t| {
                t.kind == TokKind::Op
                    && (t.text.ends_with('=') && !matches!(t.text, "==" | "!=" | "<=" | ">=")
                        || matches!(t.text, "++" | "--" | "<-"))
            })
            .map(|t| t.pos)
            .unwrap_or(fallback)
    }

    fn cond_expr(&self, stmt: Box<Stmt>, start: usize) -> PResult<Expr> {
        match stmt.kind {
            StmtKind::Expr(e) => Ok(e),
            _ => {
                let op = self.op_pos_after(start, stmt.pos);
                let text = match &stmt.kind {
                    // Go spells out a plain `=` (likely meant as `==`), bracketing operations.
                    StmtKind::Assign {
                        lhs,
                        op: AssignOp::Assign,
                        rhs,
                    } => {
                        let emph = |side: &[Expr]| {
                            let s = side.iter().map(expr_string).collect::<Vec<_>>().join(", ");
                            if side.len() == 1 && matches!(side[0].kind, ExprKind::Binary { .. }) {
                                format!("({s})")
                            } else {
                                s
                            }
                        };
                        format!("assignment {} = {}", emph(lhs), emph(rhs))
                    }
                    _ => stmt_string(&stmt).unwrap_or_else(|| self.stmt_text(start)),
                };
                Err(err_at(
                    op,
                    format!("syntax error: cannot use {text} as value"),
                ))
            }
        }
    }

    fn if_stmt(&mut self) -> PResult<Box<Stmt>> {
        let pos = self.pos();
        self.next(); // if
        let (init, cond) = self.header("if")?;
        let Some((cond, start)) = cond else {
            return Err(err_at(
                pos,
                "syntax error: missing condition in if statement",
            ));
        };
        let cond = self.cond_expr(cond, start)?;
        let then = self.clause_block("if clause")?;
        let els = if self.is_kw("else") {
            self.next();
            if self.is_kw("if") {
                self.enter()?;
                let r = self.if_stmt();
                self.leave();
                Some(r?)
            } else if self.is_op("{") {
                let bpos = self.pos();
                let b = self.block()?;
                Some(Box::new(Stmt {
                    pos: bpos,
                    kind: StmtKind::Block(b),
                }))
            } else {
                return Err(self.syntax_error("else must be followed by if or statement block"));
            }
        } else {
            None
        };
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
        }))
    }

    fn for_stmt(&mut self) -> PResult<Box<Stmt>> {
        let pos = self.pos();
        self.next(); // for
        let outer = self.expr_lev;
        self.expr_lev = -1;
        let header = self.for_header();
        self.expr_lev = outer;
        let header = header?;
        let body = self.clause_block("for clause")?;
        let kind = match header {
            ForHeader::Range {
                key,
                value,
                define,
                x,
            } => StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            },
            ForHeader::Clauses { init, cond, post } => StmtKind::For {
                init,
                cond,
                post,
                body,
            },
        };
        Ok(Box::new(Stmt { pos, kind }))
    }

    fn for_header(&mut self) -> PResult<ForHeader> {
        let none = ForHeader::Clauses {
            init: None,
            cond: None,
            post: None,
        };
        if self.is_op("{") {
            return Ok(none);
        }
        let mut init = None;
        let mut init_start = 0;
        if !self.is_semi() {
            if self.is_kw("var") {
                return Err(err_at(
                    self.peek_tok(1).pos,
                    "syntax error: var declaration not allowed in for initializer",
                ));
            }
            init_start = self.tok().start;
            let s = self.simple_stmt(true)?;
            if let StmtKind::Range {
                key,
                value,
                define,
                x,
                ..
            } = s.kind
            {
                return Ok(ForHeader::Range {
                    key,
                    value,
                    define,
                    x,
                });
            }
            init = Some(s);
        }
        if self.is_op("{") {
            // `for cond {`
            let cond = match init {
                Some(s) => Some(self.cond_expr(s, init_start)?),
                None => None,
            };
            return Ok(ForHeader::Clauses {
                init: None,
                cond,
                post: None,
            });
        }
        if !self.got_semi() {
            return Err(self.syntax_error("expected {"));
        }
        let mut cond = None;
        if !self.is_semi() {
            if self.is_op("{") {
                return Err(self.syntax_error("expected for loop condition"));
            }
            let start = self.tok().start;
            let s = self.simple_stmt(false)?;
            cond = Some(self.cond_expr(s, start)?);
        }
        if !self.got_semi() {
            return Err(self.syntax_error("expected semicolon or newline"));
        }
        let mut post = None;
        if !self.is_op("{") {
            let start = self.tok().start;
            let s = self.simple_stmt(false)?;
            if let StmtKind::Assign {
                op: AssignOp::Define,
                ..
            } = s.kind
            {
                return Err(err_at(
                    self.op_pos_after(start, s.pos),
                    "syntax error: cannot declare in post statement of for loop",
                ));
            }
            post = Some(s);
        }
        Ok(ForHeader::Clauses { init, cond, post })
    }

    fn switch_stmt(&mut self) -> PResult<Box<Stmt>> {
        let pos = self.pos();
        self.next(); // switch
        let (init, tag) = self.header("switch")?;
        if !self.is_op("{") {
            return Err(self.syntax_error("missing { after switch clause"));
        }
        // A type switch guard: `x.(type)` or `v := x.(type)`.
        let guard = tag.as_ref().and_then(|(s, _)| type_switch_guard(s));
        if let Some((bind, x_id)) = guard {
            let Some((stmt, _)) = tag else {
                return Err(err_at(pos, "internal: lost type switch guard"));
            };
            self.pending_guards.retain(|(id, _)| *id != x_id);
            let x = match stmt.kind {
                StmtKind::Expr(e) => e,
                StmtKind::Assign { mut rhs, .. } if !rhs.is_empty() => rhs.remove(0),
                _ => return Err(err_at(pos, "internal: malformed type switch guard")),
            };
            let ExprKind::TypeAssert { x, .. } = x.kind else {
                return Err(err_at(pos, "internal: malformed type switch guard"));
            };
            self.next(); // {
            let mut clauses = Vec::new();
            while !self.is_op("}") && !self.is_eof() {
                clauses.push(self.type_case_clause()?);
            }
            self.want_op("}")?;
            return Ok(Box::new(Stmt {
                pos,
                kind: StmtKind::TypeSwitch {
                    init,
                    bind,
                    x: *x,
                    clauses,
                },
            }));
        }
        let tag = match tag {
            Some((s, start)) => Some(self.cond_expr(s, start)?),
            None => None,
        };
        self.next(); // {
        let mut clauses = Vec::new();
        while !self.is_op("}") && !self.is_eof() {
            clauses.push(self.case_clause()?);
        }
        self.want_op("}")?;
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::Switch { init, tag, clauses },
        }))
    }

    fn case_clause(&mut self) -> PResult<CaseClause> {
        let pos = self.pos();
        let (exprs, is_default) = if self.is_kw("case") {
            self.next();
            (self.expr_list()?, false)
        } else if self.is_kw("default") {
            self.next();
            (Vec::new(), true)
        } else {
            return Err(self.syntax_error("expected case or default or }"));
        };
        self.want_op(":")?;
        let body = self.stmt_list()?;
        Ok(CaseClause {
            pos,
            exprs,
            is_default,
            body,
        })
    }

    fn type_case_clause(&mut self) -> PResult<TypeCaseClause> {
        let pos = self.pos();
        let mut types = Vec::new();
        let is_default = if self.is_kw("case") {
            self.next();
            loop {
                if self.tok().kind == TokKind::Ident
                    && self.tok().text == "nil"
                    && (self.peek_tok(1).is_op(",") || self.peek_tok(1).is_op(":"))
                {
                    self.next();
                    types.push(None);
                } else {
                    types.push(Some(self.type_()?));
                }
                if !self.got_op(",") {
                    break;
                }
            }
            false
        } else if self.is_kw("default") {
            self.next();
            true
        } else {
            return Err(self.syntax_error("expected case or default or }"));
        };
        self.want_op(":")?;
        let body = self.stmt_list()?;
        Ok(TypeCaseClause {
            pos,
            types,
            is_default,
            body,
        })
    }

    fn select_stmt(&mut self) -> PResult<Box<Stmt>> {
        let pos = self.pos();
        self.next(); // select
        if !self.is_op("{") {
            return Err(self.syntax_error("missing { after select clause"));
        }
        self.next();
        let mut clauses = Vec::new();
        while !self.is_op("}") && !self.is_eof() {
            let cpos = self.pos();
            let comm = if self.is_kw("case") {
                self.next();
                let s = self.simple_stmt(false)?;
                if !self.is_op(":") {
                    return Err(self.syntax_error("expected :"));
                }
                if !is_comm(&s) {
                    self.defer_err(s.pos, "select case must be receive, send or assign recv");
                }
                Some(s)
            } else if self.is_kw("default") {
                self.next();
                None
            } else {
                return Err(self.syntax_error("expected case or default or }"));
            };
            self.want_op(":")?;
            let body = self.stmt_list()?;
            clauses.push(CommClause {
                pos: cpos,
                comm,
                body,
            });
        }
        self.want_op("}")?;
        Ok(Box::new(Stmt {
            pos,
            kind: StmtKind::Select(clauses),
        }))
    }

    // ---- expressions ----------------------------------------------------------------------

    fn expr_list(&mut self) -> PResult<Vec<Expr>> {
        let mut list = vec![self.expr()?];
        while self.got_op(",") {
            list.push(self.expr()?);
        }
        Ok(list)
    }

    fn expr(&mut self) -> PResult<Expr> {
        self.binary_expr(0)
    }

    fn binary_expr(&mut self, prec: u8) -> PResult<Expr> {
        let chain = self.chain;
        let r = self.binary_expr_inner(prec);
        self.chain = chain;
        r
    }

    /// One more link of an operator or suffix chain (see [`MAX_CHAIN`]).
    fn link(&mut self) -> PResult<()> {
        self.chain += 1;
        if self.chain > MAX_CHAIN {
            return Err(err_at(
                self.pos(),
                format!(
                    "program nested too deeply (an expression chains more than {MAX_CHAIN} operators, calls, indexes or selectors)"
                ),
            ));
        }
        Ok(())
    }

    fn binary_expr_inner(&mut self, prec: u8) -> PResult<Expr> {
        let mut x = self.unary_expr()?;
        while let Some(op) = binary_op(self.tok()) {
            if op.precedence() <= prec {
                break;
            }
            self.link()?;
            let pos = self.pos();
            self.next();
            let y = self.binary_expr(op.precedence())?;
            x = self.mk(
                pos,
                ExprKind::Binary {
                    op,
                    x: Box::new(x),
                    y: Box::new(y),
                },
            );
        }
        Ok(x)
    }

    fn unary_expr(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.unary_expr_inner();
        self.leave();
        r
    }

    fn unary_expr_inner(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let t = self.tok();
        let op = if t.is_op("+") {
            Some(UnaryOp::Pos)
        } else if t.is_op("-") {
            Some(UnaryOp::Neg)
        } else if t.is_op("!") {
            Some(UnaryOp::Not)
        } else if t.is_op("^") {
            Some(UnaryOp::Complement)
        } else if t.is_op("&") {
            Some(UnaryOp::Addr)
        } else {
            None
        };
        if let Some(op) = op {
            self.next();
            let x = self.unary_expr()?;
            return Ok(self.mk(pos, ExprKind::Unary { op, x: Box::new(x) }));
        }
        if t.is_op("*") {
            self.next();
            let x = self.unary_expr()?;
            return Ok(self.mk(pos, ExprKind::Star(Box::new(x))));
        }
        if t.is_op("~") {
            return Err(err_at(
                pos,
                "type constraints (~T) are outside the golite subset",
            ));
        }
        if t.is_op("<-") {
            self.next();
            if self.is_kw("chan") {
                // `<-chan T` in expression position: a receive-only channel type.
                self.next();
                let elem = self.type_()?;
                let typ = TypeExpr {
                    pos,
                    kind: TypeKind::Chan {
                        dir: ChanDir::Recv,
                        elem: Box::new(elem),
                    },
                };
                let x = self.mk(pos, ExprKind::TypeLit(typ));
                return self.primary_suffixes(x);
            }
            let x = self.unary_expr()?;
            return Ok(self.mk(
                pos,
                ExprKind::Unary {
                    op: UnaryOp::Recv,
                    x: Box::new(x),
                },
            ));
        }
        let x = self.operand()?;
        self.primary_suffixes(x)
    }

    fn operand(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        let t = self.tok();
        let kind = match (t.kind, &t.value) {
            (TokKind::Ident, _) => ExprKind::Ident(t.text.to_string()),
            (TokKind::Int, LitValue::Int(v)) => ExprKind::Int(*v),
            (TokKind::Float, LitValue::Float(v)) => ExprKind::Float(*v),
            (TokKind::Imag, LitValue::Imag(v)) => ExprKind::Imag(*v),
            (TokKind::Rune, LitValue::Rune(c)) => ExprKind::Rune(*c),
            (TokKind::Str, LitValue::Str(s)) => ExprKind::Str(s.clone()),
            (TokKind::Op, _) if t.is_op("(") => {
                self.next();
                self.expr_lev += 1;
                let inner = self.expr();
                self.expr_lev -= 1;
                let inner = inner?;
                self.want_op(")")?;
                return Ok(self.mk(pos, ExprKind::Paren(Box::new(inner))));
            }
            (TokKind::Keyword, _) if t.is_keyword("func") => {
                self.next();
                let sig = self.signature(pos)?;
                if self.is_op("{") {
                    let outer = self.expr_lev;
                    self.expr_lev = 0;
                    let body = self.block();
                    self.expr_lev = outer;
                    let body = body?;
                    return Ok(self.mk(pos, ExprKind::FuncLit { sig, body }));
                }
                let typ = TypeExpr {
                    pos,
                    kind: TypeKind::Func(sig),
                };
                return Ok(self.mk(pos, ExprKind::TypeLit(typ)));
            }
            (TokKind::Op, _) if t.is_op("[") => return self.type_lit(),
            (TokKind::Keyword, _)
                if t.is_keyword("chan")
                    || t.is_keyword("map")
                    || t.is_keyword("struct")
                    || t.is_keyword("interface") =>
            {
                return self.type_lit();
            }
            _ => return Err(self.syntax_error("expected expression")),
        };
        self.next();
        Ok(self.mk(pos, kind))
    }

    fn type_lit(&mut self) -> PResult<Expr> {
        let typ = self.type_()?;
        Ok(self.mk(typ.pos, ExprKind::TypeLit(typ)))
    }

    fn primary_suffixes(&mut self, x: Expr) -> PResult<Expr> {
        let chain = self.chain;
        let r = self.primary_suffixes_inner(x);
        self.chain = chain;
        r
    }

    fn primary_suffixes_inner(&mut self, mut x: Expr) -> PResult<Expr> {
        loop {
            self.link()?;
            if self.got_op(".") {
                if self.tok().kind == TokKind::Ident {
                    let sel = self.name()?;
                    x = self.mk(
                        x.pos,
                        ExprKind::Selector {
                            x: Box::new(x),
                            sel,
                        },
                    );
                } else if self.got_op("(") {
                    if self.is_kw("type") {
                        self.next();
                        self.want_op(")")?;
                        let e = self.mk(
                            x.pos,
                            ExprKind::TypeAssert {
                                x: Box::new(x),
                                typ: None,
                            },
                        );
                        self.pending_guards.push((e.id, e.pos));
                        x = e;
                    } else {
                        let typ = self.type_()?;
                        self.want_op(")")?;
                        x = self.mk(
                            x.pos,
                            ExprKind::TypeAssert {
                                x: Box::new(x),
                                typ: Some(typ),
                            },
                        );
                    }
                } else {
                    return Err(self.syntax_error("expected name or ("));
                }
            } else if self.is_op("[") {
                self.next();
                self.expr_lev += 1;
                let r = self.index_or_slice(x);
                self.expr_lev -= 1;
                x = r?;
            } else if self.is_op("(") {
                self.next();
                self.expr_lev += 1;
                let r = self.call_args();
                self.expr_lev -= 1;
                let (args, ellipsis) = r?;
                x = self.mk(
                    x.pos,
                    ExprKind::Call {
                        func: Box::new(x),
                        args,
                        ellipsis,
                    },
                );
            } else if self.is_op("{") && self.complit_ok(&x) {
                let Some(typ) = x.as_type() else {
                    return Err(err_at(x.pos, "invalid composite literal type"));
                };
                let (elems, _) = self.complit_body()?;
                x = self.mk(
                    x.pos,
                    ExprKind::CompositeLit {
                        typ: Some(typ),
                        elems,
                    },
                );
            } else {
                return Ok(x);
            }
        }
    }

    /// Go's rule for `T {`: a composite literal unless in a control clause header and `T` is
    /// a (possibly qualified) name.
    fn complit_ok(&self, x: &Expr) -> bool {
        match &x.unparen().kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => self.expr_lev >= 0,
            ExprKind::Index { .. } | ExprKind::IndexList { .. } => self.expr_lev >= 0,
            ExprKind::TypeLit(t) => matches!(
                t.kind,
                TypeKind::Array { .. }
                    | TypeKind::Slice(_)
                    | TypeKind::Struct(_)
                    | TypeKind::Map { .. }
            ),
            _ => false,
        }
    }

    fn index_or_slice(&mut self, x: Expr) -> PResult<Expr> {
        let pos = x.pos;
        if self.is_op("]") {
            return Err(self.syntax_error("expected operand"));
        }
        let lo = if self.is_op(":") {
            None
        } else {
            let i = self.expr()?;
            if self.got_op("]") {
                return Ok(self.mk(
                    pos,
                    ExprKind::Index {
                        x: Box::new(x),
                        index: Box::new(i),
                    },
                ));
            }
            if self.got_op(",") {
                // `F[A, B]`: type arguments.
                let mut indices = vec![i];
                while !self.is_op("]") {
                    indices.push(self.expr()?);
                    if !self.got_op(",") {
                        break;
                    }
                }
                self.want_op("]")?;
                return Ok(self.mk(
                    pos,
                    ExprKind::IndexList {
                        x: Box::new(x),
                        indices,
                    },
                ));
            }
            Some(Box::new(i))
        };
        if !self.got_op(":") {
            return Err(self.syntax_error("expected comma, : or ]"));
        }
        let mut hi = None;
        let mut max = None;
        if !self.is_op("]") && !self.is_op(":") {
            hi = Some(Box::new(self.expr()?));
        }
        if self.is_op(":") {
            let colon = self.pos();
            self.next();
            if hi.is_none() {
                return Err(err_at(colon, "middle index required in 3-index slice"));
            }
            if self.is_op("]") {
                return Err(err_at(self.pos(), "final index required in 3-index slice"));
            }
            max = Some(Box::new(self.expr()?));
        }
        self.want_op("]")?;
        Ok(self.mk(
            pos,
            ExprKind::Slice {
                x: Box::new(x),
                lo,
                hi,
                max,
            },
        ))
    }

    fn call_args(&mut self) -> PResult<(Vec<Expr>, bool)> {
        let mut args = Vec::new();
        let mut ellipsis = false;
        while !self.is_op(")") && !self.is_eof() {
            args.push(self.expr()?);
            if self.got_op("...") {
                ellipsis = true;
            }
            if !self.got_op(",") {
                if !self.is_op(")") {
                    return Err(self.syntax_error("in argument list; possibly missing comma or )"));
                }
                break;
            }
            if ellipsis && !self.is_op(")") {
                return Err(self.syntax_error("expected )"));
            }
        }
        self.want_op(")")?;
        Ok((args, ellipsis))
    }

    /// `{ elements }` of a composite literal; returns the elements and the `{` position.
    fn complit_body(&mut self) -> PResult<(Vec<Element>, Pos)> {
        let lbrace = self.pos();
        self.want_op("{")?;
        self.expr_lev += 1;
        let r = self.complit_elements();
        self.expr_lev -= 1;
        let elems = r?;
        self.want_op("}")?;
        Ok((elems, lbrace))
    }

    fn complit_elements(&mut self) -> PResult<Vec<Element>> {
        let mut elems = Vec::new();
        while !self.is_op("}") && !self.is_eof() {
            let first = self.element_value()?;
            let el = if self.got_op(":") {
                let value = self.element_value()?;
                Element {
                    key: Some(first),
                    value,
                }
            } else {
                Element {
                    key: None,
                    value: first,
                }
            };
            elems.push(el);
            if !self.got_op(",") {
                if !self.is_op("}") {
                    return Err(
                        self.syntax_error("in composite literal; possibly missing comma or }")
                    );
                }
                break;
            }
        }
        Ok(elems)
    }

    /// An element value or key: an expression or an elided-type literal `{...}`.
    fn element_value(&mut self) -> PResult<Expr> {
        if self.is_op("{") {
            self.enter()?;
            let r = self.complit_body();
            self.leave();
            let (elems, pos) = r?;
            return Ok(self.mk(pos, ExprKind::CompositeLit { typ: None, elems }));
        }
        self.expr()
    }
}

fn assign_op(t: &Token<'_>) -> Option<BinaryOp> {
    if t.kind != TokKind::Op {
        return None;
    }
    use BinaryOp::*;
    Some(match t.text {
        "+=" => Add,
        "-=" => Sub,
        "*=" => Mul,
        "/=" => Quo,
        "%=" => Rem,
        "&=" => And,
        "|=" => Or,
        "^=" => Xor,
        "<<=" => Shl,
        ">>=" => Shr,
        "&^=" => AndNot,
        _ => return None,
    })
}

fn binary_op(t: &Token<'_>) -> Option<BinaryOp> {
    if t.kind != TokKind::Op {
        return None;
    }
    use BinaryOp::*;
    Some(match t.text {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Quo,
        "%" => Rem,
        "&" => And,
        "|" => Or,
        "^" => Xor,
        "<<" => Shl,
        ">>" => Shr,
        "&^" => AndNot,
        "&&" => LAnd,
        "||" => LOr,
        "==" => Eq,
        "!=" => Ne,
        "<" => Lt,
        "<=" => Le,
        ">" => Gt,
        ">=" => Ge,
        _ => return None,
    })
}

/// Go's rendering of a simple statement, for "cannot use ... as value".
fn stmt_string(s: &Stmt) -> Option<String> {
    let list = |xs: &[Expr]| xs.iter().map(expr_string).collect::<Vec<_>>().join(", ");
    Some(match &s.kind {
        StmtKind::Assign { lhs, op, rhs } => {
            let op = match op {
                AssignOp::Assign => "=".to_string(),
                AssignOp::Define => ":=".to_string(),
                AssignOp::Op(b) => format!("{}=", b.as_str()),
            };
            format!("{} {op} {}", list(lhs), list(rhs))
        }
        StmtKind::IncDec { x, inc } => {
            format!("{}{}", expr_string(x), if *inc { "++" } else { "--" })
        }
        StmtKind::Send { ch, value } => format!("{} <- {}", expr_string(ch), expr_string(value)),
        _ => return None,
    })
}

/// Recognises `x.(type)` and `v := x.(type)`: returns the bound name and the guard's id.
fn type_switch_guard(s: &Stmt) -> Option<(Option<Ident>, ExprId)> {
    match &s.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::TypeAssert { typ: None, .. } => Some((None, e.id)),
            _ => None,
        },
        StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            rhs,
        } if lhs.len() == 1 && rhs.len() == 1 => match (&lhs[0].kind, &rhs[0].kind) {
            (ExprKind::Ident(name), ExprKind::TypeAssert { typ: None, .. }) => Some((
                Some(Ident {
                    name: name.clone(),
                    pos: lhs[0].pos,
                }),
                rhs[0].id,
            )),
            _ => None,
        },
        _ => None,
    }
}

/// A select case must be a send or a receive (optionally assigned to one or two targets).
fn is_comm(s: &Stmt) -> bool {
    let is_recv = |e: &Expr| {
        matches!(
            e.unparen().kind,
            ExprKind::Unary {
                op: UnaryOp::Recv,
                ..
            }
        )
    };
    match &s.kind {
        StmtKind::Send { .. } => true,
        StmtKind::Expr(e) => is_recv(e),
        StmtKind::Assign {
            lhs,
            op: AssignOp::Assign | AssignOp::Define,
            rhs,
        } => lhs.len() <= 2 && rhs.len() == 1 && is_recv(&rhs[0]),
        _ => false,
    }
}
