//! Amounts with units: sizes ("2.4 TB"), percentages ("30 %"), availability ("99.95 %",
//! "four nines") and growth ("20 % per year", "200 GB a month", "doubles every year").

use super::{Value, ValueKind, counts_as_number, join_ranges, unit_at};
use crate::evaluate::recognize::numbers::{Number, NumberForm};
use crate::lean_regex::without_prefilter;
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

static SIZE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A(?:\s*|\s*[-‐‑–]\s*)",
        r"(bytes?|[kmgtpe]i?b|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|exabytes?|gigs?|teras?)\b",
    ))
    .expect("size unit regex")
});

static PERCENT_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*(%|percent\b|per\s*cent\b|pct\b)").expect("percent unit regex")
});

static NINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A[\s-]*(nines|9s|9's)\b").expect("nines regex"));

/// A period after a growth amount: "per year", "a month", "/yr", "annually", "YoY".
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A(?:\s*(?:per|a|an|each|every|/)\s*(?:year|yr|annum|month|mo|quarter|week|day)\b",
        r"|\s*(?:annually|yearly|monthly|weekly|daily|yoy|y/y|year[\s-]+(?:over|on)[\s-]+year|p\.a\.))",
    ))
    .expect("period regex")
});

/// Growth stated as a multiplier or as no growth at all.
static GROWTH_WORD: LazyLock<meta::Regex> = LazyLock::new(|| {
    without_prefilter(concat!(
        r"(?i)\b(?:doubl|tripl|quadrupl)(?:e|es|ed|ing)\b",
        r"|\b(?:two|three|four|five|ten|[2-9])[\s-]?fold\b",
        r"|\b(?:no|zero)\s+(?:significant\s+|expected\s+)?growth\b|\bnegligible\b",
    ))
});

static TIMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A(?:\s*×|x\b|\s+times\b)").expect("times regex"));

/// Compiles the size, percentage and growth patterns now rather than on first use (see
/// [`crate::lint::warm_up`]).
pub(super) fn prepare() {
    for regex in [&SIZE_UNIT, &PERCENT_UNIT, &NINES, &PERIOD, &TIMES] {
        LazyLock::force(regex);
    }
    LazyLock::force(&GROWTH_WORD);
}

/// Finds sizes; the amount is in bytes.
pub(super) fn sizes(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found: Vec<Value> = numbers
        .iter()
        .filter_map(|n| {
            let spelled = n.form != NumberForm::Article || text[n.range.end..].starts_with(' ');
            let (end, unit) = unit_at(&SIZE_UNIT, text, n.range.end).filter(|_| spelled)?;
            let bytes = unit_bytes(unit).filter(|_| counts_as_number(n) || unit.len() > 3)?;
            Some(Value {
                kind: ValueKind::Size,
                range: n.range.start..end,
                amount: n.value * bytes,
            })
        })
        .collect();
    join_ranges(text, numbers, &mut found);
    found
}

fn unit_bytes(unit: &str) -> Option<f64> {
    let unit = unit.to_ascii_lowercase();
    if unit.starts_with("byte") {
        return Some(1.0);
    }
    let binary = unit.len() == 3 && unit.as_bytes()[1] == b'i';
    let base: f64 = if binary { 1024.0 } else { 1000.0 };
    let power = match unit.chars().next()? {
        'k' => 1,
        'm' => 2,
        'g' => 3,
        't' => 4,
        'p' => 5,
        'e' => 6,
        _ => return None,
    };
    Some(base.powi(power))
}

/// Finds percentages; the amount is in percent.
pub(super) fn percents(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found: Vec<Value> = numbers
        .iter()
        .filter(|n| counts_as_number(n))
        .filter_map(|n| {
            let (end, _) = unit_at(&PERCENT_UNIT, text, n.range.end)?;
            Some(Value {
                kind: ValueKind::Percent,
                range: n.range.start..end,
                amount: n.value,
            })
        })
        .collect();
    join_ranges(text, numbers, &mut found);
    found
}

/// Finds availabilities: percentages from 90 to 100, bare "99.95", or "N nines".
pub(super) fn availabilities(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found: Vec<Value> = percents(text, numbers)
        .into_iter()
        .filter(|v| (90.0..=100.0).contains(&v.amount))
        .collect();
    for n in numbers.iter().filter(|n| counts_as_number(n)) {
        if let Some((end, _)) = unit_at(&NINES, text, n.range.end) {
            let amount = 100.0 - 10f64.powf(2.0 - n.value);
            found.push(Value {
                kind: ValueKind::Availability,
                range: n.range.start..end,
                amount,
            });
        } else if text[n.range.clone()].starts_with("99.") && !found_at(&found, n) {
            let amount = n.value;
            found.push(Value {
                kind: ValueKind::Availability,
                range: n.range.clone(),
                amount,
            });
        }
    }
    found
}

fn found_at(found: &[Value], n: &Number) -> bool {
    found.iter().any(|v| v.range.start == n.range.start)
}

