//! `validate [PATH]`: every problem in a dataset, or a summary when there are none.

use crate::dataset::content::{self, Added, Agreement, ContentFinding, Scope};
use crate::dataset::load::RawDataset;
use crate::dataset::load::read_dir;
use crate::dataset::problem::{FieldPath, Finding, Locator, Problem, Segment};
use crate::dataset::validate::compile_checked;
use crate::dataset::{Dataset, Exposure, Store};
use crate::error::{CliError, write_result};
use std::collections::BTreeSet;
use std::io::Write;

/// Checks the bundled dataset, or `path` laid over it. Runs before `--data` is loaded, so a
/// broken directory is reported in full rather than as a load failure.
pub fn run(path: Option<&std::path::Path>, out: &mut dyn Write) -> Result<(), CliError> {
    let base = Store::bundled().to_dataset()?;
    let (problems, dataset) = match path {
        None => {
            let findings = content::check(
                &base,
                &Scope {
                    only: None,
                    family_sizes: true,
                },
            );
            let problems = findings.into_iter().map(|f| bundled_problem(&f)).collect();
            (problems, base)
        }
        Some(path) => {
            let raw = read_dir(path).map_err(|e| {
                CliError::failure(e.to_string())
                    .with_hint("pass a folder laid out like data/ (see docs/data-format.md)")
            })?;
            match compile_checked(&raw, base) {
                // The summary is only printed when there are no problems.
                Err(problems) => (problems, Dataset::empty()),
                Ok(merged) => {
                    let mut problems = Vec::new();
                    let roles: BTreeSet<String> =
                        raw.roles.iter().map(|r| r.value.id.clone()).collect();
                    let skills: BTreeSet<String> = raw
                        .skills
                        .iter()
                        .flat_map(|c| c.value.skills.iter().map(|s| s.id.clone()))
                        .collect();
                    let sources: BTreeSet<String> = raw
                        .sources
                        .iter()
                        .flat_map(|c| c.value.sources.iter().map(|s| s.id.clone()))
                        .collect();
                    let added = Added {
                        roles: &roles,
                        skills: &skills,
                        sources: &sources,
                    };
                    let locators: Vec<Locator<'_>> = raw
                        .files
                        .iter()
                        .map(|f| Locator::new(&f.path, &f.text))
                        .collect();
                    for finding in content::check(
                        &merged,
                        &Scope {
                            only: Some(added),
                            family_sizes: false,
                        },
                    ) {
                        let file = raw
                            .files
                            .iter()
                            .position(|f| std::path::Path::new(&f.path).ends_with(&finding.file));
                        problems.push(match file {
                            Some(index) => {
                                let located = Finding::new(
                                    index,
                                    file_local(&finding.field, &merged, &raw),
                                    finding.message.clone(),
                                )
                                .hint(finding.hint.clone());
                                locators[index].locate(&located)
                            }
                            None => bundled_problem(&finding),
                        });
                    }
                    (problems, merged)
                }
            }
        }
    };

    if problems.is_empty() {
        write_result(write_summary(out, &dataset))
    } else {
        let mut listing = String::new();
        for problem in &problems {
            listing.push_str(&crate::untrusted::lines(&problem.to_string()));
            listing.push('\n');
        }
        write_result(out.write_all(listing.as_bytes()))?;
        Err(CliError::failure(format!(
            "{} problem(s) found",
            problems.len()
        )))
    }
}

/// Content checks index the merged catalogues (`skills[46]`); an overlay's `skills.toml` or
/// `sources.toml` holds only its own entries, so the index is turned into the entry's
/// position in that file.
fn file_local(field: &FieldPath, merged: &Dataset, raw: &RawDataset) -> FieldPath {
    let position = match field.0.as_slice() {
        [Segment::Key(list), Segment::Index(i), ..] if list == "skills" => {
            merged.skills.get(*i).and_then(|skill| {
                raw.skills.iter().find_map(|c| {
                    c.value
                        .skills
                        .iter()
                        .position(|s| s.id == skill.id.as_str())
                })
            })
        }
        [Segment::Key(list), Segment::Index(i), ..] if list == "sources" => {
            merged.sources.get(*i).and_then(|source| {
                raw.sources.iter().find_map(|c| {
                    c.value
                        .sources
                        .iter()
                        .position(|s| s.id == source.id.as_str())
                })
            })
        }
        _ => None,
    };
    match position {
        Some(local) => {
            let mut segments = field.0.clone();
            segments[1] = Segment::Index(local);
            FieldPath(segments)
        }
        None => field.clone(),
    }
}

fn bundled_problem(finding: &ContentFinding) -> Problem {
    Problem {
        file: format!("data/{}", finding.file),
        line: 0,
        column: 0,
        field: finding.field.to_string(),
        message: finding.message.clone(),
        hint: Some(finding.hint.clone()),
    }
}

fn write_summary(out: &mut dyn Write, dataset: &Dataset) -> std::io::Result<()> {
    let tasks: Vec<Exposure> = dataset
        .roles
        .iter()
        .flat_map(|r| r.tasks.iter().map(|t| t.exposure))
        .collect();
    let families: BTreeSet<&str> = dataset.roles.iter().map(|r| r.family.id.as_str()).collect();
    let share = |band: Exposure| {
        let count = tasks.iter().filter(|&&e| e == band).count();
        if tasks.is_empty() {
            0.0
        } else {
            100.0 * count as f64 / tasks.len() as f64
        }
    };
    writeln!(
        out,
        "ok: dataset {} (as of {}) has no problems",
        dataset.meta.version, dataset.meta.as_of
    )?;
    writeln!(
        out,
        "{} roles in {} families, {} tasks, {} skills, {} sources",
        dataset.roles.len(),
        families.len(),
        tasks.len(),
        dataset.skills.len(),
        dataset.sources.len()
    )?;
    writeln!(
        out,
        "tasks by exposure: high {:.0}%, medium {:.0}%, low {:.0}%",
        share(Exposure::High),
        share(Exposure::Medium),
        share(Exposure::Low)
    )?;
    let agreement = Agreement::of(dataset);
    writeln!(
        out,
        "O*NET links: {} of {} tasks compared with published labels, {} have no counterpart",
        agreement.compared, agreement.tasks, agreement.without_counterpart
    )?;
    writeln!(
        out,
        "agreement: {:.1}% with human raters, {:.1}% with GPT-4 (the two raters agree {:.1}% on the same tasks)",
        agreement.percent(agreement.with_human),
        agreement.percent(agreement.with_gpt4),
        agreement.percent(agreement.between_raters)
    )
}
