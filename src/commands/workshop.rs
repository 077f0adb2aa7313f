//! `workshop`: read every participant, write their handouts, summarise the group; or, before
//! the session, write everyone's worksheet. One bad participant is reported and skipped; the
//! rest still run.
//!
//! Problems are printed as they are met, in input order: answers files by path, then roster
//! rows by line. Participants are read first (one small record each, so the output folder's
//! manifest can list every file before any is written), then assessed, written and added to
//! the summary one at a time; what people with the same role and typical profile share is
//! worked out once.

use crate::cli::WorkshopArgs;
use crate::config::Config;
use crate::dataset::Meta;
use crate::dataset::Role;
use crate::dataset::load::read_text;
use crate::error::{CliError, diagnostic, write_result};
use crate::render::worksheet::{self, Sheet};
use crate::render::{Heading, html, json, markdown, summary as render_summary};
use crate::report;
use crate::scoring::count;
use crate::scoring::{Assessment, Profile, assess};
use crate::untrusted::one_line;
use crate::workshop::folder::{FolderError, OutputFolder};
use crate::workshop::intake::Intake;
use crate::workshop::roster::{self, RowProblem};
use crate::workshop::summary::{Session, SummaryBuilder};
use crate::workshop::{Assessed, Participant, Reason, UniqueNames};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The room as read: everyone who could be, and a count of everyone who could not.
struct Room {
    participants: Vec<Participant>,
    failures: BTreeMap<Reason, usize>,
}

impl Room {
    fn failed(&self) -> usize {
        self.failures.values().sum()
    }

    fn skip(&mut self, problem: &RowProblem) {
        diagnostic(&problem.problem.to_string());
        *self.failures.entry(problem.reason).or_default() += 1;
    }
}

pub fn run(args: &WorkshopArgs, config: &Config, out: &mut dyn Write) -> Result<(), CliError> {
    if args.inputs.is_empty() && args.roster.is_none() {
        return Err(CliError::usage(
            "no participants: give answers files or folders, or --roster CSV",
        )
        .with_hint("e.g. ai-exposure workshop answers/ --roster roster.csv --out handouts/"));
    }
    let meta = config.store.meta()?;
    let session = Session {
        title: args.session.title.as_deref().map(one_line),
        date: args.session.date.clone().unwrap_or_else(today),
    };
    let room = read_room(args, config, &meta)?;
    if args.worksheets {
        return write_worksheets(args, &room, &session);
    }

    let mut builder = SummaryBuilder::new(&meta, usize::from(args.min_group));
    let mut folder = match &args.out {
        Some(dir) => Some(open_folder(dir, &["handouts/", "summary."])?),
        None => None,
    };
    let mut names = UniqueNames::default();
    let slugs: Vec<String> = match &folder {
        Some(_) => room
            .participants
            .iter()
            .map(|p| names.claim(&p.name))
            .collect(),
        None => Vec::new(),
    };
    if let Some(folder) = &mut folder {
        let planned: Vec<String> = slugs
            .iter()
            .flat_map(|slug| {
                [
                    format!("handouts/{slug}.md"),
                    format!("handouts/{slug}.html"),
                ]
            })
            .chain(["summary.md", "summary.html", "summary.json"].map(str::to_owned))
            .collect();
        folder
            .plan(planned.iter().map(String::as_str))
            .map_err(folder_error)?;
    }
    let mut shared = SharedWork::default();
    for (index, participant) in room.participants.iter().enumerate() {
        let pages = match &participant.subject {
            Assessed::Curated { role, profile } => {
                let assessment = shared.assessment(role, profile);
                builder.add_curated(role, &assessment);
                folder
                    .as_ref()
                    .map(|_| shared.pages(profile, || report::build(&meta, role, &assessment)))
            }
            Assessed::Reference { occupation, level } => {
                let report = report::build_reference(&meta, occupation, *level);
                builder.add_reference(occupation, &report);
                folder.as_ref().map(|_| Rc::new(render_pages(&report)))
            }
        };
        if let (Some(folder), Some(pages)) = (&mut folder, pages) {
            let heading = Heading {
                name: participant.name.clone(),
                session: session.title.clone(),
                date: Some(session.date.clone()),
                notes: participant.notes.clone(),
            };
            let slug = &slugs[index];
            folder
                .write(
                    &format!("handouts/{slug}.md"),
                    markdown::with_heading(&pages.markdown, &heading).as_bytes(),
                )
                .map_err(folder_error)?;
            folder
                .write(
                    &format!("handouts/{slug}.html"),
                    html::with_heading(&pages.html, &heading).as_bytes(),
                )
                .map_err(folder_error)?;
        }
    }
    let summary = builder.finish(&meta, session, &room.failures);

    if let Some(mut folder) = folder {
        for (name, text) in [
            ("summary.md", render_summary::render_markdown(&summary)),
            ("summary.html", render_summary::render_html(&summary)),
            ("summary.json", json::render(&summary)),
        ] {
            folder.write(name, text.as_bytes()).map_err(folder_error)?;
        }
        let root = folder.root().display().to_string();
        let removed = folder.finish().map_err(folder_error)?;
        let mut line = format!(
            "Wrote {} (Markdown and HTML) and the summary to {root}",
            count(room.participants.len(), "handout", "handouts")
        );
        if removed > 0 {
            line.push_str(&format!(
                "; removed {} an earlier run wrote for people no longer in the room",
                count(removed, "file", "files")
            ));
        }
        diagnostic(&line);
    }

    let text = if args.json {
        json::render(&summary)
    } else {
        render_summary::render_table(&summary, config.style)
    };
    write_result(out.write_all(text.as_bytes()))?;
    finished(&room)
}

