//! `compare`: roles side by side.

use crate::cli::{CompareArgs, LevelArg};
use crate::comparison::compare;
use crate::config::Config;
use crate::dataset::Level;
use crate::error::{CliError, write_result};
use crate::render::{json, table};
use clap::ValueEnum;
use std::io::Write;

pub fn run(args: &CompareArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    let mut roles = Vec::with_capacity(args.roles.len());
    for spec in &args.roles {
        let (name, level) = match spec.split_once(':') {
            Some((name, level)) => {
                let level = LevelArg::from_str(level, true).map_err(|_| {
                    CliError::usage(format!("`{spec}`: unknown level `{level}`"))
                        .with_hint("levels are junior, mid, senior and lead, e.g. backend:senior")
                })?;
                (name, Level::from(level))
            }
            None => (spec.as_str(), Level::from(args.level)),
        };
        let resolved = super::resolve::subject(&config.store, name)?;
        super::resolve::announce(&resolved);
        roles.push((resolved.subject, level));
    }
    let comparison = compare(&meta, &roles);
    let text = if args.json {
        json::render(&comparison)
    } else {
        table::render_comparison(&comparison, config.style)
    };
    write_result(out.write_all(text.as_bytes()))
}
