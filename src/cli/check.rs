//! `evidencelint check`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use super::args::{CheckArgs, ColorChoice, FailOn, Format};
use super::setup::{self, UsageError};
use super::{write_file, write_file_with};
use std::collections::BTreeSet;

use crate::evaluate::lexicon;
use crate::filter::baseline::Baseline;
use crate::filter::{self, FilterInput, changed};
use crate::lint::{LintInput, LintOutcome, lint_with};
use crate::output::paths::PathStyle;
use crate::output::{
    Summary, github, human, json, sarif, sources::Sources, summary as job_summary,
};
use crate::registry;

/// Runs `check`; returns exit 0 (no errors), 1 (errors) or 2 (the run could not be done).
pub fn run(args: &CheckArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err(error) => super::report_usage_error(&error, args.color),
    }
}

fn run_inner(args: &CheckArgs) -> Result<ExitCode, UsageError> {
    let (root, files) = setup::root_and_files(&args.paths)?;
    let config = setup::load_config(&root, args.config.as_deref())?;
    let catalog = setup::load_catalog(&root, &config)?;
    setup::check_programs(&args.programs, &catalog, &config)?;
    let codes = registry::known_codes(&catalog);
    let controls: Vec<&str> = catalog.control_ids().collect();
    setup::check_overrides(&config, &codes, &controls)?;
    let as_of = setup::as_of(args.as_of.as_deref(), &config)?;
    let baseline = match &args.baseline {
        Some(path) => Some(Baseline::read(path).map_err(UsageError::message)?),
        None => None,
    };
    let only_paths = changed_files(args, &root, &files)?;
    let pending = lexicon::Pending::default();
    let named_programs = crate::evaluate::programs::named(&args.programs, &config);
    let input = LintInput {
        root: &root,
        config: &config,
        catalog: &catalog,
        lexicon: lexicon::Source::Pending(&pending),
        programs: &args.programs,
        as_of,
    };
    // Readiness cells are needed only for the job summary.
    let keep_readiness = summary_file(args).is_some();
    let pool = thread_pool(args.threads)?;
    let compiling = Compiling {
        lexicon: &pending,
        catalog: &catalog,
        programs: named_programs.as_deref(),
    };
    let mut outcome = lint_while_compiling(&pool, &input, keep_readiness, compiling);
    pending.wait().map_err(UsageError::message)?;
    let filter_input = FilterInput {
        baseline: baseline.as_ref().filter(|_| args.write_baseline.is_none()),
        // A baseline records the whole repository, whatever files are named.
        only_paths: only_paths
            .as_ref()
            .filter(|_| args.write_baseline.is_none()),
        keep_suppressed: args.include_suppressed && args.write_baseline.is_none(),
        ..FilterInput::new(&outcome.repo, &config, as_of, &codes, &controls)
    };
    let filtered = filter::apply(&filter_input, std::mem::take(&mut outcome.diagnostics));
    // Silenced findings are listed in JSON only: never as annotations, SARIF results or text.
    let with_suppressed = filter_input
        .keep_suppressed
        .then(|| filtered.diagnostics.clone());
    outcome.diagnostics = filtered.diagnostics;
    outcome.diagnostics.retain(|d| d.suppressed.is_none());
    if let Some(path) = &args.write_baseline {
        Baseline::of(&outcome.diagnostics)
            .write(path)
            .map_err(UsageError::message)?;
        eprintln!(
            "wrote {} findings to the baseline {}",
            outcome.diagnostics.len(),
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut summary = Summary::new(&outcome.diagnostics, outcome.files);
    summary.baselined = filtered.baselined;
    summary.baseline_fixed = filtered.baseline_fixed;
    let paths = path_style(args)?;
    let ctx = Rendering {
        outcome: &outcome,
        with_suppressed: with_suppressed.as_deref(),
        summary: &summary,
        config: &config,
        catalog: &catalog,
        paths: &paths,
    };
    if let Some(file) = &args.sarif_file {
        write_file(file, &render_sarif(&ctx))?;
    }
    if let Some(file) = summary_file(args) {
        append_summary(&file, &ctx)?;
    }
    // The renderers that work in parallel use the run's threads (`--threads`).
    pool.install(|| write_output(args, &ctx))?;
    leave_to_exit((pending, catalog, outcome));
    Ok(exit_code(args.fail_on, &summary))
}

/// Leaves `data` to the process's exit instead of freeing it: `check` exits right after its
/// output is written, and the operating system takes back the memory at once, where freeing
/// the lexicon, the packs and the repository model block by block is a good part of a small
/// run's time. Only for plain data: nothing in it holds a file or a buffer to flush.
fn leave_to_exit<T>(data: T) {
    std::mem::forget(data);
}

/// Exit 1 when the findings reach the `--fail-on` level, else 0.
pub fn exit_code(fail_on: FailOn, summary: &Summary) -> ExitCode {
    let fail = match fail_on {
        FailOn::Error => summary.errors > 0,
        FailOn::Warning => summary.errors + summary.warnings > 0,
        FailOn::Never => false,
    };
    if fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Everything a renderer may need.
struct Rendering<'a> {
    outcome: &'a LintOutcome,
    /// With `--include-suppressed`: the findings including the silenced ones (JSON only).
    with_suppressed: Option<&'a [crate::diagnostic::Diagnostic]>,
    summary: &'a Summary,
    config: &'a crate::config::Config,
    catalog: &'a crate::packs::Catalog,
    paths: &'a PathStyle,
}

fn path_style(args: &CheckArgs) -> Result<PathStyle, UsageError> {
    match &args.path_prefix {
        None => Ok(PathStyle::default()),
        Some(prefix) => PathStyle::with_prefix(prefix).ok_or_else(|| {
            UsageError::message(format!(
                "--path-prefix `{prefix}` must be a relative folder inside the repository (no `..`)"
            ))
        }),
    }
}

fn render_sarif(ctx: &Rendering<'_>) -> String {
    let fallback = sarif::fallback_path(&ctx.outcome.repo.files);
    sarif::render(
        &ctx.outcome.diagnostics,
        &sarif::SarifContext {
            catalog: ctx.catalog,
            fallback_path: fallback,
            paths: ctx.paths,
        },
    )
}

/// `--summary FILE`, else `$GITHUB_STEP_SUMMARY` when set and not empty.
fn summary_file(args: &CheckArgs) -> Option<std::path::PathBuf> {
    args.summary.clone().or_else(|| {
        std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|v| !v.is_empty())
            .map(Into::into)
    })
}

fn append_summary(file: &std::path::Path, ctx: &Rendering<'_>) -> Result<(), UsageError> {
    let links = job_summary::Links::from_env(ctx.paths.clone(), |name| std::env::var(name).ok());
    let text = job_summary::render(
        &ctx.outcome.diagnostics,
        ctx.summary,
        &ctx.outcome.evaluation,
        &links,
    );
    let mut handle = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .map_err(|e| {
            UsageError::message(format!(
                "cannot open `{}` for the job summary: {e}",
                file.display()
            ))
        })?;
    handle.write_all(text.as_bytes()).map_err(|e| {
        UsageError::message(format!(
            "cannot write the job summary to `{}`: {e}",
            file.display()
        ))
    })
}

fn changed_files(
    args: &CheckArgs,
    root: &std::path::Path,
    files: &[std::path::PathBuf],
) -> Result<Option<BTreeSet<String>>, UsageError> {
    if let Some(rev) = &args.changed_since {
        let mut paths = changed::since(root, rev).map_err(UsageError::message)?;
        paths.extend(changed::from_args(root, files));
        return Ok(Some(paths));
    }
    Ok((!files.is_empty()).then(|| changed::from_args(root, files)))
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, UsageError> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(UsageError::message("--threads must be at least 1"));
        }
        builder = builder.num_threads(n);
    }
    builder
        .build()
        .map_err(|e| UsageError::message(format!("cannot start threads: {e}")))
}

