//! The job summary: verdict, escaping, links, readiness.

use super::*;
use crate::diagnostic::{LineCol, Location};
use crate::evaluate::cells::Cell;

fn at(path: &str, line: usize) -> Location {
    Location {
        path: path.into(),
        span: 0..1,
        start: LineCol { line, column: 1 },
        end: LineCol { line, column: 2 },
    }
}

fn cell(control: &str, item: &str, column: Column, status: Status) -> Cell {
    Cell {
        program: "rds-sd-2025-08".into(),
        control: control.into(),
        item: item.into(),
        column,
        status,
    }
}

#[test]
fn cells_are_escaped() {
    assert_eq!(
        escape_cell("a | b <script>&\nc"),
        "a \\| b &lt;script&gt;&amp;<br>c"
    );
}

#[test]
fn verdict_counts_and_table() {
    let diags = vec![
        Diagnostic::error("link/broken", "link to `a|b.md` <x>").at(at("docs/odd name.md", 7)),
        Diagnostic::warning("program/superseded", "old"),
    ];
    let summary = Summary::new(&diags, 3);
    let links = Links {
        blob_base: None,
        paths: PathStyle::with_prefix("ev").unwrap(),
    };
    let text = render(&diags, &summary, &Evaluation::default(), &links);
    assert!(
        text.starts_with("## ❌ evidencelint: 1 error, 1 warning in 3 files\n"),
        "{text}"
    );
    assert!(text.contains("| error | 1 |\n| warning | 1 |\n| note | 0 |"));
    assert!(text.contains("| ❌ error | `link/broken` | [ev/docs/odd name.md:7](ev/docs/odd%20name.md) | link to `a\\|b.md` &lt;x&gt; |"), "{text}");
    assert!(text.contains("| ⚠️ warning | `program/superseded` | (repository) | old |"));
}

#[test]
fn clean_run_and_blob_links() {
    let vars = |name: &str| match name {
        "GITHUB_SERVER_URL" => Some("https://github.com".to_string()),
        "GITHUB_REPOSITORY" => Some("o/r".to_string()),
        "GITHUB_SHA" => Some("abc123".to_string()),
        _ => None,
    };
    let links = Links::from_env(PathStyle::default(), vars);
    assert_eq!(
        links.link("a b.md", 4),
        "https://github.com/o/r/blob/abc123/a%20b.md#L4"
    );
    let text = render(&[], &Summary::new(&[], 2), &Evaluation::default(), &links);
    assert!(text.starts_with("## ✅ evidencelint: 0 errors, 0 warnings in 2 files"));
    assert!(!text.contains("### Findings"));
    assert!(
        Links::from_env(PathStyle::default(), |_| None)
            .blob_base
            .is_none()
    );
}

#[test]
fn more_than_twenty_findings_are_counted() {
    let diags: Vec<Diagnostic> = (1..=25)
        .map(|i| Diagnostic::error("x/y", format!("m{i}")))
        .collect();
    let text = render(
        &diags,
        &Summary::new(&diags, 1),
        &Evaluation::default(),
        &Links::default(),
    );
    assert!(text.contains("### Findings (20 of 25)"));
    assert!(text.contains("5 more: run `evidencelint check` locally"));
    assert!(!text.contains("| m21 |"));
}

#[test]
fn readiness_per_case_study() {
    let cs = |id: &str| Column::CaseStudy(id.into());
    let evaluation = Evaluation {
        cells: vec![
            cell(
                "RDS-009",
                "rto",
                cs("acme"),
                Status::Met(vec!["a.md".into()]),
            ),
            cell("RDS-009", "rpo", cs("acme"), Status::Missing),
            cell("RDS-008", "plan", cs("acme"), Status::NotApplicable),
            cell("RDS-001", "", cs("acme"), Status::Waived("wafr".into())),
            cell("RDS-009", "rto", cs("beta"), Status::Met(vec![])),
            cell("RDS-009", "rpo", cs("beta"), Status::NotApplicable),
            cell("ACCT-001", "sop", Column::Practice, Status::Missing),
        ],
        ..Default::default()
    };
    let rows = readiness(&evaluation);
    let simple: Vec<(&str, usize, usize)> = rows
        .iter()
        .map(|r| (r.column.as_str(), r.met, r.required))
        .collect();
    assert_eq!(
        simple,
        vec![("acme", 1, 2), ("beta", 1, 1), ("practice", 0, 1)]
    );
    let text = render(&[], &Summary::default(), &evaluation, &Links::default());
    assert!(text.contains("| rds-sd-2025-08 | ❌ acme | 1 | 2 |"));
    assert!(text.contains("| rds-sd-2025-08 | ✅ beta | 1 | 1 |"));
}
