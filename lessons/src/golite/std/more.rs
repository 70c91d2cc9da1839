//! Library members added for issue 18 (learners' Go): strconv bases, math, unicode,
//! unicode/utf8, os (environment, arguments, Stdout/Stderr), fmt.Fprint*, atomic.Uint32/Uint64.

use super::packages::sig;
use crate::golite::code::{Generic, MoreTypes, Native};
use crate::golite::compile::{Compiler, ConstVal, Member, R, err};
use crate::golite::types::{IntKind, TypeId, ids};
use crate::golite::vm::value::Value;
use crate::golite::vm::{GoTask, NRes};
use crate::runtime::Cx;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

thread_local! {
    /// The program's environment (`os.Setenv`...): empty at the start of every run.
    static ENV: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    /// The standard logger's flags and prefix (`log.SetFlags`, `log.SetPrefix`).
    static LOG: RefCell<(i64, String)> = const { RefCell::new((LSTD_FLAGS, String::new())) };
}

const LDATE: i64 = 1;
const LTIME: i64 = 2;
const LMICRO: i64 = 4;
const LMSGPREFIX: i64 = 64;
const LSTD_FLAGS: i64 = LDATE | LTIME;

/// Forgets the previous run's environment and logger settings.
pub fn reset() {
    ENV.with(|e| e.borrow_mut().clear());
    LOG.with(|l| *l.borrow_mut() = (LSTD_FLAGS, String::new()));
}

/// The log functions that format like fmt (their arguments are compiled as fmt's).
pub fn is_log(n: Native) -> bool {
    use Native as N;
    matches!(
        n,
        N::LogPrint
            | N::LogPrintln
            | N::LogPrintf
            | N::LogFatal
            | N::LogFatalln
            | N::LogFatalf
            | N::LogPanic
            | N::LogPanicln
            | N::LogPanicf
    )
}

