//! The standard-library surface golite offers: package members with their Go signatures, the
//! library's named types and their methods, and the calls that compile to inline code (fmt's
//! argument preparation, sort.Slice, errors.Is/As, the generic slices functions).

use crate::golite::code::{Generic, MethodImpl, Native, Op, Std, WellKnown};
use crate::golite::compile::expr::Mode;
use crate::golite::compile::{Compiler, ConstVal, Member, R, describe, err};
use crate::golite::syntax::ast::{Expr, ExprKind, Pos};
use crate::golite::types::{ChanDir, Field, Kind, TypeId, Types, ids};
use std::rc::Rc;

/// Import paths golite supports.
pub(crate) const KNOWN: &[&str] = &[
    "fmt",
    "time",
    "sync",
    "sync/atomic",
    "context",
    "errors",
    "strings",
    "strconv",
    "sort",
    "slices",
    "runtime",
    "math/rand",
    "math",
    "os",
    "unicode",
    "unicode/utf8",
    "maps",
    "log",
    "cmp",
];

/// The exported names of Go 1.27's packages (`unicode` without its range tables), so that a
/// name golite lacks is told apart from a name Go lacks: `golite does not support os.ReadFile
/// yet` against Go's own `undefined: strings.Reverse`. Made with go/importer.
fn go_exports(path: &str) -> &'static str {
    match path {
        "bufio" => {
            "ErrAdvanceTooFar ErrBadReadCount ErrBufferFull ErrFinalToken ErrInvalidUnreadByte ErrInvalidUnreadRune ErrNegativeAdvance ErrNegativeCount ErrTooLong MaxScanTokenSize NewReadWriter NewReader NewReaderSize NewScanner NewWriter NewWriterSize ReadWriter Reader ScanBytes ScanLines ScanRunes ScanWords Scanner SplitFunc Writer"
        }
        "bytes" => {
            "Buffer Clone Compare Contains ContainsAny ContainsFunc ContainsRune Count Cut CutLast CutPrefix CutSuffix Equal EqualFold ErrTooLarge Fields FieldsFunc FieldsFuncSeq FieldsSeq HasPrefix HasSuffix Index IndexAny IndexByte IndexFunc IndexRune Join LastIndex LastIndexAny LastIndexByte LastIndexFunc Lines Map MinRead NewBuffer NewBufferString NewReader Reader Repeat Replace ReplaceAll Runes Split SplitAfter SplitAfterN SplitAfterSeq SplitN SplitSeq Title ToLower ToLowerSpecial ToTitle ToTitleSpecial ToUpper ToUpperSpecial ToValidUTF8 Trim TrimFunc TrimLeft TrimLeftFunc TrimPrefix TrimRight TrimRightFunc TrimSpace TrimSuffix"
        }
        "cmp" => "Compare Less Or Ordered",
        "container/heap" => "Fix Init Interface Pop Push Remove",
        "container/list" => "Element List New",
        "context" => {
            "AfterFunc Background CancelCauseFunc CancelFunc Canceled Cause Context DeadlineExceeded TODO WithCancel WithCancelCause WithDeadline WithDeadlineCause WithTimeout WithTimeoutCause WithValue WithoutCancel"
        }
        "errors" => "As AsType ErrUnsupported Is Join New Unwrap",
        "fmt" => {
            "Append Appendf Appendln Errorf FormatString Formatter Fprint Fprintf Fprintln Fscan Fscanf Fscanln GoStringer Print Printf Println Scan ScanState Scanf Scanln Scanner Sprint Sprintf Sprintln Sscan Sscanf Sscanln State Stringer"
        }
        "io" => {
            "ByteReader ByteScanner ByteWriter Closer Copy CopyBuffer CopyN Discard EOF ErrClosedPipe ErrNoProgress ErrShortBuffer ErrShortWrite ErrUnexpectedEOF LimitReader LimitedReader MultiReader MultiWriter NewOffsetWriter NewSectionReader NopCloser OffsetWriter Pipe PipeReader PipeWriter ReadAll ReadAtLeast ReadCloser ReadFull ReadSeekCloser ReadSeeker ReadWriteCloser ReadWriteSeeker ReadWriter Reader ReaderAt ReaderFrom RuneReader RuneScanner SectionReader SeekCurrent SeekEnd SeekStart Seeker StringWriter TeeReader WriteCloser WriteSeeker WriteString Writer WriterAt WriterTo"
        }
        "log" => {
            "Default Fatal Fatalf Fatalln Flags LUTC Ldate Llongfile Lmicroseconds Lmsgprefix Logger Lshortfile LstdFlags Ltime New Output Panic Panicf Panicln Prefix Print Printf Println SetFlags SetOutput SetPrefix Writer"
        }
        "maps" => "All Clone Collect Copy DeleteFunc Equal EqualFunc Insert Keys Values",
        "math" => {
            "Abs Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Ceil Copysign Cos Cosh Dim E Erf Erfc Erfcinv Erfinv Exp Exp2 Expm1 FMA Float32bits Float32frombits Float64bits Float64frombits Floor Frexp Gamma Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Ln10 Ln2 Log Log10 Log10E Log1p Log2 Log2E Logb Max MaxFloat32 MaxFloat64 MaxInt MaxInt16 MaxInt32 MaxInt64 MaxInt8 MaxUint MaxUint16 MaxUint32 MaxUint64 MaxUint8 Min MinInt MinInt16 MinInt32 MinInt64 MinInt8 Mod Modf NaN Nextafter Nextafter32 Phi Pi Pow Pow10 Remainder Round RoundToEven Signbit Sin Sincos Sinh SmallestNonzeroFloat32 SmallestNonzeroFloat64 Sqrt Sqrt2 SqrtE SqrtPhi SqrtPi Tan Tanh Trunc Y0 Y1 Yn"
        }
        "math/bits" => {
            "Add Add32 Add64 Div Div32 Div64 LeadingZeros LeadingZeros16 LeadingZeros32 LeadingZeros64 LeadingZeros8 Len Len16 Len32 Len64 Len8 Mul Mul32 Mul64 OnesCount OnesCount16 OnesCount32 OnesCount64 OnesCount8 Rem Rem32 Rem64 Reverse Reverse16 Reverse32 Reverse64 Reverse8 ReverseBytes ReverseBytes16 ReverseBytes32 ReverseBytes64 RotateLeft RotateLeft16 RotateLeft32 RotateLeft64 RotateLeft8 Sub Sub32 Sub64 TrailingZeros TrailingZeros16 TrailingZeros32 TrailingZeros64 TrailingZeros8 UintSize"
        }
        "math/rand" => {
            "ExpFloat64 Float32 Float64 Int Int31 Int31n Int63 Int63n Intn New NewSource NewZipf NormFloat64 Perm Rand Read Seed Shuffle Source Source64 Uint32 Uint64 Zipf"
        }
        "os" => {
            "Args Chdir Chmod Chown Chtimes Clearenv CopyFS Create CreateTemp DevNull DirEntry DirFS Environ ErrClosed ErrDeadlineExceeded ErrExist ErrInvalid ErrNoDeadline ErrNoHandle ErrNotExist ErrPermission ErrProcessDone Executable Exit Expand ExpandEnv File FileInfo FileMode FindProcess Getegid Getenv Geteuid Getgid Getgroups Getpagesize Getpid Getppid Getuid Getwd Hostname Interrupt IsExist IsNotExist IsPathSeparator IsPermission IsTimeout Kill Lchown Link LinkError LookupEnv Lstat Mkdir MkdirAll MkdirTemp ModeAppend ModeCharDevice ModeDevice ModeDir ModeExclusive ModeIrregular ModeNamedPipe ModePerm ModeSetgid ModeSetuid ModeSocket ModeSticky ModeSymlink ModeTemporary ModeType NewFile NewSyscallError O_APPEND O_CREATE O_EXCL O_RDONLY O_RDWR O_SYNC O_TRUNC O_WRONLY Open OpenFile OpenInRoot OpenRoot PathError PathListSeparator PathSeparator Pipe ProcAttr Process ProcessState ReadDir ReadFile Readlink Remove RemoveAll Rename Root SEEK_CUR SEEK_END SEEK_SET SameFile Setenv Signal StartProcess Stat Stderr Stdin Stdout Symlink SyscallError TempDir Truncate Unsetenv UserCacheDir UserConfigDir UserHomeDir WriteFile"
        }
        "runtime" => {
            "AddCleanup BlockProfile BlockProfileRecord Breakpoint CPUProfile Caller Callers CallersFrames Cleanup Compiler Error Frame Frames Func FuncForPC GC GOARCH GOMAXPROCS GOOS GOROOT Goexit GoroutineProfile Gosched KeepAlive LockOSThread MemProfile MemProfileRate MemProfileRecord MemStats MutexProfile NumCPU NumCgoCall NumGoroutine PanicNilError Pinner ReadMemStats ReadTrace SetBlockProfileRate SetCPUProfileRate SetCgoTraceback SetDefaultGOMAXPROCS SetFinalizer SetMutexProfileFraction Stack StackRecord StartTrace StopTrace ThreadCreateProfile TypeAssertionError UnlockOSThread Version"
        }
        "slices" => {
            "All AppendSeq Backward BinarySearch BinarySearchFunc Chunk Clip Clone Collect Compact CompactFunc Compare CompareFunc Concat Contains ContainsFunc Delete DeleteFunc Equal EqualFunc Grow Index IndexFunc Insert IsSorted IsSortedFunc Max MaxFunc Min MinFunc Repeat Replace Reverse Sort SortFunc SortStableFunc Sorted SortedFunc SortedStableFunc Values"
        }
        "sort" => {
            "Find Float64Slice Float64s Float64sAreSorted IntSlice Interface Ints IntsAreSorted IsSorted Reverse Search SearchFloat64s SearchInts SearchStrings Slice SliceIsSorted SliceStable Sort Stable StringSlice Strings StringsAreSorted"
        }
        "strconv" => {
            "AppendBool AppendFloat AppendInt AppendQuote AppendQuoteRune AppendQuoteRuneToASCII AppendQuoteRuneToGraphic AppendQuoteToASCII AppendQuoteToGraphic AppendUint Atoi CanBackquote ErrRange ErrSyntax FormatBool FormatComplex FormatFloat FormatInt FormatUint IntSize IsGraphic IsPrint Itoa NumError ParseBool ParseComplex ParseFloat ParseInt ParseUint Quote QuoteRune QuoteRuneToASCII QuoteRuneToGraphic QuoteToASCII QuoteToGraphic QuotedPrefix Unquote UnquoteChar"
        }
        "strings" => {
            "Builder Clone Compare Contains ContainsAny ContainsFunc ContainsRune Count Cut CutLast CutPrefix CutSuffix EqualFold Fields FieldsFunc FieldsFuncSeq FieldsSeq HasPrefix HasSuffix Index IndexAny IndexByte IndexFunc IndexRune Join LastIndex LastIndexAny LastIndexByte LastIndexFunc Lines Map NewReader NewReplacer Reader Repeat Replace ReplaceAll Replacer Split SplitAfter SplitAfterN SplitAfterSeq SplitN SplitSeq Title ToLower ToLowerSpecial ToTitle ToTitleSpecial ToUpper ToUpperSpecial ToValidUTF8 Trim TrimFunc TrimLeft TrimLeftFunc TrimPrefix TrimRight TrimRightFunc TrimSpace TrimSuffix"
        }
        "sync" => {
            "Cond Locker Map Mutex NewCond Once OnceFunc OnceValue OnceValues Pool RWMutex WaitGroup"
        }
        "sync/atomic" => {
            "AddInt32 AddInt64 AddUint32 AddUint64 AddUintptr AndInt32 AndInt64 AndUint32 AndUint64 AndUintptr Bool CompareAndSwapInt32 CompareAndSwapInt64 CompareAndSwapPointer CompareAndSwapUint32 CompareAndSwapUint64 CompareAndSwapUintptr Int32 Int64 LoadInt32 LoadInt64 LoadPointer LoadUint32 LoadUint64 LoadUintptr OrInt32 OrInt64 OrUint32 OrUint64 OrUintptr Pointer StoreInt32 StoreInt64 StorePointer StoreUint32 StoreUint64 StoreUintptr SwapInt32 SwapInt64 SwapPointer SwapUint32 SwapUint64 SwapUintptr Uint32 Uint64 Uintptr Value"
        }
        "time" => {
            "ANSIC After AfterFunc April August Date DateOnly DateTime December Duration February FixedZone Friday Hour January July June Kitchen Layout LoadLocation LoadLocationFromTZData Local Location March May Microsecond Millisecond Minute Monday Month Nanosecond NewTicker NewTimer November Now October Parse ParseDuration ParseError ParseInLocation RFC1123 RFC1123Z RFC3339 RFC3339Nano RFC822 RFC822Z RFC850 RubyDate Saturday Second September Since Sleep Stamp StampMicro StampMilli StampNano Sunday Thursday Tick Ticker Time TimeOnly Timer Tuesday UTC Unix UnixDate UnixMicro UnixMilli Until Wednesday Weekday"
        }
        "unicode" => {
            "AzeriCase CaseRange CaseRanges CategoryAliases In Is IsControl IsDigit IsGraphic IsLetter IsLower IsMark IsNumber IsOneOf IsPrint IsPunct IsSpace IsSymbol IsTitle IsUpper LowerCase MaxASCII MaxCase MaxLatin1 MaxRune Range16 Range32 RangeTable ReplacementChar SimpleFold SpecialCase TitleCase To ToLower ToTitle ToUpper TurkishCase UpperCase UpperLower Version"
        }
        "unicode/utf8" => {
            "AppendRune DecodeLastRune DecodeLastRuneInString DecodeRune DecodeRuneInString EncodeRune FullRune FullRuneInString MaxRune RuneCount RuneCountInString RuneError RuneLen RuneSelf RuneStart UTFMax Valid ValidRune ValidString"
        }
        _ => "",
    }
}

