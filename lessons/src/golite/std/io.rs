//! Go's `io`: the Reader and Writer interfaces, EOF and the other sentinel errors, Copy,
//! ReadAll, ReadFull, WriteString, Discard, LimitReader, TeeReader, MultiReader, MultiWriter,
//! NopCloser and Pipe. All written in Go (std/mod.rs's `go_source`): Go's own algorithms, so
//! every chunk size, error and blocking point is Go's. Pipe is Go's channel-based one.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Io,
    path: "io",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
type ioꞏReader interface{ Read(p []byte) (n int, err error) }
type ioꞏWriter interface{ Write(p []byte) (n int, err error) }
type ioꞏCloser interface{ Close() error }
type ioꞏReadWriter interface { ioꞏReader; ioꞏWriter }
type ioꞏReadCloser interface { ioꞏReader; ioꞏCloser }
type ioꞏWriteCloser interface { ioꞏWriter; ioꞏCloser }
type ioꞏReadWriteCloser interface { ioꞏReader; ioꞏWriter; ioꞏCloser }
type ioꞏByteReader interface{ ReadByte() (byte, error) }
type ioꞏByteScanner interface { ioꞏByteReader; UnreadByte() error }
type ioꞏByteWriter interface{ WriteByte(c byte) error }
type ioꞏRuneReader interface{ ReadRune() (r rune, size int, err error) }
type ioꞏRuneScanner interface { ioꞏRuneReader; UnreadRune() error }
type ioꞏStringWriter interface{ WriteString(s string) (n int, err error) }
type ioꞏWriterTo interface{ WriteTo(w ioꞏWriter) (n int64, err error) }
type ioꞏReaderFrom interface{ ReadFrom(r ioꞏReader) (n int64, err error) }

const ioꞏSeekStart = 0
const ioꞏSeekCurrent = 1
const ioꞏSeekEnd = 2

var ioꞏEOF = errorsꞏ.New("EOF")
var ioꞏErrUnexpectedEOF = errorsꞏ.New("unexpected EOF")
var ioꞏErrShortWrite = errorsꞏ.New("short write")
var ioꞏErrShortBuffer = errorsꞏ.New("short buffer")
var ioꞏErrNoProgress = errorsꞏ.New("multiple Read calls return no data or error")
var ioꞏErrClosedPipe = errorsꞏ.New("io: read/write on closed pipe")
var ioꞏerrInvalidWrite = errorsꞏ.New("invalid write result")

func ioꞏWriteString(w ioꞏWriter, s string) (n int, err error) {
	if sw, ok := w.(ioꞏStringWriter); ok {
		return sw.WriteString(s)
	}
	return w.Write([]byte(s))
}

func ioꞏReadAtLeast(r ioꞏReader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ioꞏErrShortBuffer
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == ioꞏEOF {
		err = ioꞏErrUnexpectedEOF
	}
	return
}

func ioꞏReadFull(r ioꞏReader, buf []byte) (n int, err error) {
	return ioꞏReadAtLeast(r, buf, len(buf))
}

// ReadAll reads into the spare capacity of one growing slice, as Go's does (no copy through a
// second buffer): what it holds at the end is the whole input, and while it grows, briefly, the
// old and the new array.
func ioꞏReadAll(r ioꞏReader) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == ioꞏEOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

func ioꞏCopy(dst ioꞏWriter, src ioꞏReader) (written int64, err error) {
	return ioꞏcopyBuffer(dst, src, nil)
}

func ioꞏCopyBuffer(dst ioꞏWriter, src ioꞏReader, buf []byte) (written int64, err error) {
	if buf != nil && len(buf) == 0 {
		panic("empty buffer in CopyBuffer")
	}
	return ioꞏcopyBuffer(dst, src, buf)
}

func ioꞏCopyN(dst ioꞏWriter, src ioꞏReader, n int64) (written int64, err error) {
	written, err = ioꞏCopy(dst, ioꞏLimitReader(src, n))
	if written == n {
		return n, nil
	}
	if written < n && err == nil {
		err = ioꞏEOF
	}
	return
}

func ioꞏcopyBuffer(dst ioꞏWriter, src ioꞏReader, buf []byte) (written int64, err error) {
	if wt, ok := src.(ioꞏWriterTo); ok {
		return wt.WriteTo(dst)
	}
	if rf, ok := dst.(ioꞏReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	if buf == nil {
		size := 32 * 1024
		if l, ok := src.(*ioꞏLimitedReader); ok && int64(size) > l.N {
			if l.N < 1 {
				size = 1
			} else {
				size = int(l.N)
			}
		}
		buf = make([]byte, size)
	}
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = ioꞏerrInvalidWrite
				}
			}
			written += int64(nw)
			if ew != nil {
				err = ew
				break
			}
			if nr != nw {
				err = ioꞏErrShortWrite
				break
			}
		}
		if er != nil {
			if er != ioꞏEOF {
				err = er
			}
			break
		}
	}
	return written, err
}

type ioꞏLimitedReader struct {
	R ioꞏReader
	N int64
}

func ioꞏLimitReader(r ioꞏReader, n int64) ioꞏReader { return &ioꞏLimitedReader{r, n} }

func (l *ioꞏLimitedReader) Read(p []byte) (n int, err error) {
	if l.N <= 0 {
		return 0, ioꞏEOF
	}
	if int64(len(p)) > l.N {
		p = p[0:int(l.N)]
	}
	n, err = l.R.Read(p)
	l.N -= int64(n)
	return
}

