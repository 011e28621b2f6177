"""Every figure of one indikator kinerja (Tabel 3.4 to 3.7 and 3.12 of an LKjIP).

Its capaian for the report's period, by the indicator's polarity and the report's rules
(`capaian.py`), and against each quarter's and month's own target; the year's values rolled
up from the quarters or months (`rekap_triwulan`); the change from last year, as a relative
change, a difference in points and a ratio, each labelled; its capaian against the Renstra's
target for the year and for the end of the period; its category; and the budget of the
kegiatan supporting it (`pohon.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from lkjip_cli.angka import bulatkan
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import batasi, batasi_bawah, hitung_capaian
from lkjip_cli.engine.hasil import HasilIndikator, HasilTriwulan
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import HUNDRED, Masukan, Nilai, persentase, presisi, tidak_dapat
from lkjip_cli.engine.periode import isi_dari_rekap, nilai_periode, triwulan_efektif
from lkjip_cli.engine.skala import klasifikasi, skala_interpretasi
from lkjip_cli.engine.tahun import hitung_antar_tahun
from lkjip_cli.engine.turunan import HasilHitungan, hitung_turunan
from lkjip_cli.model.laporan import Aturan, IndikatorKinerja, Rentang, Triwulan, target_tunggal
from lkjip_cli.model.periode import Bulan
from lkjip_cli.model.rumus import gulung_triwulan

RUMUS_PERUBAHAN_PERSEN = "perubahan = (R / R tahun lalu - 1) x 100"
RUMUS_PERUBAHAN_POIN = "selisih = R - R tahun lalu"
RUMUS_PERBANDINGAN = "perbandingan = R / R tahun lalu x 100"


def _capaian(target: Decimal | Rentang | None, realisasi: Decimal | None,
             ind: IndikatorKinerja, aturan: Aturan, path_t: Path | None,
             path_r: Path | None) -> Nilai:
    return batasi_bawah(hitung_capaian(
        target, realisasi, polaritas=ind.polaritas,
        rumus_negatif=ind.rumus_negatif or aturan.rumus_negatif,
        target_nol=aturan.target_nol, sumber_target=path_t, sumber_realisasi=path_r,
    ), aturan.batas_bawah)


@presisi
def rekap(rule: str, label: str, values: Sequence[tuple[Decimal | None, Path]],
          periode: str = "triwulan") -> Nilai:
    """Roll quarterly (or monthly) values up to the year: last known, sum, or average."""
    singkat = "TW" if periode == "triwulan" else "bulan"
    known = [Masukan(f"{label} {singkat} {i + 1}", v, p) for i, (v, p) in enumerate(values)
             if v is not None]
    rumus = {"terakhir": f"{label} tahunan = nilai {periode} terakhir yang ada",
             "jumlah": f"{label} tahunan = jumlah {periode}",
             "rata-rata": f"{label} tahunan = rata-rata {periode}"}[rule]
    aturan = (f"rekap_triwulan={rule}",)
    value = gulung_triwulan(rule, [m.nilai for m in known if m.nilai is not None])
    if value is None:
        return tidak_dapat(rumus, f"tidak ada data {periode}", satuan="", aturan=aturan)
    used = known[-1:] if rule == "terakhir" else known
    return Nilai(value, rumus, tuple(used), aturan, satuan="")


def _triwulan(ind: IndikatorKinerja, tws: Sequence[tuple[Triwulan | Bulan, Path]],
              aturan: Aturan) -> tuple[HasilTriwulan, ...]:
    """The capaian of each quarter (or month) against its own target."""
    out = []
    for i, (tw, base) in enumerate(tws):
        cap = _capaian(tw.target, tw.realisasi, ind, aturan, (*base, "target"),
                       (*base, "realisasi"))
        out.append(HasilTriwulan(i + 1, tw.target, tw.realisasi, cap, base))
    return tuple(out)


@presisi
def perubahan(sekarang: Decimal | None, lalu: Decimal | None, path_now: Path,
              path_prev: Path) -> tuple[Nilai, Nilai]:
    """Relative change and difference in points from last year, each labelled."""
    inputs = (Masukan("realisasi tahun ini", sekarang, path_now),
              Masukan("realisasi tahun lalu", lalu, path_prev))
    if sekarang is None or lalu is None:
        reason = "tidak ada realisasi tahun lalu" if lalu is None else "belum ada realisasi"
        return (tidak_dapat(RUMUS_PERUBAHAN_PERSEN, reason, inputs),
                tidak_dapat(RUMUS_PERUBAHAN_POIN, reason, inputs, satuan="poin"))
    poin = Nilai(sekarang - lalu, RUMUS_PERUBAHAN_POIN, inputs, satuan="poin").with_uraian(
        "{0} - {1}", sekarang, lalu)
    if lalu == 0:
        return (tidak_dapat(RUMUS_PERUBAHAN_PERSEN, "realisasi tahun lalu 0", inputs), poin)
    if lalu < 0:  # from -100 to 50 is a rise of 150, never "a fall of 150%"
        return (tidak_dapat(RUMUS_PERUBAHAN_PERSEN, "realisasi tahun lalu negatif: perubahan "
                            "relatif tidak bermakna, pakai selisih", inputs), poin)
    relatif = Nilai((sekarang / lalu - 1) * HUNDRED, RUMUS_PERUBAHAN_PERSEN, inputs)
    return (relatif.with_uraian("({0} / {1} - 1) x 100", sekarang, lalu), poin)


@presisi
def perbandingan(sekarang: Decimal | None, lalu: Decimal | None, path_now: Path,
                 path_prev: Path) -> Nilai:
    """This year's realisasi as a percentage of last year's (R / R lalu x 100)."""
    return persentase(RUMUS_PERBANDINGAN, Masukan("realisasi tahun ini", sekarang, path_now),
                      Masukan("realisasi tahun lalu", lalu, path_prev))


def hitung_indikator(k: Konteks, ind: IndikatorKinerja, path: Path) -> HasilIndikator:
    """Every figure of one indicator of a sasaran."""
    aturan, tahun = k.aturan, k.laporan.tahun
    hitungan = (hitung_turunan(ind.kode, ind.hitung, (*path, "hitung"))
                if ind.hitung is not None else None)
    if hitungan is not None:
        # The derived value is the realisasi (and target) every figure of the indicator is
        # made from.
        update: dict[str, object] = {"realisasi": hitungan.realisasi.nilai}
        if hitungan.target is not None:
            update["target"] = hitungan.target.nilai
        ind = ind.model_copy(update=update)
    tws = triwulan_efektif(ind, path)
    per = nilai_periode(ind, path, k.laporan.periode, tws)
    rekap_r, rekap_t = rekap_indikator(ind, path, tws)
    if k.laporan.periode is None:
        per = isi_dari_rekap(per, rekap_r, rekap_t)
    if aturan.bulatkan_realisasi is not None and per.realisasi is not None:
        n = aturan.bulatkan_realisasi
        per = replace(per, realisasi=bulatkan(per.realisasi, n, aturan.pembulatan),
                      aturan=(*per.aturan, f"bulatkan_realisasi={n}: realisasi dibulatkan "
                              f"{n} desimal sebelum capaian dihitung"))
    capaian = _alasan_turunan(_capaian(per.target, per.realisasi, ind, aturan, per.path_target,
                                       per.path_realisasi).with_aturan(*per.aturan), hitungan)
    triwulan = _triwulan(ind, tws, aturan)
    bulanan = _triwulan(ind, [(b, (*path, "bulanan", i))
                              for i, b in enumerate(ind.bulanan)], aturan)
    lalu = tahun - 1
    prev_path: Path = (*path, "realisasi_sebelumnya", str(lalu))
    # Comparisons use the realisasi up to the period (the year's, for a yearly report).
    r, r_path = per.realisasi, per.path_realisasi
    pct, poin = perubahan(r, ind.realisasi_sebelumnya.get(lalu), r_path, prev_path)
    akhir = ind.target_renstra.get(k.laporan.renstra.selesai)
    tahun_ini = ind.target_renstra.get(tahun)
    renstra_path: Path = (*path, "target_renstra")
    std = ind.standar_nasional.nilai if ind.standar_nasional else None
    return HasilIndikator(
        kode=ind.kode, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas,
        target=ind.target, realisasi=ind.realisasi, capaian=capaian,
        capaian_dibatasi=batasi(capaian, k.batas_untuk("tampilan")),
        kategori=klasifikasi(capaian.nilai, skala_interpretasi(aturan)),
        triwulan=triwulan, rekap_realisasi=rekap_r, rekap_target=rekap_t,
        tahun_lalu=lalu, realisasi_tahun_lalu=ind.realisasi_sebelumnya.get(lalu),
        perubahan_persen=pct, perubahan_poin=poin,
        perbandingan_persen=perbandingan(r, ind.realisasi_sebelumnya.get(lalu), r_path,
                                         prev_path),
        target_renstra_akhir=akhir,
        capaian_renstra_akhir=_capaian(
            akhir, r, ind, aturan, (*renstra_path, str(k.laporan.renstra.selesai)),
            r_path),
        target_renstra_tahun=tahun_ini,
        capaian_renstra_tahun=_capaian(tahun_ini, r, ind, aturan,
                                       (*renstra_path, str(tahun)), r_path),
        anggaran=k.pohon.anggaran_untuk(f"indikator {ind.kode}", [ind.kode]),
        dikecualikan=k.excluded.get(ind.kode),
        path=path,
        target_periode=per.target, realisasi_periode=per.realisasi, bulanan=bulanan,
        standar_nasional=std,
        capaian_standar_nasional=_standar(ind, aturan, path, r, r_path),
        hitungan=hitungan,
        antar_tahun=hitung_antar_tahun(
            ind, path, tahun, capaian,
            lambda t, r, pt, pr: _capaian(t, r, ind, aturan, pt, pr)),
    )


def _alasan_turunan(capaian: Nilai, hitungan: HasilHitungan | None) -> Nilai:
    """A capaian that is not computable because its derived target or realisasi is not says
    so, with that figure's reason (not "target tidak ada" for a target whose formula divided
    by 0)."""
    if capaian.nilai is not None or hitungan is None:
        return capaian
    for apa, n in (("target", hitungan.target), ("realisasi", hitungan.realisasi)):
        if n is not None and n.nilai is None:
            return replace(capaian, alasan=f"{apa} tidak dapat dihitung dari masukannya: "
                                           f"{n.alasan}")
    return capaian


def _standar(ind: IndikatorKinerja, aturan: Aturan, path: Path, r: Decimal | None,
             r_path: Path | None) -> Nilai | None:
    """Realisasi against the national standard (PermenPAN-RB 53/2014 analysis 4), by the
    capaian rule of a target; None when the indicator names no standard."""
    if ind.standar_nasional is None:
        return None
    return _capaian(ind.standar_nasional.nilai, r, ind, aturan,
                    (*path, "standar_nasional", "nilai"), r_path)


def rekap_indikator(ind: IndikatorKinerja, path: Path,
                    tws: Sequence[tuple[Triwulan, Path]]) -> tuple[Nilai, Nilai]:
    """The year's values rolled up from the quarters, or from the months when the
    quarters are derived from them (so that a mean is over the months)."""
    periods: Sequence[tuple[Triwulan | Bulan, Path]] = tws
    nama = "triwulan"
    if ind.bulanan and not ind.triwulan:
        periods = [(b, (*path, "bulanan", i)) for i, b in enumerate(ind.bulanan)]
        nama = "bulan"
    real = rekap(ind.rekap_triwulan, "realisasi",
                 [(tw.realisasi, (*p, "realisasi")) for tw, p in periods], nama)
    target = rekap(ind.rekap_triwulan, "target",
                   [(target_tunggal(tw.target), (*p, "target")) for tw, p in periods],
                   nama)
    return real, target
