//! What a catalogue lists beyond the plans: the [`Publication`] (who
//! publishes the release, where, when, under which licence) and the
//! [`Distribution`]s, the files a release is made of.

use chrono::NaiveDate;

use crate::table::TableFormat;
use crate::{License, Table};

/// What a catalogue says that a release cannot know by itself.
#[derive(Debug, Clone, Default)]
pub struct Publication {
    /// The licence of the data.
    pub license: License,
    /// Where the release is published (the folder holding `catalog.jsonld`).
    pub base_url: Option<String>,
    /// The publishing body's name.
    pub publisher: Option<String>,
    /// The publishing body's code in the IPA index of public administrations.
    pub publisher_ipa: Option<String>,
    /// An e-mail address to write to about the data.
    pub contact: Option<String>,
    /// The day the release is issued (and last modified).
    pub release_date: Option<NaiveDate>,
}

/// A property DCAT-AP_IT wants that a [`Publication`] left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The base URL: links stay relative.
    BaseUrl,
    /// The publisher's and rights holder's name.
    Publisher,
    /// The publisher's IPA code, and so the dataset's identifier.
    PublisherIpa,
    /// The contact point.
    Contact,
    /// The issued and modified dates.
    ReleaseDate,
}

impl Publication {
    /// What DCAT-AP_IT wants that is not given, in [`Missing`]'s order.
    pub fn missing(&self) -> Vec<Missing> {
        [
            (self.base_url.is_none(), Missing::BaseUrl),
            (self.publisher.is_none(), Missing::Publisher),
            (self.publisher_ipa.is_none(), Missing::PublisherIpa),
            (self.contact.is_none(), Missing::Contact),
            (self.release_date.is_none(), Missing::ReleaseDate),
        ]
        .into_iter()
        .filter_map(|(missing, what)| missing.then_some(what))
        .collect()
    }
}

/// One file (or folder of files) of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Distribution {
    /// A table in one format.
    Table(Table, TableFormat),
    /// Every plan as one line of NDJSON, in the file at this path.
    Ndjson(String),
    /// Every plan as a JSON document, in the folder at this path.
    Json(String),
}

impl Distribution {
    /// The path of the file (or folder) in the release.
    pub(super) fn path(&self) -> String {
        match self {
            Distribution::Table(table, format) => table.file_name_in(*format).to_owned(),
            Distribution::Ndjson(path) | Distribution::Json(path) => path.clone(),
        }
    }

    /// What it holds, in English.
    pub(super) fn description(&self) -> String {
        match self {
            Distribution::Table(table, _) => table.description().to_owned(),
            Distribution::Ndjson(_) => "Every plan as one line of JSON (NDJSON).".to_owned(),
            Distribution::Json(_) => "Every plan as a JSON document, one file per plan.".to_owned(),
        }
    }

    /// The IANA media type.
    pub fn media_type(&self) -> &'static str {
        match self {
            Distribution::Table(_, format) => format.media_type(),
            Distribution::Ndjson(_) => "application/x-ndjson",
            Distribution::Json(_) => "application/json",
        }
    }

    /// The code of the EU file-type vocabulary.
    pub(super) fn file_type(&self) -> &'static str {
        match self {
            Distribution::Table(_, TableFormat::Csv) => "CSV",
            Distribution::Table(_, TableFormat::Parquet) => "PARQUET",
            Distribution::Ndjson(_) | Distribution::Json(_) => "JSON",
        }
    }
}
