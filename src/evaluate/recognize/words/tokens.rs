//! A text's tokens and the units each satisfies. Tokens are read with one table lookup per
//! byte; a token that opens as no form or prefix does (see
//! [`Openings`](super::openings::Openings)) has no units, and the others are looked up in the
//! per-thread token cache, by a key read from the text as one integer.

use std::ops::Range;

use super::openings::is_set;
use super::{Entry, HEAD, Shape, UnitId, WordMatcher, head};
use crate::evaluate::recognize::token_cache::{MAX_CACHED, TokenCache};

/// Whether each byte is a token byte (an ASCII letter or digit).
static IS_TOKEN_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Setting bit 0x20 of every byte lowercases an ASCII letter, and leaves a digit as it is.
const LOWERCASE_BIT: u128 = u128::from_le_bytes([0x20; MAX_CACHED]);

/// A token of a text and the units it satisfies (a range of the token cache's units).
pub(super) struct Token {
    pub range: Range<usize>,
    pub units: Range<u32>,
}

/// The cache key of the token at `range` of `bytes` (at most [`MAX_CACHED`] bytes): its bytes
/// lowercased, zero-padded, little-endian. Read as one integer when the text allows.
fn key(bytes: &[u8], range: Range<usize>) -> u128 {
    let mask = u128::MAX >> (8 * (MAX_CACHED - range.len()));
    let raw = match bytes.get(range.start..range.start + MAX_CACHED) {
        Some(wide) => u128::from_le_bytes(wide.try_into().expect("MAX_CACHED bytes")),
        None => {
            let mut padded = [0u8; MAX_CACHED];
            padded[..range.len()].copy_from_slice(&bytes[range]);
            u128::from_le_bytes(padded)
        }
    };
    (raw | LOWERCASE_BIT) & mask
}

impl WordMatcher {
    /// Puts in `tokens` the tokens of `text` (runs of ASCII letters and digits), each with
    /// its units.
    pub(super) fn tokens(&self, text: &str, cache: &mut TokenCache, tokens: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        tokens.clear();
        let mut i = 0;
        while i < bytes.len() {
            if !IS_TOKEN_BYTE[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && IS_TOKEN_BYTE[bytes[i] as usize] {
                i += 1;
            }
            let units = self.token_units(bytes, start..i, cache);
            tokens.push(Token {
                range: start..i,
                units,
            });
        }
    }

    /// The units of the token at `range` of `bytes`.
    fn token_units(&self, bytes: &[u8], range: Range<usize>, cache: &mut TokenCache) -> Range<u32> {
        let token = &bytes[range.clone()];
        let lowered = |k: usize| token.get(k).map_or(0, u8::to_ascii_lowercase);
        if !self.openings.may_open(lowered(0), lowered(1)) {
            return 0..0;
        }
        if token.len() > MAX_CACHED {
            return cache.add(None, |units| self.units_of(token, units));
        }
        let key = key(bytes, range);
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
