#!/usr/bin/env bash
# OCR layers (issue 11, docs/ocr.md "OCR layers"): how well piano reads PDFs
# whose text is an invisible OCR layer another program made. Each family PDF
# of fixtures/families/ is scanned as an office scanner would (200 dpi grey,
# `pdftoppm`), put in a PDF (`img2pdf`) and given OCRmyPDF's text layer
# (`ocrmypdf -l ita`); the held-out image-only PDFs (fixtures/held-out-*/
# *.scan.pdf) are given one too. Prints per PDF the field F1 against its gold
# (../shared/tools/score.py --fuzzy-text 0.95, as the contract scores OCR),
# the verdict and its score, and whether the layer was read as one (the
# `ocr-layer` diagnostic); then how many read with F1 < 0.90 and how many of
# those were judged good (the bar: none).
#
# Needs: ocrmypdf (with tesseract's Italian data), img2pdf, pdftoppm,
# python3 and ../shared/tools/score.py beside the checkout.
# PIANO=path/to/piano uses that binary instead of building a release one.
# Temporary files: a mktemp -d folder, removed at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/scored.sh"
need_scorer
need_tools ocrmypdf img2pdf pdftoppm
release_piano
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per input: PDF with an OCR layer, gold.
list="$work/inputs.tsv"
: > "$list"
for pdf in "$root"/fixtures/families/*/*.pdf; do
  stem=$(basename "$pdf" .pdf)
  gold="$(dirname "$pdf")/${stem%%.*}.expected.json"
  [ -f "$gold" ] || continue
  mkdir -p "$work/pages-$stem"
  pdftoppm -r 200 -gray -png "$pdf" "$work/pages-$stem/page"
  img2pdf "$work/pages-$stem"/page-*.png -o "$work/$stem.scan.pdf"
  rm -rf "$work/pages-$stem"
  ocrmypdf -q -l ita "$work/$stem.scan.pdf" "$work/$stem.ocrmypdf.pdf" 2> /dev/null
  printf '%s\t%s\n' "$work/$stem.ocrmypdf.pdf" "$gold" >> "$list"
done
for scan in "$root"/fixtures/held-out-*/*.scan.pdf; do
  [ -f "$scan" ] || continue
  stem=$(basename "$scan" .scan.pdf)
  ocrmypdf -q -l ita "$scan" "$work/$stem.held-out.ocrmypdf.pdf" 2> /dev/null
  printf '%s\t%s\n' "$work/$stem.held-out.ocrmypdf.pdf" "${scan%.scan.pdf}.expected.json" >> "$list"
done

printf '%-48s %6s %-10s %6s %5s\n' pdf f1 verdict score layer
below=0
broken=0
while IFS=$'\t' read -r pdf gold; do
  out="$work/plan.json"
  "$piano" extract --quiet --include-staff "$pdf" > "$out" || true
  f1=$(python3 "$score" "$gold" "$out" --fuzzy-text 0.95 | tail -1 | sed 's/^f1=\([0-9.]*\).*/\1/')
  read -r verdict quality layer < <(python3 - "$out" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
layer = any(d["code"] == "ocr-layer" for d in plan["diagnostics"])
print(plan["quality"]["verdict"], plan["quality"]["score"], "yes" if layer else "no")
PY
)
  printf '%-48s %6s %-10s %6s %5s\n' "$(basename "$pdf")" "$f1" "$verdict" "$quality" "$layer"
  if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 0.90 else 1)" "$f1"; then
    below=$((below + 1))
    [ "$verdict" = good ] && broken=$((broken + 1))
  fi
done < "$list"
echo "read with F1 < 0.90: $below; of those judged good: $broken"
[ "$broken" -eq 0 ]
