//! Every label pattern of the reader — services, engines, zones, subnets, databases — in one
//! set, so that each label is read once for all of them (rather than once per pattern).
//!
//! The patterns keep their meaning: the set is case-insensitive and ASCII-only, as each
//! pattern compiled on its own is (see [`super::pattern::compile`]); a test checks that every
//! pattern compiles that way. One set is also far cheaper to build than a regex each.

use std::sync::LazyLock;

use regex::{RegexSet, RegexSetBuilder, SetMatches};

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

static SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(sources())
        .case_insensitive(true)
        .unicode(false)
        .build()
        .expect("diagram label patterns are valid ASCII patterns")
});

/// Which patterns one label matches.
#[derive(Clone, Debug)]
pub(crate) struct LabelMatches(SetMatches);

impl LabelMatches {
    /// Reads `label` once for every pattern.
    pub(crate) fn of(label: &str) -> Self {
        Self(SET.matches(label))
    }

    /// True when the label names service `index` of the services table.
    pub(crate) fn service(&self, index: usize) -> bool {
        self.0.matched(index)
    }

    /// True when the label names engine `index` of the engines table.
    pub(crate) fn engine(&self, index: usize) -> bool {
        self.0.matched(services::LABEL_COUNT + index)
    }

    /// True when the label matches `pattern`.
    pub(crate) fn has(&self, pattern: Pattern) -> bool {
        self.0
            .matched(services::LABEL_COUNT + engines::LABEL_COUNT + pattern as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_as_ascii() {
        assert_eq!(SET.len(), sources().count());
        for source in sources() {
            RegexSetBuilder::new([source])
                .case_insensitive(true)
                .unicode(false)
                .build()
                .expect(source);
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
