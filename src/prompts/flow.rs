//! The question flow of `assess`: role, level, tasks, time split, own tasks, skills.
//! Written against [`Prompter`] only, so every branch is unit-tested with a script.

use super::{PromptError, PromptResult, Prompter};
use crate::answers::MAX_CUSTOM_TASKS;
use crate::dataset::names::Target;
use crate::dataset::reference::{Occupation, RoleLink};
use crate::dataset::{Exposure, Level, Mode, Role, Skill, Store};
use crate::finder::{self, Found, MAX_CANDIDATES};
use crate::scoring::{CustomTask, MixEntry, Profile, TaskRef, percent};
use std::collections::BTreeSet;

/// Asks for the person's job in their own words and resolves it with the one finder: an
/// exact name is taken at once; otherwise the candidates are offered, best first. A
/// reference occupation (published figures only) leads to its closest curated roles.
pub fn choose_role(prompter: &mut dyn Prompter, store: &Store) -> PromptResult<Role> {
    prompter.note("What is your job? Type its title as you would say it: line cook, software engineer, nurse...");
    loop {
        let typed = prompter.input("Your job title", None)?;
        let typed = typed.trim();
        if typed.is_empty() {
            prompter.note("Type a job title, or a few words of it.");
            continue;
        }
        let found = finder::find(store, typed).map_err(failed)?;
        let mut targets = match found {
            Found::Exact {
                target: Target::Role(i),
                ..
            } => {
                let role = store.role_at(i).map_err(failed)?;
                prompter.note(&format!("Using: {}", role.title));
                return Ok(role);
            }
            Found::Exact { target, .. } | Found::Closest(target) => vec![target],
            Found::Ambiguous(targets) | Found::Unknown(targets) => targets,
        };
        for target in finder::search(store, typed, MAX_CANDIDATES).map_err(failed)? {
            if targets.len() < MAX_CANDIDATES && !targets.contains(&target) {
                targets.push(target);
            }
        }
        if targets.is_empty() {
            prompter.note(&format!(
                "Nothing matches \"{typed}\". Try another word for it, or a broader one."
            ));
            continue;
        }
        let mut items = Vec::new();
        for &target in &targets {
            let candidate = finder::candidate(store, target).map_err(failed)?;
            items.push(match target {
                Target::Role(_) => candidate.title,
                Target::Occupation(_) => format!("{} (published figures only)", candidate.title),
            });
        }
        items.push("None of these: search again".to_owned());
        let choice = prompter.select("Which is closest to your job?", &items, 0, false)?;
        match targets.get(choice) {
            None => continue,
            Some(Target::Role(i)) => return store.role_at(*i).map_err(failed),
            Some(Target::Occupation(i)) => {
                let occupation = store.occupation_at(*i).map_err(failed)?;
                if let Some(role) = choose_curated_for(prompter, store, &occupation)? {
                    return Ok(role);
                }
            }
        }
    }
}

/// For an occupation with published figures only: pick one of its curated roles, or search
/// again (`None`).
fn choose_curated_for(
    prompter: &mut dyn Prompter,
    store: &Store,
    occupation: &Occupation,
) -> PromptResult<Option<Role>> {
    let offered: Vec<&RoleLink> = occupation
        .curated
        .iter()
        .chain(&occupation.closest)
        .collect();
    if offered.is_empty() {
        prompter.note(&format!(
            "{} has published figures but no task-by-task view yet, and no curated role is \
             close to it. `ai-exposure report --role {}` shows its figures.",
            occupation.title, occupation.code
        ));
        return Ok(None);
    }
    prompter.note(&format!(
        "{} has published figures but no task-by-task view yet. These curated roles have one:",
        occupation.title
    ));
    let mut items: Vec<String> = offered
        .iter()
        .map(|link| format!("{} ({})", link.title, link.reason))
        .collect();
    items.push("None of these: search again".to_owned());
    let choice = prompter.select("Which is closest to your work?", &items, 0, false)?;
    match offered.get(choice) {
        Some(link) => store
            .role_by_id(&link.id)
            .map_err(failed)?
            .ok_or_else(|| PromptError::Failed(format!("role {} is missing", link.id)))
            .map(Some),
        None => Ok(None),
    }
}

