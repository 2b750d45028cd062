#!/usr/bin/env python3
"""The per-page costs docs/python.md sizes a national archive from, measured
through the Python module as a Dask or Spark worker runs it: CPU seconds
(of this process and its tesseract children), which on a dedicated core are
about the wall time, and on a shared machine the figure that holds.

- PDF and text: `piano.batch(jobs=1)` over the fixtures, pages from the plans;
- scans: `piano.extract` on fixtures/ocr/*, OCR one thread per page.

Usage: scripts/test-python.sh builds target/python-venv; then
`OMP_THREAD_LIMIT=1 target/python-venv/bin/python scripts/python-costs.py`.
"""

import json
import resource
import tempfile
from pathlib import Path

import piano

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def batch_costs(suffix: str) -> None:
    paths = sorted(str(p) for p in FIXTURES.rglob(f"*{suffix}") if "ocr" not in p.parts)
    with tempfile.TemporaryDirectory() as out:
        started = cpu_seconds()
        report = piano.batch(paths, out, jobs=1, formats=["json"])
        spent = cpu_seconds() - started
        pages = sum(
            json.loads((Path(out) / "plans" / f"{e['plan_id']}.json").read_text())["source"]["pages"] or 0
            for e in report["inputs"]
            if e.get("plan_id") and e["status"] != "duplicate"
        )
    inputs = report["totals"]["inputs"]
    print(f"{suffix}: {inputs} inputs, {pages} pages, {spent:.2f} CPU-s: "
          f"{inputs / spent:.0f} plans/CPU-s" + (f", {pages / spent:.0f} pages/CPU-s" if pages else ""))


def ocr_costs() -> None:
    for path in sorted((FIXTURES / "ocr").glob("*.*")):
        if path.suffix.lower() not in {".png", ".tif", ".tiff", ".jpg", ".jpeg"}:
            continue
        started = cpu_seconds()
        plan = piano.extract(path)
        spent = cpu_seconds() - started
        pages = plan["source"]["pages"]
        print(f"{path.name}: {pages} pages, {spent:.2f} CPU-s: {spent / pages:.2f} CPU-s/page")


if __name__ == "__main__":
    batch_costs(".pdf")
    batch_costs(".txt")
    ocr_costs()
