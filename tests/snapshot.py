"""Golden files for rendered output: compare, or rewrite with LKJIP_UPDATE_GOLDEN=1.

A rewrite skips the test, so it never counts as a pass; a mismatch shows a unified diff and
the command that accepts the change after it has been read.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden"


def assert_matches_golden(name: str, actual: str, produced_by: str) -> None:
    golden = GOLDEN_DIR / name
    if os.environ.get("LKJIP_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        pytest.skip(f"{golden.relative_to(ROOT)} ditulis ulang (LKJIP_UPDATE_GOLDEN=1)")
    expected = golden.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                          f"tests/golden/{name}", produced_by, lineterm="",
                                          n=1))
    assert actual == expected, (
        f"{diff[:4000]}\n\nIf the change is intended: LKJIP_UPDATE_GOLDEN=1 "
        ".venv/bin/python -m pytest tests -k golden")
