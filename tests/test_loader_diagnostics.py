"""The loader: every diagnostic class from a small inline report, with its line and column.

Lines and columns are counted by hand from the layout in conftest.py.
"""

from __future__ import annotations

import json
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL, PROGRAM, vary

import lkjip_cli.loader as loader_module
import lkjip_cli.source.yamlsource as yamlsource
from lkjip_cli import __version__
from lkjip_cli.diagnostics import (
    Diagnostic,
    Severity,
    format_github,
    format_path,
    format_text,
    to_json,
)
from lkjip_cli.loader import load, load_text


def diags(text: str) -> list[tuple[str, int | None, int | None, str]]:
    """(code, line, column, path) of every diagnostic of `text`, in reported order."""
    return [(d.code, d.line, d.column, d.path) for d in load_text(text).diagnostics]


def test_minimal_report_is_valid() -> None:
    result = load_text(MINIMAL)
    assert result.diagnostics == ()
    assert result.ok
    assert result.report is not None
    ind = result.report.sasaran[0].indikator[0]
    assert (ind.kode, ind.target, ind.realisasi) == ("IKU1", Decimal(80), Decimal(72))
    assert ind.polaritas == "positif"  # the documented default


def test_minimal_report_with_program_is_valid() -> None:
    result = load_text(MINIMAL + PROGRAM)
    assert result.diagnostics == ()
    assert result.report is not None
    keg = result.report.program[0].kegiatan[0]
    assert (keg.pagu, keg.realisasi, keg.mendukung) == (
        Decimal(2000000),
        Decimal(1500000),
        ("IKU1",),
    )


# ----------------------------------------------------------------- one class each


def test_yaml_syntax() -> None:
    text = vary(MINIMAL, "nama: Dinas Contoh", "nama: Dinas: Contoh")
    result = load_text(text)
    assert result.report is None
    # Line 2 `  nama: Dinas: Contoh`: the second colon is column 14.
    assert diags(text) == [("yaml-syntax", 2, 14, "")]


def test_wrong_type() -> None:
    text = vary(MINIMAL, "tahun: 2020", "tahun: dua ribu")
    assert diags(text) == [("type", 3, 8, "tahun")]
    assert '"dua ribu"' in load_text(text).diagnostics[0].message


def test_wrong_literal_is_a_type_error() -> None:
    text = vary(MINIMAL, "    realisasi: 72\n", "    realisasi: 72\n        polaritas: naik\n")
    # Line 14 `        polaritas: naik`: value at column 20.
    assert diags(text) == [("type", 14, 20, "sasaran[0].indikator[0].polaritas")]


def test_list_where_a_number_belongs() -> None:
    text = vary(MINIMAL, "target: 80", "target: [1, 2]")
    assert diags(text) == [("number-type", 12, 17, "sasaran[0].indikator[0].target")]


def test_missing_required_key() -> None:
    text = vary(MINIMAL, '        satuan: "%"\n', "")
    # Reported at the mapping that lacks it: the indikator starting at line 9, column 9.
    assert diags(text) == [("missing", 9, 9, "sasaran[0].indikator[0].satuan")]
    assert load_text(text).diagnostics[0].message == (
        "kunci wajib `satuan` tidak ada: tambahkan `satuan: ...` di sini")


def test_missing_top_level_key() -> None:
    text = vary(MINIMAL, "tahun: 2020\n", "")
    assert diags(text) == [("missing", 1, 1, "tahun")]


def test_unknown_key_with_suggestion() -> None:
    text = vary(MINIMAL, "realisasi: 72", "realsasi: 72")
    assert diags(text) == [("unknown-key", 13, 9, "sasaran[0].indikator[0].realsasi")]
    message = load_text(text).diagnostics[0].message
    assert message == "kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?"


def test_unknown_key_without_close_match_lists_the_allowed_keys() -> None:
    text = vary(MINIMAL, "  nama: Dinas Contoh", "  nama: Dinas Contoh\n  zzzzzz: 1")
    assert diags(text) == [("unknown-key", 3, 3, "instansi.zzzzzz")]
    message = load_text(text).diagnostics[0].message
    assert message == "kunci `zzzzzz` tidak dikenal; kunci yang boleh: nama, singkatan"


def test_flow_mapping_with_comma_decimal_breaks_into_a_key() -> None:
    # `{min: 97,3, maks: 99}`: YAML reads `min: 97` and a key `3` (docs/format.md warns).
    text = vary(MINIMAL, "target: 80", "target: {min: 97,3, maks: 99}")
    # `        target: {min: 97,3, maks: 99}`: the `3` is column 26.
    assert diags(text) == [("unknown-key", 12, 26, "sasaran[0].indikator[0].target.3")]
    quoted = vary(MINIMAL, "target: 80", 'target: {min: "97,3", maks: 99}')
    result = load_text(quoted)
    assert result.diagnostics == ()
    assert result.report is not None
    target = result.report.sasaran[0].indikator[0].target
    assert (target.min, target.maks) == (Decimal("97.3"), Decimal(99))  # type: ignore[union-attr]


