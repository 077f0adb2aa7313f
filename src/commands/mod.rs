//! One module per subcommand. Each takes its parsed arguments and the resolved settings,
//! writes its data to the given output, and returns a `CliError` for the exit code.

pub mod validate;

use crate::cli::{Cli, Command};
use crate::error::CliError;
use std::io::Write;

/// Runs a parsed command line, writing data to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    match &cli.command {
        Command::Validate(args) => validate::run(args, out),
        _ => Err(CliError::usage("not yet")),
    }
}
