//! Reading a batch release: the folder `piano batch` writes.
//!
//! The site needs three things from it: `report.json` (every input, with
//! its plan's id, verdict and counts), the plans themselves (from
//! `plans/<plan_id>.json` when the batch kept them, else from
//! `plans.ndjson`), and the names of the files to publish beside the pages
//! (the CSV tables the data package lists, `datapackage.json`, and
//! `catalog.jsonld` when the batch wrote one). Every error names the file.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use piano_model::Plan;
use piano_run::batch::assemble::NDJSON;
use piano_run::batch::journal::{PLANS, REPORT, plan_path};
use piano_run::batch::report::{Entry, REPORT_SCHEMA, Report};
use piano_run::output::DATAPACKAGE;
use serde::Deserialize;

/// The DCAT-AP_IT catalogue a batch may write beside its data package.
pub const CATALOG: &str = "catalog.jsonld";

/// A release folder, its report read and checked.
pub struct Release {
    /// The folder.
    pub root: PathBuf,
    /// Its `report.json`.
    pub report: Report,
}

/// One plan of the release, with the bytes of its JSON as the release holds them.
pub struct ReleasePlan {
    /// The report's entry for the input that gave it.
    pub entry: Entry,
    /// The plan.
    pub plan: Plan,
    /// Its JSON document, to publish as it is.
    pub json: Vec<u8>,
}

impl Release {
    /// Opens the release at `root`: reads `report.json` and checks its
    /// schema and that every plan id is a plain file name.
    pub fn open(root: &Path) -> anyhow::Result<Release> {
        if !root.is_dir() {
            bail!(
                "{}: not a folder (give the folder `piano batch --out` wrote)",
                root.display()
            );
        }
        let path = root.join(REPORT);
        let bytes = std::fs::read(&path).with_context(|| {
            format!(
                "{}: cannot read the batch report (is this a release folder?)",
                path.display()
            )
        })?;
        let report: Report = serde_json::from_slice(&bytes)
            .with_context(|| format!("{}: not a batch report", path.display()))?;
        if report.schema != REPORT_SCHEMA {
            bail!(
                "{}: schema {:?}, expected {REPORT_SCHEMA:?}",
                path.display(),
                report.schema
            );
        }
        if let Some(id) = report
            .inputs
            .iter()
            .filter_map(|entry| entry.plan_id.as_deref())
            .find(|id| !is_plain_id(id))
        {
            bail!(
                "{}: plan id {id:?} is not a plain identifier",
                path.display()
            );
        }
        Ok(Release {
            root: root.to_owned(),
            report,
        })
    }

    /// The entries that have a plan of their own (not failures without
    /// one, not duplicates), in the report's order.
    pub fn planned(&self) -> impl Iterator<Item = &Entry> {
        self.report.inputs.iter().filter(|entry| entry.has_plan())
    }

