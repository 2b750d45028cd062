"""tables() against the CSV tables `piano batch` writes for the same plans."""

from __future__ import annotations

import csv
import datetime
import json
import math
from pathlib import Path
from typing import Any

import numpy
import pandas
import pytest

import piano
from conftest import FIXTURES, PLAN, command

TABLES = ["plans", "structures", "objectives", "staff", "diagnostics", "weights"]


@pytest.fixture(scope="module", params=[False, True], ids=["public", "with-staff"])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bool]:
    """A batch of text and PDF fixtures, written by the command."""
    include_staff = request.param
    out = tmp_path_factory.mktemp("batch")
    flags = ["--include-staff"] if include_staff else []
    run = command(
        "batch", "--quiet", "--format", "csv,ndjson", *flags, "--out", str(out),
        str(FIXTURES / "text"), str(FIXTURES / "pdf"), str(FIXTURES / "families"), str(PLAN),
    )
    assert run.code in (0, 1), run.stderr
    return out, include_staff


def cell(value: Any) -> str:
    """A DataFrame value as the CSV writes it, for comparison."""
    if value is None or value is pandas.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (bool, numpy.bool_)):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def test_tables_match_the_csv_row_for_row(archive: tuple[Path, bool]) -> None:
    out, include_staff = archive
    plans = [json.loads(line) for line in (out / "plans.ndjson").read_text().splitlines()]
    assert len(plans) > 10
    frames = piano.tables(plans, include_staff=include_staff)
    assert list(frames) == TABLES
    for name, frame in frames.items():
        with open(out / f"{name}.csv", newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        assert list(frame.columns) == rows[0], name
        assert len(frame) == len(rows) - 1, name
        for index, row in enumerate(rows[1:]):
            for column, text in zip(rows[0], row):
                value = frame[column].iloc[index]
                if frame[column].dtype == "float64" and text:
                    assert value == float(text), (name, index, column)
                else:
                    assert cell(value) == text, (name, index, column)


def test_columns_are_typed_as_the_data_package_says() -> None:
    frames = piano.tables([piano.extract(PLAN)])
    plans, objectives, weights = frames["plans"], frames["objectives"], frames["weights"]
    assert plans["istat"].iloc[0] == "049014"  # a code keeps its leading zero
    assert plans["istat"].dtype == "string"
    assert plans["year"].dtype == "Int64"
    assert objectives["weight"].dtype == "float64"
    assert objectives["due_date"].dtype == "string"  # a month or a yearly day
    assert weights["weight"].dtype == "float64"
    assert plans["plan_id"].iloc[0] == piano.extract(PLAN)["plan_id"]


def test_no_plans_give_empty_tables_of_the_same_types() -> None:
    empty = piano.tables([])
    full = piano.tables([piano.extract(PLAN)])
    for name in TABLES:
        assert len(empty[name]) == 0
        assert empty[name].dtypes.to_dict() == full[name].dtypes.to_dict(), name


def test_something_else_than_a_plan_raises_piano_error() -> None:
    with pytest.raises(piano.PianoError, match=r"plans\[0\]"):
        piano.tables([{"not": "a plan"}])
