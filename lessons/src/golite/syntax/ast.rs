//! The syntax tree of a golite source file: plain data produced by the parser.
//!
//! The shape follows Go's own `go/ast` where that keeps later passes simple, with two golite
//! choices: every node carries a 1-based [`Pos`], and every expression carries a unique
//! [`ExprId`] (unique, all below `File::expr_count`; a few ids may go unused, e.g. for a name
//! re-read as a type) so the checker and compiler can attach types, constant
//! values and resolved slots in side tables (`Vec<_>` indexed by id) instead of mutating the tree.
//!
//! As in Go, types and expressions share syntax in expression position: a named type (`T`,
//! `time.Duration`) is an [`ExprKind::Ident`] or [`ExprKind::Selector`], a pointer type is
//! [`ExprKind::Star`], and any other type literal (`[]int`, `map[K]V`, `chan T`, ...) is
//! [`ExprKind::TypeLit`]; [`Expr::as_type`] converts when a type is required (conversions,
//! `make`, `new`).

/// A 1-based source position, as Go reports it in `file.go:LINE:COL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in bytes (a tab counts as one), as Go's compiler counts.
    pub col: u32,
}

impl Pos {
    /// A position from its line and column.
    pub const fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }
}

/// Identifies one expression node; unique within a [`File`] and below [`File::expr_count`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExprId(pub u32);

/// A name with its position (declared names, selectors, labels).
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    /// The identifier text; `_` is the blank identifier.
    pub name: String,
    /// Where it is written.
    pub pos: Pos,
}

/// One parsed `.go` file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// The `package` clause's name (lessons use `main`).
    pub package: Ident,
    /// Import declarations, in source order (grouped imports are flattened).
    pub imports: Vec<Import>,
    /// Top-level declarations, in source order.
    pub decls: Vec<Decl>,
    /// Number of [`ExprId`]s allocated: every expression id is `< expr_count` (size side tables
    /// with it).
    pub expr_count: u32,
}

/// `import name "path"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Explicit local name (`_`, `.` or an alias), if any.
    pub name: Option<Ident>,
    /// The import path without quotes, e.g. `sync/atomic`.
    pub path: String,
    /// Position of the path literal.
    pub pos: Pos,
}

/// A top-level (or, except `Func`, local) declaration.
#[derive(Debug, Clone, PartialEq)]
pub enum Decl {
    /// `const x = 1` or `const ( ... )`: one spec per line of the group.
    Const(Vec<ConstSpec>),
    /// `var x int` or `var ( ... )`.
    Var(Vec<VarSpec>),
    /// `type T struct{...}` or `type ( ... )`.
    Type(Vec<TypeSpec>),
    /// A function or method declaration (top level only); boxed to keep `Decl` small.
    Func(Box<FuncDecl>),
}

/// One line of a const declaration.
///
/// Go's implicit repetition is already applied: a spec that omits its type and values gets copies
/// of the previous spec's (with fresh [`ExprId`]s) and `implicit = true`, so every spec is
/// self-contained and evaluates with its own `iota`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConstSpec {
    /// Position of the first name.
    pub pos: Pos,
    /// The declared names.
    pub names: Vec<Ident>,
    /// Explicit type, if any.
    pub typ: Option<TypeExpr>,
    /// One value per name (after implicit repetition).
    pub values: Vec<Expr>,
    /// The value of `iota` for this spec (its index within the group).
    pub iota: u32,
    /// True when type and values were copied from the previous spec.
    pub implicit: bool,
    /// Comment lines directly above the spec (or above a single-spec `const`), without `//`.
    pub doc: Option<String>,
    /// Trailing comment on the spec's last line, without `//` and trimmed (e.g.
    /// `param: 1..2000 "Incoming requests"`): this is where lesson parameters are marked.
    pub comment: Option<String>,
}

