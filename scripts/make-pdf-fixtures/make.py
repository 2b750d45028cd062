#!/usr/bin/env python3
"""Makes the test PDFs of fixtures/pdf/ with real producers.

Each plan is an expected JSON (the Portoferraio gold standard, and a plan this
script generates with another shape and length). The plan is rendered to HTML
following the plan template (ente lines, title, "STRUTTURA: NAME – ROLE: HEAD"
headings, the key rows, the objectives table) and converted to PDF by
LibreOffice and by headless Chromium, with orientation, fonts and sizes varied
so that cells wrap and rows break across pages.

Usage: python3 scripts/make-pdf-fixtures/make.py [OUT_DIR]   (default fixtures/pdf)
Needs: soffice (libreoffice-writer), chromium, wkhtmltopdf, qpdf on PATH.
"""

import html
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD = ROOT / "fixtures" / "portoferraio-2021.expected.json"

HEADER = ["N°", "Descrizione {label}", "Peso %", "Indicatori di Misurazione",
          "Valori Attesi", "Data Fine Attesa"]


def weight_text(weight, phase):
    """A weight as plans write it: 20%, 8,33 %, (50%)."""
    if weight is None:
        return ""
    text = f"{weight:g}".replace(".", ",")
    text = f"{text}%" if weight == int(weight) else f"{text} %"
    return f"({text})" if phase else text


def cell(text):
    return f"<td>{html.escape(text or '')}</td>"


def row(item, phase):
    due = item["due"]["raw"] if item.get("due") else ""
    cells = [item["number"], item["description"], weight_text(item["weight"], phase),
             item.get("indicators"), item.get("expected"), due]
    return "<tr>" + "".join(cell(c) for c in cells) + "</tr>"


def head_text(head):
    name = head.get("name") or ""
    if head.get("ad_interim"):
        name = f"{name} ad interim"
    return f"{head['role']}: {name}".rstrip()


def table_rows(plan):
    """Every row of every table, as cells: what `piano text` must print."""
    rows = []
    for structure in plan["structures"]:
        rows.append(["Linea Strategica", structure["strategic_line"]])
        rows.append(["Obiettivo Strategico", "; ".join(structure["strategic_objectives"])])
        rows.append(["Missione", "; ".join(m["name"] for m in structure["missions"])])
        rows.append(["Obiettivo Operativo", structure["operational_objective"]])
        rows.append([h.format(label=structure["objectives_label"]) for h in HEADER])
        for objective in structure["objectives"]:
            for item, phase in [(objective, False)] + [(p, True) for p in objective["phases"]]:
                rows.append([item["number"], item["description"],
                             weight_text(item["weight"], phase), item.get("indicators") or "",
                             item.get("expected") or "",
                             item["due"]["raw"] if item.get("due") else ""])
    return rows


def structure_html(structure, dash, border):
    parts = [f"<h2>STRUTTURA: {html.escape(structure['name'])} {dash} "
             f"{html.escape(head_text(structure['head']))}</h2>"]
    keys = [("Linea Strategica", structure["strategic_line"]),
            ("Obiettivo Strategico", "; ".join(structure["strategic_objectives"])),
            ("Missione", "; ".join(m["name"] for m in structure["missions"])),
            ("Obiettivo Operativo", structure["operational_objective"])]
    parts.append(f'<table class="keys" border="{border}" cellspacing="0" cellpadding="3" width="100%">' + "".join(
        f"<tr><td class=\"key\" width=\"22%\">{k}</td>{cell(v)}</tr>" for k, v in keys) + "</table>")
    header = [h.format(label=structure["objectives_label"]) for h in HEADER]
    rows = []
    for objective in structure["objectives"]:
        rows.append(row(objective, False))
        rows.extend(row(phase, True) for phase in objective["phases"])
    parts.append(f'<table class="objectives" border="{border}" cellspacing="0" cellpadding="3" width="100%">'
                 '<colgroup><col class="n" width="6%"><col class="d" width="34%">'
                 '<col class="w" width="8%"><col class="i" width="20%"><col class="e" width="20%">'
                 '<col class="due" width="12%"></colgroup>'
                 "<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header)
                 + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    return "\n".join(parts)


def plan_html(plan, style):
    ente = plan["ente"]
    body = [f"<p class=\"ente\">COMUNE DI {ente['name'].upper()}</p>",
            f"<p class=\"ente\">Provincia di {ente['provincia'].upper()}</p>",
            f"<h1>{html.escape(plan['title'])}</h1>"]
    for section in plan["preamble"]:
        if section.get("heading"):
            body.append(f"<h3>{html.escape(section['heading'])}</h3>")
        for paragraph in section["text"].split("\n\n"):
            body.append("<p>" + "<br>".join(html.escape(l) for l in paragraph.split("\n")) + "</p>")
    for structure in plan["structures"]:
        body.append(structure_html(structure, style["dash"], style.get("border", 1)))
    css = f"""
@page {{ size: {style['page']}; margin: 18mm 14mm; }}
body {{ font-family: {style['font']}; font-size: {style['size']}; }}
table {{ border-collapse: collapse; width: 100%; margin: 8pt 0 14pt 0; }}
td, th {{ border: {style.get('border', 1) * 0.75}pt solid black; padding: 2pt 3pt; vertical-align: top; text-align: left; }}
thead {{ display: {style['thead']}; }}
col.n {{ width: 6%; }} col.d {{ width: 34%; }} col.w {{ width: 8%; }}
col.i {{ width: 20%; }} col.e {{ width: 20%; }} col.due {{ width: 12%; }}
td.key {{ width: 22%; font-weight: bold; }}
h1 {{ font-size: 130%; }} h2 {{ font-size: 110%; page-break-before: {style['break']}; }}
h3 {{ font-size: 105%; }}
"""
    return ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(plan['title'][:40])}</title><style>{css}</style></head><body>"
            + "\n".join(body) + "</body></html>")


