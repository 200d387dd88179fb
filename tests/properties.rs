//! Properties over generated repositories (proptest): Markdown documents with and without
//! front matter (valid, invalid and odd YAML), multi-byte text (accents, CJK, emoji with
//! joiners, combining marks), `\n`, `\r\n` and lone `\r` line endings mixed within a file, and
//! an optional BOM.
//!
//! * Every finding's byte span lies inside its file, on character boundaries, and its line
//!   and column (internal and in the JSON output) are what an independent count over the
//!   text gives.
//! * The binary's output is byte-identical with `--threads 1` and `--threads 2`.
//!
//! Case counts are small so that `cargo test` stays quick in debug builds; raise them with
//! `PROPTEST_CASES=1000 cargo test --release --test properties`.

mod harness;

use std::path::Path;
use std::sync::LazyLock;

use evidencelint::config::Config;
use evidencelint::diagnostic::{Diagnostic, LineCol};
use evidencelint::discover::read::decode;
use evidencelint::evaluate::{lexicon, recognize::Lexicon};
use evidencelint::filter::{self, FilterInput};
use evidencelint::lint::{LintInput, lint};
use evidencelint::output::{Summary, json};
use evidencelint::packs::Catalog;
use evidencelint::registry::known_codes;
use harness::{AS_OF, run_in};
use jiff::civil::Date;
use proptest::prelude::*;

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::builtin);
static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| lexicon::compile(&CATALOG).expect("built-in packs compile"));

/// A few words of text, mixing ASCII with multi-byte characters.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("RTO".to_string()),
            Just("RPO is 15 minutes".to_string()),
            Just("Multi-AZ".to_string()),
            Just("TBD".to_string()),
            Just("café".to_string()),
            Just("naïve\u{301}".to_string()),
            Just("日本語のテキスト".to_string()),
            Just("👩\u{200d}👩\u{200d}👧".to_string()),
            Just("🚀".to_string()),
            Just("Ω≈ç√".to_string()),
            Just("\u{a0}".to_string()),
            Just("\t".to_string()),
            Just("*emph*".to_string()),
            Just("`code é`".to_string()),
            Just("AKIAJFHHJKEG4L2ANRUF".to_string()),
            Just("123456789012".to_string()),
            "[a-zA-Zéü0-9 ]{1,8}",
        ],
        1..6,
    )
    .prop_map(|w| w.join(" "))
}

/// One line of a Markdown body.
fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        words().prop_map(|w| format!("# {w}")),
        words().prop_map(|w| format!("## {w} <a name=\"ä-{}\"></a>", w.len())),
        words(),
        words().prop_map(|w| format!("See [{w}](other.md#{w}) and [x](#{w}).")),
        words().prop_map(|w| format!("![{w}](diagrams/{w}.svg)")),
        words().prop_map(|w| format!("| {w} | 99.95% |")),
        Just("|---|---|".to_string()),
        Just("```".to_string()),
        words().prop_map(|w| format!("```<a name=\"{w}\"></a>")),
        words().prop_map(|w| format!("- [ ] {w}")),
        words().prop_map(|w| format!("Term {w}\n: The RTO is one hour, é.")),
        words().prop_map(|w| format!("<!-- evidencelint-disable-next-line link/broken -- {w} -->")),
        Just("<!-- evidencelint-disable RDS-009 -->".to_string()),
        words().prop_map(|w| format!("postgres://app:{w}Xy9@db.example.com/x")),
        Just(String::new()),
    ]
}

/// One line of front matter (some valid, some not).
fn front_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("kind: case-study".to_string()),
        Just("kind: evidence".to_string()),
        Just("kind: practice".to_string()),
        words().prop_map(|w| format!("customer: {w}")),
        Just("engine: rds-postgresql".to_string()),
        Just("status: production".to_string()),
        Just("start: 2025-01-06".to_string()),
        Just("end: 2025-13-45".to_string()),
        Just("controls: [RDS-009, RDS-0099, ACCT-001]".to_string()),
        Just("programs: [rds-sd-2025-08]".to_string()),
        Just("case-study: ünïcode".to_string()),
        words().prop_map(|w| format!("contorls: {w}")),
        words().prop_map(|w| format!("visibility: [{w}")),
        Just("a: &x [1, 2]\nb: *x".to_string()),
        Just("\tbad: tab".to_string()),
    ]
}

/// A whole file: optional BOM, optional front matter, body; line endings mixed per line.
fn document() -> impl Strategy<Value = Vec<u8>> {
    (
        any::<bool>(),
        prop::option::of(prop::collection::vec(front_line(), 0..6)),
        prop::collection::vec(body_line(), 0..10),
        prop::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r")], 1..4),
    )
        .prop_map(|(bom, front, body, endings)| {
            let mut lines = Vec::new();
            if let Some(front) = front {
                lines.push("---".to_string());
                lines.extend(front);
                lines.push("---".to_string());
            }
            lines.extend(body);
            let mut text = String::new();
            for (i, line) in lines.iter().enumerate() {
                text.push_str(line);
                text.push_str(endings[i % endings.len()]);
            }
            let mut bytes = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            bytes.extend(text.into_bytes());
            bytes
        })
}

