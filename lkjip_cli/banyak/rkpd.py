"""The Bappeda's view of many OPD's Evaluasi Hasil Renja (the RKPD recap of `lkjip rekap`).

Each report's programs with their mean tingkat capaian Renja (K) and their money's (Rp),
summarised in the worker that computed the report (`program_renja`), then ranked across
reports as the user asks (`baris_rkpd`). A module of its own so that the recap of LKjIP
figures (`rekap.py`) does not grow with a second document's rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lkjip_cli.engine.hasil import Hasil


@dataclass(frozen=True, slots=True)
class ProgramRenja:
    """One program of an OPD's Evaluasi Hasil Renja, as the Bappeda's RKPD recap shows it:
    the mean tingkat capaian Renja of its indicators (K) and of its money (Rp)."""

    kode: str
    nama: str
    capaian_kinerja: Decimal | None
    alasan_kinerja: str | None
    capaian_anggaran: Decimal | None
    alasan_anggaran: str | None
    predikat_kinerja: str | None
    predikat_anggaran: str | None


@dataclass(frozen=True, slots=True)
class BarisRKPD:
    """One row of the RKPD recap: an OPD's program and its rank."""

    instansi: str
    berkas: str
    program: ProgramRenja
    peringkat: int | None


def program_renja(hasil: Hasil) -> tuple[ProgramRenja, ...]:
    """Each program of the report's Evaluasi Hasil Renja: the mean tingkat capaian Renja of
    its own indicators (those that can be computed), its money's, and their predikat on the
    evaluation's scale."""
    from lkjip_cli.engine.nilai import Masukan
    from lkjip_cli.engine.rata_rata import mean
    from lkjip_cli.engine.skala import klasifikasi, skala

    r = hasil.renja
    if r is None:
        return ()
    bands = skala(r.skala)
    out = []
    for s in r.simpul:
        if s.tingkat != 0:
            continue
        inputs = tuple(Masukan(i.kode, i.capaian.nilai) for i in s.indikator
                       if i.capaian.nilai is not None)
        k = mean("rata-rata capaian program", inputs, ()).nilai if inputs else None
        alasan = None if inputs else ("tidak ada indikator program" if not s.indikator else
                                      "capaian indikator program tidak dapat dihitung")
        pk, pr = klasifikasi(k, bands), klasifikasi(s.capaian.nilai, bands)
        out.append(ProgramRenja(s.kode, s.nama, k, alasan, s.capaian.nilai, s.capaian.alasan,
                                pk.kode if pk else None, pr.kode if pr else None))
    return tuple(out)


def _nilai_rkpd(p: ProgramRenja, urut: str) -> Decimal | None:
    """The RKPD recap ranks by its anggaran column for the absorption orders, else by
    kinerja."""
    return p.capaian_anggaran if urut in ("serapan", "serapan-pk") else p.capaian_kinerja


def baris_rkpd(laporan: Sequence[tuple[str, str, tuple[ProgramRenja, ...]]], urut: str
               ) -> tuple[BarisRKPD, ...]:
    """One row per OPD (instansi, berkas, its programs) and program: ranked by capaian
    (kinerja, or anggaran for `serapan`), largest first, ties sharing a rank; by instansi and
    kode for `instansi`/`berkas`."""
    rows = [(instansi, berkas, p) for instansi, berkas, progs in laporan for p in progs]
    rows.sort(key=lambda x: (x[0].casefold(), x[2].kode))
    if urut in ("instansi", "berkas"):
        return tuple(BarisRKPD(i, b, p, None) for i, b, p in rows)
    ada = [x for x in rows if _nilai_rkpd(x[2], urut) is not None]
    tanpa = [x for x in rows if _nilai_rkpd(x[2], urut) is None]
    ada.sort(key=lambda x: _nilai_rkpd(x[2], urut), reverse=True)  # type: ignore[arg-type,return-value]
    out: list[BarisRKPD] = []
    for n, (i, b, p) in enumerate(ada):
        same = n and _nilai_rkpd(p, urut) == _nilai_rkpd(ada[n - 1][2], urut)
        rank = out[-1].peringkat if same else n + 1
        out.append(BarisRKPD(i, b, p, rank))
    return tuple([*out, *(BarisRKPD(i, b, p, None) for i, b, p in tanpa)])
