"""The year's spending by class, as Bab III B and Tabel 3.11 print it (rules.md section 3).

For each year of `belanja`: its classes by the year's classification (`bl-btl`: belanja
langsung and tidak langsung; the 2021+ classes of `model/klasifikasi.py`, each type and
each group of types), with pagu, realisasi, penyerapan, pagu murni and the change of pagu
within the year; the year's totals and its efficiency by the report's yearly method.
Belanja langsung of the report's year is the sum of its budget tree (`pohon.py`); other
years are known only by the figures the file gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.anggaran import (
    RUMUS_PENYERAPAN,
    anggaran_dari,
    anggaran_total,
    dengan_baris_lain,
)
from lkjip_cli.engine.efisiensi import efisiensi
from lkjip_cli.engine.hasil import Anggaran, HasilBelanja, HasilPosBelanja
from lkjip_cli.engine.konteks import Konteks
from lkjip_cli.engine.nilai import Masukan, Nilai, dari, jumlah, persentase, tidak_dapat
from lkjip_cli.model.anggaran import JenisBelanja
from lkjip_cli.model.klasifikasi import KLASIFIKASI, adalah_kelompok, kelas
from lkjip_cli.model.laporan import BelanjaTahun


def hitung_belanja(k: Konteks) -> tuple[HasilBelanja, ...]:
    """Every year of `belanja` in order, the report's year included when only its budget
    tree gives it."""
    years = list(enumerate(k.laporan.belanja))
    if k.laporan.program and all(b.tahun != k.laporan.tahun for _, b in years):
        years.append((-1, BelanjaTahun(tahun=k.laporan.tahun)))
    return tuple(belanja_tahun(k, b, ("belanja", i) if i >= 0 else ("belanja",))
                 for i, b in sorted(years, key=lambda item: item[1].tahun))


def belanja_langsung(k: Konteks, b: BelanjaTahun, path: Path) -> tuple[Nilai, Nilai]:
    """Pagu and realisasi of belanja langsung: the budget tree's, or the figures given."""
    if b.tahun == k.laporan.tahun and k.pohon.kegiatan:
        # Belanja langsung of the report's year is its kegiatan; a figure given in the
        # file as well is compared by the semantic checks (`belanja-langsung`).
        anggaran = _seluruh_pohon(k, "belanja langsung")
        return anggaran.pagu, anggaran.realisasi
    return (_given("pagu belanja langsung", b.langsung.pagu, (*path, "langsung", "pagu")),
            _given("realisasi belanja langsung", b.langsung.realisasi,
                   (*path, "langsung", "realisasi")))


def _seluruh_pohon(k: Konteks, rumus: str) -> Anggaran:
    """The whole budget tree's money: its leaves, and the rows a program's printed total
    covers that the file does not list (`baris_lain`)."""
    anggaran = anggaran_dari(rumus, k.pohon.kegiatan, k.pohon.bagian(k.pohon.kegiatan))
    for i, prog in enumerate(k.laporan.program):
        anggaran = dengan_baris_lain(anggaran, prog.baris_lain, ("program", i, "baris_lain"))
    return anggaran


def baris_belanja(k: Konteks, b: BelanjaTahun, path: Path) -> tuple[HasilPosBelanja, ...]:
    """The year's classes: its `jenis` lines, or the bl-btl classes from `langsung` and
    `tidak_langsung` (belanja langsung of the report's year being its budget tree)."""
    if b.jenis:
        return tuple(_pos_isian(b.klasifikasi, j, (*path, "jenis", i))
                     for i, j in enumerate(b.jenis))
    if b.klasifikasi != "bl-btl":
        return ()
    pagu_bl, real_bl = belanja_langsung(k, b, path)
    pagu_tl = _given("pagu belanja tidak langsung", b.tidak_langsung.pagu,
                     (*path, "tidak_langsung", "pagu"))
    real_tl = _given("realisasi belanja tidak langsung", b.tidak_langsung.realisasi,
                     (*path, "tidak_langsung", "realisasi"))
    return (_pos("langsung", "Belanja Langsung", None, pagu_bl, None, real_bl,
                 (*path, "langsung")),
            _pos("tidak-langsung", "Belanja Tidak Langsung", None, pagu_tl, None, real_tl,
                 (*path, "tidak_langsung")))