/// A report rendered in both handout formats, before the heading that names its person.
struct Pages {
    markdown: String,
    html: String,
}

fn render_pages(report: &report::Report) -> Pages {
    Pages {
        markdown: markdown::render_report(report),
        html: html::render_report(report),
    }
}

/// Work done once for everyone who shares a profile (roster rows that use their level's
/// typical mix share one): the assessment, and the handout before its heading. Profiles held
/// by one person only are not kept, so the cache is bounded by roles × levels.
#[derive(Default)]
struct SharedWork {
    assessments: HashMap<usize, Rc<Assessment>>,
    pages: HashMap<usize, Rc<Pages>>,
}

impl SharedWork {
    fn assessment(&mut self, role: &Rc<Role>, profile: &Rc<Profile>) -> Rc<Assessment> {
        if Rc::strong_count(profile) == 1 {
            return Rc::new(assess(role, profile));
        }
        self.assessments
            .entry(Rc::as_ptr(profile) as usize)
            .or_insert_with(|| Rc::new(assess(role, profile)))
            .clone()
    }

    fn pages(
        &mut self,
        profile: &Rc<Profile>,
        build: impl FnOnce() -> report::Report,
    ) -> Rc<Pages> {
        if Rc::strong_count(profile) == 1 {
            return Rc::new(render_pages(&build()));
        }
        self.pages
            .entry(Rc::as_ptr(profile) as usize)
            .or_insert_with(|| Rc::new(render_pages(&build())))
            .clone()
    }
}

/// Everyone in the room, each problem printed as it is met.
fn read_room(args: &WorkshopArgs, config: &Config, meta: &Meta) -> Result<Room, CliError> {
    let mut intake = Intake::new(&config.store, meta)?;
    let mut room = Room {
        participants: Vec::new(),
        failures: BTreeMap::new(),
    };
    for input in answers_files(&args.inputs, &mut room) {
        match intake.answers_file(&input)? {
            Ok(participant) => room.participants.push(participant),
            Err(problems) => {
                for problem in &problems {
                    diagnostic(&problem.problem.to_string());
                }
                let reason = problems.first().map_or(Reason::Answers, |p| p.reason);
                *room.failures.entry(reason).or_default() += 1;
            }
        }
        for note in intake.take_notes() {
            diagnostic(&note);
        }
    }
    if let Some(path) = &args.roster {
        let text = read_text(path).map_err(|problem| {
            CliError::failure(format!("the roster cannot be read:\n{problem}"))
        })?;
        let display: std::rc::Rc<str> = std::rc::Rc::from(path.display().to_string());
        match roster::open(&display, &text) {
            Err(problem) => {
                let people = text
                    .lines()
                    .skip(1)
                    .filter(|l| !l.trim().is_empty())
                    .count();
                diagnostic(&problem.to_string());
                *room.failures.entry(Reason::Header).or_default() += people.max(1);
            }
            Ok(rows) => {
                for row in rows {
                    match row {
                        Ok(row) => match intake.roster_row(&display, row)? {
                            Ok(participant) => room.participants.push(participant),
                            Err(problem) => room.skip(&problem),
                        },
                        Err(problem) => room.skip(&problem),
                    }
                    for note in intake.take_notes() {
                        diagnostic(&note);
                    }
                }
            }
        }
    }
    if room.participants.is_empty() {
        let failed = room.failed();
        return Err(if failed == 0 {
            CliError::failure(
                "nobody to run: the answers folders and the roster hold no participants",
            )
            .with_hint("a roster has a header row, then one row per person: name,role,level")
        } else {
            CliError::failure(format!(
                "nobody could be read: {} (listed above)",
                if failed == 1 {
                    "the one participant has problems".to_owned()
                } else {
                    format!("all {failed} participants have problems")
                }
            ))
            .with_hint("fix the files or rows named above and run the workshop again")
        });
    }
    Ok(room)
}

