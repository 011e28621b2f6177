"""The analyst's text (`narasi`), the national standard and the supporting programs.

Narrative is data: it prints as written in Markdown and Word, a `{{ }}` or `{% %}` in it is
never evaluated, and a file it names is read only when it is a regular file inside the
report's directory. Figures are worked by hand: a national standard of 90 against a realisasi
of 72 is 72 / 90 x 100 = 80 (positive polarity); of 183 against 105 with negative polarity
is (2 x 183 - 105) / 183 x 100 = 142,62. The 2020 report's Sasaran II is supported by
kegiatan P05.03 Penempatan PNS (pagu Rp195.489.750, Tabel 3.13), one of the kegiatan of
program P05 (pagu Rp1.582.395.750).
"""

from __future__ import annotations

import io
import os
import struct
import textwrap
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL, PROGRAM, vary
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load, load_text
from lkjip_cli.render.markdown.templat import render_markdown

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

NARASI = textwrap.dedent(
    """\
    narasi:
      kata_pengantar: |
        Puji syukur {{ 7 * 7 }} dan {% for x in range(3) %}ulang{% endfor %}.
      penandatangan: {jabatan: Kepala Dinas, nama: Nama Kepala}
      bab1:
        - judul: A. Latar Belakang
          isi: {berkas: narasi/latar.md, sumber: ditulis tangan}
        - judul: B. Tugas
          isi: "[[lkjip-tabel 0|0|1|1]]"
    """
)

