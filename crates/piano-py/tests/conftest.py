"""What the tests of the Python bindings share: the repository's fixtures,
and the `piano` command they are held to (the debug build by default, or
the binary PIANO_BIN names)."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"

#: The extensions of the inputs a batch takes from a folder.
INPUT_EXTENSIONS = {".pdf", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}

#: A text fixture with structures, objectives, weights and staff.
PLAN = FIXTURES / "portoferraio-2021.txt"


def inputs(folder: Path = FIXTURES) -> list[Path]:
    """Every input under ``folder``, sorted by path, as ``piano batch`` lists them."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in INPUT_EXTENSIONS
    )


def piano_binary() -> Path:
    """The ``piano`` command to compare with."""
    named = os.environ.get("PIANO_BIN")
    binary = Path(named) if named else ROOT / "target" / "debug" / "piano"
    if not binary.is_file():
        pytest.fail(f"{binary}: no piano binary (build it with `cargo build -p piano-cli`)")
    return binary


@dataclass
class Run:
    """What a run of the ``piano`` command printed, and how it ended."""

    code: int
    stdout: str
    stderr: str

    def plan(self) -> Optional[dict[str, Any]]:
        """The plan it wrote, if it wrote one."""
        return json.loads(self.stdout) if self.stdout.strip() else None

    def error(self) -> str:
        """The message of its ``error:`` line."""
        lines = [line for line in self.stderr.splitlines() if line.startswith("error: ")]
        assert lines, f"no error line in {self.stderr!r}"
        return lines[-1].removeprefix("error: ")


def command(*args: str) -> Run:
    """Runs the ``piano`` command from the repository's root."""
    done = subprocess.run(
        [str(piano_binary()), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def relative(path: Path) -> str:
    """``path`` as given to the command (from the repository's root)."""
    return str(path.relative_to(ROOT))
