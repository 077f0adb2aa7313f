//! The binary: parse arguments, run, map the outcome to an exit code.

use ai_exposure::cli::Cli;
use ai_exposure::commands;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match commands::run(&cli, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            ai_exposure::error::diagnostic(&error.to_string());
            ExitCode::from(error.exit as u8)
        }
    }
}