    /// Calls `visit` with each plan of the release, in the report's order
    /// when read from `plans/`, in the file's order from `plans.ndjson`
    /// (the same order: both follow the inputs' paths).
    pub fn for_each_plan(
        &self,
        mut visit: impl FnMut(ReleasePlan) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let folder = self.root.join(PLANS);
        if folder.is_dir() {
            for entry in self.planned() {
                let path = plan_path(&folder, entry.plan_id.as_deref().unwrap_or_default());
                let json = std::fs::read(&path).with_context(|| {
                    format!(
                        "{}: cannot read the plan listed in {REPORT}",
                        path.display()
                    )
                })?;
                let plan = parse_plan(&json, &path, None)?;
                visit(ReleasePlan {
                    entry: entry.clone(),
                    plan,
                    json,
                })?;
            }
            return Ok(());
        }
        let path = self.root.join(NDJSON);
        let file = File::open(&path).with_context(|| {
            format!(
                "{}: cannot read, and there is no {PLANS}/ folder: the release holds no plans (run piano batch with --format json or ndjson)",
                path.display()
            )
        })?;
        let mut entries: HashMap<&str, &Entry> = self
            .planned()
            .filter_map(|entry| Some((entry.plan_id.as_deref()?, entry)))
            .collect();
        for (index, line) in BufReader::new(file).lines().enumerate() {
            let number = index + 1;
            let line = line.with_context(|| format!("{}:{number}: cannot read", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let plan = parse_plan(line.as_bytes(), &path, Some(number))?;
            let Some(entry) = entries.remove(plan.plan_id.as_str()) else {
                bail!(
                    "{}:{number}: plan {} is not in {REPORT}",
                    path.display(),
                    plan.plan_id
                );
            };
            visit(ReleasePlan {
                entry: entry.clone(),
                plan,
                json: line.into_bytes(),
            })?;
        }
        if let Some(missing) = entries.keys().min() {
            bail!(
                "{}: plan {missing} listed in {REPORT} is missing",
                path.display()
            );
        }
        Ok(())
    }

    /// The files to publish beside the pages, as paths relative to the
    /// release: the tables `datapackage.json` lists, the descriptor itself,
    /// and `catalog.jsonld`; empty when the batch wrote no tables.
    pub fn data_files(&self) -> anyhow::Result<Vec<String>> {
        let mut files = Vec::new();
        let descriptor = self.root.join(DATAPACKAGE);
        if descriptor.is_file() {
            let bytes = std::fs::read(&descriptor)
                .with_context(|| format!("{}: cannot read", descriptor.display()))?;
            let package: DataPackage = serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: not a data package", descriptor.display()))?;
            for resource in package.resources {
                if !is_plain_file_name(&resource.path) {
                    bail!(
                        "{}: resource path {:?} is not a file beside the descriptor",
                        descriptor.display(),
                        resource.path
                    );
                }
                files.push(resource.path);
            }
            files.push(DATAPACKAGE.to_owned());
        }
        if self.root.join(CATALOG).is_file() {
            files.push(CATALOG.to_owned());
        }
        Ok(files)
    }
}

/// The part of a Frictionless data package the site reads.
#[derive(Deserialize)]
struct DataPackage {
    resources: Vec<Resource>,
}

/// One resource of a data package: only its path matters here.
#[derive(Deserialize)]
struct Resource {
    path: String,
}

/// Parses one plan's JSON; `line` is its line number in an NDJSON file.
fn parse_plan(json: &[u8], path: &Path, line: Option<usize>) -> anyhow::Result<Plan> {
    let plan: Plan = serde_json::from_slice(json).with_context(|| match line {
        Some(line) => format!("{}:{line}: not a plan", path.display()),
        None => format!("{}: not a plan", path.display()),
    })?;
    if !is_plain_id(&plan.plan_id) {
        bail!(
            "{}: plan id {:?} is not a plain identifier",
            path.display(),
            plan.plan_id
        );
    }
    Ok(plan)
}

/// Whether `id` can name a page: ASCII letters and digits only, as the
/// hex digits of a plan id are.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `name` is a file name with no folder in it (a data package's
/// tables lie beside it).
fn is_plain_file_name(name: &str) -> bool {
    let path = Path::new(name);
    path.file_name()
        .is_some_and(|file| file == path.as_os_str())
        && !name.starts_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_ids_name_pages() {
        assert!(is_plain_id("649e5ef530d2"));
        assert!(!is_plain_id("../index"));
        assert!(!is_plain_id(""));
        assert!(!is_plain_id("a/b"));
    }

    #[test]
    fn tables_must_lie_beside_the_descriptor() {
        assert!(is_plain_file_name("plans.csv"));
        assert!(!is_plain_file_name("../secret.csv"));
        assert!(!is_plain_file_name("/etc/passwd"));
        assert!(!is_plain_file_name("sub/plans.csv"));
        assert!(!is_plain_file_name(".."));
    }
}
