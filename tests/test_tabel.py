"""The table models behind `compute` and `render`: rules the report declares change what the
tables show. Small inline reports; expected figures worked by hand."""

from __future__ import annotations

import textwrap

from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.model.laporan import Aturan
from lkjip_cli.tabel import Tabel, bangun, format_sel

LAPORAN = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh}
    tahun: 2020
    renstra: {mulai: 2019, selesai: 2023}
    aturan:
      ATURAN
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Indikator naik
            satuan: "%"
            target: 20
            realisasi: 100
            triwulan: [{target: 10, realisasi: 50}, {target: 20, realisasi: 100}]
          - kode: IKU2
            nama: Indikator turun
            satuan: hari
            polaritas: negatif
            rumus_negatif: (2T-R)/T
            target: 10
            realisasi: 8
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - {kode: K1, nama: Kegiatan satu, pagu: 1000, realisasi: 950, mendukung: [IKU1, IKU2]}
    belanja:
      - tahun: 2020
        tidak_langsung: {pagu: 1000, realisasi: 800}
    """
)


def tables(aturan: str, nomor: str) -> list[Tabel]:
    result = load_text(LAPORAN.replace("ATURAN", aturan))
    assert result.report is not None, result.diagnostics
    return bangun(hitung(result.report), [nomor])


#: Default rules (2 places, half-up) for formatting cells in the assertions.
BAKU = Aturan()


def column(t: Tabel, judul: str) -> list[str]:
    i = [k.judul for k in t.kolom].index(judul)
    return [format_sel(b.sel[i], BAKU) for b in t.baris]


def test_display_cap_shows_capped_capaian() -> None:
    # IKU1: 100 / 20 x 100 = 500, shown as 120 when the report caps capaian on display.
    t = tables("batas_atas: {nilai: 120, berlaku: [tampilan]}", "3.5")[0]
    assert column(t, "Capaian (%)")[0] == "120,00"
    assert "Capaian ditampilkan paling tinggi 120." in t.catatan[0]


def test_cap_on_averages_only_leaves_display_alone() -> None:
    t = tables("batas_atas: {nilai: 120, berlaku: [rata-rata]}", "3.5")[0]
    assert column(t, "Capaian (%)")[0] == "500,00"


def test_footnote_names_the_negative_formula_each_indicator_used() -> None:
    # The report's rule says T/R; IKU2 overrides it with (2T-R)/T: (20 - 8) / 10 = 120.
    t = tables("rumus_negatif: T/R", "3.5")[0]
    assert column(t, "Capaian (%)")[1] == "120,00"
    assert "capaian negatif = (2T - R) / T x 100" in t.catatan[0]
    assert "T / R" not in t.catatan[0]


def test_nominal_efficiency_is_rupiah() -> None:
    # Sasaran SS1: pagu 1.000 - realisasi 950 = Rp50, not "50,00" percent.
    t = tables("efisiensi: {sasaran: nominal}", "3.10")[0]
    assert t.kolom[-1].judul == "Tingkat Efisiensi (Rp)"
    assert column(t, "Tingkat Efisiensi (Rp)") == ["50"]


def test_yearly_efficiency_by_remaining_budget() -> None:
    # 2020: total 1.000 + 1.000 = 2.000, realisasi 950 + 800 = 1.750: 87,5%, so 12,50 points.
    t = tables("efisiensi: {tahunan: sisa-anggaran}", "3.11")[0]
    assert column(t, "Efisiensi (poin)") == ["12,50"]
    assert column(t, "%") == ["87,50"]


def test_indicator_without_quarters_keeps_its_row_in_tabel_3_4() -> None:
    t = tables("{}", "3.4")[0]
    rows = [[format_sel(s, BAKU) for s in b.sel] for b in t.baris]
    assert [r[2] for r in rows] == ["Indikator naik", "", "Indikator turun"]
    assert rows[0][:2] == ["1", "Sasaran satu"]
    # issue 21 point 9: its annual row, (2 x 10 - 8) / 10 x 100 = 120 (negative polarity)
    assert rows[2][4:] == ["10", "Tahunan", "10", "8", "120,00"]
    assert rows[0][8] == "500,00"  # TW I: 50 / 10 x 100
