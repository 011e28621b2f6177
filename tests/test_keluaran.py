"""Output hygiene (issue 8, point 8): what the data holds never acts on the terminal, never
splits a line, never turns into rich markup; `check` prints each file as it is done.

The hostile strings: ESC sequences (`\\x1b[31m` recolours, `\\x1b]0;...\\x07` retitles the
window, `\\x1b[2J` clears the screen), the C1 CSI `\\x9b`, the bidi override U+202E, a
newline in a file name, and rich markup (`[/]` ended the command with a traceback).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from conftest import MINIMAL, vary
from typer.testing import CliRunner, Result

from lkjip_cli import loader
from lkjip_cli.cli.app import app
from lkjip_cli.diagnostics import Diagnostic, Severity, aman_terminal, format_github, format_text
from lkjip_cli.render.teks.temuan import HasilBerkas, JsonBertahap, to_json

runner = CliRunner()

#: Raw controls that must never reach the output (the escaped forms are plain ASCII).
MENTAH = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\x00")


def invoke(*args: str | Path) -> Result:
    result = runner.invoke(app, [*map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def tanpa_kendali(text: str) -> None:
    for char in MENTAH:
        assert char not in text, repr(char)


# ------------------------------------------------------------------ the escaping


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[31mmerah", "\\x1b[31mmerah"),
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("\x00\x7f\x9b\x85", "\\x00\\x7f\\x9b\\x85"),              # C0, DEL, C1 (CSI, NEL)
    ("txt\u202eexe", "txt\\u202eexe"),                          # right-to-left override
    ("\u2066\u2067\u2068\u2069\u200e\u200f\u061c", "\\u2066\\u2067\\u2068\\u2069\\u200e"
     "\\u200f\\u061c"),                                         # isolates and marks
    ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),                   # line/paragraph separators
    ("Dinas Pendidikan — Bidang \u00e9 中文 ８", "Dinas Pendidikan — Bidang \u00e9 中文 ８"),
])
def test_aman_terminal(raw: str, shown: str) -> None:
    assert aman_terminal(raw) == shown


def _diag(file: str, message: str) -> Diagnostic:
    return Diagnostic(file, 3, 5, Severity.ERROR, "unknown-key", message, "instansi.x")


def test_text_diagnostic_is_one_line_whatever_the_file_name() -> None:
    line = format_text(_diag("a\nb.yaml", "unknown key `x\x1b[2J`"))
    assert line == "a\\nb.yaml:3:5: error[unknown-key]: instansi.x: unknown key `x\\x1b[2J`"


def test_github_annotation_keeps_its_own_escapes_and_shows_controls() -> None:
    line = format_github(_diag("a\nb.yaml", "kunci `x\x1b[2J`\nbaris dua \u202e"))
    assert line == ("::error file=a%0Ab.yaml,line=3,col=5,title=unknown-key::instansi.x: "
                    "kunci `x\\x1b[2J`%0Abaris dua \\u202e")


# ------------------------------------------------------------------- diagnostics


def test_newline_in_a_file_name_does_not_split_the_line(tmp_path: Path) -> None:
    path = tmp_path / "la\nporan.yaml"
    path.write_text(vary(MINIMAL, "target: 80", "target: delapan"), encoding="utf-8")
    result = invoke("validate", path)
    assert result.exit_code == 2
    shown = str(path).replace("\n", "\\n")
    assert result.stderr == (f"{shown}:12:17: error[number-invalid]: sasaran[0].indikator[0]."
                             "target: harus berupa angka, ditemukan 'delapan'\n")


def test_escape_sequence_in_a_key_is_shown_escaped(tmp_path: Path) -> None:
    # line 2 `  nama: Dinas Contoh` gains a sibling key holding ESC and U+202E
    text = vary(MINIMAL, "  nama: Dinas Contoh",
                '  nama: Dinas Contoh\n  "x\\e[31m\\u202e": 1')
    path = tmp_path / "laporan.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("validate", path)
    assert result.exit_code == 2
    tanpa_kendali(result.stderr)
    assert result.stderr.startswith(
        f"{path}:3:3: error[unknown-key]: instansi.x\\x1b[31m\\u202e: kunci "
        "`x\\x1b[31m\\u202e` tidak dikenal")
    assert result.stderr.count("\n") == 1


def test_refusal_naming_an_output_file_is_one_line(laporan: Path, tmp_path: Path) -> None:
    out = tmp_path / "ba\nb\x1b[2J.md"
    out.write_text("punya orang\n", encoding="utf-8")
    result = invoke("render", laporan, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (f"Tidak menimpa {tmp_path}/ba\\nb\\x1b[2J.md: berkas itu tidak "
                             "ditulis oleh lkjip. Pakai --force untuk menimpanya.\n")


# ---------------------------------------------------------- tables and explain

#: Hostile names in every place a table prints text from the file; `[/]` and `[red]` are
#: rich markup, which must print as written.
JAHAT = vary(vary(vary(vary(MINIMAL,
    "  nama: Dinas Contoh", '  nama: "Dinas [/] \\e]0;judul\\a"\n  singkatan: "D[/]\\e[2J"'),
    "nama: Sasaran satu", 'nama: "Sasaran [red]satu[/red] \\x9b2J"'),
    "nama: Indikator satu", 'nama: "Indikator \\e[31msatu\\u202e"'),
    'satuan: "%"', 'satuan: "%\\u2066"')


@pytest.fixture
def jahat(tmp_path: Path) -> Path:
    path = tmp_path / "laporan[bold].yaml"  # markup: would vanish and embolden
    path.write_text(JAHAT, encoding="utf-8")
    return path


@pytest.mark.parametrize("tabel", ["3.5", "3.10", "3.12"])
def test_tables_show_controls_escaped_and_markup_as_written(jahat: Path, tabel: str) -> None:
    result = invoke("compute", jahat, "-t", tabel)
    assert result.exit_code == 0, result.output
    tanpa_kendali(result.stdout)
    if tabel == "3.5":
        assert "Indikator \\x1b[31msatu\\u202e" in result.stdout
        assert "%\\u2066" in result.stdout
    if tabel == "3.10":
        assert "Sasaran [red]satu[/red] \\x9b2J" in result.stdout
        assert "D[/]\\x1b[2J" in result.stdout  # the singkatan in the caption


def test_check_tables_with_a_markup_file_name(jahat: Path, tmp_path: Path) -> None:
    text = JAHAT + '        dilaporkan: {capaian: {"3.5": 91}}\n'  # 72/80 = 90: selisih
    jahat.write_text(text, encoding="utf-8")
    result = invoke("check", jahat)
    assert result.exit_code == 1, result.output
    tanpa_kendali(result.stdout)
    assert f"{jahat} — Tabel 3.5" in result.stdout
    assert result.stdout.endswith(f"{jahat}: 1 angka tercetak diperiksa: 0 cocok, "
                                  "0 pembulatan, 1 selisih; 0 temuan konsistensi.\n")


def test_explain_shows_controls_escaped(jahat: Path) -> None:
    result = invoke("explain", jahat, "IKU1")
    assert result.exit_code == 0
    tanpa_kendali(result.stdout)
    assert result.stdout.splitlines()[0] == (
        "IKU1 — Indikator \\x1b[31msatu\\u202e (indikator kinerja, polaritas positif)")


def test_explain_unknown_code_from_the_command_line(jahat: Path) -> None:
    result = invoke("explain", jahat, "X\x1b[2J")
    assert result.exit_code == 2
    tanpa_kendali(result.stderr)
    assert result.stderr.startswith(f"Tidak ada `X\\x1b[2J` dalam {jahat}.")


# -------------------------------------------------------------------- streaming


def _dua_berkas(tmp_path: Path) -> list[Path]:
    paths = []
    for name in ("a.yaml", "b.yaml"):
        paths.append(tmp_path / name)
        paths[-1].write_text(MINIMAL + '        dilaporkan: {capaian: {"3.5": 91}}\n',
                             encoding="utf-8")
    return paths


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_check_prints_each_file_before_reading_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    a, b = _dua_berkas(tmp_path)
    printed: list[str] = []
    seen_before: dict[str, str] = {}
    echo, load = typer.echo, loader.load

    def catat(message: Any = None, *args: Any, **kwargs: Any) -> None:
        printed.append(str(message))
        echo(message, *args, **kwargs)

    def baca(path: Any) -> Any:
        seen_before[Path(path).name] = "".join(printed)
        return load(path)

    monkeypatch.setattr(typer, "echo", catat)
    monkeypatch.setattr(loader, "load", baca)
    result = invoke("check", a, b, "--format", fmt)
    assert result.exit_code == 1  # 91 printed for 72/80 = 90: a selisih in each file
    assert seen_before["a.yaml"] == ""
    assert str(a) in seen_before["b.yaml"]  # a's findings were out before b was read
    assert str(b) not in seen_before["b.yaml"]
    if fmt == "json":
        doc = json.loads(result.stdout)
        assert doc["ringkasan"] == {"berkas": 2, "diperiksa": 2, "cocok": 0, "pembulatan": 0,
                                    "selisih": 2, "kesalahan": 2, "konsistensi": 0}


def test_streamed_json_is_to_json_byte_for_byte(tmp_path: Path) -> None:
    from lkjip_cli.audit import audit
    from lkjip_cli.engine import hitung

    a, b = _dua_berkas(tmp_path)
    bad = loader.load_text(vary(MINIMAL, "target: 80", "target: delapan"), "bad.yaml")
    for files in ([], [a], [a, b], [a, "bad", b], ["bad"]):
        stream = io.StringIO()
        writer = JsonBertahap(stream.write)
        held: list[HasilBerkas] = []
        for f in files:
            if f == "bad":
                writer.diagnostik(bad.diagnostics)
                continue
            loaded = loader.load(f)
            assert loaded.report is not None
            hasil = HasilBerkas(str(f), audit(hitung(loaded.report)), loaded.source,
                                loaded.report.aturan)
            held.append(hasil)
            writer.hasil(hasil)
        writer.tutup()
        diags = bad.diagnostics if "bad" in files else ()
        assert stream.getvalue() == to_json(held, diags) + "\n"


# ------------------------------------------------------- documents to the terminal


@pytest.mark.parametrize("args", [["render", "-t", "3.5"], ["compute", "-t", "3.5", "-f", "csv"]])
def test_documents_on_a_terminal_show_controls_escaped(
        jahat: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    from lkjip_cli.cli import output

    monkeypatch.setattr(output, "ke_terminal", lambda: True)
    result = invoke(args[0], jahat, *args[1:])
    assert result.exit_code == 0, result.output
    tanpa_kendali(result.stdout)
    assert "Indikator \\x1b[31msatu\\u202e" in result.stdout


def test_documents_piped_keep_the_data(jahat: Path) -> None:
    """Not a terminal: the CSV holds the names as written (the U+202E is data)."""
    result = invoke("compute", jahat, "-t", "3.5", "-f", "csv")
    assert result.exit_code == 0
    assert "\u202e" in result.stdout
