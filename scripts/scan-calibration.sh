#!/usr/bin/env bash
# The quality verdict on scans (docs/quality.md, "Scans"): how the verdict
# piano gives a scanned plan stands against how well it was read (field F1
# against its expected plan, ../shared/tools/score.py --fuzzy-text 0.95 as
# the contract scores OCR). The bar (issue 11): every scan read with
# F1 < 0.90 gets "review" (or "unreadable"), and a scan read well is not
# given a worse verdict than its reasons call for.
#
# Inputs, each with its gold:
# - the scans of fixtures/ocr/ (see its README) and the image-only PDFs of
#   the held-out sets (fixtures/held-out-*/*.scan.pdf);
# - each family PDF of fixtures/families/ scanned here two ways, as office
#   scanners do at their cheapest: 150 dpi greyscale JPEG (quality 40) and
#   100 dpi bitonal CCITT Group 4, all pages in one TIFF;
# - two of them (codogno, faenza) scanned speckled as well: 150 dpi bitonal
#   with dark and light specks strewn over it (ImageMagick's impulse noise),
#   as a dusty scanner glass or a photocopy of a photocopy gives (seeded, so
#   every run strews the same; at `-attenuate 0.1`: three times as many
#   specks leave too little to read, cleaned or not).
# Prints one line per input: F1, verdict, score, the rows with a doubtful
# value (`cells-low-confidence`), the `ocr-repaired` diagnostics and the
# words' mean confidence (`source.ocr`); then
# the scans that break the bar.
#
# Needs: tesseract with Italian data, pdftoppm, tiffcp, ImageMagick's
# convert, python3 and ../shared/tools/score.py beside the checkout.
# PIANO=path/to/piano uses that binary instead of building a release one.
# Temporary files: a mktemp -d folder, removed at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/scored.sh"
need_scorer
need_tools tesseract pdftoppm tiffcp convert
release_piano
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per input: scan, gold.
list="$work/inputs.tsv"
fidenza="$root/fixtures/ocr/fidenza-2023-page1.expected.json"
poggibonsi="$root/fixtures/families/weight-matrix/poggibonsi-2022.expected.json"
for scan in "$root"/fixtures/ocr/fidenza-2023-page1.*{png,pdf}; do
  printf '%s\t%s\n' "$scan" "$fidenza" >> "$list"
done
for scan in "$root"/fixtures/ocr/poggibonsi-2022.*{tif,pdf}; do
  printf '%s\t%s\n' "$scan" "$poggibonsi" >> "$list"
done
# The held-out scans (image-only PDFs of documents written apart).
for scan in "$root"/fixtures/held-out-*/*.scan.pdf; do
  [ -f "$scan" ] || continue
  printf '%s\t%s\n' "$scan" "${scan%.scan.pdf}.expected.json" >> "$list"
done
for pdf in "$root"/fixtures/families/*/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  gold="$(dirname "$pdf")/${stem%%.*}.expected.json"
  [ -f "$gold" ] || continue
  pages="$work/pages-$stem"
  mkdir -p "$pages"
  pdftoppm -r 150 -gray -png "$pdf" "$pages/grey"
  convert "$pages"/grey-*.png -quality 40 -compress JPEG "$work/$stem.grey150.tif"
  pdftoppm -r 100 -mono -tiff "$pdf" "$pages/mono"
  tiffcp -c g4 "$pages"/mono-*.tif "$work/$stem.mono100.tif"
  printf '%s\t%s\n' "$work/$stem.grey150.tif" "$gold" >> "$list"
  printf '%s\t%s\n' "$work/$stem.mono100.tif" "$gold" >> "$list"
  case "$stem" in
    codogno-*|faenza-*)
      for page in "$pages"/grey-*.png; do
        convert "$page" -seed 11 -attenuate 0.1 +noise Impulse -threshold 60% \
          -type bilevel -compress Group4 "${page%.png}.speckled.tif"
      done
      tiffcp "$pages"/grey-*.speckled.tif "$work/$stem.speckled150.tif"
      printf '%s\t%s\n' "$work/$stem.speckled150.tif" "$gold" >> "$list"
      ;;
  esac
  rm -rf "$pages"
done

printf '%-44s %6s %-10s %6s %5s %8s %5s\n' scan f1 verdict score doubt repaired mean
broken=0
while IFS=$'\t' read -r scan gold; do
  out="$work/plan.json"
  "$piano" extract --quiet --include-staff "$scan" > "$out" || true
  f1=$(python3 "$score" "$gold" "$out" --fuzzy-text 0.95 | tail -1 | sed 's/^f1=\([0-9.]*\).*/\1/')
  read -r verdict quality doubt repaired mean < <(python3 - "$out" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
quality = plan["quality"]
doubt = sum(r["count"] for r in quality["reasons"] if r["code"] == "cells-low-confidence")
repaired = sum(1 for d in plan["diagnostics"] if d["code"] == "ocr-repaired")
mean = (plan["source"].get("ocr") or {}).get("mean_confidence", 0)
print(quality["verdict"], quality["score"], doubt, repaired, round(mean, 3))
PY
)
  printf '%-44s %6s %-10s %6s %5s %8s %5s\n' "$(basename "$scan")" "$f1" "$verdict" "$quality" "$doubt" "$repaired" "$mean"
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 0.90 else 1)" "$f1" && [ "$verdict" = good ]; then
    broken=$((broken + 1))
  fi
done < "$list"
echo "scans read with F1 < 0.90 yet judged good: $broken"
[ "$broken" -eq 0 ]
