//! Workshops: a room of participants at once. Each comes from an answers file or a roster
//! row; each gets a handout; the group gets an anonymised summary.

pub mod roster;
pub mod summary;

use crate::dataset::Role;
use crate::scoring::Profile;

/// One person in the room.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Shown only in their own handout, never in the summary.
    pub name: String,
    pub role: Role,
    pub profile: Profile,
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