/// The lexicon to compile while the files are linted: the slot, the packs, and the programs
/// in force when they are known up front (else every pack's atoms are compiled).
#[derive(Clone, Copy)]
struct Compiling<'a> {
    lexicon: &'a lexicon::Pending,
    catalog: &'a crate::packs::Catalog,
    programs: Option<&'a [String]>,
}

/// Lints on the pool while this thread, which would otherwise only wait for the pool, compiles
/// the lexicon: the files are read, parsed and checked meanwhile, and only their atoms wait
/// for it (even with `--threads 1`, whose one worker thread would else wait for the lexicon).
fn lint_while_compiling(
    pool: &rayon::ThreadPool,
    input: &LintInput<'_>,
    keep_readiness: bool,
    compiling: Compiling<'_>,
) -> LintOutcome {
    let mut outcome = None;
    pool.in_place_scope(|scope| {
        scope.spawn(|_| outcome = Some(lint_with(input, keep_readiness)));
        (compiling.lexicon).compile(compiling.catalog, compiling.programs);
        // The pool is still busy with the files: the diagram check's patterns are compiled
        // meanwhile, rather than on its first label.
        crate::checks::diagram::collect::prepare();
    });
    outcome.expect("the scope waits for the lint")
}

/// Writes the main format to `out` as it is rendered (JSON and human text are streamed, so
/// the output of a large repository is never held in memory as a whole).
fn render(args: &CheckArgs, ctx: &Rendering<'_>, out: &mut impl Write) -> std::io::Result<()> {
    let color = use_color(args.color, args.output.is_none());
    let (outcome, summary) = (ctx.outcome, ctx.summary);
    match args.format {
        Format::Json => json::write(
            out,
            ctx.with_suppressed.unwrap_or(&outcome.diagnostics),
            summary,
        ),
        Format::Sarif => out.write_all(render_sarif(ctx).as_bytes()),
        Format::Github => {
            out.write_all(github::render(&outcome.diagnostics, summary, ctx.paths).as_bytes())
        }
        Format::Human if args.quiet => {
            out.write_all(human::render_summary(summary, color).as_bytes())
        }
        Format::Human => {
            let mut sources = Sources::new(&outcome.repo.root);
            if let Some(src) = &ctx.config.source {
                sources.insert(&src.path, src.text.clone());
            }
            human::write(out, &outcome.diagnostics, summary, &sources, color)
        }
    }
}

/// Whether to colour output written to standard output (or a file).
pub fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_stdout
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn write_output(args: &CheckArgs, ctx: &Rendering<'_>) -> Result<(), UsageError> {
    match &args.output {
        Some(path) => write_file_with(path, |file| render(args, ctx, file)),
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            // A closed pipe (`| head`) is not an error of the run.
            let _ = render(args, ctx, &mut stdout);
            let _ = stdout.flush();
            Ok(())
        }
    }
}
