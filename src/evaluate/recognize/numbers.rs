//! Numbers in prose: digits ("1,200", "2.4", "3k", "2 million") and English number words
//! ("twenty-four", "one hundred and fifty", "a dozen", "half an"), with byte ranges.

use crate::lean_regex::without_prefilter;
use regex::Regex;
use regex_automata::meta;
use std::ops::Range;
use std::sync::LazyLock;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// Digits, possibly with thousands separators, a decimal part, a `k`/`M`/`bn` suffix or a
    /// scale word ("2 million").
    Digits,
    /// English words ("thirty", "a dozen", "half an").
    Words,
    /// The article "a"/"an", meaning one only when a unit follows ("an hour").
    Article,
}

/// A number found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Its value.
    pub value: f64,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// How it was written.
    pub form: NumberForm,
}

// Digits are ASCII digits (`[0-9]`, not Unicode `\d`): only they parse as numbers. A non-ASCII
// digit reads as a letter would: it ends a run of digits, and a date written with one is not a
// date.

/// The runs of digits that make one number, found left to right: `1,200,000.5` (groups of
/// three after one to three digits), else `1200.5`; a decimal point needs a digit after it.
/// What `[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?` finds, scanned by hand:
/// these runs are in nearly every sentence, and a regex search costs several times more.
fn digit_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_digit)?;
        let mut end = digits_from(bytes, start);
        if end - start <= 3 && thousands_group_at(bytes, end) {
            while thousands_group_at(bytes, end) {
                end += 4;
            }
        }
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end = digits_from(bytes, end + 1);
        }
        at = end;
        Some(start..end)
    })
}

/// The end of the run of digits starting at `start`.
fn digits_from(bytes: &[u8], start: usize) -> usize {
    start
        + bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
}

/// Whether `,` and three digits start at `at`.
fn thousands_group_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b',')
        && bytes
            .get(at + 1..at + 4)
            .is_some_and(|group| group.iter().all(u8::is_ascii_digit))
}

/// Dates and times, whose digits are not quantities.
static DATE: LazyLock<meta::Regex> = LazyLock::new(|| {
    let month = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    let pattern = format!(
        r"\b[0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}\b|\b[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}\b|\b[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?\b|\b{month}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?\s+[0-9]{{4}})?\b|\b{month},?\s+[0-9]{{4}}\b|\b[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month}(?:,?\s+[0-9]{{4}})?\b"
    );
    without_prefilter(&pattern)
});

/// Compiles the number patterns now rather than on first use (see [`crate::lint::warm_up`]).
pub(crate) fn prepare() {
    LazyLock::force(&DATE);
    LazyLock::force(&ECHO);
}

/// Finds every number in `text`, in order of position.
pub fn find_numbers(text: &str) -> Vec<Number> {
    // Only ASCII digits parse as numbers, and every date has digits: most sentences have none.
    let mut out = match text.bytes().any(|b| b.is_ascii_digit()) {
        true => digit_numbers(text),
        false => Vec::new(),
    };
    out.extend(word_numbers(text));
    out.sort_by_key(|n| (n.range.start, std::cmp::Reverse(n.range.end)));
    with_echoes(text, out)
}

/// The numbers written with digits, outside dates and times.
fn digit_numbers(text: &str) -> Vec<Number> {
    let dates: Vec<Range<usize>> = DATE.find_iter(text).map(|m| m.range()).collect();
    digit_runs(text)
        .filter(|m| !dates.iter().any(|d| d.start <= m.start && m.end <= d.end))
        .filter_map(|m| digit_number(text, m))
        .collect()
}

/// Digits echoing a number in words, as in contracts: "four (4) hours".
static ECHO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A\s*\(\s*[0-9,.]+\s*\)").expect("echo regex"));

/// Folds "four (4)" into one number spanning both.
fn with_echoes(text: &str, numbers: Vec<Number>) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::with_capacity(numbers.len());
    for n in numbers {
        if out.last().is_some_and(|last| n.range.end <= last.range.end) {
            continue;
        }
        let mut n = n;
        if n.form == NumberForm::Words
            && let Some(echo) = ECHO.find(&text[n.range.end..])
        {
            n.range.end += echo.end();
        }
        out.push(n);
    }
    out
}

