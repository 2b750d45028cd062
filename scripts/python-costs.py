#!/usr/bin/env python3
"""The per-page costs docs/python.md sizes a national archive from, measured
through the Python module as a Dask or Spark worker runs it: CPU seconds
(of this process and its tesseract children), which on a dedicated core are
about the wall time, and on a shared machine the figure that holds.

- PDF and text: `piano.batch(jobs=1)` over the fixtures, pages from the plans;
- scans: `piano.extract` on fixtures/ocr/*, OCR one thread per page;
- threads: wall time of one Python thread reading the text fixture 40 times
  against two threads sharing the reads (the GIL is released while reading,
  so two cores should give about 2x; a busy machine gives less).

Usage: scripts/test-python.sh builds target/python-venv; then
`OMP_THREAD_LIMIT=1 target/python-venv/bin/python scripts/python-costs.py`.
"""

import json
import resource
import tempfile
import threading
import time
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


def read_plans(plan: bytes, count: int) -> None:
    for _ in range(count):
        piano.extract(plan, name="plan.txt")


def seconds_with_threads(plan: bytes, threads: int, reads: int) -> float:
    """Wall seconds for `threads` threads reading `reads` plans between them."""
    workers = [threading.Thread(target=read_plans, args=(plan, reads // threads)) for _ in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.perf_counter() - started


def thread_speedup() -> None:
    plan = (FIXTURES / "portoferraio-2021.txt").read_bytes()
    read_plans(plan, 2)  # warm up
    speedups = [seconds_with_threads(plan, 1, 40) / seconds_with_threads(plan, 2, 40) for _ in range(3)]
    print("two threads against one: " + ", ".join(f"{s:.2f}x" for s in speedups))


if __name__ == "__main__":
    batch_costs(".pdf")
    batch_costs(".txt")
    ocr_costs()
    thread_speedup()
