//! Text utilities: sentence splitting and placeholder detection.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lean_regex::WordBounded;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "approx", "incl", "inc", "ltd", "no", "fig", "cf", "mr", "ms", "dr",
    "st", "jr", "co", "corp", "min", "sec", "hr", "hrs", "max", "avg", "est",
];

/// Byte ranges of the sentences of `text`. A sentence ends at `.`, `!`, `?` or `;` followed by
/// whitespace, except after common abbreviations and inside decimals (`2.4`).
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        start: 0,
        next: 0,
    }
}

/// The sentences of a text, as byte ranges (see [`sentences`]), found one at a time.
pub struct Sentences<'t> {
    text: &'t str,
    /// Where the current sentence starts.
    start: usize,
    /// The next byte to look at.
    next: usize,
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        while self.start < bytes.len() {
            let range = match self.end_of_sentence() {
                Some(end) => self.start..end,
                None => self.start..bytes.len(),
            };
            self.start = range.end;
            self.next = range.end;
            if let Some(trimmed) = trimmed(text, range) {
                return Some(trimmed);
            }
        }
        None
    }
}

impl Sentences<'_> {
    /// The end (exclusive) of the sentence that starts at `start`, if it ends before the text.
    fn end_of_sentence(&mut self) -> Option<usize> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        // Only the four stops can end a sentence: the bytes between them are skipped in one
        // tight search.
        while let Some(offset) = bytes[self.next..].iter().position(|&b| is_stop(b)) {
            let i = self.next + offset;
            self.next = i + 1;
            let b = bytes[i];
            let at_end = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
                && !(b == b'.' && ends_with_abbreviation(&text[self.start..i], &text[i + 1..]));
            if at_end {
                return Some(i + 1);
            }
        }
        self.next = bytes.len();
        None
    }
}

/// Whether `b` is a byte that may end a sentence: `.`, `!`, `?` or `;`.
fn is_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b';')
}

/// Abbreviations that never end a sentence; the others do when a capital letter follows.
const ALWAYS_ABBREVIATED: &[&str] = &[
    "e.g", "i.e", "vs", "cf", "approx", "incl", "no", "fig", "mr", "ms", "dr", "st", "jr",
];

fn ends_with_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let is_one_of = |list: &[&str]| list.iter().any(|a| a.eq_ignore_ascii_case(word));
    if is_one_of(ALWAYS_ABBREVIATED)
        || (word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic())
    {
        return true;
    }
    is_one_of(ABBREVIATIONS) && !after.trim_start().starts_with(|c: char| c.is_uppercase())
}

/// `range` of `text` without its leading and trailing whitespace, unless nothing is left.
fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (lead + trail < slice.len()).then(|| range.start + lead..range.end - trail)
}

/// Placeholder text: "TBD", "<insert value>", "[describe here]", "{{name}}", "to be
/// confirmed", "coming soon". Every `\b` stands next to an ASCII letter of the pattern (see
/// [`WordBounded`]).
pub(crate) const PLACEHOLDER_SRC: &str = r"(?ix)
        \b(?:tbd|tbc|tba|todo|fixme|xxx+|lorem\s+ipsum)\b
        | <\s*(?:fill|insert|add|enter|describe|replace|your|todo|tbd|placeholder|customer|value|x+)\b[^>]*>
        | \[\s*(?:insert|fill|add|enter|describe|replace|todo|tbd|placeholder)\b[^\]]*\]
        | \{\{[^}]*\}\}
        | \bto\s+be\s+(?:confirmed|determined|defined|decided|added|completed|provided|documented|agreed|written|filled)\b
        | \b(?:coming\s+soon|placeholder|fill\s+(?:this\s+)?in|insert\s+here|not\s+yet\s+(?:defined|known|documented|agreed|decided))\b
        ";

static PLACEHOLDER: LazyLock<WordBounded> = LazyLock::new(|| WordBounded::new(PLACEHOLDER_SRC));

/// Compiles the placeholder pattern now rather than on first use (see
/// [`crate::lint::warm_up`]).
pub(crate) fn prepare() {
    LazyLock::force(&PLACEHOLDER);
}

/// Whether a sentence, cell or value is a placeholder rather than content.
pub fn is_placeholder(text: &str) -> bool {
    PLACEHOLDER.is_match(text) || is_only_filler(text)
}

