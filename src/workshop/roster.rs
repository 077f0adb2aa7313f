//! The CSV roster: people who did not run `assess`, one row each.
//!
//! Columns (case-insensitive, in any order; others, such as `email`, are ignored, so a
//! coach's own spreadsheet export works as it is):
//! - `name`, `role`, `level`: required;
//! - `skills`: skill ids or names separated by `;` (empty: the level's typical skills);
//! - `time:TASK-ID`: what a worksheet says of the time on a task, in percent or hours. A row's
//!   figures need not add up to 100: they are scaled to shares of the week;
//! - `own1:title`, `own1:time`, `own1:exposure`, `own1:mode` (and `own2:...`): a task of the
//!   person's own.
//!
//! Parsing is strict and line by line: a row is one line, and a broken one (an unclosed
//! quote, a stray quote) is an error at that row while every other row still runs. Comma,
//! semicolon and tab delimiters are told apart from the header row. Meaning (which role, which
//! level, which skills) is checked later, against the dataset (`intake`).

use super::Reason;
use crate::answers::MAX_CUSTOM_TASKS;
use crate::dataset::problem::number;
use crate::dataset::{Exposure, Mode, Problem};
use crate::untrusted::one_line;

/// The columns every roster needs.
pub const REQUIRED: [&str; 3] = ["name", "role", "level"];

/// A time figure's unit, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Hours,
    /// A bare number: percent or hours, the row's other figures say which if any do.
    Bare,
}

/// A time figure as written: a number of percent or of hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Time {
    pub value: f64,
    pub unit: Unit,
}

/// One task in a `time:TASK-ID` column.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskTime {
    /// The task id, lowercased, as the column names it.
    pub task: String,
    pub time: Time,
    /// 1-based column of the cell, for messages.
    pub column: usize,
}

/// A task of the person's own, from the `ownN:` columns.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnTask {
    pub title: String,
    pub time: Time,
    pub exposure: Exposure,
    pub mode: Mode,
}

/// A row as written: text checked for form, not yet for meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// 1-based line in the file: the spreadsheet's row number.
    pub line: usize,
    pub name: String,
    pub role: Cell,
    pub level: Cell,
    /// Skill ids or names; `None` when the column is absent or the cell empty (the level's
    /// typical skills are assumed).
    pub skills: Option<Cell>,
    /// The filled `time:` cells, in column order.
    pub times: Vec<TaskTime>,
    pub own_tasks: Vec<OwnTask>,
}

/// A cell's text and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    /// 1-based character column in the line.
    pub column: usize,
}

impl RosterRow {
    /// The skills cell split into entries.
    pub fn skill_entries(&self) -> Vec<&str> {
        self.skills.as_ref().map_or_else(Vec::new, |cell| {
            cell.text
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
    }

    /// Whether the worksheet columns say anything: the person's own time mix.
    pub fn has_time(&self) -> bool {
        !self.times.is_empty() || !self.own_tasks.is_empty()
    }
}

/// A row that cannot be used, and why, for the summary's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct RowProblem {
    pub problem: Problem,
    pub reason: Reason,
}

/// Where the columns are.
#[derive(Debug, Clone, Default)]
struct Columns {
    name: usize,
    role: usize,
    level: usize,
    skills: Option<usize>,
    /// (column index, task id).
    times: Vec<(usize, String)>,
    own: [OwnColumns; MAX_CUSTOM_TASKS],
}

#[derive(Debug, Clone, Default)]
struct OwnColumns {
    title: Option<usize>,
    time: Option<usize>,
    exposure: Option<usize>,
    mode: Option<usize>,
}

/// A roster whose header was read: its rows come one at a time.
#[derive(Debug)]
pub struct Roster<'a> {
    path: &'a str,
    delimiter: char,
    columns: Columns,
    headers: Vec<String>,
    lines: std::iter::Skip<std::iter::Enumerate<std::str::Split<'a, char>>>,
}

