//! Writing the site whole or not at all.
//!
//! The pages are written into a hidden folder beside the target; only when
//! every file is there does it take the target's name, so a portal serving
//! the folder never shows half a site, and a failed run leaves the old one
//! as it was. A target that exists must be empty or a site written before
//! (it holds [`MARKER`]): `piano site` never replaces a folder of other files.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use tempfile::TempDir;

/// The file that marks a folder as written by `piano site`.
pub const MARKER: &str = ".piano-site";

/// A site being written beside its target.
pub struct Staging {
    folder: TempDir,
    target: PathBuf,
}

impl Staging {
    /// Starts a site for `target`: checks that it may be replaced, and
    /// opens the hidden folder beside it.
    pub fn begin(target: &Path) -> anyhow::Result<Staging> {
        check_replaceable(target)?;
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("{}: cannot create the folder", parent.display()))?;
        let folder = tempfile::Builder::new()
            .prefix(&format!(".{}.", file_name(target)))
            .tempdir_in(&parent)
            .with_context(|| format!("{}: cannot create a folder beside it", target.display()))?;
        Ok(Staging {
            folder,
            target: target.to_owned(),
        })
    }

    /// Writes `bytes` to `relative` (a `/`-separated path) in the site.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let path = self.prepare(relative)?;
        std::fs::write(&path, bytes)
            .with_context(|| format!("{}: cannot write", self.shown(relative)))
    }

    /// Copies the file at `from` to `relative` in the site.
    pub fn copy(&self, from: &Path, relative: &str) -> anyhow::Result<()> {
        let path = self.prepare(relative)?;
        std::fs::copy(from, &path).map(drop).with_context(|| {
            format!(
                "{}: cannot copy to {}",
                from.display(),
                self.shown(relative)
            )
        })
    }

    /// Puts the finished site in place of the target (and of the site
    /// there before, removed once the new one has its name).
    pub fn commit(self) -> anyhow::Result<()> {
        self.write(
            MARKER,
            b"written by piano site; the whole folder is replaced when run again\n",
        )?;
        let parent = parent_of(&self.target);
        let old = match self.target.exists() {
            true => {
                let old = tempfile::Builder::new()
                    .prefix(&format!(".{}.old.", file_name(&self.target)))
                    .tempdir_in(&parent)
                    .with_context(|| {
                        format!(
                            "{}: cannot create a folder beside it",
                            self.target.display()
                        )
                    })?;
                let moved = old.path().join("site");
                std::fs::rename(&self.target, &moved).with_context(|| {
                    format!("{}: cannot move the old site aside", self.target.display())
                })?;
                Some(old)
            }
            false => None,
        };
        let staged = self.folder.keep();
        std::fs::rename(&staged, &self.target).with_context(|| {
            format!(
                "{}: cannot move the new site into place",
                self.target.display()
            )
        })?;
        if let Some(old) = old {
            old.close().with_context(|| {
                format!("{}: cannot remove the old site", self.target.display())
            })?;
        }
        Ok(())
    }

    /// The full path of `relative`, its folders created.
    fn prepare(&self, relative: &str) -> anyhow::Result<PathBuf> {
        let path = self.folder.path().join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("{}: cannot create the folder", self.shown(relative)))?;
        }
        Ok(path)
    }

    /// `relative` as it will be named once the site is in place.
    fn shown(&self, relative: &str) -> String {
        self.target.join(relative).display().to_string()
    }
}

/// Fails unless `target` is missing, an empty folder, or a site.
fn check_replaceable(target: &Path) -> anyhow::Result<()> {
    if !target.exists() {
        return Ok(());
    }
    if !target.is_dir() {
        bail!("{}: exists and is not a folder", target.display());
    }
    let mut entries = std::fs::read_dir(target)
        .with_context(|| format!("{}: cannot read the folder", target.display()))?;
    if entries.next().is_none() || target.join(MARKER).is_file() {
        return Ok(());
    }
    bail!(
        "{}: holds files piano site did not write; give an empty or new folder",
        target.display()
    )
}

/// The folder `target` lies in (the current one for a bare name).
fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The last part of `target`'s path, for the hidden folders' names.
fn file_name(target: &Path) -> String {
    target.file_name().map_or_else(
        || "site".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_site_replaces_the_one_before_and_leaves_nothing_beside() -> anyhow::Result<()> {
        let parent = tempfile::tempdir()?;
        let target = parent.path().join("sito");
        let first = Staging::begin(&target)?;
        first.write("index.html", b"one")?;
        first.write("piani/a.html", b"a")?;
        first.commit()?;
        let second = Staging::begin(&target)?;
        second.write("index.html", b"two")?;
        second.commit()?;
        assert_eq!(std::fs::read(target.join("index.html"))?, b"two");
        assert!(!target.join("piani").exists(), "the old site is gone whole");
        assert_eq!(names(parent.path()), ["sito"]);
        Ok(())
    }

    #[test]
    fn a_site_left_unfinished_leaves_nothing() -> anyhow::Result<()> {
        let parent = tempfile::tempdir()?;
        let target = parent.path().join("sito");
        let staging = Staging::begin(&target)?;
        staging.write("index.html", b"half")?;
        drop(staging);
        assert!(names(parent.path()).is_empty());
        Ok(())
    }

    #[test]
    fn a_folder_of_other_files_is_never_replaced() -> anyhow::Result<()> {
        let parent = tempfile::tempdir()?;
        std::fs::write(parent.path().join("notes.txt"), b"mine")?;
        let error = Staging::begin(parent.path()).err().map(|e| e.to_string());
        assert!(error.is_some_and(|e| e.contains("did not write")));
        Ok(())
    }
}
