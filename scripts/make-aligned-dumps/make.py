#!/usr/bin/env python3
"""Makes the space-aligned text dumps of fixtures/aligned/ (issue 9) and their
manifest, from the committed fixture PDFs and from the HTML those PDFs were
rendered from.

Producers (see README.md beside this script for versions):
  pdftotext-layout   `pdftotext -layout PDF OUT` of every fixture PDF with a gold
  w3m-200            `w3m -dump -cols 200` of every HTML
  lynx-200, -250     `lynx -dump -nolist -width=200` (or 250, 300) of every HTML whose
                     tables lynx can lay out in columns (see LYNX_WIDTHS)
  w3m-120            `w3m -dump -cols 120` of the HTML of a few documents (NARROW)
  pandoc-plain       `pandoc -f html -t plain --columns 200` of a few (PANDOC)

The HTML is not copied here: it is written by the fixtures' own renderers
(scripts/make-pdf-fixtures/make.py, scripts/make-family-pdfs/{make,render}.py,
fixtures/held-out-2/make/render.py, fixtures/held-out-3/make/render.py), each
loaded in a fresh interpreter (`make.py html SET DIR`) because two of them are
modules named `render`. The held-out renderers are called with the arguments
their make-pdfs.sh gives them.

A dump whose bytes equal an earlier dump of the same document is not kept
(several HTML files differ only in CSS, which w3m and lynx ignore).

Usage:
  python3 scripts/make-aligned-dumps/make.py          # rewrite fixtures/aligned/
  python3 scripts/make-aligned-dumps/make.py check    # the committed dumps are what the tools write
"""

import importlib.util
import json
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ beside the renderers in the checkout

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
OUT = FIXTURES / "aligned"

# Folders whose PDFs have a gold `<plan>.expected.json` beside them.
PDF_FOLDERS = ["pdf", "families/*", "held-out-2", "held-out-3"]

# Held out from tuning besides every held-out-2 and held-out-3 document: one
# document of each family of fixtures/families.
HELD_OUT_FAMILY_DOCUMENTS = {
    "families/code-table/montevarchi-2022",
    "families/objective-cards/pescia-2023",
    "families/weight-matrix/poggibonsi-2022",
    "families/results-report/sansepolcro-2022",
}

# Documents (paths of their HTML under the temp dir, without `.html`) also
# dumped by the narrower w3m and by pandoc.
NARROW = {
    "pdf/portoferraio-2021.chromium",
    "families/code-table/fidenza-2023.chromium",
    "families/objective-cards/carpi-2022.chromium",
    "families/weight-matrix/codogno-2023.libreoffice",
    "families/results-report/faenza-2022.chromium",
    "held-out-2/jesi-2023.libreoffice",
    "held-out-2/fano-2022.chromium",
}
PANDOC = {
    "pdf/san-vincenzo-2023.chromium",
    "families/code-table/montevarchi-2022.libreoffice",
    "families/objective-cards/pescia-2023.libreoffice",
    "families/weight-matrix/poggibonsi-2022.chromium",
    "families/results-report/sansepolcro-2022.libreoffice",
    "families/piao/fucecchio-piao-2023.chromium",
    "held-out-2/legnago-2023.libreoffice",
    "held-out-2/vignola-2024.chromium",
    "held-out-2/pinerolo-2024.chromium",
}

def w3m(cols):
    return lambda html: ["w3m", "-dump", "-cols", str(cols), "-T", "text/html",
                         "-I", "UTF-8", "-O", "UTF-8", str(html)]


def lynx(width):
    return ["lynx", "-dump", f"-width={width}", "-nolist", "-display_charset=UTF-8",
            "-assume_charset=UTF-8"]


