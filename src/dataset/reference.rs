//! The reference tier: every occupation in the published indices, with their figures side
//! by side, so anyone who types their job gets an honest answer even without a curated role.
//!
//! The build reads the files under `data/reference/` (bundled as published) and compiles one
//! record per occupation: Eloundou et al.'s GPT-4 and human α/β/ζ, Microsoft's applicability
//! score, BLS employment, wage, projection and entry education, each index's figure with its
//! percentile, and the curated roles closest to it. Shared with `build.rs`.

use super::compiled::{Family, Role};
use super::load::read_text;
use super::published::{TASK_LABELS_FILE, TaskLabels};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The published files, relative to the dataset root.
pub const ELOUNDOU_FILE: &str = "reference/eloundou-2023/occ_level.csv";
pub const MICROSOFT_FILE: &str = "reference/microsoft-2025/soc_ai_applicability_scores.csv";
pub const PROJECTIONS_FILE: &str = "reference/bls-ep-2022-32/occupation_table_1_7.csv";
pub const JOB_TITLES_FILE: &str = "reference/bls-soc-2018-titles/direct_match_titles.csv";

/// How many closest curated roles a reference occupation keeps.
pub const MAX_CLOSEST: usize = 3;

/// An occupation's figures in the published indices. Curated roles carry the same figures
/// for their own SOC code, so every report shows numbers from one place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub eloundou: Option<EloundouScores>,
    pub microsoft: Option<IndexValue>,
    pub labour: Option<LabourMarket>,
}

/// Eloundou et al. (2023): the share of an occupation's tasks exposed, as α (directly, E1),
/// β (E1 + ½·E2) and ζ (E1 + E2), rated by GPT-4 and by human annotators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EloundouScores {
    pub gpt4: [f64; 3],
    pub human: [f64; 3],
    /// Percentiles (0-100) of the two β figures among all 923 rated occupations.
    pub gpt4_beta_percentile: f64,
    pub human_beta_percentile: f64,
}

/// One published figure, its percentile among the index's occupations, and the occupation it
/// is published for (a broader SOC group when the index does not split it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexValue {
    pub value: f64,
    pub percentile: f64,
    pub code: String,
    pub title: String,
}

/// BLS Employment Projections 2022-32, for the occupation or its broader group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabourMarket {
    pub code: String,
    pub title: String,
    /// Thousands of jobs.
    pub employment_2022: f64,
    pub employment_2032: f64,
    pub change_percent: f64,
    /// Thousands of openings a year, on average.
    pub openings: f64,
    /// Median annual wage in 2022 dollars; BLS does not publish some.
    pub median_wage: Option<u32>,
    /// The wage is a floor: BLS reports it only as "at least".
    pub wage_at_least: bool,
    pub education: String,
    pub experience: String,
    pub training: String,
}

impl LabourMarket {
    /// The entry education as a step on a ladder (0 none ... 7 doctoral), for comparing roles.
    pub fn education_step(&self) -> Option<u8> {
        education_step(&self.education)
    }
}

/// BLS's "typical education needed for entry", lowest first.
pub const EDUCATION_LADDER: [&str; 8] = [
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
];

pub fn education_step(text: &str) -> Option<u8> {
    EDUCATION_LADDER
        .iter()
        .position(|step| *step == text)
        .map(|i| i as u8)
}

/// A curated role as seen from an occupation, and why it is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleLink {
    pub id: String,
    pub title: String,
    pub reason: String,
}

/// One occupation of the reference tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occupation {
    /// O*NET-SOC (`15-1252.00`) for occupations Eloundou et al. rate, else 6-digit SOC.
    pub code: String,
    pub title: String,
    pub family: String,
    /// The SOC minor group, e.g. "Computer Occupations".
    pub group: String,
    pub figures: Figures,
    /// For an occupation no index rates: the rated occupations of its SOC group whose
    /// average stands in, as (code, title), and that average.
    pub estimated_from: Vec<(String, String)>,
    pub estimate: Option<[f64; 3]>,
    /// Job titles BLS maps to this occupation.
    pub job_titles: Vec<String>,
    /// Curated roles for this very occupation (same SOC code).
    pub curated: Vec<RoleLink>,
    /// Otherwise, the curated roles closest to it.
    pub closest: Vec<RoleLink>,
}

