"""Months and quarters given side by side agree (`bulanan-triwulan`): a budget leaf's
`realisasi_bulanan` against its `realisasi_triwulan` (money: the sum of the quarter's three
months), an indicator's `bulanan` against its `triwulan` by its `rekap_triwulan` rule (the
quarter's last month, the sum, or the mean), at any level of the cascade. Each expected
figure is worked by hand beside it."""

from __future__ import annotations

import textwrap

from lkjip_cli.loader import load_text

AWAL = textwrap.dedent(
    """\
    instansi: {nama: Dinas Contoh (rekaan)}
    tahun: 2023
    renstra: {mulai: 2021, selesai: 2026}
    sasaran:
      - kode: SS1
        nama: Sasaran satu
        indikator:
          - kode: IKU1
            nama: Persentase layanan selesai
            satuan: "%"
            target: 50
            bulanan:
              - {realisasi: 10}
              - {realisasi: 20}
              - {realisasi: 30}
              - {realisasi: 35}
              - {realisasi: 40}
              - {realisasi: 45}
            triwulan:
              - {target: 25, realisasi: 30}
              - {target: 50, realisasi: 40}
    program:
      - kode: P1
        nama: Program satu
        mendukung: [IKU1]
        kegiatan:
          - kode: K1
            nama: Kegiatan satu
            pagu: 500000000
            realisasi_bulanan: [10000000, 20000000, 30000000, 40000000, 50000000, 60000000]
            realisasi_triwulan: [60000000, 140000000]
    """)


def peringatan(teks: str) -> list[tuple[str, str]]:
    result = load_text(teks, "contoh.yaml")
    return [(d.path, d.message) for d in result.diagnostics if d.code == "bulanan-triwulan"]


def test_a_leafs_quarter_is_the_sum_of_its_months() -> None:
    # TW I: 10 + 20 + 30 = 60 juta, as given; TW II: 40 + 50 + 60 = 150 juta, given 140
    # IKU1 (terakhir): TW I = March's 30, as given; TW II = June's 45, given 40
    assert peringatan(AWAL) == [
        ("sasaran[0].indikator[0].triwulan[1].realisasi",
         "realisasi triwulan 2 40 berbeda dengan rekap bulan 4-6 45 (rekap_triwulan: "
         "terakhir, nilai bulan terakhir triwulan itu)"),
        ("program[0].kegiatan[0].realisasi_triwulan[1]",
         "realisasi triwulan 2 Rp140.000.000 berbeda dengan rekap bulan 4-6 Rp150.000.000 "
         "(jumlah ketiga bulan)"),
    ]
    result = load_text(AWAL, "contoh.yaml")
    [d] = [d for d in result.diagnostics if d.path.endswith("realisasi_triwulan[1]")]
    baris = next(n for n, line in enumerate(AWAL.splitlines(), 1)
                 if "realisasi_triwulan:" in line)
    assert d.severity.value == "warning" and d.line == baris  # at the leaf's quarters


def test_agreeing_months_and_quarters_warn_nothing() -> None:
    teks = AWAL.replace("{target: 50, realisasi: 40}", "{target: 50, realisasi: 45}")
    teks = teks.replace("[60000000, 140000000]", "[60000000, 150000000]")
    assert peringatan(teks) == []


def test_a_quarter_whose_months_the_file_does_not_reach_is_not_compared() -> None:
    # five months: June is missing, so TW II (given 140 juta) is not judged against 90
    teks = AWAL.replace(", 60000000]\n", "]\n").replace(
        "      - {realisasi: 45}\n", "")
    assert peringatan(teks) == []


def test_a_summed_node_indicator_and_a_mean_use_their_rules() -> None:
    # IKK1 (jumlah): TW I = 1 + 2 + 3 = 6, given 7; target months 2 + 2 + 2 = 6, given 6
    # IKK2 (rata-rata): TW I = (3 + 4 + 5) / 3 = 4, given 4: no warning
    teks = AWAL + textwrap.indent(textwrap.dedent(
        """\
        indikator:
          - kode: IKK1
            nama: Jumlah dokumen
            satuan: dokumen
            rekap_triwulan: jumlah
            bulanan:
              - {target: 2, realisasi: 1}
              - {target: 2, realisasi: 2}
              - {target: 2, realisasi: 3}
            triwulan:
              - {target: 6, realisasi: 7}
          - kode: IKK2
            nama: Indeks layanan rata-rata
            satuan: indeks
            rekap_triwulan: rata-rata
            bulanan: [{realisasi: 3}, {realisasi: 4}, {realisasi: 5}]
            triwulan: [{realisasi: 4}]
        """), " " * 8)
    got = peringatan(teks)
    assert ("program[0].kegiatan[0].indikator[0].triwulan[0].realisasi",
            "realisasi triwulan 1 7 berbeda dengan rekap bulan 1-3 6 (jumlah ketiga bulan)") \
        in got
    assert not any("indikator[1]" in p or p.endswith("triwulan[0].target") for p, _ in got)
    assert len(got) == 3  # IKU1's TW II, the leaf's TW II, IKK1's TW I
