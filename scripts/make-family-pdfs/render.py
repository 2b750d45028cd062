"""Renders a fixture's HTML to PDF with a real producer: LibreOffice,
Chromium or wkhtmltopdf, each document with its own page shape and font so
that cells wrap differently from the text dump. The PIAO goes through
Chromium, whose CSS page margin boxes draw its running header and page footer
(Debian's wkhtmltopdf is built on an unpatched Qt and ignores --header-*)."""

import html
import importlib.util
import pathlib
import shutil
import subprocess
import tempfile

# name: (producer, page, font, size, repeat the header row on a new page)
STYLES = {
    "montevarchi-2022": ("libreoffice", "A4 landscape", "'Liberation Serif', serif", "10pt", True),
    "fidenza-2023": ("chromium", "A4 portrait", "'DejaVu Sans', sans-serif", "8pt", True),
    "carpi-2022": ("chromium", "A4 portrait", "'Liberation Sans', sans-serif", "10pt", False),
    "pescia-2023": ("libreoffice", "A4 portrait", "'DejaVu Serif', serif", "10pt", False),
    "codogno-2023": ("libreoffice", "A4 landscape", "'Liberation Sans', sans-serif", "10pt", True),
    "poggibonsi-2022": ("chromium", "A4 portrait", "'DejaVu Sans', sans-serif", "9pt", True),
    "faenza-2022": ("chromium", "A4 landscape", "'Liberation Serif', serif", "10pt", True),
    "sansepolcro-2022": ("libreoffice", "A4 landscape", "'DejaVu Sans', sans-serif", "9pt", True),
    "fucecchio-piao-2023": ("chromium", "A4 portrait", "'Liberation Sans', sans-serif", "10pt", True),
    "orbetello-2023": ("wkhtmltopdf", "A4 portrait", "'Liberation Serif', serif", "11pt", False),
}


def page_html(doc, body, style):
    _, page, font, size, repeat = style
    margin_boxes = ""
    if doc.get("page_header"):
        # The PIAO's running header and page footer, drawn by Chromium on every page.
        footer = doc["page_footer"].replace("{page}", '" counter(page) "').replace(
            "{pages}", '" counter(pages) "')
        margin_boxes = (f'@top-center {{ content: "{doc["page_header"]}"; font-size: 9pt; }} '
                        f'@bottom-center {{ content: "{footer}"; font-size: 9pt; }}')
    css = f"""
@page {{ size: {page}; margin: 16mm 14mm; {margin_boxes} }}
body {{ font-family: {font}; font-size: {size}; }}
table {{ border-collapse: collapse; width: 100%; margin: 6pt 0 10pt 0; }}
td, th {{ border: 0.75pt solid black; padding: 2pt 3pt; vertical-align: top; text-align: left; }}
th {{ font-weight: bold; }}
thead {{ display: {'table-header-group' if repeat else 'table-row-group'}; }}
h1 {{ font-size: 140%; }} h2 {{ font-size: 115%; }} h3 {{ font-size: 105%; }}
p.page-break {{ page-break-before: always; margin: 0; }}
"""
    return ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(doc['title'])}</title><style>{css}</style></head><body>"
            + body + "</body></html>")


def _producers():
    """The producer runners of scripts/make-pdf-fixtures/make.py (loaded by
    path: both folders have a make.py), so that every fixture PDF is made the
    same way."""
    path = pathlib.Path(__file__).resolve().parent.parent / "make-pdf-fixtures" / "make.py"
    spec = importlib.util.spec_from_file_location("make_pdf_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_PRODUCERS = _producers()
libreoffice = _PRODUCERS.libreoffice
wkhtmltopdf = _PRODUCERS.wkhtmltopdf


def chromium(html_path, pdf_path):
    _PRODUCERS.chromium(html_path, pdf_path, footer=False)


def render(doc, body, folder):
    """Writes `<name>.<producer>.pdf` in folder; returns its path."""
    style = STYLES[doc["name"]]
    producer = style[0]
    work = pathlib.Path(tempfile.mkdtemp())
    html_path = work / f"{doc['name']}.html"
    html_path.write_text(page_html(doc, body, style), encoding="utf-8")
    target = folder / f"{doc['name']}.{producer}.pdf"
    if producer == "libreoffice":
        shutil.move(libreoffice(html_path, work), target)
    elif producer == "chromium":
        chromium(html_path, target)
    else:
        wkhtmltopdf(html_path, target, style[1])
    shutil.rmtree(work, ignore_errors=True)
    warn_hyphen_wraps(target)
    return target


def warn_hyphen_wraps(pdf_path):
    """Warns of text lines of the PDF that end with a hyphen: a cell wrapped at
    a hyphen reads back ambiguously ("Economico-" + "Finanziaria"), so the
    gold would not hold for the PDF. Needs pdftotext (poppler-utils)."""
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(["pdftotext", "-raw", str(pdf_path), "-"], check=True,
                          capture_output=True, text=True).stdout
    for line in text.splitlines():
        if line.rstrip().endswith("-"):
            print(f"warning: {pdf_path.name}: a line ends with a hyphen: {line!r}")
