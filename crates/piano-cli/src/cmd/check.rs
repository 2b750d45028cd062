//! `piano check` (being written).

use std::process::ExitCode;

use crate::args::CheckArgs;

/// Runs `piano check`.
pub fn run(_args: &CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("piano check is not implemented yet")
}