/// A log line as the standard logger writes it: prefix, date and time of the virtual clock
/// (a synctest bubble's clock starts at 2000-01-01 00:00:00 UTC), message, newline.
fn log_line(now_ns: i64, msg: &str) -> String {
    let (flags, prefix) = LOG.with(|l| l.borrow().clone());
    let mut out = String::new();
    if flags & LMSGPREFIX == 0 {
        out.push_str(&prefix);
    }
    if flags & (LDATE | LTIME | LMICRO) != 0 {
        let secs = 946_684_800 + now_ns.div_euclid(1_000_000_000);
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let sod = secs.rem_euclid(86_400);
        if flags & LDATE != 0 {
            out.push_str(&format!("{y:04}/{m:02}/{d:02} "));
        }
        if flags & (LTIME | LMICRO) != 0 {
            out.push_str(&format!(
                "{:02}:{:02}:{:02}",
                sod / 3600,
                sod / 60 % 60,
                sod % 60
            ));
            if flags & LMICRO != 0 {
                out.push_str(&format!(".{:06}", now_ns.rem_euclid(1_000_000_000) / 1000));
            }
            out.push(' ');
        }
    }
    if flags & LMSGPREFIX != 0 {
        out.push_str(&prefix);
    }
    out.push_str(msg);
    if !msg.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn s(v: &Value) -> &str {
    v.as_str()
}

fn strv(x: impl AsRef<str>) -> Value {
    Value::Str(Rc::from(x.as_ref()))
}

fn rune(v: &Value) -> Option<char> {
    char::from_u32(v.as_int() as u32)
}

/// Makes the types and registers their methods (called with the library's own).
pub fn register(c: &mut Compiler) {
    use Native as N;
    let os_file = super::packages::named_struct(&mut c.types, "os.File", &[("fd", ids::INT)]);
    let atomic_uint64 =
        super::packages::named_struct(&mut c.types, "atomic.Uint64", &[("v", ids::UINT64)]);
    let atomic_uint32 =
        super::packages::named_struct(&mut c.types, "atomic.Uint32", &[("v", ids::UINT32)]);
    let strs = c.types.slice(ids::STRING);
    let replacer =
        super::packages::named_struct(&mut c.types, "strings.Replacer", &[("pairs", strs)]);
    c.more = MoreTypes {
        os_file,
        atomic_uint64,
        atomic_uint32,
        replacer,
    };
    super::packages::add_method(
        c,
        replacer,
        "strings",
        "Replace",
        "func(string) string",
        N::ReplacerReplace,
        true,
    );
    let table: &[(TypeId, &str, &str, &str, Native)] = &[
        (
            os_file,
            "os",
            "WriteString",
            "func(string) (int, error)",
            N::OsFileWriteString,
        ),
        (
            os_file,
            "os",
            "Write",
            "func([]byte) (int, error)",
            N::OsFileWrite,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "Add",
            "func(uint64) uint64",
            N::AtomicAddU64,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "Add",
            "func(uint32) uint32",
            N::AtomicAddU32,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "Load",
            "func() uint64",
            N::AtomicLoad,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "Load",
            "func() uint32",
            N::AtomicLoad,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "Store",
            "func(uint64)",
            N::AtomicStore,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "Store",
            "func(uint32)",
            N::AtomicStore,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "Swap",
            "func(uint64) uint64",
            N::AtomicSwap,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "Swap",
            "func(uint32) uint32",
            N::AtomicSwap,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "CompareAndSwap",
            "func(uint64, uint64) bool",
            N::AtomicCas,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "CompareAndSwap",
            "func(uint32, uint32) bool",
            N::AtomicCas,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "And",
            "func(uint64) uint64",
            N::AtomicAnd,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "And",
            "func(uint32) uint32",
            N::AtomicAnd,
        ),
        (
            atomic_uint64,
            "sync/atomic",
            "Or",
            "func(uint64) uint64",
            N::AtomicOr,
        ),
        (
            atomic_uint32,
            "sync/atomic",
            "Or",
            "func(uint32) uint32",
            N::AtomicOr,
        ),
    ];
    for &(t, pkg, name, sg, n) in table {
        super::packages::add_method(c, t, pkg, name, sg, n, true);
    }
    let (dur, builder) = (c.std.duration, c.std.builder);
    super::packages::add_method(
        c,
        builder,
        "strings",
        "Write",
        "func([]byte) (int, error)",
        N::BuilderWrite,
        true,
    );
    super::packages::add_method(
        c,
        builder,
        "strings",
        "Grow",
        "func(int)",
        N::BuilderGrow,
        true,
    );
    super::packages::add_method(
        c,
        dur,
        "time",
        "Round",
        "func(Duration) Duration",
        N::DurationRound,
        false,
    );
    super::packages::add_method(
        c,
        dur,
        "time",
        "Truncate",
        "func(Duration) Duration",
        N::DurationTruncate,
        false,
    );
    super::packages::add_method(
        c,
        dur,
        "time",
        "Abs",
        "func() Duration",
        N::DurationAbs,
        false,
    );
    let (i64t, i32t, boolt) = (c.std.atomic_int64, c.std.atomic_int32, c.std.atomic_bool);
    for (t, sg) in [(i64t, "func(int64) int64"), (i32t, "func(int32) int32")] {
        super::packages::add_method(c, t, "sync/atomic", "And", sg, N::AtomicAnd, true);
        super::packages::add_method(c, t, "sync/atomic", "Or", sg, N::AtomicOr, true);
    }
    super::packages::add_method(
        c,
        boolt,
        "sync/atomic",
        "Swap",
        "func(bool) bool",
        N::AtomicSwap,
        true,
    );
    super::packages::add_method(
        c,
        boolt,
        "sync/atomic",
        "CompareAndSwap",
        "func(bool, bool) bool",
        N::AtomicCas,
        true,
    );
}

/// The members this module adds; `None` leaves the name to the rest of the library.
pub fn member(c: &mut Compiler, path: &str, name: &str) -> Option<Member> {
    use Native as N;
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, path, s)));
    let int = |v: i128| Some(Member::Const(ConstVal::Int(v), ids::UNTYPED_INT));
    let float = |v: f64| Some(Member::Const(ConstVal::Float(v), ids::UNTYPED_FLOAT));
    let f1 = "func(float64) float64";
    let f2 = "func(float64, float64) float64";
    match (path, name) {
        ("strconv", "ParseUint") => f(
            c,
            "func(string, int, int) (uint64, error)",
            N::StrconvParseUint,
        ),
        ("strconv", "FormatUint") => f(c, "func(uint64, int) string", N::StrconvFormatUint),
        ("strconv", "QuoteRune") => f(c, "func(rune) string", N::StrconvQuoteRune),
        ("strconv", "QuoteToASCII") => f(c, "func(string) string", N::StrconvQuoteToASCII),
        ("strconv", "Unquote") => f(c, "func(string) (string, error)", N::StrconvUnquote),
        ("strconv", "AppendInt") => f(c, "func([]byte, int64, int) []byte", N::StrconvAppendInt),
        ("strconv", "AppendQuote") => f(c, "func([]byte, string) []byte", N::StrconvAppendQuote),

        ("math", "Sin") => f(c, f1, N::MathSin),
        ("math", "Cos") => f(c, f1, N::MathCos),
        ("math", "Tan") => f(c, f1, N::MathTan),
        ("math", "Asin") => f(c, f1, N::MathAsin),
        ("math", "Acos") => f(c, f1, N::MathAcos),
        ("math", "Atan") => f(c, f1, N::MathAtan),
        ("math", "Sinh") => f(c, f1, N::MathSinh),
        ("math", "Cosh") => f(c, f1, N::MathCosh),
        ("math", "Tanh") => f(c, f1, N::MathTanh),
        ("math", "Exp") => f(c, f1, N::MathExp),
        ("math", "Exp2") => f(c, f1, N::MathExp2),
        ("math", "Log") => f(c, f1, N::MathLog),
        ("math", "Log2") => f(c, f1, N::MathLog2),
        ("math", "Log10") => f(c, f1, N::MathLog10),
        ("math", "Log1p") => f(c, f1, N::MathLog1p),
        ("math", "Cbrt") => f(c, f1, N::MathCbrt),
        ("math", "Trunc") => f(c, f1, N::MathTrunc),
        ("math", "Round") => f(c, f1, N::MathRound),
        ("math", "RoundToEven") => f(c, f1, N::MathRoundToEven),
        ("math", "Atan2") => f(c, f2, N::MathAtan2),
        ("math", "Hypot") => f(c, f2, N::MathHypot),
        ("math", "Mod") => f(c, f2, N::MathMod),
        ("math", "Copysign") => f(c, f2, N::MathCopysign),
        ("math", "Dim") => f(c, f2, N::MathDim),
        ("math", "Inf") => f(c, "func(int) float64", N::MathInf),
        ("math", "NaN") => f(c, "func() float64", N::MathNaN),
        ("math", "IsNaN") => f(c, "func(float64) bool", N::MathIsNaN),
        ("math", "IsInf") => f(c, "func(float64, int) bool", N::MathIsInf),
        ("math", "Signbit") => f(c, "func(float64) bool", N::MathSignbit),
        ("math", "Float64bits") => f(c, "func(float64) uint64", N::MathFloat64bits),
        ("math", "Float64frombits") => f(c, "func(uint64) float64", N::MathFloat64frombits),
        ("math", "E") => float(std::f64::consts::E),
        ("math", "Sqrt2") => float(std::f64::consts::SQRT_2),
        ("math", "Ln2") => float(std::f64::consts::LN_2),
        ("math", "MaxFloat64") => float(f64::MAX),
        ("math", "SmallestNonzeroFloat64") => float(f64::from_bits(1)),
        ("math", "MaxFloat32") => float(f64::from(f32::MAX)),
        ("math", "MaxInt8") => int(i128::from(i8::MAX)),
        ("math", "MinInt8") => int(i128::from(i8::MIN)),
        ("math", "MaxInt16") => int(i128::from(i16::MAX)),
        ("math", "MinInt16") => int(i128::from(i16::MIN)),
        ("math", "MinInt32") => int(i128::from(i32::MIN)),
        ("math", "MaxUint8") => int(i128::from(u8::MAX)),
        ("math", "MaxUint16") => int(i128::from(u16::MAX)),
        ("math", "MaxUint32") => int(i128::from(u32::MAX)),
        ("math", "MaxUint64") | ("math", "MaxUint") => int(i128::from(u64::MAX)),

        ("unicode", "IsLetter") => f(c, "func(rune) bool", N::UnicodeIsLetter),
        ("unicode", "IsSpace") => f(c, "func(rune) bool", N::UnicodeIsSpace),
        ("unicode", "IsLower") => f(c, "func(rune) bool", N::UnicodeIsLower),
        ("unicode", "IsPunct") => f(c, "func(rune) bool", N::UnicodeIsPunct),
        ("unicode", "IsNumber") => f(c, "func(rune) bool", N::UnicodeIsNumber),
        ("unicode", "IsControl") => f(c, "func(rune) bool", N::UnicodeIsControl),
        ("unicode", "IsPrint") => f(c, "func(rune) bool", N::UnicodeIsPrint),
        ("unicode", "ToLower") => f(c, "func(rune) rune", N::UnicodeToLower),
        ("unicode", "MaxRune") => Some(Member::Const(ConstVal::Int(0x10FFFF), ids::UNTYPED_RUNE)),
        ("unicode", "ReplacementChar") => {
            Some(Member::Const(ConstVal::Int(0xFFFD), ids::UNTYPED_RUNE))
        }

        ("unicode/utf8", "RuneCountInString") => f(c, "func(string) int", N::Utf8RuneCountInString),
        ("unicode/utf8", "RuneCount") => f(c, "func([]byte) int", N::Utf8RuneCount),
        ("unicode/utf8", "RuneLen") => f(c, "func(rune) int", N::Utf8RuneLen),
        ("unicode/utf8", "ValidString") => f(c, "func(string) bool", N::Utf8ValidString),
        ("unicode/utf8", "ValidRune") => f(c, "func(rune) bool", N::Utf8ValidRune),
        ("unicode/utf8", "DecodeRuneInString") => {
            f(c, "func(string) (rune, int)", N::Utf8DecodeRuneInString)
        }
        ("unicode/utf8", "DecodeLastRuneInString") => {
            f(c, "func(string) (rune, int)", N::Utf8DecodeLastRuneInString)
        }
        ("unicode/utf8", "DecodeRune") => f(c, "func([]byte) (rune, int)", N::Utf8DecodeRune),
        ("unicode/utf8", "EncodeRune") => f(c, "func([]byte, rune) int", N::Utf8EncodeRune),
        ("unicode/utf8", "AppendRune") => f(c, "func([]byte, rune) []byte", N::Utf8AppendRune),
        ("unicode/utf8", "RuneError") => {
            Some(Member::Const(ConstVal::Int(0xFFFD), ids::UNTYPED_RUNE))
        }
        ("unicode/utf8", "MaxRune") => {
            Some(Member::Const(ConstVal::Int(0x10FFFF), ids::UNTYPED_RUNE))
        }
        ("unicode/utf8", "UTFMax") => int(4),
        ("unicode/utf8", "RuneSelf") => int(0x80),

        ("os", "Getenv") => f(c, "func(string) string", N::OsGetenv),
        ("os", "LookupEnv") => f(c, "func(string) (string, bool)", N::OsLookupEnv),
        ("os", "Setenv") => f(c, "func(string, string) error", N::OsSetenv),
        ("os", "Unsetenv") => f(c, "func(string) error", N::OsUnsetenv),
        ("os", "Args") => Some(Member::Value(N::OsArgs, c.types.slice(ids::STRING))),
        ("os", "Stdout") | ("os", "Stderr") | ("os", "Stdin") => {
            let pt = c.types.pointer(c.more.os_file);
            let n = match name {
                "Stdout" => N::OsStdout,
                "Stderr" => N::OsStderr,
                _ => N::OsStdin,
            };
            Some(Member::Value(n, pt))
        }
        ("os", "File") => Some(Member::Type(c.more.os_file)),

        ("log", "Print") => Some(Member::Generic(Generic::Fmt(N::LogPrint, false))),
        ("log", "Println") => Some(Member::Generic(Generic::Fmt(N::LogPrintln, false))),
        ("log", "Printf") => Some(Member::Generic(Generic::Fmt(N::LogPrintf, true))),
        ("log", "Fatal") => Some(Member::Generic(Generic::Fmt(N::LogFatal, false))),
        ("log", "Fatalln") => Some(Member::Generic(Generic::Fmt(N::LogFatalln, false))),
        ("log", "Fatalf") => Some(Member::Generic(Generic::Fmt(N::LogFatalf, true))),
        ("log", "Panic") => Some(Member::Generic(Generic::Fmt(N::LogPanic, false))),
        ("log", "Panicln") => Some(Member::Generic(Generic::Fmt(N::LogPanicln, false))),
        ("log", "Panicf") => Some(Member::Generic(Generic::Fmt(N::LogPanicf, true))),
        ("log", "SetFlags") => f(c, "func(int)", N::LogSetFlags),
        ("log", "SetPrefix") => f(c, "func(string)", N::LogSetPrefix),
        ("log", "Flags") => f(c, "func() int", N::LogFlags),
        ("log", "Prefix") => f(c, "func() string", N::LogPrefix),
        ("log", "Ldate") => int(LDATE.into()),
        ("log", "Ltime") => int(LTIME.into()),
        ("log", "Lmicroseconds") => int(LMICRO.into()),
        ("log", "Llongfile") => int(8),
        ("log", "Lshortfile") => int(16),
        ("log", "LUTC") => int(32),
        ("log", "Lmsgprefix") => int(LMSGPREFIX.into()),
        ("log", "LstdFlags") => int(LSTD_FLAGS.into()),

        ("strings", "NewReplacer") => f(c, "func(...string) *Replacer", N::StrNewReplacer),
        ("strings", "Replacer") => Some(Member::Type(c.more.replacer)),
        ("strings", "Cut") => f(c, "func(string, string) (string, string, bool)", N::StrCut),
        ("strings", "CutPrefix") => f(c, "func(string, string) (string, bool)", N::StrCutPrefix),
        ("strings", "CutSuffix") => f(c, "func(string, string) (string, bool)", N::StrCutSuffix),
        ("strings", "IndexByte") => f(c, "func(string, byte) int", N::StrIndexByte),
        ("strings", "IndexRune") => f(c, "func(string, rune) int", N::StrIndexRune),
        ("strings", "IndexAny") => f(c, "func(string, string) int", N::StrIndexAny),
        ("strings", "LastIndexByte") => f(c, "func(string, byte) int", N::StrLastIndexByte),
        ("strings", "ContainsAny") => f(c, "func(string, string) bool", N::StrContainsAny),
        ("strings", "ToTitle") => f(c, "func(string) string", N::StrToTitle),
        ("strings", "Clone") => f(c, "func(string) string", N::StrClone),
        ("time", "ParseDuration") => f(c, "func(string) (Duration, error)", N::TimeParseDuration),
        ("cmp", "Compare") => Some(Member::Generic(Generic::CmpCompare)),
        ("cmp", "Less") => Some(Member::Generic(Generic::CmpLess)),
        ("cmp", "Or") => Some(Member::Generic(Generic::CmpOr)),
        ("slices", "IsSorted") => Some(Member::Generic(Generic::SlicesIsSorted)),
        ("sync", "OnceFunc") => Some(Member::Generic(Generic::SyncOnce(0))),
        ("sync", "OnceValue") => Some(Member::Generic(Generic::SyncOnce(1))),
        ("sync", "OnceValues") => Some(Member::Generic(Generic::SyncOnce(2))),

        ("sync/atomic", "Uint64") => Some(Member::Type(c.more.atomic_uint64)),
        ("sync/atomic", "Uint32") => Some(Member::Type(c.more.atomic_uint32)),
        _ => None,
    }
}

