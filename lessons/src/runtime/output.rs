//! What a run printed to one stream (stdout or stderr): the first [`MAX_OUTPUT_BYTES`] or
//! [`MAX_OUTPUT_LINES`] kept, the rest only counted, so an output flood costs no memory
//! (`docs/ARCHITECTURE.md` § Runtime, limits). The totals travel as numbers in the report and
//! the snapshot, never as text inside the output.

/// Output kept per stream and run: beyond 1 MiB or 10,000 lines, output is counted, not stored.
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;
/// See [`MAX_OUTPUT_BYTES`].
pub const MAX_OUTPUT_LINES: usize = 10_000;

/// One output stream of a run.
#[derive(Clone, Debug, Default)]
pub(crate) struct Output {
    /// The kept prefix of what was printed, cut at a character boundary.
    pub text: String,
    /// Everything printed, kept or not.
    pub bytes: u64,
    /// Newlines printed, kept or not.
    newlines: u64,
    /// The last byte printed was not a newline (an open last line).
    open_line: bool,
    /// Kept newlines.
    kept_newlines: usize,
    /// Output stopped being kept.
    pub truncated: bool,
}

/// What [`Output::push`] did with one piece of text.
pub(crate) struct Pushed<'a> {
    /// The part of the text that was kept (possibly empty).
    pub kept: &'a str,
    /// This push was the first that could not be kept whole.
    pub cut_now: bool,
}

impl Output {
    /// Lines printed as a reader counts them: an unterminated last line counts.
    pub fn lines(&self) -> u64 {
        self.newlines + u64::from(self.open_line)
    }

    /// Counts `text` and keeps what still fits.
    pub fn push<'a>(&mut self, text: &'a str) -> Pushed<'a> {
        let newlines = text.bytes().filter(|&b| b == b'\n').count();
        self.bytes += text.len() as u64;
        self.newlines += newlines as u64;
        if let Some(&last) = text.as_bytes().last() {
            self.open_line = last != b'\n';
        }
        if self.truncated {
            return Pushed {
                kept: "",
                cut_now: false,
            };
        }
        let room = MAX_OUTPUT_BYTES.saturating_sub(self.text.len());
        let mut keep = text.len().min(room);
        if self.kept_newlines + newlines > MAX_OUTPUT_LINES {
            // Keep up to and including the last allowed newline.
            let allowed = MAX_OUTPUT_LINES - self.kept_newlines;
            let cut = match allowed {
                0 => 0,
                n => text
                    .match_indices('\n')
                    .nth(n - 1)
                    .map_or(0, |(i, _)| i + 1),
            };
            keep = keep.min(cut);
        }
        while !text.is_char_boundary(keep) {
            keep -= 1;
        }
        let kept = &text[..keep];
        self.text.push_str(kept);
        self.kept_newlines += kept.bytes().filter(|&b| b == b'\n').count();
        let cut_now = keep < text.len();
        self.truncated = cut_now;
        Pushed { kept, cut_now }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_thousand_lines_are_kept_and_every_line_is_counted() {
        let mut out = Output::default();
        for i in 0..20_000 {
            out.push(&format!("{i}\n"));
        }
        out.push("tail");
        assert!(out.truncated);
        assert_eq!(out.text.lines().count(), MAX_OUTPUT_LINES);
        assert!(out.text.ends_with("9999\n"));
        assert_eq!(out.lines(), 20_001);
        assert_eq!(out.bytes, 108_894);
    }

    #[test]
    fn a_megabyte_is_kept_cut_at_a_character_boundary() {
        let mut out = Output::default();
        let big = "界".repeat(MAX_OUTPUT_BYTES);
        let pushed = out.push(&big);
        assert!(pushed.cut_now);
        assert_eq!(pushed.kept.len(), MAX_OUTPUT_BYTES - MAX_OUTPUT_BYTES % 3);
        assert_eq!(out.bytes, 3 * MAX_OUTPUT_BYTES as u64);
        assert_eq!(out.lines(), 1);
        // Later output is counted only, and the cut is reported once.
        let again = out.push("x\n");
        assert!(!again.cut_now && again.kept.is_empty());
        assert_eq!(out.lines(), 1);
        assert_eq!(out.bytes, 3 * MAX_OUTPUT_BYTES as u64 + 2);
    }

    #[test]
    fn short_output_is_kept_whole() {
        let mut out = Output::default();
        out.push("a\nb");
        assert_eq!(
            (out.text.as_str(), out.lines(), out.truncated),
            ("a\nb", 2, false)
        );
    }
}