/// One line of a var declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct VarSpec {
    /// Position of the first name.
    pub pos: Pos,
    /// The declared names.
    pub names: Vec<Ident>,
    /// Explicit type, if any.
    pub typ: Option<TypeExpr>,
    /// Initial values: empty (zero values), one per name, or one multi-valued call.
    pub values: Vec<Expr>,
    /// Comment lines directly above the spec, without `//`.
    pub doc: Option<String>,
    /// Trailing comment on the spec's last line, without `//`.
    pub comment: Option<String>,
}

/// `type Name Type` or `type Name = Type`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeSpec {
    /// Position of the name.
    pub pos: Pos,
    /// The declared name.
    pub name: Ident,
    /// True for an alias declaration (`type A = B`).
    pub alias: bool,
    /// Type parameters of a generic type (`type Stack[T any] ...`); empty otherwise.
    pub tparams: Vec<TypeParam>,
    /// The underlying (or aliased) type.
    pub typ: TypeExpr,
    /// Comment lines directly above the spec, without `//`.
    pub doc: Option<String>,
}

/// One type parameter `T C` of a generic function or type: its name and constraint (a union
/// written inline, `[T int | string]`, is an interface of one [`InterfaceElem::Union`]).
#[derive(Debug, Clone, PartialEq)]
pub struct TypeParam {
    /// The parameter's name.
    pub name: Ident,
    /// Its constraint.
    pub constraint: TypeExpr,
}

/// `func (recv) name(params) results { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncDecl {
    /// Position of the `func` keyword.
    pub pos: Pos,
    /// The method receiver, for methods.
    pub recv: Option<Receiver>,
    /// The function's name.
    pub name: Ident,
    /// Type parameters of a generic function (`func Map[T, U any](...)`); empty otherwise.
    pub tparams: Vec<TypeParam>,
    /// Parameters and results.
    pub sig: FuncType,
    /// The body; `None` only for a body-less declaration, which the checker rejects.
    pub body: Option<Block>,
    /// Comment lines directly above the declaration, without `//`.
    pub doc: Option<String>,
}

/// A method receiver `(name T)` or `(name *T)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Receiver {
    /// Position of the opening parenthesis.
    pub pos: Pos,
    /// The receiver variable, if named (`_` counts as named).
    pub name: Option<Ident>,
    /// True for a pointer receiver `*T`.
    pub pointer: bool,
    /// The receiver's base type name `T`.
    pub type_name: Ident,
    /// The receiver's type parameter names, for a method of a generic type (`(s *Stack[E])`).
    pub tparams: Vec<Ident>,
}

/// A type as written in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeExpr {
    /// Where the type starts.
    pub pos: Pos,
    /// What kind of type.
    pub kind: TypeKind,
}

/// The kinds of type syntax in the golite subset.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// `int`, `MyType`, or a qualified `pkg.Name` such as `time.Duration`, `sync.Mutex`.
    Named {
        /// The package qualifier, if any.
        pkg: Option<Ident>,
        /// The type's name.
        name: Ident,
    },
    /// A generic type instantiated: `Stack[int]`, `Pair[K, V]`.
    Instance {
        /// The package qualifier, if any.
        pkg: Option<Ident>,
        /// The generic type's name.
        name: Ident,
        /// The type arguments.
        args: Vec<TypeExpr>,
    },
    /// `*T`.
    Pointer(Box<TypeExpr>),
    /// `[]T`.
    Slice(Box<TypeExpr>),
    /// `[N]T`; `len` is `None` for `[...]T` (only valid in composite literals).
    Array {
        /// The length expression (a constant).
        len: Option<Box<Expr>>,
        /// The element type.
        elem: Box<TypeExpr>,
    },
    /// `map[K]V`.
    Map {
        /// Key type.
        key: Box<TypeExpr>,
        /// Value type.
        value: Box<TypeExpr>,
    },
    /// `chan T`, `chan<- T`, `<-chan T`.
    Chan {
        /// Direction restriction.
        dir: ChanDir,
        /// Element type.
        elem: Box<TypeExpr>,
    },
    /// `func(params) results`.
    Func(FuncType),
    /// `struct { ... }`: one [`Field`] per declared name.
    Struct(Vec<Field>),
    /// `interface { ... }`.
    Interface(Vec<InterfaceElem>),
}