def belanja_tahun(k: Konteks, b: BelanjaTahun, path: Path) -> HasilBelanja:
    """One year's classes, groups and totals, with the efficiency of its spending."""
    baris = baris_belanja(k, b, path)
    by_kode = {p.kode: p for p in baris}
    if b.klasifikasi == "bl-btl":
        bl, tl = by_kode.get("langsung"), by_kode.get("tidak-langsung")
        pagu_bl, real_bl = _pagu_real(bl, "belanja langsung")
        pagu_tl, real_tl = _pagu_real(tl, "belanja tidak langsung")
        urut = [p for p in (bl, tl) if p is not None]
    else:
        # No belanja langsung in this classification: what Tabel 2.6 and 3.12 relate
        # sasaran to is the budget tree's total (its leaves), for the report's year.
        if b.tahun == k.laporan.tahun and k.pohon.kegiatan:
            anggaran = _seluruh_pohon(k, "anggaran program")
            pagu_bl, real_bl = anggaran.pagu, anggaran.realisasi
        else:
            pagu_bl = real_bl = tidak_dapat("anggaran program", "tidak ada pohon anggaran",
                                            satuan="Rp")
        alasan = f"klasifikasi {b.klasifikasi} tidak mengenal belanja tidak langsung"
        pagu_tl = real_tl = tidak_dapat("belanja tidak langsung", alasan, satuan="Rp")
        urut = list(baris)
    rumus_total = _rumus_total(b.klasifikasi)
    pagu_total = jumlah(f"pagu total = {rumus_total}",
                        [_dari_pos(p, p.pagu) for p in urut])
    real_total = realisasi_total(b, path, urut, rumus_total)
    this_year = b.tahun == k.laporan.tahun
    total = anggaran_total(pagu_total, real_total)
    murni = pagu_murni_total(b, path, urut)
    return HasilBelanja(
        tahun=b.tahun,
        pagu_langsung=pagu_bl, realisasi_langsung=real_bl,
        penyerapan_langsung=_penyerapan(real_bl, pagu_bl),
        pagu_tidak_langsung=pagu_tl, realisasi_tidak_langsung=real_tl,
        penyerapan_tidak_langsung=_penyerapan(real_tl, pagu_tl),
        pagu_total=pagu_total, realisasi_total=real_total,
        penyerapan_total=total.penyerapan,
        efisiensi_nominal=total.sisa,
        efisiensi=efisiensi(k.aturan.efisiensi.tahunan, tidak_dapat(
            "capaian", "tidak dipakai oleh metode tahunan"), total),
        jumlah_program=len(k.laporan.program) if this_year and k.pohon.kegiatan
        else b.jumlah_program,
        jumlah_kegiatan=k.pohon.jumlah_kegiatan if this_year and k.pohon.kegiatan
        else b.jumlah_kegiatan,
        path=path,
        klasifikasi=b.klasifikasi, jenis=baris,
        kelompok=_kelompok(b.klasifikasi, baris, path),
        pagu_murni=murni, perubahan_pagu=_perubahan_pagu("pagu total", pagu_total, murni),
    )


def realisasi_total(b: BelanjaTahun, path: Path, baris: Sequence[HasilPosBelanja],
                    rumus_total: str) -> Nilai:
    """The sum of the classes' realisasi, else the total given for a year known only so."""
    if baris and all(p.realisasi.ada for p in baris):
        return jumlah(f"realisasi total = {rumus_total}",
                      [_dari_pos(p, p.realisasi) for p in baris])
    return _given("realisasi total", b.realisasi, (*path, "realisasi"))


def pagu_murni_total(b: BelanjaTahun, path: Path,
                     baris: Sequence[HasilPosBelanja]) -> Nilai:
    """Pagu before changes: the sum of the classes' pagu murni, else the total given."""
    if baris and all(p.pagu_murni.ada for p in baris):
        return jumlah(f"pagu murni total = {_rumus_total(b.klasifikasi)}",
                      [_dari_pos(p, p.pagu_murni) for p in baris])
    return _given("pagu murni", b.pagu_murni, (*path, "pagu_murni"))


RUMUS_PERUBAHAN_PAGU = "perubahan pagu = pagu - pagu murni"


