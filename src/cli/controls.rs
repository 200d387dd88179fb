//! `evidencelint controls`: lists programs, controls and items with scope and applicability.

use std::fmt::Write;
use std::process::ExitCode;

use super::args::ControlsArgs;
use crate::checks::suggest::closest;
use crate::packs::{Catalog, Pack, Scope};

/// Runs `controls`.
pub fn run(args: &ControlsArgs) -> ExitCode {
    let root = std::path::Path::new(".");
    let catalog = match super::setup::load_config(root, args.config.as_deref())
        .and_then(|config| super::setup::load_catalog(root, &config))
    {
        Ok(catalog) => catalog,
        Err(error) => return super::report_usage_error(&error, super::args::ColorChoice::Auto),
    };
    let result = match &args.diff {
        Some(ids) => diff(&catalog, &ids[0], &ids[1]),
        None => list(&catalog, args.program.as_deref()),
    };
    match result {
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

/// The difference between two programs.
pub fn diff(catalog: &Catalog, old: &str, new: &str) -> Result<String, String> {
    let old = program(catalog, old)?;
    let new = program(catalog, new)?;
    Ok(super::diff::diff(old, new))
}

fn program<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Pack, String> {
    catalog.program(id).ok_or_else(|| {
        let ids: Vec<&str> = catalog.program_ids().collect();
        let hint = closest(id, ids.iter().copied())
            .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
        format!(
            "unknown program `{id}`{hint} (programs: {})",
            ids.join(", ")
        )
    })
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
