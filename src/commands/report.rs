//! `report`: the exposure report for a role and level, or for a saved assessment, with no
//! questions asked.

use crate::answers::{self, Loaded, Replayed};
use crate::cli::{Format, ReportArgs};
use crate::config::Config;
use crate::dataset::reference::Occupation;
use crate::dataset::{Level, Role};
use crate::error::{CliError, write_result};
use crate::finder::{self, Subject};
use crate::render::{html, json, markdown, table};
use crate::report;
use crate::report::WhatIf;
use crate::scoring::{Profile, assess, shift};
use std::io::Write;
use std::path::Path;

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    let (role, profile) = match &args.answers {
        Some(path) => {
            let loaded = replay(path, args, config)?;
            match loaded.replayed {
                Replayed::Curated { role, profile } => (role, profile),
                Replayed::Reference(occupation) => {
                    return reference(&occupation, loaded.answers.level, args, config, out);
                }
            }
        }
        None => {
            // clap requires --role and --level when --answers is absent.
            let (Some(name), Some(level)) = (&args.role, args.level) else {
                return Err(CliError::usage(
                    "--role and --level are required without --answers",
                ));
            };
            let resolved = super::resolve::subject(&config.store, name)?;
            super::resolve::announce(&resolved);
            match resolved.subject {
                Subject::Role(role) => {
                    let profile = Profile::typical(&role, level.into());
                    (*role, profile)
                }
                Subject::Occupation(occupation) => {
                    return reference(&occupation, level.into(), args, config, out);
                }
            }
        }
    };
    let report = match &args.shift {
        None => report::build(&meta, &role, &assess(&role, &profile)),
        Some(spec) => {
            let changes = resolve_shift_tasks(&role, parse_shift(spec)?)?;
            let shifted = shift(&role, &profile, &changes).map_err(|e| {
                let ids: Vec<&str> = role.tasks.iter().map(|t| t.id.as_str()).collect();
                CliError::usage(format!("--shift: {e}")).with_hint(format!(
                    "task ids of {} are: {}",
                    role.id,
                    ids.join(", ")
                ))
            })?;
            let mut report = report::build(&meta, &role, &assess(&role, &shifted));
            report.what_if = Some(WhatIf::new(&assess(&role, &profile), &changes));
            report
        }
    };
    print(&report, args, config, out)
}

/// The published-figures report of an occupation with no task table, which `--shift` cannot
/// move time in.
fn reference(
    occupation: &Occupation,
    level: Level,
    args: &ReportArgs,
    config: &Config,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if args.shift.is_some() {
        return Err(CliError::usage(format!(
            "--shift moves time between tasks, and {} has no task table",
            occupation.title
        ))
        .with_hint(finder::resolve::not_curated(occupation).hint));
    }
    let report = report::build_reference(&config.store.meta()?, occupation, level);
    print(&report, args, config, out)
}

fn print(
    report: &report::Report,
    args: &ReportArgs,
    config: &Config,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let format = if args.json { Format::Json } else { args.format };
    let style = crate::render::Style {
        task_ids: args.ids,
        ..config.style
    };
    let text = match format {
        Format::Table => table::render_report(report, style),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render_report(report),
        Format::Html => html::render_report(report),
    };
    write_result(out.write_all(text.as_bytes()))
}

/// What an answers file assesses; `--role`/`--level`, when also given, must agree with it.
fn replay(path: &Path, args: &ReportArgs, config: &Config) -> Result<Loaded, CliError> {
    let known = config
        .store
        .skills()?
        .into_iter()
        .map(|s| s.id.to_string())
        .collect();
    let loaded = answers::load(path, &known, |name| {
        Ok(finder::subject(&config.store, name)?.map(|resolved| resolved.subject))
    })?
    .map_err(|problems| {
        let listing: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let count = if problems.len() == 1 {
            "a problem".to_owned()
        } else {
            format!("{} problems", problems.len())
        };
        CliError::failure(format!(
            "the answers file has {count}:\n{}",
            listing.join("\n")
        ))
    })?;
    let display = path.display();
    let assessed = match &loaded.replayed {
        Replayed::Curated { role, .. } => role.id.to_string(),
        Replayed::Reference(occupation) => occupation.code.to_string(),
    };
    if let Some(name) = &args.role {
        let wanted = super::resolve::subject(&config.store, name)?.subject;
        if wanted.id() != assessed {
            return Err(CliError::usage(format!(
                "{display} is an assessment of {assessed}, not {}",
                wanted.id()
            ))
            .with_hint("drop --role to use the file's role"));
        }
    }
    if let Some(level) = args.level.map(Level::from)
        && level != loaded.answers.level
    {
        return Err(CliError::usage(format!(
            "{display} is at level {}, not {}",
            loaded.answers.level.as_str(),
            level.as_str()
        ))
        .with_hint("drop --level to use the file's level"));
    }
    Ok(loaded)
}

/// "task:-10,other:+10" → [(task, -10.0), (other, 10.0)].
fn parse_shift(spec: &str) -> Result<Vec<(String, f64)>, CliError> {
    let malformed = |item: &str| {
        CliError::usage(format!("--shift: `{item}` is not TASK:POINTS"))
            .with_hint("write it as task-id:points, comma-separated, e.g. --shift \"write-production-code:-10,design-systems:+10\"")
    };
    spec.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (task, points) = item.split_once(':').ok_or_else(|| malformed(item))?;
            let points: f64 = points
                .trim()
                .trim_end_matches('%')
                .trim()
                .parse()
                .map_err(|_| malformed(item))?;
            if !points.is_finite() || points.abs() > 100.0 {
                return Err(malformed(item));
            }
            Ok((task.trim().to_lowercase(), points))
        })
        .collect::<Result<Vec<_>, _>>()
        .and_then(|changes| {
            if changes.is_empty() {
                Err(malformed(spec))
            } else {
                Ok(changes)
            }
        })
}

/// Task names in a shift as ids: an exact id, or the start of exactly one id.
fn resolve_shift_tasks(
    role: &Role,
    changes: Vec<(String, f64)>,
) -> Result<Vec<(String, f64)>, CliError> {
    let ids: Vec<&str> = role.tasks.iter().map(|t| t.id.as_str()).collect();
    changes
        .into_iter()
        .map(|(name, points)| {
            if ids.contains(&name.as_str()) {
                return Ok((name, points));
            }
            let starting: Vec<&str> = ids
                .iter()
                .copied()
                .filter(|id| id.starts_with(&name))
                .collect();
            match starting.as_slice() {
                [one] => Ok(((*one).to_owned(), points)),
                [] => Err(CliError::usage(format!(
                    "--shift: `{name}` is not a task of {}",
                    role.id
                ))
                .with_hint(format!(
                    "task ids are: {} (`--ids` shows them in the table)",
                    ids.join(", ")
                ))),
                many => Err(CliError::usage(format!(
                    "--shift: `{name}` could be {}",
                    many.join(", ")
                ))
                .with_hint("give more of the task id")),
            }
        })
        .collect()
}
