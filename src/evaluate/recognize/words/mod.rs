//! The word matcher: finds every phrase part in a text with one pass over its words.
//!
//! A text is split into tokens (runs of ASCII letters and digits). A part is a sequence of
//! words (see [`topic::part_words`](super::topic::part_words)); adjacent words may be written
//! apart, joined by separators (spaces, dashes, slashes, underscores), or as one token
//! ("cut over", "cut-over", "cutover"), so each part is compiled to every way of grouping its
//! words into tokens. Each token is looked up once in a hash map of every form (and prefix) of
//! every word, so the cost grows with the text, not with the number of phrases.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::token_cache::{self, Generation};
use super::topic::Word;
use openings::Openings;
use tokens::Token;

mod openings;
mod tokens;

/// Index of a token pattern: one token with one of some forms, or starting with a prefix.
type UnitId = u32;

/// Index of a distinct word (see [`WordMatcher::word`]).
pub(crate) type WordId = u32;

/// Parts with more words than this are matched only as written apart (no joined groupings).
const MAX_JOINED_WORDS: usize = 8;

/// Joined forms of a group are capped; beyond it, inner words keep only their first form.
const MAX_GROUP_FORMS: usize = 256;

/// Every part of a lexicon that is made of plain words, compiled for token lookup.
#[derive(Debug, Default)]
pub(crate) struct WordMatcher {
    /// Exact forms (lowercase) and the units they satisfy.
    forms: FxHashMap<Box<[u8]>, Vec<UnitId>>,
    /// Prefixes (lowercase, four bytes or more) by their first four bytes, so that a token is
    /// looked up once and compared with a few entries.
    heads: FxHashMap<u32, Vec<Entry>>,
    /// Prefixes shorter than four bytes, by all their bytes.
    short_prefixes: FxHashMap<u32, Vec<Entry>>,
    /// The first bytes of the short prefixes (a bit per byte value).
    short_first_bytes: [u64; 4],
    /// The first bytes of every form and prefix.
    openings: Openings,
    /// The longest form or prefix, in bytes.
    longest: usize,
    /// Identifies the matcher's current contents to the per-thread token caches.
    generation: Generation,
    /// Units by their shape and texts, while compiling.
    unit_ids: FxHashMap<(Shape, Vec<String>), UnitId>,
    /// Every distinct word of the parts added, by id, and the ids by word, while compiling.
    words: Vec<Word>,
    word_ids: FxHashMap<Word, WordId>,
    /// The unit of each group of words seen (`None`: the group cannot be one token), while
    /// compiling: most groups recur across parts, and hashing their word ids is cheaper than
    /// expanding them again.
    group_units: FxHashMap<Box<[WordId]>, Option<UnitId>>,
    /// For each unit, the trie node of the sequences that start with it ([`NO_NODE`] if none).
    first_nodes: Vec<NodeId>,
    /// The trie of sequences: a node per sequence prefix.
    nodes: Vec<Node>,
    /// The trie's edges: a node and the unit of the next token, to the node it leads to.
    children: FxHashMap<(NodeId, UnitId), NodeId>,
}

/// Index of a node of the sequence trie.
type NodeId = u32;

/// No node: no sequence starts with a unit.
const NO_NODE: NodeId = NodeId::MAX;

/// A node of the sequence trie: the tokens so far satisfy a prefix of some sequences.
#[derive(Debug, Default)]
struct Node {
    /// The parts whose sequence ends here.
    parts: Vec<usize>,
    /// Whether some longer sequence continues from here.
    continues: bool,
}

/// A form or prefix of a token, and the units it satisfies.
#[derive(Debug)]
struct Entry {
    text: Box<[u8]>,
    shape: Shape,
    units: Vec<UnitId>,
}

/// How a token must relate to an entry's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Shape {
    /// The token is the text.
    Form,
    /// The token starts with the text.
    Prefix,
    /// The token starts with the text and ends with one of these suffixes (or, when open,
    /// holds one after the text).
    Affix(Vec<Vec<u8>>, bool),
}

