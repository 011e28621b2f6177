"""Hostile YAML: every tag, every nesting depth, aliases and size (issues 8 and 15).

Each case once gave a traceback (exit 1), a RecursionError or minutes of work. Now every tag
has one documented meaning or a positioned `yaml-value` error, nesting beyond MAX_DEPTH is
one positioned `yaml-depth` error, and limits stop the reading with exactly one diagnostic.
Lines and columns are counted by hand from the inline text (1-based).
"""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import MINIMAL
from typer.testing import CliRunner

import lkjip_cli.source.yamlsource as yamlsource
from lkjip_cli.cli.app import app
from lkjip_cli.loader import load_text
from lkjip_cli.source.yamlsource import INVALID, MAX_DEPTH, Mark, parse_yaml_text


def diags(text: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(d.code, d.line, d.column, d.path) for d in parse_yaml_text("f.yaml", text).diagnostics]


# ------------------------------------------------------------------------------ tags

# `a: ` is 3 characters: the tagged value starts at column 4 of line 1.
REFUSED = [
    "!!bool foo",
    "!!bool maybe",
    "!<tag:yaml.org,2002:bool> maybe",
    "!!timestamp foo",
    "!!timestamp 2020-13-45",
    "!!timestamp 2020-01-01",
    "!!null text",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!omap [{a: 1}]",
    "!!pairs [{a: 1}]",
    "!!python/object:os.system {}",
    "!!python/object/apply:os.system [id]",
    "!!python/name:os.system ''",
    "!!python/tuple [1, 2]",
    "!foo x",
    "!foo [1]",
    "!foo {x: 1}",
    "!!str {x: 1}",
    "!!str [1]",
    "!!int [1]",
    "!!map [1]",
    "!!seq {x: 1}",
    "!!seq x",
    "!!map x",
    "!!merge x",
    "!!value x",
    "!<tag:example.com,2000:x> y",
]


@pytest.mark.parametrize("value", REFUSED)
def test_tag_without_a_meaning_is_a_positioned_error(value: str) -> None:
    parsed = parse_yaml_text("f.yaml", f"a: {value}\nb: 1\n")
    assert diags(f"a: {value}\nb: 1\n") == [("yaml-value", 1, 4, "a")]
    assert parsed.data == {"a": INVALID, "b": Decimal(1)}  # the rest of the file is read
    message = parsed.diagnostics[0].message
    assert "hapus tag" in message  # says how to fix it


@pytest.mark.parametrize(("value", "expected"), [
    ("!!str 12", "12"),
    ("!!int 12", Decimal(12)),
    ("!!float 10.50", Decimal("10.50")),
    ("!<tag:yaml.org,2002:int> 7", Decimal(7)),
    ("!!bool yes", True),
    ("!!bool FALSE", False),
    ("!!null ''", None),
    ("!!null ~", None),
    ("! 12", Decimal(12)),      # `!` alone is no tag: PyYAML resolves it as untagged
    ("!!seq [1]", [Decimal(1)]),
    ("!!map {x: 1}", {"x": Decimal(1)}),
    # A plain scalar YAML 1.1 would read as a date stays text: no figure is a date, and an
    # impossible date once raised ValueError from PyYAML's constructor.
    ("2020-01-01", "2020-01-01"),
    ("2020-13-45", "2020-13-45"),
    ("=", "="),
    ("<<", "<<"),
])
def test_tag_with_one_meaning(value: str, expected: object) -> None:
    parsed = parse_yaml_text("f.yaml", f"a: {value}\n")
    assert parsed.diagnostics == []
    assert parsed.data == {"a": expected}


@pytest.mark.parametrize(("value", "code"), [
    ("!!float .nan", "number-invalid"),
    ("!!float .inf", "number-invalid"),
    ("!!float -.inf", "number-invalid"),
    ("!!int foo", "number-invalid"),
    ("!!int ''", "number-invalid"),
    ("!!float 1e999", "number-range"),
])
def test_number_tags_with_no_number(value: str, code: str) -> None:
    assert diags(f"a: {value}\n") == [(code, 1, 4, "a")]


