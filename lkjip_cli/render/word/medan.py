"""Word fields: the captions' sequence numbers, the Daftar Isi / Tabel / Gambar, PAGE.

Why fields and not typed text: a reviewer or the analyst edits the document after lkjip.
A caption whose number is a `SEQ Tabel` field, a list that is a `TOC` field and a footer
that is a `PAGE` field are renumbered by Word (and LibreOffice) when a table or a page is
added, and the navigation pane and the lists are built from the same headings and captions.
python-docx has no field API (its maintainers point to the run sequence below, which is what
Word writes): begin, instruction, separate, the cached result shown until the field is
updated, end. The settings flag `w:updateFields` asks Word to update every field when the
document is opened; LibreOffice computes SEQ and PAGE itself, and `render/pdf.py` updates
the lists.

Captions follow the report's numbering (`penomoran`): a label `3.5` is the literal prefix
`3.`, then `SEQ Tabel \\* ARABIC` whose cached result is 5; `\\r n` resets the sequence where
counting on would not give the report's number (a new chapter, a gap), `\\c` repeats the
previous number (the report's three "Tabel 3.8"). So Word's update reproduces exactly the
numbers the report prints, and a table the analyst inserts renumbers the rest of its chapter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

#: A caption label split into what Word counts and what it prints literally: `3.5` ->
#: (`3.`, 5, ``), `III.2` -> (`III.`, 2, ``), `19` -> (``, 19, ``), `3.21a` -> (`3.`, 21, `a`).
_LABEL = re.compile(r"^(?P<awal>.*?)(?P<n>\d+)(?P<akhir>[A-Za-z]?)$")

#: The Daftar Isi (headings 1 to 3, as links) and the lists of one caption label.
TOC_ISI = r'TOC \o "1-3" \h \z \u'


def toc_caption(jenis: str) -> str:
    return rf'TOC \h \z \c "{jenis}"'


def _fldchar(jenis: str) -> Any:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), jenis)
    return el


def _run(p: Paragraph, bold: bool | None) -> Any:
    r = p.add_run()
    r.bold = bold
    return r._r


def medan(p: Paragraph, instr: str, hasil: str = "", *, bold: bool | None = None) -> None:
    """The field `{ instr }` at the end of paragraph `p`, showing `hasil` until updated."""
    _run(p, bold).append(_fldchar("begin"))
    _run(p, bold).append(_instr(instr))
    _run(p, bold).append(_fldchar("separate"))
    if hasil:
        p.add_run(hasil).bold = bold
    _run(p, bold).append(_fldchar("end"))


def medan_panjang(judul: Paragraph, instr: str, baris: list[tuple[int, str]]) -> None:
    """A field whose result is many paragraphs (a TOC), placed after the paragraph `judul`;
    `baris` is its cached result, (level, text) per entry, what a converter that does not
    update the list prints (without page numbers, which only a layout knows)."""
    isi = baris or [(1, "(Perbarui daftar ini: klik kanan, Perbarui Bidang)")]
    paragraf = []
    for tingkat, teks in isi:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(360 * (tingkat - 1)))
        ppr.append(ind)
        p.append(ppr)
        paragraf.append(Paragraph(p, judul._parent))
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = teks
        r.append(t)
        p.append(r)
    pertama, terakhir = paragraf[0], paragraf[-1]
    awal = pertama._p.r_lst[0]
    for el in (_fldchar("begin"), _instr(instr), _fldchar("separate")):
        r = OxmlElement("w:r")
        r.append(el)
        awal.addprevious(r)
    r = OxmlElement("w:r")
    r.append(_fldchar("end"))
    terakhir._p.append(r)
    tempat = judul._p
    for p_ in paragraf:
        tempat.addnext(p_._p)
        tempat = p_._p


def _instr(instr: str) -> Any:
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    return it


@dataclass(slots=True)
class Runtun:
    """The last number of each caption sequence (Tabel, Gambar), to choose SEQ's switch."""

    terakhir: dict[str, tuple[str, int]] = field(default_factory=dict)

    def instr(self, jenis: str, awal: str, n: int) -> str:
        sebelum = self.terakhir.get(jenis)
        self.terakhir[jenis] = (awal, n)
        if sebelum == (awal, n):
            return rf"SEQ {jenis} \* ARABIC \c"
        if sebelum is not None and sebelum == (awal, n - 1):
            return rf"SEQ {jenis} \* ARABIC"
        return rf"SEQ {jenis} \* ARABIC \r {n}"


def pisah_label(label: str) -> tuple[str, int | None, str]:
    """A printed label as (literal prefix, the number Word counts, literal suffix)."""
    m = _LABEL.match(label)
    if m is None:
        return label, None, ""
    return m["awal"], int(m["n"]), m["akhir"]


def nomor_caption(p: Paragraph, jenis: str, label: str, runtun: Runtun) -> None:
    """`Tabel 3.5` in bold with 5 as a SEQ field; a label without a number stays text."""
    awal, n, akhir = pisah_label(label)
    if n is None:
        p.add_run(f"{jenis} {label}").bold = True
        return
    p.add_run(f"{jenis} {awal}").bold = True
    medan(p, runtun.instr(jenis, awal, n), str(n), bold=True)
    if akhir:
        p.add_run(akhir).bold = True


def perbarui_saat_dibuka(doc: Any) -> None:
    """`w:updateFields` in the settings: Word updates the lists and numbers on opening
    (it asks first; that question cannot be avoided)."""
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    # CT_Settings order: updateFields comes before these (python-docx's own sequence)
    settings.insert_element_before(
        el, "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
        "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
        "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
        "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
