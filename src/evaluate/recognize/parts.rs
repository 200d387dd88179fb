//! The parts of a lexicon's phrases, each compiled once: a part written the same way in many
//! phrases (most are) is looked up by its text, parts written differently with the same regex
//! source are one part, and a word written the same way in many parts (most are) is compiled
//! once.

use rustc_hash::FxHashMap;

use super::CompileError;
use super::topic;
use super::words::{WordId, WordMatcher};

/// The parts of the phrases compiled so far.
#[derive(Default)]
pub(super) struct PartTable<'a> {
    /// Part ids by the part's text as written.
    ids_of_text: FxHashMap<&'a str, usize>,
    /// Part ids by regex source.
    ids_of_source: FxHashMap<String, usize>,
    /// Each word compiled so far, by how it is written.
    written_words: FxHashMap<&'a str, WrittenWord>,
    /// Each part's regex source.
    pub sources: Vec<String>,
    /// Each part's leading literal (empty for the word matcher's parts).
    pub literal_of: Vec<String>,
    /// For each part, whether the word matcher finds it.
    pub by_words: Vec<bool>,
    /// The word matcher of the parts made of plain words.
    pub words: WordMatcher,
    /// The word ids of the part being compiled.
    word_ids: Vec<WordId>,
}

/// A word as written in a part, compiled.
struct WrittenWord {
    /// Its regex (see [`topic::word_regex`]).
    regex: String,
    /// Its id in the word matcher, `None` when it is not a plain word (see
    /// [`topic::word_forms`]).
    id: Option<WordId>,
}

impl<'a> PartTable<'a> {
    /// The part ids of a phrase, compiling the parts not seen before.
    pub fn phrase(&mut self, phrase: &'a str) -> Result<Vec<usize>, CompileError> {
        let mut ids = Vec::with_capacity(2);
        for text in topic::parts(phrase) {
            let id = match self.ids_of_text.get(text) {
                Some(&id) => id,
                None => {
                    let id =
                        (self.part(text)).ok_or_else(|| CompileError(topic::empty_part(phrase)))?;
                    self.ids_of_text.insert(text, id);
                    id
                }
            };
            ids.push(id);
        }
        Ok(ids)
    }

    /// The id of a (trimmed) part not seen as written, added if its regex source is new;
    /// `None` when it has no words. The same as [`topic::compile_part`] gives, from words
    /// compiled once.
    fn part(&mut self, text: &'a str) -> Option<usize> {
        self.word_ids.clear();
        let mut plain = true;
        let mut empty = true;
        for word in topic::words(text) {
            empty = false;
            let written = self
                .written_words
                .entry(word)
                .or_insert_with(|| WrittenWord {
                    regex: topic::word_regex(word),
                    id: topic::word_forms(word).map(|forms| self.words.word(forms)),
                });
            match written.id {
                Some(id) if plain => self.word_ids.push(id),
                _ => plain = false,
            }
        }
        if empty {
            return None;
        }
        let written = &self.written_words;
        let source =
            topic::part_source(topic::words(text).map(|word| written[word].regex.as_str()));
        if let Some(&id) = self.ids_of_source.get(&source) {
            return Some(id);
        }
        let id = self.sources.len();
        self.ids_of_source.insert(source.clone(), id);
        self.sources.push(source);
        self.by_words.push(plain);
        if plain {
            self.words.add_words(id, &self.word_ids);
            self.literal_of.push(String::new());
        } else {
            self.literal_of.push(topic::literal(text));
        }
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::topic;
    use crate::packs::{Atom, Catalog};

    /// A text that states a phrase: its parts apart, each word in one of its forms.
    fn statement(phrase: &str, case: usize) -> String {
        let text = phrase.replace('*', "ing").replace('~', " and ");
        match case {
            0 => format!("We keep the {text} here."),
            1 => text.to_uppercase().replace(' ', "-"),
            _ => format!("({})", text.replace(' ', "  ")),
        }
    }

    /// The built-in lexicon, whose words are compiled once for all parts, compiles every part
    /// as the part compiles alone; its word matcher finds each phrase's parts in a text that
    /// states it, and every part it finds there matches the part's regex.
    #[test]
    fn parts_compile_as_each_part_alone() {
        let catalog = Catalog::builtin();
        let lexicon = crate::evaluate::lexicon::compile(&catalog).unwrap();
        let mut checked = 0;
        for (atom, compiled) in catalog.atoms.atoms.iter().zip(&lexicon.atoms) {
            let phrases = match atom {
                Atom::Topic(phrases) | Atom::Mention(phrases) => phrases,
                Atom::Fact { names, .. } => names,
            };
            for (phrase, ids) in phrases.iter().zip(&compiled.phrases) {
                let alone = topic::compile(phrase).unwrap();
                assert_eq!(ids.len(), alone.parts.len(), "{phrase}");
                for (k, &id) in ids.iter().enumerate() {
                    assert_eq!(lexicon.sources[id], alone.parts[k], "{phrase}");
                    assert_eq!(lexicon.by_words[id], alone.words[k].is_some(), "{phrase}");
                }
                for case in 0..3 {
                    let text = statement(phrase, case);
                    let found = lexicon.words.find(&text);
                    for &id in ids.iter().filter(|&&id| lexicon.by_words[id]) {
                        assert!(found.iter().any(|m| m.part == id), "{phrase} in {text}");
                    }
                    for m in &found {
                        let part = lexicon.part(m.part);
                        assert!(part.is_match(&text[m.range.clone()]), "{m:?} in {text}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 5000, "{checked} matches checked");
    }
}