/// `fmt.Fprint*`'s writer: a static type golite can write to, or Go-worded refusal.
pub fn check_writer(
    c: &mut Compiler,
    t: TypeId,
    what: &str,
    pos: crate::golite::syntax::ast::Pos,
) -> R<()> {
    let file = c.types.pointer(c.more.os_file);
    let builder = c.types.pointer(c.std.builder);
    if t == file || t == builder {
        return Ok(());
    }
    err(
        pos,
        format!(
            "golite does not support {what} to a {} yet (only os.Stdout, os.Stderr and *strings.Builder)",
            c.types.name(t)
        ),
    )
}

/// Writes `text` where an `io.Writer` value golite supports points: stdout, stderr or a
/// strings.Builder.
pub fn write_to(cx: &mut Cx<'_, Value>, w: &Value, text: &str) {
    let inner = match w {
        Value::Iface(b) => &b.1,
        v => v,
    };
    let Value::Agg(o) = inner else { return };
    let mut b = o.borrow_mut();
    match b.first() {
        Some(Value::Int(1)) => cx.print(text),
        Some(Value::Int(2)) => cx.print_err(text),
        Some(Value::Str(cur)) => {
            let mut st = cur.to_string();
            st.push_str(text);
            b[0] = strv(st);
        }
        _ => {}
    }
}

fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(o, off, len) => o.borrow()[*off as usize..(*off + *len) as usize]
            .iter()
            .map(|b| b.as_int() as u8)
            .collect(),
        _ => Vec::new(),
    }
}

fn byte_slice(t: &GoTask, bytes: &[u8]) -> Value {
    let _ = t;
    let items: Vec<Value> = bytes.iter().map(|b| Value::Int(i64::from(*b))).collect();
    let n = items.len() as u32;
    Value::Slice(crate::golite::vm::value::Obj::new(items), 0, n)
}

/// Go's `unicode.IsPunct` for ASCII (category P: not the symbols `$+<=>^`|~`); other runes use
/// Unicode's punctuation as far as Rust knows it.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c);
    }
    matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | '‐'..='‧' | '‰'..='⁞' | '、'..='〃' | '〈'..='】')
}

/// Runs native `n` if this module owns it; `None` otherwise.
pub fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> Option<NRes> {
    use Native as N;
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let fl = |i: usize| arg(i).as_float();
    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            t.stack.push(v);
        }};
    }
    let float = |v: f64| Value::Float(v);
    match n {
        N::StrconvParseUint => {
            let x = arg(0);
            match super::strconv::parse_uint(s(&x), arg(1).as_int(), arg(2).as_int()) {
                Ok(v) => {
                    push!(Value::Int(v as i64));
                    push!(Value::Nil);
                }
                Err((v, e)) => {
                    push!(Value::Int(v as i64));
                    push!(super::natives::new_error(t, &e.message("ParseUint", s(&x))));
                }
            }
        }
        N::StrconvFormatUint => push!(strv(super::strconv::format_uint(
            arg(0).as_int() as u64,
            arg(1).as_int() as u32
        ))),
        N::StrconvQuoteRune => {
            let r = rune(&arg(0)).unwrap_or('\u{FFFD}');
            push!(strv(crate::golite::fmt::format::quote_rune(r)))
        }
        N::StrconvQuoteToASCII => push!(strv(super::strconv::quote_ascii(s(&arg(0))))),
        N::StrconvUnquote => match super::strconv::unquote(s(&arg(0))) {
            Some(v) => {
                push!(strv(v));
                push!(Value::Nil);
            }
            None => {
                push!(strv(""));
                push!(super::natives::new_error(t, "invalid syntax"));
            }
        },
        N::StrconvAppendInt => {
            let mut b = bytes_of(&arg(0));
            b.extend_from_slice(
                super::strconv::format_int(arg(1).as_int(), arg(2).as_int() as u32).as_bytes(),
            );
            push!(byte_slice(t, &b))
        }
        N::StrconvAppendQuote => {
            let mut b = bytes_of(&arg(0));
            b.extend_from_slice(crate::golite::fmt::format::quote(s(&arg(1))).as_bytes());
            push!(byte_slice(t, &b))
        }
        N::MathSin => push!(float(fl(0).sin())),
        N::MathCos => push!(float(fl(0).cos())),
        N::MathTan => push!(float(fl(0).tan())),
        N::MathAsin => push!(float(fl(0).asin())),
        N::MathAcos => push!(float(fl(0).acos())),
        N::MathAtan => push!(float(fl(0).atan())),
        N::MathSinh => push!(float(fl(0).sinh())),
        N::MathCosh => push!(float(fl(0).cosh())),
        N::MathTanh => push!(float(fl(0).tanh())),
        N::MathExp => push!(float(fl(0).exp())),
        N::MathExp2 => push!(float(fl(0).exp2())),
        N::MathLog => push!(float(fl(0).ln())),
        N::MathLog2 => push!(float(fl(0).log2())),
        N::MathLog10 => push!(float(fl(0).log10())),
        N::MathLog1p => push!(float(fl(0).ln_1p())),
        N::MathCbrt => push!(float(fl(0).cbrt())),
        N::MathTrunc => push!(float(fl(0).trunc())),
        N::MathRound => push!(float(fl(0).round())),
        N::MathRoundToEven => push!(float(fl(0).round_ties_even())),
        N::MathAtan2 => push!(float(fl(0).atan2(fl(1)))),
        N::MathHypot => push!(float(fl(0).hypot(fl(1)))),
        N::MathMod => push!(float(fl(0) % fl(1))),
        N::MathCopysign => push!(float(fl(0).copysign(fl(1)))),
        N::MathDim => push!(float({
            let v = fl(0) - fl(1);
            if v <= 0.0 { 0.0 } else { v }
        })),
        N::MathInf => push!(float(if arg(0).as_int() >= 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        })),
        N::MathNaN => push!(float(f64::NAN)),
        N::MathIsNaN => push!(Value::Bool(fl(0).is_nan())),
        N::MathIsInf => {
            let (x, sign) = (fl(0), arg(1).as_int());
            push!(Value::Bool(
                (sign >= 0 && x == f64::INFINITY) || (sign <= 0 && x == f64::NEG_INFINITY)
            ))
        }
        N::MathSignbit => push!(Value::Bool(fl(0).is_sign_negative())),
        N::MathFloat64bits => push!(Value::Int(fl(0).to_bits() as i64)),
        N::MathFloat64frombits => push!(float(f64::from_bits(arg(0).as_int() as u64))),
        N::UnicodeIsLetter => push!(Value::Bool(rune(&arg(0)).is_some_and(char::is_alphabetic))),
        N::UnicodeIsSpace => push!(Value::Bool(rune(&arg(0)).is_some_and(char::is_whitespace))),
        N::UnicodeIsLower => push!(Value::Bool(rune(&arg(0)).is_some_and(char::is_lowercase))),
        N::UnicodeIsPunct => push!(Value::Bool(rune(&arg(0)).is_some_and(is_punct))),
        N::UnicodeIsNumber => push!(Value::Bool(rune(&arg(0)).is_some_and(char::is_numeric))),
        N::UnicodeIsControl => push!(Value::Bool(rune(&arg(0)).is_some_and(char::is_control))),
        N::UnicodeIsPrint => push!(Value::Bool(
            rune(&arg(0)).is_some_and(|c| c == ' ' || !(c.is_control() || c.is_whitespace()))
        )),
        N::UnicodeToLower => push!(Value::Int(
            rune(&arg(0))
                .and_then(|c| c.to_lowercase().next())
                .map_or(arg(0).as_int(), |c| i64::from(c as u32))
        )),
        N::Utf8RuneCountInString => push!(Value::Int(s(&arg(0)).chars().count() as i64)),
        N::Utf8RuneCount => push!(Value::Int(
            String::from_utf8_lossy(&bytes_of(&arg(0))).chars().count() as i64
        )),
        N::Utf8RuneLen => push!(Value::Int(match rune(&arg(0)) {
            Some(c) => c.len_utf8() as i64,
            None => -1,
        })),
        N::Utf8ValidString => push!(Value::Bool(true)),
        N::Utf8ValidRune => push!(Value::Bool(rune(&arg(0)).is_some())),
        N::Utf8DecodeRuneInString | N::Utf8DecodeRune => {
            let (r, size) = decode(if n == N::Utf8DecodeRune {
                bytes_of(&arg(0))
            } else {
                s(&arg(0)).as_bytes().to_vec()
            });
            push!(Value::Int(r));
            push!(Value::Int(size));
        }
        N::Utf8DecodeLastRuneInString => {
            let x = arg(0);
            match s(&x).chars().next_back() {
                Some(c) => {
                    push!(Value::Int(i64::from(c as u32)));
                    push!(Value::Int(c.len_utf8() as i64));
                }
                None => {
                    push!(Value::Int(0xFFFD));
                    push!(Value::Int(0));
                }
            }
        }
        N::Utf8EncodeRune => {
            let c = rune(&arg(1)).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if let Value::Slice(o, off, len) = arg(0) {
                let mut b = o.borrow_mut();
                for (i, byte) in enc.iter().enumerate().take(len as usize) {
                    b[off as usize + i] = Value::Int(i64::from(*byte));
                }
            }
            push!(Value::Int(enc.len() as i64))
        }
        N::Utf8AppendRune => {
            let mut b = bytes_of(&arg(0));
            let c = rune(&arg(1)).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            b.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            push!(byte_slice(t, &b))
        }
        N::OsGetenv => {
            let v = ENV.with(|e| e.borrow().get(s(&arg(0))).cloned());
            push!(strv(v.unwrap_or_default()))
        }
        N::OsLookupEnv => {
            let v = ENV.with(|e| e.borrow().get(s(&arg(0))).cloned());
            push!(strv(v.clone().unwrap_or_default()));
            push!(Value::Bool(v.is_some()));
        }
        N::OsSetenv => {
            ENV.with(|e| {
                e.borrow_mut()
                    .insert(s(&arg(0)).to_string(), s(&arg(1)).to_string())
            });
            push!(Value::Nil)
        }
        N::OsUnsetenv => {
            ENV.with(|e| e.borrow_mut().remove(s(&arg(0))));
            push!(Value::Nil)
        }
        N::OsArgs => {
            let items = vec![strv("/tmp/main")];
            push!(Value::Slice(
                crate::golite::vm::value::Obj::new(items),
                0,
                1
            ))
        }
        N::OsStdout | N::OsStderr | N::OsStdin => {
            let fd = match n {
                N::OsStdin => 0,
                N::OsStdout => 1,
                _ => 2,
            };
            push!(Value::agg(vec![Value::Int(fd)]))
        }
        N::OsFileWriteString | N::OsFileWrite => {
            let text = if n == N::OsFileWrite {
                String::from_utf8_lossy(&bytes_of(&arg(1))).into_owned()
            } else {
                s(&arg(1)).to_string()
            };
            write_to(cx, &arg(0), &text);
            push!(Value::Int(text.len() as i64));
            push!(Value::Nil);
        }
        N::AtomicAddU64 | N::AtomicAddU32 => {
            let p = arg(0);
            let k = if n == N::AtomicAddU32 {
                IntKind::Uint32
            } else {
                IntKind::Uint64
            };
            let v = k.wrap(
                super::natives::load_ptr(&p)
                    .as_int()
                    .wrapping_add(arg(1).as_int()),
            );
            super::natives::store_ptr(&p, Value::Int(v));
            push!(Value::Int(v))
        }
        N::AtomicAnd | N::AtomicOr => {
            let p = arg(0);
            let old = super::natives::load_ptr(&p).as_int();
            let new = if n == N::AtomicAnd {
                old & arg(1).as_int()
            } else {
                old | arg(1).as_int()
            };
            super::natives::store_ptr(&p, Value::Int(new));
            push!(Value::Int(old))
        }
        N::StrCut | N::StrCutPrefix | N::StrCutSuffix => {
            let (x, sep) = (arg(0), arg(1));
            let (x, sep) = (s(&x), s(&sep));
            match n {
                N::StrCut => match x.split_once(sep) {
                    Some((b, a)) => {
                        push!(strv(b));
                        push!(strv(a));
                        push!(Value::Bool(true));
                    }
                    None => {
                        push!(strv(x));
                        push!(strv(""));
                        push!(Value::Bool(false));
                    }
                },
                N::StrCutPrefix => match x.strip_prefix(sep) {
                    Some(r) => {
                        push!(strv(r));
                        push!(Value::Bool(true));
                    }
                    None => {
                        push!(strv(x));
                        push!(Value::Bool(false));
                    }
                },
                _ => match x.strip_suffix(sep) {
                    Some(r) => {
                        push!(strv(r));
                        push!(Value::Bool(true));
                    }
                    None => {
                        push!(strv(x));
                        push!(Value::Bool(false));
                    }
                },
            }
        }
        N::StrIndexByte => {
            let x = arg(0);
            let b = arg(1).as_int() as u8;
            push!(Value::Int(
                s(&x).bytes().position(|c| c == b).map_or(-1, |i| i as i64)
            ))
        }
        N::StrLastIndexByte => {
            let x = arg(0);
            let b = arg(1).as_int() as u8;
            push!(Value::Int(
                s(&x).bytes().rposition(|c| c == b).map_or(-1, |i| i as i64)
            ))
        }
        N::StrIndexRune => {
            let x = arg(0);
            let i = rune(&arg(1)).and_then(|r| s(&x).find(r));
            push!(Value::Int(i.map_or(-1, |i| i as i64)))
        }
        N::StrIndexAny | N::StrContainsAny => {
            let (x, set) = (arg(0), arg(1));
            let i = s(&x).find(|c| s(&set).contains(c));
            push!(if n == N::StrIndexAny {
                Value::Int(i.map_or(-1, |i| i as i64))
            } else {
                Value::Bool(i.is_some())
            })
        }
        N::StrToTitle => push!(strv(s(&arg(0)).to_uppercase())),
        N::StrClone => push!(arg(0)),
        N::BuilderWrite => {
            let b = arg(0);
            let add = String::from_utf8_lossy(&bytes_of(&arg(1))).into_owned();
            if let Value::Agg(o) = &b {
                let mut o = o.borrow_mut();
                let mut st = o.first().map_or(String::new(), |v| v.as_str().to_string());
                st.push_str(&add);
                if let Some(f) = o.first_mut() {
                    *f = strv(st);
                }
            }
            push!(Value::Int(add.len() as i64));
            push!(Value::Nil);
        }
        N::BuilderGrow => {
            if arg(1).as_int() < 0 {
                return Some(NRes::Panic("strings.Builder.Grow: negative count".into()));
            }
        }
        N::DurationRound | N::DurationTruncate => {
            let (d, m) = (arg(0).as_int(), arg(1).as_int());
            push!(Value::Int(if m <= 0 {
                d
            } else if n == N::DurationTruncate {
                d - d % m
            } else {
                duration_round(d, m)
            }))
        }
        N::DurationAbs => {
            let d = arg(0).as_int();
            push!(Value::Int(if d == i64::MIN { i64::MAX } else { d.abs() }))
        }
        N::CmpCompare | N::CmpCompareU | N::CmpLess | N::CmpLessU => {
            let o = go_cmp(&arg(0), &arg(1), matches!(n, N::CmpCompareU | N::CmpLessU));
            push!(if matches!(n, N::CmpLess | N::CmpLessU) {
                Value::Bool(o == -1)
            } else {
                Value::Int(o)
            })
        }
        N::CmpOr => {
            let items = super::natives::slice_items(&arg(0));
            let zero = arg(1);
            let first = items.iter().find(|v| !is_zero(v)).cloned();
            push!(first.unwrap_or(zero))
        }
        N::SlicesIsSorted | N::SlicesIsSortedU => {
            let items = super::natives::slice_items(&arg(0));
            let u = n == N::SlicesIsSortedU;
            push!(Value::Bool(
                items.windows(2).all(|w| go_cmp(&w[1], &w[0], u) != -1)
            ))
        }
        N::StrNewReplacer => {
            let pairs = arg(0);
            if super::natives::slice_items(&pairs).len() % 2 == 1 {
                return Some(NRes::Panic(
                    "strings.NewReplacer: odd argument count".into(),
                ));
            }
            push!(Value::agg(vec![pairs]))
        }
        N::ReplacerReplace => {
            let pairs: Vec<String> = match &arg(0) {
                Value::Agg(o) => super::natives::slice_items(&o.borrow()[0])
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect(),
                _ => Vec::new(),
            };
            let x = arg(1);
            push!(strv(replace_pairs(s(&x), &pairs)))
        }
        N::TimeParseDuration => {
            let x = arg(0);
            match parse_duration(s(&x)) {
                Ok(d) => {
                    push!(Value::Int(d));
                    push!(Value::Nil);
                }
                Err(m) => {
                    push!(Value::Int(0));
                    push!(super::natives::new_error(t, &m));
                }
            }
        }
        N::SliceToArray => {
            let (sl, want) = (arg(0), arg(1).as_int());
            let items = super::natives::slice_items(&sl);
            if (items.len() as i64) < want {
                return Some(NRes::Panic(format!(
                    "runtime error: cannot convert slice with length {} to array or pointer to array with length {want}",
                    items.len()
                )));
            }
            push!(Value::agg(items.into_iter().take(want as usize).collect()))
        }
        N::LogSetFlags => LOG.with(|l| l.borrow_mut().0 = arg(0).as_int()),
        N::LogSetPrefix => LOG.with(|l| l.borrow_mut().1 = s(&arg(0)).to_string()),
        N::LogFlags => push!(Value::Int(LOG.with(|l| l.borrow().0))),
        N::LogPrefix => push!(strv(LOG.with(|l| l.borrow().1.clone()))),
        n if is_log(n) => {
            let msg = match n {
                N::LogPrintf | N::LogFatalf | N::LogPanicf => crate::golite::fmt::value::sprintf(
                    t,
                    s(&arg(0)),
                    &super::natives::slice_items(&arg(1)),
                ),
                N::LogPrintln | N::LogFatalln | N::LogPanicln => {
                    crate::golite::fmt::value::sprintln(t, &super::natives::slice_items(&arg(0)))
                }
                _ => crate::golite::fmt::value::sprint(t, &super::natives::slice_items(&arg(0))),
            };
            cx.print_err(&log_line(cx.now(), &msg));
            match n {
                N::LogFatal | N::LogFatalln | N::LogFatalf => {
                    cx.exit(1);
                    t.frames.clear();
                    t.stack.clear();
                    return Some(NRes::Reload);
                }
                N::LogPanic | N::LogPanicln | N::LogPanicf => {
                    // panic(s): the value is the message, as a string in an interface.
                    t.start_panic(
                        Value::Iface(Rc::new((ids::STRING, strv(&msg)))),
                        msg.clone(),
                    );
                    return Some(NRes::Reload);
                }
                _ => {}
            }
        }
        _ => return None,
    }
    Some(NRes::Ok)
}

