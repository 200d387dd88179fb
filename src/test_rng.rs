//! A small deterministic generator for the tests' random inputs (xorshift), so that they
//! need no dependency and every run reads the same texts.

/// Xorshift64 from a non-zero seed.
pub(crate) struct Rng(pub u64);

impl Rng {
    /// The next number below `n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// One of `items`, at random.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A text of at most `most` pieces (how many is random, maybe none), each one of
    /// `pieces`.
    pub(crate) fn text(&mut self, pieces: &[&str], most: usize) -> String {
        let count = self.below(most + 1);
        (0..count).map(|_| self.pick(pieces)).collect()
    }
}
