//! The goroutine map's geometry and pixels, in plain Rust: how big the cells are for a count
//! and a width, which cell is under a point, and the RGBA image of all cells (one image per
//! draw, so 20,000 cells paint in about a millisecond).

/// Tallest the map grows before its cells shrink, in CSS pixels.
pub const MAX_HEIGHT: f64 = 180.0;
/// Cell pitches tried, largest first, in CSS pixels.
const CELL_SIZES: [u32; 8] = [16, 12, 10, 8, 6, 4, 3, 2];

/// How cells are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Cell pitch (cell plus gap), CSS pixels.
    pub pitch: u32,
    /// Gap between cells, CSS pixels.
    pub gap: u32,
    /// Cells per row.
    pub cols: u32,
    /// Rows needed.
    pub rows: u32,
}

impl Grid {
    /// The largest cells that fit `n` goroutines into `width` pixels without growing taller
    /// than [`MAX_HEIGHT`] (the smallest cells, and a taller map, when even those do not fit).
    pub fn fit(n: usize, width: f64) -> Grid {
        let n = u32::try_from(n).unwrap_or(u32::MAX).max(1);
        let width = width.max(16.0) as u32;
        let mut grid = Grid {
            pitch: 2,
            gap: 0,
            cols: 1,
            rows: n,
        };
        for pitch in CELL_SIZES {
            let cols = (width / pitch).max(1);
            let rows = n.div_ceil(cols);
            grid = Grid {
                pitch,
                gap: u32::from(pitch >= 4),
                cols,
                rows,
            };
            if f64::from(rows * pitch) <= MAX_HEIGHT {
                break;
            }
        }
        grid
    }

    /// Height of the map in CSS pixels (the last row's gap included).
    pub fn height(&self) -> u32 {
        self.rows * self.pitch
    }

    /// The cell index under point (`x`, `y`) in CSS pixels, if that point is on one of `n`
    /// cells (a point in a gap belongs to the cell before it, so a pointer never flickers).
    pub fn hit(&self, x: f64, y: f64, n: usize) -> Option<usize> {
        if x < 0.0 || y < 0.0 || !x.is_finite() || !y.is_finite() {
            return None;
        }
        let (col, row) = ((x as u32) / self.pitch, (y as u32) / self.pitch);
        if col >= self.cols {
            return None;
        }
        let i = (row as usize) * (self.cols as usize) + col as usize;
        (i < n).then_some(i)
    }

    /// The top-left corner of cell `i`, in CSS pixels.
    pub fn origin(&self, i: usize) -> (u32, u32) {
        let cols = self.cols as usize;
        (
            (i % cols) as u32 * self.pitch,
            (i / cols) as u32 * self.pitch,
        )
    }
}

/// Rows of canvas the map keeps for a visible height of `shown` CSS pixels: the next multiple
/// of 24, so a growing map resizes (and reallocates) its canvas every few rows, not every frame.
pub fn backing_height(shown: u32) -> u32 {
    shown.max(1).div_ceil(24) * 24
}

/// An RGBA colour.
pub type Rgba = [u8; 4];

/// What one cell looks like: its fill, and whether it is the running goroutine (drawn with a
/// ring in `ring`, or filled with it when the cell is too small for a ring).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The family colour.
    pub fill: Rgba,
    /// Highlighted as the goroutine that ran last.
    pub running: bool,
}

/// Paints `cells` into `px`, an RGBA image of `w` x `h` device pixels at `scale` device
/// pixels per CSS pixel; everything else is transparent. `px` is reused between draws.
pub fn paint(
    px: &mut Vec<u8>,
    grid: Grid,
    scale: u32,
    (w, h): (u32, u32),
    cells: impl Iterator<Item = Cell>,
    ring: Rgba,
) {
    px.clear();
    px.resize((w as usize) * (h as usize) * 4, 0);
    let size = (grid.pitch - grid.gap) * scale;
    // A ring needs room for the family colour inside it; smaller cells are filled instead.
    let ring_width = if size >= 8 { scale.max(2) } else { scale };
    let has_ring = size >= 3 * ring_width;
    let row_bytes = w as usize * 4;
    for (i, cell) in cells.enumerate() {
        let (cx, cy) = grid.origin(i);
        let (x0, y0) = (cx * scale, cy * scale);
        if x0 >= w || y0 >= h {
            continue;
        }
        let x1 = (x0 + size).min(w);
        let y1 = (y0 + size).min(h);
        for y in y0..y1 {
            let line = &mut px[y as usize * row_bytes..][x0 as usize * 4..x1 as usize * 4];
            let edge_row = y < y0 + ring_width || y + ring_width >= y0 + size;
            for (k, p) in line.chunks_exact_mut(4).enumerate() {
                let x = x0 + k as u32;
                let on_ring = cell.running
                    && (!has_ring
                        || edge_row
                        || x < x0 + ring_width
                        || x + ring_width >= x0 + size);
                p.copy_from_slice(if on_ring { &ring } else { &cell.fill });
            }
        }
    }
}

