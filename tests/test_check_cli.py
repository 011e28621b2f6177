"""`lkjip check` through typer's CliRunner: exit codes, the summary line, JSON and GitHub output.

Exit codes (README, cli/check_cmd.py): 0 nothing reaches --fail-on (default selisih), 1 something
does, 2 an invalid file. The inline reports are MINIMAL (tests/conftest.py, lines 1 to 13)
with a `dilaporkan` block appended; line and column numbers below are counted by hand from
that layout (1-based):

    12          target: 80
    13          realisasi: 72
    14          dilaporkan:
    15            target: {"3.5": 80}
    16            realisasi: {"3.5": 72}
    17            capaian: {"3.5": "90,00", bab3: 90}

In line 17, `"90,00"` starts at column 28 and `90` (after `bab3: `) at column 43.
72 / 80 x 100 = 90 exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL, vary
from typer.testing import CliRunner, Result

from lkjip_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
#: The reference report as named from the repository root (the output names files as given).
REF = "data/2020.yaml"

DILAPORKAN = """\
        dilaporkan:
          target: {"3.5": 80}
          realisasi: {"3.5": 72}
          capaian: {"3.5": "90,00", bab3: 90}
"""

#: Four printed figures, all right.
COCOK = MINIMAL + DILAPORKAN
#: Bab III prints 87 where 72 / 80 = 90: 87 - 90 = -3. No known pattern gives 87 (the
#: negative formula gives (2x80 - 72)/80 = 110; 87 and 90 differ in two digits).
SELISIH = vary(COCOK, "bab3: 90}", "bab3: 87}")
#: 2 / 3 = 66,666..%: 66,66 is truncated, one unit off in the last place; target 3 and
#: realisasi 2 are printed as given. Line 17 becomes `          capaian: {"3.5": "66,66"}`,
#: the value again at column 28.
PEMBULATAN = vary(vary(MINIMAL, "target: 80", "target: 3"), "realisasi: 72", "realisasi: 2") + (
    """\
        dilaporkan:
          target: {"3.5": 3}
          realisasi: {"3.5": 2}
          capaian: {"3.5": "66,66"}
