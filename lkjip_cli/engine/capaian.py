"""Capaian (achievement) of one indicator, by polarity, with range targets and zero targets.

Rules and sources: ../shared/reference/rules.md section 2.
- positive: R / T x 100;
- negative: (2T - R) / T x 100 by default (PermenPAN-RB 6/2022), or T / R x 100 when the
  report chooses it;
- range target [min, maks]: above the range the formula uses `maks`, below it `min`; inside
  the range capaian is 100 (no rule found; the natural choice, documented);
- target 0 and missing realisasi: not computable, with the reason, unless the report's rule
  `target_nol: 100-jika-realisasi-0` counts T = 0, R = 0 as 100;
- a capaian below 0 (a negative-polarity realisasi above twice its target) is kept as the
  formula gives it, and `arti_capaian_negatif` says what it means (table notes, `explain`);
  a report that counts it as a floor (often 0) says so with `aturan.batas_bawah`.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, presisi, tidak_dapat
from lkjip_cli.model.laporan import (
    Polaritas,
    Rentang,
    RumusNegatif,
    TargetNol,
    target_tunggal,
)

RUMUS_POSITIF = "capaian positif = R / T x 100"
RUMUS_NEGATIF_SELISIH = "capaian negatif = (2T - R) / T x 100"
RUMUS_NEGATIF_KEBALIKAN = "capaian negatif = T / R x 100"
RUMUS_DALAM_RENTANG = "realisasi di dalam rentang target = 100"



def nama_rumus(polaritas: Polaritas, rumus_negatif: RumusNegatif) -> str:
    if polaritas == "positif":
        return RUMUS_POSITIF
    return RUMUS_NEGATIF_SELISIH if rumus_negatif == "(2T-R)/T" else RUMUS_NEGATIF_KEBALIKAN


def target_efektif(target: Decimal | Rentang, realisasi: Decimal) -> Decimal | None:
    """The bound of a range target the formula uses; None when R lies inside the range."""
    if not isinstance(target, Rentang):
        return target
    if realisasi > target.maks:
        return target.maks
    if realisasi < target.min:
        return target.min
    return None


@presisi
def hitung_capaian(
    target: Decimal | Rentang | None,
    realisasi: Decimal | None,
    *,
    polaritas: Polaritas = "positif",
    rumus_negatif: RumusNegatif = "(2T-R)/T",
    target_nol: TargetNol = "tidak-dapat-dihitung",
    sumber_target: tuple[str | int, ...] | None = None,
    sumber_realisasi: tuple[str | int, ...] | None = None,
) -> Nilai:
    """Capaian in percent with its provenance; never raises for any input."""
    rumus = nama_rumus(polaritas, rumus_negatif)
    aturan = (f"polaritas={polaritas}",) + (
        (f"rumus_negatif={rumus_negatif}",) if polaritas == "negatif" else ()
    )
    m_target = Masukan("target", target_tunggal(target), sumber_target)
    m_real = Masukan("realisasi", realisasi, sumber_realisasi)
    inputs: tuple[Masukan, ...] = (m_target, m_real)
    if target is None:
        return tidak_dapat(rumus, "target tidak ada", inputs, aturan=aturan)
    if realisasi is None:
        return tidak_dapat(rumus, "belum ada data realisasi", inputs, aturan=aturan)
    if isinstance(target, Rentang):
        inputs = (Masukan("target minimum", target.min, sumber_target),
                  Masukan("target maksimum", target.maks, sumber_target), m_real)
        aturan = (*aturan, "target rentang: di atas rentang memakai batas atas, di bawah "
                  "memakai batas bawah, di dalam rentang = 100")
    bound = target_efektif(target, realisasi)
    if bound is None and isinstance(target, Rentang):
        return Nilai(HUNDRED, RUMUS_DALAM_RENTANG, inputs, aturan).with_uraian(
            "{0} <= {1} <= {2}", target.min, realisasi, target.maks)
    assert bound is not None
    return _formula(bound, realisasi, rumus, inputs, aturan, target_nol)


def _formula(t: Decimal, r: Decimal, rumus: str, inputs: tuple[Masukan, ...],
             aturan: tuple[str, ...], target_nol: TargetNol) -> Nilai:
    if t == 0:
        if target_nol == "100-jika-realisasi-0" and r == 0:
            return Nilai(HUNDRED, "target 0 dan realisasi 0 = 100", inputs,
                         (*aturan, "target_nol=100-jika-realisasi-0")).with_uraian(
                "T = {0}, R = {1}", t, r)
        return tidak_dapat(rumus, "target 0: capaian tidak dapat dihitung", inputs,
                           aturan=(*aturan, f"target_nol={target_nol}"))
    if rumus == RUMUS_POSITIF:
        return Nilai(r / t * HUNDRED, rumus, inputs, aturan).with_uraian(
            "{0} / {1} x 100", r, t)
    if rumus == RUMUS_NEGATIF_SELISIH:
        return Nilai((2 * t - r) / t * HUNDRED, rumus, inputs, aturan).with_uraian(
            "(2 x {0} - {1}) / {0} x 100", t, r)
    if r == 0:
        return tidak_dapat(rumus, "realisasi 0: T / R tidak terdefinisi", inputs,
                           aturan=aturan)
    return Nilai(t / r * HUNDRED, rumus, inputs, aturan).with_uraian("{0} / {1} x 100", t, r)


def batasi(nilai: Nilai, batas: Decimal | None) -> Nilai:
    """Apply the report's cap (for example 120) to a capaian."""
    if batas is None or nilai.nilai is None or nilai.nilai <= batas:
        return nilai
    return Nilai(batas, nilai.rumus, nilai.masukan, (*nilai.aturan, f"batas_atas={batas}"),
                 None, nilai.satuan, (nilai,))


