//! The compiler: a type checker fused with code generation, from the AST to [`Program`] bytecode.
//! Names are resolved to slots here; captured and address-taken locals become boxed cells by
//! patching the instructions already emitted for them.

use crate::golite::code::{
    Const, FuncCode, FuncId, Generic, MethodImpl, Native, Op, Program, RecvAdjust, Std, WellKnown,
};
use crate::golite::syntax::ast::{self, Decl, Expr, ExprKind, File, FuncDecl, Pos};
use crate::golite::syntax::error::Error;
use crate::golite::types::{TypeId, Types};
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) mod builtins;
pub(crate) mod calls;
pub(crate) mod complex_builtins;
pub(crate) mod complex_constants;
pub(crate) mod composite;
pub(crate) mod constants;
pub(crate) mod conversions;
pub(crate) mod declarations;
pub(crate) mod expr;
pub(crate) mod generic_values;
pub(crate) mod generics;
pub(crate) mod go_wrapper;
pub(crate) mod goto;
pub(crate) mod loops;
pub(crate) mod range_func;
pub(crate) mod stmt;
pub(crate) mod switch;
pub(crate) mod type_of;

/// Compiles a library call inline: the call's arguments, how it is called (plain, `go`,
/// `defer`), the call expression; its result types.
pub(crate) type GenericCall =
    fn(&mut Compiler, Generic, &[Expr], expr::Mode, &Expr) -> R<Vec<TypeId>>;

/// What the compiler asks of the standard library: `std` fills this table and golite's
/// `compile` hands it in, so compile/ does not import std/ (whose inline code generation is
/// built on the compiler).
pub(crate) struct Library {
    /// Import paths golite supports.
    pub(crate) known: &'static [&'static str],
    /// What `pkg.Name` denotes.
    pub(crate) member: fn(&mut Compiler, &str, &str) -> Option<Member>,
    /// Declares the library's named types.
    pub(crate) std_types: fn(&mut Types) -> Std,
    /// Declares the library types' methods.
    pub(crate) register_methods: fn(&mut Compiler),
    /// The library's named types and the ids the VM needs.
    pub(crate) well_known: fn(&mut Compiler) -> WellKnown,
    /// The type of a call compiled inline ([`Member::Generic`]).
    pub(crate) generic_result: fn(&mut Compiler, Generic, &[Expr], Pos) -> R<TypeId>,
    /// Compiles a call inline ([`Member::Generic`]); returns its result types.
    pub(crate) generic_call: GenericCall,
    /// Go source of a library function golite writes in Go, as a function value (`P.` for the
    /// package): what `p := fmt.Println` evaluates to.
    pub(crate) value_wrapper: fn(&str, &str) -> Option<&'static str>,
    /// The same for `pkg.F[T]` instantiated explicitly (`$T` for the type argument).
    pub(crate) instantiated: fn(&str, &str) -> Option<&'static str>,
    /// The error for `local.name` that the package lacks: golite's gap or Go's `undefined`.
    pub(crate) missing_member: fn(&str, &str, &str) -> String,
    /// The error for `x.name` that library type `T` lacks (`x`, `T` as golite names it, name).
    pub(crate) missing_method: fn(&str, &str, &str) -> String,
    /// The parts of the library written in Go (bytes.Buffer, io.Pipe, sync.Map...) that a
    /// program importing these paths needs: declarations whose names are [`go_name`]s, compiled
    /// with the program.
    pub(crate) go_source: fn(&[&str]) -> String,
}

/// The name under which the library's Go source declares `pkg.Name` (`bytesꞏBuffer`): U+A78F
/// is a letter, so the name is a Go identifier, but no program writes it by accident. Its
/// package's natives are reached from there as `pkgꞏ.Name` (`stringsꞏ.Index`).
pub(crate) fn go_name(path: &str, name: &str) -> String {
    format!("{}\u{a78f}{name}", path.rsplit('/').next().unwrap_or(path))
}

/// What `pkg.Name` denotes.
#[derive(Clone, Debug)]
pub(crate) enum Member {
    Func(Native, TypeId),
    /// A package-level value produced by a native (sentinel errors, os.Args...).
    Value(Native, TypeId),
    Const(ConstVal, TypeId),
    Type(TypeId),
    /// Calls compiled specially (fmt, generics, callbacks).
    Generic(Generic),
}

use crate::golite::types::ratio::Ratio;

/// A compile step's result: the error type is golite's one, shared with the parser.
pub(crate) type R<T> = Result<T, Error>;

pub(crate) fn err<T>(pos: Pos, msg: impl Into<String>) -> R<T> {
    Err(Error {
        line: pos.line,
        col: pos.col,
        msg: msg.into(),
    })
}

/// A compile-time constant value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ConstVal {
    Int(i128),
    Float(f64),
    /// An untyped float constant computed exactly (`0.1 + 0.2` is 3/10), rounded to float64
    /// only where it is used ([`ConstVal::rounded`]).
    Exact(Ratio),
    Bool(bool),
    Str(Rc<str>),
    /// A complex constant: real and imaginary parts, each an `Int`, `Float` or `Exact`
    /// (`compile/complex_constants.rs`).
    Complex(Box<(ConstVal, ConstVal)>),
}

impl ConstVal {
    /// The number's value as a float64 (a complex constant's real part).
    pub(crate) fn as_f64(&self) -> f64 {
        match self {
            ConstVal::Int(i) => *i as f64,
            ConstVal::Float(f) => *f,
            ConstVal::Exact(r) => r.to_f64(),
            ConstVal::Complex(p) => p.0.as_f64(),
            _ => 0.0,
        }
    }
    /// The integer value, if the constant is one (a complex constant with no imaginary part
    /// counts: Go accepts `[1 + 0i]int`).
    pub(crate) fn as_i128(&self) -> Option<i128> {
        match self {
            ConstVal::Complex(p) if p.1.is_zero() => p.0.as_i128(),
            ConstVal::Int(i) => Some(*i),
            ConstVal::Float(f) if f.fract() == 0.0 => Some(*f as i128),
            ConstVal::Exact(r) => r.as_int().or_else(|| {
                let f = r.to_f64();
                (f.fract() == 0.0).then_some(f as i128)
            }),
            _ => None,
        }
    }
    /// The value as an exact ratio, for constant arithmetic (`None`: use float64).
    pub(crate) fn ratio(&self) -> Option<Ratio> {
        match self {
            ConstVal::Int(i) => Some(Ratio::int(*i)),
            ConstVal::Float(f) => Ratio::from_f64(*f),
            ConstVal::Exact(r) => Some(*r),
            _ => None,
        }
    }
    /// An exact constant rounded to float64; every other value as it is.
    pub(crate) fn rounded(self) -> ConstVal {
        match self {
            ConstVal::Exact(r) => ConstVal::Float(r.to_f64()),
            ConstVal::Complex(p) => {
                let (re, im) = *p;
                ConstVal::Complex(Box::new((re.rounded(), im.rounded())))
            }
            v => v,
        }
    }
}

