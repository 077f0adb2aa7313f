//! The group summary: what a coach shows the room. Anonymised by construction: it never
//! holds a name, never a figure that belongs to one person (no lowest or highest, only
//! quartiles), and no group smaller than `min_group`. Small roles are grouped by family,
//! small bands and levels with their neighbours, and what is left is "other", so every
//! breakdown adds up to the people in the room.
//!
//! People are added one at a time and only tallies are kept, so the summary's memory does not
//! grow with the room beyond one figure per person (for the quartiles).

use super::Reason;
use super::kinds::{StrategyKind, TaskKind, strategy_kind, task_kind};
use crate::dataset::reference::Occupation;
use crate::dataset::{Level, Meta, Outlook, Role};
use crate::report::{DISCLAIMER, DatasetInfo, Report, round};
use crate::scoring::{Assessment, Band, TaskRef};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The summary's own version. 3 replaced the lowest and highest figures with quartiles and
/// added family groups, kinds of task and strategy, discussion prompts and the reasons
/// people could not be read.
pub const SCHEMA_VERSION: u32 = 3;

/// How many entries the "most" lists keep.
pub const TOP: usize = 5;

/// The document `workshop --json` prints and `summary.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WorkshopSummary {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub session: Session,
    /// Participants included in the summary.
    pub participants: usize,
    /// Participants whose file or roster row could not be used.
    pub failed: usize,
    /// Why, one entry per reason; the people add up to `failed`.
    pub failures: Vec<GroupCount>,
    /// Participants in occupations with published figures only: counted in the bands,
    /// roles and levels, not in the task, skill and strategy lists.
    pub reference_only: usize,
    /// Smallest group shown on its own.
    pub min_group: usize,
    /// Risk bands, lowest first; a band with too few people is joined to a neighbour.
    pub bands: Vec<GroupCount>,
    /// Roles with enough people, then families for the smaller roles, then "other".
    pub roles: Vec<RoleGroup>,
    /// Levels, junior first; a level with too few people is joined to a neighbour.
    pub levels: Vec<GroupCount>,
    /// Spread of central exposure; absent when the group is smaller than `min_group`.
    pub central: Option<Spread>,
    /// Kinds of task where the room's exposed time sits, across roles, most points first.
    pub task_kinds: Vec<KindStat>,
    /// Tasks of one role shared by enough people, most points first.
    pub exposed_tasks: Vec<TaskStat>,
    /// Resilient skills of their own role that the most people lack.
    pub missing_skills: Vec<CountStat>,
    /// Kinds of strategy that fit the most people, across roles.
    pub strategy_kinds: Vec<CountStat>,
    /// Strategies (by title) that fit enough people on their own.
    pub strategies: Vec<CountStat>,
    /// Questions for the coach to put to the room, per band shown.
    pub prompts: Vec<BandPrompts>,
    /// What was merged or left out to keep people anonymous.
    pub notes: Vec<String>,
    pub disclaimer: String,
}

