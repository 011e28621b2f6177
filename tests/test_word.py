"""The Word document behaves like one written in Word: captions numbered by SEQ fields that
reproduce the report's numbering, the Daftar Isi / Tabel / Gambar as TOC fields, page numbers
(roman front matter, arabic from the first chapter), no blank first page, one typeface,
column widths that hold their content, wide tables on shared landscape pages.

Expected values are worked by hand from the rules (docs/export.md, ECMA-376 field syntax):
the SEQ switch of each caption follows from the labels the report prints (2020: 2.1, 2.4,
2.5, ...; contoh-2023: II.1, II.2, ...); widths from Helvetica's AFM advance widths (N 722,
o 556, digits 556, `.` 278) at 9 pt, bold 8% wider, plus 2 x 108 twips cell padding and 40
twips slack.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app

docx = pytest.importorskip("docx")

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from lkjip_cli.render.word.blok import (  # noqa: E402
    Blok,
    BlokTabel,
    Judul,
    Paragraf,
    orientasi,
)
from lkjip_cli.render.word.medan import Runtun, pisah_label  # noqa: E402
from lkjip_cli.render.word.ukuran import Ukuran, bagi_lebar, ukur_kolom  # noqa: E402
from lkjip_cli.tabel import Kolom, Tabel  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
CONTOH = ROOT / "data" / "contoh-2023.yaml"
runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _export(tmp: Path, data: Path, *args: str) -> Any:
    out = tmp / f"{data.stem}.docx"
    result = runner.invoke(app, ["export", str(data), "--to", "docx", "-o", str(out),
                                 "--tanpa-grafik", *args])
    assert result.exit_code == 0, result.output
    return docx.Document(str(out))


@pytest.fixture(scope="module")
def dok(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _export(tmp_path_factory.mktemp("word"), DATA)


def _teks(el: Any) -> str:
    """The text of a body element (python-docx's `.text` of w:p and w:r confuses lxml's
    itertext, so the w:t are read one by one)."""
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _instr(el: Any) -> list[str]:
    return [(t.text or "").strip() for t in el.iter(f"{W}instrText")]


def _captions(doc: Any, jenis: str = "Tabel") -> list[tuple[str, str]]:
    """(first line of the caption, its SEQ instruction or "") of every caption paragraph."""
    out = []
    for p in doc.paragraphs:
        if p.style.name == "Caption" and p.text.startswith(jenis + " "):
            seq = [i for i in _instr(p._p) if i.startswith("SEQ")]
            out.append((p.text.split("\n")[0], seq[0] if seq else ""))
    return out


# ------------------------------------------------------------------------- captions


def test_table_captions_are_seq_fields_that_reproduce_the_reports_numbers(dok: Any) -> None:
    # reset where counting on would not give the printed number (a new chapter, the
    # report's gaps 2.2-2.3 and 3.3), repeat (\c) for the three Tabel 3.8, no field for a
    # continued part (so the Daftar Tabel lists each table once)
    seq = r"SEQ Tabel \* ARABIC"
    assert _captions(dok) == [
        ("Tabel 2.1", seq + r" \r 1"), ("Tabel 2.4", seq + r" \r 4"),
        ("Tabel 2.4 (lanjutan)", ""), ("Tabel 2.5", seq), ("Tabel 2.6", seq),
        ("Tabel 3.1", seq + r" \r 1"), ("Tabel 3.2", seq), ("Tabel 3.4", seq + r" \r 4"),
        ("Tabel 3.5", seq), ("Tabel 3.6", seq), ("Tabel 3.7", seq), ("Tabel 3.8", seq),
        ("Tabel 3.8", seq + r" \c"), ("Tabel 3.8", seq + r" \c"), ("Tabel 3.9", seq),
        ("Tabel 3.10", seq), ("Tabel 3.11", seq), ("Tabel 3.11 (lanjutan)", ""),
        ("Tabel 3.12", seq), ("Tabel 3.13", seq)]


def test_captions_follow_the_reports_own_numbering(tmp_path: Path) -> None:
    # contoh-2023 numbers its tables II.1 ... and III.1 ... (`penomoran`)
    caps = _captions(_export(tmp_path, CONTOH))
    seq = r"SEQ Tabel \* ARABIC"
    assert caps[:3] == [("Tabel II.1", seq + r" \r 1"), ("Tabel II.2", seq),
                        ("Tabel II.2 (lanjutan)", "")]
    assert ("Tabel III.1", seq + r" \r 1") in caps


@pytest.mark.parametrize(("label", "bagian"), [
    ("3.5", ("3.", 5, "")), ("III.2", ("III.", 2, "")), ("19", ("", 19, "")),
    ("3.21a", ("3.", 21, "a")), ("IV", ("IV", None, ""))])
def test_a_label_splits_into_literal_prefix_counted_number_and_suffix(
        label: str, bagian: tuple[str, int | None, str]) -> None:
    assert pisah_label(label) == bagian


def test_seq_switches_count_on_repeat_and_reset() -> None:
    r = Runtun()
    assert [r.instr("Tabel", a, n) for a, n in (("", 19), ("", 20), ("", 20), ("", 22))] == [
        r"SEQ Tabel \* ARABIC \r 19", r"SEQ Tabel \* ARABIC", r"SEQ Tabel \* ARABIC \c",
        r"SEQ Tabel \* ARABIC \r 22"]
    assert r.instr("Gambar", "", 1) == r"SEQ Gambar \* ARABIC \r 1"  # its own sequence


# ------------------------------------------------------------------ lists and fields


def test_the_lists_are_toc_fields_after_their_titles_and_update_on_open(dok: Any) -> None:
    body = list(dok.element.body.iterchildren())
    teks = [_teks(el) for el in body]
    assert teks[0]  # the document opens with text: no blank first page
    tocs = [i for el in body for i in _instr(el) if i.startswith("TOC")]
    assert tocs == [r'TOC \o "1-3" \h \z \u', r'TOC \h \z \c "Tabel"']  # no charts here
    # the cached result, printed by a converter that does not update it, lists the entries
    awal = max(i for i, t in enumerate(teks) if t == "DAFTAR TABEL")  # the title, not entry
    assert teks[awal + 1].startswith("Tabel 2.1 Matriks Hubungan antara Tujuan")
    assert "BAB III AKUNTABILITAS KINERJA" in teks[1:awal]
    update = dok.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_headings_use_heading_styles(dok: Any) -> None:
    gaya = {p.text: p.style.name for p in dok.paragraphs}
    assert gaya["BAB III AKUNTABILITAS KINERJA"] == "Heading 1"
    assert gaya["C. Analisis Capaian Kinerja"] == "Heading 2"


# --------------------------------------------------------------------------- pages


def _nomor(section: Any) -> tuple[str | None, str | None]:
    el = section._sectPr.find(qn("w:pgNumType"))
    return (None, None) if el is None else (el.get(qn("w:fmt")), el.get(qn("w:start")))


def _bagian(doc: Any) -> list[list[Any]]:
    """The body's elements, section by section (a section ends at a paragraph holding its
    w:sectPr; the last one at the body's)."""
    out: list[list[Any]] = [[]]
    for el in doc.element.body.iterchildren():
        if el.tag == f"{W}sectPr":
            break
        out[-1].append(el)
        if el.find(f"{W}pPr/{W}sectPr") is not None:
            out.append([])
    return out


