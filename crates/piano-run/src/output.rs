//! Writing output files atomically: each file is written to a temporary file
//! in the same folder and renamed over the target only once complete, so a
//! reader never sees half a file and a failed run leaves no debris.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use piano_export::{CsvTables, ExportOptions, License, ParquetTables, Table, TableFormat};
use piano_model::Plan;
use tempfile::NamedTempFile;

/// The name of the data package descriptor written beside the tables.
pub const DATAPACKAGE: &str = "datapackage.json";

/// Writes the file at `path` atomically with what `fill` writes.
pub fn write_file<F>(path: &Path, fill: F) -> anyhow::Result<()>
where
    F: FnOnce(&mut dyn Write) -> anyhow::Result<()>,
{
    let mut writer = BufWriter::new(temp_file_beside(path)?);
    fill(&mut writer)?;
    let temp = writer
        .into_inner()
        .map_err(|error| error.into_error())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    persist(temp, path)
}

/// Like [`write_file`] but without waiting for the disk (no fsync): for the
/// many per-input files of `piano batch`, where the rename must survive a
/// killed process (it does: the file is complete before it gets its name),
/// and a power cut is caught because the batch validates what it reads back.
pub fn write_file_unsynced<F>(path: &Path, fill: F) -> anyhow::Result<()>
where
    F: FnOnce(&mut dyn Write) -> anyhow::Result<()>,
{
    let mut writer = BufWriter::with_capacity(64 * 1024, temp_file_beside(path)?);
    fill(&mut writer)?;
    let temp = writer
        .into_inner()
        .map_err(|error| error.into_error())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    temp.persist(path)
        .map(drop)
        .map_err(|error| error.error)
        .with_context(|| format!("{}: cannot write", path.display()))
}

/// One file written through a temporary file beside it, renamed into place
/// by [`AtomicFile::commit`]; dropped uncommitted, it leaves nothing. Unlike
/// [`write_file`]'s closure, it can be handed to other threads (`piano
/// batch` appends `plans.ndjson` from its workers).
pub struct AtomicFile {
    path: PathBuf,
    writer: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    /// Opens the temporary file for `path`.
    pub fn create(path: &Path) -> anyhow::Result<AtomicFile> {
        Ok(AtomicFile {
            path: path.to_owned(),
            writer: BufWriter::with_capacity(64 * 1024, temp_file_beside(path)?),
        })
    }

    /// Syncs the file and renames it to its path.
    pub fn commit(self) -> anyhow::Result<()> {
        let temp = self
            .writer
            .into_inner()
            .map_err(|error| error.into_error())
            .with_context(|| format!("{}: cannot write", self.path.display()))?;
        persist(temp, &self.path)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

/// A folder of tables (CSV, Parquet, or both) with their `datapackage.json`,
/// filled plan by plan. The tables grow in hidden temporary files;
/// [`TableFolder::finish`] renames each into place whole, one after the
/// other, `datapackage.json` last.
pub struct TableFolder {
    folder: PathBuf,
    csv: Option<CsvTables<BufWriter<NamedTempFile>>>,
    parquet: Option<ParquetTables<BufWriter<NamedTempFile>>>,
    license: License,
}

impl TableFolder {
    /// Creates `folder` if needed and opens a temporary file per table and
    /// format in it; `license` is the one `datapackage.json` declares.
    pub fn create(
        folder: &Path,
        formats: &[TableFormat],
        options: ExportOptions,
        license: License,
    ) -> anyhow::Result<TableFolder> {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("{}: cannot create the folder", folder.display()))?;
        let open = |format: TableFormat| {
            move |table: Table| {
                temp_file_beside(&folder.join(table.file_name_in(format)))
                    .map(|file| BufWriter::with_capacity(64 * 1024, file))
                    .map_err(|error| std::io::Error::other(format!("{error:#}")))
            }
        };
        let csv = match formats.contains(&TableFormat::Csv) {
            true => Some(CsvTables::new(options, open(TableFormat::Csv))?),
            false => None,
        };
        let parquet = match formats.contains(&TableFormat::Parquet) {
            true => Some(ParquetTables::new(options, open(TableFormat::Parquet))?),
            false => None,
        };
        Ok(TableFolder {
            folder: folder.to_owned(),
            csv,
            parquet,
            license,
        })
    }

    /// The formats the tables are written in.
    pub fn formats(&self) -> Vec<TableFormat> {
        let csv = self.csv.as_ref().map(|_| TableFormat::Csv);
        let parquet = self.parquet.as_ref().map(|_| TableFormat::Parquet);
        csv.into_iter().chain(parquet).collect()
    }

    /// Appends `plan`'s rows to every table.
    pub fn add(&mut self, plan: &Plan) -> anyhow::Result<()> {
        if let Some(tables) = self.csv.as_mut() {
            tables.add(plan)?;
        }
        if let Some(tables) = self.parquet.as_mut() {
            tables.add(plan)?;
        }
        Ok(())
    }

    /// Moves every table into place, then writes `datapackage.json`.
    pub fn finish(self) -> anyhow::Result<()> {
        let formats = self.formats();
        let mut finished = Vec::new();
        if let Some(tables) = self.csv {
            finished.extend(with_format(tables.finish()?, TableFormat::Csv));
        }
        if let Some(tables) = self.parquet {
            finished.extend(with_format(tables.finish()?, TableFormat::Parquet));
        }
        for (table, format, writer) in finished {
            let path = self.folder.join(table.file_name_in(format));
            let temp = writer
                .into_inner()
                .map_err(|error| error.into_error())
                .with_context(|| format!("{}: cannot write", path.display()))?;
            persist(temp, &path)?;
        }
        let package = piano_export::datapackage(&formats, &self.license);
        write_file(&self.folder.join(DATAPACKAGE), |writer| {
            serde_json::to_writer_pretty(&mut *writer, &package)?;
            Ok(writer.write_all(b"\n")?)
        })
    }
}

/// Finished tables tagged with their format.
fn with_format<W>(
    tables: Vec<(Table, W)>,
    format: TableFormat,
) -> impl Iterator<Item = (Table, TableFormat, W)> {
    tables
        .into_iter()
        .map(move |(table, writer)| (table, format, writer))
}

/// A hidden temporary file in `path`'s folder, readable as an ordinary output
/// file would be once renamed; removed if dropped before [`persist`].
fn temp_file_beside(path: &Path) -> anyhow::Result<NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".piano-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
        .tempfile_in(folder)
        .with_context(|| format!("{}: cannot create a temporary file", folder.display()))
}

/// Syncs `temp` to disk and renames it to `path`.
fn persist(temp: NamedTempFile, path: &Path) -> anyhow::Result<()> {
    temp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    temp.persist(path)
        .map(drop)
        .map_err(|error| error.error)
        .with_context(|| format!("{}: cannot write", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("plan.json");
        let failed = write_file(&path, |writer| {
            writer.write_all(b"{")?;
            anyhow::bail!("interrupted")
        });
        assert!(failed.is_err());
        let left = std::fs::read_dir(dir.path()).expect("readable").count();
        assert_eq!(left, 0);
    }

    #[test]
    fn a_write_replaces_the_file_whole() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("plan.json");
        std::fs::write(&path, "old and longer").expect("a file to replace");
        write_file(&path, |writer| Ok(writer.write_all(b"new")?)).expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("readable"), "new");
        let left = std::fs::read_dir(dir.path()).expect("readable").count();
        assert_eq!(left, 1);
    }
}
