"""`lkjip export --to pdf`: the Word document through LibreOffice.

One conversion in the whole suite (about 2-7 s), skipped where LibreOffice is not installed;
the rest runs everywhere: without LibreOffice the command says how to install it in one
line, exit 2, nothing written; a LibreOffice that fails is one line too. Expected text is
the 2020 report's (captions as it numbers them, Tabel 3.8 three times) and the page numbers
the rule gives: the lists on roman pages; the first chapter from page 1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import listing
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.cli.berkas import ditulis_lkjip_pdf
from lkjip_cli.render import pdf

pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
runner = CliRunner()


def _export(*args: str | Path) -> object:
    result = runner.invoke(app, ["export", str(DATA), "--to", "pdf", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result


def test_without_libreoffice_one_line_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "cari_soffice", lambda: None)
    result = _export("-o", tmp_path / "laporan.pdf")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.stderr == pdf.TANPA_LIBREOFFICE + "\n"  # type: ignore[attr-defined]
    assert "sudo apt-get install libreoffice-writer-nogui" in pdf.TANPA_LIBREOFFICE
    assert listing(tmp_path) == []


def test_a_libreoffice_that_writes_nothing_is_one_line_and_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    false = shutil.which("false")
    if false is None:
        pytest.skip("no `false` program")
    monkeypatch.setattr(pdf, "cari_soffice", lambda: false)
    monkeypatch.setattr(pdf, "python_uno", lambda soffice: None)
    result = _export("-o", tmp_path / "laporan.pdf", "--tanpa-grafik")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.stderr.splitlines()[-1] == (  # type: ignore[attr-defined]
        f"Tidak dapat menulis PDF: LibreOffice ({false}) berhenti tanpa menulis PDF "
        "(kode keluar 1). Pastikan komponen Writer-nya terpasang (Debian/Ubuntu: paket "
        "libreoffice-writer-nogui).")
    assert listing(tmp_path) == []


def test_a_pdf_is_recognised_as_lkjips_by_its_author(tmp_path: Path) -> None:
    milik = tmp_path / "a.pdf"
    milik.write_bytes(b"%PDF-1.7\n...\n<</Author<FEFF006C006B006A00690070>>>\n%%EOF\n")
    asing = tmp_path / "b.pdf"
    asing.write_bytes(b"%PDF-1.7\n...\n<</Author(Dinas)>>\n%%EOF\n")
    bukan = tmp_path / "c.pdf"
    bukan.write_bytes(b"/Author(lkjip)")  # not a PDF
    assert [ditulis_lkjip_pdf(p) for p in (milik, asing, bukan)] == [True, False, False]


def _halaman(berkas: Path, *opsi: str) -> list[str]:
    teks = subprocess.run(["pdftotext", *opsi, str(berkas), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return teks.split("\f")


def _writer_terpasang() -> bool:
    """Whether LibreOffice is here with its Writer component (libswlo), which converts a DOCX:
    Debian splits it out, and CI may install Calc alone for the spreadsheet proof."""
    soffice = pdf.cari_soffice()
    if soffice is None:
        return False
    return any(Path(os.path.realpath(soffice)).parent.glob("libswlo.*"))


@pytest.mark.skipif(not _writer_terpasang(), reason="LibreOffice Writer tidak terpasang")
def test_the_pdf_has_the_documents_pages_numbers_and_lists(tmp_path: Path) -> None:
    out = tmp_path / "laporan.pdf"
    result = _export("-o", out, "--tanpa-grafik")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert out.read_bytes().startswith(b"%PDF-") and ditulis_lkjip_pdf(out)
    if shutil.which("pdftotext") is None:
        return
    halaman = _halaman(out, "-layout")
    # the footers: roman on the lists' pages (after a cover and Kata Pengantar, if any),
    # arabic from 1 on the page the first chapter opens
    isi = next(i for i, h in enumerate(halaman) if h.split()[:2] == ["DAFTAR", "ISI"])
    assert halaman[isi].split()[-1] in ("i", "ii", "iii")
    tabel = next(i for i, h in enumerate(halaman) if h.split()[:2] == ["DAFTAR", "TABEL"])
    assert tabel > isi and halaman[tabel].split()[-1] in ("ii", "iii", "iv", "v")
    # the page a chapter opens on (not a list's entry for it, which has dotted leaders)
    bab2 = next(i for i, h in enumerate(halaman) if i > tabel and "....." not in h
                and re.search(r"^\s*BAB I+ ", h, re.M))
    assert halaman[bab2].split()[-1] == "1"
    # LibreOffice computed the SEQ fields to the report's numbers
    badan = "\n".join(_halaman(out)[bab2:])  # reading order: a caption's lines together
    assert re.findall(r"^Tabel (3\.[0-9]+)$", badan, re.M) == [
        "3.1", "3.2", "3.4", "3.5", "3.6", "3.7", "3.8", "3.8", "3.8", "3.9", "3.10",
        "3.11", "3.12", "3.13"]
    if pdf.python_uno(pdf.cari_soffice() or "") is not None:
        # the lists were updated: entries with dotted leaders and page numbers
        assert re.search(r"BAB III AKUNTABILITAS KINERJA\.{5,}\s*\d+", halaman[isi])
