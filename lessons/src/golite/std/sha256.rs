//! Go's `crypto/sha256`: SHA-256 and SHA-224 (New, New224, Sum256, Sum224, Size, Size224,
//! BlockSize). The digest is written in Go (std/mod.rs's `go_source`) after Go's
//! crypto/internal/fips140/sha256 (Copyright 2009 The Go Authors, BSD licence): Write buffers a
//! partial block and hands whole 64-byte blocks to the compression function, Sum pads a copy
//! of the state. The compression function is a native (FIPS 180-4's 64 rounds per block, as
//! Go's generic `blockGeneric`): in golite's Go its 64 rounds of some 40 operations would cost
//! thousands of steps a block. It costs what a library call costs for the bytes it reads (a
//! step per 4 bytes, std/mod.rs's `call`) and [`extra_steps`] more: a step per 4 bytes again,
//! so that the steps go at about a plain loop's rate (measured with the fast profile on a
//! loaded 2-core machine: 20 MiB through Sum256, 10.5 M steps in 0.13 to 0.19 s; a loop
//! filling a MiB, 18.9 M steps in 0.16 to 0.31 s).

use super::support::*;

natives! {
    Pkg::Sha256;
    Sha256Block,
}

const PATH: &str = "crypto/sha256";

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Sha256,
    path: PATH,
    go: GO,
    needs: &["hash"],
    extra_steps,
    ..Package::NONE
};

/// Steps of the compression function beyond the bytes it reads: as many again.
fn extra_steps(n: Native, work_in: u64, _work_out: u64) -> u64 {
    if n == N::Sha256Block {
        work_in / crate::golite::vm::WORK_BYTES_PER_STEP
    } else {
        0
    }
}

/// The member `name` of the package (the natives its Go source calls).
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    match name {
        "\u{a78f}block" => Some(Member::Func(
            N::Sha256Block,
            sig(c, PATH, "func([]uint32, []byte)"),
        )),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(_t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    if n == N::Sha256Block
        && let (Some(Value::Slice(h, hoff, hlen, _)), Some(p)) = (a.first(), a.get(1))
        && *hlen == 8
    {
        let at = *hoff as usize;
        let mut state = [0u32; 8];
        for (i, s) in state.iter_mut().enumerate() {
            *s = h.get(at + i).map_or(0, |v| v.as_int() as u32);
        }
        with_bytes(p, |p| block(&mut state, p));
        for (i, s) in state.iter().enumerate() {
            h.set(at + i, Value::Int(i64::from(*s)));
        }
    }
    NRes::Ok
}

const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// Go's blockGeneric: compresses each whole 64-byte block of `p` into `h` (a partial block at
/// the end, which Go's digest never passes, is ignored).
fn block(h: &mut [u32; 8], p: &[u8]) {
    let mut w = [0u32; 64];
    for chunk in p.chunks_exact(64) {
        for (i, b) in chunk.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        }
        for i in 16..64 {
            let v1 = w[i - 2];
            let t1 = v1.rotate_right(17) ^ v1.rotate_right(19) ^ (v1 >> 10);
            let v2 = w[i - 15];
            let t2 = v2.rotate_right(7) ^ v2.rotate_right(18) ^ (v2 >> 3);
            w[i] = t1
                .wrapping_add(w[i - 7])
                .wrapping_add(t2)
                .wrapping_add(w[i - 16]);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
        for i in 0..64 {
            let t1 = hh
                .wrapping_add(e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25))
                .wrapping_add((e & f) ^ (!e & g))
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let t2 = (a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22))
                .wrapping_add((a & b) ^ (a & c) ^ (b & c));
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (s, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *s = s.wrapping_add(v);
        }
    }
}

const GO: &str = r#"
const (
	sha256ꞏSize      = 32
	sha256ꞏSize224   = 28
	sha256ꞏBlockSize = 64
)

type sha256ꞏdigest struct {
	h     [8]uint32
	x     [64]byte
	nx    int
	len   uint64
	is224 bool
}

func (d *sha256ꞏdigest) Reset() {
	if !d.is224 {
		d.h = [8]uint32{0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19}
	} else {
		d.h = [8]uint32{0xC1059ED8, 0x367CD507, 0x3070DD17, 0xF70E5939, 0xFFC00B31, 0x68581511, 0x64F98FA7, 0xBEFA4FA4}
	}
	d.nx = 0
	d.len = 0
}

func sha256ꞏNew() hashꞏHash {
	d := new(sha256ꞏdigest)
	d.Reset()
	return d
}

func sha256ꞏNew224() hashꞏHash {
	d := new(sha256ꞏdigest)
	d.is224 = true
	d.Reset()
	return d
}

func (d *sha256ꞏdigest) Size() int {
	if !d.is224 {
		return sha256ꞏSize
	}
	return sha256ꞏSize224
}

func (d *sha256ꞏdigest) BlockSize() int { return sha256ꞏBlockSize }

func (d *sha256ꞏdigest) Clone() (hashꞏCloner, error) { r := *d; return &r, nil }

func (d *sha256ꞏdigest) Write(p []byte) (nn int, err error) {
	nn = len(p)
	d.len += uint64(nn)
	if d.nx > 0 {
		n := copy(d.x[d.nx:], p)
		d.nx += n
		if d.nx == sha256ꞏBlockSize {
			sha256ꞏ.ꞏblock(d.h[:], d.x[:])
			d.nx = 0
		}
		p = p[n:]
	}
	if len(p) >= sha256ꞏBlockSize {
		n := len(p) &^ (sha256ꞏBlockSize - 1)
		sha256ꞏ.ꞏblock(d.h[:], p[:n])
		p = p[n:]
	}
	if len(p) > 0 {
		d.nx = copy(d.x[:], p)
	}
	return
}

func (d *sha256ꞏdigest) Sum(in []byte) []byte {
	d0 := *d
	hash := d0.checkSum()
	if d0.is224 {
		return append(in, hash[:sha256ꞏSize224]...)
	}
	return append(in, hash[:]...)
}

func (d *sha256ꞏdigest) checkSum() [sha256ꞏSize]byte {
	len := d.len
	var tmp [64 + 8]byte
	tmp[0] = 0x80
	var t uint64
	if len%64 < 56 {
		t = 56 - len%64
	} else {
		t = 64 + 56 - len%64
	}
	len <<= 3
	padlen := tmp[:t+8]
	for i := uint64(0); i < 8; i++ {
		padlen[t+i] = byte(len >> (56 - 8*i))
	}
	d.Write(padlen)
	var digest [sha256ꞏSize]byte
	for i, s := range d.h {
		digest[i*4] = byte(s >> 24)
		digest[i*4+1] = byte(s >> 16)
		digest[i*4+2] = byte(s >> 8)
		digest[i*4+3] = byte(s)
	}
	return digest
}

func sha256ꞏSum256(data []byte) [sha256ꞏSize]byte {
	var d sha256ꞏdigest
	d.Reset()
	d.Write(data)
	return d.checkSum()
}

func sha256ꞏSum224(data []byte) [sha256ꞏSize224]byte {
	var d sha256ꞏdigest
	d.is224 = true
	d.Reset()
	d.Write(data)
	sum := d.checkSum()
	var ap [sha256ꞏSize224]byte
	copy(ap[:], sum[:sha256ꞏSize224])
	return ap
}
"#;
