//! The CSV roster: people who did not run `assess`, as `name,role,level` rows, with an
//! optional `skills` column (skill ids separated by `;`). Other columns are ignored, so a
//! coach's own spreadsheet export works as it is.

use crate::dataset::{Level, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// 1-based line in the file, for messages.
    pub line: usize,
    pub name: String,
    pub role: String,
    pub level: Level,
    /// `None` when the roster has no skills column or the cell is empty: the level's typical
    /// skills are assumed.
    pub skills: Option<Vec<String>>,
}

const REQUIRED: [&str; 3] = ["name", "role", "level"];

/// Every well-formed row, and a located problem for every other one.
pub fn parse(path: &str, text: &str) -> (Vec<RosterRow>, Vec<Problem>) {
    let problem = |line: usize, field: &str, message: String, hint: &str| Problem {
        file: path.to_owned(),
        line,
        column: 1,
        field: field.to_owned(),
        message,
        hint: Some(hint.to_owned()),
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
            .collect(),
        Err(e) => {
            return (
                Vec::new(),
                vec![problem(
                    1,
                    "",
                    format!("cannot read the header row: {e}"),
                    "the first row names the columns: name,role,level",
                )],
            );
        }
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|name| column(name).is_none())
        .collect();
    if !missing.is_empty() {
        let message = format!("missing column(s): {}", missing.join(", "));
        return (
            Vec::new(),
            vec![problem(
                1,
                "",
                message,
                "the first row names the columns: name,role,level (and optionally skills)",
            )],
        );
    }
    let (name_at, role_at, level_at) = (
        column("name").unwrap_or(0),
        column("role").unwrap_or(0),
        column("level").unwrap_or(0),
    );
    let skills_at = column("skills");

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(problem(
                    line,
                    "",
                    format!("unreadable row: {e}"),
                    "check the quoting of this row",
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        let field = |at: usize| record.get(at).unwrap_or("").to_owned();
        let (name, role, level) = (field(name_at), field(role_at), field(level_at));
        if name.is_empty() {
            problems.push(problem(
                line,
                "name",
                "the name is empty".into(),
                "every participant needs a name for their handout",
            ));
            continue;
        }
        if role.is_empty() {
            problems.push(problem(
                line,
                "role",
                format!("no role for {name}"),
                "give a role id or alias from `ai-exposure roles`",
            ));
            continue;
        }
        let Some(level) = Level::parse(&level.to_lowercase()) else {
            problems.push(problem(
                line,
                "level",
                format!("unknown level `{level}`"),
                "levels are junior, mid, senior and lead",
            ));
            continue;
        };
        let skills: Option<Vec<String>> = skills_at
            .map(|at| {
                field(at)
                    .split(';')
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .filter(|skills: &Vec<String>| !skills.is_empty());
        rows.push(RosterRow {
            line,
            name,
            role,
            level,
            skills,
        });
    }
    (rows, problems)
}
