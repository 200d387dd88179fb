//! Evaluates every evidence item of a pack: pools evidence per scope (contract §3), records
//! a readiness cell, and reports each missing item where the contract says it points.

use rayon::prelude::*;

use super::cells::{Cell, Column, Status};
use super::pool::satisfied;
use super::wafr::Waivers;
use crate::diagnostic::{Diagnostic, Location};
use crate::model::{Document, Repository};
use crate::packs::{Control, Item, Pack, Recognizer, Scope};

/// Everything an item evaluation needs.
pub struct ItemContext<'a> {
    /// The repository.
    pub repo: &'a Repository,
    /// The pack being evaluated.
    pub pack: &'a Pack,
    /// Ids of the case studies the pack applies to.
    pub case_studies: &'a [String],
    /// WAFR waivers in force.
    pub waivers: &'a Waivers,
    /// Record the readiness cells (`report`, the job summary); else none is built.
    pub keep_cells: bool,
}

/// Evaluates every item of every control of the pack. Items are evaluated in parallel (a
/// repository of a thousand case studies has tens of thousands of item cells), and their
/// cells and findings kept in the pack's order.
pub fn evaluate(ctx: &ItemContext<'_>, cells: &mut Vec<Cell>, out: &mut Vec<Diagnostic>) {
    let items: Vec<(&Control, &Item)> = (ctx.pack.controls.iter())
        .flat_map(|control| control.items.iter().map(move |item| (control, item)))
        .collect();
    let per_item: Vec<(Vec<Cell>, Vec<Diagnostic>)> = (items.par_iter())
        .map(|&(control, item)| {
            let (mut cells, mut out) = (Vec::new(), Vec::new());
            evaluate_item(ctx, control, item, &mut cells, &mut out);
            (cells, out)
        })
        .collect();
    for (item_cells, item_out) in per_item {
        cells.extend(item_cells);
        out.extend(item_out);
    }
}

/// Evaluates one item of a control in its scope.
fn evaluate_item(
    ctx: &ItemContext<'_>,
    control: &Control,
    item: &Item,
    cells: &mut Vec<Cell>,
    out: &mut Vec<Diagnostic>,
) {
    match item.scope {
        Scope::EachCaseStudy => each_case_study(ctx, control, item, cells, out),
        Scope::AtLeastOneCaseStudy => at_least_one(ctx, control, item, cells, out),
        Scope::Practice => practice(ctx, control, item, cells, out),
        Scope::Repository => {}
    }
}

/// Records a readiness cell when the cells are kept; its column and status are built only then.
fn record(
    ctx: &ItemContext<'_>,
    cells: &mut Vec<Cell>,
    control: &Control,
    item: &Item,
    column: impl FnOnce() -> Column,
    status: impl FnOnce() -> Status,
) {
    if !ctx.keep_cells {
        return;
    }
    cells.push(Cell {
        program: ctx.pack.program.clone(),
        control: control.id.clone(),
        item: item.id.clone(),
        column: column(),
        status: status(),
    });
}

fn applies(ctx: &ItemContext<'_>, control: &Control, item: &Item, id: &str) -> bool {
    let Some(cs) = ctx
        .repo
        .case_study_doc(id)
        .and_then(|d| d.case_study.as_ref())
    else {
        return false;
    };
    control.applies_when.holds(cs) && item.applies_when.holds(cs)
}

/// The documents of a case study, sorted by path.
fn members<'a>(repo: &'a Repository, id: &str) -> Vec<&'a Document> {
    let mut docs: Vec<&Document> = repo.members(id).collect();
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    docs
}

fn paths(docs: &[&Document]) -> Vec<String> {
    docs.iter().map(|d| d.path.clone()).collect()
}

/// Result of looking for an item in one scope.
struct Lookup<'a> {
    claimers: Vec<&'a Document>,
    met: Option<Vec<&'a Document>>,
    elsewhere: Vec<&'a Document>,
}

fn lookup<'a>(
    repo: &Repository,
    control: &Control,
    item: &Item,
    scope_docs: &[&'a Document],
) -> Lookup<'a> {
    let (claimers, others): (Vec<&Document>, Vec<&Document>) = scope_docs
        .iter()
        .copied()
        .partition(|d| d.claims(&control.id));
    let met = satisfied(&item.recognizer, &claimers, repo);
    let elsewhere = if met.is_none() {
        satisfied(&item.recognizer, &others, repo).unwrap_or_default()
    } else {
        Vec::new()
    };
    Lookup {
        claimers,
        met,
        elsewhere,
    }
}