# lynx lays a table out in columns only when the whole table fits the width;
# otherwise it runs every row's cells together one space apart, which no
# reader can split again. Each HTML is dumped at the first of these widths at
# which lynx prints what it prints on a page wide enough for every table (lines
# compared without their leading spaces, since headings are centred); an HTML
# whose tables do not fit LYNX_WIDE columns (long cells: fixtures/pdf) is not
# dumped by lynx.
LYNX_WIDTHS = [200, 250, 300]
LYNX_WIDE = 1000


def lynx_dump(html):
    """(producer, text) of lynx's dump of html, or None when lynx cannot lay its tables out."""
    wide = run(lynx(LYNX_WIDE) + [str(html)]).decode("utf-8")
    if max(len(line.strip()) for line in wide.splitlines()) > LYNX_WIDE // 2:
        return None
    for width in LYNX_WIDTHS:
        text = run(lynx(width) + [str(html)])
        if lstripped(text.decode("utf-8")) == lstripped(wide):
            return f"lynx-{width}", text
    return None


def lstripped(text):
    return [line.lstrip() for line in text.splitlines()]


def simple(name, command):
    return lambda html: (name, run(command(html)))


# (producer, only these HTML keys or every one)
HTML_PRODUCERS = [
    (simple("w3m-200", w3m(200)), None),
    (lynx_dump, None),
    (simple("w3m-120", w3m(120)), NARROW),
    (simple("pandoc-plain", lambda html: ["pandoc", "-f", "html", "-t", "plain",
                                          "--columns=200", str(html)]), PANDOC),
]


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- HTML, one set per interpreter

def html_pdf(out):
    """fixtures/pdf: plan_html of make-pdf-fixtures for each of its STYLES, the
    plan being the committed gold the script wrote."""
    make = load(ROOT / "scripts/make-pdf-fixtures/make.py", "make_pdf_fixtures")
    for name, (plan, _producer, style) in make.STYLES.items():
        gold = json.loads((FIXTURES / "pdf" / f"{plan}.expected.json").read_text(encoding="utf-8"))
        write(out / "pdf" / f"{name}.html", make.plan_html(gold, style))


def html_families(out):
    """fixtures/families: the body make.py builds, in render.py's page."""
    folder = ROOT / "scripts/make-family-pdfs"
    sys.path.insert(0, str(folder))
    import make  # noqa: E402  (scripts/make-family-pdfs/make.py)
    import render  # noqa: E402  (scripts/make-family-pdfs/render.py)
    for doc in make.DOCUMENTS:
        target, _text, body, _gold = make.build(doc)
        style = render.STYLES[doc["name"]]
        relative = target.relative_to(FIXTURES)
        write(out / relative / f"{doc['name']}.{style[0]}.html", render.page_html(doc, body, style))


def renderer_calls(script):
    """The `$r TXT PDF PRODUCER STYLE [FIELDS]` lines of a make-pdfs.sh."""
    calls = []
    for line in script.read_text(encoding="utf-8").splitlines():
        if line.startswith("$r "):
            calls.append(shlex.split(line)[1:])
    return calls


def html_held_out(out, folder):
    """fixtures/held-out-2 or -3: the renderer's to_html of each dump, as
    make-pdfs.sh calls it."""
    make_dir = FIXTURES / folder / "make"
    sys.path.insert(0, str(FIXTURES / "held-out-2" / "make"))
    render = load(make_dir / "render.py", "render_" + folder.replace("-", "_"))
    for args in renderer_calls(make_dir / "make-pdfs.sh"):
        txt, pdf, producer, style = args[:4]
        orient, font, size = style.split(",")
        pages, header, footer = render.parse((make_dir.parent / txt).read_text(encoding="utf-8"))
        if hasattr(render, "lay_out_cards"):
            pages = render.lay_out_cards(pages, args[4] if len(args) > 4 else "table")
        html = render.to_html(pages, header, footer, (orient, font, float(size)), producer)
        write(out / folder / (pathlib.Path(pdf).stem + ".html"), html)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


HTML_SETS = {
    "pdf": html_pdf,
    "families": html_families,
    "held-out-2": lambda out: html_held_out(out, "held-out-2"),
    "held-out-3": lambda out: html_held_out(out, "held-out-3"),
}


