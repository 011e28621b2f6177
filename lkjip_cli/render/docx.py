"""Bab II to IV as a Word document (DOCX) an analyst can submit after adding narrative.

Why the prose comes from the Markdown templates: the chapters' headings and generated
sentences are already written once, in `templates/*.md.j2`; the Word document renders those
same templates (so an agency's wording and a later fix reach both outputs) with one change,
`_tabel.md.j2` replaced by a version that leaves a marker where each table goes. The
Markdown is then read block by block (headings, paragraphs, lists, markers), and each marker
becomes a real Word table drawn from the same table model (`tabel/`) the Markdown
table was drawn from: caption from `Tabel.caption`'s parts (so a renumbering flows through),
cells through `format_sel` (so through `lkjip_cli/angka.py`), merged cells from
`tabel.GABUNG`.

Page set-up (A4; margins kiri 4 cm, atas 3 cm, kanan 3 cm, bawah 3 cm) follows the common
layout of Indonesian government reports bound on the left; a landscape page turns its top
edge to the binding, so it gets the 4 cm there. Tables of 7 or more columns go on landscape
pages. `--reference-doc` opens the agency's own document as the base (its styles, fonts,
page set-up and table style), with its body cleared, as pandoc's option of that name does.

python-docx is imported here at the top; only `lkjip export` imports this module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.source.sel_aman import teks_tak_tersimpan
from lkjip_cli.tabel import Baris, Tabel, format_sel, rentang_gabung

#: The creator written into the document's core properties; `cli/berkas.py` recognises a
#: file lkjip wrote by it and replaces it without --force.
PEMBUAT = "lkjip"

#: Tables with this many columns or more are printed on a landscape page.
KOLOM_LANSKAP = 7

#: Margins in cm (portrait): kiri, atas, kanan, bawah.
MARGIN = (4.0, 3.0, 3.0, 3.0)
A4 = (21.0, 29.7)

#: The default font when no reference document is given.
FONT = "Arial"
UKURAN = 11
UKURAN_TABEL = 9
WARNA_JUDUL_KOLOM = "D9D9D9"

#: `_tabel.md.j2` for the Word document: a marker per table instead of a Markdown table.
TABEL_PENANDA = """\
{% macro tabel_md(t, lanjutan=false, sumber=true) %}
[[lkjip-tabel {{ t | tanda_tabel }}|{{ 1 if lanjutan else 0 }}|{{ 1 if sumber else 0 }}]]
{% endmacro %}

{% macro daftar_tabel(nomor, daftar, bagian=none) %}
{% for t in daftar if bagian is none or t.bagian == bagian %}

{{ tabel_md(t, lanjutan=(not loop.first and t.judul == loop.previtem.judul),
            sumber=(loop.last or t.sumber != loop.nextitem.sumber)) }}
{% else %}
*Tabel {{ nomor }} tidak disajikan: datanya tidak ada dalam berkas laporan.*
{% endfor %}
{% endmacro %}
"""

_PENANDA_TABEL = re.compile(r"^\[\[lkjip-tabel (\d+)\|([01])\|([01])\]\]$")
_JUDUL = re.compile(r"^(#{1,6}) +(.*)$")
_BUTIR = re.compile(r"^( *)- +(.*)$")
_GRAFIK = re.compile(r"^\[\[lkjip-grafik (\S+)\]\]$")
_SEBARIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Judul:
    tingkat: int
    teks: str


@dataclass(frozen=True, slots=True)
class Paragraf:
    teks: str


@dataclass(frozen=True, slots=True)
class Butir:
    tingkat: int
    teks: str


@dataclass(frozen=True, slots=True)
class BlokTabel:
    tabel: Tabel
    lanjutan: bool
    sumber: bool


Blok = Judul | Paragraf | Butir | BlokTabel


def markdown_berpenanda(hasil: Hasil, bab: Sequence[str], tabel: Sequence[str]
                        ) -> tuple[str, list[Tabel]]:
    """The chapters' Markdown with a marker per table, and the tables the markers name."""
    import jinja2

    from lkjip_cli.render.markdown.konteks import asal, konteks
    from lkjip_cli.render.markdown.templat import galat_dari, lingkungan, rapikan, templat_untuk

    daftar: list[Tabel] = []

    def tanda_tabel(t: object) -> str:
        tabel = asal(t)  # templates hold the table's read-only record, not the model
        assert isinstance(tabel, Tabel)
        daftar.append(tabel)
        return str(len(daftar) - 1)

    env = lingkungan(hasil.laporan.aturan)
    assert env.loader is not None
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"_tabel.md.j2": TABEL_PENANDA}),
                                      env.loader])
    env.filters["tanda_tabel"] = tanda_tabel
    ctx = konteks(hasil)
    parts = []
    for name in templat_untuk(bab, tabel):
        try:
            parts.append(env.get_template(name).render(ctx).strip("\n"))
        except Exception as exc:  # reported as the template's, as `render` does
            raise galat_dari(exc, name) from None
    return rapikan("\n\n".join(p for p in parts if p) + "\n"), daftar


