//! Go's `net/http` on the virtual network (std/net.rs): a subset written wholly in Go, laid out
//! as Go's own so its goroutines are Go's: `Server.Serve` starts a `(*conn).serve` goroutine per
//! connection; a client connection (`persistConn`) has its `readLoop` and `writeLoop`
//! goroutines, and `readLoop` waits in a select until the response body is read to EOF or
//! closed before the connection goes back to the pool; so an unclosed, unread body keeps its
//! connection and both goroutines, as in Go. While a handler runs (and its request body has
//! been read), the server reads the connection in the background (`connReader`), so a client
//! that goes away cancels `r.Context()`, as Go's does. The wire format is a plain HTTP/1.1 subset (a
//! request line or status line, headers, a `Content-Length` body; no chunking). Out: TLS
//! (`https://`), HTTP/2, DNS (hosts other than this machine), cookies, redirects: each is a
//! panic naming golite's gap, or an error where Go would return one.

use super::support::*;

/// The package (all Go).
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Http,
    path: "net/http",
    go: GO,
    needs: &[
        "net", "io", "bufio", "bytes", "strings", "errors", "os", "log",
    ],
    ..Package::NONE
};

const GO: &str = r#"
type urlꞏURL struct {
	Scheme   string
	Host     string
	Path     string
	RawQuery string
}

func (u *urlꞏURL) String() string {
	s := u.Scheme + "://" + u.Host + u.Path
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s
}

func (u *urlꞏURL) RequestURI() string {
	p := u.Path
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

type urlꞏError struct {
	Op  string
	URL string
	Err error
}

func (e *urlꞏError) Unwrap() error { return e.Err }
func (e *urlꞏError) Error() string { return fmtꞏ.Sprintf("%s %q: %s", e.Op, e.URL, e.Err) }
func (e *urlꞏError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

func httpꞏparseURL(raw string) (*urlꞏURL, error) {
	scheme, rest, ok := stringsꞏ.Cut(raw, "://")
	if !ok {
		return nil, &urlꞏError{Op: "parse", URL: raw, Err: errorsꞏ.New("missing protocol scheme")}
	}
	if scheme == "https" {
		panic("golite: " + raw + ": golite's net/http has no TLS (https); use http:// on the virtual network")
	}
	if scheme != "http" {
		return nil, &urlꞏError{Op: "Get", URL: raw, Err: errorsꞏ.New("unsupported protocol scheme \"" + scheme + "\"")}
	}
	host, path := rest, "/"
	if i := stringsꞏ.Index(rest, "/"); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	u := &urlꞏURL{Scheme: scheme, Host: host, Path: path}
	if p, q, ok := stringsꞏ.Cut(path, "?"); ok {
		u.Path, u.RawQuery = p, q
	}
	return u, nil
}

type httpꞏHeader map[string][]string

func httpꞏCanonicalHeaderKey(s string) string {
	b := []byte(s)
	upper := true
	for i, c := range b {
		if upper && 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
		upper = c == '-'
	}
	return string(b)
}

func (h httpꞏHeader) Get(key string) string {
	if v := h[httpꞏCanonicalHeaderKey(key)]; len(v) > 0 {
		return v[0]
	}
	return ""
}
func (h httpꞏHeader) Values(key string) []string { return h[httpꞏCanonicalHeaderKey(key)] }
func (h httpꞏHeader) Set(key, value string)      { h[httpꞏCanonicalHeaderKey(key)] = []string{value} }
func (h httpꞏHeader) Add(key, value string) {
	k := httpꞏCanonicalHeaderKey(key)
	h[k] = append(h[k], value)
}
func (h httpꞏHeader) Del(key string) { delete(h, httpꞏCanonicalHeaderKey(key)) }
func (h httpꞏHeader) Clone() httpꞏHeader {
	c := httpꞏHeader{}
	for k, v := range h {
		c[k] = append([]string(nil), v...)
	}
	return c
}

func (h httpꞏHeader) write(b *bytesꞏBuffer) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sortꞏ.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			b.WriteString(k + ": " + v + "\r\n")
		}
	}
}

const (
	httpꞏMethodGet     = "GET"
	httpꞏMethodHead    = "HEAD"
	httpꞏMethodPost    = "POST"
	httpꞏMethodPut     = "PUT"
	httpꞏMethodPatch   = "PATCH"
	httpꞏMethodDelete  = "DELETE"
	httpꞏMethodOptions = "OPTIONS"
)

const (
	httpꞏStatusContinue            = 100
	httpꞏStatusOK                  = 200
	httpꞏStatusCreated             = 201
	httpꞏStatusAccepted            = 202
	httpꞏStatusNoContent           = 204
	httpꞏStatusMovedPermanently    = 301
	httpꞏStatusFound               = 302
	httpꞏStatusNotModified         = 304
	httpꞏStatusBadRequest          = 400
	httpꞏStatusUnauthorized        = 401
	httpꞏStatusForbidden           = 403
	httpꞏStatusNotFound            = 404
	httpꞏStatusMethodNotAllowed    = 405
	httpꞏStatusRequestTimeout      = 408
	httpꞏStatusConflict            = 409
	httpꞏStatusRequestEntityTooLarge = 413
	httpꞏStatusTooManyRequests     = 429
	httpꞏStatusInternalServerError = 500
	httpꞏStatusNotImplemented      = 501
	httpꞏStatusBadGateway          = 502
	httpꞏStatusServiceUnavailable  = 503
	httpꞏStatusGatewayTimeout      = 504
)

func httpꞏStatusText(code int) string {
	switch code {
	case 100:
		return "Continue"
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 202:
		return "Accepted"
	case 204:
		return "No Content"
	case 301:
		return "Moved Permanently"
	case 302:
		return "Found"
	case 304:
		return "Not Modified"
	case 400:
		return "Bad Request"
	case 401:
		return "Unauthorized"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 408:
		return "Request Timeout"
	case 409:
		return "Conflict"
	case 413:
		return "Request Entity Too Large"
	case 429:
		return "Too Many Requests"
	case 500:
		return "Internal Server Error"
	case 501:
		return "Not Implemented"
	case 502:
		return "Bad Gateway"
	case 503:
		return "Service Unavailable"
	case 504:
		return "Gateway Timeout"
	}
	return ""
}