/// The session the handouts were made for.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Session {
    pub title: Option<String>,
    /// YYYY-MM-DD.
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GroupCount {
    pub group: String,
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoleGroup {
    pub group: String,
    pub kind: GroupKind,
    pub people: usize,
}

/// What a row of the role breakdown stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// One role or occupation.
    Role,
    /// The roles of one family too small to show on their own.
    Family,
    /// Everyone in groups too small to show.
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Spread {
    pub lower_quartile: f64,
    pub median: f64,
    pub upper_quartile: f64,
    pub mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct KindStat {
    pub kind: String,
    /// People who spend time on tasks of this kind.
    pub people: usize,
    /// Their mean share of time on it.
    pub mean_time_share: f64,
    /// Exposure points it adds across the group, in people-equivalents.
    pub group_points: f64,
    /// Points per unit of time: how exposed this kind of work is, 0 to 1.
    pub exposure: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TaskStat {
    pub task: String,
    pub role: String,
    /// People who spend time on it.
    pub people: usize,
    /// Their mean share of time on it.
    pub mean_time_share: f64,
    /// Exposure points it adds across the group, in people-equivalents (Σ contributions).
    pub group_points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CountStat {
    pub name: String,
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BandPrompts {
    /// The band, or bands joined, as the band breakdown names them.
    pub band: String,
    pub prompts: Vec<String>,
}

/// A task's, or a kind's, totals while people are added.
#[derive(Debug, Default)]
struct Tally {
    label: String,
    role: String,
    people: usize,
    time: f64,
    points: f64,
}

/// The summary being added up, one person at a time.
#[derive(Debug)]
pub struct SummaryBuilder {
    min_group: usize,
    centrals: Vec<f64>,
    bands: [usize; 5],
    levels: [usize; 4],
    /// (family title, role title) → people.
    roles: BTreeMap<(String, String), usize>,
    /// Role id → task id → tally, in id order for a stable tie-break.
    tasks: BTreeMap<String, BTreeMap<String, Tally>>,
    kinds: BTreeMap<TaskKind, Tally>,
    /// Each task title's kind, worked out once for the whole room.
    kind_of: HashMap<String, TaskKind>,
    missing: BTreeMap<String, usize>,
    strategies: BTreeMap<String, usize>,
    strategy_kinds: BTreeMap<StrategyKind, usize>,
    reference_only: usize,
    families: BTreeMap<String, String>,
}

impl SummaryBuilder {
    pub fn new(meta: &Meta, min_group: usize) -> Self {
        SummaryBuilder {
            min_group: min_group.max(1),
            centrals: Vec::new(),
            bands: [0; 5],
            levels: [0; 4],
            roles: BTreeMap::new(),
            tasks: BTreeMap::new(),
            kinds: BTreeMap::new(),
            kind_of: HashMap::new(),
            missing: BTreeMap::new(),
            strategies: BTreeMap::new(),
            strategy_kinds: BTreeMap::new(),
            reference_only: 0,
            families: meta
                .families
                .iter()
                .map(|f| (f.id.clone(), f.title.clone()))
                .collect(),
        }
    }

    fn count(&mut self, central: f64, band: Band, level: Level, family: String, role: String) {
        self.centrals.push(central);
        self.bands[Band::ALL.iter().position(|b| *b == band).unwrap_or(0)] += 1;
        self.levels[level.index()] += 1;
        *self.roles.entry((family, role)).or_default() += 1;
    }

    /// Adds a person assessed against a curated role.
    pub fn add_curated(&mut self, role: &Role, assessment: &Assessment) {
        self.count(
            assessment.range.central,
            assessment.risk.band,
            assessment.level,
            role.family.title.clone(),
            role.title.clone(),
        );
        let mut kinds: BTreeMap<TaskKind, (f64, f64)> = BTreeMap::new();
        for scored in &assessment.tasks {
            let kind = match self.kind_of.get(scored.title.as_str()) {
                Some(kind) => *kind,
                None => {
                    let kind = task_kind(&scored.title);
                    self.kind_of.insert(scored.title.to_string(), kind);
                    kind
                }
            };
            let entry = kinds.entry(kind).or_default();
            entry.0 += scored.share;
            entry.1 += scored.contribution;
            if let TaskRef::Role(index) = scored.task {
                let task = &role.tasks[index];
                let tally = entry_for(entry_for(&mut self.tasks, &role.id), &task.id);
                if tally.people == 0 {
                    tally.label = task.title.to_string();
                    tally.role = role.title.clone();
                }
                tally.people += 1;
                tally.time += scored.share;
                tally.points += scored.contribution;
            }
        }
        for (kind, (time, points)) in kinds {
            let tally = self.kinds.entry(kind).or_default();
            tally.people += 1;
            tally.time += time;
            tally.points += points;
        }
        for skill in role.skills.iter().filter(|s| {
            s.outlook == Outlook::Resilient && !assessment.skills.contains(s.id.as_str())
        }) {
            *entry_for(&mut self.missing, &skill.name) += 1;
        }
        let mut kinds = BTreeSet::new();
        for chosen in &assessment.strategies {
            let strategy = &role.strategies[chosen.index];
            *entry_for(&mut self.strategies, &strategy.title) += 1;
            kinds.insert(strategy_kind(&strategy.id, &strategy.title));
        }
        for kind in kinds {
            *self.strategy_kinds.entry(kind).or_default() += 1;
        }
    }

    /// Adds a person in an occupation with published figures only: their band and group.
    pub fn add_reference(&mut self, occupation: &Occupation, report: &Report) {
        let band = Band::ALL
            .into_iter()
            .find(|b| b.id() == report.risk.band)
            .unwrap_or(Band::Low);
        let family = self
            .families
            .get(&occupation.family)
            .cloned()
            .unwrap_or_else(|| occupation.family.clone());
        self.count(
            report.exposure.central,
            band,
            report.level,
            family,
            occupation.title.clone(),
        );
        self.reference_only += 1;
    }

    /// The summary. `failures` counts the people who could not be read, by reason.
    pub fn finish(
        self,
        meta: &Meta,
        session: Session,
        failures: &BTreeMap<Reason, usize>,
    ) -> WorkshopSummary {
        let min_group = self.min_group;
        let size = self.centrals.len();
        let shown = size >= min_group && size > 0;
        let mut notes = Vec::new();
        if !shown && size > 0 {
            notes.push(format!(
                "The group has fewer than {min_group} people, so no breakdown or spread is shown."
            ));
        }
        let bands = if shown {
            join_neighbours(
                Band::ALL
                    .iter()
                    .zip(self.bands)
                    .map(|(band, people)| (band.label().to_owned(), people))
                    .collect(),
                min_group,
                "bands",
                &mut notes,
            )
        } else {
            Vec::new()
        };
        let levels = if shown {
            join_neighbours(
                Level::ALL
                    .iter()
                    .zip(self.levels)
                    .map(|(level, people)| (level.as_str().to_owned(), people))
                    .collect(),
                min_group,
                "levels",
                &mut notes,
            )
        } else {
            Vec::new()
        };
        let roles = if shown {
            role_groups(&self.roles, min_group, &mut notes)
        } else {
            Vec::new()
        };
        let central = shown.then(|| spread(self.centrals));

        let mut task_kinds: Vec<KindStat> = self
            .kinds
            .into_iter()
            .filter(|(kind, t)| {
                shown && *kind != TaskKind::Other && t.people >= min_group && t.points > 0.0
            })
            .map(|(kind, t)| KindStat {
                kind: kind.label().to_owned(),
                people: t.people,
                mean_time_share: round(t.time / t.people as f64),
                group_points: round(t.points),
                exposure: round(if t.time > 0.0 { t.points / t.time } else { 0.0 }),
            })
            .collect();
        task_kinds.sort_by(|a, b| {
            b.group_points
                .total_cmp(&a.group_points)
                .then_with(|| a.kind.cmp(&b.kind))
        });
        task_kinds.truncate(TOP);

        let mut exposed_tasks: Vec<TaskStat> = self
            .tasks
            .into_values()
            .flat_map(BTreeMap::into_values)
            .filter(|t| shown && t.people >= min_group && t.points > 0.0)
            .map(|t| TaskStat {
                mean_time_share: round(t.time / t.people as f64),
                group_points: round(t.points),
                task: t.label,
                role: t.role,
                people: t.people,
            })
            .collect();
        exposed_tasks.sort_by(|a, b| {
            b.group_points
                .total_cmp(&a.group_points)
                .then_with(|| a.task.cmp(&b.task))
        });
        exposed_tasks.truncate(TOP);

        if self.reference_only > 0 && shown {
            notes.push(format!(
                "{} in occupations with published figures only {} counted in the bands, roles and levels, not in the task, skill and strategy lists.",
                people(self.reference_only),
                if self.reference_only == 1 { "is" } else { "are" }
            ));
        }
        let prompts = bands
            .iter()
            .map(|group| BandPrompts {
                band: group.group.clone(),
                prompts: prompts_for(&group.group),
            })
            .collect();
        let mut failure_counts: Vec<GroupCount> = failures
            .iter()
            .map(|(reason, people)| GroupCount {
                group: reason.label().to_owned(),
                people: *people,
            })
            .collect();
        failure_counts.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.group.cmp(&b.group)));

        WorkshopSummary {
            schema_version: SCHEMA_VERSION,
            dataset: DatasetInfo {
                version: meta.version.clone(),
                as_of: meta.as_of.clone(),
            },
            session,
            participants: size,
            failed: failures.values().sum(),
            failures: failure_counts,
            reference_only: self.reference_only,
            min_group,
            bands,
            roles,
            levels,
            central,
            task_kinds,
            exposed_tasks,
            missing_skills: top_counts(self.missing, min_group, shown),
            strategy_kinds: top_counts(
                self.strategy_kinds
                    .into_iter()
                    .filter(|(kind, _)| *kind != StrategyKind::Other)
                    .map(|(kind, n)| (kind.label().to_owned(), n))
                    .collect(),
                min_group,
                shown,
            ),
            strategies: top_counts(self.strategies, min_group, shown),
            prompts,
            notes,
            disclaimer: DISCLAIMER.to_owned(),
        }
    }
}

/// The entry for `key`, made on first use. A borrowed key costs no allocation, and a room of
/// 100,000 looks up the same few hundred keys again and again.
fn entry_for<'m, V: Default>(map: &'m mut BTreeMap<String, V>, key: &str) -> &'m mut V {
    if map.contains_key(key) {
        map.get_mut(key).expect("the key is there")
    } else {
        map.entry(key.to_owned()).or_default()
    }
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_owned()
    } else {
        format!("{n} people")
    }
}

