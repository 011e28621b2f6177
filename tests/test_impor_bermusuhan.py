"""Workbooks and documents from anyone (issue 18, points 2 to 4).

Point 2: `lkjip import` and `export --reference-doc` read only regular files, once: a FIFO or
`/dev/zero` is refused at once, as `lkjip validate` refuses it, and openpyxl and python-docx
are handed the bytes read, never the path. Point 3: a workbook is read within named limits
(`lkjip_cli/source/batas.py`), each refusal one positioned diagnostic within seconds, and it
is loaded once. Point 4: every cell problem is named by its cell, huge, infinite, NaN and
bad-date values included, with no traceback.

The issue's own examples (a cell in row 1,048,576, 150 MB of sheet XML, 50,000 merged ranges,
`/dev/zero`) run in a child process under a time and memory limit: before this change they
took minutes and gigabytes, and a regression must fail, not take the machine with it. Each
limit is also tried at its edge, with small limits passed in (`BatasArsip`).
"""

from __future__ import annotations

import io
import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import buku_rusak as br
import pytest
from conftest import alarm
from typer.testing import CliRunner, Result

from lkjip_cli.buku.baca_sel import desimal_dari_float
from lkjip_cli.buku.impor import impor
from lkjip_cli.cli.app import app
from lkjip_cli.diagnostics import format_text
from lkjip_cli.source.batas import BATAS_BUKU, BatasArsip

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
SARAN_BACA = ("lkjip hanya membaca berkas biasa: simpan isinya ke sebuah berkas lalu beri "
              "nama berkas itu")

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")


@pytest.fixture(autouse=True)
def batas_waktu() -> Iterator[None]:
    """Fail (not hang) when a command blocks for 20 s: the alarm interrupts `open()`."""
    with alarm(20):
        yield


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(app, [*map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _terbatas() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2,) * 2)


