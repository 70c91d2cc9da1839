//! Go's `bufio`: Scanner (with ScanLines, ScanWords, ScanRunes, ScanBytes), Reader and Writer,
//! over any io.Reader or io.Writer. Written in Go (std/mod.rs's `go_source`), following Go's
//! own algorithms, so a Writer prints nothing until Flush and a Scanner reads as Go's does.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Bufio,
    path: "bufio",
    go: GO,
    needs: &["io"],
    ..Package::NONE
};

const GO: &str = r#"
const bufioꞏMaxScanTokenSize = 64 * 1024

var bufioꞏErrTooLong = errorsꞏ.New("bufio.Scanner: token too long")
var bufioꞏErrNegativeAdvance = errorsꞏ.New("bufio.Scanner: SplitFunc returns negative advance count")
var bufioꞏErrAdvanceTooFar = errorsꞏ.New("bufio.Scanner: SplitFunc returns advance count beyond input")
var bufioꞏErrBadReadCount = errorsꞏ.New("bufio.Scanner: Read returned impossible count")
var bufioꞏErrFinalToken = errorsꞏ.New("final token")
var bufioꞏErrBufferFull = errorsꞏ.New("bufio: buffer full")
var bufioꞏErrNegativeCount = errorsꞏ.New("bufio: negative count")
var bufioꞏErrInvalidUnreadByte = errorsꞏ.New("bufio: invalid use of UnreadByte")

type bufioꞏSplitFunc func(data []byte, atEOF bool) (advance int, token []byte, err error)

type bufioꞏScanner struct {
	r            ioꞏReader
	split        bufioꞏSplitFunc
	maxTokenSize int
	token        []byte
	buf          []byte
	start        int
	end          int
	err          error
	empties      int
	scanCalled   bool
	done         bool
}

func bufioꞏNewScanner(r ioꞏReader) *bufioꞏScanner {
	return &bufioꞏScanner{r: r, split: bufioꞏScanLines, maxTokenSize: bufioꞏMaxScanTokenSize}
}

func (s *bufioꞏScanner) Err() error {
	if s.err == ioꞏEOF {
		return nil
	}
	return s.err
}
func (s *bufioꞏScanner) Bytes() []byte { return s.token }
func (s *bufioꞏScanner) Text() string  { return string(s.token) }
func (s *bufioꞏScanner) Split(split bufioꞏSplitFunc) {
	if s.scanCalled {
		panic("Split called after Scan")
	}
	s.split = split
}
func (s *bufioꞏScanner) Buffer(buf []byte, max int) {
	if s.scanCalled {
		panic("Buffer called after Scan")
	}
	s.buf = buf[0:cap(buf)]
	s.maxTokenSize = max
}

func (s *bufioꞏScanner) Scan() bool {
	if s.done {
		return false
	}
	s.scanCalled = true
	for {
		if s.end > s.start || s.err != nil {
			advance, token, err := s.split(s.buf[s.start:s.end], s.err != nil)
			if err != nil {
				if err == bufioꞏErrFinalToken {
					s.token = token
					s.done = true
					return token != nil
				}
				s.setErr(err)
				return false
			}
			if !s.advance(advance) {
				return false
			}
			s.token = token
			if token != nil {
				if s.err == nil || advance > 0 {
					s.empties = 0
				} else {
					s.empties++
					if s.empties > 100 {
						panic("bufio.Scan: too many empty tokens without progressing")
					}
				}
				return true
			}
		}
		if s.err != nil {
			s.start = 0
			s.end = 0
			return false
		}
		if s.start > 0 && (s.end == len(s.buf) || s.start > len(s.buf)/2) {
			copy(s.buf, s.buf[s.start:s.end])
			s.end -= s.start
			s.start = 0
		}
		if s.end == len(s.buf) {
			if len(s.buf) >= s.maxTokenSize {
				s.setErr(bufioꞏErrTooLong)
				return false
			}
			newSize := len(s.buf) * 2
			if newSize == 0 {
				newSize = 4096
			}
			if newSize > s.maxTokenSize {
				newSize = s.maxTokenSize
			}
			newBuf := make([]byte, newSize)
			copy(newBuf, s.buf[s.start:s.end])
			s.end -= s.start
			s.start = 0
			s.buf = newBuf
		}
		for loop := 0; ; {
			n, err := s.r.Read(s.buf[s.end:len(s.buf)])
			if n < 0 || len(s.buf)-s.end < n {
				s.setErr(bufioꞏErrBadReadCount)
				break
			}
			s.end += n
			if err != nil {
				s.setErr(err)
				break
			}
			if n > 0 {
				s.empties = 0
				break
			}
			loop++
			if loop > 100 {
				s.setErr(ioꞏErrNoProgress)
				break
			}
		}
	}
}

func (s *bufioꞏScanner) advance(n int) bool {
	if n < 0 {
		s.setErr(bufioꞏErrNegativeAdvance)
		return false
	}
	if n > s.end-s.start {
		s.setErr(bufioꞏErrAdvanceTooFar)
		return false
	}
	s.start += n
	return true
}

