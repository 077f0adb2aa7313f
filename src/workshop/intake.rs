//! From what a room hands in (answers files, roster rows) to participants, checked against
//! the dataset: roles through the one finder, levels by id or by the role's own names for
//! them, skills by id or name, a worksheet's time figures scaled into shares. Every problem
//! names the file, row or field, the person, and the fix.
//!
//! Role records are decoded once per role and shared, as is the typical profile of each
//! (role, level): a room of 100,000 costs one small record per person.

use super::roster::{RosterRow, RowProblem, Unit};
use super::{Assessed, Origin, Participant, Reason};
use crate::answers::{self, Answers, CustomAnswer, FORMAT_VERSION};
use crate::dataset::problem::{FieldPath, Finding, Locator, Problem, Segment, number};
use crate::dataset::reference::Occupation;
use crate::dataset::{DataError, Level, Meta, Role, Skill, Store};
use crate::finder::Subject;
use crate::finder::resolve::{NotFound, subject};
use crate::scoring::Profile;
use crate::untrusted::one_line;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::rc::Rc;

/// A resolved job name, shared by everyone who gave it.
#[derive(Debug, Clone)]
enum Shared {
    Role(Rc<Role>),
    Occupation(Rc<Occupation>),
}

/// Turns answers files and roster rows into participants.
pub struct Intake<'a> {
    store: &'a Store,
    meta: &'a Meta,
    catalogue: Vec<Skill>,
    known: BTreeSet<String>,
    names: HashMap<String, Result<Shared, NotFound>>,
    roles: HashMap<String, Rc<Role>>,
    occupations: HashMap<String, Rc<Occupation>>,
    typical: HashMap<(String, Level), Rc<Profile>>,
    notes: Vec<String>,
}

impl<'a> Intake<'a> {
    pub fn new(store: &'a Store, meta: &'a Meta) -> Result<Self, DataError> {
        let catalogue = store.skills()?;
        let known = catalogue.iter().map(|s| s.id.to_string()).collect();
        Ok(Intake {
            store,
            meta,
            catalogue,
            known,
            names: HashMap::new(),
            roles: HashMap::new(),
            occupations: HashMap::new(),
            typical: HashMap::new(),
            notes: Vec::new(),
        })
    }

    /// Notes made since the last call (a role name matched loosely, a column not used), to
    /// print in order with the problems.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// A job name through the finder, once per distinct name. The first time a name matches
    /// loosely, a note says what it matched, at `place`.
    fn subject(
        &mut self,
        name: &str,
        place: impl FnOnce() -> String,
    ) -> Result<Result<Shared, NotFound>, DataError> {
        let key = name.trim();
        if let Some(found) = self.names.get(key) {
            return Ok(found.clone());
        }
        let key = key.to_owned();
        let found = match subject(self.store, &key)? {
            Ok(resolved) => {
                if let Some(note) = &resolved.note {
                    self.notes.push(format!("{}: note: {note}", place()));
                }
                Ok(match resolved.subject {
                    Subject::Role(role) => Shared::Role(
                        self.roles
                            .entry(role.id.clone())
                            .or_insert_with(|| Rc::new(*role))
                            .clone(),
                    ),
                    Subject::Occupation(occupation) => Shared::Occupation(
                        self.occupations
                            .entry(occupation.code.clone())
                            .or_insert_with(|| Rc::new(*occupation))
                            .clone(),
                    ),
                })
            }
            Err(not_found) => Err(not_found),
        };
        self.names.insert(key, found.clone());
        Ok(found)
    }

    /// The level's typical mix and skills, shared by everyone in that role at that level.
    fn typical(&mut self, role: &Rc<Role>, level: Level) -> Rc<Profile> {
        self.typical
            .entry((role.id.clone(), level))
            .or_insert_with(|| Rc::new(Profile::typical(role, level)))
            .clone()
    }

