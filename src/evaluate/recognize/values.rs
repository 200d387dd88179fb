//! Typed values in text: durations, sizes, percentages, counts, rates and availability, with
//! numbers written as digits ("1,200", "2.4", "4h") or words ("thirty-five", "an hour",
//! "half an hour", "a dozen").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The type of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A duration ("one hour", "15 min", "4h", "zero data loss").
    Duration,
    /// A data size ("2.4 TB", "800 GiB").
    Size,
    /// A percentage or a growth factor ("30 %", "doubles").
    Percent,
    /// A count ("1,850", "two thousand").
    Count,
    /// A rate ("3,500 TPS", "2k requests per second").
    Rate,
    /// An availability ("99.95 %", "four nines").
    Availability,
}

/// Number words (cardinals, magnitudes, and "a"/"an"/"half" before a unit).
const NUMBER_WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|couple)";

/// A number: digits with separators and decimals, optional magnitude suffix, or number words.
fn number() -> String {
    let digits = r"(?:\d{1,3}(?:[,\u{202F}\u{00A0}']\d{3})+|\d+)(?:[.,]\d+)?";
    let magnitude = r"(?:\s*(?:k|K|m|M|bn|thousand|million|billion)\b)?";
    let words = format!(r"{NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?{NUMBER_WORD})*");
    format!(r"(?:{digits}{magnitude}|\b{words}\b)")
}

/// An approximate or bounding qualifier is allowed before a number.
const TIME_UNIT: &str = r"(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?)";

fn duration_regex() -> String {
    let n = number();
    let article = r"(?:\ba|\ban|\bhalf\s+an?|\ba\s+half|\ba\s+few|\bseveral|\ba\s+couple\s+of)";
    let word_unit = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)";
    format!(
        r"(?i)(?:{n}\s*(?:-|–|to)?\s*(?:{n}\s*)?-?\s*{TIME_UNIT}\b|{article}\s+{word_unit}\b|\b(?:zero|no|near[\s-]*zero|minimal)\s+data[\s-]*loss\b|\bnear[\s-]*zero\b|\breal[\s-]*time\b|\bsub[\s-]*second\b|\bseconds\b|\bminutes\b|\bhours\b|\binstant(?:ly|aneous)?\b)"
    )
}

fn size_regex() -> String {
    let n = number();
    format!(
        r"(?i){n}\s*-?\s*(?:[kmgtpe]i?b|[kmgtpe]bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|gigs?|bytes?)\b"
    )
}

fn percent_regex() -> String {
    let n = number();
    format!(
        r"(?i)(?:{n}\s*(?:%|per\s*cent\b|percent\b|pct\b)|\b(?:doubl|tripl|quadrupl)(?:e|es|ed|ing)\b|\b\d+(?:\.\d+)?\s*x\b)"
    )
}

fn rate_regex() -> String {
    let n = number();
    format!(
        r"(?i){n}\s*(?:tps|qps|rps|iops|ops/s|tx/s|req/s|(?:transactions?|requests?|queries|query|operations?|ops|writes?|reads?|calls?|messages?|events?|connections?|statements?|txns?)?\s*(?:(?:per|a|each)\s+(?:second|sec|minute|min|hour)\b|/\s*(?:s|sec|second|min|minute|h|hr|hour)\b))"
    )
}

fn availability_regex() -> String {
    r"(?i)(?:\b(?:9\d(?:[.,]\d+)?|100)\s*(?:%|per\s*cent\b|percent\b)|\b(?:two|three|four|five)\s+nines\b)".to_string()
}

fn count_regex() -> String {
    number()
}

struct ValueRegexes {
    duration: Regex,
    size: Regex,
    percent: Regex,
    count: Regex,
    rate: Regex,
    availability: Regex,
    year_or_version: Regex,
}

static REGEXES: LazyLock<ValueRegexes> = LazyLock::new(|| {
    let compile = |p: String| Regex::new(&p).expect("value regex is valid");
    ValueRegexes {
        duration: compile(duration_regex()),
        size: compile(size_regex()),
        percent: compile(percent_regex()),
        count: compile(format!("(?i){}", count_regex())),
        rate: compile(rate_regex()),
        availability: compile(availability_regex()),
        year_or_version: Regex::new(r"^(?:19|20)\d\d$|^\d+\.\d+\.\d+").expect("valid regex"),
    }
});

