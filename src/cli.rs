//! The command line, as clap definitions. Kept in the library so `completions` and `man`
//! are generated from the same definitions the binary parses.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes, appended to the long help of every command that can fail.
macro_rules! exit_codes {
    () => {
        "Exit codes:\n  0    success\n  1    a failure: a bad data or answers file, or an I/O error\n  2    a usage error: unknown flag, role or level\n  130  interrupted (Ctrl-C)"
    };
}

/// A command's help: the examples, and in `--help` (long form) the exit codes too.
macro_rules! examples {
    ($($line:literal),+ $(,)?) => {
        concat!("Examples:", $("\n  ", $line),+)
    };
}

#[derive(Debug, Parser)]
#[command(
    name = "ai-exposure",
    version = crate::version::LONG,
    about = "How exposed is your job to AI, task by task, and what can you do about it?",
    long_about = "How exposed is your job to AI, task by task, and what can you do about it?\n\n\
        ai-exposure rates each task of a role against public research, weighs the tasks by how \
        you really spend your time, and gives a range, a risk band and strategies chosen for \
        your answers. Everything runs offline: nothing you enter leaves this machine.",
    after_help = concat!(
        examples!("ai-exposure report --role backend --level junior", "ai-exposure report --role nurse --level senior --json", "ai-exposure roles software"),
        "\n\nRun `ai-exposure help COMMAND` for a command's options and examples."
    ),
    after_long_help = concat!(
        examples!("ai-exposure report --role backend --level junior", "ai-exposure report --role nurse --level senior --json", "ai-exposure roles software"),
        "\n\n",
        exit_codes!()
    ),
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// A dataset directory laid over the bundled one (same layout as data/; see docs/data-format.md)
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// When to colour output: auto is on for a terminal, off when piped, with NO_COLOR set or TERM=dumb
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Never prompt; commands that need answers fail at once instead of waiting
    #[arg(long, global = true)]
    pub no_input: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Assess(AssessArgs),
    Report(ReportArgs),
    Roles(RolesArgs),
    Compare(CompareArgs),
    Workshop(WorkshopArgs),
    Worksheet(WorksheetArgs),
    Validate(ValidateArgs),
    Sources(SourcesArgs),
    Schema(SchemaArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// Print the JSON Schema of a JSON document this tool prints
#[derive(Debug, Args)]
#[command(after_help = examples!("ai-exposure schema report > report.schema.json", "ai-exposure schema roles"))]
pub struct SchemaArgs {
    /// Which document
    #[arg(value_enum, default_value_t = SchemaKind::Report)]
    pub document: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// `report --json`
    Report,
    /// `roles --json`
    Roles,
    /// `compare --json`
    Compare,
    /// `workshop --json` and summary.json
    Workshop,
}

/// Print a shell completion script
#[derive(Debug, Args)]
#[command(after_help = examples!(
    "ai-exposure completions bash > ~/.local/share/bash-completion/completions/ai-exposure",
    "ai-exposure completions zsh > \"${fpath[1]}/_ai-exposure\"",
    "ai-exposure completions fish > ~/.config/fish/completions/ai-exposure.fish"
))]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the manual page (roff), for `man`
#[derive(Debug, Args)]
#[command(after_help = examples!("ai-exposure man > ai-exposure.1 && man ./ai-exposure.1"))]
pub struct ManArgs {}

