# Setup shared by the scripts that check piano's outputs with Python tools
# (check-parquet.sh, validate-outputs.sh, site-browser-check.sh): one way to
# build the piano command and one way to keep a venv of the tools.
#
# Source it from such a script once it has set `root` (the checkout) and
# `set -euo pipefail`: `source "$root/scripts/lib/checks.sh"`.

# build_piano: builds the piano command and sets `target` (Cargo's target
# folder, where venvs live too) and `piano` (the command's path).
build_piano() {
    cargo build --quiet -p piano-cli
    target="${CARGO_TARGET_DIR:-$root/target}"
    piano="$target/debug/piano"
}

# python_venv NAME MODULES PACKAGE...: sets `venv` to the venv
# "$target/NAME", reused when its python imports MODULES (as `import`
# lists them: "duckdb, pandas"), else made with python3 and given
# PACKAGE... by pip. Call it after build_piano.
python_venv() {
    venv="$target/$1"
    local modules="$2"
    shift 2
    if ! "$venv/bin/python" -c "import $modules" 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"
    fi
}
