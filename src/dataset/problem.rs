//! Problems found in dataset files, located by file, line, column and field.
//!
//! Validation works on plain deserialized structs and names the offending field by its path
//! (`tasks[2].exposure`). Only when a problem is reported is the file parsed again with spans
//! to turn that path into a line and column: errors are rare, so the model stays free of span
//! bookkeeping. Shared with `build.rs`.

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
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Locates a finding in the file's text. A path that no longer resolves (a missing field)
/// falls back to its deepest existing parent, then to the top of the file.
pub fn locate(path: &str, text: &str, finding: &Finding) -> Problem {
    let offset = DeTable::parse(text)
        .ok()
        .and_then(|root| span_of(&root, &finding.field.0))
        .map_or(0, |span| span.start);
    let (line, column) = line_column(text, offset);
    Problem {
        file: path.to_owned(),
        line,
        column,
        field: finding.field.to_string(),
        message: finding.message.clone(),
        hint: finding.hint.clone(),
    }
}

fn span_of(root: &Spanned<DeTable<'_>>, path: &[Segment]) -> Option<Range<usize>> {
    let mut best = None;
    let mut table: Option<&DeTable<'_>> = Some(root.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    for segment in path {
        let value = match segment {
            Segment::Key(key) => {
                let (name, value) = table?.iter().find(|(name, _)| name.get_ref() == key)?;
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