impl Entry {
    /// Whether a (lowercase, whole) token satisfies the entry.
    fn accepts(&self, token: &[u8]) -> bool {
        match &self.shape {
            Shape::Form => *self.text == *token,
            Shape::Prefix => token.starts_with(&self.text),
            Shape::Affix(suffixes, open) => {
                let Some(rest) = token.strip_prefix(&*self.text) else {
                    return false;
                };
                suffixes.iter().any(|s| match open {
                    false => rest.ends_with(s),
                    true => rest.windows(s.len()).any(|w| w == &s[..]),
                })
            }
        }
    }
}

/// Letters a prefix may take before the suffix of an affix, at most, in a joined token.
const AFFIX_SLACK: usize = 16;

/// A part found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartMatch {
    /// Index of the part.
    pub part: usize,
    /// Byte range of the match in the text.
    pub range: Range<usize>,
}

/// Working space of [`WordMatcher::find_into`], kept from text to text so that matching a
/// text allocates nothing once the buffers have grown.
#[derive(Default)]
pub(crate) struct FindBuffers {
    /// The tokens of the text.
    tokens: Vec<Token>,
    /// Trie nodes reached, each with the index of the last token it consumed.
    reached: Vec<(NodeId, usize)>,
}

/// Removes from `out[from..]` (matches that start at one place, ordered by part) every match
/// of a part after its first.
fn dedup_parts(out: &mut Vec<PartMatch>, from: usize) {
    let mut kept = from;
    for i in from..out.len() {
        if kept == from || out[kept - 1].part != out[i].part {
            out.swap(kept, i);
            kept += 1;
        }
    }
    out.truncate(kept);
}

impl WordMatcher {
    /// Adds part `part`, written as `words`.
    #[cfg(test)]
    pub fn add(&mut self, part: usize, words: &[Word]) {
        let ids: Vec<WordId> = words.iter().map(|w| self.word(w.clone())).collect();
        self.add_words(part, &ids);
    }

    /// The id of a word, for [`Self::add_words`]; equal words have one id.
    pub fn word(&mut self, word: Word) -> WordId {
        if let Some(&id) = self.word_ids.get(&word) {
            return id;
        }
        let id = self.words.len() as WordId;
        self.words.push(word.clone());
        self.word_ids.insert(word, id);
        id
    }

    /// Adds part `part`, written as the words of `words` (ids from [`Self::word`]).
    pub fn add_words(&mut self, part: usize, words: &[WordId]) {
        if words.is_empty() {
            return;
        }
        self.generation = Generation::default();
        let mut groups = Vec::with_capacity(words.len());
        let mut units = Vec::with_capacity(words.len());
        for joins in joinings(words.len()) {
            grouping(words.len(), joins, &mut groups);
            units.clear();
            // Like collecting into an `Option`: the groups after one that cannot be a token
            // are not looked at.
            let complete = groups.iter().all(|group| {
                let unit = self.group_unit(&words[group.clone()]);
                units.extend(unit);
                unit.is_some()
            });
            if complete {
                self.add_sequence(part, &units);
            }
        }
    }

    /// Adds one way of writing `part` as consecutive tokens (their units) to the trie.
    fn add_sequence(&mut self, part: usize, units: &[UnitId]) {
        let first = units[0] as usize;
        if self.first_nodes[first] == NO_NODE {
            self.first_nodes[first] = self.new_node();
        }
        let mut node = self.first_nodes[first];
        for &unit in &units[1..] {
            self.nodes[node as usize].continues = true;
            node = match self.children.get(&(node, unit)) {
                Some(&child) => child,
                None => {
                    let child = self.new_node();
                    self.children.insert((node, unit), child);
                    child
                }
            };
        }
        let parts = &mut self.nodes[node as usize].parts;
        if !parts.contains(&part) {
            parts.push(part);
        }
    }

    fn new_node(&mut self) -> NodeId {
        self.nodes.push(Node::default());
        (self.nodes.len() - 1) as NodeId
    }

    /// The unit of words written as one token, or `None` for the rare groups it cannot
    /// express (a prefix word that is neither first nor last, or two prefix words).
    fn group_unit(&mut self, group: &[WordId]) -> Option<UnitId> {
        if let Some(&unit) = self.group_units.get(group) {
            return unit;
        }
        let unit = group_texts(&self.words, group).map(|(texts, shape)| self.unit(texts, shape));
        self.group_units.insert(group.into(), unit);
        unit
    }

