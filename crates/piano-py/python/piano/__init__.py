"""piano: Italian public-sector performance plans read into typed open data.

- ``extract(source)``: one plan (a PDF, a text dump or a scan, by path or as
  bytes) as the dict ``piano extract`` writes as JSON;
- ``check(source)``: its diagnostics;
- ``tables(plans)``: the CSV tables of plans as pandas DataFrames;
- ``batch(inputs, out)``: a whole archive into one folder, as ``piano batch``.

Input piano cannot read at all raises ``PianoError`` (a ``ValueError``).
Every call releases the GIL while it reads, so threads read in parallel,
and Ctrl-C interrupts it.
"""

from ._piano import PianoError, __version__, batch, check, extract
from ._tables import tables

__all__ = ["PianoError", "__version__", "batch", "check", "extract", "tables"]