/// A digit run as a number, unless its surroundings make it an identifier, version or ordinal.
fn digit_number(text: &str, range: Range<usize>) -> Option<Number> {
    if !standalone_digits(text, range.clone()) {
        return None;
    }
    let value = digits_value(&text[range.clone()])?;
    let (factor, end) = multiplier_after(text, range.end);
    Some(Number {
        value: value * factor,
        range: range.start..end,
        form: NumberForm::Digits,
    })
}

/// The value of a run of digits, its thousands separators dropped (a copy is made only when
/// it has some: this runs for every number in the evidence).
fn digits_value(run: &str) -> Option<f64> {
    match run.contains(',') {
        false => run.parse().ok(),
        true => run.replace(',', "").parse().ok(),
    }
}

fn standalone_digits(text: &str, range: Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let mut back = before.chars().rev();
    let prev = back.next();
    let identifier_before = match prev {
        Some(c) if c.is_alphanumeric() || c == '_' || c == '.' || c == '#' => true,
        Some('-') => back.next().is_some_and(char::is_alphabetic),
        _ => false,
    };
    let mut ahead = after.chars();
    let next = ahead.next();
    let second = ahead.next();
    let version_after =
        matches!(next, Some('.') | Some(',')) && second.is_some_and(|c| c.is_ascii_digit());
    let glued_after = next.is_some_and(|c| c == '_' || c.is_ascii_digit());
    !(identifier_before || version_after || glued_after || is_ordinal_suffix(after))
}

/// Whether `after` starts with an ordinal suffix ("st", "nd", "rd", "th", in any case) that
/// no further letter follows.
fn is_ordinal_suffix(after: &str) -> bool {
    let Some(suffix) = after.as_bytes().get(..2) else {
        return false;
    };
    // The suffixes are ASCII: when one matches, byte 2 starts a character.
    let ordinal = [b"st", b"nd", b"rd", b"th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(*s));
    ordinal && !after[2..].starts_with(char::is_alphabetic)
}

/// A `k`/`K`/`M`/`bn` suffix glued to digits, or a scale word after them.
fn multiplier_after(text: &str, end: usize) -> (f64, usize) {
    let after = &text[end..];
    for (suffix, factor) in [("k", 1e3), ("K", 1e3), ("M", 1e6), ("bn", 1e9)] {
        if let Some(rest) = after.strip_prefix(suffix)
            && !rest.starts_with(|c: char| c.is_alphanumeric())
        {
            return (factor, end + suffix.len());
        }
    }
    let trimmed = after.trim_start();
    let gap = after.len() - trimmed.len();
    if gap > 0 && gap <= 2 {
        // The word right after the gap: its run of ASCII letters.
        let letters = trimmed.bytes().take_while(u8::is_ascii_alphabetic).count();
        if let Some(scale) = scale_word(&trimmed[..letters]) {
            return (scale, end + gap + letters);
        }
    }
    (1.0, end)
}

/// The value of a scale word, in any ASCII case ("hundred", "Million").
fn scale_word(word: &str) -> Option<f64> {
    const SCALES: [(&str, f64); 5] = [
        ("hundred", 1e2),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("dozen", 12.0),
    ];
    (SCALES.iter())
        .find(|(scale, _)| scale.eq_ignore_ascii_case(word))
        .map(|&(_, value)| value)
}

fn small_word(word: &str) -> Option<f64> {
    // A `match` on the words compiles to a test of the length, then of the bytes.
    let value = match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    };
    Some(f64::from(value))
}

fn tens_word(word: &str) -> Option<f64> {
    let value = match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(value))
}

/// A lowercased word token and its range.
struct Token<'a> {
    word: &'a str,
    range: Range<usize>,
}

