//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning.
//!
//! One run; `tool.driver.rules` holds every registry code and every control and evidence item
//! of the loaded packs (plus a generic rule for any other code a result uses), sorted by id, so
//! every `ruleId` resolves and `ruleIndex` points at it. URIs are repository-relative,
//! percent-encoded and based on `%SRCROOT%`; repository-wide findings are placed on line 1 of
//! the config file or the README so that code scanning still shows them.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::paths::{PathStyle, percent_encode_path};
use crate::diagnostic::{Diagnostic, Severity};
use crate::packs::Catalog;

/// The SARIF schema URI written into the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of the stable fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "evidencelint/v1";

/// What the SARIF renderer needs besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct SarifContext<'a> {
    /// Rules of the loaded packs.
    pub catalog: &'a Catalog,
    /// Where repository-wide findings are shown (a repository-relative file), if anywhere.
    pub fallback_path: Option<&'a str>,
    /// How paths are written (prefix when the evidence root is a sub-folder of the checkout).
    pub paths: &'a PathStyle,
}

/// Picks the file that repository-wide findings are shown on: `evidencelint.yaml`, else
/// `README.md`, when it is among the repository's files.
pub fn fallback_path(files: &BTreeSet<String>) -> Option<&'static str> {
    [crate::config::FILE_NAME, "README.md"]
        .into_iter()
        .find(|f| files.contains(*f))
}

/// One rule of `tool.driver.rules`.
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    short: String,
    full: String,
    help_text: String,
    help_markdown: String,
    level: Severity,
}

/// Renders the SARIF log (pretty JSON, trailing newline).
pub fn render(diagnostics: &[Diagnostic], ctx: &SarifContext<'_>) -> String {
    let mut rules = base_rules(ctx.catalog);
    for diag in diagnostics {
        if !rules.contains_key(&diag.code) {
            rules.insert(diag.code.clone(), generic_rule(&diag.code, diag.severity));
        }
    }
    let index: BTreeMap<&str, usize> = rules
        .keys()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|diag| {
            let base = fingerprint(diag);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            result(diag, index[diag.code.as_str()], &format!("{base}:{n}"), ctx)
        })
        .collect();
    let rules: Vec<Value> = rules.iter().map(|(id, rule)| rule_json(id, rule)).collect();
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "evidencelint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rules,
            }},
            "originalUriBaseIds": { "%SRCROOT%": {
                "description": { "text": "The root of the checked-out repository." }
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serializes");
    text.push('\n');
    text
}

/// Every rule known before looking at the findings: registry codes, controls and items.
fn base_rules(catalog: &Catalog) -> BTreeMap<String, Rule> {
    let mut rules = BTreeMap::new();
    for info in crate::registry::all_codes() {
        let full = format!(
            "{}\n\nDefault severity: {}.",
            info.explanation.trim(),
            info.severity
        );
        rules.insert(
            info.code.to_string(),
            Rule {
                short: info.summary.to_string(),
                help_text: full.clone(),
                help_markdown: format!(
                    "**{}** — {}\n\n{}",
                    info.code,
                    info.summary,
                    info.explanation.trim()
                ),
                full,
                level: info.severity,
            },
        );
    }
    for pack in &catalog.packs {
        for control in &pack.controls {
            let explain = crate::cli::explain::explain(&control.id, catalog)
                .unwrap_or_else(|_| control.text.clone());
            let level = control
                .items
                .iter()
                .map(|i| i.severity)
                .max()
                .unwrap_or(Severity::Error);
            rules.entry(control.id.clone()).or_insert_with(|| Rule {
                short: format!("{} ({}): {}", control.id, pack.program, control.title),
                full: explain.trim().to_string(),
                help_text: explain.trim().to_string(),
                help_markdown: format!(
                    "**{}** — {}\n\n```text\n{}\n```",
                    control.id,
                    control.title,
                    explain.trim()
                ),
                level,
            });
            for item in &control.items {
                let explain = crate::cli::explain::explain(&item.code, catalog)
                    .unwrap_or_else(|_| item.help.clone());
                rules.entry(item.code.clone()).or_insert_with(|| Rule {
                    short: format!("{}: {} ({})", control.id, item.what, control.title),
                    full: explain.trim().to_string(),
                    help_text: format!(
                        "What to write: {}\n\nExample: \"{}\"",
                        item.help.trim(),
                        item.example.trim()
                    ),
                    help_markdown: format!(
                        "**{}** — {}\n\nWhat to write: {}\n\nExample:\n\n> {}",
                        item.code,
                        item.what,
                        item.help.trim(),
                        item.example.trim()
                    ),
                    level: item.severity,
                });
            }
        }
    }
    rules
}

/// A rule for a code neither the registry nor the packs describe (e.g. an item of a control
/// that is not loaded).
fn generic_rule(code: &str, level: Severity) -> Rule {
    let short = match code.split_once('/') {
        Some((control, item))
            if control
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase()) =>
        {
            format!("evidence item `{item}` of control {control}")
        }
        _ if code.is_empty() => "finding without a code".to_string(),
        _ => format!("finding `{code}`"),
    };
    let full = format!("{short}. Run `evidencelint explain {code}` for details.");
    Rule {
        help_markdown: full.clone(),
        help_text: full.clone(),
        full,
        short,
        level,
    }
}