def test_front_matter_is_numbered_roman_and_the_chapters_arabic_from_1(dok: Any) -> None:
    nomor = [_nomor(s) for s in dok.sections]
    arab = next(i for i, n in enumerate(nomor) if n[0] == "decimal")
    assert nomor[0] == ("lowerRoman", "1")  # the lists (and whatever precedes the chapters)
    assert all(n[0] == "lowerRoman" for n in nomor[:arab])
    assert nomor[arab] == ("decimal", "1")  # the first chapter starts page 1
    assert all(n == ("decimal", None) for n in nomor[arab + 1:])  # counting on
    # the section that restarts at 1 begins with the first chapter's heading
    pertama = next(_teks(el) for el in _bagian(dok)[arab] if _teks(el))
    depan = [_teks(el) for b in _bagian(dok)[:arab] for el in b]
    assert pertama == "BAB I PENDAHULUAN" and "DAFTAR ISI" in depan
    # i21-isi's front matter sits on the roman pages, after the cover's own section
    assert {"KATA PENGANTAR", "IKHTISAR EKSEKUTIF"} <= set(depan)
    assert "KATA PENGANTAR" not in [_teks(el) for el in _bagian(dok)[0]]
    kaki = dok.sections[0].footer
    assert not kaki.is_linked_to_previous and _instr(kaki._element) == ["PAGE"]
    assert all(s.footer.is_linked_to_previous for s in dok.sections[1:])


