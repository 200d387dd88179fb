//! Durations: "one hour", "15 minutes", "5 min", "4h", "35-day", "2–4 hours", and the
//! zero-ish forms an RPO or RTO is stated with ("zero data loss", "near-zero", "real-time").

use super::{Value, ValueKind, counts_as_number, join_ranges, unit_at};
use crate::evaluate::recognize::numbers::{Number, NumberForm};
use crate::lean_regex::without_prefilter;
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

/// Spelled-out or abbreviated units, after optional whitespace or a hyphen ("15-minute").
static LONG_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A(?:\s*|\s*[-‐‑–]\s*)",
        r"(milliseconds?|msecs?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos|years?|yrs?)",
        r"\b(?:\(s\))?",
    ))
    .expect("duration unit regex")
});

/// One-letter units glued to the number ("4h", "15m", "30s"), or "h" after a space ("< 1 h").
static SHORT_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A(?:(h|m|s|d|w|y|mo)|\s(h))\b").expect("short duration unit regex")
});

/// "and a half" after a unit: "an hour and a half".
static AND_A_HALF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A\s+and\s+a\s+half\b").expect("half regex"));

/// Statements of a zero duration: an RPO of "zero data loss", a "near-zero" or "real-time" one.
static ZERO: LazyLock<meta::Regex> = LazyLock::new(|| {
    without_prefilter(concat!(
        r"(?i)\b(?:zero|no)[\s-]+data[\s-]+loss\b",
        r"|\b(?:near(?:ly)?|close\s+to|almost|virtually)[\s‐‑–-]*zero\b",
        r"|\bzero[\s-]+(?:downtime|seconds?|minutes?)\b",
        r"|\breal[\s‐‑–-]*time\b",
        r"|\b(?:near[\s‐‑–-]*)?instant(?:aneous(?:ly)?)?\b",
    ))
});

/// Compiles the duration patterns now rather than on first use (see
/// [`crate::lint::warm_up`]).
pub(super) fn prepare() {
    for regex in [&LONG_UNIT, &SHORT_UNIT, &AND_A_HALF] {
        LazyLock::force(regex);
    }
    LazyLock::force(&ZERO);
}

/// Finds durations; the amount is in seconds.
pub(super) fn durations(text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found: Vec<Value> = numbers.iter().filter_map(|n| with_unit(text, n)).collect();
    join_ranges(text, numbers, &mut found);
    found.extend(ZERO.find_iter(text).map(|m| zero(m.range())));
    found.extend(
        numbers
            .iter()
            .filter(|n| bare_zero(text, n))
            .map(|n| zero(n.range.clone())),
    );
    found
}

fn zero(range: std::ops::Range<usize>) -> Value {
    Value {
        kind: ValueKind::Duration,
        range,
        amount: 0.0,
    }
}

/// A number followed by a time unit.
fn with_unit(text: &str, number: &Number) -> Option<Value> {
    let end = number.range.end;
    let (unit_end, unit) = if number.form == NumberForm::Article {
        let (unit_end, unit) = unit_at(&LONG_UNIT, text, end)?;
        let spaced = text[end..].starts_with(char::is_whitespace);
        let ordinal = unit.to_ascii_lowercase().starts_with("sec");
        (spaced && !ordinal).then_some((unit_end, unit))?
    } else if counts_as_number(number) {
        unit_at(&LONG_UNIT, text, end).or_else(|| unit_at(&SHORT_UNIT, text, end))?
    } else {
        return None;
    };
    let seconds = unit_seconds(unit)?;
    let half = AND_A_HALF.find(&text[unit_end..]).map(|m| m.end());
    let amount = (number.value + if half.is_some() { 0.5 } else { 0.0 }) * seconds;
    let range = number.range.start..unit_end + half.unwrap_or(0);
    Some(Value {
        kind: ValueKind::Duration,
        range,
        amount,
    })
}