fn each_case_study(
    ctx: &ItemContext<'_>,
    control: &Control,
    item: &Item,
    cells: &mut Vec<Cell>,
    out: &mut Vec<Diagnostic>,
) {
    for id in ctx.case_studies {
        let column = || Column::CaseStudy(id.clone());
        if !applies(ctx, control, item, id) {
            record(ctx, cells, control, item, column, || Status::NotApplicable);
            continue;
        }
        let docs = members(ctx.repo, id);
        let found = lookup(ctx.repo, control, item, &docs);
        if let Some(met) = &found.met {
            record(ctx, cells, control, item, column, || {
                Status::Met(paths(met))
            });
            continue;
        }
        if let Some(reason) = ctx.waivers.waives(control, id) {
            record(ctx, cells, control, item, column, || {
                Status::Waived(reason.to_string())
            });
            let subject = format!("case study `{id}`");
            out.push(
                waived(missing(control, item, &subject, None, &found), reason)
                    .case_study(id.clone()),
            );
            continue;
        }
        record(ctx, cells, control, item, column, || Status::Missing);
        if item.recognizer == Recognizer::Diagram && !docs.iter().any(|d| has_diagram_link(d)) {
            continue; // reported once, as diagram/missing
        }
        let own = ctx.repo.case_study_doc(id).map(|d| d.kind_location.clone());
        let location = claim_location(&found.claimers, &control.id).or(own);
        let subject = format!("case study `{id}`");
        out.push(missing(control, item, &subject, location, &found).case_study(id.clone()));
    }
}

fn at_least_one(
    ctx: &ItemContext<'_>,
    control: &Control,
    item: &Item,
    cells: &mut Vec<Cell>,
    out: &mut Vec<Diagnostic>,
) {
    let mut any_met = false;
    let mut all_claimers = Vec::new();
    let mut all_elsewhere = Vec::new();
    let mut waived = None;
    for id in ctx.case_studies {
        let column = || Column::CaseStudy(id.clone());
        if !applies(ctx, control, item, id) {
            record(ctx, cells, control, item, column, || Status::NotApplicable);
            continue;
        }
        let docs = members(ctx.repo, id);
        let found = lookup(ctx.repo, control, item, &docs);
        let waiver = match &found.met {
            Some(_) => None,
            None => ctx.waivers.waives(control, id),
        };
        any_met |= found.met.is_some();
        if waiver.is_some() {
            waived = waiver;
        }
        record(ctx, cells, control, item, column, || {
            match (&found.met, waiver) {
                (Some(met), _) => Status::Met(paths(met)),
                (None, Some(reason)) => Status::Waived(reason.to_string()),
                (None, None) => Status::Missing,
            }
        });
        all_claimers.extend(found.claimers);
        all_elsewhere.extend(found.elsewhere);
    }
    if any_met || waived.is_some() {
        return;
    }
    all_claimers.sort_by(|a, b| a.path.cmp(&b.path));
    let location = claim_location(&all_claimers, &control.id);
    let found = Lookup {
        claimers: all_claimers,
        met: None,
        elsewhere: all_elsewhere,
    };
    out.push(missing(control, item, "no case study", location, &found));
}

fn practice(
    ctx: &ItemContext<'_>,
    control: &Control,
    item: &Item,
    cells: &mut Vec<Cell>,
    out: &mut Vec<Diagnostic>,
) {
    let docs: Vec<&Document> = ctx
        .repo
        .practice
        .iter()
        .map(|&i| &ctx.repo.documents[i])
        .collect();
    let found = lookup(ctx.repo, control, item, &docs);
    let column = || Column::Practice;
    if let Some(met) = &found.met {
        record(ctx, cells, control, item, column, || {
            Status::Met(paths(met))
        });
        return;
    }
    if let Some(reason) = ctx.waivers.waives_practice(control) {
        record(ctx, cells, control, item, column, || {
            Status::Waived(reason.to_string())
        });
        out.push(waived(
            missing(control, item, "no practice document", None, &found),
            reason,
        ));
        return;
    }
    record(ctx, cells, control, item, column, || Status::Missing);
    let location = claim_location(&found.claimers, &control.id);
    out.push(missing(
        control,
        item,
        "no practice document",
        location,
        &found,
    ));
}

/// A waived finding: kept as a note, marked silenced (listed with `--include-suppressed`).
fn waived(diag: Diagnostic, reason: &str) -> Diagnostic {
    let mut diag = diag;
    diag.severity = crate::diagnostic::Severity::Note;
    diag.suppressed = Some(crate::diagnostic::Suppressed {
        kind: "wafr",
        reason: reason.to_string(),
    });
    diag
}

fn has_diagram_link(doc: &Document) -> bool {
    doc.links
        .iter()
        .any(|l| super::pool::is_diagram_path(&l.dest))
}

fn claim_location(claimers: &[&Document], control: &str) -> Option<Location> {
    claimers
        .first()
        .and_then(|d| d.claim_location(control).cloned())
}

/// The finding for a missing item.
fn missing(
    control: &Control,
    item: &Item,
    subject: &str,
    location: Option<Location>,
    found: &Lookup<'_>,
) -> Diagnostic {
    let verb = if subject.starts_with("case study") {
        "states no"
    } else {
        "states"
    };
    let message = format!("{subject} {verb} {}", item.what);
    let label = if found.claimers.is_empty() {
        format!("no document here lists {} in `controls:`", control.id)
    } else {
        format!("{} claimed here, but the evidence is missing", control.id)
    };
    let mut diag = Diagnostic::new(item.code.clone(), item.severity, message)
        .at_opt(location)
        .label(label)
        .control(control.id.clone());
    if let Some(doc) = found.elsewhere.first() {
        diag = diag.help(format!(
            "{} is stated in {}, which does not list {} in `controls:`; add it there",
            item.what, doc.path, control.id
        ));
    }
    diag = diag.help(item.help.trim().to_string());
    diag.note(format!("for example: \"{}\"", item.example.trim()))
        .note(format!("required by {} ({})", control.id, control.title))
}
