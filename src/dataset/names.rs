//! Every name a role or occupation answers to, normalised once at build time: the table
//! behind exact lookups, and the word corpus behind ranked search (`crate::finder`).
//! Shared with `build.rs`.
//!
//! Names are compared after [`normalise`]: lowercase, punctuation and hyphens as spaces,
//! `&` as "and", each word made singular. So `Registered Nurses`, `registered-nurse` and
//! `registered nurse` are one name.

use super::compiled::Dataset;
use super::reference::Occupation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Lowercase words made singular, separated by single spaces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&singular(&word));
    }
    out
}

/// The words of a text, lowercased: `&` reads as "and", apostrophes join ("people's"),
/// everything else that is not a letter or digit separates.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => cleaned.push_str(" and "),
            '\'' | '\u{2019}' => {}
            c if c.is_alphanumeric() => cleaned.extend(c.to_lowercase()),
            _ => cleaned.push(' '),
        }
    }
    cleaned
        .split_whitespace()
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// English plurals folded to the singular; the same rule applies to what people type and to
/// the names, so an imperfect stem still matches its own plural.
pub fn singular(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("men", "man"),
        ("women", "woman"),
        ("people", "person"),
        ("children", "child"),
        ("foremen", "foreman"),
        ("salesmen", "salesman"),
        ("chairmen", "chairman"),
        ("firemen", "fireman"),
        ("policemen", "policeman"),
    ];
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == word) {
        return (*one).to_owned();
    }
    let n = word.len();
    if n <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes", "zes"] {
        if word.ends_with(ending) {
            return word[..n - 2].to_owned();
        }
    }
    if word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word[..n - 1].to_owned();
    }
    word.to_owned()
}

/// Short forms people type, spelled out in full before words are compared (ours, kept
/// small and unambiguous in job titles).
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("admin", "administrative"),
    ("asst", "assistant"),
    ("ceo", "chief executive"),
    ("cfo", "chief financial officer"),
    ("cna", "nursing assistant"),
    ("cpa", "certified public accountant"),
    ("cto", "chief technology officer"),
    ("dev", "developer"),
    ("dba", "database administrator"),
    ("emt", "emergency medical technician"),
    ("eng", "engineer"),
    ("engr", "engineer"),
    ("gp", "general practitioner"),
    ("hr", "human resource"),
    ("hvac", "heating air conditioning refrigeration"),
    ("it", "information technology"),
    ("lpn", "licensed practical nurse"),
    ("lvn", "licensed vocational nurse"),
    ("mgr", "manager"),
    ("np", "nurse practitioner"),
    ("ops", "operation"),
    ("physio", "physical therapist"),
    ("pr", "public relation"),
    ("qa", "quality assurance"),
    ("realtor", "real estate agent"),
    ("rep", "representative"),
    ("rn", "registered nurse"),
    ("sde", "software developer"),
    ("swe", "software engineer"),
    ("tech", "technician"),
    ("ui", "user interface"),
    ("ux", "user experience"),
    ("vp", "vice president"),
];

/// Words for the same job that differ by word, not spelling (ours): searching for one also
/// finds the others, ranked a little below an exact word.
pub const SYNONYMS: &[&[&str]] = &[
    &["doctor", "physician"],
    &["attorney", "lawyer"],
    &["developer", "engineer", "programmer", "coder"],
    &["representative", "agent", "associate"],
    &["salesperson", "sale"],
    &["cop", "police", "policeman"],
    &["nanny", "babysitter", "childcare"],
    &["carer", "caregiver", "aide"],
    &["janitor", "custodian", "cleaner"],
    &["maid", "housekeeper", "housekeeping"],
    &["chef", "cook"],
    &["trucker", "truck"],
    &["secretary", "assistant"],
    &["waiter", "waitress", "server"],
    &["mechanic", "technician"],
    &["technician", "technologist"],
    &["aide", "assistant", "helper"],
    &["supervisor", "foreman", "forewoman"],
    &["boss", "manager", "director"],
    &["owner", "executive"],
    &["consultant", "analyst"],
    &["administrative", "administrator"],
    &["instructor", "teacher", "educator", "tutor"],
    &["professor", "lecturer", "postsecondary"],
    &["therapist", "counselor", "counsellor"],
    &["labourer", "laborer"],
    &["organiser", "organizer"],
    &["programme", "program"],
    &["analyse", "analyze"],
];

