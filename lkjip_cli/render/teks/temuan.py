"""`lkjip check`'s findings for people (tables grouped by Tabel, laid out as rich's by
`render/teks/tabel_teks.py`), for programs (JSON) and for GitHub Actions (annotations at the YAML
line of the printed figure)."""

from __future__ import annotations

import functools
import json
import json.encoder
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from rich.console import Console
from rich.text import Text

from lkjip_cli import __version__
from lkjip_cli import angka as fmt
from lkjip_cli.angka import desimal_dari, desimal_polos
from lkjip_cli.audit import Audit
from lkjip_cli.audit.temuan import Ringkasan, Temuan, Tingkat
from lkjip_cli.diagnostics import Diagnostic, aman_terminal, format_path, github_annotation
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.render.teks.tabel_teks import BarisTeks, KolomTeks, TabelTeks, cetak
from lkjip_cli.render.teks.terminal import teks_aman
from lkjip_cli.source.yamlsource import SourceMap

WARNA = {Tingkat.COCOK: "green", Tingkat.PEMBULATAN: "yellow", Tingkat.SELISIH: "red"}


@dataclass(frozen=True, slots=True)
class HasilBerkas:
    """The audit of one file, with what is needed to place and format its findings."""

    berkas: str
    audit: Audit
    source: SourceMap
    aturan: Aturan


def _dicetak(t: Temuan) -> str:
    if t.dicetak is None or isinstance(t.dicetak, str):
        return t.dicetak or fmt.TIDAK_ADA
    return fmt.angka(t.dicetak)


def _dihitung(t: Temuan, aturan: Aturan) -> str:
    if t.dihitung is None and t.jenis == "konsistensi":
        return ""  # nothing to compute: the keterangan says what is inconsistent
    if t.dihitung is None or isinstance(t.dihitung, str):
        return t.dihitung or fmt.TIDAK_ADA
    if t.satuan == "Rp":
        return fmt.rupiah(t.dihitung, awalan=False)
    if t.satuan in ("%", "poin"):
        printed = desimal_dari(t.dicetak) if isinstance(t.dicetak, Decimal) else 0
        places = max(printed, aturan.desimal_persen)
        return fmt.angka(t.dihitung, places, aturan.pembulatan)
    return fmt.tepat(t.dihitung)


def _selisih(t: Temuan) -> str:
    return "" if t.selisih is None else fmt.angka(t.selisih)


def ringkasan_teks(berkas: str, r: Ringkasan) -> str:
    """One line; a wrong figure printed in several places is one error, said as such."""
    tempat = (f" ({r.kesalahan} kesalahan, dicetak di {r.selisih} tempat)"
              if r.kesalahan != r.selisih else "")
    return (f"{aman_terminal(berkas)}: {r.diperiksa} angka tercetak diperiksa: {r.cocok} cocok, "
            f"{r.pembulatan} pembulatan, {r.selisih} selisih{tempat}; "
            f"{r.konsistensi} temuan konsistensi.")


#: The findings table's columns after `baris`: name, and whether figures (right-aligned,
#: never wrapped).
KOLOM_TEMUAN = (("lokasi", False), ("kolom", False), ("dicetak", True), ("dihitung", True),
                ("selisih", True), ("tingkat", False), ("keterangan", False))


def cetak_tabel(console: Console, hasil: HasilBerkas, *, semua: bool) -> None:
    shown = [t for t in hasil.audit.temuan if semua or t.tingkat is not Tingkat.COCOK]
    # The title names the file; each row its line, so `berkas:baris` is one look away.
    # A report imported from a workbook also names the cell each figure was typed in.
    sel = hasil.source.asal is not None
    kolom = [KolomTeks(Text("baris"), kanan=True, no_wrap=True, overflow="ellipsis"),
             *([KolomTeks(Text("sel"), no_wrap=True)] if sel else []),
             *(KolomTeks(Text(name), kanan=right, no_wrap=right)
               for name, right in KOLOM_TEMUAN)]
    for tabel, group in groupby(shown, key=lambda t: t.tabel):
        # Literal strings, never markup (render/teks/tabel_teks.py); controls shown escaped.
        rows = [BarisTeks([letak(hasil, t),
                           *([aman_terminal(sel_asal(hasil, t) or "")] if sel else []),
                           aman_terminal(t.lokasi), aman_terminal(t.kolom),
                           aman_terminal(_dicetak(t)),
                           aman_terminal(_dihitung(t, hasil.aturan)),
                           aman_terminal(_selisih(t)),
                           Text(t.tingkat.value, style=WARNA[t.tingkat]),
                           aman_terminal(t.keterangan)])
                for t in group]
        cetak(console, TabelTeks(kolom, rows, judul=teks_aman(f"{hasil.berkas} — {tabel}"),
                                 judul_rata="left"))
        console.print()


