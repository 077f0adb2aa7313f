//! Structural validation: everything that would make a dataset unusable or a report wrong.
//! Shared with `build.rs`, so the bundled data and `--data` directories get the same checks.
//!
//! Content checks that only make sense for a curated whole (near-copy rationales, unused
//! skills) live in `content.rs`.

use super::compiled::{Dataset, compile};
use super::load::RawDataset;
use super::model::{Exposure, Level, Mode, RawConditions, RawRole, RawTask};
use super::problem::{FieldPath, Finding, Locator, Problem, number, share_sum};
use super::published::TaskLabels;
use std::collections::{BTreeMap, BTreeSet};

/// How far a level's shares may stray from 1 before it is an error.
pub const SHARE_TOLERANCE: f64 = 0.001;

/// Validates `raw` as an overlay on `base` (the empty dataset at build time) and compiles it.
pub fn compile_checked(raw: &RawDataset, base: Dataset) -> Result<Dataset, Vec<Problem>> {
    let problems = check(raw, &base);
    if problems.is_empty() {
        Ok(compile(raw, base))
    } else {
        Err(problems)
    }
}

/// Every problem in `raw`, parse problems first, each located by file, line and field.
pub fn check(raw: &RawDataset, base: &Dataset) -> Vec<Problem> {
    let mut findings = Vec::new();
    let mut problems = raw.problems.clone();
    let mut context = Context::new(raw, base);

    match &raw.meta {
        Some(meta) => {
            let file = meta.file;
            let root = FieldPath::root();
            require_text(
                &mut findings,
                file,
                root.key("version"),
                &meta.value.version,
            );
            if !is_date(&meta.value.as_of) {
                findings.push(
                    Finding::new(
                        file,
                        root.key("as_of"),
                        format!("`{}` is not a date", meta.value.as_of),
                    )
                    .hint("write it as YYYY-MM-DD, e.g. as_of = \"2026-11-27\""),
                );
            }
            let mut seen = BTreeSet::new();
            for (i, family) in meta.value.families.iter().enumerate() {
                let path = root.key("families").index(i);
                check_id(&mut findings, file, path.key("id"), &family.id);
                if !seen.insert(family.id.as_str()) {
                    findings.push(duplicate(file, path.key("id"), "family", &family.id));
                }
                require_text(&mut findings, file, path.key("title"), &family.title);
                for (j, prefix) in family.soc_prefixes.iter().enumerate() {
                    if !is_soc_prefix(prefix) {
                        findings.push(
                            Finding::new(
                                file,
                                path.key("soc_prefixes").index(j),
                                format!("`{prefix}` is not the start of a SOC code"),
                            )
                            .hint("write a major group (\"47\"), a minor group (\"13-2\") or a longer prefix (\"11-3021\")"),
                        );
                    }
                }
                for (name, level) in &family.levels {
                    let level_path = path.key("levels").key(name);
                    if Level::parse(name).is_none() {
                        findings.push(
                            Finding::new(
                                file,
                                level_path.clone(),
                                format!("unknown level `{name}`"),
                            )
                            .hint("levels are junior, mid, senior and lead"),
                        );
                    }
                    require_text(&mut findings, file, level_path.key("name"), &level.name);
                    require_text(
                        &mut findings,
                        file,
                        level_path.key("description"),
                        &level.description,
                    );
                }
            }
        }
        None if base.meta.version.is_empty() => problems.push(missing_file(
            raw,
            "dataset.toml",
            "version, as_of and [[families]]",
        )),
        None => {}
    }

    if let Some(catalog) = &raw.skills {
        let mut seen = BTreeSet::new();
        for (i, skill) in catalog.value.skills.iter().enumerate() {
            let path = FieldPath::root().key("skills").index(i);
            check_id(&mut findings, catalog.file, path.key("id"), &skill.id);
            if !seen.insert(skill.id.as_str()) {
                findings.push(duplicate(catalog.file, path.key("id"), "skill", &skill.id));
            }
            require_text(&mut findings, catalog.file, path.key("name"), &skill.name);
            require_text(
                &mut findings,
                catalog.file,
                path.key("rationale"),
                &skill.rationale,
            );
        }
    } else if base.skills.is_empty() {
        problems.push(missing_file(raw, "skills.toml", "the [[skills]] catalogue"));
    }

    if let Some(catalog) = &raw.sources {
        let mut seen = BTreeSet::new();
        for (i, source) in catalog.value.sources.iter().enumerate() {
            let path = FieldPath::root().key("sources").index(i);
            check_id(&mut findings, catalog.file, path.key("id"), &source.id);
            if !seen.insert(source.id.as_str()) {
                findings.push(duplicate(
                    catalog.file,
                    path.key("id"),
                    "source",
                    &source.id,
                ));
            }
            require_text(
                &mut findings,
                catalog.file,
                path.key("title"),
                &source.title,
            );
            require_text(
                &mut findings,
                catalog.file,
                path.key("authors"),
                &source.authors,
            );
            require_text(
                &mut findings,
                catalog.file,
                path.key("contribution"),
                &source.contribution,
            );
            check_source_link(
                &mut findings,
                catalog.file,
                &path,
                source.doi.as_deref(),
                source.url.as_deref(),
            );
            if !(1900..=2100).contains(&source.year) {
                findings.push(
                    Finding::new(
                        catalog.file,
                        path.key("year"),
                        format!("{} is not a plausible publication year", source.year),
                    )
                    .hint("give the year the work was published, e.g. year = 2023"),
                );
            }
        }
    } else if base.sources.is_empty() {
        problems.push(missing_file(
            raw,
            "sources.toml",
            "the [[sources]] bibliography",
        ));
    }

    if let Some(names) = &raw.names {
        for (i, name) in names.value.names.iter().enumerate() {
            let path = FieldPath::root().key("names").index(i);
            require_text(&mut findings, names.file, path.key("name"), &name.name);
            let known = base
                .reference
                .occupations
                .binary_search_by(|o| o.code.as_str().cmp(&name.soc_code))
                .is_ok();
            if !known {
                findings.push(
                    Finding::new(
                        names.file,
                        path.key("soc_code"),
                        format!("`{}` is not an occupation of the published indices", name.soc_code),
                    )
                    .hint("use a code `ai-exposure roles --all` lists, e.g. soc_code = \"35-1011.00\""),
                );
            }
            if let Some(owner) = context
                .names
                .get(&name.name.replace(' ', "-").to_lowercase())
            {
                findings.push(
                    Finding::new(
                        names.file,
                        path.key("name"),
                        format!("`{}` is already a name of role `{owner}`", name.name),
                    )
                    .hint("a name points to one job only; remove it here or from the role"),
                );
            }
        }
    }

    let mut role_ids = BTreeSet::new();
    for role in &raw.roles {
        let path = FieldPath::root().key("id");
        if !role_ids.insert(role.value.id.as_str()) {
            findings.push(duplicate(role.file, path, "role", &role.value.id));
            continue;
        }
        let file_stem = std::path::Path::new(&raw.files[role.file].path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if file_stem != role.value.id {
            findings.push(
                Finding::new(
                    role.file,
                    path,
                    format!(
                        "role id `{}` does not match its file name `{file_stem}.toml`",
                        role.value.id
                    ),
                )
                .hint(format!(
                    "rename the file to roles/{}.toml or change the id",
                    role.value.id
                )),
            );
        }
        check_role(&mut findings, &mut context, role.file, &role.value);
    }

    let locators: Vec<Locator<'_>> = raw
        .files
        .iter()
        .map(|file| Locator::new(&file.path, &file.text))
        .collect();
    problems.extend(
        findings
            .iter()
            .map(|finding| locators[finding.file].locate(finding)),
    );
    problems
}

/// Ids known from the base dataset and this overlay, for reference checks.
struct Context<'a> {
    labels: &'a TaskLabels,
    families: BTreeSet<String>,
    skills: BTreeSet<String>,
    sources: BTreeSet<String>,
    /// Alias or role id → the role that owns it.
    names: BTreeMap<String, String>,
}