/// The first rune of `b` and its length; `(RuneError, 1)` for an invalid byte, `(RuneError, 0)`
/// when empty, as utf8.DecodeRune.
fn decode(b: Vec<u8>) -> (i64, i64) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let end = b.len().min(4);
    for len in 1..=end {
        if let Ok(st) = std::str::from_utf8(&b[..len])
            && let Some(c) = st.chars().next()
        {
            return (i64::from(c as u32), len as i64);
        }
    }
    (0xFFFD, 1)
}

/// Go's `Duration.Round`: to the nearest multiple of `m`, halves away from zero, saturating.
fn duration_round(d: i64, m: i64) -> i64 {
    let mut r = d % m;
    if d < 0 {
        r = -r;
        if r + r < m {
            return d + r;
        }
        return d.checked_sub(m - r).unwrap_or(i64::MIN);
    }
    if r + r < m {
        return d - r;
    }
    d.checked_add(m - r).unwrap_or(i64::MAX)
}

/// cmp.Compare's order: -1, 0 or +1; a NaN is below every number and equal to a NaN.
fn go_cmp(a: &Value, b: &Value, unsigned: bool) -> i64 {
    use std::cmp::Ordering;
    let o = match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        },
        _ if unsigned => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
        _ => a.as_int().cmp(&b.as_int()),
    };
    o as i64
}

fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::Float(f) => *f == 0.0,
        Value::Str(x) => x.is_empty(),
        Value::Bool(b) => !b,
        Value::Nil => true,
        _ => false,
    }
}

/// Type checks and compiles the generic members of this module.
pub fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[crate::golite::syntax::ast::Expr],
    mode: crate::golite::compile::expr::Mode,
    e: &crate::golite::syntax::ast::Expr,
) -> R<Vec<TypeId>> {
    use Native as N;
    let name = super::packages::describe_call(e);
    if let Generic::SyncOnce(k) = g {
        return once_call(c, k, args, mode, e, &name);
    }
    if let Generic::Source(_) | Generic::TypedSource(_) = g {
        // Arguments, then the function (compiled from its Go source) on top, then the call.
        let local = name.split('.').next().unwrap_or_default().to_string();
        let src = match g {
            Generic::TypedSource(t) => typed_source(c, t, args)?,
            Generic::Source(s) => s.to_string(),
            _ => String::new(),
        };
        let src = src.replace("P.", &format!("{local}."));
        let (sig, _) = c.parse_func_lit(&src, e.pos)?;
        let ft = c.func_type(&sig)?;
        let s = c.sig_of(ft);
        let ellipsis = matches!(
            &e.kind,
            crate::golite::syntax::ast::ExprKind::Call { ellipsis: true, .. }
        );
        let n = c.push_args(&s, args, ellipsis, e, name.clone())?;
        c.compile_wrapper(&src, e.pos)?;
        c.emit(match mode {
            crate::golite::compile::expr::Mode::Call => crate::golite::code::Op::CallValue(n),
            crate::golite::compile::expr::Mode::Go => crate::golite::code::Op::GoValue(n),
            crate::golite::compile::expr::Mode::Defer => crate::golite::code::Op::DeferValue(n),
        });
        return Ok(if mode == crate::golite::compile::expr::Mode::Call {
            s.results
        } else {
            vec![]
        });
    }
    // The type the arguments share: the first typed one, else the default of the first.
    let mut t = None;
    for a in args {
        let at = c.type_of(a)?;
        if !c.types.is_untyped(at) {
            t = Some(at);
            break;
        }
    }
    let t = match (t, args.first()) {
        (Some(t), _) => t,
        (None, Some(a)) => {
            let at = c.type_of(a)?;
            c.types.default_type(at)
        }
        (None, None) => {
            return err(e.pos, format!("in call to {name}, cannot infer T"));
        }
    };
    let unsigned = c.types.int_kind(t).is_some_and(IntKind::unsigned);
    match g {
        Generic::CmpCompare | Generic::CmpLess => {
            if args.len() != 2 {
                return err(
                    e.pos,
                    format!("wrong number of arguments in call to {name}"),
                );
            }
            if !(c.types.is_integer(t) || c.types.is_float(t) || c.types.is_string(t)) {
                return err(
                    args[0].pos,
                    format!("{} does not satisfy cmp.Ordered", c.types.name(t)),
                );
            }
            for a in args {
                c.value_to(a, t)?;
            }
            let n = match (g, unsigned) {
                (Generic::CmpCompare, false) => N::CmpCompare,
                (Generic::CmpCompare, true) => N::CmpCompareU,
                (_, false) => N::CmpLess,
                (_, true) => N::CmpLessU,
            };
            c.native_call(n, 2, mode);
            Ok(vec![if g == Generic::CmpCompare {
                ids::INT
            } else {
                ids::BOOL
            }])
        }
        Generic::CmpOr => {
            for a in args {
                c.value_to(a, t)?;
            }
            c.emit(crate::golite::code::Op::MakeSlice(args.len() as u32, t));
            c.zero_of(t);
            c.native_call(N::CmpOr, 2, mode);
            Ok(vec![t])
        }
        Generic::SlicesIsSorted => {
            let Some(a) = args.first().filter(|_| args.len() == 1) else {
                return err(
                    e.pos,
                    format!("wrong number of arguments in call to {name}"),
                );
            };
            let st = c.type_of(a)?;
            let el = match c.types.ukind(st) {
                crate::golite::types::Kind::Slice(el) => *el,
                _ => return err(a.pos, format!("{name} needs a slice")),
            };
            c.value_to(a, st)?;
            let n = if c.types.int_kind(el).is_some_and(IntKind::unsigned) {
                N::SlicesIsSortedU
            } else {
                N::SlicesIsSorted
            };
            c.native_call(n, 1, mode);
            Ok(vec![ids::BOOL])
        }
        _ => err(e.pos, format!("golite does not support {name} yet")),
    }
}

