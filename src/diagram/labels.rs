//! Every label pattern of the reader — services, engines, zones, subnets, databases — in one
//! set, so that each label is read once for all of them (rather than once per pattern).
//!
//! The patterns keep their meaning: the set is case-insensitive and ASCII-only, as each
//! pattern compiled on its own is (see [`super::pattern::compile`]); a test checks that every
//! pattern compiles that way. One set is also far cheaper to build than a regex each.

use std::sync::LazyLock;

use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternID, PatternSet, meta};

use super::{engines, features, services, zones};

/// The patterns that features and zones ask about, after the service and engine patterns.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Pattern {
    /// `subnet`.
    Subnet,
    /// `on-premises`, `data center`.
    OnPremises,
    /// `DB instance`, `database cluster`.
    DbResource,
    /// `primary`, `standby`, `read replica`.
    DbRole,
    /// `database`, `RDS`, `MySQL`.
    DbContext,
    /// A multi-AZ or multi-region statement.
    Statement,
    /// A zone name or AZ ID.
    ZoneId,
    /// A lettered or numbered AZ.
    Named,
    /// A plural label listing zones.
    Listed,
    /// Any mention of an Availability Zone.
    AnyAz,
}

/// The sources of [`Pattern`], in its order.
const OTHERS: [&str; 10] = [
    features::SUBNET_SRC,
    features::ON_PREMISES_SRC,
    features::DB_RESOURCE_SRC,
    features::DB_ROLE_SRC,
    features::DB_CONTEXT_SRC,
    zones::STATEMENT_SRC,
    zones::ZONE_ID_SRC,
    zones::NAMED_SRC,
    zones::LISTED_SRC,
    zones::ANY_AZ_SRC,
];

/// Every pattern: services, then engines, then [`OTHERS`].
fn sources() -> impl Iterator<Item = &'static str> + Clone {
    services::label_sources()
        .chain(engines::label_sources())
        .chain(OTHERS)
}

/// What `regex::RegexSet` builds, without literal prefilters: labels are a few words long,
/// and building the prefilters of fifty case-insensitive patterns costs more than it saves.
static SET: LazyLock<meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<&str> = sources().collect();
    meta::Regex::builder()
        .configure(
            meta::Config::new()
                .match_kind(MatchKind::All)
                .auto_prefilter(false),
        )
        .syntax(syntax::Config::new().case_insensitive(true).unicode(false))
        .build_many(&patterns)
        .expect("diagram label patterns are valid ASCII patterns")
});

/// Builds the set now rather than on first use.
pub(crate) fn prepare() {
    LazyLock::force(&SET);
}

/// Which patterns one label matches.
#[derive(Clone, Debug)]
pub(crate) struct LabelMatches(PatternSet);

impl LabelMatches {
    /// Reads `label` once for every pattern.
    pub(crate) fn of(label: &str) -> Self {
        let mut matched = PatternSet::new(SET.pattern_len());
        SET.which_overlapping_matches(&Input::new(label), &mut matched);
        Self(matched)
    }

    /// True when the label matches pattern `index` of [`sources`].
    fn matched(&self, index: usize) -> bool {
        self.0.contains(PatternID::must(index))
    }

    /// True when the label names service `index` of the services table.
    pub(crate) fn service(&self, index: usize) -> bool {
        self.matched(index)
    }

    /// True when the label names engine `index` of the engines table.
    pub(crate) fn engine(&self, index: usize) -> bool {
        self.matched(services::LABEL_COUNT + index)
    }

    /// True when the label matches `pattern`.
    pub(crate) fn has(&self, pattern: Pattern) -> bool {
        self.matched(services::LABEL_COUNT + engines::LABEL_COUNT + pattern as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_as_ascii() {
        assert_eq!(SET.pattern_len(), sources().count());
        for source in sources() {
            regex::RegexSetBuilder::new([source])
                .case_insensitive(true)
                .unicode(false)
                .build()
                .expect(source);
        }
    }

    /// The set finds what `regex::RegexSet` (what each pattern used to be compiled with) finds.
    #[test]
    fn agrees_with_a_regex_set() {
        let reference = regex::RegexSetBuilder::new(sources())
            .case_insensitive(true)
            .unicode(false)
            .build()
            .expect("valid");
        let labels = [
            "",
            "Amazon RDS for PostgreSQL (Multi-AZ)",
            "VPC 10.0.0.0/16",
            "us-east-1a",
            "Availability Zones A and B",
            "AZ-2",
            "use1-az1",
            "On-premises data center",
            "Read replica (Aurora MySQL)",
            "Private subnet",
            "ELB → EC2 Auto Scaling",
            "Amazon S3 bucket",
            "AWS KMS key",
            "café AZ b",
            "SQL Server on EC2",
            "cross-region",
        ];
        for label in labels {
            let want: Vec<usize> = reference.matches(label).into_iter().collect();
            let m = LabelMatches::of(label);
            let got: Vec<usize> = (0..sources().count()).filter(|&i| m.matched(i)).collect();
            assert_eq!(got, want, "{label}");
        }
    }

    #[test]
    fn reports_each_kind_of_pattern() {
        let m = LabelMatches::of("Aurora PostgreSQL writer in private subnet, AZ a");
        assert!(m.service(0) && m.engine(0));
        assert!(m.has(Pattern::Subnet) && m.has(Pattern::DbRole) && m.has(Pattern::DbContext));
        assert!(m.has(Pattern::Named) && m.has(Pattern::AnyAz));
        assert!(!m.has(Pattern::Statement) && !m.has(Pattern::OnPremises));
    }
}
