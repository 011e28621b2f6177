"""Revenue (pendapatan) trees: every figure of Tabel 3.14 worked by hand, the checks of the
tree, the audit of printed figures and their causes, the sentence of Bab III.

The figures of data/contoh-pendapatan-2023.yaml are worked in its comments; a few small
inline trees test one rule each. Expected values are literals with their arithmetic beside
them, never read back from the engine.
"""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from lkjip_cli.angka import persen, rupiah
from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load, load_text
from lkjip_cli.tabel import BUILDERS, format_sel

ROOT = Path(__file__).resolve().parent.parent
CONTOH = ROOT / "data" / "contoh-pendapatan-2023.yaml"

KEPALA = """\
instansi: {nama: RSUD Contoh}
tahun: 2023
renstra: {mulai: 2021, selesai: 2026}
sasaran:
  - kode: SS1
    nama: Meningkatnya pendapatan BLUD
    indikator:
      - {kode: IKU1, nama: Capaian pendapatan BLUD, satuan: "%", target: 100, realisasi: 104}
"""


def _hasil(pendapatan: str, tambahan: str = "") -> Hasil:
    teks = KEPALA + tambahan + "pendapatan:\n" + textwrap.indent(textwrap.dedent(pendapatan),
                                                                  "  ")
    result = load_text(teks, "rsud.yaml")
    assert result.report is not None, result.diagnostics
    return hitung(result.report)


def _diag(pendapatan: str) -> list[tuple[str, int | None, int | None, str]]:
    teks = KEPALA + "pendapatan:\n" + textwrap.indent(textwrap.dedent(pendapatan), "  ")
    return [(d.code, d.line, d.column, d.path) for d in load_text(teks, "x.yaml").diagnostics]


def _p(v: Decimal | None) -> str:
    return persen(v, 2, "half-up")


# ------------------------------------------------------------------ the example


def test_contoh_pendapatan_angka_dihitung_dengan_tangan() -> None:
    loaded = load(str(CONTOH))
    assert loaded.report is not None and loaded.diagnostics == ()
    hp = hitung(loaded.report).pendapatan
    assert hp is not None
    akun = {a.kode: a for a in hp.semua}
    # Pajak Daerah: 2,5 + 4 + 12 + 6,5 miliar target; 2,7125 + 3,86 + 12,3 + 5,98 realisasi
    assert akun["4.1.01"].target.nilai == Decimal("25000000000")
    assert akun["4.1.01"].realisasi.nilai == Decimal("24852500000")
    # PAD = Pajak Daerah + Retribusi Daerah (1,2 + 0,8 miliar; 1,146 + 0,852 miliar)
    assert akun["4.1"].target.nilai == Decimal("27000000000")
    assert akun["4.1"].realisasi.nilai == Decimal("26850500000")
    # Pajak Hotel: 2.712,5 / 2.500 x 100 = 108,5, above 100 and not capped
    assert akun["4.1.01.06"].capaian.nilai == Decimal("108.5")
    assert akun["4.1.01.06"].selisih.nilai == Decimal("212500000")  # lebih
    assert akun["4.1.01.16"].selisih.nilai == Decimal("-520000000")  # 5,98 - 6,5 miliar
    # growth: (2.712,5 - 2.170) / 2.170 x 100 = 542,5 / 2.170 x 100 = 25
    assert akun["4.1.01.06"].pertumbuhan is not None
    assert akun["4.1.01.06"].pertumbuhan.nilai == Decimal("25")
    # shares of the Jumlah (26.850,5 million): 2.712,5 -> 10,1022; 12.300 -> 45,8092
    assert _p(akun["4.1.01.06"].porsi.nilai) == "10,10"
    assert _p(akun["4.1.01.15"].porsi.nilai) == "45,81"
    assert _p(akun["4.1.02"].porsi.nilai) == "7,44"  # 1.998 / 26.850,5 x 100 = 7,4412
    # the Jumlah: 26.850,5 / 27.000 x 100 = 99,4463; (26.850,5 - 25.000) / 25.000 = 7,402%
    assert _p(hp.jumlah.capaian.nilai) == "99,45"
    assert hp.jumlah.selisih.nilai == Decimal("-149500000")
    assert hp.jumlah.pertumbuhan is not None
    assert hp.jumlah.pertumbuhan.nilai == Decimal("7.402")
    assert _p(akun["4.1.01.16"].pertumbuhan.nilai if akun["4.1.01.16"].pertumbuhan
              else None) == "-1,97"  # -120 / 6.100 x 100 = -1,9672


