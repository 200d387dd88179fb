//! The user-facing contract (CONTRACT.md §1, §5): exit codes, byte-identical output for the
//! same input whatever the thread count, and the JSON shape and order.

mod harness;

use harness::{check, diagnostics, fixture};

/// Fixtures with many findings over several files.
const BUSY: &[&str] = &[
    "frontmatter-invalid-yaml/fail",
    "link-broken/fail",
    "frontmatter-invalid-date/fail",
    "frontmatter-invalid-value/fail",
];

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    for case in BUSY {
        let dir = fixture(case);
        for format in ["human", "json"] {
            let first = check(&dir, format, &[]);
            let again = check(&dir, format, &[]);
            let one = check(&dir, format, &["--threads", "1"]);
            let four = check(&dir, format, &["--threads", "4"]);
            assert_eq!(
                first.stdout, again.stdout,
                "{case} {format}: two runs differ"
            );
            assert_eq!(
                one.stdout, four.stdout,
                "{case} {format}: --threads 1 and 4 differ"
            );
            assert_eq!(
                first.stdout, one.stdout,
                "{case} {format}: default threads differ"
            );
        }
    }
}

#[test]
fn json_has_the_contract_keys() {
    let out = check(&fixture("frontmatter-invalid-yaml/fail"), "json", &[]);
    let json = out.json();
    // Key order as printed (serde_json's `Value` would sort them).
    let text = &out.stdout;
    let at = |key: &str| {
        text.find(&format!("\n  \"{key}\": "))
            .unwrap_or_else(|| panic!("no `{key}`"))
    };
    assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    assert!(
        at("version") < at("diagnostics") && at("diagnostics") < at("summary"),
        "{text}"
    );
    assert_eq!(json.as_object().unwrap().len(), 3);
    assert_eq!(json["version"], 1);
    let summary = &json["summary"];
    assert_eq!(summary["files"], 7);
    assert_eq!(summary["errors"], 7);
    assert_eq!(summary["warnings"], 0);
    let allowed = [
        "code",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "control",
        "case_study",
        "help",
        "notes",
    ];
    for diag in diagnostics(&json) {
        let keys: Vec<&str> = diag
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        for key in &keys {
            assert!(allowed.contains(key), "unexpected key `{key}` in {diag}");
        }
        assert!(["error", "warning", "note"].contains(&diag["severity"].as_str().unwrap()));
        let path = diag["path"].as_str().unwrap();
        assert!(
            !path.starts_with("./") && !path.starts_with('/') && !path.contains('\\'),
            "path `{path}`"
        );
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(diag[key].as_u64().unwrap() >= 1, "{key} is 1-based: {diag}");
        }
    }
}

#[test]
fn json_is_ordered_by_path_line_column_code() {
    for case in BUSY {
        let json = check(&fixture(case), "json", &[]).json();
        let keys: Vec<(String, u64, u64, String)> = diagnostics(&json)
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap_or_default().to_string(),
                    d["line"].as_u64().unwrap_or(0),
                    d["column"].as_u64().unwrap_or(0),
                    d["code"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            keys, sorted,
            "{case}: diagnostics are not in contract order"
        );
    }
}

#[test]
fn column_is_counted_in_characters() {
    // `é` is two bytes: the column of `RDS-0099` after it must count it as one.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("procédure.md"),
        "---\nkind: evidence\ntitle: Procédure\ncontrols: [RDS-0099]\n---\n\n[é](é-manquant.md)\n",
    )
    .unwrap();
    let out = harness::run_in(
        Some(dir.path()),
        &["check", ".", "--format", "json", "--as-of", harness::AS_OF],
    );
    let json = out.json();
    let link = harness::find(&json, "link/broken", "procédure.md");
    assert_eq!(
        (link["line"].as_u64(), link["column"].as_u64()),
        (Some(7), Some(5)),
        "{link}"
    );
    assert_eq!(
        link["end_column"], 18,
        "exclusive end after the 13 characters of the destination"
    );
}

#[test]
fn exit_codes() {
    check(&fixture("link-broken/pass"), "json", &[]).assert_exit(0);
    check(&fixture("link-broken/fail"), "json", &[]).assert_exit(1);
    check(&fixture("config-invalid/fail"), "json", &[]).assert_exit(2);
    // No subcommand is `check`.
    let out = harness::run(&[
        "--color",
        "never",
        "--as-of",
        harness::AS_OF,
        &fixture("link-broken/fail"),
    ]);
    out.assert_exit(1);
    assert_eq!(
        out.stdout,
        check(&fixture("link-broken/fail"), "human", &[]).stdout
    );
}

#[test]
fn quiet_prints_the_summary_only() {
    let out = check(&fixture("link-broken/fail"), "human", &["--quiet"]);
    out.assert_exit(1);
    assert_eq!(out.stdout, "error: 5 errors, 0 warnings in 3 files\n");
}
