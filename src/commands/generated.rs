//! `schema`, `completions` and `man`: documents generated from the code's own definitions,
//! so they cannot drift from what the binary does. None of them needs the dataset.

use crate::cli::{Cli, CompletionsArgs, SchemaArgs, SchemaKind};
use crate::error::{CliError, write_result};
use crate::report::{Report, RoleEntry, schema_of};
use clap::CommandFactory;
use std::io::Write;

pub fn schema(args: &SchemaArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let text = match args.document {
        SchemaKind::Report => schema_of::<Report>(),
        SchemaKind::Roles => schema_of::<Vec<RoleEntry>>(),
        SchemaKind::Compare => schema_of::<crate::comparison::Comparison>(),
        SchemaKind::Workshop => schema_of::<crate::workshop::summary::WorkshopSummary>(),
    };
    write_result(out.write_all(text.as_bytes()))
}

pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "ai-exposure", &mut script);
    write_result(out.write_all(&script))
}

pub fn man(out: &mut dyn Write) -> Result<(), CliError> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| CliError::failure(format!("cannot render the manual page: {e}")))?;
    for sub in Cli::command()
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
    {
        page.extend_from_slice(
            format!(
                ".SH \"{}\"\n",
                format!("ai-exposure {}", sub.get_name()).to_uppercase()
            )
            .as_bytes(),
        );
        clap_mangen::Man::new(sub.clone())
            .render_description_section(&mut page)
            .and_then(|()| clap_mangen::Man::new(sub.clone()).render_options_section(&mut page))
            .and_then(|()| clap_mangen::Man::new(sub.clone()).render_extra_section(&mut page))
            .map_err(|e| CliError::failure(format!("cannot render the manual page: {e}")))?;
    }
    write_result(out.write_all(&page))
}
