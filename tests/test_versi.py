"""Versions users can cite, a format that says its version, help without Python type names,
and the Windows-facing parts that can be tested on this machine (line endings, paths as typed).
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import re
from pathlib import Path

import pytest
import typer
from conftest import MINIMAL, vary
from typer.testing import CliRunner, Result

from lkjip_cli.cli.app import app
from lkjip_cli.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2020.yaml"
runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100"})


def versi_cetak() -> str:
    """The version `lkjip --version` prints: `lkjip 0.1.0` -> `0.1.0`."""
    result = run("--version")
    assert result.exit_code == 0
    match = re.fullmatch(r"lkjip (\d+\.\d+\.\d+\S*)\n", result.stdout)
    assert match, result.stdout
    return match.group(1)


# ------------------------------------------------------------------------------ versions


def test_version_option_prints_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", versi_cetak())


def test_version_is_the_package_metadata_when_installed() -> None:
    try:
        terpasang = importlib.metadata.version("lkjip")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("lkjip is not installed in this environment (run from the source tree)")
    assert versi_cetak() == terpasang


def test_version_command_json_names_python_pydantic_and_pyyaml() -> None:
    import pydantic
    import yaml

    result = run("version", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"lkjip", "versi_format", "python", "pydantic", "pyyaml", "libyaml"}
    assert doc["lkjip"] == versi_cetak()
    assert doc["versi_format"] == 1
    assert doc["python"] == platform.python_version()
    assert doc["pydantic"] == pydantic.VERSION
    assert doc["pyyaml"] == yaml.__version__
    assert (doc["libyaml"] is not None) == bool(yaml.__with_libyaml__)


def test_version_command_text() -> None:
    result = run("version")
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()
    assert first == f"lkjip {versi_cetak()} (format data versi 1)"
    assert second.startswith(f"Python {platform.python_version()}, pydantic ")


@pytest.mark.parametrize("args", [
    ("compute", str(DATA), "--format", "json"),
    ("check", str(DATA), "--format", "json"),
    ("validate", str(DATA), "--format", "json"),
])
def test_every_json_output_says_which_lkjip_made_it(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["lkjip"] == versi_cetak()


# --------------------------------------------------------------------- format version


def test_a_file_that_states_no_format_version_is_read_as_the_current_one() -> None:
    result = load_text(MINIMAL)
    assert result.report is not None and result.report.versi_format == 1


def test_a_file_may_state_the_current_format_version() -> None:
    result = load_text("versi_format: 1\n" + MINIMAL)
    assert result.ok, result.diagnostics
    assert result.report is not None and result.report.versi_format == 1


def test_a_file_for_a_newer_format_gets_one_error_saying_to_upgrade() -> None:
    # A newer format brings keys this lkjip does not know; those are not listed as errors.
    text = "versi_format: 2\n" + vary(MINIMAL, "tahun: 2020", "tahun: 2020\nsub_kegiatan: []")
    result = load_text(text, "baru.yaml")
    assert result.report is None
    [diag] = result.diagnostics
    assert (diag.file, diag.line, diag.column, diag.code) == ("baru.yaml", 1, 15, "versi-format")
    assert diag.is_error
    assert "versi 2" in diag.message and "sampai versi 1" in diag.message
    assert "pip install -U lkjip" in diag.message


def test_newer_format_through_the_cli_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "baru.yaml"
    path.write_text("versi_format: 3\n" + MINIMAL, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}:1:15: error[versi-format]: versi_format: berkas ini "
                           "ditulis untuk format data versi 3")


@pytest.mark.parametrize(("value", "code"),
                         [("0", "value"), ("dua", "type"), ("1.5", "number-type")])
def test_a_malformed_format_version_is_an_ordinary_error(value: str, code: str) -> None:
    result = load_text(f"versi_format: {value}\n" + MINIMAL)
    assert result.report is None
    assert [(d.line, d.code) for d in result.diagnostics] == [(1, code)]


def test_schema_id_names_the_format_version() -> None:
    schema = json.loads((ROOT / "docs" / "lkjip.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "https://lkjip.invalid/schema/format-1/laporan.schema.json"
    assert schema["properties"]["versi_format"] | {"description": ""} == {
        "default": 1, "minimum": 1, "type": "integer", "title": "Versi Format", "description": ""}


# -------------------------------------------------------------------------------- help


def _nama_perintah() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


def test_commands_are_the_documented_ones() -> None:
    assert {"validate", "compute", "explain", "check", "render", "schema",
            "version"} <= set(_nama_perintah())


@pytest.mark.parametrize("args", [[], *[[c] for c in _nama_perintah()]],
                         ids=lambda a: " ".join(a) or "lkjip")
def test_help_has_no_python_type_names_and_reads_in_indonesian(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    out = result.stdout
    for english in ("<bool>", "<path>", "<list[", "Show this message", "[default:",
                    "[required]", "Options ", "Arguments "):
        assert english not in out, (english, out)
    assert "Tampilkan bantuan ini lalu keluar." in out


@pytest.mark.parametrize("command", _nama_perintah())
def test_every_command_help_shows_a_real_invocation(command: str) -> None:
    out = run(command, "--help").stdout
    assert "Contoh:" in out
    assert f"lkjip {command}" in out.split("Contoh:", 1)[1]


def test_shell_completion_is_offered_and_works() -> None:
    out = run("--help").stdout
    assert "--install-completion" in out and "--show-completion" in out
    script = run("--show-completion", "bash")
    assert script.exit_code == 0
    assert "_LKJIP_COMPLETE=complete_bash" in script.stdout


# ------------------------------------------------- Windows: line endings, paths as typed


def test_a_report_with_crlf_line_endings_reads_the_same(tmp_path: Path) -> None:
    bad = vary(MINIMAL, "realisasi: 72", "realisasi: tujuh")
    lf = load_text(bad, "x.yaml")
    crlf = load_text(bad.replace("\n", "\r\n"), "x.yaml")
    assert [(d.line, d.column, d.code) for d in crlf.diagnostics] == \
        [(d.line, d.column, d.code) for d in lf.diagnostics] == [(13, 20, "number-invalid")]


def test_output_files_use_lf_even_from_crlf_templates(tmp_path: Path) -> None:
    templat = tmp_path / "templat"
    templat.mkdir()
    asli = (ROOT / "templates" / "bab4.md.j2").read_text(encoding="utf-8")
    (templat / "bab4.md.j2").write_bytes(asli.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "bab4.md"
    result = run("render", str(DATA), "--bab", "4", "--template-dir", str(templat),
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert b"\r" not in data and data.count(b"\n") > 5


def test_diagnostics_name_the_file_as_the_user_typed_it(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "laporan.yaml").write_text(vary(MINIMAL, "tahun: 2020", "tahun: dua"),
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    typed = "./sub/../laporan.yaml"
    result = run("validate", typed)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{typed}:3:8: error[")


# --------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(("args", "pesan"), [
    (["compute"], "Argumen BERKAS belum diberikan."),
    (["compute", "x.yaml", "--foo"],
     "Opsi tidak dikenal: --foo (maksud Anda salah satu dari: --force, --format?)"),
    (["compute", "x.yaml", "-f", "xml"],
     "Nilai tidak sah untuk '--format' / '-f': 'xml' bukan salah satu dari 'table', 'json', "
     "'csv'."),
    (["komput"], "Perintah tidak dikenal: komput. Maksud Anda compute?"),
    (["compute", "a.yaml", "b.yaml"], "Argumen berlebih: b.yaml"),
    (["compute", "x.yaml", "--tabel"], "Opsi --tabel memerlukan nilai."),
    (["render", "x.yaml", "--template-dir", "/tidak/ada"],
     "Nilai tidak sah untuk '--template-dir': '/tidak/ada' tidak ada."),
])
def test_usage_errors_read_in_indonesian(args: list[str], pesan: str) -> None:
    result = runner.invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 2
    body = [line.strip("│ ").rstrip() for line in result.stderr.splitlines()
            if line.startswith("│")]
    assert " ".join(body) == pesan
    assert "Galat" in result.stderr and "Error" not in result.stderr


def test_an_unknown_usage_error_keeps_its_text() -> None:
    from lkjip_cli.cli.bantuan import terjemahkan_galat

    assert terjemahkan_galat("Something new from typer.") == "Something new from typer."