var httpꞏErrServerClosed = errorsꞏ.New("http: Server closed")
var httpꞏerrServerClosedIdle = errorsꞏ.New("http: server closed idle connection")
var httpꞏErrHandlerTimeout = errorsꞏ.New("http: Handler timeout")
var httpꞏErrBodyReadAfterClose = errorsꞏ.New("http: invalid Read on closed Body")

type httpꞏnoBody struct{}

func (httpꞏnoBody) Read([]byte) (int, error) { return 0, ioꞏEOF }
func (httpꞏnoBody) Close() error             { return nil }

var httpꞏNoBody = httpꞏnoBody{}

type httpꞏRequest struct {
	Method        string
	URL           *urlꞏURL
	Proto         string
	Header        httpꞏHeader
	Body          ioꞏReadCloser
	ContentLength int64
	Host          string
	RemoteAddr    string
	RequestURI    string
	Close         bool
	ctx           contextꞏ.Context
}

func (r *httpꞏRequest) Context() contextꞏ.Context {
	if r.ctx != nil {
		return r.ctx
	}
	return contextꞏ.Background()
}

func (r *httpꞏRequest) WithContext(ctx contextꞏ.Context) *httpꞏRequest {
	if ctx == nil {
		panic("nil context")
	}
	r2 := new(httpꞏRequest)
	*r2 = *r
	r2.ctx = ctx
	return r2
}

func (r *httpꞏRequest) Clone(ctx contextꞏ.Context) *httpꞏRequest {
	r2 := r.WithContext(ctx)
	r2.Header = r.Header.Clone()
	return r2
}

func httpꞏNewRequest(method, url string, body ioꞏReader) (*httpꞏRequest, error) {
	return httpꞏNewRequestWithContext(contextꞏ.Background(), method, url, body)
}

func httpꞏNewRequestWithContext(ctx contextꞏ.Context, method, url string, body ioꞏReader) (*httpꞏRequest, error) {
	if method == "" {
		method = "GET"
	}
	if ctx == nil {
		return nil, errorsꞏ.New("net/http: nil Context")
	}
	u, err := httpꞏparseURL(url)
	if err != nil {
		if ue, ok := err.(*urlꞏError); ok {
			ue.Op = "parse"
		}
		return nil, err
	}
	r := &httpꞏRequest{Method: method, URL: u, Proto: "HTTP/1.1", Header: httpꞏHeader{}, Host: u.Host, ctx: ctx}
	if body != nil {
		rc, ok := body.(ioꞏReadCloser)
		if !ok {
			rc = ioꞏNopCloser(body)
		}
		r.Body = rc
		switch v := body.(type) {
		case *bytesꞏBuffer:
			r.ContentLength = int64(v.Len())
		case *bytesꞏReader:
			r.ContentLength = int64(v.Len())
		case *stringsꞏReader:
			r.ContentLength = int64(v.Len())
		}
	}
	return r, nil
}

type httpꞏResponse struct {
	Status        string
	StatusCode    int
	Proto         string
	Header        httpꞏHeader
	Body          ioꞏReadCloser
	ContentLength int64
	Close         bool
	Request       *httpꞏRequest
}

// readHead reads a start line and headers.
func httpꞏreadHead(br *bufioꞏReader) (string, httpꞏHeader, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		if err == ioꞏEOF && line != "" {
			err = ioꞏErrUnexpectedEOF
		}
		return "", nil, err
	}
	h := httpꞏHeader{}
	for {
		l, err := br.ReadString('\n')
		if err != nil {
			return "", nil, ioꞏErrUnexpectedEOF
		}
		l = stringsꞏ.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		k, v, _ := stringsꞏ.Cut(l, ":")
		h.Add(k, stringsꞏ.TrimSpace(v))
	}
	return stringsꞏ.TrimRight(line, "\r\n"), h, nil
}