/// The result type of a generic member of this module (for `type_of`).
pub fn generic_result(
    c: &mut Compiler,
    g: Generic,
    args: &[crate::golite::syntax::ast::Expr],
) -> R<TypeId> {
    Ok(match g {
        Generic::CmpCompare => ids::INT,
        Generic::CmpLess | Generic::SlicesIsSorted => ids::BOOL,
        Generic::SyncOnce(_) => match args.first() {
            Some(a) => c.type_of(a)?,
            None => ids::VOID,
        },
        Generic::CmpOr => {
            let mut t = ids::VOID;
            for a in args {
                let at = c.type_of(a)?;
                t = if c.types.is_untyped(at) {
                    c.types.default_type(at)
                } else {
                    at
                };
                if !c.types.is_untyped(at) {
                    break;
                }
            }
            t
        }
        _ => ids::VOID,
    })
}

/// `sync.OnceFunc(f)`, `OnceValue(f)`, `OnceValues(f)`: Go's own implementation, written as a
/// function literal for `f`'s result types and called with `f`. A mutex makes a second caller
/// wait while the first runs `f` (Go's Once waits the same way); a panic of `f` is re-raised, with
/// the same value, by every call.
fn once_call(
    c: &mut Compiler,
    k: u8,
    args: &[crate::golite::syntax::ast::Expr],
    mode: crate::golite::compile::expr::Mode,
    e: &crate::golite::syntax::ast::Expr,
    name: &str,
) -> R<Vec<TypeId>> {
    let [f] = args else {
        return err(
            e.pos,
            format!("wrong number of arguments in call to {name}"),
        );
    };
    let ft = c.type_of(f)?;
    let results = match c.types.sig(ft) {
        Some(sg) if sg.params.is_empty() && sg.results.len() == usize::from(k) => {
            sg.results.clone()
        }
        _ => {
            return err(
                f.pos,
                format!(
                    "cannot use {} as the function argument of {name}",
                    crate::golite::compile::describe(f)
                ),
            );
        }
    };
    let sync = name.split('.').next().unwrap_or("sync").to_string();
    let rs: Vec<String> = results.iter().map(|r| c.type_src(*r)).collect();
    let (decl, call, ret) = match k {
        0 => (String::new(), "f()".to_string(), String::new()),
        1 => (
            format!("var r0 {}", rs[0]),
            "r0 = f()".to_string(),
            "return r0".to_string(),
        ),
        _ => (
            format!("var r0 {}; var r1 {}", rs[0], rs[1]),
            "r0, r1 = f()".to_string(),
            "return r0, r1".to_string(),
        ),
    };
    let sig = format!("func() ({})", rs.join(", "));
    let src = format!(
        "func(f {sig}) {sig} {{ var mu {sync}.Mutex; var done, valid bool; var p any; {decl}; \
         return func() ({rs}) {{ mu.Lock(); defer mu.Unlock(); if !done {{ done = true; \
         func() {{ defer func() {{ p = recover(); if !valid {{ panic(p) }} }}(); {call}; \
         valid = true }}() }}; if !valid {{ panic(p) }}; {ret} }} }}",
        rs = rs.join(", ")
    );
    // The callee goes on top of its argument.
    c.value_to(f, ft)?;
    c.compile_wrapper(&src, e.pos)?;
    c.emit(match mode {
        crate::golite::compile::expr::Mode::Call => crate::golite::code::Op::CallValue(1),
        crate::golite::compile::expr::Mode::Go => crate::golite::code::Op::GoValue(1),
        crate::golite::compile::expr::Mode::Defer => crate::golite::code::Op::DeferValue(1),
    });
    Ok(if mode == crate::golite::compile::expr::Mode::Call {
        vec![ft]
    } else {
        vec![]
    })
}

