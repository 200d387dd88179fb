//! Availability Zones: counts the distinct zones a diagram shows and spots multi-AZ /
//! multi-region statements.
//!
//! A zone shows as a zone name in a label (`us-east-1a`), an AZ ID (`use1-az1`), a lettered or
//! numbered AZ label (`Availability Zone A`, `AZ 1`, `AZ-b`), an unnamed `Availability Zone`
//! label, or a cell styled as draw.io's AZ group (`grIcon=mxgraph.aws4.group_availability_zone`).
//! The count is the largest of: distinct zone names/IDs; distinct lettered/numbered AZ labels
//! plus unnamed AZ labels; AZ-styled groups. Taking the largest (not the sum) keeps an AZ group
//! and the zone name written in its subnets from counting twice.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::pattern::compile;

use regex::Regex;

use super::labels::{LabelMatches, Pattern};
use super::services::icon_matches;
use super::shapes::Shape;

/// "Multi-AZ", "multiple availability zones", "multi-region", "two AZs", "cross-region".
pub(crate) const STATEMENT_SRC: &str = concat!(
    r"\bmulti[\s-]*(?:az|availability[\s-]*zones?|regions?|regional)\b",
    r"|\b(?:multiple|two|three|four|[2-6])\s+(?:availability[\s-]*zones|azs|regions)\b",
    r"|\bcross[\s-]*(?:region|az)\b",
);
static STATEMENT: LazyLock<Regex> = LazyLock::new(|| compile(STATEMENT_SRC));

/// Zone names such as `us-east-1a`, `eu-west-2b`, `us-gov-west-1a`, and AZ IDs (`use1-az1`).
pub(crate) const ZONE_ID_SRC: &str = concat!(
    r"\b[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|northwest|",
    r"southeast|southwest)-\d{1,2}[a-z]\b|\b[a-z]{3,5}\d{1,2}-az\d{1,2}\b",
);
static ZONE_ID: LazyLock<Regex> = LazyLock::new(|| compile(ZONE_ID_SRC));

/// `Availability Zone A`, `AZ 1`, `AZ-b`, `AZ1a`: the suffix names the zone.
pub(crate) const NAMED_SRC: &str =
    r"\b(?:availability[\s-]*zone|az)[\s:_#-]*([1-9]?[a-f]|[1-9]\d?)\b";
static NAMED: LazyLock<Regex> = LazyLock::new(|| compile(NAMED_SRC));

/// `Availability Zones A and B`, `AZs 1, 2 and 3`, `AZs a/b`: a plural label listing zones.
pub(crate) const LISTED_SRC: &str = concat!(
    r"\b(?:availability[\s-]*zones|azs)[\s:]*",
    r"((?:[1-9]?[a-f]|[1-9]\d?)(?:\s*(?:,|&|/|\band\b)\s*(?:[1-9]?[a-f]|[1-9]\d?))+)\b",
);
static LISTED: LazyLock<Regex> = LazyLock::new(|| compile(LISTED_SRC));

/// One zone of a [`LISTED`] list.
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| compile(r"\b(?:[1-9]?[a-f]|[1-9]\d?)\b"));

/// Any mention of an Availability Zone.
pub(crate) const ANY_AZ_SRC: &str = r"\b(?:availability[\s-]*zone|az)\b";
static ANY_AZ: LazyLock<Regex> = LazyLock::new(|| compile(ANY_AZ_SRC));

/// Compiles the zone patterns now rather than on first use.
pub(crate) fn prepare() {
    for regex in [&STATEMENT, &ZONE_ID, &NAMED, &LISTED, &LIST_ITEM, &ANY_AZ] {
        LazyLock::force(regex);
    }
}

/// True when `label` states multi-AZ or multi-region operation.
#[cfg(test)]
pub(crate) fn states_multi_az(label: &str) -> bool {
    STATEMENT.is_match(label)
}

/// The distinct Availability Zones the shapes show.
#[cfg(test)]
pub(crate) fn count(shapes: &[Shape], icons: &[Vec<String>]) -> usize {
    let labels: Vec<LabelMatches> = shapes.iter().map(|s| LabelMatches::of(&s.label)).collect();
    survey(shapes, &labels, icons).0
}

/// True when a label that matched `m` can show no zone: it mentions none and states nothing
/// that would be cut out of it first. (Non-ASCII labels are always read: lowercasing them can
/// produce ASCII letters.)
fn shows_no_zone(label: &str, m: &LabelMatches) -> bool {
    let patterns = [
        Pattern::Statement,
        Pattern::ZoneId,
        Pattern::Named,
        Pattern::Listed,
        Pattern::AnyAz,
    ];
    label.is_ascii() && !patterns.iter().any(|&p| m.has(p))
}

