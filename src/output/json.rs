//! `--format json`: the versioned output of contract §5 (a DTO separate from internal types).

use std::io::{self, Write};

use serde::{Serialize, Serializer};

use super::Summary;
use crate::diagnostic::Diagnostic;

/// Version 1 of the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonOutputV1<'a> {
    /// Always 1.
    pub version: u32,
    /// Findings in contract order.
    pub diagnostics: JsonDiagnosticsV1<'a>,
    /// Counts.
    pub summary: JsonSummaryV1,
}

/// The findings, serialized one by one as they are converted (no list of DTOs is built).
#[derive(Debug)]
pub struct JsonDiagnosticsV1<'a>(pub &'a [Diagnostic]);

impl Serialize for JsonDiagnosticsV1<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(dto))
    }
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct JsonDiagnosticV1<'a> {
    /// Code.
    pub code: &'a str,
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// Message.
    pub message: &'a str,
    /// Repository-relative path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    /// 1-based line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// End line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<usize>,
    /// End column (exclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<usize>,
    /// Bare control ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control: Option<&'a str>,
    /// Case study id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_study: Option<&'a str>,
    /// `help:` lines.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub help: &'a [String],
    /// `note:` lines.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub notes: &'a [String],
    /// How the finding was silenced (only with `--include-suppressed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<JsonSuppressedV1<'a>>,
}

/// How a finding was silenced.
#[derive(Debug, Serialize)]
pub struct JsonSuppressedV1<'a> {
    /// `inline`, `waiver` or `baseline`.
    pub kind: &'a str,
    /// The reason given.
    pub reason: &'a str,
}

/// Summary counts.
#[derive(Debug, Serialize)]
pub struct JsonSummaryV1 {
    /// Markdown files checked.
    pub files: usize,
    /// Error count.
    pub errors: usize,
    /// Warning count.
    pub warnings: usize,
    /// Findings hidden by `--baseline` (absent when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub baselined: usize,
    /// Baseline entries no longer found (absent when none).
    #[serde(skip_serializing_if = "is_zero")]
    pub baseline_fixed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Renders the JSON document (pretty, with a trailing newline).
pub fn render(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let mut out = Vec::new();
    write(&mut out, diagnostics, summary).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON output is UTF-8")
}

/// Writes the JSON document (pretty, with a trailing newline) to `out` as it is serialized,
/// so a large repository's findings are never held twice in memory.
pub fn write(
    out: &mut impl Write,
    diagnostics: &[Diagnostic],
    summary: &Summary,
) -> io::Result<()> {
    let output = JsonOutputV1 {
        version: 1,
        diagnostics: JsonDiagnosticsV1(diagnostics),
        summary: JsonSummaryV1 {
            files: summary.files,
            errors: summary.errors,
            warnings: summary.warnings,
            baselined: summary.baselined,
            baseline_fixed: summary.baseline_fixed,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn dto(diag: &Diagnostic) -> JsonDiagnosticV1<'_> {
    let loc = diag.location.as_ref();
    JsonDiagnosticV1 {
        code: &diag.code,
        severity: diag.severity.as_str(),
        message: &diag.message,
        path: loc.map(|l| l.path.as_str()),
        line: loc.map(|l| l.start.line),
        column: loc.map(|l| l.start.column),
        end_line: loc.map(|l| l.end.line),
        end_column: loc.map(|l| l.end.column),
        control: diag.control.as_deref(),
        case_study: diag.case_study.as_deref(),
        help: &diag.help,
        notes: &diag.notes,
        suppressed: diag.suppressed.as_ref().map(|s| JsonSuppressedV1 {
            kind: s.kind,
            reason: &s.reason,
        }),
    }
}
