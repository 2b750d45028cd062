#!/usr/bin/env bash
# The Python bindings' tests: installs crates/piano-py into a venv under
# target/ exactly as the README says (`pip install ./crates/piano-py`, which
# builds the wheel with maturin), with pytest, pandas, dask[distributed] and
# pyarrow, and runs the pytest suite, which holds the bindings to the debug
# `piano` command built here.
#
# PYTHON names the interpreter to build the venv with (python3 by default).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

venv=target/python-venv
if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet pytest pandas "dask[distributed]" pyarrow

cargo build --quiet --locked -p piano-cli
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps ./crates/piano-py

PIANO_BIN="$PWD/target/debug/piano" "$venv/bin/python" -m pytest crates/piano-py/tests -q "$@"
