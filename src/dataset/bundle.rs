//! The binary form of the bundled dataset, written by `build.rs` and read at run time.
//!
//! Four postcard blobs: the dataset's identity, a sorted index of role ids and aliases
//! pointing into the concatenated role records, and a catalogue (skills, sources, role
//! summaries). A report reads the identity, binary-searches the index without copying, and
//! decodes the one role it needs; nothing is parsed at start-up.

use super::compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct IndexEntry<'a> {
    pub id: &'a str,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Index<'a> {
    /// Sorted by id.
    #[serde(borrow)]
    pub roles: Vec<IndexEntry<'a>>,
    /// Alias → position in `roles`, sorted by alias.
    #[serde(borrow)]
    pub aliases: Vec<(&'a str, u32)>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Catalog {
    pub skills: Vec<Skill>,
    pub sources: Vec<Source>,
    pub summaries: Vec<RoleSummary>,
}

/// The four blobs, in the order `build.rs` writes them to `OUT_DIR`.
pub struct EncodedBundle {
    pub meta: Vec<u8>,
    pub index: Vec<u8>,
    pub roles: Vec<u8>,
    pub catalog: Vec<u8>,
}

/// Encodes a compiled dataset, whose roles are sorted by id.
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
    let index = Index {
        roles: dataset
            .roles
            .iter()
            .zip(&spans)
            .map(|(role, &(start, end))| IndexEntry {
                id: &role.id,
                start,
                end,
            })
            .collect(),
        aliases,
    };
    let catalog = Catalog {
        skills: dataset.skills.clone(),
        sources: dataset.sources.clone(),
        summaries: dataset.roles.iter().map(Role::summary_line).collect(),
    };
    Ok(EncodedBundle {
        meta: postcard::to_allocvec::<Meta>(&dataset.meta)?,
        index: postcard::to_allocvec(&index)?,
        roles,
        catalog: postcard::to_allocvec(&catalog)?,
    })
}
