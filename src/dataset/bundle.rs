//! The binary form of the bundled dataset, written by `build.rs` and read at run time.
//!
//! Three postcard blobs (the dataset's identity, the concatenated role records, and a
//! catalogue of skills, sources and role summaries) and a fixed-layout index. A report reads
//! the identity, binary-searches the index in place (no decoding, so its cost does not grow
//! with the number of roles) and decodes the one role it needs.
//!
//! Index layout, little-endian u32s: role count, alias count; per role (sorted by id) the
//! id's offset and length in the name blob and the record's start and end in the role
//! records; per alias (sorted) its offset, length and role position; then the name blob.

use super::compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source};
use serde::{Deserialize, Serialize};

const ROLE_ENTRY: usize = 16;
const ALIAS_ENTRY: usize = 12;
const HEADER: usize = 8;

/// A read-only view of the index bytes.
pub struct IndexView<'a> {
    roles: &'a [u8],
    aliases: &'a [u8],
    names: &'a [u8],
}

impl<'a> IndexView<'a> {
    /// `None` when the bytes are not a well-formed index.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let role_count = read_u32(bytes, 0)? as usize;
        let alias_count = read_u32(bytes, 4)? as usize;
        let aliases_at = HEADER.checked_add(role_count.checked_mul(ROLE_ENTRY)?)?;
        let names_at = aliases_at.checked_add(alias_count.checked_mul(ALIAS_ENTRY)?)?;
        Some(IndexView {
            roles: bytes.get(HEADER..aliases_at)?,
            aliases: bytes.get(aliases_at..names_at)?,
            names: bytes.get(names_at..)?,
        })
    }

    pub fn role_count(&self) -> usize {
        self.roles.len() / ROLE_ENTRY
    }

    fn alias_count(&self) -> usize {
        self.aliases.len() / ALIAS_ENTRY
    }

    fn name(&self, entry: &[u8]) -> Option<&'a [u8]> {
        let offset = read_u32(entry, 0)? as usize;
        let length = read_u32(entry, 4)? as usize;
        self.names.get(offset..offset.checked_add(length)?)
    }

    fn role_entry(&self, i: usize) -> Option<&'a [u8]> {
        self.roles.get(i * ROLE_ENTRY..(i + 1) * ROLE_ENTRY)
    }

    fn alias_entry(&self, i: usize) -> Option<&'a [u8]> {
        self.aliases.get(i * ALIAS_ENTRY..(i + 1) * ALIAS_ENTRY)
    }

    /// The id of role `i`.
    pub fn id(&self, i: usize) -> Option<&'a str> {
        std::str::from_utf8(self.name(self.role_entry(i)?)?).ok()
    }

    /// Where role `i`'s record lies in the role records.
    pub fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let entry = self.role_entry(i)?;
        Some(read_u32(entry, 8)? as usize..read_u32(entry, 12)? as usize)
    }

    /// The position of the role with this exact id.
    pub fn find_id(&self, wanted: &str) -> Option<usize> {
        binary_search(
            self.role_count(),
            |i| self.role_entry(i).and_then(|e| self.name(e)),
            wanted.as_bytes(),
        )
    }

    /// The position of the role with this exact alias.
    pub fn find_alias(&self, wanted: &str) -> Option<usize> {
        let i = binary_search(
            self.alias_count(),
            |i| self.alias_entry(i).and_then(|e| self.name(e)),
            wanted.as_bytes(),
        )?;
        Some(read_u32(self.alias_entry(i)?, 8)? as usize)
    }

    /// Every id, in order; for suggestions, not for the lookup itself.
    pub fn ids(&self) -> Vec<&'a str> {
        (0..self.role_count()).filter_map(|i| self.id(i)).collect()
    }

    /// Every (alias, role position); for suggestions.
    pub fn aliases(&self) -> Vec<(&'a str, u32)> {
        (0..self.alias_count())
            .filter_map(|i| {
                let entry = self.alias_entry(i)?;
                Some((
                    std::str::from_utf8(self.name(entry)?).ok()?,
                    read_u32(entry, 8)?,
                ))
            })
            .collect()
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn binary_search<'a>(
    count: usize,
    name: impl Fn(usize) -> Option<&'a [u8]>,
    wanted: &[u8],
) -> Option<usize> {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        match name(middle)?.cmp(wanted) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    None
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Catalog {
    pub skills: Vec<Skill>,
    pub sources: Vec<Source>,
    pub summaries: Vec<RoleSummary>,
}

/// The blobs, in the order `build.rs` writes them to `OUT_DIR`.
pub struct EncodedBundle {
    pub meta: Vec<u8>,
    pub index: Vec<u8>,
    pub roles: Vec<u8>,
    pub catalog: Vec<u8>,
    pub labels: Vec<u8>,
}

/// Encodes a compiled dataset, whose roles are sorted by id (as `compile` leaves them).
pub fn encode(dataset: &Dataset) -> Result<EncodedBundle, postcard::Error> {
    let mut roles = Vec::new();
    let mut spans = Vec::with_capacity(dataset.roles.len());
    for role in &dataset.roles {
        let start = roles.len();
        roles.extend(postcard::to_allocvec(role)?);
        spans.push((start as u32, roles.len() as u32));
    }
    let mut aliases: Vec<(&str, u32)> = dataset
        .roles
        .iter()
        .enumerate()
        .flat_map(|(i, role)| role.aliases.iter().map(move |a| (a.as_str(), i as u32)))
        .collect();
    aliases.sort();
    let mut names = Vec::new();
    let mut name = |text: &str| {
        let offset = names.len() as u32;
        names.extend_from_slice(text.as_bytes());
        [offset, text.len() as u32]
    };
    let mut index = Vec::new();
    index.extend((dataset.roles.len() as u32).to_le_bytes());
    index.extend((aliases.len() as u32).to_le_bytes());
    for (role, &(start, end)) in dataset.roles.iter().zip(&spans) {
        for field in name(&role.id).into_iter().chain([start, end]) {
            index.extend(field.to_le_bytes());
        }
    }
    for &(alias, position) in &aliases {
        for field in name(alias).into_iter().chain([position]) {
            index.extend(field.to_le_bytes());
        }
    }
    index.extend(names);
    let catalog = Catalog {
        skills: dataset.skills.clone(),
        sources: dataset.sources.clone(),
        summaries: dataset.roles.iter().map(Role::summary_line).collect(),
    };
    Ok(EncodedBundle {
        meta: postcard::to_allocvec::<Meta>(&dataset.meta)?,
        index,
        roles,
        catalog: postcard::to_allocvec(&catalog)?,
        labels: postcard::to_allocvec(&dataset.labels)?,
    })
}