/// Predeclared functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    Len,
    Cap,
    Append,
    Make,
    New,
    Delete,
    Copy,
    Panic,
    Recover,
    Print,
    Println,
    Close,
    Min,
    Max,
    Clear,
    Complex,
    Real,
    Imag,
}

/// What a name denotes.
#[derive(Clone, Debug)]
pub(crate) enum Entity {
    Local(usize),
    Capture(u16, TypeId),
    Global(u32, TypeId),
    Const(ConstVal, TypeId),
    Type(TypeId),
    Func(FuncId, TypeId),
    Builtin(Builtin),
    Package(String),
    Nil,
    Iota,
    /// A generic function, by name: usable only instantiated (`generics.rs`).
    GenericFunc(String),
    /// A generic type, by name.
    GenericType(String),
}

/// Stands for the program's file name in a message (`declared at ./FILE:3:9`); the report
/// fills it in (`golite::compile_error_report`).
pub(crate) const FILE_MARK: &str = "\u{1}file\u{1}";

/// Where a variable access was emitted, for patching when the variable becomes boxed.
#[derive(Clone, Copy, Debug)]
enum Site {
    Load(usize),
    Store(usize),
    Init(usize),
    Param(usize),
    Rebox(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct VarInfo {
    pub(crate) slot: u16,
    pub(crate) ty: TypeId,
    pub(crate) boxed: bool,
    sites: Vec<Site>,
    /// Where the program declared it, while no expression has read it: Go refuses a function
    /// that ends with such a variable (`declared and not used: x`).
    unused: Option<(Pos, String)>,
}

/// A name in a function scope: a variable, or a local constant or type.
#[derive(Clone, Debug)]
enum Local {
    Var(usize),
    Ent(Entity),
}

#[derive(Default)]
struct LoopCtx {
    label: Option<String>,
    is_loop: bool,
    breaks: Vec<usize>,
    continues: Vec<usize>,
}

/// Per-function compilation state.
pub(crate) struct FnState {
    pub(crate) code: FuncCode,
    scopes: Vec<Vec<(String, Local)>>,
    pub(crate) vars: Vec<VarInfo>,
    /// Captured outer variables: (outer function depth, outer var index) -> capture index.
    caps: Vec<((usize, usize), TypeId)>,
    cap_src: Vec<(bool, u16)>,
    results: Vec<TypeId>,
    result_vars: Vec<usize>,
    returns: Vec<usize>,
    loops: Vec<LoopCtx>,
    next_slot: u16,
    /// Set when a local was asked for past slot 65535 (the slot numbers are 16 bits): the
    /// function is then a compile error, not locals sharing slots.
    out_of_slots: bool,
    closure_count: u32,
    /// `go` and `defer` statements so far that Go runs through a wrapper (`gowrapN`,
    /// `deferwrapN` share the count, as in cmd/compile).
    go_defer_wraps: u32,
    named_results: bool,
    /// Labels a break or continue named (Go refuses a label nobody uses).
    used_labels: Vec<String>,
    /// Set when this function is the body of a range-over-func loop (`range_func.rs`).
    range_func: Option<range_func::RangeFunc>,
    /// Range-over-func loops in this function so far (their bodies' names).
    range_count: u32,
    /// Labels and `goto`s, resolved when the function ends (`goto.rs`).
    pub(crate) gotos: goto::Gotos,
}

impl FnState {
    /// Finds a name in this function's scopes without side effects.
    pub(crate) fn peek_scope(&self, name: &str) -> Option<Entity> {
        self.scopes.iter().rev().find_map(|s| {
            s.iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, l)| match l {
                    Local::Var(v) => Entity::Local(*v),
                    Local::Ent(e) => e.clone(),
                })
        })
    }
}

/// The compiler.
pub(crate) struct Compiler<'a> {
    pub(crate) file: &'a File,
    /// The standard library.
    pub(crate) lib: &'static Library,
    pub(crate) types: Types,
    pub(crate) funcs: Vec<FuncCode>,
    pub(crate) consts: Vec<Const>,
    str_consts: HashMap<Rc<str>, u32>,
    pub(crate) methods: HashMap<(TypeId, u32), MethodImpl>,
    pub(crate) syms: HashMap<String, u32>,
    pub(crate) sym_names: Vec<String>,
    pub(crate) pkg_scope: HashMap<String, Entity>,
    pub(crate) imports: HashMap<String, String>,
    pub(crate) fs: Vec<FnState>,
    /// `go` statements so far that Go runs through a wrapper, in the whole program.
    pub(crate) go_wrappers: u32,
    /// Methods declared in Go: (named type, name) -> (func, pointer receiver, signature type).
    pub(crate) go_methods: HashMap<(TypeId, String), (FuncId, bool, TypeId)>,
    /// Methods of the standard library's types: (type, name) -> (native, signature, pointer receiver).
    pub(crate) native_methods: HashMap<(TypeId, String), (Native, TypeId, bool)>,
    pub(crate) std: Std,
    pub(crate) line: u32,
    pub(crate) iota: Option<i128>,
    pub(crate) nglobals: u32,
    pub(crate) overrides: HashMap<String, i64>,
    pub(crate) assert_src: HashMap<(FuncId, u32), TypeId>,
    /// Operator expressions known not to be constant, and their types: without them, typing
    /// `y + y + ... + y` asks each operand again at every level (cubic time, 14 s for 2,000
    /// terms). An expression id is typed in one scope only, except the repeated expression of a
    /// `const` block, which is constant and so never cached here.
    pub(crate) not_const: std::collections::HashSet<ast::ExprId>,
    pub(crate) binary_types: HashMap<ast::ExprId, TypeId>,
    /// The function id being compiled at each depth of `fs`.
    fids: Vec<FuncId>,
    /// Set while resolving the name assigned by `x = ...`, which does not use x.
    pub assigning: bool,
    /// Local names of the imports the program referred to (Go refuses an unused import).
    pub used_imports: std::collections::HashSet<String>,
    /// Library types made by their packages' registration (code.rs's `MoreTypes`).
    pub(crate) more: crate::golite::code::MoreTypes,
    /// Go 1.22's fresh loop variables per iteration; false for `go 1.21` (loops.rs).
    pub(crate) per_iteration_loop_vars: bool,
    /// Generic declarations and their instances (generics.rs).
    pub(crate) generics: generics::Generics<'a>,
}

