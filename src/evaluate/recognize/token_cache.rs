//! The units of tokens already looked up, kept per thread. Most words of a repository recur
//! (Zipf's law), and a cached token costs one hash lookup of an integer instead of one lookup
//! per table of forms and prefixes, each comparing byte strings. The word matcher reads the
//! units of a text's tokens straight from the cache's pool, without copying them.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

/// Tokens longer than this (in bytes) are not cached: they do not fit the integer key.
pub(crate) const MAX_CACHED: usize = 16;

/// Distinct tokens kept before the cache starts over (bounds its memory to a few MB).
const CAPACITY: usize = 1 << 16;

/// Units kept in the pool before the cache starts over (uncached tokens add to it too).
const POOL_CAPACITY: usize = 1 << 20;

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

/// Cached tokens (lowercase, as integer keys) and the units each satisfies, as ranges of a
/// pool of units.
#[derive(Default)]
pub(crate) struct TokenCache {
    generation: Option<Generation>,
    units_of: FxHashMap<u128, Range<u32>>,
    pool: Vec<u32>,
}

thread_local! {
    static CACHE: RefCell<TokenCache> = RefCell::new(TokenCache::default());
}

/// Runs `f` with this thread's cache, emptied first if it belongs to another generation or
/// is full. Ranges it hands out stay valid until `f` returns.
pub(crate) fn with<R>(generation: Generation, f: impl FnOnce(&mut TokenCache) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.generation != Some(generation)
            || cache.units_of.len() >= CAPACITY
            || cache.pool.len() >= POOL_CAPACITY
        {
            cache.units_of.clear();
            cache.pool.clear();
            cache.generation = Some(generation);
        }
        f(&mut cache)
    })
}

impl TokenCache {
    /// The units of a cached token (its key: lowercase bytes, zero-padded, little-endian),
    /// as a range of [`Self::units`].
    pub fn get(&self, key: u128) -> Option<Range<u32>> {
        self.units_of.get(&key).cloned()
    }

    /// Appends units to the pool with `fill` and returns their range; caches them as the
    /// units of `key`, if given.
    pub fn add(&mut self, key: Option<u128>, fill: impl FnOnce(&mut Vec<u32>)) -> Range<u32> {
        let start = self.pool.len() as u32;
        fill(&mut self.pool);
        let range = start..self.pool.len() as u32;
        if let Some(key) = key {
            self.units_of.insert(key, range.clone());
        }
        range
    }

    /// The pool of units that the ranges index.
    pub fn units(&self) -> &[u32] {
        &self.pool
    }
}
