//! Go's `hash/crc32`: the 32-bit cyclic redundancy check with the IEEE, Castagnoli and Koopman
//! polynomials (MakeTable, Checksum, ChecksumIEEE, Update, New, NewIEEE). Written in Go
//! (std/mod.rs's `go_source`) after Go's hash/crc32 (Copyright 2009 The Go Authors, BSD
//! licence), over two natives: the table of a polynomial (Go's simpleMakeTable) and the
//! byte-at-a-time update through a table (Go's simpleUpdate), whose results Go's faster
//! slicing-by-8 and hardware paths equal. In golite's Go the update took 30 steps a byte (a
//! MiB: 31 M of the 48 M steps a run may take), the IEEE table 55,000 steps at every start;
//! natively they cost what a library call costs for what it reads (a step per 4 bytes and per
//! 4 table entries: 64 steps a call for the table), about what they take beside a step of
//! golite (measured: 20 updates of a MiB, 10.5 M steps in 0.10 to 0.13 s; 100,000 one-byte
//! Writes, 12.3 M steps in 0.25 to 0.28 s). The update reads the table at each call, so a
//! `Table` the program filled or changed is used as it is, as in Go.
//! MakeTable returns Go's shared tables for IEEE and Castagnoli, a new one for any other
//! polynomial.

use super::support::*;

natives! {
    Pkg::Crc32;
    Crc32MakeTable,
    Crc32Update,
}

const PATH: &str = "hash/crc32";

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Crc32,
    path: PATH,
    go: GO,
    needs: &["hash"],
    ..Package::NONE
};

/// The member `name` of the package: only the hidden natives; the rest is Go (`GO`).
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name.strip_prefix('\u{a78f}')? {
        "makeTable" => f(c, "func([]uint32, uint32)", N::Crc32MakeTable),
        "update" => f(c, "func(uint32, []uint32, []byte) uint32", N::Crc32Update),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    match n {
        N::Crc32MakeTable => {
            if let Some(Value::Slice(tab, off, 256, _)) = a.first() {
                let poly = a.get(1).map_or(0, Value::as_int) as u32;
                for i in 0..256u32 {
                    let mut crc = i;
                    for _ in 0..8 {
                        crc = if crc & 1 == 1 {
                            (crc >> 1) ^ poly
                        } else {
                            crc >> 1
                        };
                    }
                    tab.set(*off as usize + i as usize, Value::Int(i64::from(crc)));
                }
            }
        }
        N::Crc32Update => {
            let mut table = [0u32; 256];
            if let Some(Value::Slice(tab, off, 256, _)) = a.get(1) {
                let at = *off as usize;
                if let Some(vals) = tab.borrow().get(at..at + 256) {
                    for (x, v) in table.iter_mut().zip(vals) {
                        *x = v.as_int() as u32;
                    }
                }
            }
            let mut crc = !(a.first().map_or(0, Value::as_int) as u32);
            if let Some(p) = a.get(2) {
                with_bytes(p, |p| {
                    for &b in p {
                        crc = table[usize::from(crc as u8 ^ b)] ^ (crc >> 8);
                    }
                });
            }
            push!(t, Value::Int(i64::from(!crc)));
        }
        _ => {}
    }
    NRes::Ok
}

const GO: &str = r#"
const crc32ꞏSize = 4

const (
	crc32ꞏIEEE       = 0xedb88320
	crc32ꞏCastagnoli = 0x82f63b78
	crc32ꞏKoopman    = 0xeb31d82e
)

type crc32ꞏTable [256]uint32

func crc32ꞏsimpleMakeTable(poly uint32) *crc32ꞏTable {
	t := new(crc32ꞏTable)
	crc32ꞏ.ꞏmakeTable(t[:], poly)
	return t
}

var crc32ꞏIEEETable = crc32ꞏsimpleMakeTable(crc32ꞏIEEE)

var crc32ꞏcastagnoliTable *crc32ꞏTable

func crc32ꞏMakeTable(poly uint32) *crc32ꞏTable {
	switch poly {
	case crc32ꞏIEEE:
		return crc32ꞏIEEETable
	case crc32ꞏCastagnoli:
		if crc32ꞏcastagnoliTable == nil {
			crc32ꞏcastagnoliTable = crc32ꞏsimpleMakeTable(crc32ꞏCastagnoli)
		}
		return crc32ꞏcastagnoliTable
	default:
		return crc32ꞏsimpleMakeTable(poly)
	}
}

func crc32ꞏUpdate(crc uint32, tab *crc32ꞏTable, p []byte) uint32 {
	if len(p) == 0 {
		return crc
	}
	return crc32ꞏ.ꞏupdate(crc, tab[:], p)
}

func crc32ꞏChecksum(data []byte, tab *crc32ꞏTable) uint32 { return crc32ꞏUpdate(0, tab, data) }

func crc32ꞏChecksumIEEE(data []byte) uint32 { return crc32ꞏUpdate(0, crc32ꞏIEEETable, data) }

type crc32ꞏdigest struct {
	crc uint32
	tab *crc32ꞏTable
}

func crc32ꞏNew(tab *crc32ꞏTable) hashꞏHash32 { return &crc32ꞏdigest{0, tab} }

func crc32ꞏNewIEEE() hashꞏHash32 { return crc32ꞏNew(crc32ꞏIEEETable) }

func (d *crc32ꞏdigest) Size() int { return crc32ꞏSize }

func (d *crc32ꞏdigest) BlockSize() int { return 1 }

func (d *crc32ꞏdigest) Reset() { d.crc = 0 }

func (d *crc32ꞏdigest) Write(p []byte) (n int, err error) {
	d.crc = crc32ꞏUpdate(d.crc, d.tab, p)
	return len(p), nil
}

func (d *crc32ꞏdigest) Sum32() uint32 { return d.crc }

func (d *crc32ꞏdigest) Clone() (hashꞏCloner, error) { r := *d; return &r, nil }

func (d *crc32ꞏdigest) Sum(in []byte) []byte {
	s := d.Sum32()
	return append(in, byte(s>>24), byte(s>>16), byte(s>>8), byte(s))
}
"#;
