"""One builder per layout family: each writes a fixture's content through a
Writer and returns the gold plan (what the document means under the contract).

A row's cells are strings or lists of fragments (a wrapped cell). The marker
PAGE in a list of rows breaks the page there; PAGE_HEADER also repeats the
table header at the top of the new page.
"""

import re

from gold import NO_HEAD, entry, number, objective, percent, structure
from writer import Writer, joined

PAGE = "PAGE"
PAGE_HEADER = "PAGE_HEADER"


def opening(writer, doc):
    """The ente lines, the title and the prose before the first section."""
    for text in doc["ente_lines"]:
        writer.line(text, "h3")
    writer.blank()
    writer.line(doc["title"], "h1")
    writer.blank()
    for paragraph in doc.get("intro", []):
        for text in paragraph:
            writer.line(text)
        writer.blank()


def plan(doc, structures):
    """The gold plan: the keys the brief asks for, in the contract's order."""
    return {"schema": "piano.plan/1", "ente": doc["ente"], "family": doc["family"],
            "document_kind": doc["document_kind"], "title": doc["title"],
            "year": doc["year"], "structures": structures}


def cells_of(row, columns):
    """A row dict as the list of cells in the table's column order."""
    return [row.get(column) for column in columns]


def table_rows(writer, header, rows, columns, on_row):
    """Writes the header and the rows (page breaks included), calling
    on_row(row, lines) for each data row."""
    writer.row(header, header=True)
    for row in rows:
        if row in (PAGE, PAGE_HEADER):
            writer.page_break()
            if row == PAGE_HEADER:
                writer.row(header, header=True)
            continue
        on_row(row, writer.row(cells_of(row, columns)))


def code_table(doc):
    """Missione/Programma headings over one long table of coded rows."""
    writer = Writer()
    opening(writer, doc)
    structures = []
    columns = doc["columns"]
    for mission in doc["missions"]:
        if mission == PAGE:
            writer.page_break()
            continue
        writer.line(mission["heading"], "h2")
        writer.blank()
        for programme in mission["programmes"]:
            writer.line(programme["heading"], "h3")
            writer.blank()
            objectives = []

            def add(row, lines):
                digits = re.sub(r"\D", "", row["code"])
                objectives.append(objective(
                    str(len(objectives) + 1), joined(row["description"]), lines,
                    weight=percent(joined(row.get("weight"))),
                    indicators=joined(row.get("indicators")),
                    expected=joined(row.get("expected")), due_raw=joined(row.get("due")),
                    code=row["code"], mission_code=digits[0:2], programme_code=digits[2:4],
                    responsible=joined(row.get("responsible"))))

            table_rows(writer, doc["header"], programme["rows"], columns, add)
            writer.blank()
            structures.append(structure(
                len(structures) + 1, programme["name"], "MISSIONE/PROGRAMMA", NO_HEAD,
                objectives, missions=[{"name": mission["name"], "code": mission["code"]}],
                label=doc["label"]))
    return writer, plan(doc, structures)


def objective_cards(doc):
    """SETTORE headings, each over one card per objective with a phase table."""
    writer = Writer()
    opening(writer, doc)
    structures = []
    for section in doc["sections"]:
        if section == PAGE:
            writer.page_break()
            continue
        writer.line(section["heading"], "h2")
        writer.blank()
        objectives = []
        for card in section["cards"]:
            if card == PAGE:
                writer.page_break()
                continue
            title = [card["title"]] + ([card["short"]] if card.get("short") else [])
            first = writer.row(title)[0]
            values = {}
            last = first
            for label, value, field in card["fields"]:
                if label.endswith(":"):
                    last = writer.row([f"{label} {value}"])[1]
                else:
                    last = writer.row([label, value])[1]
                values[field] = joined(value)
            writer.blank()
            phases = []
            table = card["phases"]
            writer.row(table["header"], header=True)
            for row in table["rows"]:
                lines = writer.row(row)
                cells = dict(zip(table["columns"], row))
                phases.append(entry(
                    f"{card['number']}.{len(phases) + 1}", joined(cells["description"]),
                    lines, weight=percent(cells.get("weight")), due_raw=cells.get("due")))
            writer.blank()
            objectives.append(objective(
                card["number"], values["description"], [first, last], phases,
                weight=percent(values.get("weight")), indicators=values.get("indicators"),
                expected=values.get("expected"), due_raw=values.get("due"),
                responsible=values.get("responsible")))
        structures.append(structure(
            len(structures) + 1, section["name"], section["kind"], section["head"],
            objectives, label=doc.get("label")))
    return writer, plan(doc, structures)


