//! Where to move next: less exposed roles a person could plausibly move to, each with what
//! they already bring, what to build, the pay and education difference, and how long the
//! step usually takes. The rule is in `docs/methodology.md` §6.
//!
//! Education and pay were checked when the dataset was compiled (a role keeps only
//! neighbours within one step of its entry education and 85% of its median wage); here the
//! person's own exposure and level decide.

use super::percent;
use crate::dataset::compiled::{Entry, Neighbour};
use crate::dataset::reference::EDUCATION_LADDER;
use crate::dataset::{Level, Role};
use std::collections::BTreeSet;

/// At most this many moves are suggested, each with at most this many skills to build.
pub const MAX_MOVES: usize = 3;
pub const MAX_SKILLS_TO_BUILD: usize = 4;
/// A move must lower the central figure by at least this much to be worth suggesting.
pub const MIN_MOVE_GAIN: f64 = 0.05;
/// Below this central figure there is nothing much less exposed to point to.
pub const ALREADY_LOW: f64 = 0.15;

/// A less exposed role the person could move towards.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// Index into `Role::neighbours`.
    pub neighbour: usize,
    /// Names of the neighbour's skills the person already has.
    pub shared: Vec<String>,
    /// Names of the neighbour's skills the person does not have yet, resilient ones first.
    pub to_build: Vec<String>,
    /// Median wage of the neighbour against the person's role, as a fraction (+0.12 = 12% more).
    pub wage_change: Option<f64>,
    /// How the neighbour's typical entry education compares, in words.
    pub education: String,
    /// How long the step usually takes, in words.
    pub step: String,
}

/// The moves for a person, or why there are none.
pub fn select_moves(
    role: &Role,
    level: Level,
    central: f64,
    skills: &BTreeSet<String>,
) -> Result<Vec<Move>, String> {
    let Some(own) = Entry::of(role) else {
        return Err(
            "BLS publishes no entry education or wage for this occupation, so no move can be checked for feasibility."
                .to_owned(),
        );
    };
    if central < ALREADY_LOW {
        return Err(format!(
            "Your mix is already among the least exposed ({}): no role close to yours is clearly less exposed.",
            percent(central)
        ));
    }
    let moves: Vec<Move> = role
        .neighbours
        .iter()
        .enumerate()
        .filter(|(_, n)| n.centrals[level.index()] <= central - MIN_MOVE_GAIN)
        .filter(|(_, n)| experience_fits(level, &n.entry.experience))
        .take(MAX_MOVES)
        .map(|(index, n)| describe(index, n, &own, &role.soc_code, skills))
        .collect();
    let open = match level {
        Level::Junior | Level::Mid => " and open without years of experience",
        Level::Senior | Level::Lead => "",
    };
    match (moves.is_empty(), role.neighbours.len()) {
        (false, _) => Ok(moves),
        (true, 0) => Err(
            "No curated role shares enough of your skills within one step of your entry education and pay."
                .to_owned(),
        ),
        (true, 1) => Err(format!(
            "The one role that shares your skills within one step of your entry education and pay ({}) is not clearly less exposed at your level{open}.",
            role.neighbours[0].title
        )),
        (true, n) => Err(format!(
            "None of the {n} roles that share your skills within one step of your entry education and pay is clearly less exposed at your level{open}."
        )),
    }
}

/// BLS's "work experience in a related occupation": a junior can enter roles that ask for
/// none; a mid-level person roles that ask for less than five years.
fn experience_fits(level: Level, experience: &str) -> bool {
    match level {
        Level::Junior => experience == "None",
        Level::Mid => experience != "5 years or more",
        Level::Senior | Level::Lead => true,
    }
}

fn describe(
    index: usize,
    neighbour: &Neighbour,
    own: &Entry,
    own_code: &str,
    skills: &BTreeSet<String>,
) -> Move {
    // The neighbour's skills come resilient first, so what to build starts with what lasts.
    let (held, missing): (Vec<&(_, _)>, Vec<&(_, _)>) = neighbour
        .skills
        .iter()
        .partition(|(id, _)| skills.contains(&**id));
    let wage_change = match (neighbour.entry.median_wage, own.median_wage) {
        (Some(theirs), Some(ours)) if ours > 0 => Some(f64::from(theirs) / f64::from(ours) - 1.0),
        _ => None,
    };
    Move {
        neighbour: index,
        shared: held.iter().map(|(_, name)| name.to_string()).collect(),
        to_build: missing
            .iter()
            .take(MAX_SKILLS_TO_BUILD)
            .map(|(_, name)| name.to_string())
            .collect(),
        wage_change,
        education: education_change(own, &neighbour.entry),
        step: step_time(
            own,
            &neighbour.entry,
            same_field(own_code, &neighbour.soc_code),
        ),
    }
}

/// Two occupations in the same SOC broad group ("29-114") count as one field: a credential
/// for one serves the other.
fn same_field(a: &str, b: &str) -> bool {
    a.get(..6).is_some_and(|prefix| b.starts_with(prefix))
}

fn education_change(own: &Entry, target: &Entry) -> String {
    let target_name = lower_first(&target.education);
    match target.education_step.cmp(&own.education_step) {
        std::cmp::Ordering::Equal => format!("the same entry education ({target_name})"),
        std::cmp::Ordering::Less => format!("a lower entry level ({target_name})"),
        std::cmp::Ordering::Greater => format!("one step more education ({target_name})"),
    }
}

/// From a postsecondary award up, an occupation's entry education is a credential of its own
/// field, which another field's degree does not replace.
const CREDENTIAL_STEP: u8 = 3;

/// Typical years of study for each rung of the education ladder, from no credential.
const STUDY_YEARS: [u8; 8] = [0, 0, 1, 1, 2, 4, 6, 8];

/// What entering usually takes: the extra study, or a credential of the field when the
/// target asks for one and lies in another field, else the on-the-job training BLS lists;
/// and the related experience employers ask for.
pub fn step_time(own: &Entry, target: &Entry, same_field: bool) -> String {
    let study = STUDY_YEARS[usize::from(target.education_step).min(7)]
        .saturating_sub(STUDY_YEARS[usize::from(own.education_step).min(7)]);
    let mut text = if target.education_step > own.education_step && study > 0 {
        format!(
            "about {} of study for {}",
            if study == 1 {
                "a year".to_owned()
            } else {
                format!("{study} years")
            },
            lower_first(EDUCATION_LADDER[usize::from(target.education_step).min(7)])
        )
    } else if !same_field && target.education_step >= CREDENTIAL_STEP {
        format!(
            "usually {} in its field, unless yours already counts",
            with_article(&lower_first(&target.education))
        )
    } else {
        match target.training.as_str() {
            "Short-term on-the-job training" => "a month or less of on-the-job training",
            "Moderate-term on-the-job training" => "one to twelve months of on-the-job training",
            "Long-term on-the-job training" => "more than a year of on-the-job training",
            "Apprenticeship" => "an apprenticeship, usually several years",
            "Internship/residency" => "an internship or residency",
            _ => "no formal training beyond what you bring",
        }
        .to_owned()
    };
    match target.experience.as_str() {
        "Less than 5 years" => {
            text.push_str(", and employers usually want some related experience")
        }
        "5 years or more" => {
            text.push_str(", and employers usually want five years of related experience")
        }
        _ => {}
    }
    text
}

/// "associate's degree" → "an associate's degree".
fn with_article(text: &str) -> String {
    let article = if text.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {text}")
}

/// "Bachelor's degree" → "bachelor's degree".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
