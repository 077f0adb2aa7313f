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
pub mod worksheet;
pub mod workshop;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::error::CliError;
use std::io::Write;

/// Runs a parsed command line, writing data to `out`. The dataset and terminal settings
/// are resolved only for the commands that use them: `validate` must report a broken
/// `--data` directory in full rather than fail to load it, and the generated documents need
/// no dataset at all.
pub fn run(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let config = || Config::from_args(&cli.global);
    match &cli.command {
        Command::Assess(args) => assess::run(args, &config()?, out),
        Command::Report(args) => report::run(args, &config()?, out),
        Command::Roles(args) => roles::run(args, &config()?, out),
        Command::Compare(args) => compare::run(args, &config()?, out),
        Command::Workshop(args) => workshop::run(args, &config()?, out),
        Command::Worksheet(args) => worksheet::run(args, &config()?, out),
        Command::Sources(args) => sources::run(args, &config()?, out),
        Command::Validate(args) => {
            validate::run(args.path.as_deref().or(cli.global.data.as_deref()), out)
        }
        Command::Schema(args) => generated::schema(args, out),
        Command::Completions(args) => generated::completions(args, out),
        Command::Man(_) => generated::man(out),
    }
}
