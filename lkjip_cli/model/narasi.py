"""The analyst's own words as data: the parts of an LKjIP that lkjip cannot compute.

Why a model of its own: PermenPAN-RB 53/2014 prescribes a whole document (Kata Pengantar,
Ikhtisar Eksekutif, Bab I, analyses per sasaran, Lampiran), and half of it is the analyst's
text: the causes of success or failure and the solutions taken (analysis 5), the supporting
programs in words (analysis 7), a comparison with a national standard (analysis 4), the
agency's description in Bab I. That text belongs to the report as much as its figures, so it
lives in the same file, validated like the rest, and reaches every surface the same way.

All of it sits under one key, `narasi`, the analyses of a sasaran or an indicator keyed by its
kode: the text is kept apart from the figures (an analyst edits one without scrolling through
the other, and adding text moves no figure's line), and checked against the codes like any
other reference (`checks/kode.py`).

Narrative is data, never a template: lkjip prints it as it is (a `{{` prints as `{{`). It is
written inline (block text in the YAML) or kept in a Markdown or text file next to the report
(`{berkas: narasi/bab1.md}`), which the loader reads only through lkjip's regular-file reader
and only from the report's own directory or below (`lkjip_cli/loader.py`), so a report
someone else wrote cannot pull another file into the document. `sumber` says where the words
come from (e.g. the reference report's lines), so copied text stays marked as copied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import Discriminator, Field, PrivateAttr, Tag, model_validator

from lkjip_cli.model.dasar import Model
from lkjip_cli.model.types import Kode


class Narasi(Model):
    """A piece of the analyst's text, inline (`teks`) or in a file (`berkas`)."""

    teks: str | None = Field(default=None, description="The text itself (Markdown or plain)")
    berkas: str | None = Field(
        default=None, min_length=1,
        description="A Markdown or text file, relative to the report's directory and inside "
        "it; read by the loader")
    sumber: str | None = Field(
        default=None, description="Where the words come from (e.g. a copied report's lines)")
    _isi_berkas: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _satu_sumber(self) -> Narasi:
        if (self.teks is None) == (self.berkas is None):
            raise ValueError("isi salah satu: teks (teks narasi) atau berkas (nama berkas "
                             "Markdown di direktori laporan), tidak keduanya")
        return self

    @property
    def isi(self) -> str:
        """The text to print: inline, or the file's content once the loader has read it."""
        if self.teks is not None:
            return self.teks
        return self._isi_berkas or ""

    def isi_dari_berkas(self, teks: str) -> None:
        """Called once by the loader with the file's text (the model stays frozen); its
        edges trimmed, as every text of the model is."""
        self._isi_berkas = teks.strip()


def _bentuk(value: Any) -> str:
    return "teks" if isinstance(value, str) else "narasi"


#: Narrative as block text, or as a mapping with teks or berkas (and sumber). The form is
#: chosen by the value's shape, so a mapping with a mistake is told about the mapping.
Teks = Annotated[
    Annotated[str, Tag("teks")] | Annotated[Narasi, Tag("narasi")],
    Discriminator(_bentuk),
]


def isi(teks: Teks | None) -> str:
    """The printable text of a narrative field ("" when absent)."""
    if teks is None:
        return ""
    return teks if isinstance(teks, str) else teks.isi


class Bagian(Model):
    """A section under a heading the report chooses (Bab I's A, B, C...; Bab IV's parts)."""

    judul: str = Field(min_length=1)
    isi: Teks


class Penandatangan(Model):
    """Who signs the Kata Pengantar (and the Perjanjian Kinerja's first party)."""

    tempat_tanggal: str | None = Field(default=None, description='"Samarinda, Februari 2021"')
    jabatan: str = Field(min_length=1)
    nama: str = Field(min_length=1)
    pangkat: str | None = None
    nip: str | None = None


