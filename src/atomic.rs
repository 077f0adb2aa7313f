//! Files we write are written atomically: a temporary file in the same directory, then
//! renamed over the target. An interrupted run leaves the old file or the new one, never
//! half of one.

use std::io::Write;
use std::path::Path;

/// Whether to wait for the data to reach the disk before the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// For a person's own data (answers files): survives a power cut, at the cost of a
    /// disk flush per file.
    Synced,
    /// For outputs that can be regenerated in bulk (workshop handouts): still atomic for an
    /// interrupted run, without a flush per file, which would dominate a 1,000-person run.
    Buffered,
}

pub fn write(path: &Path, contents: &[u8], durability: Durability) -> std::io::Result<()> {
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".ai-exposure-")
        .suffix(".tmp")
        .tempfile_in(directory)?;
    file.write_all(contents)?;
    if durability == Durability::Synced {
        file.as_file().sync_all()?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
