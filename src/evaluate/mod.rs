//! Stage 4b: evaluate the checklist packs against the repository model.

pub mod cells;
pub mod items;
pub mod lexicon;
pub mod lifecycle;
pub mod pool;
pub mod prerequisites;
pub mod programs;
pub mod recognize;
pub mod wafr;

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::model::Repository;
use crate::packs::{Catalog, Pack};
use cells::Cell;

/// What the evaluation found: the readiness cells and the findings.
#[derive(Debug, Default)]
pub struct Evaluation {
    /// Programs evaluated.
    pub programs: Vec<String>,
    /// Case studies per program, in id order.
    pub case_studies: Vec<(String, Vec<String>)>,
    /// Readiness cells.
    pub cells: Vec<Cell>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Evaluates the programs in force.
pub fn evaluate(
    repo: &Repository,
    catalog: &Catalog,
    programs: &[String],
    as_of: Date,
) -> Evaluation {
    evaluate_cells(repo, catalog, programs, as_of, true)
}

/// Evaluates the programs in force; the readiness cells are kept only when `keep_cells` (a
/// large repository has one per item and case study, which `check` alone does not need).
pub fn evaluate_cells(
    repo: &Repository,
    catalog: &Catalog,
    programs: &[String],
    as_of: Date,
    keep_cells: bool,
) -> Evaluation {
    let mut eval = Evaluation::default();
    for program in programs {
        let Some(pack) = catalog.program(program) else {
            continue;
        };
        let case_studies = case_studies_for(repo, pack);
        lifecycle::check(pack, as_of, &mut eval.diagnostics);
        prerequisites::check(repo, pack, &case_studies, as_of, &mut eval.diagnostics);
        let waivers = wafr::Waivers::collect(repo, &case_studies, &mut eval.diagnostics);
        let ctx = items::ItemContext {
            repo,
            pack,
            case_studies: &case_studies,
            waivers: &waivers,
            keep_cells,
        };
        items::evaluate(&ctx, &mut eval.cells, &mut eval.diagnostics);
        eval.programs.push(program.clone());
        eval.case_studies.push((program.clone(), case_studies));
    }
    eval
}

/// The case studies a pack applies to: engine covered by the pack (or not stated), and the
/// program named in the case study's `programs:` when it has one.
pub fn case_studies_for(repo: &Repository, pack: &Pack) -> Vec<String> {
    repo.case_studies
        .values()
        .filter(|cs| {
            let doc = &repo.documents[cs.doc];
            let Some(fields) = &doc.case_study else {
                return false;
            };
            let engine_ok = fields
                .engine
                .is_none_or(|e| pack.case_studies.engines.contains(&e));
            let program_ok = doc.programs.is_empty() || doc.programs.contains(&pack.program);
            engine_ok && program_ok
        })
        .map(|cs| cs.id.clone())
        .collect()
}
