//! Which front matter keys each document kind takes, and what their values must be.

use super::values::{DocKind, Engine, Management, Project, Status, Visibility};

/// The type a front matter value must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// One of a closed set of strings.
    OneOf(&'static [&'static str]),
    /// Free text.
    Text,
    /// A `YYYY-MM-DD` date.
    Date,
    /// `true` or `false`.
    Bool,
    /// A list of control IDs.
    Controls,
    /// A list of program ids.
    Programs,
    /// A case study id.
    CaseStudyRef,
    /// The WAFR high-risk-issue counts.
    HighRiskIssues,
}

/// One key of a kind's front matter.
#[derive(Debug, Clone, Copy)]
pub struct KeySpec {
    /// The key.
    pub name: &'static str,
    /// Whether it must be present.
    pub required: bool,
    /// Its value type.
    pub value: ValueType,
    /// What to write, for `help:` lines.
    pub hint: &'static str,
}

const fn key(name: &'static str, required: bool, value: ValueType, hint: &'static str) -> KeySpec {
    KeySpec {
        name,
        required,
        value,
        hint,
    }
}

/// Keys any document may carry without meaning to evidencelint (ordinary page metadata).
pub const METADATA_KEYS: &[&str] = &[
    "title",
    "description",
    "author",
    "authors",
    "owner",
    "date",
    "updated",
    "last-reviewed",
    "tags",
    "summary",
    "version",
    "layout",
    "draft",
];

/// Keys that make front matter evidencelint's (a file with none of them is an ordinary page).
pub const OWN_KEYS: &[&str] = &["kind", "controls", "case-study", "programs", "engine"];

const CASE_STUDY: &[KeySpec] = &[
    key(
        "kind",
        true,
        ValueType::OneOf(DocKind::ALL),
        "kind: case-study",
    ),
    key("id", false, ValueType::Text, "id: acme-payments"),
    key(
        "customer",
        true,
        ValueType::Text,
        "customer: Acme Payments Ltd.",
    ),
    key(
        "engine",
        true,
        ValueType::OneOf(Engine::ALL),
        "engine: aurora-postgresql",
    ),
    key(
        "status",
        true,
        ValueType::OneOf(Status::ALL),
        "status: production",
    ),
    key("start", true, ValueType::Date, "start: 2025-02-03"),
    key("end", true, ValueType::Date, "end: 2025-08-29"),
    key(
        "management",
        true,
        ValueType::OneOf(Management::ALL),
        "management: customer-managed",
    ),
    key(
        "project",
        true,
        ValueType::OneOf(Project::ALL),
        "project: migration",
    ),
    key(
        "visibility",
        false,
        ValueType::OneOf(Visibility::ALL),
        "visibility: private",
    ),
    key("affiliate", false, ValueType::Bool, "affiliate: false"),
    key(
        "programs",
        false,
        ValueType::Programs,
        "programs: [rds-sd-2025-08]",
    ),
    key(
        "controls",
        false,
        ValueType::Controls,
        "controls: [RDS-001, RDS-009]",
    ),
];

const EVIDENCE: &[KeySpec] = &[
    key(
        "kind",
        true,
        ValueType::OneOf(DocKind::ALL),
        "kind: evidence",
    ),
    key(
        "case-study",
        false,
        ValueType::CaseStudyRef,
        "case-study: acme-payments",
    ),
    key(
        "controls",
        true,
        ValueType::Controls,
        "controls: [RDS-009, REL-002]",
    ),
    key(
        "programs",
        false,
        ValueType::Programs,
        "programs: [rds-sd-2025-08]",
    ),
];

const PRACTICE: &[KeySpec] = &[
    key(
        "kind",
        true,
        ValueType::OneOf(DocKind::ALL),
        "kind: practice",
    ),
    key(
        "controls",
        true,
        ValueType::Controls,
        "controls: [ACCT-001, ACCT-002]",
    ),
    key(
        "programs",
        false,
        ValueType::Programs,
        "programs: [rds-sd-2025-08]",
    ),
];

const WAFR: &[KeySpec] = &[
    key("kind", true, ValueType::OneOf(DocKind::ALL), "kind: wafr"),
    key(
        "case-study",
        false,
        ValueType::CaseStudyRef,
        "case-study: acme-payments",
    ),
    key(
        "high-risk-issues",
        true,
        ValueType::HighRiskIssues,
        "high-risk-issues: { security: 0, reliability: 0, operational-excellence: 0 }",
    ),
    key(
        "programs",
        false,
        ValueType::Programs,
        "programs: [rds-sd-2025-08]",
    ),
];

/// The WAFR pillars counted in `high-risk-issues`.
pub const WAFR_PILLARS: &[&str] = &["security", "reliability", "operational-excellence"];

/// The keys a document kind takes.
pub fn keys_for(kind: DocKind) -> &'static [KeySpec] {
    match kind {
        DocKind::CaseStudy => CASE_STUDY,
        DocKind::Evidence => EVIDENCE,
        DocKind::Practice => PRACTICE,
        DocKind::Wafr => WAFR,
    }
}

/// The spec of `key` for `kind`, if the kind takes it.
pub fn key_spec(kind: DocKind, name: &str) -> Option<&'static KeySpec> {
    keys_for(kind).iter().find(|k| k.name == name)
}
