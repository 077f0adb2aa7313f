//! `roles`: what the dataset covers, grouped by family, optionally filtered.

use crate::cli::RolesArgs;
use crate::config::Config;
use crate::dataset::RoleSummary;
use crate::error::{CliError, write_result};
use crate::render::json;
use crate::render::table::wrap;
use crate::report::RoleEntry;
use std::fmt::Write as _;
use std::io::Write;

pub fn run(args: &RolesArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    if let Some(family) = &args.family
        && !meta.families.iter().any(|f| &f.id == family)
    {
        let ids: Vec<&str> = meta.families.iter().map(|f| f.id.as_str()).collect();
        return Err(CliError::usage(format!("unknown family `{family}`"))
            .with_hint(format!("families are: {}", ids.join(", "))));
    }
    let query = args.query.as_deref().map(str::to_lowercase);
    let mut roles: Vec<RoleSummary> = config
        .store
        .summaries()?
        .into_iter()
        .filter(|r| args.family.as_ref().is_none_or(|f| &r.family == f))
        .filter(|r| query.as_deref().is_none_or(|q| matches(r, q)))
        .collect();
    let family_rank = |id: &str| {
        meta.families
            .iter()
            .position(|f| f.id == id)
            .unwrap_or(usize::MAX)
    };
    roles.sort_by(|a, b| {
        family_rank(&a.family)
            .cmp(&family_rank(&b.family))
            .then(a.title.cmp(&b.title))
    });

    if args.json {
        let entries: Vec<RoleEntry> = roles.into_iter().map(RoleEntry::from).collect();
        return write_result(out.write_all(json::render(&entries).as_bytes()));
    }
    if roles.is_empty() {
        eprintln!("No roles match. `ai-exposure roles` lists them all.");
        return Ok(());
    }
    let id_width = roles.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let title_width = roles
        .iter()
        .map(|r| r.title.chars().count())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for family in &meta.families {
        let members: Vec<&RoleSummary> = roles.iter().filter(|r| r.family == family.id).collect();
        if members.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let _ = writeln!(text, "{} ({})", family.title, family.id);
        for role in members {
            let _ = write!(
                text,
                "  {:id_width$}  {:title_width$}  {}",
                role.id, role.title, role.soc_code
            );
            text.push('\n');
            if !role.aliases.is_empty() {
                let also = format!("also: {}", role.aliases.join(", "));
                let _ = writeln!(
                    text,
                    "{}",
                    wrap(&also, "      ", "      ", config.style.width)
                );
            }
        }
    }
    let _ = writeln!(
        text,
        "\n{} roles · levels: junior, mid, senior, lead · dataset {} (as of {})",
        roles.len(),
        meta.version,
        meta.as_of
    );
    write_result(out.write_all(text.as_bytes()))
}

fn matches(role: &RoleSummary, query: &str) -> bool {
    role.id.contains(query)
        || role.title.to_lowercase().contains(query)
        || role.aliases.iter().any(|a| a.contains(query))
}
