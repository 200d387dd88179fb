//! `evidencelint controls`: lists programs, controls and items with scope and applicability.

use std::fmt::Write;
use std::process::ExitCode;

use super::args::ControlsArgs;
use crate::checks::suggest::closest;
use crate::packs::{Catalog, Pack, Scope};

/// Runs `controls`.
pub fn run(args: &ControlsArgs) -> ExitCode {
    let catalog = Catalog::builtin();
    match list(&catalog, args.program.as_deref()) {
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

/// The listing of one program or all.
pub fn list(catalog: &Catalog, program: Option<&str>) -> Result<String, String> {
    let packs: Vec<&Pack> = match program {
        Some(id) => match catalog.program(id) {
            Some(p) => vec![p],
            None => {
                let ids: Vec<&str> = catalog.program_ids().collect();
                let hint = closest(id, ids.iter().copied())
                    .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
                return Err(format!(
                    "unknown program `{id}`{hint} (programs: {})",
                    ids.join(", ")
                ));
            }
        },
        None => catalog.packs.iter().collect(),
    };
    let mut out = String::new();
    for pack in packs {
        write_pack(&mut out, pack);
    }
    Ok(out)
}

fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::EachCaseStudy => "each case study",
        Scope::AtLeastOneCaseStudy => "at least one case study",
        Scope::Practice => "practice",
        Scope::Repository => "repository",
    }
}

fn write_pack(out: &mut String, pack: &Pack) {
    let v = &pack.validity;
    let _ = writeln!(out, "{} — {} ({})", pack.program, pack.title, pack.version);
    let until = v
        .usable_until
        .map_or(String::new(), |d| format!(", usable until {d}"));
    let _ = writeln!(out, "  released {}{until}", v.released);
    for control in &pack.controls {
        let mut tags = vec![scope_name(control.scope).to_string()];
        if !control.applies_when.is_empty() {
            tags.push(format!("when {}", control.applies_when.describe()));
        }
        if control.wafr_waivable {
            tags.push("WAFR-waivable".into());
        }
        let _ = writeln!(
            out,
            "\n  {:<11} {}  [{}]",
            control.id,
            control.title,
            tags.join("; ")
        );
        for item in &control.items {
            let mut tags = Vec::new();
            if item.scope != control.scope {
                tags.push(scope_name(item.scope).to_string());
            }
            if !item.applies_when.is_empty() {
                tags.push(format!("when {}", item.applies_when.describe()));
            }
            if item.severity == crate::diagnostic::Severity::Warning {
                tags.push("warning".into());
            }
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", tags.join("; "))
            };
            let _ = writeln!(out, "    {:<40} {}{tags}", item.code, item.what);
        }
    }
    out.push('\n');
}
