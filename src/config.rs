//! Global flags and the environment, resolved once at start-up into the settings every
//! command uses. Nothing later looks at the terminal or the environment again.

use crate::cli::{ColorChoice, GlobalArgs};
use crate::dataset::Store;
use crate::error::CliError;
use crate::render::Style;
use std::io::IsTerminal;

/// Width used when stdout is not a terminal and `COLUMNS` says nothing usable.
pub const DEFAULT_WIDTH: u16 = 100;

pub struct Config {
    pub store: Store,
    pub style: Style,
    pub no_input: bool,
}

impl Config {
    pub fn from_args(global: &GlobalArgs) -> Result<Config, CliError> {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let color = decide_color(
            global.color,
            stdout_is_terminal,
            std::env::var("NO_COLOR").ok().as_deref(),
            std::env::var("TERM").ok().as_deref(),
        );
        colored::control::set_override(color);
        let terminal_columns = if stdout_is_terminal {
            console::Term::stdout()
                .size_checked()
                .map(|(_, columns)| columns)
        } else {
            None
        };
        let width = decide_width(terminal_columns, std::env::var("COLUMNS").ok().as_deref());
        let store = match &global.data {
            Some(dir) => Store::with_overlay(dir)?,
            None => Store::bundled(),
        };
        Ok(Config {
            store,
            style: Style {
                color,
                width,
                task_ids: false,
            },
            no_input: global.no_input,
        })
    }
}

/// `auto` colours only a terminal, and never with `NO_COLOR` set non-empty or `TERM=dumb`.
pub fn decide_color(
    choice: ColorChoice,
    is_terminal: bool,
    no_color: Option<&str>,
    term: Option<&str>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && no_color.is_none_or(str::is_empty) && term != Some("dumb")
        }
    }
}

/// The terminal's width, else a sane `COLUMNS`, else [`DEFAULT_WIDTH`]; never below 40.
pub fn decide_width(terminal_columns: Option<u16>, columns_env: Option<&str>) -> u16 {
    terminal_columns
        .filter(|&c| c > 0)
        .or_else(|| {
            columns_env
                .and_then(|v| v.trim().parse::<u16>().ok())
                .filter(|&c| (1..=1000).contains(&c))
        })
        .unwrap_or(DEFAULT_WIDTH)
        .max(40)
}
