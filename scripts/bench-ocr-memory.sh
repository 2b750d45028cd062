#!/usr/bin/env bash
# Peak memory of `piano extract` on a 300-page scanned PDF, against the bar of
# issue 11: under the file's size plus 150 MB.
#
# The scan: the family PDFs' pages (fixtures/families/*/*.pdf) rendered grey
# at 200 dpi as JPEG (pdftoppm), repeated to PAGES pages, one picture object
# a page (img2pdf embeds each JPEG as it is), as an office scanner's PDF.
# By default tesseract is stood in for by a script that answers at once with
# no words: the point is piano's own memory (decoding, wiping, handing over
# and placing every page), and 300 pages of real OCR take minutes. With
# --tesseract the real program reads them (GNU time then reports the larger
# of piano and one tesseract process, never their sum).
#
# Needs: cargo, pdftoppm, img2pdf, GNU time (/usr/bin/time).
# Usage: scripts/bench-ocr-memory.sh [--tesseract] [PAGES]   (default 300)
set -euo pipefail

real=false
if [ "${1:-}" = --tesseract ]; then
    real=true
    shift
fi
pages="${1:-300}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli
piano="$root/target/release/piano"

for pdf in "$root"/fixtures/families/*/*.pdf; do
    pdftoppm -r 200 -gray -jpeg "$pdf" "$work/$(basename "$pdf" .pdf)"
done
mapfile -t rendered < <(find "$work" -name '*.jpg' | sort)
scan=()
while [ "${#scan[@]}" -lt "$pages" ]; do
    scan+=("${rendered[@]}")
done
img2pdf "${scan[@]:0:$pages}" -o "$work/scan.pdf"
size=$(stat -c %s "$work/scan.pdf")

if ! $real; then
    # The stand-in: its version and languages, and no word on any page.
    mkdir "$work/bin"
    cat > "$work/bin/tesseract" <<'STANDIN'
#!/bin/sh
case "$1" in
    --version) echo "tesseract 5.3.0" ;;
    --list-langs) printf 'List of available languages (2):\nita\nosd\n' ;;
    *) cat > /dev/null
       printf 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n' ;;
esac
STANDIN
    chmod +x "$work/bin/tesseract"
    export PATH="$work/bin:$PATH"
fi

/usr/bin/time -v "$piano" extract --quiet "$work/scan.pdf" > /dev/null 2> "$work/time.txt" || true
peak_kb=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/time.txt")
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
awk -v pages="$pages" -v size="$size" -v peak="$peak_kb" -v wall="$wall" -v real="$real" 'BEGIN {
    mb = 1024 * 1024
    bar = size / mb + 150
    printf "scan: %d pages, %.1f MB; recogniser: %s\n", pages, size / mb, real == "true" ? "tesseract" : "stand-in"
    printf "peak RSS %.1f MB, bar %.1f MB (file + 150 MB): %s; wall %s\n", peak / 1024, bar, peak / 1024 < bar ? "under" : "OVER", wall
}'