def lkjip_terbatas(*args: str | Path, detik: float = 20) -> subprocess.CompletedProcess[str]:
    """lkjip in a child process with 1.5 GiB of address space and `detik` seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "lkjip_cli", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=detik, check=False,
                          preexec_fn=_terbatas)


def tulis(tmp_path: Path, data: bytes, nama: str = "isian.xlsx") -> Path:
    path = tmp_path / nama
    path.write_bytes(data)
    return path


def galat(path: Path, batas: BatasArsip = BATAS_BUKU) -> list[str]:
    """The error lines `lkjip import` prints for `path`."""
    return [format_text(d) for d in impor(path, batas=batas).diagnostics if d.is_error]


# ------------------------------------------------------------- point 2: regular files


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "isian.xlsx"
    os.mkfifo(path)
    return path


def test_import_of_a_fifo_is_refused_at_once(fifo: Path) -> None:
    result = invoke("import", fifo)
    assert result.exit_code == 2
    assert result.stderr == (f"{fifo}: error[io]: bukan berkas biasa melainkan FIFO (pipa "
                             f"bernama); {SARAN_BACA}\n")
    assert result.stdout == ""


@pytest.mark.parametrize(("target", "jenis"), [("/dev/null", "perangkat karakter"),
                                              ("fifo", "FIFO (pipa bernama)"),
                                              ("direktori", "direktori")])
def test_import_of_other_special_files_is_refused(tmp_path: Path, target: str,
                                                  jenis: str) -> None:
    link = tmp_path / "isian.xlsx"
    if target == "direktori":
        link.mkdir()
    elif target == "fifo":
        os.mkfifo(tmp_path / "pipa")
        link.symlink_to(tmp_path / "pipa")
    else:
        link.symlink_to(target)
    result = invoke("import", link)
    assert result.exit_code == 2
    assert result.stderr == f"{link}: error[io]: bukan berkas biasa melainkan {jenis}; " \
                            f"{SARAN_BACA}\n"


def test_import_of_dev_zero_is_refused_at_once() -> None:
    # Before: read whole (2.6 GB in 8 s). In a child process, within 1.5 GiB and 20 s.
    proc = lkjip_terbatas("import", "/dev/zero")
    assert proc.returncode == 2
    assert proc.stderr == ("/dev/zero: error[io]: bukan berkas biasa melainkan perangkat "
                           f"karakter; {SARAN_BACA}\n")


def test_reference_doc_fifo_is_refused_at_once(tmp_path: Path) -> None:
    ref = tmp_path / "templat.docx"
    os.mkfifo(ref)
    result = invoke("export", DATA, "--to", "docx", "-o", tmp_path / "x.docx",
                    "--reference-doc", ref, "--tanpa-grafik")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (f"{ref}: error[io]: bukan berkas biasa "
                                              f"melainkan FIFO (pipa bernama); {SARAN_BACA}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["templat.docx"]


def test_reference_doc_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    proc = lkjip_terbatas("export", DATA, "--to", "docx", "-o", tmp_path / "x.docx",
                          "--reference-doc", "/dev/zero", "--tanpa-grafik")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == ("/dev/zero: error[io]: bukan berkas biasa "
                                            f"melainkan perangkat karakter; {SARAN_BACA}")


def test_openpyxl_and_python_docx_get_the_bytes_read_never_the_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read once: nothing reopens a path that could meanwhile have become a FIFO or a
    bomb (the file's check and its reading are one act)."""
    import docx
    import openpyxl

    diterima: list[Any] = []

    def catat(asli: Callable[..., Any]) -> Callable[..., Any]:
        def fungsi(*args: Any, **kwargs: Any) -> Any:
            diterima.append(args[0] if args else None)
            return asli(*args, **kwargs)
        return fungsi

    ref = tmp_path / "templat.docx"
    docx.Document().save(str(ref))
    buku = tulis(tmp_path, br.buku_2020())
    monkeypatch.setattr(openpyxl, "load_workbook", catat(openpyxl.load_workbook))
    monkeypatch.setattr(docx, "Document", catat(docx.Document))
    assert invoke("import", buku).exit_code == 0
    assert invoke("export", DATA, "--to", "docx", "-o", tmp_path / "x.docx",
                  "--reference-doc", ref, "--tanpa-grafik").exit_code == 0
    # one workbook, one reference document (a new document for export is made from none)
    assert [type(s).__name__ for s in diterima if s is not None] == ["BytesIO", "BytesIO"]


