//! `evidencelint report` on `fixtures/adoption` (over `fixtures/rds-complete`): cells whose
//! findings are waived in evidencelint.yaml or suppressed inline are shown apart from met and
//! missing ones, in every format; and what each case study's diagrams show.

mod common;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use common::Repo;

const AS_OF: &str = "2026-01-15";
const WAIVER: &str = "non-production runbook is being rewritten for the new Terraform modules";
const INLINE: &str = "environments are documented in the customer's own wiki; copy requested";

fn adoption() -> Repo {
    Repo::from_fixtures(&["rds-complete", "adoption"])
}

fn report(repo: &Repo, format: &str) -> String {
    let out = repo.run(&[
        "report", ".", "--format", format, "--as-of", AS_OF, "--color", "never",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// The lines of `text` from the one starting with `start` while `keep` holds.
fn block<'a>(text: &'a str, start: &str, keep: impl Fn(&str) -> bool) -> Vec<&'a str> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(start));
    let first = lines.next().unwrap_or_else(|| panic!("no line {start}"));
    std::iter::once(first)
        .chain(lines.take_while(|l| keep(l)))
        .collect()
}

#[test]
fn human_marks_waived_and_suppressed_cells() {
    let text = report(&adoption(), "human");
    let mut excerpt = block(&text, "  ✓ met", |_| false);
    excerpt.extend(block(&text, "RDS-007", |l| l.starts_with("  ")));
    // Totals, then the waived and suppressed sections and the diagrams (not the met list).
    excerpt.extend(
        block(&text, "Met / applicable", |_| true)
            .into_iter()
            .filter(|l| !l.starts_with("  ✓ ")),
    );
    insta::assert_snapshot!("adoption__human", excerpt.join("\n"));
}

#[test]
fn markdown_marks_waived_and_suppressed_cells() {
    let text = report(&adoption(), "markdown");
    let mut excerpt = block(&text, "As of", |_| false);
    excerpt.extend(text.lines().filter(|l| l.contains("RDS-007")));
    excerpt.extend(block(&text, "| **Met / applicable**", |_| true));
    insta::assert_snapshot!("adoption__markdown", excerpt.join("\n"));
}

#[test]
fn csv_gives_status_and_reason() {
    let text = report(&adoption(), "csv");
    let rds007: Vec<&str> = text
        .split("\r\n")
        .filter(|l| l.contains(",RDS-007,"))
        .collect();
    let waived = format!("waived,,evidencelint.yaml: {WAIVER}");
    let suppressed = format!("suppressed,,{INLINE}");
    assert_eq!(
        rds007,
        [
            format!(
                "rds-sd-2025-08,RDS-007,environment-provisioning,harbourline-logistics,{waived}"
            ),
            format!(
                "rds-sd-2025-08,RDS-007,environment-provisioning,meridian-telehealth,{suppressed}"
            ),
            format!("rds-sd-2025-08,RDS-007,access-segregation,harbourline-logistics,{waived}"),
            format!("rds-sd-2025-08,RDS-007,access-segregation,meridian-telehealth,{suppressed}"),
            format!("rds-sd-2025-08,RDS-007,data-sanitization,harbourline-logistics,{waived}"),
            format!("rds-sd-2025-08,RDS-007,data-sanitization,meridian-telehealth,{suppressed}"),
        ]
    );
}

#[test]
fn json_marks_silenced_cells_like_check_include_suppressed() {
    let json: serde_json::Value = serde_json::from_str(&report(&adoption(), "json")).unwrap();
    let row = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["control"] == "RDS-007" && r["item"] == "access-segregation")
        .unwrap();
    assert_eq!(
        row["cells"],
        serde_json::json!({
            "harbourline-logistics": {
                "status": "waived",
                "evidence": [],
                "reason": WAIVER,
                "suppressed": {"kind": "waiver", "reason": WAIVER}
            },
            "meridian-telehealth": {
                "status": "suppressed",
                "evidence": [],
                "suppressed": {"kind": "inline", "reason": INLINE}
            }
        })
    );
    assert_eq!(
        json["totals"]["meridian-telehealth"],
        serde_json::json!({"met": 56, "waived": 0, "missing": 3, "suppressed": 3, "applicable": 62})
    );
    assert_eq!(json["totals"]["harbourline-logistics"]["waived"], 3);
}

#[test]
fn html_marks_silenced_cells_with_their_own_class_and_reason() {
    let text = report(&adoption(), "html");
    let page = scraper::Html::parse_document(&text);
    let rows = scraper::Selector::parse("#matrix tbody tr").unwrap();
    let cells = scraper::Selector::parse("td").unwrap();
    let row = page
        .select(&rows)
        .find(|r| r.text().collect::<String>().contains("access-segregation"))
        .unwrap();
    assert_eq!(row.value().attr("data-statuses"), Some("suppressed waived"));
    let tds: Vec<_> = row.select(&cells).collect();
    let (harbour, meridian) = (&tds[2], &tds[3]);
    assert_eq!(harbour.value().attr("class"), Some("waived"));
    assert_eq!(
        harbour.text().collect::<String>(),
        format!("waivedwaiver in evidencelint.yaml: {WAIVER}")
    );
    assert_eq!(meridian.value().attr("class"), Some("suppressed"));
    assert_eq!(
        meridian.text().collect::<String>(),
        format!("suppressedsuppressed inline: {INLINE}")
    );
    let foot = scraper::Selector::parse("#matrix tfoot td").unwrap();
    let totals: Vec<String> = page.select(&foot).map(|td| td.text().collect()).collect();
    assert_eq!(
        totals,
        ["60/66 (3 waived)", "56/62 (3 suppressed)", "35/35"]
    );
}

fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[test]
fn xlsx_marks_silenced_cells_and_lists_diagrams() {
    let repo = adoption();
    let out = repo.run(&[
        "report",
        ".",
        "--format",
        "xlsx",
        "--as-of",
        AS_OF,
        "--output",
        "book.xlsx",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut book: Xlsx<_> = open_workbook(repo.path().join("book.xlsx")).unwrap();
    let sheet = book.worksheet_range("meridian-telehealth").unwrap();
    let row = (0..sheet.height() as u32)
        .find(|&r| text(&sheet, r, 1) == "RDS-007/access-segregation")
        .unwrap();
    assert_eq!(text(&sheet, row, 3), "suppressed");
    assert!(text(&sheet, row, 5).starts_with(&format!("Suppressed inline: {INLINE}. To do: ")));
    let sheet = book.worksheet_range("harbourline-logistics").unwrap();
    let row = (0..sheet.height() as u32)
        .find(|&r| text(&sheet, r, 1) == "RDS-007/access-segregation")
        .unwrap();
    assert_eq!(text(&sheet, row, 3), "waived");
    assert!(text(&sheet, row, 5).starts_with(&format!("Waived in evidencelint.yaml: {WAIVER}.")));
    let title = (0..sheet.height() as u32)
        .find(|&r| text(&sheet, r, 0).starts_with("Architecture diagrams"))
        .expect("a diagrams block below the items");
    assert_eq!(text(&sheet, title + 1, 4), "Availability Zones");
    let diagrams: Vec<[String; 4]> = (title + 2..sheet.height() as u32)
        .map(|r| [0, 2, 3, 4].map(|c| text(&sheet, r, c)))
        .collect();
    assert_eq!(
        diagrams,
        [
            [
                "case-studies/harbourline-logistics/diagrams/architecture-2024.drawio",
                "file not found",
                "—",
                "—"
            ]
            .map(String::from),
            [
                "case-studies/harbourline-logistics/diagrams/architecture.svg",
                "SVG",
                "yes",
                "3 (AZ A, AZ B, AZ C), Multi-AZ stated"
            ]
            .map(String::from),
        ]
    );
    let summary = book.worksheet_range("Summary").unwrap();
    let label = (0..summary.height() as u32)
        .find(|&r| text(&summary, r, 2) == "Items suppressed")
        .unwrap();
    assert_eq!(
        [text(&summary, label, 3), text(&summary, label, 4)],
        ["0", "3"]
    );
}

#[test]
fn without_the_silences_the_cells_are_missing() {
    // The same repository with the waiver pointed elsewhere and the suppression removed: plain
    // missing cells.
    let repo = adoption();
    let config = repo.read("evidencelint.yaml").replace(
        "case-study: harbourline-logistics",
        "case-study: another-customer",
    );
    repo.write("evidencelint.yaml", &config);
    let page = "case-studies/meridian-telehealth/non-production.md";
    let text = repo.read(page);
    let text: String = text
        .lines()
        .filter(|l| !l.contains("evidencelint-disable"))
        .map(|l| format!("{l}\n"))
        .collect();
    repo.write(page, &text);
    let csv = report(&repo, "csv");
    let statuses: Vec<&str> = csv
        .split("\r\n")
        .filter(|l| l.contains(",RDS-007,"))
        .map(|l| l.split(',').nth(4).unwrap())
        .collect();
    assert_eq!(statuses, ["missing"; 6]);
}

#[test]
fn diff_base_lists_silenced_cells_as_newly_missing_with_the_reason() {
    // The base revision is rds-complete; the working tree adds the adoption overlay.
    let repo = Repo::from_fixtures(&["rds-complete"]);
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "base"]);
    common::copy_dir(
        &common::project_root().join("fixtures/adoption"),
        repo.path(),
    );
    let out = repo.run(&[
        "report",
        ".",
        "--as-of",
        AS_OF,
        "--diff-base",
        "HEAD",
        "--color",
        "never",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let missing: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  ✗ "))
        .collect();
    assert_eq!(
        missing,
        [
            format!(
                "  ✗ RDS-007/environment-provisioning harbourline-logistics: waived in evidencelint.yaml: {WAIVER}; was met"
            ),
            format!(
                "  ✗ RDS-007/environment-provisioning meridian-telehealth: suppressed inline: {INLINE}; was met"
            ),
            format!(
                "  ✗ RDS-007/access-segregation harbourline-logistics: waived in evidencelint.yaml: {WAIVER}; was met"
            ),
            format!(
                "  ✗ RDS-007/access-segregation meridian-telehealth: suppressed inline: {INLINE}; was met"
            ),
            format!(
                "  ✗ RDS-007/data-sanitization harbourline-logistics: waived in evidencelint.yaml: {WAIVER}; was met"
            ),
            format!(
                "  ✗ RDS-007/data-sanitization meridian-telehealth: suppressed inline: {INLINE}; was met"
            ),
        ]
    );
}
