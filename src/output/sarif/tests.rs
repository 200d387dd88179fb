//! Structure of the SARIF log: rules for every result, indices, URIs, fingerprints.

use serde_json::Value;

use super::*;
use crate::diagnostic::{LineCol, Location};
use crate::output::paths::PathStyle;

fn at(path: &str, line: usize) -> Location {
    Location {
        path: path.into(),
        span: 0..1,
        start: LineCol { line, column: 2 },
        end: LineCol { line, column: 7 },
    }
}

fn diagnostics(line: usize) -> Vec<Diagnostic> {
    vec![
        Diagnostic::error("link/broken", "link to `gone.md`: no such file")
            .at(at("./case studies/a b/odd, 50%.md", line))
            .help("fix the link"),
        Diagnostic::error("RDS-009/rto", "case study `acme` states no RTO")
            .at(at("cs/acme.md", 3))
            .control("RDS-009")
            .case_study("acme"),
        Diagnostic::error("RDS-004", "control-only finding").control("RDS-004"),
        Diagnostic::warning(
            "program/superseded",
            "program `x` was valid until 2025-01-01",
        ),
    ]
}

fn render_json(diags: &[Diagnostic], fallback: Option<&str>) -> Value {
    let catalog = Catalog::default();
    let paths = PathStyle::default();
    let text = render(
        diags,
        &SarifContext {
            catalog: &catalog,
            fallback_path: fallback,
            paths: &paths,
        },
    );
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn every_result_has_its_rule_at_its_index() {
    let log = render_json(&diagnostics(5), None);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "rules sorted and unique");
    for id in crate::registry::all_codes().iter().map(|c| c.code) {
        assert!(ids.contains(&id), "registry code {id} has a rule");
    }
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    for rule in rules {
        for key in [
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(rule.get(key).is_some(), "rule {} has {key}", rule["id"]);
        }
    }
}

#[test]
fn uris_are_relative_encoded_and_based() {
    let log = render_json(&diagnostics(5), Some("evidencelint.yaml"));
    let results = log["runs"][0]["results"].as_array().unwrap();
    let artifact = &results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "case%20studies/a%20b/odd,%2050%25.md");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    for result in results {
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            !uri.starts_with("./") && !uri.starts_with('/') && !uri.starts_with("file:"),
            "{uri}"
        );
    }
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 2);
    assert_eq!(region["endColumn"], 7);
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn repository_wide_findings_sit_on_the_fallback_file() {
    let log = render_json(&diagnostics(5), Some("README.md"));
    let result = &log["runs"][0]["results"][2];
    assert_eq!(result["ruleId"], "RDS-004");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "README.md"
    );
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    let bare = render_json(&diagnostics(5), None);
    assert!(bare["runs"][0]["results"][2].get("locations").is_none());
}

#[test]
fn fingerprints_survive_a_line_move() {
    let before = render_json(&diagnostics(5), None);
    let after = render_json(&diagnostics(40), None);
    let prints = |log: &Value| -> Vec<Value> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"].clone())
            .collect()
    };
    assert_eq!(prints(&before), prints(&after));
    let all = prints(&before);
    let mut unique = all.clone();
    unique.dedup();
    assert_eq!(all.len(), unique.len());
}

#[test]
fn identical_findings_get_distinct_fingerprints() {
    let diags = vec![
        Diagnostic::error("link/broken", "same").at(at("a.md", 1)),
        Diagnostic::error("link/broken", "same").at(at("a.md", 9)),
    ];
    let log = render_json(&diags, None);
    let a = &log["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY];
    let b = &log["runs"][0]["results"][1]["partialFingerprints"][FINGERPRINT_KEY];
    assert_ne!(a, b);
    assert!(a.as_str().unwrap().ends_with(":1") && b.as_str().unwrap().ends_with(":2"));
}

#[test]
fn levels_and_messages() {
    let log = render_json(&diagnostics(5), None);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results[0]["level"], "error");
    assert_eq!(results[3]["level"], "warning");
    assert_eq!(
        results[0]["message"]["text"],
        "link to `gone.md`: no such file\nhelp: fix the link"
    );
    assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "evidencelint");
    assert_eq!(log["version"], "2.1.0");
}

#[test]
fn output_is_deterministic() {
    let catalog = Catalog::default();
    let paths = PathStyle::default();
    let ctx = SarifContext {
        catalog: &catalog,
        fallback_path: None,
        paths: &paths,
    };
    assert_eq!(render(&diagnostics(5), &ctx), render(&diagnostics(5), &ctx));
}

#[test]
fn rule_names_are_identifiers() {
    assert_eq!(rule_name("RDS-009/rto"), "Rds009Rto");
    assert_eq!(rule_name("link/broken"), "LinkBroken");
    assert_eq!(rule_name(""), "Finding");
}

const PACK: &str = r#"
program: test-sd-2026
title: Test checklist
version: "1"
validity:
  released: "2026-01-01"
case-studies:
  control: PRE-1
  engines: [rds-postgresql]
  statuses: [production]
  recency: { field: end, months: 18, control: PRE-1 }
  affiliate-allowed: true
  one-per-customer: true
  per-engine: { control: PRE-1, minimum: 1 }
controls:
  - id: PRE-1
    title: Case studies
    text: Two case studies.
    scope: each-case-study
  - id: TST-009
    title: Recovery objectives
    text: State RTO and RPO.
    scope: each-case-study
    items:
      - id: rto
        what: the Recovery Time Objective
        severity: warning
        help: state the RTO as a duration
        example: The RTO is one hour.
        recognize: { fact: { names: [RTO], value: duration } }
"#;

fn catalog_with_pack() -> Catalog {
    let mut catalog = Catalog::default();
    let source = crate::source::SourceText::new("rules/test.yaml".to_string(), PACK.to_string());
    catalog.add(&source, "test").expect("test pack loads");
    catalog
}

#[test]
fn pack_controls_and_items_become_rules() {
    let catalog = catalog_with_pack();
    let paths = PathStyle::default();
    let diags = vec![
        Diagnostic::warning("TST-009/rto", "no RTO")
            .at(at("cs.md", 2))
            .control("TST-009"),
        Diagnostic::error("PRE-1", "too few").control("PRE-1"),
        Diagnostic::error("TST-009/unknown-item", "an item no pack defines"),
    ];
    let text = render(
        &diags,
        &SarifContext {
            catalog: &catalog,
            fallback_path: None,
            paths: &paths,
        },
    );
    let log: Value = serde_json::from_str(&text).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("rule {id}"))
    };
    let item = rule("TST-009/rto");
    assert_eq!(item["defaultConfiguration"]["level"], "warning");
    assert_eq!(
        item["shortDescription"]["text"],
        "TST-009: the Recovery Time Objective (Recovery objectives)"
    );
    assert!(
        item["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("TST-009/rto — the Recovery Time Objective")
    );
    assert!(
        item["help"]["text"]
            .as_str()
            .unwrap()
            .contains("state the RTO as a duration")
    );
    let control = rule("TST-009");
    assert!(
        control["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("State RTO and RPO.")
    );
    rule("PRE-1");
    assert_eq!(
        rule("TST-009/unknown-item")["shortDescription"]["text"],
        "evidence item `unknown-item` of control TST-009"
    );
    for result in log["runs"][0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}