    /// A participant from a roster row, or the row's first problem.
    pub fn roster_row(
        &mut self,
        path: &Rc<str>,
        row: RosterRow,
    ) -> Result<Result<Participant, RowProblem>, DataError> {
        let who = row.name.clone();
        let problem =
            |column: usize, field: &str, message: String, hint: String, reason| RowProblem {
                problem: Problem {
                    file: path.to_string(),
                    line: row.line,
                    column,
                    field: field.to_owned(),
                    message: format!("{who}: {message}"),
                    hint: Some(hint),
                },
                reason,
            };
        let place = || format!("{path}:{}:{}", row.line, row.role.column);
        let shared = match self.subject(&row.role.text, place)? {
            Ok(shared) => shared,
            Err(not_found) => {
                return Ok(Err(problem(
                    row.role.column,
                    "role",
                    not_found.message,
                    not_found.hint,
                    Reason::Role,
                )));
            }
        };
        let names = self.level_names(&shared);
        let Some(level) = find_level(&row.level.text, &names) else {
            return Ok(Err(problem(
                row.level.column,
                "level",
                format!("unknown level `{}`", row.level.text),
                level_hint(&row.level.text, &names),
                Reason::Level,
            )));
        };
        let role = match shared {
            Shared::Occupation(occupation) => {
                if row.skills.is_some() || row.has_time() {
                    self.notes.push(format!(
                        "{path}:{}:1: note: {who}: {} has published figures only, so the skills and time columns are not used",
                        row.line, occupation.title
                    ));
                }
                return Ok(Ok(Participant {
                    name: row.name,
                    origin: Origin {
                        file: Rc::clone(path),
                        line: row.line,
                    },
                    subject: Assessed::Reference { occupation, level },
                    notes: Vec::new(),
                }));
            }
            Shared::Role(role) => role,
        };
        let mut skills = BTreeSet::new();
        for entry in row.skill_entries() {
            match self.skill_id(entry) {
                Some(id) => {
                    skills.insert(id);
                }
                None => {
                    return Ok(Err(problem(
                        row.skills.as_ref().map_or(1, |c| c.column),
                        "skills",
                        format!("unknown skill `{entry}`"),
                        self.skill_hint(entry, &role),
                        Reason::Skills,
                    )));
                }
            }
        }
        if !row.has_time() {
            let typical = self.typical(&role, level);
            let profile = if row.skills.is_none() {
                typical
            } else {
                Rc::new(Profile {
                    skills,
                    ..(*typical).clone()
                })
            };
            return Ok(Ok(Participant {
                name: row.name,
                origin: Origin {
                    file: Rc::clone(path),
                    line: row.line,
                },
                subject: Assessed::Curated { role, profile },
                notes: Vec::new(),
            }));
        }

        let ids: Vec<&str> = role.tasks.iter().map(|t| t.id.as_str()).collect();
        let mut figures: BTreeMap<String, f64> = BTreeMap::new();
        for entry in &row.times {
            if role.task_index(&entry.task).is_none() {
                return Ok(Err(problem(
                    entry.column,
                    &format!("time:{}", entry.task),
                    format!("`{}` is not a task of {}", entry.task, role.title),
                    format!(
                        "the worksheet for {} has time:{}; leave other roles' columns empty",
                        role.id,
                        ids.join(", time:")
                    ),
                    Reason::Time,
                )));
            }
            *figures.entry(entry.task.clone()).or_default() += entry.time.value;
        }
        let total: f64 =
            figures.values().sum::<f64>() + row.own_tasks.iter().map(|t| t.time.value).sum::<f64>();
        if total <= 0.0 {
            return Ok(Err(problem(
                row.times.first().map_or(1, |t| t.column),
                "time",
                "the time figures add up to 0".into(),
                "write the time spent on each task they do; leave the others empty".into(),
                Reason::Time,
            )));
        }
        let unit = row
            .times
            .iter()
            .map(|t| t.time.unit)
            .chain(row.own_tasks.iter().map(|t| t.time.unit))
            .find(|u| *u != Unit::Bare)
            .unwrap_or(Unit::Bare);
        let answers = Answers {
            format_version: FORMAT_VERSION,
            name: Some(row.name.clone()),
            role: role.id.clone(),
            level,
            skills: if row.skills.is_some() {
                skills.into_iter().collect()
            } else {
                self.typical(&role, level).skills.iter().cloned().collect()
            },
            shares: figures
                .into_iter()
                .map(|(task, value)| (task, value / total))
                .collect(),
            custom_tasks: row
                .own_tasks
                .iter()
                .map(|own| CustomAnswer {
                    title: own.title.clone(),
                    exposure: own.exposure,
                    mode: own.mode,
                    share: own.time.value / total,
                })
                .collect(),
        };
        let profile = match answers::to_profile(&answers, &role, &self.known) {
            Ok(profile) => profile,
            Err(findings) => {
                let finding = &findings[0];
                return Ok(Err(problem(
                    1,
                    &roster_field(&finding.field),
                    finding.message.clone(),
                    finding.hint.clone().unwrap_or_default(),
                    Reason::Time,
                )));
            }
        };
        Ok(Ok(Participant {
            name: row.name,
            origin: Origin {
                file: Rc::clone(path),
                line: row.line,
            },
            subject: Assessed::Curated {
                role,
                profile: Rc::new(profile),
            },
            notes: scaled_note(total, unit).into_iter().collect(),
        }))
    }