/// Direction of a channel type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChanDir {
    /// `chan T`: send and receive.
    Both,
    /// `chan<- T`: send only.
    Send,
    /// `<-chan T`: receive only.
    Recv,
}

/// A function signature.
#[derive(Debug, Clone, PartialEq)]
pub struct FuncType {
    /// Position of `func` (or of the parameter list for declarations/methods).
    pub pos: Pos,
    /// Parameters, one per name (unnamed parameters have `name: None`).
    pub params: Vec<Param>,
    /// Results, one per name; named results have names.
    pub results: Vec<Param>,
    /// True when the last parameter is `...T`; its `typ` is then the element type `T`.
    pub variadic: bool,
}

/// One parameter or result.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Position of the name, or of the type when unnamed.
    pub pos: Pos,
    /// The parameter's name, if named.
    pub name: Option<Ident>,
    /// Its type (for a variadic last parameter: the element type).
    pub typ: TypeExpr,
}

/// One struct field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Position of the name (or of the type, for embedded fields).
    pub pos: Pos,
    /// The field name; `None` for an embedded field (`T`, `*T`, `pkg.T`), whose name is the type's.
    pub name: Option<Ident>,
    /// The field's type.
    pub typ: TypeExpr,
    /// The struct tag string (unquoted), if any.
    pub tag: Option<String>,
}

/// One element of an interface type.
#[derive(Debug, Clone, PartialEq)]
pub enum InterfaceElem {
    /// `Name(params) results`.
    Method {
        /// The method name.
        name: Ident,
        /// Its signature.
        sig: FuncType,
    },
    /// An embedded interface (`error`, `fmt.Stringer`, `Reader`), or in a constraint a single
    /// type term (`interface{ int }`).
    Embed(TypeExpr),
    /// A union of type terms in a constraint: `~int | ~int64 | float64`, or one `~T`.
    Union(Vec<Term>),
}

/// One term of a constraint's union: `T` or `~T`.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// True for `~T` (every type whose underlying type is T).
    pub tilde: bool,
    /// The type.
    pub typ: TypeExpr,
}

/// An expression node.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// Unique id for side tables.
    pub id: ExprId,
    /// Where the expression starts (for binary expressions: the operator, as Go reports).
    pub pos: Pos,
    /// What it is.
    pub kind: ExprKind,
}

/// The kinds of expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A name: variable, constant, function, type, package, builtin, `nil`, `true`, `iota`, `_`.
    Ident(String),
    /// An integer literal (decimal, hex, octal, binary; `_` separators removed).
    Int(u64),
    /// A floating-point literal.
    Float(f64),
    /// An imaginary literal (`4i`): its imaginary part.
    Imag(f64),
    /// A rune literal `'x'`.
    Rune(char),
    /// An interpreted or raw string literal, unescaped.
    Str(String),
    /// `T{...}`, or `{...}` with the type elided inside another composite literal.
    CompositeLit {
        /// The literal's type; `None` when elided.
        typ: Option<TypeExpr>,
        /// The elements.
        elems: Vec<Element>,
    },
    /// `func(params) results { body }`.
    FuncLit {
        /// Signature.
        sig: FuncType,
        /// Body.
        body: Block,
    },
    /// `(x)`.
    Paren(Box<Expr>),
    /// `x.sel`: field, method, or package member.
    Selector {
        /// The operand.
        x: Box<Expr>,
        /// The selected name.
        sel: Ident,
    },
    /// `x[index]`.
    /// `F[A, B]`: a generic function or type with two or more type arguments.
    IndexList {
        /// The generic function or type.
        x: Box<Expr>,
        /// The type arguments.
        indices: Vec<Expr>,
    },
    Index {
        /// The operand.
        x: Box<Expr>,
        /// The index or key.
        index: Box<Expr>,
    },
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        /// The operand.
        x: Box<Expr>,
        /// Low bound.
        lo: Option<Box<Expr>>,
        /// High bound.
        hi: Option<Box<Expr>>,
        /// Capacity bound (three-index slices).
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `typ` is `None` for `x.(type)`, which only appears as a type switch guard.
    TypeAssert {
        /// The operand.
        x: Box<Expr>,
        /// The asserted type.
        typ: Option<TypeExpr>,
    },
    /// `f(args)`, `f(args...)`, also conversions `T(x)` and builtins `make(T, n)`.
    Call {
        /// The callee (function value, method selector, builtin or type).
        func: Box<Expr>,
        /// Arguments; a type argument of `make`/`new` is a type-shaped expression.
        args: Vec<Expr>,
        /// True for `f(xs...)`.
        ellipsis: bool,
    },
    /// `*x`: pointer dereference, or a pointer type in expression position.
    Star(Box<Expr>),
    /// A unary operation.
    Unary {
        /// The operator.
        op: UnaryOp,
        /// The operand.
        x: Box<Expr>,
    },
    /// A binary operation.
    Binary {
        /// The operator.
        op: BinaryOp,
        /// Left operand.
        x: Box<Expr>,
        /// Right operand.
        y: Box<Expr>,
    },
    /// A type literal in expression position (`[]int`, `map[string]int`, `chan int`,
    /// `func()`, `struct{}`, `interface{}`, `[3]int`) as a `make`/`new` argument or conversion.
    TypeLit(TypeExpr),
}

