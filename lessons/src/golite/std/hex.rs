//! Go's `encoding/hex`: bytes as hexadecimal text and back (`hex.EncodeToString(h.Sum(nil))`
//! is how Go code prints a checksum). Written in Go (std/mod.rs's `go_source`), with Go's
//! errors and texts; `Dump`, `Dumper` and the streaming `NewEncoder`/`NewDecoder` are not in.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Hex,
    path: "encoding/hex",
    go: GO,
    needs: &["errors", "fmt"],
    ..Package::NONE
};

const GO: &str = r#"
const hexꞏdigits = "0123456789abcdef"

var hexꞏErrLength = errorsꞏ.New("encoding/hex: odd length hex string")

type hexꞏInvalidByteError byte

func (e hexꞏInvalidByteError) Error() string {
	return fmtꞏ.Sprintf("encoding/hex: invalid byte: %#U", rune(e))
}

func hexꞏEncodedLen(n int) int { return n * 2 }

func hexꞏDecodedLen(x int) int { return x / 2 }

func hexꞏEncode(dst, src []byte) int {
	j := 0
	for _, v := range src {
		dst[j] = hexꞏdigits[v>>4]
		dst[j+1] = hexꞏdigits[v&0x0f]
		j += 2
	}
	return len(src) * 2
}

func hexꞏAppendEncode(dst, src []byte) []byte {
	for _, v := range src {
		dst = append(dst, hexꞏdigits[v>>4], hexꞏdigits[v&0x0f])
	}
	return dst
}

func hexꞏEncodeToString(src []byte) string {
	dst := make([]byte, hexꞏEncodedLen(len(src)))
	hexꞏEncode(dst, src)
	return string(dst)
}

// hexꞏvalue is the digit's value, 0x10 and up for a byte that is no hex digit.
func hexꞏvalue(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10
	}
	return 0xff
}

// hexꞏDecode reports a bad byte before an odd length, as Go's does: the bad byte comes first.
func hexꞏDecode(dst, src []byte) (int, error) {
	i, j := 0, 1
	for ; j < len(src); j += 2 {
		a, b := hexꞏvalue(src[j-1]), hexꞏvalue(src[j])
		if a > 0x0f {
			return i, hexꞏInvalidByteError(src[j-1])
		}
		if b > 0x0f {
			return i, hexꞏInvalidByteError(src[j])
		}
		dst[i] = a<<4 | b
		i++
	}
	if len(src)%2 == 1 {
		if hexꞏvalue(src[j-1]) > 0x0f {
			return i, hexꞏInvalidByteError(src[j-1])
		}
		return i, hexꞏErrLength
	}
	return i, nil
}

func hexꞏAppendDecode(dst, src []byte) ([]byte, error) {
	out := make([]byte, hexꞏDecodedLen(len(src)))
	n, err := hexꞏDecode(out, src)
	return append(dst, out[:n]...), err
}

func hexꞏDecodeString(s string) ([]byte, error) {
	dst := make([]byte, hexꞏDecodedLen(len(s)))
	n, err := hexꞏDecode(dst, []byte(s))
	return dst[:n], err
}
"#;
