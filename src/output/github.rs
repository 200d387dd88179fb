//! `--format github`: GitHub workflow commands (`::error file=…,line=…::message`).
//!
//! GitHub shows at most 10 annotations of each level per step; past that, the first 10 of a
//! level are printed and one `::notice::` says how many more there are and where to see them.
//! The human summary line ends the output as a plain line.

use super::Summary;
use super::paths::PathStyle;
use crate::diagnostic::{Diagnostic, Severity};

/// Annotations of one level GitHub shows per step.
pub const MAX_PER_LEVEL: usize = 10;

/// Escapes a command's message (data): `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value: as data, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// One workflow command for a diagnostic.
pub fn annotation(diag: &Diagnostic, paths: &PathStyle) -> String {
    let mut props = Vec::new();
    if let Some(loc) = &diag.location {
        let line = loc.start.line.max(1);
        let col = loc.start.column.max(1);
        let end_line = loc.end.line.max(line);
        props.push(format!(
            "file={}",
            escape_property(&paths.display(&loc.path))
        ));
        props.push(format!("line={line}"));
        props.push(format!("col={col}"));
        props.push(format!("endLine={end_line}"));
        let end_column = if end_line == line {
            loc.end.column.max(col)
        } else {
            loc.end.column.max(1)
        };
        props.push(format!("endColumn={end_column}"));
    }
    if !diag.code.is_empty() {
        props.push(format!("title={}", escape_property(&diag.code)));
    }
    let mut message = diag.message.clone();
    for note in &diag.notes {
        message.push_str("\nnote: ");
        message.push_str(note);
    }
    for help in &diag.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let props = if props.is_empty() {
        String::new()
    } else {
        format!(" {}", props.join(","))
    };
    format!(
        "::{}{props}::{}",
        command(diag.severity),
        escape_data(&message)
    )
}

/// Renders the annotations, the overflow notices and the summary line.
pub fn render(diagnostics: &[Diagnostic], summary: &Summary, paths: &PathStyle) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    // The overflow notices are notices too: keep room for them among the notes.
    let mut overflow = usize::from(errors > MAX_PER_LEVEL) + usize::from(warnings > MAX_PER_LEVEL);
    let mut note_cap = MAX_PER_LEVEL - overflow;
    if notes > note_cap {
        note_cap -= 1;
        overflow += 1;
    }
    let cap = |s: Severity| match s {
        Severity::Error | Severity::Warning => MAX_PER_LEVEL,
        Severity::Note => note_cap,
    };
    let mut out = String::new();
    let mut shown = [0usize; 3];
    for diag in diagnostics {
        let slot = &mut shown[diag.severity as usize];
        if *slot < cap(diag.severity) {
            *slot += 1;
            out.push_str(&annotation(diag, paths));
            out.push('\n');
        }
    }
    debug_assert!(overflow <= 3);
    for (severity, total, word) in [
        (Severity::Error, errors, "error"),
        (Severity::Warning, warnings, "warning"),
        (Severity::Note, notes, "note"),
    ] {
        let hidden = total - shown[severity as usize];
        if hidden > 0 {
            let plural = if hidden == 1 { "" } else { "s" };
            out.push_str(&format!(
                "::notice title=evidencelint::{hidden} more {word}{plural} not shown as annotations: run `evidencelint check` locally, or see the job summary or the SARIF results\n"
            ));
        }
    }
    out.push_str(&super::human::render_summary(summary, false));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{LineCol, Location};

    fn at(path: &str, line: usize) -> Location {
        Location {
            path: path.into(),
            span: 0..1,
            start: LineCol { line, column: 3 },
            end: LineCol { line, column: 9 },
        }
    }

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(
            escape_property("odd, name: 50%.md\n"),
            "odd%2C name%3A 50%25.md%0A"
        );
    }

    #[test]
    fn an_annotation_has_every_property_escaped() {
        let diag = Diagnostic::error("link/broken", "link to `x.md`:\nmissing 100%")
            .at(at("case studies/odd, name: 50%.md", 4))
            .help("fix it, or remove it");
        assert_eq!(
            annotation(&diag, &PathStyle::default()),
            "::error file=case studies/odd%2C name%3A 50%25.md,line=4,col=3,endLine=4,endColumn=9,title=link/broken::link to `x.md`:%0Amissing 100%25%0Ahelp: fix it, or remove it"
        );
    }

    #[test]
    fn repository_wide_findings_have_no_file() {
        let diag = Diagnostic::warning("program/superseded", "old");
        assert_eq!(
            annotation(&diag, &PathStyle::default()),
            "::warning title=program/superseded::old"
        );
        let note = Diagnostic::new("", Severity::Note, "plain");
        assert_eq!(annotation(&note, &PathStyle::default()), "::notice::plain");
    }

    #[test]
    fn the_prefix_is_applied() {
        let diag = Diagnostic::error("link/broken", "m").at(at("a.md", 1));
        let style = PathStyle::with_prefix("docs/ev").unwrap();
        assert!(annotation(&diag, &style).starts_with("::error file=docs/ev/a.md,line=1,"));
    }

    #[test]
    fn more_than_ten_of_a_level_are_summarized() {
        let mut diags: Vec<Diagnostic> = (1..=12)
            .map(|i| Diagnostic::error("link/broken", format!("e{i}")).at(at("a.md", i)))
            .collect();
        diags.push(Diagnostic::warning("program/superseded", "w"));
        let summary = Summary::new(&diags, 1);
        let out = render(&diags, &summary, &PathStyle::default());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("::error ")).count(),
            10
        );
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("::warning ")).count(),
            1
        );
        assert!(
            out.contains("::notice title=evidencelint::2 more errors not shown as annotations")
        );
        assert!(!out.contains("e11"));
        assert_eq!(
            lines.last().copied(),
            Some("error: 12 errors, 1 warning in 1 file")
        );
    }

    #[test]
    fn overflow_notices_leave_room_among_notes() {
        let mut diags: Vec<Diagnostic> = (1..=11)
            .map(|i| Diagnostic::error("x/y", format!("e{i}")))
            .collect();
        diags.extend((1..=11).map(|i| Diagnostic::new("x/n", Severity::Note, format!("n{i}"))));
        let out = render(&diags, &Summary::new(&diags, 0), &PathStyle::default());
        let notices = out.lines().filter(|l| l.starts_with("::notice")).count();
        assert_eq!(notices, MAX_PER_LEVEL);
        assert!(out.contains("3 more notes not shown"));
        assert!(out.contains("1 more error not shown"));
    }
}
