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
}

impl Status {
    /// `met`, `missing`, `waived` or `n/a`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Met(_) => "met",
            Status::Missing => "missing",
            Status::Waived(_) => "waived",
            Status::NotApplicable => "n/a",
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
