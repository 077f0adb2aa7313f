//! `assess`: the interactive assessment. Refuses at once without a terminal, so scripts
//! never hang; Ctrl-C or Esc restores the cursor and exits 130 with nothing written.

use crate::answers::{self, Answers};
use crate::cli::AssessArgs;
use crate::config::Config;
use crate::dataset::Level;
use crate::error::{CliError, write_result};
use crate::prompts::flow::{ask_profile, choose_level, choose_role};
use crate::prompts::terminal::TerminalPrompter;
use crate::prompts::{PromptError, Prompter};
use crate::render::table;
use crate::report;
use crate::scoring::assess;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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
        crate::error::diagnostic("\ninterrupted; nothing was saved");
        std::process::exit(130);
    });
    let mut prompter = TerminalPrompter::new(config.style.color);
    run_with(&mut prompter, args, config, out)
}

/// The questions before the profile, in order; Esc goes back one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Role,
    Level,
    Profile,
}

/// The whole flow against any prompter: questions, report, save.
pub fn run_with(
    prompter: &mut dyn Prompter,
    args: &AssessArgs,
    config: &Config,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if let Some(path) = &args.save {
        check_save_target(path, args.force)?;
    }
    let meta = config.store.meta()?;
    let catalogue = config.store.skills()?;
    let given_role = match &args.role {
        Some(name) => Some(super::resolve::role(&config.store, name)?),
        None => None,
    };
    let given_level = args.level.map(Level::from);
    let mut role = given_role.clone();
    let mut level = given_level;
    let mut step = if role.is_some() {
        Step::Level
    } else {
        Step::Role
    };
    let profile = loop {
        match step {
            Step::Role => match choose_role(prompter, &config.store) {
                Ok(chosen) => {
                    role = Some(chosen);
                    step = Step::Level;
                }
                Err(PromptError::Back) => {
                    prompter.note("This is the first question; press Ctrl-C to quit.")
                }
                Err(error) => return Err(prompt_error(error)),
            },
            Step::Level => {
                let current = role.as_ref().expect("the role is chosen before the level");
                if given_level.is_some() {
                    step = Step::Profile;
                    continue;
                }
                match choose_level(prompter, current) {
                    Ok(chosen) => {
                        level = Some(chosen);
                        step = Step::Profile;
                    }
                    Err(PromptError::Back) if given_role.is_none() => step = Step::Role,
                    Err(PromptError::Back) => {
                        prompter.note("This is the first question; press Ctrl-C to quit.")
                    }
                    Err(error) => return Err(prompt_error(error)),
                }
            }
            Step::Profile => {
                let current = role.as_ref().expect("the role is chosen first");
                let at = level.expect("the level is chosen before the profile");
                match ask_profile(prompter, current, at, &catalogue) {
                    Ok(profile) => break profile,
                    Err(PromptError::Back) => {
                        step = match (given_level, given_role.is_some()) {
                            (None, _) => Step::Level,
                            (Some(_), false) => Step::Role,
                            (Some(_), true) => {
                                prompter.note("This is the first question; press Ctrl-C to quit.");
                                Step::Profile
                            }
                        }
                    }
                    Err(error) => return Err(prompt_error(error)),
                }
            }
        }
    };
    let role = role.expect("the role is chosen");
    let report = report::build(&meta, &role, &assess(&role, &profile));
    let text = if args.full {
        table::render_report(&report, config.style)
    } else {
        table::render_compact(&report, config.style)
    };
    write_result(out.write_all(text.as_bytes()))?;
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
            "Saved to {}. The full report, any time: ai-exposure report --answers {}",
            path.display(),
            path.display()
        ));
    }
    Ok(())
}

/// Refuses, before any question is asked, a `--save` file that exists (without `--force`),
/// a path that is a folder, or a folder the answers could not be written to: nobody should
/// answer for two minutes and then lose the answers.
fn check_save_target(path: &Path, force: bool) -> Result<(), CliError> {
    if path.exists() && !force && !path.is_dir() {
        return Err(CliError::usage(format!(
            "{} already exists; assess will not replace it",
            path.display()
        ))
        .with_hint("add --force to replace it, or choose another file name"));
    }
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
    if !prompter.confirm("Save your answers, to see the full report later?", false)? {
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
        PromptError::Interrupted | PromptError::Back => {
            let _ = console::Term::stderr().show_cursor();
            CliError::interrupted()
        }
        PromptError::Failed(why) => CliError::failure(format!("the terminal failed: {why}")),
    }
}