/// The exported methods (of T and *T) of Go 1.27's library types, for the same purpose.
fn go_methods(type_name: &str) -> &'static str {
    match type_name {
        "bufio.ReadWriter" => {
            "Available AvailableBuffer Discard Flush Peek Read ReadByte ReadBytes ReadFrom ReadLine ReadRune ReadSlice ReadString UnreadByte UnreadRune Write WriteByte WriteRune WriteString WriteTo"
        }
        "bufio.Reader" => {
            "Buffered Discard Peek Read ReadByte ReadBytes ReadLine ReadRune ReadSlice ReadString Reset Size UnreadByte UnreadRune WriteTo"
        }
        "bufio.Scanner" => "Buffer Bytes Err Scan Split Text",
        "bufio.Writer" => {
            "Available AvailableBuffer Buffered Flush ReadFrom Reset Size Write WriteByte WriteRune WriteString"
        }
        "bytes.Buffer" => {
            "Available AvailableBuffer Bytes Cap Grow Len Next Peek Read ReadByte ReadBytes ReadFrom ReadRune ReadString Reset String Truncate UnreadByte UnreadRune Write WriteByte WriteRune WriteString WriteTo"
        }
        "bytes.Reader" => {
            "Len Read ReadAt ReadByte ReadRune Reset Seek Size UnreadByte UnreadRune WriteTo"
        }
        "heap.Interface" => "Len Less Pop Push Swap",
        "list.Element" => "Next Prev",
        "list.List" => {
            "Back Front Init InsertAfter InsertBefore Len MoveAfter MoveBefore MoveToBack MoveToFront PushBack PushBackList PushFront PushFrontList Remove"
        }
        "context.Context" => "Deadline Done Err Value",
        "fmt.Formatter" => "Format",
        "fmt.GoStringer" => "GoString",
        "fmt.ScanState" => "Read ReadRune SkipSpace Token UnreadRune Width",
        "fmt.Scanner" => "Scan",
        "fmt.State" => "Flag Precision Width Write",
        "fmt.Stringer" => "String",
        "io.ByteReader" => "ReadByte",
        "io.ByteScanner" => "ReadByte UnreadByte",
        "io.ByteWriter" => "WriteByte",
        "io.Closer" => "Close",
        "io.LimitedReader" => "Read",
        "io.OffsetWriter" => "Seek Write WriteAt",
        "io.PipeReader" => "Close CloseWithError Read",
        "io.PipeWriter" => "Close CloseWithError Write",
        "io.ReadCloser" => "Close Read",
        "io.ReadSeekCloser" => "Close Read Seek",
        "io.ReadSeeker" => "Read Seek",
        "io.ReadWriteCloser" => "Close Read Write",
        "io.ReadWriteSeeker" => "Read Seek Write",
        "io.ReadWriter" => "Read Write",
        "io.Reader" => "Read",
        "io.ReaderAt" => "ReadAt",
        "io.ReaderFrom" => "ReadFrom",
        "io.RuneReader" => "ReadRune",
        "io.RuneScanner" => "ReadRune UnreadRune",
        "io.SectionReader" => "Outer Read ReadAt Seek Size",
        "io.Seeker" => "Seek",
        "io.StringWriter" => "WriteString",
        "io.WriteCloser" => "Close Write",
        "io.WriteSeeker" => "Seek Write",
        "io.Writer" => "Write",
        "io.WriterAt" => "WriteAt",
        "io.WriterTo" => "WriteTo",
        "log.Logger" => {
            "Fatal Fatalf Fatalln Flags Output Panic Panicf Panicln Prefix Print Printf Println SetFlags SetOutput SetPrefix Writer"
        }
        "rand.Rand" => {
            "ExpFloat64 Float32 Float64 Int Int31 Int31n Int63 Int63n Intn NormFloat64 Perm Read Seed Shuffle Uint32 Uint64"
        }
        "rand.Source" => "Int63 Seed",
        "rand.Source64" => "Int63 Seed Uint64",
        "rand.Zipf" => "Uint64",
        "os.DirEntry" => "Info IsDir Name Type",
        "os.File" => {
            "Chdir Chmod Chown Close Fd Name Read ReadAt ReadDir ReadFrom Readdir Readdirnames Seek SetDeadline SetReadDeadline SetWriteDeadline Stat Sync SyscallConn Truncate Write WriteAt WriteString WriteTo"
        }
        "os.FileInfo" => "IsDir ModTime Mode Name Size Sys",
        "os.FileMode" => "IsDir IsRegular Perm String Type",
        "os.LinkError" => "Error Unwrap",
        "os.PathError" => "Error Timeout Unwrap",
        "os.Process" => "Kill Release Signal Wait WithHandle",
        "os.ProcessState" => "ExitCode Exited Pid String Success Sys SysUsage SystemTime UserTime",
        "os.Root" => {
            "Chmod Chown Chtimes Close Create FS Lchown Link Lstat Mkdir MkdirAll Name Open OpenFile OpenRoot ReadFile Readlink Remove RemoveAll Rename Stat Symlink WriteFile"
        }
        "os.Signal" => "Signal String",
        "os.SyscallError" => "Error Timeout Unwrap",
        "runtime.BlockProfileRecord" => "Stack",
        "runtime.Cleanup" => "Stop",
        "runtime.Error" => "Error RuntimeError",
        "runtime.Frames" => "Next",
        "runtime.Func" => "Entry FileLine Name",
        "runtime.MemProfileRecord" => "InUseBytes InUseObjects Stack",
        "runtime.PanicNilError" => "Error RuntimeError",
        "runtime.Pinner" => "Pin Unpin",
        "runtime.StackRecord" => "Stack",
        "runtime.TypeAssertionError" => "Error RuntimeError",
        "sort.Float64Slice" => "Len Less Search Sort Swap",
        "sort.IntSlice" => "Len Less Search Sort Swap",
        "sort.Interface" => "Len Less Swap",
        "sort.StringSlice" => "Len Less Search Sort Swap",
        "strconv.NumError" => "Error Unwrap",
        "strings.Builder" => "Cap Grow Len Reset String Write WriteByte WriteRune WriteString",
        "strings.Reader" => {
            "Len Read ReadAt ReadByte ReadRune Reset Seek Size UnreadByte UnreadRune WriteTo"
        }
        "strings.Replacer" => "Replace WriteString",
        "sync.Cond" => "Broadcast Signal Wait",
        "sync.Locker" => "Lock Unlock",
        "sync.Map" => {
            "Clear CompareAndDelete CompareAndSwap Delete Load LoadAndDelete LoadOrStore Range Store Swap"
        }
        "sync.Mutex" => "Lock TryLock Unlock",
        "sync.Once" => "Do",
        "sync.Pool" => "Get Put",
        "sync.RWMutex" => "Lock RLock RLocker RUnlock TryLock TryRLock Unlock",
        "sync.WaitGroup" => "Add Done Go Wait",
        "atomic.Bool" => "CompareAndSwap Load Store Swap",
        "atomic.Int32" => "Add And CompareAndSwap Load Or Store Swap",
        "atomic.Int64" => "Add And CompareAndSwap Load Or Store Swap",
        "atomic.Pointer" => "CompareAndSwap Load Store Swap",
        "atomic.Uint32" => "Add And CompareAndSwap Load Or Store Swap",
        "atomic.Uint64" => "Add And CompareAndSwap Load Or Store Swap",
        "atomic.Uintptr" => "Add And CompareAndSwap Load Or Store Swap",
        "atomic.Value" => "CompareAndSwap Load Store Swap",
        "time.Duration" => {
            "Abs Hours Microseconds Milliseconds Minutes Nanoseconds Round Seconds String Truncate"
        }
        "time.Location" => "String",
        "time.Month" => "String",
        "time.ParseError" => "Error",
        "time.Ticker" => "Reset Stop",
        "time.Time" => {
            "Add AddDate After AppendBinary AppendFormat AppendText Before Clock Compare Date Day Equal Format GoString GobDecode GobEncode Hour ISOWeek In IsDST IsZero Local Location MarshalBinary MarshalJSON MarshalText Minute Month Nanosecond Round Second String Sub Truncate UTC Unix UnixMicro UnixMilli UnixNano UnmarshalBinary UnmarshalJSON UnmarshalText Weekday Year YearDay Zone ZoneBounds"
        }
        "time.Timer" => "Reset Stop",
        "time.Weekday" => "String",
        "unicode.SpecialCase" => "ToLower ToTitle ToUpper",
        _ => "",
    }
}

/// The error for `x.name` where golite found no field or method `name` in type `type_name`
/// (`xt` as golite names it, `*time.Timer`): golite's own gap for a library type that has it.
pub fn missing_method(x: &str, type_name: &str, name: &str) -> String {
    let base = type_name.trim_start_matches('*');
    if go_methods(base).split(' ').any(|n| n == name) {
        format!("golite does not support ({base}).{name} yet")
    } else {
        format!("{x}.{name} undefined (type {type_name} has no field or method {name})")
    }
}