fn failed(error: crate::dataset::DataError) -> PromptError {
    PromptError::Failed(error.to_string())
}

/// Asks for the level, by the names people in the role use ("Journeyman (mid)").
pub fn choose_level(prompter: &mut dyn Prompter, role: &Role) -> PromptResult<Level> {
    let items: Vec<String> = Level::ALL
        .iter()
        .map(|&level| {
            let profile = role.level(level);
            let name = if profile.name.to_lowercase().starts_with(level.as_str()) {
                profile.name.to_string()
            } else {
                format!("{} ({})", profile.name, level.as_str())
            };
            prompter.note(&format!("{name}: {}", profile.description));
            name
        })
        .collect();
    let choice = prompter.select("Which level describes you best?", &items, 0, false)?;
    Ok(Level::ALL[choice])
}

/// A task in the person's week while the questions are asked.
#[derive(Debug, Clone)]
struct Chosen {
    task: TaskRef,
    title: String,
    share: f64,
}

/// The questions after role and level, in order. Esc on any of them goes back one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Tasks,
    OwnTasks,
    Time,
    Skills,
}

/// Asks about tasks, time and skills, and returns the person's profile. Accepting every
/// default gives exactly the level's typical profile (marked as the person's own).
/// `Err(PromptError::Back)` means Esc on the first of these questions.
pub fn ask_profile(
    prompter: &mut dyn Prompter,
    role: &Role,
    level: Level,
    catalogue: &[Skill],
) -> PromptResult<Profile> {
    let defaults = &role.level(level).shares;
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut skills = BTreeSet::new();
    let mut step = Step::Tasks;
    loop {
        let outcome = match step {
            Step::Tasks => choose_tasks(prompter, role, defaults).map(|c| chosen = c),
            Step::OwnTasks => add_own_tasks(prompter, &mut chosen),
            Step::Time => split_time(prompter, &mut chosen),
            Step::Skills => choose_skills(prompter, role, level, catalogue).map(|s| skills = s),
        };
        step = match (outcome, step) {
            (Ok(()), Step::Tasks) => Step::OwnTasks,
            (Ok(()), Step::OwnTasks) => Step::Time,
            (Ok(()), Step::Time) => Step::Skills,
            (Ok(()), Step::Skills) => break,
            (Err(PromptError::Back), Step::Tasks) => return Err(PromptError::Back),
            (Err(PromptError::Back), Step::OwnTasks) => Step::Tasks,
            (Err(PromptError::Back), Step::Time) => {
                chosen.retain(|c| matches!(c.task, TaskRef::Role(_)));
                Step::OwnTasks
            }
            (Err(PromptError::Back), Step::Skills) => Step::Time,
            (Err(error), _) => return Err(error),
        };
    }
    let mut mix: Vec<MixEntry> = chosen
        .into_iter()
        .filter(|c| c.share > 0.0)
        .map(|c| MixEntry {
            task: c.task,
            share: c.share,
        })
        .collect();
    mix.sort_by_key(|e| match e.task {
        TaskRef::Role(i) => i,
        TaskRef::Custom(_) => usize::MAX,
    });
    Ok(Profile {
        level,
        mix,
        skills,
        personalized: true,
    })
}

/// The share a task starts with when the level's typical mix has none of it.
const NEW_TASK_SHARE: f64 = 0.05;

