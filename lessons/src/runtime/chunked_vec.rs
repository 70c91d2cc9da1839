//! A vector whose clone shares its elements: the timeline keeps a copy of the folded state
//! every so many events (its checkpoints, `timeline.rs`), and at 100,000 goroutines one deep
//! copy took tens of milliseconds, in one piece, on the page's main thread. Here the elements
//! live in chunks of [`CHUNK`] behind `Rc`s: a clone copies one pointer per chunk, and a chunk
//! is copied when it is first written after that (`Rc::make_mut`), so the copying is spread
//! over the events that change the state.

use std::fmt;
use std::rc::Rc;

const CHUNK_BITS: u32 = 8;
/// Elements per chunk: small enough that copying one on a write is cheap, large enough that a
/// clone of 100,000 elements is a few hundred pointers.
const CHUNK: usize = 1 << CHUNK_BITS;

/// A growable vector with O(len / CHUNK) clones. Every chunk but the last is full.
#[derive(Clone)]
pub(crate) struct ChunkedVec<T> {
    chunks: Vec<Rc<Vec<T>>>,
    len: usize,
}

impl<T> Default for ChunkedVec<T> {
    fn default() -> Self {
        ChunkedVec {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> ChunkedVec<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks
            .get(i >> CHUNK_BITS)
            .and_then(|c| c.get(i & (CHUNK - 1)))
    }

    /// The element at `i`, its chunk copied first if a clone shares it.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.chunks
            .get_mut(i >> CHUNK_BITS)
            .and_then(|c| Rc::make_mut(c).get_mut(i & (CHUNK - 1)))
    }

    pub fn push(&mut self, x: T) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => Rc::make_mut(c).push(x),
            _ => {
                let mut c = Vec::with_capacity(CHUNK);
                c.push(x);
                self.chunks.push(Rc::new(c));
            }
        }
        self.len += 1;
    }

    /// The element at `i`, the vector grown with `fill` up to it first.
    pub fn slot_or(&mut self, i: usize, fill: T) -> &mut T {
        while self.len <= i {
            self.push(fill.clone());
        }
        let c = Rc::make_mut(&mut self.chunks[i >> CHUNK_BITS]);
        &mut c[i & (CHUNK - 1)]
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(|c| c.iter())
    }
}

impl<T: Clone + Default> ChunkedVec<T> {
    /// The element at `i`, the vector grown with defaults up to it first.
    pub fn slot(&mut self, i: usize) -> &mut T {
        self.slot_or(i, T::default())
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for ChunkedVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_keeps_its_values_when_the_original_is_written() {
        let mut v: ChunkedVec<u32> = ChunkedVec::default();
        *v.slot(600) = 6;
        assert_eq!(v.len(), 601);
        assert_eq!(v.chunks.len(), 3);
        let copy = v.clone();
        assert!(Rc::ptr_eq(&v.chunks[0], &copy.chunks[0]));
        *v.slot(3) = 3;
        *v.get_mut(600).unwrap() = 7;
        v.push(8);
        // Only the written chunks were copied.
        assert!(!Rc::ptr_eq(&v.chunks[0], &copy.chunks[0]));
        assert!(Rc::ptr_eq(&v.chunks[1], &copy.chunks[1]));
        assert_eq!(
            (copy.get(3), copy.get(600), copy.len()),
            (Some(&0), Some(&6), 601)
        );
        assert_eq!(
            (v.get(3), v.get(600), v.get(601), v.len()),
            (Some(&3), Some(&7), Some(&8), 602)
        );
        assert_eq!(v.get(602), None);
        assert_eq!(v.iter().copied().sum::<u32>(), 18);
    }

    #[test]
    fn slot_or_fills_the_gap_with_its_value() {
        let mut v = ChunkedVec::default();
        *v.slot_or(2, 9u8) = 1;
        assert_eq!(v.iter().copied().collect::<Vec<_>>(), [9, 9, 1]);
    }
}