/// The files named, and the `*.toml` files (any case) inside the folders named, in a stable
/// order. A folder that cannot be listed, or a folder where a file was expected, is reported.
fn answers_files(inputs: &[PathBuf], room: &mut Room) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let problem = |path: &Path, message: String, hint: &str| RowProblem {
        problem: crate::dataset::Problem {
            file: path.display().to_string(),
            line: 0,
            column: 0,
            field: String::new(),
            message,
            hint: Some(hint.to_owned()),
        },
        reason: Reason::File,
    };
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let entries = match std::fs::read_dir(input) {
            Ok(entries) => entries,
            Err(e) => {
                room.skip(&problem(
                    input,
                    format!("cannot read the folder: {e}"),
                    "check the path and its permissions",
                ));
                continue;
            }
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            })
            .collect();
        found.sort();
        for path in found {
            if path.is_dir() {
                room.skip(&problem(
                    &path,
                    "a folder, not an answers file".to_owned(),
                    "answers files are the .toml files `assess --save` writes",
                ));
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Before the session: a worksheet for every roster row, with the name filled in.
fn write_worksheets(args: &WorkshopArgs, room: &Room, session: &Session) -> Result<(), CliError> {
    let Some(dir) = &args.out else {
        return Err(CliError::usage("--worksheets needs --out DIR"));
    };
    let mut folder = open_folder(dir, &["worksheets/"])?;
    let mut names = UniqueNames::default();
    let mut sheets = Vec::new();
    let mut refused = 0;
    for participant in &room.participants {
        match &participant.subject {
            Assessed::Curated { role, profile } => {
                sheets.push((
                    participant,
                    role,
                    profile.level,
                    names.claim(&participant.name),
                ));
            }
            Assessed::Reference { occupation, .. } => {
                refused += 1;
                diagnostic(&format!(
                    "{}: field `role`: {}: {} has published figures only, so there are no tasks to fill in\n  hint: {}",
                    participant.origin,
                    participant.name,
                    occupation.title,
                    crate::finder::resolve::not_curated(occupation).hint
                ));
            }
        }
    }
    let planned: Vec<String> = sheets
        .iter()
        .flat_map(|(_, _, _, slug)| {
            [
                format!("worksheets/{slug}.html"),
                format!("worksheets/{slug}.md"),
            ]
        })
        .collect();
    folder
        .plan(planned.iter().map(String::as_str))
        .map_err(folder_error)?;
    for (participant, role, level, slug) in &sheets {
        let sheet = Sheet {
            role,
            level: Some(*level),
            name: Some(&participant.name),
            session: session.title.as_deref(),
            date: Some(&session.date),
        };
        folder
            .write(
                &format!("worksheets/{slug}.html"),
                worksheet::render_html(&sheet).as_bytes(),
            )
            .map_err(folder_error)?;
        folder
            .write(
                &format!("worksheets/{slug}.md"),
                worksheet::render_markdown(&sheet).as_bytes(),
            )
            .map_err(folder_error)?;
    }
    let written = folder.root().join("worksheets").display().to_string();
    folder.finish().map_err(folder_error)?;
    diagnostic(&format!(
        "Wrote {} (HTML to print, and Markdown) to {written}",
        count(sheets.len(), "worksheet", "worksheets")
    ));
    let missed = room.failed() + refused;
    if missed == 0 {
        return Ok(());
    }
    Err(CliError::failure(format!(
        "{missed} of {} people got no worksheet (listed above)",
        missed + sheets.len()
    ))
    .with_hint("fix the rows named above, and give anyone in an occupation without tasks a curated role's worksheet"))
}

fn open_folder(dir: &Path, areas: &[&str]) -> Result<OutputFolder, CliError> {
    let folder = OutputFolder::open(dir, areas).map_err(folder_error)?;
    if let Some(note) = &folder.note {
        diagnostic(&format!("note: {note}"));
    }
    Ok(folder)
}

fn folder_error(error: FolderError) -> CliError {
    let hint = match &error {
        FolderError::Busy(_) => "wait for the other run to finish, or choose another --out folder",
        FolderError::Io(..) => "choose a folder you can write to",
    };
    CliError::failure(error.to_string()).with_hint(hint)
}

/// Exit 0 when everyone was read, else 1 with a count.
fn finished(room: &Room) -> Result<(), CliError> {
    let failed = room.failed();
    if failed == 0 {
        return Ok(());
    }
    // `read_room` refuses a room where nobody could be read, so the others are there.
    let total = failed + room.participants.len();
    let message = format!(
        "{failed} of {total} participants could not be read (listed above); the others are in the summary"
    );
    Err(CliError::failure(message)
        .with_hint("fix the files or rows named above and run the workshop again"))
}

/// Today's date in UTC, as YYYY-MM-DD (civil-from-days, proleptic Gregorian).
fn today() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(seconds / 86_400)
}

fn civil_date(days_since_epoch: u64) -> String {
    let z = days_since_epoch as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_797), "2024-03-15");
        assert_eq!(civil_date(11_016), "2000-02-29");
    }
}
