//! Typed facts: a named quantity with a value of the right type, found in a sentence
//! ("Our RTO is one hour"), a `Key: value` line, a definition list, a table (header + cell, in
//! either orientation) or under a heading that names it.

use std::ops::Range;

use super::text::is_placeholder;
use super::values::ValueKind;
use super::{Blocks, Lexicon, Sentence};
use crate::parse::blocks::{BlockKind, TextBlock};

/// Calls `stated` with each sentence where the quantity of fact atom `atom` has a value of
/// `kind` (its block and the range of the name), until it returns `false`.
pub(crate) fn hits(
    lexicon: &Lexicon,
    atom: usize,
    kind: ValueKind,
    doc: &Blocks<'_>,
    sentences: &[&Sentence<'_>],
    stated: &mut dyn FnMut(usize, Range<usize>) -> bool,
) {
    let mut names = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        for phrase in sentence.phrases_of(atom) {
            names.clear();
            lexicon.occurrences(lexicon.first_part(atom, phrase), sentence, &mut names);
            let Some(first) = names.first().cloned() else {
                continue;
            };
            let found = names
                .iter()
                .any(|name| in_sentence(lexicon, sentences, index, name, kind))
                || in_structure(doc, sentence.block, kind);
            if found {
                if !stated(sentence.block, first) {
                    return;
                }
                break;
            }
        }
    }
}

/// A value of `kind` belonging to the name at `name` within its sentence: the nearest value
/// after it before the next named quantity, or before it when it is the first name, or —
/// when the sentence lists as many names as values ("RTO/RPO: 4h/15 min") — by position.
fn in_sentence(
    lexicon: &Lexicon,
    sentences: &[&Sentence<'_>],
    index: usize,
    name: &Range<usize>,
    kind: ValueKind,
) -> bool {
    let sentence = sentences[index];
    let offset = sentence.range.start;
    let found: Vec<Range<usize>> = (sentence.memo.values(kind, sentence.text).iter())
        .map(|v| v.start + offset..v.end + offset)
        .collect();
    // A value whose unit is the name itself ("3,500 TPS").
    if found
        .iter()
        .any(|r| r.start <= name.start && name.end <= r.end)
    {
        return true;
    }
    let found: Vec<Range<usize>> = found
        .into_iter()
        .filter(|r| r.start >= name.end || r.end <= name.start)
        .collect();
    if found.is_empty() {
        return false;
    }
    let others = other_names(lexicon, sentence, name);
    let next = others
        .iter()
        .map(|r| r.start)
        .filter(|&s| s >= name.end)
        .min()
        .unwrap_or(usize::MAX);
    let is_first = others.iter().all(|r| r.start > name.start);
    let segment_clean = |r: &Range<usize>| {
        let (from, to) = if r.start >= name.end {
            (name.end, r.end)
        } else {
            (r.start, name.start)
        };
        !is_placeholder(slice(sentence, from, to))
    };
    if found
        .iter()
        .any(|r| r.start >= name.end && r.start < next && segment_clean(r))
    {
        return true;
    }
    if is_first
        && found
            .iter()
            .any(|r| r.end <= name.start && segment_clean(r))
    {
        return true;
    }
    // Parallel lists: "RTO / RPO: 4 h / 15 min".
    let mut names: Vec<Range<usize>> = others;
    names.push(name.clone());
    names.sort_by_key(|r| r.start);
    names.dedup_by_key(|r| r.start);
    names.len() > 1 && names.len() == found.len() && !sentence.memo.is_placeholder(sentence.text)
}

/// The text of a sentence between `from` and `to` (block coordinates), clamped to it.
fn slice<'a>(sentence: &Sentence<'a>, from: usize, to: usize) -> &'a str {
    let start = from
        .saturating_sub(sentence.range.start)
        .min(sentence.text.len());
    let end = to
        .saturating_sub(sentence.range.start)
        .clamp(start, sentence.text.len());
    sentence.text.get(start..end).unwrap_or_default()
}

/// Names of other quantities in the sentence (any fact atom's name that matched there).
fn other_names(
    lexicon: &Lexicon,
    sentence: &Sentence<'_>,
    name: &Range<usize>,
) -> Vec<Range<usize>> {
    let all = sentence.names.get_or_init(|| all_names(lexicon, sentence));
    all.iter()
        .filter(|r| !(r.start < name.end && name.start < r.end))
        .cloned()
        .collect()
}