/// The error for `local.name` when golite has no such member of package `path`.
pub fn missing_member(local: &str, path: &str, name: &str) -> String {
    if go_exports(path).split(' ').any(|n| n == name) {
        format!("golite does not support {local}.{name} yet")
    } else {
        format!("undefined: {local}.{name}")
    }
}

pub(crate) fn named_struct(t: &mut Types, name: &str, fields: &[(&str, TypeId)]) -> TypeId {
    let n = t.new_named(name);
    let fs: Vec<Field> = fields
        .iter()
        .map(|(f, ty)| Field {
            name: f.to_string(),
            ty: *ty,
            embedded: false,
        })
        .collect();
    let s = t.intern(Kind::Struct(fs));
    t.set_underlying(n, s);
    n
}

impl Std {
    pub(crate) fn new(t: &mut Types) -> Std {
        let duration = t.new_named("time.Duration");
        t.set_underlying(duration, ids::INT64);
        let month = t.new_named("time.Month");
        t.set_underlying(month, ids::INT);
        let time = named_struct(t, "time.Time", &[("ns", ids::INT64)]);
        let tchan = t.chan(ChanDir::Recv, time);
        let timer = named_struct(t, "time.Timer", &[("C", tchan), ("id", ids::INT)]);
        let ticker = named_struct(t, "time.Ticker", &[("C", tchan), ("id", ids::INT)]);
        let mutex = named_struct(t, "sync.Mutex", &[("id", ids::INT)]);
        let rwmutex = named_struct(t, "sync.RWMutex", &[("id", ids::INT)]);
        let waitgroup = named_struct(t, "sync.WaitGroup", &[("id", ids::INT)]);
        let once = named_struct(t, "sync.Once", &[("id", ids::INT)]);
        let unit = t.func(vec![], vec![], false);
        let locker_iface = t.intern(Kind::Interface(vec![
            ("Lock".into(), unit),
            ("Unlock".into(), unit),
        ]));
        let locker = t.new_named("sync.Locker");
        t.set_underlying(locker, locker_iface);
        let cond = named_struct(t, "sync.Cond", &[("L", locker), ("id", ids::INT)]);
        let empty_struct = t.intern(Kind::Struct(vec![]));
        let done_ch = t.chan(ChanDir::Recv, empty_struct);
        let sig_deadline = t.func(vec![], vec![time, ids::BOOL], false);
        let sig_done = t.func(vec![], vec![done_ch], false);
        let sig_err = t.func(vec![], vec![ids::ERROR], false);
        let sig_value = t.func(vec![ids::ANY], vec![ids::ANY], false);
        let mut ms = vec![
            ("Deadline".to_string(), sig_deadline),
            ("Done".to_string(), sig_done),
            ("Err".to_string(), sig_err),
            ("Value".to_string(), sig_value),
        ];
        ms.sort_by(|a, b| a.0.cmp(&b.0));
        let ctx_iface = t.intern(Kind::Interface(ms));
        let context = t.new_named("context.Context");
        t.set_underlying(context, ctx_iface);
        // `done` owns a cancellable context's Done channel, so the channel is garbage exactly
        // when the context is (see golite::value::ChanRef).
        let ctx_impl = named_struct(
            t,
            "context.cancelCtx",
            &[("id", ids::INT), ("done", done_ch)],
        );
        let cancel_func = t.new_named("context.CancelFunc");
        t.set_underlying(cancel_func, unit);
        let cc = t.func(vec![ids::ERROR], vec![], false);
        let cancel_cause_func = t.new_named("context.CancelCauseFunc");
        t.set_underlying(cancel_cause_func, cc);
        let error_string = named_struct(t, "errors.errorString", &[("s", ids::STRING)]);
        let errs = t.slice(ids::ERROR);
        let wrap_error = named_struct(
            t,
            "fmt.wrapError",
            &[("msg", ids::STRING), ("err", ids::ERROR), ("errs", errs)],
        );
        let join_error = named_struct(t, "errors.joinError", &[("errs", errs)]);
        let runtime_error = t.new_named("runtime.Error");
        t.set_underlying(runtime_error, ids::STRING);
        let ctx_deadline_error = named_struct(t, "context.deadlineExceededError", &[]);
        let stringified = named_struct(
            t,
            "fmt.stringified",
            &[("s", ids::STRING), ("orig", ids::ANY)],
        );
        let builder = named_struct(t, "strings.Builder", &[("buf", ids::STRING)]);
        let atomic_int64 = named_struct(t, "atomic.Int64", &[("v", ids::INT64)]);
        let atomic_int32 = named_struct(t, "atomic.Int32", &[("v", ids::INT32)]);
        let atomic_bool = named_struct(t, "atomic.Bool", &[("v", ids::BOOL)]);
        let sig_string = t.func(vec![], vec![ids::STRING], false);
        let stringer_iface = t.intern(Kind::Interface(vec![("String".into(), sig_string)]));
        let stringer = t.new_named("fmt.Stringer");
        t.set_underlying(stringer, stringer_iface);
        let sig_unwrap = t.func(vec![], vec![ids::ERROR], false);
        let unwrapper = t.intern(Kind::Interface(vec![("Unwrap".into(), sig_unwrap)]));
        let sig_len = t.func(vec![], vec![ids::INT], false);
        let sig_less = t.func(vec![ids::INT, ids::INT], vec![ids::BOOL], false);
        let sig_swap = t.func(vec![ids::INT, ids::INT], vec![], false);
        let sort_iface_u = t.intern(Kind::Interface(vec![
            ("Len".into(), sig_len),
            ("Less".into(), sig_less),
            ("Swap".into(), sig_swap),
        ]));
        let sort_iface = t.new_named("sort.Interface");
        t.set_underlying(sort_iface, sort_iface_u);
        let sig_is = t.func(vec![ids::ERROR], vec![ids::BOOL], false);
        let isser = t.intern(Kind::Interface(vec![("Is".into(), sig_is)]));
        let sig_as = t.func(vec![ids::ANY], vec![ids::BOOL], false);
        let aser = t.intern(Kind::Interface(vec![("As".into(), sig_as)]));
        Std {
            duration,
            time,
            month,
            timer,
            ticker,
            mutex,
            rwmutex,
            waitgroup,
            once,
            cond,
            locker,
            context,
            ctx_impl,
            cancel_func,
            cancel_cause_func,
            error_string,
            wrap_error,
            join_error,
            runtime_error,
            ctx_deadline_error,
            stringified,
            builder,
            atomic_int64,
            atomic_int32,
            atomic_bool,
            stringer,
            empty_struct,
            unwrapper,
            sort_iface,
            isser,
            aser,
        }
    }
}

/// The run-time constants of a compiled program.
pub(crate) fn well_known(c: &mut Compiler) -> WellKnown {
    WellKnown {
        runtime_error: c.std.runtime_error,
        stringified: c.std.stringified,
        sym_error: c.sym("Error"),
        sym_string: c.sym("String"),
        std: c.std.clone(),
        error_string_ptr: c.types.pointer(c.std.error_string),
        wrap_error_ptr: c.types.pointer(c.std.wrap_error),
        join_error_ptr: c.types.pointer(c.std.join_error),
        ctx_ptr: c.types.pointer(c.std.ctx_impl),
    }
}

/// Parses a Go type as written in the tables below (`[]string`, `func(Duration) <-chan Time`).
struct TypeParser<'s> {
    s: &'s [u8],
    i: usize,
    pkg: &'s str,
}

impl<'s> TypeParser<'s> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }
    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t.as_bytes()) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> String {
        self.ws();
        let st = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_alphanumeric()
                || self.s[self.i] == b'_'
                || self.s[self.i] == b'.')
        {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[st..self.i]).into_owned()
    }
    fn ty(&mut self, c: &mut Compiler) -> TypeId {
        if self.eat("[]") {
            let e = self.ty(c);
            return c.types.slice(e);
        }
        if self.eat("*") {
            let e = self.ty(c);
            return c.types.pointer(e);
        }
        if self.eat("<-chan ") {
            let e = self.ty(c);
            return c.types.chan(ChanDir::Recv, e);
        }
        if self.eat("chan ") {
            let e = self.ty(c);
            return c.types.chan(ChanDir::Both, e);
        }
        if self.eat("map[") {
            let k = self.ty(c);
            self.eat("]");
            let v = self.ty(c);
            return c.types.map(k, v);
        }
        if self.eat("func(") {
            let mut ps = Vec::new();
            let mut variadic = false;
            while !self.eat(")") {
                if self.eat("...") {
                    variadic = true;
                    let e = self.ty(c);
                    ps.push(c.types.slice(e));
                } else {
                    ps.push(self.ty(c));
                }
                self.eat(",");
            }
            let mut rs = Vec::new();
            self.ws();
            if self.eat("(") {
                while !self.eat(")") {
                    rs.push(self.ty(c));
                    self.eat(",");
                }
            } else if self.i < self.s.len() && self.s[self.i] != b',' && self.s[self.i] != b')' {
                rs.push(self.ty(c));
            }
            return c.types.func(ps, rs, variadic);
        }
        let name = self.ident();
        named_type(c, self.pkg, &name).unwrap_or(ids::ANY)
    }
}

fn named_type(c: &mut Compiler, pkg: &str, name: &str) -> Option<TypeId> {
    if let Some((p, n)) = name.split_once('.') {
        let path = match p {
            "atomic" => "sync/atomic",
            other => other,
        };
        return match member(c, path, n) {
            Some(Member::Type(t)) => Some(t),
            _ => None,
        };
    }
    if let Some(crate::golite::compile::Entity::Type(t)) = crate::golite::compile::universe(name) {
        return Some(t);
    }
    match member(c, pkg, name) {
        Some(Member::Type(t)) => Some(t),
        _ => None,
    }
}

/// Resolves a signature string in package `pkg`.
pub(crate) fn sig(c: &mut Compiler, pkg: &str, s: &str) -> TypeId {
    let mut p = TypeParser {
        s: s.as_bytes(),
        i: 0,
        pkg,
    };
    p.ty(c)
}

