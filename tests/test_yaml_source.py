"""The YAML source layer: positions, file-level refusals, duplicate keys, aliases.

Every expected line and column is counted by hand from the inline document (1-based).
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

import lkjip_cli.source.yamlsource as yamlsource
from lkjip_cli.diagnostics import Severity
from lkjip_cli.source.yamlsource import INVALID, Mark, parse_yaml_bytes, parse_yaml_text


def only(parsed: yamlsource.ParsedYaml) -> tuple[str, int | None, int | None, str]:
    """(code, line, column, path) of the single diagnostic."""
    assert len(parsed.diagnostics) == 1, parsed.diagnostics
    d = parsed.diagnostics[0]
    assert d.severity is Severity.ERROR
    return d.code, d.line, d.column, d.path


# ------------------------------------------------------------------------ positions


def test_positions_of_keys_and_values() -> None:
    text = textwrap.dedent(
        """\
        a:
          b: 1
          c: [x, {d: 2}]
        """
    )
    parsed = parse_yaml_text("f.yaml", text)
    assert parsed.diagnostics == []
    assert parsed.data == {"a": {"b": Decimal(1), "c": ["x", {"d": Decimal(2)}]}}
    src = parsed.source
    assert src.keys[("a",)] == Mark(1, 1)
    assert src.keys[("a", "b")] == Mark(2, 3)
    assert src.values[("a", "b")] == Mark(2, 6)
    assert src.keys[("a", "c")] == Mark(3, 3)
    assert src.values[("a", "c", 0)] == Mark(3, 7)
    assert src.values[("a", "c", 1)] == Mark(3, 10)
    assert src.keys[("a", "c", 1, "d")] == Mark(3, 11)
    assert src.values[("a", "c", 1, "d")] == Mark(3, 14)


def test_value_mark_falls_back_to_the_nearest_ancestor() -> None:
    parsed = parse_yaml_text("f.yaml", "a:\n  b: 1\n")
    # `a.b.zzz` does not exist: the mark of `a.b` stands in for it.
    assert parsed.source.value_mark(("a", "b", "zzz")) == Mark(2, 6)
    # A key that is not in the file falls back to its parent's value.
    assert parsed.source.key_mark(("a", "zzz")) == Mark(2, 3)


def test_utf8_bom_is_accepted() -> None:
    parsed = parse_yaml_bytes("f.yaml", b"\xef\xbb\xbfa: 1\n")
    assert parsed.diagnostics == []
    assert parsed.data == {"a": Decimal(1)}


# -------------------------------------------------------------------- file refusals


def test_syntax_error_has_its_position() -> None:
    # Line 2: `  nama: Dinas: Contoh`; the second colon is column 14.
    parsed = parse_yaml_text("f.yaml", "instansi:\n  nama: Dinas: Contoh\n")
    assert parsed.data is None
    code, line, column, _ = only(parsed)
    assert (code, line, column) == ("yaml-syntax", 2, 14)
    assert "`: ` (titik dua dan spasi) di dalam nilai tanpa tanda kutip" in \
        parsed.diagnostics[0].message


def test_unclosed_flow_sequence() -> None:
    parsed = parse_yaml_text("f.yaml", "a: [1\n")
    assert parsed.data is None
    code, line, _, _ = only(parsed)
    # libyaml notices at the start of line 2, where `]` or `,` was still expected.
    assert (code, line) == ("yaml-syntax", 2)


def test_two_documents_are_refused() -> None:
    parsed = parse_yaml_text("f.yaml", "---\na: 1\n---\nb: 2\n")
    assert parsed.data is None
    code, line, column, _ = only(parsed)
    assert (code, line, column) == ("yaml-syntax", 3, 1)


@pytest.mark.parametrize("text", ["", "\n\n", "# nothing but a comment\n"])
def test_empty_file(text: str) -> None:
    parsed = parse_yaml_text("f.yaml", text)
    assert parsed.data is None
    assert only(parsed) == ("empty", None, None, "")


@pytest.mark.parametrize("text", ["- a\n- b\n", "hello\n", "42\n"])
def test_top_not_a_mapping(text: str) -> None:
    parsed = parse_yaml_text("f.yaml", text)
    assert parsed.data is None
    assert only(parsed) == ("not-mapping", 1, 1, "")


def test_not_utf8() -> None:
    parsed = parse_yaml_bytes("f.yaml", b"\xff\xfe")
    assert parsed.data is None
    assert only(parsed) == ("encoding", 1, 1, "")
    assert "0xff pada posisi 0" in parsed.diagnostics[0].message


def test_not_utf8_on_a_later_line() -> None:
    # `a: 1\n` is 5 bytes, `b: ` 3 more: the bad byte 0xc3 (not followed by a continuation
    # byte) is at offset 8, on line 2.
    parsed = parse_yaml_bytes("f.yaml", b"a: 1\nb: \xc3\x28\n")
    code, line, _, _ = only(parsed)
    assert (code, line) == ("encoding", 2)
    assert "0xc3 pada posisi 8" in parsed.diagnostics[0].message


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 10)
    parsed = parse_yaml_bytes("f.yaml", b"a: 1234567\n")  # 11 bytes
    assert parsed.data is None
    assert only(parsed) == ("too-large", None, None, "")
    assert "10 bita" in parsed.diagnostics[0].message


def test_at_the_size_limit_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 11)
    parsed = parse_yaml_bytes("f.yaml", b"a: 1234567\n")  # 11 bytes
    assert parsed.diagnostics == []
    assert parsed.data == {"a": Decimal(1234567)}


# Tests and benchmarks lower the limits and swap the parser by patching the module globals of
# `yamlsource` (`test_too_large` above, `benchmarks/scale.py`). The reader must read each one
# there, when it is called: a copy taken elsewhere would leave such a patch without effect,
# and the test patching it would silently test the default instead. (The parser's patch,
# `_BaseLoader`, is shown to take effect by `tanpa_libyaml` in test_yaml_hostile.py.)


def test_a_patched_depth_limit_is_the_one_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", 3)
    # The root mapping is level 1, `a`'s list (column 4) level 2, the list in it level 3: the
    # third `[` (column 6, at a[0][0]) would be level 4; 64 levels would take it.
    parsed = parse_yaml_text("f.yaml", "a: [[[1]]]\n")
    assert only(parsed) == ("yaml-depth", 1, 6, "a[0][0]")
    assert "lebih dalam dari 3 tingkat" in parsed.diagnostics[0].message


def test_a_patched_alias_limit_is_the_one_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_ALIAS_VALUES", 3)
    # `*a` adds the list and its three items: four values, one over; 100,000 would take it.
    parsed = parse_yaml_text("f.yaml", "a: &a [1, 2, 3]\nb: *a\n")
    assert only(parsed) == ("alias-limit", 2, 4, "b")
    assert "lebih dari 3 nilai" in parsed.diagnostics[0].message


# ---------------------------------------------------------------- keys and aliases


def test_duplicate_key_in_one_mapping() -> None:
    text = textwrap.dedent(
        """\
        instansi:
          nama: Pertama
          nama: Kedua
        """
    )
    parsed = parse_yaml_text("f.yaml", text)
    assert only(parsed) == ("duplicate-key", 3, 3, "instansi.nama")
    assert "pertama di baris 2" in parsed.diagnostics[0].message
    # The first value is kept, the duplicate is not silently taken.
    assert parsed.data == {"instansi": {"nama": "Pertama"}}


def test_same_key_in_different_mappings_is_fine() -> None:
    parsed = parse_yaml_text("f.yaml", "a: {kode: X}\nb: {kode: X}\n")
    assert parsed.diagnostics == []


def test_duplicate_key_in_flow_mapping() -> None:
    # `{mulai: 2019, mulai: 2020}`: the second `mulai` is column 24 of line 1.
    parsed = parse_yaml_text("f.yaml", "renstra: {mulai: 2019, mulai: 2020}\n")
    assert only(parsed) == ("duplicate-key", 1, 24, "renstra.mulai")


def test_merge_key_is_refused() -> None:
    parsed = parse_yaml_text("f.yaml", "a: &a {x: 1}\nb: {<<: *a}\n")
    assert only(parsed) == ("merge-key", 2, 5, "b")


def test_complex_key_is_refused() -> None:
    parsed = parse_yaml_text("f.yaml", "? [1, 2]\n: v\n")
    code, line, column, _ = only(parsed)
    assert (code, line, column) == ("key-type", 1, 3)


def test_recursive_alias_is_refused() -> None:
    parsed = parse_yaml_text("f.yaml", "a: &a [1, *a]\n")
    code, line, _, path = only(parsed)
    assert (code, line, path) == ("alias-recursive", 1, "a[1]")
    assert parsed.data == {"a": [Decimal(1), INVALID]}


def test_plain_alias_is_expanded() -> None:
    parsed = parse_yaml_text("f.yaml", "a: &a [x, y]\nb: *a\n")
    assert parsed.diagnostics == []
    assert parsed.data == {"a": ["x", "y"], "b": ["x", "y"]}


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + prev] * 10)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_billion_laughs_hits_the_alias_limit() -> None:
    # 10^9 values if expanded. Sizes: a = 11 values (the list and its 10 x), b = 1 + 10*11
    # = 111, c = 1111, d = 11111, e = 111111; the aliases of `e` add 11111 each, so the
    # 10th `*d` in e brings the count to 10 * 11111 + (the aliases of b..d: 10*11 + 10*111 +
    # 10*1111 = 12320) = 123430 > 100000 at its 8th alias already: 8*11111 + 12320 = 101208.
    # Line 5 is `e: &e [*d, *d, ...`: item 0 at column 8, each `*d, ` 4 wide: item 7 at 36.
    parsed = parse_yaml_text("f.yaml", BILLION_LAUGHS)
    assert only(parsed) == ("alias-limit", 5, 36, "e[7]")
    # The reading stops there: no data, no follow-on diagnostics.
    assert parsed.data is None


def test_unknown_tag_is_a_value_error() -> None:
    parsed = parse_yaml_text("f.yaml", "a: !foo x\n")
    assert only(parsed) == ("yaml-value", 1, 4, "a")
    assert parsed.data == {"a": INVALID}


def test_all_scalar_problems_are_reported_together() -> None:
    text = "a: .nan\nb: 017\nc: 1.0e+400\n"
    parsed = parse_yaml_text("f.yaml", text)
    got = [(d.code, d.line, d.column, d.path) for d in parsed.diagnostics]
    assert got == [
        ("number-invalid", 1, 4, "a"),
        ("number-invalid", 2, 4, "b"),
        ("number-range", 3, 4, "c"),
    ]