def _perubahan_pagu(label: str, pagu: Nilai, murni: Nilai) -> Nilai:
    """A change of budget within the year (negative for a cut): pagu after minus before."""
    inputs = (dari(f"{label} (setelah perubahan)", pagu), dari(f"{label} murni", murni))
    if pagu.nilai is None or murni.nilai is None:
        return tidak_dapat(RUMUS_PERUBAHAN_PAGU, "pagu murni atau pagu tidak ada", inputs,
                           satuan="Rp")
    return Nilai(pagu.nilai - murni.nilai, RUMUS_PERUBAHAN_PAGU, inputs,
                 satuan="Rp").with_uraian("{0} - {1}", pagu.nilai, murni.nilai)


def _pos(kode: str, nama: str, kelompok: str | None, pagu: Nilai, murni: Nilai | None,
         realisasi: Nilai, path: Path) -> HasilPosBelanja:
    murni = murni or tidak_dapat(f"pagu murni {nama}", "tidak diisi", satuan="Rp")
    return HasilPosBelanja(kode, nama, kelompok, pagu, murni,
                           _perubahan_pagu(f"pagu {nama}", pagu, murni), realisasi,
                           _penyerapan(realisasi, pagu), path)


def _pos_isian(klasifikasi: str, j: JenisBelanja, path: Path) -> HasilPosBelanja:
    k = kelas(klasifikasi, j.jenis)
    nama = k.nama if k else j.jenis
    return _pos(j.jenis, nama, k.kelompok if k else None,
                _given(f"pagu {nama}", j.pagu, (*path, "pagu")),
                _given(f"pagu murni {nama}", j.pagu_murni, (*path, "pagu_murni")),
                _given(f"realisasi {nama}", j.realisasi, (*path, "realisasi")), path)


def _kelompok(klasifikasi: str, baris: Sequence[HasilPosBelanja],
              path: Path) -> tuple[HasilPosBelanja, ...]:
    """Each group with a line in it: the line itself when the group is given whole, else
    the sum of its types (Belanja Operasi = Pegawai + Barang dan Jasa + ...)."""
    out = []
    for g in KLASIFIKASI[klasifikasi]:
        if not adalah_kelompok(klasifikasi, g.kode):
            continue
        whole = [p for p in baris if p.kode == g.kode]
        parts = [p for p in baris if p.kelompok == g.kode]
        if whole:
            out.append(whole[0])
        elif parts:
            rumus = f"jumlah jenis {g.nama.lower()}"

            def total(field: str, parts: list[HasilPosBelanja] = parts,
                      rumus: str = rumus, nama: str = g.nama) -> Nilai:
                return jumlah(f"{field} {nama} = {rumus}",
                              [dari(p.nama, getattr(p, field.replace(" ", "_")))
                               for p in parts])
            out.append(_pos(g.kode, g.nama, None, total("pagu"), total("pagu murni"),
                            total("realisasi"), path))
    return tuple(out)


def _pagu_real(p: HasilPosBelanja | None, nama: str) -> tuple[Nilai, Nilai]:
    if p is None:
        return (tidak_dapat(f"pagu {nama}", "tidak diisi", satuan="Rp"),
                tidak_dapat(f"realisasi {nama}", "tidak diisi", satuan="Rp"))
    return p.pagu, p.realisasi


def _dari_pos(p: HasilPosBelanja, nilai: Nilai) -> Masukan:
    """A class's figure as an input of the year's total, with the place the file typed it."""
    typed = nilai.rumus.endswith("(isian)") and len(nilai.masukan) == 1
    return Masukan(_nama_masukan(p), nilai.nilai, nilai.masukan[0].sumber if typed else None)


def _rumus_total(klasifikasi: str) -> str:
    if klasifikasi == "bl-btl":
        return "belanja langsung + belanja tidak langsung"
    return "jumlah jenis belanja"


def _nama_masukan(p: HasilPosBelanja) -> str:
    """How a class is named as an input of the total (`belanja langsung`, `Belanja Modal`)."""
    return p.nama.lower() if p.kode in ("langsung", "tidak-langsung") else p.nama


def _given(nama: str, value: Decimal | None, path: Path) -> Nilai:
    if value is None:
        return tidak_dapat(nama, "tidak diisi", satuan="Rp")
    return Nilai(value, f"{nama} (isian)", (Masukan(nama, value, path),), satuan="Rp")


def _penyerapan(real: Nilai, pagu: Nilai) -> Nilai:
    return persentase(RUMUS_PENYERAPAN, dari("realisasi", real), dari("pagu", pagu))