fn word_numbers(text: &str) -> Vec<Number> {
    // ASCII lowercasing keeps every byte offset, so the tokens borrow one lowercased copy.
    let lower = text.to_ascii_lowercase();
    // Sized for prose (words of three letters and a space on average), rarely grown.
    let mut tokens: Vec<Token> = Vec::with_capacity(lower.len() / 4 + 4);
    tokens.extend(ascii_words(&lower).map(|range| Token {
        word: &lower[range.clone()],
        range,
    }));
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((value, last)) = parse_words(text, &tokens, i) {
            let range = tokens[i].range.start..tokens[last].range.end;
            out.push(Number {
                value,
                range,
                form: NumberForm::Words,
            });
            i = last + 1;
        } else {
            if matches!(tokens[i].word, "a" | "an") {
                let range = tokens[i].range.clone();
                out.push(Number {
                    value: 1.0,
                    range,
                    form: NumberForm::Article,
                });
            }
            i += 1;
        }
    }
    out
}

/// The ranges of the runs of ASCII letters in `text`.
fn ascii_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        (start < i).then_some(start..i)
    })
}

/// Whether tokens `a` and `b` (consecutive) may belong to one number: whitespace or a hyphen.
fn joined(text: &str, tokens: &[Token], a: usize) -> bool {
    let gap = &text[tokens[a].range.end..tokens[a + 1].range.start];
    let gap = gap.trim();
    gap.is_empty() || gap == "-" || gap == "\u{2010}" || gap == "\u{2011}"
}

fn word_at<'t>(text: &str, tokens: &[Token<'t>], at: usize, from: usize) -> Option<&'t str> {
    (at < tokens.len() && joined(text, tokens, at - 1) && at > from).then(|| tokens[at].word)
}

/// What the previous word of a number was, to reject "one one" or "twenty thirty".
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Small,
    Tens,
    Hundred,
    Scale,
}

/// Parses a number written in words starting at token `start`: its value and last token.
fn parse_words(text: &str, tokens: &[Token], start: usize) -> Option<(f64, usize)> {
    if let Some(special) = parse_special(text, tokens, start) {
        return Some(special);
    }
    let (mut total, mut current, mut last, mut end) = (0.0, 0.0, Last::Start, None);
    let mut i = start;
    while i < tokens.len() {
        if i > start && !joined(text, tokens, i - 1) {
            break;
        }
        let word = tokens[i].word;
        let article = last == Last::Start && matches!(word, "a" | "an");
        if article {
            let next = word_at(text, tokens, i + 1, start);
            if !next.and_then(scale_word).is_some_and(|s| s >= 12.0) {
                return None;
            }
            current = 1.0;
            last = Last::Small;
        } else if let Some(v) = small_word(word) {
            let after_tens = last == Last::Tens && v < 10.0 && v > 0.0;
            if !(matches!(last, Last::Start | Last::Hundred | Last::Scale) || after_tens) {
                break;
            }
            current += v;
            last = Last::Small;
            end = Some(i);
        } else if let Some(v) = tens_word(word) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                break;
            }
            current += v;
            last = Last::Tens;
            end = Some(i);
        } else if word == "and" && matches!(last, Last::Hundred | Last::Scale) {
            let next = word_at(text, tokens, i + 1, start).unwrap_or("");
            if small_word(next).is_none() && tens_word(next).is_none() {
                break;
            }
        } else if last != Last::Start
            && let Some(scale) = scale_word(word)
        {
            if scale >= 1e3 {
                total += current.max(1.0) * scale;
                current = 0.0;
                last = Last::Scale;
            } else {
                current = current.max(1.0) * scale;
                last = Last::Hundred;
            }
            end = Some(i);
        } else {
            break;
        }
        i += 1;
    }
    let end = end?;
    let value = total + current;
    Some(and_a_half(text, tokens, end).map_or((value, end), |e| (value + 0.5, e)))
}

/// "half a"/"half an" (0.5) and "a couple of" (2).
fn parse_special(text: &str, tokens: &[Token], start: usize) -> Option<(f64, usize)> {
    let word = tokens[start].word;
    if !matches!(word, "half" | "a") {
        return None;
    }
    let next = word_at(text, tokens, start + 1, start);
    match (word, next) {
        ("half", Some("a" | "an")) => Some((0.5, start + 1)),
        ("a", Some("couple")) => {
            let of = word_at(text, tokens, start + 2, start) == Some("of");
            Some((2.0, start + 1 + usize::from(of)))
        }
        _ => None,
    }
}