impl<'a> Context<'a> {
    fn new(raw: &RawDataset, base: &'a Dataset) -> Self {
        let overlay_roles: BTreeSet<&str> = raw.roles.iter().map(|r| r.value.id.as_str()).collect();
        let mut names = BTreeMap::new();
        for role in base
            .roles
            .iter()
            .filter(|r| !overlay_roles.contains(r.id.as_str()))
        {
            names.insert(role.id.clone(), role.id.clone());
            for alias in &role.aliases {
                names.insert(alias.clone(), role.id.clone());
            }
        }
        for role in &raw.roles {
            names
                .entry(role.value.id.clone())
                .or_insert_with(|| role.value.id.clone());
        }
        Context {
            labels: &base.reference.labels,
            families: base
                .meta
                .families
                .iter()
                .map(|f| f.id.clone())
                .chain(
                    raw.meta
                        .iter()
                        .flat_map(|m| m.value.families.iter().map(|f| f.id.clone())),
                )
                .collect(),
            skills: base
                .skills
                .iter()
                .map(|s| s.id.to_string())
                .chain(
                    raw.skills
                        .iter()
                        .flat_map(|c| c.value.skills.iter().map(|s| s.id.clone())),
                )
                .collect(),
            sources: base
                .sources
                .iter()
                .map(|s| s.id.to_string())
                .chain(
                    raw.sources
                        .iter()
                        .flat_map(|c| c.value.sources.iter().map(|s| s.id.clone())),
                )
                .collect(),
            names,
        }
    }
}

