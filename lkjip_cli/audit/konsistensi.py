"""Consistency checks that need no printed figure.

A report can be wrong even where it printed nothing to compare: a year's value that is not
the roll-up of its quarters, a cumulative value that falls, money spent above its pagu, a
share printed above 100% or below 0%. The format itself makes a program the sum of its
kegiatan and a total the sum of its rows (they are computed, never typed), so those can only
be wrong where the report printed them, which `periksa` audits.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from lkjip_cli.angka import angka, rupiah
from lkjip_cli.audit.renja import dua_dokumen, model_simpul
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Hasil, HasilIndikator
from lkjip_cli.engine.nilai import HUNDRED
from lkjip_cli.model.indikator import IndikatorPeriodik
from lkjip_cli.model.laporan import IndikatorKegiatan, IndikatorKinerja, Rentang
from lkjip_cli.model.penomoran import Penomoran
from lkjip_cli.model.persen import cara_menyatakan, jenis_efektif


def _tabel(h: Hasil, nomor: str) -> str:
    """`Tabel 3.13`, or the label the report prints for it (`penomoran`)."""
    return Penomoran(h.laporan.penomoran).nama_tabel(nomor)


def _temuan(tabel: str, lokasi: str, kolom: str, dicetak: Decimal | None,
            dihitung: Decimal | None, keterangan: str, path: Path) -> Temuan:
    diff = dicetak - dihitung if dicetak is not None and dihitung is not None else None
    return Temuan(tabel, lokasi, kolom, dicetak, dihitung, diff, Tingkat.SELISIH, keterangan,
                  path, jenis="konsistensi")


def rekap_triwulan(h: Hasil) -> Iterator[Temuan]:
    """The year's target and realisasi against the roll-up of the quarters."""
    for ind in h.indikator:
        if not ind.triwulan:
            continue
        pairs = (("Target", ind.target, ind.rekap_target, "target"),
                 ("Realisasi", ind.realisasi, ind.rekap_realisasi, "realisasi"))
        for kolom, annual, rolled, key in pairs:
            if isinstance(annual, Rentang) or annual is None or rolled.nilai is None:
                continue
            if annual != rolled.nilai:
                # Quarters derived from months: the roll-up is over the months.
                asal = "bulanan" if any("bulanan" in tw.path for tw in ind.triwulan) \
                    else "triwulan"
                yield _temuan(_tabel(h, "3.4"), ind.kode, kolom, annual, rolled.nilai,
                              f"nilai tahunan {angka(annual)} berbeda dengan rekap {asal} "
                              f"{angka(rolled.nilai)} ({rolled.rumus})", (*ind.path, key))


#: Kinds of percentage that are levels, not running totals: a growth rate, a ratio to a
#: target or standard, an index may fall from one quarter to the next and still be right.
JENIS_TINGKAT = ("laju", "rasio", "indeks")


def kumulatif_turun(h: Hasil) -> Iterator[Temuan]:
    """Cumulative quarters (rolled up by `terakhir`) whose realisasi falls. The last-value
    roll-up also serves levels (a rate, a ratio, an index: `jenis_persen` laju, rasio or
    indeks, or `persen_maks_100: false`), whose quarters may legitimately fall: those are
    left alone."""
    models = {i.kode: i for s in h.laporan.sasaran for i in s.indikator}
    for ind in h.indikator:
        m = models.get(ind.kode)
        if m is None or m.rekap_triwulan != "terakhir":
            continue
        if jenis_efektif(m.nama, m.jenis_persen, m.persen_maks_100)[0] in JENIS_TINGKAT:
            continue
        yield from _turun(ind, _tabel(h, "3.4"))


def _turun(ind: HasilIndikator, tabel: str) -> Iterator[Temuan]:
    previous: Decimal | None = None
    for tw in ind.triwulan:
        if tw.realisasi is None:
            continue
        if previous is not None and tw.realisasi < previous:
            yield _temuan(tabel, f"{ind.kode} TW {tw.nomor}", "Realisasi", tw.realisasi,
                          None, f"nilai kumulatif turun dari {angka(previous)} ke "
                          f"{angka(tw.realisasi)}; data triwulan yang belum ada tercetak "
                          "sebagai angka?", (*tw.path, "realisasi"))
        else:
            previous = tw.realisasi


