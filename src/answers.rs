//! Answers files: a person's assessment saved as TOML (`format_version = 1`), so `report
//! --answers FILE` can replay it and a coach can collect them. The format is documented in
//! the README; every problem names the file, line and field.

use crate::dataset::load::{parse_toml, read_text};
use crate::dataset::problem::{FieldPath, Finding, Locator, Problem, locate, number, share_sum};
use crate::dataset::reference::Occupation;
use crate::dataset::validate::SHARE_TOLERANCE;
use crate::dataset::{DataError, Exposure, Level, Mode, Role};
use crate::finder::resolve::not_curated;
use crate::finder::{NotFound, Subject};
use crate::scoring::{CustomTask, MixEntry, Profile, TaskRef};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub const FORMAT_VERSION: u32 = 1;

/// Where the format is documented, for hints.
const ANSWERS_DOCS: &str = "the README (section \"Answers files\")";

/// At most this many tasks of a person's own: the report is about the role's researched tasks.
pub const MAX_CUSTOM_TASKS: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub format_version: u32,
    /// Who the answers are from, for a coach's handouts. Never written by `assess` itself:
    /// names stay out of files unless someone adds them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role id (an alias or prefix is accepted when reading and stored resolved).
    pub role: String,
    /// Read in any case (`Senior`), written in lower case.
    #[serde(deserialize_with = "level_in_any_case")]
    pub level: Level,
    /// Skill ids the person has.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Share of working time per task id of the role. With the custom tasks, sums to 1.
    #[serde(default)]
    pub shares: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_tasks: Vec<CustomAnswer>,
}

fn level_in_any_case<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Level, D::Error> {
    let text = String::deserialize(deserializer)?;
    Level::parse(&text.to_lowercase()).ok_or_else(|| {
        serde::de::Error::unknown_variant(&text, &["junior", "mid", "senior", "lead"])
    })
}

/// Just the version, read leniently: a newer file may have fields this version does not know.
#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomAnswer {
    pub title: String,
    pub exposure: Exposure,
    pub mode: Mode,
    pub share: f64,
}

impl Answers {
    /// The answers that describe `profile`, for saving.
    pub fn from_profile(role: &Role, profile: &Profile) -> Answers {
        let mut shares = BTreeMap::new();
        let mut custom_tasks = Vec::new();
        for entry in profile.mix.iter().filter(|e| e.share > 0.0) {
            match &entry.task {
                TaskRef::Role(i) => {
                    shares.insert(role.tasks[*i].id.to_string(), entry.share);
                }
                TaskRef::Custom(custom) => custom_tasks.push(CustomAnswer {
                    title: custom.title.clone(),
                    exposure: custom.exposure,
                    mode: custom.mode,
                    share: entry.share,
                }),
            }
        }
        Answers {
            format_version: FORMAT_VERSION,
            name: None,
            role: role.id.clone(),
            level: profile.level,
            skills: profile.skills.iter().cloned().collect(),
            shares,
            custom_tasks,
        }
    }

    /// The file's text: a comment saying what it is, then the answers.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# ai-exposure answers file: replay with `ai-exposure report --answers FILE`.\n\
             # Shares are fractions of working time and sum to 1; see the README for the format.\n{body}"
        )
    }
}

/// Reads and parses an answers file; problems name the file, line and field.
pub fn read(path: &Path) -> Result<(Answers, String), Problem> {
    let text = read_text(path)?;
    let display = path.display().to_string();
    // The version decides how the rest is read, so it is checked before anything else.
    let version: VersionOnly = parse_toml(&display, &text, ANSWERS_DOCS)?;
    if version.format_version != FORMAT_VERSION {
        let finding = Finding::new(0, FieldPath::root().key("format_version"), format!("format_version {} is not supported", version.format_version))
            .hint(format!("this version of ai-exposure reads format_version = {FORMAT_VERSION}; save the answers again with `ai-exposure assess --save FILE`"));
        return Err(locate(&display, &text, &finding));
    }
    let answers: Answers = parse_toml(&display, &text, ANSWERS_DOCS)?;
    Ok((answers, text))
}

