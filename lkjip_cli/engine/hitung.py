"""`hitung(laporan)`: every figure of Bab III from a validated report, exactly.

Pure: no I/O, no printing, and it imports neither typer, rich nor jinja2. Figures keep full
precision (`PRESISI` digits); rounding is the renderers' job, by the report's rules.
Budgets reach sasaran and indicators through the kegiatan that support them (`mendukung`),
as Tabel 2.6, 3.10 and 3.12 of an LKjIP attribute them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import batasi, hitung_capaian
from lkjip_cli.engine.hasil import (
    Anggaran,
    Hasil,
    HasilBelanja,
    HasilEvaluasi,
    HasilIndikator,
    HasilIndikatorKegiatan,
    HasilKegiatan,
    HasilProgram,
    HasilSasaran,
    HasilTriwulan,
    KomponenNilai,
)
from lkjip_cli.engine.nilai import (
    HUNDRED,
    Masukan,
    Nilai,
    dari,
    jumlah,
    persentase,
    presisi,
    tidak_dapat,
)
from lkjip_cli.engine.skala import klasifikasi, skala
from lkjip_cli.memori import tanpa_gc
from lkjip_cli.model.laporan import (
    Aturan,
    BelanjaTahun,
    IndikatorKinerja,
    Kegiatan,
    Laporan,
    Rentang,
    Sasaran,
    Triwulan,
    target_tunggal,
)
from lkjip_cli.rumus import gulung_triwulan

RUMUS_PENYERAPAN = "penyerapan = realisasi / pagu x 100"
RUMUS_SISA = "sisa anggaran = pagu - realisasi"
RUMUS_PERUBAHAN_PERSEN = "perubahan = (R / R tahun lalu - 1) x 100"
RUMUS_PERUBAHAN_POIN = "selisih = R - R tahun lalu"
RUMUS_RATA_RATA = "rata-rata capaian = jumlah capaian / banyak indikator"
RUMUS_EFISIENSI = {
    "selisih": "efisiensi = capaian kinerja - penyerapan anggaran",
    "sisa-anggaran": "efisiensi = 100 - penyerapan anggaran",
    "rasio": "efisiensi = capaian kinerja / penyerapan anggaran x 100",
    "nominal": "efisiensi = pagu - realisasi",
}

KegiatanDenganPath = tuple[Kegiatan, Path]


# ------------------------------------------------------------------------- budgets


def anggaran_dari(rumus: str, kegiatan: Sequence[KegiatanDenganPath]) -> Anggaran:
    """Pagu, realisasi, penyerapan and sisa of a set of kegiatan."""
    pagu = jumlah(f"pagu {rumus} = jumlah pagu kegiatan",
                  [Masukan(f"pagu {k.kode}", k.pagu, (*p, "pagu")) for k, p in kegiatan])
    real = jumlah(f"realisasi {rumus} = jumlah realisasi kegiatan",
                  [Masukan(f"realisasi {k.kode}", k.realisasi, (*p, "realisasi"))
                   for k, p in kegiatan])
    return anggaran_total(pagu, real, tuple(k.kode for k, _ in kegiatan))


def anggaran_total(pagu: Nilai, realisasi: Nilai, kegiatan: tuple[str, ...] = ()) -> Anggaran:
    if not kegiatan and not pagu.masukan and pagu.nilai == 0:
        pagu = tidak_dapat(pagu.rumus, "tidak ada kegiatan yang dikaitkan", satuan="Rp")
        realisasi = tidak_dapat(realisasi.rumus, "tidak ada kegiatan yang dikaitkan",
                                satuan="Rp")
    penyerapan = persentase(RUMUS_PENYERAPAN, dari("realisasi", realisasi), dari("pagu", pagu))
    return Anggaran(pagu, realisasi, penyerapan, selisih_rupiah(pagu, realisasi), kegiatan)


def selisih_rupiah(pagu: Nilai, realisasi: Nilai) -> Nilai:
    inputs = (dari("pagu", pagu), dari("realisasi", realisasi))
    if pagu.nilai is None or realisasi.nilai is None:
        return tidak_dapat(RUMUS_SISA, "data tidak lengkap", inputs, satuan="Rp")
    return Nilai(pagu.nilai - realisasi.nilai, RUMUS_SISA, inputs, satuan="Rp").with_uraian(
        "{0} - {1}", pagu.nilai, realisasi.nilai)


@presisi
def efisiensi(metode: str, capaian: Nilai, anggaran: Anggaran) -> Nilai:
    """Efficiency by the report's named method (rules.md section 3)."""
    rumus = RUMUS_EFISIENSI[metode]
    aturan = (f"metode efisiensi={metode}",)
    if metode == "nominal":
        return anggaran.sisa.with_aturan(*aturan)
    penyerapan = anggaran.penyerapan.nilai
    inputs: tuple[Masukan, ...] = (dari("capaian kinerja", capaian),
                                   dari("penyerapan anggaran", anggaran.penyerapan))
    if metode == "sisa-anggaran":
        inputs = inputs[1:]
        if penyerapan is None:
            return tidak_dapat(rumus, "penyerapan tidak dapat dihitung", inputs, aturan=aturan)
        return Nilai(HUNDRED - penyerapan, rumus, inputs, aturan, satuan="poin").with_uraian(
            "100 - {0}", penyerapan)
    if capaian.nilai is None or penyerapan is None:
        return tidak_dapat(rumus, "capaian atau penyerapan tidak dapat dihitung", inputs,
                           aturan=aturan)
    if metode == "selisih":
        return Nilai(capaian.nilai - penyerapan, rumus, inputs, aturan,
                     satuan="poin").with_uraian("{0} - {1}", capaian.nilai, penyerapan)
    if penyerapan == 0:
        return tidak_dapat(rumus, "penyerapan 0", inputs, aturan=aturan)
    return Nilai(capaian.nilai / penyerapan * HUNDRED, rumus, inputs, aturan).with_uraian(
        "{0} / {1} x 100", capaian.nilai, penyerapan)


