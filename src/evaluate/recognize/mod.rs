//! The recognizer engine: decides which evidence atoms (topics and typed facts) a document
//! states, from its plain-text blocks. Every phrase of every pack is compiled once: parts made
//! of words into one word matcher that reads each block once; the few parts with punctuation
//! into small regexes, confirmed only where an Aho-Corasick automaton of their leading
//! literals finds them. Blocks are split into sentences in `sentence.rs`.

pub mod facts;
mod memo;
mod negation;
pub mod numbers;
mod parts;
mod sentence;
mod statement;
pub mod text;
mod token_cache;
pub mod topic;
pub mod values;
mod words;
mod workspace;

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_automata::meta::Regex as PartRegex;

use crate::parse::blocks::TextBlock;
use memo::TextMemo;
use parts::PartTable;
use sentence::{Sentence, sentences_by_atom};
pub use values::ValueKind;
use words::WordMatcher;
use workspace::Workspace;

/// What an atom is, as given by the packs.
#[derive(Debug, Clone)]
pub enum AtomSpec {
    /// Any of these phrases, in a sentence that is not a placeholder and does not deny it
    /// ("there is no fallback plan").
    Topic(Vec<String>),
    /// Any of these phrases, in a sentence that is not a placeholder, whether it affirms or
    /// denies it (for what is evidence either way: "shared accounts are forbidden", "no
    /// shared accounts").
    Mention(Vec<String>),
    /// A named quantity with a value of a type.
    Fact {
        /// Names of the quantity (phrases).
        names: Vec<String>,
        /// The type of the value.
        value: ValueKind,
    },
}

/// A phrase compiling error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError(pub String);

/// Where an atom is stated: the block and a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtomHit {
    /// Index of the atom.
    pub atom: usize,
    /// Index of the block.
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
}

/// A phrase started by a part: its atom, its index among the atom's phrases, and its other
/// parts (all must occur in a sentence for the phrase to).
#[derive(Debug)]
struct Trigger {
    atom: u32,
    phrase: u32,
    rest: Box<[usize]>,
}

/// A compiled atom: its phrases as lists of part indices into the set.
#[derive(Debug)]
struct Compiled {
    phrases: Vec<Vec<usize>>,
    /// For each phrase, whether a sentence can deny it (a topic's phrases without a negator).
    deniable: Vec<bool>,
    value: Option<ValueKind>,
}

/// All atoms of all packs, compiled once.
#[derive(Debug)]
pub struct Lexicon {
    atoms: Vec<Compiled>,
    /// Part regex sources, compiled on first use (most parts never occur in a repository).
    sources: Vec<String>,
    parts: Vec<OnceLock<PartRegex>>,
    /// For each part, the phrases that start with it.
    triggers: Vec<Vec<Trigger>>,
    /// The parts made of plain words, all found in one pass over a text's tokens.
    words: WordMatcher,
    /// For each part, whether the word matcher finds it (else its regex does).
    by_words: Vec<bool>,
    /// Leading literals of the other parts, and for each literal the parts that start with it.
    literals: AhoCorasick,
    parts_of_literal: Vec<Vec<usize>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::compile(&[]).expect("an empty lexicon compiles")
    }
}

/// Which statements of each atom extraction reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    /// The first in the document.
    First,
    /// The first in each block.
    EveryBlock,
}

/// A document's blocks, with what is computed once about each.
pub(crate) struct Blocks<'a> {
    /// The blocks.
    pub list: &'a [TextBlock],
    memos: Vec<TextMemo>,
}

impl<'a> Blocks<'a> {
    fn new(list: &'a [TextBlock]) -> Self {
        let memos = list.iter().map(|_| TextMemo::default()).collect();
        Blocks { list, memos }
    }

    /// The text of block `b`.
    pub fn text(&self, b: usize) -> &'a str {
        &self.list[b].text
    }

    /// The memo of block `b`.
    pub fn memo(&self, b: usize) -> &TextMemo {
        &self.memos[b]
    }

    /// Whether block `b` is a placeholder rather than content.
    pub fn is_placeholder(&self, b: usize) -> bool {
        self.memos[b].is_placeholder(self.text(b))
    }
}

