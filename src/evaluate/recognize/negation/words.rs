//! Words of a sentence, as slices of it, and comparing them with the vocabulary in any case.

use std::ops::Range;

/// Whether `word` is `lower` (lowercase ASCII), in any case.
pub(super) fn is(word: &str, lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower)
}

/// Whether `word` is one of `list` (sorted, lowercase ASCII), in any case.
pub(super) fn is_in(list: &[&str], word: &str) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| list.binary_search(&lower).is_ok())
}

/// Whether `word` ends with `suffix` (lowercase ASCII), in any case.
pub(super) fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    let (word, suffix) = (word.as_bytes(), suffix.as_bytes());
    word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The words of `text` (letters, digits and apostrophes), with their ranges.
pub(super) fn words_of(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start..end, &text[start..end]))
    })
}

/// The words of `text` before `end`, nearest first.
pub(super) fn words_before(
    text: &str,
    end: usize,
) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut end = end;
    std::iter::from_fn(move || {
        let head = &text[..end];
        let word_end = head.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if word_end == 0 {
            return None;
        }
        let start = head[..word_end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(word_end, |(i, _)| i);
        end = start;
        Some((start..word_end, &text[start..word_end]))
    })
}

/// Letters, digits and the apostrophes of contractions.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}'
}