/// Reads the header row. A roster without the required columns is one problem, at line 1.
pub fn open<'a>(path: &'a str, text: &'a str) -> Result<Roster<'a>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.split('\n').next().unwrap_or("");
    let header_line = header_line.strip_suffix('\r').unwrap_or(header_line);
    let delimiter = detect_delimiter(header_line);
    let problem = |message: String, hint: &str| Problem {
        file: path.to_owned(),
        line: 1,
        column: 1,
        field: String::new(),
        message,
        hint: Some(hint.to_owned()),
    };
    let headers: Vec<String> = split_line(header_line, delimiter)
        .map_err(|broken| problem(format!("the header row {}", broken.message), broken.hint))?
        .into_iter()
        .map(|(cell, _)| one_line(&cell).to_lowercase())
        .collect();
    let at = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|name| at(name).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(problem(
            format!("missing column(s): {}", missing.join(", ")),
            "the first row names the columns: name,role,level (and optionally skills, time:TASK-ID, own1:title ...)",
        ));
    }
    let mut columns = Columns {
        name: at("name").unwrap_or(0),
        role: at("role").unwrap_or(0),
        level: at("level").unwrap_or(0),
        skills: at("skills"),
        ..Columns::default()
    };
    for (index, header) in headers.iter().enumerate() {
        if let Some(task) = header.strip_prefix("time:") {
            let task = task.trim();
            if task.is_empty() {
                return Err(problem(
                    format!("column {} is `time:` without a task id", index + 1),
                    "name the task after the colon, as the worksheet prints it: time:TASK-ID",
                ));
            }
            columns.times.push((index, task.to_owned()));
        } else if let Some((slot, part)) = own_column(header) {
            let Some(own) = columns.own.get_mut(slot) else {
                return Err(problem(
                    format!(
                        "column `{header}`: at most {MAX_CUSTOM_TASKS} tasks of a person's own are allowed"
                    ),
                    "use own1:... and own2:... columns",
                ));
            };
            let place = match part {
                "title" => &mut own.title,
                "time" => &mut own.time,
                "exposure" => &mut own.exposure,
                "mode" => &mut own.mode,
                _ => {
                    return Err(problem(
                        format!("column `{header}` is not one of the own-task columns"),
                        "own-task columns are ownN:title, ownN:time, ownN:exposure and ownN:mode",
                    ));
                }
            };
            *place = Some(index);
        }
    }
    Ok(Roster {
        path,
        delimiter,
        columns,
        headers,
        lines: text.split('\n').enumerate().skip(1),
    })
}

/// `own2:time` → (1, "time").
fn own_column(header: &str) -> Option<(usize, &str)> {
    let rest = header.strip_prefix("own")?;
    let (number, part) = rest.split_once(':')?;
    let slot: usize = number.trim().parse().ok()?;
    Some((slot.checked_sub(1)?, part.trim()))
}