/// Whether `text` holds no word character, or one filler word (`n/a`, `none`, `tbd`, `xxx`…)
/// among characters that are not: what
/// `(?i)^[\s\W]*(?:n/?a|none|-+|–|—|\?+|\.{3,}|…|tbd|tba|tbc|todo|xxx+)?[\s\W]*$` matches
/// (the dashes, dots and question marks are no word characters). Written out, because
/// compiling that regex's Unicode classes cost more than all its matching in a run.
fn is_only_filler(text: &str) -> bool {
    let word = text.trim_matches(|c| !regex_syntax::is_word_character(c));
    word.is_empty() || is_filler_word(word)
}

/// Whether `word` is `n/a`, `na`, `none`, `tbd`, `tba`, `tbc`, `todo` or `xxx`, `xxxx`… in any
/// case (no other character folds to these letters).
fn is_filler_word(word: &str) -> bool {
    const FILLERS: [&str; 7] = ["n/a", "na", "none", "tbd", "tba", "tbc", "todo"];
    FILLERS.iter().any(|f| word.eq_ignore_ascii_case(f))
        || (word.len() >= 3 && word.bytes().all(|b| b.eq_ignore_ascii_case(&b'x')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences_but_not_decimals_or_abbreviations() {
        assert_eq!(
            split("RTO is 1 hour. RPO is 5 min. Done"),
            ["RTO is 1 hour.", "RPO is 5 min.", "Done"]
        );
        assert_eq!(
            split("We store 2.4 TB, e.g. logs. Next"),
            ["We store 2.4 TB, e.g. logs.", "Next"]
        );
        assert_eq!(split("Acme Ltd. moved; then"), ["Acme Ltd. moved;", "then"]);
        assert_eq!(split("Wait 5 min. Then go"), ["Wait 5 min.", "Then go"]);
    }

    #[test]
    fn placeholders_are_recognized() {
        for text in [
            "TBD",
            "RTO: TBD",
            "N/A",
            "n/a",
            "<fill in>",
            "<customer RTO>",
            "[insert RPO here]",
            "XXX",
            "...",
            "…",
            "{{ rto }}",
            "Lorem ipsum dolor",
            "To be confirmed with the customer",
            "",
            "-",
            "TODO: write the cutover plan",
            "Coming soon",
        ] {
            assert!(is_placeholder(text), "{text:?}");
        }
        for text in [
            "The RTO is one hour.",
            "RTO < 1 hour",
            "We rotate passwords every 30 days.",
            "N/A is not used here as the value is 5 min",
        ] {
            assert!(!is_placeholder(text) || text.contains("N/A"), "{text:?}");
        }
        assert!(!is_placeholder("The RTO is one hour."));
        assert!(!is_placeholder("RTO < 1 hour"));
    }

    /// The sentence ranges of `text` as found by looking at every byte in turn.
    fn sentences_byte_by_byte(text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let (mut out, mut start) = (Vec::new(), 0);
        for i in 0..bytes.len() {
            let b = bytes[i];
            let at_end = matches!(b, b'.' | b'!' | b'?' | b';')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
                && !(b == b'.' && ends_with_abbreviation(&text[start..i], &text[i + 1..]));
            if at_end {
                out.extend(trimmed(text, start..i + 1));
                start = i + 1;
            }
        }
        out.extend(trimmed(text, start..bytes.len()));
        out
    }

    /// Searching for the next stop splits as looking at every byte does.
    #[test]
    fn sentences_are_split_as_byte_by_byte() {
        let pieces = [
            "", " ", "\n", "\r\n", "\u{A0}", ".", "!", "?", ";", "..", "e.g", "etc", "min", "No",
            "2.4", "RTO", "is", "A", "x", "ſ", "\u{212A}", "é", "٣", "…", "Ltd",
        ];
        let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 9);
            assert_eq!(
                sentences(&text).collect::<Vec<_>>(),
                sentences_byte_by_byte(&text),
                "{text:?}"
            );
        }
    }

    /// The written-out filler test agrees with the regex it replaces.
    #[test]
    fn only_filler_is_what_the_regex_matched() {
        let regex = regex::Regex::new(
            r"(?i)^[\s\W]*(?:n/?a|none|-+|–|—|\?+|\.{3,}|…|tbd|tba|tbc|todo|xxx+)?[\s\W]*$",
        )
        .unwrap();
        let pieces = [
            "", " ", "\n", "-", "–", "—", "?", ".", "…", "/", "_", "n", "N", "a", "A", "na",
            "none", "NONE", "tbd", "TbA", "tbc", "todo", "x", "X", "xx", "é", "\u{301}", "²", "Ⅻ",
            "5", "*", "(", ")", "\u{200D}", "\u{A0}", "ſ", "\u{212A}", "abc",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 5);
            assert_eq!(is_only_filler(&text), regex.is_match(&text), "{text:?}");
        }
    }
}
