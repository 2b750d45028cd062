//! The `piano` command: a thin shell over the piano crates.
//!
//! Parses the arguments, runs the subcommand and maps the outcome to an exit
//! code: 0 success, 1 failure (or, for `check`, error-level diagnostics),
//! 2 usage error (clap's own).

mod args;
mod batch;
mod cmd;
mod input;
mod output;
mod report;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Text(args) => cmd::text::run(args),
        Command::Batch(args) => cmd::batch::run(args),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("error: {error:#}");
        ExitCode::FAILURE
    })
}
