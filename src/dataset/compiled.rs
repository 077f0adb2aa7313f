//! The validated, resolved dataset: what commands read. Shared with `build.rs`.
//!
//! A compiled role carries everything a report about it needs (skill names, the sources it
//! cites, its family's title), so a report decodes one record and nothing else.

use super::load::RawDataset;
use super::model::{Exposure, Level, Mode, Outlook, RawLevelName};
use super::published::PublishedRating;
use super::reference::{Figures, Reference, link_curated};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Text in a compiled record: borrowed from the embedded bytes when a bundled record is
/// decoded (no allocation per string, which is most of what a report costs), owned when a
/// `--data` directory is compiled at run time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Cow::Owned(text.to_owned()))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Only from input that lives for the whole run (the embedded bundle), so the text can be
/// borrowed rather than copied.
impl<'de> Deserialize<'de> for Text
where
    'de: 'static,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'de str>::deserialize(deserializer).map(|text| Text(Cow::Borrowed(text)))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub version: String,
    pub as_of: String,
    pub families: Vec<Family>,
    /// The sources reports cite beyond a role's own tasks ([`REPORT_SOURCES`]).
    pub index_sources: Vec<IndexSource>,
    /// BLS's projected 2022-32 change in employment for all occupations, in percent.
    pub all_occupations_change: f64,
}

/// The works reports cite beyond a role's tasks: the published figures every report shows,
/// and the early-career evidence junior reports carry.
pub const REPORT_SOURCES: [&str; 6] = [
    "eloundou-2023",
    "microsoft-2025",
    "bls-ep-2023",
    "canaries-2025",
    "yale-budget-lab-2025",
    "humlum-2025",
];

/// A source as reports cite it, kept with the dataset's identity so a report about a
/// reference occupation needs no other record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexSource {
    pub id: String,
    pub title: String,
    pub authors: String,
    pub year: u16,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    pub id: String,
    pub title: String,
    pub soc_prefixes: Vec<String>,
    /// The family's names for the four levels, in [`Level::ALL`] order.
    pub levels: Vec<LevelName>,
}

/// What a level is called in a family or role, and what it means there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelName {
    pub name: String,
    pub description: String,
}

impl LevelName {
    /// The names every family starts from.
    pub fn defaults() -> Vec<LevelName> {
        [
            (
                "Junior",
                "Early career: learning the work, mostly under supervision.",
            ),
            (
                "Mid-level",
                "Works independently and owns a share of the work end to end.",
            ),
            (
                "Senior",
                "Takes the hardest cases and guides others informally.",
            ),
            (
                "Lead",
                "Leads people, a team's work or a practice, and answers for it.",
            ),
        ]
        .into_iter()
        .map(|(name, description)| LevelName {
            name: name.to_owned(),
            description: description.to_owned(),
        })
        .collect()
    }