/// The member `name` of package `path`.
pub(crate) fn member(c: &mut Compiler, path: &str, name: &str) -> Option<Member> {
    use Native as N;
    let typed = |src: &'static str| Some(Member::Generic(Generic::TypedSource(src)));
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, path, s)));
    let dur = |ns: i128| Some(Member::Const(ConstVal::Int(ns), std.duration));
    match (path, name) {
        ("fmt", "Println") => Some(Member::Generic(Generic::Fmt(N::FmtPrintln, false))),
        ("fmt", "Print") => Some(Member::Generic(Generic::Fmt(N::FmtPrint, false))),
        ("fmt", "Printf") => Some(Member::Generic(Generic::Fmt(N::FmtPrintf, true))),
        ("fmt", "Sprintf") => Some(Member::Generic(Generic::Fmt(N::FmtSprintf, true))),
        ("fmt", "Sprint") => Some(Member::Generic(Generic::Fmt(N::FmtSprint, false))),
        ("fmt", "Sprintln") => Some(Member::Generic(Generic::Fmt(N::FmtSprintln, false))),
        ("fmt", "Errorf") => Some(Member::Generic(Generic::Fmt(N::FmtErrorf, true))),
        ("fmt", "Stringer") => Some(Member::Type(std.stringer)),

        ("errors", "New") => f(c, "func(string) error", N::ErrorsNew),
        ("errors", "Join") => f(c, "func(...error) error", N::ErrorsJoin),
        ("errors", "Is") => Some(Member::Generic(Generic::ErrorsIs)),
        ("errors", "As") => Some(Member::Generic(Generic::ErrorsAs)),
        ("errors", "Unwrap") => Some(Member::Generic(Generic::ErrorsUnwrap)),

        ("time", "Duration") => Some(Member::Type(std.duration)),
        ("time", "Time") => Some(Member::Type(std.time)),
        ("time", "Month") => Some(Member::Type(std.month)),
        ("time", "Timer") => Some(Member::Type(std.timer)),
        ("time", "Ticker") => Some(Member::Type(std.ticker)),
        ("time", "Nanosecond") => dur(1),
        ("time", "Microsecond") => dur(1_000),
        ("time", "Millisecond") => dur(1_000_000),
        ("time", "Second") => dur(1_000_000_000),
        ("time", "Minute") => dur(60_000_000_000),
        ("time", "Hour") => dur(3_600_000_000_000),
        ("time", "Sleep") => f(c, "func(Duration)", N::TimeSleep),
        ("time", "After") => f(c, "func(Duration) <-chan Time", N::TimeAfter),
        ("time", "Tick") => f(c, "func(Duration) <-chan Time", N::TimeTick),
        ("time", "NewTimer") => f(c, "func(Duration) *Timer", N::TimeNewTimer),
        ("time", "NewTicker") => f(c, "func(Duration) *Ticker", N::TimeNewTicker),
        ("time", "AfterFunc") => f(c, "func(Duration, func()) *Timer", N::TimeAfterFunc),
        ("time", "Now") => f(c, "func() Time", N::TimeNow),
        ("time", "Since") => f(c, "func(Time) Duration", N::TimeSince),
        ("time", "Until") => f(c, "func(Time) Duration", N::TimeUntil),

        ("sync", "Mutex") => Some(Member::Type(std.mutex)),
        ("sync", "RWMutex") => Some(Member::Type(std.rwmutex)),
        ("sync", "WaitGroup") => Some(Member::Type(std.waitgroup)),
        ("sync", "Once") => Some(Member::Type(std.once)),
        ("sync", "Cond") => Some(Member::Type(std.cond)),
        ("sync", "Locker") => Some(Member::Type(std.locker)),
        ("sync", "NewCond") => f(c, "func(Locker) *Cond", N::SyncNewCond),

        ("sync/atomic", "Int64") => Some(Member::Type(std.atomic_int64)),
        ("sync/atomic", "Int32") => Some(Member::Type(std.atomic_int32)),
        ("sync/atomic", "Bool") => Some(Member::Type(std.atomic_bool)),
        ("sync/atomic", "AddInt64") => f(c, "func(*int64, int64) int64", N::AtomicAdd64),
        ("sync/atomic", "AddInt32") => f(c, "func(*int32, int32) int32", N::AtomicAdd32),
        ("sync/atomic", "LoadInt64") => f(c, "func(*int64) int64", N::AtomicLoad),
        ("sync/atomic", "LoadInt32") => f(c, "func(*int32) int32", N::AtomicLoad),
        ("sync/atomic", "StoreInt64") => f(c, "func(*int64, int64)", N::AtomicStore),
        ("sync/atomic", "StoreInt32") => f(c, "func(*int32, int32)", N::AtomicStore),
        ("sync/atomic", "CompareAndSwapInt64") => {
            f(c, "func(*int64, int64, int64) bool", N::AtomicCas)
        }
        ("sync/atomic", "CompareAndSwapInt32") => {
            f(c, "func(*int32, int32, int32) bool", N::AtomicCas)
        }

        ("context", "Context") => Some(Member::Type(std.context)),
        ("context", "CancelFunc") => Some(Member::Type(std.cancel_func)),
        ("context", "CancelCauseFunc") => Some(Member::Type(std.cancel_cause_func)),
        ("context", "Background") => f(c, "func() Context", N::CtxBackground),
        ("context", "TODO") => f(c, "func() Context", N::CtxTodo),
        ("context", "WithCancel") => f(c, "func(Context) (Context, CancelFunc)", N::CtxWithCancel),
        ("context", "WithCancelCause") => f(
            c,
            "func(Context) (Context, CancelCauseFunc)",
            N::CtxWithCancelCause,
        ),
        ("context", "WithTimeout") => f(
            c,
            "func(Context, time.Duration) (Context, CancelFunc)",
            N::CtxWithTimeout,
        ),
        ("context", "WithDeadline") => f(
            c,
            "func(Context, time.Time) (Context, CancelFunc)",
            N::CtxWithDeadline,
        ),
        ("context", "WithValue") => f(c, "func(Context, any, any) Context", N::CtxWithValue),
        ("context", "WithoutCancel") => f(c, "func(Context) Context", N::CtxWithoutCancel),
        ("context", "Cause") => f(c, "func(Context) error", N::CtxCause),
        ("context", "AfterFunc") => f(c, "func(Context, func()) func() bool", N::CtxAfterFunc),
        ("context", "Canceled") => Some(Member::Value(N::Sentinel(0), ids::ERROR)),
        ("context", "DeadlineExceeded") => Some(Member::Value(N::Sentinel(1), ids::ERROR)),

        ("runtime", "NumGoroutine") => f(c, "func() int", N::RuntimeNumGoroutine),
        ("runtime", "Gosched") => f(c, "func()", N::RuntimeGosched),
        ("runtime", "GC") => f(c, "func()", N::Nop),
        ("runtime", "NumCPU") => f(c, "func() int", N::RuntimeNumCpu),
        ("runtime", "GOMAXPROCS") => f(c, "func(int) int", N::RuntimeNumCpu),

        ("strings", "Builder") => Some(Member::Type(std.builder)),
        ("strings", "Contains") => f(c, "func(string, string) bool", N::StrContains),
        ("strings", "ContainsRune") => f(c, "func(string, rune) bool", N::StrContainsRune),
        ("strings", "HasPrefix") => f(c, "func(string, string) bool", N::StrHasPrefix),
        ("strings", "HasSuffix") => f(c, "func(string, string) bool", N::StrHasSuffix),
        ("strings", "Index") => f(c, "func(string, string) int", N::StrIndex),
        ("strings", "LastIndex") => f(c, "func(string, string) int", N::StrLastIndex),
        ("strings", "Split") => f(c, "func(string, string) []string", N::StrSplit),
        ("strings", "SplitN") => f(c, "func(string, string, int) []string", N::StrSplitN),
        ("strings", "Fields") => f(c, "func(string) []string", N::StrFields),
        ("strings", "Join") => f(c, "func([]string, string) string", N::StrJoin),
        ("strings", "Repeat") => f(c, "func(string, int) string", N::StrRepeat),
        ("strings", "ToUpper") => f(c, "func(string) string", N::StrToUpper),
        ("strings", "ToLower") => f(c, "func(string) string", N::StrToLower),
        ("strings", "TrimSpace") => f(c, "func(string) string", N::StrTrimSpace),
        ("strings", "Trim") => f(c, "func(string, string) string", N::StrTrim),
        ("strings", "TrimLeft") => f(c, "func(string, string) string", N::StrTrimLeft),
        ("strings", "TrimRight") => f(c, "func(string, string) string", N::StrTrimRight),
        ("strings", "TrimPrefix") => f(c, "func(string, string) string", N::StrTrimPrefix),
        ("strings", "TrimSuffix") => f(c, "func(string, string) string", N::StrTrimSuffix),
        ("strings", "Replace") => f(c, "func(string, string, string, int) string", N::StrReplace),
        ("strings", "ReplaceAll") => f(c, "func(string, string, string) string", N::StrReplaceAll),
        ("strings", "Count") => f(c, "func(string, string) int", N::StrCount),
        ("strings", "EqualFold") => f(c, "func(string, string) bool", N::StrEqualFold),
        ("strings", "Title") => f(c, "func(string) string", N::StrTitle),

        ("strconv", "Itoa") => f(c, "func(int) string", N::StrconvItoa),
        ("strconv", "Atoi") => f(c, "func(string) (int, error)", N::StrconvAtoi),
        ("strconv", "FormatInt") => f(c, "func(int64, int) string", N::StrconvFormatInt),
        ("strconv", "ParseInt") => f(
            c,
            "func(string, int, int) (int64, error)",
            N::StrconvParseInt,
        ),
        ("strconv", "ParseFloat") => f(
            c,
            "func(string, int) (float64, error)",
            N::StrconvParseFloat,
        ),
        ("strconv", "ParseBool") => f(c, "func(string) (bool, error)", N::StrconvParseBool),
        ("strconv", "FormatBool") => f(c, "func(bool) string", N::StrconvFormatBool),
        ("strconv", "Quote") => f(c, "func(string) string", N::StrconvQuote),
        ("strconv", "FormatFloat") => f(
            c,
            "func(float64, byte, int, int) string",
            N::StrconvFormatFloat,
        ),

        ("sort", "Slice") | ("sort", "SliceStable") => Some(Member::Generic(Generic::SortSlice)),
        ("sort", "Sort") | ("sort", "Stable") => Some(Member::Generic(Generic::SortInterface)),
        ("sort", "Interface") => Some(Member::Type(std.sort_iface)),
        ("sort", "Ints") => Some(Member::Generic(Generic::SortInts)),
        ("sort", "Strings") => Some(Member::Generic(Generic::SortStrings)),
        ("sort", "Float64s") => Some(Member::Generic(Generic::SortFloat64s)),
        ("slices", "Sort") => Some(Member::Generic(Generic::SlicesSort)),
        ("slices", "SortFunc") | ("slices", "SortStableFunc") => {
            Some(Member::Generic(Generic::SlicesSortFunc))
        }
        ("slices", "Contains") => Some(Member::Generic(Generic::SlicesContains)),
        ("slices", "Index") => Some(Member::Generic(Generic::SlicesIndex)),
        ("slices", "Reverse") => Some(Member::Generic(Generic::SlicesReverse)),
        ("slices", "Clone") => Some(Member::Generic(Generic::SlicesClone)),
        ("slices", "Equal") => Some(Member::Generic(Generic::SlicesEqual)),
        ("slices", "Compact") => Some(Member::Generic(Generic::SlicesCompact)),
        ("slices", "BinarySearch") => Some(Member::Generic(Generic::SlicesBinarySearch)),
        ("slices", "Insert") => Some(Member::Generic(Generic::SlicesInsert)),
        ("slices", "Delete") => Some(Member::Generic(Generic::SlicesDelete)),
        ("slices", "IndexFunc") => Some(Member::Generic(Generic::SlicesIndexFunc)),
        ("slices", "ContainsFunc") => Some(Member::Generic(Generic::SlicesContainsFunc)),
        ("sort", "SearchInts") => f(c, "func([]int, int) int", N::SortSearch),
        ("sort", "SearchStrings") => f(c, "func([]string, string) int", N::SortSearch),
        ("strings", "Compare") => f(c, "func(string, string) int", N::StrCompare),
        ("context", "WithTimeoutCause") => f(
            c,
            "func(Context, time.Duration, error) (Context, CancelFunc)",
            N::CtxWithTimeoutCause,
        ),
        ("context", "WithDeadlineCause") => f(
            c,
            "func(Context, time.Time, error) (Context, CancelFunc)",
            N::CtxWithDeadlineCause,
        ),
        ("slices", "Max") => Some(Member::Generic(Generic::SlicesMax)),
        ("slices", "Min") => Some(Member::Generic(Generic::SlicesMin)),

        ("math/rand", "Intn") => f(c, "func(int) int", N::RandIntn),
        ("math/rand", "Int63n") => f(c, "func(int64) int64", N::RandIntn),
        ("math/rand", "Int") => f(c, "func() int", N::RandInt),
        ("math/rand", "Float64") => f(c, "func() float64", N::RandFloat64),
        ("math/rand", "Seed") => f(c, "func(int64)", N::Nop),
        ("math/rand", "Perm") => f(c, "func(int) []int", N::RandPerm),

        ("math", "Sqrt") => f(c, "func(float64) float64", N::MathSqrt),
        ("math", "Abs") => f(c, "func(float64) float64", N::MathAbs),
        ("math", "Floor") => f(c, "func(float64) float64", N::MathFloor),
        ("math", "Ceil") => f(c, "func(float64) float64", N::MathCeil),
        ("math", "Pow") => f(c, "func(float64, float64) float64", N::MathPow),
        ("math", "Max") => f(c, "func(float64, float64) float64", N::MathMax),
        ("math", "Min") => f(c, "func(float64, float64) float64", N::MathMin),
        ("math", "MaxInt64") | ("math", "MaxInt") => Some(Member::Const(
            ConstVal::Int(i128::from(i64::MAX)),
            ids::UNTYPED_INT,
        )),
        ("math", "MinInt64") | ("math", "MinInt") => Some(Member::Const(
            ConstVal::Int(i128::from(i64::MIN)),
            ids::UNTYPED_INT,
        )),
        ("math", "MaxInt32") => Some(Member::Const(
            ConstVal::Int(i128::from(i32::MAX)),
            ids::UNTYPED_INT,
        )),
        ("math", "Pi") => Some(Member::Const(
            ConstVal::Float(std::f64::consts::PI),
            ids::UNTYPED_FLOAT,
        )),

        ("os", "Exit") => f(c, "func(int)", N::OsExit),
        ("unicode", "IsUpper") => f(c, "func(rune) bool", N::UnicodeIsUpper),
        ("unicode", "IsDigit") => f(c, "func(rune) bool", N::UnicodeIsDigit),
        ("unicode", "ToUpper") => f(c, "func(rune) rune", N::UnicodeToUpper),
        ("maps", "Clone") => typed(
            "func(m $M) $M { if m == nil { return nil }; r := make($M, len(m)); \
             for k, v := range m { r[k] = v }; return r }",
        ),
        ("slices", "Repeat") => typed(
            "func(x $M, count int) $M { if count < 0 { panic(\"cannot be negative\") }; \
             out := make($M, 0, len(x)*count); for range count { out = append(out, x...) }; return out }",
        ),
        ("slices", "Concat") => typed(
            "func(ss ...$M) $M { n := 0; for _, s := range ss { n += len(s) }; out := make($M, 0, n); \
             for _, s := range ss { out = append(out, s...) }; return out }",
        ),
        ("maps", "Copy") => typed("func(dst $M, src $M) { for k, v := range src { dst[k] = v } }"),
        ("maps", "Equal") => typed(
            "func(m1, m2 $M) bool { if len(m1) != len(m2) { return false }; \
             for k, v1 := range m1 { if v2, ok := m2[k]; !ok || v1 != v2 { return false } }; return true }",
        ),
        ("maps", "DeleteFunc") => typed(
            "func(m $M, del func($K, $V) bool) { for k, v := range m { if del(k, v) { delete(m, k) } } }",
        ),
        ("sort", "IntsAreSorted") => Some(Member::Generic(Generic::Source(
            "func(x []int) bool { for i := len(x) - 1; i > 0; i-- { if x[i] < x[i-1] { return false } }; return true }",
        ))),
        ("sort", "StringsAreSorted") => Some(Member::Generic(Generic::Source(
            "func(x []string) bool { for i := len(x) - 1; i > 0; i-- { if x[i] < x[i-1] { return false } }; return true }",
        ))),
        ("sort", "Search") => Some(Member::Generic(Generic::Source(
            "func(n int, f func(int) bool) int { i, j := 0, n; \
             for i < j { h := int(uint(i+j) >> 1); if !f(h) { i = h + 1 } else { j = h } }; return i }",
        ))),
        ("maps", "EqualFunc") => typed(
            "func(m1 $M, m2 $2M, eq func($V, $2V) bool) bool { if len(m1) != len(m2) { return false }; \
             for k, v1 := range m1 { if v2, ok := m2[k]; !ok || !eq(v1, v2) { return false } }; return true }",
        ),
        ("strings", _) | ("fmt", "Append" | "Appendln" | "Appendf")
            if !name.starts_with(|ch: char| ch.is_ascii_lowercase())
                && value_wrapper(path, name).is_some() =>
        {
            value_wrapper(path, name).map(|src| Member::Generic(Generic::Source(src)))
        }
        ("fmt", "Fprint") => Some(Member::Generic(Generic::Fprint(N::FmtFprint, false))),
        ("fmt", "Fprintln") => Some(Member::Generic(Generic::Fprint(N::FmtFprintln, false))),
        ("fmt", "Fprintf") => Some(Member::Generic(Generic::Fprint(N::FmtFprintf, true))),
        _ => super::more::member(c, path, name),
    }
}

