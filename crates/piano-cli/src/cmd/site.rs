//! `piano site`: the static site of a batch release. Exit codes: 0 written,
//! 1 the release could not be read or the site not written (nothing is left
//! half-written), 2 usage error.

use std::process::ExitCode;

use crate::args::SiteArgs;
use crate::report::tell;

/// Runs `piano site`.
pub fn run(args: &SiteArgs) -> anyhow::Result<ExitCode> {
    let built = piano_site::build(&args.release, &args.out)?;
    tell(format_args!(
        "{}: {} plan pages{}",
        args.out.display(),
        built.plans,
        match built.unread {
            0 => String::new(),
            unread => format!(", {unread} inputs without a plan listed"),
        }
    ));
    Ok(ExitCode::SUCCESS)
}
