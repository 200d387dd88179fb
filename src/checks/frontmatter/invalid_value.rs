//! `frontmatter/invalid-value`: a value outside the key's allowed values or of the wrong type.

use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::schema::{ValueType, WAFR_PILLARS, key_spec};
use crate::model::values::DocKind;
use crate::parse::ParsedFile;
use crate::parse::yaml::{Located, Node};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/invalid-value",
    severity: Severity::Error,
    summary: "a front matter value is not one of the allowed values",
    explanation: "\
A front matter key has a value evidencelint cannot use: an engine, kind, status, management,
project or visibility that is not in the allowed list, a list where a single value is expected
(or the reverse), `affiliate:` that is not `true` or `false`, or WAFR high-risk-issue counts that
are not whole numbers. A document with an invalid `kind:` maps to no control.

Example that triggers it:

    ---
    kind: case-study
    engine: postgres
    ---

Fix: use one of the allowed values listed in the help line (here `engine: rds-postgresql` or
`engine: aurora-postgresql`).",
};

/// Reports invalid values of known keys; `kind` is the document's valid kind, if any.
pub fn check(
    file: &ParsedFile,
    kind: Option<DocKind>,
    programs: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let Some(entries) = file.front_entries() else {
        return;
    };
    for (key, value) in entries {
        let spec = match kind {
            Some(kind) => key_spec(kind, &key.value),
            None if key.value == "kind" => key_spec(DocKind::Evidence, "kind"),
            None => None,
        };
        let Some(spec) = spec else { continue };
        match spec.value {
            ValueType::OneOf(allowed) => one_of(file, &key.value, value, allowed, out),
            ValueType::Bool => {
                if !matches!(value.value, Node::Bool(_)) {
                    let key = &key.value;
                    out.push(
                        invalid(file, key, value, "`true` or `false`")
                            .help(format!("write `{key}: true` or `{key}: false`")),
                    );
                }
            }
            ValueType::Text | ValueType::CaseStudyRef => {
                if value
                    .value
                    .as_scalar_text()
                    .is_none_or(|t| t.trim().is_empty())
                {
                    out.push(invalid(file, &key.value, value, "a non-empty text value"));
                }
            }
            ValueType::Controls => list_of_text(file, &key.value, value, out),
            ValueType::Programs => {
                list_of_text(file, &key.value, value, out);
                unknown_programs(file, value, programs, out);
            }
            ValueType::HighRiskIssues => high_risk_issues(file, value, out),
            ValueType::Date => {}
        }
    }
}

fn invalid(file: &ParsedFile, key: &str, value: &Located<Node>, expected: &str) -> Diagnostic {
    Diagnostic::error(
        INFO.code,
        format!(
            "`{key}:` must be {expected}, not {}",
            value.value.type_name()
        ),
    )
    .at(file.node_location(value))
    .label(format!("expected {expected}"))
}

fn one_of(
    file: &ParsedFile,
    key: &str,
    value: &Located<Node>,
    allowed: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let text = value.value.as_scalar_text();
    if text.as_deref().is_some_and(|t| allowed.contains(&t)) {
        return;
    }
    let shown = text
        .clone()
        .unwrap_or_else(|| value.value.type_name().to_string());
    let mut diag = Diagnostic::error(INFO.code, format!("`{shown}` is not a valid `{key}:`"))
        .at(file.node_location(value));
    match text
        .as_deref()
        .and_then(|t| closest(t, allowed.iter().copied()))
    {
        Some(s) => {
            diag = diag
                .label(format!("did you mean `{s}`?"))
                .help(format!("write `{key}: {s}`"))
        }
        None => {
            diag = diag.label("not an allowed value");
            // `engine: postgres` → `rds-postgresql` or `aurora-postgresql`.
            let partial = text
                .as_deref()
                .map(|t| t.trim().to_ascii_lowercase())
                .filter(|t| t.len() >= 3);
            let matches: Vec<String> = allowed
                .iter()
                .filter(|a| partial.as_deref().is_some_and(|t| a.contains(t)))
                .map(|a| format!("`{key}: {a}`"))
                .collect();
            if !matches.is_empty() {
                diag = diag.help(format!("write {}", matches.join(" or ")));
            }
        }
    }
    out.push(diag.note(format!("allowed values: {}", allowed.join(", "))));
}

fn list_of_text(file: &ParsedFile, key: &str, value: &Located<Node>, out: &mut Vec<Diagnostic>) {
    match &value.value {
        Node::Seq(items) => {
            for item in items {
                if item.value.as_scalar_text().is_none() {
                    out.push(invalid(file, key, item, "a control or program ID"));
                }
            }
        }
        Node::Str(_) => {}
        _ => out.push(invalid(
            file,
            key,
            value,
            "a list such as `[RDS-001, RDS-009]`",
        )),
    }
}

fn unknown_programs(
    file: &ParsedFile,
    value: &Located<Node>,
    programs: &[&str],
    out: &mut Vec<Diagnostic>,
) {
    let items: Vec<&Located<Node>> = match &value.value {
        Node::Seq(items) => items.iter().collect(),
        _ => vec![value],
    };
    for item in items {
        let Some(text) = item.value.as_scalar_text() else {
            continue;
        };
        if programs.contains(&text.as_str()) {
            continue;
        }
        let mut diag = Diagnostic::error(INFO.code, format!("unknown program `{text}`"))
            .at(file.node_location(item))
            .note(format!("known programs: {}", programs.join(", ")));
        if let Some(s) = closest(&text, programs.iter().copied()) {
            diag = diag.label(format!("did you mean `{s}`?"));
        }
        out.push(diag);
    }
}

fn high_risk_issues(file: &ParsedFile, value: &Located<Node>, out: &mut Vec<Diagnostic>) {
    let Node::Map(entries) = &value.value else {
        out.push(invalid(file, "high-risk-issues", value, "a mapping").help(
            "write `high-risk-issues: { security: 0, reliability: 0, operational-excellence: 0 }`",
        ));
        return;
    };
    for (pillar, count) in entries {
        if !WAFR_PILLARS.contains(&pillar.value.as_str()) {
            let mut diag =
                Diagnostic::error(INFO.code, format!("unknown WAFR pillar `{}`", pillar.value))
                    .at(file.node_location(pillar))
                    .note(format!("pillars: {}", WAFR_PILLARS.join(", ")));
            if let Some(s) = closest(&pillar.value, WAFR_PILLARS.iter().copied()) {
                diag = diag.label(format!("did you mean `{s}`?"));
            }
            out.push(diag);
        } else if !matches!(count.value, Node::Int(n) if n >= 0) {
            out.push(invalid(
                file,
                &pillar.value,
                count,
                "a whole number of high-risk issues",
            ));
        }
    }
}