/// The tasks the person does, each starting from the level's typical share, rescaled over
/// the tasks they kept (all kept: exactly the typical split).
fn choose_tasks(
    prompter: &mut dyn Prompter,
    role: &Role,
    defaults: &[f64],
) -> PromptResult<Vec<Chosen>> {
    let items: Vec<String> = role.tasks.iter().map(|t| t.title.to_string()).collect();
    let checked: Vec<bool> = defaults.iter().map(|&s| s > 0.0).collect();
    loop {
        let picked = prompter.multi_select(
            "Which tasks do you really do? (space toggles, enter confirms)",
            &items,
            &checked,
        )?;
        if picked.is_empty() {
            prompter.note("Pick at least one task: the report is about the work you do.");
            continue;
        }
        // A task the level does not usually do starts with a little time, not none.
        let start = |i: usize| {
            if defaults[i] > 0.0 {
                defaults[i]
            } else {
                NEW_TASK_SHARE
            }
        };
        let total: f64 = picked.iter().map(|&i| start(i)).sum();
        return Ok(picked
            .into_iter()
            .map(|i| Chosen {
                task: TaskRef::Role(i),
                title: role.tasks[i].title.to_string(),
                share: start(i) / total,
            })
            .collect());
    }
}

fn add_own_tasks(prompter: &mut dyn Prompter, chosen: &mut Vec<Chosen>) -> PromptResult<()> {
    let mut added = 0;
    let mut question = "Do you also spend real time on a task that is not listed?";
    while added < MAX_CUSTOM_TASKS && prompter.confirm(question, false)? {
        let title = prompter
            .input("Name the task in a few words", None)?
            .trim()
            .to_owned();
        if title.is_empty() {
            prompter.note("A task needs a name; skipped.");
            continue;
        }
        let exposure_items = [
            "high: AI can do most of it, or halve the time it takes".to_owned(),
            "medium: AI helps with parts of it, or only with extra tooling".to_owned(),
            "low: AI barely reaches it (physical work, presence, trust, accountability)".to_owned(),
        ];
        let exposure = Exposure::ALL[prompter.select(
            &format!("How much of \"{title}\" could AI do today?"),
            &exposure_items,
            1,
            false,
        )?];
        let mode_items = [
            "AI would work with me on it (augmentation)".to_owned(),
            "AI could do it in my place (automation)".to_owned(),
        ];
        let mode = [Mode::Augmentation, Mode::Automation]
            [prompter.select("And how would AI take part?", &mode_items, 0, false)?];
        let share = ask_share(prompter, &format!("{title} (yours)"), 0.10)?;
        chosen.push(Chosen {
            task: TaskRef::Custom(CustomTask {
                title: title.clone(),
                exposure,
                mode,
            }),
            title: format!("{title} (yours)"),
            share: 0.0,
        });
        let last = chosen.len() - 1;
        set_share(chosen, last, share);
        added += 1;
        question = "Another task of your own?";
    }
    Ok(())
}

/// Shares offered for one task; the rest of the week keeps its proportions around it.
pub const SHARE_CHOICES: [(&str, f64); 9] = [
    ("none (0%)", 0.0),
    ("about 5%", 0.05),
    ("about 10%", 0.10),
    ("about 15%", 0.15),
    ("about 20%", 0.20),
    ("about 30%", 0.30),
    ("about 40%", 0.40),
    ("half (50%)", 0.50),
    ("most of it (70%)", 0.70),
];

/// Asks for one task's share of the week, defaulting to the choice nearest `current`.
fn ask_share(prompter: &mut dyn Prompter, title: &str, current: f64) -> PromptResult<f64> {
    let mut items: Vec<String> = SHARE_CHOICES.iter().map(|(l, _)| (*l).to_owned()).collect();
    items.push("type a percentage".to_owned());
    let nearest = SHARE_CHOICES
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1.1 - current).abs().total_cmp(&(b.1.1 - current).abs()))
        .map_or(0, |(i, _)| i);
    let choice = prompter.select(
        &format!("How much of your week goes to: {title}?"),
        &items,
        nearest,
        false,
    )?;
    if let Some((_, share)) = SHARE_CHOICES.get(choice) {
        return Ok(*share);
    }
    loop {
        let typed = prompter.input("Percentage of your week (0 to 100)", None)?;
        match typed.trim().trim_end_matches('%').trim().parse::<f64>() {
            Ok(value) if (0.0..=100.0).contains(&value) => return Ok(value / 100.0),
            _ => prompter.note("Type a number from 0 to 100, such as 25."),
        }
    }
}

