#!/usr/bin/env bash
# How well piano reads the layout space: the same generated plans written in
# layouts drawn at random along independent axes (column order, empty
# columns, header placement and shape, header wording, numbering or budget
# codes, weights, dues, heading style, field labels or budget headings,
# blank rows, page breaks, and each family's own: card openers, card field
# cells and phase numbers, a matrix's head order and total rows, a report's
# achievement forms; see crates/piano-corpus/src/layout/), in every family
# (struttura-table, code-table, objective-cards, weight-matrix,
# results-report), as tab-separated text and as space-aligned dumps (and
# PDFs when asked). To run by hand (too slow for CI; CI reads the sample
# of fixtures/layouts/, see scripts/layout-fixtures.sh).
#
# piano-corpus writes COUNT layouts (seed SEED), each with its expected plan
# and a sidecar naming the axes drawn and the fields they rewrite; each dump
# is read by `piano extract --quiet --include-staff` and scored with
# ../shared/tools/score.py --no-raw, the rewritten fields (objectives_label,
# code; kind and due raw are not scored) left out of both plans, as the
# contract's scoring across layouts
# says. Prints the F1 distribution per format, the share of layouts reaching
# F1 0.99 for every value of every axis (the values that break reading come
# first) and the worst layouts with their axes.
#
# Needs: cargo, python3 and ../shared/tools/score.py beside the checkout.
# Temporary files: a mktemp -d folder under $TMPDIR (/tmp), removed at the
# end unless KEEP=1 (then its path is printed).
#
# Usage: scripts/layout-space.sh [COUNT] [SEED]          (default 200 1)
#        FORMATS="tab aligned" PDFS=50 VARY=1 JOBS=8 WORST=15 scripts/layout-space.sh 300 7
# FAMILY=struttura-table|code-table|objective-cards|weight-matrix|results-report|all
# (default all: the families in turn).
# GROUP_BY="family draft.phases" splits the tables by the values of the
# sidecar axes named (default "family").
# PDFS=N also writes the first N layouts as PDFs (bordered tables, read by
# piano's own PDF reader). VARY=K draws only K axes per layout, the others
# left canonical (default: all of them, 10 to 20 by family), so that VARY=1
# shows each axis alone.
set -euo pipefail

