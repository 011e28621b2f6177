"""`load_cepat(path)`: `load(path)` for batches, skipping the source positions of clean files.

Why: `lkjip rekap` reads thousands of reports and prints none of their diagnostics unless a
file is invalid. A file is first built without positions (`source.cepat`), validated and
checked; the moment anything is wrong (a YAML problem, a validation error, a semantic
error) the file is loaded again by `load`, so that every error is reported exactly as
`lkjip validate` reports it, with its line and column. A valid file gives the same report
as `load`; its warnings, which a batch does not print, carry no position.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from lkjip_cli.checks import semantic_checks
from lkjip_cli.diagnostics import has_errors, sort_key
from lkjip_cli.loader import LoadResult, load
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.source.cepat import Lambat, parse_tanpa_posisi
from lkjip_cli.source.yamlsource import MAX_FILE_BYTES, SourceMap


def load_cepat(path: str | Path) -> LoadResult:
    """The validated report of a clean file, fast; anything else exactly as `load` gives it."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            return load(path)
        data = parse_tanpa_posisi(raw.decode("utf-8-sig"))
        report = Laporan.model_validate(data)
    except (OSError, UnicodeDecodeError, Lambat, ValidationError):
        return load(path)
    source = SourceMap(name)
    diagnostics = semantic_checks(data, source)
    if has_errors(diagnostics):
        return load(path)
    return LoadResult(report, source, tuple(sorted(diagnostics, key=sort_key)))
