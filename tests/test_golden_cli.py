"""Snapshot tests of what `lkjip compute` and `lkjip check` print for the reference report.

The golden files were read line by line against the seed's tables when they were written
(captions, column order, every figure of Tabel 3.4 to 3.13, every finding); the figure-level
assertions live in test_cli_compute.py and test_check_reference.py. Rewrite with
LKJIP_UPDATE_GOLDEN=1 after reading the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from snapshot import assert_matches_golden
from typer.testing import CliRunner

from lkjip_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent


def _run(monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.chdir(ROOT)  # the file name printed in the output is the relative one
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


def test_compute_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, "compute", "data/2020.yaml")
    assert_matches_golden("compute-2020.txt", out, "lkjip compute data/2020.yaml")


def test_check_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, "check", "data/2020.yaml")
    assert_matches_golden("check-2020.txt", out, "lkjip check data/2020.yaml")
