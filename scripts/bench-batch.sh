#!/usr/bin/env bash
# Files per second and peak memory of the whole `piano batch` command over
# generated corpora, with 1 and 2 threads, and the same PDFs through
# `pdftotext -layout` (poppler) in the same run as the peer.
#
# Corpora (piano-corpus, fixed seeds): 1,000 text plans, 200 PDF plans.
# The text plans' peer is awk splitting the same files on tabs.
# Every run starts from an empty output folder (hyperfine --prepare) and
# writes everything: plans/*.json, the CSV tables, plans.ndjson, report.json.
# Wall time (median) gives files/s and speed-ups; CPU time (user + system,
# mean) gives MB of input per CPU-second, which stays meaningful on a shared
# machine where other jobs take cores away (the load average is printed).
# The 2-thread speed-up is also measured with -j 1 and -j 2 runs alternating,
# so that load which comes and goes hits both alike.
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

measure() { # COMMAND: "median-wall-seconds mean-cpu-seconds" over $runs runs, output folder emptied before each
    if command -v hyperfine > /dev/null; then
        hyperfine --style none --warmup 1 --runs "$runs" --prepare "rm -rf $work/out" \
            --export-json "$work/h.json" "$1" > /dev/null
        python3 -c "import json;r=json.load(open('$work/h.json'))['results'][0];print(r['median'], r['user'] + r['system'])"
    else
        local times=()
        for _ in $(seq "$runs"); do
            rm -rf "$work/out"
            /usr/bin/time -f '%e %U %S' -o "$work/t" sh -c "$1" > /dev/null
            times+=("$(awk '{print $1, $2 + $3}' "$work/t")")
        done
        printf '%s\n' "${times[@]}" | sort -g | awk '{w[NR]=$1; c+=$2} END {print w[int((NR+1)/2)], c/NR}'
    fi
}

peak_mb() { # COMMAND...: peak resident memory in MB
    rm -rf "$work/out"
    /usr/bin/time -v "$@" 2>&1 > /dev/null | awk '/Maximum resident set size/ {printf "%.0f", $6 / 1024}'
}

batch() { echo "$piano batch $1 --out $work/out -q -j $2"; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
text1=$(measure "$(batch "$work/text" 1)")
text2=$(measure "$(batch "$work/text" 2)")
pdf1=$(measure "$(batch "$work/pdf" 1)")
pdf2=$(measure "$(batch "$work/pdf" 2)")
peer1=$(measure "for f in $work/pdf/*.pdf; do pdftotext -layout \$f /dev/null; done")
peer2=$(measure "ls $work/pdf/*.pdf | xargs -P 2 -I{} pdftotext -layout {} /dev/null")
awk1=$(measure "awk -F'\t' '{cells += NF} END {print cells}' $work/text/*.txt")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
mem100=$(peak_mb "$piano" batch "$work/text100" --out "$work/out" -q)
mem1000=$(peak_mb "$piano" batch "$work/text" --out "$work/out" -q)

rm -rf "$work/out"
"$piano" batch "$work/text" --out "$work/out" -q --include-staff || true
matching=$("$corpus" compare --corpus "$work/text" --batch "$work/out" | tail -1)

interleaved() { # CMD1 CMD2: median wall of CMD1 over median of CMD2, runs alternating
    local one=() two=()
    for _ in $(seq "$runs"); do
        for which in 1 2; do
            rm -rf "$work/out"
            local cmd="$1"
            [ "$which" = 2 ] && cmd="$2"
            /usr/bin/time -f '%e' -o "$work/t" sh -c "$cmd" > /dev/null
            if [ "$which" = 1 ]; then one+=("$(cat "$work/t")"); else two+=("$(cat "$work/t")"); fi
        done
    done
    python3 -c "import statistics as s,sys;a,b=sys.argv[1].split(),sys.argv[2].split();print('%.2f' % (s.median(map(float,a))/s.median(map(float,b))))" "${one[*]}" "${two[*]}"
}
text_pairs=$(interleaved "$(batch "$work/text" 1)" "$(batch "$work/text" 2)")
pdf_pairs=$(interleaved "$(batch "$work/pdf" 1)" "$(batch "$work/pdf" 2)")
peer_pairs=$(interleaved "for f in $work/pdf/*.pdf; do pdftotext -layout \$f /dev/null; done" \
    "ls $work/pdf/*.pdf | xargs -P 2 -I{} pdftotext -layout {} /dev/null")

# shellcheck disable=SC2086 # each measurement is two numbers
python3 - $text1 $text2 $pdf1 $pdf2 $peer1 $peer2 $awk1 "$text_mb" "$pdf_mb" <<'EOF'
import sys
(t1, c_t1, t2, c_t2, p1, c_p1, p2, c_p2, q1, c_q1, q2, c_q2, a1, c_a1, text_mb, pdf_mb) = map(float, sys.argv[1:])
print(f"text: 1,000 plans, {text_mb:.1f} MB; PDF: 200 plans, {pdf_mb:.1f} MB; median wall time, mean CPU time (user + system)")
print()
print("| corpus | threads | piano batch files/s (wall) | MB/s of input per CPU-second | pdftotext -layout files/s (wall) | piano / pdftotext (wall) | piano / pdftotext (CPU) |")
print("|---|---:|---:|---:|---:|---:|---:|")
print(f"| 1,000 text plans | 1 | {1000/t1:.0f} | {text_mb/c_t1:.1f} | – | – | – |")
print(f"| 1,000 text plans | 2 | {1000/t2:.0f} | {text_mb/c_t2:.1f} | – | – | – |")
print(f"| 200 PDF plans | 1 | {200/p1:.0f} | {pdf_mb/c_p1:.1f} | {200/q1:.0f} | {q1/p1:.2f} | {c_q1/c_p1:.2f} |")
print(f"| 200 PDF plans | 2 | {200/p2:.0f} | {pdf_mb/c_p2:.1f} | {200/q2:.0f} | {q2/p2:.2f} | {c_q2/c_p2:.2f} |")
print()
print(f"text peer: awk splitting the same 1,000 files on tabs, {text_mb/c_a1:.0f} MB per CPU-second; piano batch -j 1 takes {c_t1/c_a1:.1f} times its CPU time")
print(f"2-thread speed-up (wall): text {t1/t2:.2f}x, PDF {p1/p2:.2f}x, pdftotext (the machine's own) {q1/q2:.2f}x")
print(f"CPU time of 2 threads over 1 (parallel overhead): text {c_t2/c_t1:.2f}, PDF {c_p2/c_p1:.2f}")
EOF
echo "2-thread speed-up, 1- and 2-thread runs alternating: text ${text_pairs}x, PDF ${pdf_pairs}x; pdftotext ${peer_pairs}x (near 2 only when both cores are free)"
echo "load average before / after the timed runs: $load_before / $load_after"
echo "peak memory (2 threads, text): 100 files ${mem100} MB, 1,000 files ${mem1000} MB"
echo "read back against the generator (1,000 text plans): $matching"
