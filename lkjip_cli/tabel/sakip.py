"""Bab III's SAKIP tables: the predicate scale (Tabel 3.1) and the results of the SAKIP
evaluations, component by component and year by year (Tabel 3.2).

They print the rules and inputs of the evaluation (`aturan.skala_predikat`,
`evaluasi_sakip`), not the year's performance, so they share nothing with the capaian tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.skala import skala
from lkjip_cli.tabel.catatan import kolom_judul, nama_singkat, susun_tabel
from lkjip_cli.tabel.sel import Baris, Kolom, Sel, Tabel, masukan, teks


def _rentang_pita(bands: Sequence[tuple[Decimal | None, bool]], i: int) -> str:
    start, inclusive = bands[i]
    upper = "100" if i == 0 else fmt.angka(bands[i - 1][0])
    if start is None:
        return f"s/d {upper}"
    return f"{'' if inclusive else '>'}{fmt.angka(start)} s/d {upper}"


def tabel_3_1(h: Hasil) -> list[Tabel]:
    bands = sorted(skala(h.laporan.aturan.skala_predikat),
                   key=lambda p: p.mulai if p.mulai is not None else Decimal(-1), reverse=True)
    bounds = [(p.mulai, p.inklusif) for p in bands]
    rows = [Baris((teks(str(len(bands) - i)), teks(_rentang_pita(bounds, i)), teks(p.kode),
                   teks(p.sebutan)))
            for i, p in enumerate(bands)]
    return [susun_tabel("3.1", ["Gambaran Umum Implementasi Hasil Evaluasi SAKIP"],
                        kolom_judul("No", "Nilai Capaian", "Kategori Penilaian", "Keterangan"),
                        list(reversed(rows)))]


def tabel_3_2(h: Hasil) -> list[Tabel]:
    if not h.evaluasi:
        return []
    komponen = h.evaluasi[0].komponen
    rows = [Baris((teks(str(i + 1)), teks(k.nama), masukan(k.bobot),
                   *(masukan(e.komponen[i].nilai) for e in h.evaluasi)))
            for i, k in enumerate(komponen)]
    bobot = sum((k.bobot for k in komponen), Decimal(0))
    rows.append(Baris((teks(""), teks("Nilai Hasil Evaluasi"), masukan(bobot),
                       *(Sel(e.total.nilai, "input") for e in h.evaluasi)), "jumlah"))
    rows.append(Baris((teks(""), teks("Predikat Penilaian"), teks(""),
                       *(teks(f"{e.predikat.kode} ({e.predikat.sebutan})" if e.predikat
                              else fmt.TIDAK_ADA) for e in h.evaluasi)), "jumlah"))
    return [susun_tabel("3.2", ["Hasil Evaluasi Implementasi Sistem AKIP", nama_singkat(h)],
                        [*kolom_judul("No", "Komponen Penilaian"), Kolom("Bobot (%)", True),
                         *(Kolom(f"Tahun {e.tahun}", True) for e in h.evaluasi)], rows,
                        ["Nilai hasil evaluasi = jumlah nilai komponen; predikat menurut skala "
                         "Tabel 3.1."],
                        sumber=_sumber_evaluasi(h))]


def _sumber_evaluasi(h: Hasil) -> str:
    ev = h.laporan.evaluasi_sakip
    return (ev.sumber_data if ev and ev.sumber_data else "Laporan Hasil Evaluasi SAKIP")