# ---------------------------------------------------------------- dumps

def plan_of(path):
    return path.name.split(".")[0]


def gold_of(folder_relative, name):
    return f"{folder_relative}/{plan_of(pathlib.Path(name))}.expected.json"


def set_of(folder_relative, name):
    document = f"{folder_relative}/{plan_of(pathlib.Path(name))}"
    if folder_relative.startswith("held-out") or document in HELD_OUT_FAMILY_DOCUMENTS:
        return "held-out"
    return "tuning"


def run(command):
    return subprocess.run(command, check=True, capture_output=True).stdout


def dumps(work):
    """Every (dump path relative to fixtures/aligned, bytes, gold, producer)."""
    found = []
    pdfs = sorted(p for pattern in PDF_FOLDERS for p in FIXTURES.glob(f"{pattern}/*.pdf"))
    for pdf in pdfs:
        folder = pdf.parent.relative_to(FIXTURES).as_posix()
        if not (pdf.parent / f"{plan_of(pdf)}.expected.json").is_file():
            continue
        text = run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"])
        found.append((f"{folder}/{pdf.stem}.pdftotext-layout.txt", text,
                      gold_of(folder, pdf.name), "pdftotext-layout"))
    for set_name in HTML_SETS:
        subprocess.run([sys.executable, __file__, "html", set_name, str(work)], check=True)
    for html in sorted(work.rglob("*.html")):
        key = html.relative_to(work).with_suffix("").as_posix()
        folder = html.parent.relative_to(work).as_posix()
        if not (FIXTURES / gold_of(folder, html.name)).is_file():
            continue
        for dump, only in HTML_PRODUCERS:
            if only is not None and key not in only:
                continue
            made = dump(html)
            if made is None:
                continue
            producer, text = made
            found.append((f"{key}.html.{producer}.txt", text, gold_of(folder, html.name), producer))
    # drop a dump equal to an earlier one of the same document
    kept, seen = [], set()
    for dump, text, gold, producer in found:
        if (gold, text) in seen:
            continue
        seen.add((gold, text))
        kept.append((dump, text, gold, producer))
    return kept


def manifest(kept):
    lines = ["dump\tgold\tproducer\tset"]
    for dump, _text, gold, producer in sorted(kept):
        folder, name = dump.rsplit("/", 1)
        lines.append(f"aligned/{dump}\t{gold}\t{producer}\t{set_of(folder, name)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    args = sys.argv[1:]
    if args[:1] == ["html"]:
        HTML_SETS[args[1]](pathlib.Path(args[2]))
        return
    if args not in ([], ["check"]):
        sys.exit(__doc__)
    for tool in ["pdftotext", "w3m", "lynx", "pandoc"]:
        if shutil.which(tool) is None:
            sys.exit(f"needs {tool} on PATH")
    work = pathlib.Path(tempfile.mkdtemp(prefix="aligned-html-"))
    try:
        kept = dumps(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    wanted = {OUT / dump: text for dump, text, _gold, _producer in kept}
    wanted[OUT / "MANIFEST.tsv"] = manifest(kept)
    existing = {p for p in OUT.rglob("*") if p.is_file() and p.suffix == ".txt"}
    if args == ["check"]:
        stale = [str(p) for p, text in wanted.items() if not p.is_file() or p.read_bytes() != text]
        stale += [f"{p} (not made by the script)" for p in existing - set(wanted)]
        if stale:
            sys.exit("out of date:\n  " + "\n  ".join(stale))
        print(f"{len(wanted) - 1} dumps up to date")
        return
    for path in existing - set(wanted):
        path.unlink()
    for path, text in wanted.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
    size = sum(len(t) for t in wanted.values())
    print(f"{len(wanted) - 1} dumps, {size} bytes, in {OUT}")


if __name__ == "__main__":
    main()