def test_tag_on_a_key() -> None:
    # `!!binary` on a key (column 1 of line 2) is refused; `!!int` on a key keeps its text.
    text = "a: 1\n!!binary eA==: 2\n!!int 2019: 3\n"
    parsed = parse_yaml_text("f.yaml", text)
    assert [(d.code, d.line, d.column) for d in parsed.diagnostics] == [("yaml-value", 2, 1)]
    assert parsed.data == {"a": Decimal(1), "2019": Decimal(3)}


def test_tag_errors_through_the_cli_exit_2_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "laporan.yaml"
    path.write_text(MINIMAL.replace("target: 80", "target: !!bool foo"), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                      SystemExit)
    # MINIMAL line 12 `        target: 80`: the value at column 17.
    assert f"{path}:12:17: error[yaml-value]: sasaran[0].indikator[0].target:" in result.stderr


# --------------------------------------------------------------------------- nesting


def flow(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


def block(depth: int) -> str:
    # Line i + 1 is `- ` indented 2*i: each `-` opens one more sequence.
    return "a:\n" + "".join("  " * i + "-\n" for i in range(1, depth + 1))


def test_nesting_within_the_bound_is_read() -> None:
    # The root mapping is level 1: MAX_DEPTH - 1 lists fit under `a`.
    parsed = parse_yaml_text("f.yaml", flow(MAX_DEPTH - 1))
    assert parsed.diagnostics == []


@pytest.mark.parametrize("depth", [100, 500, 5_000, 100_000])
def test_deep_flow_nesting_is_one_positioned_error(depth: int) -> None:
    start = time.perf_counter()
    got = diags(flow(depth))
    assert time.perf_counter() - start < 5  # hang guard only
    assert len(got) == 1
    code, line, column, _ = got[0]
    # The list at level MAX_DEPTH + 1 (root = 1) is the 64th `[`, at column 3 + 64 = 67;
    # past 1000 levels libyaml's own bound (looking ahead) is met first, at its column 1003.
    assert (code, line) == ("yaml-depth", 1)
    assert column == (67 if depth < 1000 else 1003)


@pytest.mark.parametrize("depth", [100, 500, 5_000])
def test_deep_block_nesting_is_one_positioned_error(depth: int) -> None:
    got = diags(block(depth))
    # The 64th `-` is on line 65, indented 2*64: column 129.
    assert [(c, ln, col) for c, ln, col, _ in got] == [("yaml-depth", 65, 129)]


def test_aliases_cannot_nest_beyond_the_bound() -> None:
    # x0 holds 60 levels; x1 = [[x0]] is 62, x2 = [[x1]] would be 64 + the root mapping.
    text = "x0: &x0 " + "[" * 60 + "]" * 60 + "\n" + "".join(
        f"x{i}: &x{i} [[*x{i - 1}]]\n" for i in range(1, 40))
    # Line 3 `x2: &x2 [[*x1]]`: the alias `*x1` is at column 11.
    assert diags(text) == [("yaml-depth", 3, 11, "x2[0][0]")]


def test_deep_nesting_through_the_loader_and_cli(tmp_path: Path) -> None:
    path = tmp_path / "laporan.yaml"
    path.write_text(MINIMAL + "x: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    # `x: ` on line 14; the 64th `[` (level 65 with the root) at column 3 + 64 = 67.
    assert result.stderr.splitlines()[0].startswith(f"{path}:14:67: error[yaml-depth]: x[0]")
    assert len(result.stderr.splitlines()) == 1


# ----------------------------------------------------------------- aliases and size


def test_alias_bound_counts_expansions_not_plain_values() -> None:
    # 120,000 plain values (above the alias bound) load: the bound is on aliases only.
    parsed = parse_yaml_text("f.yaml", "a: [" + "1, " * 119_999 + "1]\n")
    assert parsed.diagnostics == []
    assert parsed.data is not None and len(parsed.data["a"]) == 120_000


def test_aliases_within_the_bound_are_shared_and_positioned() -> None:
    # 20 aliases of a list of 1,000 codes: 20 * 1001 = 20,020 values through aliases.
    codes = ", ".join(f"K{i}" for i in range(1000))
    text = f"a: &a [{codes}]\n" + "".join(f"b{i}: *a\n" for i in range(20))
    parsed = parse_yaml_text("f.yaml", text)
    assert parsed.diagnostics == []
    assert parsed.data is not None and parsed.data["b19"][999] == "K999"
    # `b0: *a` on line 2: the alias is at column 5; what it names keeps the anchor's place
    # (line 1: `a: &a [K0, ...`, K1 at column 12).
    assert parsed.source.values[("b0",)] == Mark(2, 5)
    assert parsed.source.values[("b0", 1)] == Mark(1, 12)
    assert parsed.source.keys[("b0",)] == Mark(2, 1)


def test_billion_laughs_is_refused_fast_with_one_diagnostic(tmp_path: Path) -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    path = tmp_path / "laporan.yaml"
    path.write_text(MINIMAL + laughs, encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert time.perf_counter() - start < 5  # hang guard only
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "error[alias-limit]" in lines[0] and "100000 nilai" in lines[0]


def test_oversized_file_prints_exactly_one_diagnostic(tmp_path: Path) -> None:
    # One byte over the 5 MiB limit: refused before parsing, one line, naming the limit.
    path = tmp_path / "besar.yaml"
    path.write_bytes(b"a: [" + b"1, " * ((yamlsource.MAX_FILE_BYTES - 5) // 3 + 1) + b"1]\n")
    assert path.stat().st_size > yamlsource.MAX_FILE_BYTES
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}: error[too-large]: berkas melebihi batas 5242880 bita"]


def test_many_unknown_references_stay_cheap() -> None:
    # 3,000 indicators; 20 kegiatan aliasing one list of 1,000 unknown codes: 20,000
    # unknown references, each reported, only the first few with a close-match search.
    indikator = "".join(
        f"      - {{kode: IKU{i}, nama: I, satuan: '%', target: 80, realisasi: 72}}\n"
        for i in range(2, 3000))
    codes = ", ".join(f"X{i}" for i in range(1000))
    kegiatan = "".join(
        f"      - {{kode: K{k}, nama: K, pagu: 1000, realisasi: 900, "
        f"mendukung: {f'&d [{codes}]' if k == 0 else '*d'}}}\n" for k in range(20))
    text = MINIMAL + indikator + (
        "program:\n  - kode: P01\n    nama: Program satu\n    kegiatan:\n") + kegiatan
    start = time.perf_counter()
    result = load_text(text)
    assert time.perf_counter() - start < 20  # hang guard only (it once took minutes)
    refs = [d for d in result.diagnostics if d.code == "unknown-ref"]
    assert len(refs) == 20 * 1000


# ------------------------------------------------------- the pure-Python fallback parser


def tanpa_libyaml(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on read with PyYAML's pure-Python parser (patched in as
    `yamlsource._BaseLoader`); the texts it is given, so that a test can tell the patch took
    effect (both parsers read alike, so results alone would not)."""
    import yaml

    dibaca: list[str] = []

    class TanpaLibyaml(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            dibaca.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(yamlsource, "_BaseLoader", TanpaLibyaml)
    return dibaca


@pytest.mark.parametrize(("text", "expected"), [
    (flow(5_000), [("yaml-depth", 1, 67)]),
    ("a: !!bool foo\n", [("yaml-value", 1, 4)]),
    ("a: 1\nb: x\x10y\n", [("yaml-syntax", 2, 5)]),  # `b: x` then the control character
])
def test_without_libyaml(monkeypatch: pytest.MonkeyPatch, text: str,
                         expected: list[tuple[str, int, int]]) -> None:
    dibaca = tanpa_libyaml(monkeypatch)
    got = [(d.code, d.line, d.column) for d in parse_yaml_text("f.yaml", text).diagnostics]
    assert got == expected
    assert dibaca == [text]


def test_without_libyaml_the_reference_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (Path(__file__).resolve().parent.parent / "data" / "2020.yaml").read_text("utf-8")
    with_libyaml = parse_yaml_text("f.yaml", text)
    dibaca = tanpa_libyaml(monkeypatch)
    without = parse_yaml_text("f.yaml", text)
    assert dibaca == [text]
    assert without.diagnostics == with_libyaml.diagnostics == []
    assert without.data == with_libyaml.data
    assert dict(without.source.values) == dict(with_libyaml.source.values)
    assert dict(without.source.keys) == dict(with_libyaml.source.keys)
