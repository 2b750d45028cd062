//! `piano batch`: resolves the arguments into a [`Config`] and runs it.
//! Exit codes: 0 every input read (warnings are fine), 1 some failed (or the
//! batch itself could not write), 2 usage error.

use piano_ocr::ProgressHook;
use std::process::ExitCode;
use std::sync::Arc;

use crate::args::{BatchArgs, Format, PublicationArgs};
use crate::report::tell;
use piano_export::{Missing, Publication};
use piano_run::batch::assemble::Aggregates;
use piano_run::batch::discover::discover;
use piano_run::batch::progress::summary;
use piano_run::batch::report::Settings;
use piano_run::batch::{Config, journal, run as run_batch};
use piano_run::input::load_profiles;

/// The exit code of a usage error.
const USAGE: u8 = 2;

/// Runs `piano batch`.
pub fn run(args: &BatchArgs) -> anyhow::Result<ExitCode> {
    let files = match discover(&args.inputs, std::io::stdin().lock()) {
        Ok(files) => files,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    let settings = Settings {
        include_staff: args.include_staff,
    };
    if args.resume {
        if let Some(previous) = journal::previous_settings(&args.out) {
            if previous != settings {
                return Ok(usage(&format!(
                    "{} was written with{} --include-staff: resume with the same setting, or run again without --resume",
                    args.out.display(),
                    if previous.include_staff { "" } else { "out" },
                )));
            }
        }
    }
    let profiles = Arc::new(load_profiles(&args.profiles.files)?);
    let config = Config {
        files,
        profiles,
        ocr: super::ocr_settings(&args.ocr, ProgressHook::default()),
        out: args.out.clone(),
        jobs: args.jobs.map(usize::from),
        json: args.format.contains(&Format::Json),
        aggregates: Aggregates {
            csv: args.format.contains(&Format::Csv),
            parquet: args.format.contains(&Format::Parquet),
            ndjson: args.format.contains(&Format::Ndjson),
        },
        publication: publication(&args.publication),
        settings,
        resume: args.resume,
        fail_fast: args.fail_fast,
        limit: std::time::Duration::try_from_secs_f64(args.timeout)
            .unwrap_or(std::time::Duration::MAX),
        quiet: args.quiet,
    };
    if !args.quiet {
        warn_missing(&config.publication);
    }
    let outcome = run_batch(&config)?;
    if !args.quiet {
        tell(summary(
            &outcome.totals,
            &outcome.entries,
            outcome.read,
            outcome.wall,
        ));
    }
    Ok(match outcome.totals.failed {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}

fn publication(args: &PublicationArgs) -> Publication {
    Publication {
        license: args.license.clone(),
        base_url: args.base_url.clone(),
        publisher: args.publisher.clone(),
        publisher_ipa: args.publisher_ipa.clone(),
        contact: args.contact.clone(),
        release_date: args.release_date,
    }
}

/// Says which flags would give catalog.jsonld what DCAT-AP_IT requires.
fn warn_missing(publication: &Publication) {
    let flags: Vec<&str> = publication
        .missing()
        .into_iter()
        .map(|missing| match missing {
            Missing::BaseUrl => "--base-url",
            Missing::Publisher => "--publisher",
            Missing::PublisherIpa => "--publisher-ipa",
            Missing::Contact => "--contact",
            Missing::ReleaseDate => "--release-date",
        })
        .collect();
    if !flags.is_empty() {
        tell(format_args!(
            "warning: catalog.jsonld lacks what DCAT-AP_IT requires and the plans cannot tell; give {}",
            flags.join(", ")
        ));
    }
}

fn usage(message: &str) -> ExitCode {
    tell(format_args!("error: {message}"));
    ExitCode::from(USAGE)
}