def test_contoh_pendapatan_check_bersih() -> None:
    loaded = load(str(CONTOH))
    assert loaded.report is not None
    found = audit(hitung(loaded.report)).temuan
    assert len(found) == 42
    assert [t for t in found if t.tingkat is not Tingkat.COCOK] == []


def test_tabel_3_14_seperti_dicetak() -> None:
    loaded = load(str(CONTOH))
    assert loaded.report is not None
    h = hitung(loaded.report)
    (t,) = BUILDERS["3.14"](h)
    assert t.caption == "Tabel III.9 Target dan Realisasi Pendapatan Tahun 2023"
    assert [k.judul for k in t.kolom] == [
        "Kode Rekening", "Uraian", "Target (Rp)", "Realisasi (Rp)", "Capaian (%)",
        "Lebih/(Kurang) (Rp)", "Porsi (%)", "Realisasi 2022 (Rp)", "Pertumbuhan (%)"]
    rows = [[format_sel(s, h.laporan.aturan) for s in b.sel] for b in t.baris]
    assert rows[2] == ["4.1.01.06", "Pajak Hotel", "2.500.000.000", "2.712.500.000", "108,50",
                       "212.500.000", "10,10", "2.170.000.000", "25,00"]
    assert rows[-1] == ["", "Jumlah", "27.000.000.000", "26.850.500.000", "99,45",
                        "(149.500.000)", "100,00", "25.000.000.000", "7,40"]
    assert [b.tingkat for b in t.baris] == [0, 1, 2, 2, 2, 2, 1, 2, 2, 0]
    assert t.sumber.startswith("Laporan Realisasi Anggaran")


def test_kalimat_bab_iii() -> None:
    r = CliRunner().invoke(app, ["render", str(CONTOH), "--bab", "3"])
    assert r.exit_code == 0, r.output
    assert ("Realisasi pendapatan Bapenda tahun 2023 sebesar Rp26.850.500.000 dari target "
            "Rp27.000.000.000, atau capaian 99,45%: kurang Rp149.500.000 dari target. "
            "Dibandingkan realisasi tahun 2022 sebesar Rp25.000.000.000, pendapatan tumbuh "
            "7,40%.") in r.output
    assert "### 3. Target dan Realisasi Pendapatan" in r.output