/// One element of a composite literal: `value` or `key: value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// The key: a field name (as an `Ident` expression) for structs, an index for arrays and
    /// slices, any key for maps (possibly an elided composite literal).
    pub key: Option<Expr>,
    /// The value (possibly an elided composite literal).
    pub value: Expr,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`.
    Pos,
    /// `-x`.
    Neg,
    /// `!x`.
    Not,
    /// `^x` (bitwise complement).
    Complement,
    /// `&x`.
    Addr,
    /// `<-x` (channel receive).
    Recv,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Quo,
    /// `%`
    Rem,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `&^`
    AndNot,
    /// `&&`
    LAnd,
    /// `||`
    LOr,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl BinaryOp {
    /// Go's precedence: 5 (`* / % << >> & &^`), 4 (`+ - | ^`), 3 (comparisons), 2 (`&&`), 1 (`||`).
    pub fn precedence(self) -> u8 {
        use BinaryOp::*;
        match self {
            Mul | Quo | Rem | Shl | Shr | And | AndNot => 5,
            Add | Sub | Or | Xor => 4,
            Eq | Ne | Lt | Le | Gt | Ge => 3,
            LAnd => 2,
            LOr => 1,
        }
    }

    /// The operator as written in Go.
    pub fn as_str(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Quo => "/",
            Rem => "%",
            And => "&",
            Or => "|",
            Xor => "^",
            Shl => "<<",
            Shr => ">>",
            AndNot => "&^",
            LAnd => "&&",
            LOr => "||",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

/// The operator of an assignment statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssignOp {
    /// `=`
    Assign,
    /// `:=`
    Define,
    /// `op=` such as `+=`, `<<=`, `&^=` (never a comparison or logical operator).
    Op(BinaryOp),
}

/// `{ stmts }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Position of `{`.
    pub pos: Pos,
    /// The statements.
    pub stmts: Vec<Stmt>,
    /// Position of the closing `}` (where a function without `return` returns).
    pub end: Pos,
}

