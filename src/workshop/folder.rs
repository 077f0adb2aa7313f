//! The workshop's `--out` folder, which a run owns while it writes:
//! - a lock (`.ai-exposure.lock`, held with `flock`, so a killed run never leaves it taken):
//!   a second run into the same folder refuses instead of mixing two rooms;
//! - a manifest (`.ai-exposure-manifest.json`) of the files each run wrote, so a rerun removes
//!   the handouts of people no longer in the room. Only files a manifest lists are ever
//!   removed, and only in the areas the run writes (a worksheets run leaves handouts alone);
//! - temporary files a killed run left behind (`.ai-exposure-*.tmp`) are removed on start;
//! - the folders are flushed once after the renames, so they survive a power cut.
//!
//! Before writing, the manifest is widened to the files the run is about to write, so even a
//! run killed halfway leaves nothing that a later run will not know about.

use crate::atomic::{self, Durability};
use crate::dataset::load::read_text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Component, Path, PathBuf};

pub const LOCK_FILE: &str = ".ai-exposure.lock";
pub const MANIFEST_FILE: &str = ".ai-exposure-manifest.json";
const MANIFEST_VERSION: u32 = 1;

/// The manifest as stored.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format_version: u32,
    /// Paths relative to the folder, with `/` between parts.
    files: BTreeSet<String>,
}

/// Why the folder cannot be used.
#[derive(Debug)]
pub enum FolderError {
    /// Another run holds the lock.
    Busy(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderError::Busy(path) => write!(
                f,
                "another ai-exposure run is writing to {} right now",
                path.display()
            ),
            FolderError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
        }
    }
}

/// An output folder, locked for this run.
#[derive(Debug)]
pub struct OutputFolder {
    root: PathBuf,
    /// Held for the whole run; the lock goes with the file descriptor.
    _lock: File,
    previous: BTreeSet<String>,
    written: BTreeSet<String>,
    /// Folders this run has made sure exist: asking again for each of 2,000 handouts costs
    /// two system calls apiece.
    made: BTreeSet<PathBuf>,
    /// Path prefixes this run writes; stale files are looked for only there.
    areas: Vec<String>,
    /// Said once, when the previous manifest could not be read.
    pub note: Option<String>,
}

impl OutputFolder {
    /// Creates `root` if needed and takes it for this run. `areas` are the path prefixes
    /// the run writes (`handouts/`, `summary.`).
    pub fn open(root: &Path, areas: &[&str]) -> Result<OutputFolder, FolderError> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |e| FolderError::Io(path, e)
        };
        std::fs::create_dir_all(root).map_err(io(root))?;
        let lock_path = root.join(LOCK_FILE);
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        if !try_lock(&lock).map_err(io(&lock_path))? {
            return Err(FolderError::Busy(root.to_owned()));
        }
        let mut note = None;
        let manifest_path = root.join(MANIFEST_FILE);
        let previous = if std::fs::symlink_metadata(&manifest_path).is_err() {
            BTreeSet::new()
        } else {
            let manifest = read_text(&manifest_path)
                .ok()
                .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
                .filter(|manifest| manifest.format_version == MANIFEST_VERSION);
            match manifest {
                Some(manifest) => manifest
                    .files
                    .into_iter()
                    .filter(|path| is_inside(path))
                    .collect(),
                None => {
                    note = Some(format!(
                        "{} is not a manifest this version reads; no earlier handouts are removed",
                        manifest_path.display()
                    ));
                    BTreeSet::new()
                }
            }
        };
        let folder = OutputFolder {
            root: root.to_owned(),
            _lock: lock,
            previous,
            written: BTreeSet::new(),
            made: BTreeSet::new(),
            areas: areas.iter().map(|a| (*a).to_owned()).collect(),
            note,
        };
        folder.remove_stale_temporaries();
        Ok(folder)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Temporary files left by a killed run: ours by name, and no other run is writing.
    fn remove_stale_temporaries(&self) {
        let mut folders = vec![self.root.clone()];
        folders.extend(
            self.areas
                .iter()
                .filter_map(|area| area.strip_suffix('/'))
                .map(|sub| self.root.join(sub)),
        );
        for folder in folders {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let is_file = entry.file_type().is_ok_and(|t| t.is_file());
                if is_file && atomic::is_temp_name(&entry.file_name().to_string_lossy()) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }

    /// Records the files about to be written in the manifest, with the previous run's, so a
    /// run killed halfway leaves none that the next run does not know.
    pub fn plan<'p>(
        &mut self,
        files: impl IntoIterator<Item = &'p str>,
    ) -> Result<(), FolderError> {
        let mut listed = self.previous.clone();
        listed.extend(files.into_iter().map(str::to_owned));
        self.store_manifest(&listed)
    }

    /// Writes a file atomically at `relative` (`handouts/ann.md`), creating its folder.
    pub fn write(&mut self, relative: &str, contents: &[u8]) -> Result<(), FolderError> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent()
            && !self.made.contains(parent)
        {
            std::fs::create_dir_all(parent).map_err(|e| FolderError::Io(parent.to_owned(), e))?;
            self.made.insert(parent.to_owned());
        }
        atomic::write(&path, contents, Durability::Buffered)
            .map_err(|e| FolderError::Io(path.clone(), e))?;
        self.written.insert(relative.to_owned());
        Ok(())
    }

    /// Removes what the previous run wrote in this run's areas and this run did not, stores
    /// the manifest and flushes the folders. Returns how many files were removed.
    pub fn finish(self) -> Result<usize, FolderError> {
        let mut removed = 0;
        let mut kept: BTreeSet<String> = self.written.clone();
        for old in &self.previous {
            let in_area = self.areas.iter().any(|area| old.starts_with(area.as_str()));
            if !in_area {
                kept.insert(old.clone());
                continue;
            }
            if self.written.contains(old) {
                continue;
            }
            let path = self.root.join(old);
            if !self.holds(&path) {
                continue;
            }
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if !meta.is_dir() => match std::fs::remove_file(&path) {
                    Ok(()) => removed += 1,
                    Err(e) => return Err(FolderError::Io(path, e)),
                },
                _ => {}
            }
        }
        let mut folders: BTreeSet<PathBuf> = BTreeSet::new();
        for file in &self.written {
            folders.insert(atomic::parent(&self.root.join(file)).to_owned());
        }
        for folder in folders {
            atomic::sync_dir(&folder).map_err(|e| FolderError::Io(folder.clone(), e))?;
        }
        self.store_manifest(&kept)?;
        Ok(removed)
    }

    /// Whether a file's folder really is inside the output folder: a manifest entry's folder
    /// replaced by a link to elsewhere must not lead a removal out of it.
    fn holds(&self, path: &Path) -> bool {
        let within = |p: &Path| std::fs::canonicalize(p).ok();
        match (within(&self.root), within(atomic::parent(path))) {
            (Some(root), Some(folder)) => folder.starts_with(root),
            _ => false,
        }
    }

    fn store_manifest(&self, files: &BTreeSet<String>) -> Result<(), FolderError> {
        let manifest = Manifest {
            format_version: MANIFEST_VERSION,
            files: files.clone(),
        };
        let path = self.root.join(MANIFEST_FILE);
        atomic::write(
            &path,
            crate::render::json::render(&manifest).as_bytes(),
            Durability::Synced,
        )
        .map_err(|e| FolderError::Io(path, e))
    }
}