/// How a range was obtained, for the report to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeBasis {
    /// The mean of the GPT-4 and the human ratings of the occupation.
    Rated,
    /// The mean of the rated occupations in its SOC group.
    Estimated,
}

impl Occupation {
    /// lower/central/upper: the α/β/ζ of GPT-4 and human raters, averaged (`docs/methodology.md`).
    pub fn range(&self) -> Option<([f64; 3], RangeBasis)> {
        match (&self.figures.eloundou, self.estimate) {
            (Some(scores), _) => Some((mean_range(&scores.gpt4, &scores.human), RangeBasis::Rated)),
            (None, Some(estimate)) => Some((estimate, RangeBasis::Estimated)),
            (None, None) => None,
        }
    }

    /// The 6-digit SOC code.
    pub fn six_digit(&self) -> &str {
        &self.code[..self.code.len().min(7)]
    }
}

fn mean_range(a: &[f64; 3], b: &[f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| (a[i] + b[i]) / 2.0)
}

/// A SOC broad group the files name (`31-1120 Home health and personal care aides`) whose
/// occupations are rated one by one: its name stands for all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub title: String,
    /// Positions in [`Reference::occupations`].
    pub members: Vec<u32>,
}

/// Everything the reference tier bundles. Built from the bundled `data/reference/` only: an
/// overlay dataset adds curated roles, never published figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reference {
    /// Published labels of O*NET tasks, which curated tasks link to.
    pub labels: TaskLabels,
    /// BLS's projected change in employment for all occupations together, in percent.
    pub all_change_percent: f64,
    /// Sorted by code.
    pub occupations: Vec<Occupation>,
    pub groups: Vec<Group>,
}

/// Reads and compiles the published files under `dir` (the bundled dataset's root).
pub fn read_reference(dir: &Path) -> Result<Reference, String> {
    let labels_path = dir.join(TASK_LABELS_FILE);
    let labels_text = read_text(&labels_path).map_err(|problem| problem.to_string())?;
    let files = read_published(dir)?;
    let occupations = build_occupations(&files);
    let groups = broad_groups(&files, &occupations);
    let all_change_percent = files
        .projections
        .iter()
        .find(|p| p.code == "00-0000")
        .map(|p| p.change_percent)
        .ok_or_else(|| format!("{PROJECTIONS_FILE}: no row for all occupations (00-0000)"))?;
    Ok(Reference {
        labels: TaskLabels::parse(&labels_text)?,
        all_change_percent,
        occupations,
        groups,
    })
}

/// The rows read from the published files.
#[derive(Debug, Default)]
struct PublishedFiles {
    eloundou: Vec<(String, String, [f64; 3], [f64; 3])>,
    microsoft: Vec<(String, String, f64)>,
    projections: Vec<ProjectionRow>,
    /// (6-digit code, major group, minor group, SOC title, job title).
    job_titles: Vec<[String; 5]>,
}

impl PublishedFiles {
    /// (code, title) of every occupation or group an index publishes figures for: the BLS
    /// projections' line items, then Microsoft's occupations.
    fn published_names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.projections
            .iter()
            .filter(|p| p.line_item)
            .map(|p| (p.code.as_str(), p.title.as_str()))
            .chain(self.microsoft.iter().map(|m| (m.0.as_str(), m.1.as_str())))
    }
}

#[derive(Debug, Clone)]
struct ProjectionRow {
    title: String,
    code: String,
    line_item: bool,
    employment_2022: f64,
    employment_2032: f64,
    change_percent: f64,
    openings: f64,
    median_wage: Option<u32>,
    wage_at_least: bool,
    education: String,
    experience: String,
    training: String,
}

