//! A text's tokens and the units each satisfies. Tokens are read with one table lookup per
//! byte, which both classifies and lowercases it; most tokens ("the", "and", "is") start with
//! two bytes that no form or prefix starts with, and are known to satisfy no unit without a
//! hash lookup. The others are looked up in the per-thread token cache.

use std::ops::Range;

use super::{Entry, HEAD, Shape, UnitId, WordMatcher, head};
use crate::evaluate::recognize::token_cache::{MAX_CACHED, TokenCache};

/// Each byte lowercased if it is an ASCII letter or digit (a token byte), else 0.
static TOKEN_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// A token of a text and the units it satisfies (a range of the token cache's units).
pub(super) struct Token {
    pub range: Range<usize>,
    pub units: Range<u32>,
}

/// The first two bytes of every form and prefix (the first one alone for one-byte prefixes):
/// a token that starts with none of them satisfies no unit.
#[derive(Debug)]
pub(super) struct Openings {
    /// A bit per pair of bytes (the second 0 for a one-byte form).
    pairs: Box<[u64]>,
    /// A bit per first byte of the one-byte prefixes.
    singles: [u64; 4],
}

impl Default for Openings {
    fn default() -> Self {
        Openings {
            pairs: vec![0; 1 << 10].into_boxed_slice(),
            singles: [0; 4],
        }
    }
}

impl Openings {
    /// Notes the text of a form (`prefix` false) or of a prefix.
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

    /// Whether a token that starts with `first` and `second` (0 if it has one byte) may
    /// satisfy some unit.
    fn may_open(&self, first: u8, second: u8) -> bool {
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

fn is_set(bits: &[u64], bit: usize) -> bool {
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

impl WordMatcher {
    /// The tokens of `text` (runs of ASCII letters and digits), each with its units.
    pub(super) fn tokens(&self, text: &str, cache: &mut TokenCache) -> Vec<Token> {
        let bytes = text.as_bytes();
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let mut i = 0;
        while i < bytes.len() {
            if TOKEN_BYTE[bytes[i] as usize] == 0 {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && TOKEN_BYTE[bytes[i] as usize] != 0 {
                i += 1;
            }
            let units = self.token_units(&bytes[start..i], cache);
            tokens.push(Token {
                range: start..i,
                units,
            });
        }
        tokens
    }

    /// The units of a token.
    fn token_units(&self, token: &[u8], cache: &mut TokenCache) -> Range<u32> {
        let lowered = |k: usize| token.get(k).map_or(0, |&b| TOKEN_BYTE[b as usize]);
        if !self.openings.may_open(lowered(0), lowered(1)) {
            return 0..0;
        }
        if token.len() > MAX_CACHED {
            return cache.add(None, |units| self.units_of(token, units));
        }
        let mut key = [0u8; MAX_CACHED];
        for (k, &b) in key.iter_mut().zip(token) {
            *k = TOKEN_BYTE[b as usize];
        }
        let key = u128::from_le_bytes(key);
        match cache.get(key) {
            Some(units) => units,
            None => cache.add(Some(key), |units| self.units_of(token, units)),
        }
    }

    /// Appends the units a token satisfies.
    fn units_of(&self, token: &[u8], units: &mut Vec<UnitId>) {
        let known = token.len().min(self.longest);
        let lower = token[..known].to_ascii_lowercase();
        let whole = token.len() <= self.longest;
        if whole && let Some(found) = self.forms.get(&lower[..]) {
            units.extend_from_slice(found);
        }
        let mut accept = |entry: &Entry| {
            // A token longer than every form can still start with a prefix.
            if (whole || entry.shape == Shape::Prefix) && entry.accepts(&lower) {
                units.extend_from_slice(&entry.units);
            }
        };
        if lower.len() >= HEAD
            && let Some(entries) = self.heads.get(&head(&lower))
        {
            entries.iter().for_each(&mut accept);
        }
        let first = lower.first().map_or(0, |&b| b as usize);
        if is_set(&self.short_first_bytes, first) {
            for length in 1..HEAD.min(known + 1) {
                if let Some(entries) = self.short_prefixes.get(&head(&lower[..length])) {
                    entries.iter().for_each(&mut accept);
                }
            }
        }
    }
}
