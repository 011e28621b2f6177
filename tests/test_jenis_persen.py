"""The share rule where it holds (issue 22, class 8): a percentage above 100 is an error only
for a share of a whole, declared (`jenis_persen: bagian`, or the older `persen_maks_100:
true`) or named as one; an Angka Partisipasi Kasar of 107,12% (BPS: "Nilai APK bisa lebih
dari 100 persen") or a growth rate passes, and the finding says how to declare the kind in
the YAML and in the workbook."""

from __future__ import annotations

import textwrap

import pytest

from lkjip_cli.audit.konsistensi import persen_mustahil
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.model.persen import jenis_efektif


def laporan(indikator: str) -> str:
    return textwrap.dedent(
        """\
        instansi: {nama: Dinas Pendidikan (rekaan)}
        tahun: 2023
        renstra: {mulai: 2021, selesai: 2026}
        sasaran:
          - kode: SS1
            nama: Meningkatnya akses pendidikan
            indikator:
        """) + textwrap.indent(textwrap.dedent(indikator), "      ")


@pytest.mark.parametrize(("nama", "jenis", "maks", "expected"), [
    ("Persentase data kepegawaian yang terupdate", None, None, ("bagian", False)),
    ("Cakupan pelayanan kesehatan dasar", None, None, ("bagian", False)),
    ("Tingkat pengangguran terbuka", None, None, ("bagian", False)),
    ("Angka Partisipasi Kasar SD", None, None, (None, False)),
    ("Persentase kenaikan PAD", None, None, (None, False)),
    ("Persentase realisasi PAD terhadap target", None, None, (None, False)),
    ("Indeks Kepuasan Masyarakat", None, None, (None, False)),
    ("Angka Partisipasi Kasar SD", "bagian", None, ("bagian", True)),
    ("Persentase apa pun", None, False, ("rasio", True)),
    ("Angka apa pun", None, True, ("bagian", True)),
])
def test_the_kind_is_declared_or_read_from_the_name(
        nama: str, jenis: str | None, maks: bool | None,
        expected: tuple[str | None, bool]) -> None:
    assert jenis_efektif(nama, jenis, maks) == expected  # type: ignore[arg-type]


def test_an_apk_above_100_is_no_finding_and_a_share_is() -> None:
    text = laporan("""\
        - {kode: APK, nama: Angka Partisipasi Kasar SD, satuan: "%", target: 105,
           realisasi: 107.12}
        - {kode: APM, nama: Persentase anak usia SD yang bersekolah, satuan: "%", target: 95,
           realisasi: 101}
        - {kode: X, nama: Angka melek huruf, satuan: "%", target: 95, realisasi: 102,
           jenis_persen: bagian}
        """)
    report = load_text(text).report
    assert report is not None
    found = list(persen_mustahil(hitung(report)))
    assert [(t.lokasi, t.kolom) for t in found] == [("APM", "Realisasi"), ("X", "Realisasi")]
    named, declared = found
    assert "dari namanya tampak sebagai bagian" in named.keterangan
    assert "dinyatakan bagian" in declared.keterangan
    for t in found:
        assert "kolom 'Jenis persen' di lembar Indikator dengan rasio" in t.keterangan
        assert "(di YAML: jenis_persen: rasio)" in t.keterangan


def test_the_older_key_contradicting_the_new_one_is_refused() -> None:
    loaded = load_text(laporan("""\
        - {kode: APK, nama: Angka Partisipasi Kasar SD, satuan: "%", target: 105,
           realisasi: 107.12, jenis_persen: rasio, persen_maks_100: true}
        """))
    (d,) = loaded.diagnostics
    assert d.code == "jenis-persen" and d.path == "sasaran[0].indikator[0].persen_maks_100"
    assert loaded.report is None


def test_a_kegiatan_indicator_names_its_own_sheet() -> None:
    text = laporan("""\
        - {kode: IKU1, nama: Indikator, satuan: "%", target: 80, realisasi: 84}
        """) + textwrap.dedent("""\
        program:
          - kode: P1
            nama: Program
            kegiatan:
              - {kode: K1, nama: Kegiatan, pagu: 100, realisasi: 90,
                 indikator: [{kode: K1-1, nama: Persentase sekolah terakreditasi, satuan: "%",
                              target: 90, realisasi: 102}]}
        """)
    report = load_text(text).report
    assert report is not None
    (t,) = persen_mustahil(hitung(report))
    assert "di lembar Indikator Kegiatan" in t.keterangan