/// Compiles a parsed file into a program. `overrides` replace the values of parameter constants;
/// `go` picks the loop variable rule.
pub(crate) fn compile_file(
    file: &File,
    overrides: HashMap<String, i64>,
    lib: &'static Library,
    go: crate::runtime::GoVersion,
) -> R<Program> {
    // The library's Go source this program needs, compiled with the program's declarations
    // (with expression ids of its own).
    let paths: Vec<&str> = file.imports.iter().map(|i| i.path.as_str()).collect();
    let go_src = (lib.go_source)(&paths);
    let with_library;
    let file = if go_src.is_empty() {
        file
    } else {
        let lib_file = crate::golite::syntax::parser::parse_file_numbered(&go_src, file.expr_count)
            .map_err(|e| Error {
                line: 0,
                col: 0,
                msg: format!("golite's library source: {}:{}: {}", e.line, e.col, e.msg),
            })?;
        // First, so that the program's types can be made of the library's (`struct{ io.Reader }`).
        let mut decls = lib_file.decls;
        decls.extend(file.decls.iter().cloned());
        with_library = File {
            package: file.package.clone(),
            imports: file.imports.clone(),
            decls,
            expr_count: lib_file.expr_count,
        };
        &with_library
    };
    let mut types = Types::new();
    let std = (lib.std_types)(&mut types);
    let mut c = Compiler {
        file,
        lib,
        types,
        funcs: Vec::new(),
        go_wrappers: 0,
        consts: Vec::new(),
        str_consts: HashMap::new(),
        methods: HashMap::new(),
        syms: HashMap::new(),
        sym_names: Vec::new(),
        pkg_scope: HashMap::new(),
        imports: HashMap::new(),
        fs: Vec::new(),
        go_methods: HashMap::new(),
        native_methods: HashMap::new(),
        std,
        line: 1,
        iota: None,
        nglobals: 0,
        overrides,
        assert_src: HashMap::new(),
        not_const: Default::default(),
        binary_types: HashMap::new(),
        fids: Vec::new(),
        assigning: false,
        used_imports: Default::default(),
        more: Default::default(),
        per_iteration_loop_vars: go.per_iteration_loop_vars(),
        generics: Default::default(),
    };
    c.run()
}

impl Compiler<'_> {
    /// Go's "invalid recursive type" for the defined type `t` named `name`: a type that
    /// contains itself through fields or array elements has no finite size.
    pub fn check_recursive(&self, t: TypeId, name: &ast::Ident) -> R<()> {
        let Some(path) = self.types.cycle_through_values(t) else {
            return Ok(());
        };
        let name_s = &name.name;
        let mut msg = format!("invalid recursive type {name_s}");
        if path.len() <= 1 {
            msg = format!("invalid recursive type: {name_s} refers to itself");
        } else {
            for w in path.windows(2) {
                msg.push_str(&format!("\n\t{} refers to {}", w[0], w[1]));
            }
            msg.push_str(&format!("\n\t{} refers to {name_s}", path[path.len() - 1]));
        }
        err(name.pos, msg)
    }
}

/// A function's name as Go gives it: `bytes.(*Buffer).Write` for the library's Go source's
/// `main.(*bytesꞏBuffer).Write`.
fn library_func_name(name: &str) -> String {
    if !name.contains('\u{a78f}') {
        return name.to_string();
    }
    let n = name.strip_prefix("main.").unwrap_or(name);
    if let Some(rest) = n.strip_prefix("(*")
        && let Some((pkg, t)) = rest.split_once('\u{a78f}')
    {
        let pkg = match pkg {
            "http" => "net/http",
            "httptest" => "net/http/httptest",
            p => p,
        };
        return format!("{pkg}.(*{t}");
    }
    let name = n.replacen('\u{a78f}', ".", 1);
    // Go names functions by import path: `net/http.(*persistConn).readLoop`.
    for (short, path) in [("http.", "net/http."), ("httptest.", "net/http/httptest.")] {
        if let Some(rest) = name.strip_prefix(short) {
            return format!("{path}{rest}");
        }
    }
    name
}

/// The name of package main's type `name`; a type of the library's Go source is named as Go
/// names it (`bytesꞏBuffer` is `bytes.Buffer`).
pub(crate) fn type_name(name: &str) -> String {
    // crypto/sha256's New returns crypto/internal/fips140/sha256's exported Digest, which
    // `%T` shows as `*sha256.Digest`; in golite the type stays unexported, so that the
    // program's `sha256.Digest` is undefined, as in Go.
    if name == "sha256\u{a78f}digest" {
        return "sha256.Digest".to_string();
    }
    if name.contains('\u{a78f}') {
        name.replace('\u{a78f}', ".")
    } else {
        format!("main.{name}")
    }
}

impl Compiler<'_> {
    /// `pkg.Name` as the name the library's Go source declares it under, when it does.
    pub(crate) fn library_go_name(&mut self, x: &Expr, sel: &ast::Ident) -> Option<Expr> {
        let ExprKind::Ident(p) = &x.kind else {
            return None;
        };
        if !sel.name.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let Some(Entity::Package(path)) = self.peek(p) else {
            return None;
        };
        let name = go_name(&path, &sel.name);
        if !self.pkg_scope.contains_key(&name) {
            return None;
        }
        Some(Expr {
            id: x.id,
            pos: x.pos,
            kind: ExprKind::Ident(name),
        })
    }
}