/// Finds growth: percentages, sizes (with an optional period), multipliers ("2x",
/// "doubles"), and "no growth"/"negligible". The amount is percent, bytes or times.
pub(super) fn growths(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found = percents(text, numbers);
    found.extend(sizes(text, numbers));
    for value in &mut found {
        if let Some(period) = PERIOD.find(&text[value.range.end..]) {
            value.range.end += period.end();
        }
    }
    for n in numbers.iter().filter(|n| n.form == NumberForm::Digits) {
        if let Some(m) = TIMES.find(&text[n.range.end..]) {
            let range = n.range.start..n.range.end + m.end();
            found.push(Value {
                kind: ValueKind::Growth,
                range,
                amount: n.value,
            });
        }
    }
    found.extend(GROWTH_WORD.find_iter(text).map(|m| Value {
        kind: ValueKind::Growth,
        range: m.range(),
        amount: multiplier(&text[m.range()]),
    }));
    found
}

fn multiplier(word: &str) -> f64 {
    let word = word.to_ascii_lowercase();
    match word.get(..3) {
        Some("dou") => 2.0,
        Some("tri") => 3.0,
        Some("qua") => 4.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ValueKind, find};

    fn found(kind: ValueKind, text: &str) -> Vec<(&str, f64)> {
        find(kind, text)
            .into_iter()
            .map(|v| (&text[v.range], v.amount))
            .collect()
    }

    #[test]
    fn finds_sizes() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("2.4 TB", &[("2.4 TB", 2.4e12)]),
            ("800 GiB", &[("800 GiB", 800.0 * 1024f64.powi(3))]),
            ("500GB", &[("500GB", 5e11)]),
            ("1.2 terabytes", &[("1.2 terabytes", 1.2e12)]),
            ("300 MB", &[("300 MB", 3e8)]),
            ("a terabyte", &[("a terabyte", 1e12)]),
            ("two terabytes", &[("two terabytes", 2e12)]),
            ("a 500-GB volume", &[("500-GB", 5e11)]),
            ("2-3 TB", &[("2-3 TB", 3e12)]),
        ];
        for (input, expected) in cases {
            assert_eq!(found(ValueKind::Size, input), *expected, "{input:?}");
        }
        for input in [
            "in 2025",
            "2 AZs",
            "a big database",
            "a TB",
            "15 minutes",
            "GB",
        ] {
            assert_eq!(found(ValueKind::Size, input), vec![], "{input:?}");
        }
    }

    #[test]
    fn finds_percents() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("30 %", &[("30 %", 30.0)]),
            ("30%", &[("30%", 30.0)]),
            ("30 percent", &[("30 percent", 30.0)]),
            ("thirty per cent", &[("thirty per cent", 30.0)]),
            ("12.5 pct", &[("12.5 pct", 12.5)]),
            ("70% reads and 30% writes", &[("70%", 70.0), ("30%", 30.0)]),
            ("20–30 %", &[("20–30 %", 30.0)]),
        ];
        for (input, expected) in cases {
            assert_eq!(found(ValueKind::Percent, input), *expected, "{input:?}");
        }
        for input in ["30 percentile", "per cent", "thirty"] {
            assert_eq!(found(ValueKind::Percent, input), vec![], "{input:?}");
        }
    }

    #[test]
    fn finds_availability() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("99.95 %", &[("99.95 %", 99.95)]),
            ("99.99%", &[("99.99%", 99.99)]),
            ("SLA of 99.9", &[("99.9", 99.9)]),
            ("three nines", &[("three nines", 99.9)]),
            ("four nines", &[("four nines", 99.99)]),
            ("4 9s", &[("4 9s", 99.99)]),
            ("100% uptime", &[("100%", 100.0)]),
        ];
        for (input, expected) in cases {
            let got = found(ValueKind::Availability, input);
            assert_eq!(got.len(), expected.len(), "{input:?}");
            for ((text, amount), (want_text, want_amount)) in got.iter().zip(*expected) {
                assert_eq!(text, want_text, "{input:?}");
                assert!((amount - want_amount).abs() < 1e-9, "{input:?}: {amount}");
            }
        }
        for input in ["30%", "99 tables", "9.99", "version 99"] {
            assert_eq!(found(ValueKind::Availability, input), vec![], "{input:?}");
        }
    }

    #[test]
    fn finds_growth() {
        let cases: &[(&str, &[&str])] = &[
            ("grows 20% per year", &["20% per year"]),
            ("10 percent annually", &["10 percent annually"]),
            ("200 GB per year", &["200 GB per year"]),
            ("adds 50 GB a month", &["50 GB a month"]),
            ("about 1 TB/year", &["1 TB/year"]),
            ("15% YoY", &["15% YoY"]),
            ("doubles every year", &["doubles"]),
            ("expected to triple", &["triple"]),
            ("a 3x increase", &["3x"]),
            ("twofold", &["twofold"]),
            ("no growth expected", &["no growth"]),
            ("negligible", &["negligible"]),
            ("Growth: 500 GB", &["500 GB"]),
        ];
        for (input, expected) in cases {
            let got: Vec<&str> = found(ValueKind::Growth, input)
                .into_iter()
                .map(|v| v.0)
                .collect();
            assert_eq!(got, *expected, "{input:?}");
        }
        for input in ["grows steadily", "2 AZs", "in 2025"] {
            assert_eq!(found(ValueKind::Growth, input), vec![], "{input:?}");
        }
    }
}
