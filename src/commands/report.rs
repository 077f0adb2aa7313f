//! `report`: the exposure report for a role and level, with no questions asked.

use crate::cli::{Format, ReportArgs};
use crate::config::Config;
use crate::error::{CliError, write_result};
use crate::render::{json, markdown, table};
use crate::report;
use crate::scoring::{Profile, assess};
use std::io::Write;

pub fn run(args: &ReportArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let meta = config.store.meta()?;
    let role = super::resolve::role(&config.store, &args.role)?;
    let profile = Profile::typical(&role, args.level.into());
    let report = report::build(&meta, &role, &assess(&role, &profile));
    let format = if args.json { Format::Json } else { args.format };
    let text = match format {
        Format::Table => table::render_report(&report, config.style),
        Format::Json => json::render(&report),
        Format::Markdown => markdown::render_report(&report),
    };
    write_result(out.write_all(text.as_bytes()))
}
