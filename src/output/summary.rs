//! The GitHub job summary: a Markdown report appended to `$GITHUB_STEP_SUMMARY` (or to the file
//! of `check --summary FILE`): the verdict, counts per severity, the first findings as a
//! table with links, and the readiness of each case study.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::Summary;
use super::paths::{PathStyle, percent_encode_path};
use crate::diagnostic::{Diagnostic, Severity};
use crate::evaluate::Evaluation;
use crate::evaluate::cells::{Column, Status};

/// Findings listed in the table.
pub const TOP_FINDINGS: usize = 20;

/// How locations become links.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// `https://github.com/OWNER/REPO/blob/SHA/` when the GitHub variables are set.
    pub blob_base: Option<String>,
    /// Path prefix of the evidence root within the repository.
    pub paths: PathStyle,
}

impl Links {
    /// Blob links from `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_SHA`, when all are set
    /// (through `var`, so tests need not touch the process environment).
    pub fn from_env(paths: PathStyle, var: impl Fn(&str) -> Option<String>) -> Self {
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let blob_base = match (
            get("GITHUB_SERVER_URL"),
            get("GITHUB_REPOSITORY"),
            get("GITHUB_SHA"),
        ) {
            (Some(server), Some(repo), Some(sha)) => Some(format!(
                "{}/{}/blob/{}/",
                server.trim_end_matches('/'),
                repo.trim_matches('/'),
                sha
            )),
            _ => None,
        };
        Self { blob_base, paths }
    }

    fn link(&self, path: &str, line: usize) -> String {
        let target = percent_encode_path(&self.paths.display(path));
        match &self.blob_base {
            Some(base) => format!("{}{target}#L{line}", escape_url(base)),
            None => target,
        }
    }
}

/// Escapes a table cell: `|`, HTML, line breaks.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Keeps a URL from breaking out of a Markdown link target.
fn escape_url(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('|', "%7C")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// Escapes link text (brackets too).
fn escape_link_text(text: &str) -> String {
    escape_cell(text).replace('[', "\\[").replace(']', "\\]")
}

fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Note => "ℹ️ note",
    }
}

/// Renders the Markdown summary.
pub fn render(
    diagnostics: &[Diagnostic],
    summary: &Summary,
    evaluation: &Evaluation,
    links: &Links,
) -> String {
    let mut out = String::new();
    let notes = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .count();
    let verdict = if summary.errors > 0 { "❌" } else { "✅" };
    let _ = writeln!(
        out,
        "## {verdict} evidencelint: {} error{}, {} warning{} in {} file{}\n",
        summary.errors,
        plural(summary.errors),
        summary.warnings,
        plural(summary.warnings),
        summary.files,
        plural(summary.files)
    );
    let _ = writeln!(out, "| severity | count |\n| --- | ---: |");
    let _ = writeln!(
        out,
        "| error | {} |\n| warning | {} |\n| note | {notes} |",
        summary.errors, summary.warnings
    );
    if summary.baselined > 0 || summary.baseline_fixed > 0 {
        let _ = writeln!(
            out,
            "\n{} finding(s) hidden by the baseline; {} baseline entr{} now fixed.",
            summary.baselined,
            summary.baseline_fixed,
            if summary.baseline_fixed == 1 {
                "y"
            } else {
                "ies"
            }
        );
    }
    if !diagnostics.is_empty() {
        let shown = diagnostics.len().min(TOP_FINDINGS);
        let _ = writeln!(out, "\n### Findings ({shown} of {})\n", diagnostics.len());
        let _ = writeln!(
            out,
            "| severity | code | location | message |\n| --- | --- | --- | --- |"
        );
        for diag in diagnostics.iter().take(TOP_FINDINGS) {
            let location = match &diag.location {
                Some(loc) => {
                    let text = format!(
                        "{}:{}",
                        links.paths.display(&loc.path),
                        loc.start.line.max(1)
                    );
                    format!(
                        "[{}]({})",
                        escape_link_text(&text),
                        links.link(&loc.path, loc.start.line.max(1))
                    )
                }
                None => "(repository)".to_string(),
            };
            let code = if diag.code.is_empty() {
                String::new()
            } else {
                format!("`{}`", escape_cell(&diag.code))
            };
            let _ = writeln!(
                out,
                "| {} | {code} | {location} | {} |",
                icon(diag.severity),
                escape_cell(&diag.message)
            );
        }
        if diagnostics.len() > TOP_FINDINGS {
            let _ = writeln!(
                out,
                "\n{} more: run `evidencelint check` locally or see the SARIF results.",
                diagnostics.len() - TOP_FINDINGS
            );
        }
    }
    let readiness = readiness(evaluation);
    if !readiness.is_empty() {
        let _ = writeln!(
            out,
            "\n### Readiness\n\n| program | case study | controls met | required |\n| --- | --- | ---: | ---: |"
        );
        for row in readiness {
            let mark = if row.met == row.required {
                "✅"
            } else {
                "❌"
            };
            let _ = writeln!(
                out,
                "| {} | {mark} {} | {} | {} |",
                escape_cell(&row.program),
                escape_cell(&row.column),
                row.met,
                row.required
            );
        }
    }
    out.push('\n');
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The readiness of one column of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Program id.
    pub program: String,
    /// Case study id, or `practice`.
    pub column: String,
    /// Controls with no applicable item missing.
    pub met: usize,
    /// Controls with at least one applicable item.
    pub required: usize,
}

/// Per (program, column): per control, (has an applicable item, has a missing item).
type ReadinessTable<'a> = BTreeMap<(&'a str, &'a Column), BTreeMap<&'a str, (bool, bool)>>;

/// Controls met / required per program and column: a control is required of a column when one
/// of its items applies there (is not n/a), and met when none of its applicable items is
/// missing (waived counts as met). Rows by program, then case study id, then practice.
pub fn readiness(evaluation: &Evaluation) -> Vec<Readiness> {
    // (program, column) -> control -> (applicable, missing)
    let mut table: ReadinessTable<'_> = BTreeMap::new();
    for cell in &evaluation.cells {
        let entry = table
            .entry((cell.program.as_str(), &cell.column))
            .or_default()
            .entry(cell.control.as_str())
            .or_default();
        if cell.status != Status::NotApplicable {
            entry.0 = true;
        }
        if cell.status == Status::Missing {
            entry.1 = true;
        }
    }
    let mut rows = Vec::new();
    for ((program, column), controls) in table {
        let required = controls
            .values()
            .filter(|(applicable, _)| *applicable)
            .count();
        let met = controls
            .values()
            .filter(|(applicable, missing)| *applicable && !*missing)
            .count();
        let column = match column {
            Column::CaseStudy(id) => id.clone(),
            Column::Practice => "practice".to_string(),
        };
        rows.push(Readiness {
            program: program.to_string(),
            column,
            met,
            required,
        });
    }
    rows
}

#[cfg(test)]
mod tests;