def test_duplicate_key() -> None:
    text = vary(MINIMAL, "    realisasi: 72\n", "    realisasi: 72\n        realisasi: 73\n")
    assert diags(text) == [("duplicate-key", 14, 9, "sasaran[0].indikator[0].realisasi")]


def test_duplicate_kode() -> None:
    second = textwrap.indent(
        textwrap.dedent(
            """\
            - kode: IKU1
              nama: Indikator dua
              satuan: "%"
              target: 90
            """
        ),
        "      ",
    )
    # The second indikator starts on line 14; its kode value is column 15.
    assert diags(MINIMAL + second) == [("duplicate-kode", 14, 15, "sasaran[0].indikator[1].kode")]
    message = load_text(MINIMAL + second).diagnostics[0].message
    assert "sasaran[0].indikator[0].kode (baris 9)" in message


def test_duplicate_kode_across_kinds() -> None:
    # A kegiatan may not reuse the kode of an indikator either.
    text = vary(MINIMAL + PROGRAM, "kode: P01.01", "kode: IKU1")
    assert diags(text) == [("duplicate-kode", 18, 15, "program[0].kegiatan[0].kode")]


def test_unknown_reference() -> None:
    text = vary(MINIMAL + PROGRAM, "mendukung: [IKU1]", "mendukung: [IKU9]")
    assert diags(text) == [("unknown-ref", 22, 21, "program[0].kegiatan[0].mendukung[0]")]
    message = load_text(text).diagnostics[0].message
    assert message == "tidak ada indikator dengan kode `IKU9`; maksud Anda `IKU1`?"


def test_unknown_tujuan_reference() -> None:
    text = vary(MINIMAL, "    nama: Sasaran satu\n", "    nama: Sasaran satu\n    tujuan: T1\n")
    # `    tujuan: T1` on line 8, value at column 13; there is no `tujuan` list at all.
    assert diags(text) == [("unknown-ref", 8, 13, "sasaran[0].tujuan")]


def test_negative_budget() -> None:
    text = vary(MINIMAL + PROGRAM, "pagu: 2.000.000", "pagu: -5")
    assert diags(text) == [("negative", 20, 15, "program[0].kegiatan[0].pagu")]
    assert load_text(text).diagnostics[0].message == "anggaran tidak boleh negatif, ditemukan -5"


def test_range_target_running_downward() -> None:
    text = vary(MINIMAL, "target: 80", "target: {min: 90, maks: 80}")
    assert diags(text) == [("range-order", 12, 17, "sasaran[0].indikator[0].target")]


def test_duplicate_year() -> None:
    text = MINIMAL + "belanja:\n  - tahun: 2020\n  - tahun: 2020\n"
    # Line 16 `  - tahun: 2020`: value at column 12.
    assert diags(text) == [("duplicate-year", 16, 12, "belanja[1].tahun")]


def test_tahun_outside_renstra_is_a_warning() -> None:
    result = load_text(vary(MINIMAL, "tahun: 2020", "tahun: 2025"))
    assert [(d.code, d.severity, d.line) for d in result.diagnostics] == [
        ("outside-renstra", Severity.WARNING, 3)
    ]
    assert result.report is not None  # a warning does not invalidate the file


def test_realisasi_over_pagu_is_a_warning() -> None:
    text = vary(MINIMAL + PROGRAM, "realisasi: 1.500.000", "realisasi: 2.500.000")
    result = load_text(text)
    assert [(d.code, d.severity, d.line, d.column, d.path) for d in result.diagnostics] == [
        ("realisasi-over-pagu", Severity.WARNING, 21, 20, "program[0].kegiatan[0].realisasi")
    ]
    assert result.diagnostics[0].message == "realisasi Rp2.500.000 melebihi pagu Rp2.000.000"
    assert result.ok


def test_realisasi_equal_to_pagu_is_fine() -> None:
    text = vary(MINIMAL + PROGRAM, "realisasi: 1.500.000", "realisasi: 2.000.000")
    assert diags(text) == []


def test_empty_document() -> None:
    assert diags("") == [("empty", None, None, "")]


def test_top_not_a_mapping() -> None:
    assert diags("- instansi\n- tahun\n") == [("not-mapping", 1, 1, "")]