impl Roster<'_> {
    fn row(&self, line: usize, text: &str) -> Option<Result<RosterRow, RowProblem>> {
        let text = text.strip_suffix('\r').unwrap_or(text);
        let problem =
            |column: usize, field: &str, message: String, hint: &str, reason| RowProblem {
                problem: Problem {
                    file: self.path.to_owned(),
                    line,
                    column,
                    field: field.to_owned(),
                    message,
                    hint: Some(hint.to_owned()),
                },
                reason,
            };
        let cells = match split_line(text, self.delimiter) {
            Ok(cells) => cells,
            Err(broken) => {
                return Some(Err(problem(
                    broken.column,
                    "",
                    format!("this row {}", broken.message),
                    broken.hint,
                    Reason::Quoting,
                )));
            }
        };
        if cells.iter().all(|(cell, _)| cell.trim().is_empty()) {
            return None;
        }
        let cell = |index: usize| -> Cell {
            cells.get(index).map_or_else(
                || Cell {
                    text: String::new(),
                    column: text.chars().count() + 1,
                },
                |(text, column)| Cell {
                    text: one_line(text),
                    column: *column,
                },
            )
        };
        let name = cell(self.columns.name);
        if name.text.is_empty() {
            return Some(Err(problem(
                name.column,
                "name",
                "the name is empty".into(),
                "every participant needs a name for their handout",
                Reason::Name,
            )));
        }
        let who = name.text.clone();
        let role = cell(self.columns.role);
        if role.text.is_empty() {
            return Some(Err(problem(
                role.column,
                "role",
                format!("{who}: no role"),
                "give a role or job title, as `ai-exposure roles TEXT` finds it",
                Reason::Role,
            )));
        }
        let level = cell(self.columns.level);
        if level.text.is_empty() {
            return Some(Err(problem(
                level.column,
                "level",
                format!("{who}: no level"),
                "give a level: junior, mid, senior or lead",
                Reason::Level,
            )));
        }
        let skills = self
            .columns
            .skills
            .map(cell)
            .filter(|cell| !cell.text.is_empty());

        let mut times = Vec::new();
        let mut units = Vec::new();
        for (index, task) in &self.columns.times {
            let found = cell(*index);
            match parse_time(&found.text) {
                Ok(None) => {}
                Ok(Some(time)) => {
                    units.push((time.unit, *index));
                    times.push(TaskTime {
                        task: task.clone(),
                        time,
                        column: found.column,
                    });
                }
                Err(why) => {
                    return Some(Err(problem(
                        found.column,
                        &self.headers[*index],
                        format!("{who}: {why}"),
                        TIME_HINT,
                        Reason::Time,
                    )));
                }
            }
        }
        let mut own_tasks = Vec::new();
        for (slot, own) in self.columns.own.iter().enumerate() {
            let field = |part: &str| format!("own{}:{part}", slot + 1);
            let get = |at: Option<usize>| at.map(cell);
            let (title, time, exposure, mode) = (
                get(own.title),
                get(own.time),
                get(own.exposure),
                get(own.mode),
            );
            let first_filled = [&title, &time, &exposure, &mode]
                .into_iter()
                .flatten()
                .find(|c| !c.text.is_empty())
                .map(|c| c.column);
            let Some(first_filled) = first_filled else {
                continue;
            };
            let Some(title) = title.filter(|t| !t.text.is_empty()) else {
                return Some(Err(problem(
                    first_filled,
                    &field("title"),
                    format!("{who}: a task of their own has figures but no title"),
                    "write the task's title in the title column, or clear its other cells",
                    Reason::OwnTask,
                )));
            };
            let time = match time.as_ref().map(|c| parse_time(&c.text)) {
                Some(Ok(Some(time))) if time.value > 0.0 => time,
                Some(Err(why)) => {
                    return Some(Err(problem(
                        time.as_ref().map_or(title.column, |c| c.column),
                        &field("time"),
                        format!("{who}: {why}"),
                        TIME_HINT,
                        Reason::OwnTask,
                    )));
                }
                _ => {
                    return Some(Err(problem(
                        title.column,
                        &field("time"),
                        format!("{who}: no time for their own task `{}`", title.text),
                        "write the time it takes, like the role's tasks, in percent or hours",
                        Reason::OwnTask,
                    )));
                }
            };
            units.push((time.unit, own.time.unwrap_or(0)));
            let exposure_text = exposure.as_ref().map_or("", |c| c.text.as_str());
            let Some(exposure) = parse_exposure(exposure_text) else {
                return Some(Err(problem(
                    exposure.as_ref().map_or(title.column, |c| c.column),
                    &field("exposure"),
                    format!(
                        "{who}: `{exposure_text}` is not an exposure for their own task `{}`",
                        title.text
                    ),
                    "write high, medium or low, as ticked on the worksheet",
                    Reason::OwnTask,
                )));
            };
            let mode_text = mode.as_ref().map_or("", |c| c.text.as_str());
            let Some(mode) = parse_mode(mode_text) else {
                return Some(Err(problem(
                    mode.as_ref().map_or(title.column, |c| c.column),
                    &field("mode"),
                    format!(
                        "{who}: `{mode_text}` is not a mode for their own task `{}`",
                        title.text
                    ),
                    "write automation (AI could do it) or augmentation (AI helps them do it)",
                    Reason::OwnTask,
                )));
            };
            own_tasks.push(OwnTask {
                title: title.text,
                time,
                exposure,
                mode,
            });
        }
        let percent = units.iter().find(|(u, _)| *u == Unit::Percent);
        let hours = units.iter().find(|(u, _)| *u == Unit::Hours);
        if let (Some(_), Some((_, at))) = (percent, hours) {
            return Some(Err(problem(
                cell(*at).column,
                &self.headers[*at],
                format!("{who}: the time figures mix percent and hours"),
                "write all of a row's figures in one unit: percent of the week, or hours",
                Reason::Time,
            )));
        }
        Some(Ok(RosterRow {
            line,
            name: who,
            role,
            level,
            skills,
            times,
            own_tasks,
        }))
    }
}

