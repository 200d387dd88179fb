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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Suppressed;
    use crate::report::{CaseStudyColumn, Row};

    fn row(item: &str, scope: RowScope, cells: Vec<Option<Status>>) -> Row {
        Row {
            program: "p".into(),
            control: "C-1".into(),
            title: String::new(),
            control_text: String::new(),
            item: item.into(),
            what: String::new(),
            help: String::new(),
            scope,
            cells,
        }
    }

    fn matrix() -> Matrix {
        let column = |id: &str| CaseStudyColumn {
            id: id.into(),
            customer: None,
            path: None,
        };
        let missing = Some(Status::Missing);
        let met = Some(Status::Met(vec!["x.md".into()]));
        Matrix {
            programs: vec!["p".into()],
            as_of: String::new(),
            case_studies: vec![column("a"), column("b")],
            rows: vec![
                row(
                    "each",
                    RowScope::CaseStudy,
                    vec![missing.clone(), missing.clone(), None],
                ),
                row("one", RowScope::CaseStudy, vec![missing.clone(), met, None]),
                row("sop", RowScope::Practice, vec![None, None, missing]),
            ],
            diagrams: Vec::new(),
        }
    }

    fn silenced(code: &str, kind: &'static str, case_study: Option<&str>) -> Diagnostic {
        let mut d = Diagnostic::error(code, "x");
        d.case_study = case_study.map(str::to_string);
        d.suppressed = Some(Suppressed {
            kind,
            reason: "r".into(),
        });
        d
    }

    #[test]
    fn marks_the_cells_of_the_silenced_findings_only() {
        let mut m = matrix();
        let diags = [
            silenced("C-1/each", "inline", Some("b")),
            silenced("C-1/one", "waiver", None),
            silenced("C-1/sop", "inline", None),
            silenced("C-1/each", "baseline", Some("a")),
            silenced("C-1/each", "wafr", Some("a")),
            Diagnostic::error("C-1/each", "x").case_study("a"),
        ];
        apply(&mut m, &diags);
        let inline = Some(Status::Silenced(Silence {
            kind: SilenceKind::Inline,
            reason: "r".into(),
        }));
        let waiver = Some(Status::Silenced(Silence {
            kind: SilenceKind::Waiver,
            reason: "r".into(),
        }));
        assert_eq!(
            m.rows[0].cells,
            [Some(Status::Missing), inline.clone(), None]
        );
        // Needed in at least one case study: the finding has no case study; its missing cells.
        assert_eq!(m.rows[1].cells[0], waiver);
        assert!(matches!(m.rows[1].cells[1], Some(Status::Met(_))));
        assert_eq!(m.rows[2].cells[2], inline);
    }
}
