"""The SAKIP evaluation results a report cites (Tabel 3.1 of the reference report).

An evaluator (KemenPAN-RB, or the Inspektorat for a perangkat daerah) scores each component
of SAKIP; the report types those scores (`evaluasi_sakip`), and the engine sums them per year
and reads the predicate off the report's scale (`aturan.skala_predikat`, PermenPAN-RB 12/2015
by default: `skala.py`).
"""

from __future__ import annotations

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import HasilEvaluasi, KomponenNilai
from lkjip_cli.engine.nilai import Masukan, jumlah
from lkjip_cli.engine.skala import klasifikasi, skala
from lkjip_cli.model.laporan import Laporan


def hitung_evaluasi(laporan: Laporan) -> tuple[HasilEvaluasi, ...]:
    """Each year's total of the component scores and its predicate; none without scores."""
    ev = laporan.evaluasi_sakip
    if ev is None:
        return ()
    bands = skala(laporan.aturan.skala_predikat)
    out = []
    for i, hasil in enumerate(ev.hasil):
        path: Path = ("evaluasi_sakip", "hasil", i)
        komponen = tuple(KomponenNilai(k.kode, k.nama, k.bobot, hasil.nilai.get(k.kode))
                         for k in ev.komponen)
        total = jumlah("nilai hasil evaluasi = jumlah nilai komponen",
                       [Masukan(k.nama, k.nilai, (*path, "nilai", k.kode))
                        for k in komponen], satuan="")
        out.append(HasilEvaluasi(hasil.tahun, komponen, total,
                                 klasifikasi(total.nilai, bands), path))
    return tuple(out)