/// A statement node.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// Where the statement starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// The kinds of statements.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// A local `const`, `var` or `type` declaration (never `Decl::Func`).
    Decl(Decl),
    /// An empty statement (`;` alone).
    Empty,
    /// `label: stmt`.
    Labeled {
        /// The label.
        label: Ident,
        /// The labeled statement.
        stmt: Box<Stmt>,
    },
    /// An expression used as a statement (calls, receives).
    Expr(Expr),
    /// `ch <- value`.
    Send {
        /// The channel.
        ch: Expr,
        /// The value sent.
        value: Expr,
    },
    /// `x++` or `x--`.
    IncDec {
        /// The operand.
        x: Expr,
        /// True for `++`.
        inc: bool,
    },
    /// `lhs op rhs` for `=`, `:=` and `op=`.
    Assign {
        /// Left-hand sides.
        lhs: Vec<Expr>,
        /// The operator.
        op: AssignOp,
        /// Right-hand sides.
        rhs: Vec<Expr>,
    },
    /// `go call`.
    Go(Expr),
    /// `defer call`.
    Defer(Expr),
    /// `return results`.
    Return(Vec<Expr>),
    /// `break` or `break label`.
    Break(Option<Ident>),
    /// `continue` or `continue label`.
    Continue(Option<Ident>),
    /// `goto label`.
    Goto(Ident),
    /// `fallthrough`.
    Fallthrough,
    /// A nested block.
    Block(Block),
    /// `if init; cond { then } else els`.
    If {
        /// Optional simple statement before the condition.
        init: Option<Box<Stmt>>,
        /// The condition.
        cond: Expr,
        /// The then-branch.
        then: Block,
        /// The else-branch: an `If` statement or a `Block` statement.
        els: Option<Box<Stmt>>,
    },
    /// `switch init; tag { clauses }` (expression switch; `tag: None` means `true`).
    Switch {
        /// Optional simple statement.
        init: Option<Box<Stmt>>,
        /// The switch expression.
        tag: Option<Expr>,
        /// The case clauses in order.
        clauses: Vec<CaseClause>,
    },
    /// `switch init; bind := x.(type) { clauses }`.
    TypeSwitch {
        /// Optional simple statement.
        init: Option<Box<Stmt>>,
        /// The variable bound in each clause, if any.
        bind: Option<Ident>,
        /// The operand whose dynamic type is switched on (the `x` of `x.(type)`).
        x: Expr,
        /// The type clauses in order.
        clauses: Vec<TypeCaseClause>,
    },
    /// `select { clauses }`.
    Select(Vec<CommClause>),
    /// `for init; cond; post { body }`, `for cond { }`, `for { }`.
    For {
        /// Optional init statement.
        init: Option<Box<Stmt>>,
        /// Optional condition.
        cond: Option<Expr>,
        /// Optional post statement.
        post: Option<Box<Stmt>>,
        /// The body.
        body: Block,
    },
    /// `for key, value := range x { body }` (also `=` and the forms without key/value).
    Range {
        /// Key (or index, or element for channels and ints) target.
        key: Option<Expr>,
        /// Value target.
        value: Option<Expr>,
        /// True for `:=` (new per-iteration variables), false for `=`.
        define: bool,
        /// The ranged-over expression.
        x: Expr,
        /// The body.
        body: Block,
    },
}

/// `case a, b:` or `default:` in an expression switch.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// The case expressions; empty for `default`.
    pub exprs: Vec<Expr>,
    /// True for `default`.
    pub is_default: bool,
    /// The clause body.
    pub body: Vec<Stmt>,
}

/// `case T1, T2:` or `default:` in a type switch.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeCaseClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// The listed types; `None` stands for `nil`. Empty for `default`.
    pub types: Vec<Option<TypeExpr>>,
    /// True for `default`.
    pub is_default: bool,
    /// The clause body.
    pub body: Vec<Stmt>,
}

/// `case comm:` or `default:` in a select.
#[derive(Debug, Clone, PartialEq)]
pub struct CommClause {
    /// Position of `case`/`default`.
    pub pos: Pos,
    /// The communication: a `Send`, an `Expr` whose expression is a receive `<-ch`, or an
    /// `Assign` (`=` or `:=`) with one or two targets and a single receive on the right.
    /// `None` for `default`.
    pub comm: Option<Box<Stmt>>,
    /// The clause body.
    pub body: Vec<Stmt>,
}

