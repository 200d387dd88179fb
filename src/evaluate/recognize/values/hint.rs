//! Unit hints: whether a name or a header cell names a unit ("RTO (hours)", "Size in GB",
//! "Read %", "Peak TPS"), so that a bare number paired with it is a value of that kind.
//!
//! Written out rather than as regexes: the four regexes these functions replace cost more to
//! compile on first use than all their matching in a run. Each function matches exactly what
//! its regex (kept in the tests) matches, with the regex's Unicode semantics: `\s` is any
//! White_Space character, `\b` a boundary between a Unicode word character and another
//! character, and a case-insensitive `s` or `k` also matches `ſ` (U+017F) or the Kelvin sign
//! (U+212A), the only characters besides the ASCII letters that fold to the letters used here.

use regex_syntax::is_word_character;

/// The duration units: `seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|
/// years?|h|m|s|d`.
const DURATION_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "day", "days", "week", "weeks", "month", "months", "year", "years", "h", "m", "s", "d",
];

/// The size units: `bytes|[kmgtp]i?b|kilobytes|megabytes|gigabytes|terabytes|petabytes`.
const SIZE_UNITS: &[&str] = &[
    "bytes",
    "kb",
    "kib",
    "mb",
    "mib",
    "gb",
    "gib",
    "tb",
    "tib",
    "pb",
    "pib",
    "kilobytes",
    "megabytes",
    "gigabytes",
    "terabytes",
    "petabytes",
];

/// A duration unit in parentheses or brackets, after "in" or after a final comma.
pub(super) fn names_duration(text: &str) -> bool {
    names_unit(text, DURATION_UNITS)
}

/// A size unit in parentheses or brackets, after "in" or after a final comma.
pub(super) fn names_size(text: &str) -> bool {
    names_unit(text, SIZE_UNITS)
}

/// What `(?i)%|\bpercent(?:age)?s?\b|\bper\s*cent\b` matches.
pub(super) fn names_percent(text: &str) -> bool {
    const PERCENT_WORDS: &[&str] = &["percent", "percents", "percentage", "percentages"];
    text.contains('%')
        || word_starts(text).any(|at| {
            whole_words_at(text, at, PERCENT_WORDS)
                || literal_end(text, at, "per")
                    .and_then(|end| literal_end(text, skip_spaces(text, end), "cent"))
                    .is_some_and(|end| word_ends_at(text, end))
        })
}

/// What `(?i)\bper\s+(?:second|sec|minute|min)\b|/\s*(?:s|sec|second|min)\b|
/// \b(?:tps|qps|rps|iops|tpm|qpm)\b` matches.
pub(super) fn names_rate(text: &str) -> bool {
    const AFTER_PER: &[&str] = &["second", "sec", "minute", "min"];
    const AFTER_SLASH: &[&str] = &["s", "sec", "second", "min"];
    const ACRONYMS: &[&str] = &["tps", "qps", "rps", "iops", "tpm", "qpm"];
    let slash = text
        .match_indices('/')
        .any(|(at, _)| whole_words_at(text, skip_spaces(text, at + 1), AFTER_SLASH));
    slash
        || word_starts(text).any(|at| {
            whole_words_at(text, at, ACRONYMS)
                || literal_end(text, at, "per")
                    .and_then(|end| after_spaces(text, end))
                    .is_some_and(|start| whole_words_at(text, start, AFTER_PER))
        })
}

/// What `(?i)[(\[]\s*(?:in\s+)?(?:UNITS)\s*[)\]]|\bin\s+(?:UNITS)\b|,\s*(?:UNITS)\s*$`
/// matches, the units given as the words they expand to.
fn names_unit(text: &str, units: &[&str]) -> bool {
    bracketed(text, units) || after_in(text, units) || after_final_comma(text, units)
}

