//! Stage 4a: the built-in structural checks, one per file, and their registry.
//!
//! Checks only report; severities are adjusted and findings filtered later, in one place.

pub mod case_study;
pub mod diagram;
pub mod file;
pub mod frontmatter;
pub mod link;
pub mod privacy;
pub mod registry;
pub mod secret;
pub mod suggest;

use crate::diagnostic::Diagnostic;
use crate::model::values::DocKind;
use crate::model::{Document, Repository};
use crate::parse::ParsedFile;
pub use registry::CodeInfo;

/// Every built-in code, in one list (a test fails on duplicates and on missing explanations
/// or fixtures).
pub fn builtin_codes() -> Vec<&'static CodeInfo> {
    vec![
        &frontmatter::invalid_yaml::INFO,
        &frontmatter::unknown_key::INFO,
        &frontmatter::missing_key::INFO,
        &frontmatter::invalid_value::INFO,
        &frontmatter::invalid_date::INFO,
        &frontmatter::unknown_control::INFO,
        &frontmatter::unknown_case_study::INFO,
        &case_study::dates::INFO,
        &link::broken::INFO,
        &link::outside_repo::INFO,
        &file::not_utf8::INFO,
        &file::unreadable::INFO,
    ]
    .into_iter()
    .chain(diagram::codes())
    .chain(secret::CODES.iter())
    .chain([&privacy::account_id::INFO, &privacy::customer_named::INFO])
    .collect()
}

/// What file checks need to know about the checklists.
#[derive(Debug, Clone, Copy)]
pub struct KnownIds<'a> {
    /// Every control ID of every known pack.
    pub controls: &'a [&'a str],
    /// Every known program id.
    pub programs: &'a [&'a str],
}

/// Runs the checks that look at one file.
pub fn check_file(
    file: &ParsedFile,
    doc: &Document,
    known: KnownIds<'_>,
    out: &mut Vec<Diagnostic>,
) {
    frontmatter::invalid_yaml::check(file, out);
    if !doc.has_front_matter {
        return;
    }
    frontmatter::missing_key::check(file, doc.kind, out);
    frontmatter::invalid_value::check(file, doc.kind, known.programs, out);
    if let Some(kind) = doc.kind {
        frontmatter::unknown_key::check(file, kind, out);
        frontmatter::invalid_date::check(file, kind, out);
    }
    if doc.kind.is_some_and(|k| k != DocKind::Wafr) {
        frontmatter::unknown_control::check(doc, known.controls, out);
    }
    case_study::dates::check(doc, out);
}

/// Runs the checks that look across files.
pub fn check_repository(repo: &Repository, out: &mut Vec<Diagnostic>) {
    frontmatter::unknown_case_study::check(repo, out);
    link::broken::check(repo, out);
    link::outside_repo::check(repo, out);
    privacy::account_id::check(repo, out);
    privacy::customer_named::check(repo, out);
    let others: Vec<String> = repo.files.iter().cloned().collect();
    secret::check_files(&repo.root, &others, out);
}
