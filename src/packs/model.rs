//! Validated packs: the types the evaluator works with.

use jiff::civil::Date;

use crate::diagnostic::Severity;
use crate::model::document::CaseStudyFields;
use crate::model::values::{Engine, Management, Project};

pub use super::format::RawScope as Scope;

/// What a value of a typed fact must be: the recognizer's value kinds, spelled in packs as
/// `duration | size | percent | count | rate | availability | growth`.
pub use crate::evaluate::recognize::ValueKind as ValueType;

/// One recognizable unit of evidence, shared by all packs (compiled once).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Atom {
    /// Any of these topic phrases, affirmed.
    Topic(Vec<String>),
    /// Any of these topic phrases, affirmed or denied.
    Mention(Vec<String>),
    /// A named quantity with a typed value.
    Fact {
        /// Names of the quantity (topic phrases).
        names: Vec<String>,
        /// The value's type.
        value: ValueType,
    },
}

/// A recognizer tree over atoms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognizer {
    /// An atom, by index into `Catalog::atoms`.
    Atom(usize),
    /// Every child must match.
    All(Vec<Recognizer>),
    /// At least one child must match.
    Any(Vec<Recognizer>),
    /// A linked or embedded diagram file that exists.
    Diagram,
}

impl Recognizer {
    /// Every atom index in the tree.
    pub fn atoms(&self, out: &mut Vec<usize>) {
        match self {
            Recognizer::Atom(a) => out.push(*a),
            Recognizer::All(children) | Recognizer::Any(children) => {
                children.iter().for_each(|c| c.atoms(out))
            }
            Recognizer::Diagram => {}
        }
    }
}

/// A condition on case study fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Condition {
    /// Allowed projects (empty: any).
    pub project: Vec<Project>,
    /// Allowed management modes (empty: any).
    pub management: Vec<Management>,
    /// Allowed engines (empty: any).
    pub engine: Vec<Engine>,
}

impl Condition {
    /// Whether a case study satisfies the condition. Unknown fields satisfy nothing that
    /// restricts them.
    pub fn holds(&self, cs: &CaseStudyFields) -> bool {
        fn ok<T: PartialEq>(allowed: &[T], value: Option<T>) -> bool {
            allowed.is_empty() || value.is_some_and(|v| allowed.contains(&v))
        }
        ok(&self.project, cs.project)
            && ok(&self.management, cs.management)
            && ok(&self.engine, cs.engine)
    }

    /// Whether the condition restricts anything.
    pub fn is_empty(&self) -> bool {
        self.project.is_empty() && self.management.is_empty() && self.engine.is_empty()
    }

    /// A human description ("project: migration; management: customer-managed").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let join = |v: Vec<&str>| v.join(" or ");
        if !self.project.is_empty() {
            parts.push(format!(
                "project: {}",
                join(self.project.iter().map(|p| p.as_str()).collect())
            ));
        }
        if !self.management.is_empty() {
            parts.push(format!(
                "management: {}",
                join(self.management.iter().map(|p| p.as_str()).collect())
            ));
        }
        if !self.engine.is_empty() {
            parts.push(format!(
                "engine: {}",
                join(self.engine.iter().map(|p| p.as_str()).collect())
            ));
        }
        parts.join("; ")
    }
}

/// One evidence item.
#[derive(Debug, Clone)]
pub struct Item {
    /// The item id within the control (`rto`).
    pub id: String,
    /// The diagnostic code (`RDS-009/rto`).
    pub code: String,
    /// Noun phrase of what is evidenced.
    pub what: String,
    /// Where the evidence is pooled.
    pub scope: Scope,
    /// Applicability.
    pub applies_when: Condition,
    /// Severity when missing.
    pub severity: Severity,
    /// What to write.
    pub help: String,
    /// An example sentence.
    pub example: String,
    /// How it is recognized.
    pub recognizer: Recognizer,
}

/// A checklist control.
#[derive(Debug, Clone)]
pub struct Control {
    /// Control ID.
    pub id: String,
    /// Title.
    pub title: String,
    /// Section of the checklist.
    pub section: Option<String>,
    /// The checklist text.
    pub text: String,
    /// Default scope.
    pub scope: Scope,
    /// Applicability.
    pub applies_when: Condition,
    /// Waived by a clean WAFR.
    pub wafr_waivable: bool,
    /// Evidence items.
    pub items: Vec<Item>,
}

/// Validity dates of a program.
#[derive(Debug, Clone)]
pub struct Validity {
    /// Release date.
    pub released: Date,
    /// End of the stated validity period.
    pub valid_until: Option<Date>,
    /// Last day applications may use it.
    pub usable_until: Option<Date>,
    /// The newer program, when known.
    pub superseded_by: Option<String>,
    /// How the dates were read.
    pub reading: Option<String>,
}

/// Case study prerequisites.
#[derive(Debug, Clone)]
pub struct CaseStudyRules {
    /// The control owning the narrative/production rules.
    pub control: String,
    /// Engines covered.
    pub engines: Vec<Engine>,
    /// Accepted statuses.
    pub statuses: Vec<String>,
    /// `start` or `end`.
    pub recency_field: String,
    /// Months back from the as-of date.
    pub recency_months: u32,
    /// Control owning the recency rule.
    pub recency_control: String,
    /// Affiliates accepted.
    pub affiliate_allowed: bool,
    /// One case study per customer.
    pub one_per_customer: bool,
    /// Control owning the per-engine rule.
    pub per_engine_control: String,
    /// Case studies per engine.
    pub per_engine_minimum: u32,
    /// Engine groups that satisfy the minimum with one each.
    pub one_each_groups: Vec<Vec<Engine>>,
}

/// A validated pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Program id.
    pub program: String,
    /// Title.
    pub title: String,
    /// Version label.
    pub version: String,
    /// Where the pack came from (`builtin:rds-sd-2025-08.yaml` or a path).
    pub origin: String,
    /// Validity.
    pub validity: Validity,
    /// Case study rules.
    pub case_studies: CaseStudyRules,
    /// Controls in checklist order.
    pub controls: Vec<Control>,
}

impl Pack {
    /// A control by id.
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }
}