impl Iterator for Roster<'_> {
    type Item = Result<RosterRow, RowProblem>;

    /// The next row that is not blank, or a problem with it.
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (index, text) = self.lines.next()?;
            if let Some(row) = self.row(index + 1, text) {
                return Some(row);
            }
        }
    }
}

const TIME_HINT: &str = "write the time on the task as a number of percent (25 or 25%) or hours (10 or 10h); leave it empty if they do not do it";

/// Every well-formed row, and a located problem for every other one (in line order).
pub fn parse(path: &str, text: &str) -> (Vec<RosterRow>, Vec<RowProblem>) {
    match open(path, text) {
        Err(problem) => (
            Vec::new(),
            vec![RowProblem {
                problem,
                reason: Reason::Header,
            }],
        ),
        Ok(roster) => {
            let mut rows = Vec::new();
            let mut problems = Vec::new();
            for row in roster {
                match row {
                    Ok(row) => rows.push(row),
                    Err(problem) => problems.push(problem),
                }
            }
            (rows, problems)
        }
    }
}

/// The delimiter the header row uses most, outside quotes: `,`, `;` or a tab. A spreadsheet
/// saved in a locale with a decimal comma writes `;`.
fn detect_delimiter(header: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
            entry.1 += 1;
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Why a line cannot be split into cells.
#[derive(Debug)]
struct Broken {
    column: usize,
    message: String,
    hint: &'static str,
}

/// A line's cells and the 1-based character column each starts at. Quotes follow RFC 4180
/// within the line: a quoted cell ends on the same line, `""` is a quote inside it; a quote
/// inside an unquoted cell is refused, since it is most often the start of a broken cell.
fn split_line(line: &str, delimiter: char) -> Result<Vec<(String, usize)>, Broken> {
    let chars: Vec<char> = line.chars().collect();
    let mut cells = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let mut cell = String::new();
        if i < chars.len() && chars[i] == '"' {
            let open = i;
            i += 1;
            loop {
                match chars.get(i) {
                    None => {
                        return Err(Broken {
                            column: open + 1,
                            message: format!(
                                "has a quote at column {} that is never closed",
                                open + 1
                            ),
                            hint: "a quoted cell ends with a quote on the same line: add the closing quote, or remove the stray one",
                        });
                    }
                    Some('"') if chars.get(i + 1) == Some(&'"') => {
                        cell.push('"');
                        i += 2;
                    }
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some(&c) => {
                        cell.push(c);
                        i += 1;
                    }
                }
            }
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            if i < chars.len() && chars[i] != delimiter {
                return Err(Broken {
                    column: i + 1,
                    message: format!("has text after a closing quote at column {}", i + 1),
                    hint: "quote the whole cell, doubling any quote inside it: \"Sam \"\"Sammy\"\" Lee\"",
                });
            }
        } else {
            while i < chars.len() && chars[i] != delimiter {
                if chars[i] == '"' {
                    return Err(Broken {
                        column: i + 1,
                        message: format!(
                            "has a quote at column {} inside a cell that does not start with one",
                            i + 1
                        ),
                        hint: "quote the whole cell, doubling any quote inside it: \"Sam \"\"Sammy\"\" Lee\"",
                    });
                }
                cell.push(chars[i]);
                i += 1;
            }
        }
        cells.push((cell.trim().to_owned(), start + 1));
        if i >= chars.len() {
            return Ok(cells);
        }
        i += 1;
    }
}