func httpꞏcontentLength(h httpꞏHeader) int64 {
	n, err := strconvꞏ.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// write sends the request in HTTP/1.1 with a Content-Length body. A body of known length
// (ContentLength > 0, which NewRequest sets for a bytes or strings reader) is streamed in chunks
// of up to 32 KiB as it is read, the head going out with the first one, as Go's transport copies
// a body; a body of unknown length (Go would send it chunked) is read whole first.
func (r *httpꞏRequest) write(w ioꞏWriter) error {
	cl := r.ContentLength
	var body []byte
	if r.Body != nil && cl <= 0 {
		b, err := ioꞏReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return err
		}
		body = b
		cl = int64(len(body))
	}
	var b bytesꞏBuffer
	b.WriteString(r.Method + " " + r.URL.RequestURI() + " HTTP/1.1\r\n")
	b.WriteString("Host: " + r.URL.Host + "\r\n")
	if r.Header.Get("User-Agent") == "" {
		b.WriteString("User-Agent: Go-http-client/1.1\r\n")
	}
	if cl > 0 || r.Method == "POST" || r.Method == "PUT" {
		b.WriteString("Content-Length: " + strconvꞏ.FormatInt(cl, 10) + "\r\n")
	}
	r.Header.write(&b)
	b.WriteString("\r\n")
	if r.Body == nil || r.ContentLength <= 0 {
		b.Write(body)
		_, err := w.Write(b.Bytes())
		return err
	}
	defer r.Body.Close()
	size := int64(32 << 10)
	if cl < size {
		size = cl
	}
	buf := make([]byte, int(size))
	lr := &ioꞏLimitedReader{R: r.Body, N: cl}
	headSent := false
	for lr.N > 0 {
		n, err := lr.Read(buf)
		if n > 0 {
			var werr error
			if !headSent {
				b.Write(buf[:n])
				_, werr = w.Write(b.Bytes())
				headSent = true
			} else {
				_, werr = w.Write(buf[:n])
			}
			if werr != nil {
				return werr
			}
		}
		if err == ioꞏEOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if !headSent {
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	if lr.N > 0 {
		return errorsꞏ.New(fmtꞏ.Sprintf("http: ContentLength=%d with Body length %d", cl, cl-lr.N))
	}
	return nil
}

// body is a request body as the server reads it (Go's http.body): the handler reads it from the
// connection as it arrives, and Close reads what the handler left, up to 256 KiB, so the
// connection can serve its next request (more than that: the connection is closed instead).
type httpꞏbody struct {
	src        *ioꞏLimitedReader
	closed     bool
	sawEOF     bool
	earlyClose bool
	onHitEOF   func() // the server's background read starts once the body is read
}

// hitEOF marks the body read to its end and runs the hook registered for that once.
func (b *httpꞏbody) hitEOF() {
	b.sawEOF = true
	if fn := b.onHitEOF; fn != nil {
		b.onHitEOF = nil
		fn()
	}
}

func (b *httpꞏbody) Read(p []byte) (int, error) {
	if b.closed {
		return 0, httpꞏErrBodyReadAfterClose
	}
	if b.sawEOF {
		return 0, ioꞏEOF
	}
	n, err := b.src.Read(p)
	if err == ioꞏEOF {
		if b.src.N > 0 {
			err = ioꞏErrUnexpectedEOF
		} else {
			b.hitEOF()
		}
	} else if err == nil && b.src.N == 0 {
		b.hitEOF()
		err = ioꞏEOF
	}
	return n, err
}

func (b *httpꞏbody) Close() error {
	if b.closed {
		return nil
	}
	if !b.sawEOF {
		if b.src.N > 256<<10 {
			b.earlyClose = true
		} else {
			_, err := ioꞏCopy(ioꞏDiscard, b.src)
			if err != nil || b.src.N > 0 {
				b.earlyClose = true
			}
		}
	}
	b.closed = true
	return nil
}

func httpꞏreadRequest(br *bufioꞏReader) (*httpꞏRequest, error) {
	line, h, err := httpꞏreadHead(br)
	if err != nil {
		return nil, err
	}
	parts := stringsꞏ.Split(line, " ")
	if len(parts) != 3 {
		return nil, errorsꞏ.New("malformed HTTP request")
	}
	u := &urlꞏURL{Path: parts[1]}
	if p, q, ok := stringsꞏ.Cut(parts[1], "?"); ok {
		u.Path, u.RawQuery = p, q
	}
	r := &httpꞏRequest{Method: parts[0], URL: u, Proto: parts[2], Header: h, Host: h.Get("Host"), RequestURI: parts[1]}
	h.Del("Host")
	r.ContentLength = httpꞏcontentLength(h)
	if r.ContentLength > 0 {
		r.Body = &httpꞏbody{src: &ioꞏLimitedReader{R: br, N: r.ContentLength}}
	} else {
		r.Body = httpꞏNoBody
	}
	return r, nil
}

// ---- server ----

type httpꞏHandler interface {
	ServeHTTP(httpꞏResponseWriter, *httpꞏRequest)
}

type httpꞏHandlerFunc func(httpꞏResponseWriter, *httpꞏRequest)

func (f httpꞏHandlerFunc) ServeHTTP(w httpꞏResponseWriter, r *httpꞏRequest) { f(w, r) }

type httpꞏResponseWriter interface {
	Header() httpꞏHeader
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}

func httpꞏError(w httpꞏResponseWriter, error string, code int) {
	h := w.Header()
	h.Del("Content-Length")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	w.Write([]byte(error + "\n"))
}

func httpꞏNotFound(w httpꞏResponseWriter, r *httpꞏRequest) { httpꞏError(w, "404 page not found", 404) }

func httpꞏNotFoundHandler() httpꞏHandler { return httpꞏHandlerFunc(httpꞏNotFound) }

type httpꞏServeMux struct {
	mu       syncꞏ.RWMutex
	patterns []string
	handlers []httpꞏHandler
}

func httpꞏNewServeMux() *httpꞏServeMux { return &httpꞏServeMux{} }

var httpꞏDefaultServeMux = httpꞏNewServeMux()

func (mux *httpꞏServeMux) Handle(pattern string, handler httpꞏHandler) {
	if pattern == "" {
		panic("http: invalid pattern")
	}
	if handler == nil {
		panic("http: nil handler")
	}
	mux.mu.Lock()
	defer mux.mu.Unlock()
	for _, p := range mux.patterns {
		if p == pattern {
			panic("pattern \"" + pattern + "\" conflicts with pattern \"" + p + "\": they match the same requests")
		}
	}
	mux.patterns = append(mux.patterns, pattern)
	mux.handlers = append(mux.handlers, handler)
}

func (mux *httpꞏServeMux) HandleFunc(pattern string, handler func(httpꞏResponseWriter, *httpꞏRequest)) {
	if handler == nil {
		panic("http: nil handler")
	}
	mux.Handle(pattern, httpꞏHandlerFunc(handler))
}

// match: "[METHOD ]/path" patterns, exact unless the path ends in "/" (a prefix) or "{$}".
func httpꞏmatch(pattern string, r *httpꞏRequest) (int, bool) {
	method, path, ok := stringsꞏ.Cut(pattern, " ")
	if !ok {
		method, path = "", pattern
	}
	path = stringsꞏ.TrimSpace(path)
	if method != "" && method != r.Method && !(method == "GET" && r.Method == "HEAD") {
		return 0, false
	}
	if stringsꞏ.HasSuffix(path, "{$}") {
		return len(path), r.URL.Path == stringsꞏ.TrimSuffix(path, "{$}")
	}
	if stringsꞏ.HasSuffix(path, "/") {
		return len(path), stringsꞏ.HasPrefix(r.URL.Path, path)
	}
	return len(path) + 1000, r.URL.Path == path
}

func (mux *httpꞏServeMux) Handler(r *httpꞏRequest) (h httpꞏHandler, pattern string) {
	mux.mu.RLock()
	defer mux.mu.RUnlock()
	best := -1
	for i, p := range mux.patterns {
		if n, ok := httpꞏmatch(p, r); ok && n > best {
			best, h, pattern = n, mux.handlers[i], p
		}
	}
	if h == nil {
		return httpꞏNotFoundHandler(), ""
	}
	return h, pattern
}

func (mux *httpꞏServeMux) ServeHTTP(w httpꞏResponseWriter, r *httpꞏRequest) {
	h, _ := mux.Handler(r)
	h.ServeHTTP(w, r)
}

func httpꞏHandle(pattern string, handler httpꞏHandler) { httpꞏDefaultServeMux.Handle(pattern, handler) }
func httpꞏHandleFunc(pattern string, handler func(httpꞏResponseWriter, *httpꞏRequest)) {
	httpꞏDefaultServeMux.HandleFunc(pattern, handler)
}

type httpꞏMaxBytesError struct {
	Limit int64
}

func (e *httpꞏMaxBytesError) Error() string { return "http: request body too large" }

type httpꞏmaxBytesReader struct {
	r     ioꞏReadCloser
	n     int64
	limit int64
	err   error
}

func httpꞏMaxBytesReader(w httpꞏResponseWriter, r ioꞏReadCloser, n int64) ioꞏReadCloser {
	if n < 0 {
		n = 0
	}
	return &httpꞏmaxBytesReader{r: r, n: n, limit: n}
}

func (l *httpꞏmaxBytesReader) Read(p []byte) (n int, err error) {
	if l.err != nil {
		return 0, l.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	if int64(len(p))-1 > l.n {
		p = p[:int(l.n)+1]
	}
	n, err = l.r.Read(p)
	if int64(n) <= l.n {
		l.n -= int64(n)
		l.err = err
		return n, err
	}
	n = int(l.n)
	l.n = 0
	l.err = &httpꞏMaxBytesError{Limit: l.limit}
	return n, l.err
}

func (l *httpꞏmaxBytesReader) Close() error { return l.r.Close() }

type httpꞏServer struct {
	Addr              string
	Handler           httpꞏHandler
	ReadTimeout       timeꞏ.Duration
	ReadHeaderTimeout timeꞏ.Duration
	WriteTimeout      timeꞏ.Duration
	IdleTimeout       timeꞏ.Duration

	mu           syncꞏ.Mutex
	listeners    []netꞏListener
	conns        map[int]*httpꞏconn
	nextID       int
	shuttingDown bool
	noKeepAlives bool
	active       syncꞏ.WaitGroup
}

const (
	httpꞏstateNew    = 0
	httpꞏstateActive = 1
	httpꞏstateIdle   = 2
)

type httpꞏconn struct {
	id        int
	server    *httpꞏServer
	rwc       netꞏConn
	r         *httpꞏconnReader
	cancelCtx contextꞏ.CancelFunc // the connection's context, parent of its requests'
	state     int
	since     timeꞏ.Time
	closed    bool
}

// connReader is what the server reads a connection through (Go's connReader): while a handler
// runs and its request body has been read, a background read (a goroutine, as in Go) waits on
// the connection, so a client that goes away (EOF, a closed connection) cancels the
// connection's context and with it the request's; a byte that arrives instead (a pipelined
// request) is kept for the next read. finishRequest stops the background read with a read
// deadline in the past.
type httpꞏconnReader struct {
	conn    *httpꞏconn
	mu      syncꞏ.Mutex
	cond    *syncꞏ.Cond
	hasByte bool
	byteBuf [1]byte
	inRead  bool
	aborted bool
}

func (cr *httpꞏconnReader) lock() {
	cr.mu.Lock()
	if cr.cond == nil {
		cr.cond = syncꞏ.NewCond(&cr.mu)
	}
}

func (cr *httpꞏconnReader) Read(p []byte) (int, error) {
	cr.lock()
	if cr.inRead {
		cr.mu.Unlock()
		panic("invalid concurrent Body.Read call")
	}
	if len(p) == 0 {
		cr.mu.Unlock()
		return 0, nil
	}
	if cr.hasByte {
		p[0] = cr.byteBuf[0]
		cr.hasByte = false
		cr.mu.Unlock()
		return 1, nil
	}
	cr.inRead = true
	cr.mu.Unlock()
	n, err := cr.conn.rwc.Read(p)
	cr.lock()
	cr.inRead = false
	if err != nil {
		cr.conn.cancelCtx()
	}
	cr.mu.Unlock()
	cr.cond.Broadcast()
	return n, err
}

func (cr *httpꞏconnReader) startBackgroundRead() {
	cr.lock()
	defer cr.mu.Unlock()
	if cr.inRead {
		panic("invalid concurrent Body.Read call")
	}
	if cr.hasByte {
		return
	}
	cr.inRead = true
	cr.conn.rwc.SetReadDeadline(timeꞏ.Time{})
	go cr.backgroundRead()
}

func (cr *httpꞏconnReader) backgroundRead() {
	n, err := cr.conn.rwc.Read(cr.byteBuf[:])
	cr.lock()
	if n == 1 {
		cr.hasByte = true
	}
	if ne, ok := err.(netꞏError); ok && cr.aborted && ne.Timeout() {
		// abortPendingRead's deadline: the handler is done, not the client.
	} else if err != nil {
		cr.conn.cancelCtx()
	}
	cr.aborted = false
	cr.inRead = false
	cr.mu.Unlock()
	cr.cond.Broadcast()
}

func (cr *httpꞏconnReader) abortPendingRead() {
	cr.lock()
	defer cr.mu.Unlock()
	if !cr.inRead {
		return
	}
	cr.aborted = true
	cr.conn.rwc.SetReadDeadline(timeꞏ.Unix(1, 0))
	for cr.inRead {
		cr.cond.Wait()
	}
	cr.conn.rwc.SetReadDeadline(timeꞏ.Time{})
}

// setState records the connection's state for Shutdown, and marks its end idle on the network
// between requests (a keep-alive connection waiting for the next one), as the transport marks a
// pooled client end, so a snapshot counts both sides alike.
func (c *httpꞏconn) setState(st int) {
	c.server.mu.Lock()
	c.state = st
	c.since = timeꞏ.Now()
	c.server.mu.Unlock()
	if tc, ok := c.rwc.(*netꞏTCPConn); ok {
		netꞏ.ꞏsetIdle(tc.fd.id, st == httpꞏstateIdle)
	}
}

func (c *httpꞏconn) close() {
	c.server.mu.Lock()
	if !c.closed {
		c.closed = true
		c.rwc.Close()
	}
	delete(c.server.conns, c.id)
	c.server.mu.Unlock()
}

type httpꞏresponse struct {
	conn        *httpꞏconn
	req         *httpꞏRequest
	header      httpꞏHeader
	status      int
	wroteHeader bool
	body        bytesꞏBuffer
}

func (w *httpꞏresponse) Header() httpꞏHeader { return w.header }
func (w *httpꞏresponse) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	if code < 100 || code > 999 {
		panic(fmtꞏ.Sprintf("invalid WriteHeader code %v", code))
	}
	w.wroteHeader = true
	w.status = code
}
func (w *httpꞏresponse) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(200)
	}
	return w.body.Write(p)
}