def weight_matrix(doc):
    """A caption over one table of objectives by heads, with footer rows."""
    writer = Writer()
    opening(writer, doc)
    writer.line(doc["caption"], "h2")
    heads = [joined(head) for head in doc["header"][2:]]
    objectives = []
    columns = ["number", "description"] + [f"head{i}" for i in range(len(heads))]

    def add(row, lines):
        weights = [{"head": head, "weight": number(row[f"head{i}"])}
                   for i, head in enumerate(heads)]
        objectives.append(objective(row["number"], joined(row["description"]), lines,
                                    weights_by_head=weights))

    rows = []
    for row in doc["rows"]:
        if row in (PAGE, PAGE_HEADER):
            rows.append(row)
        else:
            cells = {"number": row[0], "description": row[1]}
            cells.update({f"head{i}": value for i, value in enumerate(row[2])})
            rows.append(cells)
    table_rows(writer, doc["header"], rows, columns, add)
    for footer in doc["footer"]:
        writer.row(footer)
    writer.blank()
    for paragraph in doc.get("closing", []):
        for text in paragraph:
            writer.line(text)
        writer.blank()
    structures = [structure(1, doc["caption"], None, NO_HEAD, objectives,
                            label=doc.get("label"))]
    return writer, plan(doc, structures)


def sections_with_tables(writer, doc, sections):
    """SETTORE/AREA headings with optional key rows and an objectives table
    whose rows numbered "n.m" are phases: the struttura-table layout."""
    structures = []
    columns = doc["columns"]
    for section in sections:
        if section == PAGE:
            writer.page_break()
            continue
        writer.line(section["heading"], "h2")
        writer.blank()
        for key, value in section.get("keys", []):
            writer.row([key, value])
        if section.get("keys"):
            writer.blank()
        objectives = []

        def add(row, lines):
            fields = {
                "weight": percent(joined(row.get("weight"))),
                "indicators": joined(row.get("indicators")),
                "expected": joined(row.get("expected")), "due_raw": joined(row.get("due")),
                "achievement": percent(joined(row.get("achievement"))),
                "achievement_note": joined(row.get("note")) or None,
            }
            if "." in row["number"]:
                objectives[-1]["phases"].append(
                    entry(row["number"], joined(row["description"]), lines, **fields))
            else:
                objectives.append(
                    objective(row["number"], joined(row["description"]), lines, **fields))

        table_rows(writer, doc["header"], section["rows"], columns, add)
        writer.blank()
        structures.append(structure(
            len(structures) + 1, section["name"], section["kind"], section["head"],
            objectives, missions=section.get("missions", []), label=doc["label"]))
        if section["name"] is None:
            # A numbered section word ("SETTORE 1:"): whether the number is the
            # name is left open, as in fixtures/text (cecina, marciana-marina).
            del structures[-1]["name"]
    return structures


def results_report(doc):
    """A struttura-table plan with achievement and note columns."""
    writer = Writer()
    opening(writer, doc)
    return writer, plan(doc, sections_with_tables(writer, doc, doc["sections"]))


def piao(doc):
    """A PIAO: pages with running header and footer, sections of prose and
    tables, the performance sub-section holding a struttura-table plan."""
    writer = Writer(page_header=doc["page_header"], page_footer=doc["page_footer"])
    opening(writer, doc)
    structures = []
    for part in doc["parts"]:
        if part == PAGE:
            writer.page_break()
        elif part[0] == "heading":
            writer.line(part[1], "h2")
            writer.blank()
        elif part[0] == "prose":
            for text in part[1]:
                writer.line(text)
            writer.blank()
        elif part[0] == "table":
            for index, row in enumerate(part[1]):
                if row == PAGE:
                    writer.page_break()
                else:
                    writer.row(row, header=index == 0)
            writer.blank()
        elif part[0] == "performance":
            structures = sections_with_tables(writer, doc, part[1])
    return writer, plan(doc, structures)


def no_family(doc):
    """Prose (articles of a regulation) and one table with recognisable headers."""
    writer = Writer()
    opening(writer, doc)
    objectives = []
    for part in doc["parts"]:
        if part == PAGE:
            writer.page_break()
        elif part[0] == "prose":
            for text in part[1]:
                writer.line(text)
            writer.blank()
        elif part[0] == "table":
            caption, header, columns, rows = part[1:]
            writer.line(caption)

            def add(row, lines):
                objectives.append(objective(
                    row["number"], joined(row["description"]), lines,
                    weight=percent(joined(row.get("weight"))), due_raw=joined(row.get("due"))))

            table_rows(writer, header, rows, columns, add)
            writer.blank()
            name = caption
    structures = [structure(1, name, None, NO_HEAD, objectives, label=doc.get("label"))]
    return writer, plan(doc, structures)


BUILDERS = {"code-table": code_table, "objective-cards": objective_cards,
            "weight-matrix": weight_matrix, "results-report": results_report,
            "piao": piao, "none": no_family}