func (s *bufioꞏScanner) setErr(err error) {
	if s.err == nil || s.err == ioꞏEOF {
		s.err = err
	}
}

func bufioꞏScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	return 1, data[0:1], nil
}

func bufioꞏScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	if data[0] < utf8ꞏ.RuneSelf {
		return 1, data[0:1], nil
	}
	_, width := utf8ꞏ.DecodeRune(data)
	if width > 1 {
		return width, data[0:width], nil
	}
	if !atEOF && len(data) < utf8ꞏ.UTFMax && !bufioꞏfullRune(data) {
		return 0, nil, nil
	}
	return 1, []byte(string(utf8ꞏ.RuneError)), nil
}

func bufioꞏfullRune(p []byte) bool {
	if len(p) == 0 {
		return false
	}
	n := 1
	if p[0] >= 0xF0 {
		n = 4
	} else if p[0] >= 0xE0 {
		n = 3
	} else if p[0] >= 0xC0 {
		n = 2
	}
	return len(p) >= n
}

func bufioꞏdropCR(data []byte) []byte {
	if len(data) > 0 && data[len(data)-1] == '\r' {
		return data[0 : len(data)-1]
	}
	return data
}

func bufioꞏScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	for i, c := range data {
		if c == '\n' {
			return i + 1, bufioꞏdropCR(data[0:i]), nil
		}
	}
	if atEOF {
		return len(data), bufioꞏdropCR(data), nil
	}
	return 0, nil, nil
}

func bufioꞏScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for width := 0; start < len(data); start += width {
		var r rune
		r, width = utf8ꞏ.DecodeRune(data[start:])
		if !unicodeꞏ.IsSpace(r) {
			break
		}
	}
	for width, i := 0, start; i < len(data); i += width {
		var r rune
		r, width = utf8ꞏ.DecodeRune(data[i:])
		if unicodeꞏ.IsSpace(r) {
			return i + width, data[start:i], nil
		}
	}
	if atEOF && len(data) > start {
		return len(data), data[start:], nil
	}
	return start, nil, nil
}

type bufioꞏReader struct {
	buf []byte
	rd  ioꞏReader
	r   int
	w   int
	err error
}

func bufioꞏNewReader(rd ioꞏReader) *bufioꞏReader { return bufioꞏNewReaderSize(rd, 4096) }
func bufioꞏNewReaderSize(rd ioꞏReader, size int) *bufioꞏReader {
	if b, ok := rd.(*bufioꞏReader); ok && len(b.buf) >= size {
		return b
	}
	if size < 16 {
		size = 16
	}
	return &bufioꞏReader{buf: make([]byte, size), rd: rd}
}

func (b *bufioꞏReader) Size() int     { return len(b.buf) }
func (b *bufioꞏReader) Buffered() int { return b.w - b.r }
func (b *bufioꞏReader) Reset(r ioꞏReader) {
	if b.buf == nil {
		b.buf = make([]byte, 4096)
	}
	b.rd = r
	b.r = 0
	b.w = 0
	b.err = nil
}

