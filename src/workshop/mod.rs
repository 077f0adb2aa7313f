//! Workshops: a room of participants at once. Each comes from an answers file or a roster
//! row; each gets a handout; the group gets an anonymised summary.
//!
//! Memory stays flat as the room grows: participants share one role record per role and one
//! profile per (role, level) when they use the level's typical mix, and handouts are written
//! one at a time and dropped, so a person costs one small record.

pub mod folder;
pub mod intake;
pub mod kinds;
pub mod roster;
pub mod summary;

use crate::dataset::Level;
use crate::dataset::Role;
use crate::dataset::reference::Occupation;
use crate::scoring::Profile;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// One person in the room.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Shown only in their own handout, never in the summary.
    pub name: String,
    /// Where they were read from, for messages.
    pub origin: Origin,
    pub subject: Assessed,
    /// What the handout says about how their figures were read (time scaled, say).
    pub notes: Vec<String>,
}

/// A file, shared by everyone read from it, and the line of a roster row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: Rc<str>,
    /// 0 for an answers file: the whole file is the person.
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file)
        } else {
            write!(f, "{}:{}", self.file, self.line)
        }
    }
}

/// What a participant is assessed as.
#[derive(Debug, Clone)]
pub enum Assessed {
    /// A curated role: the full report, for their own mix or the level's typical one.
    Curated {
        role: Rc<Role>,
        profile: Rc<Profile>,
    },
    /// An occupation with published figures only: a reference report.
    Reference {
        occupation: Rc<Occupation>,
        level: Level,
    },
}

/// Why a participant could not be used: the summary counts them by reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// The file could not be read, or is not an answers file.
    File,
    /// The answers file's content does not fit its role.
    Answers,
    /// The roster's header row is unusable: none of its rows can be read.
    Header,
    /// A row whose quoting is broken.
    Quoting,
    Name,
    Role,
    Level,
    Skills,
    Time,
    OwnTask,
}

impl Reason {
    /// How the summary names the reason.
    pub fn label(self) -> &'static str {
        match self {
            Reason::File => "file could not be read",
            Reason::Answers => "answers do not fit the role",
            Reason::Header => "roster header unusable",
            Reason::Quoting => "row with broken quoting",
            Reason::Name => "no name",
            Reason::Role => "role not found",
            Reason::Level => "level not known",
            Reason::Skills => "skill not known",
            Reason::Time => "time figures unusable",
            Reason::OwnTask => "own task incomplete",
        }
    }
}

/// A file-name-safe version of a name: lowercase letters and digits (any script) joined by
/// hyphens, so "Chloé Martin" becomes "chloé-martin".
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(60).collect()
}

/// File names, one per participant, made unique in the order people come: `sam-lee`,
/// `sam-lee-2`, `sam-lee-3`. Each base remembers its next suffix, so a room of 20,000 people
/// with one name takes linear time, not quadratic.
#[derive(Debug, Default)]
pub struct UniqueNames {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueNames {
    /// The slug of `name`, or the first free numbered variant of it; never empty.
    pub fn claim(&mut self, name: &str) -> String {
        let mut base = slug(name);
        if base.is_empty() {
            base = "participant".to_owned();
        }
        if self.used.insert(base.clone()) {
            return base;
        }
        let next = self.next.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_names_are_numbered_in_order_and_fast() {
        let mut names = UniqueNames::default();
        let claimed: Vec<String> = ["Sam Lee", "sam-lee-2", "Sam Lee", "Sam  Lee", "", "!!"]
            .iter()
            .map(|n| names.claim(n))
            .collect();
        assert_eq!(
            claimed,
            [
                "sam-lee",
                "sam-lee-2",
                "sam-lee-3",
                "sam-lee-4",
                "participant",
                "participant-2"
            ]
        );
        let start = std::time::Instant::now();
        for _ in 0..20_000 {
            names.claim("Ann Lee");
        }
        assert_eq!(names.claim("Ann Lee"), "ann-lee-20001");
        assert!(start.elapsed().as_secs() < 5);
    }
}