/// Where every fact atom's name occurs in the sentence.
fn all_names(lexicon: &Lexicon, sentence: &Sentence<'_>) -> Vec<Range<usize>> {
    let mut firsts: Vec<usize> = (sentence.stated.iter())
        .filter(|&&(atom, _)| lexicon.is_fact(atom as usize))
        .map(|&(atom, phrase)| lexicon.first_part(atom as usize, phrase as usize))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let mut names = Vec::new();
    for first in firsts {
        lexicon.occurrences(first, sentence, &mut names);
    }
    names
}

/// A value stated by the block's structure: table cells beside or below a naming cell, the
/// blocks under a naming heading, the definition of a naming term.
fn in_structure(doc: &Blocks<'_>, block: usize, kind: ValueKind) -> bool {
    let blocks = doc.list;
    // A unit named by the label ("RTO (hours)", "Size [GB]") makes bare numbers values. Asked
    // only of a label with a related block lacking a value of its own: the label is often a
    // long paragraph, which has no related blocks at all.
    let label_unit = || doc.memo(block).unit_hint(kind, doc.text(block));
    let has_value = |b: usize| {
        let (memo, text) = (doc.memo(b), doc.text(b));
        !doc.is_placeholder(b)
            && (!memo.values(kind, text).is_empty()
                || (label_unit() && memo.has_bare_numbers(kind, text)))
    };
    match &blocks[block].kind {
        BlockKind::TableCell { .. } => related_cells(blocks, block).any(has_value),
        BlockKind::Heading(level) => section_blocks(blocks, block, *level).take(3).any(has_value),
        BlockKind::DefinitionTitle => blocks
            .get(block + 1)
            .is_some_and(|b| b.kind == BlockKind::DefinitionBody && has_value(block + 1)),
        _ => false,
    }
}

/// The other cells of a cell's row (a table's cells are consecutive blocks, row by row).
pub(crate) fn row_cells(blocks: &[TextBlock], block: usize) -> impl Iterator<Item = usize> + '_ {
    let before = (0..block)
        .rev()
        .take_while(move |&i| same_row(blocks, block, i))
        .collect::<Vec<_>>();
    let after = (block + 1..blocks.len()).take_while(move |&i| same_row(blocks, block, i));
    before.into_iter().rev().chain(after)
}

/// Cells related to a cell: the rest of its row after it; and, for a header cell, its column
/// below.
pub(crate) fn related_cells(
    blocks: &[TextBlock],
    block: usize,
) -> impl Iterator<Item = usize> + '_ {
    let BlockKind::TableCell { table, row, column } = blocks[block].kind else {
        return Vec::new().into_iter();
    };
    let related: Vec<usize> = (block + 1..blocks.len())
        .map_while(|i| match blocks[i].kind {
            BlockKind::TableCell {
                table: t,
                row: r,
                column: c,
            } if t == table => Some((i, r, c)),
            _ => None,
        })
        .filter(|&(_, r, c)| (r == row && c > column) || (row == 0 && c == column && r > 0))
        .map(|(i, _, _)| i)
        .collect();
    related.into_iter()
}

/// Whether block `other` is a cell of the same table row as cell `block`.
fn same_row(blocks: &[TextBlock], block: usize, other: usize) -> bool {
    match (&blocks[block].kind, &blocks[other].kind) {
        (
            BlockKind::TableCell { table, row, .. },
            BlockKind::TableCell {
                table: t, row: r, ..
            },
        ) => table == t && row == r,
        _ => false,
    }
}

/// Blocks under a heading, up to the next heading of the same or a higher level.
pub(crate) fn section_blocks(
    blocks: &[TextBlock],
    heading: usize,
    level: u8,
) -> impl Iterator<Item = usize> + '_ {
    blocks[heading + 1..]
        .iter()
        .enumerate()
        .take_while(move |(_, b)| !matches!(b.kind, BlockKind::Heading(l) if l <= level))
        .filter(|(_, b)| !matches!(b.kind, BlockKind::Heading(_)))
        .map(move |(i, _)| heading + 1 + i)
}