def test_no_section_is_empty(dok: Any) -> None:
    """Every section holds text (a section break on an empty body was the blank page)."""
    teks = ""
    kosong = []
    for el in dok.element.body.iterchildren():
        teks += _teks(el)
        if el.find(f"{W}pPr/{W}sectPr") is not None:
            kosong.append(not teks.strip())
            teks = ""
    assert kosong and not any(kosong)


def test_one_chapter_has_no_lists_and_arabic_numbers_from_its_first_page(
        tmp_path: Path) -> None:
    doc = _export(tmp_path, DATA, "--bab", "3")
    assert doc.paragraphs[0].text == "BAB III AKUNTABILITAS KINERJA"
    assert _nomor(doc.sections[0]) == ("decimal", "1")
    assert not any(i.startswith("TOC") for i in _instr(doc.element.body))


def test_one_typeface_throughout(dok: Any) -> None:
    for nama in ("Normal", "Heading 1", "Heading 2", "Caption"):
        fonts = dok.styles[nama].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Arial", nama
        assert not [a for a in fonts.attrib if "heme" in a], nama  # no theme font wins
    bawaan = dok.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert bawaan.get(qn("w:ascii")) == "Arial"


# ------------------------------------------------------------------ widths, landscape


def test_a_column_is_never_narrower_than_its_number_or_one_word_header() -> None:
    # bold "No": (722 + 556) / 1000 x 9 pt x 20 x 1,08 = 248 twips, + 256 = 504
    assert ukur_kolom("No", ["1", "28"], angka=False, pt=9).minimal == 504
    # "2.120.554.565": (10 x 556 + 3 x 278) / 1000 x 9 x 20 = 1150 twips, + 256 = 1406
    assert ukur_kolom("Realisasi", ["2.120.554.565"], angka=True, pt=9).minimal == 1406
    # a text column may wrap between words and after a slash
    assert ukur_kolom("", ["Kab/Kota"], angka=False, pt=9).minimal == int(
        (667 + 556 + 556 + 278) / 1000 * 180) + 256


def test_a_long_text_is_comfortable_in_at_most_eight_lines() -> None:
    # 50 words "aaaa": (200 x 556 + 49 x 278) / 1000 x 9 pt x 20 = 22.467 twips on one line;
    # comfortable in 8 lines: 2.808, + 256; a short text stays at 1.360 + 256
    teks = " ".join(["aaaa"] * 50)
    assert ukur_kolom("Rencana Aksi", [teks], angka=False, pt=9).nyaman == 2808 + 256
    assert ukur_kolom("Uraian", ["aaaa aaaa aaaa aaaa aaaa"], angka=False, pt=9).nyaman == \
        1360 + 256


