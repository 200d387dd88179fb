//! The readiness matrix of `evidencelint report`: a [`Matrix`] built from the evaluation and
//! the catalog (rows = evidence items in pack order, columns = case studies + practice), and
//! one emitter per format.

pub mod csv;
pub mod diagrams;
pub mod diff;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod silenced;
pub mod text;
pub mod xlsx;

use std::collections::{BTreeMap, BTreeSet};

use crate::evaluate::Evaluation;
use crate::evaluate::cells::{Column, SilenceKind, Status};
use crate::model::Repository;
use crate::packs::{Catalog, Control, Item, Scope};

/// The key of the practice column (in JSON, CSV and headers).
pub const PRACTICE: &str = "practice";

/// One case study column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseStudyColumn {
    /// The case study id (`id:` or the folder name).
    pub id: String,
    /// The customer, when stated.
    pub customer: Option<String>,
    /// The case study's own file.
    pub path: Option<String>,
}

/// Where a row's evidence is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowScope {
    /// In the documents of each case study (or of at least one).
    CaseStudy,
    /// In the practice documents.
    Practice,
}

/// One row: an evidence item of a control.
#[derive(Debug, Clone)]
pub struct Row {
    /// Program id.
    pub program: String,
    /// Control ID.
    pub control: String,
    /// Control title.
    pub title: String,
    /// The checklist text of the control.
    pub control_text: String,
    /// Item id.
    pub item: String,
    /// What the item evidences (noun phrase).
    pub what: String,
    /// What to write.
    pub help: String,
    /// The item's scope.
    pub scope: RowScope,
    /// One cell per column ([`Matrix::case_studies`] then practice); `None` when the column
    /// does not apply to the row (a practice item in a case study column, and vice versa).
    pub cells: Vec<Option<Status>>,
}

impl Row {
    /// The item's code (`RDS-009/rto`).
    pub fn code(&self) -> String {
        format!("{}/{}", self.control, self.item)
    }

    /// The practice cell.
    pub fn practice(&self) -> Option<&Status> {
        self.cells.last().and_then(Option::as_ref)
    }
}

/// Counts of one column.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    /// Cells met.
    pub met: usize,
    /// Cells waived.
    pub waived: usize,
    /// Cells missing.
    pub missing: usize,
    /// Cells missing whose finding an inline suppression silences.
    pub suppressed: usize,
}

impl Total {
    /// Cells that apply: met, waived, missing or suppressed (not `n/a`, not empty).
    pub fn applicable(&self) -> usize {
        self.met + self.waived + self.missing + self.suppressed
    }

    /// `met/applicable`, e.g. `12/40`.
    pub fn ratio(&self) -> String {
        format!("{}/{}", self.met, self.applicable())
    }

    fn add(&mut self, status: &Status) {
        match status {
            Status::Met(_) => self.met += 1,
            Status::Waived(_) => self.waived += 1,
            Status::Missing => self.missing += 1,
            Status::Silenced(s) if s.kind == SilenceKind::Waiver => self.waived += 1,
            Status::Silenced(_) => self.suppressed += 1,
            Status::NotApplicable => {}
        }
    }
}

/// The readiness matrix.
#[derive(Debug, Clone)]
pub struct Matrix {
    /// Programs evaluated.
    pub programs: Vec<String>,
    /// The date the evaluation was judged against (`YYYY-MM-DD`).
    pub as_of: String,
    /// Case study columns, sorted by id.
    pub case_studies: Vec<CaseStudyColumn>,
    /// Rows in pack order.
    pub rows: Vec<Row>,
    /// What each case study's diagrams show, in column order (empty until
    /// [`Matrix::with_diagrams`]).
    pub diagrams: Vec<diagrams::CaseStudyDiagramsView>,
}

impl Matrix {
    /// Adds what the diagram checks read, for the matrix's case studies.
    pub fn with_diagrams(mut self, all: &[crate::checks::diagram::CaseStudyDiagrams]) -> Self {
        let ids: Vec<&str> = self.case_studies.iter().map(|c| c.id.as_str()).collect();
        self.diagrams = diagrams::views(all, &ids);
        self
    }

    /// Whether any case study has a diagram reference.
    pub fn has_diagrams(&self) -> bool {
        self.diagrams.iter().any(|cs| !cs.diagrams.is_empty())
    }

