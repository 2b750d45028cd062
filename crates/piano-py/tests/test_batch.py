"""batch() against `piano batch`: the same run, the same report and files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import piano
from conftest import FIXTURES, ROOT, command, relative

INPUTS = [FIXTURES / "text", FIXTURES / "pdf", FIXTURES / "diagnostics"]


@pytest.fixture(autouse=True)
def from_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are given as the command is given them, from the root."""
    monkeypatch.chdir(ROOT)


def test_batch_writes_what_the_command_writes(tmp_path: Path) -> None:
    inputs = [relative(folder) for folder in INPUTS]
    run = command("batch", "--quiet", "--out", str(tmp_path / "command"), *inputs)
    assert run.code in (0, 1), run.stderr
    report = piano.batch(inputs, tmp_path / "python", jobs=2)
    assert report == json.loads((tmp_path / "command" / "report.json").read_text())
    assert report["totals"]["plans"] > 10
    for written in ["report.json", "plans.ndjson", "objectives.csv", "datapackage.json"]:
        assert (tmp_path / "python" / written).read_bytes() == (
            tmp_path / "command" / written
        ).read_bytes(), written
    plans = sorted(path.name for path in (tmp_path / "python" / "plans").iterdir())
    assert plans == sorted(path.name for path in (tmp_path / "command" / "plans").iterdir())


def test_formats_choose_the_outputs(tmp_path: Path) -> None:
    piano.batch([relative(FIXTURES / "text")], tmp_path, formats=["ndjson"])
    assert (tmp_path / "plans.ndjson").is_file()
    assert not (tmp_path / "objectives.csv").exists()
    assert not (tmp_path / "plans").exists()


def test_a_resumed_batch_keeps_its_settings(tmp_path: Path) -> None:
    inputs = [relative(FIXTURES / "text")]
    first = piano.batch(inputs, tmp_path)
    assert piano.batch(inputs, tmp_path, resume=True) == first
    with pytest.raises(ValueError, match="include_staff=False"):
        piano.batch(inputs, tmp_path, resume=True, include_staff=True)


def test_bad_arguments_raise() -> None:
    with pytest.raises(ValueError, match="xlsx"):
        piano.batch([relative(FIXTURES / "text")], "out", formats=["xlsx"])
    with pytest.raises(ValueError, match="jobs=0"):
        piano.batch([relative(FIXTURES / "text")], "out", jobs=0)
    with pytest.raises(piano.PianoError, match="no such file or folder"):
        piano.batch(["no-such-archive"], "out")
