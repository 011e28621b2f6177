"""The budget tree of any depth: a region's Program → Kegiatan → Sub Kegiatan and a K/L's
Program → Kegiatan → KRO → RO. Every sum is worked by hand beside it."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil, HasilRincian
from lkjip_cli.loader import load_text
from lkjip_cli.render.markdown.templat import render_markdown
from lkjip_cli.tabel import bangun

D = Decimal

HEAD = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 84}
          - {kode: IKU2, nama: Indikator dua, satuan: "%", target: 90, realisasi: 90}
    """
)

DAERAH = HEAD + textwrap.dedent(
    """\
    program:
      - kode: "1.02.02"
        nama: Program Pemenuhan Upaya Kesehatan
        kegiatan:
          - kode: "1.02.02.2.01"
            nama: Penyediaan Fasilitas Pelayanan Kesehatan
            mendukung: [IKU1]
            dilaporkan:
              pagu: {"3.13": 300.000.000}
            rincian:
              - {kode: "1.02.02.2.01.0001", nama: Pembangunan Puskesmas,
                 pagu: 200.000.000, realisasi: 190.000.000}
              - {kode: "1.02.02.2.01.0002", nama: Pengadaan Alat Kesehatan,
                 pagu: 100.000.000, realisasi: 80.000.000, mendukung: [IKU2]}
          - kode: "1.02.02.2.02"
            nama: Penyediaan Layanan Kesehatan
            rincian:
              - {kode: "1.02.02.2.02.0001", nama: Pengelolaan Pelayanan Kesehatan Ibu Hamil,
                 pagu: 50.000.000, realisasi: 45.000.000, mendukung: [IKU2]}
    """
)

KL = HEAD + textwrap.dedent(
    """\
    tingkat_anggaran: [Program, Kegiatan, KRO, RO]
    program:
      - kode: WA
        nama: Program Dukungan Manajemen
        mendukung: [IKU1]
        kegiatan:
          - kode: "4021"
            nama: Pengelolaan Kepegawaian
            rincian:
              - kode: 4021.EBA
                nama: Layanan Dukungan Manajemen Internal
                rincian:
                  - {kode: 4021.EBA.962, nama: Layanan Umum, pagu: 1.000.000.000,
                     realisasi: 950.000.000}
                  - {kode: 4021.EBA.994, nama: Layanan Perkantoran, pagu: 3.000.000.000,
                     realisasi: 2.900.000.000}
              - kode: 4021.QAH
                nama: Pelayanan Publik kepada Masyarakat
                rincian:
                  - {kode: 4021.QAH.001, nama: Layanan Informasi, pagu: 500.000.000,
                     realisasi: 400.000.000, mendukung: [IKU2]}
    """
)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def test_regional_tree_rolls_up_from_sub_kegiatan() -> None:
    h = hasil(DAERAH)
    [prog] = h.program
    keg1, _ = prog.kegiatan
    # Kegiatan 2.01 = 200.000.000 + 100.000.000 = 300.000.000; realisasi 190 + 80 = 270 juta.
    assert keg1.anggaran.pagu.nilai == D(300_000_000)
    assert keg1.anggaran.realisasi.nilai == D(270_000_000)
    # Program = 300 + 50 = 350 juta; realisasi 270 + 45 = 315 juta; 315 / 350 x 100 = 90.
    assert prog.anggaran.pagu.nilai == D(350_000_000)
    assert prog.anggaran.penyerapan.nilai == D(90)
    assert "jumlah pagu sub kegiatan" in keg1.anggaran.pagu.rumus
    assert "jumlah pagu kegiatan" in prog.anggaran.pagu.rumus
    assert [r.kode for r in keg1.rincian] == ["1.02.02.2.01.0001", "1.02.02.2.01.0002"]
    assert h.kedalaman_anggaran == 3
    assert [b.kode for b in h.baris_anggaran] == [
        "1.02.02.2.01.0001", "1.02.02.2.01.0002", "1.02.02.2.02.0001"]


