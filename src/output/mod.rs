//! Stage 6: render findings — one emitter per format.

pub mod github;
pub mod human;
pub mod json;
pub mod paths;
pub mod redact;
pub mod sarif;
pub mod sources;
pub mod summary;

use crate::diagnostic::{Diagnostic, Severity};

/// Counts shown at the end of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Markdown files checked.
    pub files: usize,
    /// Errors reported.
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
    /// Findings hidden by the baseline.
    pub baselined: usize,
    /// Baseline entries that no longer occur.
    pub baseline_fixed: usize,
}

impl Summary {
    /// Counts the diagnostics.
    pub fn new(diagnostics: &[Diagnostic], files: usize) -> Self {
        let count = |s| {
            diagnostics
                .iter()
                .filter(|d| d.severity == s && d.suppressed.is_none())
                .count()
        };
        Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            ..Default::default()
        }
    }
}