type ioꞏteeReader struct {
	r ioꞏReader
	w ioꞏWriter
}

func ioꞏTeeReader(r ioꞏReader, w ioꞏWriter) ioꞏReader { return &ioꞏteeReader{r, w} }

func (t *ioꞏteeReader) Read(p []byte) (n int, err error) {
	n, err = t.r.Read(p)
	if n > 0 {
		if n, err := t.w.Write(p[:n]); err != nil {
			return n, err
		}
	}
	return
}

type ioꞏmultiReader struct{ readers []ioꞏReader }

func ioꞏMultiReader(readers ...ioꞏReader) ioꞏReader {
	r := make([]ioꞏReader, len(readers))
	copy(r, readers)
	return &ioꞏmultiReader{r}
}

func (mr *ioꞏmultiReader) Read(p []byte) (n int, err error) {
	for len(mr.readers) > 0 {
		n, err = mr.readers[0].Read(p)
		if err == ioꞏEOF {
			mr.readers = mr.readers[1:]
		}
		if n > 0 || err != ioꞏEOF {
			if err == ioꞏEOF && len(mr.readers) > 0 {
				err = nil
			}
			return
		}
	}
	return 0, ioꞏEOF
}

type ioꞏmultiWriter struct{ writers []ioꞏWriter }

func ioꞏMultiWriter(writers ...ioꞏWriter) ioꞏWriter {
	w := make([]ioꞏWriter, len(writers))
	copy(w, writers)
	return &ioꞏmultiWriter{w}
}

func (t *ioꞏmultiWriter) Write(p []byte) (n int, err error) {
	for _, w := range t.writers {
		n, err = w.Write(p)
		if err != nil {
			return
		}
		if n != len(p) {
			err = ioꞏErrShortWrite
			return
		}
	}
	return len(p), nil
}

func (t *ioꞏmultiWriter) WriteString(s string) (n int, err error) {
	for _, w := range t.writers {
		n, err = ioꞏWriteString(w, s)
		if err != nil {
			return
		}
		if n != len(s) {
			err = ioꞏErrShortWrite
			return
		}
	}
	return len(s), nil
}

type ioꞏdiscard struct{}

func (ioꞏdiscard) Write(p []byte) (int, error)        { return len(p), nil }
func (ioꞏdiscard) WriteString(s string) (int, error)  { return len(s), nil }

var ioꞏDiscard ioꞏWriter = ioꞏdiscard{}

type ioꞏnopCloser struct{ ioꞏReader }

func (ioꞏnopCloser) Close() error { return nil }

func ioꞏNopCloser(r ioꞏReader) ioꞏReadCloser { return ioꞏnopCloser{r} }

type ioꞏpipe struct {
	wrMu       syncꞏ.Mutex
	wrCh       chan []byte
	rdCh       chan int
	done       chan struct{}
	closed     bool
	rerr, werr error
}

func (p *ioꞏpipe) read(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.readCloseError()
	default:
	}
	select {
	case bw := <-p.wrCh:
		nr := copy(b, bw)
		p.rdCh <- nr
		return nr, nil
	case <-p.done:
		return 0, p.readCloseError()
	}
}

func (p *ioꞏpipe) readCloseError() error {
	if p.rerr == nil && p.werr != nil {
		return p.werr
	}
	return ioꞏErrClosedPipe
}

func (p *ioꞏpipe) closeRead(err error) error {
	if err == nil {
		err = ioꞏErrClosedPipe
	}
	if p.rerr == nil {
		p.rerr = err
	}
	p.close()
	return nil
}

func (p *ioꞏpipe) close() {
	if !p.closed {
		p.closed = true
		close(p.done)
	}
}

func (p *ioꞏpipe) write(b []byte) (n int, err error) {
	select {
	case <-p.done:
		return 0, p.writeCloseError()
	default:
		p.wrMu.Lock()
		defer p.wrMu.Unlock()
	}
	for once := true; once || len(b) > 0; once = false {
		select {
		case p.wrCh <- b:
			nw := <-p.rdCh
			b = b[nw:]
			n += nw
		case <-p.done:
			return n, p.writeCloseError()
		}
	}
	return n, nil
}

func (p *ioꞏpipe) closeWrite(err error) error {
	if err == nil {
		err = ioꞏEOF
	}
	if p.werr == nil {
		p.werr = err
	}
	p.close()
	return nil
}

func (p *ioꞏpipe) writeCloseError() error {
	if p.werr == nil && p.rerr != nil {
		return p.rerr
	}
	return ioꞏErrClosedPipe
}

type ioꞏPipeReader struct{ p *ioꞏpipe }

func (r *ioꞏPipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }
func (r *ioꞏPipeReader) Close() error                         { return r.p.closeRead(nil) }
func (r *ioꞏPipeReader) CloseWithError(err error) error       { return r.p.closeRead(err) }

type ioꞏPipeWriter struct{ p *ioꞏpipe }

func (w *ioꞏPipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }
func (w *ioꞏPipeWriter) Close() error                          { return w.p.closeWrite(nil) }
func (w *ioꞏPipeWriter) CloseWithError(err error) error        { return w.p.closeWrite(err) }

func ioꞏPipe() (*ioꞏPipeReader, *ioꞏPipeWriter) {
	p := &ioꞏpipe{wrCh: make(chan []byte), rdCh: make(chan int), done: make(chan struct{})}
	return &ioꞏPipeReader{p}, &ioꞏPipeWriter{p}
}
"#;
