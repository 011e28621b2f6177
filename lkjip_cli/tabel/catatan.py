"""The words every table builder shares, so that two tables never word one thing differently.

The instansi's names and the sasaran's Roman numbers as captions print them; the notes under a
table (the capaian formulas and the rules applied, the absorption formula, why a cell is n/a);
the names of the predicate scales and efficiency methods as a report cites them; and the
assembly of a `Tabel` from its parts, which adds the n/a notes so that no builder forgets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from lkjip_cli import angka as fmt
from lkjip_cli.engine import METODE_EFISIENSI, METODE_IKM, METODE_RATA_RATA
from lkjip_cli.engine.capaian import arti_capaian_negatif, arti_capaian_tinggi
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel.sel import ROMAWI, Baris, Kolom, Tabel


def nomor_sasaran(i: int) -> str:
    """The i-th sasaran (from 0) as a caption numbers it: I, II, ... X, then 11, 12."""
    return ROMAWI[i] if i < len(ROMAWI) else str(i + 1)


def nama_instansi(h: Hasil) -> str:
    return h.laporan.instansi.nama


def nama_singkat(h: Hasil) -> str:
    """The instansi's abbreviation (BKD), or its name when the report gives none."""
    return h.laporan.instansi.singkatan or h.laporan.instansi.nama


def catatan_capaian(h: Hasil, capaian: Iterable[Nilai]) -> str:
    """The formulas and rules behind the capaian of one table, as they were used."""
    used = list(capaian)
    rumus = sorted({n.rumus for n in used}, key=_urutan_rumus)
    rules = sorted({r for n in used for r in n.aturan
                    if r.startswith(("target_nol", "target rentang", "batas_atas"))})
    floored = any(r.startswith("batas_bawah") for n in used for r in n.aturan)
    a = h.laporan.aturan
    text = "Capaian: " + "; ".join(rumus) + "." if rumus else "Capaian."
    if rules:
        text += " " + "; ".join(_kata_aturan(r) for r in rules) + "."
    cap = a.batas_atas
    if cap is not None and "tampilan" in cap.berlaku:
        text += f" Capaian ditampilkan paling tinggi {fmt.angka(cap.nilai)}."
    for arti in sorted({s for n in used
                        if (s := arti_capaian_negatif(n) or arti_capaian_tinggi(n))}):
        text += f" {arti[0].upper()}{arti[1:]}."
    if a.batas_bawah is not None and floored:
        text += (f" Capaian di bawah {fmt.angka(a.batas_bawah)} dihitung sebagai "
                 f"{fmt.angka(a.batas_bawah)}.")
    return text + f" Capaian {fmt.uraian_pembulatan(a.desimal_persen, a.pembulatan)}."


def _kata_aturan(rule: str) -> str:
    """A rule the engine applied, in the words of a footnote (not the file's key)."""
    key, _, value = rule.partition("=")
    if key == "target_nol":
        return ("Target 0 dengan realisasi 0 dihitung capaian 100"
                if value == "100-jika-realisasi-0" else "Target 0: capaian tidak dapat dihitung")
    if key.startswith("batas_atas"):
        return (f"Capaian dibatasi paling tinggi {value.split()[0]}"
                + (" sebelum dirata-rata" if "dirata-rata" in value else ""))
    return rule[:1].upper() + rule[1:]


#: The names of the built-in scales as a report cites them.
NAMA_SKALA = {
    "permendagri-86-2017": "Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017",
    "permenpan-rb-12-2015": "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
                            "Birokrasi Nomor 12 Tahun 2015",
    "enam-tingkat": "skala enam tingkat",
}


def nama_skala(spec: str | tuple[object, ...]) -> str:
    return NAMA_SKALA.get(spec, spec) if isinstance(spec, str) else "skala laporan ini"


def catatan_hitungan(h: Hasil) -> list[str]:
    """One sentence per indicator whose realisasi (or target) is derived from its inputs:
    the formula with its numbers, or the IKM's rule, source and band."""
    a = h.laporan.aturan
    out = []
    for ind in h.indikator:
        hh = ind.hitungan
        if hh is None:
            continue
        r = hh.realisasi
        shown = fmt.persen(r.nilai, a.desimal_persen, a.pembulatan)
        if hh.bawaan is not None:
            m = METODE_IKM[hh.bawaan]
            band = f", mutu {hh.mutu.kode} ({hh.mutu.sebutan})" if hh.mutu else ""
            out.append(f"Realisasi {ind.nama} = {m.rumus} = {shown}{band}, menurut "
                       f"{m.sumber}; bobot tiap unsur 1/{len(hh.nrr)}.")
            continue
        if hh.target is not None and hh.rumus_target is not None:
            out.append(_kalimat_rumus(f"Target {ind.nama}", hh.rumus_target, hh.target, a))
        out.append(_kalimat_rumus(f"Realisasi {ind.nama}", hh.rumus, r, a))
    return out


