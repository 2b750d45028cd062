#!/usr/bin/env bash
# How well piano reads plans as offices publish them (issue 10): COUNT
# layouts of the layout space (seed SEED, every family in turn), written by
# piano-corpus as HTML with real tables in an office look drawn at random
# (borders on or off, Word's equal column widths or widths fitted to the
# content), rendered to PDF the ways offices make them by
# scripts/office-render.sh (a Word document exported by LibreOffice, as
# PDF and as PDF/A-2b; the HTML exported by LibreOffice and printed by
# Chromium), each PDF read by `piano extract --quiet --include-staff` and
# scored against its layout's expected plan with ../shared/tools/score.py
# --no-raw, the fields the layout rewrites (objectives_label, code) left
# out of both plans, as scripts/layout-space.sh scores dumps. Beside
# them, as baselines, the same layouts as a tab-separated dump (`tab`: what
# the layout costs without any PDF) and as piano-corpus's own PDF
# (`corpus-pdf`: bordered tables drawn by our writer).
#
# Prints the distribution of field F1 per renderer and per family (share
# reaching 0.99, mean, bands), the share per value of the axes that
# matter most to office PDFs, and the worst WORST layouts with their
# varied axes and what was missed. The worst are copied to WORST_DIR
# (default /tmp/office-worst: per layout its HTML, Word document, PDF,
# expected plan, sidecar, the plan piano read and the score's lines) so
# that each can be reproduced alone.
#
# Needs: cargo, python3, soffice, chromium and ../shared/tools/score.py
# beside the checkout. Temporary files: a mktemp -d folder, removed at the
# end unless KEEP=1 (then its path is printed). REUSE=DIR scores the PDFs
# of a folder kept so again (after a change to piano), rendering nothing.
#
# Usage: scripts/office-pdfs.sh [COUNT] [SEED]        (default 300 1)
#        RENDERERS="docx-lo html-chromium" VARY=1 JOBS=2 WORST=10 scripts/office-pdfs.sh 100 7
set -euo pipefail

count=${1:-300}
seed=${2:-1}
jobs=${JOBS:-2}
worst=${WORST:-10}
worst_dir=${WORST_DIR:-/tmp/office-worst}
root=$(cd "$(dirname "$0")/.." && pwd)
score="$root/../shared/tools/score.py"
[ -f "$score" ] || { echo "no $score: this check needs ../shared beside the checkout" >&2; exit 1; }

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli -p piano-corpus
if [ -n "${REUSE:-}" ]; then
  work=$REUSE
else
  work=$(mktemp -d)
  if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $work (score it again with REUSE=$work)" >&2
  else
    trap 'rm -rf "$work"' EXIT
  fi
  "$root/target/release/piano-corpus" --layouts random --vary "${VARY:-99}" --family "${FAMILY:-all}" \
    --seed "$seed" --count "$count" --variants 1 --format tab --format pdf --format html \
    --out "$work/layouts" 2> /dev/null
  start=$SECONDS
  JOBS=$jobs "$root/scripts/office-render.sh" "$work/layouts" "$work/layouts"
  echo "rendered $count layouts in $((SECONDS - start)) s" >&2
fi

python3 - "$work/layouts" "$root/target/release/piano" "$score" "$jobs" "$worst" "$worst_dir" <<'PY'
import collections, concurrent.futures, glob, json, os, re, shutil, subprocess, sys

work, piano, score, jobs, worst, worst_dir = sys.argv[1:7]
jobs, worst = int(jobs), int(worst)


def without(plan, rewrites):
    """The plan with the fields its layout rewrites left out."""
    for structure in plan.get("structures") or []:
        if "objectives_label" in rewrites:
            structure["objectives_label"] = None
        for objective in structure.get("objectives") or []:
            for row in [objective] + list(objective.get("phases") or []):
                if "code" in rewrites:
                    row.pop("code", None)
    return plan


