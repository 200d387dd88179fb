//! Counts ("1,200 tables", "about 350", "3k", "a dozen", "hundreds of") and rates
//! ("5,000 TPS", "2k requests per second", "300 queries a second").

use super::{Value, ValueKind, amount, counts_as_number, time};
use crate::evaluate::recognize::numbers::{Number, NumberForm};
use crate::lean_regex::without_prefilter;
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

/// Vague but stated counts: "hundreds of tables", "thousands of objects".
static VAGUE: LazyLock<meta::Regex> = LazyLock::new(|| {
    without_prefilter(r"(?i)\b(dozens|hundreds|thousands|millions|billions)\s+of\b")
});

/// Words before a four-digit number that make it a year ("in 2024", "since 2019").
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "by", "during", "from", "until", "till", "to", "of", "early", "late", "mid",
    "year", "fy", "and", "through", "before", "after", "q1", "q2", "q3", "q4", "circa",
];

/// Compiles the count patterns now rather than on first use (see [`crate::lint::warm_up`]).
pub(super) fn prepare() {
    LazyLock::force(&VAGUE);
    LazyLock::force(&RATE_ACRONYM);
    LazyLock::force(&RATE_PER);
}

/// Finds counts: numbers that are not part of a duration, size, percentage or availability,
/// nor a year. The amount is the number.
pub(super) fn counts(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found: Vec<Value> = numbers
        .iter()
        .filter(|n| counts_as_number(n) && !is_year(text, n))
        .map(|n| Value {
            kind: ValueKind::Count,
            range: n.range.clone(),
            amount: n.value,
        })
        .collect();
    // Only a text with candidates needs the values they may be part of (most have none).
    if !found.is_empty() {
        let taken = values_with_units(text, numbers);
        found.retain(|n| {
            !taken
                .iter()
                .any(|v| v.range.start < n.range.end && n.range.start < v.range.end)
        });
    }
    found.extend(VAGUE.captures_iter(text).map(|c| Value {
        kind: ValueKind::Count,
        range: c.get_match().map_or(0..0, |m| m.range()),
        amount: c.get_group(1).map_or(0.0, |word| vague_amount(&text[word])),
    }));
    found
}

/// The durations, sizes, availabilities and percentages of a text: the values whose
/// numbers are not counts.
fn values_with_units(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut taken = time::durations(text, numbers);
    taken.extend(amount::sizes(text, numbers));
    taken.extend(amount::availabilities(text, numbers));
    taken.extend(amount::percents(text, numbers));
    taken
}

fn vague_amount(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "dozens" => 24.0,
        "hundreds" => 200.0,
        "thousands" => 2e3,
        "millions" => 2e6,
        _ => 2e9,
    }
}

/// A four-digit integer from 1900 to 2100 after a date word ("in 2024", "FY 2025"), or
/// followed by a year range ("2024-25").
fn is_year(text: &str, number: &Number) -> bool {
    if ends_year_range(&text[..number.range.start]) {
        return true;
    }
    let digits = &text[number.range.clone()];
    let plain = number.form == NumberForm::Digits && digits.len() == 4;
    if !plain || !(1900.0..=2100.0).contains(&number.value) {
        return false;
    }
    let before = text[..number.range.start].trim_end_matches([' ', ':', '(', ',']);
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = before[word_start..].to_ascii_lowercase();
    let after = &text[number.range.end..];
    let year_range = after
        .strip_prefix(['-', '–', '/'])
        .is_some_and(|rest| rest.starts_with(char::is_numeric));
    YEAR_CONTEXT.contains(&word.as_str()) || year_range || before.is_empty() && after.is_empty()
}

/// Whether `before` ends with a year and a range dash: the "25" of "2024-25".
fn ends_year_range(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(['-', '–', '/']) else {
        return false;
    };
    let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits == 4
        && rest[rest.len() - 4..]
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Rate units directly after a number: "TPS", "req/s", "ops".
static RATE_ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A\s*(tps|qps|rps|iops|tpm|qpm|ops/s(?:ec)?|ops|reqs?/s(?:ec)?|requests/s(?:ec)?",
        r"|tx/s|txns?/s(?:ec)?|transactions/s(?:ec)?|queries/s(?:ec)?)(?:\b|\z)",
    ))
    .expect("rate acronym regex")
});

/// Up to four words and then "per second", "/s", "a minute": "2k requests per second".
static RATE_PER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A(?:\s+[a-z][a-z-]*){0,4}?(?:\s*/\s*|\s+(?:per|a|an|each|every)\s+)",
        r"(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b",
    ))
    .expect("rate per regex")
});

/// Finds rates; the amount is per second.
pub(super) fn rates(text: &str, numbers: &[Number]) -> Vec<Value> {
    numbers
        .iter()
        .filter(|n| counts_as_number(n) && !is_year(text, n))
        .filter_map(|n| {
            let after = &text[n.range.end..];
            let (len, per_seconds) = if let Some(c) = RATE_ACRONYM.captures(after) {
                let minute = c[1].to_ascii_lowercase().ends_with("pm");
                (c.get(0)?.end(), if minute { 60.0 } else { 1.0 })
            } else {
                let c = RATE_PER.captures(after)?;
                (c.get(0)?.end(), period_seconds(&c[1]))
            };
            let range = n.range.start..n.range.end + len;
            Some(Value {
                kind: ValueKind::Rate,
                range,
                amount: n.value / per_seconds,
            })
        })
        .collect()
}