fn read_published(dir: &Path) -> Result<PublishedFiles, String> {
    let mut files = PublishedFiles::default();
    for row in read_csv(dir, ELOUNDOU_FILE)? {
        let number = |i: usize| parse_number(&row, i, ELOUNDOU_FILE);
        files.eloundou.push((
            field(&row, 0, ELOUNDOU_FILE)?,
            field(&row, 1, ELOUNDOU_FILE)?,
            [number(2)?, number(3)?, number(4)?],
            [number(5)?, number(6)?, number(7)?],
        ));
    }
    for row in read_csv(dir, MICROSOFT_FILE)? {
        files.microsoft.push((
            field(&row, 0, MICROSOFT_FILE)?,
            field(&row, 1, MICROSOFT_FILE)?,
            parse_number(&row, 2, MICROSOFT_FILE)?,
        ));
    }
    for row in read_csv(dir, PROJECTIONS_FILE)? {
        let text = |i| field(&row, i, PROJECTIONS_FILE);
        let number = |i| parse_number(&row, i, PROJECTIONS_FILE);
        let wage = text(9)?;
        files.projections.push(ProjectionRow {
            title: text(0)?,
            code: text(1)?,
            line_item: text(2)? == "Line item",
            employment_2022: number(3)?,
            employment_2032: number(4)?,
            change_percent: number(6)?,
            openings: number(8)?,
            median_wage: wage
                .trim_start_matches(">=")
                .trim_start_matches('$')
                .replace(',', "")
                .parse()
                .ok(),
            wage_at_least: wage.starts_with(">="),
            education: text(10)?,
            experience: text(11)?,
            training: text(12)?,
        });
    }
    for row in read_csv(dir, JOB_TITLES_FILE)? {
        let text = |i| field(&row, i, JOB_TITLES_FILE);
        files
            .job_titles
            .push([text(0)?, text(1)?, text(2)?, text(3)?, text(4)?]);
    }
    Ok(files)
}

fn read_csv(dir: &Path, name: &str) -> Result<Vec<csv::StringRecord>, String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|row| row.map_err(|e| format!("{name}: {e}")))
        .collect()
}

fn field(row: &csv::StringRecord, i: usize, file: &str) -> Result<String, String> {
    row.get(i).map(|s| s.trim().to_owned()).ok_or_else(|| {
        let line = row.position().map_or(0, |p| p.line());
        format!("{file}:{line}: column {} is missing", i + 1)
    })
}

fn parse_number(row: &csv::StringRecord, i: usize, file: &str) -> Result<f64, String> {
    let text = field(row, i, file)?;
    text.replace(',', "").parse().map_err(|_| {
        let line = row.position().map_or(0, |p| p.line());
        format!(
            "{file}:{line}: `{text}` in column {} is not a number",
            i + 1
        )
    })
}

/// Percentile (0-100) of `value` among `all`: the share below it, counting ties as half.
pub fn percentile(value: f64, all: &[f64]) -> f64 {
    if all.is_empty() {
        return 0.0;
    }
    let below = all.iter().filter(|&&v| v < value).count() as f64;
    let equal = all.iter().filter(|&&v| v == value).count() as f64;
    100.0 * (below + equal / 2.0) / all.len() as f64
}

/// The family whose longest `soc_prefixes` entry starts the code.
pub fn family_of(code: &str, families: &[Family]) -> String {
    families
        .iter()
        .flat_map(|f| f.soc_prefixes.iter().map(move |p| (p, f)))
        .filter(|(prefix, _)| code.starts_with(prefix.as_str()))
        .max_by_key(|(prefix, _)| prefix.len())
        .or_else(|| families.first().map(|f| (&f.id, f)))
        .map(|(_, f)| f.id.clone())
        .unwrap_or_default()
}

