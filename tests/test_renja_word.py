"""The Evaluasi Hasil Renja (form E.81, 29 columns) in Word and PDF: readable on its page.

The form's 29 columns need 29.388 twips at their least at 9 pt (every number and one-word
header whole), against 13.436 on an A4 landscape page; squeezed there, Word and LibreOffice
broke words and figures mid-token ("Prog/ram", "21.0/00.0/00.0/00"). The form is printed on
A3 landscape pages of its own (20.409 twips of text width) as two tables with the same row
labels: the K columns, then the Rp columns captioned "(lanjutan)" (docs/renja.md section 4).
Expected widths are the least widths measured from the cells' text with the width machinery
(`render/word/ukuran.py`); the PDF check looks for every figure and word of the form whole on
one line of `pdftotext -layout`, skipped where LibreOffice Writer is not installed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
from lkjip_cli.render import pdf
from lkjip_cli.tabel import bagian_tabel, bangun, format_sel, teks

docx = pytest.importorskip("docx")

from docx.oxml.ns import qn  # noqa: E402

from lkjip_cli.render.docx import dokumen_docx  # noqa: E402
from lkjip_cli.render.word.ukuran import ukur_kolom  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "data" / "contoh-renja.yaml"
#: A3 landscape: 42 cm less the 3 cm margins on either side, in twips (1 cm = 567 twips).
A3_LEBAR_ISI = round(36 * 1440 / 2.54)
A4_LANSKAP_LEBAR_ISI = round(23.7 * 1440 / 2.54)


def _hasil() -> Any:
    result = load(DATA)
    assert result.report is not None
    return hitung(result.report)


def _tabel_renja(doc: Any) -> list[Any]:
    return [t for t in doc.tables if t.rows[0].cells[0].text == "Kode"
            and any(c.text.startswith("(5) ") for c in t.rows[0].cells)]


def _lebar(t: Any) -> list[int]:
    return [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_the_form_is_two_tables_k_then_rp_with_the_same_row_labels() -> None:
    [t] = bangun(_hasil(), ["renja"])
    k, rp = bagian_tabel(t)
    judul = [[c.judul for c in b.tabel.kolom] for b in (k, rp)]
    assert judul[0][:5] == ["Kode", "Program/Kegiatan/Sub Kegiatan", "Sasaran",
                            "Indikator Kinerja Program (outcome)/Kegiatan (output)", "Satuan"]
    assert judul[0][5:] == [f"({n}) K" for n in range(5, 16)] + [
        "(16) Unit Perangkat Daerah Penanggung Jawab", "(17) Keterangan"]
    assert judul[1] == ["Kode", "Program/Kegiatan/Sub Kegiatan",
                        *(f"({n}) Rp" for n in range(5, 16))]
    # every column of the form in exactly one part, the row labels in both
    assert sorted(set(k.kolom) | set(rp.kolom)) == list(range(29))
    assert set(k.kolom) & set(rp.kolom) == {0, 1}
    # same rows, same labels; the second part says it continues the first
    assert [b.sel[:2] for b in k.tabel.baris] == [b.sel[:2] for b in rp.tabel.baris]
    assert (k.tabel.nomor_judul, rp.tabel.nomor_judul) == ("Tabel E.81",
                                                            "Tabel E.81 (lanjutan)")
    # P's Rp: 7.700 juta (5), 1.960 (6), 1.200 (7), 380 (12), 31,67 (13): docs/renja.md 6
    aturan = _hasil().laporan.aturan
    p = [format_sel(s, aturan) for s in rp.tabel.baris[0].sel]
    assert [p[0], *p[2:5], p[9], p[10]] == ["1.02.02", "7.700.000.000", "1.960.000.000",
                                            "1.200.000.000", "380.000.000", "31,67"]


def test_a_part_drops_the_rows_empty_in_its_columns_and_keeps_its_merges() -> None:
    from dataclasses import replace

    [t] = bangun(_hasil(), ["renja"])
    # a second indicator of the first node: its row has no Rp (money is the node's)
    kedua = replace(t.baris[0], gaya="biasa", sel=tuple(
        s if j in (3, 4, 5) else teks("") for j, s in enumerate(t.baris[0].sel)))
    t2 = replace(t, baris=(t.baris[0], kedua, *t.baris[1:]))
    k, rp = bagian_tabel(t2)
    assert len(k.tabel.baris) == len(t2.baris) and len(rp.tabel.baris) == len(t.baris)
    # K part: kode, name and sasaran merged over the node's two rows; Rp part: nothing left
    assert {g for g in k.gabung if g[1] == 0} == {(0, 0, 1), (1, 0, 1), (2, 0, 1)}
    assert not [g for g in rp.gabung if g[1] == 0]


def test_word_prints_the_form_on_a3_landscape_every_column_at_least_its_least_width(
) -> None:
    doc = docx.Document(io.BytesIO(dokumen_docx(_hasil(), bab=[], tabel=["renja"])))
    [sec] = doc.sections
    assert (sec.orientation, round(sec.page_width / 360000, 1),
            round(sec.page_height / 360000, 1)) == (1, 42.0, 29.7)
    k, rp = _tabel_renja(doc)
    assert (len(k.columns), len(rp.columns)) == (18, 13)
    teks_dok = "\n".join(p.text for p in doc.paragraphs)
    assert "Tabel E.81\nEvaluasi terhadap Hasil Renja Perangkat Daerah" in teks_dok
    assert "Tabel E.81 (lanjutan)\nEvaluasi terhadap Hasil Renja" in teks_dok
    for t in (k, rp):
        lebar = _lebar(t)
        assert sum(lebar) == A3_LEBAR_ISI
        baris = [[c.text for c in r.cells] for r in t.rows]
        for j, w in enumerate(lebar):
            isi = [b[j] for b in baris[2:]]
            angka = any(re.fullmatch(r"[\d.,]+", x) for x in isi)
            least = ukur_kolom(baris[0][j], isi, angka=angka, pt=9).minimal
            assert w >= least, (baris[0][j], w, least)
    # the column-number row keeps the whole form's numbers
    assert [c.text for c in rp.rows[1].cells][:4] == ["1", "2", "7", "9"]
    assert "7.700.000.000" in {c.text for r in rp.rows for c in r.cells}
    assert "120,00" in {c.text for r in k.rows for c in r.cells}


def test_only_the_form_goes_on_a3_the_other_wide_tables_stay_on_a4() -> None:
    doc = docx.Document(io.BytesIO(dokumen_docx(_hasil(), bab=["3"])))
    kertas = [(s.orientation, round(s.page_width / 360000, 1)) for s in doc.sections]
    assert kertas.count((1, 42.0)) == 1
    assert (1, 29.7) in kertas  # Tabel 3.13 and its kind: A4 landscape as before
    i = kertas.index((1, 42.0))
    assert kertas[i + 1:] == [] or kertas[i + 1][1] in (21.0, 29.7)  # back to A4 after


def _writer_terpasang() -> bool:
    soffice = pdf.cari_soffice()
    if soffice is None or shutil.which("pdftotext") is None:
        return False
    import os

    return any(Path(os.path.realpath(soffice)).parent.glob("libswlo.*"))


@pytest.mark.skipif(not _writer_terpasang(),
                    reason="LibreOffice Writer atau pdftotext tidak terpasang")
def test_in_the_pdf_no_figure_or_word_of_the_form_is_broken_across_lines(
        tmp_path: Path) -> None:
    out = tmp_path / "renja.pdf"
    result = CliRunner().invoke(app, ["export", str(DATA), "--to", "pdf", "-t", "renja",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    teks_pdf = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                              capture_output=True, text=True).stdout
    halaman = teks_pdf.split("\f")
    # the form's pages: A3 landscape (pdftotext does not say; the text is there)
    formulir = teks_pdf[:teks_pdf.index("Keterangan:")]
    [t] = bangun(_hasil(), ["renja"])
    aturan = _hasil().laporan.aturan
    tokens = set(re.split(r"\s+", formulir))
    for b in t.baris:
        for s, kolom in zip(b.sel, t.kolom, strict=True):
            nilai = format_sel(s, aturan)
            if kolom.angka and re.fullmatch(r"[\d.,]+", nilai):
                assert nilai in tokens, nilai  # a figure whole, on one line
            for kata in re.split(r"\s+|(?<=[/-])", nilai):  # a word whole
                assert kata in formulir, kata
    for kolom in t.kolom:
        for kata in re.split(r"\s+|(?<=[/-])", kolom.judul):
            assert kata in formulir, kata
    assert len(halaman) >= 2


def test_the_15_column_form_splits_the_same_way() -> None:
    from lkjip_cli.loader import load_text

    result = load_text(DATA.read_text(encoding="utf-8")
                       .replace("bentuk: 17-kolom", "bentuk: 15-kolom"))
    assert result.report is not None
    [t] = bangun(hitung(result.report), ["renja"])
    k, rp = bagian_tabel(t)
    assert [c.judul for c in k.tabel.kolom][5:] == [
        *(f"({n}) K" for n in range(5, 15)), "(15) Unit Perangkat Daerah Penanggung Jawab"]
    assert [c.judul for c in rp.tabel.kolom] == [
        "Kode", "Program/Kegiatan/Sub Kegiatan", *(f"({n}) Rp" for n in range(5, 15))]
