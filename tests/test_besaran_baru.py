"""Quantities real reports print that the 2020 format had no place for: realisasi as a
percentage of last year's, and efficiency as output over named inputs (BPKP). Each worked by
hand beside its literal."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text

D = Decimal


def hasil(text: str) -> Hasil:
    loaded = load_text(text)
    assert loaded.report is not None, [str(d) for d in loaded.diagnostics]
    return hitung(loaded.report)


PERBANDINGAN = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Indikator satu
            satuan: "%"
            target: 80
            realisasi: 84
            realisasi_sebelumnya: {2022: 70}
            dilaporkan:
              perbandingan_persen: {"3.6": 120, bab3: "20,00"}
    """
)


def test_perbandingan_persen_is_r_over_last_years_r() -> None:
    ind = hasil(PERBANDINGAN).indikator[0]
    # 84 / 70 x 100 = 120 (the relative change would be 20).
    assert ind.perbandingan_persen.nilai == D(120)
    assert ind.perbandingan_persen.rumus == "perbandingan = R / R tahun lalu x 100"
    assert ind.perubahan_persen.nilai == D(20)


def test_perbandingan_printed_as_the_change_is_named() -> None:
    found = {t.tabel: t for t in audit(hasil(PERBANDINGAN)).temuan}
    assert found["Tabel 3.6"].tingkat is Tingkat.COCOK
    assert found["Bab III"].tingkat is Tingkat.SELISIH
    assert "perubahan relatif (R / R lalu - 1) x 100" in found["Bab III"].keterangan


OUTPUT_INPUT = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    aturan:
      efisiensi: {sasaran: output-input}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - {kode: IKU1, nama: Indikator satu, satuan: "%", target: 80, realisasi: 84}
        masukan:
          - nama: Dana
            anggaran: true
            dilaporkan: {capaian: {"3.10": "98,00"}, efisiensi: {"3.10": "107,14"}}
          - nama: SDM
            satuan: orang-hari
            target: 1200
            realisasi: 1000
            dilaporkan: {capaian: {"3.10": "83,33"}, efisiensi: {"3.10": "79,37"}}
        dilaporkan:
          efisiensi: {"3.10": "116,57"}
    program:
      - kode: P1
        nama: Program satu
        kegiatan:
          - {kode: P1.1, nama: Kegiatan satu, pagu: 1000000, realisasi: 980000,
             mendukung: [IKU1]}
    """
)


def test_output_input_efficiency_over_money_and_staff_time() -> None:
    [sas] = hasil(OUTPUT_INPUT).sasaran
    dana, sdm = sas.masukan
    # Output: 84 / 80 x 100 = 105. Dana: 980.000 / 1.000.000 x 100 = 98;
    # 105 / 98 x 100 = 107,142857...
    assert dana.capaian.nilai == D(98)
    assert round(dana.efisiensi.nilai or 0, 2) == D("107.14")
    # SDM, not money: 1.000 / 1.200 orang-hari x 100 = 83,33...; 105 / 83,33... x 100 = 126.
    assert round(sdm.capaian.nilai or 0, 2) == D("83.33")
    assert sdm.efisiensi.nilai == D(126)
    # Sasaran: (107,142857... + 126) / 2 = 116,571428...
    assert round(sas.efisiensi.nilai or 0, 2) == D("116.57")
    assert sas.efisiensi.rumus.startswith("efisiensi = rata-rata per masukan")


def test_output_input_findings_name_an_inverted_ratio() -> None:
    found = {(t.lokasi, t.kolom): t for t in audit(hasil(OUTPUT_INPUT)).temuan}
    assert found[("SS1", "Efisiensi")].tingkat is Tingkat.COCOK
    assert found[("SS1 Dana", "Capaian (%)")].tingkat is Tingkat.COCOK
    # "79,37" is 83,33... / 105 x 100 = 79,365...: the ratio upside down.
    sdm = found[("SS1 SDM", "Efisiensi")]
    assert sdm.tingkat is Tingkat.SELISIH and sdm.dihitung == D(126)
    assert "terbalik: capaian masukan / capaian keluaran x 100" in sdm.keterangan


def test_output_input_table_has_a_row_per_input() -> None:
    from lkjip_cli.tabel import bangun

    [t] = bangun(hasil(OUTPUT_INPUT), ["3.10"])
    assert [b.sel[3].nilai for b in t.baris] == ["Dana", "SDM (orang-hari)", "Rata-rata"]
    assert t.baris[1].sel[5].nilai == D(126)


def test_money_input_takes_no_amounts() -> None:
    text = OUTPUT_INPUT.replace("anggaran: true\n", "anggaran: true\n        target: 5\n")
    [d] = load_text(text).diagnostics
    assert d.code == "value" and "anggaran: true" in d.message
