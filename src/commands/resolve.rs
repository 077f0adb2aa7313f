//! Job names from the command line, through the one finder, into what a command works on
//! or a usage error that lists the candidates.

use crate::dataset::{Role, Store};
use crate::error::CliError;
use crate::finder::{self, NotFound, Resolved, Subject};

/// A curated role or a reference occupation; a note says what a non-exact name matched.
pub fn subject(store: &Store, name: &str) -> Result<Resolved, CliError> {
    finder::subject(store, name)?.map_err(usage)
}

/// A curated role, for commands that need its tasks.
pub fn role(store: &Store, name: &str) -> Result<Role, CliError> {
    let resolved = subject(store, name)?;
    match resolved.subject {
        Subject::Role(role) => {
            announce(&Resolved {
                subject: Subject::Role(role.clone()),
                note: resolved.note,
            });
            Ok(*role)
        }
        Subject::Occupation(occupation) => Err(usage(finder::resolve::not_curated(&occupation))),
    }
}

/// Prints the note of a non-exact match on stderr, where it cannot mix with the data.
pub fn announce(resolved: &Resolved) {
    if let Some(note) = &resolved.note {
        crate::error::diagnostic(&format!("note: {note}"));
    }
}

fn usage(not_found: NotFound) -> CliError {
    CliError::usage(not_found.message).with_hint(not_found.hint)
}
