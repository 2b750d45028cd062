"""The PySpark recipe of docs/python.md on a local Spark: the binaryFile
source, mapInPandas, the same plans as extract() by path. Skipped where
pyspark is not installed (CI does not install Spark and its Java)."""

from __future__ import annotations

import json
import os
import sys
from typing import Iterator

import pandas
import pytest

import piano
from conftest import FIXTURES, inputs

pyspark = pytest.importorskip(
    "pyspark", reason="pyspark is not installed: the Spark recipe is tested where it is"
)
from pyspark import cloudpickle  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

# Spark's Python workers cannot import this test module: its functions
# travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

SCHEMA = "path string, plan_id string, verdict string, plan string, error string"

#: Spark's types of the dtypes tables() gives.
SPARK_TYPES = {"string": "string", "Int64": "bigint", "float64": "double", "boolean": "boolean", "object": "date"}


def spark_schema(table: str) -> str:
    """The recipe's Spark schema of a table, from tables()'s dtypes."""
    meta = piano.tables([])[table]
    return ", ".join(f"{column} {SPARK_TYPES[str(dtype)]}" for column, dtype in meta.dtypes.items())


def objectives_of(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
    """The recipe's second mapInPandas function: a table of the plans read."""
    for batch in batches:
        yield piano.tables([json.loads(plan) for plan in batch["plan"].dropna()])["objectives"]


def plans(batches: Iterator[pandas.DataFrame]) -> Iterator[pandas.DataFrame]:
    """The recipe's mapInPandas function: one row per file."""
    for batch in batches:
        rows = []
        for path, content in zip(batch["path"], batch["content"]):
            name = path.rsplit("/", 1)[-1]
            try:
                plan = piano.extract(bytes(content), name=name, timeout=120)
            except (piano.PianoError, TimeoutError) as error:
                rows.append({"path": path, "plan_id": None, "verdict": None, "plan": None, "error": str(error)})
                continue
            rows.append({
                "path": path,
                "plan_id": plan["plan_id"],
                "verdict": plan["quality"]["verdict"],
                "plan": json.dumps(plan),
                "error": None,
            })
        yield pandas.DataFrame(rows, columns=["path", "plan_id", "verdict", "plan", "error"])


def test_spark_reads_the_plans_extract_reads() -> None:
    # Spark's Python workers run the Python that has piano.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = SparkSession.builder.master("local[2]").appName("piano-test").getOrCreate()
    try:
        files = (
            spark.read.format("binaryFile")
            .option("pathGlobFilter", "*.txt")
            .load(str(FIXTURES / "text"))
        )
        read = files.select("path", "content").mapInPandas(plans, SCHEMA)
        rows = read.collect()
        objectives = read.mapInPandas(objectives_of, spark_schema("objectives")).toPandas()
    finally:
        spark.stop()
    expected = {path.name: piano.extract(path) for path in inputs(FIXTURES / "text")}
    assert len(rows) == len(expected)
    for row in rows:
        name = row["path"].rsplit("/", 1)[-1]
        assert row["error"] is None, row["error"]
        assert json.loads(row["plan"]) == expected[name], name
    table = piano.tables(expected.values())["objectives"]
    assert len(objectives) == len(table) > 0
    assert sorted(objectives["description"].dropna()) == sorted(table["description"].dropna())