/// Answer a few questions about your work and get a report for your own mix
#[derive(Debug, Args)]
#[command(
    long_about = "Answer a few questions about your work and get a report for your own mix.\n\n\
        You type your job, pick the tasks you really do, how your week splits across them, and \
        the skills you have; the report then weighs each task by your own time. Esc goes back \
        one question; Ctrl-C quits and saves nothing. Questions are drawn on stderr, a \
        one-screen summary goes to stdout (--full for everything). Takes about two minutes. \
        Nothing leaves this machine.",
    after_help = examples!(
        "ai-exposure assess",
        "ai-exposure assess --role backend --level junior",
        "ai-exposure assess --save my-answers.toml"
    ),
    after_long_help = concat!(
        examples!(
            "ai-exposure assess",
            "ai-exposure assess --role backend --level junior",
            "ai-exposure assess --save my-answers.toml",
            "ai-exposure report --answers my-answers.toml    (replay it later, or in a script)"
        ),
        "\n\nNeeds a terminal: with --no-input, or when stdin or stderr is not a terminal, it exits 2 at once.\n\n",
        exit_codes!()
    )
)]
pub struct AssessArgs {
    /// Skip the role question (id, alias or unique prefix)
    #[arg(long, short = 'r', value_name = "ROLE")]
    pub role: Option<String>,

    /// Skip the level question
    #[arg(
        long,
        short = 'l',
        value_enum,
        ignore_case = true,
        value_name = "LEVEL"
    )]
    pub level: Option<LevelArg>,

    /// Save your answers to FILE without asking (replay with `report --answers FILE`);
    /// checked before the first question
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Replace the --save file if it exists
    #[arg(long, requires = "save")]
    pub force: bool,

    /// Print the full report (skills, insights, moves, published figures, sources) instead
    /// of the one-screen summary
    #[arg(long)]
    pub full: bool,
}

/// Print the exposure report for a role and level, without questions
#[derive(Debug, Args)]
#[command(
    after_help = examples!(
        "ai-exposure report --role backend --level junior",
        "ai-exposure report --role backend --level junior --json | jq .exposure",
        "ai-exposure report --role translator --level senior --format markdown > report.md"
    ),
    after_long_help = concat!(
        examples!(
            "ai-exposure report --role backend --level junior",
            "ai-exposure report --role backend --level junior --json | jq .exposure",
            "ai-exposure report --role translator --level senior --format markdown > report.md",
            "ai-exposure report --answers my-answers.toml --json",
            "ai-exposure report -r backend -l junior --shift \"write-production-code:-10,design-systems:+10\""
        ),
        "\n\n",
        exit_codes!()
    )
)]
pub struct ReportArgs {
    /// Role id, alias or unique prefix (see `ai-exposure roles`); optional with --answers
    #[arg(
        long,
        short = 'r',
        value_name = "ROLE",
        required_unless_present = "answers"
    )]
    pub role: Option<String>,

    /// Seniority level; optional with --answers
    #[arg(
        long,
        short = 'l',
        value_enum,
        ignore_case = true,
        value_name = "LEVEL",
        required_unless_present = "answers"
    )]
    pub level: Option<LevelArg>,

    /// Replay a saved assessment (written by `assess --save FILE`) instead of the level's typical mix
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// What if: move points of time share between tasks, e.g. "write-production-code:-10,design-systems:+10"
    /// (task ids or unique starts of them; "-10%" works too; `--ids` lists the ids)
    #[arg(long, value_name = "TASK:POINTS,...", allow_hyphen_values = true)]
    pub shift: Option<String>,

    /// Show each task's id under its title (the ids `--shift` takes)
    #[arg(long)]
    pub ids: bool,

    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,

    /// Short for --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

/// List the roles the dataset covers, or search every occupation by the words of its title
#[derive(Debug, Args)]
#[command(
    long_about = "List the roles the dataset covers, or search every occupation by the words of its title.\n\n\
        Curated roles have our task-by-task ratings, time mixes per level, skills and strategies. \
        Every other occupation in the published indices (Eloundou et al. 2023, Microsoft 2025, BLS) \
        has a reference report: the published figures side by side and the closest curated roles. \
        `roles TEXT` searches both, the same way `report --role TEXT` resolves a name.",
    after_help = examples!(
        "ai-exposure roles",
        "ai-exposure roles nurse",
        "ai-exposure roles \"civil engineer\" --json",
        "ai-exposure roles --all --family health"
    )
)]
pub struct RolesArgs {
    /// Search curated roles and published occupations by name, job title or SOC code
    pub query: Option<String>,

