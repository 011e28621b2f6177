"""The figures an OPD printed in its Evaluasi terhadap Hasil Renja (form E.81), against the
engine's columns (`engine/renja.py`).

Each indicator's K columns (5, 6, 7, 12, 13, 14, 15), each node's Rp columns that an LKjIP
does not print (5, 6, 8-11, 14, 15; 7, 12 and 13 Rp are the node's `pagu`, `realisasi` and
`penyerapan`, which `anggaran.py` audits wherever they are printed), and the averages and
predikat under the table. An indicator's `target`, `realisasi` and `capaian` printed at the
form's place are the form's columns; at any other place, those of its level's LKjIP table
(Tabel 3.8 for a kegiatan, the capaian kinerja program or sub kegiatan for the others).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from lkjip_cli.angka import angka
from lkjip_cli.audit.capaian import tanpa_batas_di
from lkjip_cli.audit.kumpulan import Kumpulan, isian, isian_target
from lkjip_cli.audit.tempat import NAMA_KOLOM, nama_tempat
from lkjip_cli.audit.temuan import Temuan, Tingkat
from lkjip_cli.diagnostics import Path
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hasil_renja import HasilRenja, IndikatorRenja, SimpulRenjaHasil
from lkjip_cli.model.anggaran import DilaporkanAnggaran, RincianAnggaran
from lkjip_cli.model.kaskade import IndikatorSimpul
from lkjip_cli.model.laporan import Kegiatan, Laporan, Program
from lkjip_cli.model.penomoran import Penomoran

Simpul = Program | Kegiatan | RincianAnggaran


def model_simpul(laporan: Laporan) -> dict[str, Simpul]:
    """Every node of the file's budget tree by kode (codes are unique in a valid file)."""
    out: dict[str, Simpul] = {}

    def walk(node: Simpul) -> None:
        out[node.kode] = node
        for x in node.kegiatan if isinstance(node, Program) else node.rincian:
            walk(x)

    for prog in laporan.program:
        walk(prog)
    return out


def _indikator(k: Kumpulan, i: IndikatorRenja, m: IndikatorSimpul) -> None:
    d = m.dilaporkan

    def di(dicetak: dict[str, Decimal]) -> dict[str, Decimal]:
        # An indicator's figures elsewhere are its LKjIP table's (anggaran.py): Tabel 3.8
        # for a kegiatan, the capaian kinerja program or sub kegiatan for the others.
        return k.pilah(dicetak, "renja", True)

    label = f"{i.kode} (Evaluasi Renja)"
    k.add(i.kode, label, i.path, di(d.target), "target", isian_target(i.target), i.satuan)
    k.add(i.kode, label, i.path, di(d.realisasi), "realisasi", i.realisasi, i.satuan)
    k.add(i.kode, label, i.path, di(d.capaian), "capaian", k.h.tampil(i.capaian), "%",
          tanpa_batas_di(k, i.capaian))
    k.add(i.kode, label, i.path, d.target_renstra_akhir, "target_renstra_akhir",
          i.target_renstra, i.satuan)
    k.add(i.kode, label, i.path, d.realisasi_renstra_lalu, "realisasi_renstra_lalu",
          i.realisasi_lalu, i.satuan)
    k.add(i.kode, label, i.path, d.realisasi_renstra_kumulatif,
          "realisasi_renstra_kumulatif", i.realisasi_kumulatif, i.satuan)
    k.add(i.kode, label, i.path, d.capaian_renstra_kumulatif, "capaian_renstra_kumulatif",
          k.h.tampil(i.capaian_renstra), "%", tanpa_batas_di(k, i.capaian_renstra))
    for n, tw in enumerate(m.triwulan):  # columns 8-11 (K): each quarter as held
        nama, path = f"{i.kode} TW {n + 1}", (*i.path, "triwulan", n)
        k.add(nama, nama, path, tw.dilaporkan.target, "target", isian_target(tw.target),
              i.satuan)
        k.add(nama, nama, path, tw.dilaporkan.realisasi, "realisasi",
              isian("realisasi", tw.realisasi), i.satuan)


def _simpul(k: Kumpulan, s: SimpulRenjaHasil, d: DilaporkanAnggaran) -> None:
    label = f"{s.kode} (Evaluasi Renja)"
    pairs = [("pagu_renstra_akhir", d.pagu_renstra_akhir, s.pagu_renstra),
             ("realisasi_renstra_lalu", d.realisasi_renstra_lalu, s.realisasi_lalu),
             ("realisasi_renstra_kumulatif", d.realisasi_renstra_kumulatif,
              s.realisasi_kumulatif)]
    for n, dicetak in enumerate((d.realisasi_tw1, d.realisasi_tw2, d.realisasi_tw3,
                                 d.realisasi_tw4)):
        nilai = s.triwulan[n]
        if nilai is not None:
            pairs.append((f"realisasi_tw{n + 1}", dicetak, nilai))
    for kuantitas, dicetak, nilai in pairs:
        k.add(s.kode, label, s.path, dicetak, kuantitas, nilai, "Rp")
    k.add(s.kode, label, s.path, d.capaian_renstra_kumulatif, "capaian_renstra_kumulatif",
          s.capaian_renstra, "%")


