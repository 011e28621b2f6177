"""Tables as JSON and CSV: every number an exact decimal string, never a float.

The JSON shape (documented in docs/compute.md):
`{"instansi", "tahun", "aturan": {...}, "tabel": [{"nomor", "nomor_cetak", "bagian", "judul",
"kolom", "baris": [[cell, ...], ...], "catatan", "sumber"}]}`, where a cell is a string for text
and `{"nilai": "97.3333…", "jenis": "persen", "tampil": "97,33"}` for a figure (`nilai` is
null, with `alasan`, when it cannot be computed).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from lkjip_cli import __version__
from lkjip_cli.angka import desimal_polos
from lkjip_cli.engine.hasil import Hasil, HasilIndikator
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.source.sel_aman import teks_csv
from lkjip_cli.tabel import Sel, Tabel, format_sel


def _cell(sel: Sel, aturan: Aturan) -> Any:
    if sel.jenis == "teks":
        return sel.nilai or ""
    assert not isinstance(sel.nilai, str)
    out: dict[str, Any] = {"nilai": desimal_polos(sel.nilai), "jenis": sel.jenis,
                           "tampil": format_sel(sel, aturan)}
    if sel.nilai is None and sel.alasan:
        out["alasan"] = sel.alasan
    return out


def tabel_dict(tabel: Tabel, aturan: Aturan) -> dict[str, Any]:
    return {
        "nomor": tabel.nomor,
        "nomor_cetak": tabel.label,
        "bagian": tabel.bagian,
        "judul": " ".join(tabel.judul),
        "kolom": [k.judul for k in tabel.kolom],
        "baris": [[_cell(s, aturan) for s in b.sel] for b in tabel.baris],
        "catatan": list(tabel.catatan),
        "sumber": tabel.sumber,
    }


def to_json(h: Hasil, tables: Sequence[Tabel]) -> str:
    aturan = h.laporan.aturan
    doc = {
        "lkjip": __version__,
        "instansi": h.laporan.instansi.nama,
        "tahun": h.laporan.tahun,
        "aturan": json.loads(aturan.model_dump_json()),
        "tabel": [tabel_dict(t, aturan) for t in tables],
    }
    turunan = [_turunan(i) for i in h.indikator if i.hitungan is not None]
    if turunan:  # only when the report has any: other reports' JSON stays as it was
        doc["indikator_turunan"] = turunan
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)


def _turunan(ind: HasilIndikator) -> dict[str, Any]:
    """A derived indicator's formula, inputs and result, for a program reading the JSON."""
    hh = ind.hitungan
    assert hh is not None
    out: dict[str, Any] = {
        "kode": ind.kode, "rumus": hh.rumus, "bawaan": hh.bawaan,
        "masukan": {m.nama: desimal_polos(m.nilai) for m in hh.masukan},
        "realisasi": desimal_polos(hh.realisasi.nilai),
    }
    if hh.realisasi.nilai is None:
        out["alasan"] = hh.realisasi.alasan
    if hh.target is not None:  # only when derived: other reports' JSON stays as it was
        out["rumus_target"] = hh.rumus_target
        out["masukan_target"] = {m.nama: desimal_polos(m.nilai) for m in hh.masukan_target}
        out["target"] = desimal_polos(hh.target.nilai)
        if hh.target.nilai is None:
            out["alasan_target"] = hh.target.alasan
    if hh.bawaan is not None:
        out["nrr"] = {nama: desimal_polos(n.nilai) for nama, n in hh.nrr}
        out["nilai_indeks"] = desimal_polos(hh.nilai_indeks.nilai) if hh.nilai_indeks else None
        out["mutu"] = hh.mutu.kode if hh.mutu else None
        out["kinerja"] = hh.mutu.sebutan if hh.mutu else None
    return out


def _csv_value(sel: Sel) -> str:
    assert not isinstance(sel.nilai, str)
    return desimal_polos(sel.nilai) or ""


def _csv_id(sel: Sel, aturan: Aturan) -> str:
    """A cell as Excel in the Indonesian locale reads it: rounded as the report prints it,
    comma decimals, no thousands dots (one cell format for every Excel), `n/a` as printed."""
    return format_sel(sel, aturan).replace(".", "")


def _csv_sel(sel: Sel, aturan: Aturan | None) -> str:
    """A text cell neutralised for spreadsheets (`teks_csv`); a number as it is, negative
    or not: the cell's kind says which, never what its text looks like."""
    if sel.jenis == "teks":
        return teks_csv(str(sel.nilai or ""))
    return _csv_id(sel, aturan) if aturan else _csv_value(sel)


def to_csv(tabel: Tabel, aturan: Aturan | None = None) -> str:
    """One table as CSV: a header row, then exact values (dot decimals, no grouping).

    With `aturan` (`--locale id`): `;` separators and each figure as the report prints it
    (rounded by the report's rules, comma decimals), which Indonesian Excel opens as numbers.
    Text that a spreadsheet would evaluate as a formula is prefixed with `'`
    (`source/sel_aman.py`); the csv module quotes separators, quotes and line breaks.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=";" if aturan else ",")
    writer.writerow([teks_csv(k.judul) for k in tabel.kolom])
    for baris in tabel.baris:
        writer.writerow([_csv_sel(s, aturan) for s in baris.sel])
    return buffer.getvalue()