/// Words that say a level, not a job ("senior accountant"): ranked search ignores them.
pub const LEVEL_WORDS: &[&str] = &[
    "junior",
    "jr",
    "senior",
    "sr",
    "mid",
    "midlevel",
    "entry",
    "level",
    "experienced",
    "trainee",
    "intern",
];

/// Words that join a title's words without naming anything: left out of search.
const JOINING_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "except", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// A name's words for search: normalised, abbreviations spelled out, joining words left out,
/// and each word cut to its stem so that "landscaper" meets "landscaping".
pub fn search_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in normalise(text).split(' ').filter(|w| !w.is_empty()) {
        let expanded = match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => long.split(' ').collect::<Vec<_>>(),
            None => vec![word],
        };
        out.extend(
            expanded
                .into_iter()
                .filter(|w| !JOINING_WORDS.contains(w))
                .map(stem),
        );
    }
    out
}

/// The stem of a singular word for search: "-ing" then "-er" cut where a stem of four
/// letters or more remains ("teaching" and "teacher" → "teach"; "order" stays).
pub fn stem(word: &str) -> String {
    let mut stem = word;
    for suffix in ["ing", "er"] {
        if let Some(cut) = stem.strip_suffix(suffix)
            && cut.chars().count() >= 4
        {
            stem = cut;
        }
    }
    stem.to_owned()
}

/// What a name points at: a curated role or a reference occupation, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Role(u32),
    Occupation(u32),
}

impl Target {
    const OCCUPATION_BIT: u32 = 1 << 31;

    pub fn encode(self) -> u32 {
        match self {
            Target::Role(i) => i,
            Target::Occupation(i) => i | Self::OCCUPATION_BIT,
        }
    }

    pub fn decode(raw: u32) -> Target {
        if raw & Self::OCCUPATION_BIT == 0 {
            Target::Role(raw)
        } else {
            Target::Occupation(raw & !Self::OCCUPATION_BIT)
        }
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.encode().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer).map(Target::decode)
    }
}

/// Where a name comes from, best first: a curated role's own names beat the published
/// occupation titles and codes, which beat BLS's list of job titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NameKind {
    Id,
    Alias,
    Title,
    Code,
    OccupationTitle,
    Group,
    JobTitle,
}

impl NameKind {
    fn tier(self) -> u8 {
        match self {
            NameKind::Id | NameKind::Alias | NameKind::Title => 0,
            NameKind::Code | NameKind::OccupationTitle | NameKind::Group => 1,
            NameKind::JobTitle => 2,
        }
    }

    fn from_byte(byte: u32) -> NameKind {
        match byte {
            0 => NameKind::Id,
            1 => NameKind::Alias,
            2 => NameKind::Title,
            3 => NameKind::Code,
            4 => NameKind::OccupationTitle,
            5 => NameKind::Group,
            _ => NameKind::JobTitle,
        }
    }

    /// How a report says it matched, e.g. "the BLS job title".
    pub fn describe(self) -> &'static str {
        match self {
            NameKind::Id => "the role id",
            NameKind::Alias => "a name of the role",
            NameKind::Title => "the role's title",
            NameKind::Code => "the SOC code",
            NameKind::OccupationTitle => "the published occupation title",
            NameKind::Group => "the SOC group",
            NameKind::JobTitle => "a BLS job title",
        }
    }
}

/// The target a name of an occupation stands for: its curated role when it has exactly one,
/// else the occupation itself (whose report lists its curated roles).
pub fn occupation_target(position: usize, occupation: &Occupation, dataset: &Dataset) -> Target {
    match occupation.curated.as_slice() {
        [only] => dataset
            .roles
            .binary_search_by(|r| r.id.as_str().cmp(&only.id))
            .map_or(Target::Occupation(position as u32), |i| {
                Target::Role(i as u32)
            }),
        _ => Target::Occupation(position as u32),
    }
}

/// The occupation a 6-digit SOC code and the BLS titles name: the `.00` O*NET occupation, or
/// one BLS publishes without O*NET detail.
fn is_main(occupation: &Occupation) -> bool {
    occupation.code.len() == 7 || occupation.code.ends_with(".00") || !occupation.job_titles.is_empty()
}