/// Registers the methods of the library's types (for static calls and interface dispatch).
pub(crate) fn register_methods(c: &mut Compiler) {
    use Native as N;
    let s = c.std.clone();
    let table: Vec<(TypeId, &str, &str, &str, Native, bool)> = vec![
        (
            s.duration,
            "time",
            "String",
            "func() string",
            N::DurationString,
            false,
        ),
        (
            s.duration,
            "time",
            "Seconds",
            "func() float64",
            N::DurationSeconds,
            false,
        ),
        (
            s.duration,
            "time",
            "Milliseconds",
            "func() int64",
            N::DurationMilliseconds,
            false,
        ),
        (
            s.duration,
            "time",
            "Microseconds",
            "func() int64",
            N::DurationMicroseconds,
            false,
        ),
        (
            s.duration,
            "time",
            "Nanoseconds",
            "func() int64",
            N::DurationNanoseconds,
            false,
        ),
        (
            s.duration,
            "time",
            "Minutes",
            "func() float64",
            N::DurationMinutes,
            false,
        ),
        (
            s.duration,
            "time",
            "Hours",
            "func() float64",
            N::DurationHours,
            false,
        ),
        (
            s.time,
            "time",
            "Sub",
            "func(Time) Duration",
            N::TimeSub,
            false,
        ),
        (
            s.time,
            "time",
            "Add",
            "func(Duration) Time",
            N::TimeAdd,
            false,
        ),
        (
            s.time,
            "time",
            "Before",
            "func(Time) bool",
            N::TimeBefore,
            false,
        ),
        (
            s.time,
            "time",
            "After",
            "func(Time) bool",
            N::TimeAfterM,
            false,
        ),
        (
            s.time,
            "time",
            "Equal",
            "func(Time) bool",
            N::TimeEqual,
            false,
        ),
        (
            s.time,
            "time",
            "UnixNano",
            "func() int64",
            N::TimeUnixNano,
            false,
        ),
        (
            s.time,
            "time",
            "UnixMilli",
            "func() int64",
            N::TimeUnixMilli,
            false,
        ),
        (
            s.time,
            "time",
            "IsZero",
            "func() bool",
            N::TimeIsZero,
            false,
        ),
        (s.timer, "time", "Stop", "func() bool", N::TimerStop, true),
        (
            s.timer,
            "time",
            "Reset",
            "func(Duration) bool",
            N::TimerReset,
            true,
        ),
        (s.ticker, "time", "Stop", "func()", N::TickerStop, true),
        (
            s.ticker,
            "time",
            "Reset",
            "func(Duration)",
            N::TickerReset,
            true,
        ),
        (s.mutex, "sync", "Lock", "func()", N::MutexLock, true),
        (s.mutex, "sync", "Unlock", "func()", N::MutexUnlock, true),
        (
            s.mutex,
            "sync",
            "TryLock",
            "func() bool",
            N::MutexTryLock,
            true,
        ),
        (s.rwmutex, "sync", "Lock", "func()", N::RwLock, true),
        (s.rwmutex, "sync", "Unlock", "func()", N::RwUnlock, true),
        (s.rwmutex, "sync", "RLock", "func()", N::RwRLock, true),
        (s.rwmutex, "sync", "RUnlock", "func()", N::RwRUnlock, true),
        (
            s.rwmutex,
            "sync",
            "TryLock",
            "func() bool",
            N::RwTryLock,
            true,
        ),
        (
            s.rwmutex,
            "sync",
            "TryRLock",
            "func() bool",
            N::RwTryRLock,
            true,
        ),
        (s.waitgroup, "sync", "Add", "func(int)", N::WgAdd, true),
        (s.waitgroup, "sync", "Done", "func()", N::WgDone, true),
        (s.waitgroup, "sync", "Wait", "func()", N::WgWait, true),
        (s.waitgroup, "sync", "Go", "func(func())", N::WgGo, true),
        (s.once, "sync", "Do", "func(func())", N::OnceDo, true),
        (s.cond, "sync", "Wait", "func()", N::CondWait, true),
        (s.cond, "sync", "Signal", "func()", N::CondSignal, true),
        (
            s.cond,
            "sync",
            "Broadcast",
            "func()",
            N::CondBroadcast,
            true,
        ),
        (
            s.ctx_impl,
            "context",
            "Done",
            "func() <-chan struct_",
            N::CtxDone,
            true,
        ),
        (
            s.ctx_impl,
            "context",
            "Err",
            "func() error",
            N::CtxErr,
            true,
        ),
        (
            s.ctx_impl,
            "context",
            "Value",
            "func(any) any",
            N::CtxValue,
            true,
        ),
        (
            s.ctx_impl,
            "context",
            "Deadline",
            "func() (time.Time, bool)",
            N::CtxDeadline,
            true,
        ),
        (
            s.error_string,
            "errors",
            "Error",
            "func() string",
            N::ErrorStringError,
            true,
        ),
        (
            s.wrap_error,
            "errors",
            "Error",
            "func() string",
            N::WrapErrorError,
            true,
        ),
        (
            s.wrap_error,
            "errors",
            "Unwrap",
            "func() error",
            N::WrapErrorUnwrap,
            true,
        ),
        (
            s.join_error,
            "errors",
            "Error",
            "func() string",
            N::JoinErrorError,
            true,
        ),
        (
            s.runtime_error,
            "errors",
            "Error",
            "func() string",
            N::RuntimeErrorError,
            false,
        ),
        (
            s.runtime_error,
            "errors",
            "RuntimeError",
            "func()",
            N::Nop,
            false,
        ),
        (
            s.ctx_deadline_error,
            "errors",
            "Error",
            "func() string",
            N::DeadlineErrorError,
            false,
        ),
        (
            s.builder,
            "strings",
            "WriteString",
            "func(string) (int, error)",
            N::BuilderWriteString,
            true,
        ),
        (
            s.builder,
            "strings",
            "WriteByte",
            "func(byte) error",
            N::BuilderWriteByte,
            true,
        ),
        (
            s.builder,
            "strings",
            "WriteRune",
            "func(rune) (int, error)",
            N::BuilderWriteRune,
            true,
        ),
        (
            s.builder,
            "strings",
            "String",
            "func() string",
            N::BuilderString,
            true,
        ),
        (
            s.builder,
            "strings",
            "Len",
            "func() int",
            N::BuilderLen,
            true,
        ),
        (
            s.builder,
            "strings",
            "Reset",
            "func()",
            N::BuilderReset,
            true,
        ),
        (
            s.atomic_int64,
            "sync/atomic",
            "Add",
            "func(int64) int64",
            N::AtomicAdd64,
            true,
        ),
        (
            s.atomic_int64,
            "sync/atomic",
            "Load",
            "func() int64",
            N::AtomicLoad,
            true,
        ),
        (
            s.atomic_int64,
            "sync/atomic",
            "Store",
            "func(int64)",
            N::AtomicStore,
            true,
        ),
        (
            s.atomic_int64,
            "sync/atomic",
            "Swap",
            "func(int64) int64",
            N::AtomicSwap,
            true,
        ),
        (
            s.atomic_int64,
            "sync/atomic",
            "CompareAndSwap",
            "func(int64, int64) bool",
            N::AtomicCas,
            true,
        ),
        (
            s.atomic_int32,
            "sync/atomic",
            "Add",
            "func(int32) int32",
            N::AtomicAdd32,
            true,
        ),
        (
            s.atomic_int32,
            "sync/atomic",
            "Load",
            "func() int32",
            N::AtomicLoad,
            true,
        ),
        (
            s.atomic_int32,
            "sync/atomic",
            "Store",
            "func(int32)",
            N::AtomicStore,
            true,
        ),
        (
            s.atomic_int32,
            "sync/atomic",
            "Swap",
            "func(int32) int32",
            N::AtomicSwap,
            true,
        ),
        (
            s.atomic_int32,
            "sync/atomic",
            "CompareAndSwap",
            "func(int32, int32) bool",
            N::AtomicCas,
            true,
        ),
        (
            s.atomic_bool,
            "sync/atomic",
            "Load",
            "func() bool",
            N::AtomicLoad,
            true,
        ),
        (
            s.atomic_bool,
            "sync/atomic",
            "Store",
            "func(bool)",
            N::AtomicStore,
            true,
        ),
        (
            s.atomic_bool,
            "sync/atomic",
            "Swap",
            "func(bool) bool",
            N::AtomicSwap,
            true,
        ),
        (
            s.atomic_bool,
            "sync/atomic",
            "CompareAndSwap",
            "func(bool, bool) bool",
            N::AtomicCas,
            true,
        ),
    ];
    for (t, pkg, name, sg, n, ptr) in table {
        if sg.contains("struct_") {
            let done = c.types.chan(ChanDir::Recv, s.empty_struct);
            let st = c.types.func(vec![], vec![done], false);
            add_method_typed(c, t, name, st, n, ptr);
        } else {
            add_method(c, t, pkg, name, sg, n, ptr);
        }
    }
    super::more::register(c);
}