fn check_role(findings: &mut Vec<Finding>, context: &mut Context<'_>, file: usize, role: &RawRole) {
    let root = FieldPath::root();
    check_id(findings, file, root.key("id"), &role.id);
    require_text(findings, file, root.key("title"), &role.title);
    require_text(findings, file, root.key("summary"), &role.summary);
    if !context.families.contains(&role.family) {
        findings.push(
            Finding::new(
                file,
                root.key("family"),
                format!("unknown family `{}`", role.family),
            )
            .hint(format!(
                "use a family id from dataset.toml: {}",
                join(&context.families)
            )),
        );
    }
    if !is_soc_code(&role.soc_code) {
        findings.push(
            Finding::new(
                file,
                root.key("soc_code"),
                format!("`{}` is not an O*NET-SOC code", role.soc_code),
            )
            .hint("write it as NN-NNNN.NN, e.g. soc_code = \"15-1252.00\""),
        );
    }
    for (i, alias) in role.aliases.iter().enumerate() {
        let path = root.key("aliases").index(i);
        check_id(findings, file, path.clone(), alias);
        match context.names.get(alias) {
            Some(owner) if owner == &role.id && alias == &role.id => {
                findings.push(
                    Finding::new(
                        file,
                        path,
                        format!("alias `{alias}` repeats the role's own id"),
                    )
                    .hint("remove it"),
                );
            }
            Some(owner) => findings.push(
                Finding::new(
                    file,
                    path,
                    format!("alias `{alias}` is already taken by role `{owner}`"),
                )
                .hint("aliases must name one role only; pick a more specific one"),
            ),
            None => {
                context.names.insert(alias.clone(), role.id.clone());
            }
        }
    }

    let mut task_ids = BTreeSet::new();
    if role.tasks.is_empty() {
        findings.push(
            Finding::new(file, root.key("id"), "the role has no tasks")
                .hint("add [[tasks]] entries; docs/data-format.md shows one"),
        );
    }
    for (i, task) in role.tasks.iter().enumerate() {
        let path = root.key("tasks").index(i);
        check_id(findings, file, path.key("id"), &task.id);
        if !task_ids.insert(task.id.as_str()) {
            findings.push(duplicate(file, path.key("id"), "task", &task.id));
        }
        require_text(findings, file, path.key("title"), &task.title);
        require_text(findings, file, path.key("rationale"), &task.rationale);
        if task.sources.is_empty() {
            findings.push(
                Finding::new(file, path.key("sources"), "the rating names no source")
                    .hint("every rating needs at least one source id from sources.toml, e.g. sources = [\"eloundou-2023\"]"),
            );
        }
        check_task_rating(findings, file, &path, task, context.labels);
        for (j, source) in task.sources.iter().enumerate() {
            if !context.sources.contains(source) {
                findings.push(unknown(
                    file,
                    path.key("sources").index(j),
                    "source",
                    source,
                    "sources.toml",
                ));
            }
        }
    }

    let mut skill_ids = BTreeSet::new();
    for (i, skill) in role.skills.iter().enumerate() {
        let path = root.key("skills").index(i);
        if !context.skills.contains(&skill.id) {
            findings.push(unknown(
                file,
                path.key("id"),
                "skill",
                &skill.id,
                "skills.toml",
            ));
        }
        if !skill_ids.insert(skill.id.as_str()) {
            findings.push(duplicate(file, path.key("id"), "skill", &skill.id));
        }
        match &skill.rationale {
            Some(rationale) => require_text(findings, file, path.key("rationale"), rationale),
            None if skill.outlook.is_some() => findings.push(
                Finding::new(
                    file,
                    path.key("outlook"),
                    "an outlook override needs a role-specific rationale",
                )
                .hint("add rationale = \"...\" saying why this role differs from the catalogue"),
            ),
            None => {}
        }
    }

    for name in role.levels.keys() {
        if Level::parse(name).is_none() {
            findings.push(
                Finding::new(
                    file,
                    root.key("levels").key(name),
                    format!("unknown level `{name}`"),
                )
                .hint("levels are junior, mid, senior and lead"),
            );
        }
    }
    for level in Level::ALL {
        let path = root.key("levels").key(level.as_str());
        let Some(profile) = role.levels.get(level.as_str()) else {
            findings.push(
                Finding::new(
                    file,
                    root.key("levels"),
                    format!("level `{}` is missing", level.as_str()),
                )
                .hint(format!(
                    "add [levels.{}] with a note and shares; every role covers all four levels",
                    level.as_str()
                )),
            );
            continue;
        };
        require_text(findings, file, path.key("note"), &profile.note);
        for (key, text) in [
            ("name", &profile.name),
            ("description", &profile.description),
        ] {
            if let Some(text) = text {
                require_text(findings, file, path.key(key), text);
            }
        }
        for (j, skill) in profile.typical_skills.iter().enumerate() {
            if !skill_ids.contains(skill.as_str()) {
                findings.push(
                    Finding::new(
                        file,
                        path.key("typical_skills").index(j),
                        format!("`{skill}` is not one of the role's skills"),
                    )
                    .hint("list it under [[skills]] first, or remove it here"),
                );
            }
        }
        let mut total = 0.0;
        for (task, &share) in &profile.shares {
            let share_path = path.key("shares").key(task);
            if !task_ids.contains(task.as_str()) {
                findings.push(
                    Finding::new(
                        file,
                        share_path.clone(),
                        format!("`{task}` is not a task of this role"),
                    )
                    .hint(format!("task ids are: {}", join(&task_ids))),
                );
            }
            if !(0.0..=1.0).contains(&share) {
                findings.push(
                    Finding::new(
                        file,
                        share_path,
                        format!("share {} is outside 0..1", number(share)),
                    )
                    .hint("shares are fractions of working time, e.g. 0.25"),
                );
            } else {
                total += share;
            }
        }
        if (total - 1.0).abs() > SHARE_TOLERANCE {
            findings.push(
                Finding::new(
                    file,
                    path.key("shares"),
                    format!("shares add up to {}, not 1", share_sum(total)),
                )
                .hint(format!(
                    "adjust them so they sum to 1 (within {SHARE_TOLERANCE})"
                )),
            );
        }
    }

    let mut strategy_ids = BTreeSet::new();
    for (i, strategy) in role.strategies.iter().enumerate() {
        let path = root.key("strategies").index(i);
        check_id(findings, file, path.key("id"), &strategy.id);
        if !strategy_ids.insert(strategy.id.as_str()) {
            findings.push(duplicate(file, path.key("id"), "strategy", &strategy.id));
        }
        require_text(findings, file, path.key("title"), &strategy.title);
        require_text(findings, file, path.key("detail"), &strategy.detail);
        check_conditions(
            findings,
            file,
            &path.key("when"),
            &strategy.when,
            &task_ids,
            &skill_ids,
        );
    }
}

