"""The Dask recipe of docs/python.md on a local cluster of worker
processes: the same plans as `piano batch`, and the tables of the archive
to Parquet through dask.dataframe."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas
import pytest

import piano
from conftest import FIXTURES, command, inputs

dask = pytest.importorskip("dask", reason="dask is not installed")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
dd = pytest.importorskip("dask.dataframe", reason="dask.dataframe is not installed")

import cloudpickle  # noqa: E402  (installed with distributed)

# The workers cannot import this test module: its functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ARCHIVE = [FIXTURES / "text", FIXTURES / "pdf", FIXTURES / "families"]


@pytest.fixture(scope="module")
def client():
    """A local cluster of three worker processes, one thread each."""
    with distributed.LocalCluster(
        n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch")
    run = command("batch", "--quiet", "--format", "json,csv", "--out", str(out), *map(str, ARCHIVE))
    assert run.code in (0, 1), run.stderr
    return out


def paths() -> list[str]:
    return [str(path) for folder in ARCHIVE for path in inputs(folder)]


def test_workers_extract_the_plans_piano_batch_writes(client, batch: Path) -> None:
    futures = client.map(piano.extract, paths())
    plans = client.gather(futures)
    workers = {who for who in client.who_has(futures).values() for who in who}
    assert len(workers) > 1, "the work stayed on one worker"
    report = json.loads((batch / "report.json").read_text())
    by_path = {entry["path"]: entry for entry in report["inputs"]}
    compared = 0
    for path, plan in zip(paths(), plans):
        entry = by_path[path]
        if entry["status"] == "duplicate":
            continue
        expected = json.loads((batch / "plans" / f"{entry['plan_id']}.json").read_text())
        assert plan == expected, path
        compared += 1
    assert compared > 10


def with_timestamps(objectives: pandas.DataFrame) -> pandas.DataFrame:
    """due_by as datetime64: Dask keeps no column of datetime.date objects
    (it turns object columns into strings), a timestamp it writes as one."""
    return objectives.assign(due_by=pandas.to_datetime(objectives["due_by"]).astype("datetime64[ms]"))


def objectives_of(path: str) -> pandas.DataFrame:
    return with_timestamps(piano.tables([piano.extract(path)])["objectives"])


def test_the_tables_of_an_archive_go_to_parquet_through_dask(client, batch: Path, tmp_path: Path) -> None:
    meta = with_timestamps(piano.tables([])["objectives"])
    objectives = dd.from_map(objectives_of, paths(), meta=meta)
    objectives.to_parquet(tmp_path / "objectives", write_index=False)
    written = pandas.read_parquet(tmp_path / "objectives")
    expected = with_timestamps(piano.tables([piano.extract(path) for path in paths()])["objectives"])
    assert len(written) == len(expected) > 0
    assert list(written.columns) == list(expected.columns)
    key = ["plan_id", "structure", "number", "level"]
    written = written.sort_values(key, kind="stable").reset_index(drop=True)
    expected = expected.sort_values(key, kind="stable").reset_index(drop=True)
    pandas.testing.assert_frame_equal(written, expected, check_dtype=False)
    assert written["weight"].dtype == "float64"
