"""`lkjip export`: the Word document and the Excel workbook, opened with the libraries that
read them (python-docx, openpyxl), checked against the reference report (LKjIP 2020 BKD
Prov. Kaltim, /work/shared/seed): captions, headers, row counts, merged cells, figures.

Figures are the report's as printed: Tabel 3.4 IKU1 TW.IV 73 / 75 = 97,33; IKU3 TW.IV
(2 x 20 - 6,23) / 20 x 100 = 168,85; Tabel 3.13 program 1 2.120.554.565 / 2.098.578.585 /
98,96; Tabel 3.10 SS1 100, 91,97, 8,03. Row counts: Tabel 3.4 has 4 indicators x 4 quarters
= 16 rows; Tabel 3.13 8 programs + 19 kegiatan + Total Belanja Langsung = 28 rows.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from conftest import listing
from hypothesis import HealthCheck, Phase, given, settings
from test_engine_properties import laporan_acak
from typer.testing import CliRunner, Result

from lkjip_cli.cli.app import app

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
runner = CliRunner()

#: Every table caption of Bab II and III, in the report's order and numbering.
CAPTIONS = [
    "Tabel 2.1", "Tabel 2.4", "Tabel 2.4 (lanjutan)", "Tabel 2.5", "Tabel 2.6", "Tabel 3.1",
    "Tabel 3.2", "Tabel 3.4", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7", "Tabel 3.8",
    "Tabel 3.8", "Tabel 3.8", "Tabel 3.9", "Tabel 3.10", "Tabel 3.11",
    "Tabel 3.11 (lanjutan)", "Tabel 3.12", "Tabel 3.13",
]


def export(*args: str | Path) -> Result:
    result = runner.invoke(app, ["export", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result


@pytest.fixture(scope="module")
def keluaran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("export")


@pytest.fixture(scope="module")
def dokumen(keluaran: Path) -> Any:
    out = keluaran / "2020.docx"
    result = export(DATA, "--to", "docx", "-o", out, "--tanpa-grafik")
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def buku(keluaran: Path) -> Any:
    out = keluaran / "2020.xlsx"
    result = export(DATA, "--to", "xlsx", "-o", out, "--tanpa-grafik")
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


# ----------------------------------------------------------------------------- DOCX


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _caption_tabel(doc: Any) -> list[tuple[str, list[str], Any]]:
    """(caption first line, its other lines, the table below it) for every table."""
    body = doc.element.body
    out = []
    last: list[str] = []
    tables = iter(doc.tables)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
            breaks = [t for t in child.iter() if t.tag.endswith("}br")]
            gaya = child.find(f"{_W}pPr/{_W}pStyle")
            judul = gaya is not None and gaya.get(f"{_W}val") == "Heading1"
            # the Lampiran's Perjanjian Kinerja has no caption (the Daftar Isi's "LAMPIRAN"
            # entry is not the heading)
            if judul and text == "LAMPIRAN":
                break
            if text.startswith("Tabel ") and breaks:
                last = _baris_caption(child)
        elif tag == "tbl":
            out.append((last[0], last[1:], next(tables)))
    return out


def _baris_caption(p: Any) -> list[str]:
    lines = [""]
    for el in p.iter():
        if el.tag.endswith("}t"):
            lines[-1] += el.text or ""
        elif el.tag.endswith("}br"):
            lines.append("")
    return lines


def _tabel(doc: Any, nomor: str, n: int = 0) -> tuple[list[str], Any]:
    found = [(rest, t) for first, rest, t in _caption_tabel(doc) if first == f"Tabel {nomor}"]
    return found[n]


def test_docx_has_every_table_with_the_reports_caption(dokumen: Any) -> None:
    assert [c for c, _, _ in _caption_tabel(dokumen)] == CAPTIONS
    judul, _ = _tabel(dokumen, "3.4")
    assert judul == ["Pengukuran Capaian Kinerja",
                     "Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
                     "Tahun Anggaran 2020"]
    judul, _ = _tabel(dokumen, "3.13")
    assert judul == ["Realisasi Anggaran Per Program dan Kegiatan", "Tahun 2020"]


def test_docx_table_3_4_header_rows_and_figures(dokumen: Any) -> None:
    _, t = _tabel(dokumen, "3.4")
    assert [c.text for c in t.rows[0].cells] == [
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Tahunan",
        "Triwulan", "Target", "Realisasi", "%"]
    assert [c.text for c in t.rows[1].cells] == [str(i) for i in range(1, 10)]
    assert len(t.rows) == 2 + 16
    # IKU1 TW.IV (row 2 + 3): 73 of 75 -> 97,33; IKU3 TW.IV (row 2 + 11): 168,85
    assert [c.text for c in t.rows[5].cells][5:] == ["TW.IV", "75", "73", "97,33"]
    assert [c.text for c in t.rows[13].cells][5:] == ["TW.IV", "20", "6,23", "168,85"]


def test_docx_header_rows_repeat_and_are_shaded(dokumen: Any) -> None:
    _, t = _tabel(dokumen, "3.4")
    for row in t.rows[:2]:
        assert row._tr.trPr.xpath("./w:tblHeader")
        assert row.cells[0]._tc.tcPr.xpath("./w:shd/@w:fill") == ["D9D9D9"]
    assert not t.rows[2]._tr.xpath("./w:trPr/w:tblHeader")


def _sama(t: Any, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return bool(t.cell(*a)._tc is t.cell(*b)._tc)


def test_docx_table_3_4_merges_sasaran_and_indikator_cells(dokumen: Any) -> None:
    _, t = _tabel(dokumen, "3.4")
    # Sasaran I: IKU1 and IKU2, 8 quarter rows (table rows 2 to 9); the indikator 4 rows
    assert _sama(t, (2, 1), (9, 1)) and not _sama(t, (2, 1), (10, 1))
    assert _sama(t, (2, 0), (9, 0))
    assert _sama(t, (2, 2), (5, 2)) and not _sama(t, (2, 2), (6, 2))
    assert _sama(t, (2, 4), (5, 4))
    assert t.cell(2, 1).text == "Meningkatnya Kualitas Kinerja SDM Aparatur"
    # quarters are never merged
    assert not _sama(t, (2, 5), (3, 5))


def test_docx_table_3_13_rows_merges_and_figures(dokumen: Any) -> None:
    _, t = _tabel(dokumen, "3.13")
    assert [c.text for c in t.rows[0].cells] == ["No", "Program/Kegiatan", "Alokasi (Rp)",
                                                 "Realisasi (Rp)", "%", "Ket"]
    assert len(t.rows) == 2 + 28
    assert [c.text for c in t.rows[2].cells] == [
        "1.", "Program Pelayanan Administrasi Perkantoran", "2.120.554.565",
        "2.098.578.585", "98,96", "APBD"]
    # program 1 with its one kegiatan: No and Ket merged over both rows
    assert _sama(t, (2, 0), (3, 0)) and _sama(t, (2, 5), (3, 5))
    assert not _sama(t, (2, 0), (4, 0))
    # program 2 (rows 4 to 6) with two kegiatan: 461.784.000 + 1.054.754.224
    assert _sama(t, (4, 0), (6, 0))
    assert t.cell(4, 2).text == "1.516.538.224"
    # numbers right-aligned
    assert t.cell(2, 2).paragraphs[0].alignment == 2  # WD_ALIGN_PARAGRAPH.RIGHT


def test_docx_table_3_10_figures(dokumen: Any) -> None:
    _, t = _tabel(dokumen, "3.10")
    assert [c.text for c in t.rows[2].cells][2:] == ["100,00", "91,97", "8,03"]


def test_docx_headings_sentences_and_sources(dokumen: Any) -> None:
    paragraphs = [p.text for p in dokumen.paragraphs]
    headings = [p.text for p in dokumen.paragraphs if p.style.name == "Heading 1"]
    # the complete document, in PermenPAN-RB 53/2014's order (the cover has no heading),
    # with i21-word's tables of contents and of tables after the Kata Pengantar
    assert headings == ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "IKHTISAR EKSEKUTIF",
                        "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                        "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"]
    assert "Sumber Data: hasil monev IKU per triwulan" in paragraphs
    text = "\n".join(paragraphs)
    # a generated sentence (templates/_kalimat.md.j2), with the report's 168,85
    assert "capaian 168,85% (" in text
    assert "dapat dikatakan “belum berhasil”" in text


def test_docx_page_setup_a4_margins_and_landscape_sections(dokumen: Any) -> None:
    first = dokumen.sections[0]
    assert round(first.page_width.cm, 1) == 21.0 and round(first.page_height.cm, 1) == 29.7
    assert round(first.left_margin.cm, 1) == 4.0 and round(first.top_margin.cm, 1) == 3.0
    landscape = [s for s in dokumen.sections if s.page_width > s.page_height]
    assert landscape and all(round(s.top_margin.cm, 1) == 4.0 for s in landscape)
    assert dokumen.styles["Normal"].font.name == "Arial"
    assert dokumen.core_properties.author == "lkjip"


def test_docx_reference_doc_gives_styles_and_its_body_is_dropped(tmp_path: Path) -> None:
    ref = docx.Document()
    ref.styles["Normal"].font.name = "Bookman Old Style"
    ref.add_paragraph("ISI TEMPLAT INSTANSI")
    ref_path = tmp_path / "templat.docx"
    ref.save(str(ref_path))
    out = tmp_path / "bab3.docx"
    result = export(DATA, "--to", "docx", "-o", out, "--reference-doc", ref_path, "--bab", "3",
                    "--tanpa-grafik")
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(out))
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    texts = [p.text for p in doc.paragraphs]
    assert "ISI TEMPLAT INSTANSI" not in texts
    assert "BAB III AKUNTABILITAS KINERJA" in texts and "BAB II PERENCANAAN KINERJA" not in texts


def test_docx_broken_reference_doc_is_one_diagnostic_and_exit_2(tmp_path: Path) -> None:
    # In the form of `lkjip validate`'s diagnostics: the document, the code, the reason.
    bad = tmp_path / "rusak.docx"
    bad.write_text("bukan zip", encoding="utf-8")
    result = export(DATA, "--to", "docx", "-o", tmp_path / "x.docx", "--reference-doc", bad)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"{bad}: error[docx-invalid]: berkas bukan dokumen Word (.docx) yang dapat dibaca "
        "(bukan arsip zip: BadZipFile); simpan sebagai Word Document (.docx)")
    assert listing(tmp_path) == ["rusak.docx"]


def test_a_workbook_as_reference_doc_is_refused(tmp_path: Path) -> None:
    # a sound zip that python-docx refuses: not a Word document
    buku = tmp_path / "buku.docx"
    assert export(DATA, "--to", "xlsx", "--data", "-o", buku).exit_code == 0
    result = export(DATA, "--to", "docx", "-o", tmp_path / "x.docx", "--reference-doc", buku)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"{buku}: error[docx-invalid]: berkas bukan dokumen Word (.docx) yang dapat dibaca "
        "(ValueError); simpan sebagai Word Document (.docx)")
    assert listing(tmp_path) == ["buku.docx"]


def test_docx_only_the_tables_asked(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    assert export(DATA, "--to", "docx", "-o", out, "--tabel", "3.5",
                  "--tanpa-grafik").exit_code == 0
    doc = docx.Document(str(out))
    assert [c for c, _, _ in _caption_tabel(doc)] == ["Tabel 3.5"]
    assert len(doc.tables[0].rows) == 2 + 4


# ------------------------------------------------------------------------- file policy


def test_export_replaces_its_own_file_but_not_a_foreign_one(tmp_path: Path) -> None:
    out = tmp_path / "laporan.docx"
    assert export(DATA, "--to", "docx", "-o", out, "--tabel", "3.5",
                  "--tanpa-grafik").exit_code == 0
    # lkjip's own file (creator lkjip) is replaced without --force
    assert export(DATA, "--to", "docx", "-o", out, "--tabel", "3.6",
                  "--tanpa-grafik").exit_code == 0
    asing = tmp_path / "asing.docx"
    docx.Document().save(str(asing))  # creator "python-docx"
    before = asing.read_bytes()
    result = export(DATA, "--to", "docx", "-o", asing, "--tanpa-grafik")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"Tidak menimpa {asing}: berkas itu tidak ditulis oleh "
                                     "lkjip. Pakai --force untuk menimpanya.")
    assert asing.read_bytes() == before
    assert export(DATA, "--to", "docx", "-o", asing, "--force", "--tabel", "3.5",
                  "--tanpa-grafik").exit_code == 0
    assert docx.Document(str(asing)).core_properties.author == "lkjip"
    assert listing(tmp_path) == ["asing.docx", "laporan.docx"]


def test_export_never_writes_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "2020.yaml"
    src.write_bytes(DATA.read_bytes())
    result = export(src, "--to", "xlsx", "-o", src)
    assert result.exit_code == 2
    assert "itu berkas masukan" in result.stderr
    assert src.read_bytes() == DATA.read_bytes()


def test_export_default_name_is_the_input_stem(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert export(DATA, "--to", "xlsx", "--tabel", "3.5", "--tanpa-grafik").exit_code == 0
    assert listing(tmp_path) == ["2020.xlsx"]


def test_reference_doc_only_for_docx(tmp_path: Path) -> None:
    result = export(DATA, "--to", "xlsx", "--reference-doc", DATA)
    assert result.exit_code == 2
    assert "--reference-doc" in result.stderr


# ----------------------------------------------------------------------------- XLSX


def test_xlsx_one_sheet_per_table_and_findings(buku: Any) -> None:
    assert buku.sheetnames == [
        "Tabel 2.1", "Tabel 2.4 kinerja", "Tabel 2.4 anggaran", "Tabel 2.5", "Tabel 2.6",
        "Tabel 3.1", "Tabel 3.2", "Tabel 3.4", "Tabel 3.5", "Tabel 3.6", "Tabel 3.7",
        "Tabel 3.8 SS1", "Tabel 3.8 SS2", "Tabel 3.8 SS3", "Tabel 3.9", "Tabel 3.10",
        "Tabel 3.11 efisiensi", "Tabel 3.11 alokasi", "Tabel 3.12", "Tabel 3.13", "Ringkasan",
        "Skala", "Temuan"]
    assert buku.properties.creator == "lkjip"


def test_xlsx_table_3_4_layout_merges_and_formulas(buku: Any) -> None:
    ws = buku["Tabel 3.4"]
    assert ws["A1"].value == ("Tabel 3.4 Pengukuran Capaian Kinerja Badan Kepegawaian Daerah "
                              "Provinsi Kalimantan Timur Tahun Anggaran 2020")
    assert [c.value for c in ws[3]][:9] == [
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Tahunan",
        "Triwulan", "Target", "Realisasi", "%"]
    assert ws.freeze_panes == "A4"
    assert ws.max_row >= 3 + 16
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"B4:B11", "A4:A11", "C4:C7", "E4:E7", "C12:C15"} <= merged
    # IKU1 TW.IV, row 7: positive, capaian = ROUND(R / T x 100, 2), target 0 not computable
    assert ws["G7"].value == 75 and ws["H7"].value == 73
    assert ws["I7"].value == '=IF(G7=0,"n/a",ROUND(H7/G7*100,2))'
    # IKU3 (negatif), row 15: (2T - R) / T x 100
    assert ws["I15"].value == '=IF(G15=0,"n/a",ROUND((2*G15-H15)/G15*100,2))'
    assert ws["I15"].number_format == "#,##0.00"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1


def test_xlsx_table_3_13_sums_and_penyerapan(buku: Any) -> None:
    ws = buku["Tabel 3.13"]
    assert ws["B4"].value == "Program Pelayanan Administrasi Perkantoran"
    assert ws["C4"].value == "=SUM(C5)" and ws["C5"].value == 2120554565
    assert ws["C6"].value == "=SUM(C7,C8)"  # program 2: its two kegiatan
    assert ws["E4"].value == '=IF(C4=0,"n/a",ROUND(D4/C4*100,2))'
    assert ws["B31"].value == "Total Belanja Langsung"
    assert ws["C31"].value == "=SUM(C4,C6,C9,C13,C16,C20,C25,C28)"
    assert "A4:A5" in {str(r) for r in ws.merged_cells.ranges}


def test_xlsx_findings_link_to_the_printed_figure(buku: Any) -> None:
    ws = buku["Temuan"]
    assert [c.value for c in ws[1]] == ["Tabel", "Tempat", "Kolom", "Dicetak", "Dihitung",
                                        "Selisih", "Tingkat", "Keterangan", "Sel"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) > 20
    linked = [ws.cell(r, 9).hyperlink for r in range(2, ws.max_row + 1)
              if ws.cell(r, 9).hyperlink is not None]
    assert linked
    # a printed figure placed beside the computed one, in its own column
    ws35 = buku["Tabel 3.5"]
    extra = [c.value for c in ws35[3][7:]]
    assert any(str(v).startswith("Dicetak laporan: ") for v in extra)


CONTOH_2023 = ROOT / "data" / "contoh-2023.yaml"


def test_xlsx_sheets_are_named_by_the_labels_the_report_prints(keluaran: Path) -> None:
    """contoh-2023.yaml numbers its tables II.1 ... III.12 (`penomoran`): a reviewer reading
    the workbook beside the document finds Tabel III.4 (lkjip's 3.5) on the sheet "Tabel
    III.4", the formulas and the findings' links name the same sheets."""
    out = keluaran / "contoh-2023.xlsx"
    result = export(CONTOH_2023, "--to", "xlsx", "-o", out, "--tanpa-grafik")
    assert result.exit_code == 0, result.output
    buku = openpyxl.load_workbook(out)
    assert buku.sheetnames == [
        "Tabel II.1", "Tabel II.2 kinerja", "Tabel II.2 anggaran", "Tabel II.3", "Tabel II.4",
        "Tabel III.1", "Tabel III.3", "Tabel III.4", "Tabel III.5", "Tabel III.5 capaian",
        "Tabel III.6", "Tabel III.7 SS1", "Tabel III.7 SS2", "Tabel III.8", "Tabel III.9",
        "Tabel III.10 efisiensi", "Tabel III.10 alokasi", "Tabel III.11", "Tabel III.12",
        "Ringkasan", "Skala", "Temuan"]
    ws = buku["Tabel III.4"]
    assert str(ws["A1"].value).startswith("Tabel III.4 Perbandingan antara Target dan ")
    # AKI's target and realisasi are Tabel III.3's cells (its row 5: TW II of the first
    # indicator), named by the printed label and quoted for the space in it
    assert ws["D4"].value == "='Tabel III.3'!G5"
    assert ws["E4"].value == "='Tabel III.3'!H5"
    temuan = buku["Temuan"]
    tautan = [temuan.cell(r, 9).value for r in range(2, temuan.max_row + 1)
              if temuan.cell(r, 9).hyperlink is not None]
    assert tautan
    assert {str(t).split("!")[0].strip("'") for t in tautan} <= set(buku.sheetnames)
    assert any(str(t).startswith("'Tabel III.4'!") for t in tautan)


def _tabel_dengan(nomor: str, label: str = "", bagian: str = "") -> Any:
    from lkjip_cli.tabel import Tabel

    return Tabel(nomor, ("Judul",), (), (), bagian=bagian, nomor_cetak=label)


def test_sheet_names_keep_excels_rules() -> None:
    from lkjip_cli.render.xlsx.buku_kerja import nama_lembar

    dipakai: set[str] = set()
    # no label: lkjip's number, as data/2020.yaml's sheets always were
    assert nama_lembar(_tabel_dengan("3.5"), dipakai) == "Tabel 3.5"
    assert nama_lembar(_tabel_dengan("3.5", "III.4"), dipakai) == "Tabel III.4"
    assert nama_lembar(_tabel_dengan("3.8", "III.7", "SS1"), dipakai) == "Tabel III.7 SS1"
    # a label printed twice: the second and third get a suffix, in the order placed;
    # Excel compares names without regard to case
    assert nama_lembar(_tabel_dengan("3.6", "III.4"), dipakai) == "Tabel III.4 2"
    assert nama_lembar(_tabel_dengan("3.7", "iii.4"), dipakai) == "Tabel iii.4 3"
    # Excel's forbidden characters become "-"; 31 characters at most, suffix included
    assert nama_lembar(_tabel_dengan("3.9", "A/B:C*D?[E]"), dipakai) == "Tabel A-B-C-D--E-"
    panjang = "Lampiran IV.2.a Rincian Lengkap"
    assert nama_lembar(_tabel_dengan("3.10", panjang), dipakai) == f"Tabel {panjang}"[:31]
    assert nama_lembar(_tabel_dengan("3.11", panjang), dipakai) == f"Tabel {panjang}"[:29] + " 2"
    assert all(len(n) <= 31 for n in dipakai)


def test_xlsx_replaces_its_own_workbook(tmp_path: Path) -> None:
    out = tmp_path / "buku.xlsx"
    for _ in range(2):  # the second time over lkjip's own file: no --force needed
        assert export(DATA, "--to", "xlsx", "-o", out, "--tabel", "3.5",
                      "--tanpa-grafik").exit_code == 0
    openpyxl.Workbook().save(out)  # a workbook someone else made
    result = export(DATA, "--to", "xlsx", "-o", out, "--tabel", "3.5", "--tanpa-grafik")
    assert result.exit_code == 2 and "tidak ditulis oleh lkjip" in result.stderr


@settings(max_examples=3, derandomize=True, deadline=None, phases=[Phase.generate],
          suppress_health_check=list(HealthCheck))
@given(data=laporan_acak())
def test_any_valid_report_exports_to_docx_and_xlsx(data: dict[str, Any]) -> None:
    """Reports from the property tests' strategy (ranges, n/a, no programs, ...) all build."""
    from lkjip_cli.engine import hitung
    from lkjip_cli.model.laporan import Laporan
    from lkjip_cli.render.docx import dokumen_docx
    from lkjip_cli.render.xlsx.buku_kerja import buku_kerja_xlsx

    h = hitung(Laporan.model_validate(data))
    doc = docx.Document(io.BytesIO(dokumen_docx(h, bab=["2", "3", "4"])))
    assert any(p.text == "BAB III AKUNTABILITAS KINERJA" for p in doc.paragraphs)
    wb = openpyxl.load_workbook(io.BytesIO(buku_kerja_xlsx(h, bab=["2", "3", "4"])))
    assert "Tabel 3.5" in wb.sheetnames


def test_every_part_of_the_document_is_one_of_bab_in_the_templates_order() -> None:
    """`--bab` (cli/opsi.py) names the parts `render.markdown.BAB` renders, in its order;
    `pilih_bab` reads the enum so that an export to xlsx never imports Jinja."""
    from lkjip_cli.cli.opsi import pilih_bab
    from lkjip_cli.render.markdown.templat import BAB

    assert pilih_bab(None, []) == list(BAB)


def test_an_export_to_xlsx_imports_neither_jinja_nor_numpy(tmp_path: Path) -> None:
    import subprocess
    import sys

    kode = ("import sys\nfrom lkjip_cli.cli.app import main\n"
            f"sys.argv = ['lkjip', 'export', {str(DATA)!r}, '--to', 'xlsx', '-o', "
            f"{str(tmp_path / 'a.xlsx')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'numpy', "
            "'matplotlib', 'docx')))\n")
    out = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert out.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "a.xlsx").is_file()