/// Locals (parameters and results included) one function may have: slots are 16-bit.
const MAX_LOCALS: usize = u16::MAX as usize;

impl<'a> Compiler<'a> {
    /// What `pkg.Name` denotes, from the library.
    pub(crate) fn member(&mut self, path: &str, name: &str) -> Option<Member> {
        (self.lib.member)(self, path, name)
    }

    fn run(&mut self) -> R<Program> {
        let file = self.file;
        if file.package.name != "main" {
            return err(file.package.pos, "golite runs package main only");
        }
        for imp in &file.imports {
            if !self.lib.known.contains(&imp.path.as_str()) {
                return err(
                    imp.pos,
                    format!("golite does not support package {}", imp.path),
                );
            }
            let local = match &imp.name {
                Some(n) if n.name == "_" => continue,
                Some(n) if n.name == "." => return err(imp.pos, "dot imports are not supported"),
                Some(n) => n.name.clone(),
                None => imp.path.rsplit('/').next().unwrap_or(&imp.path).to_string(),
            };
            self.imports.insert(local.clone(), imp.path.clone());
            self.pkg_scope
                .insert(local, Entity::Package(imp.path.clone()));
        }
        // The library's Go source reaches each package by a name no program writes.
        for path in self.lib.known {
            let local = go_name(path, "");
            self.imports.insert(local.clone(), path.to_string());
            self.pkg_scope
                .insert(local, Entity::Package(path.to_string()));
        }
        (self.lib.register_methods)(self);
        // Pass 1: type names.
        self.collect_generics()?;
        for name in self.generic_func_names() {
            self.pkg_scope
                .insert(name.clone(), Entity::GenericFunc(name));
        }
        let mut type_specs = Vec::new();
        for d in &file.decls {
            if let Decl::Type(specs) = d {
                for s in specs {
                    if self.pkg_scope.contains_key(&s.name.name) {
                        return err(s.pos, format!("{} redeclared in this block", s.name.name));
                    }
                    if !s.tparams.is_empty() {
                        self.pkg_scope.insert(
                            s.name.name.clone(),
                            Entity::GenericType(s.name.name.clone()),
                        );
                    } else if s.alias {
                        type_specs.push((s, None));
                    } else {
                        let t = self.types.new_named(&type_name(&s.name.name));
                        self.pkg_scope.insert(s.name.name.clone(), Entity::Type(t));
                        type_specs.push((s, Some(t)));
                    }
                }
            }
        }
        for (s, t) in &type_specs {
            let under = self.resolve_type(&s.typ)?;
            match t {
                Some(t) => self.types.set_underlying(*t, under),
                None => {
                    self.pkg_scope
                        .insert(s.name.name.clone(), Entity::Type(under));
                }
            }
        }
        for (s, t) in &type_specs {
            if let Some(t) = t {
                self.check_recursive(*t, &s.name)?;
            }
        }
        // Pass 2: constants (in order), function signatures, methods.
        for d in &file.decls {
            if let Decl::Const(specs) = d {
                self.const_decl(specs, true)?;
            }
        }
        let mut bodies: Vec<(&FuncDecl, FuncId)> = Vec::new();
        let mut inits: Vec<(FuncId, u32)> = Vec::new();
        for d in &file.decls {
            if let Decl::Func(f) = d {
                if self.is_generic_decl(f) {
                    continue;
                }
                let fid = self.funcs.len() as FuncId;
                self.funcs.push(FuncCode::default());
                let sig = self.func_type(&f.sig)?;
                match &f.recv {
                    None => {
                        let name = f.name.name.as_str();
                        if (name == "init" || name == "main")
                            && (!f.sig.params.is_empty() || !f.sig.results.is_empty())
                        {
                            return err(
                                f.name.pos,
                                format!("func {name} must have no arguments and no return values"),
                            );
                        }
                        if name == "init" {
                            // Any number of them, run in source order before main; the name
                            // itself is declared nowhere (calling init is `undefined: init`).
                            inits.push((fid, f.pos.line));
                            bodies.push((f, fid));
                            continue;
                        }
                        if self.pkg_scope.contains_key(&f.name.name) {
                            return err(
                                f.name.pos,
                                format!("{} redeclared in this block", f.name.name),
                            );
                        }
                        self.pkg_scope
                            .insert(f.name.name.clone(), Entity::Func(fid, sig));
                    }
                    Some(r) => {
                        let Some(Entity::Type(t)) = self.pkg_scope.get(&r.type_name.name).cloned()
                        else {
                            return err(
                                r.type_name.pos,
                                format!("undefined: {}", r.type_name.name),
                            );
                        };
                        if self.types.named_info(t).is_none() {
                            return err(r.type_name.pos, "methods need a defined type");
                        }
                        self.go_methods
                            .insert((t, f.name.name.clone()), (fid, r.pointer, sig));
                        let sym = self.sym(&f.name.name);
                        let pt = self.types.pointer(t);
                        if r.pointer {
                            self.methods
                                .insert((pt, sym), MethodImpl::Go(fid, RecvAdjust::AsIs));
                        } else {
                            self.methods
                                .insert((t, sym), MethodImpl::Go(fid, RecvAdjust::AsIs));
                            self.methods
                                .insert((pt, sym), MethodImpl::Go(fid, RecvAdjust::Deref));
                        }
                    }
                }
                bodies.push((f, fid));
            }
        }
        // Pass 3: globals.
        let entry = self.funcs.len() as FuncId;
        self.funcs.push(FuncCode::default());
        self.begin_fn(entry, "main.init", 1, &[], &[], None)?;
        let specs: Vec<&ast::VarSpec> = file
            .decls
            .iter()
            .filter_map(|d| match d {
                Decl::Var(specs) => Some(specs.iter()),
                _ => None,
            })
            .flatten()
            .collect();
        for s in declarations::init_order(&specs) {
            self.global_var(s)?;
        }
        for (fid, line) in inits {
            self.line = line;
            self.emit(Op::Call(fid, 0));
        }
        let main = match self.pkg_scope.get("main") {
            Some(Entity::Func(f, _)) => *f,
            _ => {
                return err(
                    Pos::new(1, 1),
                    "function main is undeclared in the main package",
                );
            }
        };
        let main_line = bodies
            .iter()
            .find(|(_, f)| *f == main)
            .map_or(1, |(d, _)| d.pos.line);
        self.line = main_line;
        self.emit(Op::Call(main, 0));
        self.end_fn(entry)?;
        // Pass 4: bodies.
        for (f, fid) in bodies {
            self.func_decl(f, fid)?;
        }
        self.compile_instances()?;
        self.check_generic_bodies()?;
        self.check_imports_used()?;
        self.promote_methods();
        let globals = self.nglobals;
        let wk = (self.lib.well_known)(self);
        let method_sigs = self.method_sigs();
        Ok(Program {
            types: std::mem::take(&mut self.types),
            funcs: std::mem::take(&mut self.funcs),
            consts: std::mem::take(&mut self.consts),
            methods: std::mem::take(&mut self.methods),
            method_sigs,
            syms: std::mem::take(&mut self.syms),
            sym_names: std::mem::take(&mut self.sym_names),
            nglobals: globals,
            entry,
            main_line,
            wk,
            assert_src: std::mem::take(&mut self.assert_src),
        })
    }

