#!/usr/bin/env bash
# Pages per second and peak memory of `piano text` against `pdftotext -layout`
# (poppler) on the same PDFs, in one run, one thread each.
#
# The inputs are the producer fixtures of fixtures/pdf/ repeated with qpdf into
# plan-sized documents (about 300 pages each), so that start-up costs do not
# dominate. Needs: cargo, qpdf, pdftotext, pdfinfo; hyperfine if available
# (otherwise a plain loop of runs), GNU time at /usr/bin/time for peak memory.
#
# Usage: scripts/bench-pdf.sh [RUNS]    (default 10)
set -euo pipefail

runs="${1:-10}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli
piano="$root/target/release/piano"

# shellcheck source=long-pdfs.sh
source "$root/scripts/long-pdfs.sh"

seconds_per_run() { # COMMAND...: mean wall seconds over $runs runs
    if command -v hyperfine > /dev/null; then
        hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/h.json" \
            "$*" > /dev/null
        python3 -c "import json;print(json.load(open('$work/h.json'))['results'][0]['mean'])"
    else
        local start end
        start=$(date +%s.%N)
        for _ in $(seq "$runs"); do "$@" > /dev/null; done
        end=$(date +%s.%N)
        echo "($end - $start) / $runs" | bc -l
    fi
}

peak_kb() { /usr/bin/time -f %M "$@" 2>&1 > /dev/null | tail -1; }

printf '| input | pages | piano pages/s | pdftotext -layout pages/s | ratio | piano peak RSS | pdftotext peak RSS |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for name in libreoffice chromium; do
    pdf="$work/$name.pdf"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    ours=$(seconds_per_run "$piano" text "$pdf")
    theirs=$(seconds_per_run pdftotext -layout "$pdf" /dev/null)
    printf '| %s | %d | %.0f | %.0f | %.2f | %d MB | %d MB |\n' "$name" "$pages" \
        "$(echo "$pages / $ours" | bc -l)" "$(echo "$pages / $theirs" | bc -l)" \
        "$(echo "$theirs / $ours" | bc -l)" \
        "$(( $(peak_kb "$piano" text "$pdf") / 1024 ))" \
        "$(( $(peak_kb pdftotext -layout "$pdf" /dev/null) / 1024 ))"
done
