//! `report`: the exposure report for a role and level, or for a saved assessment, with no
//! questions asked.

use crate::answers;
use crate::cli::{Format, ReportArgs};
use crate::config::Config;
use crate::dataset::problem::locate;
use crate::dataset::{Level, Role};
use crate::error::{CliError, write_result};
use crate::render::{json, markdown, table};
use crate::report;
use crate::scoring::{Profile, assess};
use std::io::Write;
use std::path::Path;

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    let (role, profile) = match &args.answers {
        Some(path) => replay(path, args, config)?,
        None => {
            // clap requires --role and --level when --answers is absent.
            let (Some(name), Some(level)) = (&args.role, args.level) else {
                return Err(CliError::usage(
                    "--role and --level are required without --answers",
                ));
            };
            let role = super::resolve::role(&config.store, name)?;
            let profile = Profile::typical(&role, level.into());
            (role, profile)
        }
    };
    let report = report::build(&meta, &role, &assess(&role, &profile));
    let format = if args.json { Format::Json } else { args.format };
    let text = match format {
        Format::Table => table::render_report(&report, config.style),
        Format::Json => json::render(&report),
        Format::Markdown => markdown::render_report(&report),
    };
    write_result(out.write_all(text.as_bytes()))
}

/// The role and profile of an answers file; `--role`/`--level`, when also given, must agree.
fn replay(path: &Path, args: &ReportArgs, config: &Config) -> Result<(Role, Profile), CliError> {
    let bad_file = |problem: crate::dataset::Problem| {
        CliError::failure(format!("the answers file has a problem:\n{problem}"))
    };
    let (answers, text) = answers::read(path).map_err(bad_file)?;
    let display = path.display().to_string();
    let role = match config.store.find_role(&answers.role)? {
        Ok(role) => role,
        Err(unknown) => {
            let finding = crate::dataset::problem::Finding::new(
                0,
                crate::dataset::problem::FieldPath::root().key("role"),
                unknown.to_string(),
            )
            .hint("use a role id from `ai-exposure roles`");
            return Err(bad_file(locate(&display, &text, &finding)));
        }
    };
    if let Some(name) = &args.role {
        let wanted = super::resolve::role(&config.store, name)?;
        if wanted.id != role.id {
            return Err(CliError::usage(format!(
                "{display} is an assessment of {}, not {}",
                role.id, wanted.id
            ))
            .with_hint("drop --role to use the file's role"));
        }
    }
    if let Some(level) = args.level.map(Level::from)
        && level != answers.level
    {
        return Err(CliError::usage(format!(
            "{display} is at level {}, not {}",
            answers.level.as_str(),
            level.as_str()
        ))
        .with_hint("drop --level to use the file's level"));
    }
    let known = config.store.skills()?.into_iter().map(|s| s.id).collect();
    answers::to_profile(&answers, &role, &known)
        .map(|profile| (role, profile))
        .map_err(|findings| {
            let problems: Vec<String> = findings
                .iter()
                .map(|f| locate(&display, &text, f).to_string())
                .collect();
            CliError::failure(format!(
                "the answers file has {} problem(s):\n{}",
                problems.len(),
                problems.join("\n")
            ))
        })
}