WORDS = ("gestione servizi efficienza efficacia ufficio procedimento verifica controllo "
         "digitalizzazione pratiche cittadini trasparenza affidamento monitoraggio report "
         "regolamento aggiornamento sportello modulistica finanziamento coordinamento "
         "riqualificazione manutenzione patrimonio comunale anagrafe tributi INI-PEC "
         "piattaforma interoperabilità fornitori qualità specifici attività").split()


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words).capitalize() + ".")


def due(rng, year):
    if rng.random() < 0.15:
        return {"raw": "31.12 di ogni anno", "date": "--12-31", "precision": "day",
                "recurrence": "yearly", "multiyear": False, "note": None}
    month = rng.choice([3, 6, 9, 10, 12])
    day = {3: 31, 6: 30, 9: 30, 10: 31, 12: 31}[month]
    return {"raw": f"{day:02}.{month:02}.{year}", "date": f"{year}-{month:02}-{day:02}",
            "precision": "day", "recurrence": None, "multiyear": False, "note": None}


def generated_plan(seed=7, year=2023):
    """A plan of another shape: 3 structures, long cells, many phases."""
    rng = random.Random(seed)
    structures = []
    for ordinal, (name, role, head) in enumerate([
            ("SERVIZI DEMOGRAFICI E SOCIALI", "RESPONSABILE", "Dott.ssa Maria Rossi"),
            ("AREA ECONOMICO-FINANZIARIA", "DIRIGENTE", "Rag. Paolo Bianchi"),
            ("LAVORI PUBBLICI E PATRIMONIO", "RESPONSABILE DI SETTORE", None)], 1):
        objectives = []
        count = rng.randint(4, 7)
        weights = [round(100 / count, 2)] * count
        for number in range(1, count + 1):
            phases = []
            phase_count = rng.choice([0, 1, 2, 3])
            for p in range(1, phase_count + 1):
                phases.append({"number": f"{number}.{p}",
                               "description": "Fase: " + sentence(rng, 8, 30).lower(),
                               "weight": float(round(100 / phase_count)),
                               "indicators": sentence(rng, 3, 14) if rng.random() < 0.8 else None,
                               "expected": sentence(rng, 3, 18) if rng.random() < 0.8 else None,
                               "due": due(rng, year), "lines": None, "page": None})
            objectives.append({"number": str(number), "category": None,
                               "description": sentence(rng, 15, 60),
                               "weight": weights[number - 1],
                               "indicators": sentence(rng, 4, 20),
                               "expected": sentence(rng, 4, 25), "due": due(rng, year),
                               "lines": None, "page": None, "phases": phases})
        structures.append({
            "ordinal": ordinal, "name": name,
            "head": {"role": role, "name": head, "ad_interim": False},
            "strategic_line": sentence(rng, 8, 16),
            "strategic_objectives": [sentence(rng, 6, 12)[:-1], sentence(rng, 6, 12)[:-1]],
            "missions": [{"name": "Servizi istituzionali, generali e di gestione", "code": "01"}],
            "operational_objective": sentence(rng, 6, 14),
            "objectives_label": "Obiettivi Operativi", "objectives": objectives,
            "staff": [], "lines": None, "page": None})
    return {"schema": "piano.plan/1",
            "ente": {"kind": "comune", "name": "San Vincenzo", "provincia": "Livorno",
                     "istat": "049018"},
            "title": f"PIANO ESECUTIVO DI GESTIONE E DELLA PERFORMANCE {year}",
            "year": year,
            "preamble": [{"heading": "PREMESSA", "text": sentence(rng, 40, 80) + "\n\n"
                          + sentence(rng, 30, 60)}],
            "structures": structures}