def test_widths_give_each_column_its_minimum_then_comfort_then_one_line() -> None:
    u = [Ukuran(500, 500, 500), Ukuran(600, 1360, 4000), Ukuran(1400, 1400, 1400)]
    assert bagi_lebar(u, 3260) == [500, 1360, 1400]  # exactly the comfortable widths
    lebar = bagi_lebar(u, 7937)
    assert sum(lebar) == 7937 and lebar[0] >= 500 and lebar[2] >= 1400
    assert bagi_lebar(u, 1250) == [250, 300, 700]  # too narrow: scaled, never overlapping


def test_table_widths_fill_the_text_width_and_hold_3_13s_no_column(dok: Any) -> None:
    for t in dok.tables:
        grid = [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.iter(f"{W}gridCol")]
        tcw = [int(c.get(qn("w:w"))) for c in t._tbl.tr_lst[0].iter(f"{W}tcW")]
        assert grid == tcw and sum(grid) in (7937, 13436), grid  # portrait or landscape
    judul = [p.text.split("\n")[0] for p in dok.paragraphs
             if p.style.name == "Caption" and p.text.startswith("Tabel")]
    t313 = dok.tables[judul.index("Tabel 3.13")]
    assert int(t313._tbl.tblGrid[0].get(qn("w:w"))) >= 504


def _landscape_tables(doc: Any) -> list[str]:
    out, caption = [], ""
    lanskap = []
    for s in doc.sections:
        lanskap.append(s.page_width > s.page_height)
    n = 0  # section index of each body element
    for el in doc.element.body.iterchildren():
        if el.tag == f"{W}p" and el.find(f"{W}pPr/{W}pStyle") is not None and \
                el.find(f"{W}pPr/{W}pStyle").get(qn("w:val")) == "Caption":
            caption = _teks(el).split("\n")[0]
        if el.tag == f"{W}tbl" and lanskap[n]:
            out.append(re.match(r"Tabel [0-9.IVX]+[0-9]", caption)[0])  # type: ignore[index]
        if el.find(f"{W}pPr/{W}sectPr") is not None:
            n += 1
    return out


def test_only_tables_too_wide_for_a_portrait_page_are_landscape(dok: Any) -> None:
    # 2.1 (9 columns), 3.4 (quarters), 3.9 (sentences of rencana aksi in a cell) and 3.12
    # (9 money columns); 3.13, whose "No" and "APBD" broke inside the word in portrait, now
    # fits portrait, as do 3.5 and 3.6 (which each took a landscape page before)
    assert _landscape_tables(dok) == ["Tabel 2.1", "Tabel 3.4", "Tabel 3.9", "Tabel 3.12"]


def test_consecutive_wide_tables_share_one_landscape_section(tmp_path: Path) -> None:
    # contoh-2023: III.11 and III.12 (Bab III D.1 and D.2), both too wide for portrait,
    # with only a heading between them: one landscape run, no section break between
    doc = _export(tmp_path, CONTOH)
    lanskap = _landscape_tables(doc)
    assert lanskap[-2:] == ["Tabel III.11", "Tabel III.12"]
    tabel = [el for el in doc.element.body.iterchildren() if el.tag == f"{W}tbl"]
    antara = False
    for el in doc.element.body.iterchildren():
        if el is tabel[-2]:
            antara = True
        elif el is tabel[-1]:
            break
        elif antara:
            assert el.find(f"{W}pPr/{W}sectPr") is None  # no new page between them


def _tabel(n: int, nomor: str = "9.9") -> BlokTabel:
    kolom = tuple(Kolom(f"K{j}") for j in range(n))
    return BlokTabel(Tabel(nomor, ("Judul",), kolom, ()), False, True)