def run(pdf):
    name = os.path.basename(pdf)
    stem, renderer = name.split(".")[0], name.split(".")[1]
    renderer = {"txt": "tab", "pdf": "corpus-pdf"}.get(renderer, renderer)
    sidecar = json.load(open(os.path.join(work, stem + ".layout.json")))
    got = subprocess.run([piano, "extract", "--quiet", "--include-staff", pdf],
                         capture_output=True, text=True)
    try:
        got_plan = json.loads(got.stdout)
    except ValueError:
        return name, stem, renderer, 0.0, sidecar, ["no plan (exit %d)" % got.returncode]
    rewrites = set(sidecar["rewrites"])
    gold = without(json.load(open(os.path.join(work, stem + ".txt.expected.json"))), rewrites)
    gold_file, got_file = pdf + ".gold.json", pdf + ".got.json"
    json.dump(gold, open(gold_file, "w"))
    json.dump(without(got_plan, rewrites), open(got_file, "w"))
    scored = subprocess.run(["python3", score, gold_file, got_file, "--no-raw", "--show", "8"],
                            capture_output=True, text=True).stdout.strip().splitlines()
    f1 = 0.0
    if scored and scored[-1].startswith("f1="):
        f1 = float(scored[-1].split()[0][3:])
    return name, stem, renderer, f1, sidecar, scored


pdfs = sorted(glob.glob(os.path.join(work, "plan-*.pdf")) + glob.glob(os.path.join(work, "plan-*.txt")))
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    results = list(pool.map(run, pdfs))


def line(label, rows):
    f1s = [r[3] for r in rows]
    good = sum(f >= 0.99 for f in f1s)
    mid = sum(0.95 <= f < 0.99 for f in f1s)
    print("  %-34s n=%4d  >=0.99: %4d (%5.1f%%)  mean %.4f  0.95-0.99: %4d  <0.95: %4d" % (
        label, len(f1s), good, 100.0 * good / len(f1s), sum(f1s) / len(f1s), mid, len(f1s) - good - mid))


renderers = sorted({r[2] for r in results})
families = sorted({r[4]["family"] for r in results})
print("Field F1 of office PDFs (%d layouts, %d PDFs)" % (len({r[1] for r in results}), len(results)))
for renderer in renderers:
    line(renderer, [r for r in results if r[2] == renderer])
print("\nPer renderer and family")
for renderer in renderers:
    for family in families:
        rows = [r for r in results if r[2] == renderer and r[4]["family"] == family]
        if rows:
            line("%s %s" % (renderer, family), rows)
print("\nPer value of the axes office documents draw (the four office renderers)")
office = [r for r in results if r[2] not in ("tab", "corpus-pdf")]
for axis in ["office.borders", "office.widths", "office.cells", "header", "header_shape", "empty_column",
             "page_breaks", "blank_rows"]:
    values = collections.defaultdict(list)
    for r in office:
        values[r[4]["axes"].get(axis, "?")].append(r)
    for value in sorted(values):
        line("%s=%s" % (axis, value), values[value])

print("\nPer renderer and office look")
for renderer in renderers:
    looks = collections.defaultdict(list)
    for r in office:
        if r[2] == renderer:
            axes = r[4]["axes"]
            looks["borders=%s cells=%s" % (axes.get("office.borders"), axes.get("office.cells"))].append(r)
    for look in sorted(looks):
        line("%s %s" % (renderer, look), looks[look])

print("\nWorst %d (copied to %s)" % (worst, worst_dir))
shutil.rmtree(worst_dir, ignore_errors=True)
os.makedirs(worst_dir)
for name, stem, renderer, f1, sidecar, scored in sorted(office, key=lambda r: (r[3], r[0]))[:worst]:
    axes = sidecar["axes"]
    varied = " ".join("%s=%s" % (k, axes.get(k)) for k in sidecar.get("varied", []))
    print("  %.4f %s  %s\n      varied: %s" % (f1, name, sidecar["family"], varied or "(none)"))
    fields = []
    for text in scored:
        found = re.match(r"field (\S+)\s+(\d+)/\s*(\d+)", text)
        if found:
            fields.append((int(found[3]) - int(found[2]), found[1], "%s/%s" % (found[2], found[3])))
    print("      missed: " + ", ".join("%s %s" % (f[1], f[2]) for f in sorted(fields, reverse=True)[:6]))
    for text in [line for line in scored if line.startswith(("EXTRA", "f1="))]:
        print("      " + text[:160])
    for suffix in [".html", ".docx", ".txt", ".txt.expected.json", ".layout.json"]:
        if os.path.exists(os.path.join(work, stem + suffix)):
            shutil.copy(os.path.join(work, stem + suffix), worst_dir)
    for suffix in ["", ".got.json", ".gold.json"]:
        if os.path.exists(os.path.join(work, name + suffix)):
            shutil.copy(os.path.join(work, name + suffix), worst_dir)
    with open(os.path.join(worst_dir, name + ".score.txt"), "w") as out:
        out.write("\n".join(scored) + "\n")
PY
