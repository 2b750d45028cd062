"""The CSV tables of plans as pandas DataFrames, typed as the data package
describes them: codes stay strings with their leading zeros, weights are
floats, counts nullable integers, flags nullable booleans, and a column of
type ``date`` (``due_by``) holds ``datetime.date`` values. ``due_date`` stays
a string: it may be a month (``2024-06``) or a yearly day (``--06-30``).

pandas is imported only when ``tables()`` is called.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from ._piano import csv_tables

if TYPE_CHECKING:
    import pandas


def tables(
    plans: Iterable[Mapping[str, Any]], *, include_staff: bool = False
) -> dict[str, pandas.DataFrame]:
    """The tables of ``plans`` (dicts as ``extract`` returns them), by name:
    ``plans``, ``structures``, ``objectives``, ``staff``, ``diagnostics``,
    ``weights``. Their rows are those of the CSV files ``piano extract
    --format csv`` writes for the same plans, in the same order; an empty
    cell is a missing value (``pandas.NA``, or ``None`` for a date).

    ``include_staff`` keeps staff names (personal data) in ``staff``: the
    plans must have been extracted with them.
    """
    try:
        import pandas
    except ImportError as error:
        raise ImportError("piano.tables() needs pandas: `pip install pandas`") from error

    documents = [json.dumps(plan) for plan in plans]
    return {
        name: _frame(pandas, text, columns)
        for name, text, columns in csv_tables(documents, include_staff=include_staff)
    }


def _frame(pandas: Any, text: str, columns: list[tuple[str, str]]) -> pandas.DataFrame:
    """One table's CSV ``text`` as a DataFrame whose ``columns`` (name,
    Frictionless type) are typed by their type."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    names = [name for name, _ in columns]
    if header != names:
        raise ValueError(f"the CSV header {header} is not the table's columns {names}")
    rows = list(reader)
    cells = list(zip(*rows)) if rows else [() for _ in columns]
    return pandas.DataFrame(
        {
            name: _column(pandas, kind, column_cells)
            for (name, kind), column_cells in zip(columns, cells)
        },
        columns=names,
    )


def _column(pandas: Any, kind: str, cells: Iterable[str]) -> pandas.Series:
    """The CSV ``cells`` of one column of Frictionless type ``kind``."""
    convert, dtype = _TYPES.get(kind, (str, "string"))
    values = [None if cell == "" else convert(cell) for cell in cells]
    return pandas.Series(values, dtype=dtype)


def _boolean(cell: str) -> bool:
    if cell not in ("true", "false"):
        raise ValueError(f"{cell!r} is not a boolean of the tables")
    return cell == "true"


#: How a cell of each Frictionless type becomes a value, and the column's dtype.
_TYPES: dict[str, tuple[Callable[[str], Any], str]] = {
    "string": (str, "string"),
    "integer": (int, "Int64"),
    "number": (float, "float64"),
    "boolean": (_boolean, "boolean"),
    "date": (datetime.date.fromisoformat, "object"),
}
