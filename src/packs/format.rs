//! The rule pack format: one YAML file per checklist program, in `rules/`.
//!
//! This is the raw, deserialized shape (kebab-case keys, unknown keys rejected); `packs::load`
//! validates it and reports located errors. `rules/pack.schema.json` describes the same shape.
//! `build.rs` also serializes the built-in packs to JSON with these types.

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// A whole pack: one checklist program.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPack {
    /// Program id, e.g. `rds-sd-2025-08`.
    pub program: Spanned<String>,
    /// Human title of the checklist.
    pub title: String,
    /// Checklist version label, e.g. `August 2025` or `v2.2`.
    pub version: String,
    /// Where the checklist text comes from (file name of the seed).
    #[serde(default)]
    pub source: Option<String>,
    /// Dates of validity.
    pub validity: RawValidity,
    /// Rules for which case studies qualify (prerequisites evaluated by code).
    pub case_studies: RawCaseStudyRules,
    /// The controls, in checklist order.
    pub controls: Vec<RawControl>,
}

/// When the checklist may be used.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawValidity {
    /// Release date (`YYYY-MM-DD`).
    pub released: Spanned<String>,
    /// The end of the stated validity period, after which a newer version is expected.
    #[serde(default)]
    pub valid_until: Option<Spanned<String>>,
    /// Last day applications may use this version.
    #[serde(default)]
    pub usable_until: Option<Spanned<String>>,
    /// Program id of the newer version, when known.
    #[serde(default)]
    pub superseded_by: Option<String>,
    /// How the dates were read from the checklist.
    #[serde(default)]
    pub reading: Option<String>,
}

/// Prerequisite parameters for case studies (PRE-2.1, PRE-4.1 and their Aurora equivalents).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCaseStudyRules {
    /// The control the case-study rules belong to (e.g. `PRE-2.1`).
    pub control: String,
    /// Engines this program covers.
    pub engines: Vec<String>,
    /// Statuses accepted (e.g. `[production]`).
    pub statuses: Vec<String>,
    /// Recency rule: which date field, and how many months back from `--as-of`.
    pub recency: RawRecency,
    /// Whether internal or affiliate customers are accepted.
    pub affiliate_allowed: bool,
    /// At most one case study per customer.
    pub one_per_customer: bool,
    /// Case studies needed per engine.
    pub per_engine: RawPerEngine,
}

/// Recency rule for case studies.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRecency {
    /// `start` or `end`.
    pub field: String,
    /// Months before the as-of date.
    pub months: u32,
    /// The control that owns the rule.
    pub control: String,
}

/// How many case studies each engine needs.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPerEngine {
    /// The control that owns the rule (e.g. `PRE-4.1`).
    pub control: String,
    /// Minimum per engine.
    pub minimum: u32,
    /// Groups of engines that together satisfy the minimum with one case study each
    /// (RDS 2025: one Aurora MySQL + one Aurora PostgreSQL).
    #[serde(default)]
    pub one_each_groups: Vec<Vec<String>>,
}

/// Where the evidence of a control or item is pooled.
#[derive(Debug, Deserialize, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawScope {
    /// Every case study must evidence it, in its own documents.
    EachCaseStudy,
    /// At least one case study must evidence it.
    AtLeastOneCaseStudy,
    /// The practice documents must evidence it.
    Practice,
    /// Checked over the repository as a whole (by code).
    Repository,
}

/// A checklist control.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawControl {
    /// Control ID, e.g. `RDS-009`.
    pub id: Spanned<String>,
    /// Short title from the checklist.
    pub title: String,
    /// Checklist section (e.g. `Prerequisites`, `Amazon RDS Expertise`, `Reliability`).
    #[serde(default)]
    pub section: Option<String>,
    /// The checklist's own text, verbatim (shown by `explain`).
    pub text: String,
    /// Default scope of the items.
    pub scope: RawScope,
    /// The control applies only to case studies matching this condition.
    #[serde(default)]
    pub applies_when: Option<RawCondition>,
    /// A WAFR document with zero HRIs waives this control's evidence.
    #[serde(default)]
    pub wafr_waivable: bool,
    /// Evidence items.
    #[serde(default)]
    pub items: Vec<RawItem>,
}

/// A condition on case study front matter fields; every listed field must match one value.
#[derive(Debug, Deserialize, Serialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCondition {
    /// `migration | existing-architecture | new-application`.
    #[serde(default)]
    pub project: Option<Vec<String>>,
    /// `customer-managed | partner-managed`.
    #[serde(default)]
    pub management: Option<Vec<String>>,
    /// Engines.
    #[serde(default)]
    pub engine: Option<Vec<String>>,
}

/// One evidence item of a control.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawItem {
    /// Stable id, unique in the control (`rto` → code `RDS-009/rto`).
    pub id: Spanned<String>,
    /// What is evidenced, as a noun phrase: "Recovery Time Objective (RTO)".
    pub what: String,
    /// Overrides the control's scope.
    #[serde(default)]
    pub scope: Option<RawScope>,
    /// The item applies only when this condition holds.
    #[serde(default)]
    pub applies_when: Option<RawCondition>,
    /// `error` (default) or `warning`.
    #[serde(default)]
    pub severity: Option<String>,
    /// What to write, and where.
    pub help: String,
    /// An example sentence that satisfies the item.
    pub example: String,
    /// How the item is recognized.
    pub recognize: RawRecognizer,
}

/// How an evidence item is recognized in text.
///
/// Exactly one key is set. Topic phrases: words match case-insensitively, with plural and
/// British/American variants; `cut over` also matches `cut-over` and `cutover`; a trailing `*`
/// makes a prefix (`rotat*`); `A ~ B` requires both parts in the same sentence, in any order.
#[derive(Debug, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawRecognizer {
    /// Any of these phrases, in a sentence that is not a placeholder and does not deny it
    /// ("there is no fallback plan" does not state `fallback`).
    #[serde(default)]
    pub topic: Option<Vec<String>>,
    /// Any of these phrases, in a sentence that is not a placeholder, whether it affirms or
    /// denies it: for what is evidence either way ("no shared accounts").
    #[serde(default)]
    pub mention: Option<Vec<String>>,
    /// A named quantity with a value of a type.
    #[serde(default)]
    pub fact: Option<RawFact>,
    /// Every sub-recognizer must match somewhere in the pooled evidence.
    #[serde(default)]
    pub all: Option<Vec<RawRecognizer>>,
    /// At least one sub-recognizer must match.
    #[serde(default)]
    pub any: Option<Vec<RawRecognizer>>,
    /// A linked or embedded diagram file (`.drawio`, `.svg`, `.png`, `.jpg`, `.pdf`) that exists.
    #[serde(default)]
    pub diagram: Option<bool>,
}

/// A typed fact: a quantity named by one of `names`, with a value of type `value`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFact {
    /// Names of the quantity (topic phrase syntax).
    pub names: Vec<String>,
    /// `duration | size | percent | count | rate | availability | growth`.
    pub value: String,
}
