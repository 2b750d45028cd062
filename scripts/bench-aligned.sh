#!/usr/bin/env bash
# Issue 9's speed criteria for space-aligned dumps, measured in one run:
#
# 1. Text: the same synthetic plans read from tab-separated dumps and from
#    space-aligned dumps, `piano batch DIR --out OUT -q -j 1` on each set
#    (one thread: the per-core figure), MB of input per CPU-second (user +
#    system) and plans per CPU-second, and the ratio aligned / tab.
#    The plans: piano-corpus --seed 2028 --count 1000 --pdf writes each plan as
#    a tab-separated dump and as a PDF. Two aligned sets are made of them:
#    - `layout`: `pdftotext -layout` of the generated PDFs (what the issue
#      asks piano to read: page breaks, running lines, wrapped cells);
#    - `padded`: the tab dumps with each run of tab-separated lines (a table,
#      or a label/value block) padded to columns two spaces apart by a small
#      python step below (same lines as the tab set, no wrapping).
#    The three sets are interleaved in hyperfine's order (tab, layout, padded)
#    and each run starts from an empty output folder.
# 2. PDF: `piano text` pages/s against `pdftotext -layout` on the same PDFs,
#    first by scripts/bench-pdf.sh itself (current binary), then, when a
#    BEFORE commit is given (default e6726d9, the commit before the rebuild
#    moved into crates/piano-table), the binary of that commit and the current
#    one and pdftotext in runs alternating one after the other, user + system
#    time per run, so that load which comes and goes hits all three alike.
#    The BEFORE binary is built in a git worktree under $work (removed at the
#    end) with its own target folder, $BEFORE_TARGET (default
#    /tmp/piano-bench-before-target, kept so that a second run builds little).
#
# Needs: cargo, pdftotext, pdfinfo, qpdf, hyperfine, GNU time at /usr/bin/time,
# python3, git. Temporary files: a mktemp -d folder under $TMPDIR (/tmp).
#
# Usage: scripts/bench-aligned.sh [RUNS]          (default 5)
#        BEFORE= scripts/bench-aligned.sh          (skip the before/after PDF part)
#        BEFORE=<commit> scripts/bench-aligned.sh  (another commit to compare with)
set -euo pipefail