count=${1:-200}
seed=${2:-1}
formats=${FORMATS:-tab aligned}
jobs=${JOBS:-$(nproc 2> /dev/null || echo 4)}
worst=${WORST:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
score="$root/../shared/tools/score.py"
[ -f "$score" ] || { echo "no $score: this check needs ../shared beside the checkout" >&2; exit 1; }

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p piano-cli -p piano-corpus
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then
  echo "keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

format_args=()
for format in $formats; do format_args+=(--format "$format"); done
"$root/target/release/piano-corpus" --layouts random --vary "${VARY:-99}" --family "${FAMILY:-all}" --seed "$seed" --count "$count" \
  --variants 1 "${format_args[@]}" --out "$work" 2> /dev/null
if [ "${PDFS:-0}" -gt 0 ]; then
  "$root/target/release/piano-corpus" --layouts random --vary "${VARY:-99}" --family "${FAMILY:-all}" --seed "$seed" \
    --count "$PDFS" --variants 1 --format pdf --out "$work" 2> /dev/null
fi

python3 - "$work" "$root/target/release/piano" "$score" "$jobs" "$worst" "${GROUP_BY:-family}" <<'PY'
import collections, concurrent.futures, glob, json, os, subprocess, sys

work, piano, score, jobs, worst = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
group_by = sys.argv[6].split()


def group(sidecar):
    """The group a layout's tables go in: its values of the GROUP_BY axes."""
    return " ".join(sidecar["axes"].get(axis, "?") for axis in group_by)


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


def run(expected_path):
    dump = expected_path[: -len(".expected.json")]
    stem = os.path.basename(dump).split(".")[0]
    fmt = "pdf" if dump.endswith(".pdf") else ("aligned" if dump.endswith(".aligned.txt") else "tab")
    sidecar = json.load(open(os.path.join(work, stem + ".layout.json")))
    got = subprocess.run([piano, "extract", "--quiet", "--include-staff", dump],
                         capture_output=True, text=True)
    try:
        got_plan = json.loads(got.stdout)
    except ValueError:
        return stem, fmt, 0.0, sidecar, "no plan (exit %d)" % got.returncode
    rewrites = set(sidecar["rewrites"])
    gold_file, got_file = dump + ".gold.json", dump + ".got.json"
    json.dump(without(json.load(open(expected_path)), rewrites), open(gold_file, "w"))
    json.dump(without(got_plan, rewrites), open(got_file, "w"))
    scored = subprocess.run(["python3", score, gold_file, got_file, "--no-raw", "--show", "3"],
                            capture_output=True, text=True).stdout.strip().splitlines()
    f1 = 0.0
    if scored and scored[-1].startswith("f1="):
        f1 = float(scored[-1].split()[0][3:])
    misses = "; ".join([line for line in scored[:-1] if line.startswith(("MISS", "EXTRA"))]
                       + [" ".join(line.split()) for line in scored[:-1] if line.startswith("field")])
    return stem, fmt, f1, sidecar, misses


paths = sorted(glob.glob(os.path.join(work, "*.expected.json")))
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    results = list(pool.map(run, paths))


def band(f1):
    return ">=0.99" if f1 >= 0.99 else ("0.95-0.99" if f1 >= 0.95 else "<0.95")


fmts = sorted({r[1] for r in results})
families = sorted({group(r[3]) for r in results})
print("F1 distribution (%d layouts)" % len({r[0] for r in results}))
for family in families:
    for fmt in fmts:
        rows = [r for r in results if r[1] == fmt and group(r[3]) == family]
        if not rows:
            continue
        bands = collections.Counter(band(r[2]) for r in rows)
        mean = sum(r[2] for r in rows) / len(rows)
        print("  %-28s %-8s n=%4d  mean %.4f  >=0.99: %4d (%5.1f%%)  0.95-0.99: %4d  <0.95: %4d" % (
            family, fmt, len(rows), mean, bands[">=0.99"], 100.0 * bands[">=0.99"] / len(rows),
            bands["0.95-0.99"], bands["<0.95"]))

by_axis = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(list)))
for stem, fmt, f1, sidecar, _ in results:
    family = group(sidecar)
    for axis, value in sidecar["axes"].items():
        if axis not in group_by and axis != "column_order.columns":
            by_axis[(family, axis)][value][fmt].append(f1)
for family in families:
    print("\nPer axis value, %s: layouts, share with F1 >= 0.99, mean F1 (worst share first)" % family)
    print("  %-22s %-30s %s" % ("axis", "value", "  ".join("%-20s" % f for f in fmts)))
    for axis in sorted(a for f, a in by_axis if f == family):
        values = by_axis[(family, axis)]

        def share(value):
            all_f1 = [f for fl in values[value].values() for f in fl]
            return sum(f >= 0.99 for f in all_f1) / len(all_f1)
        for value in sorted(values, key=lambda v: (share(v), v)):
            cells = []
            for fmt in fmts:
                f1s = values[value].get(fmt, [])
                good = sum(f >= 0.99 for f in f1s)
                cells.append("%4d %5.1f%% %6.3f" % (
                    len(f1s), 100.0 * good / len(f1s) if f1s else 0.0,
                    sum(f1s) / len(f1s) if f1s else 0.0))
            print("  %-22s %-30s %s" % (axis, value[:30], "  ".join("%-20s" % c for c in cells)))

print("\nWorst %d" % worst)
for stem, fmt, f1, sidecar, misses in sorted(results, key=lambda r: (r[2], r[0], r[1]))[:worst]:
    axes = sidecar["axes"]
    varied = " ".join("%s=%s" % (k, axes.get(k)) for k in sidecar.get("varied", []))
    shown = " ".join("%s=%s" % (k, v) for k, v in sorted(axes.items()) if not k.startswith("wording.")
                     and k != "column_order.columns")
    words = " ".join("%s=%r" % (k[8:], v) for k, v in sorted(axes.items()) if k.startswith("wording."))
    print("  %.4f %s %s  varied: %s\n      %s columns=%s\n      words: %s\n      %s" % (
        f1, stem, fmt, varied or "(none: the canonical layout)", shown,
        axes.get("column_order.columns"), words, misses[:300]))
PY
