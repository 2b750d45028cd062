//! The `piano` command: a thin shell over the piano crates.
//!
//! Parses the arguments, runs the subcommand and maps the outcome to an exit
//! code: 0 success, 1 failure (or, for `check`, error-level diagnostics),
//! 2 usage error (clap's own).

mod args;
mod cmd;
mod progress;
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
        Command::Debug(args) => cmd::debug::run(args),
        Command::Site(args) => cmd::site::run(args),
    };
    outcome.unwrap_or_else(|error| {
        if reader_went_away(&error) {
            // `piano extract plan.txt | head`: the reader has all it wanted.
            // Like other command-line tools, stop quietly and successfully.
            return ExitCode::SUCCESS;
        }
        crate::report::tell(format_args!("error: {error:#}"));
        ExitCode::FAILURE
    })
}

/// Whether the failure was a write to a pipe whose reader had closed it
/// (`BrokenPipe` anywhere in the chain of causes). Rust ignores SIGPIPE, so
/// the write fails instead of the process ending. serde_json keeps its
/// `io::Error` out of the chain (its `source` skips it), so it is asked for
/// the kind itself.
fn reader_went_away(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => Some(io.kind()),
            None => cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