/// A time cell: empty, or a number of percent or hours. A decimal comma is read as a point.
fn parse_time(text: &str) -> Result<Option<Time>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let lower = text.to_lowercase();
    let (figure, unit) = if let Some(figure) = lower.strip_suffix('%') {
        (figure, Unit::Percent)
    } else if let Some(figure) = ["hours", "hour", "hrs", "hr", "h"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
    {
        (figure, Unit::Hours)
    } else {
        (lower.as_str(), Unit::Bare)
    };
    let figure = figure.trim().replace(',', ".");
    let value: f64 = figure
        .parse()
        .map_err(|_| format!("`{text}` is not a time figure"))?;
    if !value.is_finite() || !(0.0..=MAX_TIME).contains(&value) {
        return Err(format!("{} is outside 0 to {MAX_TIME}", number(value)));
    }
    Ok(Some(Time { value, unit }))
}

/// More than any week holds in either unit; a typo beyond it is refused, not scaled.
const MAX_TIME: f64 = 1000.0;

fn parse_exposure(text: &str) -> Option<Exposure> {
    Exposure::ALL
        .into_iter()
        .find(|e| e.as_str() == text.trim().to_lowercase())
}

/// `automation` or `augmentation`, or the worksheet's words for them.
fn parse_mode(text: &str) -> Option<Mode> {
    match text.trim().to_lowercase().as_str() {
        "automation" | "automated" | "ai does it" | "ai could do it" => Some(Mode::Automation),
        "augmentation" | "augmented" | "ai helps" | "ai helps me" => Some(Mode::Augmentation),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Vec<RosterRow>, Vec<RowProblem>) {
        parse("r.csv", text)
    }

    #[test]
    fn a_stray_quote_breaks_its_own_row_only() {
        let mut text = String::from("name,role,level\n");
        for i in 0..1000 {
            if i == 10 {
                text.push_str("\"Person 10 (nickname,backend,junior\n");
            } else {
                text.push_str(&format!("Person {i},backend,junior\n"));
            }
        }
        let (rows, problems) = parsed(&text);
        assert_eq!((rows.len(), problems.len()), (999, 1));
        assert_eq!(problems[0].problem.line, 12);
        assert!(problems[0].problem.message.contains("never closed"));
    }

    #[test]
    fn semicolons_and_tabs_are_detected_and_quotes_follow_the_rules() {
        let (rows, problems) = parsed(
            "Name;Role;Level;Skills\n\"Lee, Sam\";backend;Senior;\"sql;python\"\n\"Ann \"\"A\"\" Bo\";nurse;junior;\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].name, "Lee, Sam");
        assert_eq!(rows[0].skill_entries(), ["sql", "python"]);
        assert_eq!(rows[1].name, "Ann \"A\" Bo");
        let (rows, _) = parsed("name\trole\tlevel\nSam\tbackend\tmid\n");
        assert_eq!(rows[0].role.text, "backend");
    }

    #[test]
    fn time_columns_take_percent_or_hours_but_not_both() {
        let text = "name,role,level,time:a,time:b,own1:title,own1:time,own1:exposure,own1:mode\n\
                    Ann,backend,junior,10h,\"7,5\",Rota,2h,Medium,AI helps\n\
                    Bo,backend,junior,10%,5h,,,,\n\
                    Cy,backend,junior,ten,,,,,\n\
                    Di,backend,junior,,,,3,high,automation\n";
        let (rows, problems) = parsed(text);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].times[1].time.value, 7.5);
        assert_eq!(rows[0].own_tasks[0].mode, Mode::Augmentation);
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.problem.line, p.problem.field.as_str()))
            .collect();
        assert_eq!(lines, [(3, "time:b"), (4, "time:a"), (5, "own1:title")]);
    }
}