impl Lexicon {
    /// Compiles the atoms; atom `i` of the result is `atoms[i]`.
    pub fn compile(atoms: &[AtomSpec]) -> Result<Lexicon, CompileError> {
        let mut table = PartTable::default();
        let mut compiled = Vec::with_capacity(atoms.len());
        for atom in atoms {
            let (phrases, value, deniable) = match atom {
                AtomSpec::Topic(phrases) => (phrases, None, true),
                AtomSpec::Mention(phrases) => (phrases, None, false),
                AtomSpec::Fact { names, value } => (names, Some(*value), false),
            };
            let indices = (phrases.iter())
                .map(|phrase| table.phrase(phrase))
                .collect::<Result<_, _>>()?;
            compiled.push(Compiled {
                phrases: indices,
                deniable: (phrases.iter())
                    .map(|phrase| deniable && !negation::has_own_polarity(phrase))
                    .collect(),
                value,
            });
        }
        let PartTable {
            sources,
            literal_of,
            by_words,
            words,
            ..
        } = table;
        // Sources are built from escaped words, so they always compile (a test compiles every
        // part of the built-in packs); each is compiled on first use.
        let parts = sources.iter().map(|_| OnceLock::new()).collect();
        let mut distinct: Vec<String> = literal_of
            .iter()
            .zip(&by_words)
            .filter(|(_, w)| !**w)
            .map(|(l, _)| l.clone())
            .collect();
        distinct.sort();
        distinct.dedup();
        let parts_of_literal = distinct
            .iter()
            .map(|l| {
                literal_of
                    .iter()
                    .enumerate()
                    .filter(|(i, x)| *x == l && !by_words[*i])
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let literals = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&distinct)
            .map_err(|e| CompileError(e.to_string()))?;
        Ok(Lexicon {
            triggers: triggers(&compiled, sources.len()),
            atoms: compiled,
            sources,
            parts,
            words,
            by_words,
            literals,
            parts_of_literal,
        })
    }

    /// The first part of phrase `phrase` of atom `atom`.
    fn first_part(&self, atom: usize, phrase: usize) -> usize {
        self.atoms[atom].phrases[phrase][0]
    }

    /// Whether atom `atom` is a typed fact (not a topic).
    fn is_fact(&self, atom: usize) -> bool {
        self.atoms[atom].value.is_some()
    }

    /// The regex of part `p`, compiled on first use. The literal automaton has already found
    /// where it can start, so the regex is built without a prefilter of its own (building
    /// prefilters dominated the start-up time).
    fn part(&self, p: usize) -> &PartRegex {
        self.parts[p].get_or_init(|| {
            PartRegex::builder()
                .configure(
                    PartRegex::config()
                        .prefilter(None)
                        .auto_prefilter(false)
                        .dfa(false),
                )
                .build(&self.sources[p])
                .expect("part regexes are built from escaped words")
        })
    }

    /// The atoms the blocks state, each with the first place that states it, in atom order.
    pub fn extract(&self, blocks: &[TextBlock]) -> Vec<AtomHit> {
        self.extract_where(blocks, Where::First)
    }

    /// The atoms the blocks state, with the first place in each block that states them, in
    /// (atom, block) order (for tools that point at or edit every statement).
    pub fn extract_every(&self, blocks: &[TextBlock]) -> Vec<AtomHit> {
        self.extract_where(blocks, Where::EveryBlock)
    }

    fn extract_where(&self, blocks: &[TextBlock], wanted: Where) -> Vec<AtomHit> {
        if self.atoms.is_empty() {
            return Vec::new();
        }
        Workspace::with(|workspace| {
            let sentences = self.sentences(blocks, workspace);
            self.hits(&Blocks::new(blocks), &sentences, wanted)
        })
    }

    /// Where each atom the sentences state is stated, in atom order.
    fn hits(&self, doc: &Blocks<'_>, sentences: &[Sentence<'_>], wanted: Where) -> Vec<AtomHit> {
        let mut hits = Vec::new();
        // Each atom is examined over the sentences that state one of its phrases, in order.
        let by_atom = sentences_by_atom(sentences, self.atoms.len());
        let mut subset: Vec<&Sentence<'_>> = Vec::new();
        let mut seen_blocks: Vec<usize> = Vec::new();
        for group in by_atom.chunk_by(|x, y| x.0 == y.0) {
            let index = group[0].0 as usize;
            subset.clear();
            subset.extend(group.iter().map(|&(_, s)| &sentences[s as usize]));
            seen_blocks.clear();
            let mut stated = |block: usize, range: Range<usize>| {
                if !seen_blocks.contains(&block) {
                    seen_blocks.push(block);
                    hits.push(AtomHit {
                        atom: index,
                        block,
                        range,
                    });
                }
                wanted == Where::EveryBlock
            };
            match self.atoms[index].value {
                None => self.topic_hits(index, doc, &subset, &mut stated),
                Some(kind) => facts::hits(self, index, kind, doc, &subset, &mut stated),
            }
        }
        hits
    }