/// Every normalised name with its kind and targets; a name kept only at its best tier.
pub fn build_names(dataset: &Dataset) -> BTreeMap<String, (NameKind, Vec<Target>)> {
    let mut names: BTreeMap<String, (NameKind, Vec<Target>)> = BTreeMap::new();
    let mut add = |name: &str, kind: NameKind, target: Target| {
        let key = normalise(name);
        if key.is_empty() {
            return;
        }
        let entry = names.entry(key).or_insert((kind, Vec::new()));
        if kind.tier() < entry.0.tier() {
            *entry = (kind, Vec::new());
        }
        if kind.tier() == entry.0.tier() {
            entry.0 = entry.0.min(kind);
            if !entry.1.contains(&target) {
                entry.1.push(target);
            }
        }
    };
    for (i, role) in dataset.roles.iter().enumerate() {
        let target = Target::Role(i as u32);
        add(&role.id, NameKind::Id, target);
        add(&role.title, NameKind::Title, target);
        for alias in &role.aliases {
            add(alias, NameKind::Alias, target);
        }
    }
    let occupations = &dataset.reference.occupations;
    for (i, occupation) in occupations.iter().enumerate() {
        let target = occupation_target(i, occupation, dataset);
        add(&occupation.code, NameKind::Code, target);
        add(&occupation.title, NameKind::OccupationTitle, target);
        let main = is_main(occupation);
        if main {
            add(occupation.six_digit(), NameKind::Code, target);
        }
        for index_title in [
            occupation.figures.microsoft.as_ref().map(|m| (&m.code, &m.title)),
            occupation.figures.labour.as_ref().map(|l| (&l.code, &l.title)),
        ]
        .into_iter()
        .flatten()
        {
            if main && index_title.0 == occupation.six_digit() {
                add(index_title.1, NameKind::OccupationTitle, target);
            }
        }
        for title in &occupation.job_titles {
            add(title, NameKind::JobTitle, target);
        }
    }
    for group in &dataset.reference.groups {
        for &member in &group.members {
            let target =
                occupation_target(member as usize, &occupations[member as usize], dataset);
            add(&group.code, NameKind::Group, target);
            add(&group.title, NameKind::Group, target);
        }
    }
    names
}

/// The name table in a fixed layout searched in place: u32 count; per name (sorted) its
/// offset and length in the text blob, its kind and first target, its target count; the
/// targets (encoded); the text blob.
pub fn encode_names(names: &BTreeMap<String, (NameKind, Vec<Target>)>) -> Vec<u8> {
    let mut entries = Vec::new();
    let mut targets: Vec<u32> = Vec::new();
    let mut text = Vec::new();
    for (name, (kind, found)) in names {
        entries.extend(
            [
                text.len() as u32,
                name.len() as u32,
                *kind as u32,
                targets.len() as u32,
                found.len() as u32,
            ]
            .map(u32::to_le_bytes)
            .concat(),
        );
        text.extend_from_slice(name.as_bytes());
        targets.extend(found.iter().map(|t| t.encode()));
    }
    let mut out = (names.len() as u32).to_le_bytes().to_vec();
    out.extend((targets.len() as u32).to_le_bytes());
    out.extend(entries);
    out.extend(targets.iter().flat_map(|t| t.to_le_bytes()));
    out.extend(text);
    out
}

const NAME_ENTRY: usize = 20;

/// A read-only view of an encoded name table.
pub struct NameTable<'a> {
    entries: &'a [u8],
    targets: &'a [u8],
    text: &'a [u8],
}

impl<'a> NameTable<'a> {
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        let count = read_u32(bytes, 0)? as usize;
        let target_count = read_u32(bytes, 4)? as usize;
        let targets_at = 8usize.checked_add(count.checked_mul(NAME_ENTRY)?)?;
        let text_at = targets_at.checked_add(target_count.checked_mul(4)?)?;
        Some(NameTable {
            entries: bytes.get(8..targets_at)?,
            targets: bytes.get(targets_at..text_at)?,
            text: bytes.get(text_at..)?,
        })
    }

    fn entry(&self, i: usize) -> Option<[u32; 5]> {
        let at = i * NAME_ENTRY;
        Some([0, 1, 2, 3, 4].map(|k| read_u32(self.entries, at + 4 * k).unwrap_or(0)))
            .filter(|_| at + NAME_ENTRY <= self.entries.len())
    }

    fn name(&self, entry: &[u32; 5]) -> Option<&'a [u8]> {
        let start = entry[0] as usize;
        self.text.get(start..start.checked_add(entry[1] as usize)?)
    }

    /// The kind and targets of an already normalised name.
    pub fn find(&self, normalised: &str) -> Option<(NameKind, Vec<Target>)> {
        let wanted = normalised.as_bytes();
        let (mut low, mut high) = (0, self.entries.len() / NAME_ENTRY);
        while low < high {
            let middle = low + (high - low) / 2;
            let entry = self.entry(middle)?;
            match self.name(&entry)?.cmp(wanted) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => {
                    let first = entry[3] as usize;
                    let targets = (first..first + entry[4] as usize)
                        .map(|t| read_u32(self.targets, t * 4).map(Target::decode))
                        .collect::<Option<Vec<_>>>()?;
                    return Some((NameKind::from_byte(entry[2]), targets));
                }
            }
        }
        None
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Field weights in the search corpus: how much a word found there says about the job.
pub const WEIGHT_TITLE: u8 = 10;
pub const WEIGHT_OTHER_TITLE: u8 = 8;
pub const WEIGHT_JOB_TITLE: u8 = 7;
pub const WEIGHT_CONTEXT: u8 = 2;

