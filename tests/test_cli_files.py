"""The file-writing policy (cli/berkas.py) through `lkjip compute --out-dir`, and the
pre-commit hooks' file selection.

Every refusal is one line on stderr and exit 2, never a traceback, and writes nothing: every
target is checked before the first is written. The rules `lkjip render -o` shares are tested
in test_render_cli.py.

Expected CSV by hand from conftest.MINIMAL: IKU1 target 80, realisasi 72, capaian
72 / 80 x 100 = 90, in Permendagri 86/2017's band [76, 91): Baik.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import MINIMAL, listing
from typer.testing import CliRunner, Result

from lkjip_cli.cli.app import app

runner = CliRunner()

ROOT = Path(__file__).resolve().parent.parent

TABEL_3_5 = ("No,Indikator Kinerja,Satuan,Target,Realisasi,Capaian (%),Kategori\n"
             "1,Indikator satu,%,80,72,90,Baik\n")

LAMA = "catatan saya,1\n"


def invoke(*args: str | Path) -> Result:
    result = runner.invoke(app, ["compute", *map(str, args)])
    # A user's mistake never ends in a traceback: only a clean exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def csv_ke(laporan: Path, out_dir: Path, tabel: str, *extra: str) -> Result:
    return invoke(laporan, "-f", "csv", "-t", tabel, "--out-dir", out_dir, *extra)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    path = tmp_path / "keluaran"
    path.mkdir()
    return path


# ------------------------------------------------------------------------- --out-dir


def test_out_dir_created_and_written(laporan: Path, tmp_path: Path) -> None:
    out = tmp_path / "baru" / "csv"
    result = csv_ke(laporan, out, "3.5")
    assert result.exit_code == 0
    assert result.stdout == f"{out / 'tabel-3.5.csv'}\n"
    assert (out / "tabel-3.5.csv").read_text(encoding="utf-8") == TABEL_3_5
    assert listing(out) == ["tabel-3.5.csv"]  # no temporary file left


def test_out_dir_onto_a_regular_file(laporan: Path) -> None:
    result = csv_ke(laporan, laporan, "3.5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"Tidak menulis ke {laporan}: itu berkas, bukan direktori; "
                             "--out-dir memerlukan direktori.\n")
    assert "Traceback" not in result.output
    assert laporan.read_text(encoding="utf-8") == MINIMAL


def test_out_dir_below_a_regular_file(laporan: Path) -> None:
    out = laporan / "csv"
    result = csv_ke(laporan, out, "3.5")
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak dapat membuat direktori {out}: salah satu bagian jalurnya "
                             "bukan direktori.\n")


def test_existing_csv_kept_without_force(laporan: Path, out: Path) -> None:
    target = out / "tabel-3.5.csv"
    target.write_text(LAMA, encoding="utf-8")
    result = csv_ke(laporan, out, "3.5")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"Tidak menimpa {target}: berkas itu sudah ada. "
                             "Pakai --force untuk menimpanya.\n")
    assert target.read_text(encoding="utf-8") == LAMA


def test_existing_csv_replaced_with_force(laporan: Path, out: Path) -> None:
    target = out / "tabel-3.5.csv"
    target.write_text(LAMA, encoding="utf-8")
    os.chmod(target, 0o640)
    result = csv_ke(laporan, out, "3.5", "--force")
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == TABEL_3_5
    assert target.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    assert listing(out) == ["tabel-3.5.csv"]


def test_nothing_written_when_one_target_is_refused(laporan: Path, out: Path) -> None:
    # Tabel 3.5, then Tabel 3.11's two parts: only the last one exists.
    last = out / "tabel-3.11-alokasi.csv"
    last.write_text(LAMA, encoding="utf-8")
    result = csv_ke(laporan, out, "3.5,3.11")
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak menimpa {last}: berkas itu sudah ada. "
                             "Pakai --force untuk menimpanya.\n")
    assert listing(out) == ["tabel-3.11-alokasi.csv"]
    assert last.read_text(encoding="utf-8") == LAMA


def test_directory_in_the_place_of_a_csv(laporan: Path, out: Path) -> None:
    (out / "tabel-3.5.csv").mkdir()
    result = csv_ke(laporan, out, "3.5", "--force")
    assert result.exit_code == 2
    assert result.stderr == f"Tidak menulis {out / 'tabel-3.5.csv'}: itu direktori, bukan " \
                            "berkas.\n"


def test_input_file_never_a_target(tmp_path: Path) -> None:
    # A report may be named anything, even like the CSV lkjip would write beside it.
    masukan = tmp_path / "tabel-3.5.csv"
    masukan.write_text(MINIMAL, encoding="utf-8")
    result = csv_ke(masukan, tmp_path, "3.5", "--force")
    assert result.exit_code == 2
    assert result.stderr == f"Tidak menulis {masukan}: itu berkas masukan.\n"
    assert masukan.read_text(encoding="utf-8") == MINIMAL


def _gagal_pada(ke: int, fungsi: Callable[..., Any]) -> Callable[..., Any]:
    """`fungsi`, but its call number `ke` (1-based) fails with ENOSPC."""
    calls = [0]

    def wrapper(*args: Any) -> Any:
        calls[0] += 1
        if calls[0] == ke:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return fungsi(*args)

    return wrapper


def test_disk_full_while_writing_leaves_everything_as_it_was(
        laporan: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The second of three temporary files cannot be flushed, after the first was written.
    monkeypatch.setattr(os, "fsync", _gagal_pada(2, os.fsync))
    result = csv_ke(laporan, out, "3.5,3.11")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"Tidak dapat menulis {out / 'tabel-3.11-efisiensi.csv'}: "
                             "ruang disk habis.\n")
    assert listing(out) == []  # no target, no temporary file


def test_refused_rename_is_one_line(laporan: Path, out: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", _gagal_pada(1, os.replace))
    result = csv_ke(laporan, out, "3.5")
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak dapat menulis {out / 'tabel-3.5.csv'}: "
                             "ruang disk habis.\n")
    assert listing(out) == []


# ------------------------------------------------------------------------- pre-commit


def _hook(hook_id: str) -> dict[str, str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == hook_id)


@pytest.mark.parametrize("hook_id", ["lkjip-validate", "lkjip-check"])
@pytest.mark.parametrize(("path", "dipilih"), [
    ("data/2020.yaml", True),
    ("laporan.yml", True),
    ("data/2020.json", False),
    (".github/workflows/ci.yml", False),
    (".pre-commit-config.yaml", False),
    ("laporan/.draf/2021.yaml", False),
])
def test_pre_commit_hooks_skip_hidden_paths(hook_id: str, path: str, dipilih: bool) -> None:
    # pre-commit matches `files` and `exclude` with re.search on the repository path.
    hook = _hook(hook_id)
    chosen = bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)
    assert chosen is dipilih


def test_out_dir_without_csv_is_a_usage_error(laporan: Path, out: Path) -> None:
    result = runner.invoke(app, ["compute", str(laporan), "--out-dir", str(out)],
                           env={"COLUMNS": "200"})  # the error panel on one line
    assert result.exit_code == 2
    assert "--out-dir dan --force hanya untuk --format csv" in result.stderr
    assert list(out.iterdir()) == []