    /// A participant from an answers file, or every problem in it.
    pub fn answers_file(
        &mut self,
        path: &Path,
    ) -> Result<Result<Participant, Vec<RowProblem>>, DataError> {
        let (answers, text) = match answers::read(path) {
            Ok(read) => read,
            Err(problem) => {
                let reason = if problem.line == 0 {
                    Reason::File
                } else {
                    Reason::Answers
                };
                return Ok(Err(vec![RowProblem { problem, reason }]));
            }
        };
        let display = path.display().to_string();
        let locator = Locator::new(&display, &text);
        let located = |field: FieldPath, message: String, hint: String, reason| RowProblem {
            problem: locator.locate(&Finding::new(0, field, message).hint(hint)),
            reason,
        };
        let role_field = FieldPath::root().key("role");
        let place = || {
            let at = locator.locate(&Finding::new(0, role_field.clone(), ""));
            format!("{display}:{}:{}", at.line, at.column)
        };
        let name = answers
            .name
            .as_deref()
            .map(one_line)
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| {
                path.file_stem().map_or_else(
                    || "participant".to_owned(),
                    |s| one_line(&s.to_string_lossy()),
                )
            });
        let shared = match self.subject(&answers.role, place)? {
            Ok(shared) => shared,
            Err(not_found) => {
                return Ok(Err(vec![located(
                    role_field,
                    not_found.message,
                    not_found.hint,
                    Reason::Role,
                )]));
            }
        };
        let subject = match shared {
            Shared::Occupation(occupation) => {
                if let Some(finding) = answers::reference_only(&answers, &occupation) {
                    return Ok(Err(vec![RowProblem {
                        problem: locator.locate(&finding),
                        reason: Reason::Answers,
                    }]));
                }
                Assessed::Reference {
                    occupation,
                    level: answers.level,
                }
            }
            Shared::Role(role) => match answers::to_profile(&answers, &role, &self.known) {
                Ok(profile) => Assessed::Curated {
                    role,
                    profile: Rc::new(profile),
                },
                Err(findings) => {
                    return Ok(Err(findings
                        .iter()
                        .map(|f| RowProblem {
                            problem: locator.locate(f),
                            reason: Reason::Answers,
                        })
                        .collect()));
                }
            },
        };
        Ok(Ok(Participant {
            name,
            origin: Origin {
                file: Rc::from(display.as_str()),
                line: 0,
            },
            subject,
            notes: Vec::new(),
        }))
    }

    /// What a level is called for this subject, in [`Level::ALL`] order.
    fn level_names(&self, shared: &Shared) -> Vec<String> {
        match shared {
            Shared::Role(role) => role.levels.iter().map(|l| l.name.to_string()).collect(),
            Shared::Occupation(occupation) => self
                .meta
                .families
                .iter()
                .find(|f| f.id == occupation.family)
                .map(|f| f.levels.iter().map(|l| l.name.clone()).collect())
                .unwrap_or_default(),
        }
    }

    /// A skill's id from its id or its name, in any case.
    fn skill_id(&self, entry: &str) -> Option<String> {
        let wanted = normalise(entry);
        self.catalogue
            .iter()
            .find(|s| s.id == wanted.replace(' ', "-") || normalise(&s.name) == wanted)
            .map(|s| s.id.to_string())
    }

    /// "did you mean ...", from the role's skills first, then the catalogue.
    fn skill_hint(&self, entry: &str, role: &Role) -> String {
        let wanted = normalise(entry);
        let nearest = role
            .skills
            .iter()
            .chain(&self.catalogue)
            .map(|s| {
                let distance = strsim::damerau_levenshtein(&wanted, &normalise(&s.name))
                    .min(strsim::damerau_levenshtein(&wanted, &s.id));
                (distance, s)
            })
            .filter(|(distance, _)| *distance <= close_enough(&wanted))
            .min_by_key(|(distance, _)| *distance);
        match nearest {
            Some((_, skill)) => format!(
                "did you mean `{}` ({})? Skills are ids or names from the role's list or data/skills.toml, separated by ;",
                skill.id, skill.name
            ),
            None => format!(
                "skills are ids or names separated by ;, e.g. for {}: {}",
                role.title,
                role.skills
                    .iter()
                    .take(4)
                    .map(|s| s.name.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }
    }
}

/// Lowercase, with hyphens, underscores and runs of spaces as single spaces.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Typos allowed when suggesting: one in a short word, two in a longer one.
fn close_enough(word: &str) -> usize {
    if word.chars().count() >= 8 { 2 } else { 1 }
}

/// A level by its id or its name for this role (`Journeyman`), in any case.
pub fn find_level(text: &str, names: &[String]) -> Option<Level> {
    let wanted = normalise(text);
    Level::ALL.into_iter().find(|level| {
        level.as_str() == wanted
            || names
                .get(level.index())
                .is_some_and(|name| normalise(name) == wanted)
    })
}

/// "did you mean `senior`? ..." and the levels this role knows.
pub fn level_hint(text: &str, names: &[String]) -> String {
    let wanted = normalise(text);
    let candidates: Vec<String> = Level::ALL
        .iter()
        .map(|l| l.as_str().to_owned())
        .chain(names.iter().map(|n| normalise(n)))
        .collect();
    let nearest = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&wanted, c), c))
        .filter(|(distance, _)| *distance <= close_enough(&wanted))
        .min_by_key(|(distance, _)| *distance);
    let names: Vec<&str> = names
        .iter()
        .zip(Level::ALL)
        .filter(|(name, level)| normalise(name) != level.as_str())
        .map(|(name, _)| name.as_str())
        .collect();
    let mut hint = match nearest {
        Some((_, level)) => format!("did you mean `{level}`? "),
        None => String::new(),
    };
    hint.push_str("levels are junior, mid, senior and lead");
    if !names.is_empty() {
        hint.push_str(&format!(
            ", or as this role names them: {}",
            names.join(", ")
        ));
    }
    hint
}