    fn from_raw(raw: &RawLevelName) -> LevelName {
        LevelName {
            name: raw.name.trim().to_owned(),
            description: raw.description.trim().to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Skill {
    pub id: Text,
    pub name: Text,
    pub outlook: Outlook,
    pub rationale: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub authors: Text,
    pub year: u16,
    pub contribution: Text,
    pub doi: Option<Text>,
    pub url: Option<Text>,
}

impl Source {
    /// Where a reader can find the work: its DOI as a link, else its web address.
    pub fn link(&self) -> Option<String> {
        match (&self.doi, &self.url) {
            (Some(doi), _) => Some(format!("https://doi.org/{doi}")),
            (None, Some(url)) => Some(url.to_string()),
            (None, None) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Task {
    pub id: Text,
    pub title: Text,
    pub exposure: Exposure,
    pub mode: Mode,
    pub rationale: Text,
    pub sources: Vec<Text>,
    /// O*NET task IDs the task covers; empty when it has none (see `onet_none`).
    pub onet_tasks: Vec<u32>,
    pub onet_none: Option<Text>,
    /// How the published raters labelled the linked O*NET tasks.
    pub published: Option<PublishedRating>,
    /// Why our rating departs from both published labels, when it does.
    pub departure: Option<Text>,
}

/// A level's default profile. `shares[i]` is the share of time on `Role::tasks[i]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct LevelProfile {
    pub level: Level,
    /// What people in this role call the level ("Apprentice", "Charge nurse").
    pub name: Text,
    pub description: Text,
    pub note: Text,
    pub typical_skills: Vec<Text>,
    pub shares: Vec<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Conditions {
    pub level: Vec<Level>,
    pub high_share_above: Option<f64>,
    pub high_share_below: Option<f64>,
    pub central_above: Option<f64>,
    pub central_below: Option<f64>,
    pub automation_share_above: Option<f64>,
    pub lacks_any: Vec<String>,
    pub has_any: Vec<String>,
    pub tasks_above: Vec<(String, f64)>,
}

impl Conditions {
    /// How many separate conditions a strategy carries: more specific strategies rank first.
    pub fn count(&self) -> usize {
        usize::from(!self.level.is_empty())
            + [
                self.high_share_above,
                self.high_share_below,
                self.central_above,
                self.central_below,
                self.automation_share_above,
            ]
            .iter()
            .filter(|c| c.is_some())
            .count()
            + usize::from(!self.lacks_any.is_empty())
            + usize::from(!self.has_any.is_empty())
            + self.tasks_above.len()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Strategy {
    pub id: Text,
    pub title: Text,
    pub detail: Text,
    pub when: Conditions,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Role {
    pub id: String,
    pub title: String,
    pub family: Family,
    pub soc_code: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub tasks: Vec<Task>,
    /// One per level, in [`Level::ALL`] order.
    pub levels: Vec<LevelProfile>,
    /// The role's skills, resolved against the catalogue.
    pub skills: Vec<Skill>,
    pub strategies: Vec<Strategy>,
    /// The sources its tasks cite, in first-cited order.
    pub sources: Vec<Source>,
    /// Roles sharing the most skills with this one, computed when the dataset is compiled:
    /// the candidates for "where to move next".
    pub neighbours: Vec<Neighbour>,
    /// The published indices' figures for the role's SOC code.
    pub figures: Figures,
}

/// Another role, seen from this one: what they share, how exposed it is at each level and
/// what it takes to enter. Only roles a person could plausibly move to are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Neighbour {
    pub id: Text,
    pub title: Text,
    pub soc_code: Text,
    /// The neighbour's skills, resilient ones first, as (id, name).
    pub skills: Vec<(Text, Text)>,
    /// How many skills both roles list.
    pub shared_skills: u8,
    /// The neighbour's typical central exposure, in [`Level::ALL`] order.
    pub centrals: [f64; 4],
    pub entry: Entry,
}

/// What BLS says it takes to enter an occupation, and what it pays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Entry {
    pub education: Text,
    /// Position on [`EDUCATION_LADDER`](super::reference::EDUCATION_LADDER).
    pub education_step: u8,
    pub experience: Text,
    pub training: Text,
    pub median_wage: Option<u32>,
}

impl Entry {
    pub fn of(role: &Role) -> Option<Entry> {
        let labour = role.figures.labour.as_ref()?;
        Some(Entry {
            education: labour.education.as_str().into(),
            education_step: labour.education_step()?,
            experience: labour.experience.as_str().into(),
            training: labour.training.as_str().into(),
            median_wage: labour.median_wage,
        })
    }
}

/// How many neighbours a role keeps, and how many skills they must share to count.
pub const MAX_NEIGHBOURS: usize = 10;
pub const MIN_SHARED_SKILLS: usize = 2;
/// A move may ask at most one more step of entry education...
pub const MAX_EDUCATION_STEP_UP: u8 = 1;
/// ...and pay at least this fraction of the role's median wage.
pub const MIN_WAGE_RATIO: f64 = 0.85;

impl Role {
    pub fn level(&self, level: Level) -> &LevelProfile {
        &self.levels[level.index()]
    }

    /// The central exposure of a level's typical mix: Σ share × exposure weight.
    pub fn typical_central(&self, level: Level) -> f64 {
        self.level(level)
            .shares
            .iter()
            .zip(&self.tasks)
            .map(|(share, task)| share * task.exposure.weight())
            .sum()
    }

    pub fn task_index(&self, id: &str) -> Option<usize> {
        self.tasks.iter().position(|task| task.id == id)
    }

    pub fn summary_line(&self) -> RoleSummary {
        RoleSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            family: self.family.id.clone(),
            soc_code: self.soc_code.clone(),
            aliases: self.aliases.clone(),
            levels: Level::ALL.to_vec(),
        }
    }
}

/// What `roles` lists about a role, without its content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleSummary {
    pub id: String,
    pub title: String,
    pub family: String,
    pub soc_code: String,
    pub aliases: Vec<String>,
    pub levels: Vec<Level>,
}

/// A whole dataset in memory, roles sorted by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub meta: Meta,
    pub skills: Vec<Skill>,
    pub sources: Vec<Source>,
    pub roles: Vec<Role>,
    /// The published figures and occupations; bundled, never overlaid.
    pub reference: Reference,
    /// Our own names for occupations without a curated role, as (name, O*NET-SOC code).
    pub names: Vec<(String, String)>,
}

impl Dataset {
    pub fn empty() -> Self {
        Dataset {
            meta: Meta {
                version: String::new(),
                as_of: String::new(),
                families: Vec::new(),
                index_sources: Vec::new(),
                all_occupations_change: 0.0,
            },
            skills: Vec::new(),
            sources: Vec::new(),
            roles: Vec::new(),
            reference: Reference::default(),
            names: Vec::new(),
        }
    }
}

/// Compiles a raw dataset that passed validation on top of `base`: its roles replace or join
/// the base's, its skills, sources and families extend or replace the base's by id, and its
/// `dataset.toml`, if any, sets the version and date.
pub(super) fn compile(raw: &RawDataset, base: Dataset) -> Dataset {
    let mut meta = base.meta;
    let mut skills: BTreeMap<String, Skill> = base
        .skills
        .into_iter()
        .map(|s| (s.id.to_string(), s))
        .collect();
    let mut sources: BTreeMap<String, Source> = base
        .sources
        .into_iter()
        .map(|s| (s.id.to_string(), s))
        .collect();
    let mut roles: BTreeMap<String, Role> =
        base.roles.into_iter().map(|r| (r.id.clone(), r)).collect();
    let mut names = base.names;
    for name in raw.names.iter().flat_map(|n| &n.value.names) {
        names.retain(|(existing, _)| existing != &name.name);
        names.push((name.name.clone(), name.soc_code.clone()));
    }

    if let Some(raw_meta) = &raw.meta {
        meta.version = raw_meta.value.version.clone();
        meta.as_of = raw_meta.value.as_of.clone();
        for family in &raw_meta.value.families {
            let defaults = LevelName::defaults();
            let family = Family {
                id: family.id.clone(),
                title: family.title.clone(),
                soc_prefixes: family.soc_prefixes.clone(),
                levels: Level::ALL
                    .iter()
                    .zip(defaults)
                    .map(|(level, default)| {
                        family
                            .levels
                            .get(level.as_str())
                            .map_or(default, LevelName::from_raw)
                    })
                    .collect(),
            };
            match meta.families.iter_mut().find(|f| f.id == family.id) {
                Some(existing) => *existing = family,
                None => meta.families.push(family),
            }
        }
    }
    for skill in raw.skills.iter().flat_map(|c| &c.value.skills) {
        skills.insert(
            skill.id.clone(),
            Skill {
                id: skill.id.clone().into(),
                name: skill.name.clone().into(),
                outlook: skill.outlook,
                rationale: skill.rationale.clone().into(),
            },
        );
    }
    for source in raw.sources.iter().flat_map(|c| &c.value.sources) {
        sources.insert(
            source.id.clone(),
            Source {
                id: source.id.clone().into(),
                title: source.title.clone().into(),
                authors: source.authors.clone().into(),
                year: source.year,
                contribution: source.contribution.clone().into(),
                doi: source.doi.as_deref().map(|d| d.trim().into()),
                url: source.url.as_deref().map(|u| u.trim().into()),
            },
        );
    }

    for located in &raw.roles {
        let raw_role = &located.value;
        let tasks: Vec<Task> = raw_role
            .tasks
            .iter()
            .map(|t| Task {
                id: t.id.clone().into(),
                title: t.title.clone().into(),
                exposure: t.exposure,
                mode: t.mode,
                rationale: t.rationale.trim().into(),
                sources: t.sources.iter().map(|s| s.as_str().into()).collect(),
                onet_tasks: t.onet_tasks.clone(),
                onet_none: t.onet_none.as_deref().map(|r| r.trim().into()),
                published: base.reference.labels.rating_of(&t.onet_tasks),
                departure: t
                    .departure
                    .as_deref()
                    .map(|r| normalise_paragraph(r).into()),
            })
            .collect();
        let family = meta
            .families
            .iter()
            .find(|f| f.id == raw_role.family)
            .cloned()
            .expect("validated: family exists");
        let levels = Level::ALL
            .iter()
            .map(|&level| {
                let raw_level = &raw_role.levels[level.as_str()];
                let family_name = &family.levels[level.index()];
                LevelProfile {
                    level,
                    name: raw_level
                        .name
                        .as_deref()
                        .unwrap_or(&family_name.name)
                        .trim()
                        .into(),
                    description: raw_level
                        .description
                        .as_deref()
                        .unwrap_or(&family_name.description)
                        .trim()
                        .into(),
                    note: raw_level.note.trim().into(),
                    typical_skills: raw_level
                        .typical_skills
                        .iter()
                        .map(|s| s.as_str().into())
                        .collect(),
                    shares: tasks
                        .iter()
                        .map(|t| raw_level.shares.get(&*t.id).copied().unwrap_or(0.0))
                        .collect(),
                }
            })
            .collect();
        let role_skills = raw_role
            .skills
            .iter()
            .map(|entry| {
                let general = &skills[&entry.id];
                Skill {
                    id: entry.id.clone().into(),
                    name: general.name.clone(),
                    outlook: entry.outlook.unwrap_or(general.outlook),
                    rationale: entry
                        .rationale
                        .as_deref()
                        .map(|r| r.trim().into())
                        .unwrap_or_else(|| general.rationale.clone()),
                }
            })
            .collect();
        let strategies = raw_role
            .strategies
            .iter()
            .map(|s| Strategy {
                id: s.id.clone().into(),
                title: s.title.clone().into(),
                detail: s.detail.trim().into(),
                when: Conditions {
                    level: s.when.level.clone(),
                    high_share_above: s.when.high_share_above,
                    high_share_below: s.when.high_share_below,
                    central_above: s.when.central_above,
                    central_below: s.when.central_below,
                    automation_share_above: s.when.automation_share_above,
                    lacks_any: s.when.lacks_any.clone(),
                    has_any: s.when.has_any.clone(),
                    tasks_above: s
                        .when
                        .tasks_above
                        .iter()
                        .map(|(task, share)| (task.clone(), *share))
                        .collect(),
                },
            })
            .collect();
        let mut cited: Vec<Source> = Vec::new();
        for id in tasks.iter().flat_map(|t| &t.sources) {
            if !cited.iter().any(|s| s.id == *id) {
                cited.push(sources[&**id].clone());
            }
        }
        roles.insert(
            raw_role.id.clone(),
            Role {
                id: raw_role.id.clone(),
                title: raw_role.title.clone(),
                family,
                soc_code: raw_role.soc_code.clone(),
                aliases: raw_role.aliases.clone(),
                summary: normalise_paragraph(&raw_role.summary),
                tasks,
                levels,
                skills: role_skills,
                strategies,
                sources: cited,
                neighbours: Vec::new(),
                figures: Figures::default(),
            },
        );
    }

    meta.index_sources = REPORT_SOURCES
        .iter()
        .filter_map(|id| sources.get(*id))
        .map(|source| IndexSource {
            id: source.id.to_string(),
            title: source.title.to_string(),
            authors: source.authors.to_string(),
            year: source.year,
            link: source.link(),
        })
        .collect();
    let mut roles: Vec<Role> = roles.into_values().collect();
    let mut reference = base.reference;
    meta.all_occupations_change = reference.all_change_percent;
    link_curated(&mut reference.occupations, &mut roles, &meta.families);
    let neighbours: Vec<Vec<Neighbour>> = roles
        .iter()
        .map(|role| neighbours_of(role, &roles))
        .collect();
    for (role, found) in roles.iter_mut().zip(neighbours) {
        role.neighbours = found;
    }
    Dataset {
        meta,
        skills: skills.into_values().collect(),
        sources: sources.into_values().collect(),
        roles,
        reference,
        names,
    }
}

/// The roles a person in `role` could move to: at least [`MIN_SHARED_SKILLS`] skills in
/// common, entry education at most [`MAX_EDUCATION_STEP_UP`] above and a median wage at
/// least [`MIN_WAGE_RATIO`] of this role's (BLS figures); most shared skills first, then the
/// same family. Exposure and experience depend on the person and are checked per report.
fn neighbours_of(role: &Role, all: &[Role]) -> Vec<Neighbour> {
    let Some(own_entry) = Entry::of(role) else {
        return Vec::new();
    };
    let own: Vec<&str> = role.skills.iter().map(|s| s.id.as_str()).collect();
    let mut found: Vec<(bool, Neighbour)> = all
        .iter()
        .filter(|other| other.id != role.id)
        .filter_map(|other| {
            let shared = other
                .skills
                .iter()
                .filter(|s| own.contains(&s.id.as_str()))
                .count();
            let entry = Entry::of(other)?;
            let feasible = entry.education_step <= own_entry.education_step + MAX_EDUCATION_STEP_UP
                && match (entry.median_wage, own_entry.median_wage) {
                    (Some(theirs), Some(ours)) => {
                        f64::from(theirs) >= MIN_WAGE_RATIO * f64::from(ours)
                    }
                    _ => false,
                };
            if shared < MIN_SHARED_SKILLS || !feasible {
                return None;
            }
            let mut skills: Vec<&Skill> = other.skills.iter().collect();
            skills.sort_by_key(|s| s.outlook != Outlook::Resilient);
            Some((
                other.family.id == role.family.id,
                Neighbour {
                    id: Text::from(other.id.as_str()),
                    title: Text::from(other.title.as_str()),
                    soc_code: Text::from(other.soc_code.as_str()),
                    skills: skills
                        .into_iter()
                        .map(|s| (Text::from(s.id.as_str()), Text::from(s.name.as_str())))
                        .collect(),
                    shared_skills: shared.min(usize::from(u8::MAX)) as u8,
                    centrals: Level::ALL.map(|level| other.typical_central(level)),
                    entry,
                },
            ))
        })
        .collect();
    found.sort_by(|(a_family, a), (b_family, b)| {
        b.shared_skills
            .cmp(&a.shared_skills)
            .then_with(|| b_family.cmp(a_family))
            .then_with(|| a.id.cmp(&b.id))
    });
    found.truncate(MAX_NEIGHBOURS);
    found.into_iter().map(|(_, n)| n).collect()
}

/// Multi-line TOML strings wrap at the author's editor width; reports re-wrap to the terminal.
fn normalise_paragraph(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
