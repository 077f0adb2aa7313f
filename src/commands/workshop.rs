//! `workshop`: read every participant, write their handouts, summarise the group. One bad
//! participant is reported and skipped; the rest still run.

use crate::answers;
use crate::atomic::Durability;
use crate::cli::WorkshopArgs;
use crate::config::Config;
use crate::dataset::load::read_text;
use crate::dataset::{DataError, Problem, Role, Store};
use crate::error::{CliError, write_result};
use crate::finder::{self, NotFound};
use crate::render::{html, json, markdown, summary as render_summary};
use crate::report;
use crate::scoring::{Profile, assess};
use crate::workshop::summary::summarize;
use crate::workshop::{Participant, roster, slug};
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &WorkshopArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    if args.inputs.is_empty() && args.roster.is_none() {
        return Err(CliError::usage(
            "no participants: give answers files or folders, or --roster CSV",
        )
        .with_hint("e.g. ai-exposure workshop answers/ --roster roster.csv --out handouts/"));
    }
    let meta = config.store.meta()?;
    let catalogue: BTreeSet<String> = config
        .store
        .skills()?
        .into_iter()
        .map(|s| s.id.to_string())
        .collect();
    let mut roles = RoleCache {
        store: &config.store,
        roles: HashMap::new(),
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut participants: Vec<Participant> = Vec::new();
    let mut failed = 0;

    for path in answers_files(&args.inputs, &mut problems, &mut failed) {
        match read_participant(&path, &mut roles, &catalogue)? {
            Ok(participant) => participants.push(participant),
            Err(found) => {
                failed += 1;
                problems.extend(found);
            }
        }
    }
    if let Some(path) = &args.roster {
        read_roster(
            path,
            &mut roles,
            &catalogue,
            &mut participants,
            &mut problems,
            &mut failed,
        )?;
    }
    for problem in &problems {
        eprintln!("{problem}");
    }

    let assessments: Vec<_> = participants
        .iter()
        .map(|p| assess(&p.role, &p.profile))
        .collect();
    let group: Vec<_> = participants.iter().zip(&assessments).collect();
    let summary = summarize(&meta, &group, failed, usize::from(args.min_group));

    if let Some(dir) = &args.out {
        let written = |e: std::io::Error, path: &Path| {
            CliError::failure(format!("cannot write {}: {e}", path.display()))
                .with_hint("choose a folder you can write to")
        };
        let handouts = dir.join("handouts");
        std::fs::create_dir_all(&handouts).map_err(|e| written(e, &handouts))?;
        let mut used = BTreeSet::new();
        for (participant, assessment) in &group {
            let document = report::build(&meta, &participant.role, assessment);
            let base = unique(slug(&participant.name), &mut used);
            for (extension, text) in [
                ("md", markdown::render_report(&document)),
                ("html", html::render_report(&document)),
            ] {
                let path = handouts.join(format!("{base}.{extension}"));
                crate::atomic::write(&path, text.as_bytes(), Durability::Buffered)
                    .map_err(|e| written(e, &path))?;
            }
        }
        for (name, text) in [
            ("summary.md", render_summary::render_markdown(&summary)),
            ("summary.html", render_summary::render_html(&summary)),
            ("summary.json", json::render(&summary)),
        ] {
            let path = dir.join(name);
            crate::atomic::write(&path, text.as_bytes(), Durability::Buffered)
                .map_err(|e| written(e, &path))?;
        }
        eprintln!(
            "Wrote {} handouts (Markdown and HTML) and the summary to {}",
            participants.len(),
            dir.display()
        );
    }

    let text = if args.json {
        json::render(&summary)
    } else {
        render_summary::render_table(&summary, config.style)
    };
    write_result(out.write_all(text.as_bytes()))?;
    if failed == 0 {
        Ok(())
    } else {
        Err(CliError::failure(format!(
            "{} of {} participants could not be read (listed above); the others are in the summary",
            failed,
            failed + participants.len()
        ))
        .with_hint("fix the files or rows named above and run the workshop again"))
    }
}

/// Roles decoded once each, however many participants share them.
struct RoleCache<'a> {
    store: &'a Store,
    roles: HashMap<String, Result<Role, NotFound>>,
}

impl RoleCache<'_> {
    fn get(&mut self, name: &str) -> Result<Result<Role, NotFound>, DataError> {
        if let Some(found) = self.roles.get(name) {
            return Ok(found.clone());
        }
        let found = finder::curated_role(self.store, name)?;
        self.roles.insert(name.to_owned(), found.clone());
        Ok(found)
    }
}

/// The files named, and the *.toml files inside the folders named, in a stable order.
fn answers_files(
    inputs: &[PathBuf],
    problems: &mut Vec<Problem>,
    failed: &mut usize,
) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => {
                    *failed += 1;
                    problems.push(file_problem(input, format!("cannot read the folder: {e}")));
                }
            }
        } else {
            files.push(input.clone());
        }
    }
    files
}

fn file_problem(path: &Path, message: String) -> Problem {
    Problem {
        file: path.display().to_string(),
        line: 0,
        column: 0,
        field: String::new(),
        message,
        hint: Some("check the path".into()),
    }
}

/// A participant from an answers file, or every problem in the file.
fn read_participant(
    path: &Path,
    roles: &mut RoleCache<'_>,
    catalogue: &BTreeSet<String>,
) -> Result<Result<Participant, Vec<Problem>>, DataError> {
    Ok(
        answers::load(path, catalogue, |name| roles.get(name))?.map(|loaded| {
            let name = loaded
                .answers
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| {
                    path.file_stem().map_or_else(
                        || "participant".to_owned(),
                        |s| s.to_string_lossy().into_owned(),
                    )
                });
            Participant {
                name,
                role: loaded.role,
                profile: loaded.profile,
            }
        }),
    )
}

fn read_roster(
    path: &Path,
    roles: &mut RoleCache<'_>,
    catalogue: &BTreeSet<String>,
    participants: &mut Vec<Participant>,
    problems: &mut Vec<Problem>,
    failed: &mut usize,
) -> Result<(), CliError> {
    let text = read_text(path)
        .map_err(|problem| CliError::failure(format!("the roster cannot be read:\n{problem}")))?;
    let display = path.display().to_string();
    let (rows, row_problems) = roster::parse(&display, &text);
    let before = problems.len();
    problems.extend(row_problems);
    for row in rows {
        let problem = |field: &str, message: String, hint: &str| Problem {
            file: display.clone(),
            line: row.line,
            column: 1,
            field: field.to_owned(),
            message,
            hint: Some(hint.to_owned()),
        };
        let Ok(role) = roles.get(&row.role)? else {
            problems.push(problem(
                "role",
                format!("unknown role `{}` for {}", row.role, row.name),
                "use a role id or alias from `ai-exposure roles`",
            ));
            continue;
        };
        let mut profile = Profile::typical(&role, row.level);
        if let Some(skills) = &row.skills {
            if let Some(unknown) = skills.iter().find(|s| !catalogue.contains(*s)) {
                problems.push(problem(
                    "skills",
                    format!("unknown skill `{unknown}` for {}", row.name),
                    "skill ids are listed in data/skills.toml; separate them with ;",
                ));
                continue;
            }
            profile.skills = skills.iter().cloned().collect();
        }
        participants.push(Participant {
            name: row.name,
            role,
            profile,
        });
    }
    // Every roster problem is one row, that is one participant left out.
    *failed += problems.len() - before;
    Ok(())
}

/// `base`, or `base-2`, `base-3`... if taken; never empty.
fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() {
        "participant".to_owned()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}
