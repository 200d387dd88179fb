//! The command-line interface: argument parsing and one module per command.

pub mod args;
pub mod check;
pub mod controls;
pub mod diff;
pub mod explain;
pub mod init;
pub mod report;
pub mod setup;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use crate::diagnostic::Diagnostic;
use crate::output::sources::Sources;
use args::{Cli, ColorChoice, Command};
use setup::UsageError;

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Explain(args)) => explain::run(&args),
        Some(Command::Controls(args)) => controls::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Init(args)) => init::run(&args),
        None => check::run(&cli.check),
    }
}

/// Prints a usage error on standard error and returns exit status 2.
pub fn report_usage_error(error: &UsageError, color: ColorChoice) -> ExitCode {
    let mut sources = Sources::new(std::path::Path::new("."));
    for (path, text) in &error.sources {
        sources.insert(path, text.clone());
    }
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            use std::io::IsTerminal;
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut diagnostics = error.diagnostics.clone();
    diagnostics.iter_mut().for_each(Diagnostic::mask_secrets);
    let text = crate::output::human::render_errors(&diagnostics, &mut sources, color);
    eprint!("{text}");
    ExitCode::from(2)
}

/// Writes `text` to the file `path` (created or truncated).
fn write_file(path: &Path, text: &str) -> Result<(), UsageError> {
    write_file_with(path, |file| file.write_all(text.as_bytes()))
}

/// Creates (or truncates) the file `path` and lets `write` fill it through a buffer; any
/// failure is the one usage error "cannot write".
fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), UsageError> {
    let cannot =
        |e: std::io::Error| UsageError::message(format!("cannot write `{}`: {e}", path.display()));
    let mut file = BufWriter::new(File::create(path).map_err(cannot)?);
    write(&mut file).map_err(cannot)?;
    file.flush().map_err(cannot)
}
