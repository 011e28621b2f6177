"""Wrong values that were accepted without a word (issue 8, point 7).

Each case is an inline variation of conftest.MINIMAL (line numbers in its docstring); the
CLI cases check the exact diagnostic line (file:line:col, code, path, message) and exit 2.
Figures are worked by hand beside each literal.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL, vary
from typer.testing import CliRunner, Result

from lkjip_cli.audit.konsistensi import persen_mustahil
from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text
from lkjip_cli.source.numbers import NumberError, decimal_from_yaml_text, parse_number

runner = CliRunner()


def validate(tmp_path: Path, text: str) -> tuple[Result, str]:
    path = tmp_path / "laporan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result, str(path)


def errors(text: str) -> list[tuple[int | None, int | None, str, str]]:
    return [(d.line, d.column, d.code, d.path) for d in load_text(text).diagnostics]


#: Line 13 of MINIMAL is `realisasi: 72`; these add line 14 under the indicator.
def sebelumnya(mapping: str, key: str = "realisasi_sebelumnya") -> str:
    return vary(MINIMAL, "realisasi: 72", f"realisasi: 72\n        {key}: {mapping}")


# ---------------------------------------------------------------------- year keys


def test_two_keys_naming_one_year_are_a_duplicate(tmp_path: Path) -> None:
    #          1         2         3         4
    # 1234567890123456789012345678901234567890123
    #         realisasi_sebelumnya: {2019: 5, "2019,0": 6}   key "2019,0" at column 41
    result, path = validate(tmp_path, sebelumnya('{2019: 5, "2019,0": 6}'))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:14:41: error[duplicate-year]: sasaran[0].indikator[0].realisasi_sebelumnya."
        "2019,0: kunci `2019,0` menyebut tahun 2019 lagi (sudah ada `2019`); satu tahun hanya "
        "boleh satu kunci: hapus salah satunya\n")


@pytest.mark.parametrize("other", ['"+2019"', '"2019,00"', '"Rp2019"', "2019.0"])
def test_other_spellings_of_one_year(other: str) -> None:
    found = errors(sebelumnya(f"{{2019: 5, {other}: 6}}", "target_renstra"))
    if other == "2019.0":  # a key is text; English-style, it is refused before it can merge
        assert [c for _, _, c, _ in found] == ["type"]
    else:
        assert [c for _, _, c, _ in found] == ["duplicate-year"]


def test_distinct_years_stay_valid() -> None:
    assert errors(sebelumnya("{2018: 4, 2019: 5}")) == []


@pytest.mark.parametrize(("year", "ok"), [(-5, False), (0, False), (1944, False),
                                          (1945, True), (2200, True), (2201, False),
                                          (99999, False)])
def test_year_keys_bounded(tmp_path: Path, year: int, ok: bool) -> None:
    result, path = validate(tmp_path, sebelumnya(f"{{{year}: 5}}"))
    if ok:
        assert result.exit_code == 0
        return
    assert result.exit_code == 2
    # `        realisasi_sebelumnya: {` is 31 characters: the key starts at column 32.
    assert result.stderr == (
        f"{path}:14:32: error[number-range]: sasaran[0].indikator[0].realisasi_sebelumnya."
        f"{year}: tahun {year} di luar rentang 1945-2200; tulis tahun dengan empat angka, "
        "misalnya 2019\n")


# --------------------------------------------------------------- caps and weights


@pytest.mark.parametrize("nilai", ["-5", "0", '"-0,5"'])
def test_batas_atas_must_be_above_zero(tmp_path: Path, nilai: str) -> None:
    text = vary(MINIMAL, "tahun: 2020", f"tahun: 2020\naturan: {{batas_atas: {{nilai: {nilai}}}}}")
    result, path = validate(tmp_path, text)
    assert result.exit_code == 2
    shown = {"-5": "-5", "0": "0", '"-0,5"': "-0.5"}[nilai]
    # line 4 `aturan: {batas_atas: {nilai: ` is 29 characters: the value is at column 30.
    assert result.stderr == (
        f"{path}:4:30: error[number-range]: aturan.batas_atas.nilai: nilai ini harus lebih "
        f"dari 0, tertulis {shown}; tulis angka positif\n")


def test_small_positive_cap_accepted() -> None:
    assert errors(vary(MINIMAL, "tahun: 2020",
                       'tahun: 2020\naturan: {batas_atas: {nilai: "0,5"}}')) == []


SAKIP = """\
evaluasi_sakip:
  komponen:
    - {kode: A, nama: Perencanaan, bobot: 30}
    - {kode: B, nama: Pengukuran, bobot: 25}
  hasil:
    - tahun: 2019
      nilai: {A: 30, B: 20}