def letak(hasil: HasilBerkas, t: Temuan) -> str:
    """The line of the file where the printed figure (or the inconsistent value) stands."""
    line, _ = _baris(hasil, t)
    return str(line) if line is not None else ""


def sel_asal(hasil: HasilBerkas, t: Temuan) -> str | None:
    """`Dilaporkan!F3`: the workbook cell the figure was typed in, for a file `lkjip import`
    wrote (the comment on its line, `source/asal_sel.py`); None otherwise."""
    asal = hasil.source.asal
    found = asal.di(_baris(hasil, t)[0]) if asal is not None else None
    return f"{found[0]}!{found[1]}" if found else None


def _angka_json(value: Decimal | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return desimal_polos(value)


def _baris(hasil: HasilBerkas, t: Temuan) -> tuple[int | None, int | None]:
    mark = hasil.source.value_mark(t.path)
    return (mark.line, mark.column) if mark else (None, None)


def temuan_dict(hasil: HasilBerkas, t: Temuan) -> dict[str, Any]:
    line, column = _baris(hasil, t)
    return {
        "tabel": t.tabel, "lokasi": t.lokasi, "kolom": t.kolom,
        "dicetak": _angka_json(t.dicetak), "dihitung": _angka_json(t.dihitung),
        "selisih": _angka_json(t.selisih), "tingkat": t.tingkat.value,
        "keterangan": t.keterangan, "jenis": t.jenis, "berkas": hasil.berkas,
        "baris": line, "kolom_berkas": column, "path": format_path(t.path),
    } | _sel_json(hasil, t)


def _sel_json(hasil: HasilBerkas, t: Temuan) -> dict[str, Any]:
    """`buku` and `sel` for a file imported from a workbook; nothing for any other file, so
    the document keeps its shape."""
    sel = sel_asal(hasil, t)
    asal = hasil.source.asal
    return {"buku": asal.buku, "sel": sel} if sel is not None and asal is not None else {}


#: The counts of the JSON summary, in their order.
KUNCI_RINGKASAN = ("diperiksa", "cocok", "pembulatan", "selisih", "kesalahan", "konsistensi")


def to_json(results: Sequence[HasilBerkas], diagnostics: Sequence[Diagnostic] = ()) -> str:
    """One JSON document: the findings, the summary, and the diagnostics of invalid files."""
    temuan = [temuan_dict(h, t) for h in results for t in h.audit.temuan]
    ringkasan = {
        key: sum(getattr(h.audit.ringkasan, key) for h in results)
        for key in KUNCI_RINGKASAN
    }
    doc = {"lkjip": __version__, "temuan": temuan,
           "ringkasan": {"berkas": len(results), **ringkasan},
           "diagnostics": [asdict(d) | {"severity": d.severity.value} for d in diagnostics]}
    return json.dumps(doc, ensure_ascii=False, indent=2)


def json_temuan(hasil: HasilBerkas) -> list[str]:
    """Each finding of one file as the JSON document prints it (an indented object), made
    where the file was audited: only text then crosses to the process that prints."""
    return [_objek_datar(temuan_dict(hasil, t)) for t in hasil.audit.temuan]


def _objek_datar(d: dict[str, Any]) -> str:
    """A dict of scalars as `json.dumps(d, indent=2)` writes it, indented four more spaces:
    `json` encodes with indentation in Python, a finding at a time the most of check's
    JSON output; each scalar here goes through its C encoder, text straight to it."""
    isi = ",\n".join(f"      {_kunci_json(k)}: {_skalar_json(v)}" for k, v in d.items())
    return f"    {{\n{isi}\n    }}"


#: `json.dumps(text, ensure_ascii=False)` without the encoder object made around it each
#: call (the C function it ends in).
_teks_json = json.encoder.encode_basestring


@functools.lru_cache(maxsize=64)
def _kunci_json(kunci: str) -> str:
    """A key of a finding's object, encoded once: every finding has the same dozen."""
    return _teks_json(kunci)


def _skalar_json(nilai: Any) -> str:
    """One value of a finding's object, as `json.dumps(nilai, ensure_ascii=False)`."""
    if isinstance(nilai, str):
        return _teks_json(nilai)
    if nilai is None:
        return "null"
    if type(nilai) is int:
        return int.__repr__(nilai)
    return json.dumps(nilai, ensure_ascii=False)


def teks_berkas(console: Console, hasil: HasilBerkas, *, semua: bool) -> str:
    """What `check` prints for one file as text: its findings tables (captured from
    `console`, colours and width as it would print them) and its summary line."""
    with console.capture() as tangkap:
        cetak_tabel(console, hasil, semua=semua)
    return tangkap.get() + ringkasan_teks(hasil.berkas, hasil.audit.ringkasan) + "\n"


def github_berkas(hasil: HasilBerkas) -> str:
    """What `check --format github` prints for one file: its annotations and summary."""
    return "".join(f"{line}\n" for line in github_lines(hasil)) + \
        ringkasan_teks(hasil.berkas, hasil.audit.ringkasan) + "\n"


class JsonBertahap:
    """Writes `to_json`'s document (and the newline after it) piece by piece, byte for byte
    the same: each file's findings as it is done, then the totals and the diagnostics of
    invalid files. `tulis` writes text as given, adding no newline."""

    KUNCI = KUNCI_RINGKASAN
    #: The document's first lines: which lkjip made it.
    KEPALA = '{\n  "lkjip": ' + json.dumps(__version__) + ",\n"

    def __init__(self, tulis: Callable[[str], Any]) -> None:
        self.tulis = tulis
        self.berkas = 0
        self.jumlah = dict.fromkeys(self.KUNCI, 0)
        self.diagnostics: list[Diagnostic] = []
        self.ada_temuan = False

    def hasil(self, hasil: HasilBerkas) -> None:
        self.tambah(hasil.audit.ringkasan, json_temuan(hasil))

    def tambah(self, ringkasan: Ringkasan, potongan: Sequence[str]) -> None:
        """One file's counts and its findings as `json_temuan` made them (perhaps in a
        worker process)."""
        self.berkas += 1
        for key in self.KUNCI:
            self.jumlah[key] += getattr(ringkasan, key)
        for teks in potongan:
            awal = ",\n" if self.ada_temuan else self.KEPALA + '  "temuan": [\n'
            self.tulis(awal + teks)
            self.ada_temuan = True

    def diagnostik(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)  # only invalid files': small, and they come last

    def tutup(self) -> None:
        ekor = json.dumps({"ringkasan": {"berkas": self.berkas, **self.jumlah},
                           "diagnostics": [asdict(d) | {"severity": d.severity.value}
                                           for d in self.diagnostics]},
                          ensure_ascii=False, indent=2)
        ekor = ekor[len("{\n"):]
        awal = "\n  ],\n" if self.ada_temuan else self.KEPALA + '  "temuan": [],\n'
        self.tulis(awal + ekor + "\n")


def github_lines(hasil: HasilBerkas) -> list[str]:
    """`::error` for each selisih and `::warning` for each pembulatan, at the YAML line of the
    printed figure; nothing for cocok."""
    out = []
    for t in hasil.audit.temuan:
        if t.tingkat is Tingkat.COCOK:
            continue
        level = "error" if t.tingkat is Tingkat.SELISIH else "warning"
        line, column = _baris(hasil, t)
        sel = sel_asal(hasil, t)
        asal = f"{hasil.source.asal.buku}:{sel}: " if sel and hasil.source.asal else ""
        message = (f"{asal}{t.lokasi} — {t.kolom}: dicetak {_dicetak(t)}, dihitung "
                   f"{_dihitung(t, hasil.aturan)}"
                   + (f" (selisih {_selisih(t)})" if t.selisih is not None else "")
                   + f" [{t.tingkat.value}]" + (f". {t.keterangan}" if t.keterangan else ""))
        out.append(github_annotation(level, hasil.berkas, line, column,
                                     f"lkjip check: {t.tabel}", message))
    return out
