//! Go's `bytes`: Buffer, Reader and the functions that mirror package strings for `[]byte`.
//! Written in Go (std/mod.rs's `go_source`); the functions call strings' natives on the bytes'
//! text, so they are as exact as those.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Bytes,
    path: "bytes",
    go: GO,
    needs: &["io"],
    ..Package::NONE
};

const GO: &str = r#"
const bytesꞏMinRead = 512

var bytesꞏErrTooLarge = errorsꞏ.New("bytes.Buffer: too large")
var bytesꞏerrNegativeRead = errorsꞏ.New("bytes.Buffer: reader returned negative count from Read")
var bytesꞏerrUnreadByte = errorsꞏ.New("bytes.Buffer: UnreadByte: previous operation was not a successful read")

type bytesꞏBuffer struct {
	buf      []byte
	off      int
	lastRead int
}

func bytesꞏNewBuffer(buf []byte) *bytesꞏBuffer { return &bytesꞏBuffer{buf: buf} }
func bytesꞏNewBufferString(s string) *bytesꞏBuffer { return &bytesꞏBuffer{buf: []byte(s)} }

func (b *bytesꞏBuffer) Bytes() []byte { return b.buf[b.off:] }
func (b *bytesꞏBuffer) String() string {
	if b == nil {
		return "<nil>"
	}
	return string(b.buf[b.off:])
}
func (b *bytesꞏBuffer) Len() int       { return len(b.buf) - b.off }
func (b *bytesꞏBuffer) Cap() int       { return cap(b.buf) }
func (b *bytesꞏBuffer) Available() int { return cap(b.buf) - len(b.buf) }
func (b *bytesꞏBuffer) empty() bool    { return len(b.buf) <= b.off }
func (b *bytesꞏBuffer) Reset() {
	b.buf = b.buf[:0]
	b.off = 0
	b.lastRead = 0
}
func (b *bytesꞏBuffer) Truncate(n int) {
	if n == 0 {
		b.Reset()
		return
	}
	b.lastRead = 0
	if n < 0 || n > b.Len() {
		panic("bytes.Buffer: truncation out of range")
	}
	b.buf = b.buf[:b.off+n]
}
func (b *bytesꞏBuffer) Grow(n int) {
	if n < 0 {
		panic("bytes.Buffer.Grow: negative count")
	}
}
func (b *bytesꞏBuffer) Write(p []byte) (n int, err error) {
	b.lastRead = 0
	b.buf = append(b.buf, p...)
	return len(p), nil
}
func (b *bytesꞏBuffer) WriteString(s string) (n int, err error) {
	b.lastRead = 0
	b.buf = append(b.buf, []byte(s)...)
	return len(s), nil
}
func (b *bytesꞏBuffer) WriteByte(c byte) error {
	b.lastRead = 0
	b.buf = append(b.buf, c)
	return nil
}
func (b *bytesꞏBuffer) WriteRune(r rune) (n int, err error) {
	b.lastRead = 0
	s := string(r)
	b.buf = append(b.buf, []byte(s)...)
	return len(s), nil
}
func (b *bytesꞏBuffer) ReadFrom(r ioꞏReader) (n int64, err error) {
	b.lastRead = 0
	buf := make([]byte, bytesꞏMinRead)
	for {
		m, e := r.Read(buf)
		if m < 0 {
			panic(bytesꞏerrNegativeRead)
		}
		b.buf = append(b.buf, buf[:m]...)
		n += int64(m)
		if e == ioꞏEOF {
			return n, nil
		}
		if e != nil {
			return n, e
		}
	}
}
func (b *bytesꞏBuffer) WriteTo(w ioꞏWriter) (n int64, err error) {
	b.lastRead = 0
	if nBytes := b.Len(); nBytes > 0 {
		m, e := w.Write(b.buf[b.off:])
		if m > nBytes {
			panic("bytes.Buffer.WriteTo: invalid Write count")
		}
		b.off += m
		n = int64(m)
		if e != nil {
			return n, e
		}
		if m != nBytes {
			return n, ioꞏErrShortWrite
		}
	}
	b.Reset()
	return n, nil
}
func (b *bytesꞏBuffer) Read(p []byte) (n int, err error) {
	b.lastRead = 0
	if b.empty() {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, ioꞏEOF
	}
	n = copy(p, b.buf[b.off:])
	b.off += n
	if n > 0 {
		b.lastRead = -1
	}
	return n, nil
}
func (b *bytesꞏBuffer) Next(n int) []byte {
	b.lastRead = 0
	m := b.Len()
	if n > m {
		n = m
	}
	data := b.buf[b.off : b.off+n]
	b.off += n
	if n > 0 {
		b.lastRead = -1
	}
	return data
}
func (b *bytesꞏBuffer) ReadByte() (byte, error) {
	if b.empty() {
		b.Reset()
		return 0, ioꞏEOF
	}
	c := b.buf[b.off]
	b.off++
	b.lastRead = -1
	return c, nil
}
func (b *bytesꞏBuffer) ReadRune() (r rune, size int, err error) {
	if b.empty() {
		b.Reset()
		return 0, 0, ioꞏEOF
	}
	r, size = utf8ꞏ.DecodeRune(b.buf[b.off:])
	b.off += size
	b.lastRead = size
	return r, size, nil
}
func (b *bytesꞏBuffer) UnreadByte() error {
	if b.lastRead == 0 {
		return bytesꞏerrUnreadByte
	}
	b.lastRead = 0
	if b.off > 0 {
		b.off--
	}
	return nil
}
func (b *bytesꞏBuffer) ReadBytes(delim byte) (line []byte, err error) {
	i := bytesꞏIndexByte(b.buf[b.off:], delim)
	end := b.off + i + 1
	if i < 0 {
		end = len(b.buf)
		err = ioꞏEOF
	}
	line = append([]byte(nil), b.buf[b.off:end]...)
	b.off = end
	b.lastRead = -1
	return line, err
}
func (b *bytesꞏBuffer) ReadString(delim byte) (line string, err error) {
	s, err := b.ReadBytes(delim)
	return string(s), err
}