    /// Only this family, by id or title in any case (e.g. software, Health)
    #[arg(long, value_name = "FAMILY")]
    pub family: Option<String>,

    /// Also list every occupation of the published indices (reference tier)
    #[arg(long)]
    pub all: bool,

    /// Print JSON: an array of {id, title, family, soc_code, aliases, levels, tier}
    #[arg(long)]
    pub json: bool,
}

/// Compare roles side by side: range, band, high-exposure time, automation, shared skills
#[derive(Debug, Args)]
#[command(after_help = examples!(
    "ai-exposure compare backend:junior frontend:junior data-analyst",
    "ai-exposure compare nurse:junior nurse:lead --json",
    "ai-exposure compare accountant bookkeeper financial-analyst --level senior"
))]
pub struct CompareArgs {
    /// Roles to compare, as ROLE or ROLE:LEVEL (id, alias or unique prefix)
    #[arg(value_name = "ROLE[:LEVEL]", required = true, num_args = 2..)]
    pub roles: Vec<String>,

    /// Level for the roles given without one
    #[arg(long, short = 'l', value_enum, ignore_case = true, default_value_t = LevelArg::Mid, value_name = "LEVEL")]
    pub level: LevelArg,

    /// Print JSON (see `ai-exposure schema compare`)
    #[arg(long)]
    pub json: bool,
}

/// Run a workshop: a handout for every participant and an anonymised group summary
#[derive(Debug, Args)]
#[command(
    long_about = "Run a workshop: a handout for every participant and an anonymised group summary.\n\n\
        Participants come from answers files (as `assess --save` writes them; a folder is read \
        for *.toml) and from a CSV roster with the columns name,role,level, an optional skills \
        column (skill ids or names separated by ;), and what paper worksheets say: a \
        time:TASK-ID column per task (percent or hours; each row is scaled to 100%) and \
        own1:title, own1:time, own1:exposure, own1:mode for a task of their own. Comma, \
        semicolon and tab delimiters are recognised. With --out, each participant gets a \
        Markdown and an HTML handout with their name, the session and its date, and the \
        summary is written as Markdown, HTML (for a projector, and for print) and JSON. The \
        summary never names anyone. A participant whose file or row is broken is reported with \
        the row, the person and the field, and skipped; the others still run, and the exit code \
        is 1.\n\n\
        Before the session, --worksheets writes a paper worksheet for every roster row instead, \
        with the name filled in.\n\n\
        The --out folder is the run's: a second run into it at the same time is refused, and a \
        rerun removes the handouts of people no longer in the room (only files an earlier run \
        wrote, as its manifest lists them). Files are readable by you alone (mode 0600).",
    after_help = examples!(
        "ai-exposure workshop examples/workshop/answers --roster examples/workshop/roster.csv",
        "ai-exposure workshop answers/ --roster roster.csv --out handouts/ --title \"Spring cohort\"",
        "ai-exposure workshop --worksheets --roster roster.csv --out session/",
        "ai-exposure workshop answers/ --json"
    )
)]
pub struct WorkshopArgs {
    /// Answers files, or folders of them
    #[arg(value_name = "ANSWERS", conflicts_with = "worksheets")]
    pub inputs: Vec<PathBuf>,

    /// A CSV roster: name,role,level[,skills][,time:TASK-ID...][,own1:title...]
    #[arg(long, value_name = "CSV")]
    pub roster: Option<PathBuf>,

    /// Write the handouts and the summary into this folder (created if needed)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Smallest group the summary shows on its own; smaller ones are joined to others
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub min_group: u16,

    /// Write a paper worksheet per roster row (with --roster and --out) instead of handouts
    #[arg(long, requires_all = ["roster", "out"], conflicts_with = "json")]
    pub worksheets: bool,

    #[command(flatten)]
    pub session: SessionArgs,

    /// Print the summary as JSON (see `ai-exposure schema workshop`)
    #[arg(long)]
    pub json: bool,
}

