"""Files that are not regular files, as inputs and as outputs, and signals during a write.

Issue 8, points 5 and 6. A FIFO given as the report blocked `open()` forever; `render -o
FIFO` blocked reading the "existing output"; `--force` renamed a file over a FIFO or a device
node; SIGTERM or SIGHUP during a write left the hidden temporary file behind. Every hanging
case runs under an alarm, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL, PROGRAM, alarm, listing
from typer.testing import CliRunner, Result

from lkjip_cli.cli import berkas as berkas_cli
from lkjip_cli.cli.app import app
from lkjip_cli.source import berkas
from lkjip_cli.source.berkas import BukanBerkasBiasa, baca_berkas_biasa

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")

SARAN_BACA = ("lkjip hanya membaca berkas biasa: simpan isinya ke sebuah berkas lalu beri "
              "nama berkas itu")
MARKER = "<!-- dibuat oleh lkjip render dari laporan.yaml; lkjip render menimpa berkas ini -->"


@pytest.fixture(autouse=True)
def batas_waktu() -> Iterator[None]:
    """Fail (not hang) when a command blocks for 10 s: the alarm interrupts `open()`."""
    with alarm(10):
        yield


def invoke(*args: str | Path) -> Result:
    result = runner.invoke(app, [*map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipa.yaml"
    os.mkfifo(path)
    return path


def _soket(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    return sock


# ------------------------------------------------------------------------------ inputs


@pytest.mark.parametrize("command", [["validate"], ["compute"], ["explain", "IKU1"],
                                     ["check"], ["render"]])
def test_fifo_as_report_refused_by_every_command(fifo: Path, command: list[str]) -> None:
    args = [command[0], fifo, *command[1:]]
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr == (f"{fifo}: error[io]: bukan berkas biasa melainkan FIFO (pipa "
                             f"bernama); {SARAN_BACA}\n")
    assert result.stdout == ""


def test_link_to_a_fifo_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "tautan.yaml"
    link.symlink_to(fifo)
    result = invoke("validate", link)
    assert result.exit_code == 2
    assert "bukan berkas biasa melainkan FIFO (pipa bernama)" in result.stderr


@pytest.mark.parametrize(("target", "jenis"), [("/dev/null", "perangkat karakter"),
                                              ("/dev/zero", "perangkat karakter"),
                                              ("direktori", "direktori"),
                                              ("soket", "soket")])
def test_other_special_files_refused_as_input(tmp_path: Path, target: str, jenis: str) -> None:
    link = tmp_path / "laporan.yaml"
    if target == "direktori":
        link.mkdir()
    elif target == "soket":
        sock = _soket(link)
    else:
        link.symlink_to(target)  # /dev/zero would never end; read whole, it ate memory
    result = invoke("validate", link)
    if target == "soket":
        sock.close()
    assert result.exit_code == 2
    assert result.stderr == f"{link}: error[io]: bukan berkas biasa melainkan {jenis}; " \
                            f"{SARAN_BACA}\n"


def test_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    real = tmp_path / "asli.yaml"
    real.write_text(MINIMAL, encoding="utf-8")
    link = tmp_path / "tautan.yaml"
    link.symlink_to(real)
    assert invoke("validate", link).exit_code == 0


def test_swapped_for_a_fifo_after_the_stat_is_refused(
        fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The TOCTOU window: os.stat saw a regular file, then a FIFO took its place. The open
    does not block (O_NONBLOCK) and fstat on the opened descriptor refuses it."""
    biasa = tmp_path / "biasa.yaml"
    biasa.write_text("x", encoding="utf-8")
    asli = os.stat

    def stat_lama(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        return asli(biasa) if Path(path) == fifo else asli(path, *args, **kwargs)

    monkeypatch.setattr(berkas.os, "stat", stat_lama)
    with pytest.raises(BukanBerkasBiasa, match="FIFO"):
        baca_berkas_biasa(fifo, 100)


def test_read_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "besar.yaml"
    path.write_bytes(b"a" * 5000)
    assert baca_berkas_biasa(path, 3000) == b"a" * 3000


def test_fifo_in_the_template_dir_refused(tmp_path: Path) -> None:
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL, encoding="utf-8")
    tpl = tmp_path / "templat"
    tpl.mkdir()
    os.mkfifo(tpl / "tabel_3_5.md.j2")
    result = invoke("render", laporan, "-t", "3.5", "--template-dir", tpl)
    assert result.exit_code == 2
    assert result.stderr == (f"tabel_3_5.md.j2: error[template]: templat "
                             f"{tpl}/tabel_3_5.md.j2 tidak dapat dibaca: bukan berkas biasa "
                             f"melainkan FIFO (pipa bernama); {SARAN_BACA}\n")