type bytesꞏReader struct {
	s []byte
	i int64
}

func bytesꞏNewReader(b []byte) *bytesꞏReader { return &bytesꞏReader{b, 0} }
func (r *bytesꞏReader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}
func (r *bytesꞏReader) Size() int64 { return int64(len(r.s)) }
func (r *bytesꞏReader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, ioꞏEOF
	}
	n = copy(b, r.s[int(r.i):])
	r.i += int64(n)
	return
}
func (r *bytesꞏReader) ReadByte() (byte, error) {
	if r.i >= int64(len(r.s)) {
		return 0, ioꞏEOF
	}
	b := r.s[int(r.i)]
	r.i++
	return b, nil
}
func (r *bytesꞏReader) WriteTo(w ioꞏWriter) (n int64, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, nil
	}
	b := r.s[int(r.i):]
	m, err := w.Write(b)
	r.i += int64(m)
	n = int64(m)
	if m != len(b) && err == nil {
		err = ioꞏErrShortWrite
	}
	return
}

func bytesꞏlist(ss []string) [][]byte {
	if ss == nil {
		return nil
	}
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func bytesꞏEqual(a, b []byte) bool                { return string(a) == string(b) }
func bytesꞏCompare(a, b []byte) int               { return stringsꞏ.Compare(string(a), string(b)) }
func bytesꞏContains(b, sub []byte) bool           { return stringsꞏ.Contains(string(b), string(sub)) }
func bytesꞏContainsAny(b []byte, chars string) bool { return stringsꞏ.ContainsAny(string(b), chars) }
func bytesꞏContainsRune(b []byte, r rune) bool    { return stringsꞏ.ContainsRune(string(b), r) }
func bytesꞏCount(s, sep []byte) int               { return stringsꞏ.Count(string(s), string(sep)) }
func bytesꞏIndex(s, sep []byte) int               { return stringsꞏ.Index(string(s), string(sep)) }
func bytesꞏIndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}
func bytesꞏIndexRune(s []byte, r rune) int        { return stringsꞏ.IndexRune(string(s), r) }
func bytesꞏIndexAny(s []byte, chars string) int   { return stringsꞏ.IndexAny(string(s), chars) }
func bytesꞏLastIndex(s, sep []byte) int           { return stringsꞏ.LastIndex(string(s), string(sep)) }
func bytesꞏLastIndexByte(s []byte, c byte) int    { return stringsꞏ.LastIndexByte(string(s), c) }
func bytesꞏHasPrefix(s, prefix []byte) bool       { return stringsꞏ.HasPrefix(string(s), string(prefix)) }
func bytesꞏHasSuffix(s, suffix []byte) bool       { return stringsꞏ.HasSuffix(string(s), string(suffix)) }
func bytesꞏEqualFold(s, t []byte) bool            { return stringsꞏ.EqualFold(string(s), string(t)) }
func bytesꞏToUpper(s []byte) []byte               { return []byte(stringsꞏ.ToUpper(string(s))) }
func bytesꞏToLower(s []byte) []byte               { return []byte(stringsꞏ.ToLower(string(s))) }
func bytesꞏToTitle(s []byte) []byte               { return []byte(stringsꞏ.ToTitle(string(s))) }
func bytesꞏTrimSpace(s []byte) []byte {
	t := stringsꞏ.TrimSpace(string(s))
	if t == "" {
		return nil
	}
	return []byte(t)
}
func bytesꞏTrim(s []byte, cutset string) []byte      { return []byte(stringsꞏ.Trim(string(s), cutset)) }
func bytesꞏTrimLeft(s []byte, cutset string) []byte  { return []byte(stringsꞏ.TrimLeft(string(s), cutset)) }
func bytesꞏTrimRight(s []byte, cutset string) []byte { return []byte(stringsꞏ.TrimRight(string(s), cutset)) }
func bytesꞏTrimPrefix(s, prefix []byte) []byte {
	return []byte(stringsꞏ.TrimPrefix(string(s), string(prefix)))
}
func bytesꞏTrimSuffix(s, suffix []byte) []byte {
	return []byte(stringsꞏ.TrimSuffix(string(s), string(suffix)))
}
func bytesꞏSplit(s, sep []byte) [][]byte { return bytesꞏlist(stringsꞏ.Split(string(s), string(sep))) }
func bytesꞏSplitN(s, sep []byte, n int) [][]byte {
	return bytesꞏlist(stringsꞏ.SplitN(string(s), string(sep), n))
}
func bytesꞏFields(s []byte) [][]byte { return bytesꞏlist(stringsꞏ.Fields(string(s))) }
func bytesꞏJoin(s [][]byte, sep []byte) []byte {
	var out []byte
	for i, b := range s {
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, b...)
	}
	if out == nil {
		return []byte{}
	}
	return out
}
func bytesꞏRepeat(b []byte, count int) []byte {
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	return []byte(stringsꞏ.Repeat(string(b), count))
}
func bytesꞏReplace(s, old, new []byte, n int) []byte {
	return []byte(stringsꞏ.Replace(string(s), string(old), string(new), n))
}
func bytesꞏReplaceAll(s, old, new []byte) []byte {
	return []byte(stringsꞏ.ReplaceAll(string(s), string(old), string(new)))
}
func bytesꞏClone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}
func bytesꞏCut(s, sep []byte) (before, after []byte, found bool) {
	if i := bytesꞏIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}
"#;