/// The rulebook's checks on one rating (`docs/methodology.md` §1): known O*NET links,
/// a departure from both published raters explained, and a mode that means something for
/// the exposure. That every task is linked is a content check (`content.rs`).
fn check_task_rating(
    findings: &mut Vec<Finding>,
    file: usize,
    path: &FieldPath,
    task: &RawTask,
    labels: &TaskLabels,
) {
    if let (false, Some(_)) = (task.onet_tasks.is_empty(), &task.onet_none) {
        findings.push(
            Finding::new(
                file,
                path.key("onet_none"),
                "the task has both O*NET tasks and a reason for having none",
            )
            .hint("keep onet_tasks or onet_none, not both"),
        );
    }
    if let Some(reason) = &task.onet_none {
        require_text(findings, file, path.key("onet_none"), reason);
    }
    for (j, &id) in task.onet_tasks.iter().enumerate() {
        if labels.get(id).is_none() {
            findings.push(
                Finding::new(
                    file,
                    path.key("onet_tasks").index(j),
                    format!("O*NET task {id} has no published label"),
                )
                .hint("use a Task ID from data/reference/eloundou-2023/task_labels.csv"),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (j, &id) in task.onet_tasks.iter().enumerate() {
        if !seen.insert(id) {
            findings.push(
                Finding::new(
                    file,
                    path.key("onet_tasks").index(j),
                    format!("O*NET task {id} is listed twice"),
                )
                .hint("list each O*NET task once"),
            );
        }
    }
    let departs = labels
        .rating_of(&task.onet_tasks)
        .filter(|published| published.departs(task.exposure));
    match (departs, &task.departure) {
        (Some(published), None) => findings.push(
            Finding::new(
                file,
                path.key("exposure"),
                format!(
                    "rated {} while the linked O*NET tasks are {} for human raters and {} for GPT-4",
                    task.exposure.as_str(),
                    published.human.as_str(),
                    published.gpt4.as_str()
                ),
            )
            .hint("add departure = \"why\": the evidence that makes our rating differ from both"),
        ),
        (None, Some(_)) => findings.push(
            Finding::new(file, path.key("departure"), "the rating agrees with a published label, so there is no departure to explain")
                .hint("remove departure, or check the exposure and the linked onet_tasks"),
        ),
        (Some(_), Some(reason)) => require_text(findings, file, path.key("departure"), reason),
        (None, None) => {}
    }
    if task.exposure == Exposure::Low && task.mode == Mode::Automation {
        findings.push(
            Finding::new(file, path.key("mode"), "a low-exposure task cannot be automation")
                .hint("mode says how AI touches the exposed part of a task; where little is exposed, AI at most assists: use mode = \"augmentation\""),
        );
    }
}

/// A source's DOI and address, when given, are ones a reader can follow.
fn check_source_link(
    findings: &mut Vec<Finding>,
    file: usize,
    path: &FieldPath,
    doi: Option<&str>,
    url: Option<&str>,
) {
    if let Some(doi) = doi
        && (!doi.starts_with("10.") || !doi.contains('/') || doi.contains(char::is_whitespace))
    {
        findings.push(
            Finding::new(file, path.key("doi"), format!("`{doi}` is not a DOI"))
                .hint("write the bare DOI, e.g. doi = \"10.1126/science.adj0998\""),
        );
    }
    if let Some(url) = url
        && (!url.starts_with("https://") || url.contains(char::is_whitespace))
    {
        findings.push(
            Finding::new(
                file,
                path.key("url"),
                format!("`{url}` is not an https address"),
            )
            .hint("give the full address, e.g. url = \"https://www.nber.org/papers/w31161\""),
        );
    }
}

fn check_conditions(
    findings: &mut Vec<Finding>,
    file: usize,
    path: &FieldPath,
    when: &RawConditions,
    task_ids: &BTreeSet<&str>,
    skill_ids: &BTreeSet<&str>,
) {
    let fractions = [
        ("high_share_above", when.high_share_above),
        ("high_share_below", when.high_share_below),
        ("central_above", when.central_above),
        ("central_below", when.central_below),
        ("automation_share_above", when.automation_share_above),
    ];
    for (key, value) in fractions {
        if let Some(value) = value {
            check_fraction(findings, file, path.key(key), value);
        }
    }
    for (key, skills) in [("lacks_any", &when.lacks_any), ("has_any", &when.has_any)] {
        for (i, skill) in skills.iter().enumerate() {
            if !skill_ids.contains(skill.as_str()) {
                findings.push(
                    Finding::new(
                        file,
                        path.key(key).index(i),
                        format!("`{skill}` is not one of the role's skills"),
                    )
                    .hint("conditions name skills the role lists under [[skills]]; add it there first"),
                );
            }
        }
    }
    for (task, &share) in &when.tasks_above {
        let task_path = path.key("tasks_above").key(task);
        if !task_ids.contains(task.as_str()) {
            findings.push(
                Finding::new(
                    file,
                    task_path.clone(),
                    format!("`{task}` is not a task of this role"),
                )
                .hint(format!("task ids are: {}", join(task_ids))),
            );
        }
        check_fraction(findings, file, task_path, share);
    }
}

fn check_fraction(findings: &mut Vec<Finding>, file: usize, path: FieldPath, value: f64) {
    if !(0.0..=1.0).contains(&value) {
        findings.push(
            Finding::new(file, path, format!("{} is outside 0..1", number(value)))
                .hint("thresholds are fractions, e.g. 0.3 for 30%"),
        );
    }
}

/// Text must be there, and must be safe to print: an overlay's title holding an escape
/// sequence would otherwise reach the terminal of whoever runs a report.
fn require_text(findings: &mut Vec<Finding>, file: usize, path: FieldPath, text: &str) {
    if text.trim().is_empty() {
        findings.push(
            Finding::new(file, path, "is empty").hint("write it out; every entry needs its text"),
        );
    } else if let Some(c) = text
        .chars()
        .find(|&c| super::untrusted::is_unsafe(c) && c != '\n')
    {
        findings.push(
            Finding::new(
                file,
                path,
                format!("holds the control character U+{:04X}", u32::from(c)),
            )
            .hint("remove it: text is printed in terminals and documents as it is"),
        );
    }
}

fn check_id(findings: &mut Vec<Finding>, file: usize, path: FieldPath, id: &str) {
    if !is_id(id) {
        findings.push(
            Finding::new(file, path, format!("`{id}` is not a valid id"))
                .hint("ids are lowercase words joined by hyphens, e.g. write-production-code"),
        );
    }
}

fn duplicate(file: usize, path: FieldPath, what: &str, id: &str) -> Finding {
    Finding::new(file, path, format!("duplicate {what} id `{id}`")).hint(format!(
        "each {what} id must be unique; rename or remove one"
    ))
}

fn unknown(file: usize, path: FieldPath, what: &str, id: &str, catalogue: &str) -> Finding {
    Finding::new(file, path, format!("unknown {what} `{id}`"))
        .hint(format!("add it to {catalogue} or use an id defined there"))
}

fn missing_file(raw: &RawDataset, name: &str, holds: &str) -> Problem {
    Problem {
        file: format!("{}/{name}", raw.root),
        line: 0,
        column: 0,
        field: String::new(),
        message: "file is missing".into(),
        hint: Some(format!(
            "create {name} with {holds}; docs/data-format.md shows the format"
        )),
    }
}

fn join<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Lowercase ASCII words joined by single hyphens.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_soc_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            2 => b == b'-',
            7 => b == b'.',
            _ => b.is_ascii_digit(),
        })
}

/// "47", "13-2", "11-3021": the start of a SOC code, cut at a digit.
fn is_soc_prefix(text: &str) -> bool {
    let bytes = text.as_bytes();
    (2..=10).contains(&bytes.len())
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            2 => b == b'-',
            7 => b == b'.',
            _ => b.is_ascii_digit(),
        })
        && !text.ends_with(['-', '.'])
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
            && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
            && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
            && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)))
}