/// Parses a computed CSS colour (`#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(...)`) into opaque
/// RGBA; `None` for anything else (a theme variable that is not a plain colour).
pub fn parse_css_color(s: &str) -> Option<Rgba> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return match hex.len() {
            3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17, 255]),
            6 => Some([pair(0)?, pair(2)?, pair(4)?, 255]),
            _ => None,
        };
    }
    let inner = s
        .strip_prefix("rgba(")
        .or_else(|| s.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let mut parts = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<f64>()
                .ok()
                .map(|v| v.round().clamp(0.0, 255.0) as u8)
        });
    Some([parts.next()??, parts.next()??, parts.next()??, 255])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_goroutines_get_big_cells_in_one_row() {
        assert_eq!(
            Grid::fit(10, 400.0),
            Grid {
                pitch: 16,
                gap: 1,
                cols: 25,
                rows: 1
            }
        );
    }

    #[test]
    fn a_hundred_goroutines_in_400_px_are_four_rows_of_25() {
        let g = Grid::fit(100, 400.0);
        assert_eq!((g.pitch, g.cols, g.rows, g.height()), (16, 25, 4, 64));
    }

    #[test]
    fn two_thousand_goroutines_get_4_px_cells() {
        // 16 px: 22 cols, 91 rows (1,456 px); 12: 30 cols, 67 rows (804 px); 10: 36, 56 (560);
        // 8: 45, 45 (360); 6: 60 cols, 34 rows = 204 px; 4: 90 cols, 23 rows = 92 px.
        let g = Grid::fit(2_000, 360.0);
        assert_eq!((g.pitch, g.gap, g.cols, g.rows), (4, 1, 90, 23));
    }

    #[test]
    fn twenty_thousand_goroutines_shrink_to_fit_the_height() {
        let g = Grid::fit(20_001, 600.0);
        assert_eq!(
            g,
            Grid {
                pitch: 2,
                gap: 0,
                cols: 300,
                rows: 67
            }
        );
        assert!(f64::from(g.height()) <= MAX_HEIGHT);
    }

    #[test]
    fn beyond_the_smallest_cells_the_map_grows_taller() {
        let g = Grid::fit(100_000, 300.0);
        assert_eq!((g.pitch, g.cols, g.rows), (2, 150, 667));
    }

    #[test]
    fn hit_finds_the_cell_under_the_pointer() {
        let g = Grid::fit(30, 160.0); // 10 columns of 16 px
        assert_eq!(g.cols, 10);
        assert_eq!(g.hit(5.0, 5.0, 30), Some(0));
        assert_eq!(g.hit(17.0, 20.0, 30), Some(11));
        assert_eq!(g.hit(159.9, 47.9, 30), Some(29));
        assert_eq!(g.hit(17.0, 60.0, 30), None); // row 3 does not exist
        assert_eq!(g.hit(170.0, 5.0, 30), None); // right of the last column
        assert_eq!(g.hit(-1.0, 5.0, 30), None);
        assert_eq!(g.hit(f64::NAN, 5.0, 30), None);
        assert_eq!(g.origin(11), (16, 16));
    }

    #[test]
    fn the_canvas_grows_in_24_px_steps() {
        assert_eq!(
            [0, 1, 24, 25, 134].map(backing_height),
            [24, 24, 24, 48, 144]
        );
    }

    const RED: Rgba = [255, 0, 0, 255];
    const INK: Rgba = [9, 9, 9, 255];
    const NONE: Rgba = [0, 0, 0, 0];

    fn pixel(px: &[u8], w: u32, x: u32, y: u32) -> Rgba {
        let o = ((y * w + x) * 4) as usize;
        [px[o], px[o + 1], px[o + 2], px[o + 3]]
    }

    #[test]
    fn cells_are_painted_with_gaps_and_the_running_one_ringed() {
        // Two 6 px cells (5 px + 1 px gap) at 1x: the second is running.
        let grid = Grid {
            pitch: 6,
            gap: 1,
            cols: 2,
            rows: 1,
        };
        let mut px = Vec::new();
        let cells = [
            Cell {
                fill: RED,
                running: false,
            },
            Cell {
                fill: RED,
                running: true,
            },
        ];
        paint(&mut px, grid, 1, (12, 6), cells.into_iter(), INK);
        assert_eq!(px.len(), 12 * 6 * 4);
        assert_eq!(pixel(&px, 12, 0, 0), RED);
        assert_eq!(pixel(&px, 12, 4, 4), RED);
        assert_eq!(pixel(&px, 12, 5, 0), NONE); // the gap
        assert_eq!(pixel(&px, 12, 0, 5), NONE); // the gap below
        assert_eq!(pixel(&px, 12, 6, 0), INK); // the ring's corner
        assert_eq!(pixel(&px, 12, 10, 2), INK); // the ring's right side
        assert_eq!(pixel(&px, 12, 8, 2), RED); // inside the ring
    }

    #[test]
    fn tiny_running_cells_are_filled_with_the_ring_colour() {
        let grid = Grid {
            pitch: 2,
            gap: 0,
            cols: 2,
            rows: 1,
        };
        let mut px = vec![7; 3]; // reused buffers are cleared first
        let cells = [
            Cell {
                fill: RED,
                running: true,
            },
            Cell {
                fill: RED,
                running: false,
            },
        ];
        paint(&mut px, grid, 2, (8, 4), cells.into_iter(), INK);
        assert_eq!(pixel(&px, 8, 3, 3), INK);
        assert_eq!(pixel(&px, 8, 4, 0), RED);
        assert_eq!(pixel(&px, 8, 7, 3), RED);
    }

    #[test]
    fn css_colours_parse_in_their_computed_forms() {
        assert_eq!(parse_css_color(" #1b1f24"), Some([0x1b, 0x1f, 0x24, 255]));
        assert_eq!(parse_css_color("#fff"), Some([255, 255, 255, 255]));
        assert_eq!(
            parse_css_color("rgb(230, 237, 243)"),
            Some([230, 237, 243, 255])
        );
        assert_eq!(parse_css_color("rgba(1, 2, 3, 0.5)"), Some([1, 2, 3, 255]));
        assert_eq!(parse_css_color("rgb(1 2 3 / 50%)"), Some([1, 2, 3, 255]));
        assert_eq!(parse_css_color("var(--x)"), None);
        assert_eq!(parse_css_color("#12345"), None);
    }
}