def test_mendukung_is_inherited_downward() -> None:
    h = hasil(DAERAH)
    iku1, iku2 = h.indikator
    # IKU1 from kegiatan 2.01, inherited by both its sub kegiatan: 200 + 100 = 300 juta.
    assert iku1.anggaran.pagu.nilai == D(300_000_000)
    assert iku1.anggaran.kegiatan == ("1.02.02.2.01.0001", "1.02.02.2.01.0002")
    # IKU2: sub kegiatan 2.01.0002 and 2.02.0001: 100 + 50 = 150 juta.
    assert iku2.anggaran.pagu.nilai == D(150_000_000)
    # Sasaran: each leaf once, 200 + 100 + 50 = 350 juta.
    assert h.sasaran[0].anggaran.pagu.nilai == D(350_000_000)
    # Belanja of the year = the leaves: 350 juta, realisasi 190 + 80 + 45 = 315 juta.
    b = h.belanja_tahun_ini
    assert b is not None and b.pagu_langsung.nilai == D(350_000_000)
    assert b.jumlah_kegiatan == 2


def test_kl_tree_program_kegiatan_kro_ro() -> None:
    h = hasil(KL)
    [prog] = h.program
    [keg] = prog.kegiatan
    eba, _ = keg.rincian
    # KRO EBA = 1.000 + 3.000 = 4.000 juta; kegiatan = 4.000 + 500 = 4.500 juta.
    assert eba.anggaran.pagu.nilai == D(4_000_000_000)
    assert keg.anggaran.pagu.nilai == D(4_500_000_000)
    # Realisasi 950 + 2.900 + 400 = 4.250 juta; 4.250 / 4.500 x 100 = 94,44...
    assert prog.anggaran.realisasi.nilai == D(4_250_000_000)
    assert round(prog.anggaran.penyerapan.nilai or 0, 2) == D("94.44")
    assert "jumlah pagu RO" in eba.anggaran.pagu.rumus
    assert "jumlah pagu KRO" in keg.anggaran.pagu.rumus
    assert h.nama_tingkat(3) == "RO"
    # The program supports IKU1: every RO below it, 4.500 juta.
    iku1, iku2 = h.indikator
    assert iku1.anggaran.pagu.nilai == D(4_500_000_000)
    assert iku2.anggaran.pagu.nilai == D(500_000_000)
    ro = [n for n in h.simpul if isinstance(n, HasilRincian) and n.tingkat == 3]
    assert [n.kode for n in ro] == ["4021.EBA.962", "4021.EBA.994", "4021.QAH.001"]
    assert ro[2].mendukung == ("IKU1", "IKU2")


def test_tabel_3_13_prints_the_tree_indented() -> None:
    h = hasil(KL)
    [t] = bangun(h, ["3.13"])
    assert t.judul[0] == "Realisasi Anggaran Per Program, Kegiatan, KRO dan RO"
    assert [k.judul for k in t.kolom][:2] == ["Kode", "Program/Kegiatan/KRO/RO"]
    assert [(b.sel[0].nilai, b.tingkat) for b in t.baris] == [
        ("WA", 0), ("4021", 1), ("4021.EBA", 2), ("4021.EBA.962", 3), ("4021.EBA.994", 3),
        ("4021.QAH", 2), ("4021.QAH.001", 3), ("", 0)]
    md = render_markdown(h, tabel=["3.13"])
    assert ("| 4021.EBA.962 | &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Layanan Umum | "
            "1.000.000.000 | 950.000.000 | 95,00 |") in md
    assert "| **WA** | **Program Dukungan Manajemen** |" in md


def test_a_printed_level_total_leaving_out_a_child_is_named() -> None:
    # Printed 300.000.000 for kegiatan 2.01: its sum, so cocok.
    a = audit(hasil(DAERAH))
    [ok] = [t for t in a.temuan if t.lokasi == "1.02.02.2.01"]
    assert ok.tingkat is Tingkat.COCOK
    # Printed 200.000.000: 300 - 100 juta, the sum without sub kegiatan .0002.
    text = DAERAH.replace('pagu: {"3.13": 300.000.000}', 'pagu: {"3.13": 200.000.000}')
    [t] = [t for t in audit(hasil(text)).temuan if t.lokasi == "1.02.02.2.01"]
    assert t.tingkat is Tingkat.SELISIH
    assert "tanpa sub kegiatan 1.02.02.2.01.0002" in t.keterangan


def test_a_printed_level_total_with_an_extra_child_is_named() -> None:
    # Printed 350.000.000: 300 juta plus sub kegiatan 2.02.0001 (50 juta) of the other kegiatan.
    text = DAERAH.replace('pagu: {"3.13": 300.000.000}', 'pagu: {"3.13": 350.000.000}')
    [t] = [t for t in audit(hasil(text)).temuan if t.lokasi == "1.02.02.2.01"]
    assert "termasuk sub kegiatan 1.02.02.2.02.0001 yang bukan bagiannya" in t.keterangan