def test_number_problems_carry_their_codes_and_positions() -> None:
    cases = {
        'target: "1.234"': "number-ambiguous",
        'target: "12,345"': "number-ambiguous",
        "target: 2,389,713,180": "number-format",
        'target: "168.5"': "number-format",
        "target: .nan": "number-invalid",
        "target: .inf": "number-invalid",
        "target: 1.0e+400": "number-range",
        "target: 017": "number-invalid",
        'target: "%"': "number-invalid",
    }
    for replacement, code in cases.items():
        text = vary(MINIMAL, "target: 80", replacement)
        assert diags(text) == [(code, 12, 17, "sasaran[0].indikator[0].target")], replacement


def test_indonesian_strings_in_a_report() -> None:
    text = vary(MINIMAL + PROGRAM, "pagu: 2.000.000", 'pagu: "Rp. 1.544.000.000,00"')
    text = vary(text, "target: 80", 'target: "97,3%"')
    result = load_text(text)
    assert result.diagnostics == ()
    assert result.report is not None
    assert result.report.program[0].kegiatan[0].pagu == Decimal("1544000000.00")
    assert result.report.sasaran[0].indikator[0].target == Decimal("97.3")


def test_yaml_decimal_places_survive_the_model() -> None:
    result = load_text(vary(MINIMAL, "realisasi: 72", "realisasi: 10.50"))
    assert result.report is not None
    assert str(result.report.sasaran[0].indikator[0].realisasi) == "10.50"


def test_three_errors_at_once() -> None:
    text = vary(MINIMAL, "tahun: 2020", "tahun: dua ribu")
    text = vary(text, '        satuan: "%"\n', "")
    text = vary(text, "realisasi: 72", "realsasi: 72")
    result = load_text(text)
    assert result.report is None
    # Sorted by line; `satuan` removed shifts `realsasi` up to line 12.
    assert diags(text) == [
        ("type", 3, 8, "tahun"),
        ("missing", 9, 9, "sasaran[0].indikator[0].satuan"),
        ("unknown-key", 12, 9, "sasaran[0].indikator[0].realsasi"),
    ]


def test_yaml_and_model_errors_reported_together() -> None:
    # A scalar the YAML layer refused inside `sasaran` and a model error outside it: both,
    # and nothing else (no echo "tuple should have at least 1 item" for `sasaran` or
    # `indikator`, the lists that hold the refused value).
    text = vary(MINIMAL, "target: 80", "target: .nan")
    text = vary(text, "tahun: 2020", "tahun: dua ribu")
    assert diags(text) == [
        ("type", 3, 8, "tahun"),
        ("number-invalid", 12, 17, "sasaran[0].indikator[0].target"),
    ]


def test_refused_yaml_scalar_is_reported_once() -> None:
    text = vary(MINIMAL, "target: 80", "target: 1.0e+400")
    assert diags(text) == [("number-range", 12, 17, "sasaran[0].indikator[0].target")]


def test_alias_limit() -> None:
    laughs = "x: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"x{i}: &{n} [{', '.join(['*' + p] * 10)}]\n"
        for i, (p, n) in enumerate(zip("abcdefgh", "bcdefghi", strict=True))
    )
    result = load_text(MINIMAL + laughs)
    assert result.report is None
    # The reading stops at the limit: one diagnostic, none about a document not read.
    assert [d.code for d in result.diagnostics] == ["alias-limit"]


# ---------------------------------------------------------------- files on disk


def test_load_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "laporan.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    result = load(path)
    assert result.diagnostics == ()
    assert result.report is not None


def test_not_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes(b"\xff\xfe")
    result = load(path)
    assert result.report is None
    assert [(d.file, d.code, d.line, d.column) for d in result.diagnostics] == [
        (str(path), "encoding", 1, 1)
    ]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada.yaml"
    result = load(path)
    assert [(d.code, d.line) for d in result.diagnostics] == [("io", None)]


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    path = tmp_path / "besar.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert len(MINIMAL.encode()) > 100
    result = load(path)
    assert [(d.code, d.line) for d in result.diagnostics] == [("too-large", None)]
    assert result.diagnostics[0].message == "berkas melebihi batas 100 bita"


def test_too_large_message_does_not_misstate_the_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `load` reads only limit + 1 bytes of a big file; the message must not claim the file
    # is limit + 1 bytes long.
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(loader_module, "MAX_FILE_BYTES", 100)
    path = tmp_path / "besar.yaml"
    path.write_bytes(b"# " + b"x" * 998)  # 1000 bytes
    result = load(path)
    assert [d.code for d in result.diagnostics] == ["too-large"]
    assert "101" not in result.diagnostics[0].message


# ------------------------------------------------------------------- formatting


