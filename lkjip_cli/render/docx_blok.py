"""The Word document's reading of lkjip's Markdown: the chapters as blocks.

Why a module of its own: the Word document renders the same templates as `lkjip render`
(`render/docx.py` says why), with markers where a table, a piece of the analyst's text
(`narasi`) or the cover's logo goes. This module renders them and reads the result back as
blocks (headings, paragraphs, list items, tables, pictures); `docx.py` writes the blocks
into a document. The analyst's text is held aside behind its marker and read as blocks of
its own, with no marker recognised inside it: a narrative can never pull a table into the
document or change the blocks around it, and nothing in it is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.render.word.blok import (
    Blok,
    BlokGambar,
    BlokTabel,
    Butir,
    Judul,
    Paragraf,
)
from lkjip_cli.tabel import Tabel

__all__ = ["TABEL_PENANDA", "Blok", "BlokGambar", "BlokTabel", "Butir", "Judul", "Paragraf",
           "Sisipan", "baca_blok", "markdown_berpenanda"]

#: `_tabel.md.j2` for the Word document: a marker per table instead of a Markdown table.
TABEL_PENANDA = """\
{% macro tabel_md(t, lanjutan=false, sumber=true, nomor=true) %}
[[lkjip-tabel {{ t | tanda_tabel }}|{{ 1 if lanjutan else 0 }}|{{ 1 if sumber else 0 }}|\
{{- 1 if nomor else 0 }}]]
{% endmacro %}

{% macro tabel_lampiran(t, sumber=true) %}
{{ tabel_md(t, sumber=sumber, nomor=false) }}
{% endmacro %}

{% macro daftar_tabel(nomor, daftar, bagian=none) %}
{% for t in daftar if (bagian is none or t.bagian == bagian) and t.baris %}

{{ tabel_md(t, lanjutan=(not loop.first and t.judul == loop.previtem.judul),
            sumber=(loop.last or t.sumber != loop.nextitem.sumber)) }}
{% else %}
{% set t = daftar | first if daftar else none %}
*Tabel {{ (t.nomor_cetak or t.nomor) if t else nomor }} tidak disajikan: \
datanya tidak ada dalam berkas laporan.*
{% endfor %}
{% endmacro %}
"""

_PENANDA_TABEL = re.compile(r"^\[\[lkjip-tabel (\d+)\|([01])\|([01])\|([01])\]\]$")
#: The analyst's text (`narasi` filter) and the cover's logo (`logo` filter), held aside
#: so that nothing in the text is read as a marker or changes the blocks around it.
_PENANDA_NARASI = re.compile(r"^\[\[lkjip-narasi (\d+)\]\]$")
_PENANDA_LOGO = "[[lkjip-logo]]"
#: A numbered or lettered item of the analyst's text ("1. ...", "a) ...").
_NOMOR = re.compile(r"^ *(?:\d{1,3}|[a-zA-Z])[.)] +\S")
_JUDUL = re.compile(r"^(#{1,6}) +(.*)$")
_BUTIR = re.compile(r"^( *)- +(.*)$")


@dataclass(slots=True)
class Sisipan:
    """What the Markdown's markers stand for: tables, the analyst's texts, the logo."""

    tabel: list[Tabel]
    narasi: list[str]
    logo: bytes | None = None


def markdown_berpenanda(hasil: Hasil, bab: Sequence[str], tabel: Sequence[str],
                        cache: bool = False) -> tuple[str, Sisipan]:
    """The chapters' Markdown with a marker per table, per piece of the analyst's text and
    for the logo, and what the markers stand for. With `cache`, the built-in templates'
    compiled code is kept between runs (`render/markdown/cache.py`), keyed after the marker
    filters below are in place, since the fingerprint holds the environment's filter names."""
    import jinja2

    from lkjip_cli.model.narasi import Sampul
    from lkjip_cli.render.markdown.konteks import asal, konteks
    from lkjip_cli.render.markdown.templat import (
        galat_dari,
        lingkungan,
        narasi,
        rapikan,
        templat_untuk,
    )

    sisipan = Sisipan([], [])

    def tanda_tabel(t: object) -> str:
        tabel = asal(t)  # templates hold the table's read-only record, not the model
        assert isinstance(tabel, Tabel)
        sisipan.tabel.append(tabel)
        return str(len(sisipan.tabel) - 1)

    def tanda_narasi(n: object) -> str:
        sisipan.narasi.append(narasi(n))
        return f"\n\n[[lkjip-narasi {len(sisipan.narasi) - 1}]]\n\n"

    def tanda_logo(s: object) -> str:
        sampul = asal(s)
        if not isinstance(sampul, Sampul) or sampul.gambar_logo is None:
            return ""
        sisipan.logo = sampul.gambar_logo
        return _PENANDA_LOGO

    env = lingkungan(hasil.laporan.aturan)
    assert env.loader is not None
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({"_tabel.md.j2": TABEL_PENANDA}),
                                      env.loader])
    env.filters.update({"tanda_tabel": tanda_tabel, "narasi": tanda_narasi,
                        "logo": tanda_logo})
    if cache:
        from lkjip_cli.render.markdown.cache import CacheTemplat

        env.bytecode_cache = CacheTemplat.buka(env)
    ctx = konteks(hasil)
    parts = []
    for name in templat_untuk(bab, tabel):
        try:
            parts.append(env.get_template(name).render(ctx).strip("\n"))
        except Exception as exc:  # reported as the template's, as `render` does
            raise galat_dari(exc, name) from None
    return rapikan("\n\n".join(p for p in parts if p) + "\n"), sisipan


def baca_blok(teks: str, sisipan: Sisipan | Sequence[Tabel], *,
              penanda: bool = True) -> list[Blok]:
    """The Markdown of lkjip's templates as blocks (the few constructs they use).

    With `penanda` false (the analyst's text) no line is a marker, and each numbered item
    ("1. ...", "a) ...") is a paragraph of its own, as the analyst wrote it."""
    if not isinstance(sisipan, Sisipan):
        sisipan = Sisipan(list(sisipan), [])
    out: list[Blok] = []
    paragraf: list[str] = []

    def tutup() -> None:
        if paragraf:
            out.append(Paragraf(" ".join(paragraf)))
            paragraf.clear()

    for line in teks.splitlines():
        stripped = line.strip()
        if not stripped or (penanda and stripped.startswith("<!--")):
            tutup()
        elif penanda and (m := _PENANDA_TABEL.match(stripped)):
            tutup()
            out.append(BlokTabel(sisipan.tabel[int(m[1])], m[2] == "1", m[3] == "1",
                                 m[4] == "1"))
        elif penanda and (m := _PENANDA_NARASI.match(stripped)):
            tutup()
            out.extend(baca_blok(sisipan.narasi[int(m[1])], sisipan, penanda=False))
        elif penanda and stripped == _PENANDA_LOGO and sisipan.logo is not None:
            tutup()
            out.append(BlokGambar(sisipan.logo))
        elif m := _JUDUL.match(line):
            tutup()
            out.append(Judul(len(m[1]), m[2].strip()))
        elif m := _BUTIR.match(line):
            tutup()
            out.append(Butir(len(m[1]) // 2, m[2].strip()))
        elif not penanda and _NOMOR.match(line):
            tutup()
            paragraf.append(stripped)
        else:
            paragraf.append(stripped)
    tutup()
    return out
