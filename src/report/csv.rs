//! `report --format csv`: RFC 4180 — CRLF line endings, fields quoted when they contain `,`,
//! `"`, CR or LF (quotes doubled). One line per assessed cell:
//! `program,control,item,column,status,evidence,reason` (evidence paths joined by `; `; the
//! reason of a waived or suppressed cell, a config waiver's prefixed `evidencelint.yaml: `).
//!
//! Diagrams are not in the CSV: it is one table of cells, and another kind of record would
//! break readers that expect that shape (the other formats show them).
//!
//! Written by hand: the whole format is the [`field`] function below, and a hand-written one
//! keeps the CRLF and quoting rules visible and tested without another dependency.

use super::Matrix;
use crate::evaluate::cells::{SilenceKind, Status};

/// The header line's fields.
pub const HEADER: [&str; 7] = [
    "program", "control", "item", "column", "status", "evidence", "reason",
];

/// Renders the matrix as CSV.
pub fn render(matrix: &Matrix) -> String {
    let mut out = String::new();
    line(&mut out, &HEADER);
    let keys = matrix.column_keys();
    for row in &matrix.rows {
        for (column, cell) in row.cells.iter().enumerate() {
            let Some(status) = cell else { continue };
            let evidence = match status {
                Status::Met(paths) => paths.join("; "),
                _ => String::new(),
            };
            let reason = reason(status);
            line(
                &mut out,
                &[
                    &row.program,
                    &row.control,
                    &row.item,
                    keys[column],
                    status.as_str(),
                    &evidence,
                    &reason,
                ],
            );
        }
    }
    out
}

/// Why a cell is waived or suppressed; empty for other cells.
fn reason(status: &Status) -> String {
    match status {
        Status::Waived(reason) => reason.clone(),
        Status::Silenced(s) if s.kind == SilenceKind::Waiver => {
            format!("evidencelint.yaml: {}", s.reason)
        }
        Status::Silenced(s) => s.reason.clone(),
        _ => String::new(),
    }
}

fn line(out: &mut String, fields: &[&str]) {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// One field: quoted (with `"` doubled) when it contains `,`, `"`, CR or LF.
pub fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(field("lf\nonly"), "\"lf\nonly\"");
        assert_eq!(field(""), "");
    }
}
