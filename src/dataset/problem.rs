//! Problems found in dataset files, located by file, line, column and field.
//!
//! Validation works on plain deserialized structs and names the offending field by its path
//! (`tasks[2].exposure`). Only when problems are reported is the file parsed again with spans,
//! once per file however many problems it has ([`Locator`]), to turn each path into a line and
//! column: errors are rare, so the model stays free of span bookkeeping. Shared with `build.rs`.

use std::fmt;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One step of a path into a TOML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path such as `levels.junior.shares.write-code` or `tasks[3].sources[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Segment>);

impl FieldPath {
    pub fn root() -> Self {
        FieldPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        FieldPath(segments)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        FieldPath(segments)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if position == 0 => write!(f, "{key}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A problem before it has been located in its file.
#[derive(Debug, Clone)]
pub struct Finding {
    pub file: usize,
    pub field: FieldPath,
    pub message: String,
    pub hint: Option<String>,
}

impl Finding {
    pub fn new(file: usize, field: FieldPath, message: impl Into<String>) -> Self {
        Finding {
            file,
            field,
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A problem as shown to the person who has to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub field: String,
    pub message: String,
    pub hint: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        } else {
            write!(f, "{}: ", self.file)?;
        }
        if !self.field.is_empty() {
            write!(f, "field `{}`: ", self.field)?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(text, offset)
}

/// Where each line starts, so a file with thousands of problems is scanned once, not once per
/// problem.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let before = &text.as_bytes()[self.starts[line - 1]..offset];
        let column = String::from_utf8_lossy(before).chars().count() + 1;
        (line, column)
    }
}

/// Locates findings in one file: the file is parsed with spans once, however many findings
/// there are, and each path is followed by key lookups rather than scans.
pub struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    root: Option<Spanned<DeTable<'a>>>,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Locator {
            path,
            text,
            root: DeTable::parse(text).ok(),
            lines: LineIndex::new(text),
        }
    }

    /// A path that no longer resolves (a missing field) falls back to its deepest existing
    /// parent, then to the top of the file.
    pub fn locate(&self, finding: &Finding) -> Problem {
        let offset = self
            .root
            .as_ref()
            .and_then(|root| span_of(root, &finding.field.0))
            .map_or(0, |span| span.start);
        let (line, column) = self.lines.line_column(self.text, offset);
        Problem {
            file: self.path.to_owned(),
            line,
            column,
            field: finding.field.to_string(),
            message: finding.message.clone(),
            hint: finding.hint.clone(),
        }
    }
}

/// Locates a single finding in the file's text. For several, make one [`Locator`].
pub fn locate(path: &str, text: &str, finding: &Finding) -> Problem {
    Locator::new(path, text).locate(finding)
}

fn span_of(root: &Spanned<DeTable<'_>>, path: &[Segment]) -> Option<Range<usize>> {
    let mut best = None;
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for segment in path {
        let value = match segment {
            Segment::Key(key) => {
                let (name, value) = table?.get_key_value(key.as_str())?;
                best = Some(name.span());
                value
            }
            Segment::Index(index) => array?.get(*index)?,
        };
        if best.is_none() || matches!(segment, Segment::Index(_)) {
            best = Some(value.span());
        }
        table = value.get_ref().as_table();
        array = value.get_ref().as_array().map(|a| &a[..]);
    }
    best
}

/// The path of the deepest key whose value contains `offset`: names the field of a parse error.
pub fn path_at(text: &str, offset: usize) -> FieldPath {
    let mut path = Vec::new();
    if let Ok(root) = DeTable::parse(text) {
        find_path(&DeValue::Table(root.into_inner()), offset, &mut path);
    }
    FieldPath(path)
}

/// Depth first, so the innermost match wins; array-of-tables spans need not be contiguous.
fn find_path(value: &DeValue<'_>, offset: usize, path: &mut Vec<Segment>) -> bool {
    match value {
        DeValue::Table(table) => {
            for (key, child) in table.iter() {
                path.push(Segment::Key(key.get_ref().to_string()));
                if find_path(child.get_ref(), offset, path)
                    || contains(key.span(), offset)
                    || contains(child.span(), offset)
                {
                    return true;
                }
                path.pop();
            }
            false
        }
        DeValue::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                if find_path(child.get_ref(), offset, path) || contains(child.span(), offset) {
                    return true;
                }
                path.pop();
            }
            false
        }
        _ => false,
    }
}

fn contains(span: Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

/// A number from input as a message quotes it: short however it was written, so a share
/// of 1e308 reads `1.000e308`, not 309 digits.
pub fn number(value: f64) -> String {
    let plain = value.to_string();
    if plain.len() <= 12 || !value.is_finite() {
        plain
    } else if (1e-4..1e6).contains(&value.abs()) {
        format!("{value:.4}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        format!("{value:.3e}")
    }
}

/// A sum of shares to three decimals ("0.900"), bounded like [`number`].
pub fn share_sum(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e6 {
        format!("{value:.3}")
    } else {
        number(value)
    }
}
