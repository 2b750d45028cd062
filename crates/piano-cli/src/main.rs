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

/// mimalloc rather than the system allocator: parsing and exporting make
/// many small, short-lived strings, and with glibc's malloc a batch run took
/// about an eighth more CPU time. Built without transparent huge pages
/// (feature `no_thp`): zeroing 2 MB pages cost more system time than they
/// saved and tripled the resident memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