def test_format_path() -> None:
    assert format_path(("sasaran", 1, "indikator", 0, "target")) == (
        "sasaran[1].indikator[0].target"
    )
    assert format_path(()) == ""
    assert format_path(("tahun",)) == "tahun"
    assert format_path(("belanja", 0)) == "belanja[0]"


def test_field_path_of_a_nested_value() -> None:
    result = load_text(vary(MINIMAL, "target: 80", 'target: "1.234"'))
    assert [d.path for d in result.diagnostics] == ["sasaran[0].indikator[0].target"]


def test_text_format_is_file_line_col_severity_code_path_message() -> None:
    diag = Diagnostic(
        "data/x.yaml", 12, 5, Severity.ERROR, "unknown-key", "unknown key `a`", "sasaran[0].a"
    )
    assert format_text(diag) == (
        "data/x.yaml:12:5: error[unknown-key]: sasaran[0].a: unknown key `a`"
    )


def test_text_format_without_position_or_path() -> None:
    diag = Diagnostic("x.yaml", None, None, Severity.ERROR, "empty", "no document")
    assert format_text(diag) == "x.yaml: error[empty]: no document"


def test_text_format_of_a_warning() -> None:
    diag = Diagnostic("x.yaml", 3, 1, Severity.WARNING, "outside-renstra", "m", "tahun")
    assert format_text(diag) == "x.yaml:3:1: warning[outside-renstra]: tahun: m"


def test_github_format() -> None:
    diag = Diagnostic("d/x.yaml", 12, 5, Severity.ERROR, "type", "bad", "tahun")
    assert format_github(diag) == "::error file=d/x.yaml,line=12,col=5,title=type::tahun: bad"


def test_github_format_escapes() -> None:
    # Properties escape `:` and `,`; every part escapes `%` and newlines (GitHub's rules).
    diag = Diagnostic("a,b:c.yaml", 1, 2, Severity.WARNING, "c", "50% done\nnext", "")
    assert format_github(diag) == (
        "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=c::50%25 done%0Anext"
    )


def test_github_format_without_position() -> None:
    diag = Diagnostic("x.yaml", None, None, Severity.ERROR, "empty", "no document")
    assert format_github(diag) == "::error file=x.yaml,title=empty::no document"


def test_json_format() -> None:
    diag = Diagnostic("x.yaml", 3, 8, Severity.ERROR, "type", "bad", "tahun")
    assert json.loads(to_json([diag])) == {
        "lkjip": __version__,
        "diagnostics": [
            {
                "file": "x.yaml",
                "line": 3,
                "column": 8,
                "severity": "error",
                "code": "type",
                "message": "bad",
                "path": "tahun",
            }
        ]
    }
    assert json.loads(to_json([])) == {"lkjip": __version__, "diagnostics": []}


def test_semantic_problems_reported_with_model_errors_in_one_run() -> None:
    # A mistyped year (model error) must not hide the duplicate kode, the dangling reference
    # and the downward range of a kegiatan indicator: all four in one run.
    text = vary(MINIMAL + PROGRAM, "tahun: 2020", "tahun: dua ribu")
    text = vary(text, "  - kode: P01\n", "  - kode: IKU1\n")
    text = vary(text, "mendukung: [IKU1]", "mendukung: [IKU9]\n"
                "        indikator:\n"
                "          - {kode: K1, nama: Keluaran, satuan: unit, "
                "target: {min: 5, maks: 1}, realisasi: 3}")
    # Lines: 3 `tahun: dua ribu`; 15 `  - kode: IKU1` (value at column 11); 22 `mendukung:
    # [IKU9]` (IKU9 at column 21); 24 the flow mapping: 10 spaces, `- ` and `{` at column 13,
    # then `kode: K1, ` (13-23), `nama: Keluaran, ` (24-39), `satuan: unit, ` (40-53),
    # `target: ` (54-61): its value starts at column 62.
    assert diags(text) == [
        ("type", 3, 8, "tahun"),
        ("duplicate-kode", 15, 11, "program[0].kode"),
        ("unknown-ref", 22, 21, "program[0].kegiatan[0].mendukung[0]"),
        ("range-order", 24, 62, "program[0].kegiatan[0].indikator[0].target"),
    ]


def test_unknown_place_in_dilaporkan() -> None:
    text = vary(MINIMAL, "realisasi: 72\n",
                'realisasi: 72\n        dilaporkan: {capaian: {tabel3.5: 90}}\n')
    # Line 14 `        dilaporkan: {capaian: {tabel3.5: 90}}`: the key at column 32.
    assert diags(text) == [
        ("unknown-place", 14, 32, "sasaran[0].indikator[0].dilaporkan.capaian.tabel3.5")]
    assert load_text(text).diagnostics[0].message.startswith(
        "`tabel3.5` bukan tempat dalam laporan")