// finish sends the status line, the headers and the whole body.
func (w *httpꞏresponse) finish(closeAfter bool) error {
	if !w.wroteHeader {
		w.WriteHeader(200)
	}
	var b bytesꞏBuffer
	b.WriteString("HTTP/1.1 " + strconvꞏ.Itoa(w.status) + " " + httpꞏStatusText(w.status) + "\r\n")
	if w.body.Len() > 0 && w.header.Get("Content-Type") == "" {
		w.header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.header.Set("Content-Length", strconvꞏ.Itoa(w.body.Len()))
	if closeAfter {
		w.header.Set("Connection", "close")
	}
	w.header.write(&b)
	b.WriteString("\r\n")
	if w.req.Method != "HEAD" {
		b.Write(w.body.Bytes())
	}
	_, err := w.conn.rwc.Write(b.Bytes())
	return err
}

// serverHandler delegates to the server's Handler or the DefaultServeMux, as Go's does (a
// frame of its own between a handler and its connection in race reports).
type httpꞏserverHandler struct {
	srv *httpꞏServer
}

func (sh httpꞏserverHandler) ServeHTTP(rw httpꞏResponseWriter, req *httpꞏRequest) {
	handler := sh.srv.Handler
	if handler == nil {
		handler = httpꞏDefaultServeMux
	}
	handler.ServeHTTP(rw, req)
}

func (c *httpꞏconn) serve() {
	s := c.server
	defer s.active.Done()
	defer c.close()
	defer func() {
		if v := recover(); v != nil {
			logꞏ.Printf("http: panic serving %v: %v", c.rwc.RemoteAddr(), v)
		}
	}()
	connCtx, cancelConn := contextꞏ.WithCancel(contextꞏ.Background())
	c.cancelCtx = cancelConn
	defer cancelConn()
	c.r = &httpꞏconnReader{conn: c}
	br := bufioꞏNewReader(c.r)
	for {
		if s.ReadTimeout > 0 {
			c.rwc.SetReadDeadline(timeꞏ.Now().Add(s.ReadTimeout))
		} else {
			c.rwc.SetReadDeadline(timeꞏ.Time{})
		}
		req, err := httpꞏreadRequest(br)
		if err != nil {
			if err != ioꞏEOF && err != ioꞏErrUnexpectedEOF {
				if _, ok := err.(*netꞏOpError); !ok {
					c.rwc.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request"))
				}
			}
			return
		}
		c.setState(httpꞏstateActive)
		if s.WriteTimeout > 0 {
			c.rwc.SetWriteDeadline(timeꞏ.Now().Add(s.WriteTimeout))
		}
		ctx, cancel := contextꞏ.WithCancel(connCtx)
		req.ctx = ctx
		req.RemoteAddr = c.rwc.RemoteAddr().String()
		w := &httpꞏresponse{conn: c, req: req, header: httpꞏHeader{}}
		reqBody := req.Body
		// Watch the connection while the handler runs (once its body is read, as Go does).
		if b, ok := reqBody.(*httpꞏbody); ok && !b.sawEOF {
			b.onHitEOF = c.r.startBackgroundRead
		} else {
			c.r.startBackgroundRead()
		}
		httpꞏserverHandler{s}.ServeHTTP(w, req)
		cancel()
		if b, ok := reqBody.(*httpꞏbody); ok {
			b.onHitEOF = nil
		}
		c.r.abortPendingRead()
		reqBody.Close()
		s.mu.Lock()
		closeAfter := s.shuttingDown || s.noKeepAlives || req.Close
		s.mu.Unlock()
		if b, ok := reqBody.(*httpꞏbody); ok && b.earlyClose {
			closeAfter = true
		}
		if err := w.finish(closeAfter); err != nil || closeAfter {
			return
		}
		c.setState(httpꞏstateIdle)
	}
}

func (s *httpꞏServer) ListenAndServe() error {
	s.mu.Lock()
	down := s.shuttingDown
	s.mu.Unlock()
	if down {
		return httpꞏErrServerClosed
	}
	addr := s.Addr
	if addr == "" {
		addr = ":http"
	}
	if stringsꞏ.HasSuffix(addr, ":http") {
		addr = stringsꞏ.TrimSuffix(addr, "http") + "80"
	}
	ln, err := netꞏListen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

func (s *httpꞏServer) ListenAndServeTLS(certFile, keyFile string) error {
	panic("golite: golite's net/http has no TLS (ListenAndServeTLS)")
}

func (s *httpꞏServer) Serve(l netꞏListener) error {
	s.mu.Lock()
	if s.shuttingDown {
		s.mu.Unlock()
		l.Close()
		return httpꞏErrServerClosed
	}
	s.listeners = append(s.listeners, l)
	if s.conns == nil {
		s.conns = map[int]*httpꞏconn{}
	}
	s.mu.Unlock()
	for {
		rw, err := l.Accept()
		if err != nil {
			s.mu.Lock()
			down := s.shuttingDown
			s.mu.Unlock()
			if down {
				return httpꞏErrServerClosed
			}
			return err
		}
		s.mu.Lock()
		s.nextID++
		c := &httpꞏconn{id: s.nextID, server: s, rwc: rw, since: timeꞏ.Now()}
		s.conns[c.id] = c
		s.active.Add(1)
		s.mu.Unlock()
		go c.serve()
	}
}

func (s *httpꞏServer) SetKeepAlivesEnabled(v bool) {
	s.mu.Lock()
	s.noKeepAlives = !v
	s.mu.Unlock()
}

func (s *httpꞏServer) closeListeners() {
	for _, l := range s.listeners {
		l.Close()
	}
	s.listeners = nil
}

// Close closes the listeners and every connection at once, in-flight requests included.
func (s *httpꞏServer) Close() error {
	s.mu.Lock()
	s.shuttingDown = true
	s.closeListeners()
	var cs []*httpꞏconn
	for _, c := range s.conns {
		cs = append(cs, c)
	}
	s.mu.Unlock()
	for _, c := range cs {
		c.rwc.Close()
	}
	return nil
}

// closeIdle closes the idle connections (and new ones older than 5s, as Go does) and says
// whether none is left.
func (s *httpꞏServer) closeIdle() bool {
	s.mu.Lock()
	quiescent := true
	var cs []*httpꞏconn
	for _, c := range s.conns {
		st := c.state
		if st == httpꞏstateNew && timeꞏ.Since(c.since) > 5*timeꞏ.Second {
			st = httpꞏstateIdle
		}
		if st != httpꞏstateIdle {
			quiescent = false
			continue
		}
		cs = append(cs, c)
	}
	s.mu.Unlock()
	for _, c := range cs {
		c.close()
	}
	return quiescent
}

// Shutdown closes the listeners, then the idle connections as they become idle (polling
// every 1ms, doubling up to 500ms, as Go does without its jitter) until none is left or ctx
// ends.
func (s *httpꞏServer) Shutdown(ctx contextꞏ.Context) error {
	s.mu.Lock()
	s.shuttingDown = true
	s.closeListeners()
	s.mu.Unlock()
	interval := timeꞏ.Millisecond
	timer := timeꞏ.NewTimer(interval)
	defer timer.Stop()
	for {
		if s.closeIdle() {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
			if interval < 500*timeꞏ.Millisecond {
				interval *= 2
			}
			timer.Reset(interval)
		}
	}
}

func httpꞏListenAndServe(addr string, handler httpꞏHandler) error {
	s := &httpꞏServer{Addr: addr, Handler: handler}
	return s.ListenAndServe()
}

func httpꞏServe(l netꞏListener, handler httpꞏHandler) error {
	s := &httpꞏServer{Handler: handler}
	return s.Serve(l)
}

// ---- client ----

type httpꞏRoundTripper interface {
	RoundTrip(*httpꞏRequest) (*httpꞏResponse, error)
}

const httpꞏDefaultMaxIdleConnsPerHost = 2

type httpꞏTransport struct {
	MaxIdleConns          int
	MaxIdleConnsPerHost   int
	MaxConnsPerHost       int
	IdleConnTimeout       timeꞏ.Duration
	ResponseHeaderTimeout timeꞏ.Duration
	DisableKeepAlives     bool

	mu      syncꞏ.Mutex
	idle    map[string][]*httpꞏpersistConn
	count   map[string]int
	waiters map[string][]chan *httpꞏpersistConn
	pools   map[string]int // each host's pool id + 1 on the runtime (its connections pane)
}

// report tells the runtime the host's pool limits and how many requests wait for one of its
// connections, for the connections pane (t.mu held).
func (t *httpꞏTransport) report(key string) {
	if t.pools == nil {
		t.pools = map[string]int{}
	}
	t.pools[key] = netꞏ.ꞏpool(t.pools[key], t.MaxConnsPerHost, t.maxIdlePerHost(), len(t.waiters[key]))
}

var httpꞏDefaultTransport httpꞏRoundTripper = &httpꞏTransport{
	MaxIdleConns:    100,
	IdleConnTimeout: 90 * timeꞏ.Second,
}

type httpꞏpersistConn struct {
	t         *httpꞏTransport
	key       string
	conn      netꞏConn
	br        *bufioꞏReader
	reqch     chan httpꞏrequestAndChan
	writech   chan httpꞏwriteRequest
	closech   chan struct{}
	idleTimer *timeꞏ.Timer
	mu        syncꞏ.Mutex
	closed    bool
	reused    bool
}

type httpꞏrequestAndChan struct {
	req *httpꞏRequest
	ch  chan httpꞏresponseAndError
}

type httpꞏresponseAndError struct {
	res *httpꞏResponse
	err error
}

type httpꞏwriteRequest struct {
	req *httpꞏRequest
	ch  chan error
}

func (pc *httpꞏpersistConn) setIdle(idle bool) {
	if c, ok := pc.conn.(*netꞏTCPConn); ok {
		netꞏ.ꞏsetIdle(c.fd.id, idle)
	}
}

func (t *httpꞏTransport) maxIdlePerHost() int {
	if t.MaxIdleConnsPerHost != 0 {
		return t.MaxIdleConnsPerHost
	}
	return httpꞏDefaultMaxIdleConnsPerHost
}

// getConn takes an idle connection to the host, dials a new one, or (MaxConnsPerHost reached)
// waits for one to be handed back or closed.
func (t *httpꞏTransport) getConn(req *httpꞏRequest, key string) (*httpꞏpersistConn, error) {
	t.mu.Lock()
	if t.idle == nil {
		t.idle = map[string][]*httpꞏpersistConn{}
		t.count = map[string]int{}
		t.waiters = map[string][]chan *httpꞏpersistConn{}
	}
	if _, ok := t.pools[key]; !ok {
		t.report(key)
	}
	if l := t.idle[key]; len(l) > 0 {
		pc := l[len(l)-1]
		t.idle[key] = l[:len(l)-1]
		t.mu.Unlock()
		if pc.idleTimer != nil {
			pc.idleTimer.Stop()
		}
		pc.setIdle(false)
		pc.reused = true
		return pc, nil
	}
	if t.MaxConnsPerHost > 0 && t.count[key] >= t.MaxConnsPerHost {
		ch := make(chan *httpꞏpersistConn, 1)
		t.waiters[key] = append(t.waiters[key], ch)
		t.report(key)
		t.mu.Unlock()
		select {
		case pc := <-ch:
			if pc != nil {
				return pc, nil
			}
			return t.dialConn(key)
		case <-req.Context().Done():
			t.mu.Lock()
			ws := t.waiters[key]
			for i, w := range ws {
				if w == ch {
					t.waiters[key] = append(ws[:i:i], ws[i+1:]...)
					t.report(key)
					break
				}
			}
			t.mu.Unlock()
			select {
			case pc := <-ch:
				if pc != nil {
					t.putOrClose(pc)
				} else {
					t.release(key)
				}
			default:
			}
			return nil, req.Context().Err()
		}
	}
	t.count[key]++
	t.mu.Unlock()
	return t.dialConn(key)
}

func (t *httpꞏTransport) dialConn(key string) (*httpꞏpersistConn, error) {
	conn, err := netꞏDial("tcp", key)
	if err != nil {
		t.release(key)
		return nil, err
	}
	pc := &httpꞏpersistConn{
		t:       t,
		key:     key,
		conn:    conn,
		br:      bufioꞏNewReader(conn),
		reqch:   make(chan httpꞏrequestAndChan, 1),
		writech: make(chan httpꞏwriteRequest, 1),
		closech: make(chan struct{}),
	}
	go pc.readLoop()
	go pc.writeLoop()
	return pc, nil
}

// release: a connection to key is gone; a waiter may dial.
func (t *httpꞏTransport) release(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ws := t.waiters[key]; len(ws) > 0 {
		t.waiters[key] = ws[1:]
		t.report(key)
		ws[0] <- nil
		return
	}
	t.count[key]--
}

func (t *httpꞏTransport) putOrClose(pc *httpꞏpersistConn) {
	if !t.tryPutIdleConn(pc) {
		pc.close()
	}
}

// tryPutIdleConn hands pc to a waiting request or puts it in the pool; false: close it.
func (t *httpꞏTransport) tryPutIdleConn(pc *httpꞏpersistConn) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if ws := t.waiters[pc.key]; len(ws) > 0 {
		t.waiters[pc.key] = ws[1:]
		t.report(pc.key)
		ws[0] <- pc
		return true
	}
	if t.DisableKeepAlives || len(t.idle[pc.key]) >= t.maxIdlePerHost() {
		return false
	}
	if t.MaxIdleConns > 0 {
		n := 0
		for _, l := range t.idle {
			n += len(l)
		}
		if n >= t.MaxIdleConns {
			return false
		}
	}
	t.idle[pc.key] = append(t.idle[pc.key], pc)
	pc.setIdle(true)
	if t.IdleConnTimeout > 0 {
		if pc.idleTimer == nil {
			pc.idleTimer = timeꞏ.AfterFunc(t.IdleConnTimeout, pc.closeConnIfStillIdle)
		} else {
			pc.idleTimer.Reset(t.IdleConnTimeout)
		}
	}
	return true
}

func (pc *httpꞏpersistConn) closeConnIfStillIdle() {
	t := pc.t
	t.mu.Lock()
	l := t.idle[pc.key]
	found := false
	for i, x := range l {
		if x == pc {
			t.idle[pc.key] = append(l[:i:i], l[i+1:]...)
			found = true
			break
		}
	}
	t.mu.Unlock()
	if found {
		pc.close()
	}
}

func (t *httpꞏTransport) CloseIdleConnections() {
	t.mu.Lock()
	var all []*httpꞏpersistConn
	for k, l := range t.idle {
		all = append(all, l...)
		delete(t.idle, k)
	}
	t.mu.Unlock()
	for _, pc := range all {
		pc.close()
	}
}

func (pc *httpꞏpersistConn) close() {
	pc.mu.Lock()
	if pc.closed {
		pc.mu.Unlock()
		return
	}
	pc.closed = true
	pc.mu.Unlock()
	if pc.idleTimer != nil {
		pc.idleTimer.Stop()
	}
	pc.conn.Close()
	close(pc.closech)
	t := pc.t
	t.mu.Lock()
	l := t.idle[pc.key]
	for i, x := range l {
		if x == pc {
			t.idle[pc.key] = append(l[:i:i], l[i+1:]...)
			break
		}
	}
	t.mu.Unlock()
	t.release(pc.key)
}

func (pc *httpꞏpersistConn) writeLoop() {
	for {
		select {
		case wr := <-pc.writech:
			err := wr.req.write(pc.conn)
			wr.ch <- err
			if err != nil {
				pc.close()
				return
			}
		case <-pc.closech:
			return
		}
	}
}

type httpꞏbodyEOFSignal struct {
	body         ioꞏReader
	mu           syncꞏ.Mutex
	closed       bool
	rerr         error
	fn           func(error) error
	earlyCloseFn func() error
}

func (es *httpꞏbodyEOFSignal) Read(p []byte) (n int, err error) {
	es.mu.Lock()
	closed, rerr := es.closed, es.rerr
	es.mu.Unlock()
	if closed {
		return 0, httpꞏErrBodyReadAfterClose
	}
	if rerr != nil {
		return 0, rerr
	}
	n, err = es.body.Read(p)
	if err != nil {
		es.mu.Lock()
		if es.rerr == nil {
			es.rerr = err
		}
		err = es.condfn(err)
		es.mu.Unlock()
	}
	return
}

func (es *httpꞏbodyEOFSignal) Close() error {
	es.mu.Lock()
	defer es.mu.Unlock()
	if es.closed {
		return nil
	}
	es.closed = true
	if es.earlyCloseFn != nil && es.rerr != ioꞏEOF {
		return es.earlyCloseFn()
	}
	return es.condfn(nil)
}

func (es *httpꞏbodyEOFSignal) condfn(err error) error {
	if es.fn == nil {
		return err
	}
	err = es.fn(err)
	es.fn = nil
	return err
}

func (pc *httpꞏpersistConn) readLoop() {
	eofc := make(chan struct{})
	defer close(eofc)
	defer pc.close()
	alive := true
	for alive {
		_, err := pc.br.Peek(1)
		var rc httpꞏrequestAndChan
		if err != nil {
			select {
			case rc = <-pc.reqch:
				rc.ch <- httpꞏresponseAndError{err: httpꞏerrServerClosedIdle}
			default:
			}
			return
		}
		rc = <-pc.reqch
		resp, err := httpꞏreadResponse(pc.br, rc.req)
		if err != nil {
			rc.ch <- httpꞏresponseAndError{err: err}
			return
		}
		n := resp.ContentLength
		if rc.req.Method == "HEAD" || n == 0 {
			resp.Body = httpꞏNoBody
			alive = !resp.Close && pc.t.tryPutIdleConn(pc)
			rc.ch <- httpꞏresponseAndError{res: resp}
			continue
		}
		waitForBodyRead := make(chan bool, 2)
		body := &httpꞏbodyEOFSignal{
			body: ioꞏLimitReader(pc.br, n),
			earlyCloseFn: func() error {
				waitForBodyRead <- false
				<-eofc
				return nil
			},
			fn: func(err error) error {
				isEOF := err == ioꞏEOF
				waitForBodyRead <- isEOF
				if isEOF {
					<-eofc
				}
				return err
			},
		}
		resp.Body = body
		rc.ch <- httpꞏresponseAndError{res: resp}
		select {
		case bodyEOF := <-waitForBodyRead:
			alive = bodyEOF && !resp.Close && pc.t.tryPutIdleConn(pc)
			if bodyEOF {
				eofc <- struct{}{}
			}
		case <-rc.req.Context().Done():
			alive = false
		case <-pc.closech:
			alive = false
		}
	}
}

func httpꞏreadResponse(br *bufioꞏReader, req *httpꞏRequest) (*httpꞏResponse, error) {
	line, h, err := httpꞏreadHead(br)
	if err != nil {
		return nil, err
	}
	proto, status, _ := stringsꞏ.Cut(line, " ")
	code, _ := strconvꞏ.Atoi(stringsꞏ.SplitN(status, " ", 2)[0])
	resp := &httpꞏResponse{Status: status, StatusCode: code, Proto: proto, Header: h, Request: req}
	resp.ContentLength = httpꞏcontentLength(h)
	resp.Close = h.Get("Connection") == "close"
	return resp, nil
}

func (pc *httpꞏpersistConn) roundTrip(req *httpꞏRequest) (*httpꞏResponse, error) {
	writeErrCh := make(chan error, 1)
	pc.writech <- httpꞏwriteRequest{req: req, ch: writeErrCh}
	resc := make(chan httpꞏresponseAndError, 1)
	pc.reqch <- httpꞏrequestAndChan{req: req, ch: resc}
	ctxDone := req.Context().Done()
	var respTimer <-chan timeꞏ.Time
	if d := pc.t.ResponseHeaderTimeout; d > 0 {
		respTimer = timeꞏ.After(d)
	}
	for {
		select {
		case err := <-writeErrCh:
			if err != nil {
				pc.close()
				return nil, err
			}
			writeErrCh = nil
		case re := <-resc:
			return re.res, re.err
		case <-respTimer:
			pc.close()
			return nil, errorsꞏ.New("net/http: timeout awaiting response headers")
		case <-ctxDone:
			pc.close()
			return nil, req.Context().Err()
		}
	}
}

func (t *httpꞏTransport) RoundTrip(req *httpꞏRequest) (*httpꞏResponse, error) {
	if req.URL == nil {
		return nil, errorsꞏ.New("http: nil Request.URL")
	}
	key := req.URL.Host
	if !stringsꞏ.Contains(key, ":") {
		key += ":80"
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	for {
		pc, err := t.getConn(req, key)
		if err != nil {
			return nil, err
		}
		resp, err := pc.roundTrip(req)
		if err == httpꞏerrServerClosedIdle {
			// The server closed a pooled connection before it answered: Go retries an
			// idempotent request (nothing was read) on another connection.
			if pc.reused && (req.Method == "GET" || req.Method == "HEAD" || req.Body == nil) {
				continue
			}
			err = ioꞏEOF
		}
		return resp, err
	}
}

type httpꞏClient struct {
	Transport httpꞏRoundTripper
	Timeout   timeꞏ.Duration
}

var httpꞏDefaultClient = &httpꞏClient{}

type httpꞏtimeoutError struct{ err string }

func (e *httpꞏtimeoutError) Error() string   { return e.err }
func (e *httpꞏtimeoutError) Timeout() bool   { return true }
func (e *httpꞏtimeoutError) Temporary() bool { return true }
func (e *httpꞏtimeoutError) Is(err error) bool { return err == contextꞏ.DeadlineExceeded }

// cancelTimerBody ends a Client.Timeout's context once the body is read or closed.
type httpꞏcancelTimerBody struct {
	stop func()
	rc   ioꞏReadCloser
}

func (b *httpꞏcancelTimerBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err == ioꞏEOF {
		b.stop()
	}
	return n, err
}

func (b *httpꞏcancelTimerBody) Close() error {
	err := b.rc.Close()
	b.stop()
	return err
}

func (c *httpꞏClient) transport() httpꞏRoundTripper {
	if c.Transport != nil {
		return c.Transport
	}
	return httpꞏDefaultTransport
}

func httpꞏurlErrorOp(method string) string {
	if method == "" {
		return "Get"
	}
	return method[:1] + stringsꞏ.ToLower(method[1:])
}

func (c *httpꞏClient) Do(req *httpꞏRequest) (*httpꞏResponse, error) {
	urlStr := req.URL.String()
	var stop func()
	if c.Timeout > 0 {
		ctx, cancel := contextꞏ.WithTimeout(req.Context(), c.Timeout)
		req = req.WithContext(ctx)
		stop = cancel
	}
	resp, err := c.transport().RoundTrip(req)
	if err != nil {
		if stop != nil {
			timedOut := req.Context().Err() != nil
			stop()
			if timedOut && err == contextꞏ.DeadlineExceeded {
				err = &httpꞏtimeoutError{err: err.Error() + " (Client.Timeout exceeded while awaiting headers)"}
			}
		}
		return nil, &urlꞏError{Op: httpꞏurlErrorOp(req.Method), URL: urlStr, Err: err}
	}
	if stop != nil {
		resp.Body = &httpꞏcancelTimerBody{stop: stop, rc: resp.Body}
	}
	return resp, nil
}

func (c *httpꞏClient) Get(url string) (*httpꞏResponse, error) {
	req, err := httpꞏNewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *httpꞏClient) Head(url string) (*httpꞏResponse, error) {
	req, err := httpꞏNewRequest("HEAD", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *httpꞏClient) Post(url, contentType string, body ioꞏReader) (*httpꞏResponse, error) {
	req, err := httpꞏNewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", contentType)
	return c.Do(req)
}

func (c *httpꞏClient) CloseIdleConnections() {
	if t, ok := c.transport().(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

func httpꞏGet(url string) (*httpꞏResponse, error)  { return httpꞏDefaultClient.Get(url) }
func httpꞏHead(url string) (*httpꞏResponse, error) { return httpꞏDefaultClient.Head(url) }
func httpꞏPost(url, contentType string, body ioꞏReader) (*httpꞏResponse, error) {
	return httpꞏDefaultClient.Post(url, contentType, body)
}
"#;