/// Registers native method `name` of library type `t` (signature `sg` in package `pkg`'s
/// terms); `ptr`: only `*t` has it.
pub fn add_method(
    c: &mut Compiler,
    t: TypeId,
    pkg: &str,
    name: &str,
    sg: &str,
    n: Native,
    ptr: bool,
) {
    let st = sig(c, pkg, sg);
    add_method_typed(c, t, name, st, n, ptr);
}

fn add_method_typed(c: &mut Compiler, t: TypeId, name: &str, st: TypeId, n: Native, ptr: bool) {
    c.native_methods.insert((t, name.to_string()), (n, st, ptr));
    let sym = c.sym(name);
    let pt = c.types.pointer(t);
    c.methods.insert((pt, sym), MethodImpl::Native(n));
    if !ptr {
        c.methods.insert((t, sym), MethodImpl::Native(n));
    }
}

/// `fmt.Println(xs...)`: the []any on top is replaced by a copy whose elements went through
/// `Stringify`, so values with a String or Error method print through it, as when they are
/// passed one by one (the caller's slice is left alone).
fn stringify_elems(c: &mut Compiler) {
    let any_slice = c.types.slice(ids::ANY);
    let src = c.temp(any_slice);
    c.init_var(src);
    let n = c.temp(ids::INT);
    c.load_var(src);
    c.emit(Op::Len);
    c.init_var(n);
    let out = c.temp(any_slice);
    c.load_var(n);
    c.emit(Op::MakeSliceLen(ids::ANY, false));
    c.init_var(out);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(i);
    let top = c.here();
    c.load_var(i);
    c.load_var(n);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(out);
    c.load_var(i);
    c.load_var(src);
    c.load_var(i);
    c.emit(Op::Index);
    c.emit(Op::Stringify);
    c.emit(Op::SetIndex);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(top as u32));
    let end = c.here();
    c.patch(exit, end);
    c.load_var(out);
}

/// Go source of a function literal with the signature of a package function that golite
/// compiles specially at each call (fmt's variadic formatting, errors.Is...), calling it: what
/// `p := fmt.Println` evaluates to. `P` stands for the package's local name.
pub fn value_wrapper(path: &str, name: &str) -> Option<&'static str> {
    Some(match (path, name) {
        ("fmt", "Println") => "func(a ...any) (int, error) { return P.Println(a...) }",
        ("fmt", "Print") => "func(a ...any) (int, error) { return P.Print(a...) }",
        ("fmt", "Printf") => {
            "func(format string, a ...any) (int, error) { return P.Printf(format, a...) }"
        }
        ("fmt", "Sprint") => "func(a ...any) string { return P.Sprint(a...) }",
        ("fmt", "Sprintln") => "func(a ...any) string { return P.Sprintln(a...) }",
        ("fmt", "Sprintf") => {
            "func(format string, a ...any) string { return P.Sprintf(format, a...) }"
        }
        ("fmt", "Errorf") => {
            "func(format string, a ...any) error { return P.Errorf(format, a...) }"
        }
        ("errors", "Is") => "func(err, target error) bool { return P.Is(err, target) }",
        ("errors", "Unwrap") => "func(err error) error { return P.Unwrap(err) }",
        ("fmt", "Append") => {
            "func(b []byte, a ...any) []byte { return append(b, P.Sprint(a...)...) }"
        }
        ("fmt", "Appendln") => {
            "func(b []byte, a ...any) []byte { return append(b, P.Sprintln(a...)...) }"
        }
        ("fmt", "Appendf") => {
            "func(b []byte, format string, a ...any) []byte { return append(b, P.Sprintf(format, a...)...) }"
        }
        // Library functions that call back into the program, written in Go (Generic::Source).
        ("strings", "Map") => {
            "func(mapping func(rune) rune, s string) string { var b P.Builder; \
             for _, r := range s { if m := mapping(r); m >= 0 { b.WriteRune(m) } }; return b.String() }"
        }
        ("strings", "IndexFunc") => {
            "func(s string, f func(rune) bool) int { for i, r := range s { if f(r) { return i } }; return -1 }"
        }
        ("strings", "ContainsFunc") => {
            "func(s string, f func(rune) bool) bool { return P.IndexFunc(s, f) >= 0 }"
        }
        ("strings", "TrimLeftFunc") => {
            "func(s string, f func(rune) bool) string { for i, r := range s { if !f(r) { return s[i:] } }; return \"\" }"
        }
        ("strings", "TrimRightFunc") => {
            "func(s string, f func(rune) bool) string { r := []rune(s); i := len(r); \
             for i > 0 && f(r[i-1]) { i-- }; return string(r[:i]) }"
        }
        ("strings", "TrimFunc") => {
            "func(s string, f func(rune) bool) string { return P.TrimRightFunc(P.TrimLeftFunc(s, f), f) }"
        }
        ("strings", "FieldsFunc") => {
            "func(s string, f func(rune) bool) []string { var out []string; start := -1; \
             for i, r := range s { if f(r) { if start >= 0 { out = append(out, s[start:i]); start = -1 } } \
             else if start < 0 { start = i } }; if start >= 0 { out = append(out, s[start:]) }; return out }"
        }
        _ => return None,
    })
}

/// Generic library functions a program instantiates explicitly (`errors.AsType[*E](err)`),
/// written in Go: `$T` is the type argument, `P.` the package.
pub fn instantiated(path: &str, name: &str) -> Option<&'static str> {
    Some(match (path, name) {
        ("cmp", "Or") => {
            "func(vals ...$T) $T { var zero $T; for _, v := range vals { if v != zero { return v } }; return zero }"
        }
        ("errors", "AsType") => {
            "func(err error) ($T, bool) { var t $T; ok := P.As(err, &t); return t, ok }"
        }
        _ => return None,
    })
}

/// What a call of a fmt-like native returns (log's print nothing).
fn fmt_results(n: Native) -> Vec<TypeId> {
    match n {
        Native::FmtSprintf | Native::FmtSprint | Native::FmtSprintln => vec![ids::STRING],
        Native::FmtErrorf => vec![ids::ERROR],
        n if super::more::is_log(n) => vec![],
        _ => vec![ids::INT, ids::ERROR],
    }
}

/// Result type of a generic call (for `type_of`).
pub(crate) fn generic_result(c: &mut Compiler, g: Generic, args: &[Expr], pos: Pos) -> R<TypeId> {
    Ok(match g {
        Generic::Fprint(..) => c.types.tuple(vec![ids::INT, ids::ERROR]),
        Generic::CmpCompare
        | Generic::CmpLess
        | Generic::CmpOr
        | Generic::SlicesIsSorted
        | Generic::SyncOnce(_) => super::more::generic_result(c, g, args)?,
        Generic::Source(_) | Generic::TypedSource(_) => {
            let src = match g {
                Generic::TypedSource(t) => super::more::typed_source(c, t, args)?,
                Generic::Source(s) => s.to_string(),
                _ => String::new(),
            };
            let (sig, _) = c.parse_func_lit(&src, pos)?;
            let ft = c.func_type(&sig)?;
            match c.sig_of(ft).results.as_slice() {
                [] => ids::VOID,
                [one] => *one,
                many => c.types.tuple(many.to_vec()),
            }
        }
        Generic::Fmt(n, _) => match fmt_results(n).as_slice() {
            [] => ids::VOID,
            [one] => *one,
            many => c.types.tuple(many.to_vec()),
        },
        Generic::ErrorsIs
        | Generic::ErrorsAs
        | Generic::SlicesContains
        | Generic::SlicesEqual
        | Generic::SlicesContainsFunc => ids::BOOL,
        Generic::SlicesIndexFunc => ids::INT,
        Generic::SlicesBinarySearch => {
            let int_bool = vec![ids::INT, ids::BOOL];
            c.types.tuple(int_bool)
        }
        Generic::SlicesClone
        | Generic::SlicesCompact
        | Generic::SlicesInsert
        | Generic::SlicesDelete => match args.first() {
            Some(a) => c.type_of(a)?,
            None => return err(pos, "not enough arguments"),
        },
        Generic::ErrorsUnwrap => ids::ERROR,
        Generic::SlicesIndex => ids::INT,
        Generic::SlicesMax | Generic::SlicesMin => {
            let Some(a) = args.first() else {
                return err(pos, "not enough arguments");
            };
            let t = c.type_of(a)?;
            match c.types.ukind(t) {
                Kind::Slice(e) => *e,
                _ => return err(a.pos, "argument must be a slice"),
            }
        }
        _ => ids::VOID,
    })
}