"""  # lines 14 to 20 after MINIMAL; `      nilai: {A: ` puts A's score at column 18


def test_score_up_to_its_weight_is_valid() -> None:
    assert errors(MINIMAL + SAKIP) == []


def test_score_above_its_weight(tmp_path: Path) -> None:
    result, path = validate(tmp_path, MINIMAL + SAKIP.replace("A: 30", "A: 31"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:20:18: error[score-range]: evaluasi_sakip.hasil[0].nilai.A: nilai komponen "
        "`A` 31 melebihi bobotnya 30; nilai sebuah komponen paling tinggi sama dengan "
        "bobotnya: periksa nilai atau bobot\n")


@pytest.mark.parametrize(("old", "new", "where"), [
    ("bobot: 30", "bobot: 0", (16, 43, "evaluasi_sakip.komponen[0].bobot")),
    ("bobot: 25", "bobot: -25", (17, 42, "evaluasi_sakip.komponen[1].bobot")),
    ("B: 20", "B: -1", (20, 25, "evaluasi_sakip.hasil[0].nilai.B")),
])
def test_weights_above_zero_and_scores_not_negative(old: str, new: str,
                                                    where: tuple[int, int, str]) -> None:
    line, column, path = where
    assert errors(MINIMAL + SAKIP.replace(old, new)) == [(line, column, "number-range", path)]


def test_weights_above_100_in_total_refused_under_the_built_in_scale() -> None:
    # 30 + 80 = 110 > 100: a total of 100 would read as AA.
    text = MINIMAL + SAKIP.replace("bobot: 25", "bobot: 80")
    assert errors(text) == [(16, 5, "score-range", "evaluasi_sakip.komponen")]  # the list
    # A report with its own predicate bands may score on another total.
    own = vary(text, "tahun: 2020", "tahun: 2020\naturan:\n  skala_predikat:\n"
               "    - {kode: A, sebutan: Baik, mulai: 0}")
    assert errors(own) == []


# ------------------------------------------------------------------- ASCII digits


@pytest.mark.parametrize(("text", "char"), [
    ("８٤,５", "８"),     # full-width and Arabic-Indic, the issue's example (84,5 before)
    ("٤٥", "٤"),           # Arabic-Indic only
    ("४५", "४"),           # Devanagari
    ("Rp１.０００", "１"),  # inside a rupiah amount
    ("7２", "２"),          # one stray digit among ASCII ones
    ("𝟗𝟎", "𝟗"),          # mathematical bold digits
])
def test_parse_number_refuses_non_ascii_digits(text: str, char: str) -> None:
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert info.value.code == "number-digit"
    assert f"bukan ASCII {char!r}" in info.value.message


@pytest.mark.parametrize("text", ["８４", "٤.٥", "1_٤"])
def test_yaml_int_and_float_tags_refuse_non_ascii_digits(text: str) -> None:
    with pytest.raises(NumberError):
        decimal_from_yaml_text(text)


def test_issue_example_is_positioned(tmp_path: Path) -> None:
    result, path = validate(tmp_path, vary(MINIMAL, "realisasi: 72", 'realisasi: "８٤,５"'))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}:13:20: error[number-digit]: sasaran[0].indikator[0].realisasi: '８٤,５' "
        "memuat angka bukan ASCII '８' (U+FF18 FULLWIDTH DIGIT EIGHT); tulis angka hanya "
        "dengan 0-9\n")


@pytest.mark.parametrize(("old", "new", "code"), [
    ("realisasi: 72", "realisasi: !!int ８٤", "number-digit"),       # explicit YAML tags
    ("realisasi: 72", 'realisasi: !!float "٤.٥"', "number-digit"),
    ("tahun: 2020", 'tahun: "２０２０"', "number-digit"),              # a whole number
    ("realisasi: 72", 'realisasi: 72\n        realisasi_sebelumnya: {"２٠١٩": 5}',
     "number-digit"),                                               # a year key
    ("realisasi: 72", 'realisasi: 72\n        dilaporkan: {capaian: {"３.５": 90}}',
     "unknown-place"),                                              # a place key
])
def test_non_ascii_digits_refused_everywhere(old: str, new: str, code: str) -> None:
    assert [c for _, _, c, _ in errors(vary(MINIMAL, old, new))] == [code]


def test_ascii_numbers_unchanged() -> None:
    assert parse_number("84,5") == Decimal("84.5")
    assert parse_number("Rp1.368.120.592,-") == Decimal(1368120592)
    assert decimal_from_yaml_text("1_000") == Decimal(1000)


# ------------------------------------------------------------- shares below 0


@pytest.mark.parametrize(("target", "realisasi", "flagged"), [
    ("80", "-1", [("Realisasi", Decimal(-1))]),
    ("-5", "72", [("Target", Decimal(-5))]),
    ("{min: -10, maks: 90}", "72", [("Target", Decimal(-10))]),
    ("{min: 10, maks: 101}", "72", [("Target", Decimal(101))]),
    ("0", "100", []),                                 # the bounds themselves are fine
])
def test_share_outside_0_to_100_is_a_finding(target: str, realisasi: str,
                                             flagged: list[tuple[str, Decimal]]) -> None:
    text = vary(vary(MINIMAL, "target: 80", f"target: {target}"), "realisasi: 72",
                f"realisasi: {realisasi}\n        jenis_persen: bagian")
    report = load_text(text).report
    assert report is not None
    found = list(persen_mustahil(hitung(report)))
    assert [(t.kolom, t.dicetak) for t in found] == flagged
    for t in found:
        assert ("di bawah 0%" if t.dicetak is not None and t.dicetak < 0
                else "melebihi 100%") in t.keterangan


def test_share_outside_0_to_100_in_a_triwulan() -> None:
    text = vary(MINIMAL, "realisasi: 72", "realisasi: 72\n        jenis_persen: bagian\n"
                "        triwulan:\n"
                "          - {target: 20, realisasi: -3}\n"
                "          - {target: 40, realisasi: 101}")
    report = load_text(text).report
    assert report is not None
    found = list(persen_mustahil(hitung(report)))
    assert [(t.tabel, t.lokasi, t.kolom, t.dicetak) for t in found] == [
        ("Tabel 3.4", "IKU1 TW 1", "Realisasi", Decimal(-3)),
        ("Tabel 3.4", "IKU1 TW 2", "Realisasi", Decimal(101))]
    assert found[0].path == ("sasaran", 0, "indikator", 0, "triwulan", 0, "realisasi")


def test_growth_rate_may_be_negative() -> None:
    text = vary(MINIMAL, "realisasi: 72", "realisasi: -2\n        persen_maks_100: false")
    report = load_text(text).report
    assert report is not None
    assert list(persen_mustahil(hitung(report))) == []


# ------------------------------------------------------------ negative capaian

#: Negative polarity, T = 10, R = 25: (2 x 10 - 25) / 10 x 100 = -50.
NEGATIF = vary(vary(vary(MINIMAL, 'satuan: "%"', "satuan: kasus\n        polaritas: negatif"),
                    "target: 80", "target: 10"), "realisasi: 72", "realisasi: 25")
ARTI = ("capaian di bawah 0: pada indikator berpolaritas negatif (makin kecil makin baik) "
        "realisasi lebih dari dua kali target, sehingga (2T - R) / T x 100 negatif; "
        "kinerjanya jauh lebih buruk daripada target")


def _catatan_3_5(text: str) -> str:
    from lkjip_cli.tabel import bangun

    report = load_text(text).report
    assert report is not None
    (tabel,) = bangun(hitung(report), ["3.5"])
    return tabel.catatan[0]


def test_negative_capaian_is_explained_in_the_table_note() -> None:
    report = load_text(NEGATIF).report
    assert report is not None
    assert hitung(report).indikator[0].capaian.nilai == Decimal(-50)
    assert _catatan_3_5(NEGATIF) == (
        "Capaian: capaian negatif = (2T - R) / T x 100. " + ARTI[0].upper() + ARTI[1:]
        + ". Capaian dibulatkan dua desimal.")


def test_no_note_when_capaian_is_not_negative() -> None:
    # T = 10, R = 20: (20 - 20) / 10 x 100 = 0, not below 0.
    assert "di bawah 0" not in _catatan_3_5(vary(NEGATIF, "realisasi: 25", "realisasi: 20"))


def test_negative_capaian_in_explain(tmp_path: Path) -> None:
    path = tmp_path / "laporan.yaml"
    path.write_text(NEGATIF, encoding="utf-8")
    result = runner.invoke(app, ["explain", str(path), "IKU1"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2:6] == [
        "Capaian: -50,00%",
        "  rumus    : capaian negatif = (2T - R) / T x 100",
        "  hitungan : (2 x 10 - 25) / 10 x 100 = -50 -> -50,00% (2 desimal, half-up)",
        f"  arti     : {ARTI}",
    ]


def test_floor_counts_a_negative_capaian_as_the_floor(tmp_path: Path) -> None:
    text = vary(NEGATIF, "tahun: 2020", "tahun: 2020\naturan: {batas_bawah: 0}")
    report = load_text(text).report
    assert report is not None
    h = hitung(report)
    assert h.indikator[0].capaian.nilai == Decimal(0)
    assert h.rata_rata_capaian.nilai == Decimal(0)  # one indicator: its floored capaian
    assert _catatan_3_5(text) == (
        "Capaian: capaian negatif = (2T - R) / T x 100. "
        + ARTI[0].upper() + ARTI[1:] + ". Capaian di bawah 0 dihitung sebagai 0. "
        "Capaian dibulatkan dua desimal.")
    path = tmp_path / "laporan.yaml"
    path.write_text(text, encoding="utf-8")
    lines = runner.invoke(app, ["explain", str(path), "IKU1"]).stdout.splitlines()
    assert lines[2] == "Capaian: 0,00%"
    assert lines[4] == "  hitungan : (2 x 10 - 25) / 10 x 100 = -50 -> 0,00% (2 desimal, half-up)"
    assert "             batas_bawah=0" in lines


def test_floor_leaves_a_capaian_above_it() -> None:
    # MINIMAL: 72 / 80 x 100 = 90, above a floor of 0.
    report = load_text(vary(MINIMAL, "tahun: 2020", "tahun: 2020\naturan: {batas_bawah: 0}"))
    assert report.report is not None
    assert hitung(report.report).indikator[0].capaian.nilai == Decimal(90)


@pytest.mark.parametrize(("aturan", "code"), [
    ("{batas_bawah: -1}", "number-range"),
    ("{batas_bawah: 120, batas_atas: {nilai: 120}}", "range-order"),
])
def test_floor_bounds(aturan: str, code: str) -> None:
    found = errors(vary(MINIMAL, "tahun: 2020", f"tahun: 2020\naturan: {aturan}"))
    assert [(c, p) for _, _, c, p in found] == [(code, "aturan.batas_bawah")]


def test_check_suggests_the_floor_for_a_negative_capaian_printed_as_0() -> None:
    from lkjip_cli.audit import Tingkat, audit

    printed = NEGATIF + '        dilaporkan: {capaian: {"3.5": 0}}\n'
    report = load_text(printed).report
    assert report is not None
    [t] = audit(hitung(report)).temuan
    assert (t.dicetak, t.dihitung, t.tingkat) == (Decimal(0), Decimal(-50), Tingkat.SELISIH)
    assert t.keterangan.endswith("capaian negatif dicetak 0 (bila laporan memakai batas "
                                 "bawah, isi aturan.batas_bawah: 0)")
    floored = load_text(vary(printed, "tahun: 2020", "tahun: 2020\naturan: {batas_bawah: 0}"))
    assert floored.report is not None
    [t] = audit(hitung(floored.report)).temuan
    assert t.tingkat is Tingkat.COCOK  # 0 printed, 0 computed under the floor
