//! Roles side by side: the document `compare` prints and its JSON contract.

use crate::dataset::{Level, Meta, Role};
use crate::report::DatasetInfo;
use crate::scoring::{Profile, assess};
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
    pub level: Level,
    pub lower: f64,
    pub central: f64,
    pub upper: f64,
    #[schemars(schema_with = "crate::report::band_schema")]
    pub band: String,
    pub label: String,
    /// Share of time on high-exposure tasks.
    pub high_share: f64,
    /// Part of the central figure that comes from automation-mode tasks.
    pub automation_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SharedSkill {
    pub id: String,
    pub name: String,
    /// Ids of the compared roles that list it.
    pub roles: Vec<String>,
}

/// Compares the typical mix of each (role, level).
pub fn compare(meta: &Meta, roles: &[(Role, Level)]) -> Comparison {
    let compared = roles
        .iter()
        .map(|(role, level)| {
            let a = assess(role, &Profile::typical(role, *level));
            ComparedRole {
                id: role.id.clone(),
                title: role.title.clone(),
                level: *level,
                lower: crate::report::round(a.range.lower),
                central: crate::report::round(a.range.central),
                upper: crate::report::round(a.range.upper),
                band: a.risk.band.id().to_owned(),
                label: a.risk.band.label().to_owned(),
                high_share: crate::report::round(a.high_share),
                automation_share: crate::report::round(a.automation_share),
            }
        })
        .collect();
    let mut shared: Vec<SharedSkill> = Vec::new();
    for (role, _) in roles {
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