/// Compiles a generic call; returns the result types pushed.
pub(crate) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    if mode != Mode::Call && !matches!(g, Generic::Fmt(..) | Generic::Fprint(..)) {
        return err(e.pos, "golite does not support go/defer of this call");
    }
    let need = |n: usize| -> R<()> {
        if args.len() != n {
            return err(
                e.pos,
                format!("wrong number of arguments in call to {}", describe_call(e)),
            );
        }
        Ok(())
    };
    match g {
        Generic::CmpCompare
        | Generic::CmpLess
        | Generic::CmpOr
        | Generic::SlicesIsSorted
        | Generic::SyncOnce(_)
        | Generic::Source(_)
        | Generic::TypedSource(_) => super::more::generic_call(c, g, args, mode, e),
        Generic::Fprint(n, has_format) => {
            let Some(w) = args.first() else {
                return err(
                    e.pos,
                    format!("not enough arguments in call to {}", describe_call(e)),
                );
            };
            let wt = c.type_of(w)?;
            super::more::check_writer(c, wt, &describe_call(e), w.pos)?;
            c.value_to(w, ids::ANY)?;
            let r = generic_call(c, Generic::Fmt(n, has_format), &args[1..], mode, e)?;
            // The native call just emitted takes the writer as well.
            if let Some(Op::CallNative(_, k) | Op::GoNative(_, k) | Op::DeferNative(_, k)) =
                c.f().code.code.last_mut()
            {
                *k += 1;
            }
            Ok(r)
        }
        Generic::Fmt(n, has_format) => {
            let mut rest = args;
            let mut verbs: Option<Vec<char>> = None;
            if has_format {
                let Some(f) = args.first() else {
                    return err(
                        e.pos,
                        format!("not enough arguments in call to {}", describe_call(e)),
                    );
                };
                c.value_to(f, ids::STRING)?;
                if let Some((ConstVal::Str(s), _)) = c.constant(f)? {
                    verbs = Some(format_verbs(&s));
                }
                rest = &args[1..];
            }
            if let ExprKind::Call { ellipsis: true, .. } = &e.kind {
                // fmt.Println(args...): the slice is passed as is.
                if rest.len() != 1 {
                    return err(e.pos, "can only use ... with final argument in list");
                }
                let any_slice = c.types.slice(ids::ANY);
                c.value_to(&rest[0], any_slice)?;
                stringify_elems(c);
                let argc = if has_format { 2 } else { 1 };
                c.native_call(n, argc, mode);
                if mode != Mode::Call {
                    return Ok(vec![]);
                }
                return Ok(fmt_results(n));
            }
            let stringify = |c: &mut Compiler, i: usize| {
                let v = verbs
                    .as_ref()
                    .map_or('v', |vs| vs.get(i).copied().unwrap_or('v'));
                if matches!(v, 'v' | 's' | 'q' | 'x' | 'X' | 'w') {
                    c.emit(Op::Stringify);
                }
            };
            let mut count = rest.len();
            let multi = match rest {
                [one] => {
                    let t = c.type_of(one)?;
                    match c.types.kind(t).clone() {
                        Kind::Tuple(ts) if ts.len() > 1 => Some(ts),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(ts) = multi {
                // fmt.Println(f()) with a multi-valued f.
                c.multi(&rest[0])?;
                let temps: Vec<usize> = ts.iter().map(|t| c.temp(*t)).collect();
                for v in temps.iter().rev() {
                    c.init_var(*v);
                }
                for (i, (v, t)) in temps.iter().zip(&ts).enumerate() {
                    c.load_var(*v);
                    c.coerce(*t, ids::ANY);
                    stringify(c, i);
                }
                count = ts.len();
            } else {
                for (i, a) in rest.iter().enumerate() {
                    let verb = verbs
                        .as_ref()
                        .map_or('v', |vs| vs.get(i).copied().unwrap_or('v'));
                    if matches!(verb, 'v' | 's' | 'q' | 'x' | 'X') && stringer_elements(c, a)? {
                        continue;
                    }
                    c.value_to(a, ids::ANY)?;
                    stringify(c, i);
                }
            }
            c.emit(Op::MakeSlice(count as u32, ids::ANY));
            let argc = if has_format { 2 } else { 1 };
            c.native_call(n, argc, mode);
            if mode != Mode::Call {
                return Ok(vec![]);
            }
            Ok(fmt_results(n))
        }
        Generic::ErrorsIs => {
            // Go's errors.Is: depth first through the error tree, each error matched by ==
            // or by its own Is method, then its Unwrap() error or Unwrap() []error.
            need(2)?;
            let tv = c.temp(ids::ERROR);
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            c.value_to(&args[1], ids::ERROR)?;
            c.init_var(tv);
            let is = c.sym("Is");
            // A nil error or target: Is is err == target.
            c.load_var(ev);
            c.emit(Op::PushNil);
            c.emit(Op::Eq);
            let nil_case = c.emit(Op::JumpIf(0));
            c.load_var(tv);
            c.emit(Op::PushNil);
            c.emit(Op::Eq);
            let nil_case2 = c.emit(Op::JumpIf(0));
            let (ws, e, top, done) = error_walk_start(c, ev);
            c.load_var(e);
            c.load_var(tv);
            c.emit(Op::CallNative(Native::ErrorsIsStep, 2));
            let yes = c.emit(Op::JumpIf(0));
            c.load_var(e);
            c.emit(Op::IsIface(c.std.isser));
            let no_is = c.emit(Op::JumpIfNot(0));
            c.load_var(e);
            c.load_var(tv);
            c.emit(Op::CallIface(is, 1));
            let yes2 = c.emit(Op::JumpIf(0));
            let h = c.here();
            c.patch(no_is, h);
            error_walk_next(c, ws, e, top);
            let t = c.here();
            c.patch(yes, t);
            c.patch(yes2, t);
            c.emit(Op::PushBool(true));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(done, f);
            c.emit(Op::PushBool(false));
            let end2 = c.emit(Op::Jump(0));
            let n = c.here();
            c.patch(nil_case, n);
            c.patch(nil_case2, n);
            c.load_var(ev);
            c.load_var(tv);
            c.emit(Op::EqTyped(ids::ERROR));
            let h = c.here();
            c.patch(end, h);
            c.patch(end2, h);
            Ok(vec![ids::BOOL])
        }
        Generic::ErrorsUnwrap => {
            need(1)?;
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            let unwrap = c.sym("Unwrap");
            c.load_var(ev);
            c.emit(Op::IsIface(c.std.unwrapper));
            let no = c.emit(Op::JumpIfNot(0));
            c.load_var(ev);
            c.emit(Op::CallIface(unwrap, 0));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(no, f);
            c.emit(Op::PushNil);
            let h = c.here();
            c.patch(end, h);
            Ok(vec![ids::ERROR])
        }
        Generic::ErrorsAs => {
            // Go's errors.As: depth first through the error tree, the first error assignable
            // to the target's type (or whose own As method says yes) is stored in the target.
            need(2)?;
            let pt = c.type_of(&args[1])?;
            let Some(target) = c.types.pointer_elem(pt) else {
                return err(
                    args[1].pos,
                    "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type",
                );
            };
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            let pv = c.temp(pt);
            c.value_to(&args[1], pt)?;
            c.init_var(pv);
            let as_sym = c.sym("As");
            let iface = c.types.is_interface(target);
            let (ws, e, top, done) = error_walk_start(c, ev);
            c.load_var(e);
            c.emit(if iface {
                Op::IsIface(target)
            } else {
                Op::IsType(target)
            });
            let next = c.emit(Op::JumpIfNot(0));
            c.load_var(pv);
            c.load_var(e);
            if !iface {
                c.emit(Op::IfaceValue);
            }
            c.emit(Op::StoreDeref);
            let yes = c.emit(Op::Jump(0));
            let h = c.here();
            c.patch(next, h);
            c.load_var(e);
            c.emit(Op::IsIface(c.std.aser));
            let no_as = c.emit(Op::JumpIfNot(0));
            c.load_var(e);
            c.load_var(pv);
            c.coerce(pt, ids::ANY);
            c.emit(Op::CallIface(as_sym, 1));
            let yes2 = c.emit(Op::JumpIf(0));
            let h = c.here();
            c.patch(no_as, h);
            error_walk_next(c, ws, e, top);
            let t = c.here();
            c.patch(yes, t);
            c.patch(yes2, t);
            c.emit(Op::PushBool(true));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(done, f);
            c.emit(Op::PushBool(false));
            let h = c.here();
            c.patch(end, h);
            Ok(vec![ids::BOOL])
        }
        Generic::SortSlice | Generic::SlicesSortFunc => {
            need(2)?;
            let st = c.type_of(&args[0])?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(
                    args[0].pos,
                    format!("{} is not a slice", describe(&args[0])),
                );
            };
            let sv = c.temp(st);
            c.expr(&args[0], None)?;
            if g == Generic::SortSlice && c.types.is_interface(st) {
                c.emit(Op::IfaceValue);
            }
            c.init_var(sv);
            let ft = c.type_of(&args[1])?;
            let fv = c.temp(ft);
            c.value_to(&args[1], ft)?;
            c.init_var(fv);
            c.load_var(sv);
            c.emit(Op::Len);
            let tmp = c.temp(el);
            insertion_sort(
                c,
                |c, j| {
                    if g == Generic::SortSlice {
                        // less(j, j-1)
                        c.load_var(j);
                        c.load_var(j);
                        c.emit(Op::PushInt(1));
                        c.emit(Op::SubI);
                        c.load_var(fv);
                        c.emit(Op::CallValue(2));
                    } else {
                        // cmp(s[j], s[j-1]) < 0
                        for k in [0, 1] {
                            c.load_var(sv);
                            c.load_var(j);
                            if k == 1 {
                                c.emit(Op::PushInt(1));
                                c.emit(Op::SubI);
                            }
                            c.emit(Op::Index);
                        }
                        c.load_var(fv);
                        c.emit(Op::CallValue(2));
                        c.emit(Op::PushInt(0));
                        c.emit(Op::LtI);
                    }
                },
                |c, j| {
                    // s[j], s[j-1] = s[j-1], s[j]
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::Index);
                    c.init_var(tmp);
                    c.load_var(sv);
                    c.load_var(j);
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::PushInt(1));
                    c.emit(Op::SubI);
                    c.emit(Op::Index);
                    c.emit(Op::SetIndex);
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::PushInt(1));
                    c.emit(Op::SubI);
                    c.load_var(tmp);
                    c.emit(Op::SetIndex);
                },
            );
            Ok(vec![])
        }
        Generic::SortInterface => {
            // Insertion sort through the interface: what Go's sort.Sort does for fewer than 13
            // elements (and sort.Stable for fewer than 21), call for call; for longer inputs Go
            // switches to pdqsort, so equal elements may end in another order than Go's.
            need(1)?;
            let it = c.std.sort_iface;
            let dv = c.temp(it);
            c.value_to(&args[0], it)?;
            c.init_var(dv);
            let (len, less, swap) = (c.sym("Len"), c.sym("Less"), c.sym("Swap"));
            c.load_var(dv);
            c.emit(Op::CallIface(len, 0));
            // data.Less(j, j-1), data.Swap(j, j-1)
            let call = move |c: &mut Compiler, j: usize, sym: u32| {
                c.load_var(dv);
                c.load_var(j);
                c.load_var(j);
                c.emit(Op::PushInt(1));
                c.emit(Op::SubI);
                c.emit(Op::CallIface(sym, 2));
            };
            insertion_sort(c, |c, j| call(c, j, less), |c, j| call(c, j, swap));
            Ok(vec![])
        }
        Generic::SortInts | Generic::SortStrings | Generic::SortFloat64s | Generic::SlicesSort => {
            need(1)?;
            c.expr(&args[0], None)?;
            c.emit(Op::CallNative(Native::SortSlice, 1));
            Ok(vec![])
        }
        Generic::SlicesReverse => {
            need(1)?;
            c.expr(&args[0], None)?;
            c.emit(Op::CallNative(Native::SlicesReverse, 1));
            Ok(vec![])
        }
        Generic::SlicesContains | Generic::SlicesIndex => {
            need(2)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            c.value_to(&args[1], el)?;
            c.emit(Op::CallNative(Native::SlicesIndex, 2));
            if g == Generic::SlicesContains {
                c.emit(Op::PushInt(0));
                c.emit(Op::GeI);
                return Ok(vec![ids::BOOL]);
            }
            Ok(vec![ids::INT])
        }
        Generic::SlicesMax | Generic::SlicesMin => {
            need(1)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "argument must be a slice");
            };
            c.emit(Op::CallNative(
                if g == Generic::SlicesMax {
                    Native::SlicesMax
                } else {
                    Native::SlicesMin
                },
                1,
            ));
            Ok(vec![el])
        }
        Generic::SlicesClone | Generic::SlicesCompact => {
            need(1)?;
            let st = c.expr(&args[0], None)?;
            let n = if g == Generic::SlicesClone {
                Native::SlicesClone
            } else {
                Native::SlicesCompact
            };
            c.emit(Op::CallNative(n, 1));
            Ok(vec![st])
        }
        Generic::SlicesEqual => {
            need(2)?;
            let st = c.expr(&args[0], None)?;
            c.value_to(&args[1], st)?;
            c.emit(Op::CallNative(Native::SlicesEqual, 2));
            Ok(vec![ids::BOOL])
        }
        Generic::SlicesBinarySearch => {
            need(2)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            c.value_to(&args[1], el)?;
            c.emit(Op::CallNative(Native::SlicesBinarySearch, 2));
            Ok(vec![ids::INT, ids::BOOL])
        }
        Generic::SlicesInsert => {
            if args.len() < 2 {
                return err(e.pos, "not enough arguments in call to slices.Insert");
            }
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            c.value_to(&args[1], ids::INT)?;
            for a in &args[2..] {
                c.value_to(a, el)?;
            }
            c.emit(Op::MakeSlice((args.len() - 2) as u32, el));
            c.emit(Op::CallNative(Native::SlicesInsert, 3));
            Ok(vec![st])
        }
        Generic::SlicesDelete => {
            need(3)?;
            let st = c.expr(&args[0], None)?;
            c.value_to(&args[1], ids::INT)?;
            c.value_to(&args[2], ids::INT)?;
            c.emit(Op::CallNative(Native::SlicesDelete, 3));
            Ok(vec![st])
        }
        Generic::SlicesIndexFunc | Generic::SlicesContainsFunc => {
            need(2)?;
            let st = c.type_of(&args[0])?;
            let sv = c.temp(st);
            c.expr(&args[0], None)?;
            c.init_var(sv);
            let ft = c.type_of(&args[1])?;
            let fv = c.temp(ft);
            c.value_to(&args[1], ft)?;
            c.init_var(fv);
            let n = c.temp(ids::INT);
            c.load_var(sv);
            c.emit(Op::Len);
            c.init_var(n);
            let i = c.temp(ids::INT);
            c.emit(Op::PushInt(0));
            c.init_var(i);
            let top = c.here();
            c.load_var(i);
            c.load_var(n);
            c.emit(Op::LtI);
            let exit = c.emit(Op::JumpIfNot(0));
            c.load_var(sv);
            c.load_var(i);
            c.emit(Op::Index);
            c.load_var(fv);
            c.emit(Op::CallValue(1));
            let found = c.emit(Op::JumpIf(0));
            c.load_var(i);
            c.emit(Op::PushInt(1));
            c.emit(Op::AddI);
            c.store_var(i);
            c.emit(Op::Jump(top as u32));
            let h = c.here();
            c.patch(exit, h);
            c.emit(Op::PushInt(-1));
            c.store_var(i);
            let h = c.here();
            c.patch(found, h);
            c.load_var(i);
            if g == Generic::SlicesContainsFunc {
                c.emit(Op::PushInt(0));
                c.emit(Op::GeI);
                return Ok(vec![ids::BOOL]);
            }
            Ok(vec![ids::INT])
        }
    }
}

