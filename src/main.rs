//! The `evidencelint` binary.

fn main() -> std::process::ExitCode {
    evidencelint::cli::run()
}