/// The session handouts and worksheets are headed with.
#[derive(Debug, Args)]
pub struct SessionArgs {
    /// The session's title, on every handout and the summary (e.g. "Spring cohort")
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// The session's date, YYYY-MM-DD (default: today, UTC)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<String>,
}

/// A date as YYYY-MM-DD with a month and day that exist.
fn parse_date(text: &str) -> Result<String, String> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let valid = match parts.as_slice() {
        [year, month, day] if year.len() == 4 && month.len() == 2 && day.len() == 2 => {
            match (
                year.parse::<u32>(),
                month.parse::<u32>(),
                day.parse::<u32>(),
            ) {
                (Ok(_), Ok(month), Ok(day)) => (1..=12).contains(&month) && (1..=31).contains(&day),
                _ => false,
            }
        }
        _ => false,
    };
    if valid {
        Ok(text.trim().to_owned())
    } else {
        Err("write the date as YYYY-MM-DD, e.g. 2026-03-14".to_owned())
    }
}

/// Print a one-page paper worksheet for a role: tasks with boxes for time, tasks of one's own, skills to tick
#[derive(Debug, Args)]
#[command(
    long_about = "Print a one-page paper worksheet for a role: its tasks with a box for the share of time \
        (percent or hours), room for one or two tasks of the person's own with their exposure and \
        mode to tick, and the role's skills to tick. A coach hands them out, then enters what was \
        written in a workshop roster (the worksheet names the columns), and each person gets their \
        own handout.",
    after_help = examples!(
        "ai-exposure worksheet --role nurse --level senior > nurse.html",
        "ai-exposure worksheet --role \"line cook\" --name \"Sam Lee\" --out sam.html",
        "ai-exposure worksheet --role electrician --format markdown",
        "ai-exposure workshop --worksheets --roster roster.csv --out session/    (one per roster row)"
    )
)]
pub struct WorksheetArgs {
    /// Role id, alias or job title (see `ai-exposure roles`)
    #[arg(long, short = 'r', value_name = "ROLE")]
    pub role: String,

    /// Level, in any case: shows the level's typical time beside each task
    #[arg(
        long,
        short = 'l',
        value_enum,
        ignore_case = true,
        value_name = "LEVEL"
    )]
    pub level: Option<LevelArg>,

    /// The participant's name, filled in on the sheet
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    #[command(flatten)]
    pub session: SessionArgs,

    /// Output format (default: html, or markdown when --out ends in .md)
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<SheetFormat>,

    /// Write to FILE (atomically) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// A page to print, with boxes to write in
    Html,
    /// The same in Markdown
    Markdown,
}

/// Check a dataset: the bundled one, or a directory laid over it
#[derive(Debug, Args)]
#[command(after_help = concat!(
    examples!("ai-exposure validate", "ai-exposure validate ./my-dataset"),
    "\n\nPrints every problem with file, line and field, and exits 1 if there are any."
))]
pub struct ValidateArgs {
    /// A dataset directory (same layout as data/); omit to check the bundled dataset
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// List the research the ratings are grounded in
#[derive(Debug, Args)]
#[command(after_help = examples!("ai-exposure sources", "ai-exposure sources --json"))]
pub struct SourcesArgs {
    /// Print JSON: an array of {id, title, authors, year, contribution}
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Junior,
    Mid,
    Senior,
    Lead,
}

impl From<LevelArg> for crate::dataset::Level {
    fn from(level: LevelArg) -> Self {
        match level {
            LevelArg::Junior => crate::dataset::Level::Junior,
            LevelArg::Mid => crate::dataset::Level::Mid,
            LevelArg::Senior => crate::dataset::Level::Senior,
            LevelArg::Lead => crate::dataset::Level::Lead,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal
    Table,
    /// The versioned JSON document (schema_version 1)
    Json,
    /// A Markdown handout
    Markdown,
    /// A self-contained HTML handout with a chart, ready to print
    Html,
}
