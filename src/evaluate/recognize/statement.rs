//! Topic statements: a sentence states a topic atom when one of its phrases occurs there, as
//! content (not a placeholder, not a bare label), and is not denied ("there is no fallback
//! plan", see `negation/`).

use std::ops::Range;

use super::sentence::Sentence;
use super::{Blocks, Lexicon, clamp, facts, negation};
use crate::parse::blocks::BlockKind;

impl Lexicon {
    /// Calls `stated` with each sentence that states a topic atom (block and range) until it
    /// returns `false`.
    pub(super) fn topic_hits(
        &self,
        atom: usize,
        doc: &Blocks<'_>,
        sentences: &[&Sentence<'_>],
        stated: &mut dyn FnMut(usize, Range<usize>) -> bool,
    ) {
        let mut occurrences = Vec::new();
        for sentence in sentences.iter().copied() {
            if sentence.phrases_of(atom).next().is_none()
                || sentence.memo.is_placeholder(sentence.text)
                || !topic_has_content(doc, sentence)
            {
                continue;
            }
            let affirmed = (sentence.phrases_of(atom))
                .find_map(|phrase| self.affirmed(atom, phrase, sentence, &mut occurrences));
            if let Some(range) = affirmed
                && !stated(sentence.block, range)
            {
                return;
            }
        }
    }

    /// Where phrase `phrase` of `atom` (which occurs in the sentence) is affirmed there: the
    /// first occurrence of its first part that is not denied, in block coordinates; `None`
    /// when every occurrence of one of its parts is denied.
    fn affirmed(
        &self,
        atom: usize,
        phrase: usize,
        sentence: &Sentence<'_>,
        occurrences: &mut Vec<Range<usize>>,
    ) -> Option<Range<usize>> {
        let parts = &self.atoms[atom].phrases[phrase];
        if !self.atoms[atom].deniable[phrase] || !sentence.memo.has_denial_cue(sentence.text) {
            return self.locate(parts[0], sentence);
        }
        let mut first = None;
        for &part in parts {
            occurrences.clear();
            self.occurrences_in_text(part, sentence, occurrences);
            let affirmed = (occurrences.iter())
                .find(|range| !negation::denies(sentence.text, (*range).clone()))?;
            first.get_or_insert_with(|| clamp(sentence, affirmed.clone()));
        }
        first
    }
}

/// A topic counts only with content: a heading needs a non-placeholder block under it; a
/// table cell needs a non-placeholder cell beside it (or below it, for a header); prose needs
/// a few words, not a bare label.
fn topic_has_content(doc: &Blocks<'_>, sentence: &Sentence<'_>) -> bool {
    let blocks = doc.list;
    match &blocks[sentence.block].kind {
        BlockKind::Heading(level) => {
            facts::section_blocks(blocks, sentence.block, *level).any(|b| is_answer(doc, b))
        }
        BlockKind::TableCell { .. } => {
            has_words(sentence.text, 4)
                || facts::row_cells(blocks, sentence.block).any(|b| is_answer(doc, b))
        }
        BlockKind::DefinitionTitle => blocks.get(sentence.block + 1).is_some_and(|b| {
            b.kind == BlockKind::DefinitionBody && is_answer(doc, sentence.block + 1)
        }),
        _ => has_words(sentence.text, 3),
    }
}

/// Whether block `b` answers the heading, label or cell it belongs to: neither a placeholder
/// nor a denial ("Not in place", "None yet").
fn is_answer(doc: &Blocks<'_>, b: usize) -> bool {
    !doc.is_placeholder(b) && !negation::is_denial(doc.text(b))
}

/// Whether `text` holds at least `n` words (runs of non-whitespace): the words after the
/// `n`-th are not looked at.
pub(super) fn has_words(text: &str, n: usize) -> bool {
    n == 0 || text.split_whitespace().nth(n - 1).is_some()
}