def kumpulkan_renja(k: Kumpulan) -> None:
    """Every figure printed for the Renja evaluation, when the file has one."""
    r: HasilRenja | None = k.h.renja
    ev = k.h.laporan.evaluasi_renja
    if r is None or ev is None:
        return
    models = model_simpul(k.h.laporan)
    for s in r.simpul:
        node = models[s.kode]
        _simpul(k, s, node.dilaporkan)
        for i, m in zip(s.indikator, node.indikator, strict=True):
            _indikator(k, i, m)
    d, label, path = ev.dilaporkan, "Evaluasi Hasil Renja", ("evaluasi_renja",)
    for kuantitas, dicetak, rata in (
            ("rata_rata_capaian_kinerja", d.rata_rata_capaian_kinerja, r.rata_kinerja),
            ("rata_rata_capaian_anggaran", d.rata_rata_capaian_anggaran, r.rata_anggaran),
            ("rata_rata_capaian_renstra_kinerja", d.rata_rata_capaian_renstra_kinerja,
             r.rata_renstra_kinerja),
            ("rata_rata_capaian_renstra_anggaran", d.rata_rata_capaian_renstra_anggaran,
             r.rata_renstra_anggaran)):
        k.add(label, label, path, dicetak, kuantitas, rata.nilai, "%")
    for kuantitas, teks_dicetak, rata in (
            ("predikat_kinerja", d.predikat_kinerja, r.rata_kinerja),
            ("predikat_anggaran", d.predikat_anggaran, r.rata_anggaran)):
        k.add(label, label, path, teks_dicetak, kuantitas,
              rata.predikat.kode if rata.predikat else None, "")


# ------------------------------------------------------- one file, two documents


#: Quantities a node prints under the same key in the LKjIP (Tabel 3.13) and in the form.
KUANTITAS_SIMPUL = ("pagu", "realisasi", "penyerapan")
#: Quantities a node indicator prints in both (its LKjIP table and the form's K columns).
KUANTITAS_INDIKATOR = ("target", "realisasi", "capaian")


def _dua_tempat(p: Penomoran, dicetak: dict[str, Decimal]
                ) -> tuple[tuple[str, Decimal], tuple[str, Decimal]] | None:
    """The first place of the LKjIP and the first of the form that printed one quantity."""
    lkjip = [(t, v) for t, v in dicetak.items()
             if (p.resolusi(t) or t).partition("/")[0] != "renja"]
    form = [(t, v) for t, v in dicetak.items()
            if (p.resolusi(t) or t).partition("/")[0] == "renja"]
    return (lkjip[0], form[0]) if lkjip and form else None


def _beda(a: Decimal, b: Decimal) -> bool:
    """Two printed figures of one quantity disagree beyond the places the shorter prints,
    rounded either way: a place that truncates (`aturan.per_tempat`, `pembulatan: down`)
    prints 31,6 for the 31,67 another rounds half up, and that is no contradiction."""
    places = min(-int(x.as_tuple().exponent) for x in (a, b))
    q = Decimal(1).scaleb(-max(places, 0))
    return all(a.quantize(q, rounding=r) != b.quantize(q, rounding=r)
               for r in (ROUND_HALF_UP, ROUND_DOWN))


def dua_dokumen(h: Hasil) -> Iterator[Temuan]:
    """One quantity printed in both documents of the file (the LKjIP and its Evaluasi Hasil
    Renja) with two different figures: a finding naming both places, whichever is right.
    Quantities whose two documents compute different figures (a kegiatan indicator measured
    to the LKjIP's period and to the form's quarter) are left to each document's audit."""
    r = h.renja
    if r is None:
        return
    p = Penomoran(h.laporan.penomoran)
    models = model_simpul(h.laporan)
    lkjip_ind = {ik.kode: ik for node in h.simpul for ik in node.indikator}
    for s in r.simpul:
        node = models[s.kode]
        for kuantitas in KUANTITAS_SIMPUL:
            yield from _bandingkan_dua(p, s.kode, kuantitas, s.path,
                                       getattr(node.dilaporkan, kuantitas), True)
        for i, m in zip(s.indikator, node.indikator, strict=True):
            ik = lkjip_ind.get(i.kode)
            if ik is None:
                continue
            sama = {"target": ik.target == i.target,
                    "realisasi": ik.realisasi == i.realisasi.nilai,
                    "capaian": ik.capaian.nilai == i.capaian.nilai}
            for kuantitas in KUANTITAS_INDIKATOR:
                yield from _bandingkan_dua(p, i.kode, kuantitas, i.path,
                                           getattr(m.dilaporkan, kuantitas), sama[kuantitas])


def _bandingkan_dua(p: Penomoran, kode: str, kuantitas: str, path: Path,
                    dicetak: dict[str, Decimal], sama: bool) -> Iterator[Temuan]:
    pasangan = _dua_tempat(p, dicetak)
    if not sama or pasangan is None:
        return
    (t1, v1), (t2, v2) = pasangan
    if not _beda(v1, v2):
        return
    n1, n2 = nama_tempat(p.resolusi(t1) or t1, p), nama_tempat(p.resolusi(t2) or t2, p)
    yield Temuan(n2, kode, NAMA_KOLOM.get(kuantitas, kuantitas), v2, v1, v2 - v1,
                 Tingkat.SELISIH,
                 f"satu angka, dua dokumen: {n1} mencetak {angka(v1)}, {n2} mencetak "
                 f"{angka(v2)}; LKjIP dan Evaluasi Hasil Renja dari berkas yang sama harus "
                 "sama", (*path, "dilaporkan", kuantitas, t2), jenis="konsistensi")
