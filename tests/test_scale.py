"""A large report (benchmarks/scale.py's generator) validates, computes, checks and renders.

The generator copies data/2020.yaml's sasaran with their indicators and printed figures and
gives each indicator 3 kegiatan. N = 100 here keeps the test to seconds; the benchmark runs
N = 1,000 and 5,000 and measures how the cost grows (issue 15).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
N = 100


def _scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def besar(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("skala") / "besar.yaml"
    path.write_text(_scale().laporan_skala(N), encoding="utf-8")
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_large_report_validates(besar: Path) -> None:
    code, _, err = invoke("validate", str(besar))
    assert code == 0
    assert err.splitlines()[-1] == "1 berkas sah."
    # The only warnings are the reference's own: IKU2's annual target 50 against its last
    # quarter's 0 (rekap_triwulan: terakhir), once per copy of IKU2.
    warnings = [ln for ln in err.splitlines() if "warning[" in ln]
    assert len(warnings) == N // 4
    assert all("warning[rekap-triwulan]" in ln for ln in warnings)


def test_large_report_computes(besar: Path) -> None:
    code, out, _ = invoke("compute", str(besar), "--format", "json", "-t", "3.5")
    assert code == 0
    (tabel,) = json.loads(out)["tabel"]
    rows = tabel["baris"]
    # One row per indicator: N = 100 of them, 25 copies of IKU1-IKU4.
    assert len(rows) == N
    # Every 4th row is a copy of IKU1: realisasi 73 of target 75, 73 / 75 x 100 = 97,33.
    assert {row[5]["tampil"] for row in rows[::4]} == {"97,33"}
    # Copies of IKU3 (negative polarity): (2 x 20 - 6,23) / 20 x 100 = 168,85.
    assert {row[5]["tampil"] for row in rows[2::4]} == {"168,85"}


def test_large_report_checks(besar: Path) -> None:
    code, out, _ = invoke("check", str(besar), "--format", "github")
    # The copies keep the reference's printed errors, so findings exist: exit 1.
    assert code == 1
    assert re.search(r"\d+ angka tercetak diperiksa", out)


def test_large_report_renders(besar: Path) -> None:
    code, out, _ = invoke("render", str(besar), "-t", "3.5")
    assert code == 0
    # Tabel 3.5 lists every indicator: the IKU1 name appears once per copy.
    assert out.count("Persentase SDM Aparatur yang memenuhi Standar Kompetensi Jabatan") \
        == N // 4
