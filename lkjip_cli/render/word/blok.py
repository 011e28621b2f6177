"""The chapters' Markdown as blocks, and which blocks go on landscape pages.

Why a module of its own: the Word document is written block by block (a heading, a
paragraph, a list item, a table), and the one decision about the blocks as a sequence, which
of them share a landscape page, is a rule worth testing apart from Word. The Markdown read
here is what lkjip's own templates write (headings, paragraphs, `-` lists, and the marker
`render/docx.py` leaves where a table goes), not Markdown at large.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from lkjip_cli.tabel import Tabel

_PENANDA_TABEL = re.compile(r"^\[\[lkjip-tabel (\d+)\|([01])\|([01])\]\]$")
_JUDUL = re.compile(r"^(#{1,6}) +(.*)$")
_BUTIR = re.compile(r"^( *)- +(.*)$")


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



def bab_baru(blok: Blok) -> bool:
    """A chapter's heading (`BAB I PENDAHULUAN`): arabic page numbers start at the first."""
    return isinstance(blok, Judul) and blok.tingkat == 1 and blok.teks.upper().startswith("BAB ")


def orientasi(daftar: Sequence[Blok], lanskap_perlu: Callable[[BlokTabel], bool]
              ) -> list[bool]:
    """Whether each block goes on a landscape page.

    A table too wide for a portrait page is landscape, with the headings and paragraphs that
    lead straight into it, up to four (a heading is never left alone on a portrait page
    before its table; the prose before a heading stays where it is), and the short text
    that follows it up to the next heading (what the text says about the table; a long text
    goes back to portrait). Two landscape runs with only a little between them (no chapter,
    a few short paragraphs or small tables) become one, so consecutive wide tables share
    pages instead of each taking a landscape page of its own."""
    out = [False] * len(daftar)
    # what the block leads into, in a chain [headings] [paragraphs] table: a paragraph
    # before a heading belongs to the part the heading closes, not to the table
    ikut: list[type | None] = [None] * len(daftar)
    rantai = 0  # how many blocks lead into the table so far
    for i in range(len(daftar) - 1, -1, -1):
        blok = daftar[i]
        lanjut = ikut[i + 1] if i + 1 < len(daftar) else None
        if isinstance(blok, BlokTabel):
            out[i], ikut[i], rantai = lanskap_perlu(blok), BlokTabel, 0
        elif lanjut is not None and rantai < RANTAI_MAKS and (isinstance(blok, Judul) or (
                isinstance(blok, Paragraf) and lanjut is not Judul)):
            out[i], ikut[i] = out[i + 1], type(blok)
            # nothing before a chapter's heading follows it
            rantai = RANTAI_MAKS if isinstance(blok, Judul) and blok.tingkat == 1 else rantai + 1
    ekor = 0  # what has followed a landscape table so far, in characters
    for i in range(1, len(daftar)):
        blok = daftar[i]
        if isinstance(daftar[i - 1], BlokTabel):
            ekor = 0
        if out[i - 1] and not out[i] and isinstance(blok, Paragraf | Butir):
            ekor += _bobot_blok(blok)
            out[i] = ekor <= EKOR_MAKS  # a note on the table, not the analyst's essay
    for awal, akhir in _celah(out):
        if all(_ringan(b) for b in daftar[awal:akhir]) and \
                sum(_bobot_blok(b) for b in daftar[awal:akhir]) <= CELAH_MAKS:
            out[awal:akhir] = [True] * (akhir - awal)
    return out


#: The most blocks (headings, an introduction) that lead into a table onto its page.
RANTAI_MAKS = 4

#: The most text that follows a landscape table onto its page (what the text says about the
#: table), in characters; a longer text goes back to portrait pages.
EKOR_MAKS = 750

#: The most that may stand between two landscape runs for them to become one: about a
#: third of a landscape page, counted in characters (a table row counts as 80).
CELAH_MAKS = 1500


def _celah(out: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """The portrait runs [awal, akhir) with a landscape block on both sides."""
    i = 0
    while i < len(out):
        if out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j]:
            j += 1
        if i > 0 and j < len(out):
            yield i, j
        i = j


def _ringan(blok: Blok) -> bool:
    return not (isinstance(blok, Judul) and blok.tingkat == 1)


def _bobot_blok(blok: Blok) -> int:
    if isinstance(blok, BlokTabel):
        return 80 * (len(blok.tabel.baris) + 3)
    return len(blok.teks) + 80