    /// Go's error for the first import that no name referred to.
    fn check_imports_used(&self) -> R<()> {
        for imp in &self.file.imports {
            let (local, alias) = match &imp.name {
                Some(n) if n.name == "_" => continue,
                Some(n) => (n.name.clone(), true),
                None => (
                    imp.path.rsplit('/').next().unwrap_or(&imp.path).to_string(),
                    false,
                ),
            };
            if !self.used_imports.contains(&local) {
                let msg = if alias {
                    format!("\"{}\" imported as {local} and not used", imp.path)
                } else {
                    format!("\"{}\" imported and not used", imp.path)
                };
                return err(imp.pos, msg);
            }
        }
        Ok(())
    }

    /// The signature of each entry of the method table (`Program::method_sigs`), as the
    /// methods were declared: the program's and the library's Go methods, the natives'.
    fn method_sigs(&mut self) -> HashMap<(TypeId, u32), TypeId> {
        let declared: Vec<(TypeId, String, bool, TypeId)> = self
            .go_methods
            .iter()
            .map(|((t, name), &(_, ptr, sig))| (*t, name.clone(), ptr, sig))
            .chain(
                self.native_methods
                    .iter()
                    .map(|((t, name), &(_, sig, ptr))| (*t, name.clone(), ptr, sig)),
            )
            .collect();
        let mut sigs = HashMap::new();
        for (t, name, ptr, sig) in declared {
            let sym = self.sym(&name);
            let pt = self.types.pointer(t);
            sigs.insert((pt, sym), sig);
            if !ptr {
                sigs.insert((t, sym), sig);
            }
        }
        sigs
    }

    /// Registers interface-dispatch entries for methods promoted through embedded fields, by
    /// compiling small wrapper functions.
    fn promote_methods(&mut self) {
        // Only direct methods are dispatched dynamically; promoted ones are resolved statically.
    }

    /// The symbol number of a method name.
    pub(crate) fn sym(&mut self, name: &str) -> u32 {
        if let Some(&s) = self.syms.get(name) {
            return s;
        }
        let s = self.sym_names.len() as u32;
        self.sym_names.push(name.to_string());
        self.syms.insert(name.to_string(), s);
        s
    }

    // ---- emission ----

    pub(crate) fn f(&mut self) -> &mut FnState {
        let n = self.fs.len() - 1;
        &mut self.fs[n]
    }

    pub(crate) fn emit(&mut self, op: Op) -> usize {
        let line = self.line;
        let f = self.f();
        f.code.code.push(op);
        f.code.lines.push(line);
        f.code.code.len() - 1
    }

    pub(crate) fn here(&mut self) -> usize {
        self.f().code.code.len()
    }