def test_an_existing_office_output_swapped_for_a_fifo_is_never_waited_on(
        fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether lkjip wrote an existing .docx/.xlsx is read from its properties through the
    reader of regular files: a FIFO that took the file's place after it was checked (the
    check is skipped here) is refused, not waited on."""
    from lkjip_cli.cli import berkas as berkas_cli

    assert berkas_cli.ditulis_lkjip_office(fifo) is False
    out = tmp_path / "x.xlsx"
    monkeypatch.setattr(berkas_cli, "ada_dan_bukan_biasa", lambda path: None)
    os.mkfifo(out)
    result = invoke("export", DATA, "--to", "xlsx", "-o", out)
    assert result.exit_code == 2
    assert "Tidak menimpa" in result.stderr and "--force" in result.stderr


# --------------------------------------------------------- point 3: bounded, loaded once


def test_a_cell_at_row_1048576_is_one_diagnostic_within_seconds(tmp_path: Path) -> None:
    # Before: a million rows created in each of two loads, 140 s and 7 GB.
    path = tulis(tmp_path, br.sel_jauh(br.buku_2020()))
    proc = lkjip_terbatas("import", path)
    assert proc.returncode == 2
    assert proc.stderr == (f"{path}:Indikator!A1048576: error[xlsx-limit]: sel A1048576 di "
                           "baris 1.048.576, melewati batas 50.000 baris; hapus baris di bawah "
                           "data (pilih barisnya, Delete) lalu simpan\n")


def test_150_mb_of_sheet_xml_is_refused_before_it_expands(tmp_path: Path) -> None:
    # Before: loaded whole, twice: three minutes and 4 GB.
    path = tulis(tmp_path, br.bom_lembar(br.buku_2020(), 150))
    assert path.stat().st_size < 1_000_000
    proc = lkjip_terbatas("import", path)
    assert proc.returncode == 2
    assert proc.stderr == (f"{path}:Dilaporkan: error[too-large]: bagian "
                           "xl/worksheets/sheet15.xml berukuran 150.001.104 byte (143 MiB) "
                           "setelah diurai, melewati batas 67.108.864 byte (64 MiB) per "
                           "bagian\n")


def test_50000_merged_ranges_are_one_diagnostic(tmp_path: Path) -> None:
    # Before: 50,000 diagnostics after 15 to 40 s.
    path = tulis(tmp_path, br.gabungan(br.buku_2020(), 50_000))
    proc = lkjip_terbatas("import", path)
    assert proc.returncode == 2
    assert proc.stderr == (f"{path}:Indikator: error[xlsx-limit]: buku kerja berisi lebih dari "
                           "1.000 rentang sel yang digabung (batas); batalkan penggabungan "
                           "(pilih semua, Unmerge Cells)\n")


def test_the_workbook_is_loaded_once_read_only(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    panggilan: list[dict[str, Any]] = []
    asli = openpyxl.load_workbook

    def catat(sumber: Any, **kwargs: Any) -> Any:
        panggilan.append(kwargs)
        return asli(sumber, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", catat)
    hasil = impor(tulis(tmp_path, br.buku_2020()))
    assert hasil.laporan is not None
    assert [(k.get("read_only"), k.get("data_only")) for k in panggilan] == [(True, True)]


def _satu(path: Path, batas: BatasArsip) -> str:
    found = galat(path, batas)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("baris", "ditolak"), [(300, False), (301, True)])
def test_the_row_limit_is_on_the_last_filled_row(tmp_path: Path, baris: int,
                                                 ditolak: bool) -> None:
    # Dilaporkan, the longest sheet, goes to row 239
    path = tulis(tmp_path, br.sel_jauh(br.buku_2020(), nama="Tujuan", baris=baris))
    found = galat(path, BatasArsip(baris=300))
    if ditolak:
        assert found == [f"{path}:Tujuan!A301: error[xlsx-limit]: sel A301 di baris 301, "
                         "melewati batas 300 baris; hapus baris di bawah data (pilih barisnya, "
                         "Delete) lalu simpan"]
    else:  # read, and reported for what it is: a tujuan without a name
        assert found == [f"{path}:Tujuan!B300: error[missing]: Nama: sel wajib `Nama` kosong: "
                         "isi sel ini"]


def test_empty_formatted_rows_below_the_data_do_not_count(tmp_path: Path) -> None:
    # Excel writes a formatted empty row or cell where a user formatted far down.
    data = br.ubah_lembar(br.buku_2020(), "Indikator", lambda x: br.tambah_baris(
        x, '<row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row>'))
    assert impor(tulis(tmp_path, data)).laporan is not None


def test_a_dimension_that_lies_loses_no_row(tmp_path: Path) -> None:
    # openpyxl's read-only mode trusts <dimension>: the rows are read up to the last filled.
    asli = impor(tulis(tmp_path, br.buku_2020(), "asli.xlsx"))
    data = br.ubah_lembar(br.buku_2020(), "Indikator", lambda x: br.dimensi(x, "A1:B2"))
    bohong = impor(tulis(tmp_path, data, "bohong.xlsx"))
    assert asli.laporan is not None and bohong.laporan is not None
    assert bohong.laporan.model_dump() == asli.laporan.model_dump()


def test_the_column_limit(tmp_path: Path) -> None:
    path = tulis(tmp_path, br.sel_jauh(br.buku_2020(), baris=6, kolom="XFD", ref_dimensi=False))
    assert _satu(path, BATAS_BUKU) == (
        f"{path}:Indikator!XFD6: error[xlsx-limit]: sel XFD6 di kolom 16.384, melewati batas "
        "256 kolom; hapus kolom di kanan data lalu simpan")


def test_the_cell_limit(tmp_path: Path) -> None:
    path = tulis(tmp_path, br.buku_2020())
    # it has 2,042 non-empty cells (114 on the Narasi sheet, 45 headings of issue 23's
    # cascade sheets and columns, Sama dengan on both indicator sheets among them, 10 of
    # issue 22's Hitung and Masukan Hitung sheets, 13 of its revenue sheets, the last on
    # Tabel Pendapatan)
    assert impor(path, batas=BatasArsip(sel=2_042)).laporan is not None
    assert _satu(path, BatasArsip(sel=2_041)) == (
        f"{path}:Tabel Pendapatan!G1: error[xlsx-limit]: buku kerja berisi lebih dari 2.041 "
        "sel (batas)")
    assert _satu(path, BatasArsip(sel=1_000)) == (  # the 1,001st, counted in sheet order
        # E70: issue 22's Aturan columns, issue 21's Kata kategori and standar nasional
        # columns and issue 23's Program Kegiatan and Indikator Kegiatan columns (Sama
        # dengan the last) before Dilaporkan
        f"{path}:Dilaporkan!E70: error[xlsx-limit]: buku kerja berisi lebih dari 1.000 sel "
        "(batas)")


@pytest.mark.parametrize(("n", "ditolak"), [(3, False), (4, True)])
def test_the_merged_range_limit(tmp_path: Path, n: int, ditolak: bool) -> None:
    path = tulis(tmp_path, br.gabungan(br.buku_2020(), n))
    found = galat(path, BatasArsip(gabungan=3))
    if ditolak:
        assert found == [f"{path}:Indikator: error[xlsx-limit]: buku kerja berisi lebih dari 3 "
                         "rentang sel yang digabung (batas); batalkan penggabungan (pilih "
                         "semua, Unmerge Cells)"]
    else:
        assert [g.split(": error")[0] for g in found if "cell-merged" in g] == [
            f"{path}:Indikator!A2", f"{path}:Indikator!A3", f"{path}:Indikator!A4"]


def test_the_zip_limits(tmp_path: Path) -> None:
    dasar = br.buku_2020()
    path = tulis(tmp_path, dasar)
    # 96 parts: issue 22's Hitung and Masukan Hitung sheets added four each (the sheet, its
    # relations, the header comments and their drawing) to the 88 before them
    assert _satu(path, BatasArsip(bagian=50)) == (
        # 116: every sheet with its comments (the headings' help), drawing and relations
        # (issue 22's Hitung and Masukan Hitung four parts each, after issue 23's 108, and
        # its revenue sheets Pendapatan and Tabel Pendapatan four each)
        f"{path}: error[too-large]: arsip berisi 124 bagian, melewati batas 50 bagian")
    # 70.289 bytes: issue 23's 70.251, and the Bagian list of Dilaporkan naming `hitung`
    # and `pendapatan` (issue 22): in the list and in its error message
    assert _satu(path, BatasArsip(terurai_bagian=50_000)) == (
        f"{path}:Dilaporkan: error[too-large]: bagian xl/worksheets/sheet15.xml berukuran "
        "70.289 byte setelah diurai, melewati batas 50.000 byte per bagian")
    assert re.match(  # its size holds the date (and every sheet of the layout)
        rf"{re.escape(str(path))}: error\[too-large\]: isi arsip berukuran 3\d\d\.\d{{3}} byte",
        _satu(path, BatasArsip(terurai=150_000)))
    assert _satu(path, BatasArsip(terurai=150_000)).endswith(
        " byte setelah diurai, melewati batas 150.000 byte")
    assert _satu(path, BatasArsip(byte=40_000)) == (
        f"{path}: error[too-large]: buku kerja .xlsx lebih besar dari batas 40.000 byte")
    bom = tulis(tmp_path, br.bom_nol(dasar, 2), "bom.xlsx")  # 2 MiB of zeros, 1000:1
    assert _satu(bom, BATAS_BUKU).startswith(
        f"{bom}: error[too-large]: bagian xl/media/kosong.bin mengembang ")


def test_a_zip_that_lies_about_a_part_size_is_refused(tmp_path: Path) -> None:
    # The directory says 5,000 bytes; the part expands to 2 MB: never trusted.
    data = br.ukuran_palsu(br.bom_lembar(br.buku_2020(), 2), "xl/worksheets/sheet15.xml",
                           5_000)
    found = _satu(tulis(tmp_path, data), BATAS_BUKU)
    assert ":Dilaporkan: error[xlsx-invalid]: bagian xl/worksheets/sheet15.xml rusak dan " \
           "tidak dapat diurai (BadZipFile" in found


def test_the_element_and_time_limits(tmp_path: Path) -> None:
    path = tulis(tmp_path, br.buku_2020())
    assert _satu(path, BatasArsip(elemen=5_000)).endswith(
        "error[xlsx-limit]: berkas berisi lebih dari 5.000 elemen XML (batas)")
    assert "elemen XML di luar isi sel" in _satu(path, BatasArsip(elemen_lain=500))
    assert _satu(path, BatasArsip(detik=0)).endswith(
        "error[xlsx-limit]: pembacaan berkas melewati batas waktu 0 detik")


def test_only_the_first_unknown_codes_get_a_suggestion(tmp_path: Path) -> None:
    # Each suggestion scans every code: fifty thousand dangling rows must stay linear.
    from lkjip_cli.source.batas import MAKS_SARAN

    n = iter(range(1, 1000))

    def asing(xml: str) -> str:
        return re.sub(r'(<c r="A(?!1")\d+"[^>]*><is><t>IKU\d)', lambda m: f"{m[1]}x{next(n)}",
                      xml)  # IKU1x1, IKU1x2, ...: each close to a code, none of them one

    data = br.ubah_lembar(br.ubah_lembar(br.buku_2020(), "Triwulan", asing), "Renstra", asing)
    found = [g for g in galat(tulis(tmp_path, data)) if "unknown-ref" in g]
    assert len(found) == 36
    assert len([g for g in found if "maksudnya" in g]) == MAKS_SARAN


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    data = br.ubah_lembar(br.buku_2020(), "Indikator",
                          lambda x: laughs + x.replace("IKU1", "&lol2;", 1))
    path = tulis(tmp_path, data)
    assert _satu(path, BATAS_BUKU) == (
        f"{path}:Indikator: error[xlsx-invalid]: lembar Indikator memuat DTD (deklarasi "
        "DOCTYPE atau entitas); berkas Office tidak pernah memuatnya")


def test_reference_doc_limits(tmp_path: Path) -> None:
    import docx

    from lkjip_cli.source.batas import BATAS_DOKUMEN
    from lkjip_cli.source.dokumen import baca_dokumen

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    ref = tulis(tmp_path, buffer.getvalue(), "templat.docx")
    assert baca_dokumen(ref).dokumen is not None
    kecil = replace(BATAS_DOKUMEN, elemen=100)
    assert [format_text(d) for d in baca_dokumen(ref, batas=kecil).diagnostics] == [
        f"{ref}: error[docx-limit]: berkas berisi lebih dari 100 elemen XML (batas)"]
    bom = tulis(tmp_path, br.bom_nol(buffer.getvalue(), 70, "word/media/bom.bin"), "bom.docx")
    result = invoke("export", DATA, "--to", "docx", "-o", tmp_path / "x.docx",
                    "--reference-doc", bom, "--tanpa-grafik")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"{bom}: error[too-large]: bagian word/media/bom.bin berukuran 73.400.320 byte "
        "(70 MiB) setelah diurai, melewati batas 67.108.864 byte (64 MiB) per bagian")


# ------------------------------------------------------------ point 4: cells named


def _sel(tmp_path: Path, ref: str, xml: str, data: bytes | None = None,
         lembar: str = "Indikator") -> list[str]:
    isi = br.ubah_lembar(data or br.buku_2020(), lembar, lambda x: br.ganti_sel(x, ref, xml))
    return galat(tulis(tmp_path, isi))


def test_a_huge_number_is_named_by_its_cell(tmp_path: Path) -> None:
    # Before: a decimal.InvalidOperation traceback from quantize.
    path = tmp_path / "isian.xlsx"
    assert _sel(tmp_path, "G2", '<c r="G2"><v>1e28</v></c>') == [
        f"{path}:Indikator!G2: error[number-range]: Target: '1e+28' melebihi angka terbesar "
        "sebuah laporan (10^18)"]
    result = invoke("import", path)
    assert result.exit_code == 2 and result.stderr.count("error[") == 1


@pytest.mark.parametrize(("nilai", "pesan"), [
    ("NaN", "sel angka berisi 'NaN', bukan angka; ketik ulang nilainya"),
    ("INF", "sel angka berisi 'INF', bukan angka; ketik ulang nilainya"),
    ("1e999", "sel angka berisi '1e999', bukan angka terhingga; ketik ulang nilainya"),
    ("-1e999", "sel angka berisi '-1e999', bukan angka terhingga; ketik ulang nilainya"),
])
def test_nan_and_infinite_number_cells_are_named_by_their_cell(tmp_path: Path, nilai: str,
                                                               pesan: str) -> None:
    # Before: a file-level `xlsx-invalid (ValueError)`, or an infinity passed on.
    assert _sel(tmp_path, "I3", f'<c r="I3"><v>{nilai}</v></c>') == [
        f"{tmp_path / 'isian.xlsx'}:Indikator!I3: error[cell-invalid]: {pesan}"]


def test_a_date_cell_that_is_no_date_is_named_by_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "isian.xlsx"
    assert _sel(tmp_path, "G2", '<c r="G2" t="d"><v>2020-13-45</v></c>') == [
        f"{path}:Indikator!G2: error[cell-date]: sel bertipe tanggal berisi '2020-13-45', "
        "bukan tanggal; ubah format sel menjadi Number (Angka) lalu ketik ulang nilainya"]
    data, gaya = br.gaya_tanggal(br.buku_2020())
    assert _sel(tmp_path, "G2", f'<c r="G2" s="{gaya}"><v>1e10</v></c>', data) == [
        f"{path}:Indikator!G2: error[cell-date]: Target: sel berformat tanggal berisi angka "
        "yang bukan tanggal (Excel menampilkannya sebagai #####): ubah format sel menjadi "
        "Number (Angka) lalu ketik ulang nilainya"]


@pytest.mark.parametrize(("ref", "xml", "pesan"), [
    ("C2", '<c r="C2" t="e"><v>#N/A</v></c>',
     "Nama: sel berisi galat Excel #N/A: perbaiki rumusnya atau ketik nilainya"),
    ("J2", '<c r="J2" t="b"><v>yes</v></c>',
     "sel ya/tidak (boolean) berisi 'yes', bukan 0 atau 1; ketik ulang nilainya"),
    ("J2", '<c r="J2" t="b"><v>2</v></c>',  # openpyxl: true
     "sel ya/tidak (boolean) berisi '2', bukan 0 atau 1; ketik ulang nilainya"),
    ("I3", '<c r="I3"><v>1_000</v></c>',  # openpyxl: 1000
     "sel angka berisi '1_000', bukan angka; ketik ulang nilainya"),
    ("I3", '<c r="I3"><v>٧٠</v></c>',  # openpyxl: 70
     "sel angka berisi '٧٠', bukan angka; ketik ulang nilainya"),
    ("C2", '<c r="C2" t="s"><v>99999</v></c>',
     "sel menunjuk teks bersama nomor '99999' yang tidak ada; simpan ulang buku kerja di "
     "Excel atau LibreOffice"),
    ("G2", '<c r="G2" s="x"><v>80</v></c>',
     "gaya sel 'x' bukan nomor gaya; simpan ulang buku kerja di Excel atau LibreOffice"),
    ("G2", '<c r="G2" s="9999"><v>80.5</v></c>',
     "Target: gaya sel ini tidak ada dalam buku kerja; simpan ulang buku kerja di Excel atau "
     "LibreOffice"),
    ("C2", br.teks("C2", "x" * 40_000),
     "Nama: teks sel sepanjang 40000 karakter, melewati batas Excel 32767 karakter"),
])
def test_unreadable_cells_are_named_by_their_cell(tmp_path: Path, ref: str, xml: str,
                                                  pesan: str) -> None:
    assert _sel(tmp_path, ref, xml) == [
        f"{tmp_path / 'isian.xlsx'}:Indikator!{ref}: error[cell-invalid]: {pesan}"]


def test_a_row_out_of_order_is_reported_once(tmp_path: Path) -> None:
    # openpyxl silently skips a row that does not come after the one before it.
    def gandakan(xml: str) -> str:
        baris = xml[xml.index('<row r="3"'):xml.index('<row r="4"')]
        return xml.replace('<row r="4"', baris + '<row r="4"', 1)

    path = tulis(tmp_path, br.ubah_lembar(br.buku_2020(), "Indikator", gandakan))
    assert galat(path) == [
        f"{path}:Indikator!A3: error[cell-invalid]: baris 3 tercatat sesudah baris 3: urutan "
        "baris buku kerja rusak; simpan ulang di Excel atau LibreOffice"]


def test_at_most_so_many_unreadable_cells_are_listed(tmp_path: Path) -> None:
    def rusak(xml: str) -> str:
        for r in range(2, 6):
            xml = br.ganti_sel(xml, f"I{r}", f'<c r="I{r}"><v>NaN</v></c>')
        return xml

    path = tulis(tmp_path, br.ubah_lembar(br.buku_2020(), "Indikator", rusak))
    assert [g.split(": error")[0] for g in galat(path, BatasArsip(sel_rusak=2))] == [
        f"{path}:Indikator!I2", f"{path}:Indikator!I3", str(path)]
    assert galat(path, BatasArsip(sel_rusak=2))[-1].endswith(
        "error[cell-invalid]: 2 sel lain juga tidak dapat dibaca (hanya 2 yang pertama "
        "disebut)")


@pytest.mark.parametrize(("stored", "number_format", "code"), [
    (1e28, "General", "number-range"),
    (1e18, "0%", "number-range"),                 # 10^20 percent
    (float("inf"), "General", "number-invalid"),
    (float("nan"), "General", "number-invalid"),
    (1e-20, "General", "number-range"),           # more than 12 places
])
def test_floats_no_report_holds_are_refused_not_crashed(stored: float, number_format: str,
                                                        code: str) -> None:
    from lkjip_cli.source.numbers import NumberError

    with pytest.raises(NumberError) as exc:
        desimal_dari_float(stored, number_format)
    assert exc.value.code == code


def test_a_format_with_many_places_shows_at_most_twelve() -> None:
    # Before: quantize beyond the context's 28 digits (InvalidOperation).
    assert str(desimal_dari_float(1e17, "0." + "0" * 30)) == "100000000000000000.000000000000"
    assert str(desimal_dari_float(97.3, "0.00")) == "97.30"
