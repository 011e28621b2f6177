"""Fuzz test of the loader: random mutations of data/2020.yaml through `lkjip check`.

A fixed seed and a bounded count keep it reproducible and a few seconds long. Every mutant
must end without a traceback, with exit 0, 1 or 2, with every error positioned
(`file:line:col`), and within a generous time bound (a hang guard, not a performance
target: those live in benchmarks/). `check` is used rather than `validate` so that mutants
that still validate also go through the engine and the audit.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.loader import load

ROOT = Path(__file__).resolve().parent.parent
BASE = (ROOT / "data" / "2020.yaml").read_text(encoding="utf-8")
SEED = 20201231
CASES = 60
HANG_GUARD_S = 5.0

TAGS = ["!!bool ", "!!timestamp ", "!!binary ", "!!set ", "!!omap ", "!!pairs ", "!!str ",
        "!!int ", "!!float ", "!!null ", "!!seq ", "!!map ", "!foo ", "!<tag:yaml.org,2002:bool> ",
        "!!python/object/apply:os.system ", "!!merge ", "! "]
NUMBERS = [".nan", ".inf", "-.inf", "1e999", "0x1F", "017", "-5", "99999999999999999999999",
           "1_000", "1.2.3", "٤٥", "８４,５", "1:30", "0b101", "-0", "1e-40", "''", "~",
           "2020-13-45", "yes"]


def _line(rng: random.Random, lines: list[str]) -> int:
    return rng.randrange(len(lines))


def flip_bytes(rng: random.Random, text: str) -> str:
    raw = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return raw.decode("utf-8", errors="surrogateescape").encode(
        "utf-8", errors="surrogateescape").decode("utf-8", errors="replace") \
        if rng.random() < 0.5 else raw.decode("latin-1")


def delete_line(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    del lines[_line(rng, lines)]
    return "".join(lines)


def duplicate_line(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    i = _line(rng, lines)
    lines.insert(i, lines[i])
    return "".join(lines)


def reindent(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    i = _line(rng, lines)
    lines[i] = rng.choice(["  ", " ", "\t"]) + lines[i] if rng.random() < 0.5 \
        else lines[i][rng.randint(1, 4):]
    return "".join(lines)


def _value_spots(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?<=: )[^\s{\[#][^\n#,}]*", text))


def insert_tag(rng: random.Random, text: str) -> str:
    spot = rng.choice(_value_spots(text))
    return text[:spot.start()] + rng.choice(TAGS) + text[spot.start():]


def anchor_alias(rng: random.Random, text: str) -> str:
    spots = _value_spots(text)
    a, b = sorted(rng.sample(spots, 2), key=lambda m: m.start())
    name = rng.choice(["x", "y", "undefined"])
    alias = rng.choice([f"*{name}", "*x", "*y"])
    text = text[:b.start()] + alias + text[b.end():]  # b is after a: a's offsets still hold
    return text[:a.start()] + "&x " + text[a.start():]


def mangle_number(rng: random.Random, text: str) -> str:
    numbers = list(re.finditer(r"\b\d[\d.,]*\b", text))
    spot = rng.choice(numbers)
    return text[:spot.start()] + rng.choice(NUMBERS) + text[spot.end():]


def nest_deep(rng: random.Random, text: str) -> str:
    spot = rng.choice(_value_spots(text))
    depth = rng.choice([10, 63, 64, 200, 999, 1500])
    kind = rng.choice(["[]", "{}"])
    inner = kind[0] * depth + kind[1] * depth if kind == "[]" else \
        "{a: " * depth + "1" + "}" * depth
    return text[:spot.start()] + inner + text[spot.end():]


MUTATIONS: list[Callable[[random.Random, str], str]] = [
    flip_bytes, delete_line, duplicate_line, reindent, insert_tag, anchor_alias,
    mangle_number, nest_deep,
]


def mutants() -> list[tuple[int, str]]:
    rng = random.Random(SEED)
    out = []
    for case in range(CASES):
        text = BASE
        for _ in range(rng.randint(1, 3)):
            text = rng.choice(MUTATIONS)(rng, text)
        out.append((case, text))
    return out


POSITIONED = re.compile(r"^(?P<file>.+?):(\d+):(\d+): error\[[a-z0-9-]+\]: ")


@pytest.mark.parametrize(("case", "text"), mutants(), ids=lambda v: str(v)[:6])
def test_mutant_ends_cleanly(tmp_path: Path, case: int, text: str) -> None:
    path = tmp_path / "laporan.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["check", str(path)])
    elapsed = time.perf_counter() - start
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"case {case}: {result.exception!r}")
    assert result.exit_code in (0, 1, 2), result.output
    assert elapsed < HANG_GUARD_S, f"case {case} took {elapsed:.1f} s"
    if result.exit_code == 2:
        errors = [ln for ln in result.stderr.splitlines() if "error[" in ln]
        assert errors, result.output
        unpositioned = [ln for ln in errors if not POSITIONED.match(ln)]
        assert unpositioned == [], f"case {case}"


def test_the_mutations_reach_every_kind_of_outcome(tmp_path: Path) -> None:
    # A fuzz test that only ever produced syntax errors would test little: the fixed seed's
    # mutants must include files that still load and files refused for several reasons.
    loaded, codes = 0, set()
    for case, text in mutants():
        path = tmp_path / f"{case}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogateescape")
        result = load(path)
        loaded += result.ok
        codes |= {d.code for d in result.diagnostics if d.is_error}
    assert loaded >= 5
    assert {"yaml-syntax", "yaml-value", "yaml-depth"} <= codes
    assert len(codes) >= 6, codes