def libreoffice(html_path, out_dir):
    profile = tempfile.mkdtemp()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", str(out_dir), str(html_path)], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)
    return out_dir / (html_path.stem + ".pdf")


def wkhtmltopdf(html_path, pdf_path, page):
    orientation = "Landscape" if "landscape" in page else "Portrait"
    subprocess.run(["wkhtmltopdf", "--quiet", "--enable-local-file-access", "-O", orientation,
                    str(html_path), str(pdf_path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def chromium(html_path, pdf_path, footer):
    profile = tempfile.mkdtemp()
    command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf_path}"]
    if not footer:
        command.append("--no-pdf-header-footer")
    subprocess.run(command + [html_path.as_uri()], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(profile, ignore_errors=True)


STYLES = {
    # name: (plan, producer, style)
    "portoferraio-2021.libreoffice": ("portoferraio-2021", "libreoffice",
        {"page": "A4 landscape", "font": "'Liberation Serif', serif", "size": "10pt",
         "thead": "table-header-group", "break": "auto", "dash": "–"}),
    "portoferraio-2021.chromium": ("portoferraio-2021", "chromium",
        {"page": "A4 landscape", "font": "'DejaVu Sans', sans-serif", "size": "9pt",
         "thead": "table-header-group", "break": "always", "dash": "–", "footer": True}),
    "san-vincenzo-2023.chromium": ("san-vincenzo-2023", "chromium",
        {"page": "A4 portrait", "font": "'Liberation Sans', sans-serif", "size": "10pt",
         "thead": "table-row-group", "break": "auto", "dash": "-", "footer": False}),
    "san-vincenzo-2023.libreoffice": ("san-vincenzo-2023", "libreoffice",
        {"page": "A4 portrait", "font": "'DejaVu Serif', serif", "size": "11pt",
         "thead": "table-header-group", "break": "auto", "dash": "-"}),
    "portoferraio-2021.wkhtmltopdf": ("portoferraio-2021", "wkhtmltopdf",
        {"page": "A4 landscape", "font": "'Liberation Sans', sans-serif", "size": "10pt",
         "thead": "table-header-group", "break": "auto", "dash": "–"}),
    # No borders at all: columns must be inferred from the gaps.
    "san-vincenzo-2023.borderless.chromium": ("san-vincenzo-2023", "chromium",
        {"page": "A4 landscape", "font": "'Liberation Serif', serif", "size": "10pt",
         "thead": "table-row-group", "break": "auto", "dash": "-", "footer": False,
         "border": 0}),
}


def main():
    out_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "fixtures" / "pdf")
    out_dir.mkdir(parents=True, exist_ok=True)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    # The PDF has the real table: the gold values hold, without the flags
    # marking phases the text dump had scrambled.
    for structure in gold["structures"]:
        for objective in structure["objectives"]:
            for phase in objective["phases"]:
                phase.pop("hard", None)
    plans = {"portoferraio-2021": gold, "san-vincenzo-2023": generated_plan()}
    (out_dir / "portoferraio-2021.expected.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8")
    (out_dir / "san-vincenzo-2023.expected.json").write_text(
        json.dumps(plans["san-vincenzo-2023"], ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8")
    for name, plan in plans.items():
        with open(out_dir / f"{name}.rows.tsv", "w", encoding="utf-8") as rows:
            for cells in table_rows(plan):
                rows.write("\t".join(" ".join(c.split()) for c in cells) + "\n")
    work = pathlib.Path(tempfile.mkdtemp())
    for name, (plan_name, producer, style) in STYLES.items():
        html_path = work / f"{name}.html"
        html_path.write_text(plan_html(plans[plan_name], style), encoding="utf-8")
        target = out_dir / f"{name}.pdf"
        if producer == "libreoffice":
            shutil.move(libreoffice(html_path, work), target)
        elif producer == "wkhtmltopdf":
            wkhtmltopdf(html_path, target, style["page"])
        else:
            chromium(html_path, target, style.get("footer", False))
        print(target)
    # qpdf rewrite: object streams, linearized, encrypted with an empty user password.
    source = out_dir / "san-vincenzo-2023.chromium.pdf"
    subprocess.run(["qpdf", "--object-streams=generate", "--linearize", "--encrypt", "",
                    "owner", "256", "--", str(source),
                    str(out_dir / "san-vincenzo-2023.qpdf.pdf")], check=True)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
