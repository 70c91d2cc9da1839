//! Go's own exported names, so that a name golite lacks is told apart from a name Go lacks:
//! `golite does not support os.WriteFile yet` against Go's `undefined: strings.Reverse`.

/// The exported names of Go 1.27's packages (`unicode` without its range tables), so that a
/// name golite lacks is told apart from a name Go lacks: `golite does not support os.WriteFile
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
        "crypto/sha256" => "BlockSize New New224 Size Size224 Sum224 Sum256",
        "path" => "Base Clean Dir ErrBadPattern Ext IsAbs Join Match Split",
        "path/filepath" => {
            "Abs Base Clean Dir ErrBadPattern EvalSymlinks Ext FromSlash Glob HasPrefix IsAbs IsLocal Join ListSeparator Localize Match Rel Separator SkipAll SkipDir Split SplitList ToSlash VolumeName Walk WalkDir WalkFunc"
        }
        "encoding/hex" => {
            "AppendDecode AppendEncode Decode DecodeString DecodedLen Dump Dumper Encode EncodeToString EncodedLen ErrLength InvalidByteError NewDecoder NewEncoder"
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
        "net" => {
            "Addr AddrError Buffers CIDRMask Conn DNSConfigError DNSError DefaultResolver Dial DialIP DialTCP DialTimeout DialUDP DialUnix Dialer ErrClosed ErrWriteToConnected Error FileConn FileListener FilePacketConn FlagBroadcast FlagLoopback FlagMulticast FlagPointToPoint FlagRunning FlagUp Flags HardwareAddr IP IPAddr IPConn IPMask IPNet IPv4 IPv4Mask IPv4allrouter IPv4allsys IPv4bcast IPv4len IPv4zero IPv6interfacelocalallnodes IPv6len IPv6linklocalallnodes IPv6linklocalallrouters IPv6loopback IPv6unspecified IPv6zero Interface InterfaceAddrs InterfaceByIndex InterfaceByName Interfaces InvalidAddrError JoinHostPort KeepAliveConfig Listen ListenConfig ListenIP ListenMulticastUDP ListenPacket ListenTCP ListenUDP ListenUnix ListenUnixgram Listener LookupAddr LookupCNAME LookupHost LookupIP LookupMX LookupNS LookupPort LookupSRV LookupTXT MX NS OpError PacketConn ParseCIDR ParseError ParseIP ParseMAC Pipe ResolveIPAddr ResolveTCPAddr ResolveUDPAddr ResolveUnixAddr Resolver SRV SplitHostPort TCPAddr TCPAddrFromAddrPort TCPConn TCPListener UDPAddr UDPAddrFromAddrPort UDPConn UnixAddr UnixConn UnixListener UnknownNetworkError"
        }
        "net/http" => {
            "AllowQuerySemicolons CanonicalHeaderKey Client ClientConn CloseNotifier ConnState Cookie CookieJar CrossOriginProtection DefaultClient DefaultMaxHeaderBytes DefaultMaxHeaderValueCount DefaultMaxIdleConnsPerHost DefaultServeMux DefaultTransport DetectContentType Dir ErrAbortHandler ErrBodyNotAllowed ErrBodyReadAfterClose ErrContentLength ErrHandlerTimeout ErrHeaderTooLong ErrHijacked ErrLineTooLong ErrMissingBoundary ErrMissingContentLength ErrMissingFile ErrNoCookie ErrNoLocation ErrNotMultipart ErrNotSupported ErrSchemeMismatch ErrServerClosed ErrShortBody ErrSkipAltProtocol ErrUnexpectedTrailer ErrUseLastResponse ErrWriteAfterFlush Error FS File FileServer FileServerFS FileSystem Flusher Get HTTP2Config Handle HandleFunc Handler HandlerFunc Head Header Hijacker ListenAndServe ListenAndServeTLS LocalAddrContextKey MaxBytesError MaxBytesHandler MaxBytesReader MethodConnect MethodDelete MethodGet MethodHead MethodOptions MethodPatch MethodPost MethodPut MethodTrace NewCrossOriginProtection NewFileTransport NewFileTransportFS NewRequest NewRequestWithContext NewResponseController NewServeMux NoBody NotFound NotFoundHandler ParseCookie ParseHTTPVersion ParseSetCookie ParseTime Post PostForm ProtocolError Protocols ProxyFromEnvironment ProxyURL PushOptions Pusher ReadRequest ReadResponse Redirect RedirectHandler Request Response ResponseController ResponseWriter RoundTripper SameSite SameSiteDefaultMode SameSiteLaxMode SameSiteNoneMode SameSiteStrictMode Serve ServeContent ServeFile ServeFileFS ServeMux ServeTLS Server ServerContextKey SetCookie StateActive StateClosed StateHijacked StateIdle StateNew StatusAccepted StatusAlreadyReported StatusBadGateway StatusBadRequest StatusConflict StatusContinue StatusCreated StatusEarlyHints StatusExpectationFailed StatusFailedDependency StatusForbidden StatusFound StatusGatewayTimeout StatusGone StatusHTTPVersionNotSupported StatusIMUsed StatusInsufficientStorage StatusInternalServerError StatusLengthRequired StatusLocked StatusLoopDetected StatusMethodNotAllowed StatusMisdirectedRequest StatusMovedPermanently StatusMultiStatus StatusMultipleChoices StatusNetworkAuthenticationRequired StatusNoContent StatusNonAuthoritativeInfo StatusNotAcceptable StatusNotExtended StatusNotFound StatusNotImplemented StatusNotModified StatusOK StatusPartialContent StatusPaymentRequired StatusPermanentRedirect StatusPreconditionFailed StatusPreconditionRequired StatusProcessing StatusProxyAuthRequired StatusRequestEntityTooLarge StatusRequestHeaderFieldsTooLarge StatusRequestTimeout StatusRequestURITooLong StatusRequestedRangeNotSatisfiable StatusResetContent StatusSeeOther StatusServiceUnavailable StatusSwitchingProtocols StatusTeapot StatusTemporaryRedirect StatusText StatusTooEarly StatusTooManyRequests StatusUnauthorized StatusUnavailableForLegalReasons StatusUnprocessableEntity StatusUnsupportedMediaType StatusUpgradeRequired StatusUseProxy StatusVariantAlsoNegotiates StripPrefix TimeFormat TimeoutHandler TrailerPrefix Transport"
        }
        "net/http/httptest" => {
            "DefaultRemoteAddr NewRecorder NewRequest NewRequestWithContext NewServer NewTLSServer NewTestServer NewUnstartedServer ResponseRecorder Server"
        }
        "hash" => "Cloner Hash Hash32 Hash64 XOF",
        "hash/crc32" => {
            "Castagnoli Checksum ChecksumIEEE IEEE IEEETable Koopman MakeTable New NewIEEE Size Table Update"
        }
        "hash/fnv" => "New128 New128a New32 New32a New64 New64a",
        "io/fs" => {
            "DirEntry ErrClosed ErrExist ErrInvalid ErrNotExist ErrPermission FS File FileInfo FileInfoToDirEntry FileMode FormatDirEntry FormatFileInfo Glob GlobFS Lstat ModeAppend ModeCharDevice ModeDevice ModeDir ModeExclusive ModeIrregular ModeNamedPipe ModePerm ModeSetgid ModeSetuid ModeSocket ModeSticky ModeSymlink ModeTemporary ModeType PathError ReadDir ReadDirFS ReadDirFile ReadFile ReadFileFS ReadLink ReadLinkFS SkipAll SkipDir Stat StatFS Sub SubFS ValidPath WalkDir WalkDirFunc"
        }
        "iter" => "Pull Pull2 Seq Seq2",
        "math" => {
            "Abs Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Ceil Copysign Cos Cosh Dim E Erf Erfc Erfcinv Erfinv Exp Exp2 Expm1 FMA Float32bits Float32frombits Float64bits Float64frombits Floor Frexp Gamma Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Ln10 Ln2 Log Log10 Log10E Log1p Log2 Log2E Logb Max MaxFloat32 MaxFloat64 MaxInt MaxInt16 MaxInt32 MaxInt64 MaxInt8 MaxUint MaxUint16 MaxUint32 MaxUint64 MaxUint8 Min MinInt MinInt16 MinInt32 MinInt64 MinInt8 Mod Modf NaN Nextafter Nextafter32 Phi Pi Pow Pow10 Remainder Round RoundToEven Signbit Sin Sincos Sinh SmallestNonzeroFloat32 SmallestNonzeroFloat64 Sqrt Sqrt2 SqrtE SqrtPhi SqrtPi Tan Tanh Trunc Y0 Y1 Yn"
        }
        "math/bits" => {
            "Add Add32 Add64 Div Div32 Div64 LeadingZeros LeadingZeros16 LeadingZeros32 LeadingZeros64 LeadingZeros8 Len Len16 Len32 Len64 Len8 Mul Mul32 Mul64 OnesCount OnesCount16 OnesCount32 OnesCount64 OnesCount8 Rem Rem32 Rem64 Reverse Reverse16 Reverse32 Reverse64 Reverse8 ReverseBytes ReverseBytes16 ReverseBytes32 ReverseBytes64 RotateLeft RotateLeft16 RotateLeft32 RotateLeft64 RotateLeft8 Sub Sub32 Sub64 TrailingZeros TrailingZeros16 TrailingZeros32 TrailingZeros64 TrailingZeros8 UintSize"
        }
        "math/cmplx" => {
            "Abs Acos Acosh Asin Asinh Atan Atanh Conj Cos Cosh Cot Exp Inf IsInf IsNaN Log Log10 NaN Phase Polar Pow Rect Sin Sinh Sqrt Tan Tanh"
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
        "hash.Cloner" => "BlockSize Clone Reset Size Sum Write",
        "hash.Hash" => "BlockSize Reset Size Sum Write",
        "hash.Hash32" => "BlockSize Reset Size Sum Sum32 Write",
        "hash.Hash64" => "BlockSize Reset Size Sum Sum64 Write",
        "hash.XOF" => "BlockSize Read Reset Write",
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
pub(super) fn missing_method(x: &str, type_name: &str, name: &str) -> String {
    let base = type_name.trim_start_matches('*');
    if go_methods(base).split(' ').any(|n| n == name) {
        format!("golite does not support ({base}).{name} yet")
    } else {
        format!("{x}.{name} undefined (type {type_name} has no field or method {name})")
    }
}

/// The error for `local.name` when golite has no such member of package `path`.
pub(super) fn missing_member(local: &str, path: &str, name: &str) -> String {
    if go_exports(path).split(' ').any(|n| n == name) {
        format!("golite does not support {local}.{name} yet")
    } else {
        format!("undefined: {local}.{name}")
    }
}
