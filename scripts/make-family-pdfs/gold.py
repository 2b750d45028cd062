"""The gold values of the cells these fixtures use, under the data contract.

Only the forms the fixtures write are known here; any other form is an error,
so that every value in a gold file is one decided on purpose.
"""

import re

MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
          "agosto", "settembre", "ottobre", "novembre", "dicembre"]


def due(raw):
    """The Due object of a Scadenza cell (see the contract's "Due")."""
    if raw is None:
        return None
    raw = " ".join(raw.split())
    result = {"raw": raw, "date": None, "precision": "day", "recurrence": None,
              "multiyear": False, "note": None}
    text = raw
    if text.lower().startswith("entro il "):
        text = text[len("entro il "):]
    match = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        result["date"] = f"{year:04}-{month:02}-{day:02}"
        return result
    match = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text)
    if match and match.group(2).lower() in MONTHS:
        month = MONTHS.index(match.group(2).lower()) + 1
        result["date"] = f"{int(match.group(3)):04}-{month:02}-{int(match.group(1)):02}"
        return result
    match = re.fullmatch(r"(\w+) (\d{4})", text)
    if match and match.group(1).lower() in MONTHS:
        month = MONTHS.index(match.group(1).lower()) + 1
        result["date"] = f"{int(match.group(2)):04}-{month:02}"
        result["precision"] = "month"
        return result
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2}) di ogni anno", text)
    if match:
        result["date"] = f"--{int(match.group(2)):02}-{int(match.group(1)):02}"
        result["recurrence"] = "yearly"
        return result
    raise ValueError(f"no gold for the due {raw!r}")


def percent(text):
    """A weight or achievement cell as a number: "30%", "12,5 %", "(50%)", "20"."""
    if text is None or not text.strip():
        return None
    match = re.fullmatch(r"\(?\s*(\d+(?:[.,]\d+)?)\s*%?\s*\)?", text.strip())
    if not match:
        raise ValueError(f"no gold for the percent {text!r}")
    return float(match.group(1).replace(",", "."))


def number(text):
    """A decimal-comma number of a weight matrix: "2,5", "0", "10"."""
    return float(text.replace(",", "."))


NO_HEAD = {"role": None, "name": None, "ad_interim": False}


def entry(number_, description, lines, *, weight=None, indicators=None, expected=None,
          due_raw=None, code=None, mission_code=None, programme_code=None,
          responsible=None, achievement=None, achievement_note=None, weights_by_head=None):
    """One objective or phase with every Entry key of the contract but `page`."""
    return {"number": number_, "description": description, "weight": weight,
            "indicators": indicators, "expected": expected, "due": due(due_raw),
            "lines": lines, "code": code, "mission_code": mission_code,
            "programme_code": programme_code, "responsible": responsible,
            "achievement": achievement, "achievement_note": achievement_note,
            "weights_by_head": weights_by_head or []}


def objective(number_, description, lines, phases=(), **fields):
    """An objective: an entry plus `category` (null in these families) and phases."""
    value = entry(number_, description, lines, **fields)
    ordered = {"number": value.pop("number"), "category": None}
    ordered.update(value)
    ordered["phases"] = list(phases)
    return ordered


def structure(ordinal, name, kind, head, objectives, *, missions=(), label=None,
              strategic_line=None, strategic_objectives=(), operational_objective=None):
    """One structure with every key the brief asks for (no `lines`, no `page`)."""
    return {"ordinal": ordinal, "name": name, "kind": kind, "head": head,
            "strategic_line": strategic_line,
            "strategic_objectives": list(strategic_objectives),
            "missions": list(missions), "operational_objective": operational_objective,
            "objectives_label": label, "objectives": list(objectives), "staff": []}
