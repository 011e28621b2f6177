"""The report as a Word document (DOCX) that behaves like one written in Word.

Why the prose comes from the Markdown templates: the chapters' headings and generated
sentences are already written once, in `templates/*.md.j2`; the Word document renders those
same templates (so an agency's wording and a later fix reach both outputs) with one change,
`_tabel.md.j2` replaced by a version that leaves a marker where each table goes. The
Markdown is then read block by block (headings, paragraphs, lists, markers), and each marker
becomes a real Word table drawn from the same table model (`tabel/`) the Markdown
table was drawn from: caption from `Tabel.caption`'s parts (so a renumbering flows through),
cells through `format_sel` (so through `lkjip_cli/angka.py`), merged cells from
`tabel.GABUNG`.

Word's own machinery does the rest (`render/word/`): headings in heading styles (the
navigation pane and the Daftar Isi read them), captions in the Caption style numbered by SEQ
fields that reproduce the report's `penomoran`, the Daftar Isi, Daftar Tabel and Daftar
Gambar as TOC fields, page numbers as a PAGE field (roman for the front matter, arabic from
the first chapter), and `updateFields` so Word refreshes them all on opening. Column widths
are measured from the text in the typeface, and a table too wide for a portrait page goes on
a landscape page; landscape runs with little between them share their pages. A4 pages,
margins as `render/word/halaman.py` says; a table too wide for any A4 page that the table
model knows how to split (`tabel.BAGIAN`: the Evaluasi Hasil Renja) goes on A3 landscape
pages of its own, in its parts (docs/renja.md section 4). `--reference-doc` opens the
agency's own document as the base (its styles, fonts, page set-up, footer and table style),
with its body cleared, as pandoc's option of that name does.

python-docx is imported here at the top; only `lkjip export` imports this module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.render.docx_blok import (
    TABEL_PENANDA,
    Blok,
    BlokGambar,
    BlokTabel,
    Butir,
    Judul,
    Paragraf,
    Sisipan,
    baca_blok,
    markdown_berpenanda,
)
from lkjip_cli.render.grafik import Gambar
from lkjip_cli.render.word.blok import bab_baru, orientasi
from lkjip_cli.render.word.halaman import (
    A3,
    ARAB,
    ROMAWI,
    adalah_lanskap,
    halaman_a4,
    kaki_bernomor,
    kertas,
    lebar_isi,
    nomor_halaman,
    putar,
    satu_huruf,
)
from lkjip_cli.render.word.medan import (
    TOC_ISI,
    Runtun,
    medan_panjang,
    nomor_caption,
    perbarui_saat_dibuka,
    pisah_label,
    toc_caption,
)
from lkjip_cli.render.word.tabel import UKURAN_TABEL, tabel_word
from lkjip_cli.render.word.ukuran import (
    Ukuran,
    bagi_lebar,
    perlu_lebar,
    tinggi_tabel,
    ukur_kolom,
)
from lkjip_cli.source.sel_aman import BUKAN_XML, teks_tak_tersimpan
from lkjip_cli.tabel import BAGIAN, Tabel, bagian_tabel, format_sel

__all__ = ["TABEL_PENANDA", "Blok", "BlokGambar", "BlokTabel", "Butir", "Judul", "Paragraf",
           "Sisipan", "baca_blok", "dokumen_docx", "markdown_berpenanda", "orientasi"]

#: The creator written into the document's core properties; `cli/berkas.py` recognises a
#: file lkjip wrote by it and replaces it without --force.
PEMBUAT = "lkjip"

#: The default font when no reference document is given.
FONT = "Arial"
UKURAN = 11
#: The cover's lines, in points.
UKURAN_SAMPUL = 16

#: How much wider than the portrait text width a table's comfortable widths may be before
#: it goes on a landscape page.
LONGGAR = 1.05

_SEBARIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


# ------------------------------------------------------------------------ document


def dokumen_docx(hasil: Hasil, *, bab: Sequence[str], tabel: Sequence[str] = (),
                 referensi: DocumentObject | None = None, sumber: str = "",
                 grafik: Mapping[str, list[Gambar]] | None = None,
                 cache: bool = False) -> bytes:
    """The chapters (or only the tables asked) as DOCX bytes.

    `referensi` is the agency's document, already opened (`source/dokumen.py` reads and
    inspects it); its body is replaced. `cache`: the built-in templates' compiled code kept
    between runs (`markdown_berpenanda`). `grafik` maps a table number to the charts inserted
    after that table. More than one chapter is a document: it opens with the Daftar Isi,
    Daftar Tabel and Daftar Gambar on pages numbered i, ii, ...; Bab I (or the first chapter
    written) starts page 1. Raises `GalatTemplat` for a template that cannot be rendered and
    `GalatSel` for a text that Word cannot hold (the command turns both into one line).
    """
    teks, sisipan = markdown_berpenanda(hasil, bab, tabel, cache)
    daftar_blok = baca_blok(teks, sisipan)
    aturan = hasil.laporan.aturan
    teks_tak_tersimpan([*teks_dokumen(daftar_blok, aturan),
                        ("judul di properti dokumen", _judul_dokumen(hasil))])
    doc = dokumen_dasar(referensi)
    _properti(doc, hasil, sumber)
    tulis_blok(doc, daftar_blok, aturan, gaya_bawaan=referensi is None, grafik=grafik or {},
               daftar=len(bab) > 1, kaki=referensi is None or not _ada_kaki(doc))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def tulis_blok(doc: DocumentObject, daftar_blok: Sequence[Blok], aturan: Aturan, *,
               gaya_bawaan: bool, grafik: Mapping[str, list[Gambar]], daftar: bool,
               kaki: bool) -> None:
    """The blocks into `doc`, each on the page orientation `orientasi` gives it; `daftar`:
    a whole document (a cover, if the blocks open with one, then the lists and the
    front matter numbered i, ii, ..., the chapters from 1); `kaki`: add the page-number
    footer."""
    penulis = _Penulis(doc, aturan, gaya_bawaan=gaya_bawaan, grafik=grafik, daftar=daftar,
                       ada_tabel=any(isinstance(b, BlokTabel) for b in daftar_blok), kaki=kaki)
    lanskap = orientasi(daftar_blok, penulis.lanskap_perlu)
    besar = orientasi(daftar_blok, penulis.kertas_besar)
    for blok, miring, a3 in zip(daftar_blok, lanskap, besar, strict=True):
        penulis.tulis(blok, miring or a3, besar=a3)
    penulis.selesai()
    perbarui_saat_dibuka(doc)


def teks_dokumen(daftar: Sequence[Blok], aturan: Aturan) -> Iterator[tuple[str, str]]:
    """Every text the document will hold, with where a reader finds it: what
    `teks_tak_tersimpan` checks before a byte is written (the title in the document's
    properties is the instansi's name, which the chapters print too)."""
    letak = "di awal dokumen"
    for blok in daftar:
        if isinstance(blok, Judul):
            yield f"judul \"{blok.teks[:40]}\"", blok.teks
            letak = f"di bawah judul \"{blok.teks[:40]}\""
        elif isinstance(blok, Paragraf | Butir):
            yield f"paragraf {letak}", blok.teks
        elif isinstance(blok, BlokTabel):
            t = blok.tabel
            yield f"judul Tabel {t.label}", t.caption
            yield from ((f"Tabel {t.label} (catatan)", c) for c in (*t.catatan, t.sumber))
            yield from ((f"judul kolom Tabel {t.label}", k.judul) for k in t.kolom)
            for i, b in enumerate(t.baris, start=1):
                yield from ((f"Tabel {t.label} baris {i}", format_sel(s, aturan))
                            for s in b.sel)


def dokumen_dasar(referensi: DocumentObject | None) -> DocumentObject:
    """A new document, or the reference document with its body cleared (styles kept)."""
    if referensi is None:
        doc = Document()
        _gaya_bawaan(doc)
        halaman_a4(doc.sections[0], lanskap=False)
        return doc
    doc = referensi
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _gaya_wajib(doc)
    return doc


def _gaya_wajib(doc: DocumentObject) -> None:
    """The styles Word's machinery needs, added to a reference document that lacks them:
    "Caption" (the lists of tables and charts) and "Heading 1" to "Heading 4" with their
    outline level (the navigation pane and the Daftar Isi). python-docx gives them Word's
    built-in names, so Word treats them as its own; the agency's fonts stay."""
    from docx.enum.style import WD_STYLE_TYPE

    styles: Any = doc.styles
    for nama, tingkat in (("Caption", None), *((f"Heading {n}", n - 1) for n in range(1, 5))):
        try:
            styles[nama]
            continue
        except KeyError:
            style = styles.add_style(nama, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.bold = True
        if tingkat is not None:
            ppr = style.element.get_or_add_pPr()
            el = OxmlElement("w:outlineLvl")
            el.set(qn("w:val"), str(tingkat))
            ppr.append(el)


def _ada_kaki(doc: DocumentObject) -> bool:
    """Whether the reference document's footer already holds text or a field (its own page
    number, which lkjip keeps)."""
    kaki = doc.sections[0].footer
    if kaki.is_linked_to_previous:
        return False
    el = kaki._element
    return bool("".join(el.itertext()).strip()) or el.find(".//" + qn("w:fldChar")) is not None \
        or el.find(".//" + qn("w:fldSimple")) is not None


def _judul_dokumen(hasil: Hasil) -> str:
    return f"LKjIP {hasil.laporan.instansi.nama} Tahun {hasil.laporan.tahun}"


def _properti(doc: DocumentObject, hasil: Hasil, sumber: str) -> None:
    props = doc.core_properties
    props.author = PEMBUAT
    props.last_modified_by = PEMBUAT
    props.title = _judul_dokumen(hasil)
    nama = BUKAN_XML.sub("?", Path(sumber).name) or "laporan"  # a file name is anyone's
    props.comments = f"dibuat oleh lkjip dari {nama}; lkjip export menimpa berkas ini"


#: The styles lkjip sets its font on (when no reference document is given).
GAYA_HURUF = ["Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title",
              "Subtitle", "Caption", "TOC Heading", "Header", "Footer", "List Bullet",
              "List Bullet 2", "List Bullet 3", "Table Grid"]


def _gaya_bawaan(doc: DocumentObject) -> None:
    styles: Any = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(UKURAN)
    normal.paragraph_format.space_after = Pt(6)
    for level, size in ((1, 14), (2, 12), (3, 11), (4, 11)):
        style = styles[f"Heading {level}"]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = RGBColor(0, 0, 0)
    styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = styles["Caption"]
    caption.font.size = Pt(UKURAN)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    satu_huruf(styles, FONT, GAYA_HURUF)


class _Penulis:
    """Writes blocks into the document: sections for landscape pages and for the change from
    roman to arabic page numbers, captions with SEQ fields, the lists as TOC fields."""

    def __init__(self, doc: DocumentObject, aturan: Aturan, *, gaya_bawaan: bool,
                 grafik: Mapping[str, list[Gambar]], daftar: bool, ada_tabel: bool,
                 kaki: bool) -> None:
        self.doc = doc
        self.aturan = aturan
        self.gaya_bawaan = gaya_bawaan
        self.grafik = grafik
        self.daftar = daftar  # the document opens with Daftar Isi, Tabel, Gambar
        self.ada_tabel = ada_tabel
        section: Any = doc.sections[-1]
        self.lanskap = adalah_lanskap(section)
        self.potret = int(min(section.page_width, section.page_height)
                          - section.left_margin - section.right_margin)
        pendek, panjang = sorted((int(section.page_width), int(section.page_height)))
        self.kertas_dasar = (pendek, panjang)
        #: the text width of a landscape page of the document's own paper (the binding
        #: margin at its top: the portrait page's top and bottom margins at its sides)
        tepi = (section.left_margin + section.right_margin if self.lanskap
                else section.top_margin + section.bottom_margin)
        self.lebar_lanskap = panjang - int(tepi)
        self.besar = False  # the section is on A3 paper
        self.kosong = True  # nothing written yet: no page break, no new section
        self.sampul = daftar  # before the first heading: the cover, if anything is written
        self.halaman_baru = True  # the next block starts a page (a section just began)
        self.arab = False  # arabic page numbers have begun (at the first chapter)
        self.grafik_ditulis: set[str] = set()
        self._gaya: dict[str, Any] = {}
        self._id_gaya: dict[str, str | None] = {}
        self.runtun = Runtun()
        self.gambar_ke: dict[str, int] = {}
        #: (title paragraph, TOC instruction, cached entries) of each list
        self.toc: list[tuple[Paragraph, str, list[tuple[int, str]]]] = []
        self.isi: list[tuple[int, str]] = []
        self.entri: dict[str, list[tuple[int, str]]] = {"Tabel": [], "Gambar": []}
        if kaki:
            kaki_bernomor(section)
        nomor_halaman(section, ROMAWI if daftar else ARAB, mulai=1)
        self.arab = not daftar

    def lanskap_perlu(self, blok: BlokTabel) -> bool:
        """A table whose comfortable widths do not fit a portrait page's text width (with
        `LONGGAR` to spare: a text column a little under its comfortable width costs less
        than a page turned for it)."""
        return perlu_lebar(self.ukuran(blok.tabel)) * 635 > self.potret * LONGGAR

    def kertas_besar(self, blok: BlokTabel) -> bool:
        """A table printed in parts (`tabel.BAGIAN`: the Evaluasi Hasil Renja) whose columns,
        each at its least width, do not fit a landscape page of the document's paper: it goes
        on A3 landscape pages of its own, in its parts (docs/renja.md section 4)."""
        t = blok.tabel
        return t.nomor in BAGIAN and \
            sum(u.minimal for u in self.ukuran(t)) * 635 > self.lebar_lanskap

    def muat_setengah(self, t: Tabel, lebar: Sequence[int]) -> bool:
        """Whether the table fits half a page: then it is kept on one page (moving it costs at
        most half a page; a taller one runs over pages, its header rows repeated)."""
        s: Any = self.doc.sections[-1]
        tinggi_isi = int(s.page_height - s.top_margin - s.bottom_margin) // 635
        baris = [[format_sel(c, self.aturan) for c in b.sel] for b in t.baris]
        kepala = [[k.judul for k in t.kolom]]
        return tinggi_tabel(kepala + baris, lebar, self.pt()) <= tinggi_isi // 2

    def pt(self) -> float:
        return UKURAN_TABEL if self.gaya_bawaan else self._ukuran_normal()

    def ukuran(self, t: Tabel) -> list[Ukuran]:
        return [ukur_kolom(k.judul, [format_sel(b.sel[j], self.aturan) for b in t.baris],
                           angka=k.angka, pt=self.pt()) for j, k in enumerate(t.kolom)]

    def _ukuran_normal(self) -> float:
        size = self.gaya("Normal").font.size if self.gaya("Normal") is not None else None
        return float(size.pt) if size is not None else float(UKURAN)

    def tulis(self, blok: Blok, lanskap: bool, *, besar: bool = False) -> None:
        if self.daftar and isinstance(blok, Judul) and blok.tingkat == 1:
            if self.sampul:
                self.akhiri_sampul()
            if not self.toc and blok.teks.upper() != "KATA PENGANTAR":
                self.daftar_daftar()
        self.bagian(lanskap=lanskap, bab=bab_baru(blok) and not self.arab, besar=besar)
        if isinstance(blok, BlokTabel):
            self.tabel(blok)
        elif isinstance(blok, BlokGambar):
            self.logo(blok.isi)
        elif isinstance(blok, Judul):
            self.judul(blok)
        elif isinstance(blok, Butir):
            self.butir(blok)
        elif self.sampul:
            self.baris_sampul(blok.teks)
        else:
            p = self.doc.add_paragraph()
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            tulis_sebaris(p, blok.teks)
        self.kosong = self.halaman_baru = False

    def baris_sampul(self, teks: str) -> None:
        """A line of the cover: centred, larger, the first a third of the way down."""
        p = self.doc.add_paragraph()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(120 if self.kosong else 18)
        tulis_sebaris(p, teks)
        for run in p.runs:
            run.font.size = Pt(UKURAN_SAMPUL)

    def akhiri_sampul(self) -> None:
        """What came before the first heading is the cover: a page of its own without a page
        number (a first-page footer left empty); the front matter after it starts at i."""
        self.sampul = False
        if self.kosong:
            return
        section: Any = self.doc.sections[-1]
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False  # an empty footer
        baru: Any = self.doc.add_section(WD_SECTION.NEW_PAGE)
        baru.different_first_page_header_footer = False
        putar(baru, lanskap=False)
        self.lanskap = False
        nomor_halaman(baru, ROMAWI, mulai=1)
        self.halaman_baru = True

    def bagian(self, *, lanskap: bool, bab: bool, besar: bool = False) -> None:
        """A new section where the orientation or the paper changes or the first chapter
        begins; on an empty document the first section itself is turned (no blank first
        page). `besar`: A3 paper, for a form too wide for the document's own."""
        if lanskap == self.lanskap and besar == self.besar and not bab:
            return
        section: Any = self.doc.sections[-1]
        if not self.kosong:
            section = self.doc.add_section(WD_SECTION.NEW_PAGE)
            self.halaman_baru = True
        putar(section, lanskap=lanskap)
        self.lanskap = lanskap
        if besar or self.besar:
            kertas(section, (int(Cm(A3[0])), int(Cm(A3[1]))) if besar else self.kertas_dasar)
            self.besar = besar
        if bab:
            nomor_halaman(section, ARAB, mulai=1)
            self.arab = True
        else:  # python-docx copied the previous section's restart: count on
            nomor_halaman(section, ARAB if self.arab else ROMAWI, mulai=None)

    def daftar_daftar(self) -> None:
        """DAFTAR ISI, DAFTAR TABEL, DAFTAR GAMBAR: titles now, fields at the end."""
        self.bagian(lanskap=False, bab=False)
        lists = [("DAFTAR ISI", TOC_ISI, self.isi)]
        if self.ada_tabel:
            lists.append(("DAFTAR TABEL", toc_caption("Tabel"), self.entri["Tabel"]))
        if self.grafik:
            lists.append(("DAFTAR GAMBAR", toc_caption("Gambar"), self.entri["Gambar"]))
        for judul, instr, entri in lists:
            p = self.judul(Judul(1, judul))
            self.toc.append((p, instr, entri))
            self.kosong = self.halaman_baru = False

    def selesai(self) -> None:
        for p, instr, entri in self.toc:
            medan_panjang(p, instr, entri)

    def gaya(self, nama: str) -> Any:
        """The style of that name, or None; looked up once (python-docx walks every style
        for each lookup)."""
        if nama not in self._gaya:
            styles: Any = self.doc.styles
            try:
                self._gaya[nama] = styles[nama]
            except KeyError:
                self._gaya[nama] = None
        return self._gaya[nama]

    def paragraf(self, style: Any) -> Paragraph:
        """`doc.add_paragraph(style=style)`, with the style's id found once per style
        (python-docx compares it with the default style, walking every style, per
        paragraph); the XML is python-docx's own (`CT_P.style`)."""
        p = self.doc.add_paragraph()
        if style is not None:
            if style.name not in self._id_gaya:
                part: Any = self.doc.part
                self._id_gaya[style.name] = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            p._p.style = self._id_gaya[style.name]
        return p

    def judul(self, blok: Judul) -> Paragraph:
        style = self.gaya(f"Heading {min(blok.tingkat, 9)}")
        p = self.paragraf(style)
        if style is None:
            tulis_sebaris(p, f"**{blok.teks}**")
        else:
            p.add_run(blok.teks)
        if blok.tingkat <= 3:
            self.isi.append((blok.tingkat, blok.teks))
        if blok.tingkat == 1:
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if not self.halaman_baru:
                p.paragraph_format.page_break_before = True
        p.paragraph_format.keep_with_next = True
        return p

    def butir(self, blok: Butir) -> None:
        nama = "List Bullet" if blok.tingkat == 0 else f"List Bullet {min(blok.tingkat + 1, 3)}"
        style = self.gaya(nama)
        p = self.paragraf(style)
        tulis_sebaris(p, blok.teks if style is not None else f"– {blok.teks}")

    def logo(self, isi: bytes) -> None:
        """The cover's logo, centred, 4 cm wide."""
        p = self.doc.add_paragraph()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run().add_picture(io.BytesIO(isi), width=Cm(4))

    def tabel(self, blok: BlokTabel) -> None:
        t = blok.tabel
        if self.besar:  # a form on A3 pages, in its parts
            for bagian in bagian_tabel(t):
                self.satu_tabel(bagian.tabel, blok, nomor_kolom=bagian.kolom,
                                gabung=bagian.gabung)
        else:
            self.satu_tabel(t, blok)
        if t.catatan:
            self.kecil("Keterangan:")
            for c in t.catatan:
                self.kecil(f"– {c}")
        if blok.sumber and t.sumber:
            self.kecil(f"Sumber Data: {t.sumber}", miring=True)
        for g in self.grafik.get(t.nomor, []):
            if g.kode not in self.grafik_ditulis:
                self.gambar(g, t)

    def satu_tabel(self, t: Tabel, blok: BlokTabel, *, nomor_kolom: Sequence[int] = (),
                   gabung: Sequence[tuple[int, int, int]] | None = None) -> None:
        """A table (or one part of a split table) with its caption, widths measured for it."""
        if blok.nomor:
            self.caption(t, blok.lanjutan)
        lebar = bagi_lebar(self.ukuran(t), self.lebar_isi() // 635)
        tabel_word(self.doc, t, self.aturan, gaya_bawaan=self.gaya_bawaan, lebar=lebar,
                   utuh=self.muat_setengah(t, lebar), nomor_kolom=nomor_kolom, gabung=gabung)

    def gambar(self, g: Gambar, t: Tabel) -> None:
        """The chart, its numbered caption below it (SEQ Gambar, numbered within the chapter
        of the table it illustrates) and its source."""
        self.grafik_ditulis.add(g.kode)
        p = self.doc.add_paragraph()
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        lebar = min(self.lebar_isi(), Cm(13) if self.lanskap else Cm(15))
        p.add_run().add_picture(io.BytesIO(g.png), width=lebar)
        awal = pisah_label(t.label)[0]
        n = self.gambar_ke[awal] = self.gambar_ke.get(awal, 0) + 1
        label = f"{awal}{n}"
        c = self.paragraf(self.gaya("Caption"))
        c.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        c.paragraph_format.keep_with_next = True
        nomor_caption(c, "Gambar", label, self.runtun)
        c.add_run(f" {g.judul}").bold = True
        self.entri["Gambar"].append((1, f"Gambar {label} {g.judul}"))
        self.kecil(f"Sumber: Tabel {t.label}, diolah", miring=True)

    def lebar_isi(self) -> int:
        return lebar_isi(self.doc.sections[-1])

    def caption(self, t: Tabel, lanjutan: bool) -> None:
        """`Tabel 3.5` (the number a SEQ field) and the title lines, above the table; a
        continued part's caption is plain text, so the Daftar Tabel lists a table once."""
        p = self.paragraf(self.gaya("Caption"))
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)
        if lanjutan or t.lanjutan:
            p.add_run(judul_caption(t, lanjutan)[0]).bold = True
        else:
            nomor_caption(p, "Tabel", t.label, self.runtun)
            self.entri["Tabel"].append((1, " ".join((f"Tabel {t.label}", *t.judul))))
        for teks in t.judul:
            p.add_run().add_break(WD_BREAK.LINE)
            p.add_run(teks).bold = True

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