/// Seconds in one of the unit.
fn unit_seconds(unit: &str) -> Option<f64> {
    let unit = unit.to_ascii_lowercase();
    let seconds = if unit.starts_with("ms") || unit.starts_with("milli") {
        0.001
    } else if unit.starts_with("mo") {
        30.0 * 86_400.0
    } else {
        match unit.chars().next()? {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3_600.0,
            'd' => 86_400.0,
            'w' => 7.0 * 86_400.0,
            'y' => 365.0 * 86_400.0,
            _ => return None,
        }
    };
    Some(seconds)
}

/// "RPO: 0" or "RPO = zero": a zero with no unit, ending its clause.
fn bare_zero(text: &str, number: &Number) -> bool {
    let rest = text[number.range.end..].trim_start();
    number.value == 0.0
        && number.form != NumberForm::Article
        && (rest.is_empty() || rest.starts_with(['.', ',', ';', ')', '|', '/']))
}

#[cfg(test)]
mod tests {
    use super::super::{ValueKind, find};

    fn durations(text: &str) -> Vec<(&str, f64)> {
        find(ValueKind::Duration, text)
            .into_iter()
            .map(|v| (&text[v.range], v.amount))
            .collect()
    }

    #[test]
    fn finds_durations() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            ("one hour", &[("one hour", 3600.0)]),
            ("15 minutes", &[("15 minutes", 900.0)]),
            ("5 min", &[("5 min", 300.0)]),
            ("5 mins.", &[("5 mins", 300.0)]),
            ("4h", &[("4h", 14_400.0)]),
            ("4 hrs", &[("4 hrs", 14_400.0)]),
            ("4 Hours", &[("4 Hours", 14_400.0)]),
            ("under thirty seconds", &[("thirty seconds", 30.0)]),
            ("< 1 h", &[("1 h", 3600.0)]),
            ("<5m", &[("5m", 300.0)]),
            ("30s", &[("30s", 30.0)]),
            ("an hour", &[("an hour", 3600.0)]),
            ("a day", &[("a day", 86_400.0)]),
            ("half an hour", &[("half an hour", 1800.0)]),
            ("an hour and a half", &[("an hour and a half", 5400.0)]),
            ("35 days", &[("35 days", 35.0 * 86_400.0)]),
            ("seven days", &[("seven days", 7.0 * 86_400.0)]),
            ("two weeks", &[("two weeks", 14.0 * 86_400.0)]),
            ("35-day retention", &[("35-day", 35.0 * 86_400.0)]),
            ("a 15-minute RPO", &[("15-minute", 900.0)]),
            ("a 1-hour RTO", &[("1-hour", 3600.0)]),
            ("12 months", &[("12 months", 360.0 * 86_400.0)]),
            ("1 year", &[("1 year", 365.0 * 86_400.0)]),
            ("100 ms", &[("100 ms", 0.1)]),
            ("2 day(s)", &[("2 day(s)", 2.0 * 86_400.0)]),
            ("twenty-four hours", &[("twenty-four hours", 86_400.0)]),
            ("RTO/RPO: 4h/15min", &[("4h", 14_400.0), ("15min", 900.0)]),
            ("2–4 hours", &[("2–4 hours", 14_400.0)]),
        ];
        for (input, expected) in cases {
            assert_eq!(durations(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn finds_zero_durations() {
        let cases = [
            ("zero data loss", "zero data loss"),
            ("no data loss", "no data loss"),
            ("near-zero", "near-zero"),
            ("near zero", "near zero"),
            ("0 seconds", "0 seconds"),
            ("zero downtime", "zero downtime"),
            ("real-time replication", "real-time"),
            ("instant failover", "instant"),
            ("RPO: 0", "0"),
            ("RPO = zero.", "zero"),
        ];
        for (input, expected) in cases {
            assert_eq!(durations(input), vec![(expected, 0.0)], "{input:?}");
        }
    }

    #[test]
    fn rejects_non_durations() {
        let cases = [
            "2 AZs",
            "a second read replica",
            "hourly snapshots",
            "5,000 per second",
            "0 HRIs",
            "RDS-009 hours",
            "the 2025 season",
            "2 TB",
            "30%",
            "XX hours",
            "several hours",
            "a mess",
        ];
        for input in cases {
            assert_eq!(durations(input), vec![], "{input:?}");
        }
    }
}