# ---------------------------------------------------------------------- indicators


def _capaian(target: Decimal | Rentang | None, realisasi: Decimal | None,
             ind: IndikatorKinerja, aturan: Aturan, path_t: Path | None,
             path_r: Path | None) -> Nilai:
    return hitung_capaian(
        target, realisasi, polaritas=ind.polaritas,
        rumus_negatif=ind.rumus_negatif or aturan.rumus_negatif,
        target_nol=aturan.target_nol, sumber_target=path_t, sumber_realisasi=path_r,
    )


@presisi
def rekap(rule: str, label: str, values: Sequence[tuple[Decimal | None, Path]]) -> Nilai:
    """Roll quarterly values up to the year: last known, sum, or average."""
    known = [Masukan(f"{label} TW {i + 1}", v, p) for i, (v, p) in enumerate(values)
             if v is not None]
    rumus = {"terakhir": f"{label} tahunan = nilai triwulan terakhir yang ada",
             "jumlah": f"{label} tahunan = jumlah triwulan",
             "rata-rata": f"{label} tahunan = rata-rata triwulan"}[rule]
    aturan = (f"rekap_triwulan={rule}",)
    value = gulung_triwulan(rule, [m.nilai for m in known if m.nilai is not None])
    if value is None:
        return tidak_dapat(rumus, "tidak ada data triwulan", satuan="", aturan=aturan)
    used = known[-1:] if rule == "terakhir" else known
    return Nilai(value, rumus, tuple(used), aturan, satuan="")


def _triwulan(ind: IndikatorKinerja, path: Path, aturan: Aturan) -> tuple[HasilTriwulan, ...]:
    out = []
    for i, tw in enumerate(ind.triwulan):
        base: Path = (*path, "triwulan", i)
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
    relatif = Nilai((sekarang / lalu - 1) * HUNDRED, RUMUS_PERUBAHAN_PERSEN, inputs)
    return (relatif.with_uraian("({0} / {1} - 1) x 100", sekarang, lalu), poin)