fn period_seconds(unit: &str) -> f64 {
    match unit.to_ascii_lowercase().chars().next() {
        Some('m') => 60.0,
        Some('h') => 3600.0,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ValueKind, find};
    use super::*;
    use crate::evaluate::recognize::numbers::find_numbers;

    /// Counts as found before the unit values were looked for only with candidates: every
    /// number not overlapping a duration, size, availability or percentage, then the vague
    /// counts.
    fn counts_with_all_units(text: &str, numbers: &[Number]) -> Vec<Value> {
        let taken = values_with_units(text, numbers);
        let mut found: Vec<Value> = (numbers.iter())
            .filter(|n| counts_as_number(n) && !is_year(text, n))
            .filter(|n| {
                !(taken.iter()).any(|v| v.range.start < n.range.end && n.range.start < v.range.end)
            })
            .map(|n| Value {
                kind: ValueKind::Count,
                range: n.range.clone(),
                amount: n.value,
            })
            .collect();
        found.extend(VAGUE.captures_iter(text).map(|c| Value {
            kind: ValueKind::Count,
            range: c.get_match().map_or(0..0, |m| m.range()),
            amount: c.get_group(1).map_or(0.0, |word| vague_amount(&text[word])),
        }));
        found
    }

    /// Looking for unit values only when some number may be a count changes no count.
    #[test]
    fn counts_are_those_found_with_every_unit_looked_for() {
        let pieces = [
            "",
            " ",
            "a",
            "an",
            "hour",
            "one",
            "two thousand",
            "4",
            "15",
            "1,200",
            "2.4",
            "2024",
            "in",
            "-",
            "–",
            "TB",
            "GiB",
            "%",
            "per cent",
            "minutes",
            "days",
            "nines",
            "four",
            "(4)",
            "hundreds of",
            "tables",
            "TPS",
            "99.95",
            "zero data loss",
            "ſ",
            "\u{212A}",
            "é",
            "٣",
            "\r\n",
            "x",
            "k",
            "million",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rng.below(8) {
                text.push_str(rng.pick(&pieces));
                if rng.below(2) == 1 {
                    text.push(' ');
                }
            }
            let numbers = find_numbers(&text);
            assert_eq!(
                counts(&text, &numbers),
                counts_with_all_units(&text, &numbers),
                "{text:?}"
            );
        }
    }

    fn found(kind: ValueKind, text: &str) -> Vec<(&str, f64)> {
        find(kind, text)
            .into_iter()
            .map(|v| (&text[v.range], v.amount))
            .collect()
    }

    #[test]
    fn finds_counts() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("1,200 tables", &[("1,200", 1200.0)]),
            ("about 350 objects", &[("350", 350.0)]),
            ("3k", &[("3k", 3000.0)]),
            ("2 million rows", &[("2 million", 2e6)]),
            ("a dozen schemas", &[("a dozen", 12.0)]),
            ("forty-two tables", &[("forty-two", 42.0)]),
            ("hundreds of tables", &[("hundreds of", 200.0)]),
            ("5,000 requests per second", &[("5,000", 5000.0)]),
            ("Tables: 2025", &[("2025", 2025.0)]),
            ("migrated 1,200 tables in 2024", &[("1,200", 1200.0)]),
        ];
        for (input, expected) in cases {
            assert_eq!(found(ValueKind::Count, input), *expected, "{input:?}");
        }
        let none = [
            "15 minutes",
            "2.4 TB",
            "30%",
            "99.95",
            "an object",
            "in 2024",
            "FY2025",
            "2024-25 budget",
            "2025",
            "RDS-009",
            "version 8.0.35",
        ];
        for input in none {
            assert_eq!(found(ValueKind::Count, input), vec![], "{input:?}");
        }
    }

    #[test]
    fn finds_rates() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("5,000 TPS", &[("5,000 TPS", 5000.0)]),
            ("peak of 2k tps", &[("2k tps", 2000.0)]),
            ("1,500 QPS", &[("1,500 QPS", 1500.0)]),
            ("10,000 IOPS", &[("10,000 IOPS", 10_000.0)]),
            (
                "5,000 requests per second",
                &[("5,000 requests per second", 5000.0)],
            ),
            ("2k transactions/s", &[("2k transactions/s", 2000.0)]),
            ("300 queries a second", &[("300 queries a second", 300.0)]),
            ("1,000 writes/sec", &[("1,000 writes/sec", 1000.0)]),
            (
                "6,000 read requests per minute",
                &[("6,000 read requests per minute", 100.0)],
            ),
            ("800 req/s", &[("800 req/s", 800.0)]),
            ("3,000 per second", &[("3,000 per second", 3000.0)]),
            (
                "two thousand queries per second",
                &[("two thousand queries per second", 2000.0)],
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(found(ValueKind::Rate, input), *expected, "{input:?}");
        }
        let none = [
            "5,000 requests",
            "2 replicas, one per AZ",
            "2 replicas as standby",
            "15 minutes",
            "a request per second",
        ];
        for input in none {
            assert_eq!(found(ValueKind::Rate, input), vec![], "{input:?}");
        }
    }
}