/// Quartiles by linear interpolation, so no figure is one person's unless people tie.
fn spread(mut figures: Vec<f64>) -> Spread {
    figures.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let position = p * (figures.len() - 1) as f64;
        let (low, high) = (position.floor() as usize, position.ceil() as usize);
        figures[low] + (figures[high] - figures[low]) * (position - low as f64)
    };
    Spread {
        lower_quartile: round(at(0.25)),
        median: round(at(0.5)),
        upper_quartile: round(at(0.75)),
        mean: round(figures.iter().sum::<f64>() / figures.len() as f64),
    }
}

/// Ordered groups (bands, levels) with every group of at least `min_group`: the smallest
/// group under it joins its smaller neighbour, until none is left. Empty groups are skipped.
/// The total of a room of at least `min_group` people is kept.
fn join_neighbours(
    counts: Vec<(String, usize)>,
    min_group: usize,
    what: &str,
    notes: &mut Vec<String>,
) -> Vec<GroupCount> {
    let mut groups: Vec<(Vec<String>, usize)> = counts
        .into_iter()
        .filter(|(_, people)| *people > 0)
        .map(|(label, people)| (vec![label], people))
        .collect();
    let mut joined = false;
    while groups.len() > 1 {
        let Some(small) = groups
            .iter()
            .enumerate()
            .filter(|(_, (_, people))| *people < min_group)
            .min_by_key(|(_, (_, people))| *people)
            .map(|(i, _)| i)
        else {
            break;
        };
        let neighbour = match (small.checked_sub(1), groups.get(small + 1)) {
            (Some(left), Some(right)) if right.1 < groups[left].1 => small + 1,
            (Some(left), _) => left,
            (None, _) => small + 1,
        };
        let (first, second) = (small.min(neighbour), small.max(neighbour));
        let (labels, people) = groups.remove(second);
        groups[first].0.extend(labels);
        groups[first].1 += people;
        joined = true;
    }
    if joined {
        notes.push(format!(
            "{} with fewer than {min_group} people are joined to their neighbours.",
            capitalise(what)
        ));
    }
    groups
        .into_iter()
        .map(|(labels, people)| GroupCount {
            group: match labels.as_slice() {
                [only] => only.clone(),
                [first, .., last] => format!("{first} to {last}"),
                [] => String::new(),
            },
            people,
        })
        .collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Roles with at least `min_group` people; the smaller ones by family where a family has
/// enough; the rest as "other". When "other" would itself be too small, the smallest groups
/// shown join it, so it never stands for fewer than `min_group` people and the total holds.
fn role_groups(
    counts: &BTreeMap<(String, String), usize>,
    min_group: usize,
    notes: &mut Vec<String>,
) -> Vec<RoleGroup> {
    let mut shown: Vec<RoleGroup> = Vec::new();
    let mut families: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut with_roles_shown = BTreeSet::new();
    for ((family, role), people) in counts {
        if *people >= min_group {
            with_roles_shown.insert(family.as_str());
            shown.push(RoleGroup {
                group: role.clone(),
                kind: GroupKind::Role,
                people: *people,
            });
        } else {
            let entry = families.entry(family).or_default();
            entry.0 += people;
            entry.1 += 1;
        }
    }
    let mut other = 0;
    let mut grouped_roles = 0;
    for (family, (people, roles)) in families {
        if people >= min_group {
            grouped_roles += roles;
            shown.push(RoleGroup {
                group: if with_roles_shown.contains(family) {
                    format!("{family}, other roles")
                } else {
                    family.to_owned()
                },
                kind: GroupKind::Family,
                people,
            });
        } else {
            other += people;
        }
    }
    shown.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.group.cmp(&b.group)));
    let mut folded = 0;
    while other > 0 && other < min_group && !shown.is_empty() {
        let smallest = shown
            .iter()
            .enumerate()
            .min_by_key(|(_, g)| (g.people, g.kind == GroupKind::Role))
            .map_or(0, |(i, _)| i);
        other += shown.remove(smallest).people;
        folded += 1;
    }
    if grouped_roles > 0 {
        notes.push(format!(
            "Roles with fewer than {min_group} people are grouped by family where the family has enough."
        ));
    }
    if other > 0 {
        shown.push(RoleGroup {
            group: "other".to_owned(),
            kind: GroupKind::Other,
            people: other,
        });
        notes.push(if folded > 0 {
            format!(
                "\"other\" holds the roles and families with fewer than {min_group} people, and the smallest groups beside them so it is not too small itself."
            )
        } else {
            format!("\"other\" holds the roles and families with fewer than {min_group} people.")
        });
    }
    shown
}