def test_consecutive_wide_tables_share_landscape_pages() -> None:
    lebar = _tabel(9)
    sempit = _tabel(3)
    blok: list[Blok] = [Judul(2, "A"), lebar, Paragraf("sedikit teks"), Judul(3, "b"),
                        sempit, lebar, Judul(1, "BAB IV PENUTUP"), lebar]
    perlu = lambda b: len(b.tabel.kolom) > 5  # noqa: E731
    # the heading before the first wide table goes with it; the short run between two wide
    # tables joins them; so does a chapter heading that leads into one
    assert orientasi(blok, perlu) == [True] * 8
    pendek: list[Blok] = [lebar, Paragraf("x" * 600), lebar]
    assert orientasi(pendek, perlu) == [True, True, True]  # a note after the table: with it
    # the analyst's long text after a wide table goes back to portrait pages
    panjang: list[Blok] = [lebar, Paragraf("x" * 600), Paragraf("x" * 2000), sempit]
    assert orientasi(panjang, perlu) == [True, True, False, False]
    # the prose of a chapter before the next chapter's heading stays portrait; at most four
    # blocks lead into the table
    bab: list[Blok] = [Judul(1, "BAB I PENDAHULUAN"), *(Paragraf("teks") for _ in range(6)),
                       Judul(1, "BAB II"), Judul(2, "A."), Paragraf("Tujuan:"), lebar]
    assert orientasi(bab, perlu) == [False] * 7 + [True] * 4
    akhir_bab: list[Blok] = [Judul(2, "E. Penutup"), Judul(1, "BAB II"), lebar]
    assert orientasi(akhir_bab, perlu) == [False, True, True]
    intro: list[Blok] = [Judul(2, "A."), *(Paragraf("p") for _ in range(5)), lebar]
    assert orientasi(intro, perlu) == [False, False] + [True] * 5
    # a long part between: the wide tables keep their own pages
    banyak: list[Blok] = [lebar, Judul(2, "B"), Paragraf("x" * 2000), Judul(3, "c"), lebar]
    assert orientasi(banyak, perlu) == [True, False, False, True, True]


