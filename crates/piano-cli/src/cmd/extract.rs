//! `piano extract` (being written).

use std::process::ExitCode;

use crate::args::ExtractArgs;

/// Runs `piano extract`.
pub fn run(_args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("piano extract is not implemented yet")
}
