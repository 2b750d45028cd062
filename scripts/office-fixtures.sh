#!/usr/bin/env bash
# Writes fixtures/layouts/office/, the sample of office PDFs that CI reads
# (tests/cli/layouts.rs): for each family in turn, the first PER plans of
# corpus SEED whose tab-separated dump and expected plan take under LIMIT
# bytes (small plans, so that the PDFs stay small), the first drawn on
# VARY axes and the next on every axis (each with an office look drawn at
# random), written by piano-corpus as HTML and rendered by
# scripts/office-render.sh by every renderer (docx-lo, docx-lo-pdfa,
# html-lo, html-chromium). Beside each layout: its HTML, its expected plan
# (`plan-00007-00.txt.expected.json`) and its sidecar
# (`plan-00007-00.layout.json`, the office axes among its axes).
# Everything is written by piano-corpus, our own generator, from the seed,
# and rendered by LibreOffice and Chromium: nothing comes from a real plan.
#
# Usage: scripts/office-fixtures.sh [SEED]        (default 10)
#        PER=2 VARY=3 LIMIT=20000 POOL=600 scripts/office-fixtures.sh 10
# Then: PIANO_BLESS=1 cargo test -p piano-cli --test cli layouts, to write
# fixtures/layouts/office/SHORTFALLS.tsv anew.
set -euo pipefail

seed=${1:-10}
per=${PER:-2}
vary=${VARY:-3}
limit=${LIMIT:-20000}
pool=${POOL:-600}
families=5
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/target/release/piano-corpus"
out="$root/fixtures/layouts/office"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$corpus" --layouts random --family all --seed "$seed" --count "$pool" --variants 1 \
  --format tab --out "$work/pool" 2> /dev/null
declare -a kept
for ((family = 0; family < families; family++)); do kept[family]=0; done
for ((plan = 0; plan < pool; plan++)); do
  family=$((plan % families))
  [ "${kept[family]}" -lt "$per" ] || continue
  stem=$(printf 'plan-%05d-00' "$plan")
  size=$(($(wc -c < "$work/pool/$stem.txt") + $(wc -c < "$work/pool/$stem.txt.expected.json")))
  [ "$size" -lt "$limit" ] || continue
  axes=$vary
  [ $((kept[family] % 2)) -eq 1 ] && axes=99
  "$corpus" --layouts random --vary "$axes" --family all --seed "$seed" --start "$plan" --count 1 \
    --variants 1 --format tab --format html --out "$work/chosen" 2> /dev/null
  kept[family]=$((kept[family] + 1))
done
rm -f "$work"/chosen/*.txt "$work"/chosen/*.html.expected.json
"$root/scripts/office-render.sh" "$work/chosen" "$work/chosen"
rm -f "$work"/chosen/*.docx
mkdir -p "$out"
rm -f "$out"/plan-*
cp "$work"/chosen/plan-* "$out/"
echo "wrote $(ls "$out"/plan-*.layout.json | wc -l) layouts, $(ls "$out"/plan-*.pdf | wc -l) PDFs to $out ($(du -sh "$out" | cut -f1))" >&2
