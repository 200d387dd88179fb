//! `evidencelint explain CODE`: what a code, control or item means, an example, and the fix.

use std::fmt::Write;
use std::process::ExitCode;

use super::args::ExplainArgs;
use crate::checks::suggest::closest;
use crate::packs::{Catalog, Control, Item, Pack, Scope};
use crate::registry;

/// Runs `explain`.
pub fn run(args: &ExplainArgs) -> ExitCode {
    let catalog = Catalog::builtin();
    match explain(&args.code, &catalog) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The explanation text of a code, control or item.
pub fn explain(code: &str, catalog: &Catalog) -> Result<String, String> {
    if let Some(info) = registry::all_codes().into_iter().find(|c| c.code == code) {
        return Ok(format!(
            "{} ({})\n\n{}\n\nDefault severity: {}.\n",
            info.code, info.summary, info.explanation, info.severity
        ));
    }
    let (control_id, item_id) = match code.split_once('/') {
        Some((c, i)) => (c, Some(i)),
        None => (code, None),
    };
    if let Some((pack, control)) = catalog.control(control_id) {
        return match item_id {
            None => Ok(explain_control(pack, control)),
            Some(id) => match control.items.iter().find(|i| i.id == id) {
                Some(item) => Ok(explain_item(control, item)),
                None => {
                    let ids: Vec<&str> = control.items.iter().map(|i| i.id.as_str()).collect();
                    let hint = closest(id, ids.iter().copied()).map_or(String::new(), |s| {
                        format!("; did you mean `{control_id}/{s}`?")
                    });
                    Err(format!(
                        "`{control_id}` has no item `{id}`{hint} (items: {})",
                        ids.join(", ")
                    ))
                }
            },
        };
    }
    let mut names: Vec<String> = registry::all_codes()
        .iter()
        .map(|c| c.code.to_string())
        .collect();
    names.extend(catalog.control_ids().map(str::to_string));
    let hint = closest(code, names.iter().map(String::as_str))
        .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
    Err(format!("unknown code or control `{code}`{hint}"))
}

/// Which documents must claim a control's items.
pub fn scope_text(scope: Scope, control: &str) -> String {
    match scope {
        Scope::EachCaseStudy => format!(
            "every case study: its case study file or a `kind: evidence` document of it listing {control} in `controls:`"
        ),
        Scope::AtLeastOneCaseStudy => {
            format!("at least one case study: a document of it listing {control} in `controls:`")
        }
        Scope::Practice => format!("a `kind: practice` document listing {control} in `controls:`"),
        Scope::Repository => "the repository as a whole (checked from front matter)".to_string(),
    }
}

fn explain_control(pack: &Pack, control: &Control) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", control.id, control.title);
    let _ = writeln!(
        out,
        "Program: {} ({}, {})",
        pack.program, pack.title, pack.version
    );
    if !control.applies_when.is_empty() {
        let _ = writeln!(out, "Applies when: {}", control.applies_when.describe());
    }
    if control.wafr_waivable {
        let _ = writeln!(
            out,
            "Waived for a case study by a WAFR export with zero high-risk issues."
        );
    }
    let _ = writeln!(out, "\nChecklist text:\n");
    for line in control.text.trim().lines() {
        let _ = writeln!(out, "    {line}");
    }
    if control.items.is_empty() {
        let _ = writeln!(
            out,
            "\nThis control is checked from front matter (see the case-study/* codes)."
        );
    } else {
        let _ = writeln!(out, "\nEvidence items:");
    }
    for item in &control.items {
        let _ = writeln!(out, "\n  {} — {}", item.code, item.what);
        let _ = writeln!(out, "    where: {}", scope_text(item.scope, &control.id));
        if !item.applies_when.is_empty() {
            let _ = writeln!(out, "    applies when: {}", item.applies_when.describe());
        }
        let _ = writeln!(out, "    what to write: {}", item.help.trim());
        let _ = writeln!(out, "    example: \"{}\"", item.example.trim());
    }
    out
}

fn explain_item(control: &Control, item: &Item) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", item.code, item.what);
    let _ = writeln!(out, "Part of {} ({}).", control.id, control.title);
    let _ = writeln!(out, "\nWhere: {}.", scope_text(item.scope, &control.id));
    let applies = if item.applies_when.is_empty() {
        control.applies_when.describe()
    } else {
        item.applies_when.describe()
    };
    if !applies.is_empty() {
        let _ = writeln!(out, "Applies when: {applies}.");
    }
    let _ = writeln!(out, "Severity when missing: {}.", item.severity);
    let _ = writeln!(out, "\nWhat to write: {}", item.help.trim());
    let _ = writeln!(out, "\nExample: \"{}\"", item.example.trim());
    let _ = writeln!(
        out,
        "\nPlaceholders (TBD, TODO, N/A, <fill in>, …) and text in code blocks or HTML comments are not evidence."
    );
    out
}
