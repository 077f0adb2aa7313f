//! Reading a dataset directory into its raw, unvalidated form. Shared with `build.rs`.
//!
//! Every file is read and parsed even when an earlier one fails, so a single run reports
//! every problem rather than the first.

use super::model::{RawMeta, RawNames, RawRole, RawSkillCatalog, RawSourceCatalog};
use super::problem::{Problem, line_column, path_at};
use serde::de::DeserializeOwned;
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: no real dataset file comes close, and it bounds the
/// memory a hostile or mistaken input can take.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A file's display path and its text, kept so problems can be located after validation.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A parsed value and the index of the file it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub file: usize,
    pub value: T,
}

/// A dataset directory as written, with the problems met while parsing it.
#[derive(Debug, Default)]
pub struct RawDataset {
    /// The directory, as given, for problems about files that are missing.
    pub root: String,
    pub files: Vec<SourceFile>,
    pub meta: Option<Located<RawMeta>>,
    pub skills: Option<Located<RawSkillCatalog>>,
    pub sources: Option<Located<RawSourceCatalog>>,
    pub names: Option<Located<RawNames>>,
    pub roles: Vec<Located<RawRole>>,
    pub problems: Vec<Problem>,
}

/// The directory itself could not be read.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot read dataset {}: {}",
            self.path.display(),
            self.reason
        )
    }
}

impl std::error::Error for LoadError {}

/// Reads `dataset.toml`, `skills.toml`, `sources.toml`, `names.toml` and `roles/*.toml`
/// from `dir`.
/// Any of them may be missing (an overlay dataset holds only what it adds); whether that is
/// acceptable is for validation to say.
pub fn read_dir(dir: &Path) -> Result<RawDataset, LoadError> {
    let metadata = std::fs::metadata(dir).map_err(|e| LoadError {
        path: dir.to_owned(),
        reason: e.to_string(),
    })?;
    if !metadata.is_dir() {
        return Err(LoadError {
            path: dir.to_owned(),
            reason: "not a directory (expected a folder holding dataset.toml, skills.toml, sources.toml and roles/)".into(),
        });
    }
    let mut raw = RawDataset {
        root: dir.display().to_string(),
        ..RawDataset::default()
    };
    raw.meta = read_optional(&mut raw, &dir.join("dataset.toml"));
    raw.skills = read_optional(&mut raw, &dir.join("skills.toml"));
    raw.sources = read_optional(&mut raw, &dir.join("sources.toml"));
    raw.names = read_optional(&mut raw, &dir.join("names.toml"));

    let roles_dir = dir.join("roles");
    if roles_dir.is_dir() {
        let entries = std::fs::read_dir(&roles_dir).map_err(|e| LoadError {
            path: roles_dir.clone(),
            reason: e.to_string(),
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect();
        paths.sort();
        for path in paths {
            if let Some(role) = read_optional(&mut raw, &path) {
                raw.roles.push(role);
            }
        }
    }
    Ok(raw)
}

fn read_optional<T: DeserializeOwned>(raw: &mut RawDataset, path: &Path) -> Option<Located<T>> {
    if !path.exists() {
        if let Ok(target) = std::fs::read_link(path) {
            raw.problems.push(Problem {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                field: String::new(),
                message: format!(
                    "a symbolic link to {}, which does not exist",
                    target.display()
                ),
                hint: Some("point the link at the file, or remove it".into()),
            });
        }
        return None;
    }
    let display = path.display().to_string();
    let text = match read_text(path) {
        Ok(text) => text,
        Err(problem) => {
            raw.problems.push(problem);
            return None;
        }
    };
    let parsed = parse_toml::<T>(&display, &text, DATASET_DOCS);
    let file = raw.files.len();
    raw.files.push(SourceFile {
        path: display,
        text,
    });
    match parsed {
        Ok(value) => Some(Located { file, value }),
        Err(problem) => {
            raw.problems.push(problem);
            None
        }
    }
}

/// Reads a UTF-8 text file of at most [`MAX_FILE_BYTES`], reporting failures as problems.
///
/// Only regular files are read: a FIFO would block until something writes to it, and a device
/// such as `/dev/zero` never ends. The kind is checked before opening (opening a FIFO blocks)
/// and again on the open file, and the read itself stops one byte past the limit, so a size
/// the file system misreports cannot make it read more.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    use std::io::Read;
    let display = path.display().to_string();
    let problem = |line, message: String, hint: &str| Problem {
        file: display.clone(),
        line,
        column: 1,
        field: String::new(),
        message,
        hint: Some(hint.to_owned()),
    };
    let unreadable = |e: std::io::Error| {
        problem(
            0,
            format!("cannot read: {e}"),
            "check the path and its permissions",
        )
    };
    let not_regular = |kind: &str| {
        problem(
            0,
            format!("{kind}, not a regular file"),
            "give the path of a text file saved on disk",
        )
    };
    let kind = std::fs::metadata(path).map_err(unreadable)?.file_type();
    if let Some(kind) = special_kind(&kind) {
        return Err(not_regular(kind));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if let Some(kind) = special_kind(&metadata.file_type()) {
        return Err(not_regular(kind));
    }
    let over = |size: String| {
        problem(
            0,
            format!("file {size}, over the {MAX_FILE_BYTES}-byte limit"),
            "dataset, answers and roster files are small text files; check that this is the right file",
        )
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(over(format!("is {} bytes", metadata.len())));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(over("goes on".to_owned()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, _) = line_column(&text, valid);
        problem(
            line,
            "not valid UTF-8 text".into(),
            "save the file as UTF-8",
        )
    })
}

/// What a path is when it is not a regular file, in words.
fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    if kind.is_dir() {
        Some("a folder")
    } else if kind.is_file() {
        None
    } else {
        Some("not a file")
    }
}

/// Where dataset files are documented, for hints.
pub const DATASET_DOCS: &str = "docs/data-format.md";

/// Parses TOML into `T`, turning a syntax or shape error into a located problem whose hint
/// points to `docs`, where the file's format is described.
pub fn parse_toml<T: DeserializeOwned>(path: &str, text: &str, docs: &str) -> Result<T, Problem> {
    toml::from_str(text).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        let (line, column) = line_column(text, offset);
        let message = error.message().trim().to_owned();
        let hint = if message.starts_with("unknown field") {
            format!("check the spelling; {docs} lists every field")
        } else if message.starts_with("missing field") {
            format!("add the field; {docs} lists every field")
        } else if message.starts_with("unknown variant") {
            "use one of the values listed above".to_owned()
        } else {
            format!("see {docs} for the file format")
        };
        Problem {
            file: path.to_owned(),
            line,
            column,
            field: path_at(text, offset).to_string(),
            message,
            hint: Some(hint),
        }
    })
}
