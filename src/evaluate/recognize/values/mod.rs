//! Typed value finders: durations, sizes, percentages, counts, rates, availability, growth.
//!
//! Each finder returns the values it locates in a string, in order of position, with byte
//! ranges and an amount in a canonical unit (see [`ValueKind`]).

mod amount;
mod count;
mod hint;
mod time;

use super::numbers::{Number, NumberForm, find_numbers};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The type of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKind {
    /// A length of time ("one hour", "15 min", "35-day", "zero data loss"); amount in seconds.
    Duration,
    /// A data size ("2.4 TB", "800 GiB"); amount in bytes.
    Size,
    /// A percentage ("30 %", "thirty per cent"); amount in percent.
    Percent,
    /// A plain count ("1,200 tables", "3k", "a dozen", "hundreds of"); amount as is.
    Count,
    /// A throughput ("5,000 TPS", "2k requests per second"); amount per second.
    Rate,
    /// An availability ("99.95 %", "four nines"); amount in percent.
    Availability,
    /// A growth: a percentage, a size (optionally per period), or a multiplier ("doubles
    /// every year", "3x"); amount in percent, bytes or times.
    Growth,
}

impl ValueKind {
    /// Every kind, in declaration order.
    pub const ALL: [ValueKind; 7] = [
        ValueKind::Duration,
        ValueKind::Size,
        ValueKind::Percent,
        ValueKind::Count,
        ValueKind::Rate,
        ValueKind::Availability,
        ValueKind::Growth,
    ];

    /// The kind named in a rule pack (`duration`, `size`, `percent`, `count`, `rate`,
    /// `availability`, `growth`).
    pub fn from_name(name: &str) -> Option<ValueKind> {
        ValueKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The pack name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::Duration => "duration",
            ValueKind::Size => "size",
            ValueKind::Percent => "percent",
            ValueKind::Count => "count",
            ValueKind::Rate => "rate",
            ValueKind::Availability => "availability",
            ValueKind::Growth => "growth",
        }
    }
}

/// A typed value found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Its kind.
    pub kind: ValueKind,
    /// Byte range in the text (number and unit).
    pub range: Range<usize>,
    /// The amount in the kind's canonical unit.
    pub amount: f64,
}

/// Finds the values of `kind` in `text`.
pub fn find(kind: ValueKind, text: &str) -> Vec<Value> {
    find_in(kind, text, &find_numbers(text))
}

/// Finds the values of `kind` in `text`, given the numbers already found in it.
pub fn find_in(kind: ValueKind, text: &str, numbers: &[Number]) -> Vec<Value> {
    let mut found = match kind {
        ValueKind::Duration => time::durations(text, numbers),
        ValueKind::Size => amount::sizes(text, numbers),
        ValueKind::Percent => amount::percents(text, numbers),
        ValueKind::Availability => amount::availabilities(text, numbers),
        ValueKind::Growth => amount::growths(text, numbers),
        ValueKind::Count => count::counts(text, numbers),
        ValueKind::Rate => count::rates(text, numbers),
    };
    for value in &mut found {
        value.kind = kind;
    }
    without_overlaps(found)
}

/// Bare numbers (no unit of their own) that a unit named elsewhere — a header "RTO (hours)",
/// a name "transactions per second" — can turn into values of `kind`. Their amount is the
/// number as written (the unit is not known here).
pub fn bare_numbers(kind: ValueKind, text: &str, numbers: &[Number]) -> Vec<Value> {
    count::counts(text, numbers)
        .into_iter()
        .map(|v| Value { kind, ..v })
        .collect()
}

/// Whether `text` (a name with what follows it, or a header cell) names a unit of `kind`,
/// so that a bare number paired with it is a value of that kind.
pub fn unit_hint(kind: ValueKind, text: &str) -> bool {
    match kind {
        ValueKind::Duration => hint::names_duration(text),
        ValueKind::Size => hint::names_size(text),
        ValueKind::Percent | ValueKind::Availability => hint::names_percent(text),
        ValueKind::Growth => hint::names_percent(text) || hint::names_size(text),
        ValueKind::Rate => hint::names_rate(text),
        ValueKind::Count => false,
    }
}

