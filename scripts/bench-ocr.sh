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
