//! One module per subcommand. Each takes its parsed arguments and the resolved settings,
//! writes its data to the given output, and returns a `CliError` for the exit code.

pub mod assess;
pub mod compare;
pub mod generated;
pub mod report;
pub mod resolve;
pub mod roles;
pub mod sources;
pub mod validate;
pub mod workshop;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::CliError;
use std::io::Write;

/// Runs a parsed command line, writing data to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    match &cli.command {
        Command::Schema(args) => return generated::schema(args, out),
        Command::Completions(args) => return generated::completions(args, out),
        Command::Man(_) => return generated::man(out),
        _ => {}
    }
    if let Command::Validate(args) = &cli.command {
        return validate::run(args.path.as_deref().or(cli.global.data.as_deref()), out);
    }
    let config = Config::from_args(&cli.global)?;
    match &cli.command {
        Command::Assess(args) => assess::run(args, &config, out),
        Command::Report(args) => report::run(args, &config, out),
        Command::Roles(args) => roles::run(args, &config, out),
        Command::Compare(args) => compare::run(args, &config, out),
        Command::Workshop(args) => workshop::run(args, &config, out),
        Command::Sources(args) => sources::run(args, &config, out),
        Command::Validate(_) | Command::Schema(_) | Command::Completions(_) | Command::Man(_) => {
            unreachable!("handled before loading the dataset")
        }
    }
}