def _png() -> bytes:
    """A 1 x 1 white PNG, built by hand (signature, IHDR, IDAT, IEND)."""
    import struct
    import zlib

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + jenis + data + struct.pack(
            ">I", zlib.crc32(jenis + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def test_charts_are_listed_in_a_daftar_gambar() -> None:
    import io

    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load
    from lkjip_cli.render.docx import dokumen_docx
    from lkjip_cli.render.grafik import Gambar

    h = hitung(load(str(DATA)).report)  # type: ignore[arg-type]
    grafik = {"3.5": [Gambar("a", "Grafik A", _png())], "3.13": [Gambar("b", "Grafik B", _png())]}
    doc = docx.Document(io.BytesIO(dokumen_docx(h, bab=["2", "3", "4"], grafik=grafik)))
    teks = [_teks(el) for el in doc.element.body.iterchildren()]
    tocs = [i for el in doc.element.body.iterchildren() for i in _instr(el)
            if i.startswith("TOC")]
    assert tocs[-1] == r'TOC \h \z \c "Gambar"'
    awal = max(i for i, t in enumerate(teks) if t == "DAFTAR GAMBAR")
    assert teks[awal + 1:awal + 3] == ["Gambar 3.1 Grafik A", "Gambar 3.2 Grafik B"]


def test_a_reference_document_without_the_styles_gets_them_and_every_field(
        tmp_path: Path) -> None:
    """`--reference-doc` keeps working with all of it: a document without "Caption" and
    "Heading 2" (removed from its styles) gets Word's built-in ones, the captions' SEQ
    fields, the PAGE footer and updateFields."""
    ref = docx.Document()
    for nama in ("Caption", "Heading 2"):
        el = ref.styles[nama].element
        el.getparent().remove(el)
    ref.styles["Normal"].font.name = "Bookman Old Style"
    ref_path = tmp_path / "rujukan.docx"
    ref.save(str(ref_path))
    doc = _export(tmp_path, DATA, "--reference-doc", str(ref_path), "--bab", "3")
    assert _captions(doc)[0] == ("Tabel 3.1", r"SEQ Tabel \* ARABIC \r 1")
    h2 = doc.styles["Heading 2"]
    assert h2.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    assert any(p.style.name == "Heading 2" for p in doc.paragraphs)
    assert doc.styles["Normal"].font.name == "Bookman Old Style"  # the agency's font stays
    assert _instr(doc.sections[0].footer._element) == ["PAGE"]
    assert doc.settings.element.find(qn("w:updateFields")) is not None


def _tabel_dok(doc: Any, label: str) -> Any:
    judul = [p.text.split("\n")[0] for p in doc.paragraphs
             if p.style.name == "Caption" and p.text.startswith("Tabel")]
    return doc.tables[judul.index(label)]


def test_a_table_under_half_a_page_is_kept_on_one_page_a_taller_one_runs_over(dok: Any) -> None:
    def terus(t: Any) -> list[bool]:  # whether each row's first paragraph keeps with next
        return [tr.tc_lst[0].p_lst[0].pPr is not None and
                tr.tc_lst[0].p_lst[0].pPr.keepNext_val is True for tr in t._tbl.tr_lst]

    # Tabel 2.5: header, column numbers, three rows (it broke over two pages)
    assert terus(_tabel_dok(dok, "Tabel 2.5")) == [True, True, True, True, False]
    assert not any(terus(_tabel_dok(dok, "Tabel 3.13")))  # 28 rows: header repeated instead
    # Tabel 3.9: six rows, but sentences in a cell make it taller than half a landscape
    # page; kept together it left its heading and caption alone on a page
    assert not any(terus(_tabel_dok(dok, "Tabel 3.9")))


def test_a_cover_has_a_page_without_number_and_the_front_matter_starts_at_i() -> None:
    """Blocks before the first heading are the cover (i21-isi's `sampul`): a section whose
    only page shows no number (an empty first-page footer); Kata Pengantar starts page i,
    the lists follow it, Bab I starts page 1."""
    from lkjip_cli.model.laporan import Aturan
    from lkjip_cli.render.docx import dokumen_dasar, tulis_blok

    doc: Any = dokumen_dasar(None)
    blok: list[Blok] = [Paragraf("**LAPORAN KINERJA**"), Paragraf("**TAHUN 2020**"),
                        Judul(1, "KATA PENGANTAR"), Paragraf("Puji syukur ..."),
                        Judul(1, "IKHTISAR EKSEKUTIF"), Paragraf("Ringkasan ..."),
                        Judul(1, "BAB I PENDAHULUAN"), Paragraf("Latar belakang ...")]
    tulis_blok(doc, blok, Aturan(), gaya_bawaan=True, grafik={}, daftar=True, kaki=True)
    s = doc.sections
    assert [_nomor(x) for x in s] == [("lowerRoman", "1"), ("lowerRoman", "1"),
                                     ("decimal", "1")]
    assert s[0].different_first_page_header_footer and not s[1].different_first_page_header_footer
    assert _instr(s[0].first_page_footer._element) == []  # the cover shows no number
    judul = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert judul == ["KATA PENGANTAR", "DAFTAR ISI", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN"]
    # the section that starts at i begins with Kata Pengantar, no page break of its own
    kp = next(p for p in doc.paragraphs if p.text == "KATA PENGANTAR")
    assert not kp.paragraph_format.page_break_before
    # the cover's lines are centred and larger
    sampul = doc.paragraphs[0]
    assert sampul.text == "LAPORAN KINERJA" and sampul.runs[0].bold
    assert sampul.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert sampul.runs[0].font.size.pt == 16


# ------------------------------------------------------------------ one-pass table writer


def _tabel_lewat_api(doc: Any, t: Tabel, aturan: Any, lebar: list[int], kecil: bool) -> Any:
    """The table written cell by cell through python-docx's public API (`Table.cell`,
    `_Cell.merge`, paragraph and run formatting), as lkjip did before issue 24: the oracle
    for the one-pass writer."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt, Twips

    from lkjip_cli.render.word import tabel as wt
    from lkjip_cli.tabel import format_sel, rentang_gabung

    def isi(cell: Any, teks: str, rata: Any, tebal: bool = False) -> None:
        p = cell.paragraphs[0]
        p.paragraph_format.alignment = rata
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(teks)
        run.bold = tebal
        if kecil:
            run.font.size = Pt(wt.UKURAN_TABEL)

    n = len(t.kolom)
    table = doc.add_table(rows=2 + len(t.baris), cols=n)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for j, kolom in enumerate(t.kolom):
        isi(table.cell(0, j), kolom.judul, WD_ALIGN_PARAGRAPH.CENTER, True)
        isi(table.cell(1, j), str(j + 1), WD_ALIGN_PARAGRAPH.CENTER)
    for r in (0, 1):
        wt._ulang_judul(table.rows[r])
        for j in range(n):
            wt._arsir(table.cell(r, j)._tc, wt.WARNA_JUDUL_KOLOM)
    for i, baris in enumerate(t.baris):
        for j, (sel, kolom) in enumerate(zip(baris.sel, t.kolom, strict=True)):
            angka = sel.jenis != "teks" or (kolom.angka and wt._seperti_angka(sel.nilai))
            isi(table.cell(2 + i, j), format_sel(sel, aturan),
                WD_ALIGN_PARAGRAPH.RIGHT if angka else WD_ALIGN_PARAGRAPH.LEFT,
                baris.gaya == "jumlah")
    for kol, awal, akhir in rentang_gabung(t):
        gabung = table.cell(2 + awal, kol).merge(table.cell(2 + akhir, kol))
        for p in gabung.paragraphs[1:]:
            if not p.text:
                p._element.getparent().remove(p._element)
    table.autofit = False
    for j, w in enumerate(lebar):
        table.columns[j].width = Twips(w)
        for tr in table._tbl.tr_lst:
            tr.tc_lst[j].width = Twips(w)
    tblw = table._tbl.tblPr.find(qn("w:tblW"))
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(sum(lebar)))
    return table


@pytest.mark.parametrize("nama", ["2020", "contoh-renja"])
def test_the_one_pass_table_writer_writes_what_python_docxs_api_writes(nama: str) -> None:
    """Every table of the report (merged cells included: Tabel 3.8's sasaran, E.81's
    nodes), and one whose cells hold a tab, a line break, spaces at the ends and nothing, in
    both sizes: the XML is the API's, byte for byte."""
    from lxml import etree

    from lkjip_cli.engine import hitung
    from lkjip_cli.loader import load
    from lkjip_cli.render.word.tabel import tabel_word
    from lkjip_cli.tabel import BUILDERS, Baris, Sel, rentang_gabung

    hasil = hitung(load(str(ROOT / "data" / f"{nama}.yaml")).report)
    aturan = hasil.laporan.aturan
    daftar = [t for b in BUILDERS.values() for t in b(hasil)]
    assert any(rentang_gabung(t) for t in daftar)
    aneh = Tabel(nomor="9.9", judul=("Uji",), kolom=(Kolom("A"), Kolom("B", angka=True)),
                 baris=(Baris((Sel("a\tb"), Sel("1\n2"))), Baris((Sel(" c "), Sel("")))))
    for t in [*daftar, aneh]:
        lebar = [900 + 10 * j for j in range(len(t.kolom))]
        for kecil in (True, False):
            a, b = docx.Document(), docx.Document()
            cepat = tabel_word(a, t, aturan, gaya_bawaan=kecil, lebar=lebar)
            api = _tabel_lewat_api(b, t, aturan, lebar, kecil)
            assert etree.tostring(cepat._tbl) == etree.tostring(api._tbl), (t.nomor, kecil)