"""
)
#: `target: delapan` at line 12, value at column 17.
INVALID = vary(MINIMAL, "target: 80", "target: delapan")

runner = CliRunner()


def invoke(*args: str) -> Result:
    result = runner.invoke(app, ["check", *args])
    # A user's mistake never ends in a traceback: only a clean exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, so that files are named as given (`laporan.yaml`) in the output."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(directory: Path, text: str, name: str = "laporan.yaml") -> str:
    (directory / name).write_text(text, encoding="utf-8")
    return name


def summary(name: str, diperiksa: int, cocok: int, pembulatan: int, selisih: int,
            konsistensi: int, kesalahan: int | None = None) -> str:
    tempat = ("" if kesalahan is None or kesalahan == selisih
              else f" ({kesalahan} kesalahan, dicetak di {selisih} tempat)")
    return (f"{name}: {diperiksa} angka tercetak diperiksa: {cocok} cocok, {pembulatan} "
            f"pembulatan, {selisih} selisih{tempat}; {konsistensi} temuan konsistensi.")


def no_float(text: str) -> Any:
    raise AssertionError(f"a float in the JSON output: {text}")


def parse_json(text: str) -> Any:
    return json.loads(text, parse_float=no_float)


# ------------------------------------------------------------------- exit codes


def test_consistent_report_exits_0_with_the_summary(here: Path) -> None:
    result = invoke(write(here, COCOK))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [summary("laporan.yaml", 4, 4, 0, 0, 0)]
    assert result.stderr == ""


def test_report_without_dilaporkan_exits_0(here: Path) -> None:
    result = invoke(write(here, MINIMAL))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [summary("laporan.yaml", 0, 0, 0, 0, 0)]


def test_selisih_exits_1(here: Path) -> None:
    result = invoke(write(here, SELISIH))
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0].startswith("laporan.yaml — Bab III")
    assert out[-1] == summary("laporan.yaml", 4, 3, 0, 1, 0)
    assert "selisih" in result.stdout and "87" in result.stdout
    # cocok figures are not listed without --semua
    assert "laporan.yaml — Tabel 3.5" not in result.stdout


def test_text_output_names_the_line_of_each_finding(here: Path) -> None:
    # The wrong 87 stands on line 17 of the file (module docstring); the table's title names
    # the file, each row its line (issue 9, point 5).
    result = invoke(write(here, SELISIH))
    out = result.stdout.splitlines()
    assert out[0].rstrip() == "laporan.yaml — Bab III"
    assert out[1].split()[:3] == ["baris", "lokasi", "kolom"]
    assert out[3].split()[:3] == ["17", "IKU1", "Capaian"]


def test_one_error_printed_in_two_places_is_counted_once(here: Path) -> None:
    # 87 printed in Tabel 3.5 and in Bab III for the same capaian (90): two places, one
    # error; a third place printing 88 is a second error (issue 9, point 6).
    text = vary(COCOK, '{"3.5": "90,00", bab3: 90}', '{"3.5": 87, bab3: 87, bab4: 88}')
    result = invoke(write(here, text))
    assert result.stdout.splitlines()[-1] == (
        "laporan.yaml: 5 angka tercetak diperiksa: 2 cocok, 0 pembulatan, 3 selisih "
        "(2 kesalahan, dicetak di 3 tempat); 0 temuan konsistensi.")


def test_semua_lists_cocok_figures_too(here: Path) -> None:
    result = invoke(write(here, SELISIH), "--semua")
    assert result.exit_code == 1
    assert "laporan.yaml — Tabel 3.5" in result.stdout
    assert "cocok" in result.stdout


def test_consistency_finding_alone_exits_1(here: Path) -> None:
    # a share (declared) at 105%: no printed figure, still a selisih-level finding
    text = vary(MINIMAL, "realisasi: 72", "realisasi: 105\n        jenis_persen: bagian")
    result = invoke(write(here, text))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == summary("laporan.yaml", 0, 0, 0, 0, 1)


def test_fail_on_pembulatan(here: Path) -> None:
    name = write(here, PEMBULATAN)
    default = invoke(name)
    assert default.exit_code == 0
    assert default.stdout.splitlines()[-1] == summary("laporan.yaml", 3, 2, 1, 0, 0)
    assert invoke(name, "--fail-on", "selisih").exit_code == 0
    assert invoke(name, "--fail-on", "pembulatan").exit_code == 1
    # a consistent report passes either way
    assert invoke(write(here, COCOK, "b.yaml"), "--fail-on", "pembulatan").exit_code == 0


def test_unknown_fail_on_is_a_usage_error(here: Path) -> None:
    assert invoke(write(here, COCOK), "--fail-on", "cocok").exit_code == 2


def test_invalid_file_exits_2_with_the_loaders_diagnostics(here: Path) -> None:
    result = invoke(write(here, INVALID, "bad.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "bad.yaml:12:17: error[number-invalid]: sasaran[0].indikator[0].target: "
        "harus berupa angka, ditemukan 'delapan'"
    ]


def test_missing_file_exits_2(here: Path) -> None:
    result = invoke("tidak-ada.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("tidak-ada.yaml: error[io]")


def test_directories_and_globs_name_files_as_rekap_takes_them(here: Path) -> None:
    (here / "opd" / "2021").mkdir(parents=True)
    write(here, COCOK, "opd/a.yaml")
    write(here, PEMBULATAN, "opd/2021/b.yaml")
    (here / "opd" / "catatan.txt").write_text("bukan laporan", encoding="utf-8")
    # a directory: every *.yaml under it, sorted; other files are not read
    result = invoke("opd", "--fail-on", "pembulatan")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "diperiksa:" in line] == [
        summary("opd/2021/b.yaml", 3, 2, 1, 0, 0), summary("opd/a.yaml", 4, 4, 0, 0, 0)]
    # a glob lkjip expands itself (quoted from the shell); a file named twice is read once
    result = invoke("opd/*.yaml", "opd/a.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [summary("opd/a.yaml", 4, 4, 0, 0, 0)]


def test_a_path_naming_no_file_is_an_error_and_the_rest_is_checked(here: Path) -> None:
    write(here, COCOK, "a.yaml")
    (here / "kosong").mkdir()
    result = invoke("a.yaml", "kosong", "tidak-*.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [summary("a.yaml", 4, 4, 0, 0, 0)]
    assert result.stderr.splitlines() == [
        "kosong: error[io]: direktori ini tidak memuat berkas *.yaml",
        "tidak-*.yaml: error[io]: pola ini tidak cocok dengan berkas mana pun",
    ]


def test_valid_and_invalid_file_exits_2(here: Path) -> None:
    # the valid file is still audited and reported; its selisih does not turn 2 into 1
    result = invoke(write(here, SELISIH, "good.yaml"), write(here, INVALID, "bad.yaml"))
    assert result.exit_code == 2
    assert result.stdout.splitlines()[-1] == summary("good.yaml", 4, 3, 0, 1, 0)
    assert result.stderr.splitlines() == [
        "bad.yaml:12:17: error[number-invalid]: sasaran[0].indikator[0].target: "
        "harus berupa angka, ditemukan 'delapan'"
    ]


def test_multiple_files_each_get_a_summary(here: Path) -> None:
    result = invoke(write(here, COCOK, "a.yaml"), write(here, PEMBULATAN, "b.yaml"))
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0] == summary("a.yaml", 4, 4, 0, 0, 0)
    assert out[-1] == summary("b.yaml", 3, 2, 1, 0, 0)
    assert invoke("a.yaml", "b.yaml", "--fail-on", "pembulatan").exit_code == 1


# ------------------------------------------------------------------------- JSON

FIELDS = {"tabel", "lokasi", "kolom", "dicetak", "dihitung", "selisih", "tingkat", "keterangan"}


def test_json_output(here: Path) -> None:
    result = invoke(write(here, SELISIH), "--format", "json")
    assert result.exit_code == 1
    doc = parse_json(result.stdout)
    assert set(doc) == {"lkjip", "temuan", "ringkasan", "diagnostics"}
    assert doc["diagnostics"] == []
    assert doc["ringkasan"] == {"berkas": 1, "diperiksa": 4, "cocok": 3, "pembulatan": 0,
                                "selisih": 1, "kesalahan": 1, "konsistensi": 0}
    assert len(doc["temuan"]) == 4  # JSON lists every printed figure, cocok too
    for t in doc["temuan"]:
        assert set(t) >= FIELDS
        assert t["tingkat"] in {"cocok", "pembulatan", "selisih"}
        for key in ("dicetak", "dihitung", "selisih"):
            assert t[key] is None or isinstance(t[key], str), (key, t[key])
    [wrong] = [t for t in doc["temuan"] if t["tingkat"] != "cocok"]
    assert {k: wrong[k] for k in FIELDS} == {
        "tabel": "Bab III", "lokasi": "IKU1", "kolom": "Capaian (%)", "dicetak": "87",
        "dihitung": "90", "selisih": "-3", "tingkat": "selisih",
        "keterangan": "tidak ada pola yang diketahui yang mereproduksi angka ini; "
                      "dicetak berbeda: 90,00 di Tabel 3.5",
    }
    assert (wrong["berkas"], wrong["baris"], wrong["kolom_berkas"]) == ("laporan.yaml", 17, 43)


def test_json_exact_values_are_strings(here: Path) -> None:
    result = invoke(write(here, PEMBULATAN), "--format", "json")
    assert result.exit_code == 0
    [t] = [t for t in parse_json(result.stdout)["temuan"] if t["tingkat"] != "cocok"]
    assert (t["dicetak"], t["selisih"], t["tingkat"]) == ("66.66", "-0.01", "pembulatan")
    # 2 / 3 x 100 = 66,666.. carried exactly, not as a float
    assert t["dihitung"].startswith("66.6666666666")
    assert "dipotong" in t["keterangan"]


@pytest.mark.usefixtures("at_root")
def test_json_on_the_reference_report() -> None:
    result = invoke(REF, "--format", "json")
    assert result.exit_code == 1
    doc = parse_json(result.stdout)
    # 41 selisih, 37 errors: IKU3's capaian 168,5 printed in Tabel 3.5, Bab III and Bab IV
    # (3 places, 1 error), the overall kategori "Baik" in the Ikhtisar and Bab III, and the
    # average 121,93 in the Ikhtisar and Bab IV (2 places each): 41 - 2 - 1 - 1 = 37.
    assert doc["ringkasan"] == {"berkas": 1, "diperiksa": 238, "cocok": 195, "pembulatan": 2,
                                "selisih": 41, "kesalahan": 37, "konsistensi": 4}
    assert len(doc["temuan"]) == 238 + 4
    assert {t["tingkat"] for t in doc["temuan"]} == {"cocok", "pembulatan", "selisih"}
    for t in doc["temuan"]:
        for key in ("dicetak", "dihitung", "selisih"):
            assert t[key] is None or isinstance(t[key], str)
    [p05] = [t for t in doc["temuan"] if (t["tabel"], t["lokasi"], t["kolom"]) ==
             ("Tabel 3.13", "P05", "Alokasi (Rp)")]
    # 390.891.000 + 996.015.000 + 195.489.750 = 1.582.395.750; 157.125.000 - that
    assert (p05["dicetak"], p05["dihitung"], p05["selisih"]) == (
        "157125000", "1582395750", "-1425270750")


def test_json_for_two_files(here: Path) -> None:
    result = invoke(write(here, COCOK, "a.yaml"), write(here, SELISIH, "b.yaml"),
                    "--format", "json")
    assert result.exit_code == 1
    doc = parse_json(result.stdout)
    assert doc["ringkasan"] == {"berkas": 2, "diperiksa": 8, "cocok": 7, "pembulatan": 0,
                                "selisih": 1, "kesalahan": 1, "konsistensi": 0}
    assert [t["berkas"] for t in doc["temuan"]] == ["a.yaml"] * 4 + ["b.yaml"] * 4


@pytest.mark.parametrize("valid", [False, True], ids=["invalid-only", "valid-and-invalid"])
def test_json_with_an_invalid_file_is_one_document(here: Path, valid: bool) -> None:
    files = [write(here, COCOK, "good.yaml")] if valid else []
    result = invoke(*files, write(here, INVALID, "bad.yaml"), "--format", "json")
    assert result.exit_code == 2
    doc = parse_json(result.stdout)
    assert "number-invalid" in json.dumps(doc)


# ----------------------------------------------------------------------- GitHub


def test_github_error_at_the_yaml_line_of_the_figure(here: Path) -> None:
    result = invoke(write(here, SELISIH), "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=laporan.yaml,line=17,col=43,title=lkjip check%3A Bab III::"
        "IKU1 — Capaian (%25): dicetak 87, dihitung 90,00 (selisih -3) [selisih]. "
        "tidak ada pola yang diketahui yang mereproduksi angka ini; "
        "dicetak berbeda: 90,00 di Tabel 3.5",
        summary("laporan.yaml", 4, 3, 0, 1, 0),
    ]


def test_github_warning_for_pembulatan(here: Path) -> None:
    result = invoke(write(here, PEMBULATAN), "--format", "github")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "::warning file=laporan.yaml,line=17,col=28,title=lkjip check%3A Tabel 3.5::"
        "IKU1 — Capaian (%25): dicetak 66,66, dihitung 66,67 (selisih -0,01) [pembulatan]. "
        "kemungkinan: dipotong, bukan dibulatkan",
        summary("laporan.yaml", 3, 2, 1, 0, 0),
    ]


def test_github_nothing_for_cocok(here: Path) -> None:
    result = invoke(write(here, COCOK), "--format", "github")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [summary("laporan.yaml", 4, 4, 0, 0, 0)]


def test_github_consistency_finding_at_the_input_line(here: Path) -> None:
    # realisasi 105 of a share, at line 13, value at column 20
    result = invoke(write(here, vary(MINIMAL, "realisasi: 72",
                                     "realisasi: 105\n        jenis_persen: bagian")),
                    "--format", "github")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=laporan.yaml,line=13,col=20,"
                            "title=lkjip check%3A Tabel 3.5::IKU1 — Realisasi: dicetak 105")


def test_github_multiple_files(here: Path) -> None:
    result = invoke(write(here, SELISIH, "a.yaml"), write(here, PEMBULATAN, "b.yaml"),
                    "--format", "github")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert [line.split(",")[0] for line in out] == [
        "::error file=a.yaml", summary("a.yaml", 4, 3, 0, 1, 0).split(",")[0],
        "::warning file=b.yaml", summary("b.yaml", 3, 2, 1, 0, 0).split(",")[0],
    ]
    assert out[1] == summary("a.yaml", 4, 3, 0, 1, 0)
    assert out[3] == summary("b.yaml", 3, 2, 1, 0, 0)


def test_github_invalid_file(here: Path) -> None:
    result = invoke(write(here, INVALID, "bad.yaml"), "--format", "github")
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "::error file=bad.yaml,line=12,col=17,title=number-invalid::"
        "sasaran[0].indikator[0].target: harus berupa angka, ditemukan 'delapan'"
    ]


@pytest.mark.usefixtures("at_root")
def test_github_on_the_reference_report() -> None:
    result = invoke(REF, "--format", "github")
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[-1] == summary(REF, 238, 195, 2, 41, 4, kesalahan=37)
    assert sum(line.startswith("::error ") for line in out) == 41 + 4
    assert sum(line.startswith("::warning ") for line in out) == 2
    # Tabel 3.2 prints 79,36 for 25,93 + 20,00 + 12,14 + 7,27 + 14,03 = 79,37; the line and
    # column are where `"79,36"` stands in data/2020.yaml
    yaml_lines = DATA.read_text(encoding="utf-8").splitlines()
    [(number, text)] = [(i, s) for i, s in enumerate(yaml_lines, 1) if '"79,36"' in s]
    column = text.index('"79,36"') + 1
    assert (f"::warning file={REF},line={number},col={column},title=lkjip check%3A Tabel 3.2::"
            "Evaluasi SAKIP 2019 — Nilai hasil evaluasi: dicetak 79,36, dihitung 79,37 "
            "(selisih -0,01) [pembulatan]. beda satu satuan di angka terakhir: kemungkinan "
            "dari bagian yang sudah dibulatkan") in out


@pytest.mark.usefixtures("at_root")
def test_text_on_the_reference_report() -> None:
    result = invoke(REF)
    assert result.exit_code == 1
    # rich may wrap the summary at 100 columns: compare with whitespace normalised
    assert " ".join(result.stdout.split()).endswith(summary(REF, 238, 195, 2, 41, 4, kesalahan=37))
    for tabel in ("Ikhtisar Eksekutif", "Bab II", "Tabel 3.2", "Tabel 3.13",
                  "Bab IV (rata-rata)"):
        assert f"{REF} — {tabel}" in result.stdout


@pytest.mark.usefixtures("at_root")
def test_text_summary_is_one_line_on_the_reference_report() -> None:
    result = invoke(REF)
    assert result.stdout.splitlines()[-1] == summary(REF, 238, 195, 2, 41, 4, kesalahan=37)