runs="${1:-5}"
before="${BEFORE-e6726d9}"
before_target="${BEFORE_TARGET:-/tmp/piano-bench-before-target}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
cleanup() {
    if [ -d "$work/before" ]; then
        git -C "$root" worktree remove --force "$work/before" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli -p piano-corpus
piano="$root/target/release/piano"
corpus="$root/target/release/piano-corpus"
echo "piano at $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- crates Cargo.toml Cargo.lock || echo ' (crates/ modified in the working tree)')"

# ---- 1. the same plans, tab-separated and space-aligned ----
"$corpus" --seed 2028 --count 1000 --out "$work/gen" --pdf 2> /dev/null
mkdir -p "$work/tab" "$work/layout" "$work/padded" "$work/pdfs"
mv "$work/gen"/*.txt "$work/tab/"
mv "$work/gen"/*.pdf "$work/pdfs/"
for f in "$work/pdfs"/*.pdf; do
    name="$(basename "$f" .pdf)"
    pdftotext -layout -enc UTF-8 "$f" "$work/layout/$name.txt"
done
python3 - "$work/tab" "$work/padded" <<'PY'
# Pads each run of consecutive tab-separated lines to columns: every cell as
# wide as the widest in its column within the run, columns two spaces apart.
# Lines without tabs (headings, prose, blank lines) are copied as they are.
import pathlib, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])

def pad(block):
    rows = [line.split("\t") for line in block]
    widths = {}
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths.get(i, 0), len(cell))
    out = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row)]
        out.append("  ".join(cells).rstrip())
    return out

for path in sorted(src.glob("*.txt")):
    lines, block, out = path.read_text(encoding="utf-8").split("\n"), [], []
    for line in lines:
        if "\t" in line:
            block.append(line)
            continue
        out += pad(block)
        block = []
        out.append(line)
    out += pad(block)
    (dst / path.name).write_text("\n".join(out), encoding="utf-8")
PY

mb_of() { python3 -c "import sys;print(sum(__import__('os').path.getsize(p) for p in sys.argv[1:]) / 1e6)" "$1"/*.txt; }
tab_mb=$(mb_of "$work/tab")
layout_mb=$(mb_of "$work/layout")
padded_mb=$(mb_of "$work/padded")

# Which route each set took: the aligned route says so in a columns-rebuilt diagnostic.
routed() { # DIR: how many of its first 20 files piano reads as space-aligned
    local n=0 f
    for f in $(ls "$1"/*.txt | head -20); do
        if "$piano" check "$f" 2> /dev/null | grep -q columns-rebuilt; then n=$((n + 1)); fi
    done
    echo "$n/20"
}
echo "aligned route taken (first 20 files): tab $(routed "$work/tab"), layout $(routed "$work/layout"), padded $(routed "$work/padded")"

batch() { echo "$piano batch $work/$1 --out $work/out -q -j 1"; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
hyperfine --style none --warmup 1 --runs "$runs" --prepare "rm -rf $work/out" \
    --export-json "$work/text.json" -n tab "$(batch tab)" -n layout "$(batch layout)" \
    -n padded "$(batch padded)" > /dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Read back against the plans generated: the tab and padded sets against the
# tab dumps' expected JSON, the layout set against the PDFs' (pdftotext keeps
# the PDF's line breaks in prose). plan_id and source.sha256 always differ
# for the two aligned sets (other bytes), so their plans never match whole;
# the counts of the fields that differ most say how well they were read.
mkdir -p "$work/gold-tab" "$work/gold-pdf"
for f in "$work/gen"/*.txt.expected.json; do ln -s "$f" "$work/gold-tab/"; done
for f in "$work/gen"/*.pdf.expected.json; do
    ln -s "$f" "$work/gold-pdf/$(basename "$f" .pdf.expected.json).txt.expected.json"
done
for set in tab layout padded; do
    gold=gold-tab
    [ "$set" = layout ] && gold=gold-pdf
    rm -rf "$work/out"
    "$piano" batch "$work/$set" --out "$work/out" -q --include-staff || true
    "$corpus" compare --corpus "$work/$gold" --batch "$work/out" --show 0 > "$work/compare-$set" || true
    echo "$set read back against the generator: $(tail -1 "$work/compare-$set"); fields differing most (plan_id, sha256, lines, page aside):"
    grep -E '^ +[0-9]+  ' "$work/compare-$set" | grep -vE 'plan_id|sha256|lines|page' | head -5 || true
done

python3 - "$work/text.json" "$tab_mb" "$layout_mb" "$padded_mb" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
mb = dict(zip(["tab", "layout", "padded"], map(float, sys.argv[2:5])))
cpu = {k: r["user"] + r["system"] for k, r in results.items()}
print()
print("1,000 plans (piano-corpus seed 2028), piano batch -j 1, mean CPU time (user + system), median wall")
print()
print("| input set | MB | wall (median) | CPU s | MB/s per CPU-second | plans per CPU-second | CPU time / tab's |")
print("|---|---:|---:|---:|---:|---:|---:|")
for k in ["tab", "layout", "padded"]:
    print(f"| {k} | {mb[k]:.1f} | {results[k]['median']:.2f} s | {cpu[k]:.2f} | {mb[k] / cpu[k]:.1f} | {1000 / cpu[k]:.0f} | {cpu[k] / cpu['tab']:.2f} |")
print()
for k in ["layout", "padded"]:
    print(f"{k} / tab: MB/s per CPU-second {mb[k] / cpu[k] / (mb['tab'] / cpu['tab']):.2f}, plans per CPU-second {cpu['tab'] / cpu[k]:.2f}")
PY
echo "load average before / after the timed text runs: $load_before / $load_after"

# ---- 2. PDF pages/s against pdftotext -layout ----
echo
echo "scripts/bench-pdf.sh $runs (current binary, blocks of runs):"
"$root/scripts/bench-pdf.sh" "$runs"

[ -n "$before" ] || exit 0
git -C "$root" worktree add --detach --quiet "$work/before" "$before"
CARGO_TARGET_DIR="$before_target" \
    cargo build --release --quiet --manifest-path "$work/before/Cargo.toml" -p piano-cli
old="$before_target/release/piano"

# The same long PDFs as scripts/bench-pdf.sh.
# shellcheck source=long-pdfs.sh
source "$root/scripts/long-pdfs.sh"

alternate() { # PDF: runs of (before, now, pdftotext) one after the other; prints CPU and wall per run
    local pdf="$1" i
    "$old" text "$pdf" > /dev/null
    "$piano" text "$pdf" > /dev/null
    pdftotext -layout "$pdf" /dev/null
    for i in $(seq $((runs * 2))); do
        /usr/bin/time -f "before %U %S %e" -a -o "$work/alt" "$old" text "$pdf" > /dev/null
        /usr/bin/time -f "now %U %S %e" -a -o "$work/alt" "$piano" text "$pdf" > /dev/null
        /usr/bin/time -f "pdftotext %U %S %e" -a -o "$work/alt" pdftotext -layout "$pdf" /dev/null
    done
}
echo
echo "before ($before, $old) against now, $((runs * 2)) alternating runs each, median user + system CPU time:"
echo
echo "| input | pages | before pages/s | now pages/s | pdftotext pages/s | before / pdftotext | now / pdftotext | now / before |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for name in libreoffice chromium; do
    rm -f "$work/alt"
    alternate "$work/$name.pdf"
    pages=$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ {print $2}')
    python3 - "$work/alt" "$name" "$pages" <<'PY'
import statistics, sys
cpu = {}
for line in open(sys.argv[1]):
    who, user, system, _wall = line.split()
    cpu.setdefault(who, []).append(float(user) + float(system))
m = {k: statistics.median(v) for k, v in cpu.items()}
pages = int(sys.argv[3])
print(f"| {sys.argv[2]} | {pages} | {pages / m['before']:.0f} | {pages / m['now']:.0f} | {pages / m['pdftotext']:.0f} "
      f"| {m['pdftotext'] / m['before']:.2f} | {m['pdftotext'] / m['now']:.2f} | {m['before'] / m['now']:.2f} |")
PY
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