/// A small repository: a case study folder and practice pages.
fn repository() -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    prop::collection::vec(document(), 1..5).prop_map(|docs| {
        let names = [
            "case-studies/ünï/case-study.md",
            "case-studies/ünï/other.md",
            "practice/sop é.md",
            "other.md",
            "case-studies/b/dr-plan.md",
        ];
        names
            .iter()
            .zip(docs)
            .map(|(n, d)| (n.to_string(), d))
            .collect()
    })
}

fn write_repo(root: &Path, files: &[(String, Vec<u8>)]) {
    for (rel, bytes) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// Line and column of a byte offset, counted independently of the crate: lines end at `\n`,
/// `\r\n` or a lone `\r`; columns count characters from 1.
fn expected_line_col(text: &str, offset: usize) -> LineCol {
    let before = &text[..offset];
    let mut line = 1;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = b == b'\n' || (b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'));
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    LineCol {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Lints `root` through the library (lint, then the filter stage, which adds its own
/// findings), as `check` does.
fn lint_repo(root: &Path, config: &Config) -> Vec<Diagnostic> {
    let as_of: Date = AS_OF.parse().unwrap();
    let outcome = lint(&LintInput {
        root,
        config,
        catalog: &CATALOG,
        lexicon: (&*LEXICON).into(),
        programs: &[],
        as_of,
    });
    let codes = known_codes(&CATALOG);
    let controls: Vec<&str> = CATALOG.control_ids().collect();
    let input = FilterInput {
        keep_suppressed: true,
        ..FilterInput::new(&outcome.repo, config, as_of, &codes, &controls)
    };
    filter::apply(&input, outcome.diagnostics).diagnostics
}

fn check_spans(root: &Path, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    let json: serde_json::Value =
        serde_json::from_str(&json::render(diagnostics, &Summary::new(diagnostics, 0))).unwrap();
    let dtos = json["diagnostics"].as_array().unwrap();
    prop_assert_eq!(dtos.len(), diagnostics.len());
    for (diag, dto) in diagnostics.iter().zip(dtos) {
        let Some(loc) = &diag.location else { continue };
        let bytes = std::fs::read(root.join(&loc.path)).unwrap();
        let Ok(text) = decode(&loc.path, bytes) else {
            continue;
        };
        let span = &loc.span;
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{} span {:?} outside the file ({} bytes)",
            diag.code,
            span,
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{} span {:?} splits a character",
            diag.code,
            span
        );
        let start = expected_line_col(&text, span.start);
        let end = expected_line_col(&text, span.end);
        prop_assert_eq!(loc.start, start, "{} start of {:?}", &diag.code, span);
        prop_assert_eq!(loc.end, end, "{} end of {:?}", &diag.code, span);
        prop_assert_eq!(&dto["line"], &serde_json::json!(start.line));
        prop_assert_eq!(&dto["column"], &serde_json::json!(start.column));
        prop_assert_eq!(&dto["end_line"], &serde_json::json!(end.line));
        prop_assert_eq!(&dto["end_column"], &serde_json::json!(end.column));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Every span is inside its file, on character boundaries, with the right line/column.
    #[test]
    fn spans_lie_within_their_file(files in repository()) {
        let dir = tempfile::tempdir().unwrap();
        write_repo(dir.path(), &files);
        let diagnostics = lint_repo(dir.path(), &Config::default());
        check_spans(dir.path(), &diagnostics)?;
    }

    /// The same, with the RDS program in force (evidence items, prerequisites, diagrams).
    #[test]
    fn spans_lie_within_their_file_with_a_program(files in repository()) {
        let dir = tempfile::tempdir().unwrap();
        write_repo(dir.path(), &files);
        std::fs::write(
            dir.path().join("evidencelint.yaml"),
            "programs: [rds-sd-2025-08]\n",
        )
        .unwrap();
        let config = evidencelint::config::load(
            &dir.path().join("evidencelint.yaml"),
            "evidencelint.yaml",
        )
        .unwrap();
        let diagnostics = lint_repo(dir.path(), &config);
        check_spans(dir.path(), &diagnostics)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 8,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// `--threads 1` and `--threads 2` print the same bytes (JSON and human), and exit alike.
    #[test]
    fn output_is_identical_with_one_and_two_threads(files in repository()) {
        let dir = tempfile::tempdir().unwrap();
        write_repo(dir.path(), &files);
        std::fs::write(dir.path().join("evidencelint.yaml"), "programs: [rds-sd-2025-08]\n")
            .unwrap();
        for format in ["json", "human"] {
            let runs: Vec<_> = ["1", "2"]
                .iter()
                .map(|threads| {
                    run_in(
                        Some(dir.path()),
                        &[
                            "check", ".", "--color", "never", "--as-of", AS_OF, "--format",
                            format, "--threads", threads,
                        ],
                    )
                })
                .collect();
            prop_assert!(!runs[0].stderr.contains("panicked"), "{}", runs[0].stderr);
            prop_assert!(runs[0].code == 0 || runs[0].code == 1, "{}", runs[0].stderr);
            prop_assert_eq!(runs[0].code, runs[1].code);
            prop_assert_eq!(&runs[0].stdout, &runs[1].stdout, "--format {}", format);
        }
    }
}
