#!/usr/bin/env bash
# Wall time of `piano text` (OCR and the table rebuild) on a scan against the tesseract program alone
# on the same page images, one thread per page (OMP_THREAD_LIMIT=1), in one
# run; and piano's speed-up from one core to two (RAYON_NUM_THREADS).
#
# The scan: the family PDFs' pages (fixtures/families/*/*.pdf), rendered grey
# at 200 dpi (pdftoppm) into one multi-page TIFF (tiffcp). Tesseract alone
# reads the same pages, one TIFF and one process per page, two at a time, as
# piano does on two cores. Needs: cargo, tesseract with ita, pdftoppm,
# tiffcp, hyperfine.
#
# Prints hyperfine's report, then each command's mean wall time and CPU time
# (user + system, its children's included) and both as a multiple of
# tesseract alone's: on a machine shared with other work the wall times
# tell mostly the load, the CPU times what each command costs.
#
# Usage: scripts/bench-ocr.sh [RUNS]    (default 3)
# BEFORE=path/to/piano runs that binary too (2 threads), to compare a
# change with the revision before it in the same run.
# ALTERNATE=1 runs, instead of hyperfine (which runs each command RUNS
# times before the next, so that a load coming or going falls on one of
# them), RUNS rounds of tesseract alone, piano and BEFORE (2 threads each),
# one after the other, and prints each round's times and ratios, then the
# means.
set -euo pipefail

runs="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli
piano="$root/target/release/piano"

for pdf in "$root"/fixtures/families/*/*.pdf; do
    pdftoppm -r 200 -gray -tiff -tiffcompression lzw "$pdf" "$work/$(basename "$pdf" .pdf)"
done
mapfile -t pages < <(find "$work" -name '*.tif' | sort)
tiffcp -c lzw "${pages[@]}" "$work/scan.tif" 2>/dev/null
echo "scan: ${#pages[@]} pages"

printf '%s\n' "${pages[@]}" > "$work/pages.txt"
export OMP_THREAD_LIMIT=1
before=()
if [ -n "${BEFORE:-}" ]; then
    before=(-n "before, 2 threads" "RAYON_NUM_THREADS=2 $BEFORE text $work/scan.tif > /dev/null")
fi
if [ -n "${ALTERNATE:-}" ]; then
    commands=("xargs -P 2 -I{} tesseract {} stdout -l ita --psm 6 tsv < $work/pages.txt > /dev/null 2>&1"
        "RAYON_NUM_THREADS=2 $piano text $work/scan.tif > /dev/null")
    [ -n "${BEFORE:-}" ] && commands+=("RAYON_NUM_THREADS=2 $BEFORE text $work/scan.tif > /dev/null")
    for round in $(seq "$runs"); do
        for command in "${commands[@]}"; do
            /usr/bin/time -a -o "$work/rounds.txt" -f "$round %e %U %S" bash -c "$command"
        done
        echo "round $round: load $(cut -d' ' -f1-3 /proc/loadavg)"
    done
    python3 - "$work/rounds.txt" "${#commands[@]}" <<'PY'
import sys

names = ["tesseract alone", "piano", "before"][: int(sys.argv[2])]
rounds = {}
for row in (line.split() for line in open(sys.argv[1])):
    rounds.setdefault(row[0], []).append((float(row[1]), float(row[2]) + float(row[3])))
print("each round: wall and CPU (user + system) in s, then as multiples of tesseract alone's")
ratios = {name: [] for name in names}
for number, times in rounds.items():
    cells = []
    for name, (wall, cpu) in zip(names, times):
        ratio = (wall / times[0][0], cpu / times[0][1])
        ratios[name].append(ratio)
        cells.append(f"{name} {wall:.2f} {cpu:.2f} ({ratio[0]:.2f}x, {ratio[1]:.2f}x)")
    print(f"round {number}: " + "; ".join(cells))
for name in names[1:]:
    walls = [wall for wall, _ in ratios[name]]
    cpus = [cpu for _, cpu in ratios[name]]
    print(f"{name}: mean of the rounds' ratios, wall {sum(walls) / len(walls):.3f}x, "
          f"CPU {sum(cpus) / len(cpus):.3f}x")
PY
    exit 0
fi

hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times.json" \
    -n "tesseract alone, 2 at a time" \
    "xargs -P 2 -I{} tesseract {} stdout -l ita --psm 6 tsv < $work/pages.txt > /dev/null 2>&1" \
    -n "piano, 2 threads" "RAYON_NUM_THREADS=2 $piano text $work/scan.tif > /dev/null" \
    "${before[@]}" \
    -n "piano, 1 thread" "RAYON_NUM_THREADS=1 $piano text $work/scan.tif > /dev/null"

python3 - "$work/times.json" <<'PY'
import json, sys

results = json.load(open(sys.argv[1]))["results"]
alone = results[0]
alone_cpu = alone["user"] + alone["system"]
print(f"\n{'':30} {'wall':>8} {'CPU':>8} {'wall':>6} {'CPU':>6}")
for result in results:
    cpu = result["user"] + result["system"]
    print(f"{result['command']:30} {result['mean']:7.2f}s {cpu:7.2f}s "
          f"{result['mean'] / alone['mean']:5.2f}x {cpu / alone_cpu:5.2f}x")
PY
