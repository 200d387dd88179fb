//! The result of evaluating one evidence item for one column of the readiness matrix.

/// Where an item's evidence was looked for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// One case study.
    CaseStudy(String),
    /// The practice documents.
    Practice,
}

/// The status of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Evidenced, by these documents.
    Met(Vec<String>),
    /// Not evidenced.
    Missing,
    /// Waived (e.g. by a clean WAFR), with the reason.
    Waived(String),
    /// Not applicable to this case study.
    NotApplicable,
    /// Not evidenced, and the finding is silenced by the user (set by `report`, never by the
    /// evaluation): an inline suppression or a waiver in `evidencelint.yaml`.
    Silenced(Silence),
}

/// How a missing item's finding was silenced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Silence {
    /// By what.
    pub kind: SilenceKind,
    /// The reason given.
    pub reason: String,
}

/// What silenced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SilenceKind {
    /// An `evidencelint-disable…` comment in a document.
    Inline,
    /// A waiver in `evidencelint.yaml`.
    Waiver,
}

impl SilenceKind {
    /// `inline` or `waiver`, as in `check --include-suppressed`.
    pub fn as_str(self) -> &'static str {
        match self {
            SilenceKind::Inline => "inline",
            SilenceKind::Waiver => "waiver",
        }
    }
}

impl Status {
    /// `met`, `missing`, `waived` (also a waiver in the config), `suppressed` (inline) or `n/a`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Met(_) => "met",
            Status::Missing => "missing",
            Status::Waived(_) => "waived",
            Status::NotApplicable => "n/a",
            Status::Silenced(s) => match s.kind {
                SilenceKind::Inline => "suppressed",
                SilenceKind::Waiver => "waived",
            },
        }
    }
}

/// One cell of the readiness matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Program id.
    pub program: String,
    /// Control ID.
    pub control: String,
    /// Item id (empty for controls without items).
    pub item: String,
    /// The column.
    pub column: Column,
    /// The status.
    pub status: Status,
}