def batasi_bawah(nilai: Nilai, batas: Decimal | None) -> Nilai:
    """Apply the report's floor (`aturan.batas_bawah`, for example 0) to a capaian."""
    if batas is None or nilai.nilai is None or nilai.nilai >= batas:
        return nilai
    return Nilai(batas, nilai.rumus, nilai.masukan, (*nilai.aturan, f"batas_bawah={batas}"),
                 None, nilai.satuan, (nilai,))


def mentah(nilai: Nilai) -> Nilai:
    """The capaian as its formula gave it, before `batasi` or `batasi_bawah`."""
    while nilai.turunan and nilai.turunan[0].rumus == nilai.rumus and not nilai.uraian:
        nilai = nilai.turunan[0]
    return nilai


def arti_capaian_negatif(nilai: Nilai) -> str | None:
    """What a capaian below 0 means, in a reader's words; None for any other figure."""
    asal = mentah(nilai)
    if asal.nilai is None or asal.nilai >= 0:
        return None
    if asal.rumus == RUMUS_NEGATIF_SELISIH:
        return ("capaian di bawah 0: pada indikator berpolaritas negatif (makin kecil makin "
                "baik) realisasi lebih dari dua kali target, sehingga (2T - R) / T x 100 "
                "negatif; kinerjanya jauh lebih buruk daripada target")
    if asal.rumus in (RUMUS_POSITIF, RUMUS_NEGATIF_KEBALIKAN):
        return ("capaian di bawah 0: target dan realisasi berlainan tanda (salah satunya "
                "negatif), sehingga hasil bagi keduanya negatif; kinerjanya berlawanan arah "
                "dengan target")
    return None


#: Above this a capaian is printed with a word of warning: a realisasi more than twice its
#: target usually means a target set far too low, or target and realisasi written in
#: different units (a share written as 1 for 100%, a count against a percentage). The
#: reference report's highest is 168,85 (a negative-polarity indicator); issue 22 saw a
#: capaian of 1.337,80% (target 1) printed without a word.
BATAS_WAJAR = Decimal(200)


def arti_capaian_tinggi(nilai: Nilai) -> str | None:
    """What a capaian above `BATAS_WAJAR` may mean, in a reader's words; None otherwise."""
    asal = mentah(nilai)
    if asal.nilai is None or asal.nilai <= BATAS_WAJAR:
        return None
    return (f"capaian di atas {BATAS_WAJAR}%: realisasi jauh melampaui target; periksa "
            "apakah target terlalu rendah, atau target dan realisasi ditulis dalam satuan "
            "yang berbeda (misalnya target 1 untuk 100%)")
