//! The binary form of the bundled dataset, written by `build.rs` and read at run time.
//!
//! Postcard blobs for the dataset's identity, the catalogue (skills, sources, role summaries),
//! the search corpus and the rest of the reference tier; concatenated records for roles and
//! for reference occupations, each with a fixed-layout index; and the name table
//! (`names.rs`). A report reads the identity, looks its name up in place (no decoding, so its
//! cost does not grow with the dataset) and decodes the one record it needs.
//!
//! Record index layout, little-endian u32s: record count; per record (sorted by id) the
//! id's offset and length in the id blob and the record's start and end; then the id blob.

use super::compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source};
use super::names::{Corpus, build_corpus, build_names, encode_names};
use super::published::TaskLabels;
use super::reference::Group;
use serde::{Deserialize, Serialize};

const RECORD_ENTRY: usize = 16;
const HEADER: usize = 4;

/// A read-only view of a record index.
pub struct IndexView<'a> {
    records: &'a [u8],
    ids: &'a [u8],
}

impl<'a> IndexView<'a> {
    /// `None` when the bytes are not a well-formed index.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let count = read_u32(bytes, 0)? as usize;
        let ids_at = HEADER.checked_add(count.checked_mul(RECORD_ENTRY)?)?;
        Some(IndexView {
            records: bytes.get(HEADER..ids_at)?,
            ids: bytes.get(ids_at..)?,
        })
    }

    pub fn count(&self) -> usize {
        self.records.len() / RECORD_ENTRY
    }

    fn entry(&self, i: usize) -> Option<&'a [u8]> {
        self.records.get(i * RECORD_ENTRY..(i + 1) * RECORD_ENTRY)
    }

    /// The id of record `i`.
    pub fn id(&self, i: usize) -> Option<&'a str> {
        let entry = self.entry(i)?;
        let offset = read_u32(entry, 0)? as usize;
        let length = read_u32(entry, 4)? as usize;
        std::str::from_utf8(self.ids.get(offset..offset.checked_add(length)?)?).ok()
    }

    /// Where record `i` lies in the records blob.
    pub fn span(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let entry = self.entry(i)?;
        Some(read_u32(entry, 8)? as usize..read_u32(entry, 12)? as usize)
    }

    /// The position of the record with this exact id.
    pub fn find(&self, wanted: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.count());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.id(middle)?.cmp(wanted) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Catalog {
    pub skills: Vec<Skill>,
    pub sources: Vec<Source>,
    pub summaries: Vec<RoleSummary>,
}

/// What an overlay dataset needs of the reference tier besides the occupation records.
#[derive(Debug, Serialize, Deserialize)]
pub struct ReferenceExtra {
    pub labels: TaskLabels,
    pub all_change_percent: f64,
    pub groups: Vec<Group>,
    pub names: Vec<(String, String)>,
}

/// The blobs `build.rs` writes to `OUT_DIR`.
pub struct EncodedBundle {
    pub meta: Vec<u8>,
    pub catalog: Vec<u8>,
    pub role_index: Vec<u8>,
    pub roles: Vec<u8>,
    pub occupation_index: Vec<u8>,
    pub occupations: Vec<u8>,
    pub names: Vec<u8>,
    pub corpus: Vec<u8>,
    pub reference: Vec<u8>,
}

impl EncodedBundle {
    /// (file name, bytes), in the order `store.rs` includes them.
    pub fn files(&self) -> [(&'static str, &[u8]); 9] {
        [
            ("meta.bin", &self.meta),
            ("catalog.bin", &self.catalog),
            ("role_index.bin", &self.role_index),
            ("roles.bin", &self.roles),
            ("occupation_index.bin", &self.occupation_index),
            ("occupations.bin", &self.occupations),
            ("names.bin", &self.names),
            ("corpus.bin", &self.corpus),
            ("reference.bin", &self.reference),
        ]
    }
}

/// Records and their index, for records sorted by id.
fn encode_records<T: Serialize>(
    records: &[T],
    id: impl Fn(&T) -> &str,
) -> Result<(Vec<u8>, Vec<u8>), postcard::Error> {
    let mut blob = Vec::new();
    let mut index = (records.len() as u32).to_le_bytes().to_vec();
    let mut ids = Vec::new();
    for record in records {
        let start = blob.len() as u32;
        blob.extend(postcard::to_allocvec(record)?);
        let name = id(record);
        for field in [
            ids.len() as u32,
            name.len() as u32,
            start,
            blob.len() as u32,
        ] {
            index.extend(field.to_le_bytes());
        }
        ids.extend_from_slice(name.as_bytes());
    }
    index.extend(ids);
    Ok((index, blob))
}

/// Encodes a compiled dataset, whose roles and occupations are sorted by id and code.
pub fn encode(dataset: &Dataset) -> Result<EncodedBundle, postcard::Error> {
    let (role_index, roles) = encode_records(&dataset.roles, |r| &r.id)?;
    let (occupation_index, occupations) =
        encode_records(&dataset.reference.occupations, |o| &o.code)?;
    let catalog = Catalog {
        skills: dataset.skills.clone(),
        sources: dataset.sources.clone(),
        summaries: dataset.roles.iter().map(Role::summary_line).collect(),
    };
    let corpus: Corpus = build_corpus(dataset);
    Ok(EncodedBundle {
        meta: postcard::to_allocvec::<Meta>(&dataset.meta)?,
        catalog: postcard::to_allocvec(&catalog)?,
        role_index,
        roles,
        occupation_index,
        occupations,
        names: encode_names(&build_names(dataset)),
        corpus: postcard::to_allocvec(&corpus)?,
        reference: postcard::to_allocvec(&ReferenceExtra {
            labels: dataset.reference.labels.clone(),
            all_change_percent: dataset.reference.all_change_percent,
            groups: dataset.reference.groups.clone(),
            names: dataset.names.clone(),
        })?,
    })
}
