#!/usr/bin/env bash
# Times `piano extract` on text dumps against awk splitting the same bytes on
# tabs (the floor for any tool reading these files), in one hyperfine run.
#
# Usage: scripts/bench-parse.sh [RUNS]   (default 10; needs hyperfine)
# The input is one long plan of about 20 MB (the bundled Portoferraio dump's
# structures repeated), so the figure is throughput with start-up amortised.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-10}"

cargo build --release --quiet -p piano-cli
piano="${CARGO_TARGET_DIR:-$root/target}/release/piano"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One long plan: the fixture's preamble, then its structures over and over.
fixture=fixtures/portoferraio-2021.txt
first=$(grep -n -m1 '^STRUTTURA' "$fixture" | cut -d: -f1)
{
    head -n "$((first - 1))" "$fixture"
    for _ in $(seq 460); do tail -n "+$first" "$fixture"; printf '\n'; done
} >"$work/plan-20mb.txt"
size=$(stat -c %s "$work/plan-20mb.txt")
echo "input: $size bytes"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/times.json" \
    -n piano "$piano extract -q $work/plan-20mb.txt -o $work/out.json" \
    -n awk "awk -F'\t' '{ cells += NF } END { print cells }' $work/plan-20mb.txt"

python3 - "$work/times.json" "$size" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
size = int(sys.argv[2]) / 1e6
for name, seconds in results.items():
    print(f"{name}: median {seconds:.3f} s, {size / seconds:.1f} MB/s")
print(f"piano / awk time ratio: {results['piano'] / results['awk']:.2f}")
PY
