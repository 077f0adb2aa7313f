//! Content checks for a curated dataset: what is structurally valid but not good enough to
//! ship. Near-copy texts, tasks not linked to the published labels, sources a reader cannot
//! find, skills no role uses, thin families. These need the whole dataset,
//! so they run in `validate` and the tests, not in the build.

use super::compiled::Dataset;
use super::problem::FieldPath;
use std::collections::{BTreeMap, BTreeSet};

/// Two texts whose normalised word sets overlap more than this (Jaccard index) are near-copies.
/// Distinct rationales in our dataset score around 0.1-0.3; a sentence with one noun swapped
/// ("... Python code ..." / "... SQL code ...") scores above 0.8.
pub const NEAR_COPY_THRESHOLD: f64 = 0.7;

/// Where a content problem sits: a file relative to the dataset root and a field in it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentFinding {
    pub file: String,
    pub field: FieldPath,
    pub message: String,
    pub hint: String,
}

/// An authored text, where it lives, and whose it is (for scoping an overlay's checks).
struct Text<'a> {
    file: String,
    field: FieldPath,
    owner: Owner<'a>,
    words: Vec<u32>,
}

enum Owner<'a> {
    Skill(&'a str),
    Role(&'a str),
}

/// Which checks apply: the bundled dataset gets all of them; an overlay only those about
/// what it adds.
pub struct Scope<'a> {
    /// What an overlay adds, whose texts and links are checked; `None` checks everything.
    pub only: Option<Added<'a>>,
    pub family_sizes: bool,
}

/// The ids an overlay adds or replaces.
#[derive(Clone, Copy)]
pub struct Added<'a> {
    pub roles: &'a BTreeSet<String>,
    pub skills: &'a BTreeSet<String>,
    pub sources: &'a BTreeSet<String>,
}

impl Scope<'_> {
    fn covers(&self, owner: &Owner<'_>) -> bool {
        match (self.only, owner) {
            (None, _) => true,
            (Some(added), Owner::Skill(id)) => added.skills.contains(*id),
            (Some(added), Owner::Role(id)) => added.roles.contains(*id),
        }
    }

    fn covers_source(&self, id: &str) -> bool {
        self.only.is_none_or(|added| added.sources.contains(id))
    }
}

