"""data/contoh-2023.yaml, the invented 2021+ example: it validates, computes, checks clean and
renders its sub kegiatan tree and Permendagri 77/2020 classes under its own Roman numbering,
as an interim report up to Triwulan II.

The golden file tests/golden/contoh-2023.md is the whole `lkjip render`; it was read by eye
against the hand-worked figures in the data file's comments when it was written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from snapshot import assert_matches_golden

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load
from lkjip_cli.render.markdown.templat import render_markdown

ROOT = Path(__file__).resolve().parent.parent
CONTOH = ROOT / "data" / "contoh-2023.yaml"
D = Decimal


def _hasil() -> Hasil:
    loaded = load(CONTOH)
    assert loaded.diagnostics == ()
    assert loaded.report is not None
    return hitung(loaded.report)


def test_marked_as_invented() -> None:
    text = CONTOH.read_text(encoding="utf-8")
    assert "CONTOH REKAAN, BUKAN LAPORAN INSTANSI NYATA" in text
    assert "(contoh rekaan)" in text


def test_checks_clean() -> None:
    a = audit(_hasil())
    assert len(a.temuan) >= 38
    assert [t for t in a.temuan if t.tingkat is not Tingkat.COCOK] == []
    assert {t.tabel for t in a.temuan} >= {"Tabel II.3", "Tabel III.4", "Tabel III.12"}


def test_key_figures() -> None:
    h = _hasil()
    assert h.laporan.periode is not None and h.laporan.periode.sampai == "TW2"
    # s.d. TW II: (2 x 120 - 105) / 120 x 100 = 112,5; 47 inside the TW II range 45-50: 100;
    # 80 / 80 x 100 = 100.
    assert [i.capaian.nilai for i in h.indikator] == [D("112.5"), D(100), D(100)]
    # (112,5 + 100 + 100) / 3 = 104,1666...
    assert round(h.rata_rata_capaian.nilai or 0, 2) == D("104.17")
    b = h.belanja_tahun_ini
    assert b is not None and b.perubahan_pagu is not None
    # 4.000.000.000 - (2.600 + 650 + 900 juta) = -150.000.000.
    assert b.perubahan_pagu.nilai == D(-150_000_000)
    assert h.kedalaman_anggaran == 3
    # RPD s.d. TW II: 250 + 100 + 200 + 1.300 juta = 1.850 juta; 1.770 / 1.850 x 100 = 95,68.
    semua = h.anggaran_program
    assert semua is not None and semua.rpd is not None and semua.penyerapan_rpd is not None
    assert semua.rpd.nilai == D(1_850_000_000)
    assert round(semua.penyerapan_rpd.nilai or 0, 2) == D("95.68")


def test_renders_the_tree_and_the_classes() -> None:
    md = render_markdown(_hasil(), sumber="data/contoh-2023.yaml")
    assert "**Tabel III.12** Realisasi Anggaran Per Program, Kegiatan dan Sub Kegiatan" in md
    assert "| 1.02.02.2.01.0014 | &nbsp;&nbsp;&nbsp;&nbsp;Pengadaan Alat Kesehatan" in md
    assert "| 1 | Belanja Operasi | 3.250.000.000 | -50.000.000 | 3.200.000.000 |" in md
    assert "Tahun Anggaran 2023 s.d. Triwulan II" in md
    assert "| RPD s.d. Triwulan II (Rp) | % terhadap RPD |" in md
    assert "Belanja Langsung" not in md
    assert_matches_golden("contoh-2023.md", md, "lkjip render data/contoh-2023.yaml")
