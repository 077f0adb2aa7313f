//! Roles side by side: the document `compare` prints and its JSON contract.

use crate::dataset::{Level, Meta};
use crate::finder::Subject;
use crate::report::{DatasetInfo, Tier};
use crate::scoring::{Band, Profile, assess};
use schemars::JsonSchema;
use serde::Serialize;

/// The document `compare --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    pub schema_version: u32,
    pub dataset: DatasetInfo,
    pub roles: Vec<ComparedRole>,
    /// Skills listed by at least two of the compared roles, most widely shared first.
    pub shared_skills: Vec<SharedSkill>,
    pub disclaimer: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ComparedRole {
    pub id: String,
    pub title: String,
    pub tier: Tier,
    pub level: Level,
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
    #[schemars(schema_with = "crate::report::band_schema")]
    pub band: String,
    pub label: String,
    /// Share of time on high-exposure tasks; `null` for a reference occupation.
    pub high_share: Option<f64>,
    /// Part of the central figure that comes from automation-mode tasks; `null` for a
    /// reference occupation.
    pub automation_share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SharedSkill {
    pub id: String,
    pub name: String,
    /// Ids of the compared roles that list it.
    pub roles: Vec<String>,
}

/// Compares the typical mix of each (role, level); a reference occupation brings its
/// published range, the same at every level.
pub fn compare(meta: &Meta, subjects: &[(Subject, Level)]) -> Comparison {
    use crate::report::round;
    let compared = subjects
        .iter()
        .map(|(subject, level)| match subject {
            Subject::Role(role) => {
                let a = assess(role, &Profile::typical(role, *level));
                ComparedRole {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    tier: Tier::Curated,
                    level: *level,
                    lower: round(a.range.lower),
                    central: round(a.range.central),
                    upper: round(a.range.upper),
                    band: a.risk.band.id().to_owned(),
                    label: a.risk.band.label().to_owned(),
                    high_share: Some(round(a.high_share)),
                    automation_share: Some(round(a.automation_share)),
                }
            }
            Subject::Occupation(occupation) => {
                let [lower, central, upper] =
                    occupation.range().map_or([0.0; 3], |(range, _)| range);
                let band = Band::of(central);
                ComparedRole {
                    id: occupation.code.clone(),
                    title: occupation.title.clone(),
                    tier: Tier::Reference,
                    level: *level,
                    lower: round(lower),
                    central: round(central),
                    upper: round(upper),
                    band: band.id().to_owned(),
                    label: band.label().to_owned(),
                    high_share: None,
                    automation_share: None,
                }
            }
        })
        .collect();
    let mut shared: Vec<SharedSkill> = Vec::new();
    for role in subjects.iter().filter_map(|(subject, _)| match subject {
        Subject::Role(role) => Some(role),
        Subject::Occupation(_) => None,
    }) {
        for skill in &role.skills {
            match shared.iter_mut().find(|s| s.id == skill.id) {
                Some(entry) if !entry.roles.contains(&role.id) => entry.roles.push(role.id.clone()),
                Some(_) => {}
                None => shared.push(SharedSkill {
                    id: skill.id.to_string(),
                    name: skill.name.to_string(),
                    roles: vec![role.id.clone()],
                }),
            }
        }
    }
    shared.retain(|s| s.roles.len() >= 2);
    shared.sort_by(|a, b| {
        b.roles
            .len()
            .cmp(&a.roles.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    Comparison {
        schema_version: crate::report::SCHEMA_VERSION,
        dataset: DatasetInfo {
            version: meta.version.clone(),
            as_of: meta.as_of.clone(),
        },
        roles: compared,
        shared_skills: shared,
        disclaimer: crate::report::DISCLAIMER.to_owned(),
    }
}