    /// The unit of tokens that are one of `texts` (as `shape` says), added if new.
    fn unit(&mut self, texts: Vec<String>, shape: Shape) -> UnitId {
        let key = (shape, texts);
        if let Some(&id) = self.unit_ids.get(&key) {
            return id;
        }
        let id = self.first_nodes.len() as UnitId;
        self.first_nodes.push(NO_NODE);
        let (shape, texts) = &key;
        for text in texts {
            self.add_text(text.as_bytes(), shape, id);
        }
        self.unit_ids.insert(key, id);
        id
    }

    /// Notes that a token that is `text` (as `shape` says) satisfies unit `id`.
    fn add_text(&mut self, text: &[u8], shape: &Shape, id: UnitId) {
        self.longest = self.longest.max(text.len());
        if let Shape::Affix(suffixes, _) = shape {
            let longest_suffix = suffixes.iter().map(Vec::len).max().unwrap_or(0);
            self.longest = self.longest.max(text.len() + longest_suffix + AFFIX_SLACK);
        }
        self.openings.add(text, *shape != Shape::Form);
        if *shape == Shape::Form {
            let units = match self.forms.get_mut(text) {
                Some(units) => units,
                None => self.forms.entry(text.into()).or_default(),
            };
            if !units.contains(&id) {
                units.push(id);
            }
            return;
        }
        let map = if text.len() < HEAD {
            let first = text[0] as usize;
            self.short_first_bytes[first / 64] |= 1 << (first % 64);
            &mut self.short_prefixes
        } else {
            &mut self.heads
        };
        let entries = map.entry(head(text)).or_default();
        match entries
            .iter_mut()
            .find(|e| *e.text == *text && e.shape == *shape)
        {
            Some(entry) => entry.units.push(id),
            None => entries.push(Entry {
                text: text.into(),
                shape: shape.clone(),
                units: vec![id],
            }),
        }
    }

    /// Every occurrence of every part in `text`, ordered by start, then part.
    #[cfg(test)]
    pub fn find(&self, text: &str) -> Vec<PartMatch> {
        let mut out = Vec::new();
        self.find_into(text, &mut FindBuffers::default(), &mut out);
        out
    }

    /// Appends to `out` every occurrence of every part in `text`, ordered by start, then
    /// part; `buffers` are working space, reused from text to text.
    pub fn find_into(&self, text: &str, buffers: &mut FindBuffers, out: &mut Vec<PartMatch>) {
        token_cache::with(self.generation, |cache| {
            self.tokens(text, cache, &mut buffers.tokens);
            self.walk(text, buffers, cache.units(), out);
        })
    }

    /// Appends to `out` every occurrence of every part among `buffers.tokens` (of `text`;
    /// their units index `units`).
    fn walk(
        &self,
        text: &str,
        buffers: &mut FindBuffers,
        units: &[UnitId],
        out: &mut Vec<PartMatch>,
    ) {
        let FindBuffers { tokens, reached } = buffers;
        let units_of = |token: &Token| &units[token.units.start as usize..token.units.end as usize];
        // Trie nodes reached, each with the index of the last token it consumed.
        reached.clear();
        for (i, token) in tokens.iter().enumerate() {
            if token.units.is_empty() {
                continue;
            }
            let from = out.len();
            reached.extend(
                (units_of(token).iter())
                    .map(|&unit| (self.first_nodes[unit as usize], i))
                    .filter(|&(node, _)| node != NO_NODE),
            );
            while let Some((node, last)) = reached.pop() {
                let end = tokens[last].range.end;
                let parts = &self.nodes[node as usize].parts;
                out.extend(parts.iter().map(|&part| PartMatch {
                    part,
                    range: token.range.start..end,
                }));
                if !self.nodes[node as usize].continues {
                    continue;
                }
                let Some(next) = tokens.get(last + 1) else {
                    continue;
                };
                if separates(&text[end..next.range.start]) {
                    reached.extend(
                        (units_of(next).iter())
                            .filter_map(|&unit| self.children.get(&(node, unit)))
                            .map(|&child| (child, last + 1)),
                    );
                }
            }
            // The matches of a token all start where it does: keep the shortest of each part.
            if out.len() > from + 1 {
                out[from..].sort_unstable_by_key(|m| (m.part, m.range.end));
                dedup_parts(out, from);
            }
        }
    }
}

