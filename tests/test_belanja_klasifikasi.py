"""A year's spending by classification: Permendagri 77/2020 types and groups, APBN jenis
belanja, and bl-btl as one case of the same thing. Every figure is worked by hand beside it."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text
from lkjip_cli.render.markdown.templat import render_markdown
from lkjip_cli.tabel import bangun

D = Decimal

HEAD = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan), singkatan: Dinas}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 84}
    """
)

DAERAH = HEAD + textwrap.dedent(
    """\
    belanja:
      - tahun: 2023
        klasifikasi: permendagri-77-2020
        jenis:
          - {jenis: 5.1.01, pagu: 2.000.000.000, pagu_murni: 2.100.000.000,
             realisasi: 1.900.000.000}
          - {jenis: 5.1.02, pagu: 1.500.000.000, pagu_murni: 1.400.000.000,
             realisasi: 1.350.000.000}
          - {jenis: "5.2", pagu: 500.000.000, pagu_murni: 600.000.000,
             realisasi: 450.000.000}
        kelompok:
          - kelompok: "5.1"
            dilaporkan:
              pagu: {"2.5": 3.500.000.000}
              penyerapan: {"2.5": "92,86"}
        dilaporkan:
          pagu_total: {"2.5": 4.000.000.000}
          penyerapan_total: {"2.5": "92,50"}
          perubahan_pagu: {bab2: -100.000.000}
    """
)

KL = HEAD + textwrap.dedent(
    """\
    belanja:
      - tahun: 2023
        klasifikasi: apbn
        jenis:
          - {jenis: "51", pagu: 10.000.000.000, pagu_murni: 10.000.000.000,
             realisasi: 9.800.000.000}
          - {jenis: "52", pagu: 6.000.000.000, pagu_murni: 8.000.000.000,
             realisasi: 5.400.000.000}
          - {jenis: "53", pagu: 4.000.000.000, pagu_murni: 4.000.000.000,
             realisasi: 3.000.000.000}
    """
)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def test_permendagri_groups_and_year_total() -> None:
    b = hasil(DAERAH).belanja_tahun_ini
    assert b is not None and b.klasifikasi == "permendagri-77-2020"
    operasi, modal = b.kelompok
    # Belanja Operasi = Pegawai + Barang dan Jasa = 2.000 + 1.500 = 3.500 juta.
    assert (operasi.kode, operasi.nama) == ("5.1", "Belanja Operasi")
    assert operasi.pagu.nilai == D(3_500_000_000)
    # Realisasi 1.900 + 1.350 = 3.250 juta; 3.250 / 3.500 x 100 = 92,857...
    assert operasi.realisasi.nilai == D(3_250_000_000)
    assert round(operasi.penyerapan.nilai or 0, 2) == D("92.86")
    assert modal.nama == "Belanja Modal" and modal.pagu.nilai == D(500_000_000)
    # Year: 2.000 + 1.500 + 500 = 4.000 juta; realisasi 3.700 juta; 92,50%.
    assert b.pagu_total.nilai == D(4_000_000_000)
    assert b.penyerapan_total.nilai == D("92.5")
    assert b.pagu_total.rumus == "pagu total = jumlah jenis belanja"
    assert [p.nama for p in b.puncak] == ["Belanja Operasi", "Belanja Modal"]


def test_budget_cut_murni_vs_perubahan() -> None:
    b = hasil(DAERAH).belanja_tahun_ini
    assert b is not None and b.pagu_murni is not None and b.perubahan_pagu is not None
    # Pagu murni 2.100 + 1.400 + 600 = 4.100 juta; 4.000 - 4.100 = -100 juta (a cut).
    assert b.pagu_murni.nilai == D(4_100_000_000)
    assert b.perubahan_pagu.nilai == D(-100_000_000)
    assert b.perubahan_pagu.rumus == "perubahan pagu = pagu - pagu murni"
    pegawai, barang, _ = b.jenis
    assert pegawai.perubahan_pagu.nilai == D(-100_000_000)  # 2.000 - 2.100 juta
    assert barang.perubahan_pagu.nilai == D(100_000_000)  # 1.500 - 1.400 juta


