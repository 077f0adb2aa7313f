//! `worksheet`: one paper worksheet for a role, to print and fill in by hand.

use crate::atomic::{self, Durability};
use crate::cli::{SheetFormat, WorksheetArgs};
use crate::config::Config;
use crate::error::{CliError, write_result};
use crate::render::worksheet::{self, Sheet};
use crate::untrusted::one_line;
use std::io::Write;

pub fn run(args: &WorksheetArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    let role = super::resolve::role(&config.store, &args.role)?;
    let name = args.name.as_deref().map(one_line);
    let title = args.session.title.as_deref().map(one_line);
    let sheet = Sheet {
        role: &role,
        level: args.level.map(Into::into),
        name: name.as_deref(),
        session: title.as_deref(),
        date: args.session.date.as_deref(),
    };
    let markdown_file = args
        .out
        .as_ref()
        .and_then(|path| path.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let text = match args.format {
        Some(SheetFormat::Markdown) => worksheet::render_markdown(&sheet),
        None if markdown_file => worksheet::render_markdown(&sheet),
        _ => worksheet::render_html(&sheet),
    };
    match &args.out {
        Some(path) => {
            atomic::write(path, text.as_bytes(), Durability::Synced).map_err(|e| {
                CliError::failure(format!("cannot write {}: {e}", path.display()))
                    .with_hint("choose a folder you can write to")
            })?;
            crate::error::diagnostic(&format!(
                "Wrote the worksheet for {} to {}",
                role.title,
                path.display()
            ));
            Ok(())
        }
        None => write_result(out.write_all(text.as_bytes())),
    }
}