def test_explain_akun_dan_jumlah() -> None:
    r = CliRunner().invoke(app, ["explain", str(CONTOH), "4.1.02"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert lines[0] == "4.1.02 — Retribusi Daerah (akun pendapatan)"
    assert "  hitungan : Rp1.200.000.000 + Rp800.000.000 = Rp2.000.000.000" in lines
    assert any(x.startswith("             target 4.1.02.02 = Rp800.000.000 (")
               and ":104:23" in x for x in lines)
    r = CliRunner().invoke(app, ["explain", str(CONTOH), "pendapatan"])
    assert r.exit_code == 0 and r.output.startswith("Jumlah pendapatan\n")


def test_kekurangan_dalam_kurung() -> None:
    """A shortfall printed in parentheses reads as negative, and prints so in the table and
    the workbook's number format."""
    from lkjip_cli.source.numbers import NumberError, parse_number

    assert parse_number("(149.500.000)") == Decimal("-149500000")
    assert parse_number("(Rp1.250.000)") == Decimal("-1250000")
    for salah in ("(-5)", "((5))", "(5", "()"):
        try:
            parse_number(salah)
        except NumberError:
            continue
        raise AssertionError(salah)
    assert rupiah(Decimal("-149500000"), awalan=False, kurung=True) == "(149.500.000)"
    assert rupiah(Decimal("212500000"), awalan=False, kurung=True) == "212.500.000"


# ------------------------------------------------------------------ small trees

SATU = """\
akun:
  - kode: "4.1.04.16"
    uraian: Pendapatan BLUD
    target: 10.000.000.000
    realisasi: 11.250.000.000
"""


def test_capaian_di_atas_100_tidak_dibatasi_dan_bukan_temuan() -> None:
    """Revenue above target is good: a report capping indicators at 100 (batas_atas for
    display and averages) still prints 112,50 for revenue, and check accepts it."""
    h = _hasil(SATU + 'dilaporkan: {capaian: {"3.14": "112,50"}}\n',
               "aturan: {batas_atas: {nilai: 100, berlaku: [rata-rata, tampilan]}}\n")
    assert h.pendapatan is not None
    assert h.pendapatan.jumlah.capaian.nilai == Decimal("112.5")  # 11,25 / 10 x 100
    (t,) = BUILDERS["3.14"](h)
    assert format_sel(t.baris[0].sel[4], h.laporan.aturan) == "112,50"
    assert [x.tingkat for x in audit(h).temuan] == [Tingkat.COCOK]


def test_tanpa_realisasi_tahun_lalu_tanpa_kolom_pertumbuhan() -> None:
    h = _hasil(SATU)
    (t,) = BUILDERS["3.14"](h)
    assert [k.judul for k in t.kolom][-1] == "Lebih/(Kurang) (Rp)"
    assert rupiah(h.pendapatan.jumlah.selisih.nilai if h.pendapatan else None) == \
        "Rp1.250.000.000"  # 11,25 - 10 miliar


def test_pertumbuhan_dari_nol_tidak_dapat_dihitung() -> None:
    h = _hasil(SATU + "    realisasi_sebelumnya: 0\n")
    assert h.pendapatan is not None and h.pendapatan.jumlah.pertumbuhan is not None
    assert h.pendapatan.jumlah.pertumbuhan.nilai is None
    assert h.pendapatan.jumlah.pertumbuhan.alasan == "realisasi tahun lalu bernilai 0"


def test_target_nol_capaian_tidak_dapat_dihitung() -> None:
    h = _hasil(SATU.replace("10.000.000.000", "0"))
    assert h.pendapatan is not None and h.pendapatan.jumlah.capaian.nilai is None


def test_baris_lain_masuk_jumlah() -> None:
    """A Jumlah continued from another page: 10 + 2,5 miliar target, 11,25 + 2 realisasi."""
    h = _hasil(SATU + "baris_lain: {target: 2.500.000.000, realisasi: 2.000.000.000, "
               "keterangan: halaman 30}\n"
               'dilaporkan: {target: {"3.14": 12.500.000.000}, '
               'capaian: {"3.14": "106,00"}}\n')  # 13,25 / 12,5 x 100
    assert h.pendapatan is not None
    assert h.pendapatan.jumlah.realisasi.nilai == Decimal("13250000000")
    assert [x.tingkat for x in audit(h).temuan] == [Tingkat.COCOK, Tingkat.COCOK]
    (t,) = BUILDERS["3.14"](h)
    assert any("halaman 30" in c for c in t.catatan)


POHON = """\
akun:
  - kode: "4.1"
    uraian: Pendapatan Asli Daerah
    rincian:
      - {kode: "4.1.02", uraian: Retribusi Daerah, target: 600, realisasi: 660}
      - {kode: "4.1.04", uraian: Lain-lain PAD yang Sah, target: 400, realisasi: 300}
"""


def test_temuan_dan_sebabnya() -> None:
    """Printed figures gone wrong the ways reports get them wrong, each named."""
    h = _hasil(POHON.replace(
        "    rincian:\n",
        '    dilaporkan: {target: {"3.14": 600}, porsi: {"3.14": "100,00"}}\n    rincian:\n')
        .replace("target: 600, realisasi: 660}",
                 'target: 600, realisasi: 660, dilaporkan: {capaian: {"3.14": "100,00"}, '
                 'porsi: {"3.14": "68,75"}}}')
        .replace("target: 400, realisasi: 300}",
                 'target: 400, realisasi: 300, dilaporkan: {selisih: {"3.14": 100}}}'))
    found = {(t.lokasi, t.kolom): t for t in audit(h).temuan}
    # 4.1's target left out Lain-lain PAD: 600 instead of 600 + 400
    assert found[("4.1", "Target (Rp)")].tingkat is Tingkat.SELISIH
    assert "jumlah tanpa akun 4.1.04" in found[("4.1", "Target (Rp)")].keterangan
    # 660 / 600 x 100 = 110, printed capped at 100
    assert "dibatasi 100" in found[("4.1.02", "Capaian (%)")].keterangan
    # 300 - 400 = -100 printed as 100
    assert "tanda terbalik" in found[("4.1.04", "Lebih/(Kurang) (Rp)")].keterangan
    # share: 660 / 960 x 100 = 68,75 is right; the top account's share is 100
    assert found[("4.1.02", "Porsi (%)")].tingkat is Tingkat.COCOK
    assert found[("4.1", "Porsi (%)")].tingkat is Tingkat.COCOK


def test_porsi_terhadap_induk_dikenali() -> None:
    """A share printed against the account's parent instead of the Jumlah is named."""
    h = _hasil("""\
akun:
  - kode: "4.1"
    uraian: PAD
    rincian:
      - kode: "4.1.02"
        uraian: Retribusi Daerah
        rincian:
          - {kode: "4.1.02.01", uraian: Jasa Umum, target: 500, realisasi: 440,
             dilaporkan: {porsi: {"3.14": "80,00"}}}
          - {kode: "4.1.02.02", uraian: Jasa Usaha, target: 100, realisasi: 110}
      - {kode: "4.1.04", uraian: Lain-lain PAD yang Sah, target: 400, realisasi: 450}
""")
    # 440 / (440 + 110 + 450 = 1.000) x 100 = 44; printed 80 = 440 / 550 x 100 (its parent)
    (t,) = [x for x in audit(h).temuan if x.lokasi == "4.1.02.01"]
    assert t.tingkat is Tingkat.SELISIH
    assert "akun induknya 4.1.02" in t.keterangan


def test_galat_pohon_pendapatan_berposisi() -> None:
    assert _diag("""\
akun:
  - kode: "4.1"
    uraian: PAD
    target: 1000
    rincian:
      - {kode: "4.1.02", uraian: Retribusi, target: 600}
      - {kode: "4.1.02", uraian: Retribusi lagi, target: 1, realisasi: 1}
""") == [
        ("pendapatan-di-atas-daun", 13, 15, "pendapatan.akun[0].target"),
        ("missing", 15, 11, "pendapatan.akun[0].rincian[0].realisasi"),
        ("duplicate-kode", 16, 18, "pendapatan.akun[0].rincian[1].kode"),
    ]


def test_kode_di_bawah_induk_yang_salah_diperingatkan() -> None:
    teks = KEPALA + "pendapatan:\n" + textwrap.indent(textwrap.dedent("""\
akun:
  - kode: "4.1"
    uraian: PAD
    rincian:
      - {kode: "4.2.01", uraian: Dana Bagi Hasil, target: 1, realisasi: 1}
"""), "  ")
    result = load_text(teks, "x.yaml")
    assert result.report is not None  # a warning: the file still loads
    assert [(d.code, d.severity.value) for d in result.diagnostics] == [
        ("pendapatan-kode", "warning")]


def test_kolom_pilihan_laporan() -> None:
    h = _hasil(SATU.replace("akun:", "kolom: [porsi]\nakun:"))
    (t,) = BUILDERS["3.14"](h)
    assert [k.judul for k in t.kolom][-1] == "Porsi (%)"
    assert any(c.startswith("Porsi = realisasi akun") for c in t.catatan)


def test_init_dari_membawa_pohon_pendapatan() -> None:
    """Next year's starter keeps the accounts, blanks the leaves' money and moves this
    year's realisasi to last year's (Pajak Hotel 2.712.500.000), without printed figures."""
    from lkjip_cli.model.kerangka import kerangka_lanjutan

    loaded = load(str(CONTOH))
    assert loaded.report is not None
    lanjut = load_text(kerangka_lanjutan(loaded.report, "contoh-pendapatan-2023.yaml"))
    assert lanjut.report is not None and lanjut.report.pendapatan is not None
    hotel = lanjut.report.pendapatan.akun[0].rincian[0].rincian[0]
    assert (hotel.kode, hotel.target, hotel.realisasi_sebelumnya) == (
        "4.1.01.06", Decimal(0), Decimal("2712500000"))
    assert hotel.dilaporkan.capaian == {} and lanjut.report.pendapatan.sumber_data is None


def test_buku_isian_induk_tidak_dikenal(tmp_path: Path) -> None:
    """A workbook row naming a parent account that no earlier row has: one diagnostic at its
    cell, with the nearest kode, and no report."""
    import openpyxl

    from lkjip_cli.buku.impor import impor
    from lkjip_cli.buku.tulis import buku_data, simpan

    loaded = load(str(CONTOH))
    assert loaded.report is not None
    path = tmp_path / "isian.xlsx"
    path.write_bytes(simpan(buku_data(loaded.report)))
    wb = openpyxl.load_workbook(path)
    ws = wb["Pendapatan"]
    assert (ws["A4"].value, ws["B4"].value) == ("4.1.01.06", "4.1.01")
    ws["B4"] = "4.1.10"
    wb.save(path)
    hasil = impor(path)
    assert hasil.laporan is None
    assert [(d.code, d.sheet, d.cell, d.message) for d in hasil.diagnostics] == [
        ("unknown-ref", "Pendapatan", "B4",
         "tidak ada akun pendapatan berkode `4.1.10`; maksudnya `4.1.01`?")]


def test_ikhtisar_menyebut_pendapatan() -> None:
    r = CliRunner().invoke(app, ["render", str(CONTOH), "--bab", "ikhtisar"])
    assert r.exit_code == 0, r.output
    assert "Realisasi pendapatan Bapenda tahun 2023 sebesar Rp26.850.500.000" in r.output
    r = CliRunner().invoke(app, ["render", str(ROOT / "data" / "contoh-2023.yaml"), "--bab",
                                 "ikhtisar"])
    assert r.exit_code == 0 and "Realisasi pendapatan" not in r.output