def test_apbn_jenis_belanja_and_dipa_revision() -> None:
    b = hasil(KL).belanja_tahun_ini
    assert b is not None
    assert [p.nama for p in b.jenis] == ["Belanja Pegawai", "Belanja Barang", "Belanja Modal"]
    assert b.kelompok == ()
    # DIPA: 10 + 6 + 4 = 20 miliar after revision, 10 + 8 + 4 = 22 miliar before: -2 miliar.
    assert b.pagu_total.nilai == D(20_000_000_000)
    assert b.perubahan_pagu is not None and b.perubahan_pagu.nilai == D(-2_000_000_000)
    # Realisasi 9,8 + 5,4 + 3 = 18,2 miliar; 18,2 / 20 x 100 = 91.
    assert b.penyerapan_total.nilai == D(91)


def test_bl_btl_as_jenis_lines_equals_the_old_keys() -> None:
    old = hasil(HEAD + textwrap.dedent(
        """\
        belanja:
          - tahun: 2022
            langsung: {pagu: 300, realisasi: 270}
            tidak_langsung: {pagu: 700, realisasi: 630}
        """))
    new = hasil(HEAD + textwrap.dedent(
        """\
        belanja:
          - tahun: 2022
            klasifikasi: bl-btl
            jenis:
              - {jenis: langsung, pagu: 300, realisasi: 270}
              - {jenis: tidak-langsung, pagu: 700, realisasi: 630}
        """))
    a, b = old.belanja_tahun(2022), new.belanja_tahun(2022)
    assert a is not None and b is not None
    # 300 + 700 = 1.000; 270 + 630 = 900; 90%.
    for x in (a, b):
        assert (x.pagu_total.nilai, x.realisasi_total.nilai) == (D(1000), D(900))
        assert x.pagu_total.rumus == "pagu total = belanja langsung + belanja tidak langsung"
        assert x.pagu_langsung.nilai == D(300) and x.penyerapan_total.nilai == D(90)


def test_a_group_total_leaving_out_a_type_is_named() -> None:
    a = audit(hasil(DAERAH))
    assert [t for t in a.temuan if t.tingkat is not Tingkat.COCOK] == []
    # Printed Belanja Operasi 1.500 juta: Barang dan Jasa only, without Pegawai (2.000 juta).
    text = DAERAH.replace('pagu: {"2.5": 3.500.000.000}', 'pagu: {"2.5": 1.500.000.000}')
    [t] = [t for t in audit(hasil(text)).temuan if t.lokasi == "Belanja Operasi 2023"
           and t.kolom == "Alokasi (Rp)"]
    assert t.tingkat is Tingkat.SELISIH and t.dihitung == D(3_500_000_000)
    assert "tanpa Belanja Pegawai" in t.keterangan


def test_a_cut_printed_as_a_positive_number_is_recognised() -> None:
    text = DAERAH.replace("perubahan_pagu: {bab2: -100.000.000}",
                          "perubahan_pagu: {bab2: 100.000.000}")
    [t] = [t for t in audit(hasil(text)).temuan if t.kolom == "Perubahan pagu (Rp)"]
    assert t.tingkat is Tingkat.SELISIH
    assert "tanda dibalik" in t.keterangan


def test_year_total_leaving_out_a_group_is_named() -> None:
    # 3.500 juta printed as the year's total: Belanja Operasi only, without Belanja Modal.
    text = DAERAH.replace('pagu_total: {"2.5": 4.000.000.000}',
                          'pagu_total: {"2.5": 3.500.000.000}')
    [t] = [t for t in audit(hasil(text)).temuan if t.kolom == "Total APBD (Rp)"]
    assert "tanpa Belanja Modal" in t.keterangan


def test_tabel_2_5_prints_groups_and_types() -> None:
    h = hasil(DAERAH)
    [t] = bangun(h, ["2.5"])
    assert [k.judul for k in t.kolom] == [
        "No", "Uraian Belanja", "Anggaran Murni (Rp)", "Perubahan (Rp)",
        "Anggaran Setelah Perubahan (Rp)", "Realisasi Belanja (Rp)", "%"]
    assert [(b.sel[1].nilai, b.tingkat) for b in t.baris] == [
        ("Belanja Operasi", 0), ("Belanja Pegawai", 2), ("Belanja Barang dan Jasa", 2),
        ("Belanja Modal", 0), ("Jumlah", 0)]
    md = render_markdown(h, tabel=["2.5"])
    assert ("| 1 | Belanja Operasi | 3.500.000.000 | 0 | 3.500.000.000 | 3.250.000.000 | "
            "92,86 |") in md
    assert "| **Jumlah** | **4.100.000.000** | **-100.000.000** | **4.000.000.000** |" in md
    bab2 = render_markdown(h, bab=["2"])
    assert ("dengan rincian Belanja Operasi Rp3.500.000.000 dan Belanja Modal "
            "Rp500.000.000.") in bab2


def test_tabel_3_11_columns_follow_each_years_classes() -> None:
    text = DAERAH + textwrap.indent(textwrap.dedent(
        """\
        - tahun: 2020
          langsung: {pagu: 1.000.000.000}
          tidak_langsung: {pagu: 2.000.000.000}
          realisasi: 2.700.000.000
        """), "  ")
    [efisiensi, alokasi] = bangun(hasil(text), ["3.11"])
    assert efisiensi.kolom[1].judul == "Total Anggaran (Rp)"
    assert [k.judul for k in alokasi.kolom][1:5] == [
        "Belanja Langsung (Rp)", "Belanja Tidak Langsung (Rp)", "Belanja Operasi (Rp)",
        "Belanja Modal (Rp)"]
    row_2020, row_2023 = alokasi.baris
    assert row_2020.sel[3].nilai == "" and row_2023.sel[1].nilai == ""
    assert row_2023.sel[3].nilai == D(3_500_000_000)


def test_bad_classes_are_refused_with_a_suggestion() -> None:
    text = DAERAH.replace("jenis: 5.1.02,", "jenis: 5.1.2,")
    [d] = load_text(text).diagnostics
    assert d.code == "unknown-jenis" and "`5.1.02`" in d.message
    text = DAERAH.replace('jenis: "5.2"', "jenis: 5.1")
    [d] = load_text(text).diagnostics
    assert d.code == "duplicate-jenis" and "5.1.01, 5.1.02" in d.message
    text = DAERAH.replace("klasifikasi: permendagri-77-2020\n",
                          "klasifikasi: permendagri-77-2020\n    langsung: {pagu: 1}\n")
    [d] = load_text(text).diagnostics
    assert d.code == "klasifikasi-belanja" and d.path == "belanja[0].langsung"
    text = KL.replace('jenis: "53"', 'jenis: "5.3"')
    [d] = load_text(text).diagnostics
    assert d.code == "unknown-jenis"


def test_spending_by_type_against_the_budget_tree() -> None:
    # Tree: one sub kegiatan of 3.900 juta; types add up to 4.000 juta: 100 juta apart.
    tree = textwrap.dedent(
        """\
        program:
          - kode: "1.02.01"
            nama: Program Penunjang
            kegiatan:
              - kode: "1.02.01.2.01"
                nama: Administrasi Keuangan
                rincian:
                  - {kode: "1.02.01.2.01.0001", nama: Gaji dan Tunjangan ASN,
                     pagu: 3.900.000.000, realisasi: 3.700.000.000}
        """)
    [t] = [t for t in audit(hasil(DAERAH + tree)).temuan if t.jenis == "konsistensi"]
    assert (t.kolom, t.dicetak, t.dihitung) == (
        "Pagu total (Rp)", D(4_000_000_000), D(3_900_000_000))
    assert "Program Penunjang" in t.keterangan


def test_explain_a_years_spending() -> None:
    from lkjip_cli.render.teks.jelaskan import jelaskan, semua_ref
    from lkjip_cli.source.yamlsource import parse_yaml_text

    h = hasil(DAERAH)
    assert "belanja-2023" in semua_ref(h)
    lines = jelaskan(h, "belanja-2023", parse_yaml_text("<teks>", DAERAH).source)
    assert lines is not None
    text = "\n".join(lines)
    assert "rumus    : pagu total = jumlah jenis belanja" in text
    assert "Perubahan pagu: -Rp100.000.000" in text  # 4.000 - 4.100 juta
    assert "Pagu Belanja Operasi: Rp3.500.000.000" in text
    assert "Belanja Pegawai = Rp2.000.000.000 (<teks>:" in text
