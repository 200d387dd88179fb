//! Compiles, on pool threads that would otherwise wait for the lexicon, the patterns the
//! recognizer and the diagram check compile on first use.
//!
//! In a small repository the files are read and parsed before the lexicon is compiled, and
//! the pool waits for it; once it is ready, the first sentences and labels would compile these
//! patterns on the way. Compiled while waiting, they are off that path. A pattern no file
//! needs is compiled in time the pool had to spare, and none is compiled once the lexicon is
//! ready: the rest are compiled on first use, as before. Nothing here changes what is found.

use rayon::prelude::*;

use crate::evaluate::recognize::{numbers, text, values};

/// The groups of patterns, most needed first: each is compiled by one thread.
const PREPARES: [fn(); 8] = [
    text::prepare,
    numbers::prepare,
    values::PREPARES[0],
    values::PREPARES[1],
    values::PREPARES[2],
    crate::diagram::PREPARES[0],
    crate::diagram::PREPARES[1],
    crate::checks::diagram::collect::prepare_prose,
];

/// Compiles the groups in parallel on the current pool, each only while `ready` says the
/// lexicon is not.
pub(crate) fn while_waiting(ready: impl Fn() -> bool + Sync) {
    run_while_waiting(&PREPARES, ready);
}

/// Runs each of `prepares` in parallel, each only if `ready` is false when its turn comes.
fn run_while_waiting(prepares: &[fn()], ready: impl Fn() -> bool + Sync) {
    prepares.par_iter().with_max_len(1).for_each(|prepare| {
        if !ready() {
            prepare();
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    static RUNS: AtomicUsize = AtomicUsize::new(0);

    fn count() {
        RUNS.fetch_add(1, Ordering::SeqCst);
    }

    /// Every group compiles (a broken pattern would panic here rather than on a user's file),
    /// and each runs only while the lexicon is not ready.
    #[test]
    fn groups_compile_and_run_only_while_waiting() {
        PREPARES.iter().for_each(|prepare| prepare());
        let counters: [fn(); 5] = [count; 5];
        run_while_waiting(&counters, || true);
        assert_eq!(RUNS.load(Ordering::SeqCst), 0);
        run_while_waiting(&counters, || false);
        assert_eq!(RUNS.load(Ordering::SeqCst), 5);
        // Ready after two groups' turns, in whatever order the threads take them: the other
        // three are left to first use.
        let turns = AtomicUsize::new(0);
        run_while_waiting(&counters, || turns.fetch_add(1, Ordering::SeqCst) >= 2);
        assert_eq!(RUNS.load(Ordering::SeqCst), 7);
    }
}
