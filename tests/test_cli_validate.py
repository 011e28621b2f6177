"""`lkjip validate` through typer's CliRunner: exact output lines and exit codes.

Exit codes (README, cli/output.py): 0 valid, 2 any error, 1 warnings under `--strict`.
Text diagnostics go to stderr, JSON and GitHub annotations to stdout.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MINIMAL, PROGRAM, vary
from typer.testing import CliRunner, Result

import lkjip_cli.source.yamlsource as yamlsource
from lkjip_cli import __version__
from lkjip_cli.cli.app import app

runner = CliRunner()


def write(tmp_path: Path, text: str, name: str = "laporan.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def invoke(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    # A user's mistake never ends in a traceback: only a clean exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def lines(text: str) -> list[str]:
    return text.splitlines()


# ------------------------------------------------------------------------ valid files


def test_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    result = invoke("validate", path)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert lines(result.stderr) == ["1 berkas sah."]


def test_two_valid_files(tmp_path: Path) -> None:
    a = write(tmp_path, MINIMAL, "a.yaml")
    b = write(tmp_path, MINIMAL + PROGRAM, "b.yaml")
    result = invoke("validate", a, b)
    assert result.exit_code == 0
    assert lines(result.stderr) == ["2 berkas sah."]


def test_reference_report_is_valid() -> None:
    data = Path(__file__).resolve().parent.parent / "data" / "2020.yaml"
    result = invoke("validate", str(data))
    assert result.exit_code == 0
    # The one warning the reference report earns: IKU2's annual target 50 (Tabel 3.4) against
    # quarterly targets all printed 0, rolled up by the last quarter.
    source = data.read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(source, 1) if t.startswith("        target: 50"))
    assert lines(result.stderr) == [
        f"{data}:{line}:17: warning[rekap-triwulan]: sasaran[0].indikator[1].target: target "
        "tahunan 50 berbeda dengan rekap triwulan 0 (rekap_triwulan: terakhir)",
        "1 berkas sah.",
    ]
    assert invoke("validate", "--strict", str(data)).exit_code == 1


def test_valid_file_as_json(tmp_path: Path) -> None:
    result = invoke("validate", write(tmp_path, MINIMAL), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"lkjip": __version__, "diagnostics": []}


# ----------------------------------------------------------- one error class each


def expect_error(tmp_path: Path, text: str, line: str) -> None:
    """`text` fails with exit 2 and exactly one stderr line: `line` with {f} as the file."""
    path = write(tmp_path, text)
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert lines(result.stderr) == [line.format(f=path)]


def test_yaml_syntax(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, "nama: Dinas Contoh", "nama: Dinas: Contoh"),
        "{f}:2:14: error[yaml-syntax]: `: ` (titik dua dan spasi) di dalam nilai tanpa tanda "
        "kutip: beri tanda kutip pada nilainya, misalnya nama: \"Dinas: Contoh\"; atau periksa "
        "indentasinya",
    )


def test_wrong_type(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, "tahun: 2020", "tahun: dua ribu"),
        "{f}:3:8: error[type]: tahun: harus berupa bilangan bulat, ditemukan \"dua ribu\"",
    )


def test_missing(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, '        satuan: "%"\n', ""),
        "{f}:9:9: error[missing]: sasaran[0].indikator[0].satuan: kunci wajib `satuan` tidak ada: "
        "tambahkan `satuan: ...` di sini",
    )


def test_unknown_key(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, "realisasi: 72", "realsasi: 72"),
        "{f}:13:9: error[unknown-key]: sasaran[0].indikator[0].realsasi: "
        "kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?",
    )


def test_duplicate_key(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, "  nama: Dinas Contoh\n", "  nama: Dinas Contoh\n  nama: Dinas Lain\n"),
        "{f}:3:3: error[duplicate-key]: instansi.nama: kunci `nama` ditulis dua kali (pertama "
        "di baris 2); YAML diam-diam hanya menyimpan yang terakhir: hapus salah satunya",
    )


def test_duplicate_kode(tmp_path: Path) -> None:
    text = vary(MINIMAL + PROGRAM, "kode: P01.01", "kode: P01")
    expect_error(
        tmp_path,
        text,
        "{f}:18:15: error[duplicate-kode]: program[0].kegiatan[0].kode: kode `P01` kegiatan "
        "ini sudah dipakai program di program[0].kode (baris 15); "
        "setiap kode dalam laporan harus unik",
    )


def test_unknown_ref(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL + PROGRAM, "mendukung: [IKU1]", "mendukung: [IKU9]"),
        "{f}:22:21: error[unknown-ref]: program[0].kegiatan[0].mendukung[0]: "
        "tidak ada indikator dengan kode `IKU9`; maksud Anda `IKU1`?",
    )


def test_negative(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL + PROGRAM, "pagu: 2.000.000", "pagu: -5"),
        "{f}:20:15: error[negative]: program[0].kegiatan[0].pagu: "
        "anggaran tidak boleh negatif, ditemukan -5",
    )


def test_number_ambiguous(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        vary(MINIMAL, "target: 80", 'target: "1.234"'),
        "{f}:12:17: error[number-ambiguous]: sasaran[0].indikator[0].target: '1.234' dapat "
        "dibaca dua cara: 1234 (cara Indonesia) atau 1.234 (cara Inggris); lkjip tidak "
        "menebak. Tulis nilainya sebagai angka YAML biasa, atau tambahkan yang memastikannya "
        "(misalnya bagian desimal: '1.234,00')",
    )


def test_empty(tmp_path: Path) -> None:
    expect_error(tmp_path, "", "{f}: error[empty]: berkas tidak berisi dokumen YAML")


def test_not_mapping(tmp_path: Path) -> None:
    expect_error(
        tmp_path,
        "- instansi\n- tahun\n",
        "{f}:1:1: error[not-mapping]: bagian teratas berkas harus berupa pemetaan kunci "
        "(instansi:, tahun:, ...)",
    )


def test_encoding(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes(b"\xff\xfe")
    result = invoke("validate", str(path))
    assert result.exit_code == 2
    assert lines(result.stderr) == [
        f"{path}:1:1: error[encoding]: berkas bukan UTF-8 (bita 0xff pada posisi 0): "
        "simpan ulang sebagai UTF-8"
    ]


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 64)
    expect_error(
        tmp_path, MINIMAL, "{f}: error[too-large]: berkas melebihi batas 64 bita"
    )


def test_alias_limit(tmp_path: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    result = invoke("validate", write(tmp_path, laughs), "--format", "json")
    assert result.exit_code == 2
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert codes.count("alias-limit") == 1


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.yaml"
    result = invoke("validate", str(path))
    assert result.exit_code == 2
    assert lines(result.stderr) == [
        f"{path}: error[io]: berkas tidak dapat dibaca: berkas tidak ditemukan"]


def test_crash_free_on_a_lone_percent_sign(tmp_path: Path) -> None:
    # `"%"` once raised IndexError in parse_number (the empty string is `in "+-"`).
    expect_error(
        tmp_path,
        vary(MINIMAL, "target: 80", 'target: "%"'),
        "{f}:12:17: error[number-invalid]: sasaran[0].indikator[0].target: "
        "harus berupa angka, ditemukan '%'",
    )


# -------------------------------------------------------------- several at once


def test_three_errors_in_one_file(tmp_path: Path) -> None:
    text = vary(MINIMAL, "tahun: 2020", "tahun: dua ribu")
    text = vary(text, '        satuan: "%"\n', "")
    text = vary(text, "realisasi: 72", "realsasi: 72")
    path = write(tmp_path, text)
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert lines(result.stderr) == [
        f"{path}:3:8: error[type]: tahun: harus berupa bilangan bulat, ditemukan \"dua ribu\"",
        f"{path}:9:9: error[missing]: sasaran[0].indikator[0].satuan: "
        "kunci wajib `satuan` tidak ada: tambahkan `satuan: ...` di sini",
        f"{path}:12:9: error[unknown-key]: sasaran[0].indikator[0].realsasi: "
        "kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?",
    ]


def test_good_and_bad_file_together(tmp_path: Path) -> None:
    good = write(tmp_path, MINIMAL, "good.yaml")
    bad = write(tmp_path, "", "bad.yaml")
    result = invoke("validate", good, bad)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"{bad}: error[empty]: berkas tidak berisi dokumen YAML"]


# ------------------------------------------------------------------------ warnings


def over_pagu(tmp_path: Path) -> str:
    return write(tmp_path, vary(MINIMAL + PROGRAM, "realisasi: 1.500.000", "realisasi: 2.500.000"))


WARNING_LINE = (
    "{f}:21:20: warning[realisasi-over-pagu]: program[0].kegiatan[0].realisasi: "
    "realisasi Rp2.500.000 melebihi pagu Rp2.000.000"
)


def test_warning_exits_0(tmp_path: Path) -> None:
    path = over_pagu(tmp_path)
    result = invoke("validate", path)
    assert result.exit_code == 0
    assert lines(result.stderr) == [WARNING_LINE.format(f=path), "1 berkas sah."]


def test_warning_exits_1_with_strict(tmp_path: Path) -> None:
    path = over_pagu(tmp_path)
    result = invoke("validate", "--strict", path)
    assert result.exit_code == 1
    assert lines(result.stderr) == [WARNING_LINE.format(f=path)]


def test_error_beats_strict(tmp_path: Path) -> None:
    text = vary(MINIMAL + PROGRAM, "realisasi: 1.500.000", "realisasi: 2.500.000")
    text = vary(text, "tahun: 2020", "tahun: dua ribu")
    result = invoke("validate", "--strict", write(tmp_path, text))
    assert result.exit_code == 2


def test_strict_on_a_clean_file_exits_0(tmp_path: Path) -> None:
    result = invoke("validate", "--strict", write(tmp_path, MINIMAL))
    assert result.exit_code == 0


# ------------------------------------------------------------------ other formats


def test_json_format(tmp_path: Path) -> None:
    path = write(tmp_path, vary(MINIMAL, "realisasi: 72", "realsasi: 72"))
    result = invoke("validate", path, "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "lkjip": __version__,
        "diagnostics": [
            {
                "file": path,
                "line": 13,
                "column": 9,
                "severity": "error",
                "code": "unknown-key",
                "message": "kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?",
                "path": "sasaran[0].indikator[0].realsasi",
            }
        ]
    }


def test_json_format_with_a_warning(tmp_path: Path) -> None:
    result = invoke("validate", over_pagu(tmp_path), "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["diagnostics"]
    assert [(r["severity"], r["code"], r["line"], r["column"]) for r in rows] == [
        ("warning", "realisasi-over-pagu", 21, 20)
    ]


def test_github_format(tmp_path: Path) -> None:
    path = write(tmp_path, vary(MINIMAL, "realisasi: 72", "realsasi: 72"))
    result = invoke("validate", path, "--format", "github")
    assert result.exit_code == 2
    assert lines(result.stdout) == [
        f"::error file={path},line=13,col=9,title=unknown-key::"
        "sasaran[0].indikator[0].realsasi: kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?"
    ]


def test_github_format_for_a_warning(tmp_path: Path) -> None:
    path = over_pagu(tmp_path)
    result = invoke("validate", path, "--format", "github")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        f"::warning file={path},line=21,col=20,title=realisasi-over-pagu::"
        "program[0].kegiatan[0].realisasi: realisasi Rp2.500.000 melebihi pagu Rp2.000.000"
    ]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("validate", write(tmp_path, MINIMAL), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr
