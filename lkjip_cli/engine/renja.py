"""The Evaluasi terhadap Hasil Renja Perangkat Daerah (Permendagri 86/2017), computed.

Every column of the form, for every indicator of the cascade (K) and every node of the budget
tree (Rp), with the rules docs/renja.md argues (the form's printed formulas, read as regional
systems reproduce the Lampiran, and where they are silent, the indicator's own roll-up):

- K rolls quarters up by the indicator's `rekap_triwulan` (never a plain sum of a
  percentage), and the Renstra's years by `rekap_renstra` (the final year for a level, the sum
  for a count); each tingkat capaian is the report's capaian (polarity, range, target 0,
  floor) through `capaian.py`;
- Rp of a node is its budget subtree's (`program.py` gives this year's pagu and realisasi);
  the Renstra's pagu and earlier years' realisasi are the node's own when it gives them, else
  the sum of its children that have them;
- the averages leave out, with the reason, every row whose capaian cannot be computed, and
  the predikat is the band of the form's scale (`skala.py`).

One layer between `hitung` and the concerns whose results it reads (the budget tree's levels).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.capaian import batasi, batasi_bawah, hitung_capaian
from lkjip_cli.engine.hasil import HasilKegiatan, HasilProgram, HasilRincian
from lkjip_cli.engine.hasil_renja import (
    HasilRenja,
    IndikatorRenja,
    RataRataRenja,
    SimpulRenjaHasil,
)
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import Masukan, Nilai, dari, jumlah, persentase, presisi, tidak_dapat
from lkjip_cli.engine.periode import nilai_periode, triwulan_efektif
from lkjip_cli.engine.rata_rata import mean
from lkjip_cli.engine.skala import klasifikasi, skala
from lkjip_cli.model.anggaran import RincianAnggaran
from lkjip_cli.model.indikator import Rentang, Target, Triwulan, target_tunggal
from lkjip_cli.model.kaskade import EvaluasiRenja, IndikatorSimpul
from lkjip_cli.model.laporan import Kegiatan, Laporan, Program
from lkjip_cli.model.periode import PeriodeLaporan

#: Why column 6 is empty in the Renstra's first year: there is no year before it.
TAHUN_PERTAMA = "tahun pertama Renstra: belum ada realisasi tahun sebelumnya"

RUMUS_CAPAIAN_RP = "tingkat capaian Renja (Rp) = realisasi / pagu x 100"
RUMUS_CAPAIAN_RENSTRA_RP = ("tingkat capaian Renstra (Rp) = realisasi s.d. tahun ini / pagu "
                            "Renstra x 100")
RUMUS_RATA = "rata-rata capaian = jumlah capaian / banyak baris yang dapat dihitung"

Simpul = Program | Kegiatan | RincianAnggaran
SimpulHasil = HasilProgram | HasilKegiatan | HasilRincian


def sampai_triwulan(ev: EvaluasiRenja, laporan: Laporan) -> int:
    """The last quarter evaluated: the block's, else the report's period's, else TW IV."""
    if ev.sampai is not None:
        return int(ev.sampai[2])
    if laporan.periode is not None:
        return max(1, laporan.periode.bulan_akhir // 3)
    return 4


class _Renja:
    """What every row of one evaluation reads: the report, its rules and the period."""

    def __init__(self, k: Konteks, ev: EvaluasiRenja) -> None:
        self.k = k
        self.ev = ev
        lap = k.laporan
        self.tahun = lap.tahun
        self.mulai, self.selesai = lap.renstra.mulai, lap.renstra.selesai
        self.sampai = sampai_triwulan(ev, lap)
        self.periode = (None if self.sampai == 4 and lap.periode is None
                        else PeriodeLaporan(sampai=f"TW{self.sampai}"))
        self.sasaran_iku = {i.kode: s for s in lap.sasaran for i in s.indikator}
        self.sasaran_kode = {s.kode: s for s in lap.sasaran}

    # ------------------------------------------------------------------ K (indicators)

    def capaian(self, ind: IndikatorSimpul, target: Target | None, realisasi: Decimal | None,
                path_t: Path | None, path_r: Path | None) -> Nilai:
        a = self.k.aturan
        return batasi_bawah(hitung_capaian(
            target, realisasi, polaritas=ind.polaritas,
            rumus_negatif=ind.rumus_negatif or a.rumus_negatif, target_nol=a.target_nol,
            sumber_target=path_t, sumber_realisasi=path_r), a.batas_bawah)

    def target_renstra(self, ind: IndikatorSimpul, path: Path) -> tuple[Nilai, Target | None]:
        """Column 5 (K): the final year's target, or the sum of every year's."""
        base: Path = (*path, "target_renstra")
        if ind.aturan_renstra == "terakhir":
            rumus = f"target Renstra akhir periode = target_renstra {self.selesai}"
            t = ind.target_renstra.get(self.selesai)
            if t is None:
                return tidak_dapat(rumus, f"tidak ada target_renstra {self.selesai}",
                                   satuan=ind.satuan), None
            m = Masukan(f"target_renstra {self.selesai}", target_tunggal(t),
                        (*base, str(self.selesai)))
            if isinstance(t, Rentang):
                return tidak_dapat(rumus, "target Renstra berupa rentang", (m,),
                                   satuan=ind.satuan), t
            return Nilai(t, rumus, (m,), ("rekap_renstra=terakhir",), satuan=ind.satuan), t
        rumus = (f"target Renstra akhir periode = jumlah target_renstra {self.mulai}-"
                 f"{self.selesai}")
        years = range(self.mulai, self.selesai + 1)
        missing = [str(y) for y in years if y not in ind.target_renstra]
        if missing:
            return tidak_dapat(rumus, f"tidak ada target_renstra {', '.join(missing)}",
                               satuan=ind.satuan, aturan=("rekap_renstra=jumlah",)), None
        parts = [Masukan(f"target_renstra {y}", target_tunggal(ind.target_renstra[y]),
                         (*base, str(y))) for y in years]
        total = jumlah(rumus, parts, satuan=ind.satuan).with_aturan("rekap_renstra=jumlah")
        return total, total.nilai

    def realisasi_lalu(self, ind: IndikatorSimpul, path: Path) -> Nilai:
        """Column 6 (K): the latest earlier year's realisasi, or the sum of every earlier
        Renstra year's."""
        base: Path = (*path, "realisasi_sebelumnya")
        years = range(self.mulai, self.tahun)
        rumus = (f"realisasi Renstra s.d. tahun lalu = "
                 f"{'nilai tahun terakhir' if ind.aturan_renstra == 'terakhir' else 'jumlah'}"
                 f" realisasi_sebelumnya {self.mulai}-{self.tahun - 1}")
        aturan = (f"rekap_renstra={ind.aturan_renstra}",)
        if not years:
            return tidak_dapat(rumus, TAHUN_PERTAMA, satuan=ind.satuan, aturan=aturan)
        rs = ind.realisasi_sebelumnya
        if ind.aturan_renstra == "terakhir":
            known = [y for y in years if y in rs]
            if not known:
                return tidak_dapat(rumus, "tidak ada realisasi_sebelumnya", satuan=ind.satuan,
                                   aturan=aturan)
            y = known[-1]
            return Nilai(rs[y], rumus, (Masukan(f"realisasi {y}", rs[y], (*base, str(y))),),
                         aturan, satuan=ind.satuan)
        missing = [str(y) for y in years if y not in rs]
        if missing:
            return tidak_dapat(rumus, f"tidak ada realisasi_sebelumnya {', '.join(missing)}",
                               satuan=ind.satuan, aturan=aturan)
        return jumlah(rumus, [Masukan(f"realisasi {y}", rs[y], (*base, str(y))) for y in years],
                      satuan=ind.satuan).with_aturan(*aturan)

    def indikator(self, sendiri: IndikatorSimpul, path: Path) -> IndikatorRenja:
        # an indicator that is an IKU (`sama_dengan`) is measured from the IKU's values,
        # read at the IKU's place (`vpath`); the row stays the node indicator's (`path`)
        ind, vpath, rpath = self.k.indikator_efektif(sendiri, path)
        tws = triwulan_efektif(ind, vpath)
        per = nilai_periode(ind, vpath, self.periode, tws)
        label = "tahunan" if self.periode is None else f"s.d. TW {self.sampai}"
        rumus_r = f"realisasi Renja {label} (rekap_triwulan={ind.rekap_triwulan})"
        real = (tidak_dapat(rumus_r, "belum ada data realisasi", satuan=ind.satuan)
                if per.realisasi is None else
                Nilai(per.realisasi, rumus_r,
                      (Masukan("realisasi", per.realisasi, per.path_realisasi),),
                      per.aturan, satuan=ind.satuan))
        if self.ev.capaian_renja_terhadap == "periode":
            target, path_t = per.target, per.path_target
        else:
            target, path_t = ind.target, (*vpath, "target")
        capaian = self.capaian(ind, target, per.realisasi, path_t, per.path_realisasi)
        akhir, akhir_target = self.target_renstra(ind, rpath)
        lalu = self.realisasi_lalu(ind, rpath)
        kumulatif = self.kumulatif(ind, lalu, real)
        akhir_path: Path = (*rpath, "target_renstra")
        return IndikatorRenja(
            kode=ind.kode, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas,
            rekap_triwulan=ind.rekap_triwulan, rekap_renstra=ind.aturan_renstra,
            target_renstra=akhir, target_renstra_target=akhir_target, realisasi_lalu=lalu,
            target=ind.target,
            triwulan=self._kuartal(tws),
            realisasi=real, capaian=capaian, realisasi_kumulatif=kumulatif,
            capaian_renstra=self.capaian(ind, akhir_target, kumulatif.nilai, akhir_path,
                                         None),
            keterangan=ind.keterangan, path=path)

    def _kuartal(self, tws: Sequence[tuple[Triwulan, Path]]) -> tuple[Decimal | None, ...]:
        """Columns 8-11 (K): each quarter's realisasi as held, blank after the period."""
        return tuple(tws[i][0].realisasi if i < min(self.sampai, len(tws)) else None
                     for i in range(4))

    def kumulatif(self, ind: IndikatorSimpul, lalu: Nilai, real: Nilai) -> Nilai:
        """Column 14 (K): 6 + 12 for a count; for a level, this year's when there is one."""
        if ind.aturan_renstra == "terakhir":
            rumus = ("realisasi Renstra s.d. tahun ini = realisasi tahun ini, atau tahun lalu "
                     "bila belum ada (rekap_renstra=terakhir)")
            pilih = real if real.ada else lalu
            if not pilih.ada:
                return tidak_dapat(rumus, "belum ada data realisasi", satuan=ind.satuan)
            return Nilai(pilih.nilai, rumus, (dari("realisasi", pilih),), satuan=ind.satuan,
                         turunan=(pilih,))
        return self.enam_tambah_dua_belas(lalu, real, ind.satuan)

    def enam_tambah_dua_belas(self, lalu: Nilai, real: Nilai, satuan: str) -> Nilai:
        """Column 14 of a sum: realisasi up to last year + this year's."""
        rumus = "realisasi Renstra s.d. tahun ini = realisasi s.d. tahun lalu + tahun ini"
        if not lalu.ada and lalu.alasan == TAHUN_PERTAMA:
            if not real.ada:
                return tidak_dapat(rumus, real.alasan or "belum ada data realisasi",
                                   satuan=satuan)
            return Nilai(real.nilai, rumus, (dari("realisasi tahun ini", real),),
                         (TAHUN_PERTAMA,), satuan=satuan, turunan=(real,))
        return jumlah(rumus, [Masukan("realisasi s.d. tahun lalu", lalu.nilai),
                              Masukan("realisasi tahun ini", real.nilai)], satuan=satuan)

    # ----------------------------------------------------------------------- Rp (nodes)

    def uang_renstra(self, rumus: str, kunci: str, sendiri: dict[int, Decimal], path: Path,
                     years: range, anak: Sequence[tuple[str, Nilai]]) -> Nilai:
        """The node's own money by year when it gives any, else its children's sum."""
        if not years:
            return tidak_dapat(rumus, TAHUN_PERTAMA, satuan="Rp")
        own = [(y, sendiri[y]) for y in years if y in sendiri]
        if own:
            return jumlah(rumus, [Masukan(f"{kunci} {y}", v, (*path, kunci, str(y)))
                                  for y, v in own])
        ada = [(kode, n) for kode, n in anak if n.ada]
        if not ada:
            return tidak_dapat(rumus, f"tidak ada {kunci} di simpul ini maupun di bawahnya",
                               satuan="Rp")
        return jumlah(rumus, [Masukan(f"{kunci} {kode}", n.nilai) for kode, n in ada])

    def kuartal_rp(self, node: Simpul, path: Path, anak: Sequence[SimpulRenjaHasil],
                   daun: bool) -> tuple[Nilai | None, ...]:
        out: list[Nilai | None] = []
        for i in range(4):
            rumus = f"realisasi anggaran triwulan {i + 1}"
            if i >= self.sampai:
                out.append(None)
            elif daun:
                given = node.realisasi_triwulan
                out.append(
                    Nilai(given[i], rumus, (Masukan(f"realisasi_triwulan {i + 1}", given[i],
                                                    (*path, "realisasi_triwulan", i)),),
                          satuan="Rp")
                    if i < len(given) else
                    tidak_dapat(rumus, "tidak ada realisasi_triwulan", satuan="Rp"))
            else:
                parts = [Masukan(a.kode, None if (q := a.triwulan[i]) is None else q.nilai)
                         for a in anak]
                out.append(jumlah(f"{rumus} = jumlah {rumus} di bawahnya", parts))
        return tuple(out)

    def simpul(self, node: Simpul, hasil: SimpulHasil, path: Path, tingkat: int,
               pj: str) -> list[SimpulRenjaHasil]:
        """The node's row and, after it, the rows of every node below it."""
        pj = node.penanggung_jawab or pj
        anak_model: Sequence[Kegiatan | RincianAnggaran] = (
            node.kegiatan if isinstance(node, Program) else node.rincian)
        kunci_anak = "kegiatan" if isinstance(node, Program) else "rincian"
        rows: list[SimpulRenjaHasil] = []
        langsung: list[SimpulRenjaHasil] = []
        anak_hasil: Sequence[SimpulHasil] = hasil.anak
        for n, (m, h) in enumerate(zip(anak_model, anak_hasil, strict=True)):
            sub = self.simpul(m, h, (*path, kunci_anak, n), tingkat + 1, pj)
            langsung.append(sub[0])
            rows += sub
        anggaran = hasil.anggaran
        pagu_renstra = self.uang_renstra(
            f"pagu Renstra {node.kode} = jumlah pagu_renstra {self.mulai}-{self.selesai}",
            "pagu_renstra", node.pagu_renstra, path, range(self.mulai, self.selesai + 1),
            [(a.kode, a.pagu_renstra) for a in langsung])
        lalu = self.uang_renstra(
            f"realisasi anggaran {node.kode} s.d. tahun lalu = jumlah realisasi_sebelumnya "
            f"{self.mulai}-{self.tahun - 1}", "realisasi_sebelumnya",
            node.realisasi_sebelumnya, path, range(self.mulai, self.tahun),
            [(a.kode, a.realisasi_lalu) for a in langsung])
        kumulatif = self.enam_tambah_dua_belas(lalu, anggaran.realisasi, "Rp")
        baris = SimpulRenjaHasil(
            kode=node.kode, nama=node.nama, tingkat=tingkat, pagu_renstra=pagu_renstra,
            realisasi_lalu=lalu, pagu=anggaran.pagu,
            triwulan=self.kuartal_rp(node, path, langsung, not anak_model),
            realisasi=anggaran.realisasi,
            capaian=persentase(RUMUS_CAPAIAN_RP, dari("realisasi", anggaran.realisasi),
                               dari("pagu", anggaran.pagu)),
            realisasi_kumulatif=kumulatif,
            capaian_renstra=persentase(RUMUS_CAPAIAN_RENSTRA_RP,
                                       dari("realisasi s.d. tahun ini", kumulatif),
                                       dari("pagu Renstra", pagu_renstra)),
            indikator=tuple(self.indikator(ind, (*path, "indikator", j))
                            for j, ind in enumerate(node.indikator)),
            sasaran=self.sasaran_program(node) if isinstance(node, Program) else (),
            penanggung_jawab=pj, path=path)
        return [baris, *rows]

    def sasaran_program(self, prog: Program) -> tuple[str, ...]:
        """Column 2: the sasaran a program's indicators name (a sasaran, or an IKU's), else
        the sasaran of the IKU the program supports."""
        kodes = [m for ind in prog.indikator for m in ind.mendukung] or list(prog.mendukung)
        names = []
        for kode in kodes:
            sas = self.sasaran_kode.get(kode) or self.sasaran_iku.get(kode)
            if sas is not None:
                names.append(sas.nama)
        return tuple(dict.fromkeys(names))

    # ------------------------------------------------------------------------ averages

    def rata(self, label: str, nilai: Sequence[tuple[str, Nilai, Path]]) -> RataRataRenja:
        """The mean of the rows' capaian that can be computed; the others are left out, each
        with its reason (the form averages what it has)."""
        batas = self.k.batas_untuk("rata-rata")
        rumus = f"{RUMUS_RATA} ({label})"
        aturan = tuple(f"{kode} tidak dihitung: {n.alasan}" for kode, n, _ in nilai
                       if not n.ada)
        if batas is not None:
            aturan = (*aturan, f"batas_atas={batas} sebelum dirata-rata")
        inputs = tuple(Masukan(f"capaian {kode}", batasi(n, batas).nilai, path)
                       for kode, n, path in nilai if n.ada)
        hasil = (tidak_dapat(rumus, "tidak ada capaian yang dapat dihitung", aturan=aturan)
                 if not inputs else mean(rumus, inputs, aturan))
        return RataRataRenja(hasil, klasifikasi(hasil.nilai, skala(self.ev.skala)))


@presisi
def hitung_renja(k: Konteks, program: Sequence[HasilProgram]) -> HasilRenja | None:
    """The Evaluasi Hasil Renja of the file, or None when it asks for none."""
    ev = k.laporan.evaluasi_renja
    if ev is None:
        return None
    r = _Renja(k, ev)
    default_pj = k.laporan.instansi.nama
    simpul = tuple(row for i, (prog, hp) in enumerate(zip(k.laporan.program, program,
                                                          strict=True))
                   for row in r.simpul(prog, hp, ("program", i), 0, default_pj))
    dipilih = [s for s in simpul if ev.rata_rata == "semua" or s.tingkat == 0]
    ind = [i for s in dipilih for i in s.indikator]
    return HasilRenja(
        tahun=r.tahun, renstra_mulai=r.mulai, renstra_selesai=r.selesai, sampai=r.sampai,
        bentuk=ev.bentuk, tingkat_dokumen=ev.tingkat_dokumen,
        capaian_terhadap=ev.capaian_renja_terhadap, rata_rata_tingkat=ev.rata_rata,
        simpul=simpul,
        rata_kinerja=r.rata("kinerja Renja", [(i.kode, i.capaian, i.path) for i in ind]),
        rata_anggaran=r.rata("anggaran Renja", [(s.kode, s.capaian, s.path)
                                                for s in dipilih]),
        rata_renstra_kinerja=r.rata("kinerja Renstra",
                                    [(i.kode, i.capaian_renstra, i.path) for i in ind]),
        rata_renstra_anggaran=r.rata("anggaran Renstra", [(s.kode, s.capaian_renstra, s.path)
                                                          for s in dipilih]),
        skala=ev.skala, faktor_pendorong=ev.faktor_pendorong,
        faktor_penghambat=ev.faktor_penghambat,
        tindak_lanjut_triwulan=ev.tindak_lanjut_triwulan,
        tindak_lanjut_renja=ev.tindak_lanjut_renja)
