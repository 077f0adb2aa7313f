//! Run-time access to a dataset: the bundled one, decoded a record at a time, or a dataset
//! built in memory from a `--data` directory laid over it.

use super::bundle::{Catalog, IndexView};
use super::compiled::{Dataset, Meta, Role, RoleSummary, Skill, Source};
use super::load::read_dir;
use super::problem::Problem;
use super::validate::compile_checked;
use std::fmt;
use std::path::Path;

static META: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/meta.bin"));
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
static ROLES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/roles.bin"));
static CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
static LABELS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/labels.bin"));

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

/// A role name that matched no role, with the closest ids to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole {
    pub name: String,
    pub suggestions: Vec<String>,
    /// Set when the name is a prefix of several roles.
    pub ambiguous: bool,
}

impl fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ambiguous {
            write!(
                f,
                "role `{}` is ambiguous: it could be {}",
                self.name,
                self.suggestions.join(", ")
            )
        } else {
            write!(f, "unknown role `{}`", self.name)?;
            if !self.suggestions.is_empty() {
                write!(f, "; did you mean {}?", self.suggestions.join(", "))?;
            }
            Ok(())
        }
    }
}

/// The dataset a command works on.
pub enum Store {
    Bundled,
    Memory(Box<Dataset>),
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
        compile_checked(&raw, base)
            .map(|dataset| Store::Memory(Box::new(dataset)))
            .map_err(DataError::Invalid)
    }

    pub fn meta(&self) -> Result<Meta, DataError> {
        match self {
            Store::Bundled => decode(META, "meta"),
            Store::Memory(dataset) => Ok(dataset.meta.clone()),
        }
    }

    pub fn summaries(&self) -> Result<Vec<RoleSummary>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.summaries),
            Store::Memory(dataset) => Ok(dataset.roles.iter().map(Role::summary_line).collect()),
        }
    }

    pub fn skills(&self) -> Result<Vec<Skill>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.skills),
            Store::Memory(dataset) => Ok(dataset.skills.clone()),
        }
    }

    pub fn sources(&self) -> Result<Vec<Source>, DataError> {
        match self {
            Store::Bundled => Ok(decode::<Catalog>(CATALOG, "catalog")?.sources),
            Store::Memory(dataset) => Ok(dataset.sources.clone()),
        }
    }

    /// Resolves a role name (id, alias or unique prefix; spaces read as hyphens, so "data
    /// scientist" works) and decodes that role.
    pub fn find_role(&self, name: &str) -> Result<Result<Role, UnknownRole>, DataError> {
        let wanted = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-")
            .to_lowercase();
        match self {
            Store::Bundled => {
                let index = bundled_index()?;
                let position = match index.find_id(&wanted).or_else(|| index.find_alias(&wanted)) {
                    Some(i) => i,
                    None => match resolve_prefix(&wanted, &index.ids(), &index.aliases()) {
                        Ok(i) => i,
                        Err(unknown) => return Ok(Err(unknown)),
                    },
                };
                bundled_role(&index, position).map(Ok)
            }
            Store::Memory(dataset) => {
                let ids: Vec<&str> = dataset.roles.iter().map(|r| r.id.as_str()).collect();
                let mut aliases: Vec<(&str, u32)> = dataset
                    .roles
                    .iter()
                    .enumerate()
                    .flat_map(|(i, r)| r.aliases.iter().map(move |a| (a.as_str(), i as u32)))
                    .collect();
                aliases.sort();
                let position = ids.iter().position(|&id| id == wanted).or_else(|| {
                    aliases
                        .iter()
                        .find(|(a, _)| *a == wanted)
                        .map(|(_, i)| *i as usize)
                });
                let position = match position {
                    Some(i) => i,
                    None => match resolve_prefix(&wanted, &ids, &aliases) {
                        Ok(i) => i,
                        Err(unknown) => return Ok(Err(unknown)),
                    },
                };
                Ok(Ok(dataset.roles[position].clone()))
            }
        }
    }

    /// Decodes every role: for validation and overlays, never for a single report.
    pub fn to_dataset(&self) -> Result<Dataset, DataError> {
        match self {
            Store::Memory(dataset) => Ok((**dataset).clone()),
            Store::Bundled => {
                let index = bundled_index()?;
                let catalog: Catalog = decode(CATALOG, "catalog")?;
                let roles = (0..index.role_count())
                    .map(|i| bundled_role(&index, i))
                    .collect::<Result<_, _>>()?;
                Ok(Dataset {
                    meta: decode(META, "meta")?,
                    skills: catalog.skills,
                    sources: catalog.sources,
                    roles,
                    labels: decode(LABELS, "labels")?,
                })
            }
        }
    }
}

fn bundled_index() -> Result<IndexView<'static>, DataError> {
    IndexView::new(INDEX).ok_or_else(|| DataError::Corrupt("index".into()))
}

fn bundled_role(index: &IndexView<'_>, position: usize) -> Result<Role, DataError> {
    let bytes = index
        .span(position)
        .and_then(|span| ROLES.get(span))
        .ok_or_else(|| DataError::Corrupt("role record out of range".into()))?;
    decode(bytes, "role")
}

fn decode<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8], what: &str) -> Result<T, DataError> {
    postcard::from_bytes(bytes).map_err(|e| DataError::Corrupt(format!("{what}: {e}")))
}

/// A unique prefix of an id or alias picks that role; otherwise suggest the closest names.
fn resolve_prefix(
    wanted: &str,
    ids: &[&str],
    aliases: &[(&str, u32)],
) -> Result<usize, UnknownRole> {
    let mut matches: Vec<usize> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| id.starts_with(wanted))
        .map(|(i, _)| i)
        .chain(
            aliases
                .iter()
                .filter(|(a, _)| a.starts_with(wanted))
                .map(|(_, i)| *i as usize),
        )
        .collect();
    matches.sort_unstable();
    matches.dedup();
    if !wanted.is_empty() && matches.len() == 1 {
        return Ok(matches[0]);
    }
    if !wanted.is_empty() && matches.len() > 1 {
        return Err(UnknownRole {
            name: wanted.to_owned(),
            suggestions: matches.iter().map(|&i| ids[i].to_owned()).collect(),
            ambiguous: true,
        });
    }
    Err(UnknownRole {
        name: wanted.to_owned(),
        suggestions: closest(wanted, ids, aliases),
        ambiguous: false,
    })
}

/// How alike (normalised Damerau-Levenshtein, 0..1) a name must be to be suggested: high
/// enough that "backnd" finds backend-developer, low-quality guesses stay out.
const MIN_SIMILARITY: f64 = 0.6;

/// Up to three role ids whose id or an alias is nearest to `wanted` by edit distance.
fn closest(wanted: &str, ids: &[&str], aliases: &[(&str, u32)]) -> Vec<String> {
    let mut scored: Vec<(f64, usize)> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (strsim::normalized_damerau_levenshtein(wanted, id), i))
        .chain(aliases.iter().map(|(alias, i)| {
            (
                strsim::normalized_damerau_levenshtein(wanted, alias),
                *i as usize,
            )
        }))
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut picked: Vec<String> = Vec::new();
    for (_, i) in scored {
        let id = ids[i].to_owned();
        if !picked.contains(&id) {
            picked.push(id);
        }
        if picked.len() == 3 {
            break;
        }
    }
    picked
}
