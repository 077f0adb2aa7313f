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

/// Quick answers to "how much of your time?", with the relative weight each stands for.
/// Weights are normalised over the person's tasks, so they only need to be in proportion.
pub const BUCKETS: [(&str, f64); 5] = [
    ("none", 0.0),
    ("a little (about 5%)", 1.0),
    ("some (about 15%)", 3.0),
    ("a lot (about 30%)", 6.0),
    ("most of my time (half or more)", 10.0),
];

/// The bucket closest to a level's default share, offered as the starting answer.
pub fn default_bucket(share: f64) -> usize {
    match share {
        s if s >= 0.35 => 4,
        s if s >= 0.18 => 3,
        s if s >= 0.07 => 2,
        s if s > 0.0 => 1,
        _ => 2,
    }
}

/// Asks for the person's job in their own words and resolves it with the one finder: an
/// exact name is taken at once; otherwise the candidates are offered, best first. A
/// reference occupation (published figures only) leads to its closest curated roles.
pub fn choose_role(prompter: &mut dyn Prompter, store: &Store) -> PromptResult<Role> {
    loop {
        let typed = prompter.input(
            "What is your job? Type its title (e.g. line cook, software engineer, nurse)",
            None,
        )?;
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
            Found::Commonest { target, others } => {
                std::iter::once(target).chain(others).collect()
            }
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

pub fn choose_level(prompter: &mut dyn Prompter, role: &Role) -> PromptResult<Level> {
    let items: Vec<String> = Level::ALL
        .iter()
        .map(|&level| {
            format!(
                "{}: {}",
                level.as_str(),
                first_sentence(&role.level(level).note)
            )
        })
        .collect();
    let choice = prompter.select("Which level describes you best?", &items, 0, false)?;
    Ok(Level::ALL[choice])
}

/// A task in the person's mix while the questions are asked.
struct Chosen {
    task: TaskRef,
    title: String,
    bucket: usize,
}

/// Asks about tasks, time and skills, and returns the person's profile.
pub fn ask_profile(
    prompter: &mut dyn Prompter,
    role: &Role,
    level: Level,
    catalogue: &[Skill],
) -> PromptResult<Profile> {
    let defaults = &role.level(level).shares;
    let mut chosen = choose_tasks(prompter, role, defaults)?;
    add_own_tasks(prompter, &mut chosen)?;
    split_time(prompter, &mut chosen)?;
    let total: f64 = chosen.iter().map(|c| BUCKETS[c.bucket].1).sum();
    let mix = chosen
        .into_iter()
        .filter(|c| c.bucket > 0)
        .map(|c| MixEntry {
            task: c.task,
            share: BUCKETS[c.bucket].1 / total,
        })
        .collect();
    let skills = choose_skills(prompter, role, level, catalogue)?;
    Ok(Profile {
        level,
        mix,
        skills,
        personalized: true,
    })
}

fn choose_tasks(
    prompter: &mut dyn Prompter,
    role: &Role,
    defaults: &[f64],
) -> PromptResult<Vec<Chosen>> {
    let items: Vec<String> = role.tasks.iter().map(|t| t.title.to_string()).collect();
    let checked: Vec<bool> = defaults.iter().map(|&s| s > 0.0).collect();
    loop {
        let picked = prompter.multi_select(
            "Which of these tasks do you really do? (space to toggle, enter to confirm)",
            &items,
            &checked,
        )?;
        if picked.is_empty() {
            prompter.note("Pick at least one task: the report is about the work you do.");
            continue;
        }
        return Ok(picked
            .into_iter()
            .map(|i| Chosen {
                task: TaskRef::Role(i),
                title: role.tasks[i].title.to_string(),
                bucket: default_bucket(defaults[i]),
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
        chosen.push(Chosen {
            task: TaskRef::Custom(CustomTask {
                title: title.clone(),
                exposure,
                mode,
            }),
            title: format!("{title} (yours)"),
            bucket: 2,
        });
        added += 1;
        question = "Another task of your own?";
    }
    Ok(())
}

fn split_time(prompter: &mut dyn Prompter, chosen: &mut [Chosen]) -> PromptResult<()> {
    let buckets: Vec<String> = BUCKETS
        .iter()
        .map(|(label, _)| (*label).to_owned())
        .collect();
    for task in chosen.iter_mut() {
        task.bucket = prompter.select(
            &format!("How much of your time goes to: {}?", task.title),
            &buckets,
            task.bucket,
            false,
        )?;
    }
    loop {
        let total: f64 = chosen.iter().map(|c| BUCKETS[c.bucket].1).sum();
        if total <= 0.0 {
            prompter.note("Every task is at \"none\": give at least one task some of your time.");
        } else {
            prompter.note("Your week, as shares of working time:");
            for task in chosen.iter().filter(|c| c.bucket > 0) {
                prompter.note(&format!(
                    "  {:>4}  {}",
                    percent(BUCKETS[task.bucket].1 / total),
                    task.title
                ));
            }
            let options = [
                "Looks right, continue".to_owned(),
                "Adjust a task".to_owned(),
            ];
            if prompter.select("Does this split look right?", &options, 0, false)? == 0 {
                return Ok(());
            }
        }
        let labels: Vec<String> = chosen
            .iter()
            .map(|c| {
                if total > 0.0 {
                    format!("{} ({})", c.title, percent(BUCKETS[c.bucket].1 / total))
                } else {
                    c.title.clone()
                }
            })
            .collect();
        let which = prompter.select("Which task?", &labels, 0, false)?;
        let task = &mut chosen[which];
        task.bucket = prompter.select(
            &format!("How much of your time goes to: {}?", task.title),
            &buckets,
            task.bucket,
            false,
        )?;
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
    let picked = prompter.multi_select("Which of these skills do you have?", &items, &checked)?;
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
            let choice = prompter.select(
                "Add a skill (type to search, pick (done) to finish)",
                &items,
                0,
                true,
            )?;
            if choice == 0 {
                break;
            }
            skills.insert(others[choice - 1].id.to_string());
        }
    }
    Ok(skills)
}

/// The first sentence of a level note, cut at a word to fit one menu line.
fn first_sentence(text: &str) -> String {
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    let sentence = &text[..end];
    match sentence.char_indices().nth(90) {
        Some((cut, _)) => {
            let at_word = sentence[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", &sentence[..at_word])
        }
        None => sentence.to_owned(),
    }
}
