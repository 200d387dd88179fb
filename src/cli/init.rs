//! `evidencelint init` (in progress).

use std::process::ExitCode;

use super::args::InitArgs;

/// Runs `init`.
pub fn run(_args: &InitArgs) -> ExitCode {
    ExitCode::from(2)
}