/// The number of distinct Availability Zones the shapes show, and their names where written:
/// zone names and IDs as written (`us-east-1a`), or else lettered or numbered labels (`AZ A`).
/// `labels` holds what each shape's label matched.
pub(crate) fn survey(
    shapes: &[Shape],
    labels: &[LabelMatches],
    icons: &[Vec<String>],
) -> (usize, Vec<String>) {
    let mut zone_ids = BTreeSet::new();
    let mut named = BTreeSet::new();
    let mut unnamed = 0;
    for (shape, matched) in shapes.iter().zip(labels) {
        if shows_no_zone(&shape.label, matched) {
            continue;
        }
        let label = STATEMENT.replace_all(&shape.label, " ").to_lowercase();
        let before = zone_ids.len() + named.len();
        zone_ids.extend(ZONE_ID.find_iter(&label).map(|m| m.as_str().to_string()));
        named.extend(NAMED.captures_iter(&label).map(|c| c[1].to_string()));
        for list in LISTED.captures_iter(&label) {
            let items = list[1].replace("and", " ");
            named.extend(LIST_ITEM.find_iter(&items).map(|m| m.as_str().to_string()));
        }
        if zone_ids.len() + named.len() == before && mentions_unnamed_zone(&label) {
            unnamed += 1;
        }
    }
    let styled = icons.iter().filter(|i| is_zone_group(i)).count();
    let count = zone_ids.len().max(named.len() + unnamed).max(styled);
    // The names of the way of naming that gave the count (zone names when tied: the same
    // zones are often labelled both ways).
    let names = if zone_ids.len() >= named.len() {
        zone_ids.into_iter().collect()
    } else {
        named
            .iter()
            .map(|n| format!("AZ {}", n.to_uppercase()))
            .collect()
    };
    (count, names)
}

/// True when the label mentions an AZ without naming one (and names no zone already seen).
fn mentions_unnamed_zone(label: &str) -> bool {
    ANY_AZ.is_match(label) && !ZONE_ID.is_match(label) && !NAMED.is_match(label)
}

/// True for a cell drawn with draw.io's Availability Zone group icon.
fn is_zone_group(icons: &[String]) -> bool {
    icons
        .iter()
        .any(|i| icon_matches("group_availability_zone*", i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(labels: &[&str]) -> Vec<Shape> {
        let to_shape = |l: &&str| Shape {
            label: l.to_string(),
            style: String::new(),
        };
        labels.iter().map(to_shape).collect()
    }

    fn zones(labels: &[&str]) -> usize {
        let shapes = shapes(labels);
        count(&shapes, &vec![Vec::new(); shapes.len()])
    }

    #[test]
    fn counts_named_zones_once_each() {
        assert_eq!(
            zones(&["Availability Zone A", "Availability Zone B", "AZ a"]),
            2
        );
        assert_eq!(zones(&["AZ 1", "AZ-2", "AZ3"]), 3);
        assert_eq!(
            zones(&["us-east-1a", "Private subnet us-east-1a", "us-east-1b"]),
            2
        );
        assert_eq!(zones(&["use1-az1", "use1-az2"]), 2);
        assert_eq!(zones(&["eu-west-2b"]), 1);
    }

    #[test]
    fn counts_zones_listed_in_a_plural_label() {
        assert_eq!(
            zones(&["VPC over Availability Zones A and B, private DB subnets"]),
            2
        );
        assert_eq!(zones(&["AZs 1, 2 and 3"]), 3);
        assert_eq!(zones(&["AZs a/b", "AZ A"]), 2);
        assert_eq!(zones(&["Availability Zones and subnets"]), 0);
    }

    #[test]
    fn counts_unnamed_zone_groups_per_shape() {
        assert_eq!(zones(&["Availability Zone", "Availability Zone"]), 2);
        assert_eq!(zones(&["Availability Zone", "Subnet in us-east-1a"]), 1);
    }

    #[test]
    fn ignores_statements_regions_and_lookalikes() {
        assert_eq!(
            zones(&["Multi-AZ", "multiple availability zones", "us-east-1"]),
            0
        );
        assert_eq!(zones(&["Azure", "Amazon", "two AZs", "lazy"]), 0);
    }

    #[test]
    fn recognizes_statements() {
        for s in [
            "Multi-AZ DB cluster",
            "multi AZ",
            "MultiAZ",
            "Multi-Region",
            "multiple Availability Zones",
            "across two AZs",
            "cross-region replica",
        ] {
            assert!(states_multi_az(s), "{s}");
        }
        for s in ["Availability Zone A", "multimedia", "Region"] {
            assert!(!states_multi_az(s), "{s}");
        }
    }

    #[test]
    fn names_the_zones_it_counts() {
        let survey_of = |labels: &[&str]| {
            let shapes = shapes(labels);
            let labels: Vec<LabelMatches> =
                shapes.iter().map(|s| LabelMatches::of(&s.label)).collect();
            survey(&shapes, &labels, &vec![Vec::new(); shapes.len()])
        };
        let labels = [
            "Availability Zone a",
            "AZ 2",
            "Subnet us-east-1b",
            "Multi-AZ",
        ];
        assert_eq!(survey_of(&labels), (2, vec!["AZ 2".into(), "AZ A".into()]));
        let labels = ["AZ A", "AZ B", "us-east-1a", "us-east-1b"];
        let ids = vec!["us-east-1a".to_string(), "us-east-1b".to_string()];
        assert_eq!(survey_of(&labels), (2, ids));
        assert_eq!(survey_of(&["Availability Zone"]), (1, Vec::new()));
    }

    #[test]
    fn counts_zone_groups_by_style() {
        let shapes = shapes(&["", ""]);
        let icons = vec![
            vec!["group_availability_zone".to_string()],
            vec!["group".to_string()],
        ];
        assert_eq!(count(&shapes, &icons), 1);
    }
}
