//! How every form and prefix opens (its first two bytes), so that tokens that open as none
//! does are known to satisfy no unit without a hash lookup.

/// The first bytes of every form and prefix: a token that opens with none of them satisfies
/// no unit.
#[derive(Debug)]
pub(super) struct Openings {
    /// A bit per pair of bytes (the second 0 for a one-byte form), for every form and every
    /// prefix of two bytes or more.
    pairs: Box<[u64]>,
    /// A bit per first byte of the one-byte prefixes.
    singles: [u64; 4],
}

impl Default for Openings {
    fn default() -> Self {
        Openings {
            pairs: vec![0; (1 << 16) / 64].into_boxed_slice(),
            singles: [0; 4],
        }
    }
}

impl Openings {
    /// Notes the text (lowercase) of a form (`prefix` false) or of a prefix.
    pub fn add(&mut self, text: &[u8], prefix: bool) {
        match text {
            [] => {}
            [first] if prefix => set(&mut self.singles, *first as usize),
            [first, rest @ ..] => {
                let second = rest.first().copied().unwrap_or(0);
                set(&mut self.pairs, pair(*first, second));
            }
        }
    }

    /// Whether a token may satisfy some unit, from its first two bytes lowercased (`second`
    /// is 0 for a one-byte token).
    #[inline]
    pub fn may_open(&self, first: u8, second: u8) -> bool {
        is_set(&self.pairs, pair(first, second)) || is_set(&self.singles, first as usize)
    }
}

/// The bit of a pair of bytes.
fn pair(first: u8, second: u8) -> usize {
    (first as usize) << 8 | second as usize
}

fn set(bits: &mut [u64], bit: usize) {
    bits[bit / 64] |= 1 << (bit % 64);
}

/// Whether `bit` is set in the bitset `bits`.
pub(super) fn is_set(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}