/// Bytes of a form that select its entries.
const HEAD: usize = 4;

/// The first four bytes of `text` (all of it when shorter), as a key.
fn head(text: &[u8]) -> u32 {
    let mut key = [0u8; HEAD];
    let n = text.len().min(HEAD);
    key[..n].copy_from_slice(&text[..n]);
    u32::from_le_bytes(key)
}

/// Every head followed by every tail.
fn concat(heads: &[String], tails: &[String]) -> Vec<String> {
    heads
        .iter()
        .flat_map(|h| tails.iter().map(move |t| [h.as_str(), t].concat()))
        .collect()
}

/// Every concatenation of one form of each word (capped; beyond the cap, words keep only their
/// first form), or `None` when a word is a prefix.
fn joined_forms<'w>(words: impl IntoIterator<Item = &'w Word>) -> Option<Vec<String>> {
    let mut joined = vec![String::new()];
    for word in words {
        let Word::Forms(forms) = word else {
            return None;
        };
        let forms = if joined.len() * forms.len() > MAX_GROUP_FORMS {
            &forms[..1]
        } else {
            &forms[..]
        };
        joined = joined
            .iter()
            .flat_map(|h| forms.iter().map(move |f| [h.as_str(), f].concat()))
            .collect();
    }
    Some(joined)
}

/// Whether the text between two words joins them into a phrase: only spaces, dashes, slashes
/// and underscores.
fn separates(gap: &str) -> bool {
    if gap == " " {
        return true;
    }
    gap.chars().all(|c| {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\u{A0}' | '-' | '_' | '/' | '‐' | '‑' | '‒' | '–' | '—'
        )
    })
}

/// The texts and shape of the unit of a group of words (ids into `table`) written as one
/// token, or `None` when no unit expresses it (see [`WordMatcher::group_unit`]).
fn group_texts(table: &[Word], group: &[WordId]) -> Option<(Vec<String>, Shape)> {
    let word = |id: &WordId| &table[*id as usize];
    if let [first, rest @ ..] = group
        && let Word::Prefix(prefixes) = word(first)
        && !rest.is_empty()
    {
        // "take* over" written "takeover": the prefix, any letters, then the rest.
        let (rest, open) = match rest.split_last().map(|(last, inner)| (word(last), inner)) {
            Some((Word::Prefix(last), inner)) => {
                (concat(&joined_forms(inner.iter().map(word))?, last), true)
            }
            _ => (joined_forms(rest.iter().map(word))?, false),
        };
        let suffixes = rest.into_iter().map(String::into_bytes).collect();
        return Some((prefixes.clone(), Shape::Affix(suffixes, open)));
    }
    let (last, inner) = group.split_last()?;
    let heads = joined_forms(inner.iter().map(word))?;
    let (tails, shape) = match word(last) {
        Word::Forms(forms) => (forms, Shape::Form),
        Word::Prefix(prefixes) => (prefixes, Shape::Prefix),
    };
    let mut all = concat(&heads, tails);
    all.sort();
    all.dedup();
    Some((all, shape))
}

/// The ways of joining `n` words into tokens, as bit sets (bit `i`: word `i` is joined to the
/// next) for [`grouping`]: every way, or only all apart for parts of many words.
fn joinings(n: usize) -> std::ops::Range<usize> {
    if n > MAX_JOINED_WORDS {
        return 0..1;
    }
    0..1usize << (n - 1)
}

/// Writes into `groups` the groups of consecutive words (ranges of words) that joining `n`
/// words as `joins` says makes.
fn grouping(n: usize, joins: usize, groups: &mut Vec<Range<usize>>) {
    groups.clear();
    let mut start = 0;
    for i in 0..n {
        let joined_to_next = i + 1 < n && joins.checked_shr(i as u32).is_some_and(|j| j & 1 != 0);
        if !joined_to_next {
            groups.push(start..i + 1);
            start = i + 1;
        }
    }
}

/// Every way of grouping `n` words into consecutive tokens (each group a range of words).
#[cfg(test)]
fn groupings(n: usize) -> Vec<Vec<Range<usize>>> {
    joinings(n)
        .map(|joins| {
            let mut groups = Vec::new();
            grouping(n, joins, &mut groups);
            groups
        })
        .collect()
}

#[cfg(test)]
mod tests;
