"""`lkjip compute` and `lkjip explain` through the CLI, on the reference report.

Expected figures are the reference report's inputs worked by hand (73 / 75 = 97,33;
21.947.576.337 / 23.265.036.415 = 94,34; 390.891.000 + 996.015.000 + 195.489.750 =
1.582.395.750), never values read back from lkjip.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "2020.yaml")

#: The captions Bab III prints, as the reference report words them (lkjip writes "antara"
#: where the OCR of Tabel 3.5 reads "antar").
CAPTIONS = {
    "3.4": "Pengukuran Capaian Kinerja",
    "3.5": "Perbandingan antara Target dan Realisasi Kinerja Tahun 2020",
    "3.6": "Realisasi Kinerja serta Capaian Kinerja periode 2020",
    "3.7": "Perbandingan Realisasi Kinerja Tahun 2020 dengan Renstra",
    "3.8": "Indikator Kinerja Kegiatan Pendukung Sasaran Strategis I",
    "3.9": "Rencana Aksi dalam mendukung kegiatan BKD Prov. Kaltim",
    "3.10": "Hasil Perbandingan Output dan Input dengan Standar Efisiensi",
    "3.11": "Efisiensi Penggunaan Anggaran Program/Kegiatan",
    "3.12": "Realisasi Anggaran sesuai dengan Perjanjian Kinerja",
    "3.13": "Realisasi Anggaran Per Program dan Kegiatan",
}


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _no_float(text: str) -> Any:
    raise AssertionError(f"a float in the JSON output: {text}")


def test_compute_shows_every_table_of_bab_iii() -> None:
    result = run("compute", DATA)
    assert result.exit_code == 0
    for nomor, caption in CAPTIONS.items():
        assert f"Tabel {nomor}" in result.stdout
        assert caption in result.stdout


def test_compute_prints_indonesian_figures() -> None:
    out = run("compute", DATA, "--tabel", "3.5,3.13").stdout
    assert "97,33" in out  # IKU1: 73 / 75 x 100
    assert "168,85" in out  # IKU3, negative: (2 x 20 - 6,23) / 20 x 100
    assert "1.582.395.750" in out  # P05 = 390.891.000 + 996.015.000 + 195.489.750
    assert "23.265.036.415" in out and "94,34" in out  # Belanja Langsung


def test_compute_fits_100_columns() -> None:
    out = run("compute", DATA).stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 100


def test_compute_warns_about_the_quarterly_roll_up() -> None:
    # IKU2: annual target 50, quarterly targets all printed 0 (Tabel 3.4).
    result = run("compute", DATA, "--tabel", "3.5")
    assert "warning[rekap-triwulan]: sasaran[0].indikator[1].target" in result.stderr


def test_compute_prints_the_result_first_and_the_warnings_after_it() -> None:
    # The first thing a new user sees is Tabel 3.4, not the warning about the reference
    # file; the warning follows the tables, closed by a one-line summary (issue 9, point 15).
    result = run("compute", DATA)
    both = result.output.splitlines()
    assert both[0].strip() == "Tabel 3.4"
    warning = next(i for i, line in enumerate(both) if "warning[rekap-triwulan]" in line)
    assert warning > max(i for i, line in enumerate(both) if "Tabel 3.13" in line)
    assert result.stderr.splitlines()[-1] == (
        f"{DATA}: 1 peringatan; angka di atas tetap dihitung dari isian berkas.")


def _cells(doc: dict[str, Any], nomor: str) -> list[list[Any]]:
    return [row for t in doc["tabel"] if t["nomor"] == nomor for row in t["baris"]]


def test_compute_json_has_exact_decimal_strings() -> None:
    result = run("compute", DATA, "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout, parse_float=_no_float)
    assert doc["tahun"] == 2020
    iku1 = _cells(doc, "3.5")[0]
    capaian = iku1[5]
    assert capaian["jenis"] == "persen"
    # 73/75 x 100 = 97,333... : exact to the engine's precision, shown rounded.
    assert Decimal(capaian["nilai"]).quantize(Decimal("0.0001")) == Decimal("97.3333")
    assert capaian["tampil"] == "97,33"
    total = _cells(doc, "3.13")[-1]
    assert total[1] == "Total Belanja Langsung"
    assert total[2]["nilai"] == "23265036415"
    assert total[3]["nilai"] == "21947576337"


def test_compute_json_marks_what_cannot_be_computed() -> None:
    doc = json.loads(run("compute", DATA, "--tabel", "3.4", "--format", "json").stdout)
    iku2_tw1 = _cells(doc, "3.4")[4]
    assert iku2_tw1[8]["nilai"] is None
    assert iku2_tw1[8]["alasan"] == "target 0: capaian tidak dapat dihitung"
    assert iku2_tw1[8]["tampil"] == "n/a"


def test_compute_csv_one_table() -> None:
    result = run("compute", DATA, "--tabel", "3.13", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["No", "Program/Kegiatan", "Alokasi (Rp)", "Realisasi (Rp)", "%", "Ket"]
    p05 = next(r for r in rows if r[1] == "Program Peningkatan Pelayanan Mutasi Kepegawaian")
    assert p05[2:4] == ["1582395750", "1576758887"]


def test_compute_csv_many_tables_needs_a_directory(tmp_path: Path) -> None:
    refused = run("compute", DATA, "--format", "csv")
    assert refused.exit_code == 2
    assert "pilih satu --tabel" in refused.stderr
    written = run("compute", DATA, "--format", "csv", "--tabel", "3.5,3.11",
                  "--out-dir", str(tmp_path))
    assert written.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "tabel-3.11-alokasi.csv", "tabel-3.11-efisiensi.csv", "tabel-3.5.csv"]


def test_compute_unknown_table_is_a_usage_error() -> None:
    result = run("compute", DATA, "--tabel", "3.99")
    assert result.exit_code == 2
    assert "tabel tidak dikenal: 3.99" in result.stderr


def test_compute_invalid_file_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.yaml"
    bad.write_text("instansi: {nama: X}\ntahun: dua ribu\n", encoding="utf-8")
    result = run("compute", str(bad))
    assert result.exit_code == 2
    assert f"{bad}:2:8: error[type]: tahun: harus berupa bilangan bulat, ditemukan \"dua ribu\"" \
        in result.stderr.splitlines()
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_explain_puts_the_numbers_in_and_names_the_lines() -> None:
    result = run("explain", DATA, "IKU1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ("IKU1 — Persentase SDM Aparatur yang memenuhi Standar Kompetensi "
                        "Jabatan (indikator kinerja, polaritas positif)")
    assert "Capaian: 97,33%" in lines
    assert ("  hitungan : 73 / 75 x 100 = 97,3333333333… -> 97,33% (2 desimal, half-up)"
            in lines)
    # The lines of data/2020.yaml `        target: 75` and `        realisasi: 73` (IKU1).
    source = Path(DATA).read_text(encoding="utf-8").splitlines()
    target = next(n for n, t in enumerate(source, 1) if t.startswith("        target: 75"))
    assert source[target].startswith("        realisasi: 73")
    assert f"  masukan  : target = 75 ({DATA}:{target}:17)" in lines
    assert f"             realisasi = 73 ({DATA}:{target + 1}:20)" in lines


def test_explain_a_program_lists_its_kegiatan() -> None:
    out = run("explain", DATA, "P05").stdout
    assert ("  hitungan : Rp390.891.000 + Rp996.015.000 + Rp195.489.750 = Rp1.582.395.750"
            in out.splitlines())


def test_explain_unknown_ref_suggests_one() -> None:
    result = run("explain", DATA, "IKU9")
    assert result.exit_code == 2
    assert "Tidak ada `IKU9`" in result.stderr and "Maksud Anda `IKU" in result.stderr


@pytest.mark.parametrize("ref", ["iku1", "Iku1", "IKU1"])
def test_explain_ignores_case(ref: str) -> None:
    result = run("explain", DATA, ref)
    assert result.exit_code == 0
    assert result.stdout == run("explain", DATA, "IKU1").stdout
    assert result.stdout.startswith("IKU1 — Persentase SDM Aparatur")


def test_explain_suggestion_ignores_case() -> None:
    # difflib's ratio 2M/T: `ss1x` against `ss1` is 2 x 3 / 7 = 0,86, against `ss2` and
    # `ss3` 2 x 2 / 7 = 0,57 (below the cutoff 0,6); against `SS1` it was 2 x 1 / 7 = 0,29.
    result = run("explain", DATA, "ss1x")
    assert result.exit_code == 2
    assert f"Tidak ada `ss1x` dalam {DATA}. Maksud Anda `SS1`? Pilihan: rata-rata, " \
           "efisiensi, SS1, SS2, SS3, IKU1," in result.stderr


def test_explain_no_suggestion_when_nothing_is_close() -> None:
    result = run("explain", DATA, "anggaran")
    assert result.exit_code == 2
    assert f"Tidak ada `anggaran` dalam {DATA}. Pilihan: rata-rata, " in result.stderr


@pytest.mark.parametrize(("command", "metavars"), [
    ("compute", ["BERKAS", "NOMOR", "DIR"]),
    ("explain", ["BERKAS", "KODE"]),
    ("validate", ["BERKAS"]),
    ("check", ["PATH"]),
    ("render", ["BERKAS", "NOMOR", "DIR"]),
    ("export", ["BERKAS", "NOMOR", "BERKAS.docx"]),
    ("schema", []),
    ("init", ["OUT", "BERKAS", "MULAI-SELESAI"]),
    ("import", ["BUKU", "BERKAS"]),
    ("rekap", ["PATH", "KOLOM", "BERKAS", "N"]),
])
def test_help_names_arguments_in_indonesian(command: str, metavars: list[str]) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    usage = result.stdout.strip().splitlines()[0]
    assert usage.startswith(f"Usage: lkjip {command} [OPTIONS]")
    for metavar in metavars:
        assert metavar in result.stdout
    for english in ("{file}", "{files}", "FILE", "{ref}", "REF", "<list[str]>"):
        assert english not in result.stdout


def test_compute_help_usage_line() -> None:
    result = run("compute", "--help")
    assert result.exit_code == 0
    # typer 0.29 braces a required argument in the usage line; older typers do not.
    assert "lkjip compute [OPTIONS] {BERKAS}" in result.stdout or \
        "lkjip compute [OPTIONS] BERKAS" in result.stdout


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    commands = ("validate", "compute", "explain", "check", "render", "export", "schema",
                "rekap")
    assert all(f" {c} " in result.stdout for c in commands)


@pytest.mark.parametrize("module", ["lkjip_cli.engine", "lkjip_cli.tabel",
                                    "lkjip_cli.loader", "lkjip_cli.audit", "jinja2",
                                    "docx", "openpyxl", "matplotlib",
                                    "lkjip_cli.banyak.rekap", "multiprocessing"])
def test_help_imports_no_engine_renderer_or_template_code(module: str) -> None:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom lkjip_cli.cli.app import app\n"
            "r = CliRunner().invoke(app, ['--help'])\nassert r.exit_code == 0\n"
            f"print({module!r} in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_explain_example_in_the_docs_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the docs show the relative file name
    doc = (ROOT / "docs" / "compute.md").read_text(encoding="utf-8")
    example = doc.split("Capaian: 168,85%\n", 1)[1].split("```", 1)[0].splitlines()
    out = run("explain", "data/2020.yaml", "IKU3").stdout.splitlines()
    start = out.index("Capaian: 168,85%") + 1
    assert out[start:start + len(example)] == example


# ------------------------------------------------- --tabel by the label a report prints


def test_compute_takes_a_table_by_its_printed_label() -> None:
    # data/contoh-2023.yaml prints lkjip's Tabel 3.6 as III.5 (penomoran); the renja form
    # is E.81 by default; an id still works, and `Tabel ` before a label is ignored
    contoh = str(ROOT / "data" / "contoh-2023.yaml")
    for pilihan in ("III.5", "Tabel III.5", "3.6"):
        result = run("compute", contoh, "--tabel", pilihan, "--format", "json")
        assert result.exit_code == 0, result.output
        assert {t["nomor"] for t in json.loads(result.stdout)["tabel"]} == {"3.6"}, pilihan
    renja = str(ROOT / "data" / "contoh-renja.yaml")
    result = run("compute", renja, "--tabel", "E.81,3.7a", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [t["nomor"] for t in json.loads(result.stdout)["tabel"]] == [
        "renja", "kinerja-program"]


def test_a_label_the_report_does_not_print_lists_the_choices_with_their_labels() -> None:
    result = run("compute", str(ROOT / "data" / "contoh-2023.yaml"), "--tabel", "III.99")
    assert result.exit_code == 2
    err = " ".join(result.stderr.replace("│", " ").split())
    assert "tabel tidak dikenal: III.99; pilihan di laporan ini (nomor lkjip atau label " \
        "cetakannya): 2.1 (dicetak II.1)," in err
    assert "renja (dicetak E.81)" in err


def test_render_and_export_take_a_printed_label(tmp_path: Path) -> None:
    contoh = str(ROOT / "data" / "contoh-2023.yaml")
    result = run("render", contoh, "--tabel", "III.12")
    assert result.exit_code == 0, result.output
    assert "**Tabel III.12** Realisasi Anggaran Per Program" in result.stdout
    out = tmp_path / "t.xlsx"
    result = run("export", contoh, "--to", "xlsx", "--tabel", "III.12", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file()
