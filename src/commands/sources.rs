//! `sources`: the research behind the ratings.

use crate::cli::SourcesArgs;
use crate::config::Config;
use crate::error::{CliError, write_result};
use crate::render::table::wrap;
use crate::render::{json, sentence};
use std::fmt::Write as _;
use std::io::Write;

pub fn run(args: &SourcesArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let sources = config.store.sources()?;
    if args.json {
        return write_result(out.write_all(json::render(&sources).as_bytes()));
    }
    let mut text = String::new();
    for source in &sources {
        let _ = writeln!(text, "{} ({})", source.id, source.year);
        let _ = writeln!(
            text,
            "{}",
            wrap(
                &format!("{} {}", sentence(&source.authors), sentence(&source.title)),
                "  ",
                "  ",
                config.style.width
            )
        );
        let _ = writeln!(
            text,
            "{}\n",
            wrap(
                &source.contribution,
                "  Used for: ",
                "  ",
                config.style.width
            )
        );
    }
    let meta = config.store.meta()?;
    let _ = writeln!(
        text,
        "{} sources · dataset {} (as of {})",
        sources.len(),
        meta.version,
        meta.as_of
    );
    write_result(out.write_all(text.as_bytes()))
}
