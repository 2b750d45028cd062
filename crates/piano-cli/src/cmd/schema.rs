//! `piano schema` (being written).

use std::process::ExitCode;

use crate::args::SchemaArgs;

/// Runs `piano schema`.
pub fn run(_args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("piano schema is not implemented yet")
}