def baca_blok(teks: str, daftar: Sequence[Tabel]) -> list[Blok]:
    """The Markdown of lkjip's templates as blocks (the few constructs they use)."""
    out: list[Blok] = []
    paragraf: list[str] = []

    def tutup() -> None:
        if paragraf:
            out.append(Paragraf(" ".join(paragraf)))
            paragraf.clear()

    for line in teks.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            tutup()
        elif m := _PENANDA_TABEL.match(stripped):
            tutup()
            out.append(BlokTabel(daftar[int(m[1])], m[2] == "1", m[3] == "1"))
        elif m := _JUDUL.match(line):
            tutup()
            out.append(Judul(len(m[1]), m[2].strip()))
        elif m := _BUTIR.match(line):
            tutup()
            out.append(Butir(len(m[1]) // 2, m[2].strip()))
        else:
            paragraf.append(stripped)
    tutup()
    return out


# ------------------------------------------------------------------------ document


def dokumen_docx(hasil: Hasil, *, bab: Sequence[str], tabel: Sequence[str] = (),
                 referensi: DocumentObject | None = None, sumber: str = "",
                 grafik: dict[str, list[tuple[str, bytes]]] | None = None) -> bytes:
    """The chapters (or only the tables asked) as DOCX bytes.

    `referensi` is the agency's document, already opened (`source/dokumen.py` reads and
    inspects it); its body is replaced. `grafik` maps a table number to PNG charts inserted
    after that table. Raises `GalatTemplat` for a template that cannot be rendered (the
    command turns it into one line).
    """
    teks, daftar = markdown_berpenanda(hasil, bab, tabel)
    daftar_blok = baca_blok(teks, daftar)
    teks_tak_tersimpan(teks_dokumen(daftar_blok, hasil.laporan.aturan))
    doc = dokumen_dasar(referensi)
    _properti(doc, hasil, sumber)
    penulis = _Penulis(doc, hasil.laporan.aturan, gaya_bawaan=referensi is None,
                       grafik=grafik or {})
    for blok, lanskap in zip(daftar_blok, orientasi(daftar_blok), strict=True):
        penulis.tulis(blok, lanskap)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def teks_dokumen(daftar: Sequence[Blok], aturan: Aturan) -> Iterator[tuple[str, str]]:
    """Every text the document will hold, with where a reader finds it: what
    `teks_tak_tersimpan` checks before a byte is written (the title in the document's
    properties is the instansi's name, which the chapters print too)."""
    judul = "awal dokumen"
    for blok in daftar:
        if isinstance(blok, Judul):
            judul = f"judul \"{blok.teks[:40]}\""
            yield judul, blok.teks
        elif isinstance(blok, Paragraf | Butir):
            yield f"paragraf di bawah {judul}", blok.teks
        else:
            t = blok.tabel
            yield f"judul Tabel {t.label}", t.caption
            yield from ((f"Tabel {t.label} (catatan)", c) for c in (*t.catatan, t.sumber))
            yield from ((f"judul kolom Tabel {t.label}", k.judul) for k in t.kolom)
            for i, b in enumerate(t.baris, start=1):
                yield from ((f"Tabel {t.label} baris {i}", format_sel(s, aturan))
                            for s in b.sel)


def lebar(blok: BlokTabel) -> bool:
    return len(blok.tabel.kolom) >= KOLOM_LANSKAP


def orientasi(daftar: Sequence[Blok]) -> list[bool]:
    """Whether each block goes on a landscape page: a wide table, and the headings and
    paragraphs that lead straight into it (so that a heading is never left alone on a
    portrait page before its table)."""
    out = [False] * len(daftar)
    ikut = [False] * len(daftar)  # the block leads into a table
    for i in range(len(daftar) - 1, -1, -1):
        blok = daftar[i]
        if isinstance(blok, BlokTabel):
            out[i], ikut[i] = lebar(blok), True
        elif isinstance(blok, Judul | Paragraf) and i + 1 < len(daftar) and ikut[i + 1]:
            out[i], ikut[i] = out[i + 1], True
    return out


def dokumen_dasar(referensi: DocumentObject | None) -> DocumentObject:
    """A new document, or the reference document with its body cleared (styles kept)."""
    if referensi is None:
        doc = Document()
        _gaya_bawaan(doc)
        _halaman(doc.sections[0], lanskap=False)
        return doc
    doc = referensi
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _properti(doc: DocumentObject, hasil: Hasil, sumber: str) -> None:
    props = doc.core_properties
    props.author = PEMBUAT
    props.last_modified_by = PEMBUAT
    props.title = f"LKjIP {hasil.laporan.instansi.nama} Tahun {hasil.laporan.tahun}"
    props.comments = (f"dibuat oleh lkjip dari {Path(sumber).name or 'laporan'}; "
                      "lkjip export menimpa berkas ini")


def _gaya_bawaan(doc: DocumentObject) -> None:
    styles: Any = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(UKURAN)
    _font_timur(normal.element, FONT)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12), (3, 11), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
        _font_timur(style.element, FONT)
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(UKURAN)
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)


