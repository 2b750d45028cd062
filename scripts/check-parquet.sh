#!/usr/bin/env bash
# Checks that the Parquet tables of a batch load as they are in DuckDB and
# pandas, with the types datapackage.json declares, and hold the values of
# the CSV tables beside them: a batch over a few fixtures (text dumps and a
# PDF) writes both formats, then every Parquet resource is read.
#
# Usage: scripts/check-parquet.sh
# Needs python3 with venv; installs duckdb, pandas and pyarrow (pandas'
# Parquet engine) into target/parquet-venv (reused on later runs). Exits
# non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/lib/checks.sh"

build_piano
python_venv parquet-venv "duckdb, pandas, pyarrow" duckdb pandas pyarrow

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$piano" batch --quiet --format csv,parquet --out "$work/release" \
    fixtures/portoferraio-2021.txt fixtures/text fixtures/pdf/portoferraio-2021.chromium.pdf

"$venv/bin/python" - "$work/release" <<'PY'
import json
import sys
from pathlib import Path

import duckdb
import pandas

release = Path(sys.argv[1])
package = json.loads((release / "datapackage.json").read_text())
resources = [r for r in package["resources"] if r["format"] == "parquet"]

# What a Frictionless type is once loaded.
DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE",
          "boolean": "BOOLEAN", "date": "DATE"}
PANDAS = {"string": "string", "integer": "int64", "number": "double",
          "boolean": "bool", "date": "date32[day]"}

failures = []
rows_checked = 0
for resource in resources:
    parquet = release / resource["path"]
    csv = parquet.with_suffix(".csv")
    fields = resource["schema"]["fields"]
    name = resource["name"]

    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{parquet}')").fetchall()
    got = [(column, kind) for column, kind, *_ in described]
    wanted = [(f["name"], DUCKDB[f["type"]]) for f in fields]
    if got != wanted:
        failures.append(f"{name}: DuckDB reads {got}, datapackage.json says {wanted}")

    # The CSV table, each cell cast to its declared type (an empty cell is a
    # null, as missingValues says, but in a required text column), must hold
    # the same rows as the Parquet file.
    def cast(field):
        column = '"' + field["name"] + '"'
        required = field.get("constraints", {}).get("required", False)
        if field["type"] == "string":
            return column if required else f"NULLIF({column}, '')"
        return f"CAST(NULLIF({column}, '') AS {DUCKDB[field['type']]})"
    from_csv = (f"SELECT {', '.join(cast(f) for f in fields)} "
                f"FROM read_csv('{csv}', all_varchar = true, header = true)")
    from_parquet = f"SELECT * FROM read_parquet('{parquet}')"
    for left, right, side in [(from_parquet, from_csv, "Parquet"), (from_csv, from_parquet, "CSV")]:
        (extra,) = duckdb.sql(f"SELECT count(*) FROM ({left} EXCEPT ALL {right})").fetchall()[0]
        if extra:
            failures.append(f"{name}: {extra} row(s) of the {side} table not in the other")
    (count,) = duckdb.sql(f"SELECT count(*) FROM read_parquet('{parquet}')").fetchall()[0]
    rows_checked += count

    frame = pandas.read_parquet(parquet, dtype_backend="pyarrow")
    got = [(column, str(dtype.pyarrow_dtype)) for column, dtype in frame.dtypes.items()]
    wanted = [(f["name"], PANDAS[f["type"]]) for f in fields]
    if got != wanted:
        failures.append(f"{name}: pandas reads {got}, datapackage.json says {wanted}")
    if len(pandas.read_parquet(parquet)) != count:
        failures.append(f"{name}: pandas and DuckDB count different rows")

if len(resources) != 6:
    failures.append(f"{len(resources)} Parquet resources in datapackage.json, not 6")
if rows_checked == 0:
    failures.append("the fixtures gave no rows")
for failure in failures:
    print(f"FAIL {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
print(f"check-parquet: {len(resources)} Parquet tables, {rows_checked} rows, "
      "read alike by DuckDB and pandas and equal to the CSV")
PY