/// `[(\[]\s*(?:in\s+)?(?:UNITS)\s*[)\]]`. Each `\s*` or `\s+` takes every space there is,
/// as what follows it never starts with a space.
fn bracketed(text: &str, units: &[&str]) -> bool {
    text.match_indices(['(', '[']).any(|(open, _)| {
        let start = skip_spaces(text, open + 1);
        let after_in = literal_end(text, start, "in").and_then(|end| after_spaces(text, end));
        [Some(start), after_in].into_iter().flatten().any(|at| {
            unit_ends(text, at, units)
                .any(|end| text[skip_spaces(text, end)..].starts_with([')', ']']))
        })
    })
}

/// `\bin\s+(?:UNITS)\b`.
fn after_in(text: &str, units: &[&str]) -> bool {
    word_starts(text).any(|at| {
        literal_end(text, at, "in")
            .and_then(|end| after_spaces(text, end))
            .is_some_and(|start| whole_words_at(text, start, units))
    })
}

/// `,\s*(?:UNITS)\s*$` (`$` is the end of the text).
fn after_final_comma(text: &str, units: &[&str]) -> bool {
    text.match_indices(',').any(|(comma, _)| {
        unit_ends(text, skip_spaces(text, comma + 1), units)
            .any(|end| skip_spaces(text, end) == text.len())
    })
}

/// Whether one of `words` (each ending with a word character) starts at `at` and ends at a
/// word boundary.
fn whole_words_at(text: &str, at: usize, words: &[&str]) -> bool {
    unit_ends(text, at, words).any(|end| word_ends_at(text, end))
}

/// The ends of the `words` that start at `at`, matched case-insensitively.
fn unit_ends<'a>(text: &'a str, at: usize, words: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
    words
        .iter()
        .filter_map(move |word| literal_end(text, at, word))
}

/// The end of `word` (lowercase ASCII) if it starts at `at`, matched case-insensitively.
fn literal_end(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    for expected in word.bytes() {
        let (_, c) = chars.next()?;
        if !folds_to(c, expected) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| at + i))
}

/// Whether `c` matches the lowercase ASCII `expected` in a case-insensitive regex.
fn folds_to(c: char, expected: u8) -> bool {
    match c {
        'ſ' => expected == b's',
        '\u{212A}' => expected == b'k',
        _ => c.is_ascii() && (c as u8).to_ascii_lowercase() == expected,
    }
}

/// Where the spaces from `at` end.
fn skip_spaces(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start_matches(char::is_whitespace).len()
}

/// Where one or more spaces from `at` end (`\s+`), if there is a space at `at`.
fn after_spaces(text: &str, at: usize) -> Option<usize> {
    let end = skip_spaces(text, at);
    (end > at).then_some(end)
}

/// The positions where a word starts: a word character not after another one (a `\b`
/// before a word character).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut after_word = false;
    text.char_indices().filter_map(move |(i, c)| {
        let is_word = is_word_character(c);
        let starts = is_word && !after_word;
        after_word = is_word;
        starts.then_some(i)
    })
}