/// Byte ranges of the values of `kind` in `text`.
pub fn find(kind: ValueKind, text: &str) -> Vec<Range<usize>> {
    let r = &*REGEXES;
    match kind {
        ValueKind::Duration => ranges(&r.duration, text),
        ValueKind::Size => ranges(&r.size, text),
        ValueKind::Percent => ranges(&r.percent, text),
        ValueKind::Rate => ranges(&r.rate, text),
        ValueKind::Availability => ranges(&r.availability, text),
        ValueKind::Count => r
            .count
            .find_iter(text)
            .filter(|m| is_count(text, m.range()))
            .map(|m| m.range())
            .collect(),
    }
}

/// A number counts as a count unless it is a year, a version, part of a date or identifier,
/// or carries a unit that makes it another kind of value.
fn is_count(text: &str, range: Range<usize>) -> bool {
    let token = text[range.clone()].trim();
    if REGEXES.year_or_version.is_match(token) {
        return false;
    }
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | ':' | '_'))
        || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '_'))
        || text[range.end..].starts_with(|c: char| c == '.' || c == ',')
            && text[range.end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let rest = text[range.end..].trim_start().to_ascii_lowercase();
    let unit_follows = [
        "%", "percent", "per cent", "gb", "tb", "gib", "tib", "mb", "hour", "minute", "second",
        "day", "month", "year", "ms", "h ", "x ",
    ]
    .iter()
    .any(|u| rest.starts_with(u));
    !unit_follows
}

fn ranges(regex: &Regex, text: &str) -> Vec<Range<usize>> {
    regex.find_iter(text).map(|m| m.range()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(kind: ValueKind, text: &str) -> Vec<String> {
        find(kind, text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn durations_in_digits_words_and_units() {
        for text in [
            "one hour",
            "15 minutes",
            "5 min",
            "4h",
            "4 hrs",
            "under thirty seconds",
            "< 1 h",
            "35 days",
            "thirty-five days",
            "two weeks",
            "15-minute",
            "an hour",
            "half an hour",
            "2–4 hours",
            "zero data loss",
            "near-zero",
            "seven days",
            "1 hr",
        ] {
            assert!(!found(ValueKind::Duration, text).is_empty(), "{text:?}");
        }
        for text in ["2 AZs", "Region us-east-1", "the customer", "TBD"] {
            assert!(
                found(ValueKind::Duration, text).is_empty(),
                "{text:?} → {:?}",
                found(ValueKind::Duration, text)
            );
        }
    }

    #[test]
    fn sizes_percentages_rates_availability() {
        for text in ["2.4 TB", "800 GiB", "500GB", "1.2 terabytes", "350 MB"] {
            assert!(!found(ValueKind::Size, text).is_empty(), "{text:?}");
        }
        assert!(found(ValueKind::Size, "in 2025 we").is_empty());
        for text in [
            "30 %",
            "30%",
            "30 percent",
            "thirty per cent",
            "doubles every year",
            "about 25% a year",
        ] {
            assert!(!found(ValueKind::Percent, text).is_empty(), "{text:?}");
        }
        for text in [
            "3,500 TPS",
            "2k requests per second",
            "1200 transactions/s",
            "400 queries per second",
            "9,000 IOPS",
        ] {
            assert!(!found(ValueKind::Rate, text).is_empty(), "{text:?}");
        }
        for text in ["99.95 %", "99.99%", "four nines", "99.9 percent"] {
            assert!(!found(ValueKind::Availability, text).is_empty(), "{text:?}");
        }
        assert!(found(ValueKind::Availability, "30 %").is_empty());
    }

    #[test]
    fn counts_exclude_years_versions_and_units() {
        assert_eq!(found(ValueKind::Count, "about 1,850 tables"), ["1,850"]);
        assert_eq!(
            found(ValueKind::Count, "two thousand objects"),
            ["two thousand"]
        );
        assert!(found(ValueKind::Count, "in 2025, version 5.7.44").is_empty());
        assert!(found(ValueKind::Count, "us-east-1 and 5 GB").is_empty());
        assert_eq!(
            found(ValueKind::Count, "peak of 4,000 concurrent connections"),
            ["4,000"]
        );
    }
}