/// What the handout says when a worksheet's figures were scaled into shares.
fn scaled_note(total: f64, unit: Unit) -> Option<String> {
    match unit {
        Unit::Hours => Some(format!(
            "Time from your worksheet: {} hours in all, shown as shares of your week.",
            number(round_figure(total))
        )),
        _ if (total - 100.0).abs() > 0.5 => Some(format!(
            "Time from your worksheet: your figures add up to {}, so they are scaled to make 100%.",
            number(round_figure(total))
        )),
        _ => None,
    }
}

fn round_figure(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// An answers path (`shares.write-code`, `custom_tasks[0].share`) as the roster names it.
fn roster_field(field: &FieldPath) -> String {
    match field.0.as_slice() {
        [Segment::Key(key), Segment::Key(task), ..] if key == "shares" => format!("time:{task}"),
        [Segment::Key(key), Segment::Index(i), ..] if key == "custom_tasks" => {
            format!("own{}:time", i + 1)
        }
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_found_by_id_or_name_in_any_case_and_typos_get_a_suggestion() {
        let names: Vec<String> = ["Apprentice", "Journeyman", "Master", "Foreman"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(find_level("Senior", &names), Some(Level::Senior));
        assert_eq!(find_level(" journeyman ", &names), Some(Level::Mid));
        assert_eq!(find_level("senoir", &names), None);
        let hint = level_hint("senoir", &names);
        assert!(hint.starts_with("did you mean `senior`?"), "{hint}");
        assert!(hint.contains("Apprentice, Journeyman"), "{hint}");
    }
}
