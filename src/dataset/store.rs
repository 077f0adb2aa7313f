//! Run-time access to a dataset: the bundled one, decoded a record at a time, or a dataset
//! built in memory from a `--data` directory laid over it.

use super::bundle::{Catalog, IndexView, ReferenceExtra};
use super::compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source};
use super::load::read_dir;
use super::names::{Corpus, NameKind, NameTable, Target, build_corpus, build_names, encode_names};
use super::problem::Problem;
use super::reference::{Occupation, Reference};
use super::validate::compile_checked;
use std::fmt;
use std::path::Path;

macro_rules! bundled {
    ($($name:ident = $file:literal;)+) => {
        $(static $name: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/", $file));)+
    };
}

bundled! {
    META = "meta.bin";
    CATALOG = "catalog.bin";
    ROLE_INDEX = "role_index.bin";
    ROLES = "roles.bin";
    OCCUPATION_INDEX = "occupation_index.bin";
    OCCUPATIONS = "occupations.bin";
    NAMES = "names.bin";
    CORPUS = "corpus.bin";
    REFERENCE = "reference.bin";
}

/// Why a dataset could not be used.
#[derive(Debug)]
pub enum DataError {
    /// The bundled records did not decode: a build problem, not a user one.
    Corrupt(String),
    /// The `--data` directory could not be read.
    Unreadable(String),
    /// The `--data` directory has problems.
    Invalid(Vec<Problem>),
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Corrupt(what) => write!(
                f,
                "the bundled dataset is damaged ({what}); reinstall ai-exposure"
            ),
            DataError::Unreadable(why) => write!(f, "{why}"),
            DataError::Invalid(problems) => {
                write!(f, "the dataset has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n{problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataError {}

/// The dataset a command works on.
pub enum Store {
    Bundled,
    Memory(Box<InMemory>),
}

/// An overlay dataset, with the name table and search corpus built for it.
pub struct InMemory {
    dataset: Dataset,
    names: Vec<u8>,
    corpus: Corpus,
}

impl Store {
    /// The dataset built into the binary.
    pub fn bundled() -> Self {
        Store::Bundled
    }

    /// The bundled dataset with the directory `dir` laid over it, after full validation.
    pub fn with_overlay(dir: &Path) -> Result<Self, DataError> {
        let raw = read_dir(dir).map_err(|e| DataError::Unreadable(e.to_string()))?;
        let base = Store::Bundled.to_dataset()?;
        let dataset = compile_checked(&raw, base).map_err(DataError::Invalid)?;
        Ok(Store::in_memory(dataset))
    }

    /// A store over a dataset already in memory (an overlay, or a test's own dataset).
    pub fn in_memory(dataset: Dataset) -> Self {
        let names = encode_names(&build_names(&dataset));
        let corpus = build_corpus(&dataset);
        Store::Memory(Box::new(InMemory {
            dataset,
            names,
            corpus,
        }))
    }

    pub fn meta(&self) -> Result<Meta, DataError> {
        match self {
            Store::Bundled => decode(META, "meta"),
            Store::Memory(memory) => Ok(memory.dataset.meta.clone()),
        }
    }

    pub fn summaries(&self) -> Result<Vec<RoleSummary>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.summaries),
            Store::Memory(memory) => Ok(memory
                .dataset
                .roles
                .iter()
                .map(Role::summary_line)
                .collect()),
        }
    }

    pub fn skills(&self) -> Result<Vec<Skill>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.skills),
            Store::Memory(memory) => Ok(memory.dataset.skills.clone()),
        }
    }

    pub fn sources(&self) -> Result<Vec<Source>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.sources),
            Store::Memory(memory) => Ok(memory.dataset.sources.clone()),
        }
    }

    /// The kind and targets of an exact, already normalised name (`names::normalise`).
    pub fn lookup(&self, normalised: &str) -> Result<Option<(NameKind, Vec<Target>)>, DataError> {
        let bytes = match self {
            Store::Bundled => NAMES,
            Store::Memory(memory) => &memory.names,
        };
        let table = NameTable::new(bytes).ok_or_else(|| DataError::Corrupt("names".into()))?;
        Ok(table.find(normalised))
    }

    /// The words of every name, for ranked search; decoded only when a name is not exact.
    pub fn corpus(&self) -> Result<Corpus, DataError> {
        match self {
            Store::Bundled => decode(CORPUS, "corpus"),
            Store::Memory(memory) => Ok(memory.corpus.clone()),
        }
    }

    /// The curated role at a position of the sorted role list.
    pub fn role_at(&self, position: u32) -> Result<Role, DataError> {
        match self {
            Store::Bundled => bundled_record(ROLE_INDEX, ROLES, position as usize, "role"),
            Store::Memory(memory) => memory
                .dataset
                .roles
                .get(position as usize)
                .cloned()
                .ok_or_else(|| DataError::Corrupt("role position".into())),
        }
    }

    /// The reference occupation at a position of the sorted occupation list.
    pub fn occupation_at(&self, position: u32) -> Result<Occupation, DataError> {
        match self {
            Store::Bundled => bundled_record(
                OCCUPATION_INDEX,
                OCCUPATIONS,
                position as usize,
                "occupation",
            ),
            Store::Memory(memory) => memory
                .dataset
                .reference
                .occupations
                .get(position as usize)
                .cloned()
                .ok_or_else(|| DataError::Corrupt("occupation position".into())),
        }
    }

    /// A curated role by its exact id.
    pub fn role_by_id(&self, id: &str) -> Result<Option<Role>, DataError> {
        let position = match self {
            Store::Bundled => index(ROLE_INDEX, "role index")?.find(id),
            Store::Memory(memory) => memory
                .dataset
                .roles
                .binary_search_by(|r| r.id.as_str().cmp(id))
                .ok(),
        };
        position.map(|p| self.role_at(p as u32)).transpose()
    }

    /// Every reference occupation, sorted by code: for listings, never for one report.
    pub fn occupations(&self) -> Result<Vec<Occupation>, DataError> {
        match self {
            Store::Bundled => {
                let count = index(OCCUPATION_INDEX, "occupation index")?.count();
                (0..count as u32).map(|i| self.occupation_at(i)).collect()
            }
            Store::Memory(memory) => Ok(memory.dataset.reference.occupations.clone()),
        }
    }

    /// Decodes everything: for validation and overlays, never for a single report.
    pub fn to_dataset(&self) -> Result<Dataset, DataError> {
        match self {
            Store::Memory(memory) => Ok(memory.dataset.clone()),
            Store::Bundled => {
                let catalog: Catalog = decode(CATALOG, "catalog")?;
                let extra: ReferenceExtra = decode(REFERENCE, "reference")?;
                let count = index(ROLE_INDEX, "role index")?.count();
                Ok(Dataset {
                    meta: decode(META, "meta")?,
                    skills: catalog.skills,
                    sources: catalog.sources,
                    roles: (0..count as u32)
                        .map(|i| self.role_at(i))
                        .collect::<Result<_, _>>()?,
                    reference: Reference {
                        labels: extra.labels,
                        all_change_percent: extra.all_change_percent,
                        occupations: self.occupations()?,
                        groups: extra.groups,
                    },
                    names: extra.names,
                })
            }
        }
    }
}

fn index(bytes: &'static [u8], what: &str) -> Result<IndexView<'static>, DataError> {
    IndexView::new(bytes).ok_or_else(|| DataError::Corrupt(what.into()))
}

fn bundled_record<T: serde::Deserialize<'static>>(
    index_bytes: &'static [u8],
    records: &'static [u8],
    position: usize,
    what: &str,
) -> Result<T, DataError> {
    let bytes = index(index_bytes, what)?
        .span(position)
        .and_then(|span| records.get(span))
        .ok_or_else(|| DataError::Corrupt(format!("{what} record out of range")))?;
    decode(bytes, what)
}

fn decode<T: serde::Deserialize<'static>>(
    bytes: &'static [u8],
    what: &str,
) -> Result<T, DataError> {
    postcard::from_bytes(bytes).map_err(|e| DataError::Corrupt(format!("{what}: {e}")))
}
