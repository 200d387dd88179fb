//! The units of tokens already looked up, kept per thread. Most words of a repository recur
//! (Zipf's law), and a cached token costs one hash lookup of an integer instead of one lookup
//! per table of forms and prefixes, each comparing byte strings.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

/// Tokens longer than this (in bytes) are not cached: they do not fit the integer key.
pub(crate) const MAX_CACHED: usize = 16;

/// Distinct tokens kept before the cache starts over (bounds its memory to a few MB).
const CAPACITY: usize = 1 << 16;

/// Which word matcher a cache belongs to: a new value for every matcher and every change to
/// one, so that a cache never answers for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Generation(u64);

impl Default for Generation {
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Generation(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// Cached tokens (lowercase, as integer keys) and the units each satisfies.
#[derive(Default)]
pub(crate) struct TokenCache {
    generation: Option<Generation>,
    units_of: FxHashMap<u128, Range<u32>>,
    pool: Vec<u32>,
}

thread_local! {
    static CACHE: RefCell<TokenCache> = RefCell::new(TokenCache::default());
}

/// Runs `f` with this thread's cache, emptied first if it belongs to another generation.
pub(crate) fn with<R>(generation: Generation, f: impl FnOnce(&mut TokenCache) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.generation != Some(generation) || cache.units_of.len() >= CAPACITY {
            cache.units_of.clear();
            cache.pool.clear();
            cache.generation = Some(generation);
        }
        f(&mut cache)
    })
}

/// The key of a lowercase token of at most [`MAX_CACHED`] bytes (token bytes are never zero,
/// so zero padding keeps keys distinct).
pub(crate) fn key(lower: &[u8]) -> u128 {
    let mut bytes = [0u8; MAX_CACHED];
    bytes[..lower.len()].copy_from_slice(lower);
    u128::from_le_bytes(bytes)
}

impl TokenCache {
    /// Appends the cached units of `key` to `units`; `false` when the token is not cached.
    pub fn extend(&self, key: u128, units: &mut Vec<u32>) -> bool {
        match self.units_of.get(&key) {
            Some(range) => {
                units.extend_from_slice(&self.pool[range.start as usize..range.end as usize]);
                true
            }
            None => false,
        }
    }

    /// Caches the units of `key`.
    pub fn insert(&mut self, key: u128, units: &[u32]) {
        let start = self.pool.len() as u32;
        self.pool.extend_from_slice(units);
        self.units_of.insert(key, start..self.pool.len() as u32);
    }
}
