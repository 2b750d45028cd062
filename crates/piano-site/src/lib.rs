//! A static site of a batch release, for transparency portals: an index of
//! every plan and a page per plan (verdict, structures, objectives and
//! phases, charts, diagnostics, links to the data), that works offline from
//! a folder: no server, nothing fetched, a small local script only to sort
//! and filter the index.
//!
//! - [`release`]: reading the folder `piano batch` wrote;
//! - [`index`] and [`page`]: the pages, as views of the report and the
//!   plans, drawn by askama templates (`templates/`) that escape every value;
//! - [`chart`]: the charts' geometry, drawn by the plan page as inline SVG;
//! - [`label`]: Italian words and number formats;
//! - [`mod@write`]: the site written beside its target and moved into place whole.
//!
//! The site copies what it links to (each plan's JSON, the CSV tables, the
//! data package and the DCAT catalogue) into its own `dati/` folder, so it
//! can be published or moved as one folder. See `docs/site.md`.

pub mod chart;
pub mod index;
pub mod label;
pub mod page;
pub mod release;
pub mod write;

#[cfg(test)]
mod fixture;

use std::path::Path;

use anyhow::Context;
use askama::Template;

use crate::index::{IndexPage, IndexRow, unread};
use crate::label::DataFile;
use crate::page::PlanPage;
use crate::release::Release;
use crate::write::Staging;

/// The stylesheet every page links to.
const STYLESHEET: &str = include_str!("../assets/sito.css");
/// The index's script: sorting and filtering.
const SCRIPT: &str = include_str!("../assets/tabella.js");

/// What a site holds once written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Built {
    /// Plan pages written.
    pub plans: usize,
    /// Inputs listed that gave no plan.
    pub unread: usize,
}

/// Writes the site of the release in folder `release` to folder `out`,
/// whole or not at all (see [`mod@write`]).
pub fn build(release: &Path, out: &Path) -> anyhow::Result<Built> {
    let release = Release::open(release)?;
    let files = release.data_files()?;
    let staging = Staging::begin(out)?;
    for file in &files {
        staging.copy(&release.root.join(file), &format!("dati/{file}"))?;
    }
    let data: Vec<DataFile> = files.iter().map(|name| DataFile::named(name)).collect();
    staging.write("assets/sito.css", STYLESHEET.as_bytes())?;
    staging.write("assets/tabella.js", SCRIPT.as_bytes())?;
    let include_staff = release.report.settings.include_staff;
    let mut rows = Vec::new();
    release.for_each_plan(|item| {
        let id = &item.plan.plan_id;
        let status = label::status(item.entry.status);
        let page = PlanPage::of(&item.plan, status, include_staff, &data);
        let html = page
            .render()
            .with_context(|| format!("plan {id}: cannot draw its page"))?;
        staging.write(&format!("piani/{id}.html"), html.as_bytes())?;
        staging.write(&format!("dati/piani/{id}.json"), &item.json)?;
        rows.push(IndexRow::of(&item.entry, &item.plan));
        Ok(())
    })?;
    rows.sort_by(|a, b| a.order().cmp(&b.order()));
    let index = IndexPage {
        root: "",
        title: "Piani della performance",
        report: &release.report,
        rows,
        unread: unread(&release.report),
        data,
    };
    let html = index.render().context("cannot draw the index")?;
    staging.write("index.html", html.as_bytes())?;
    let built = Built {
        plans: index.rows.len(),
        unread: index.unread.len(),
    };
    staging.commit()?;
    Ok(built)
}