/// Every occupation of the published indices, sorted by code, without curated links.
///
/// The set is Eloundou et al.'s 923 O*NET-SOC occupations plus every 6-digit SOC code that
/// BLS or Microsoft publish and Eloundou does not rate ("all other" groups); SOC broad
/// groups (codes ending in 0 whose detailed occupations are listed) are not occupations of
/// their own: their figures are lent to the occupations inside them.
fn build_occupations(files: &PublishedFiles) -> Vec<Occupation> {
    let gpt4_betas: Vec<f64> = files.eloundou.iter().map(|e| e.2[1]).collect();
    let human_betas: Vec<f64> = files.eloundou.iter().map(|e| e.3[1]).collect();
    let microsoft_scores: Vec<f64> = files.microsoft.iter().map(|m| m.2).collect();
    let microsoft: BTreeMap<&str, (&str, f64)> = files
        .microsoft
        .iter()
        .map(|(code, title, score)| (code.as_str(), (title.as_str(), *score)))
        .collect();
    let projections: BTreeMap<&str, &ProjectionRow> = files
        .projections
        .iter()
        .filter(|p| p.line_item)
        .map(|p| (p.code.as_str(), p))
        .collect();
    let mut soc_titles: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    let mut job_titles: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for [code, _, minor, title, job] in &files.job_titles {
        soc_titles.insert(code, (title, minor));
        job_titles.entry(code).or_default().push(job.clone());
    }

    let rated: BTreeSet<&str> = files.eloundou.iter().map(|e| &e.0[..7]).collect();
    let mut unrated: BTreeMap<&str, &str> = BTreeMap::new();
    // Only codes an index publishes figures for: a title file entry alone (the military
    // occupations, say) has nothing to report.
    for (code, title) in files.published_names() {
        if !rated.contains(code) && !is_broad_group(code, &rated) {
            unrated.entry(code).or_insert(title);
        }
    }

    let figures_for = |six: &str| -> (Option<IndexValue>, Option<LabourMarket>) {
        let broad = broad_code(six);
        let microsoft = microsoft
            .get(six)
            .map(|m| (six, m))
            .or_else(|| microsoft.get(broad.as_str()).map(|m| (broad.as_str(), m)))
            .map(|(code, (title, score))| IndexValue {
                value: *score,
                percentile: percentile(*score, &microsoft_scores),
                code: code.to_owned(),
                title: (*title).to_owned(),
            });
        let labour = projections
            .get(six)
            .or_else(|| projections.get(broad.as_str()))
            .map(|p| LabourMarket {
                code: p.code.clone(),
                title: p.title.clone(),
                employment_2022: p.employment_2022,
                employment_2032: p.employment_2032,
                change_percent: p.change_percent,
                openings: p.openings,
                median_wage: p.median_wage,
                wage_at_least: p.wage_at_least,
                education: p.education.clone(),
                experience: p.experience.clone(),
                training: p.training.clone(),
            });
        (microsoft, labour)
    };
    let group_of = |six: &str| {
        soc_titles
            .get(six)
            .map(|(_, minor)| (*minor).to_owned())
            .or_else(|| {
                soc_titles
                    .iter()
                    .find(|(code, _)| code[..4] == six[..4])
                    .map(|(_, (_, minor))| (*minor).to_owned())
            })
            .unwrap_or_default()
    };
    // Job titles go to the main O*NET occupation of their SOC code (the `.00` one).
    let owner_of_titles: BTreeSet<&str> = files
        .eloundou
        .iter()
        .map(|e| e.0.as_str())
        .filter(|code| {
            code.ends_with(".00")
                || !files
                    .eloundou
                    .iter()
                    .any(|other| other.0[..7] == code[..7] && other.0.ends_with(".00"))
        })
        .collect();

    let mut occupations: Vec<Occupation> = Vec::new();
    for (code, title, gpt4, human) in &files.eloundou {
        let six = &code[..7];
        let (microsoft, labour) = figures_for(six);
        occupations.push(Occupation {
            code: code.clone(),
            title: title.clone(),
            family: String::new(),
            group: group_of(six),
            figures: Figures {
                eloundou: Some(EloundouScores {
                    gpt4: *gpt4,
                    human: *human,
                    gpt4_beta_percentile: percentile(gpt4[1], &gpt4_betas),
                    human_beta_percentile: percentile(human[1], &human_betas),
                }),
                microsoft,
                labour,
            },
            estimated_from: Vec::new(),
            estimate: None,
            job_titles: if owner_of_titles.contains(code.as_str()) {
                job_titles.get(six).cloned().unwrap_or_default()
            } else {
                Vec::new()
            },
            curated: Vec::new(),
            closest: Vec::new(),
        });
    }
    for (code, title) in unrated {
        let (microsoft, labour) = figures_for(code);
        let title = soc_titles.get(code).map_or(title, |(t, _)| t);
        occupations.push(Occupation {
            code: code.to_owned(),
            title: title.to_owned(),
            family: String::new(),
            group: group_of(code),
            figures: Figures {
                eloundou: None,
                microsoft,
                labour,
            },
            estimated_from: Vec::new(),
            estimate: None,
            job_titles: job_titles.get(code).cloned().unwrap_or_default(),
            curated: Vec::new(),
            closest: Vec::new(),
        });
    }
    occupations.sort_by(|a, b| a.code.cmp(&b.code));
    let estimates: Vec<Vec<(String, String)>> = occupations
        .iter()
        .map(|o| {
            if o.figures.eloundou.is_some() {
                Vec::new()
            } else {
                rated_siblings(&o.code, &occupations)
            }
        })
        .collect();
    for (occupation, siblings) in occupations.iter_mut().zip(estimates) {
        occupation.estimated_from = siblings;
    }
    let ranges: Vec<Option<[f64; 3]>> = occupations
        .iter()
        .map(|o| estimated_range(o, &occupations))
        .collect();
    for (occupation, estimate) in occupations.iter_mut().zip(ranges) {
        occupation.estimate = estimate;
    }
    occupations
}