    pub(crate) fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        let op = &mut self.f().code.code[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(t),
            Op::JumpIf(_) => Op::JumpIf(t),
            Op::JumpIfNot(_) => Op::JumpIfNot(t),
            other => other,
        };
    }

    pub(crate) fn const_index(&mut self, v: Const) -> u32 {
        if let Const::Str(s) = &v {
            if let Some(&i) = self.str_consts.get(s) {
                return i;
            }
            self.str_consts.insert(s.clone(), self.consts.len() as u32);
        }
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }

    // ---- functions and scopes ----

    fn begin_fn(
        &mut self,
        fid: FuncId,
        name: &str,
        line: u32,
        params: &[(String, TypeId)],
        results: &[(Option<String>, TypeId)],
        _variadic: Option<()>,
    ) -> R<()> {
        if params.len() + results.len() > MAX_LOCALS {
            return err(
                Pos::new(line, 1),
                format!(
                    "function {name} has more than {MAX_LOCALS} local variables (golite's limit)"
                ),
            );
        }
        // The library's Go source (and closures in it): its lines are not the program's, so
        // the VM reports its caller's line (a goroutine blocked in io.Pipe's Write is at the
        // program's Fprintf).
        let prelude = name.contains('\u{a78f}') || self.fs.last().is_some_and(|f| f.code.prelude);
        let code = FuncCode {
            name: library_func_name(name),
            line,
            prelude,
            nparams: params.len() as u16,
            nresults: results.len() as u16,
            ..FuncCode::default()
        };
        self.fs.push(FnState {
            code,
            scopes: vec![Vec::new()],
            vars: Vec::new(),
            caps: Vec::new(),
            cap_src: Vec::new(),
            results: results.iter().map(|r| r.1).collect(),
            result_vars: Vec::new(),
            returns: Vec::new(),
            loops: Vec::new(),
            next_slot: 0,
            out_of_slots: false,
            closure_count: 0,
            go_defer_wraps: 0,
            named_results: results
                .iter()
                .any(|r| r.0.as_ref().is_some_and(|n| n != "_")),
            used_labels: Vec::new(),
            range_func: None,
            range_count: 0,
            gotos: goto::Gotos::default(),
        });
        self.fids.push(fid);
        let old = self.line;
        self.line = line;
        for (n, t) in params {
            let v = self.new_var(n, *t);
            let at = self.emit(Op::Nop);
            self.f().vars[v].sites.push(Site::Param(at));
        }
        for (i, (n, t)) in results.iter().enumerate() {
            let name = n.clone().unwrap_or_else(|| format!("~r{i}"));
            let v = self.new_var(&name, *t);
            self.f().result_vars.push(v);
            self.zero_of(*t);
            self.init_var(v);
        }
        self.line = old.max(line);
        Ok(())
    }

    fn end_fn(&mut self, fid: FuncId) -> R<()> {
        if let Some((pos, name)) = self.f().vars.iter().filter_map(|v| v.unused.clone()).min() {
            return err(pos, format!("declared and not used: {name}"));
        }
        self.resolve_gotos()?;
        let end = self.here();
        let rets = std::mem::take(&mut self.f().returns);
        for r in rets {
            self.patch(r, end);
        }
        self.emit(Op::Ret);
        let Some(st) = self.fs.pop() else {
            return Ok(());
        };
        self.fids.pop();
        let mut code = st.code;
        if st.out_of_slots {
            return err(
                Pos::new(code.line, 1),
                format!(
                    "function {} has more than {MAX_LOCALS} local variables (golite's limit)",
                    code.name
                ),
            );
        }
        code.nlocals = st.next_slot.max(code.nparams + code.nresults);
        for (i, v) in st.result_vars.iter().enumerate().take(64) {
            if st.vars[*v].boxed {
                code.boxed_results |= 1 << i;
            }
        }
        self.funcs[fid as usize] = code;
        Ok(())
    }

    pub(crate) fn new_var(&mut self, name: &str, ty: TypeId) -> usize {
        let f = self.f();
        let slot = f.next_slot;
        match f.next_slot.checked_add(1) {
            Some(n) => f.next_slot = n,
            None => f.out_of_slots = true,
        }
        f.vars.push(VarInfo {
            slot,
            ty,
            boxed: false,
            sites: Vec::new(),
            unused: None,
        });
        let v = f.vars.len() - 1;
        if name != "_"
            && let Some(s) = f.scopes.last_mut()
        {
            s.push((name.to_string(), Local::Var(v)));
        }
        v
    }

    /// A variable the program declares at `pos` (`:=`, `var`, range and select variables): an
    /// error unless some expression reads it before the function ends.
    pub fn declare_var(&mut self, name: &str, ty: TypeId, pos: Pos) -> usize {
        self.f().gotos.declared(name, pos);
        let v = self.new_var(name, ty);
        if name != "_" {
            self.f().vars[v].unused = Some((pos, name.to_string()));
        }
        v
    }

    /// A hidden local for the compiler's own use (loop counters, temporaries).
    pub(crate) fn temp(&mut self, ty: TypeId) -> usize {
        self.new_var("_", ty)
    }

    pub(crate) fn fids_last(&self) -> &u32 {
        self.fids.last().unwrap_or(&0)
    }
    pub(crate) fn f_results(&mut self) -> Vec<TypeId> {
        self.f().results.clone()
    }
    pub(crate) fn f_result_vars(&mut self) -> Vec<usize> {
        self.f().result_vars.clone()
    }
    pub(crate) fn f_named_results(&mut self) -> bool {
        self.f().named_results
    }
    pub(crate) fn f_push_return(&mut self, j: usize) {
        self.f().returns.push(j);
    }
    pub(crate) fn f_var_count(&mut self) -> usize {
        self.f().vars.len()
    }
    pub(crate) fn loop_begin(&mut self, label: Option<&str>, is_loop: bool) {
        self.f().loops.push(LoopCtx {
            label: label.map(str::to_string),
            is_loop,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
    }
    pub(crate) fn loop_end(&mut self, cont: usize, end: usize) {
        if let Some(l) = self.f().loops.pop() {
            for b in l.breaks {
                self.patch(b, end);
            }
            for c in l.continues {
                self.patch(c, cont);
            }
        }
    }
    /// Whether a break or continue of this function named `label`.
    pub fn label_used(&mut self, label: &str) -> bool {
        self.f().used_labels.iter().any(|l| l == label)
    }

    /// Whether a break/continue has a target in this function (without recording it).
    pub(crate) fn can_branch(&mut self, label: Option<&str>, is_break: bool) -> bool {
        self.f().loops.iter().rev().any(|l| match label {
            Some(name) => l.label.as_deref() == Some(name) && (is_break || l.is_loop),
            None => is_break || l.is_loop,
        })
    }

    /// Records a break/continue jump; false when no enclosing statement matches.
    pub(crate) fn f_branch(&mut self, label: Option<&str>, is_break: bool, j: usize) -> bool {
        if let Some(name) = label {
            self.f().used_labels.push(name.to_string());
        }
        let loops = &mut self.f().loops;
        for l in loops.iter_mut().rev() {
            let matches = match label {
                Some(name) => l.label.as_deref() == Some(name),
                None => is_break || l.is_loop,
            };
            if matches {
                if !is_break && !l.is_loop {
                    return false;
                }
                if is_break {
                    l.breaks.push(j);
                } else {
                    l.continues.push(j);
                }
                return true;
            }
        }
        false
    }

    pub(crate) fn push_scope(&mut self) {
        let line = self.line;
        let f = self.f();
        f.scopes.push(Vec::new());
        f.gotos.enter_block(line);
    }
    pub(crate) fn pop_scope(&mut self) {
        let f = self.f();
        f.scopes.pop();
        f.gotos.leave_block();
    }

    pub(crate) fn declared_in_scope(&mut self, name: &str) -> Option<usize> {
        self.f().scopes.last().and_then(|s| {
            s.iter()
                .rev()
                .find(|(n, _)| n == name)
                .and_then(|(_, l)| match l {
                    Local::Var(v) => Some(*v),
                    Local::Ent(_) => None,
                })
        })
    }

    /// Store the value on top into a freshly declared variable.
    pub(crate) fn init_var(&mut self, v: usize) {
        let f = self.f();
        let (slot, boxed) = (f.vars[v].slot, f.vars[v].boxed);
        let at = self.emit(if boxed {
            Op::InitCell(slot)
        } else {
            Op::Store(slot)
        });
        self.f().vars[v].sites.push(Site::Init(at));
    }
    pub(crate) fn load_var(&mut self, v: usize) {
        let f = self.f();
        let (slot, boxed) = (f.vars[v].slot, f.vars[v].boxed);
        let at = self.emit(if boxed {
            Op::LoadCell(slot)
        } else {
            Op::Load(slot)
        });
        self.f().vars[v].sites.push(Site::Load(at));
    }
    pub(crate) fn store_var(&mut self, v: usize) {
        let f = self.f();
        let (slot, boxed) = (f.vars[v].slot, f.vars[v].boxed);
        let at = self.emit(if boxed {
            Op::StoreCell(slot)
        } else {
            Op::Store(slot)
        });
        self.f().vars[v].sites.push(Site::Store(at));
    }
    pub(crate) fn rebox_site(&mut self, v: usize) {
        let f = self.f();
        let (slot, boxed) = (f.vars[v].slot, f.vars[v].boxed);
        let at = self.emit(if boxed { Op::Rebox(slot) } else { Op::Nop });
        self.f().vars[v].sites.push(Site::Rebox(at));
    }

    /// Makes variable `v` of function depth `d` a boxed cell, patching its emitted accesses.
    pub(crate) fn box_var(&mut self, d: usize, v: usize) {
        let f = &mut self.fs[d];
        let var = &mut f.vars[v];
        if var.boxed {
            return;
        }
        var.boxed = true;
        let slot = var.slot;
        for s in var.sites.clone() {
            match s {
                Site::Load(at) => f.code.code[at] = Op::LoadCell(slot),
                Site::Store(at) => f.code.code[at] = Op::StoreCell(slot),
                Site::Init(at) => f.code.code[at] = Op::InitCell(slot),
                Site::Param(at) => f.code.code[at] = Op::BoxSlot(slot),
                Site::Rebox(at) => f.code.code[at] = Op::Rebox(slot),
            }
        }
    }

    /// Resolves a name: locals of this function, then captures from enclosing functions, then
    /// package scope, then the universe.
    pub(crate) fn lookup(&mut self, name: &str) -> Option<Entity> {
        if let Some(t) = self.generics.bound(name) {
            return Some(Entity::Type(t));
        }
        let depth = self.fs.len();
        for d in (0..depth).rev() {
            let found = self.fs[d].scopes.iter().rev().find_map(|s| {
                s.iter()
                    .rev()
                    .find(|(n, _)| n == name)
                    .map(|(_, l)| l.clone())
            });
            if let Some(Local::Ent(e)) = found {
                return Some(e);
            }
            if let Some(Local::Var(v)) = found {
                if !self.assigning {
                    self.fs[d].vars[v].unused = None;
                }
                if d == depth - 1 {
                    return Some(Entity::Local(v));
                }
                let ty = self.fs[d].vars[v].ty;
                self.box_var(d, v);
                let idx = self.capture(d, v, depth - 1);
                return Some(Entity::Capture(idx, ty));
            }
        }
        if let Some(e) = self.pkg_scope.get(name) {
            if matches!(e, Entity::Package(_)) {
                self.used_imports.insert(name.to_string());
            }
            return Some(e.clone());
        }
        universe(name)
    }

    /// `lookup` for the name assigned by `x = ...`, which does not use x (`x += 1` and `x++`
    /// do: see op_assign).
    pub fn lookup_assigned(&mut self, name: &str) -> Option<Entity> {
        self.assigning = true;
        let found = self.lookup(name);
        self.assigning = false;
        found
    }

    /// The capture index in function `at` of variable `v` declared in function `origin`.
    fn capture(&mut self, origin: usize, v: usize, at: usize) -> u16 {
        let key = (origin, v);
        if let Some(i) = self.fs[at].caps.iter().position(|(k, _)| *k == key) {
            return i as u16;
        }
        let src = if at == origin + 1 {
            (false, self.fs[origin].vars[v].slot)
        } else {
            (true, self.capture(origin, v, at - 1))
        };
        let ty = self.fs[origin].vars[v].ty;
        let f = &mut self.fs[at];
        f.caps.push((key, ty));
        f.cap_src.push(src);
        (f.caps.len() - 1) as u16
    }
}

/// Predeclared identifiers.
pub(crate) fn universe(name: &str) -> Option<Entity> {
    use crate::golite::types::ids::*;
    Some(match name {
        "bool" => Entity::Type(BOOL),
        "int" => Entity::Type(INT),
        "int8" => Entity::Type(INT8),
        "int16" => Entity::Type(INT16),
        "int32" | "rune" => Entity::Type(INT32),
        "int64" => Entity::Type(INT64),
        "uint" => Entity::Type(UINT),
        "uint8" | "byte" => Entity::Type(UINT8),
        "uint16" => Entity::Type(UINT16),
        "uint32" => Entity::Type(UINT32),
        "uint64" => Entity::Type(UINT64),
        "uintptr" => Entity::Type(UINTPTR),
        "float64" => Entity::Type(FLOAT64),
        "float32" => Entity::Type(FLOAT32),
        "string" => Entity::Type(STRING),
        "error" => Entity::Type(ERROR),
        "any" => Entity::Type(ANY),
        "true" => Entity::Const(ConstVal::Bool(true), UNTYPED_BOOL),
        "false" => Entity::Const(ConstVal::Bool(false), UNTYPED_BOOL),
        "nil" => Entity::Nil,
        "iota" => Entity::Iota,
        "len" => Entity::Builtin(Builtin::Len),
        "cap" => Entity::Builtin(Builtin::Cap),
        "append" => Entity::Builtin(Builtin::Append),
        "make" => Entity::Builtin(Builtin::Make),
        "new" => Entity::Builtin(Builtin::New),
        "delete" => Entity::Builtin(Builtin::Delete),
        "copy" => Entity::Builtin(Builtin::Copy),
        "panic" => Entity::Builtin(Builtin::Panic),
        "recover" => Entity::Builtin(Builtin::Recover),
        "print" => Entity::Builtin(Builtin::Print),
        "println" => Entity::Builtin(Builtin::Println),
        "close" => Entity::Builtin(Builtin::Close),
        "min" => Entity::Builtin(Builtin::Min),
        "max" => Entity::Builtin(Builtin::Max),
        "clear" => Entity::Builtin(Builtin::Clear),
        "complex" => Entity::Builtin(Builtin::Complex),
        "real" => Entity::Builtin(Builtin::Real),
        "imag" => Entity::Builtin(Builtin::Imag),
        "complex128" => Entity::Type(COMPLEX128),
        "complex64" => Entity::Type(COMPLEX64),
        _ => return None,
    })
}

/// A short description of an expression for messages.
pub(crate) fn describe(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Selector { x, sel } => format!("{}.{}", describe(x), sel.name),
        ExprKind::Call { func, .. } => format!("{}(...)", describe(func)),
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Str(s) => format!("{s:?}"),
        _ => "expression".into(),
    }
}

