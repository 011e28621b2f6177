"""`lkjip render`'s Markdown: valid GFM, the reference report's figures, its sentences.

Figures are worked by hand from the inputs of data/2020.yaml (each with its arithmetic) or
copied from the reference report; none is read back from lkjip.

Golden file: tests/golden/2020.md is the whole `lkjip render data/2020.yaml --bab all`.
After a deliberate change to a template, rewrite it and review the diff:

    LKJIP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py -k golden
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MINIMAL, vary
from markdown_it import MarkdownIt
from markdown_it.token import Token
from snapshot import assert_matches_golden
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.render.markdown.templat import (
    nama_templat_tabel,
    render_markdown,
    sel_gfm,
    templat_bawaan,
)
from lkjip_cli.tabel import BUILDERS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
GOLDEN = ROOT / "tests" / "golden" / "2020.md"


@dataclass
class TabelMd:
    """One table as a GFM parser reads it."""

    caption: str  # the paragraph before the table, as written ("**Tabel 3.5** ...")
    judul: str    # the same as plain text
    kolom: list[str]
    baris: list[list[str]]


def teks(token: Token) -> str:
    """An inline token as the reader sees it: emphasis dropped, `<br>` as a line break."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "html_inline" and child.content == "<br>":
            out.append("\n")
        elif child.type == "softbreak":
            out.append(" ")
    return "".join(out)


def _row(tokens: list[Token], i: int) -> tuple[list[str], int]:
    cells = []
    while tokens[i].type != "tr_close":
        if tokens[i].type == "inline":
            cells.append(teks(tokens[i]))
        i += 1
    return cells, i + 1


def tabel_gfm(markdown: str) -> list[TabelMd]:
    """Every table of a Markdown document, with the caption paragraph just before it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[TabelMd] = []
    i = 0
    while i < len(tokens):
        if tokens[i].type != "table_open":
            i += 1
            continue
        assert tokens[i - 1].type == "paragraph_close", "a table without a caption"
        caption = tokens[i - 2]
        rows: list[list[str]] = []
        while tokens[i].type != "table_close":
            if tokens[i].type == "tr_open":
                cells, i = _row(tokens, i)
                rows.append(cells)
            else:
                i += 1
        tables.append(TabelMd(caption.content, teks(caption), rows[0], rows[1:]))
    return tables


def tabel_bernomor(markdown: str) -> list[TabelMd]:
    """The numbered tables (Bab II to IV), not the Lampiran's Perjanjian Kinerja."""
    bab = markdown.split("\n# LAMPIRAN\n")[0]
    return tabel_gfm(bab)