    /// The range of part `part` in a sentence, in block coordinates.
    pub(crate) fn locate(&self, part: usize, sentence: &Sentence<'_>) -> Option<Range<usize>> {
        if self.by_words[part] {
            return (sentence.found.iter())
                .find(|m| m.part == part)
                .map(|m| clamp(sentence, m.range.clone()));
        }
        self.part(part)
            .find(sentence.text.as_bytes())
            .map(|m| clamp(sentence, m.range()))
    }

    /// Appends to `out` every occurrence of part `part` in a sentence, in block coordinates.
    pub(crate) fn occurrences(
        &self,
        part: usize,
        sentence: &Sentence<'_>,
        out: &mut Vec<Range<usize>>,
    ) {
        let start = out.len();
        self.occurrences_in_text(part, sentence, out);
        for range in &mut out[start..] {
            *range = clamp(sentence, range.clone());
        }
    }

    /// Appends to `out` every occurrence of part `part` in a sentence, in the coordinates of
    /// the sentence's text.
    fn occurrences_in_text(
        &self,
        part: usize,
        sentence: &Sentence<'_>,
        out: &mut Vec<Range<usize>>,
    ) {
        if self.by_words[part] {
            out.extend(
                (sentence.found.iter())
                    .filter(|m| m.part == part)
                    .map(|m| m.range.clone()),
            );
            return;
        }
        out.extend(
            self.part(part)
                .find_iter(sentence.text.as_bytes())
                .map(|m| m.range()),
        );
    }
}

/// A range of a sentence's text in block coordinates (matches in a section lead's borrowed
/// paragraph are pinned to the heading).
fn clamp(sentence: &Sentence<'_>, range: Range<usize>) -> Range<usize> {
    let len = sentence.range.len();
    if range.end <= len {
        sentence.range.start + range.start..sentence.range.start + range.end
    } else {
        sentence.range.clone()
    }
}

/// For each of `parts` parts, the phrases of `atoms` that start with it.
fn triggers(atoms: &[Compiled], parts: usize) -> Vec<Vec<Trigger>> {
    let mut triggers: Vec<Vec<Trigger>> = (0..parts).map(|_| Vec::new()).collect();
    for (a, atom) in atoms.iter().enumerate() {
        for (k, phrase) in atom.phrases.iter().enumerate() {
            triggers[phrase[0]].push(Trigger {
                atom: a as u32,
                phrase: k as u32,
                rest: phrase[1..].into(),
            });
        }
    }
    triggers
}

impl Lexicon {
    /// Compiles every part now (used by tests to prove every pack phrase compiles).
    pub fn compile_all_parts(&self) -> usize {
        (0..self.parts.len())
            .filter(|&p| self.part(p).pattern_len() > 0)
            .count()
    }
}

#[cfg(test)]
mod tests;
