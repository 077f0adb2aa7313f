//! `sources`: the research behind the ratings.

use crate::cli::SourcesArgs;
use crate::config::Config;
use crate::error::{CliError, write_result};
use crate::render::table::wrap;
use crate::render::{json, sentence};
use std::fmt::Write as _;
use std::io::Write;

/// The licences of the published figures bundled in the binary (the NOTICE file has them
/// in full).
pub const ATTRIBUTION: &str = "Bundled published figures: Eloundou et al. (2023) occupation and task labels, MIT licence, copyright (c) 2024 OpenAI; Microsoft (2025) AI applicability scores, CC BY 4.0; U.S. Bureau of Labor Statistics Employment Projections 2022-32 and the 2018 SOC Direct Match Title File, public domain. This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence; O*NET is a trademark of USDOL/ETA, which has not approved, endorsed or tested any modification. See NOTICE.";

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
            "{}",
            wrap(
                &source.contribution,
                "  Used for: ",
                "  ",
                config.style.width
            )
        );
        if let Some(link) = source.link() {
            let _ = writeln!(text, "  Find it: {link}");
        }
        text.push('\n');
    }
    let _ = writeln!(text, "{}\n", wrap(ATTRIBUTION, "", "", config.style.width));
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