pub(crate) fn describe_call(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Call { func, .. } => describe(func),
        _ => describe(e),
    }
}

/// The verb of each argument of a constant format string (for deciding which arguments fmt
/// would call `Error()`/`String()` on).
pub(crate) fn format_verbs(f: &str) -> Vec<char> {
    let mut out = Vec::new();
    let b: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && "+-# 0".contains(b[i]) {
            i += 1;
        }
        let star = |i: &mut usize, out: &mut Vec<char>| {
            while *i < b.len()
                && (b[*i].is_ascii_digit() || b[*i] == '*' || b[*i] == '[' || b[*i] == ']')
            {
                if b[*i] == '*' {
                    out.push('d');
                }
                *i += 1;
            }
        };
        star(&mut i, &mut out);
        if i < b.len() && b[i] == '.' {
            i += 1;
            star(&mut i, &mut out);
        }
        if i < b.len() {
            if b[i] != '%' {
                out.push(b[i]);
            }
            i += 1;
        }
    }
    out
}

/// A placeholder to keep `Rc` imported for future constant tables.
#[allow(dead_code)]
fn _rc(_: Rc<str>) {}

/// The start of a depth-first walk of the error tree under `ev` (errors.Is / errors.As): a work
/// list holding `ev`, and the loop head, which pops the next error into a temporary (nil errors
/// are skipped). Returns (work list var, current error var, loop head, the jump out when the list
/// is empty: patch it to the "no match" code). The caller emits its test on the current error,
/// then [`error_walk_next`].
fn error_walk_start(c: &mut Compiler, ev: usize) -> (usize, usize, usize, usize) {
    let errs = c.types.slice(ids::ERROR);
    let ws = c.temp(errs);
    c.emit(Op::PushNil);
    c.load_var(ev);
    c.emit(Op::CallNative(Native::ErrsPush, 2));
    c.init_var(ws);
    let e = c.temp(ids::ERROR);
    c.emit(Op::PushNil);
    c.init_var(e);
    let top = c.here();
    c.load_var(ws);
    c.emit(Op::Len);
    c.emit(Op::PushInt(0));
    c.emit(Op::GtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(ws);
    c.emit(Op::CallNative(Native::ErrsPop, 1));
    c.store_var(e);
    c.store_var(ws);
    c.load_var(e);
    c.emit(Op::PushNil);
    c.emit(Op::Eq);
    c.emit(Op::JumpIf(top as u32));
    (ws, e, top, exit)
}

/// The end of one step of an error walk: pushes the current error's children (golite's own
/// multi-errors, an `Unwrap() []error`, or an `Unwrap() error`) and jumps back to the loop head.
fn error_walk_next(c: &mut Compiler, ws: usize, e: usize, top: usize) {
    let unwrap = c.sym("Unwrap");
    // golite's own join and multi-%w errors.
    c.load_var(ws);
    c.load_var(e);
    c.emit(Op::CallNative(Native::ErrsExpand, 2));
    let expanded = c.emit(Op::JumpIf(0));
    c.emit(Op::Pop);
    // Unwrap() error or Unwrap() []error (interfaces match by method name here; the native
    // tells the two results apart).
    c.load_var(e);
    c.emit(Op::IsIface(c.std.unwrapper));
    c.emit(Op::JumpIfNot(top as u32));
    c.load_var(ws);
    c.load_var(e);
    c.emit(Op::CallIface(unwrap, 0));
    c.emit(Op::CallNative(Native::ErrsPushUnwrapped, 2));
    c.store_var(ws);
    c.emit(Op::Jump(top as u32));
    let h = c.here();
    c.patch(expanded, h);
    c.store_var(ws);
    c.emit(Op::Jump(top as u32));
}

/// fmt calls `String()` / `Error()` on the elements of a slice or array too (`[]celsius` prints
/// `[1.0°C 2.2°C]`). When argument `a` is a slice or array whose element type has one of those
/// methods, pushes a `[]any` of its elements, each stringified as a top-level argument would be,
/// and returns true; otherwise emits nothing and returns false.
fn stringer_elements(c: &mut Compiler, a: &Expr) -> R<bool> {
    let at = c.type_of(a)?;
    let el = match c.types.ukind(at) {
        Kind::Slice(el) | Kind::Array(_, el) => *el,
        _ => return Ok(false),
    };
    if c.types.is_interface(el)
        || !(c.implements_static(el, c.std.stringer) || c.implements_static(el, ids::ERROR))
    {
        return Ok(false);
    }
    let any_slice = c.types.slice(ids::ANY);
    let src = c.temp(at);
    c.value_to(a, at)?;
    c.init_var(src);
    let out = c.temp(any_slice);
    c.load_var(src);
    c.emit(Op::Len);
    c.emit(Op::MakeSliceLen(ids::ANY, false));
    c.init_var(out);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(i);
    let top = c.here();
    c.load_var(i);
    c.load_var(src);
    c.emit(Op::Len);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    // out[i] = stringify(any(src[i]))
    c.load_var(out);
    c.load_var(i);
    c.load_var(src);
    c.load_var(i);
    c.emit(Op::Index);
    c.coerce(el, ids::ANY);
    c.emit(Op::Stringify);
    c.emit(Op::SetIndex);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(top as u32));
    let end = c.here();
    c.patch(exit, end);
    c.load_var(out);
    c.coerce(any_slice, ids::ANY);
    Ok(true)
}

/// Emits Go's insertion sort over `n` elements (n on the stack):
/// `for i := 1; i < n; i++ { for j := i; j > 0 && less(j); j-- { swap(j) } }`, where `less`
/// pushes whether element j sorts before element j-1 and `swap` exchanges them. It is stable,
/// and the algorithm Go's sort uses for short inputs, so it makes the same calls in order.
fn insertion_sort(
    c: &mut Compiler,
    less: impl Fn(&mut Compiler, usize),
    swap: impl Fn(&mut Compiler, usize),
) {
    let n = c.temp(ids::INT);
    c.init_var(n);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(1));
    c.init_var(i);
    let j = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(j);
    let outer = c.here();
    c.load_var(i);
    c.load_var(n);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(i);
    c.store_var(j);
    let inner = c.here();
    c.load_var(j);
    c.emit(Op::PushInt(0));
    c.emit(Op::GtI);
    let inner_exit = c.emit(Op::JumpIfNot(0));
    less(c, j);
    let inner_exit2 = c.emit(Op::JumpIfNot(0));
    swap(c, j);
    c.load_var(j);
    c.emit(Op::PushInt(1));
    c.emit(Op::SubI);
    c.store_var(j);
    c.emit(Op::Jump(inner as u32));
    let after_inner = c.here();
    c.patch(inner_exit, after_inner);
    c.patch(inner_exit2, after_inner);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(outer as u32));
    let end = c.here();
    c.patch(exit, end);
}