def test_device_and_huge_template_refused(tmp_path: Path) -> None:
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL, encoding="utf-8")
    tpl = tmp_path / "templat"
    tpl.mkdir()
    (tpl / "tabel_3_5.md.j2").symlink_to("/dev/zero")
    result = invoke("render", laporan, "-t", "3.5", "--template-dir", tpl)
    assert result.exit_code == 2
    # /dev/zero lies outside the template directory: refused before it is opened.
    assert "menunjuk ke luar --template-dir (/dev/zero)" in result.stderr
    (tpl / "tabel_3_5.md.j2").unlink()
    (tpl / "tabel_3_5.md.j2").write_text("x" * 100_001, encoding="utf-8")
    result = invoke("render", laporan, "-t", "3.5", "--template-dir", tpl)
    assert result.exit_code == 2
    assert "lebih dari 100.000 byte (MAKS_UKURAN_TEMPLAT)" in result.stderr


# ----------------------------------------------------------------------------- outputs


def _tolak(path: Path, jenis: str) -> str:
    return (f"Tidak menimpa {path}: itu {jenis}, bukan berkas biasa; lkjip hanya menimpa "
            "berkas biasa, juga dengan --force. Pilih nama berkas lain.\n")


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_render_onto_a_fifo_refused(laporan: Path, tmp_path: Path, force: list[str]) -> None:
    out = tmp_path / "bab.md"
    os.mkfifo(out)
    result = invoke("render", laporan, "-o", out, *force)
    assert result.exit_code == 2
    assert result.stderr == _tolak(out, "FIFO (pipa bernama)")
    assert out.is_fifo()
    assert listing(tmp_path) == ["bab.md", "laporan.yaml"]


@pytest.mark.parametrize(("target", "jenis"), [("/dev/null", "perangkat karakter"),
                                              ("soket", "soket"),
                                              ("direktori", "direktori")])
def test_force_never_replaces_a_link_to_a_special_file(laporan: Path, tmp_path: Path,
                                                       target: str, jenis: str) -> None:
    """A link to /dev/null stands for /dev/null itself (never touched here, even as root)."""
    out = tmp_path / "bab.md"
    if target == "soket":
        sock = _soket(tmp_path / "s")
        out.symlink_to(tmp_path / "s")
    elif target == "direktori":
        (tmp_path / "d").mkdir()
        out.symlink_to(tmp_path / "d")
    else:
        out.symlink_to(target)
    result = invoke("render", laporan, "-o", out, "--force")
    if target == "soket":
        sock.close()
    assert result.exit_code == 2
    if target == "direktori":
        assert result.stderr == f"Tidak menulis {out}: itu direktori; -o memerlukan nama berkas.\n"
    else:
        assert result.stderr == _tolak(out, jenis)
    assert out.is_symlink()


@pytest.mark.parametrize("target", ["lain.md", "hilang.md"])
def test_a_link_is_never_replaced_nor_written_through(laporan: Path, tmp_path: Path,
                                                      target: str) -> None:
    """A link to a regular file (say ~/.bashrc, in a repository from others), or a dangling
    one: kept as it is, and the file it names too, even with --force."""
    lain = tmp_path / "lain.md"
    lain.write_text("punya orang\n", encoding="utf-8")
    out = tmp_path / "bab.md"
    out.symlink_to(tmp_path / target)
    result = invoke("render", laporan, "-o", out, "--force")
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak menimpa {out}: itu tautan simbolik; lkjip tidak mengganti "
                             "tautan dan tidak menulis lewat tautan, juga dengan --force. "
                             "Pilih nama berkas lain, atau hapus tautannya.\n")
    assert out.is_symlink()
    assert lain.read_text(encoding="utf-8") == "punya orang\n"


def test_link_to_lkjip_output_is_not_replaced_either(laporan: Path, tmp_path: Path) -> None:
    lama = tmp_path / "lama.md"
    lama.write_text(MARKER + "\n", encoding="utf-8")
    out = tmp_path / "bab.md"
    out.symlink_to(lama)
    assert invoke("render", laporan, "-o", out).exit_code == 2
    assert out.is_symlink()