impl Expr {
    /// Reads this expression as a type, when its syntax is a type: `T`, `pkg.T`, `*T`, `(T)`, or
    /// a type literal. Returns `None` for anything else (the caller reports "is not a type").
    pub fn as_type(&self) -> Option<TypeExpr> {
        let kind = match &self.kind {
            ExprKind::Ident(name) => TypeKind::Named {
                pkg: None,
                name: Ident {
                    name: name.clone(),
                    pos: self.pos,
                },
            },
            ExprKind::Selector { x, sel } => match &x.kind {
                ExprKind::Ident(pkg) => TypeKind::Named {
                    pkg: Some(Ident {
                        name: pkg.clone(),
                        pos: x.pos,
                    }),
                    name: sel.clone(),
                },
                _ => return None,
            },
            ExprKind::Star(inner) => TypeKind::Pointer(Box::new(inner.as_type()?)),
            ExprKind::Paren(inner) => return inner.as_type(),
            ExprKind::TypeLit(t) => return Some(t.clone()),
            ExprKind::Index { x, index } => return instance_type(self.pos, x, &[index]),
            ExprKind::IndexList { x, indices } => {
                let refs: Vec<&Expr> = indices.iter().collect();
                return instance_type(self.pos, x, &refs);
            }
            _ => return None,
        };
        Some(TypeExpr {
            pos: self.pos,
            kind,
        })
    }

    /// For a call `p.Name(...)` whose callee is a selector on an identifier (a package's
    /// function, or a method of variable `p`): `p` and `Name`; what `p` is, the caller asks.
    pub fn called_selector(&self) -> Option<(&str, &Ident)> {
        let ExprKind::Call { func, .. } = &self.kind else {
            return None;
        };
        let ExprKind::Selector { x, sel } = &func.unparen().kind else {
            return None;
        };
        match &x.kind {
            ExprKind::Ident(p) => Some((p, sel)),
            _ => None,
        }
    }

    /// Strips any number of enclosing parentheses.
    pub fn unparen(&self) -> &Expr {
        match &self.kind {
            ExprKind::Paren(inner) => inner.unparen(),
            _ => self,
        }
    }
}

/// `Stack[int]` written as an expression, as a type.
fn instance_type(pos: Pos, x: &Expr, args: &[&Expr]) -> Option<TypeExpr> {
    let TypeKind::Named { pkg, name } = x.as_type()?.kind else {
        return None;
    };
    let args = args
        .iter()
        .map(|a| a.as_type())
        .collect::<Option<Vec<_>>>()?;
    Some(TypeExpr {
        pos,
        kind: TypeKind::Instance { pkg, name, args },
    })
}

/// Go's canonical rendering of an expression (`cmd/compile/internal/syntax.String`), used in
/// error messages such as `cannot use assignment (a + 1) = b as value`. Like Go's short form,
/// non-empty function bodies and composite literal contents print as `{…}`; integer literals
/// print in decimal.
pub fn expr_string(e: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e);
    out
}

/// Go's canonical rendering of a type.
pub fn type_string(t: &TypeExpr) -> String {
    let mut out = String::new();
    write_type(&mut out, t);
    out
}

fn write_list(out: &mut String, xs: &[Expr]) {
    for (i, x) in xs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, x);
    }
}

fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(n) => out.push_str(n),
        ExprKind::Int(v) => out.push_str(&v.to_string()),
        ExprKind::Float(v) => out.push_str(&format!("{v:?}")),
        ExprKind::Imag(v) => out.push_str(&format!("{v:?}i")),
        ExprKind::Rune(c) => out.push_str(&format!("{c:?}")),
        ExprKind::Str(s) => out.push_str(&format!("{s:?}")),
        ExprKind::CompositeLit { typ, elems } => {
            if let Some(t) = typ {
                write_type(out, t);
            }
            out.push_str(if elems.is_empty() { "{}" } else { "{…}" });
        }
        ExprKind::FuncLit { sig, body } => {
            write_sig(out, sig);
            out.push_str(if body.stmts.is_empty() {
                " {}"
            } else {
                " {…}"
            });
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(out, x);
            out.push(')');
        }
        ExprKind::Selector { x, sel } => {
            write_expr(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index { x, index } => {
            write_expr(out, x);
            out.push('[');
            write_expr(out, index);
            out.push(']');
        }
        ExprKind::IndexList { x, indices } => {
            write_expr(out, x);
            out.push('[');
            for (i, a) in indices.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(out, a);
            }
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(out, x);
            out.push('[');
            if let Some(lo) = lo {
                write_expr(out, lo);
            }
            out.push(':');
            if let Some(hi) = hi {
                write_expr(out, hi);
            }
            if let Some(max) = max {
                out.push(':');
                write_expr(out, max);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, typ } => {
            write_expr(out, x);
            out.push_str(".(");
            match typ {
                Some(t) => write_type(out, t),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call {
            func,
            args,
            ellipsis,
        } => {
            write_expr(out, func);
            out.push('(');
            write_list(out, args);
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            write_expr(out, x);
        }
        ExprKind::Unary { op, x } => {
            out.push_str(match op {
                UnaryOp::Pos => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                UnaryOp::Complement => "^",
                UnaryOp::Addr => "&",
                UnaryOp::Recv => "<-",
            });
            write_expr(out, x);
        }
        ExprKind::Binary { op, x, y } => {
            write_expr(out, x);
            out.push(' ');
            out.push_str(op.as_str());
            out.push(' ');
            write_expr(out, y);
        }
        ExprKind::TypeLit(t) => write_type(out, t),
    }
}

fn write_sig(out: &mut String, sig: &FuncType) {
    out.push_str("func(");
    let n = sig.params.len();
    for (i, p) in sig.params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(name) = &p.name {
            out.push_str(&name.name);
            out.push(' ');
        }
        if sig.variadic && i + 1 == n {
            out.push_str("...");
        }
        write_type(out, &p.typ);
    }
    out.push(')');
    match sig.results.as_slice() {
        [] => {}
        [r] if r.name.is_none() => {
            out.push(' ');
            write_type(out, &r.typ);
        }
        rs => {
            out.push_str(" (");
            for (i, r) in rs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(name) = &r.name {
                    out.push_str(&name.name);
                    out.push(' ');
                }
                write_type(out, &r.typ);
            }
            out.push(')');
        }
    }
}

fn write_type(out: &mut String, t: &TypeExpr) {
    match &t.kind {
        TypeKind::Named { pkg, name } => {
            if let Some(p) = pkg {
                out.push_str(&p.name);
                out.push('.');
            }
            out.push_str(&name.name);
        }
        TypeKind::Pointer(x) => {
            out.push('*');
            write_type(out, x);
        }
        TypeKind::Slice(x) => {
            out.push_str("[]");
            write_type(out, x);
        }
        TypeKind::Array { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(out, l),
                None => out.push_str("..."),
            }
            out.push(']');
            write_type(out, elem);
        }
        TypeKind::Map { key, value } => {
            out.push_str("map[");
            write_type(out, key);
            out.push(']');
            write_type(out, value);
        }
        TypeKind::Chan { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            write_type(out, elem);
        }
        TypeKind::Func(sig) => write_sig(out, sig),
        TypeKind::Struct(fields) => {
            out.push_str("struct{");
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                if let Some(n) = &f.name {
                    out.push_str(&n.name);
                    out.push(' ');
                }
                write_type(out, &f.typ);
            }
            out.push('}');
        }
        TypeKind::Interface(elems) => {
            out.push_str("interface{");
            for (i, el) in elems.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                match el {
                    InterfaceElem::Method { name, sig } => {
                        out.push_str(&name.name);
                        let mut s = String::new();
                        write_sig(&mut s, sig);
                        out.push_str(s.strip_prefix("func").unwrap_or(&s));
                    }
                    InterfaceElem::Embed(t) => write_type(out, t),
                    InterfaceElem::Union(terms) => write_terms(out, terms),
                }
            }
            out.push('}');
        }
        TypeKind::Instance { pkg, name, args } => {
            if let Some(p) = pkg {
                out.push_str(&p.name);
                out.push('.');
            }
            out.push_str(&name.name);
            out.push('[');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(out, a);
            }
            out.push(']');
        }
    }
}

/// A union as Go prints it in messages: `~int | ~int64 | float64`.
pub fn write_terms(out: &mut String, terms: &[Term]) {
    for (i, t) in terms.iter().enumerate() {
        if i > 0 {
            out.push_str(" | ");
        }
        if t.tilde {
            out.push('~');
        }
        write_type(out, &t.typ);
    }
}
