#!/usr/bin/env bash
# Writes fixtures/layouts/, the sample of the layout space that CI reads
# (tests/cli/layouts.rs): for each family in turn, the first PER plans of
# corpus SEED whose tab-separated dump and expected plan take under LIMIT
# bytes (small plans, so that the sample stays small), each in its one
# layout (every other plan of a family drawn on VARY axes, so that an axis
# that breaks reading shows alone, the others on every axis at random), as
# a tab-separated and a space-aligned dump, the first PDFS of each family
# as a PDF too. Beside
# each layout: its expected plan (`plan-00007-00.txt.expected.json`, one
# for all its formats: theirs differ only in `source` and line numbers,
# which the score leaves out) and its sidecar (`plan-00007-00.layout.json`:
# the axes drawn, the fields they rewrite). Everything is written by
# piano-corpus, our own generator, from the seed: nothing comes from a
# real plan.
#
# Usage: scripts/layout-fixtures.sh [SEED]        (default 10)
#        PER=8 PDFS=2 VARY=3 LIMIT=30000 POOL=600 scripts/layout-fixtures.sh 10
# Then: PIANO_BLESS=1 cargo test -p piano-cli --test cli layouts, to write
# fixtures/layouts/SHORTFALLS.tsv anew.
set -euo pipefail

seed=${1:-10}
per=${PER:-8}
pdfs=${PDFS:-2}
vary=${VARY:-3}
limit=${LIMIT:-30000}
pool=${POOL:-600}
families=5
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/target/release/piano-corpus"
out="$root/fixtures/layouts"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$corpus" --layouts random --family all --seed "$seed" --count "$pool" --variants 1 \
  --format tab --out "$work/pool" 2> /dev/null
mkdir -p "$out"
rm -f "$out"/plan-*
declare -a kept
for ((family = 0; family < families; family++)); do kept[family]=0; done
for ((plan = 0; plan < pool; plan++)); do
  family=$((plan % families))
  [ "${kept[family]}" -lt "$per" ] || continue
  stem=$(printf 'plan-%05d-00' "$plan")
  size=$(($(wc -c < "$work/pool/$stem.txt") + $(wc -c < "$work/pool/$stem.txt.expected.json")))
  [ "$size" -lt "$limit" ] || continue
  formats=(--format tab --format aligned)
  [ "${kept[family]}" -lt "$pdfs" ] && formats+=(--format pdf)
  axes=$vary
  [ $((kept[family] % 2)) -eq 1 ] && axes=99
  "$corpus" --layouts random --vary "$axes" --family all --seed "$seed" --start "$plan" --count 1 \
    --variants 1 "${formats[@]}" --out "$work/one" 2> /dev/null
  cp "$work/one/$stem".{txt,aligned.txt,txt.expected.json,layout.json} "$out/"
  [ -f "$work/one/$stem.pdf" ] && cp "$work/one/$stem.pdf" "$out/"
  kept[family]=$((kept[family] + 1))
done
echo "wrote $(ls "$out"/plan-*.layout.json | wc -l) layouts to $out ($(du -sh "$out" | cut -f1))" >&2