def _font_timur(element: Any, font: str) -> None:
    """Set the font for every script (Word reads w:eastAsia and w:cs besides w:ascii)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _halaman(section: Any, *, lanskap: bool) -> None:
    kiri, atas, kanan, bawah = MARGIN
    lebar, tinggi = A4
    if lanskap:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(tinggi), Cm(lebar)
        # The binding edge (kiri on a portrait page) is the landscape page's top.
        section.top_margin, section.left_margin = Cm(kiri), Cm(atas)
        section.right_margin, section.bottom_margin = Cm(bawah), Cm(kanan)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(lebar), Cm(tinggi)
        section.left_margin, section.top_margin = Cm(kiri), Cm(atas)
        section.right_margin, section.bottom_margin = Cm(kanan), Cm(bawah)


def _putar(section: Any, *, lanskap: bool) -> None:
    """Turn a section (copied from the previous one) to the other orientation."""
    w, h = section.page_width, section.page_height
    if lanskap == (w > h):
        return
    section.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = h, w
    l_, t, r, b = (section.left_margin, section.top_margin, section.right_margin,
                   section.bottom_margin)
    if lanskap:  # the left (binding) margin becomes the top
        section.top_margin, section.right_margin = l_, t
        section.bottom_margin, section.left_margin = r, b
    else:
        section.left_margin, section.top_margin = t, r
        section.right_margin, section.bottom_margin = b, l_


class _Penulis:
    """Writes blocks into the document, turning pages for wide tables."""

    def __init__(self, doc: DocumentObject, aturan: Aturan, *, gaya_bawaan: bool,
                 grafik: dict[str, list[tuple[str, bytes]]]) -> None:
        self.doc = doc
        self.aturan = aturan
        self.gaya_bawaan = gaya_bawaan
        self.grafik = grafik
        section: Any = doc.sections[-1]
        self.lanskap = bool(section.page_width > section.page_height)
        self.kosong = True  # nothing written yet: a chapter needs no page break
        self.grafik_ditulis: set[str] = set()

    def tulis(self, blok: Blok, lanskap: bool) -> None:
        self.orientasi(lanskap=lanskap)
        if isinstance(blok, BlokTabel):
            self.tabel(blok)
            self.kosong = False
            return
        if isinstance(blok, Judul):
            self.judul(blok)
        elif isinstance(blok, Butir):
            self.butir(blok)
        else:
            p = self.doc.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            tulis_sebaris(p, blok.teks)
        self.kosong = False

    def orientasi(self, *, lanskap: bool) -> None:
        if lanskap == self.lanskap:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        _putar(section, lanskap=lanskap)
        self.lanskap = lanskap

    def gaya(self, nama: str) -> Any:
        styles: Any = self.doc.styles
        try:
            return styles[nama]
        except KeyError:
            return None

    def judul(self, blok: Judul) -> None:
        style = self.gaya(f"Heading {min(blok.tingkat, 9)}")
        p = self.doc.add_paragraph(style=style)
        if style is None:
            tulis_sebaris(p, f"**{blok.teks}**")
        else:
            p.add_run(blok.teks)
        if blok.tingkat == 1:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if not self.kosong:
                p.paragraph_format.page_break_before = True

    def butir(self, blok: Butir) -> None:
        nama = "List Bullet" if blok.tingkat == 0 else f"List Bullet {min(blok.tingkat + 1, 3)}"
        style = self.gaya(nama)
        p = self.doc.add_paragraph(style=style)
        tulis_sebaris(p, blok.teks if style is not None else f"– {blok.teks}")

    def tabel(self, blok: BlokTabel) -> None:
        t = blok.tabel
        self.caption(t, blok.lanjutan)
        tabel_word(self.doc, t, self.aturan, gaya_bawaan=self.gaya_bawaan,
                   lebar=self.lebar_isi())
        if t.catatan:
            self.kecil("Keterangan:")
            for c in t.catatan:
                self.kecil(f"– {c}")
        if blok.sumber and t.sumber:
            self.kecil(f"Sumber Data: {t.sumber}", miring=True)
        for nama, png in self.grafik.get(t.nomor, []):
            if nama not in self.grafik_ditulis:
                self.gambar(nama, png)

    def gambar(self, nama: str, png: bytes) -> None:
        self.grafik_ditulis.add(nama)
        p = self.doc.add_paragraph()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # two charts to a landscape page, a little wider on a portrait one
        lebar = min(self.lebar_isi(), Cm(12) if self.lanskap else Cm(15))
        p.add_run().add_picture(io.BytesIO(png), width=lebar)

    def lebar_isi(self) -> Any:
        s: Any = self.doc.sections[-1]
        return s.page_width - s.left_margin - s.right_margin

    def caption(self, t: Tabel, lanjutan: bool) -> None:
        style = self.gaya("Caption")
        p = self.doc.add_paragraph(style=style)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)
        for i, teks in enumerate(judul_caption(t, lanjutan)):
            if i:
                p.add_run().add_break(WD_BREAK.LINE)
            run = p.add_run(teks)
            run.bold = True

    def kecil(self, teks: str, *, miring: bool = False) -> None:
        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(teks)
        run.italic = miring
        if self.gaya_bawaan:
            run.font.size = Pt(UKURAN_TABEL)


def judul_caption(t: Tabel, lanjutan: bool = False) -> list[str]:
    """The caption's lines as the report prints them: `Tabel 3.4`, then each title line."""
    tambahan = " (lanjutan)" if lanjutan and not t.lanjutan else ""  # the model may say it
    return [t.caption.removesuffix(" " + " ".join(t.judul)) + tambahan, *t.judul]


