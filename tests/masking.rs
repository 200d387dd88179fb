//! Secrets are masked in every output: `check` in each format (human, JSON, SARIF, GitHub
//! annotations, `--sarif-file`, the job summary, the baseline file) and `report` in each
//! format (human, Markdown, HTML, CSV, JSON, xlsx). The repository is built at run time with an
//! AWS access key, an AWS secret key, a password in a connection string, a private key and a
//! token, in Markdown and in another text file, plus an access key pasted into front matter
//! values that messages quote (an invalid `status:`, the customer name).

mod harness;

use std::path::Path;

use calamine::{Reader, Xlsx, open_workbook};
use harness::{AS_OF, Run, run_in};

const ACCESS_KEY: &str = "AKIAJFHHJKEG4L2ANRUF";
const SECRET_KEY: &str = "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";
const PASSWORD: &str = "WtwliEW9nYpu0s";
const TOKEN: &str = "eURDOzdMtLhzZl0X5r05EBmJyCmMgfc8";
const KEY_LINES: [&str; 3] = [
    "uIZXikejISSaYpt8OxL8XLDbvPFYcHuJC9ej/qeHGpNsog1qpcRha3Pnc72JtYWG",
    "B/I8oSp4iEjImYS9G4GX/PGfIXzAxyZwmBN8+E/cudznkzAepN8xpR7J1lU9Ze1g",
    "tqxl0ki9eBp1xZ2BNtiip/l4JyzlAvfHj5oFc+h+/IxOx6xaOhptzg4KYpm+oe4T",
];

/// The masked forms the messages show (`secrets::mask`: first and last four characters of
/// long values; nothing of a password).
const MASKED: [&str; 5] = ["AKIA…NRUF", "PfaZ…aFnZ", "`****`", "eURD…gfc8", "uIZX…oe4T"];

/// Every raw secret, and a middle fragment of each (a partial leak is a leak too).
fn raw_values() -> Vec<String> {
    let mut values: Vec<String> = [ACCESS_KEY, SECRET_KEY, PASSWORD, TOKEN]
        .iter()
        .flat_map(|s| [s.to_string(), s[4..s.len() - 4].to_string()])
        .collect();
    values.extend(KEY_LINES.iter().map(|l| l[4..l.len() - 4].to_string()));
    values
}

fn assert_no_secret(what: &str, text: &str) {
    for raw in raw_values() {
        assert!(
            !text.contains(&raw),
            "{what} prints the secret `{raw}`:\n{text}"
        );
    }
}