def melebihi_pagu(h: Hasil) -> Iterator[Temuan]:
    """Money spent above its pagu: per budget line (kegiatan, sub kegiatan, RO), and per
    belanja given in the file (belanja langsung of the report's year is its budget lines,
    already checked one by one)."""
    for keg in h.baris_anggaran:
        pagu, real = keg.anggaran.pagu.nilai, keg.anggaran.realisasi.nilai
        if pagu is not None and real is not None and real > pagu:
            yield _temuan(_tabel(h, "3.13"), keg.kode, "Realisasi (Rp)", real, None,
                          f"realisasi {rupiah(real)} melebihi alokasi {rupiah(pagu)}",
                          (*keg.path, "realisasi"))
    for i, b in enumerate(h.laporan.belanja):
        for name, pos in (("langsung", b.langsung), ("tidak_langsung", b.tidak_langsung)):
            if pos.pagu is not None and pos.realisasi is not None and pos.realisasi > pos.pagu:
                words = name.replace("_", " ")
                yield _temuan(_tabel(h, "2.5"), f"Belanja {b.tahun}",
                              f"Realisasi belanja {words} (Rp)", pos.realisasi, None,
                              f"realisasi {rupiah(pos.realisasi)} melebihi pagu "
                              f"{rupiah(pos.pagu)}", ("belanja", i, name, "realisasi"))
        for j, line in enumerate(b.jenis):
            if line.pagu is not None and line.realisasi is not None and \
                    line.realisasi > line.pagu:
                yield _temuan(_tabel(h, "2.5"), f"Belanja {b.tahun}",
                              f"Realisasi {line.jenis} (Rp)", line.realisasi, None,
                              f"realisasi {rupiah(line.realisasi)} melebihi pagu "
                              f"{rupiah(line.pagu)}", ("belanja", i, "jenis", j, "realisasi"))


def _bagian(m: IndikatorPeriodik) -> str | None:
    """How the indicator is known to be a share, in the words of the finding; None when it
    is not one."""
    jenis, dinyatakan = jenis_efektif(m.nama, m.jenis_persen, m.persen_maks_100)
    if jenis != "bagian":
        return None
    return "dinyatakan" if dinyatakan else "dari namanya tampak sebagai"


#: The LKjIP table of each level's indicators (tabel/capaian.py); deeper levels share one.
TABEL_TINGKAT = {0: "kinerja-program", 1: "3.8"}


