#!/usr/bin/env bash
# Validates piano's outputs against their published descriptions: every
# fixture is extracted to JSON (checked with check-jsonschema against
# `piano schema`) and to a CSV folder (checked with `frictionless validate`
# against its datapackage.json: types, constraints, primary and foreign keys).
#
# Usage: scripts/validate-outputs.sh
# Needs python3 with venv; installs frictionless and check-jsonschema into
# target/validate-venv (reused on later runs). Exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/lib/checks.sh"

build_piano
python_venv validate-venv "frictionless, check_jsonschema" frictionless check-jsonschema

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$piano" schema >"$work/piano.plan-1.schema.json"

# Every plan fixture, text, PDF or scan, in fixtures/ and its subfolders
# (scans need tesseract: scripts/install-ocr.sh).
mapfile -t inputs < <(find fixtures -type f \( -name '*.txt' -o -name '*.pdf' -o -name '*.png' \
    -o -name '*.jpg' -o -name '*.jpeg' -o -name '*.tif' -o -name '*.tiff' \) | sort)
if ((${#inputs[@]} == 0)); then
    echo "validate-outputs: no fixtures found" >&2
    exit 1
fi

failures=0
validated=0
refused=0
for input in "${inputs[@]}"; do
    out="$work/${input//\//_}"
    mkdir -p "$out"
    # An input piano refuses (exit 1: a scan, a password) has no output to
    # validate; an unreadable plan (exit 1 with the output written) is
    # validated like any other; anything else (a panic) is a failure.
    status=0
    "$piano" extract --quiet --format json -o "$out/plan.json" "$input" 2>"$out/stderr.txt" || status=$?
    if ((status == 1)) && [[ ! -e "$out/plan.json" ]]; then
        echo "skip $input: $(head -n 1 "$out/stderr.txt")"
        refused=$((refused + 1))
        continue
    fi
    csv_status=0
    "$piano" extract --quiet --format csv -o "$out/tables" "$input" || csv_status=$?
    if ((status > 1 || csv_status > 1)) || [[ ! -e "$out/tables/datapackage.json" ]]; then
        cat "$out/stderr.txt" >&2
        echo "FAIL $input: extraction failed (exit $status)" >&2
        failures=$((failures + 1))
        continue
    fi
    validated=$((validated + 1))
    failed_before=$failures
    if ! "$venv/bin/check-jsonschema" --schemafile "$work/piano.plan-1.schema.json" \
        "$out/plan.json" >"$out/check-jsonschema.txt" 2>&1; then
        cat "$out/check-jsonschema.txt" >&2
        echo "FAIL $input: JSON does not match the schema" >&2
        failures=$((failures + 1))
    fi
    if ! "$venv/bin/frictionless" validate "$out/tables/datapackage.json" >"$out/frictionless.txt" 2>&1; then
        cat "$out/frictionless.txt" >&2
        echo "FAIL $input: CSV tables do not match datapackage.json" >&2
        failures=$((failures + 1))
    fi
    if ((failures == failed_before)); then
        echo "ok   $input"
    fi
done

if ((failures > 0)); then
    echo "validate-outputs: $failures failure(s)" >&2
    exit 1
fi
if ((validated == 0)); then
    echo "validate-outputs: no input could be extracted" >&2
    exit 1
fi
echo "validate-outputs: $validated input(s) valid, $refused refused by piano"