/// The rated occupations of the same SOC broad group, else of the same minor group, else of
/// the same major group.
fn rated_siblings(code: &str, all: &[Occupation]) -> Vec<(String, String)> {
    for prefix in [&code[..6], &code[..4], &code[..2]] {
        let found: Vec<(String, String)> = all
            .iter()
            .filter(|o| o.figures.eloundou.is_some() && o.code.starts_with(prefix))
            .map(|o| (o.code.clone(), o.title.clone()))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The estimated range of an unrated occupation: the mean of its rated siblings' ranges.
fn estimated_range(occupation: &Occupation, all: &[Occupation]) -> Option<[f64; 3]> {
    let ranges: Vec<[f64; 3]> = occupation
        .estimated_from
        .iter()
        .filter_map(|(code, _)| {
            all.binary_search_by(|o| o.code.as_str().cmp(code))
                .ok()
                .and_then(|i| all[i].range())
                .map(|(range, _)| range)
        })
        .collect();
    if ranges.is_empty() {
        return None;
    }
    let n = ranges.len() as f64;
    Some([0, 1, 2].map(|i| ranges.iter().map(|r| r[i]).sum::<f64>() / n))
}

/// `31-1122` → `31-1120`: the SOC broad group a detailed occupation belongs to.
pub fn broad_code(six: &str) -> String {
    let mut code = six[..six.len().min(7)].to_owned();
    code.pop();
    code.push('0');
    code
}

/// A code ending in 0 whose detailed occupations are rated is a group, not an occupation.
fn is_broad_group(code: &str, rated: &BTreeSet<&str>) -> bool {
    code.ends_with('0') && rated.iter().any(|r| r.starts_with(&code[..6]))
}

/// SOC broad groups named in the files that hold several occupations: their titles and codes
/// are names for all of them.
fn broad_groups(files: &PublishedFiles, occupations: &[Occupation]) -> Vec<Group> {
    let mut groups: BTreeMap<String, String> = BTreeMap::new();
    for (code, title) in files.published_names() {
        if code.ends_with('0') && occupations.iter().all(|o| o.six_digit() != code) {
            groups
                .entry(code.to_owned())
                .or_insert_with(|| title.to_owned());
        }
    }
    groups
        .into_iter()
        .filter_map(|(code, title)| {
            let members: Vec<u32> = occupations
                .iter()
                .enumerate()
                .filter(|(_, o)| o.code.starts_with(&code[..6]))
                .map(|(i, _)| i as u32)
                .collect();
            (!members.is_empty()).then_some(Group {
                code,
                title,
                members,
            })
        })
        .collect()
}

/// Links curated roles and occupations both ways: each occupation learns its family, the
/// curated roles of its own code and, failing those, the closest ones; each role gets its
/// code's figures.
pub fn link_curated(occupations: &mut [Occupation], roles: &mut [Role], families: &[Family]) {
    for role in roles.iter_mut() {
        role.figures = occupation_for(&role.soc_code, occupations)
            .map(|i| occupations[i].figures.clone())
            .unwrap_or_default();
    }
    for occupation in occupations.iter_mut() {
        occupation.family = family_of(&occupation.code, families);
        occupation.curated = roles
            .iter()
            .filter(|role| same_occupation(&role.soc_code, &occupation.code))
            .map(|role| RoleLink {
                id: role.id.clone(),
                title: role.title.clone(),
                reason: "a curated role for this occupation".into(),
            })
            .collect();
        occupation.closest = if occupation.curated.is_empty() {
            closest_roles(occupation, roles)
        } else {
            Vec::new()
        };
    }
}

/// The occupation record for a curated role's SOC code: the same O*NET-SOC code, else the
/// main occupation of its 6-digit code.
pub fn occupation_for(soc_code: &str, occupations: &[Occupation]) -> Option<usize> {
    occupations
        .binary_search_by(|o| o.code.as_str().cmp(soc_code))
        .ok()
        .or_else(|| {
            occupations
                .iter()
                .position(|o| o.code.starts_with(&soc_code[..soc_code.len().min(7)]))
        })
}

fn same_occupation(role_code: &str, occupation_code: &str) -> bool {
    role_code == occupation_code
        || (occupation_code.len() == 7 && role_code.starts_with(occupation_code))
}

/// Curated roles nearest an occupation: by shared SOC group first, then shared title words,
/// then family. Only roles with some real kinship are offered.
fn closest_roles(occupation: &Occupation, roles: &[Role]) -> Vec<RoleLink> {
    let own_words = title_words(&occupation.title);
    let mut scored: Vec<(u32, &Role, String)> = roles
        .iter()
        .filter_map(|role| {
            let code = &role.soc_code;
            let (mut score, mut reason) = if code[..7] == occupation.code[..7] {
                (
                    60,
                    format!("a curated role in the same SOC occupation ({})", &code[..7]),
                )
            } else if code[..6] == occupation.code[..6] {
                (
                    40,
                    format!("the same SOC broad group ({})", &occupation.group),
                )
            } else if code[..4] == occupation.code[..4] {
                (25, format!("the same SOC group ({})", occupation.group))
            } else {
                (0, String::new())
            };
            let shared = title_words(&role.title).intersection(&own_words).count() as u32;
            if shared > 0 {
                score += 12 * shared;
                if reason.is_empty() {
                    reason = "a similar job title".into();
                }
            }
            if role.family.id == occupation.family && score > 0 {
                score += 5;
            }
            (score >= 12).then_some((score, role, reason))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    // Only roles about as close as the closest: a broad SOC group alone is weak kinship.
    let floor = scored.first().map_or(0, |best| best.0 * 3 / 4);
    scored
        .into_iter()
        .filter(|(score, _, _)| *score >= floor)
        .take(MAX_CLOSEST)
        .map(|(_, role, reason)| RoleLink {
            id: role.id.clone(),
            title: role.title.clone(),
            reason,
        })
        .collect()
}

/// Distinctive words of a title, singular and lowercased, for comparing titles. Words that
/// say a kind of post rather than a line of work ("manager", "assistant") are left out: a
/// shared "administrator" does not make a school administrator close to a database one.
fn title_words(title: &str) -> BTreeSet<String> {
    const FILLER: &[&str] = &[
        "and",
        "the",
        "except",
        "all",
        "other",
        "worker",
        "workers",
        "manager",
        "managers",
        "administrator",
        "administrators",
        "assistant",
        "assistants",
        "specialist",
        "specialists",
        "technician",
        "technicians",
        "technologist",
        "technologists",
        "operator",
        "operators",
        "clerk",
        "clerks",
        "officer",
        "officers",
        "analyst",
        "analysts",
        "supervisor",
        "supervisors",
        "helper",
        "helpers",
        "aide",
        "aides",
        "agent",
        "agents",
        "representative",
        "representatives",
        "teacher",
        "teachers",
        "engineer",
        "engineers",
        "designer",
        "designers",
        "first",
        "line",
        "general",
        "related",
        "occupation",
        "occupations",
        "except",
        "special",
        "education",
    ];
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| {
            let w = w.to_lowercase();
            w.strip_suffix('s')
                .filter(|stem| !stem.ends_with('s'))
                .map_or(w.clone(), str::to_owned)
        })
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect()
}
