//! `report --format csv`: RFC 4180 — CRLF line endings, fields quoted when they contain `,`,
//! `"`, CR or LF (quotes doubled). One line per assessed cell:
//! `program,control,item,column,status,evidence` (evidence paths joined by `; `).
//!
//! Written by hand: the whole format is the [`field`] function below, and a hand-written one
//! keeps the CRLF and quoting rules visible and tested without another dependency.

use super::Matrix;
use crate::evaluate::cells::Status;

/// The header line's fields.
pub const HEADER: [&str; 6] = ["program", "control", "item", "column", "status", "evidence"];

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
            line(
                &mut out,
                &[
                    &row.program,
                    &row.control,
                    &row.item,
                    keys[column],
                    status.as_str(),
                    &evidence,
                ],
            );
        }
    }
    out
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
