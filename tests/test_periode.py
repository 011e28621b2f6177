"""Interim reports (s.d. Triwulan II) and monthly values: capaian against the period's
cumulative target, penyerapan against the RPD, quarters derived from months. Every figure
worked by hand beside it."""

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

TW2 = textwrap.dedent(
    """\
    instansi: {nama: Badan Contoh (rekaan)}
    tahun: 2023
    periode: {sampai: TW2}
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Jumlah layanan (kumulatif)
            satuan: layanan
            target: 80
            triwulan:
              - {target: 20, realisasi: 18}
              - {target: 40, realisasi: 42}
              - {target: 60}
              - {target: 80}
            dilaporkan:
              capaian: {"3.5": 105}
          - kode: IKU2
            nama: Jumlah kunjungan per bulan
            satuan: kunjungan
            rekap_triwulan: jumlah
            target: 120
            bulanan:
              - {target: 10, realisasi: 9}
              - {target: 10, realisasi: 11}
              - {target: 10, realisasi: 10}
              - {target: 10, realisasi: 12}
              - {target: 10, realisasi: 10}
              - {target: 10, realisasi: 8, dilaporkan: {capaian: {"3.4": 80}}}
              - {target: 10}
              - {target: 10}
              - {target: 10}
              - {target: 10}
              - {target: 10}
              - {target: 10}
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - kode: K1
            nama: Kegiatan satu
            pagu: 1.000.000.000
            realisasi: 300.000.000
            rpd: 400.000.000
            mendukung: [IKU1, IKU2]
            dilaporkan:
              penyerapan_rpd: {"3.13": "75,00"}
    """
)


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


def test_capaian_against_the_periods_cumulative_target() -> None:
    iku1, _ = hasil(TW2).indikator
    # s.d. TW II, cumulative: target 40 and realisasi 42 of TW II; 42 / 40 x 100 = 105.
    assert (iku1.target_periode, iku1.realisasi_periode) == (D(40), D(42))
    assert iku1.capaian.nilai == D(105)
    assert "periode s.d. Triwulan II (rekap_triwulan=terakhir)" in iku1.capaian.aturan
    assert iku1.target == D(80)  # the year's target is kept


def test_monthly_values_roll_up_to_the_period_and_to_quarters() -> None:
    _, iku2 = hasil(TW2).indikator
    # Sum of January-June: realisasi 9+11+10+12+10+8 = 60, target 6 x 10 = 60: 100.
    assert (iku2.target_periode, iku2.realisasi_periode) == (D(60), D(60))
    assert iku2.capaian.nilai == D(100)
    # Quarters from months: TW I 9+11+10 = 30, TW II 12+10+8 = 30; TW III, IV no realisasi.
    assert [tw.realisasi for tw in iku2.triwulan] == [D(30), D(30), None, None]
    assert [tw.target for tw in iku2.triwulan] == [D(30)] * 4
    # The year's roll-up is over the months: realisasi 60 so far, target 12 x 10 = 120.
    assert iku2.rekap_realisasi.nilai == D(60)
    assert iku2.rekap_target.nilai == D(120)
    assert iku2.rekap_realisasi.rumus == "realisasi tahunan = jumlah bulan"
    # June alone: 8 / 10 x 100 = 80.
    assert iku2.bulanan[5].capaian.nilai == D(80)


def test_monthly_average_is_over_the_months() -> None:
    text = TW2.replace("rekap_triwulan: jumlah", "rekap_triwulan: rata-rata").replace(
        "target: 120", "target: 10")
    _, iku2 = hasil(text).indikator
    # (9 + 11 + 10 + 12 + 10 + 8) / 6 = 10, not the mean of quarter means.
    assert iku2.rekap_realisasi.nilai == D(10)
    assert iku2.capaian.nilai == D(100)


def test_penyerapan_against_the_rpd() -> None:
    h = hasil(TW2)
    a = h.program[0].anggaran
    # 300.000.000 / 1.000.000.000 x 100 = 30 against the pagu; / 400.000.000 = 75 against RPD.
    assert a.penyerapan.nilai == D(30)
    assert a.rpd is not None and a.rpd.nilai == D(400_000_000)
    assert a.penyerapan_rpd is not None and a.penyerapan_rpd.nilai == D(75)
    found = [t for t in audit(h).temuan if t.kolom in ("% terhadap RPD", "Capaian (%)")]
    assert {t.tingkat for t in found} == {Tingkat.COCOK}
    assert len(found) == 3  # IKU1, IKU2 June, K1 (kegiatan) printed; program P1 not printed


def test_interim_titles_say_up_to_the_quarter() -> None:
    h = hasil(TW2)
    [t35] = bangun(h, ["3.5"])
    assert t35.judul == ("Perbandingan antara Target dan Realisasi Kinerja s.d. Triwulan II "
                         "Tahun 2023",)
    assert [c.nilai for c in t35.baris[0].sel[3:6]] == [D(40), D(42), D(105)]
    [t313] = bangun(h, ["3.13"])
    assert t313.judul[1] == "s.d. Triwulan II Tahun 2023"
    assert [k.judul for k in t313.kolom][5:7] == ["RPD s.d. Triwulan II (Rp)", "% terhadap RPD"]
    md = render_markdown(h, bab=["3"])
    assert "Sampai dengan Triwulan II tahun 2023, realisasi Sasaran Strategis I" in md
    assert "Tahun Anggaran 2023 s.d. Triwulan II" in md


def test_month_period_and_its_year() -> None:
    text = TW2.replace("periode: {sampai: TW2}", "periode: {sampai: 2023-05}")
    _, iku2 = hasil(text).indikator
    # January-May: 9+11+10+12+10 = 52 of 50: 104.
    assert iku2.capaian.nilai == D(104)
    text = TW2.replace("periode: {sampai: TW2}", "periode: {sampai: 2022-05}")
    [d] = load_text(text).diagnostics
    assert d.code == "periode-tahun"
    text = TW2.replace("periode: {sampai: TW2}", "periode: {sampai: TW5}")
    [d] = load_text(text).diagnostics
    assert d.code == "value"


def test_a_yearly_value_against_its_months_is_warned() -> None:
    text = TW2.replace("target: 120", "target: 100")
    [d] = load_text(text).diagnostics
    # 12 x 10 = 120 months; 100 given.
    assert d.code == "rekap-bulanan" and "120" in d.message