pub fn check(dataset: &Dataset, scope: &Scope<'_>) -> Vec<ContentFinding> {
    let mut findings = Vec::new();
    let mut vocabulary: BTreeMap<String, u32> = BTreeMap::new();
    let mut texts: Vec<Text<'_>> = Vec::new();
    let mut add = |file: &str, field: FieldPath, owner, text: &str| Text {
        file: file.to_owned(),
        field,
        owner,
        words: normalise(text, &mut vocabulary),
    };
    for (i, skill) in dataset.skills.iter().enumerate() {
        let field = FieldPath::root().key("skills").index(i).key("rationale");
        texts.push(add(
            "skills.toml",
            field,
            Owner::Skill(&skill.id),
            &skill.rationale,
        ));
    }
    let general: BTreeMap<&str, &str> = dataset
        .skills
        .iter()
        .map(|s| (s.id.as_str(), s.rationale.as_str()))
        .collect();
    for role in &dataset.roles {
        let file = format!("roles/{}.toml", role.id);
        let root = FieldPath::root();
        for (i, task) in role.tasks.iter().enumerate() {
            texts.push(add(
                &file,
                root.key("tasks").index(i).key("rationale"),
                Owner::Role(&role.id),
                &task.rationale,
            ));
        }
        for (i, skill) in role.skills.iter().enumerate() {
            if general.get(skill.id.as_str()) != Some(&skill.rationale.as_str()) {
                texts.push(add(
                    &file,
                    root.key("skills").index(i).key("rationale"),
                    Owner::Role(&role.id),
                    &skill.rationale,
                ));
            }
        }
        for (i, strategy) in role.strategies.iter().enumerate() {
            texts.push(add(
                &file,
                root.key("strategies").index(i).key("detail"),
                Owner::Role(&role.id),
                &strategy.detail,
            ));
        }
    }

    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            let (a_checked, b_checked) = (scope.covers(&a.owner), scope.covers(&b.owner));
            if !(a_checked || b_checked) {
                continue;
            }
            let similarity = jaccard(&a.words, &b.words);
            if similarity > NEAR_COPY_THRESHOLD {
                let (first, second) = if a_checked { (a, b) } else { (b, a) };
                findings.push(ContentFinding {
                    file: first.file.clone(),
                    field: first.field.clone(),
                    message: format!(
                        "near-copy of {} `{}` (word overlap {:.2}, limit {NEAR_COPY_THRESHOLD})",
                        second.file, second.field, similarity
                    ),
                    hint: "say something specific to this entry in fresh words; texts must not be copy-paste variants".into(),
                });
            }
        }
    }

    for role in &dataset.roles {
        if !scope.covers(&Owner::Role(&role.id)) {
            continue;
        }
        for (i, task) in role.tasks.iter().enumerate() {
            if task.onet_tasks.is_empty() && task.onet_none.is_none() {
                findings.push(ContentFinding {
                    file: format!("roles/{}.toml", role.id),
                    field: FieldPath::root().key("tasks").index(i).key("onet_tasks"),
                    message: "the task is linked to no O*NET task".into(),
                    hint: "add onet_tasks = [ids] from Eloundou et al.'s full_labelset.tsv, or onet_none = \"why it has no counterpart\"".into(),
                });
            }
        }
    }
    for (i, source) in dataset.sources.iter().enumerate() {
        if scope.covers_source(&source.id) && source.link().is_none() {
            findings.push(ContentFinding {
                file: "sources.toml".into(),
                field: FieldPath::root().key("sources").index(i).key("id"),
                message: format!("source `{}` has no DOI or address", source.id),
                hint: "add doi = \"10.xxxx/...\" or url = \"https://...\" so readers can find it"
                    .into(),
            });
        }
    }

    let used: BTreeSet<&str> = dataset
        .roles
        .iter()
        .flat_map(|r| r.skills.iter().map(|s| s.id.as_str()))
        .collect();
    for (i, skill) in dataset.skills.iter().enumerate() {
        if scope.covers(&Owner::Skill(&skill.id)) && !used.contains(skill.id.as_str()) {
            findings.push(ContentFinding {
                file: "skills.toml".into(),
                field: FieldPath::root().key("skills").index(i).key("id"),
                message: format!("skill `{}` is used by no role", skill.id),
                hint: "list it under a role's [[skills]] or remove it from the catalogue".into(),
            });
        }
    }

    if scope.family_sizes {
        for (i, family) in dataset.meta.families.iter().enumerate() {
            let count = dataset
                .roles
                .iter()
                .filter(|r| r.family.id == family.id)
                .count();
            if count < 2 {
                findings.push(ContentFinding {
                    file: "dataset.toml".into(),
                    field: FieldPath::root().key("families").index(i).key("id"),
                    message: format!(
                        "family `{}` has {count} role(s); a family needs at least two",
                        family.id
                    ),
                    hint: "add a role to it or merge it into a neighbouring family".into(),
                });
            }
        }
    }
    findings
}

/// Lowercased words of three letters or more, minus the commonest function words, as sorted ids.
fn normalise(text: &str, vocabulary: &mut BTreeMap<String, u32>) -> Vec<u32> {
    const STOP: &[&str] = &[
        "the", "and", "for", "are", "but", "not", "you", "with", "that", "this", "from", "into",
        "its", "can", "has", "have", "was", "were", "will", "what", "when", "who", "how", "their",
        "they", "them", "than", "then", "more", "most", "much", "one", "our", "your", "which",
        "while", "also", "still", "only", "does", "all", "any",
    ];
    let mut ids: Vec<u32> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| {
            let next = vocabulary.len() as u32;
            *vocabulary.entry(w).or_insert(next)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// How our ratings compare with the published labels of the O*NET tasks they link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Agreement {
    pub tasks: usize,
    /// Tasks with a published rating to compare against.
    pub compared: usize,
    /// Tasks that say why they have no O*NET counterpart.
    pub without_counterpart: usize,
    pub with_human: usize,
    pub with_gpt4: usize,
    /// The two published raters agreeing with each other, on the same tasks.
    pub between_raters: usize,
}

impl Agreement {
    pub fn of(dataset: &Dataset) -> Agreement {
        let mut agreement = Agreement::default();
        for task in dataset.roles.iter().flat_map(|r| &r.tasks) {
            agreement.tasks += 1;
            if task.onet_none.is_some() {
                agreement.without_counterpart += 1;
            }
            if let Some(published) = task.published {
                agreement.compared += 1;
                agreement.with_human += usize::from(published.human == task.exposure);
                agreement.with_gpt4 += usize::from(published.gpt4 == task.exposure);
                agreement.between_raters += usize::from(published.human == published.gpt4);
            }
        }
        agreement
    }

    /// A count as a percentage of the compared tasks.
    pub fn percent(&self, count: usize) -> f64 {
        if self.compared == 0 {
            0.0
        } else {
            100.0 * count as f64 / self.compared as f64
        }
    }
}