def test_leaf_without_money_and_level_with_money_are_errors() -> None:
    text = DAERAH.replace("pagu: 50.000.000, realisasi: 45.000.000, ", "")
    codes = [(d.code, d.path) for d in load_text(text).diagnostics]
    assert ("missing", "program[0].kegiatan[1].rincian[0].pagu") in codes
    assert ("missing", "program[0].kegiatan[1].rincian[0].realisasi") in codes
    text = DAERAH.replace("mendukung: [IKU1]\n", "mendukung: [IKU1]\n        pagu: 1\n")
    [d] = load_text(text).diagnostics
    assert (d.code, d.path) == ("budget-above-leaf", "program[0].kegiatan[0].pagu")


def test_sipd_codes_are_unique_and_referenced() -> None:
    text = DAERAH.replace('"1.02.02.2.02.0001"', '"1.02.02.2.01.0001"')
    assert [d.code for d in load_text(text).diagnostics] == ["duplicate-kode"]
    text = DAERAH.replace("mendukung: [IKU2]}", "mendukung: [IKU3]}", 1)
    [d] = load_text(text).diagnostics
    assert d.code == "unknown-ref" and d.path.endswith("rincian[1].mendukung[0]")


def test_a_sub_kegiatan_spending_above_its_pagu_is_flagged() -> None:
    text = DAERAH.replace("realisasi: 45.000.000", "realisasi: 55.000.000")
    [d] = load_text(text).diagnostics
    assert d.code == "realisasi-over-pagu"
    found = [t for t in audit(hasil(text)).temuan if t.jenis == "konsistensi"]
    assert [t.lokasi for t in found] == ["1.02.02.2.02.0001"]


def test_a_tree_deeper_than_any_nomenclature_is_refused() -> None:
    depth = 10  # MAKS_RINCIAN is 8 levels below kegiatan
    nested = "".join(f"[{{kode: R{i}, nama: r, rincian: " for i in range(depth))
    nested += "[{kode: L, nama: l, pagu: 1, realisasi: 1}]" + "}]" * depth
    text = KL.split("program:")[0] + textwrap.dedent(
        """\
        program:
          - kode: P
            nama: P
            kegiatan:
              - kode: K
                nama: K
        """) + f"        rincian: {nested}\n"
    [d] = load_text(text).diagnostics
    assert d.code == "budget-too-deep"
    assert d.path.count("rincian") == 9


# A leaf is (pagu, realisasi); a node is a list of children.
_daun = st.tuples(st.integers(0, 10**12), st.integers(0, 10**12))
_pohon = st.recursive(_daun, lambda anak: st.lists(anak, min_size=1, max_size=3),
                      max_leaves=12)


def _rincian(node: object, kode: str) -> dict[str, object]:
    if isinstance(node, tuple):
        return {"kode": kode, "nama": kode, "pagu": node[0], "realisasi": node[1]}
    assert isinstance(node, list)
    return {"kode": kode, "nama": kode,
            "rincian": [_rincian(c, f"{kode}.{i}") for i, c in enumerate(node)]}


def _jumlah(node: object) -> tuple[int, int]:
    if isinstance(node, tuple):
        return node
    assert isinstance(node, list)
    sums = [_jumlah(c) for c in node]
    return sum(p for p, _ in sums), sum(r for _, r in sums)


@settings(max_examples=30, deadline=None)
@given(st.lists(_pohon, min_size=1, max_size=3))
def test_every_level_is_the_sum_of_its_leaves(kegiatan: list[object]) -> None:
    from lkjip_cli.model.laporan import Laporan

    base = load_text(HEAD).report
    assert base is not None
    prog = {"kode": "P", "nama": "P", "mendukung": ["IKU1"],
            "kegiatan": [_rincian(k, f"K{i}") for i, k in enumerate(kegiatan)]}
    # A kegiatan that is itself a leaf keeps its money; below it the tree nests `rincian`.
    laporan = Laporan.model_validate(base.model_dump() | {"program": [prog]})
    h = hitung(laporan)
    for keg, tree in zip(h.program[0].kegiatan, kegiatan, strict=True):
        assert (keg.anggaran.pagu.nilai, keg.anggaran.realisasi.nilai) == _jumlah(tree)
    total = _jumlah(kegiatan)
    assert (h.program[0].anggaran.pagu.nilai, h.program[0].anggaran.realisasi.nilai) == total
    assert h.indikator[0].anggaran.pagu.nilai == total[0]  # inherited from the program
    b = h.belanja_tahun_ini
    assert b is not None and b.pagu_langsung.nilai == total[0]
