"""Pages of the Word document: A4 (A3 for a form too wide for it) and its margins,
orientation, page numbers, one typeface.

Page set-up (A4; margins kiri 4 cm, atas 3 cm, kanan 3 cm, bawah 3 cm) follows the common
layout of Indonesian government reports bound on the left; a landscape page turns its top
edge to the binding, so it gets the 4 cm there.

Page numbers are a `PAGE` field in one centred footer that every section shares; what it
prints is the section's own format (`w:pgNumType`): lower-case roman for the front matter
(Kata Pengantar, Daftar Isi ...), arabic from 1 at Bab I, as LKjIPs number their pages.
python-docx's `add_section` copies the previous section's `w:pgNumType`, restart included,
so every section after the one that restarts drops `w:start` (or each landscape section
would begin at 1 again).

One typeface: the default template's heading styles name a theme font (`w:asciiTheme`),
which wins over the font lkjip sets; so the theme attributes are removed from the document
defaults and from every style lkjip gives its font, and a rendered page shows one family.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from lkjip_cli.render.word.medan import medan

#: Margins in cm (portrait): kiri, atas, kanan, bawah.
MARGIN = (4.0, 3.0, 3.0, 3.0)
A4 = (21.0, 29.7)
#: The paper of a form too wide for an A4 landscape page (the Evaluasi Hasil Renja), in cm:
#: regional evaluation forms are printed on A3 (docs/renja.md section 4).
A3 = (29.7, 42.0)

#: `w:pgNumType w:fmt` of the front matter and of the chapters.
ROMAWI = "lowerRoman"
ARAB = "decimal"

_TEMA = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def halaman_a4(section: Any, *, lanskap: bool) -> None:
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


def putar(section: Any, *, lanskap: bool) -> None:
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


def kertas(section: Any, ukuran: tuple[int, int]) -> None:
    """The section's paper, (short side, long side) in EMU, in its orientation; the margins
    stay."""
    pendek, panjang = ukuran
    if adalah_lanskap(section):
        section.page_width, section.page_height = panjang, pendek
    else:
        section.page_width, section.page_height = pendek, panjang


def adalah_lanskap(section: Any) -> bool:
    return bool(section.page_width > section.page_height)


def lebar_isi(section: Any) -> int:
    """The text width of a section's pages, in EMU."""
    return int(section.page_width - section.left_margin - section.right_margin)


def nomor_halaman(section: Any, fmt: str, *, mulai: int | None) -> None:
    """The section's page-number format, restarting at `mulai` (None: counting on)."""
    sectpr = section._sectPr
    el = sectpr.find(qn("w:pgNumType"))
    if el is None:
        el = OxmlElement("w:pgNumType")
        # CT_SectPr order: pgNumType after pgMar/pgBorders/lnNumType, before cols ...
        sectpr.insert_element_before(el, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                     "w:titlePg", "w:textDirection", "w:bidi",
                                     "w:rtlGutter", "w:docGrid", "w:printerSettings",
                                     "w:sectPrChange")
    el.set(qn("w:fmt"), fmt)
    if mulai is None:
        el.attrib.pop(qn("w:start"), None)
    else:
        el.set(qn("w:start"), str(mulai))


def kaki_bernomor(section: Any) -> None:
    """A centred footer holding the page number (`PAGE`), which the later sections share."""
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    medan(p, "PAGE", "1")


def satu_huruf(styles: Any, font: str, nama: list[str]) -> None:
    """`font` for every script in the document defaults and in the styles `nama`, with the
    theme fonts that would win over it removed."""
    bawaan = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if bawaan is not None:
        _font(bawaan, font)
    for n in nama:
        try:
            style = styles[n]
        except KeyError:
            continue
        _font(style.element.get_or_add_rPr(), font)


def _font(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _TEMA:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