def tulis_sebaris(p: Paragraph, teks: str) -> None:
    """Text with Markdown's **bold** and *italic* as runs."""
    for bagian in _SEBARIS.split(teks):
        if not bagian:
            continue
        if bagian.startswith("**") and bagian.endswith("**") and len(bagian) > 4:
            p.add_run(bagian[2:-2]).bold = True
        elif bagian.startswith("*") and bagian.endswith("*") and len(bagian) > 2:
            p.add_run(bagian[1:-1]).italic = True
        else:
            p.add_run(bagian)


# --------------------------------------------------------------------------- tables


def tabel_word(doc: DocumentObject, t: Tabel, aturan: Aturan, *, gaya_bawaan: bool,
               lebar: Any) -> Table:
    """One table model as a Word table in the report's layout."""
    n = len(t.kolom)
    table: Table = doc.add_table(rows=2 + len(t.baris), cols=n)
    styles: Any = doc.styles
    try:
        table.style = styles["Table Grid"]
    except KeyError:
        _garis(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # python-docx finds a cell by walking the whole table; take the grid once (no merges yet)
    grid = table._cells
    for j, kolom in enumerate(t.kolom):
        _isi(grid[j], kolom.judul, rata="tengah", tebal=True, kecil=gaya_bawaan)
        _isi(grid[n + j], str(j + 1), rata="tengah", kecil=gaya_bawaan)
    for r in (0, 1):
        _ulang_judul(table.rows[r])
        for cell in grid[r * n:(r + 1) * n]:
            _arsir(cell, WARNA_JUDUL_KOLOM)
    for i, baris in enumerate(t.baris):
        _baris(grid[(2 + i) * n:(3 + i) * n], t, baris, aturan, kecil=gaya_bawaan)
    for kol, awal, akhir in rentang_gabung(t):
        gabung = table.cell(2 + awal, kol).merge(table.cell(2 + akhir, kol))
        for p in gabung.paragraphs[1:]:  # the merged rows' empty paragraphs
            if not p.text:
                p._element.getparent().remove(p._element)
    _lebar_kolom(table, t, aturan, lebar)
    return table


def _baris(cells: Sequence[_Cell], t: Tabel, baris: Baris, aturan: Aturan, *,
           kecil: bool) -> None:
    for j, (sel, kolom) in enumerate(zip(baris.sel, t.kolom, strict=True)):
        angka = sel.jenis != "teks" or (kolom.angka and _seperti_angka(sel.nilai))
        _isi(cells[j], format_sel(sel, aturan), rata="kanan" if angka else "kiri",
             tebal=baris.gaya == "jumlah", kecil=kecil)


def _seperti_angka(nilai: object) -> bool:
    return isinstance(nilai, str) and bool(re.fullmatch(r"[\d.,–-]+", nilai))


def _isi(cell: _Cell, teks: str, *, rata: str, tebal: bool = False, kecil: bool) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.alignment = {"kiri": WD_ALIGN_PARAGRAPH.LEFT,
                                    "kanan": WD_ALIGN_PARAGRAPH.RIGHT,
                                    "tengah": WD_ALIGN_PARAGRAPH.CENTER}[rata]
    p.paragraph_format.space_after = Pt(0)
    run = p.add_run(teks)
    run.bold = tebal
    if kecil:
        run.font.size = Pt(UKURAN_TABEL)


def _ulang_judul(row: Any) -> None:
    """Repeat the row at the top of every page the table runs over (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)
    cant = OxmlElement("w:cantSplit")
    trpr.append(cant)


def _arsir(cell: _Cell, warna: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), warna)
    tcpr.append(shd)


def _garis(table: Table) -> None:
    """Single borders on every edge, for a reference document without "Table Grid"."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tblpr.append(borders)


def _bobot(t: Tabel, aturan: Aturan) -> Iterator[float]:
    """Relative column widths in characters: a number's full width, text wrapped to a few
    lines but never narrower than its longest word (a header such as "Satuan" unbroken)."""
    for j, kolom in enumerate(t.kolom):
        teks = [format_sel(b.sel[j], aturan) for b in t.baris]
        kata = max((len(w) for x in (kolom.judul, *teks) for w in x.split()), default=2)
        if kolom.angka:
            yield max(kata, 4) + 2.5
        else:
            terpanjang = max((len(x) for x in teks), default=0)
            yield min(max(terpanjang / 3, kata + 2.5, 4.5), 40)


def _lebar_kolom(table: Table, t: Tabel, aturan: Aturan, lebar: Any) -> None:
    bobot = list(_bobot(t, aturan))
    total = sum(bobot)
    table.autofit = False
    for j, b in enumerate(bobot):
        w = Emu(int(lebar * b / total))
        table.columns[j].width = w  # w:gridCol, which LibreOffice reads
        for tr in table._tbl.tr_lst:
            tr.tc_lst[j].width = w  # w:tcW, which Word reads (every row has n cells)
