//! `roles`: what the dataset covers, grouped by family. The curated roles by default;
//! `--all` adds every occupation of the reference tier; `roles TEXT` searches both through
//! the one finder, so it lists what `report --role TEXT` would choose among.

use crate::cli::RolesArgs;
use crate::config::Config;
use crate::dataset::names::Target;
use crate::dataset::reference::Occupation;
use crate::dataset::{Level, Meta, RoleSummary};
use crate::error::{CliError, write_result};
use crate::finder;
use crate::render::json;
use crate::render::table::wrap;
use crate::report::{RoleEntry, Tier};
use crate::scoring::count;
use std::fmt::Write as _;
use std::io::Write;

/// How many matches `roles TEXT` lists at most.
pub const MAX_MATCHES: usize = 40;

pub fn run(args: &RolesArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    let family = match &args.family {
        Some(wanted) => Some(family_id(&meta, wanted)?),
        None => None,
    };
    let in_family = |id: &str| family.as_deref().is_none_or(|f| f == id);
    let summaries = config.store.summaries()?;
    let entries: Vec<RoleEntry> = match &args.query {
        Some(query) => {
            let mut entries = Vec::new();
            for target in finder::search(&config.store, query, MAX_MATCHES)? {
                let entry = match target {
                    Target::Role(i) => summaries.get(i as usize).cloned().map(RoleEntry::from),
                    Target::Occupation(i) => Some(RoleEntry::from(&config.store.occupation_at(i)?)),
                };
                entries.extend(entry.filter(|e| in_family(&e.family)));
            }
            entries
        }
        None => {
            let mut entries: Vec<RoleEntry> = summaries
                .into_iter()
                .filter(|r| in_family(&r.family))
                .map(RoleEntry::from)
                .collect();
            if args.all {
                entries.extend(
                    config
                        .store
                        .occupations()?
                        .iter()
                        .filter(|o| o.curated.len() != 1 && in_family(&o.family))
                        .map(RoleEntry::from),
                );
            }
            sort_by_family(&mut entries, &meta);
            entries
        }
    };

    if args.json {
        return write_result(out.write_all(json::render(&entries).as_bytes()));
    }
    if entries.is_empty() {
        crate::error::diagnostic(
            "No role or occupation matches. `ai-exposure roles --all` lists every occupation.",
        );
        return Ok(());
    }
    let text = match &args.query {
        Some(_) => listing_by_tier(&entries, config.style.width),
        None => listing_by_family(&entries, &meta, config.style.width),
    };
    write_result(out.write_all(text.as_bytes()))
}

/// Families match by id or title, in any case.
fn family_id(meta: &Meta, wanted: &str) -> Result<String, CliError> {
    let wanted = wanted.trim().to_lowercase();
    meta.families
        .iter()
        .find(|f| f.id == wanted || f.title.to_lowercase() == wanted)
        .map(|f| f.id.clone())
        .ok_or_else(|| {
            let ids: Vec<&str> = meta.families.iter().map(|f| f.id.as_str()).collect();
            CliError::usage(format!("unknown family `{wanted}`"))
                .with_hint(format!("families are: {}", ids.join(", ")))
        })
}

fn sort_by_family(entries: &mut [RoleEntry], meta: &Meta) {
    let rank = |id: &str| {
        meta.families
            .iter()
            .position(|f| f.id == id)
            .unwrap_or(usize::MAX)
    };
    entries.sort_by(|a, b| {
        rank(&a.family)
            .cmp(&rank(&b.family))
            .then_with(|| (a.tier == Tier::Reference).cmp(&(b.tier == Tier::Reference)))
            .then_with(|| a.title.cmp(&b.title))
    });
}

fn listing_by_family(entries: &[RoleEntry], meta: &Meta, width: u16) -> String {
    let mut text = String::new();
    for family in &meta.families {
        let members: Vec<&RoleEntry> = entries.iter().filter(|r| r.family == family.id).collect();
        if members.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let _ = writeln!(text, "{} ({})", family.title, family.id);
        write_entries(&mut text, &members, width, true);
    }
    let curated = entries.iter().filter(|e| e.tier == Tier::Curated).count();
    let reference = entries.len() - curated;
    let _ = write!(
        text,
        "\n{}",
        count(curated, "curated role", "curated roles")
    );
    if reference > 0 {
        let _ = write!(
            text,
            " and {} with published figures only (marked *)",
            count(reference, "occupation", "occupations")
        );
    }
    let _ = writeln!(text, " · dataset {} (as of {})", meta.version, meta.as_of);
    if reference == 0 {
        let _ = writeln!(
            text,
            "`ai-exposure roles --all` adds every occupation with published figures."
        );
    }
    text
}

fn listing_by_tier(entries: &[RoleEntry], width: u16) -> String {
    let mut text = String::new();
    let (curated, reference): (Vec<&RoleEntry>, Vec<&RoleEntry>) =
        entries.iter().partition(|e| e.tier == Tier::Curated);
    if !curated.is_empty() {
        let _ = writeln!(text, "Curated roles (task by task, with `assess`)");
        write_entries(&mut text, &curated, width, false);
    }
    if !reference.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        let _ = writeln!(text, "Occupations with published figures only");
        write_entries(&mut text, &reference, width, false);
    }
    text
}

/// `marked`: reference occupations get a `*`, for listings that mix the tiers.
fn write_entries(text: &mut String, entries: &[&RoleEntry], width: u16, marked: bool) {
    let id_width = entries.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let title_width = entries
        .iter()
        .map(|r| r.title.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    for entry in entries {
        let mark = if marked && entry.tier == Tier::Reference {
            " *"
        } else {
            ""
        };
        let line = if entry.tier == Tier::Reference {
            format!("  {:id_width$}  {}{mark}", entry.id, entry.title)
        } else {
            format!(
                "  {:id_width$}  {:title_width$}  {}",
                entry.id, entry.title, entry.soc_code
            )
        };
        if line.chars().count() <= usize::from(width) {
            let _ = writeln!(text, "{}", line.trim_end());
        } else {
            let _ = writeln!(text, "{}", wrap(&line, "  ", "      ", width));
        }
        if !entry.aliases.is_empty() {
            let also = format!("also: {}", entry.aliases.join(", "));
            let _ = writeln!(text, "{}", wrap(&also, "      ", "      ", width));
        }
    }
}

impl From<RoleSummary> for RoleEntry {
    fn from(role: RoleSummary) -> Self {
        RoleEntry {
            id: role.id,
            title: role.title,
            family: role.family,
            soc_code: role.soc_code,
            aliases: role.aliases,
            levels: role.levels,
            tier: Tier::Curated,
        }
    }
}

impl From<&Occupation> for RoleEntry {
    fn from(occupation: &Occupation) -> Self {
        RoleEntry {
            id: occupation.code.clone(),
            title: occupation.title.clone(),
            family: occupation.family.clone(),
            soc_code: occupation.code.clone(),
            aliases: Vec::new(),
            levels: Level::ALL.to_vec(),
            tier: Tier::Reference,
        }
    }
}
