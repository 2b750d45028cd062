#!/usr/bin/env bash
# Files per second and peak memory of the whole `piano batch` command over
# generated corpora, with 1 and 2 threads, and the same PDFs through
# `pdftotext -layout` (poppler) in the same run as the peer.
#
# Corpora (piano-corpus, fixed seeds): 1,000 text plans, 200 PDF plans.
# Every run starts from an empty output folder (hyperfine --prepare) and
# writes everything: plans/*.json, the CSV tables, plans.ndjson, report.json.
# Needs: cargo, pdftotext; hyperfine if available (otherwise a plain loop),
# GNU time at /usr/bin/time for peak memory, python3 for the arithmetic.
#
# Usage: scripts/bench-batch.sh [RUNS]    (default 5; medians are reported)
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli -p piano-corpus
piano="$root/target/release/piano"
corpus="$root/target/release/piano-corpus"

"$corpus" --seed 2026 --count 1000 --out "$work/text" 2> /dev/null
"$corpus" --seed 2027 --count 200 --out "$work/both" --pdf 2> /dev/null
mkdir -p "$work/pdf" "$work/text100"
mv "$work/both"/*.pdf "$work/pdf/"
cp "$work/text"/plan-000[0-9][0-9].txt "$work/text100/"

bytes_of() { cat "$1"/*."$2" | wc -c; }
text_mb=$(python3 -c "print($(bytes_of "$work/text" txt) / 1e6)")
pdf_mb=$(python3 -c "print($(bytes_of "$work/pdf" pdf) / 1e6)")

median_seconds() { # COMMAND: median wall seconds over $runs runs, output folder emptied before each
    if command -v hyperfine > /dev/null; then
        hyperfine --style none --warmup 1 --runs "$runs" --prepare "rm -rf $work/out" \
            --export-json "$work/h.json" "$1" > /dev/null
        python3 -c "import json;print(json.load(open('$work/h.json'))['results'][0]['median'])"
    else
        local times=()
        for _ in $(seq "$runs"); do
            rm -rf "$work/out"
            local start end
            start=$(date +%s.%N)
            sh -c "$1" > /dev/null
            end=$(date +%s.%N)
            times+=("$(python3 -c "print($end - $start)")")
        done
        printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
    fi
}

peak_mb() { # COMMAND...: peak resident memory in MB
    rm -rf "$work/out"
    /usr/bin/time -v "$@" 2>&1 > /dev/null | awk '/Maximum resident set size/ {printf "%.0f", $6 / 1024}'
}

batch() { echo "$piano batch $1 --out $work/out -q -j $2"; }
text1=$(median_seconds "$(batch "$work/text" 1)")
text2=$(median_seconds "$(batch "$work/text" 2)")
pdf1=$(median_seconds "$(batch "$work/pdf" 1)")
pdf2=$(median_seconds "$(batch "$work/pdf" 2)")
peer1=$(median_seconds "for f in $work/pdf/*.pdf; do pdftotext -layout \$f /dev/null; done")
peer2=$(median_seconds "ls $work/pdf/*.pdf | xargs -P 2 -I{} pdftotext -layout {} /dev/null")
mem100=$(peak_mb "$piano" batch "$work/text100" --out "$work/out" -q)
mem1000=$(peak_mb "$piano" batch "$work/text" --out "$work/out" -q)

rm -rf "$work/out"
"$piano" batch "$work/text" --out "$work/out" -q --include-staff || true
matching=$("$corpus" compare --corpus "$work/text" --batch "$work/out" | tail -1)

python3 - "$text1" "$text2" "$pdf1" "$pdf2" "$peer1" "$peer2" "$text_mb" "$pdf_mb" <<'EOF'
import sys
t1, t2, p1, p2, q1, q2, text_mb, pdf_mb = map(float, sys.argv[1:])
print(f"text: 1,000 plans, {text_mb:.1f} MB; PDF: 200 plans, {pdf_mb:.1f} MB; medians of the runs")
print()
print("| corpus | threads | piano batch files/s | MB/s of input per thread | pdftotext -layout files/s | piano / pdftotext |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| 1,000 text plans | 1 | {1000/t1:.0f} | {text_mb/t1:.1f} | – | – |")
print(f"| 1,000 text plans | 2 | {1000/t2:.0f} | {text_mb/t2/2:.1f} | – | – |")
print(f"| 200 PDF plans | 1 | {200/p1:.0f} | {pdf_mb/p1:.1f} | {200/q1:.0f} | {q1/p1:.2f} |")
print(f"| 200 PDF plans | 2 | {200/p2:.0f} | {pdf_mb/p2/2:.1f} | {200/q2:.0f} | {q2/p2:.2f} |")
print()
print(f"2-thread speed-up: text {t1/t2:.2f}x, PDF {p1/p2:.2f}x, pdftotext {q1/q2:.2f}x")
EOF
echo "peak memory (2 threads, text): 100 files ${mem100} MB, 1,000 files ${mem1000} MB"
echo "read back against the generator (1,000 text plans): $matching"