fn assert_masked(what: &str, text: &str, masked: &[&str]) {
    for form in masked {
        assert!(
            text.contains(form),
            "{what} lacks the masked form `{form}`:\n{text}"
        );
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A repository whose only findings are the secrets, so that each format (GitHub annotations
/// stop at 10 per level) shows them all.
fn secrets_repo(root: &Path) {
    write(
        root,
        "notes/access.md",
        &format!(
            "# Access\n\nThe task ran with the access key `{ACCESS_KEY}`.\n\n\
             ```ini\naws_secret_access_key = {SECRET_KEY}\n```\n\n\
             ```properties\nspring.datasource.url=jdbc:postgresql://app:{PASSWORD}@db.cluster-cq3xw7.eu-central-1.rds.amazonaws.com:5432/app\n```\n\n\
             ```text\n-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n```\n",
            KEY_LINES.join("\n")
        ),
    );
    write(
        root,
        "config/monitoring.yaml",
        &format!("datadog:\n  api_key: {TOKEN}\n"),
    );
}

fn run(root: &Path, args: &[&str]) -> Run {
    let out = run_in(Some(root), args);
    assert!(!out.stderr.contains("panicked"), "panic:\n{}", out.stderr);
    assert_no_secret(&format!("stderr of {args:?}"), &out.stderr);
    out
}

#[test]
fn check_masks_secrets_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    secrets_repo(root);
    for format in ["human", "json", "sarif", "github"] {
        let out = run(
            root,
            &[
                "check",
                ".",
                "--color",
                "never",
                "--as-of",
                AS_OF,
                "--format",
                format,
                "--summary",
                "summary.md",
                "--sarif-file",
                "side.sarif",
            ],
        );
        assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
        let what = format!("check --format {format}");
        assert_no_secret(&what, &out.stdout);
        assert_masked(&what, &out.stdout, &MASKED);
        let summary = std::fs::read_to_string(root.join("summary.md")).unwrap();
        assert_no_secret("the job summary", &summary);
        assert_masked("the job summary", &summary, &MASKED);
        let sarif = std::fs::read_to_string(root.join("side.sarif")).unwrap();
        assert_no_secret("--sarif-file", &sarif);
        assert_masked("--sarif-file", &sarif, &MASKED);
        std::fs::remove_file(root.join("summary.md")).unwrap();
    }
    // The human snippet shows the line with the value redacted in place.
    let human = run(root, &["check", ".", "--color", "never", "--as-of", AS_OF]);
    assert!(
        human.stdout.contains("AKIA************NRUF"),
        "{}",
        human.stdout
    );
    // A baseline is committed to the repository: it must not carry the secrets either.
    run(
        root,
        &[
            "check",
            ".",
            "--as-of",
            AS_OF,
            "--write-baseline",
            "base.json",
        ],
    );
    let baseline = std::fs::read_to_string(root.join("base.json")).unwrap();
    assert_no_secret("the baseline", &baseline);
}

/// A case study with an access key pasted into its customer name and into `status:`.
fn front_matter_repo(root: &Path) {
    write(
        root,
        "case-studies/nw/case-study.md",
        &format!(
            "---\nkind: case-study\ncustomer: Northwind {ACCESS_KEY} Ltd.\nengine: rds-postgresql\n\
             status: {ACCESS_KEY}\nstart: 2025-01-06\nend: 2025-09-30\nmanagement: partner-managed\n\
             project: migration\nvisibility: private\nprograms: [rds-sd-2025-08]\n\
             controls: [RDS-001]\n---\n\n# Northwind\n"
        ),
    );
}

#[test]
fn messages_quoting_a_value_mask_the_secret_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    front_matter_repo(root);
    let json = run(root, &["check", ".", "--as-of", AS_OF, "--format", "json"]);
    let invalid = json.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "frontmatter/invalid-value")
        .cloned()
        .unwrap_or_else(|| panic!("no invalid `status:` finding:\n{}", json.stdout));
    assert!(
        invalid["message"].as_str().unwrap().contains("AKIA…NRUF"),
        "{invalid}"
    );
    for format in ["human", "json", "sarif", "github"] {
        let out = run(
            root,
            &[
                "check", ".", "--color", "never", "--as-of", AS_OF, "--format", format,
            ],
        );
        assert_no_secret(&format!("check --format {format}"), &out.stdout);
    }
}

#[test]
fn report_masks_secrets_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    front_matter_repo(root);
    secrets_repo(root);
    for format in ["human", "markdown", "html", "csv", "json"] {
        let out = run(
            root,
            &[
                "report", ".", "--color", "never", "--as-of", AS_OF, "--format", format,
            ],
        );
        assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
        let what = format!("report --format {format}");
        assert_no_secret(&what, &out.stdout);
        // Formats that name the customer show the masked name.
        if format != "csv" && format != "json" {
            assert_masked(&what, &out.stdout, &["Northwind AKIA…NRUF Ltd."]);
        }
    }
    let out = run(
        root,
        &[
            "report", ".", "--as-of", AS_OF, "--format", "xlsx", "--output", "r.xlsx",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut book: Xlsx<_> = open_workbook(root.join("r.xlsx")).unwrap();
    let mut cells = String::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for row in range.rows() {
            for cell in row {
                cells.push_str(&cell.to_string());
                cells.push('\n');
            }
        }
    }
    assert_no_secret("report --format xlsx", &cells);
    assert_masked(
        "report --format xlsx",
        &cells,
        &["Northwind AKIA…NRUF Ltd."],
    );
}