/// A generic library function's Go source for this call: `$M` is the first argument's type,
/// `$K` and `$V` its key and value types (maps); `$2M`, `$2K`, `$2V` the second argument's.
pub fn typed_source(
    c: &mut Compiler,
    src: &str,
    args: &[crate::golite::syntax::ast::Expr],
) -> R<String> {
    let mut out = src.to_string();
    // The second argument first: `$2M` must not be read as `$2` then `M`... of the first.
    for (i, a) in args.iter().enumerate().take(2).rev() {
        let p = if i == 0 { "$" } else { "$2" };
        let t = c.type_of(a)?;
        out = out.replace(&format!("{p}M"), &c.type_src(t));
        if let crate::golite::types::Kind::Map(k, v) = c.types.ukind(t).clone() {
            out = out
                .replace(&format!("{p}K"), &c.type_src(k))
                .replace(&format!("{p}V"), &c.type_src(v));
        }
    }
    Ok(out)
}

/// Go's `time.ParseDuration`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, with Go's error texts.
pub fn parse_duration(orig: &str) -> Result<i64, String> {
    let q = crate::golite::fmt::format::quote;
    let invalid = || format!("time: invalid duration {}", q(orig));
    let mut s = orig;
    let mut neg = false;
    if let Some(c) = s.chars().next()
        && (c == '-' || c == '+')
    {
        neg = c == '-';
        s = &s[1..];
    }
    if s == "0" {
        return Ok(0);
    }
    if s.is_empty() {
        return Err(invalid());
    }
    let mut d: u64 = 0;
    while !s.is_empty() {
        let b = s.as_bytes();
        if !(b[0] == b'.' || b[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // Whole part.
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let mut v: u64 = 0;
        for &c in &b[..digits] {
            if v > (1 << 63) / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(c - b'0');
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        let pre = digits > 0;
        s = &s[digits..];
        // Fraction.
        let (mut f, mut scale, mut post) = (0u64, 1f64, false);
        if s.starts_with('.') {
            s = &s[1..];
            let fd = s.bytes().take_while(u8::is_ascii_digit).count();
            let mut overflow = false;
            for c in s[..fd].bytes() {
                if overflow {
                    continue;
                }
                if f > ((1u64 << 63) - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + u64::from(c - b'0');
                if y > 1 << 63 {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            post = fd > 0;
            s = &s[fd..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        // Unit.
        let i = s
            .find(|c: char| c == '.' || c.is_ascii_digit())
            .unwrap_or(s.len());
        if i == 0 {
            return Err(format!("time: missing unit in duration {}", q(orig)));
        }
        let u = &s[..i];
        s = &s[i..];
        let unit: u64 = match u {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    q(u),
                    q(orig)
                ));
            }
        };
        if v > (1 << 63) / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > 1 << 63 {
                return Err(invalid());
            }
        }
        d += v;
        if d > 1 << 63 {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > (1 << 63) - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

/// `strings.Replacer.Replace`: left to right, at each position the first pair (in argument
/// order) whose old string matches there; replaced text is not scanned again.
fn replace_pairs(s: &str, pairs: &[String]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'scan: while i < s.len() {
        for p in pairs.chunks(2) {
            let (old, new) = (&p[0], &p[1]);
            if !old.is_empty() && s[i..].starts_with(old.as_str()) {
                out.push_str(new);
                i += old.len();
                continue 'scan;
            }
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}