/// A manifest entry that stays inside the folder: relative, no `..`, nothing odd.
fn is_inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Takes the folder's lock without waiting: `false` when another process holds it.
#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use rustix::fs::{FlockOperation, flock};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(e) if e == rustix::io::Errno::WOULDBLOCK => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Where `flock` does not exist, two runs are not kept apart.
#[cfg(not(unix))]
fn try_lock(_: &File) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_paths_must_stay_inside_the_folder() {
        assert!(is_inside("handouts/ann.md"));
        for outside in ["", "/etc/passwd", "../x", "handouts/../../x", "./x"] {
            assert!(!is_inside(outside), "{outside}");
        }
    }

    #[test]
    fn a_second_run_into_a_locked_folder_is_refused_and_stale_files_go() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut first = OutputFolder::open(dir.path(), &["handouts/"]).expect("opens");
        assert!(matches!(
            OutputFolder::open(dir.path(), &["handouts/"]),
            Err(FolderError::Busy(_))
        ));
        first
            .plan(["handouts/a.md", "handouts/b.md"])
            .expect("plans");
        first.write("handouts/a.md", b"a").expect("writes");
        first.write("handouts/b.md", b"b").expect("writes");
        first.finish().expect("finishes");
        std::fs::write(dir.path().join("handouts/mine.txt"), "not ours").expect("write");
        std::fs::write(dir.path().join("handouts/.ai-exposure-x.tmp"), "").expect("write");

        let mut second = OutputFolder::open(dir.path(), &["handouts/"]).expect("opens again");
        assert!(!dir.path().join("handouts/.ai-exposure-x.tmp").exists());
        second.plan(["handouts/a.md"]).expect("plans");
        second.write("handouts/a.md", b"a2").expect("writes");
        assert_eq!(second.finish().expect("finishes"), 1);
        assert!(!dir.path().join("handouts/b.md").exists());
        assert!(dir.path().join("handouts/mine.txt").exists(), "never ours");
    }

    #[cfg(unix)]
    #[test]
    fn a_removal_never_follows_a_link_out_of_the_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let elsewhere = tempfile::tempdir().expect("another dir");
        std::fs::write(elsewhere.path().join("a.md"), "not ours").expect("write");
        let mut first = OutputFolder::open(dir.path(), &["handouts/"]).expect("opens");
        first.plan(["handouts/a.md"]).expect("plans");
        first.write("handouts/a.md", b"a").expect("writes");
        first.finish().expect("finishes");
        std::fs::remove_dir_all(dir.path().join("handouts")).expect("remove");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("handouts")).expect("link");
        let second = OutputFolder::open(dir.path(), &["handouts/"]).expect("opens again");
        assert_eq!(second.finish().expect("finishes"), 0);
        assert!(elsewhere.path().join("a.md").exists());
    }
}