/// Gives task `index` the share `share` and scales the other tasks so the week still sums
/// to 100%, keeping their proportions; a lone task takes the whole week.
fn set_share(chosen: &mut [Chosen], index: usize, share: f64) {
    let share = if chosen.len() == 1 {
        1.0
    } else {
        share.clamp(0.0, 1.0)
    };
    let others: f64 = chosen
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, c)| c.share)
        .sum();
    let count = chosen.len() - 1;
    for (i, task) in chosen.iter_mut().enumerate() {
        task.share = if i == index {
            share
        } else if others > 0.0 {
            task.share / others * (1.0 - share)
        } else {
            (1.0 - share) / count as f64
        };
    }
}

/// Shows the week and lets the person change any task's share until it looks right.
fn split_time(prompter: &mut dyn Prompter, chosen: &mut [Chosen]) -> PromptResult<()> {
    loop {
        prompter.note("Your week, as shares of working time:");
        for task in chosen.iter().filter(|c| c.share > 0.0) {
            prompter.note(&format!("  {:>4}  {}", percent(task.share), task.title));
        }
        let options = [
            "Looks right, continue".to_owned(),
            "Change the time on a task".to_owned(),
        ];
        if prompter.select("Does this look like your week?", &options, 0, false)? == 0 {
            if chosen.iter().any(|c| c.share > 0.0) {
                return Ok(());
            }
            prompter.note("Give at least one task some of your time.");
            continue;
        }
        let labels: Vec<String> = chosen
            .iter()
            .map(|c| format!("{} ({})", c.title, percent(c.share)))
            .collect();
        let which = match prompter.select("Which task?", &labels, 0, false) {
            Err(PromptError::Back) => continue,
            other => other?,
        };
        let share = match ask_share(prompter, &chosen[which].title, chosen[which].share) {
            Err(PromptError::Back) => continue,
            other => other?,
        };
        set_share(chosen, which, share);
    }
}

fn choose_skills(
    prompter: &mut dyn Prompter,
    role: &Role,
    level: Level,
    catalogue: &[Skill],
) -> PromptResult<BTreeSet<String>> {
    let typical = &role.level(level).typical_skills;
    let items: Vec<String> = role
        .skills
        .iter()
        .map(|s| format!("{} ({})", s.name, s.outlook.as_str()))
        .collect();
    let checked: Vec<bool> = role
        .skills
        .iter()
        .map(|s| typical.contains(&s.id))
        .collect();
    let picked = prompter.multi_select(
        "Which skills do you have? (space toggles, enter confirms)",
        &items,
        &checked,
    )?;
    let mut skills: BTreeSet<String> = picked
        .into_iter()
        .map(|i| role.skills[i].id.to_string())
        .collect();

    if prompter.confirm(
        "Do you have other skills worth counting? (search the full list)",
        false,
    )? {
        loop {
            let others: Vec<&Skill> = catalogue
                .iter()
                .filter(|s| {
                    !skills.contains(s.id.as_str()) && !role.skills.iter().any(|r| r.id == s.id)
                })
                .collect();
            let mut items = vec!["(done)".to_owned()];
            items.extend(others.iter().map(|s| s.name.to_string()));
            let choice = match prompter.select(
                "Add a skill (type to search, pick (done) to finish)",
                &items,
                0,
                true,
            ) {
                Err(PromptError::Back) => break,
                other => other?,
            };
            if choice == 0 {
                break;
            }
            skills.insert(others[choice - 1].id.to_string());
        }
    }
    Ok(skills)
}
