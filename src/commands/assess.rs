//! `assess`: the interactive assessment. Refuses at once without a terminal, so scripts
//! never hang; Ctrl-C or Esc restores the cursor and exits 130 with nothing written.

use crate::answers::{self, Answers};
use crate::cli::AssessArgs;
use crate::config::Config;
use crate::error::{CliError, write_result};
use crate::prompts::flow::{ask_profile, choose_level, choose_role};
use crate::prompts::terminal::TerminalPrompter;
use crate::prompts::{PromptError, Prompter};
use crate::render::table;
use crate::report;
use crate::scoring::assess;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Where answers are offered to be saved when `--save` is not given.
pub const DEFAULT_ANSWERS_FILE: &str = "ai-exposure-answers.toml";

pub fn run(args: &AssessArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if config.no_input || !interactive {
        let why = if config.no_input {
            "--no-input was given"
        } else {
            "stdin or stderr is not a terminal"
        };
        return Err(CliError::usage(format!("assess asks questions, but {why}")).with_hint(
            "for a report without questions use `ai-exposure report --role ROLE --level LEVEL`; \
             to replay saved answers use `ai-exposure report --answers FILE`",
        ));
    }
    // Ctrl-C outside a key read (or raised by one) would kill the process with the cursor
    // hidden; restore it and leave with the documented code instead.
    let _ = ctrlc::set_handler(|| {
        let _ = console::Term::stderr().show_cursor();
        std::process::exit(130);
    });
    let mut prompter = TerminalPrompter::new(config.style.color);
    run_with(&mut prompter, args, config, out)
}

/// The whole flow against any prompter: questions, report, save.
pub fn run_with(
    prompter: &mut dyn Prompter,
    args: &AssessArgs,
    config: &Config,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if let Some(path) = &args.save {
        check_save_target(path)?;
    }
    let meta = config.store.meta()?;
    let role = match &args.role {
        Some(name) => super::resolve::role(&config.store, name)?,
        None => choose_role(prompter, &config.store).map_err(prompt_error)?,
    };
    let level = match args.level {
        Some(level) => level.into(),
        None => choose_level(prompter, &role).map_err(prompt_error)?,
    };
    let catalogue = config.store.skills()?;
    let profile = ask_profile(prompter, &role, level, &catalogue).map_err(prompt_error)?;
    let report = report::build(&meta, &role, &assess(&role, &profile));
    write_result(out.write_all(table::render_report(&report, config.style).as_bytes()))?;
    write_result(out.flush())?;

    let answers = Answers::from_profile(&role, &profile);
    let target = match &args.save {
        Some(path) => Some(path.clone()),
        None => ask_where_to_save(prompter).map_err(prompt_error)?,
    };
    if let Some(path) = target {
        answers::save(&path, &answers).map_err(|e| {
            CliError::failure(format!("cannot save answers to {}: {e}", path.display()))
                .with_hint("choose a folder you can write to")
        })?;
        prompter.note(&format!(
            "Saved to {}. Replay it with: ai-exposure report --answers {}",
            path.display(),
            path.display()
        ));
    }
    Ok(())
}

/// Refuses `--save` before the questions when the answers could not be written after them:
/// a folder that is missing or not writable, or a path that is a folder.
fn check_save_target(path: &std::path::Path) -> Result<(), CliError> {
    let refuse = |why: String| {
        CliError::failure(format!("cannot save answers to {}: {why}", path.display()))
            .with_hint("choose a file in a folder you can write to; nothing was asked yet")
    };
    if path.is_dir() {
        return Err(refuse("it is a folder".into()));
    }
    tempfile::Builder::new()
        .prefix(crate::atomic::TEMP_PREFIX)
        .suffix(crate::atomic::TEMP_SUFFIX)
        .tempfile_in(crate::atomic::parent(path))
        .map(drop)
        .map_err(|e| refuse(e.to_string()))
}

fn ask_where_to_save(prompter: &mut dyn Prompter) -> Result<Option<PathBuf>, PromptError> {
    if !prompter.confirm(
        "Save your answers to a file, to replay or share later?",
        false,
    )? {
        return Ok(None);
    }
    loop {
        let path = PathBuf::from(
            prompter
                .input("File name", Some(DEFAULT_ANSWERS_FILE))?
                .trim(),
        );
        if path.as_os_str().is_empty() {
            continue;
        }
        if !path.exists()
            || prompter.confirm(&format!("{} exists. Replace it?", path.display()), false)?
        {
            return Ok(Some(path));
        }
    }
}

fn prompt_error(error: PromptError) -> CliError {
    match error {
        PromptError::Interrupted => {
            let _ = console::Term::stderr().show_cursor();
            CliError::interrupted()
        }
        PromptError::Failed(why) => CliError::failure(format!("the terminal failed: {why}")),
    }
}