func (b *bufioꞏReader) fill() {
	if b.r > 0 {
		copy(b.buf, b.buf[b.r:b.w])
		b.w -= b.r
		b.r = 0
	}
	for i := 100; i > 0; i-- {
		n, err := b.rd.Read(b.buf[b.w:])
		b.w += n
		if err != nil {
			b.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	b.err = ioꞏErrNoProgress
}

func (b *bufioꞏReader) Peek(n int) ([]byte, error) {
	if n < 0 {
		return nil, bufioꞏErrNegativeCount
	}
	for b.w-b.r < n && b.w-b.r < len(b.buf) && b.err == nil {
		b.fill()
	}
	if n > len(b.buf) {
		return b.buf[b.r:b.w], bufioꞏErrBufferFull
	}
	var err error
	if avail := b.w - b.r; avail < n {
		n = avail
		err = b.readErr()
		if err == nil {
			err = bufioꞏErrBufferFull
		}
	}
	return b.buf[b.r : b.r+n], err
}

func (b *bufioꞏReader) readErr() error {
	err := b.err
	b.err = nil
	return err
}

func (b *bufioꞏReader) Read(p []byte) (n int, err error) {
	n = len(p)
	if n == 0 {
		if b.Buffered() > 0 {
			return 0, nil
		}
		return 0, b.readErr()
	}
	if b.r == b.w {
		if b.err != nil {
			return 0, b.readErr()
		}
		if len(p) >= len(b.buf) {
			n, b.err = b.rd.Read(p)
			return n, b.readErr()
		}
		b.r = 0
		b.w = 0
		n, b.err = b.rd.Read(b.buf)
		if n == 0 {
			return 0, b.readErr()
		}
		b.w += n
	}
	n = copy(p, b.buf[b.r:b.w])
	b.r += n
	return n, nil
}

func (b *bufioꞏReader) ReadByte() (byte, error) {
	for b.r == b.w {
		if b.err != nil {
			return 0, b.readErr()
		}
		b.fill()
	}
	c := b.buf[b.r]
	b.r++
	return c, nil
}

func (b *bufioꞏReader) UnreadByte() error {
	if b.r <= 0 {
		return bufioꞏErrInvalidUnreadByte
	}
	b.r--
	return nil
}

func (b *bufioꞏReader) ReadRune() (r rune, size int, err error) {
	for b.r+utf8ꞏ.UTFMax > b.w && !bufioꞏfullRune(b.buf[b.r:b.w]) && b.err == nil && b.w-b.r < len(b.buf) {
		b.fill()
	}
	if b.r == b.w {
		return 0, 0, b.readErr()
	}
	r, size = rune(b.buf[b.r]), 1
	if r >= utf8ꞏ.RuneSelf {
		r, size = utf8ꞏ.DecodeRune(b.buf[b.r:b.w])
	}
	b.r += size
	return r, size, nil
}

// UnreadRune puts back the rune before the read position. Go's refuses unless the last call
// was ReadRune; this one keeps no note of that (a field, or a package variable for Go's
// ErrInvalidUnreadRune, would grow the heap figures the lessons pin), so it only refuses at
// the start of the buffer. ReadRune fills the buffer before it reads, so the rune it read is
// still there: its bytes are the lead byte and the continuation bytes before b.r.
func (b *bufioꞏReader) UnreadRune() error {
	if b.r <= 0 {
		return errorsꞏ.New("bufio: invalid use of UnreadRune")
	}
	size := 1
	for size < 4 && size < b.r && b.buf[b.r-size]&0xC0 == 0x80 {
		size++
	}
	b.r -= size
	return nil
}

func (b *bufioꞏReader) ReadBytes(delim byte) ([]byte, error) {
	var line []byte
	for {
		for i := b.r; i < b.w; i++ {
			if b.buf[i] == delim {
				line = append(line, b.buf[b.r:i+1]...)
				b.r = i + 1
				return line, nil
			}
		}
		line = append(line, b.buf[b.r:b.w]...)
		b.r = b.w
		if b.err != nil {
			return line, b.readErr()
		}
		b.fill()
	}
}

func (b *bufioꞏReader) ReadString(delim byte) (string, error) {
	bs, err := b.ReadBytes(delim)
	return string(bs), err
}

type bufioꞏWriter struct {
	err error
	buf []byte
	n   int
	wr  ioꞏWriter
}

func bufioꞏNewWriter(w ioꞏWriter) *bufioꞏWriter { return bufioꞏNewWriterSize(w, 4096) }
func bufioꞏNewWriterSize(w ioꞏWriter, size int) *bufioꞏWriter {
	if b, ok := w.(*bufioꞏWriter); ok && len(b.buf) >= size {
		return b
	}
	if size <= 0 {
		size = 4096
	}
	return &bufioꞏWriter{buf: make([]byte, size), wr: w}
}

func (b *bufioꞏWriter) Size() int      { return len(b.buf) }
func (b *bufioꞏWriter) Available() int { return len(b.buf) - b.n }
func (b *bufioꞏWriter) Buffered() int  { return b.n }
func (b *bufioꞏWriter) Reset(w ioꞏWriter) {
	b.err = nil
	b.n = 0
	b.wr = w
}

func (b *bufioꞏWriter) Flush() error {
	if b.err != nil {
		return b.err
	}
	if b.n == 0 {
		return nil
	}
	n, err := b.wr.Write(b.buf[0:b.n])
	if n < b.n && err == nil {
		err = ioꞏErrShortWrite
	}
	if err != nil {
		if n > 0 && n < b.n {
			copy(b.buf[0:b.n-n], b.buf[n:b.n])
		}
		b.n -= n
		b.err = err
		return err
	}
	b.n = 0
	return nil
}

func (b *bufioꞏWriter) Write(p []byte) (nn int, err error) {
	for len(p) > b.Available() && b.err == nil {
		var n int
		if b.Buffered() == 0 {
			n, b.err = b.wr.Write(p)
		} else {
			n = copy(b.buf[b.n:], p)
			b.n += n
			b.Flush()
		}
		nn += n
		p = p[n:]
	}
	if b.err != nil {
		return nn, b.err
	}
	n := copy(b.buf[b.n:], p)
	b.n += n
	nn += n
	return nn, nil
}

func (b *bufioꞏWriter) WriteString(s string) (int, error) { return b.Write([]byte(s)) }
func (b *bufioꞏWriter) WriteRune(r rune) (int, error)     { return b.Write([]byte(string(r))) }
func (b *bufioꞏWriter) WriteByte(c byte) error {
	if b.err != nil {
		return b.err
	}
	if b.Available() <= 0 && b.Flush() != nil {
		return b.err
	}
	b.buf[b.n] = c
	b.n++
	return nil
}
"#;
