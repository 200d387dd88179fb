//! Which programs are in force for a run (contract §4).

use std::collections::BTreeSet;

use crate::config::Config;
use crate::model::Repository;
use crate::packs::Catalog;

/// The programs in force: `--program` flags; else the config's `programs:`; else the programs
/// the case studies name; else the programs whose control IDs the documents claim.
pub fn in_force(
    flags: &[String],
    config: &Config,
    repo: &Repository,
    catalog: &Catalog,
) -> Vec<String> {
    if let Some(named) = named(flags, config) {
        return named;
    }
    let named: Vec<String> = repo
        .documents
        .iter()
        .filter(|d| d.case_study.is_some())
        .flat_map(|d| d.programs.iter().cloned())
        .filter(|p| catalog.program(p).is_some())
        .collect();
    if !named.is_empty() {
        return dedup(named.into_iter());
    }
    let claimed: BTreeSet<&str> = repo
        .documents
        .iter()
        .flat_map(|d| d.controls.iter().map(|c| c.id.as_str()))
        .collect();
    catalog
        .packs
        .iter()
        .filter(|p| p.controls.iter().any(|c| claimed.contains(c.id.as_str())))
        .map(|p| p.program.clone())
        .collect()
}

/// The programs in force when the `--program` flags or the config's `programs:` name them,
/// known before any document is read; `None` when the documents decide.
pub fn named(flags: &[String], config: &Config) -> Option<Vec<String>> {
    if !flags.is_empty() {
        return Some(dedup(flags.iter().cloned()));
    }
    if !config.programs.is_empty() {
        return Some(dedup(config.programs.iter().map(|(p, _)| p.clone())));
    }
    None
}

fn dedup(programs: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    programs.filter(|p| seen.insert(p.clone())).collect()
}
