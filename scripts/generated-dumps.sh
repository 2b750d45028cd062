#!/usr/bin/env bash
# How well piano reads the `pdftotext -layout` dumps of generated plans: a
# check of the table rebuild on documents no rule was tuned on, to run by
# hand after changing the rebuild (too slow for CI).
#
# piano-corpus writes COUNT plans (seed SEED) as PDFs with their expected
# JSON; each PDF is dumped with `pdftotext -layout -enc UTF-8`, read by
# `piano extract --include-staff`, and scored against the plan it was made
# from with ../shared/tools/score.py --no-raw (field F1, as the contract
# defines it). Prints the F1 distribution and the worst plans; with BASE set
# to another piano binary, scores that one on the same dumps and prints both.
#
# Needs: cargo, pdftotext, python3 and ../shared/tools/score.py beside the
# checkout. Temporary files: a mktemp -d folder under $TMPDIR (/tmp),
# removed at the end.
#
# Usage: scripts/generated-dumps.sh [COUNT] [SEED]      (default 50 2028)
#        BASE=/path/to/old/piano scripts/generated-dumps.sh
set -euo pipefail

count=${1:-50}
seed=${2:-2028}
root=$(cd "$(dirname "$0")/.." && pwd)
score="$root/../shared/tools/score.py"
[ -f "$score" ] || { echo "no $score: this check needs ../shared beside the checkout" >&2; exit 1; }
command -v pdftotext > /dev/null || { echo "pdftotext is not installed (poppler-utils)" >&2; exit 1; }

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli -p piano-corpus
piano="$root/target/release/piano"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/target/release/piano-corpus" --seed "$seed" --count "$count" --out "$work" --pdf 2> /dev/null
for pdf in "$work"/*.pdf; do
  pdftotext -layout -enc UTF-8 "$pdf" "${pdf%.pdf}.layout.txt"
done

# score BINARY LABEL: one line "F1 dump" per plan in $work/LABEL.tsv
score_with() {
  local binary=$1 label=$2
  for dump in "$work"/*.layout.txt; do
    local plan=${dump%.layout.txt}
    "$binary" extract --quiet --include-staff "$dump" > "$plan.$label.json" 2> /dev/null || true
    local f1
    f1=$(python3 "$score" "$plan.pdf.expected.json" "$plan.$label.json" --no-raw 2> /dev/null \
      | tail -1 | sed -n 's/^f1=\([0-9.]*\).*/\1/p')
    echo "${f1:-0} $(basename "$dump")"
  done > "$work/$label.tsv"
}

summary() {
  awk -v label="$1" '{
      n++; sum += $1
      if ($1 >= 0.99) good++
      else if ($1 >= 0.95) fair++
      else poor++
    } END {
      printf "%s: %d plans, mean F1 %.4f; F1 >= 0.99: %d, 0.95-0.99: %d, below 0.95: %d\n",
        label, n, sum / n, good, fair, poor
    }' "$work/$1.tsv"
}

score_with "$piano" now
echo "piano-corpus --seed $seed --count $count, pdftotext -layout dumps, field F1 (score.py --no-raw)"
summary now
if [ -n "${BASE:-}" ]; then
  score_with "$BASE" base
  summary base
  echo "plans that changed (base, now):"
  join -j 2 <(sort -k2 "$work/base.tsv") <(sort -k2 "$work/now.tsv") \
    | awk '$2 != $3 { printf "  %s %s -> %s\n", $1, $2, $3 }'
fi
echo "worst plans now:"
sort -n "$work/now.tsv" | head -5 | sed 's/^/  /'