/// The [`TOP`] most common names, counting only those shared by at least `min_group` people.
fn top_counts(counts: BTreeMap<String, usize>, min_group: usize, shown: bool) -> Vec<CountStat> {
    let mut stats: Vec<CountStat> = counts
        .into_iter()
        .filter(|(_, people)| shown && *people >= min_group)
        .map(|(name, people)| CountStat { name, people })
        .collect();
    stats.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.name.cmp(&b.name)));
    stats.truncate(TOP);
    stats
}

/// Questions a coach can put to the people in a band (or bands joined: "Low to Moderate").
fn prompts_for(group: &str) -> Vec<String> {
    let mut prompts: Vec<String> = Vec::new();
    for band in Band::ALL {
        if group == band.label()
            || group.starts_with(&format!("{} to", band.label()))
            || group.ends_with(&format!("to {}", band.label()))
            || band_inside(group, band)
        {
            prompts.extend(band_prompts(band).iter().map(|p| (*p).to_owned()));
        }
    }
    prompts.truncate(3);
    prompts
}

/// Whether a joined group ("Low to Elevated") spans `band`.
fn band_inside(group: &str, band: Band) -> bool {
    let Some((first, last)) = group.split_once(" to ") else {
        return false;
    };
    let index = |label: &str| Band::ALL.iter().position(|b| b.label() == label);
    match (
        index(first),
        index(last),
        Band::ALL.iter().position(|b| *b == band),
    ) {
        (Some(first), Some(last), Some(this)) => first <= this && this <= last,
        _ => false,
    }
}

