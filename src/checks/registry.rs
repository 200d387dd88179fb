//! The registry of built-in diagnostic codes: one entry per code, with its explanation.

use crate::diagnostic::Severity;

/// What a diagnostic code means, for `explain`, SARIF rules and the docs.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// `category/name`.
    pub code: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// Long explanation: what it means, an example that triggers it, how to fix it.
    pub explanation: &'static str,
}