def _png() -> bytes:
    """A valid PNG of 1 x 1 white pixel."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


PNG = _png()


def tulis(folder: Path, teks: str, latar: str = "Teks latar belakang.\n") -> Path:
    (folder / "narasi").mkdir(exist_ok=True)
    (folder / "narasi" / "latar.md").write_text(latar, encoding="utf-8")
    path = folder / "laporan.yaml"
    path.write_text(teks, encoding="utf-8")
    return path


def galat(result: object) -> list[str]:
    return [f"{d.line}:{d.code}:{d.path}:{d.message}"
            for d in result.diagnostics if d.is_error]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------- reading


def test_a_narrative_file_in_the_reports_directory_is_read(tmp_path: Path) -> None:
    result = load(tulis(tmp_path, MINIMAL + NARASI))
    assert result.report is not None, galat(result)
    bagian = result.report.narasi.bab1[0].isi
    assert not isinstance(bagian, str) and bagian.isi == "Teks latar belakang."
    assert bagian.sumber == "ditulis tangan"


def test_a_file_outside_the_reports_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rahasia.md").write_text("rahasia", encoding="utf-8")
    folder = tmp_path / "laporan"
    folder.mkdir()
    teks = vary(MINIMAL + NARASI, "narasi/latar.md", "../rahasia.md")
    result = load(tulis(folder, teks))
    assert result.report is None
    [pesan] = galat(result)
    assert pesan.startswith("20:narasi-berkas:narasi.bab1[0].isi.berkas:berkas '../rahasia.md' "
                            "berada di luar direktori laporan")


def test_an_absolute_path_and_a_link_out_are_refused(tmp_path: Path) -> None:
    (tmp_path / "rahasia.md").write_text("rahasia", encoding="utf-8")
    folder = tmp_path / "laporan"
    folder.mkdir()
    (folder / "tautan.md").symlink_to(tmp_path / "rahasia.md")
    for nama in (str(tmp_path / "rahasia.md"), "tautan.md"):
        result = load(tulis(folder, vary(MINIMAL + NARASI, "narasi/latar.md", nama)))
        assert result.report is None
        assert "di luar direktori laporan" in galat(result)[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tulis(tmp_path, MINIMAL + NARASI)
    (tmp_path / "narasi" / "latar.md").unlink()
    os.mkfifo(tmp_path / "narasi" / "latar.md")
    result = load(path)  # a blocking open would hang here
    assert result.report is None
    assert "bukan berkas biasa melainkan FIFO" in galat(result)[0]


def test_text_without_a_directory_cannot_name_a_file() -> None:
    result = load_text(MINIMAL + NARASI)
    assert result.report is None
    assert "hanya dapat dibaca bila laporan dimuat dari sebuah berkas" in galat(result)[0]


def test_teks_and_berkas_together_is_an_error() -> None:
    teks = MINIMAL + "narasi:\n  ikhtisar: {teks: satu, berkas: dua.md}\n"
    result = load_text(teks)
    assert result.report is None
    assert "isi salah satu: teks" in galat(result)[0]


def test_a_logo_must_be_an_image(tmp_path: Path) -> None:
    teks = MINIMAL + "narasi:\n  sampul: {logo: logo.png}\n"
    (tmp_path / "logo.png").write_text("bukan gambar", encoding="utf-8")
    result = load(tulis(tmp_path, teks))
    assert result.report is None
    assert "logo harus gambar PNG atau JPEG" in galat(result)[0]
    (tmp_path / "logo.png").write_bytes(PNG)
    result = load(tulis(tmp_path, teks))
    assert result.report is not None
    assert result.report.narasi.sampul.gambar_logo == PNG


# ------------------------------------------------------------------------ printing


def _markdown(path: Path, bab: tuple[str, ...]) -> str:
    result = load(path)
    assert result.report is not None, galat(result)
    return render_markdown(hitung(result.report), bab=bab)


def test_narrative_is_printed_literally_in_markdown(tmp_path: Path) -> None:
    md = _markdown(tulis(tmp_path, MINIMAL + NARASI), ("pengantar", "1"))
    assert "Puji syukur {{ 7 * 7 }} dan {% for x in range(3) %}ulang{% endfor %}." in md
    assert "49" not in md and "ulangulang" not in md
    assert "## A. Latar Belakang\n\nTeks latar belakang." in md
    assert "[[lkjip-tabel 0|0|1|1]]" in md  # text, not a marker, in Markdown too
    assert "**Nama Kepala**" in md


def test_narrative_is_printed_literally_in_word(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    from lkjip_cli.render.docx import dokumen_docx

    result = load(tulis(tmp_path, MINIMAL + NARASI + "  sampul: {logo: logo.png}\n"))
    assert result.report is None  # logo.png is missing
    (tmp_path / "logo.png").write_bytes(PNG)
    result = load(tmp_path / "laporan.yaml")
    assert result.report is not None, galat(result)
    isi = dokumen_docx(hitung(result.report), bab=("sampul", "pengantar", "1"))
    doc = docx.Document(io.BytesIO(isi))
    teks = [(p.style.name, p.text) for p in doc.paragraphs]
    assert ("Normal", "Puji syukur {{ 7 * 7 }} dan {% for x in range(3) %}ulang{% endfor %}."
            ) in teks
    assert ("Normal", "[[lkjip-tabel 0|0|1|1]]") in teks  # never a table
    assert doc.tables == []
    assert ("Heading 1", "KATA PENGANTAR") in teks
    assert ("Heading 2", "A. Latar Belakang") in teks
    assert len(doc.inline_shapes) == 1  # the logo


def test_parts_without_data_are_left_out_or_say_so() -> None:
    result = load_text(MINIMAL)
    assert result.report is not None
    md = render_markdown(hitung(result.report), bab=("pengantar", "1", "3"))
    assert "KATA PENGANTAR" not in md
    assert ("*[Bab I Pendahuluan belum ditulis: latar belakang, tugas dan fungsi, struktur "
            "organisasi, serta isu strategis instansi.]*") in md
    assert "narasi.bab1" not in md
    # no kegiatan indicators: Tabel 3.8 and 3.9 say so in one line, never an empty table
    assert "*Tabel 3.8 tidak disajikan: datanya tidak ada dalam berkas laporan.*" in md
    assert "*Tabel 3.9 tidak disajikan: datanya tidak ada dalam berkas laporan.*" in md
    assert "Tabel 3.8**" not in md and "Tabel 3.9**" not in md


def test_the_reference_reports_own_text_is_marked_as_copied() -> None:
    result = load(ROOT / "data" / "2020.yaml")
    assert result.report is not None
    n = result.report.narasi
    assert not isinstance(n.kata_pengantar, str) and n.kata_pengantar is not None
    assert n.kata_pengantar.sumber is not None
    assert n.kata_pengantar.sumber.startswith("laporan rujukan (seed OCR) baris 1-36")
    assert [b.judul[:2] for b in n.bab1] == ["A.", "B.", "C.", "D.", "E.", "F.", "G."]
    md = render_markdown(hitung(result.report), bab=("3",))
    # Bab III C.5, IKU2: the report's cause (seed lines 2262-2271) beside lkjip's sentence
    assert "masih dalam tahap kerjasama penerapan aplikasi e-kinerja ASN" in md


# -------------------------------------------------------------- the national standard


STANDAR = "        standar_nasional: {nilai: 90, sumber: Permenkes Contoh}\n"


def test_national_standard_capaian_by_the_capaian_rule() -> None:
    result = load_text(MINIMAL + STANDAR)
    assert result.report is not None, galat(result)
    ind = hitung(result.report).indikator[0]
    assert ind.standar_nasional == Decimal(90)
    assert ind.capaian_standar_nasional is not None
    assert ind.capaian_standar_nasional.nilai == Decimal(80)  # 72 / 90 x 100
    md = render_markdown(hitung(result.report), bab=("3",))
    assert ("- Indikator satu: realisasi 72% terhadap standar nasional 90% (Permenkes "
            "Contoh), capaian 80,00%.") in md


def test_national_standard_of_the_example_and_its_audit(tmp_path: Path) -> None:
    # contoh-2023 IKU1 (negative): (2 x 183 - 105) / 183 x 100 = 142,62; printed so.
    teks = (ROOT / "data" / "contoh-2023.yaml").read_text(encoding="utf-8")
    result = load_text(teks)
    assert result.report is not None
    ind = hitung(result.report).indikator[0]
    assert ind.capaian_standar_nasional is not None
    assert round(ind.capaian_standar_nasional.nilai or 0, 2) == Decimal("142.62")
    path = tmp_path / "c.yaml"
    path.write_text(vary(teks, '{bab3: "142,62"}', '{bab3: "124,62"}'), encoding="utf-8")
    out = runner.invoke(app, ["check", str(path)])
    assert out.exit_code == 1
    assert "124,62" in out.stdout and "142,62" in out.stdout


def test_a_printed_comparison_without_a_standard_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "l.yaml"
    path.write_text(MINIMAL + "        dilaporkan: {capaian_standar_nasional: {bab3: 80}}\n",
                    encoding="utf-8")
    out = runner.invoke(app, ["check", str(path)])
    assert out.exit_code == 1
    assert "tidak dapat dihitung:" in out.stdout and "standar_nasional" in out.stdout


def test_analyses_name_an_existing_sasaran_or_indicator() -> None:
    result = load_text(MINIMAL + "narasi:\n  indikator:\n    IKU9: {penyebab: teks}\n")
    assert result.report is None
    assert galat(result) == ["16:unknown-ref:narasi.indikator.IKU9:tidak ada indikator dengan "
                             "kode `IKU9`; maksud Anda `IKU1`?"]


# --------------------------------------------------------------- supporting programs


def test_supporting_programs_of_the_2020_report() -> None:
    result = load(ROOT / "data" / "2020.yaml")
    assert result.report is not None
    ss2 = hitung(result.report).sasaran[1]
    assert [(b.tingkat, b.kode, b.anggaran.pagu.nilai, b.sebagian) for b in ss2.pendukung] == [
        (0, "P05", Decimal(1_582_395_750), True), (1, "P05.03", Decimal(195_489_750), False)]
    md = render_markdown(hitung(result.report), bab=("3",))
    assert ("  - Kegiatan P05.03 Penempatan PNS: pagu Rp195.489.750, realisasi "
            "Rp194.607.660, penyerapan 99,55%.") in md


def test_a_sasaran_without_mapped_programs_says_so() -> None:
    result = load_text(MINIMAL + vary(PROGRAM, "mendukung: [IKU1]", "mendukung: []"))
    assert result.report is not None
    assert hitung(result.report).sasaran[0].pendukung == ()
    md = render_markdown(hitung(result.report), bab=("3",))
    assert ("Tidak ada program atau kegiatan yang tercatat mendukung indikator Sasaran "
            "Strategis I.") in md


# ----------------------------------------------------------------- the workbook sheet


def test_the_narrative_round_trips_through_the_workbook(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from lkjip_cli.buku.impor import impor
    from lkjip_cli.buku.tulis import buku_data, simpan

    asli = load(ROOT / "data" / "2020.yaml").report
    assert asli is not None
    path = tmp_path / "isian.xlsx"
    path.write_bytes(simpan(buku_data(asli)))
    ws = openpyxl.load_workbook(path)["Narasi"]
    assert [c.value for c in ws[1]] == ["Bagian", "Kode", "Kunci", "Judul", "Teks", "Sumber"]
    assert ws["C2"].value == "kata_pengantar" and ws["E2"].data_type == "s"
    baru = impor(path).laporan
    assert baru is not None
    assert baru.narasi == asli.narasi
    assert set(baru.narasi.indikator) == {"IKU1", "IKU2", "IKU3"}


def test_a_formula_in_narrative_is_written_as_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from lkjip_cli.buku.impor import impor
    from lkjip_cli.buku.tulis import buku_data, simpan

    lap = load_text(MINIMAL + STANDAR + "narasi:\n  ikhtisar: '=HYPERLINK(\"http://x\")'\n")
    assert lap.report is not None, galat(lap)
    path = tmp_path / "isian.xlsx"
    path.write_bytes(simpan(buku_data(lap.report)))
    wb = openpyxl.load_workbook(path)
    sel = wb["Narasi"]["E2"]
    assert sel.data_type == "s" and sel.value == '=HYPERLINK("http://x")'
    judul = [c.value for c in wb["Indikator"][1]]
    assert wb["Indikator"].cell(2, judul.index("Standar nasional") + 1).value is not None
    baru = impor(path).laporan
    assert baru is not None and baru.narasi.ikhtisar == '=HYPERLINK("http://x")'
    assert baru.sasaran[0].indikator[0].standar_nasional == lap.report.sasaran[0].indikator[
        0].standar_nasional


def test_a_workbook_without_the_narasi_sheet_still_imports(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from lkjip_cli.buku.impor import impor
    from lkjip_cli.buku.tulis import buku_data, simpan

    lap = load_text(MINIMAL)
    assert lap.report is not None
    path = tmp_path / "lama.xlsx"
    path.write_bytes(simpan(buku_data(lap.report)))
    wb = openpyxl.load_workbook(path)
    del wb["Narasi"]
    wb.save(path)
    hasil = impor(path)
    assert hasil.laporan is not None
    assert [d for d in hasil.diagnostics if d.is_error] == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_written_yaml_text_reads_back_the_same(teks: str) -> None:
    """A narrative of several lines is a literal block when that reads back unchanged, and a
    quoted string otherwise: either way the same text comes back."""
    from lkjip_cli.source.yamlsource import parse_yaml_text
    from lkjip_cli.source.yamlteks import yaml_teks

    for nilai in (teks, f"baris satu\n{teks}\nbaris tiga", f"{teks}\n\n{teks}"):
        hasil = parse_yaml_text("t.yaml", yaml_teks({"narasi": {"ikhtisar": nilai}}))
        if hasil.diagnostics:  # text YAML cannot hold (a lone surrogate, a BOM): refused
            continue
        assert hasil.data == {"narasi": {"ikhtisar": nilai}}


# ------------------------------------------------------------------------ Tabel 3.4


def test_tabel_3_4_gives_an_indicator_without_quarters_its_annual_row() -> None:
    from lkjip_cli.tabel import BUILDERS, format_sel

    result = load_text(MINIMAL)
    assert result.report is not None
    h = hitung(result.report)
    [t] = BUILDERS["3.4"](h)
    [baris] = t.baris
    # target 80, realisasi 72: 72 / 80 x 100 = 90,00
    assert [format_sel(s, result.report.aturan) for s in baris.sel][5:] == [
        "Tahunan", "80", "72", "90,00"]
    assert t.catatan[-1] == ("Indikator tanpa data triwulan (IKU1): satu baris dengan target, "
                             "realisasi dan capaian tahunan.")


def test_tabel_3_4_annual_row_prints_a_derived_realisasi_as_tabel_3_5_does() -> None:
    from lkjip_cli.tabel import BUILDERS, format_sel

    # issue 22's `hitung`: realisasi = 42 / 45 x 100 = 93,333..., printed rounded to 93,33
    # (not its 50 digits) in the annual row, as in Tabel 3.5; capaian 93,33... / 80 x 100
    teks = MINIMAL.replace("realisasi: 72\n", "hitung:\n              masukan: {selesai: 42, "
                           "diterima: 45}\n              realisasi: \"selesai / diterima * 100\"\n")
    result = load_text(teks)
    assert result.report is not None, galat(result)
    h = hitung(result.report)
    [t34], [t35] = BUILDERS["3.4"](h), BUILDERS["3.5"](h)
    aturan = result.report.aturan
    assert [format_sel(s, aturan) for s in t34.baris[0].sel][5:] == [
        "Tahunan", "80", "93,33", "116,67"]
    assert format_sel(t35.baris[0].sel[4], aturan) == "93,33"


def test_tabel_3_4_annual_row_is_a_live_formula_in_excel(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "l.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "l.xlsx"
    result = runner.invoke(app, ["export", str(path), "--to", "xlsx", "-o", str(out),
                                 "--tabel", "3.4", "--tanpa-grafik"])
    assert result.exit_code == 0, result.output
    ws = next(ws for ws in openpyxl.load_workbook(out) if "3.4" in ws.title)
    cells = [c for row in ws.iter_rows() for c in row if c.value == "Tahunan"]
    assert cells, "the annual row"
    persen = ws.cell(cells[0].row, cells[0].column + 3).value
    assert isinstance(persen, str) and persen.startswith("=")


# ------------------------------------------------------------- words and their source


def test_the_report_words_with_a_note_that_only_the_bands_are_permendagris() -> None:
    from lkjip_cli.tabel import BUILDERS

    result = load_text(MINIMAL)  # capaian 72 / 80 x 100 = 90: band 76-90
    assert result.report is not None
    h = hitung(result.report)
    assert h.indikator[0].kategori is not None and h.indikator[0].kategori.sebutan == "Baik"
    [t] = BUILDERS["3.5"](h)
    assert t.catatan[-1] == (
        "Kategori: sebutan laporan (Sangat Baik, Baik, Cukup, Kurang, Sangat Kurang) pada pita "
        "capaian Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017, yang menamai pita itu "
        "Sangat Tinggi, Tinggi, Sedang, Rendah, Sangat Rendah; ditentukan dari capaian sebelum "
        "dibulatkan.")


def test_the_regulations_own_words_cite_it_as_their_source(tmp_path: Path) -> None:
    from lkjip_cli.tabel import BUILDERS

    teks = MINIMAL + "aturan: {kata_kategori: peraturan}\n"
    result = load_text(teks)
    assert result.report is not None
    h = hitung(result.report)
    assert h.indikator[0].kategori is not None and h.indikator[0].kategori.sebutan == "Tinggi"
    [t] = BUILDERS["3.5"](h)
    assert t.baris[0].sel[-1].nilai == "Tinggi"
    assert t.catatan[-1] == ("Kategori menurut Peraturan Menteri Dalam Negeri Nomor 86 Tahun "
                             "2017, ditentukan dari capaian sebelum dibulatkan.")
    # check accepts the chosen vocabulary's word, and flags a word of another band
    path = tmp_path / "l.yaml"
    path.write_text(teks.replace("realisasi: 72", "realisasi: 72\n        dilaporkan: "
                                 "{kategori: {\"3.5\": Tinggi}}"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    path.write_text(teks.replace("realisasi: 72", "realisasi: 72\n        dilaporkan: "
                                 "{kategori: {\"3.5\": Sangat Tinggi}}"), encoding="utf-8")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1


def test_prose_before_a_chapter_stays_on_portrait_pages() -> None:
    pytest.importorskip("docx")
    from lkjip_cli.render.docx import BlokTabel, Judul, Paragraf, orientasi
    from lkjip_cli.tabel import BUILDERS

    result = load(ROOT / "data" / "2020.yaml")
    assert result.report is not None
    [t21] = BUILDERS["2.1"](hitung(result.report))  # 9 columns: a landscape table
    blok = [Judul(1, "BAB I PENDAHULUAN"), *(Paragraf("teks") for _ in range(6)),
            Judul(1, "BAB II PERENCANAAN KINERJA"), Judul(2, "A. Rencana Strategis"),
            Paragraf("Tujuan dan sasaran:"), BlokTabel(t21, False, True)]
    assert orientasi(blok, lambda b: len(b.tabel.kolom) >= 7) == [False] * 7 + [True] * 4


def test_a_narrative_file_goes_into_the_workbook_as_its_text(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tulis(tmp_path, MINIMAL + NARASI)
    out = tmp_path / "isian.xlsx"
    result = runner.invoke(app, ["export", str(path), "--to", "xlsx", "--data", "-o", str(out)])
    assert result.exit_code == 0, result.output  # not refused as lossy: the text is kept
    from lkjip_cli.buku.impor import impor

    baru = impor(out).laporan
    assert baru is not None
    bagian = baru.narasi.bab1[0].isi
    assert not isinstance(bagian, str)
    assert (bagian.teks, bagian.sumber) == ("Teks latar belakang.", "ditulis tangan")
