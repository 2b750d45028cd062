"""Type stubs of the native module ``piano._piano`` (Rust, PyO3)."""

import os
from typing import Any, Literal, Optional, Sequence, Union

__version__: str

StrPath = Union[str, "os.PathLike[str]"]
OcrMode = Literal["auto", "always", "never"]

class PianoError(ValueError):
    """Input piano cannot read at all (not a PDF, an image or a text;
    damaged; protected by a password), with the message the ``piano``
    command prints."""

def extract(
    source: Union[StrPath, bytes],
    *,
    name: Optional[str] = None,
    include_staff: bool = False,
    profiles: Sequence[StrPath] = (),
    ocr: OcrMode = "auto",
    ocr_lang: str = "ita",
    timeout: Optional[float] = None,
) -> dict[str, Any]:
    """One plan as the dict ``piano extract`` writes as JSON, value for value.

    ``source`` is a path, or bytes with ``name`` the file name the plan
    records. Raises ``PianoError`` for input piano cannot read at all,
    ``TimeoutError`` past ``timeout`` seconds. ``ocr`` is the command's
    ``--ocr`` (``"auto"``, ``"always"``, ``"never"``)."""

def check(
    source: Union[StrPath, bytes],
    *,
    name: Optional[str] = None,
    profiles: Sequence[StrPath] = (),
    ocr: OcrMode = "auto",
    ocr_lang: str = "ita",
    timeout: Optional[float] = None,
) -> list[dict[str, Any]]:
    """The diagnostics of one plan: ``extract(...)["diagnostics"]``."""

def batch(
    inputs: Sequence[StrPath],
    out: StrPath,
    *,
    jobs: Optional[int] = None,
    resume: bool = False,
    formats: Sequence[Literal["json", "csv", "ndjson", "parquet"]] = ("json", "csv", "ndjson"),
    license: Optional[str] = None,
    include_staff: bool = False,
    profiles: Sequence[StrPath] = (),
    ocr: OcrMode = "auto",
    ocr_lang: str = "ita",
    timeout: float = 60.0,
    fail_fast: bool = False,
) -> dict[str, Any]:
    """Every plan of ``inputs`` (files, folders) into the folder ``out``, as
    ``piano batch`` does; returns its report (``report.json``)."""

def csv_tables(
    plans: Sequence[str], *, include_staff: bool = False
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The CSV tables of plans given as JSON texts: (name, CSV text,
    [(column, Frictionless type)]) per table."""
