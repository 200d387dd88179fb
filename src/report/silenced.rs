//! Marks the matrix cells whose missing-item finding the user silenced — by an inline
//! suppression or a waiver in `evidencelint.yaml` — so the report shows them apart from met
//! and from plainly missing cells. The findings come from the filter stage, kept and marked.

use super::{Matrix, RowScope};
use crate::diagnostic::Diagnostic;
use crate::evaluate::cells::{Silence, SilenceKind, Status};

/// Turns `missing` cells into `Silenced` where a finding for that item and column was
/// silenced. A finding names its case study; without one it is the practice column's (a
/// practice item) or every case study's (an item needed in at least one case study).
pub fn apply(matrix: &mut Matrix, diagnostics: &[Diagnostic]) {
    for diag in diagnostics {
        let Some(silence) = silence_of(diag) else {
            continue;
        };
        let column = diag
            .case_study
            .as_ref()
            .and_then(|id| matrix.case_studies.iter().position(|c| &c.id == id));
        let practice = matrix.case_studies.len();
        for row in matrix.rows.iter_mut().filter(|r| r.code() == diag.code) {
            let columns: Vec<usize> = match (column, row.scope) {
                (Some(c), _) => vec![c],
                (None, RowScope::Practice) => vec![practice],
                (None, RowScope::CaseStudy) => (0..practice).collect(),
            };
            for c in columns {
                if row.cells[c] == Some(Status::Missing) {
                    row.cells[c] = Some(Status::Silenced(silence.clone()));
                }
            }
        }
    }
}

/// The user's silence of a finding; `None` when it is not silenced, or silenced by a clean
/// WAFR (already a `waived` cell) or the baseline (not a statement about the evidence).
fn silence_of(diag: &Diagnostic) -> Option<Silence> {
    let suppressed = diag.suppressed.as_ref()?;
    let kind = match suppressed.kind {
        "inline" => SilenceKind::Inline,
        "waiver" => SilenceKind::Waiver,
        _ => return None,
    };
    Some(Silence {
        kind,
        reason: suppressed.reason.clone(),
    })
}
