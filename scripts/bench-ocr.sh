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
# Usage: scripts/bench-ocr.sh [RUNS]    (default 3)
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
hyperfine --style basic --warmup 1 --runs "$runs" \
    -n "tesseract alone, 2 at a time" \
    "xargs -P 2 -I{} tesseract {} stdout -l ita --psm 6 tsv < $work/pages.txt > /dev/null 2>&1" \
    -n "piano, 2 threads" "RAYON_NUM_THREADS=2 $piano text $work/scan.tif > /dev/null" \
    -n "piano, 1 thread" "RAYON_NUM_THREADS=1 $piano text $work/scan.tif > /dev/null"