/// `RDS-009/rto` → `Rds009Rto`, `link/broken` → `LinkBroken`.
fn rule_name(id: &str) -> String {
    let mut name = String::new();
    for part in id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if name.is_empty() {
        "Finding".to_string()
    } else {
        name
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn rule_json(id: &str, rule: &Rule) -> Value {
    json!({
        "id": id,
        "name": rule_name(id),
        "shortDescription": { "text": rule.short },
        "fullDescription": { "text": rule.full },
        "help": { "text": rule.help_text, "markdown": rule.help_markdown },
        "defaultConfiguration": { "level": level(rule.level) },
    })
}

/// The message: the one-line message, then `note:` and `help:` lines.
fn message_text(diag: &Diagnostic) -> String {
    let mut text = diag.message.clone();
    for note in &diag.notes {
        text.push_str("\nnote: ");
        text.push_str(note);
    }
    for help in &diag.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}

fn result(
    diag: &Diagnostic,
    rule_index: usize,
    fingerprint: &str,
    ctx: &SarifContext<'_>,
) -> Value {
    let mut result = json!({
        "ruleId": diag.code,
        "ruleIndex": rule_index,
        "level": level(diag.severity),
        "message": { "text": message_text(diag) },
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
    });
    let location = match &diag.location {
        Some(loc) => {
            let start_line = loc.start.line.max(1);
            let start_column = loc.start.column.max(1);
            let end_line = loc.end.line.max(start_line);
            let end_column = if end_line == start_line {
                loc.end.column.max(start_column)
            } else {
                loc.end.column.max(1)
            };
            Some(physical(
                &loc.path,
                json!({ "startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column }),
                ctx,
            ))
        }
        None => ctx
            .fallback_path
            .map(|path| physical(path, json!({ "startLine": 1 }), ctx)),
    };
    if let Some(location) = location {
        result["locations"] = json!([location]);
    }
    let mut properties = serde_json::Map::new();
    if let Some(control) = &diag.control {
        properties.insert("control".into(), json!(control));
    }
    if let Some(case_study) = &diag.case_study {
        properties.insert("caseStudy".into(), json!(case_study));
    }
    if diag.location.is_none() {
        properties.insert("repositoryWide".into(), json!(true));
    }
    if !properties.is_empty() {
        result["properties"] = Value::Object(properties);
    }
    result
}

fn physical(path: &str, region: Value, ctx: &SarifContext<'_>) -> Value {
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": percent_encode_path(&ctx.paths.display(path)), "uriBaseId": "%SRCROOT%" },
        "region": region,
    }})
}

/// FNV-1a 64 of code, path, control, case study and message (never lines), as 16 hex digits.
pub fn fingerprint(diag: &Diagnostic) -> String {
    let path = diag.location.as_ref().map_or("", |l| l.path.as_str());
    let fields = [
        diag.code.as_str(),
        path,
        diag.control.as_deref().unwrap_or(""),
        diag.case_study.as_deref().unwrap_or(""),
        diag.message.as_str(),
    ];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for field in fields {
        for byte in field.bytes().chain(std::iter::once(0u8)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests;