def _kalimat_rumus(apa: str, rumus: str, r: Nilai, a: Aturan) -> str:
    """`<apa> dihitung dari masukannya: <rumus> = <its numbers> = <value>`."""
    shown = fmt.persen(r.nilai, a.desimal_persen, a.pembulatan)
    angka = [fmt.tepat(x) for x in r.uraian_angka]
    worked = f" = {r.uraian.format(*angka)}" if r.uraian and r.nilai is not None else ""
    why = "" if r.nilai is not None else f" (tidak dapat dihitung: {r.alasan})"
    return (f"{apa} dihitung dari masukannya: {rumus}{worked}"
            f"{' = ' + shown if r.nilai is not None else why}.")


def catatan_metode_rata(h: Hasil) -> list[str]:
    """The averaging method, its formula and source, when it is not the plain mean."""
    kode = h.laporan.aturan.rata_rata.metode
    if kode == "rata-rata":
        return []
    m = METODE_RATA_RATA[kode]
    return [f"Capaian sasaran dirata-rata dengan metode {m.nama}: {m.rumus} ({m.sumber})."]


#: Efficiency methods in words, from the engine's registry of methods.
NAMA_METODE = {kode: m.nama for kode, m in METODE_EFISIENSI.items()}


def _urutan_rumus(rumus: str) -> tuple[bool, str]:
    return ("positif" not in rumus, rumus)


def catatan_penyerapan(h: Hasil) -> str:
    """The note under every table with an absorption column: its formula and rounding."""
    a = h.laporan.aturan
    return (f"% = realisasi / alokasi x 100, "
            f"{fmt.uraian_pembulatan(a.desimal_persen, a.pembulatan)}.")


#: The report file's keys that a reason may name, as a reader of the report calls them. The
#: key stays in what the analyst reads (`explain`, `check`, JSON); a document says the words.
KATA_KUNCI = {
    "target_renstra": "target Renstra",
    "realisasi_sebelumnya": "realisasi tahun sebelumnya",
    "target_sebelumnya": "target tahun sebelumnya",
    "realisasi_triwulan": "realisasi triwulan",
    "anggaran_perjanjian_kinerja": "anggaran Perjanjian Kinerja",
    "pagu_renstra": "pagu Renstra",
    "tidak_langsung": "belanja tidak langsung",
}
_KUNCI = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
_TIDAK_ADA_KUNCI = re.compile(
    r"tidak ada (?:nilai untuk )?([a-z]+(?:_[a-z]+)+)((?:,? \d{4})*)")


def kata_alasan(alasan: str) -> str:
    """Why a figure is missing, in a document's words: `tidak ada target_renstra 2026` ->
    `target Renstra 2026 tidak diisi`; a key in parentheses after words that already say
    it is dropped, any other key is named in words."""
    def tidak_diisi(m: re.Match[str]) -> str:
        return f"{_kata_kunci(m[1])}{m[2]} tidak diisi"

    text = _TIDAK_ADA_KUNCI.sub(tidak_diisi, alasan)
    text = re.sub(r" \([a-z]+(?:[_.][a-z0-9]+)+\)", "", text)
    return _KUNCI.sub(lambda m: _kata_kunci(m[0]), text)


def _kata_kunci(kunci: str) -> str:
    return KATA_KUNCI.get(kunci, kunci.replace("_", " "))


def _not_computable_notes(rows: Sequence[Baris]) -> tuple[str, ...]:
    reasons = sorted({kata_alasan(s.alasan) for r in rows for s in r.sel
                      if s.nilai is None and s.alasan})
    return tuple(f"n/a: {reason}." for reason in reasons)


def susun_tabel(nomor: str, judul: Sequence[str], kolom: Sequence[Kolom], baris: Sequence[Baris],
                catatan: Sequence[str] = (), sumber: str = "", bagian: str = "",
                lanjutan: bool = False) -> Tabel:
    """A `Tabel` from its parts, with an `n/a:` note for each reason a figure is missing."""
    rows = tuple(baris)
    notes = (*catatan, *_not_computable_notes(rows))
    return Tabel(nomor, tuple(judul), tuple(kolom), rows, tuple(notes), sumber, bagian,
                 lanjutan)


def catatan_baris_lain(awal: str, keterangan: str | None,
                       uang: Sequence[tuple[str, Decimal | None]]) -> str:
    """The note of a printed total that covers rows the table does not list (`baris_lain`):
    where those rows are, and their money."""
    where = f" ({keterangan})" if keterangan else ""
    parts = ", ".join(f"{kata} {fmt.rupiah(v) if v is not None else fmt.TIDAK_ADA}"
                      for kata, v in uang)
    return f"{awal}{where}: {parts}."


def kolom_judul(*judul: str, angka: bool = False) -> list[Kolom]:
    """Columns by their titles, all of numbers (`angka`) or all of text."""
    return [Kolom(j, angka) for j in judul]
