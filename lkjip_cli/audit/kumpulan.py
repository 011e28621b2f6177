"""The collector every rule module adds a report's printed figures to.

`Kumpulan` holds one report's printed figures (`Cetakan`) in the order they were added, the
values each quantity was printed with at each place (alternatives are computed from what the
report printed elsewhere), and indexes built once. Beside it, the few helpers every rule
module writes with: a typed-in figure as a `Nilai` (`isian`, `isian_target`), alternatives
made for the place a figure was printed at (`PenghasilDiTempat`, `bind`), and arithmetic for
alternatives that gives no alternative instead of failing (`alt`, `lengkap`, `bagi_persen`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from lkjip_cli.angka import persen
from lkjip_cli.audit.cetakan import Cetakan
from lkjip_cli.audit.kategori import kosakata_kategori
from lkjip_cli.audit.sebab import Alternatif, Penghasil, aman
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine import AngkaMetode, angka_dengan
from lkjip_cli.engine.hasil import Hasil, Simpul, Target
from lkjip_cli.engine.nilai import HUNDRED, Nilai
from lkjip_cli.model.laporan import Pita, Rentang, TandaCetak
from lkjip_cli.model.penomoran import Penomoran


def dengan_tanda(dihitung: Nilai | str | None, tanda: TandaCetak) -> Nilai | str | None:
    """The computed quantity in the sign convention the report printed it with."""
    if not isinstance(dihitung, Nilai) or dihitung.nilai is None:
        return dihitung
    nilai = -dihitung.nilai if tanda == "dibalik" else abs(dihitung.nilai)
    kata = ("dicetak dengan tanda dibalik" if tanda == "dibalik"
            else "dicetak tanpa tanda (nilai mutlak)")
    return Nilai(nilai, f"{dihitung.rumus}; {kata}", dihitung.masukan,
                 (*dihitung.aturan, f"tanda_cetak={tanda}"), None, dihitung.satuan,
                 (dihitung,))


class Kumpulan:
    """Collects the printed figures of one report, paired with the engine's values."""

    def __init__(self, hasil: Hasil) -> None:
        self.h = hasil
        self.aturan = hasil.laporan.aturan
        self.items: list[Cetakan] = []
        self.penomoran = Penomoran(hasil.laporan.penomoran)
        self.printed: dict[tuple[str, str], dict[str, Decimal | str]] = {}
        self._mode: dict[str, str] = {}
        self._tempat: dict[str, str] = {}
        # Indexes built once, so that each figure's lookups do not scan the whole report.
        self.urutan_kegiatan = {keg.kode: i for i, keg in enumerate(hasil.kegiatan)}
        self.model_indikator = {ind.kode: ind for sas in hasil.laporan.sasaran
                                for ind in sas.indikator}
        #: The averages or efficiencies with one rule changed, by (rule, value), computed
        #: on demand (only a printed figure that does not match asks) and once.
        self._varian: dict[tuple[str, str], AngkaMetode] = {}
        self.sasaran_tunggal = {  # indikator kode -> its sasaran, when the only one counted
            ind.kode: sas for sas in hasil.sasaran
            if len([i for i in sas.indikator if i.dikecualikan is None]) == 1
            for ind in sas.indikator}
        # The budget tree's leaves by kode (their order in the report), and its nodes by
        # level: a printed total looks its parts up instead of scanning the tree.
        self.posisi_baris: dict[str, int] = {}
        for i, baris in enumerate(hasil.baris_anggaran):
            self.posisi_baris.setdefault(baris.kode, i)
        self.kosakata: dict[Pita | None, dict[str, tuple[bool, str]]] = {}
        self.simpul_per_tingkat: dict[int, list[Simpul]] = {}
        for node in hasil.simpul:
            self.simpul_per_tingkat.setdefault(node.tingkat, []).append(node)

    def add(self, entitas: str, label: str, base: Path, dicetak: dict[str, Decimal] |
            dict[str, str], kuantitas: str, dihitung: Nilai | str | None, satuan: str,
            *penghasil: PenghasilDiTempat, catatan: str = "",
            kosakata: dict[str, tuple[bool, str]] | None = None, kolom: str = "") -> None:
        if not dicetak:
            return
        # Places are compared by the table they name, however the file wrote the label.
        values: dict[str, Decimal | str] = {self.tempat(t): v for t, v in dicetak.items()}
        self.printed[(entitas, kuantitas)] = values
        for tertulis, value in dicetak.items():
            lokasi = self.tempat(tertulis)
            path = (*base, "dilaporkan", kuantitas, tertulis)
            bound = [bind(p, lokasi) for p in penghasil]
            tanda = self.tanda_cetak(kuantitas, lokasi)
            nilai = dengan_tanda(dihitung, tanda) if tanda is not None else dihitung
            self.items.append(Cetakan(entitas, label, kuantitas, lokasi, value, path,
                                      nilai, satuan, bound, catatan,
                                      kosakata or {}, self.penomoran, kolom))

    def varian(self, kunci: str, nilai: str) -> AngkaMetode:
        """The figures rule `kunci` names (an average, an efficiency) with the rule set to
        `nilai` (another named method), per sasaran and for the report."""
        if (kunci, nilai) not in self._varian:
            self._varian[(kunci, nilai)] = angka_dengan(self.h, kunci, nilai)
        return self._varian[(kunci, nilai)]

    def mode_di(self, lokasi: str) -> str:
        """How the report rounds at this place: its own rule (`aturan.per_tempat`), else
        the report's."""
        if not self.aturan.per_tempat:
            return self.aturan.pembulatan
        if lokasi not in self._mode:
            self._mode[lokasi] = self.h.laporan.aturan_di(lokasi).pembulatan
        return self._mode[lokasi]

    def tanda_cetak(self, kuantitas: str, lokasi: str) -> TandaCetak | None:
        """How the report declares it printed this quantity here (`aturan.tanda_cetak`):
        a declaration for this place wins over one for every place."""
        umum = None
        for a in self.aturan.tanda_cetak:
            if a.besaran != kuantitas:
                continue
            if a.tempat is None:
                umum = a.tanda
            elif self.tempat(a.tempat) in (lokasi, lokasi.partition("/")[0]):
                return a.tanda
        return umum

    def baris_anggaran(self, kodes: Iterable[str]) -> list[Simpul]:
        """The leaves of the budget tree with these codes, each once, in the report's
        order."""
        posisi = self.posisi_baris
        baris = self.h.baris_anggaran
        return [baris[i] for i in sorted({posisi[k] for k in kodes if k in posisi})]

    def tempat(self, tertulis: str) -> str:
        """A place as lkjip's table number (`"Tabel III.2"` -> `"3.5"`), resolved once per
        label (a report writes the same few labels at every figure)."""
        lokasi = self._tempat.get(tertulis)
        if lokasi is None:
            lokasi = self._tempat[tertulis] = self.penomoran.resolusi(tertulis) or tertulis
        return lokasi

    def add_kategori(self, entitas: str, label: str, base: Path, dicetak: dict[str, str],
                     pita: Pita | None, nilai: Nilai) -> None:
        """A printed category word against the band of the report's interpretation scale."""
        if not dicetak:
            return
        spec = self.aturan.skala_interpretasi
        scale = spec if isinstance(spec, str) else "skala laporan"
        shown = persen(nilai.nilai, self.aturan.desimal_persen, self.aturan.pembulatan)
        self.add(entitas, label, base, dicetak, "kategori", pita.sebutan if pita else None, "",
                 kosakata=self._kosakata(pita),
                 catatan=f"capaian {shown} termasuk "
                         f"{pita.sebutan if pita else 'tidak ada kategori'} menurut {scale} "
                         "(aturan.skala_interpretasi)")

    def pilah(self, dicetak: dict[str, Decimal], nomor: str, di_sana: bool
              ) -> dict[str, Decimal]:
        """The printed values at the places naming table `nomor` (`di_sana`), or at every
        other place: one quantity of a kegiatan indicator means Tabel 3.8's figure in an
        LKjIP and the Renja evaluation's column in form E.81."""
        return {t: v for t, v in dicetak.items()
                if (self.tempat(t).partition("/")[0] == nomor) == di_sana}

    def _kosakata(self, pita: Pita | None) -> dict[str, tuple[bool, str]]:
        """The category words for a band, made once per band: every indicator of a large
        report names one of a handful."""
        if pita not in self.kosakata:
            self.kosakata[pita] = kosakata_kategori(self.aturan.skala_interpretasi, pita)
        return self.kosakata[pita]

    def dicetak_di(self, entitas: str, kuantitas: str, lokasi: str,
                   fallback: bool = False) -> Decimal | None:
        values = self.printed.get((entitas, kuantitas), {})
        value = values.get(lokasi)
        if value is None and fallback:
            value = next((v for v in values.values() if isinstance(v, Decimal)), None)
        return value if isinstance(value, Decimal) else None


#: Makes the alternatives of a figure printed at one place (the place picks printed inputs).
PenghasilDiTempat = Callable[[str], Iterable[Alternatif]]


def bind(func: PenghasilDiTempat, lokasi: str) -> Penghasil:
    return lambda: func(lokasi)


def isian(nama: str, value: Decimal | None, satuan: str = "") -> Nilai:
    return Nilai(value, f"{nama} (isian)", satuan=satuan,
                 alasan=None if value is not None else "tidak diisi")


def isian_target(target: Target | None) -> Nilai | str | None:
    if isinstance(target, Rentang):
        return f"{target.min}-{target.maks}"
    return isian("target", target)


def alt(keterangan: str, func: Callable[[], Decimal | None]) -> Alternatif:
    return Alternatif(keterangan, aman(func))


def lengkap(values: Sequence[Decimal | None]) -> list[Decimal] | None:
    """The values when every one is known and there is at least one."""
    known = [v for v in values if v is not None]
    return known if known and len(known) == len(values) else None


def bagi_persen(pembilang: Decimal, penyebut: Decimal) -> Decimal | None:
    return aman(lambda: pembilang / penyebut * HUNDRED)