    /// Builds the matrix from an evaluation.
    pub fn build(
        evaluation: &Evaluation,
        catalog: &Catalog,
        repo: &Repository,
        as_of: &str,
    ) -> Matrix {
        let case_studies = columns(evaluation, repo);
        let index: BTreeMap<&str, usize> = case_studies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut cells: BTreeMap<(&str, &str, &str), Vec<Option<Status>>> = BTreeMap::new();
        for cell in &evaluation.cells {
            let slot = match &cell.column {
                Column::CaseStudy(id) => index[id.as_str()],
                Column::Practice => case_studies.len(),
            };
            let row = cells
                .entry((&cell.program, &cell.control, &cell.item))
                .or_insert_with(|| vec![None; case_studies.len() + 1]);
            row[slot] = Some(cell.status.clone());
        }
        let mut rows = Vec::new();
        for program in &evaluation.programs {
            let Some(pack) = catalog.program(program) else {
                continue;
            };
            for control in &pack.controls {
                for item in control
                    .items
                    .iter()
                    .filter(|i| i.scope != Scope::Repository)
                {
                    let found =
                        cells.remove(&(program.as_str(), control.id.as_str(), item.id.as_str()));
                    let row_cells = found.unwrap_or_else(|| vec![None; case_studies.len() + 1]);
                    rows.push(row(program, control, item, row_cells));
                }
            }
        }
        Matrix {
            programs: evaluation.programs.clone(),
            as_of: as_of.to_string(),
            case_studies,
            rows,
            diagrams: Vec::new(),
        }
    }

    /// Column keys: case study ids, then `practice`.
    pub fn column_keys(&self) -> Vec<&str> {
        self.case_studies
            .iter()
            .map(|c| c.id.as_str())
            .chain([PRACTICE])
            .collect()
    }

    /// Totals per column (case studies, then practice).
    pub fn totals(&self) -> Vec<Total> {
        let mut totals = vec![Total::default(); self.case_studies.len() + 1];
        for row in &self.rows {
            for (total, cell) in totals.iter_mut().zip(&row.cells) {
                if let Some(status) = cell {
                    total.add(status);
                }
            }
        }
        totals
    }

    /// Every control, in row order, with the indices of its rows.
    pub fn controls(&self) -> Vec<(&str, &str, Vec<usize>)> {
        let mut out: Vec<(&str, &str, Vec<usize>)> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            match out.last_mut() {
                Some((id, _, rows)) if *id == row.control => rows.push(i),
                _ => out.push((&row.control, &row.title, vec![i])),
            }
        }
        out
    }

    /// The status of a control in one column: `missing` if any item is missing, else
    /// `suppressed` or `waived` (the first such item's) if any is, else `met` if any is met,
    /// else `n/a`; `None` when no item has a cell.
    pub fn control_status(&self, rows: &[usize], column: usize) -> Option<Status> {
        let statuses: Vec<&Status> = rows
            .iter()
            .filter_map(|&r| self.rows[r].cells[column].as_ref())
            .collect();
        if statuses.is_empty() {
            return None;
        }
        let any = |f: fn(&Status) -> bool| statuses.iter().any(|s| f(s));
        let silenced = statuses.iter().find(|s| matches!(s, Status::Silenced(_)));
        Some(if any(|s| matches!(s, Status::Missing)) {
            Status::Missing
        } else if let Some(s) = silenced {
            (*s).clone()
        } else if any(|s| matches!(s, Status::Waived(_))) {
            Status::Waived(String::new())
        } else if any(|s| matches!(s, Status::Met(_))) {
            let mut paths = BTreeSet::new();
            for s in &statuses {
                if let Status::Met(p) = s {
                    paths.extend(p.iter().cloned());
                }
            }
            Status::Met(paths.into_iter().collect())
        } else {
            Status::NotApplicable
        })
    }
}

fn columns(evaluation: &Evaluation, repo: &Repository) -> Vec<CaseStudyColumn> {
    let ids: BTreeSet<&String> = evaluation
        .case_studies
        .iter()
        .flat_map(|(_, ids)| ids)
        .collect();
    ids.into_iter()
        .map(|id| {
            let doc = repo.case_study_doc(id);
            CaseStudyColumn {
                id: id.clone(),
                // The name is shown in every format: never a secret pasted into it.
                customer: doc.and_then(|d| {
                    let customer = d.case_study.as_ref()?.customer.as_deref()?;
                    Some(crate::secrets::mask_in(customer).into_owned())
                }),
                path: doc.map(|d| d.path.clone()),
            }
        })
        .collect()
}

fn row(program: &str, control: &Control, item: &Item, cells: Vec<Option<Status>>) -> Row {
    Row {
        program: program.to_string(),
        control: control.id.clone(),
        title: control.title.clone(),
        control_text: control.text.clone(),
        item: item.id.clone(),
        what: item.what.clone(),
        help: item.help.trim().to_string(),
        scope: if item.scope == Scope::Practice {
            RowScope::Practice
        } else {
            RowScope::CaseStudy
        },
        cells,
    }
}
