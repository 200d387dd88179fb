//! The working space of the recognizer: every buffer that reading a document fills, kept per
//! thread and reused from document to document, so that a document's sentences are a few
//! slices of a few long-lived buffers rather than many small allocations of their own.

use std::cell::Cell;
use std::ops::Range;

use super::sentence::Collected;
use super::words::{FindBuffers, PartMatch, WordMatcher};
use crate::parse::blocks::TextBlock;

/// Entries a buffer keeps between documents, at most: a very large document does not pin its
/// buffers' memory for the rest of the run.
const KEPT_CAPACITY: usize = 1 << 16;

/// Everything the sentences of one document are built from.
#[derive(Default)]
pub(super) struct Workspace {
    /// The word matches of the document's blocks.
    pub matches: BlockMatches,
    /// The sentences read so far, and what each states.
    pub collected: Collected,
    /// The texts of the section leads (a heading joined to the sentence under it), one after
    /// another.
    pub leads: String,
}

thread_local! {
    static SPARE: Cell<Workspace> = Cell::new(Workspace::default());
}

impl Workspace {
    /// Runs `f` with this thread's workspace, emptied first.
    pub fn with<R>(f: impl FnOnce(&mut Workspace) -> R) -> R {
        let mut workspace = SPARE.take();
        workspace.clear();
        let result = f(&mut workspace);
        workspace.trim();
        SPARE.set(workspace);
        result
    }

    /// Empties every buffer (keeping its memory).
    pub fn clear(&mut self) {
        self.matches.found.clear();
        self.matches.spans.clear();
        self.collected.clear();
        self.leads.clear();
    }

    /// Gives back the memory of buffers grown beyond [`KEPT_CAPACITY`].
    fn trim(&mut self) {
        self.matches.found.shrink_to(KEPT_CAPACITY);
        self.matches.spans.shrink_to(KEPT_CAPACITY);
        self.collected.trim(KEPT_CAPACITY);
        self.leads.shrink_to(KEPT_CAPACITY);
    }
}

/// The word matches of every block of a document, block after block, in block coordinates.
#[derive(Default)]
pub(super) struct BlockMatches {
    found: Vec<PartMatch>,
    /// Where each block's matches are in `found`.
    spans: Vec<Range<usize>>,
    /// The word matcher's buffers.
    buffers: FindBuffers,
}

impl BlockMatches {
    /// Finds the word matches of every block (after those of any blocks found before).
    pub fn find(&mut self, words: &WordMatcher, blocks: &[TextBlock]) {
        for block in blocks {
            let start = self.found.len();
            words.find_into(&block.text, &mut self.buffers, &mut self.found);
            self.spans.push(start..self.found.len());
        }
    }

    /// The word matches of block `b`, ordered by start.
    pub fn of(&self, b: usize) -> &[PartMatch] {
        &self.found[self.spans[b].clone()]
    }
}