/// " and a half" after a number: the index of "half".
fn and_a_half(text: &str, tokens: &[Token], end: usize) -> Option<usize> {
    let words = [end + 1, end + 2, end + 3].map(|i| word_at(text, tokens, i, end));
    (words == [Some("and"), Some("a"), Some("half")]).then_some(end + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(f64, &str)> {
        find_numbers(text)
            .into_iter()
            .filter(|n| n.form != NumberForm::Article)
            .map(|n| (n.value, &text[n.range]))
            .collect()
    }

    #[test]
    fn parses_digits() {
        let cases: &[(&str, &[(f64, &str)])] = &[
            ("15 minutes", &[(15.0, "15")]),
            ("1,200 tables", &[(1200.0, "1,200")]),
            ("2.4 TB", &[(2.4, "2.4")]),
            ("3k objects", &[(3000.0, "3k")]),
            ("2.5K users", &[(2500.0, "2.5K")]),
            ("2M rows", &[(2e6, "2M")]),
            ("2 million rows", &[(2e6, "2 million")]),
            ("1.5 billion", &[(1.5e9, "1.5 billion")]),
            ("2-4 hours", &[(2.0, "2"), (4.0, "4")]),
            ("2–4 hours", &[(2.0, "2"), (4.0, "4")]),
            ("4h/15min", &[(4.0, "4"), (15.0, "15")]),
            ("500GB", &[(500.0, "500")]),
            ("< 1 h", &[(1.0, "1")]),
        ];
        for (input, expected) in cases {
            assert_eq!(values(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn ignores_identifiers_versions_dates_and_ordinals() {
        let cases = [
            "RDS-009 control",
            "db.r5.large instance",
            "MySQL 8.0.35",
            "gp3 volumes",
            "released 2025-08-29",
            "on August 29th, 2025",
            "in Aug 2025",
            "on 29 August 2025",
            "at 10:30",
            "the 2nd replica",
            "on 12/31/2024",
            "ticket #42",
            "ec2_instance_1",
        ];
        for input in cases {
            assert_eq!(values(input), vec![], "{input:?}");
        }
    }

    #[test]
    fn digit_runs_are_what_the_number_pattern_finds() {
        let pattern =
            regex::Regex::new(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
                .unwrap();
        let texts = [
            "1,200 tables, 12,345,678.25 rows and 1234,567 or 1,2345 and 12,34",
            "1.2.3 then 1. and .5 and 4,800. 99.95% 1,000,0 ,123 7,",
            "RDS-009 db.r5.large 2025-08-29 10:30 #42 ec2_1 3k 2.5K",
            "١٢٣ 4٥6 , . 0 00,000 1,000.x 22,222,22",
            "",
        ];
        for text in texts {
            let expected: Vec<_> = pattern.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(digit_runs(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn parses_words() {
        let cases: &[(&str, &[(f64, &str)])] = &[
            ("one hour", &[(1.0, "one")]),
            ("thirty seconds", &[(30.0, "thirty")]),
            ("twenty-four hours", &[(24.0, "twenty-four")]),
            ("twenty four hours", &[(24.0, "twenty four")]),
            (
                "One Hundred and Fifty tables",
                &[(150.0, "One Hundred and Fifty")],
            ),
            (
                "two thousand five hundred",
                &[(2500.0, "two thousand five hundred")],
            ),
            ("a dozen tables", &[(12.0, "a dozen")]),
            ("two dozen", &[(24.0, "two dozen")]),
            ("a hundred objects", &[(100.0, "a hundred")]),
            ("three million rows", &[(3e6, "three million")]),
            ("half an hour", &[(0.5, "half an")]),
            ("half a day", &[(0.5, "half a")]),
            ("one and a half hours", &[(1.5, "one and a half")]),
            ("a couple of hours", &[(2.0, "a couple of")]),
            ("zero data loss", &[(0.0, "zero")]),
            ("seven days", &[(7.0, "seven")]),
            ("one one", &[(1.0, "one"), (1.0, "one")]),
            ("someone and nobody", &[]),
            ("hundred", &[]),
            ("five and six", &[(5.0, "five"), (6.0, "six")]),
            ("four (4) hours", &[(4.0, "four (4)")]),
            ("two (2) case studies", &[(2.0, "two (2)")]),
        ];
        for (input, expected) in cases {
            assert_eq!(values(input), *expected, "{input:?}");
        }
    }

    /// Only ASCII digits are digits; a non-ASCII one reads as a letter would.
    #[test]
    fn non_ascii_digits_are_not_digits() {
        let cases: &[(&str, &[(f64, &str)])] = &[
            ("5\u{663} hours", &[(5.0, "5")]),
            ("\u{663}5 hours", &[]),
            ("four (\u{664}) hours", &[(4.0, "four")]),
            (
                "on \u{662}\u{660}\u{662}\u{665}-08-29",
                &[(8.0, "08"), (29.0, "29")],
            ),
            ("on August\u{a0}29th, 2025", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(values(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn marks_articles() {
        let found = find_numbers("an hour and a day");
        let articles: Vec<_> = found
            .iter()
            .filter(|n| n.form == NumberForm::Article)
            .collect();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].range, 0..2);
        assert_eq!(articles[1].range, 12..13);
    }

    /// The suffix test, the scale word after digits and the digits' value as they were
    /// computed before they stopped allocating (a lowercased copy, a regex for the word, a
    /// copy without commas).
    mod before {
        pub fn is_ordinal_suffix(after: &str) -> bool {
            let lower = after.get(..2).map(str::to_ascii_lowercase);
            let rest = after.get(2..).unwrap_or("");
            let letters_after = rest.starts_with(|c: char| c.is_alphabetic());
            matches!(lower.as_deref(), Some("st" | "nd" | "rd" | "th")) && !letters_after
        }

        pub fn multiplier_after(text: &str, end: usize) -> (f64, usize) {
            let after = &text[end..];
            for (suffix, factor) in [("k", 1e3), ("K", 1e3), ("M", 1e6), ("bn", 1e9)] {
                if let Some(rest) = after.strip_prefix(suffix)
                    && !rest.starts_with(|c: char| c.is_alphanumeric())
                {
                    return (factor, end + suffix.len());
                }
            }
            let trimmed = after.trim_start();
            let gap = after.len() - trimmed.len();
            if gap > 0 && gap <= 2 {
                let word = regex::Regex::new("[A-Za-z]+").unwrap();
                if let Some(w) = word.find(trimmed).filter(|m| m.start() == 0) {
                    let scale = match w.as_str().to_ascii_lowercase().as_str() {
                        "hundred" => Some(1e2),
                        "thousand" => Some(1e3),
                        "million" => Some(1e6),
                        "billion" => Some(1e9),
                        "dozen" => Some(12.0),
                        _ => None,
                    };
                    if let Some(scale) = scale {
                        return (scale, end + gap + w.end());
                    }
                }
            }
            (1.0, end)
        }
    }

    /// Random texts of suffixes, scale words in mixed case, separators and non-ASCII
    /// characters: the suffix test and the scale after every character boundary are what they
    /// were, and digit runs have the value they had.
    #[test]
    fn suffixes_and_scales_are_read_as_before() {
        const PIECES: [&str; 24] = [
            "st",
            "ND",
            "rD",
            "Th",
            "s",
            "t",
            "h",
            "hundred",
            "Million",
            "BILLION",
            "dozen",
            "thousands",
            "k",
            "K",
            "bn",
            "M",
            " ",
            "  ",
            "\u{a0}",
            "\t",
            "1,200",
            ".",
            "é",
            "ſ",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        let mut scaled = 0;
        for _ in 0..20_000 {
            let text: String = (0..1 + rng.below(5)).map(|_| rng.pick(&PIECES)).collect();
            for (end, _) in text.char_indices() {
                let after = &text[end..];
                assert_eq!(
                    is_ordinal_suffix(after),
                    before::is_ordinal_suffix(after),
                    "{after:?}"
                );
                let expected = before::multiplier_after(&text, end);
                assert_eq!(multiplier_after(&text, end), expected, "{text:?} at {end}");
                scaled += usize::from(expected.0 > 1e3);
            }
            for run in digit_runs(&text).map(|r| &text[r]) {
                assert_eq!(
                    digits_value(run),
                    run.replace(',', "").parse().ok(),
                    "{run:?}"
                );
            }
        }
        assert!(scaled > 1_000, "{scaled}");
    }
}
