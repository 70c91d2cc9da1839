//! Edited programs travel in the URL's fragment (`#bad_go=…`), deflated and base64url-encoded:
//! a fragment never reaches a server (whose limit on a query is often 8 KB) and a 20 KB edit
//! becomes a few KB of link instead of the 30-60 KB its percent-encoding took. Deflate is
//! `miniz_oxide` (pure Rust, no JS glue; deflate and inflate are about 28 KB of the wasm's code,
//! measured from the release build's name section); base64url is the dozen lines below.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `src` deflated (level 9: links are written rarely, read often) and base64url-encoded
/// without padding.
pub fn pack(src: &str) -> String {
    encode(&compress_to_vec(src.as_bytes(), 9))
}

/// The source in a packed value, at most `max` bytes; the reason in words when the value is
/// damaged (cut short by a mail client, say) or too long.
pub fn unpack(value: &str, max: usize) -> Result<String, String> {
    let bytes = decode(value.trim()).ok_or("it is not base64url text")?;
    let raw = decompress_to_vec_with_limit(&bytes, max).map_err(|e| {
        if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
            format!("it unpacks to more than the {max} bytes a link may carry")
        } else {
            "it is damaged (not deflate data; was the link cut short?)".to_string()
        }
    })?;
    String::from_utf8(raw).map_err(|_| "it is not UTF-8 text".to_string())
}

/// base64url without padding (RFC 4648 §5).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url, with or without padding; `None` on any other character or a length no
/// encoder produces.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let data: Vec<u8> = (0..n)
                .map(|i| i.wrapping_mul(37).wrapping_add(250))
                .collect();
            assert_eq!(decode(&encode(&data)), Some(data.clone()), "{n}");
        }
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("-_8="), Some(b"\xfb\xff".to_vec()));
        assert_eq!(decode("a+b/"), None);
        assert_eq!(decode("abcde"), None);
    }

    #[test]
    fn a_program_packs_small_and_unpacks_to_itself() {
        let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(\"hello, 世界\", i)\n\t}\n}\n"
            .repeat(40);
        let packed = pack(&src);
        assert!(
            packed.len() * 10 < src.len(),
            "{} of {}",
            packed.len(),
            src.len()
        );
        assert_eq!(unpack(&packed, 20_000), Ok(src));
    }

    #[test]
    fn damaged_or_oversized_values_say_why() {
        let packed = pack(&"x".repeat(30_000));
        assert!(unpack(&packed, 20_000).is_err_and(|e| e.contains("more than the 20000 bytes")));
        assert!(unpack("%%%", 100).is_err_and(|e| e.contains("base64url")));
        let cut = &pack("package main\nfunc main() {}\n")[..6];
        assert!(unpack(cut, 100).is_err_and(|e| e.contains("damaged")));
    }
}