/// Sorts values by position and drops any that overlaps an earlier (or longer) one.
fn without_overlaps(mut values: Vec<Value>) -> Vec<Value> {
    values.sort_by_key(|v| (v.range.start, std::cmp::Reverse(v.range.end)));
    let mut out: Vec<Value> = Vec::with_capacity(values.len());
    for value in values {
        if out
            .last()
            .is_none_or(|last| last.range.end <= value.range.start)
        {
            out.push(value);
        }
    }
    out
}

/// Matches `unit` anchored at `end` in `text`: the end of the match and its first group.
fn unit_at<'t>(unit: &Regex, text: &'t str, end: usize) -> Option<(usize, &'t str)> {
    let caps = unit.captures(&text[end..])?;
    let whole = caps.get(0)?;
    let name = caps
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map_or("", |m| m.as_str());
    Some((end + whole.end(), name))
}

/// Whether a number may carry a unit: articles only with a spelled-out unit.
fn counts_as_number(number: &Number) -> bool {
    number.form != NumberForm::Article
}

/// A range connector between two numbers: "–", "to", "and", "or".
static CONNECTOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\A\s*(?:[-‐‑‒–—~]|to|and|or)\s*\z").expect("connector"));

/// Compiles the patterns of the value finders now rather than on first use, one group at a
/// time (see [`crate::lint::warm_up`]).
pub(crate) const PREPARES: [fn(); 3] = [time::prepare, count::prepare, amount_and_connector];

fn amount_and_connector() {
    amount::prepare();
    LazyLock::force(&CONNECTOR);
}

/// Joins ranges "2–4 hours", "2 to 4 hours", "between 2 and 4 hours": when a number without a
/// unit precedes a value across a range connector, the value starts at that number.
fn join_ranges(text: &str, numbers: &[Number], values: &mut [Value]) {
    for value in values.iter_mut() {
        let before = numbers
            .iter()
            .rev()
            .find(|n| n.range.end <= value.range.start);
        if let Some(n) = before.filter(|n| n.form != NumberForm::Article)
            && CONNECTOR.is_match(&text[n.range.end..value.range.start])
        {
            value.range.start = n.range.start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_names() {
        for kind in ValueKind::ALL {
            assert_eq!(ValueKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(ValueKind::from_name("days"), None);
    }

    #[test]
    fn recognizes_unit_hints() {
        let cases = [
            (ValueKind::Duration, "RTO (hours)", true),
            (ValueKind::Duration, "RPO [min]", true),
            (ValueKind::Duration, "RTO in minutes", true),
            (ValueKind::Duration, "RTO", false),
            (ValueKind::Duration, "Retention (days)", true),
            (ValueKind::Size, "Initial size (GB)", true),
            (ValueKind::Size, "Size in TiB", true),
            (ValueKind::Size, "Initial size", false),
            (ValueKind::Percent, "Read %", true),
            (ValueKind::Percent, "Read percentage", true),
            (ValueKind::Percent, "Reads", false),
            (ValueKind::Rate, "Transactions per second", true),
            (ValueKind::Rate, "Peak TPS", true),
            (ValueKind::Rate, "Requests/s", true),
            (ValueKind::Rate, "Peak requests", false),
            (ValueKind::Growth, "Yearly growth (%)", true),
            (ValueKind::Growth, "Growth (GB)", true),
            (ValueKind::Count, "Tables", false),
        ];
        for (kind, text, expected) in cases {
            assert_eq!(unit_hint(kind, text), expected, "{kind:?} {text:?}");
        }
    }

    #[test]
    fn joins_ranges() {
        let cases = [
            ("2–4 hours", "2–4 hours"),
            ("2-4 hours", "2-4 hours"),
            ("2 to 4 hours", "2 to 4 hours"),
            ("between 2 and 4 hours", "2 and 4 hours"),
            ("2 or 3 days", "2 or 3 days"),
        ];
        for (text, expected) in cases {
            let found = find(ValueKind::Duration, text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert_eq!(&text[found[0].range.clone()], expected, "{text:?}");
        }
    }
}
