//! `evidencelint report`: the readiness matrix. Exit 0 whatever the readiness (report is not a
//! gate), 2 when it cannot run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{ReportArgs, ReportFormat};
use super::check::use_color;
use super::setup::{self, UsageError};
use crate::evaluate::lexicon;
use crate::filter::{self, FilterInput};
use crate::lint::{LintInput, lint};
use crate::registry;
use crate::report::{self, Matrix};

/// Runs `report`.
pub fn run(args: &ReportArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::report_usage_error(&error, args.color),
    }
}

fn run_inner(args: &ReportArgs) -> Result<(), UsageError> {
    check_flags(args)?;
    let root = root(args.path.as_deref())?;
    let matrix = build_matrix(&root, args)?;
    if let Some(rev) = &args.diff_base {
        let base =
            report::diff::with_revision(&root, rev, |base_root| build_matrix(base_root, args))?;
        let diff = report::diff::Diff::between(&base, &matrix);
        let text = match args.format {
            ReportFormat::Markdown => report::diff::render_markdown(&diff, rev),
            _ => {
                report::diff::render_human(&diff, rev, use_color(args.color, args.output.is_none()))
            }
        };
        return write_text(args.output.as_deref(), &text);
    }
    match args.format {
        ReportFormat::Xlsx => {
            let path = args.output.as_deref().expect("checked by check_flags");
            report::xlsx::write(&matrix, path)
                .map_err(|e| UsageError::message(format!("cannot write `{}`: {e}", path.display())))
        }
        format => write_text(args.output.as_deref(), &render(&matrix, format, args)),
    }
}

fn check_flags(args: &ReportArgs) -> Result<(), UsageError> {
    if args.format == ReportFormat::Xlsx && args.output.is_none() {
        return Err(UsageError::message(
            "--format xlsx writes a workbook: give the file with --output FILE.xlsx",
        ));
    }
    if args.diff_base.is_some()
        && !matches!(args.format, ReportFormat::Human | ReportFormat::Markdown)
    {
        return Err(UsageError::message(
            "--diff-base prints a comparison in the human or markdown format only",
        ));
    }
    Ok(())
}

fn root(path: Option<&Path>) -> Result<PathBuf, UsageError> {
    let root = path.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    if !root.is_dir() {
        return Err(UsageError::message(format!(
            "`{}` is not a directory: give the repository root",
            root.display()
        )));
    }
    Ok(root)
}

/// Loads config and packs, runs the pipeline on `root` and builds the matrix, with the cells
/// whose findings the user silenced (inline or by a config waiver) marked.
fn build_matrix(root: &Path, args: &ReportArgs) -> Result<Matrix, UsageError> {
    let config = setup::load_config(root, args.config.as_deref())?;
    let catalog = setup::load_catalog(root, &config)?;
    setup::check_programs(&args.programs, &catalog, &config)?;
    let codes = registry::known_codes(&catalog);
    let controls: Vec<&str> = catalog.control_ids().collect();
    setup::check_overrides(&config, &codes, &controls)?;
    let as_of = setup::as_of(args.as_of.as_deref(), &config)?;
    let lexicon = lexicon::compile(&catalog).map_err(UsageError::message)?;
    let input = LintInput {
        root,
        config: &config,
        catalog: &catalog,
        lexicon: (&lexicon).into(),
        programs: &args.programs,
        as_of,
    };
    let mut outcome = lint(&input);
    let filter_input = FilterInput {
        keep_suppressed: true,
        ..FilterInput::new(&outcome.repo, &config, as_of, &codes, &controls)
    };
    let filtered = filter::apply(&filter_input, std::mem::take(&mut outcome.diagnostics));
    let mut matrix = Matrix::build(
        &outcome.evaluation,
        &catalog,
        &outcome.repo,
        &as_of.to_string(),
    )
    .with_diagrams(&outcome.diagrams);
    report::silenced::apply(&mut matrix, &filtered.diagnostics);
    Ok(matrix)
}

fn render(matrix: &Matrix, format: ReportFormat, args: &ReportArgs) -> String {
    match format {
        ReportFormat::Human => {
            report::human::render(matrix, use_color(args.color, args.output.is_none()))
        }
        ReportFormat::Markdown => report::markdown::render(matrix),
        ReportFormat::Html => report::html::render(matrix),
        ReportFormat::Csv => report::csv::render(matrix),
        ReportFormat::Json | ReportFormat::Xlsx => report::json::render(matrix),
    }
}

fn write_text(output: Option<&Path>, text: &str) -> Result<(), UsageError> {
    match output {
        Some(path) => super::write_file(path, text),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error of the run.
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
            Ok(())
        }
    }
}
