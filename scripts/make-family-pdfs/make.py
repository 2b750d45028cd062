#!/usr/bin/env python3
"""Makes the fixtures of fixtures/families/: for each document, the text dump
(`<name>.txt`), its gold (`<name>.expected.json`) and a PDF rendering of the
same cells by a real producer (`<name>.<producer>.pdf`).

The documents are written by hand in content_*.py as data; the builders of
families.py lay each out in its family's shape and record what it means (the
gold), line numbers included.

Usage:
  python3 scripts/make-family-pdfs/make.py text   # .txt and .expected.json
  python3 scripts/make-family-pdfs/make.py pdf    # the PDFs (needs the producers)
  python3 scripts/make-family-pdfs/make.py check  # the committed files are up to date
Needs for `pdf`: soffice (libreoffice-writer), chromium, wkhtmltopdf on PATH; pdftotext
(poppler-utils) to warn of cells wrapped at a hyphen.
"""

import json
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the script in the checkout

import content_code_table  # noqa: E402
import content_cards
import content_matrix
import content_report
import content_piao
import content_none
import render
from families import BUILDERS

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "fixtures" / "families"

DOCUMENTS = (content_code_table.DOCUMENTS + content_cards.DOCUMENTS
             + content_matrix.DOCUMENTS + content_report.DOCUMENTS
             + content_piao.DOCUMENTS + content_none.DOCUMENTS)


def build(doc):
    """(folder, text, html body, gold) of one document."""
    builder = doc.get("builder", doc["family"] or "none")
    writer, gold = BUILDERS[builder](doc)
    text, body = writer.finish()
    folder = OUT / doc.get("folder", doc["family"] or "none")
    return folder, text, body, gold


def gold_text(gold):
    return json.dumps(gold, ensure_ascii=False, indent=2) + "\n"


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "text"
    stale = []
    for doc in DOCUMENTS:
        folder, text, body, gold = build(doc)
        txt = folder / f"{doc['name']}.txt"
        expected = folder / f"{doc['name']}.expected.json"
        if command == "text":
            folder.mkdir(parents=True, exist_ok=True)
            txt.write_bytes(text.encode("utf-8"))
            expected.write_text(gold_text(gold), encoding="utf-8")
            print(txt)
        elif command == "check":
            for path, wanted in [(txt, text), (expected, gold_text(gold))]:
                if not path.is_file() or path.read_bytes() != wanted.encode("utf-8"):
                    stale.append(str(path))
        elif command == "pdf":
            print(render.render(doc, body, folder))
        else:
            sys.exit(__doc__)
    if stale:
        sys.exit("out of date: " + ", ".join(stale))


if __name__ == "__main__":
    main()