/// The words of every name and description a target has, for ranked search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Sorted, so a word's id is its position.
    pub vocabulary: Vec<String>,
    pub documents: Vec<Document>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub target: Target,
    /// For ordering equal matches: U.S. employment in thousands (0 when unknown).
    pub employment: f64,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub weight: u8,
    pub words: Vec<u32>,
}

/// The search corpus: one document per curated role (its names, its occupation's published
/// titles and job titles, its family and task titles) and per occupation that is not a
/// single curated role's (its titles, job titles, group and family).
pub fn build_corpus(dataset: &Dataset) -> Corpus {
    let occupations = &dataset.reference.occupations;
    let family_title = |id: &str| {
        dataset
            .meta
            .families
            .iter()
            .find(|f| f.id == id)
            .map_or(String::new(), |f| f.title.clone())
    };
    let mut documents: Vec<(Target, f64, Vec<(u8, Vec<String>)>)> = Vec::new();
    for (i, role) in dataset.roles.iter().enumerate() {
        let mut fields = vec![(WEIGHT_TITLE, search_words(&role.title))];
        fields.push((WEIGHT_TITLE, search_words(&role.id)));
        fields.extend(
            role.aliases
                .iter()
                .map(|alias| (WEIGHT_TITLE, search_words(alias))),
        );
        fields.push((WEIGHT_CONTEXT, search_words(&role.family.title)));
        fields.extend(
            role.tasks
                .iter()
                .map(|task| (WEIGHT_CONTEXT, search_words(&task.title))),
        );
        documents.push((Target::Role(i as u32), 0.0, fields));
    }
    for (i, occupation) in occupations.iter().enumerate() {
        let target = super::names::occupation_target(i, occupation, dataset);
        let employment = occupation
            .figures
            .labour
            .as_ref()
            .map_or(0.0, |l| l.employment_2022);
        let mut fields = vec![(
            if target == Target::Occupation(i as u32) {
                WEIGHT_TITLE
            } else {
                WEIGHT_OTHER_TITLE
            },
            search_words(&occupation.title),
        )];
        fields.extend(
            occupation
                .job_titles
                .iter()
                .map(|title| (WEIGHT_JOB_TITLE, search_words(title))),
        );
        fields.push((WEIGHT_CONTEXT, search_words(&occupation.group)));
        fields.push((WEIGHT_CONTEXT, search_words(&family_title(&occupation.family))));
        match documents.iter_mut().find(|d| d.0 == target) {
            Some(document) => {
                document.1 = document.1.max(employment);
                document.2.extend(fields);
            }
            None => documents.push((target, employment, fields)),
        }
    }
    let mut vocabulary: Vec<String> = documents
        .iter()
        .flat_map(|d| d.2.iter().flat_map(|f| f.1.iter().cloned()))
        .collect();
    vocabulary.sort();
    vocabulary.dedup();
    let id = |word: &String| vocabulary.binary_search(word).unwrap_or(0) as u32;
    let documents = documents
        .iter()
        .map(|(target, employment, fields)| Document {
            target: *target,
            employment: *employment,
            fields: fields
                .iter()
                .filter(|(_, words)| !words.is_empty())
                .map(|(weight, words)| Field {
                    weight: *weight,
                    words: words.iter().map(id).collect(),
                })
                .collect(),
        })
        .collect();
    Corpus {
        vocabulary,
        documents,
    }
}
