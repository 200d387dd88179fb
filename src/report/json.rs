//! `report --format json` (contract §6): a versioned DTO, separate from the internal types.
//!
//! `{"version":1,"programs":[…],"case_studies":[…],"rows":[{"control","item","cells":{CASE:
//! {"status","evidence":[…]}}}]}`. Extensions (allowed by the contract): `as_of`, each row's
//! `program`, a waived cell's `reason`, and `totals` per column. Cells are keyed by case study
//! id and `practice`; a column that does not assess the row has no key. Maps are ordered, so
//! the same input gives byte-identical output.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Matrix, Total};
use crate::evaluate::cells::Status;

/// Version 1 of the report JSON.
#[derive(Debug, Serialize)]
pub struct ReportV1 {
    /// Always 1.
    pub version: u32,
    /// Programs evaluated.
    pub programs: Vec<String>,
    /// The date the evaluation was judged against.
    pub as_of: String,
    /// Case study ids, sorted.
    pub case_studies: Vec<String>,
    /// Rows in pack order.
    pub rows: Vec<RowV1>,
    /// Counts per column key.
    pub totals: BTreeMap<String, TotalV1>,
}

/// One row.
#[derive(Debug, Serialize)]
pub struct RowV1 {
    /// Program id.
    pub program: String,
    /// Control ID.
    pub control: String,
    /// Item id.
    pub item: String,
    /// Cells by column key.
    pub cells: BTreeMap<String, CellV1>,
}

/// One cell.
#[derive(Debug, Serialize)]
pub struct CellV1 {
    /// `met`, `missing`, `waived` or `n/a`.
    pub status: &'static str,
    /// Documents that satisfy the item (empty unless met).
    pub evidence: Vec<String>,
    /// Why the cell is waived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Counts of one column.
#[derive(Debug, Serialize)]
pub struct TotalV1 {
    /// Cells met.
    pub met: usize,
    /// Cells waived.
    pub waived: usize,
    /// Cells missing.
    pub missing: usize,
    /// Cells that apply (met + waived + missing).
    pub applicable: usize,
}

impl ReportV1 {
    /// The DTO of a matrix.
    pub fn from_matrix(matrix: &Matrix) -> Self {
        let keys = matrix.column_keys();
        let rows = matrix
            .rows
            .iter()
            .map(|row| RowV1 {
                program: row.program.clone(),
                control: row.control.clone(),
                item: row.item.clone(),
                cells: keys
                    .iter()
                    .zip(&row.cells)
                    .filter_map(|(key, cell)| Some((key.to_string(), cell_v1(cell.as_ref()?))))
                    .collect(),
            })
            .collect();
        let totals = keys
            .iter()
            .zip(matrix.totals())
            .map(|(k, t)| (k.to_string(), total_v1(t)))
            .collect();
        ReportV1 {
            version: 1,
            programs: matrix.programs.clone(),
            as_of: matrix.as_of.clone(),
            case_studies: matrix.case_studies.iter().map(|c| c.id.clone()).collect(),
            rows,
            totals,
        }
    }
}

fn cell_v1(status: &Status) -> CellV1 {
    CellV1 {
        status: status.as_str(),
        evidence: match status {
            Status::Met(paths) => paths.clone(),
            _ => Vec::new(),
        },
        reason: match status {
            Status::Waived(reason) => Some(reason.clone()),
            _ => None,
        },
    }
}

fn total_v1(total: Total) -> TotalV1 {
    TotalV1 {
        met: total.met,
        waived: total.waived,
        missing: total.missing,
        applicable: total.applicable(),
    }
}

/// Renders the matrix as pretty-printed JSON with a final newline.
pub fn render(matrix: &Matrix) -> String {
    let mut text = serde_json::to_string_pretty(&ReportV1::from_matrix(matrix))
        .expect("the report DTO serializes");
    text.push('\n');
    text
}
