//! `report --format markdown`: a GitHub-flavoured table for job summaries and PR comments.
//! Every user value is escaped (`|`, `<`, `>`, `&`, `[`, `]`, `*`, `_`, backtick, line breaks);
//! met cells link to their documents with paths relative to the repository root.

use std::fmt::Write;

use super::diagrams::{COLUMNS, fields};
use super::text::one_line;
use super::{Matrix, Row};
use crate::evaluate::cells::{Silence, SilenceKind, Status};

/// Renders the matrix as Markdown.
pub fn render(matrix: &Matrix) -> String {
    let mut out = String::new();
    let programs = if matrix.programs.is_empty() {
        "no program".to_string()
    } else {
        escape(&matrix.programs.join(", "))
    };
    let _ = writeln!(out, "## Readiness matrix: {programs}\n");
    let _ = writeln!(
        out,
        "As of {}. ✅ met · ❌ missing · ⚠️ waived · 🔇 suppressed (missing, silenced inline) · n/a not applicable · — not assessed in this column.\n",
        matrix.as_of
    );
    if matrix.rows.is_empty() {
        out.push_str("No evidence items: no program is in force.\n");
        return out;
    }
    header(&mut out, matrix);
    let mut last = None;
    for row in &matrix.rows {
        let first = last != Some((&row.program, &row.control));
        last = Some((&row.program, &row.control));
        let _ = writeln!(out, "{}", row_line(row, first));
    }
    totals(&mut out, matrix);
    diagrams(&mut out, matrix);
    out
}

/// What each case study's diagrams show: one table line per diagram.
fn diagrams(out: &mut String, matrix: &Matrix) {
    if matrix.diagrams.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### Architecture diagrams\n");
    let _ = writeln!(out, "| Case study | {} |", COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(COLUMNS.len() + 1));
    for cs in &matrix.diagrams {
        if cs.diagrams.is_empty() {
            let dashes = " — |".repeat(COLUMNS.len() - 1);
            let _ = writeln!(
                out,
                "| {} | no diagram linked or embedded |{dashes}",
                escape(&cs.id)
            );
        }
        for d in &cs.diagrams {
            let [path, from, rest @ ..] = fields(d);
            let mut line = format!(
                "| {} | {} | {} |",
                escape(&cs.id),
                link(&path),
                escape(&from)
            );
            for field in rest {
                let _ = write!(line, " {} |", escape(&field));
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

fn header(out: &mut String, matrix: &Matrix) {
    let mut head = String::from("| Control | Item |");
    let mut rule = String::from("| --- | --- |");
    for cs in &matrix.case_studies {
        let customer = cs
            .customer
            .as_deref()
            .map(|c| format!("<br>{}", escape(c)))
            .unwrap_or_default();
        let _ = write!(head, " {}{customer} |", escape(&cs.id));
        rule.push_str(" --- |");
    }
    head.push_str(" practice |");
    rule.push_str(" --- |");
    let _ = writeln!(out, "{head}\n{rule}");
}

/// One table line; the control's title is shown on its first row only.
fn row_line(row: &Row, first: bool) -> String {
    let control = if first {
        format!("**{}** {}", escape(&row.control), escape(&row.title))
    } else {
        escape(&row.control)
    };
    let mut line = format!(
        "| {control} | `{}` {} |",
        row.item.replace('`', "'"),
        escape(&row.what)
    );
    for cell in &row.cells {
        let _ = write!(line, " {} |", cell_text(cell.as_ref()));
    }
    line
}

/// The text of one cell.
pub fn cell_text(cell: Option<&Status>) -> String {
    match cell {
        None => "—".to_string(),
        Some(Status::Met(paths)) => {
            let links: Vec<String> = paths.iter().map(|p| link(p)).collect();
            format!("✅ met: {}", links.join(", "))
        }
        Some(Status::Missing) => "❌ missing".to_string(),
        Some(Status::Waived(reason)) if reason.is_empty() => "⚠️ waived".to_string(),
        Some(Status::Waived(reason)) => format!(
            "⚠️ waived ({})",
            escape(reason.strip_prefix("waived ").unwrap_or(reason))
        ),
        Some(Status::Silenced(s)) => silenced_text(s),
        Some(Status::NotApplicable) => "n/a".to_string(),
    }
}

/// A cell silenced by the user: `⚠️ waived (evidencelint.yaml: …)` or `🔇 suppressed (…)`.
fn silenced_text(silence: &Silence) -> String {
    match silence.kind {
        SilenceKind::Waiver => {
            format!("⚠️ waived (evidencelint.yaml: {})", escape(&silence.reason))
        }
        SilenceKind::Inline if silence.reason.is_empty() => {
            "🔇 suppressed (no reason given)".to_string()
        }
        SilenceKind::Inline => format!("🔇 suppressed ({})", escape(&silence.reason)),
    }
}

fn totals(out: &mut String, matrix: &Matrix) {
    let mut line = String::from("| **Met / applicable** | |");
    for total in matrix.totals() {
        let _ = write!(line, " **{}**{} |", total.ratio(), total_extra(&total));
    }
    let _ = writeln!(out, "{line}");
}

/// ` (2 waived, 1 suppressed)`, or nothing.
pub fn total_extra(total: &super::Total) -> String {
    let mut parts = Vec::new();
    if total.waived > 0 {
        parts.push(format!("{} waived", total.waived));
    }
    if total.suppressed > 0 {
        parts.push(format!("{} suppressed", total.suppressed));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// A relative link to a repository file: the file name as text, the path percent-encoded.
pub fn link(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("[{}]({})", escape(name), encode_path(path))
}

/// Percent-encodes what would end or break a Markdown link destination.
fn encode_path(path: &str) -> String {
    let mut out = String::new();
    for c in path.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '|' | '"' | '\'' | '%' | '[' | ']' | '`' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a GitHub-flavoured Markdown table cell (one line, no live HTML).
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '[' | ']' | '*' | '_' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_table_breakers_and_html() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(
            escape("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(escape("line\nbreak"), "line break");
        assert_eq!(escape("[x](y)"), "\\[x\\](y)");
    }

    #[test]
    fn links_encode_spaces_and_parens() {
        assert_eq!(link("a b/(c).md"), "[(c).md](a%20b/%28c%29.md)");
    }
}
