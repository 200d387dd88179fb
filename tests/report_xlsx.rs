//! `report --format xlsx` read back with an independent reader (calamine).

use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};

fn workbook() -> (tempfile::TempDir, Xlsx<std::io::BufReader<std::fs::File>>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("self-assessment.xlsx");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/report-basic");
    let out = Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args([
            "report",
            root.to_str().unwrap(),
            "--format",
            "xlsx",
            "--as-of",
            "2026-01-15",
            "--output",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "the workbook goes to the file only");
    let book = open_workbook(&path).expect("calamine opens the workbook");
    (dir, book)
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The first row (from row 2 down) whose column 1 is `code`.
fn find(range: &Range<Data>, code: &str) -> u32 {
    (2..range.height() as u32 + 2)
        .find(|&r| text(range, r, 1) == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

#[test]
fn sheets_are_summary_then_one_per_case_study() {
    let (_dir, book) = workbook();
    let names = book.sheet_names();
    assert_eq!(names[0], "Summary");
    assert_eq!(names[1], "acme-payments");
    // `globex, "orders" <script>alert(1)</script>` loses its `/` and is cut to 31 characters.
    assert_eq!(names[2], "globex, \"orders\" <script>alert(");
    assert_eq!(names.len(), 3);
}

#[test]
fn case_study_sheet_lists_items_with_status_evidence_and_notes() {
    let (_dir, mut book) = workbook();
    let sheet = book.worksheet_range("acme-payments").unwrap();
    let header: Vec<String> = (0..6).map(|c| text(&sheet, 1, c)).collect();
    assert_eq!(
        header,
        [
            "Control",
            "Item",
            "Requirement",
            "Status",
            "Evidence",
            "Notes"
        ]
    );
    assert!(text(&sheet, 0, 0).starts_with(
        "Case study acme-payments (Acme Payments Ltd.): 2 items met of 66 applicable"
    ));
    let diagram = find(&sheet, "PRE-2.2/diagram");
    assert_eq!(text(&sheet, diagram, 0), "PRE-2.2 Architecture Diagrams");
    assert_eq!(
        text(&sheet, diagram, 2),
        "architecture diagram of the customer deployment"
    );
    assert_eq!(text(&sheet, diagram, 3), "met");
    assert_eq!(
        text(&sheet, diagram, 4),
        "case-studies/acme-payments/architecture, v2.md"
    );
    let rto = find(&sheet, "RDS-009/rto");
    assert_eq!(text(&sheet, rto, 3), "missing");
    assert!(
        text(&sheet, rto, 5).starts_with("To do: "),
        "missing items say what to write"
    );
    let waived = find(&sheet, "DOC-001/diagram");
    assert_eq!(text(&sheet, waived, 3), "waived");
    assert!(text(&sheet, waived, 5).contains("wafr.md"));
    let practice = find(&sheet, "ACCT-001/root-usage");
    assert_eq!(text(&sheet, practice, 3), "met");
    assert_eq!(text(&sheet, practice, 4), "practice/access.md");
    assert_eq!(
        text(&sheet, find(&sheet, "RDS-004/availability-needs"), 3),
        "n/a"
    );
}

#[test]
fn summary_has_control_statuses_and_totals() {
    let (_dir, mut book) = workbook();
    let sheet = book.worksheet_range("Summary").unwrap();
    assert_eq!(
        text(&sheet, 0, 0),
        "Self-assessment: rds-sd-2025-08, as of 2026-01-15"
    );
    let header: Vec<String> = (0..6).map(|c| text(&sheet, 1, c)).collect();
    assert_eq!(
        header[..4],
        ["Program", "Control", "Title", "acme-payments"]
    );
    assert_eq!(header[5], "practice");
    let pre22 = find(&sheet, "PRE-2.2");
    assert_eq!(
        text(&sheet, pre22, 3),
        "missing",
        "a control with one missing item is missing"
    );
    let pre21 = find(&sheet, "PRE-2.1");
    assert_eq!(text(&sheet, pre21, 3), "met");
    assert_eq!(text(&sheet, pre21, 5), "—");
    let totals = (2..200)
        .find(|&r| text(&sheet, r, 2) == "Items met / applicable")
        .unwrap();
    assert_eq!(text(&sheet, totals, 3), "2/66");
    assert_eq!(text(&sheet, totals + 2, 3), "13", "waived count");
}