@pytest.fixture(scope="module")
def markdown_2020() -> str:
    result = CliRunner().invoke(app, ["render", str(DATA), "--bab", "all"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def tabel_2020(markdown_2020: str) -> dict[str, list[TabelMd]]:
    by_number: dict[str, list[TabelMd]] = {}
    for t in tabel_bernomor(markdown_2020):
        number = t.judul.split()[1]
        by_number.setdefault(number, []).append(t)
    return by_number


def render_text(text: str, *, bab: Sequence[str] = ("2", "3", "4"),
                tabel: Sequence[str] = ()) -> str:
    result = load_text(text, "laporan.yaml")
    assert result.report is not None, result.diagnostics
    return render_markdown(hitung(result.report), bab=bab, tabel=tabel,
                           sumber="laporan.yaml")


# ---------------------------------------------------------------------------- golden


def test_golden_file(markdown_2020: str) -> None:
    assert_matches_golden("2020.md", markdown_2020, "lkjip render")


def test_output_begins_with_lkjip_marker(markdown_2020: str) -> None:
    assert markdown_2020.splitlines()[0] == (
        "<!-- dibuat oleh lkjip render dari 2020.yaml; lkjip render menimpa berkas ini -->")


# ----------------------------------------------------------------- tables, as GFM reads them

#: Caption (as the reference report prints it; lkjip adds "(lanjutan)" to a table's second
#: part and numbers its kegiatan tables 3.8) and column count of every table, in order.
TABEL_2020 = [
    ("Tabel 2.1 Matriks Hubungan antara Tujuan, Sasaran dan Target Kinerja Sasaran "
     "Badan Kepegawaian Daerah Provinsi Kalimantan Timur", 9),
    ("Tabel 2.4 Perjanjian Kinerja BKD Prov. Kaltim Tahun 2020", 5),
    ("Tabel 2.4 (lanjutan) Perjanjian Kinerja BKD Prov. Kaltim Tahun 2020", 4),
    ("Tabel 2.5 Target Belanja BKD Prov. Kaltim Tahun 2020", 5),
    ("Tabel 2.6 Anggaran Belanja Langsung per Sasaran Strategis BKD Prov. Kaltim Tahun 2020", 5),
    ("Tabel 3.1 Gambaran Umum Implementasi Hasil Evaluasi SAKIP", 4),
    ("Tabel 3.2 Hasil Evaluasi Implementasi Sistem AKIP BKD Prov. Kaltim", 5),
    ("Tabel 3.4 Pengukuran Capaian Kinerja Badan Kepegawaian Daerah Provinsi Kalimantan Timur "
     "Tahun Anggaran 2020", 9),
    ("Tabel 3.5 Perbandingan antara Target dan Realisasi Kinerja Tahun 2020", 7),
    ("Tabel 3.6 Realisasi Kinerja serta Capaian Kinerja periode 2020", 7),
    ("Tabel 3.7 Perbandingan Realisasi Kinerja Tahun 2020 dengan Renstra", 6),
    ("Tabel 3.8 Indikator Kinerja Kegiatan Pendukung Sasaran Strategis I: Meningkatnya "
     "Kualitas Kinerja SDM Aparatur", 6),
    ("Tabel 3.8 Indikator Kinerja Kegiatan Pendukung Sasaran Strategis II: Pemenuhan Penataan "
     "dan Kebutuhan Pegawai", 6),
    ("Tabel 3.8 Indikator Kinerja Kegiatan Pendukung Sasaran Strategis III: Meningkatnya "
     "Kualitas Informasi Kepegawaian", 6),
    ("Tabel 3.9 Rencana Aksi dalam mendukung kegiatan BKD Prov. Kaltim", 6),
    ("Tabel 3.10 Hasil Perbandingan Output dan Input dengan Standar Efisiensi BKD Prov. Kaltim "
     "Tahun 2020", 5),
    ("Tabel 3.11 Efisiensi Penggunaan Anggaran Program/Kegiatan BKD Prov. Kaltim", 5),
    ("Tabel 3.11 (lanjutan) Efisiensi Penggunaan Anggaran Program/Kegiatan BKD Prov. Kaltim", 5),
    ("Tabel 3.12 Realisasi Anggaran sesuai dengan Perjanjian Kinerja", 9),
    ("Tabel 3.13 Realisasi Anggaran Per Program dan Kegiatan Tahun 2020", 6),
]


def test_every_table_caption_and_column_count(markdown_2020: str) -> None:
    tables = tabel_bernomor(markdown_2020)
    assert [(t.judul, len(t.kolom)) for t in tables] == TABEL_2020
    for t in tables:
        nomor = t.judul.split()[1]
        assert t.caption.startswith(f"**Tabel {nomor}** ")
        assert all(len(row) == len(t.kolom) for row in t.baris), t.judul


def test_sumber_data_lines_as_the_report_prints_them(markdown_2020: str) -> None:
    lines = [line for line in markdown_2020.splitlines() if line.startswith("Sumber Data:")]
    assert lines == [
        "Sumber Data: Renstra BKD Prov. Kaltim Tahun 2019-2023",
        "Sumber Data: Perjanjian Kinerja BKD Prov. Kaltim Tahun 2020",  # once, after part 2
        "Sumber Data: Anggaran BKD Prov. Kaltim Tahun 2020",
        "Sumber Data: BKD Prov. Kaltim Tahun 2020",
        "Sumber Data: Laporan Hasil Evaluasi SAKIP oleh Inspektorat Tahun 2020",
        "Sumber Data: hasil monev IKU per triwulan",
        "Sumber Data: Perjanjian Kinerja BKD Prov. Kaltim Tahun 2020",  # the Lampiran
    ]


def test_column_headers_of_the_report(tabel_2020: dict[str, list[TabelMd]]) -> None:
    assert tabel_2020["2.5"][0].kolom == [
        "No", "Uraian Belanja", "Anggaran (Rp)", "Realisasi Belanja (Rp)", "%"]
    assert tabel_2020["3.5"][0].kolom == [
        "No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Kategori"]
    assert tabel_2020["3.13"][0].kolom == [
        "No", "Program/Kegiatan", "Alokasi (Rp)", "Realisasi (Rp)", "%", "Ket"]


def test_tabel_3_5_capaian(tabel_2020: dict[str, list[TabelMd]]) -> None:
    rows = tabel_2020["3.5"][0].baris
    # IKU1: 73 / 75 x 100 = 97,333...; Permendagri 86/2017: >= 91 is Sangat Baik.
    assert rows[0] == ["1", "Persentase SDM Aparatur yang memenuhi Standar Kompetensi Jabatan",
                       "%", "75", "73", "97,33", "Sangat Baik"]
    # IKU3, negative polarity: (2 x 20 - 6,23) / 20 x 100 = 33,77 x 5 = 168,85
    # (the report printed 168,5).
    assert rows[2][3:6] == ["20", "6,23", "168,85"]


def test_tabel_3_4_triwulan_rows(tabel_2020: dict[str, list[TabelMd]]) -> None:
    rows = tabel_2020["3.4"][0].baris
    assert len(rows) == 16  # four indicators, four triwulan each
    # TW.I of IKU1: 70,42 / 72 x 100 = 97,805...; its continuation rows leave the first five
    # columns empty, as the report lays them out.
    assert rows[0][5:] == ["TW.I", "72", "70,42", "97,81"]
    assert rows[1] == ["", "", "", "", "", "TW.II", "73", "0", "0,00"]
    assert rows[3] == ["", "", "", "", "", "TW.IV", "75", "73", "97,33"]


def test_tabel_3_13_totals(tabel_2020: dict[str, list[TabelMd]]) -> None:
    rows = tabel_2020["3.13"][0].baris
    # Total Belanja Langsung = the eight programs: 2.120.554.565 + 1.516.538.224
    # + 1.099.544.940 + 402.448.410 + 1.582.395.750 + 6.806.299.226 + 9.055.375.300
    # + 681.880.000 = 23.265.036.415; realisasi 21.947.576.337 (Tabel 2.5);
    # 21.947.576.337 / 23.265.036.415 = 0,943371... -> 94,34 (the report printed 88,63).
    assert rows[-1] == ["", "Total Belanja Langsung", "23.265.036.415", "21.947.576.337",
                        "94,34", ""]
    # Program 5 = 390.891.000 + 996.015.000 + 195.489.750 (the report printed 157.125.000).
    program_5 = next(r for r in rows if r[0] == "5.")
    assert program_5[2:5] == ["1.582.395.750", "1.576.758.887", "99,64"]


def test_tabel_2_5_and_2_6(tabel_2020: dict[str, list[TabelMd]]) -> None:
    belanja = tabel_2020["2.5"][0].baris
    # 8.584.486.635 / 11.185.483.000 = 0,767... ; total 30.532.062.972 / 34.450.519.415.
    assert belanja[0][2:] == ["11.185.483.000", "8.584.486.635", "76,75"]
    assert belanja[2] == ["", "Jumlah", "34.450.519.415", "30.532.062.972", "88,63"]
    sasaran = tabel_2020["2.6"][0].baris
    # Sasaran I = IKU1's kegiatan 6.806.299.226 + IKU2's 395.307.100 + 8.660.068.200
    # = 15.861.674.526; / 23.265.036.415 = 0,68178... -> 68,18 (as the report).
    assert sasaran[0][2:4] == ["15.861.674.526", "68,18"]


def test_tabel_3_10_efisiensi(tabel_2020: dict[str, list[TabelMd]]) -> None:
    rows = tabel_2020["3.10"][0].baris
    # Sasaran I realisasi 6.430.908.665 + 8.156.754.270 = 14.587.662.935 of 15.861.674.526
    # = 91,968...%; sisa-anggaran 100 - 91,968... = 8,031... -> 8,03 (as the report).
    assert rows[0][2:] == ["100,00", "91,97", "8,03"]


def test_other_hand_worked_figures(tabel_2020: dict[str, list[TabelMd]]) -> None:
    # Tabel 3.2, 2019: 25,93 + 20,00 + 12,14 + 7,27 + 14,03 = 79,37 (the report printed 79,36).
    assert tabel_2020["3.2"][0].baris[5][2:] == ["100", "77,28", "79,37"]
    # Tabel 3.6, IKU1: (73 / 84,19 - 1) x 100 = -13,29...; 73 - 84,19 = -11,19. The two
    # realisasi of a row print with the same places: 73 beside 84,19 is 73,00 (issue 9).
    assert tabel_2020["3.6"][0].baris[0][3:] == ["84,19", "73,00", "-13,29", "-11,19"]
    # Tabel 3.7, IKU3: (2 x 10 - 6,23) / 10 x 100 = 137,7 (as the report).
    assert tabel_2020["3.7"][0].baris[2][5] == "137,70"
    # Tabel 3.11, 2018: 22.984.963.000 - 21.616.842.407 = 1.368.120.593 (printed ...592).
    assert tabel_2020["3.11"][0].baris[0][3] == "1.368.120.593"
    # Tabel 3.12, IKU2: 395.307.100 + 8.660.068.200 = 9.055.375.300.
    assert tabel_2020["3.12"][0].baris[1][6] == "9.055.375.300"


def _cells(line: str) -> list[str]:
    """A GFM table row split on its unescaped pipes, without the outer ones."""
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_raw_rows_have_as_many_cells_as_the_header(markdown_2020: str) -> None:
    # Parsers pad or cut ragged rows silently, so count the cells in the text itself.
    blocks = re.findall(r"(?:^\|.*\|\n)+", markdown_2020, re.MULTILINE)
    assert len(blocks) == len(TABEL_2020) + 2  # and the Lampiran's Perjanjian Kinerja
    for block in blocks:
        header, delimiter, *rows = block.splitlines()
        assert all(re.fullmatch(r" -{3}:? ", c) for c in _cells(delimiter)), delimiter
        assert {len(_cells(r)) for r in (delimiter, *rows)} == {len(_cells(header))}, header


# ------------------------------------------------------------------------- sentences


def test_indicator_sentence_as_the_brief_words_it(markdown_2020: str) -> None:
    assert ("- Persentase SDM Aparatur yang memenuhi Standar Kompetensi Jabatan pada tahun 2020 "
            "realisasi kinerja mencapai 73% dari target 75%, sehingga capaian 97,33% "
            "(Sangat Baik).\n") in markdown_2020


def test_negative_polarity_sentence_names_the_target_a_ceiling(markdown_2020: str) -> None:
    assert ("- Persentase PNS yang didistribusikan dalam rangka penataan dan pemenuhan kebutuhan "
            "pada tahun 2020 realisasi kinerja mencapai 6,23% dari target setinggi-tingginya 20% "
            "(polaritas negatif: makin rendah realisasi makin baik), sehingga capaian 168,85% "
            "(Sangat Baik).\n") in markdown_2020


def test_sasaran_berhasil_sentences(markdown_2020: str) -> None:
    # Sasaran I: IKU1 97,33 < 100 (the report: "belum berhasil"); II and III reach 100.
    for nomor in ("II", "III"):
        assert (f"realisasi pada Sasaran Strategis {nomor} dapat dikatakan “berhasil” dalam "
                "pelaksanaannya (berhasil bila capaian setiap indikatornya sekurang-kurangnya "
                "100%).") in markdown_2020
    # Sasaran I's average is "Sangat Baik" (97,33): the sentence says in itself why it is
    # "belum berhasil" (issue 9, point 10): IKU1 97,33 and IKU2 0,00 are under 100.
    assert ("realisasi pada Sasaran Strategis I dapat dikatakan “belum berhasil” dalam "
            "pelaksanaannya karena capaian Persentase SDM Aparatur yang memenuhi Standar "
            "Kompetensi Jabatan (97,33%) dan Persentase Capaian Kinerja PNS diatas 80% (0,00%, "
            "dikecualikan dari rata-rata) di bawah 100%; kategori Sangat Baik di atas menilai "
            "rata-rata capaian, sedangkan keberhasilan menuntut capaian setiap indikator "
            "sekurang-kurangnya 100%.") in markdown_2020


def test_bab_iv_conclusion(markdown_2020: str) -> None:
    # Average without IKU2: (97,333... + 168,85 + 100) / 3 = 366,18333... / 3 = 122,0611...
    # Efisiensi (selisih) = 122,0611... - 94,3371... = 27,7239... -> 27,72.
    # (The report printed 121,93 and 27,59, from its 168,5 for IKU3.)
    assert ("Capaian rata-rata kinerja BKD Prov. Kaltim tahun 2020 (tanpa Persentase Capaian "
            "Kinerja PNS diatas 80%, yang dikecualikan dari rata-rata) sebesar 122,06%, dengan "
            "kategori Sangat Baik. Realisasi Belanja Langsung tahun 2020 sebesar "
            "Rp21.947.576.337 dari pagu Rp23.265.036.415, atau penyerapan anggaran 94,34%. "
            "Dengan demikian efisiensi penggunaan anggaran (metode selisih: efisiensi = capaian "
            "kinerja - penyerapan anggaran) sebesar 27,72 poin.\n") in markdown_2020
    # The selisih method gives points (122,06 - 94,34), not a percentage (issue 9, point 11).


def test_bab_ii_budget_sentence(markdown_2020: str) -> None:
    assert ("dengan anggaran murni sebesar Rp31.571.724.080, yang melalui mekanisme perubahan "
            "APBD menjadi Rp34.450.519.415 dengan rincian Belanja Tidak Langsung "
            "Rp11.185.483.000 dan Belanja Langsung Rp23.265.036.415.") in markdown_2020


def test_figures_not_computable_say_why() -> None:
    text = render_text(vary(MINIMAL, "        realisasi: 72\n", ""))
    assert ("- Indikator satu pada tahun 2020 belum memiliki data realisasi kinerja terhadap "
            "target 80%, sehingga capaian tidak tersedia (belum ada data realisasi).\n") in text
    assert ("Keberhasilan Sasaran Strategis I belum dapat dinilai karena capaian indikator "
            "berikut tidak tersedia: Indikator satu (belum ada data realisasi).") in text
    assert ("Realisasi Belanja Langsung tahun 2020 tidak dapat disajikan: data belanja tahun "
            "2020 tidak ada dalam berkas laporan.") in text
    assert "*Tabel 2.5 tidak disajikan: datanya tidak ada dalam berkas laporan.*" in text
    prose = [line for line in text.splitlines()
             if not line.startswith(("|", "- n/a:"))]
    assert not any("n/a" in line for line in prose)


def test_percentages_follow_the_reports_rounding_rules() -> None:
    text = vary(MINIMAL, "target: 80", "target: 75")
    text = vary(text, "realisasi: 72", "realisasi: 73")
    text += "aturan: {desimal_persen: 1, pembulatan: down}\n"
    # 73 / 75 x 100 = 97,333...: one place, rounded down.
    assert "sehingga capaian 97,3% (Sangat Baik)." in render_text(text, bab=["3"])


def test_pipe_and_line_break_inside_a_cell_stay_in_their_cell() -> None:
    text = vary(MINIMAL, "nama: Indikator satu", 'nama: "Indikator | satu\\nbaris dua"')
    tables = tabel_gfm(render_text(text, tabel=["3.5"]))
    assert len(tables) == 1
    assert len(tables[0].kolom) == 7
    # 72 / 80 x 100 = 90, in Permendagri 86/2017's band [76, 91): Baik.
    assert tables[0].baris == [["1", "Indikator | satu \nbaris dua", "%", "80", "72", "90,00",
                                "Baik"]]


def test_sel_gfm_escapes() -> None:
    assert sel_gfm("a|b") == "a\\|b"
    # The space keeps the words apart where <br> is dropped (pandoc writing DOCX).
    assert sel_gfm("satu\r\ndua\nTiga") == "satu <br>dua <br>Tiga"
    assert sel_gfm("C:\\data") == "C:\\\\data"


# ------------------------------------------------------------------------- templates


def test_a_builtin_template_for_every_table() -> None:
    root = templat_bawaan()
    names = ["_tabel.md.j2", "_kalimat.md.j2", "bab2.md.j2", "bab3.md.j2", "bab4.md.j2",
             *(nama_templat_tabel(n) for n in BUILDERS)]
    assert all(root.joinpath(name).is_file() for name in names)


def test_every_builtin_template_ships_as_package_data() -> None:
    # pyproject.toml: "lkjip_cli.templates" = ["*.j2", "*.md"].
    files = [p.name for p in (ROOT / "templates").iterdir()]
    assert files and all(name.endswith((".j2", ".md")) for name in files)


def test_a_table_template_formats_no_number_itself() -> None:
    # Numbers reach a template's text only through the filters: no format(), no "%" operator,
    # no round().
    for path in (ROOT / "templates").glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bformat\b|\bround\b|\|\s*string|%\s*\(", source), path.name