/// Whether no word character follows `at` (a `\b` after a word character).
fn word_ends_at(text: &str, at: usize) -> bool {
    !text[at..].starts_with(is_word_character)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// A written-out hint and the regex it replaces.
    type Pair = (fn(&str) -> bool, Regex);

    /// The regexes the functions replace, as they were.
    fn old_regexes() -> [Pair; 4] {
        let hint = |units: &str| {
            Regex::new(&format!(
                r"(?i)[(\[]\s*(?:in\s+)?(?:{units})\s*[)\]]|\bin\s+(?:{units})\b|,\s*(?:{units})\s*$"
            ))
            .unwrap()
        };
        [
            (
                names_duration,
                hint(r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|h|m|s|d"),
            ),
            (
                names_size,
                hint(r"bytes|[kmgtp]i?b|kilobytes|megabytes|gigabytes|terabytes|petabytes"),
            ),
            (
                names_percent,
                Regex::new(r"(?i)%|\bpercent(?:age)?s?\b|\bper\s*cent\b").unwrap(),
            ),
            (
                names_rate,
                Regex::new(
                    r"(?i)\bper\s+(?:second|sec|minute|min)\b|/\s*(?:s|sec|second|min)\b|\b(?:tps|qps|rps|iops|tpm|qpm)\b",
                )
                .unwrap(),
            ),
        ]
    }

    /// Texts made of pieces of units, brackets, spaces and Unicode edge cases.
    fn texts() -> impl Iterator<Item = String> {
        const PIECES: &[&str] = &[
            "(", "[", ")", "]", ",", "/", "%", " ", "\t", "\u{A0}", "\u{2003}", "\r\n", "in", "IN",
            "\u{131}n", "\u{130}n", "per", "PER", "cent", "age", "s", "S", "\u{17F}", "\u{212A}",
            "k", "i", "b", "B", "m", "t", "g", "p", "h", "d", "hr", "sec", "min", "ute", "ond",
            "hour", "day", "week", "month", "year", "byte", "ilo", "ega", "tps", "iops", "q", "é",
            "x", "_", "2", "\u{663}", "\u{301}", "\u{200D}", "-", "ms", "e", "o", "r", "Ö", ".",
        ];
        let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        (0..60_000).map(move |_| {
            let count = 1 + rng.below(7);
            (0..count).map(|_| rng.pick(PIECES)).collect()
        })
    }

    /// Texts shaped like hints: an opening, a unit (as written, in capitals, with `ſ` or the
    /// Kelvin sign for `s` or `k`), and a closing.
    fn shaped_texts() -> impl Iterator<Item = String> {
        const OPENINGS: &[&str] = &[
            "(",
            "[ ",
            "RTO, ",
            " in ",
            "x in\u{A0}",
            "(in ",
            ",\t",
            "é/",
        ];
        const CLOSINGS: &[&str] = &[")", " ]", "", "s", "é", ")x", " \r\n", "_"];
        const OTHERS: &[&str] = &["percent", "per cent", "tps", "per second", "Iops", "%"];
        let units = DURATION_UNITS.iter().chain(SIZE_UNITS).chain(OTHERS);
        let spellings = units.flat_map(|u| {
            [
                u.to_string(),
                u.to_uppercase(),
                u.replace('s', "\u{17F}"),
                u.replace('k', "\u{212A}"),
            ]
        });
        let spellings: Vec<String> = spellings.collect();
        OPENINGS.iter().flat_map(move |open| {
            let spellings = spellings.clone();
            CLOSINGS.iter().flat_map(move |close| {
                (spellings.clone().into_iter()).map(move |unit| format!("{open}{unit}{close}"))
            })
        })
    }

    #[test]
    fn hints_match_what_their_regexes_matched() {
        let regexes = old_regexes();
        let mut matched = [0usize; 4];
        for text in texts().chain(shaped_texts()) {
            for (i, (written_out, regex)) in regexes.iter().enumerate() {
                let expected = regex.is_match(&text);
                assert_eq!(written_out(&text), expected, "hint {i} on {text:?}");
                matched[i] += usize::from(expected);
            }
        }
        assert!(
            matched.iter().all(|&n| n > 500),
            "too few matches: {matched:?}"
        );
    }

    #[test]
    fn hints_of_unicode_edge_cases() {
        let regexes = old_regexes();
        for text in [
            "RTO (hour\u{17F})",
            "Size (\u{212A}iB)",
            "Size (\u{212A}B)",
            "éin minutes",
            "in minutesé",
            "x in\u{A0}days",
            "RTO\r\n, hrs\r\n",
            "Read per\u{2003}cent",
            "requests/\u{17F}",
            "requests/ \u{17F}ec\u{301}",
            "(in\u{3000}hours]",
            "[ in days )",
            "(inhours)",
            "\u{663}tps",
            "Ptps_",
            "percentages",
            "percentag",
            "PER\tSECOND",
            "",
        ] {
            for (i, (written_out, regex)) in regexes.iter().enumerate() {
                assert_eq!(
                    written_out(text),
                    regex.is_match(text),
                    "hint {i} on {text:?}"
                );
            }
        }
    }

    /// `char::is_whitespace` is the regexes' Unicode `\s`.
    #[test]
    fn spaces_are_what_backslash_s_matches() {
        let space = Regex::new(r"\A\s\z").unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                c.is_whitespace(),
                space.is_match(c.encode_utf8(&mut [0; 4])),
                "{c:?}"
            );
        }
    }
}
