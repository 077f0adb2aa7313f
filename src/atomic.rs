//! Files we write are written atomically: a temporary file in the same directory, then
//! renamed over the target. An interrupted run leaves the old file or the new one, never
//! half of one. Temporary files are named `.ai-exposure-*.tmp`, so a later run can find and
//! remove those a killed run left behind.

use std::io::Write;
use std::path::Path;

/// How temporary files start and end.
pub const TEMP_PREFIX: &str = ".ai-exposure-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// Whether to wait for the data to reach the disk before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// For a person's own data (answers files): the file and then its folder are flushed, so
    /// the file survives a power cut under its new name, at the cost of two disk flushes.
    Synced,
    /// For outputs that can be regenerated in bulk (workshop handouts): still atomic for an
    /// interrupted run, without a flush per file, which would dominate a 1,000-person run.
    /// The caller flushes the folder once at the end ([`sync_dir`]).
    Buffered,
}

pub fn write(path: &Path, contents: &[u8], durability: Durability) -> std::io::Result<()> {
    let directory = parent(path);
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(directory)?;
    file.write_all(contents)?;
    if durability == Durability::Synced {
        file.as_file().sync_all()?;
    }
    file.persist(path).map_err(|e| e.error)?;
    if durability == Durability::Synced {
        sync_dir(directory)?;
    }
    Ok(())
}

/// The folder a path is in (`.` for a bare file name).
pub fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Flushes a folder's entries, so renames into it survive a power cut. A no-op where folders
/// cannot be opened as files.
pub fn sync_dir(directory: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(directory)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = directory;
    Ok(())
}

/// Whether a file name is one of our temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}