def persen_mustahil(h: Hasil) -> Iterator[Temuan]:
    """A share (`satuan: %`, `jenis_persen: bagian`, or a name that says so: model/persen.py)
    lies between 0 and 100: the year's target (both bounds of a range) and realisasi, and each
    triwulan's; for the indicators of programs, kegiatan and sub kegiatan, those their
    tables print.
    Other percentages (APK, rates, ratios, indices) may pass 100."""
    simpul = model_simpul(h.laporan)
    models: list[IndikatorKinerja | IndikatorKegiatan] = [
        *(i for s in h.laporan.sasaran for i in s.indikator),
        *(ik for node in simpul.values() for ik in node.indikator)]
    # kode -> how its kind is known, in the words of the finding
    shares = {m.kode: jenis for m in models if (jenis := _bagian(m)) is not None}
    # (tabel, lokasi, satuan, target, realisasi, path, how it is a share)
    rows: list[tuple[str, str, str, object, Decimal | None, Path, str | None]] = []
    for ind in h.indikator:
        rows.append((_tabel(h, "3.5"), ind.kode, ind.satuan, ind.target, ind.realisasi,
                     ind.path, shares.get(ind.kode)))
        rows += [(_tabel(h, "3.4"), f"{ind.kode} TW {tw.nomor}", ind.satuan, tw.target,
                  tw.realisasi, tw.path, shares.get(ind.kode)) for tw in ind.triwulan]
    for node in h.simpul:
        # every level's indicators, in the LKjIP table of their level: the year's target and
        # realisasi as the file gives them (the Renja form prints them) and each quarter's
        tabel = _tabel(h, TABEL_TINGKAT.get(node.tingkat, "kinerja-sub-kegiatan"))
        for ik, m in zip(node.indikator, simpul[node.kode].indikator, strict=True):
            rows.append((tabel, m.kode, m.satuan, m.target, m.realisasi, ik.path,
                         shares.get(m.kode)))
            rows += [(tabel, f"{m.kode} TW {n + 1}", m.satuan, tw.target, tw.realisasi,
                      (*ik.path, "triwulan", n), shares.get(m.kode))
                     for n, tw in enumerate(m.triwulan)]
    for tabel, lokasi, satuan, target, realisasi, path, bagian in rows:
        if satuan.strip() != "%" or bagian is None:
            continue
        values = [("Target", target), ("Realisasi", realisasi)]
        if isinstance(target, Rentang):
            values = [("Target", target.min), ("Target", target.maks), values[1]]
        for kolom, value in values:
            if not isinstance(value, Decimal):
                continue
            if value > HUNDRED:
                yield _temuan(tabel, lokasi, kolom, value, None,
                              f"persentase {angka(value)}% melebihi 100%, padahal indikator "
                              f"ini {bagian} bagian dari suatu jumlah, yang tidak dapat "
                              f"melebihi seluruhnya; {cara_menyatakan(_lembar(path))}",
                              (*path, kolom.lower()))
            elif value < 0:
                yield _temuan(tabel, lokasi, kolom, value, None,
                              f"persentase {angka(value)}% di bawah 0%, padahal indikator ini "
                              f"{bagian} bagian dari suatu jumlah, yang tidak dapat "
                              f"negatif; {cara_menyatakan(_lembar(path))}", (*path, kolom.lower()))


def _lembar(path: Path) -> str:
    """The workbook sheet an indicator is typed on: its kind goes in a column there (an
    IKU's on Indikator, a kegiatan's on Indikator Kegiatan, any other node's on Indikator
    Simpul)."""
    if path[:1] != ("program",):
        return "Indikator"
    if path[2:3] == ("kegiatan",) and len(path) == 6:
        return "Indikator Kegiatan"
    return "Indikator Simpul"


def pohon_dan_jenis(h: Hasil) -> Iterator[Temuan]:
    """Since 2021 every rupiah of an agency sits in a sub kegiatan (salaries in the Program
    Penunjang), so the year's spending by type and its budget tree must add up the same."""
    b = h.belanja_tahun_ini
    if b is None or b.klasifikasi == "bl-btl" or not b.jenis or not h.program:
        return
    for kolom, by_type, by_tree in (("Pagu", b.pagu_total, b.pagu_langsung),
                                    ("Realisasi", b.realisasi_total, b.realisasi_langsung)):
        if by_type.nilai is None or by_tree.nilai is None or by_type.nilai == by_tree.nilai:
            continue
        yield _temuan(_tabel(h, "2.5"), f"Belanja {b.tahun}", f"{kolom} total (Rp)",
                      by_type.nilai, by_tree.nilai,
                      f"jumlah jenis belanja {rupiah(by_type.nilai)} berbeda dengan jumlah "
                      f"pohon anggaran (Tabel {Penomoran(h.laporan.penomoran).label('3.13')}) "
                      f"{rupiah(by_tree.nilai)}; kemungkinan: program atau sub kegiatan yang "
                      "tidak dicatat (misalnya Program Penunjang), atau jenis belanja yang "
                      "tertinggal", (*b.path, "jenis"))


def periksa_konsistensi(h: Hasil) -> list[Temuan]:
    return [*rekap_triwulan(h), *kumulatif_turun(h), *melebihi_pagu(h), *persen_mustahil(h),
            *pohon_dan_jenis(h), *dua_dokumen(h)]