/// Where Go reports an error about expression `e`: its leftmost token.
pub(crate) fn start_pos(e: &Expr) -> Pos {
    match &e.kind {
        ExprKind::Binary { x, .. }
        | ExprKind::Selector { x, .. }
        | ExprKind::Index { x, .. }
        | ExprKind::Slice { x, .. }
        | ExprKind::TypeAssert { x, .. } => start_pos(x),
        ExprKind::Call { func, .. } => start_pos(func),
        _ => e.pos,
    }
}

/// An expression as Go's messages print it (`x == 3`, `f(a, 1)`); constructs without a short
/// form print as `describe` has them.
pub(crate) fn expr_src(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Paren(x) => format!("({})", expr_src(x)),
        ExprKind::Selector { x, sel } => format!("{}.{}", expr_src(x), sel.name),
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            let args: Vec<String> = args.iter().map(expr_src).collect();
            let dots = if *ellipsis { "..." } else { "" };
            format!("{}({}{dots})", expr_src(func), args.join(", "))
        }
        ExprKind::Index { x, index } => format!("{}[{}]", expr_src(x), expr_src(index)),
        ExprKind::Binary { op, x, y } => {
            format!("{} {} {}", expr_src(x), op.as_str(), expr_src(y))
        }
        ExprKind::Star(x) => format!("*{}", expr_src(x)),
        ExprKind::Float(f) => format!("{f}"),
        ExprKind::Imag(f) => format!("{f}i"),
        ExprKind::Rune(c) => format!("{c:?}"),
        _ => describe(e),
    }
}

