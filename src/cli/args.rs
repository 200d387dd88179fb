//! Command-line arguments (clap derive; doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A linter for AWS Service Delivery evidence repositories (Amazon RDS, Amazon Aurora).
///
/// With no subcommand, runs `check`.
#[derive(Debug, Parser)]
#[command(name = "evidencelint", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of `check`, when no subcommand is given.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint the evidence repository rooted at PATH (default `.`).
    Check(CheckArgs),
    /// Explain a diagnostic code (`link/broken`), a control (`RDS-009`) or an item (`RDS-009/rto`).
    Explain(ExplainArgs),
    /// List the programs and their controls.
    Controls(ControlsArgs),
    /// Print the readiness matrix: evidence items x case studies (exit 0 whatever the readiness).
    Report(ReportArgs),
    /// Scaffold an evidence repository from a rule pack (never overwrites a file).
    Init(InitArgs),
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics.
    Human,
    /// JSON (contract §5).
    Json,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// GitHub workflow annotations.
    Github,
}

/// Which findings make `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any error (the default).
    Error,
    /// Any error or warning.
    Warning,
    /// Nothing: exit 0 unless the run itself fails (exit 2).
    Never,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options of `check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// The repository root (default `.`), or files to report on.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the output to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this config file instead of the `evidencelint.yaml` found above PATH.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Program(s) to check against (repeatable), e.g. `rds-sd-2025-08`.
    #[arg(long = "program", value_name = "ID")]
    pub programs: Vec<String>,
    /// The date recency and validity rules are judged against (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only the summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also write SARIF 2.1.0 to FILE (in addition to the main format).
    #[arg(long, value_name = "FILE")]
    pub sarif_file: Option<PathBuf>,
    /// Append a Markdown job summary to FILE (default: `$GITHUB_STEP_SUMMARY` when set).
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Which findings make the run exit 1: `error` (default), `warning` (errors or warnings)
    /// or `never`.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Prepended to paths in SARIF, GitHub annotations and the job summary: the evidence
    /// root's folder within the Git repository, when it is not the repository's root.
    #[arg(long, value_name = "DIR")]
    pub path_prefix: Option<String>,
    /// Number of threads (default: all cores). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings in files changed since this Git revision (plus repository-wide ones).
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Include silenced findings in JSON output, marked with `suppressed`.
    #[arg(long)]
    pub include_suppressed: bool,
}

/// Options of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code, control ID or `CONTROL/item`.
    pub code: String,
}

/// Options of `controls`.
#[derive(Debug, Args)]
pub struct ControlsArgs {
    /// Only this program.
    #[arg(long = "program", value_name = "ID")]
    pub program: Option<String>,
    /// Show what changed between two programs' controls.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], conflicts_with = "program")]
    pub diff: Option<Vec<String>>,
    /// Use this config file (for its `packs:`) instead of the one found above the current folder.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A coloured terminal table.
    Human,
    /// A GitHub-flavoured Markdown table (job summaries, PR comments).
    Markdown,
    /// One self-contained HTML page, sortable and filterable.
    Html,
    /// RFC 4180 CSV, one line per cell.
    Csv,
    /// JSON (contract §6).
    Json,
    /// The self-assessment workbook (requires --output).
    Xlsx,
}

/// Options of `report`.
#[derive(Debug, Args, Clone)]
pub struct ReportArgs {
    /// The repository root (default `.`).
    pub path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the output to FILE instead of standard output (required for xlsx).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this config file instead of the `evidencelint.yaml` found above PATH.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Program(s) to report on (repeatable), e.g. `rds-sd-2025-08`.
    #[arg(long = "program", value_name = "ID")]
    pub programs: Vec<String>,
    /// The date recency and validity rules are judged against (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// When to use colour (human format).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Compare with this Git revision: print the cells newly met and newly missing (human or
    /// markdown).
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
}

/// Options of `init`.
#[derive(Debug, Args, Clone)]
pub struct InitArgs {
    /// The directory to scaffold (default `.`; created when missing).
    pub dir: Option<PathBuf>,
    /// The program whose controls the templates cover.
    #[arg(long = "program", value_name = "ID", default_value = "rds-sd-2025-08")]
    pub program: String,
    /// The date the example case study's dates are relative to (YYYY-MM-DD; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}
