//! `evidencelint report` run as a binary on `fixtures/report-basic`: named snapshots per text
//! format, CSV (RFC 4180) and JSON (contract §6) shape checks, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const AS_OF: &str = "2026-01-15";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn evidencelint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

/// Runs `report` on the fixture in `format` and returns standard output (asserting exit 0).
fn report(format: &str) -> String {
    let root = fixture("report-basic");
    let out = evidencelint(&[
        "report",
        root.to_str().unwrap(),
        "--format",
        format,
        "--as-of",
        AS_OF,
        "--color",
        "never",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn human_snapshot() {
    insta::assert_snapshot!("report-basic__human", report("human"));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("report-basic__markdown", report("markdown"));
}

#[test]
fn csv_snapshot() {
    insta::assert_snapshot!("report-basic__csv", report("csv"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("report-basic__json", report("json"));
}

#[test]
fn human_table_fits_100_columns() {
    let text = report("human");
    let table = text.split("\nEvidence").next().unwrap();
    for line in table.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 100,
            "too wide: {line}"
        );
    }
}

#[test]
fn human_colours_only_when_asked() {
    let root = fixture("report-basic");
    let root = root.to_str().unwrap();
    let always = evidencelint(&["report", root, "--as-of", AS_OF, "--color", "always"]);
    assert!(String::from_utf8_lossy(&always.stdout).contains("\x1b[32m✓\x1b[0m"));
    let never = evidencelint(&["report", root, "--as-of", AS_OF, "--color", "never"]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\x1b'));
    // `auto` into a pipe: no colour.
    let auto = evidencelint(&["report", root, "--as-of", AS_OF]);
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\x1b'));
}

#[test]
fn markdown_escapes_user_text() {
    let text = report("markdown");
    assert!(
        !text.contains("<script>"),
        "raw HTML from a customer name must be escaped"
    );
    assert!(text.contains("Globex &lt;script&gt;alert('x')&lt;/script&gt; \\| \"Orders\" Inc."));
    assert!(
        text.contains("[architecture, v2.md](case-studies/acme-payments/architecture,%20v2.md)")
    );
    let columns = |line: &str| line.replace("\\|", "").matches('|').count();
    // Two tables: the matrix, then the architecture diagrams.
    let (matrix, diagrams) = text.split_once("### Architecture diagrams").unwrap();
    for table in [matrix, diagrams] {
        let lines: Vec<&str> = table.lines().filter(|l| l.starts_with('|')).collect();
        assert!(lines.len() > 2);
        assert!(
            lines.iter().all(|l| columns(l) == columns(lines[0])),
            "every table line has the same number of cells"
        );
    }
}

/// Splits RFC 4180 text into records of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let field = records.last_mut().unwrap().last_mut().unwrap();
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => records.last_mut().unwrap().push(String::new()),
            (false, '\r') => {
                assert_eq!(
                    chars.next(),
                    Some('\n'),
                    "CR outside quotes must start CRLF"
                );
                records.push(vec![String::new()]);
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert_eq!(
        records.pop(),
        Some(vec![String::new()]),
        "the text ends with CRLF"
    );
    records
}

#[test]
fn csv_is_rfc_4180() {
    let text = report("csv");
    assert!(text.starts_with("program,control,item,column,status,evidence,reason\r\n"));
    let records = parse_csv(&text);
    assert!(
        records.iter().all(|r| r.len() == 7),
        "seven fields per record"
    );
    let globex = "globex, \"orders\" <script>alert(1)</script>";
    assert!(text.contains("\"globex, \"\"orders\"\" <script>alert(1)</script>\""));
    assert!(records.iter().any(|r| r[3] == globex && r[4] == "missing"));
    let met = records
        .iter()
        .find(|r| r[1] == "PRE-2.2" && r[2] == "diagram" && r[4] == "met")
        .unwrap();
    assert_eq!(met[5], "case-studies/acme-payments/architecture, v2.md");
    assert!(records.iter().any(|r| r[3] == "practice" && r[4] == "met"));
    assert!(records.iter().any(|r| r[4] == "waived") && records.iter().any(|r| r[4] == "n/a"));
    assert!(
        records
            .iter()
            .filter(|r| r[4] == "waived")
            .all(|r| r[6].contains("WAFR")),
        "a waived cell gives its reason"
    );
}

#[test]
fn json_has_the_contract_shape() {
    let value: serde_json::Value = serde_json::from_str(&report("json")).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["programs"], serde_json::json!(["rds-sd-2025-08"]));
    let case_studies = value["case_studies"].as_array().unwrap();
    assert_eq!(case_studies[0], "acme-payments");
    let rows = value["rows"].as_array().unwrap();
    for row in rows {
        assert!(row["control"].is_string() && row["item"].is_string());
        for (key, cell) in row["cells"].as_object().unwrap() {
            assert!(
                key == "practice" || case_studies.iter().any(|c| c == key),
                "cell key {key}"
            );
            let status = cell["status"].as_str().unwrap();
            assert!(["met", "missing", "waived", "n/a"].contains(&status));
            let evidence = cell["evidence"].as_array().unwrap();
            assert_eq!(status == "met", !evidence.is_empty());
        }
    }
    let diagram = rows
        .iter()
        .find(|r| r["control"] == "PRE-2.2" && r["item"] == "diagram")
        .unwrap();
    assert_eq!(
        diagram["cells"]["acme-payments"]["evidence"][0],
        "case-studies/acme-payments/architecture, v2.md"
    );
    assert!(
        diagram["cells"].get("practice").is_none(),
        "a case-study item has no practice cell"
    );
}

#[test]
fn json_is_deterministic() {
    assert_eq!(report("json"), report("json"));
}

#[test]
fn exit_codes() {
    let root = fixture("report-basic");
    let root = root.to_str().unwrap();
    let code = |args: &[&str]| evidencelint(args).status.code();
    assert_eq!(
        code(&["report", root, "--as-of", AS_OF]),
        Some(0),
        "missing evidence is not a failure of report"
    );
    assert_eq!(code(&["report", "does/not/exist"]), Some(2));
    assert_eq!(
        code(&["report", root, "--program", "rds-sd-2099-01"]),
        Some(2)
    );
    assert_eq!(code(&["report", root, "--as-of", "15/01/2026"]), Some(2));
    assert_eq!(code(&["report", root, "--format", "yaml"]), Some(2));
    let xlsx = evidencelint(&["report", root, "--format", "xlsx"]);
    assert_eq!(xlsx.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&xlsx.stderr).contains("--output"));
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("report-basic__html", report("html"));
}

#[test]
fn html_escapes_every_value_and_runs_only_its_own_script() {
    let text = report("html");
    let page = scraper::Html::parse_document(&text);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let scripts: Vec<_> = page.select(&select("script")).collect();
    assert_eq!(scripts.len(), 1, "the page's own script is the only one");
    assert_eq!(
        scripts[0].text().collect::<String>().trim(),
        evidencelint::report::html::SCRIPT.trim()
    );
    assert!(
        scripts[0].value().attr("src").is_none(),
        "no external script"
    );
    for element in page
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, _) in element.value().attrs() {
            assert!(!name.starts_with("on"), "no inline event handler: {name}");
        }
    }
    assert!(
        page.select(&select("link, img, iframe, object"))
            .next()
            .is_none(),
        "no external assets"
    );
    // The hostile id and customer arrive as text, intact.
    let headers: Vec<String> = page
        .select(&select("thead th"))
        .map(|th| th.text().collect())
        .collect();
    assert!(
        headers
            .iter()
            .any(|h| h.contains("globex, \"orders\" <script>alert(1)</script>"))
    );
    assert!(
        headers
            .iter()
            .any(|h| h.contains("Globex <script>alert('x')</script> | \"Orders\" Inc."))
    );
    for a in page.select(&select("a")) {
        assert!(
            a.value().attr("href").unwrap().starts_with("./"),
            "links stay relative"
        );
    }
}
