//! From a found target to what a command works on, and from a name that found nothing
//! clear to a message that helps: the candidates, ranked, or the nearest names.

use super::{Found, find};
use crate::dataset::names::{NameKind, Target};
use crate::dataset::reference::Occupation;
use crate::dataset::{DataError, Role, Store};
use std::fmt;

/// What a report is about: a curated role, or an occupation of the reference tier.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    Role(Box<Role>),
    Occupation(Box<Occupation>),
}

impl Subject {
    pub fn id(&self) -> &str {
        match self {
            Subject::Role(role) => &role.id,
            Subject::Occupation(occupation) => &occupation.code,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Subject::Role(role) => &role.title,
            Subject::Occupation(occupation) => &occupation.title,
        }
    }
}

/// A name resolved, with a note when it was not an exact name of what it resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub subject: Subject,
    pub note: Option<String>,
}

/// A name that resolved to nothing usable, said so that the person can fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    pub message: String,
    pub hint: String,
    /// Several candidates matched: the name is ambiguous rather than unknown.
    pub ambiguous: bool,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// One candidate as lists show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub target: Target,
    pub id: String,
    pub title: String,
}

impl Candidate {
    /// "elementary-school-teacher  Elementary school teacher" with a tier mark for reference.
    pub fn line(&self, id_width: usize) -> String {
        let mark = match self.target {
            Target::Role(_) => "",
            Target::Occupation(_) => "  (published figures only)",
        };
        format!("{:id_width$}  {}{mark}", self.id, self.title)
    }
}

pub fn candidate(store: &Store, target: Target) -> Result<Candidate, DataError> {
    let (id, title) = match target {
        Target::Role(i) => {
            let role = store.role_at(i)?;
            (role.id, role.title)
        }
        Target::Occupation(i) => {
            let occupation = store.occupation_at(i)?;
            (occupation.code, occupation.title)
        }
    };
    Ok(Candidate { target, id, title })
}

pub fn subject_of(store: &Store, target: Target) -> Result<Subject, DataError> {
    Ok(match target {
        Target::Role(i) => Subject::Role(Box::new(store.role_at(i)?)),
        Target::Occupation(i) => Subject::Occupation(Box::new(store.occupation_at(i)?)),
    })
}

/// Resolves a job name to a curated role or a reference occupation.
pub fn subject(store: &Store, name: &str) -> Result<Result<Resolved, NotFound>, DataError> {
    Ok(match find(store, name)? {
        Found::Exact { target, kind } => {
            let subject = subject_of(store, target)?;
            let note = exact_note(name, kind, &subject);
            Ok(Resolved { subject, note })
        }
        Found::Closest(target) => {
            let subject = subject_of(store, target)?;
            let note = Some(format!(
                "`{}` matched {} ({})",
                name.trim(),
                subject.title(),
                subject.id()
            ));
            Ok(Resolved { subject, note })
        }
        Found::Ambiguous(targets) => Err(ambiguous(store, name, &targets)?),
        Found::Unknown(targets) => Err(unknown(store, name, &targets)?),
    })
}

/// Resolves a job name where a curated role is needed (answers files, `assess`, `--shift`):
/// a reference occupation is refused with its closest curated roles.
pub fn curated_role(store: &Store, name: &str) -> Result<Result<Role, NotFound>, DataError> {
    Ok(match subject(store, name)? {
        Ok(Resolved {
            subject: Subject::Role(role),
            ..
        }) => Ok(*role),
        Ok(Resolved {
            subject: Subject::Occupation(occupation),
            ..
        }) => Err(not_curated(&occupation)),
        Err(not_found) => Err(not_found),
    })
}

/// Why an occupation cannot stand where a curated role is needed, and what can.
pub fn not_curated(occupation: &Occupation) -> NotFound {
    let offered: Vec<&crate::dataset::reference::RoleLink> = occupation
        .curated
        .iter()
        .chain(&occupation.closest)
        .collect();
    let hint = if offered.is_empty() {
        format!(
            "`ai-exposure report --role {}` shows its published figures; `ai-exposure roles` lists the curated roles",
            occupation.code
        )
    } else {
        format!(
            "use a curated role: {}",
            offered
                .iter()
                .map(|link| format!("{} ({})", link.id, link.title))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    NotFound {
        message: format!(
            "{} ({}) has published figures but no task-by-task view yet",
            occupation.title, occupation.code
        ),
        hint,
        ambiguous: false,
    }
}

fn exact_note(name: &str, kind: NameKind, subject: &Subject) -> Option<String> {
    match kind {
        NameKind::Id | NameKind::Alias | NameKind::Title => None,
        NameKind::Code | NameKind::OccupationTitle if matches!(subject, Subject::Occupation(_)) => {
            None
        }
        _ => Some(format!(
            "`{}` is {} for {} ({})",
            name.trim(),
            kind.describe(),
            subject.title(),
            subject.id()
        )),
    }
}

fn listing(store: &Store, targets: &[Target]) -> Result<Vec<Candidate>, DataError> {
    targets.iter().map(|&t| candidate(store, t)).collect()
}

fn ambiguous(store: &Store, name: &str, targets: &[Target]) -> Result<NotFound, DataError> {
    let candidates = listing(store, targets)?;
    let width = candidates.iter().map(|c| c.id.len()).max().unwrap_or(0);
    let lines: Vec<String> = candidates
        .iter()
        .map(|c| format!("  {}", c.line(width)))
        .collect();
    Ok(NotFound {
        message: format!(
            "`{}` could be several jobs:\n{}",
            name.trim(),
            lines.join("\n")
        ),
        hint: format!(
            "give one of the ids above, e.g. `{}`",
            candidates.first().map_or("", |c| c.id.as_str())
        ),
        ambiguous: true,
    })
}

fn unknown(store: &Store, name: &str, targets: &[Target]) -> Result<NotFound, DataError> {
    let candidates = listing(store, targets)?;
    let hint = if candidates.is_empty() {
        "`ai-exposure roles --all TEXT` searches every occupation by the words of its title"
            .to_owned()
    } else {
        format!(
            "did you mean {}? `ai-exposure roles --all TEXT` searches every occupation",
            candidates
                .iter()
                .map(|c| format!("{} ({})", c.id, c.title))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Ok(NotFound {
        message: format!("no job matches `{}`", name.trim()),
        hint,
        ambiguous: false,
    })
}