class Sampul(Model):
    """The cover: the title lines and an optional logo image next to the report."""

    judul: str = Field(default="Laporan Kinerja Instansi Pemerintah", min_length=1)
    logo: str | None = Field(
        default=None, min_length=1,
        description="A PNG or JPEG file, relative to the report's directory and inside it")
    _gambar: bytes | None = PrivateAttr(default=None)

    @property
    def gambar_logo(self) -> bytes | None:
        """The logo's bytes once the loader has read them (None without a logo)."""
        return self._gambar

    def logo_dari_berkas(self, isi: bytes) -> None:
        """Called once by the loader with the image file's bytes."""
        self._gambar = isi


class NarasiAnalisis(Model):
    """The analyst's analysis of one sasaran or one indicator (PermenPAN-RB 53/2014, Bab III A).

    Each field is one of the regulation's analyses that lkjip cannot compute: 4 (the national
    standard, in words beside the figure), 5 (causes and solutions), 7 (the supporting
    programs, in words beside the generated list); `lain` holds anything under its own heading.
    """

    standar_nasional: Teks | None = None
    penyebab: Teks | None = Field(
        default=None, description="Causes of success/failure or of the increase/decrease")
    solusi: Teks | None = Field(default=None, description="Alternative solutions taken")
    program: Teks | None = Field(
        default=None, description="The programs and kegiatan that supported it, in words")
    lain: tuple[Bagian, ...] = ()


class NarasiLaporan(Model):
    """The report-level text, in the order of PermenPAN-RB 53/2014's outline."""

    sampul: Sampul = Sampul()
    kata_pengantar: Teks | None = None
    penandatangan: Penandatangan | None = None
    ikhtisar: Teks | None = Field(
        default=None, description="The analyst's Ikhtisar Eksekutif, after the key figures")
    bab1: tuple[Bagian, ...] = Field(
        default=(), description="Bab I Pendahuluan, section by section (latar belakang, "
        "tugas dan fungsi, struktur organisasi, aspek strategis, isu strategis...)")
    bab4: tuple[Bagian, ...] = Field(
        default=(), description="Bab IV sections after the generated conclusion "
        "(strategi peningkatan kinerja...)")
    lampiran: tuple[Bagian, ...] = Field(
        default=(), description="Lampiran after the Perjanjian Kinerja ('Lain-lain')")
    sasaran: dict[Kode, NarasiAnalisis] = Field(
        default={}, description="The analyst's analysis of each sasaran, by its kode")
    indikator: dict[Kode, NarasiAnalisis] = Field(
        default={}, description="The analyst's analysis of each indikator kinerja, by its kode")


def _jalan(data: Any, jalur: tuple[str | int, ...]
           ) -> Iterator[tuple[tuple[str | int, ...], Narasi]]:
    if isinstance(data, Narasi):
        yield jalur, data
    elif isinstance(data, Model):
        for nama in type(data).model_fields:
            yield from _jalan(getattr(data, nama), (*jalur, nama))
    elif isinstance(data, tuple):
        for i, item in enumerate(data):
            yield from _jalan(item, (*jalur, i))
    elif isinstance(data, dict):
        for kode, item in data.items():
            yield from _jalan(item, (*jalur, kode))


def semua_narasi(laporan: Any) -> Iterator[tuple[tuple[str | int, ...], Narasi]]:
    """Every `Narasi` of a report with its path from the root (for the loader, which reads
    the files they name and points at them in its diagnostics). Only the narrative is
    walked, not the figures: a report of thousands of indicators stays quick to load."""
    yield from _jalan(laporan.narasi, ("narasi",))


def narasi_datar(laporan: Any) -> Any:
    """The report's narrative as the workbook holds it: each text as (text, source), whether
    written as block text, as a mapping or in a file. For comparing a report with its
    workbook read back (`buku/impor.py`), which holds a file's text, not its name."""

    def bentuk(x: Any) -> Any:
        if isinstance(x, str):
            return (x, None)
        if isinstance(x, Narasi):
            return (x.isi, x.sumber)
        if isinstance(x, Model):
            return {k: bentuk(getattr(x, k)) for k in type(x).model_fields}
        if isinstance(x, tuple):
            return [bentuk(i) for i in x]
        if isinstance(x, dict):
            return {k: bentuk(v) for k, v in x.items()}
        return x

    return bentuk(laporan.narasi)