fn band_prompts(band: Band) -> &'static [&'static str] {
    match band {
        Band::Low => &[
            "Which parts of your work depend on being there in person, and how could you make more of them?",
            "Where could AI still save you time on the paperwork around your work?",
        ],
        Band::Moderate => &[
            "Which one task would you most like AI to help with, and what would you do with the time saved?",
            "Which skill of yours would be hardest to replace, and how are you building it?",
        ],
        Band::Elevated => &[
            "Which of your tasks have already changed because of AI tools, and how?",
            "Where would checking AI's work be worth more than doing the task yourself?",
        ],
        Band::High => &[
            "If AI took half the time of your most exposed task, what would you spend that time on?",
            "Who decides how AI is used in your work, and how could you have a say?",
        ],
        Band::VeryHigh => &[
            "Which tasks would you hand to AI first, which would you keep, and why?",
            "What is one move (a skill, a task, a role) you could start on in the next three months?",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(groups: &[GroupCount]) -> Vec<(String, usize)> {
        groups.iter().map(|g| (g.group.clone(), g.people)).collect()
    }

    #[test]
    fn small_bands_join_their_neighbours_and_the_total_holds() {
        let mut notes = Vec::new();
        let joined = join_neighbours(
            vec![
                ("Low".into(), 1),
                ("Moderate".into(), 4),
                ("Elevated".into(), 0),
                ("High".into(), 2),
                ("Very high".into(), 1),
            ],
            3,
            "bands",
            &mut notes,
        );
        assert_eq!(
            counts(&joined),
            [
                ("Low to Moderate".to_owned(), 5),
                ("High to Very high".to_owned(), 3)
            ]
        );
        assert_eq!(notes.len(), 1);
        assert!(prompts_for("Low to Moderate").len() == 3);
    }

    #[test]
    fn small_roles_group_by_family_and_other_is_never_too_small() {
        let mut roles = BTreeMap::new();
        for (family, role, n) in [
            ("Health", "Nurse", 3),
            ("Health", "Pharmacist", 1),
            ("Health", "Medical assistant", 2),
            ("Office", "Clerk", 1),
            ("Trades", "Electrician", 1),
        ] {
            roles.insert((family.to_owned(), role.to_owned()), n);
        }
        let mut notes = Vec::new();
        let groups = role_groups(&roles, 3, &mut notes);
        let shown: Vec<(String, usize)> =
            groups.iter().map(|g| (g.group.clone(), g.people)).collect();
        assert_eq!(
            shown,
            [("Nurse".to_owned(), 3), ("other".to_owned(), 5)],
            "the 2 left over took the smallest group shown, a family's, to make 5"
        );
        roles.insert(("Office".to_owned(), "Receptionist".to_owned()), 2);
        let groups = role_groups(&roles, 3, &mut notes);
        let shown: Vec<(String, usize)> =
            groups.iter().map(|g| (g.group.clone(), g.people)).collect();
        assert_eq!(
            shown,
            [
                ("Nurse".to_owned(), 3),
                ("Office".to_owned(), 3),
                ("other".to_owned(), 4)
            ]
        );
        assert_eq!(groups.iter().map(|g| g.people).sum::<usize>(), 10);
    }

    #[test]
    fn quartiles_interpolate() {
        let s = spread(vec![0.1, 0.2, 0.3, 0.4]);
        assert_eq!(
            (s.lower_quartile, s.median, s.upper_quartile),
            (0.175, 0.25, 0.325)
        );
    }
}