def test_csv_onto_a_fifo_refused_and_nothing_written(tmp_path: Path) -> None:
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL + PROGRAM, encoding="utf-8")
    out = tmp_path / "csv"
    out.mkdir()
    os.mkfifo(out / "tabel-3.13.csv")
    result = invoke("compute", laporan, "-f", "csv", "--out-dir", out, "--force")
    assert result.exit_code == 2
    assert result.stderr.endswith(_tolak(out / "tabel-3.13.csv", "FIFO (pipa bernama)"))
    assert listing(out) == ["tabel-3.13.csv"]  # no CSV written before the refusal


def test_swapped_for_a_fifo_before_the_rename(laporan: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked again right before the rename: a FIFO that appeared since is not replaced."""
    out = tmp_path / "bab.md"
    asli = berkas_cli._sementara

    def lalu_fifo(path: Path, teks: str, temps: list[Path]) -> None:
        asli(path, teks, temps)
        os.mkfifo(path)

    monkeypatch.setattr(berkas_cli, "_sementara", lalu_fifo)
    result = invoke("render", laporan, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak dapat menulis {out}: bukan berkas biasa melainkan FIFO "
                             "(pipa bernama); lkjip hanya menimpa berkas biasa.\n")
    assert out.is_fifo()
    assert listing(tmp_path) == ["bab.md", "laporan.yaml"]  # the temporary file is gone


# ----------------------------------------------------------------------------- signals

#: Runs lkjip with one `os` function patched to send the process a signal when called:
#: `fsync` is the middle of writing the temporary file, `replace` the moving into place.
SKRIP = """
import os, signal, sys
sig = getattr(signal, sys.argv[1])
if sys.argv[3] == "abaikan":
    signal.signal(sig, signal.SIG_IGN)  # as under nohup
asli = getattr(os, sys.argv[2])
def kirim(*args, **kwargs):
    os.kill(os.getpid(), sig)
    return asli(*args, **kwargs)
setattr(os, sys.argv[2], kirim)
from lkjip_cli.cli.app import main
sys.argv = ["lkjip", *sys.argv[4:]]
main()
"""


def jalankan(sinyal: str, titik: str, mode: str,
             *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", SKRIP, sinyal, titik, mode, *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


@pytest.mark.parametrize(("sinyal", "titik"), [
    ("SIGTERM", "fsync"), ("SIGHUP", "fsync"), ("SIGINT", "fsync"),
    ("SIGTERM", "fdopen"),  # just after the temporary file was created
    ("SIGTERM", "chmod"),   # after it was written, before any rename
])
def test_signal_while_writing_leaves_no_temporary_file(laporan: Path, tmp_path: Path,
                                                       sinyal: str, titik: str) -> None:
    out = tmp_path / "bab.md"
    lama = MARKER + "\nisi lama\n"
    out.write_text(lama, encoding="utf-8")
    proc = jalankan(sinyal, titik, "-", "render", laporan, "-o", out)
    if sinyal == "SIGINT":
        assert proc.returncode in (1, 130)  # click's Abort after KeyboardInterrupt
    else:
        assert proc.returncode == -getattr(signal, sinyal), proc.stderr  # died by it
        assert "Traceback" not in proc.stderr
    assert listing(tmp_path) == ["bab.md", "laporan.yaml"]
    assert out.read_text(encoding="utf-8") == lama  # the target is untouched


def test_ignored_sighup_does_not_stop_the_write(laporan: Path, tmp_path: Path) -> None:
    out = tmp_path / "bab.md"
    proc = jalankan("SIGHUP", "fsync", "abaikan", "render", laporan, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith(MARKER)
    assert listing(tmp_path) == ["bab.md", "laporan.yaml"]


def test_signal_while_moving_into_place_waits_for_the_last_file(tmp_path: Path) -> None:
    """SIGTERM at the first rename of three CSV files: held until all three are in place."""
    laporan = tmp_path / "laporan.yaml"
    laporan.write_text(MINIMAL + PROGRAM, encoding="utf-8")
    out = tmp_path / "csv"
    proc = jalankan("SIGTERM", "replace", "-", "compute", laporan, "-f", "csv",
                    "-t", "3.5,3.8,3.13", "--out-dir", out)
    assert proc.returncode == -signal.SIGTERM, proc.stderr
    assert listing(out) == ["tabel-3.13.csv", "tabel-3.5.csv", "tabel-3.8-SS1.csv"]