/// Checks answers against the role and builds the person's profile. `skills_known` is the
/// skill catalogue: a person may have skills beyond the role's list.
pub fn to_profile(
    answers: &Answers,
    role: &Role,
    skills_known: &BTreeSet<String>,
) -> Result<Profile, Vec<Finding>> {
    let root = FieldPath::root();
    let mut findings = Vec::new();
    let mut mix = Vec::new();
    let mut total = 0.0;
    for (task_id, &share) in &answers.shares {
        let path = root.key("shares").key(task_id);
        let Some(index) = role.task_index(task_id) else {
            let ids: Vec<&str> = role.tasks.iter().map(|t| t.id.as_str()).collect();
            findings.push(
                Finding::new(0, path, format!("`{task_id}` is not a task of {}", role.id))
                    .hint(format!("task ids are: {}", ids.join(", "))),
            );
            continue;
        };
        if !(0.0..=1.0).contains(&share) {
            findings.push(
                Finding::new(0, path, format!("share {} is outside 0..1", number(share)))
                    .hint("shares are fractions of working time, e.g. 0.25"),
            );
            continue;
        }
        total += share;
        mix.push(MixEntry {
            task: TaskRef::Role(index),
            share,
        });
    }
    if answers.custom_tasks.len() > MAX_CUSTOM_TASKS {
        findings.push(
            Finding::new(
                0,
                root.key("custom_tasks"),
                format!(
                    "{} tasks of your own; at most {MAX_CUSTOM_TASKS} are allowed",
                    answers.custom_tasks.len()
                ),
            )
            .hint("fold the smaller ones into the role's tasks"),
        );
    }
    for (i, custom) in answers.custom_tasks.iter().enumerate() {
        let path = root.key("custom_tasks").index(i);
        if custom.title.trim().is_empty() {
            findings.push(
                Finding::new(0, path.key("title"), "is empty").hint("give the task a short title"),
            );
        }
        if !(0.0..=1.0).contains(&custom.share) {
            findings.push(
                Finding::new(
                    0,
                    path.key("share"),
                    format!("share {} is outside 0..1", number(custom.share)),
                )
                .hint("shares are fractions of working time, e.g. 0.1"),
            );
            continue;
        }
        total += custom.share;
        mix.push(MixEntry {
            task: TaskRef::Custom(CustomTask {
                title: custom.title.trim().to_owned(),
                exposure: custom.exposure,
                mode: custom.mode,
            }),
            share: custom.share,
        });
    }
    if findings.is_empty() && (total - 1.0).abs() > SHARE_TOLERANCE {
        findings.push(
            Finding::new(
                0,
                root.key("shares"),
                format!("shares add up to {}, not 1", share_sum(total)),
            )
            .hint(format!(
                "adjust them (custom tasks included) so they sum to 1 within {SHARE_TOLERANCE}"
            )),
        );
    }
    for (i, skill) in answers.skills.iter().enumerate() {
        if !skills_known.contains(skill) {
            findings.push(
                Finding::new(0, root.key("skills").index(i), format!("unknown skill `{skill}`"))
                    .hint("use skill ids from the role's skills or `ai-exposure report --json` (skills[].id)"),
            );
        }
    }
    if !findings.is_empty() {
        return Err(findings);
    }
    mix.sort_by_key(|entry| match entry.task {
        TaskRef::Role(index) => index,
        TaskRef::Custom(_) => usize::MAX,
    });
    Ok(Profile {
        level: answers.level,
        mix,
        skills: answers.skills.iter().cloned().collect(),
        personalized: true,
    })
}

/// Saves answers atomically.
pub fn save(path: &Path, answers: &Answers) -> std::io::Result<()> {
    crate::atomic::write(
        path,
        answers.to_toml().as_bytes(),
        crate::atomic::Durability::Synced,
    )
}

/// What an answers file assesses, ready to report.
#[derive(Debug, Clone)]
pub enum Replayed {
    /// A curated role, with the person's own mix and skills.
    Curated { role: Role, profile: Profile },
    /// An occupation with published figures only: the file names it and a level, nothing more.
    Reference(Occupation),
}

/// An answers file checked against what it names.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub answers: Answers,
    pub replayed: Replayed,
}

/// Why answers cannot go with an occupation that has no task table, if they cannot: it has
/// no tasks to share time between and no skill list, so only `role` and `level` may be set.
pub fn reference_only(answers: &Answers, occupation: &Occupation) -> Option<Finding> {
    let used = [
        ("shares", !answers.shares.is_empty()),
        ("custom_tasks", !answers.custom_tasks.is_empty()),
        ("skills", !answers.skills.is_empty()),
    ];
    let (field, _) = used.iter().find(|(_, used)| *used)?;
    Some(
        Finding::new(
            0,
            FieldPath::root().key(field),
            format!(
                "{} ({}) has published figures but no task-by-task view, so `{field}` cannot be used",
                occupation.title, occupation.code
            ),
        )
        .hint(format!(
            "remove shares, custom_tasks and skills for a report of its published figures, or {}",
            not_curated(occupation).hint
        )),
    )
}

/// Reads an answers file and checks it against what it names and the skill catalogue,
/// returning every problem located by line and field. `find` resolves the file's role name:
/// the finder, or a cache of it.
pub fn load(
    path: &Path,
    catalogue: &BTreeSet<String>,
    find: impl FnOnce(&str) -> Result<Result<Subject, NotFound>, DataError>,
) -> Result<Result<Loaded, Vec<Problem>>, DataError> {
    let (answers, text) = match read(path) {
        Ok(read) => read,
        Err(problem) => return Ok(Err(vec![problem])),
    };
    let display = path.display().to_string();
    let locator = Locator::new(&display, &text);
    let located = |findings: &[Finding]| findings.iter().map(|f| locator.locate(f)).collect();
    let subject = match find(&answers.role)? {
        Ok(subject) => subject,
        Err(not_found) => {
            let finding = Finding::new(0, FieldPath::root().key("role"), not_found.message)
                .hint(not_found.hint);
            return Ok(Err(located(&[finding])));
        }
    };
    let replayed = match subject {
        Subject::Role(role) => match to_profile(&answers, &role, catalogue) {
            Ok(profile) => Replayed::Curated {
                role: *role,
                profile,
            },
            Err(findings) => return Ok(Err(located(&findings))),
        },
        Subject::Occupation(occupation) => match reference_only(&answers, &occupation) {
            Some(finding) => return Ok(Err(located(&[finding]))),
            None => Replayed::Reference(*occupation),
        },
    };
    Ok(Ok(Loaded { answers, replayed }))
}