/// Go's error for `n` variables given `got` values by `rhs`, at its first expression:
/// `assignment mismatch: 2 variables but one returns 1 value`.
pub(crate) fn assign_mismatch<T>(n: usize, rhs: &[Expr], got: usize, pos: Pos) -> R<T> {
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    let vars = format!("assignment mismatch: {n} variable{}", plural(n));
    match rhs {
        [one] => match &one.unparen().kind {
            ExprKind::Call { func, .. } => err(
                one.pos,
                format!(
                    "{vars} but {} returns {got} value{}",
                    describe(func),
                    plural(got)
                ),
            ),
            _ => err(one.pos, format!("{vars} but 1 value")),
        },
        [first, ..] => err(
            first.pos,
            format!("{vars} but {} value{}", rhs.len(), plural(rhs.len())),
        ),
        [] => err(pos, format!("{vars} but 0 values")),
    }
}

/// Go's terminating-statement rule (enough for "missing return").
pub(crate) fn terminates_block(stmts: &[ast::Stmt]) -> bool {
    stmts.last().is_some_and(terminates)
}

fn terminates(s: &ast::Stmt) -> bool {
    use ast::StmtKind as S;
    match &s.kind {
        S::Return(_) | S::Go(_) if matches!(s.kind, S::Return(_)) => true,
        S::Expr(e) => {
            // Only panic: to Go, a call of os.Exit is no terminating statement.
            matches!(&e.kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Ident(n) if n == "panic"))
        }
        S::Block(b) => terminates_block(&b.stmts),
        S::If { then, els, .. } => {
            terminates_block(&then.stmts) && els.as_ref().is_some_and(|e| terminates(e))
        }
        S::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, None),
        S::Labeled { label, stmt } => match &stmt.kind {
            S::For { cond, body, .. } => {
                cond.is_none() && !has_break(&body.stmts, Some(&label.name))
            }
            _ => terminates(stmt),
        },
        S::Switch { clauses, .. } => {
            clauses.iter().any(|c| c.is_default)
                && clauses.iter().all(|c| {
                    !has_break(&c.body, None)
                        && (terminates_block(&c.body)
                            || matches!(c.body.last().map(|s| &s.kind), Some(S::Fallthrough)))
                })
        }
        S::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| c.is_default)
                && clauses
                    .iter()
                    .all(|c| !has_break(&c.body, None) && terminates_block(&c.body))
        }
        S::Select(clauses) => clauses
            .iter()
            .all(|c| !has_break(&c.body, None) && terminates_block(&c.body)),
        S::Go(_) => false,
        _ => false,
    }
}

fn has_break(stmts: &[ast::Stmt], label: Option<&str>) -> bool {
    use ast::StmtKind as S;
    stmts.iter().any(|s| match &s.kind {
        S::Break(None) => true,
        S::Break(Some(l)) => Some(l.name.as_str()) == label,
        S::Block(b) => has_break(&b.stmts, label),
        S::If { then, els, .. } => {
            has_break(&then.stmts, label)
                || els
                    .as_ref()
                    .is_some_and(|e| has_break(std::slice::from_ref(e), label))
        }
        S::Labeled { stmt, .. } => has_break(std::slice::from_ref(stmt), label),
        // Breaks inside nested loops/switches/selects target those, unless labeled.
        S::For { body, .. } | S::Range { body, .. } => {
            label.is_some() && has_break(&body.stmts, label)
        }
        S::Switch { clauses, .. } => {
            label.is_some() && clauses.iter().any(|c| has_break(&c.body, label))
        }
        S::TypeSwitch { clauses, .. } => {
            label.is_some() && clauses.iter().any(|c| has_break(&c.body, label))
        }
        S::Select(clauses) => label.is_some() && clauses.iter().any(|c| has_break(&c.body, label)),
        _ => false,
    })
}

/// A resolved signature's parameters: names and types.
pub(crate) type SigParams = Vec<(String, TypeId)>;
/// A resolved signature's results: optional names and types.
pub(crate) type SigResults = Vec<(Option<String>, TypeId)>;
