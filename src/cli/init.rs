//! `evidencelint init`: scaffolds an evidence repository from a rule pack. Never overwrites a
//! file; exit 0 (also when files were skipped), 2 when it cannot run.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::InitArgs;
use super::setup::{self, UsageError};
use crate::config::Config;
use crate::packs::Catalog;
use crate::scaffold;

/// Runs `init`.
pub fn run(args: &InitArgs) -> ExitCode {
    match run_inner(args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => super::report_usage_error(&error, super::args::ColorChoice::Auto),
    }
}

fn run_inner(args: &InitArgs) -> Result<String, UsageError> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if dir.exists() && !dir.is_dir() {
        return Err(UsageError::message(format!(
            "`{}` exists and is not a directory",
            dir.display()
        )));
    }
    let catalog = Catalog::builtin();
    setup::check_programs(
        std::slice::from_ref(&args.program),
        &catalog,
        &Config::default(),
    )?;
    let pack = catalog.program(&args.program).expect("checked above");
    let today = setup::as_of(args.as_of.as_deref(), &Config::default())?;
    let files = scaffold::files(pack, today);
    let outcome = scaffold::write(&dir, &files)
        .map_err(|e| UsageError::message(format!("cannot write the templates: {e}")))?;
    Ok(summary(&dir, &outcome))
}

fn summary(dir: &std::path::Path, outcome: &scaffold::Outcome) -> String {
    let mut out = String::new();
    for path in &outcome.written {
        out.push_str(&format!("created {path}\n"));
    }
    for path in &outcome.skipped {
        out.push_str(&format!(
            "skipped {path} (already exists; left unchanged)\n"
        ));
    }
    out.push_str(&format!(
        "{} files created, {} skipped in {}. Next: fill in the TODO placeholders, then run `evidencelint check {}`.\n",
        outcome.written.len(),
        outcome.skipped.len(),
        dir.display(),
        dir.display()
    ));
    out
}
