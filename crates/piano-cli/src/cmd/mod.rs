//! One module per subcommand; each exposes `run(args) -> anyhow::Result<ExitCode>`.

pub mod batch;
pub mod check;
pub mod extract;
pub mod schema;
pub mod text;