class _Penghitung:
    """Holds the report and its kegiatan index while the figures are computed."""

    def __init__(self, laporan: Laporan) -> None:
        self.laporan = laporan
        self.aturan = laporan.aturan
        self.kegiatan: list[KegiatanDenganPath] = [
            (keg, ("program", i, "kegiatan", j))
            for i, prog in enumerate(laporan.program)
            for j, keg in enumerate(prog.kegiatan)
        ]
        # kode indikator -> positions in self.kegiatan of the kegiatan supporting it, built
        # once: a lookup per indicator instead of a scan of every kegiatan.
        self.pendukung: dict[str, list[int]] = {}
        for nomor, (keg, _) in enumerate(self.kegiatan):
            for kode in dict.fromkeys(keg.mendukung):
                self.pendukung.setdefault(kode, []).append(nomor)
        self.excluded = {e.indikator: e.alasan for e in self.aturan.rata_rata.dikecualikan}
        self.batas = self.aturan.batas_atas

    def kegiatan_untuk(self, kode_indikator: Iterable[str]) -> list[KegiatanDenganPath]:
        """The kegiatan supporting any of the indicators, each once, in file order."""
        nomor = {n for kode in set(kode_indikator) for n in self.pendukung.get(kode, ())}
        return [self.kegiatan[n] for n in sorted(nomor)]

    def batas_untuk(self, tempat: str) -> Decimal | None:
        if self.batas is None or tempat not in self.batas.berlaku:
            return None
        return self.batas.nilai

    # ------------------------------------------------------------------ indicator

    def indikator(self, ind: IndikatorKinerja, path: Path) -> HasilIndikator:
        aturan, tahun = self.aturan, self.laporan.tahun
        capaian = _capaian(ind.target, ind.realisasi, ind, aturan, (*path, "target"),
                           (*path, "realisasi"))
        triwulan = _triwulan(ind, path, aturan)
        rekap_r, rekap_t = self.rekap_indikator(ind, path)
        lalu = tahun - 1
        prev_path: Path = (*path, "realisasi_sebelumnya", str(lalu))
        pct, poin = perubahan(ind.realisasi, ind.realisasi_sebelumnya.get(lalu),
                              (*path, "realisasi"), prev_path)
        akhir = ind.target_renstra.get(self.laporan.renstra.selesai)
        tahun_ini = ind.target_renstra.get(tahun)
        renstra_path: Path = (*path, "target_renstra")
        return HasilIndikator(
            kode=ind.kode, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas,
            target=ind.target, realisasi=ind.realisasi, capaian=capaian,
            capaian_dibatasi=batasi(capaian, self.batas_untuk("tampilan")),
            kategori=klasifikasi(capaian.nilai, skala(aturan.skala_interpretasi)),
            triwulan=triwulan, rekap_realisasi=rekap_r, rekap_target=rekap_t,
            tahun_lalu=lalu, realisasi_tahun_lalu=ind.realisasi_sebelumnya.get(lalu),
            perubahan_persen=pct, perubahan_poin=poin,
            target_renstra_akhir=akhir,
            capaian_renstra_akhir=_capaian(
                akhir, ind.realisasi, ind, aturan,
                (*renstra_path, str(self.laporan.renstra.selesai)), (*path, "realisasi")),
            target_renstra_tahun=tahun_ini,
            capaian_renstra_tahun=_capaian(tahun_ini, ind.realisasi, ind, aturan,
                                           (*renstra_path, str(tahun)), (*path, "realisasi")),
            anggaran=anggaran_dari(f"indikator {ind.kode}", self.kegiatan_untuk([ind.kode])),
            dikecualikan=self.excluded.get(ind.kode),
            path=path,
        )

    def rekap_indikator(self, ind: IndikatorKinerja, path: Path) -> tuple[Nilai, Nilai]:
        tws: tuple[Triwulan, ...] = ind.triwulan
        real = rekap(ind.rekap_triwulan, "realisasi",
                     [(tw.realisasi, (*path, "triwulan", i, "realisasi"))
                      for i, tw in enumerate(tws)])
        target = rekap(ind.rekap_triwulan, "target",
                       [(target_tunggal(tw.target), (*path, "triwulan", i, "target"))
                        for i, tw in enumerate(tws)])
        return real, target

    # --------------------------------------------------------------------- sasaran

    def sasaran(self, sas: Sasaran, path: Path, bl: Nilai) -> HasilSasaran:
        indikator = tuple(self.indikator(ind, (*path, "indikator", j))
                          for j, ind in enumerate(sas.indikator))
        capaian = self.rata_rata(f"sasaran {sas.kode}", indikator)
        anggaran = anggaran_dari(f"sasaran {sas.kode}",
                                 self.kegiatan_untuk(i.kode for i in indikator))
        porsi = persentase("porsi belanja langsung = pagu sasaran / pagu belanja langsung x 100",
                           dari("pagu sasaran", anggaran.pagu), dari("pagu belanja langsung", bl))
        return HasilSasaran(
            kode=sas.kode, nama=sas.nama, indikator=indikator, capaian=capaian,
            kategori=klasifikasi(capaian.nilai, skala(self.aturan.skala_interpretasi)),
            berhasil=self.berhasil(indikator), anggaran=anggaran,
            porsi_belanja_langsung=porsi,
            efisiensi=efisiensi(self.aturan.efisiensi.sasaran, capaian, anggaran),
            path=path,
        )

    def berhasil(self, indikator: Sequence[HasilIndikator]) -> bool | None:
        values = [i.capaian.nilai for i in indikator]
        if any(v is None for v in values):
            return None
        return all(v is not None and v >= self.aturan.ambang_berhasil for v in values)

    @presisi
    def rata_rata(self, label: str, indikator: Sequence[HasilIndikator]) -> Nilai:
        """Plain mean of the included indicators' capaian (capped if the report says so)."""
        batas = self.batas_untuk("rata-rata")
        included = [i for i in indikator if i.dikecualikan is None]
        aturan = tuple(f"{i.kode} dikecualikan: {i.dikecualikan}" for i in indikator
                       if i.dikecualikan is not None)
        if batas is not None:
            aturan = (*aturan, f"batas_atas={batas} sebelum dirata-rata")
        rumus = f"{RUMUS_RATA_RATA} ({label})"
        inputs = tuple(Masukan(f"capaian {i.kode}", batasi(i.capaian, batas).nilai, i.path)
                       for i in included)
        missing = [m.nama for m in inputs if m.nilai is None]
        if not inputs:
            return tidak_dapat(rumus, "semua indikator dikecualikan", aturan=aturan)
        if missing:
            return tidak_dapat(rumus, f"tidak ada nilai untuk {', '.join(missing)}", inputs,
                               aturan=aturan)
        return _mean(rumus, inputs, aturan)

    @presisi
    def rata_rata_laporan(self, sasaran: Sequence[HasilSasaran]) -> Nilai:
        if self.aturan.rata_rata.dasar == "indikator":
            return self.rata_rata("laporan", [i for s in sasaran for i in s.indikator])
        # A sasaran whose indicators are all excluded leaves the average, as its indicators
        # would on the indicator basis.
        counted = [s for s in sasaran if any(i.dikecualikan is None for i in s.indikator)]
        inputs = tuple(Masukan(f"capaian {s.kode}", s.capaian.nilai, s.path) for s in counted)
        rumus = "rata-rata capaian = jumlah capaian sasaran / banyak sasaran"
        if any(m.nilai is None for m in inputs) or not inputs:
            return tidak_dapat(rumus, "capaian sasaran tidak lengkap", inputs)
        return _mean(rumus, inputs, ("rata_rata.dasar=sasaran",))

    # ------------------------------------------------------------- programs, belanja

    def program(self) -> tuple[HasilProgram, ...]:
        out = []
        for i, prog in enumerate(self.laporan.program):
            path: Path = ("program", i)
            kegiatan = tuple(self.kegiatan_hasil(k, (*path, "kegiatan", j))
                             for j, k in enumerate(prog.kegiatan))
            anggaran = anggaran_dari(f"program {prog.kode}",
                                     [(k, (*path, "kegiatan", j))
                                      for j, k in enumerate(prog.kegiatan)])
            out.append(HasilProgram(prog.kode, prog.nama, anggaran,
                                    prog.anggaran_perjanjian_kinerja, prog.sumber_dana,
                                    kegiatan, path))
        return tuple(out)

    def kegiatan_hasil(self, keg: Kegiatan, path: Path) -> HasilKegiatan:
        indikator = []
        for k, ik in enumerate(keg.indikator):
            ipath: Path = (*path, "indikator", k)
            cap = hitung_capaian(ik.target, ik.realisasi, polaritas=ik.polaritas,
                                 rumus_negatif=self.aturan.rumus_negatif,
                                 target_nol=self.aturan.target_nol,
                                 sumber_target=(*ipath, "target"),
                                 sumber_realisasi=(*ipath, "realisasi"))
            indikator.append(HasilIndikatorKegiatan(ik.kode, ik.nama, ik.satuan, ik.target,
                                                    ik.realisasi, cap, ik.rencana_aksi, ipath))
        return HasilKegiatan(keg.kode, keg.nama, anggaran_dari(f"kegiatan {keg.kode}",
                                                               [(keg, path)]),
                             keg.mendukung, tuple(indikator), path)

    def belanja(self) -> tuple[HasilBelanja, ...]:
        years = list(enumerate(self.laporan.belanja))
        if self.laporan.program and all(b.tahun != self.laporan.tahun for _, b in years):
            years.append((-1, BelanjaTahun(tahun=self.laporan.tahun)))
        return tuple(self.belanja_tahun(b, ("belanja", i) if i >= 0 else ("belanja",))
                     for i, b in sorted(years, key=lambda item: item[1].tahun))

    def belanja_langsung(self, b: BelanjaTahun, path: Path) -> tuple[Nilai, Nilai]:
        if b.tahun == self.laporan.tahun and self.kegiatan:
            # Belanja langsung of the report's year is its kegiatan; a figure given in the
            # file as well is compared by the semantic checks (`belanja-langsung`).
            anggaran = anggaran_dari("belanja langsung", self.kegiatan)
            return anggaran.pagu, anggaran.realisasi
        return (_given("pagu belanja langsung", b.langsung.pagu, (*path, "langsung", "pagu")),
                _given("realisasi belanja langsung", b.langsung.realisasi,
                       (*path, "langsung", "realisasi")))

    def belanja_tahun(self, b: BelanjaTahun, path: Path) -> HasilBelanja:
        pagu_bl, real_bl = self.belanja_langsung(b, path)
        pagu_tl = _given("pagu belanja tidak langsung", b.tidak_langsung.pagu,
                         (*path, "tidak_langsung", "pagu"))
        real_tl = _given("realisasi belanja tidak langsung", b.tidak_langsung.realisasi,
                         (*path, "tidak_langsung", "realisasi"))
        pagu_total = jumlah("pagu total = belanja langsung + belanja tidak langsung",
                            [dari("belanja langsung", pagu_bl),
                             dari("belanja tidak langsung", pagu_tl)])
        real_total = self.realisasi_total(b, path, real_bl, real_tl)
        this_year = b.tahun == self.laporan.tahun
        total = anggaran_total(pagu_total, real_total)
        return HasilBelanja(
            tahun=b.tahun,
            pagu_langsung=pagu_bl, realisasi_langsung=real_bl,
            penyerapan_langsung=_penyerapan(real_bl, pagu_bl),
            pagu_tidak_langsung=pagu_tl, realisasi_tidak_langsung=real_tl,
            penyerapan_tidak_langsung=_penyerapan(real_tl, pagu_tl),
            pagu_total=pagu_total, realisasi_total=real_total,
            penyerapan_total=total.penyerapan,
            efisiensi_nominal=total.sisa,
            efisiensi=efisiensi(self.aturan.efisiensi.tahunan, tidak_dapat(
                "capaian", "tidak dipakai oleh metode tahunan"), total),
            jumlah_program=len(self.laporan.program) if this_year and self.kegiatan
            else b.jumlah_program,
            jumlah_kegiatan=len(self.kegiatan) if this_year and self.kegiatan
            else b.jumlah_kegiatan,
            path=path,
        )

    def realisasi_total(self, b: BelanjaTahun, path: Path, real_bl: Nilai,
                        real_tl: Nilai) -> Nilai:
        if real_bl.ada and real_tl.ada:
            return jumlah("realisasi total = belanja langsung + belanja tidak langsung",
                          [dari("belanja langsung", real_bl), dari("belanja tidak langsung",
                                                                   real_tl)])
        return _given("realisasi total", b.realisasi, (*path, "realisasi"))

    # ---------------------------------------------------------------------- SAKIP

    def evaluasi(self) -> tuple[HasilEvaluasi, ...]:
        ev = self.laporan.evaluasi_sakip
        if ev is None:
            return ()
        bands = skala(self.aturan.skala_predikat)
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

    # ----------------------------------------------------------------------- all

    def hitung(self) -> Hasil:
        belanja = self.belanja()
        this_year = next((b for b in belanja if b.tahun == self.laporan.tahun), None)
        bl = this_year.pagu_langsung if this_year else tidak_dapat(
            "pagu belanja langsung", "tidak ada data belanja", satuan="Rp")
        sasaran = tuple(self.sasaran(s, ("sasaran", i), bl)
                        for i, s in enumerate(self.laporan.sasaran))
        rata = self.rata_rata_laporan(sasaran)
        bl_anggaran = (anggaran_total(this_year.pagu_langsung, this_year.realisasi_langsung)
                       if this_year else anggaran_dari("belanja langsung", []))
        pk = anggaran_dari("perjanjian kinerja",
                           self.kegiatan_untuk(i.kode for s in sasaran for i in s.indikator))
        return Hasil(
            laporan=self.laporan, sasaran=sasaran, program=self.program(), belanja=belanja,
            evaluasi=self.evaluasi(), rata_rata_capaian=rata,
            kategori=klasifikasi(rata.nilai, skala(self.aturan.skala_interpretasi)),
            anggaran_perjanjian_kinerja=pk,
            efisiensi=efisiensi(self.aturan.efisiensi.keseluruhan, rata, bl_anggaran),
        )


def _mean(rumus: str, inputs: tuple[Masukan, ...], aturan: tuple[str, ...]) -> Nilai:
    numbers = tuple(m.nilai for m in inputs if m.nilai is not None)
    uraian = "(" + " + ".join(f"{{{i}}}" for i in range(len(numbers))) + f") / {len(numbers)}"
    mean = sum(numbers, Decimal(0)) / len(numbers)
    return Nilai(mean, rumus, inputs, aturan).with_uraian(uraian, *numbers)


def _given(nama: str, value: Decimal | None, path: Path) -> Nilai:
    if value is None:
        return tidak_dapat(nama, "tidak diisi", satuan="Rp")
    return Nilai(value, f"{nama} (isian)", (Masukan(nama, value, path),), satuan="Rp")


def _penyerapan(real: Nilai, pagu: Nilai) -> Nilai:
    return persentase(RUMUS_PENYERAPAN, dari("realisasi", real), dari("pagu", pagu))


@presisi
def hitung(laporan: Laporan) -> Hasil:
    """Compute every figure of the report."""
    with tanpa_gc():  # thousands of acyclic records: see lkjip_cli/memori.py
        return _Penghitung(laporan).hitung()
