"""`load(path)`: a YAML file to a validated `Laporan`, or to nothing, with every diagnostic.

Three stages, each of which keeps going after a problem so that the user sees them all:
the YAML source (positions, exact numbers, duplicate keys), the pydantic models (types,
missing and unknown keys), and the semantic checks of `lkjip_cli.checks` (duplicate codes,
references, realisasi above pagu). Pydantic's error locations are mapped back to the file's
lines and columns through the source map.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from lkjip_cli.checks import semantic_checks
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path, has_errors, sort_key
from lkjip_cli.memori import tanpa_gc
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.model.types import TEMPAT_BERNAMA
from lkjip_cli.pesan import (
    harapan,
    kode_pydantic,
    pesan_gabungan,
    pesan_kunci_asing,
    pesan_kurang,
    pesan_pydantic,
)
from lkjip_cli.source.asal_sel import tandai
from lkjip_cli.source.berkas import baca_berkas_biasa, diagnostik_baca
from lkjip_cli.source.yamlsource import (
    INVALID,
    MAX_FILE_BYTES,
    ParsedYaml,
    SourceMap,
    parse_yaml_bytes,
)
from lkjip_cli.versi import KUNCI_VERSI, periksa_versi_format

#: Pydantic's own path parts that are not keys of the file.
_TAGS = {"angka", "rentang", "[key]"}


@dataclass(frozen=True)
class LoadResult:
    """The validated report (None when any error was found) and all diagnostics."""

    report: Laporan | None
    source: SourceMap
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return self.report is not None


def load(path: str | FsPath) -> LoadResult:
    """Read, parse and validate one report file; never raises for a user's mistake."""
    name = str(path)
    try:
        raw = baca_berkas_biasa(path, MAX_FILE_BYTES + 1)  # a FIFO or device never blocks
    except OSError as exc:
        return LoadResult(None, SourceMap(name), (diagnostik_baca(name, exc),))
    with tanpa_gc():  # acyclic data, hundreds of thousands of objects: lkjip_cli/memori.py
        return load_parsed(parse_yaml_bytes(name, raw), raw)


def load_text(text: str, name: str = "<teks>") -> LoadResult:
    """Validate a report given as text (tests, editors)."""
    with tanpa_gc():
        raw = text.encode("utf-8")
        return load_parsed(parse_yaml_bytes(name, raw), raw)


def load_parsed(parsed: ParsedYaml, raw: bytes | None = None) -> LoadResult:
    """Validate a parsed report; `raw`, the file's bytes, lets a formula's error point at
    the column of the offending character in the file, not only at the formula's start."""
    terlalu_baru = _format_terlalu_baru(parsed)
    if terlalu_baru is not None:
        return LoadResult(None, parsed.source, (terlalu_baru,))
    diagnostics = list(parsed.diagnostics)
    report: Laporan | None = None
    if parsed.data is not None:
        try:
            report = Laporan.model_validate(parsed.data)
        except ValidationError as exc:
            diagnostics.extend(_validation_diagnostics(exc, parsed.source, raw))
    if parsed.data is not None:
        diagnostics.extend(semantic_checks(parsed.data, parsed.source))
    diagnostics.sort(key=sort_key)
    if parsed.source.asal is not None:  # imported from a workbook: name the cells too
        diagnostics = [tandai(d, parsed.source.asal) for d in diagnostics]
    ok = report is not None and not has_errors(diagnostics)
    return LoadResult(report if ok else None, parsed.source, tuple(diagnostics))


# ------------------------------------------------------------- pydantic errors to lines


def _format_terlalu_baru(parsed: ParsedYaml) -> Diagnostic | None:
    """The one error for a file written for a newer data format (see `lkjip_cli.versi`)."""
    if parsed.data is None:
        return None
    mark = parsed.source.value_mark((KUNCI_VERSI,))
    posisi = (mark.line, mark.column) if mark is not None and KUNCI_VERSI in parsed.data else None
    return periksa_versi_format(parsed.source.file, parsed.data, posisi)


def _validation_diagnostics(exc: ValidationError, source: SourceMap,
                            raw: bytes | None = None) -> Iterator[Diagnostic]:
    all_errors = exc.errors()
    errors = [e for e in all_errors if e.get("input") is not INVALID]
    # From all errors: an item that failed because its YAML scalar was already reported
    # (input INVALID) still explains pydantic's too_short echo on the enclosing tuple.
    failing = {_file_path(e["loc"]) for e in all_errors if e["type"] != "too_short"}
    # Every proper prefix of a failing path, once: a set lookup per error instead of a scan
    # of all failing paths (quadratic in a file with thousands of errors).
    enclosing = {p[:end] for p in failing for end in range(len(p))}
    kept = []
    for error in errors:
        path = _file_path(error["loc"])
        if error["type"] == "too_short" and path in enclosing:
            continue  # pydantic's echo of an item that failed for its own reason
        kept.append(error)
    for error in _satukan_union(kept):
        diag = _diagnostic(error, _file_path(error["loc"]), source,
                           is_key="[key]" in error["loc"])
        yield _kolom_rumus(diag, error, raw)


#: How pydantic names a member of a union in an error's location: a type name with its
#: parameters (`literal['a','b']`, `tuple[Pita, ...]`, `function-after[...]`).
_TAG_UNION = re.compile(r"[a-z][a-z_-]*\[.*\]", re.DOTALL)


def _kolom_rumus(diag: Diagnostic, error: Any, raw: bytes | None) -> Diagnostic:
    """A formula's error at the column of the offending character in the file, when the
    formula stands on one line as written (plain, or quoted without escapes); otherwise at
    the formula's start, whose message names the column inside the formula."""
    ctx = error.get("ctx") or {}
    if error["type"] != "rumus" or "kolom" not in ctx or raw is None or diag.line is None \
            or diag.column is None:
        return diag
    lines = raw.split(b"\n", diag.line)
    if len(lines) < diag.line:
        return diag
    line = lines[diag.line - 1].decode("utf-8", "replace")
    start = diag.column - 1
    if line[start:start + 1] in ("'", '"'):
        start += 1
    if line[start:start + len(ctx["teks"])] != ctx["teks"]:
        return diag
    return replace(diag, column=start + int(ctx["kolom"]))


def _union_tag(part: int | str) -> bool:
    """A part of pydantic's location naming a member of a union, not a key of the file (a
    key like `x[1` or one holding an escape sequence `\x1b[31m` is a key)."""
    return isinstance(part, str) and part != "[key]" and bool(_TAG_UNION.fullmatch(part))


def _satukan_union(errors: list[Any]) -> list[Any]:
    """A value that fits none of the forms its key accepts gets one error, not one per form:
    the deeper errors of a form the value did take (a list of bands with a wrong band), or
    else a single error listing every accepted form."""
    out: list[Any] = []
    groups: dict[Path, list[Any]] = {}
    for error in errors:
        loc = error["loc"]
        tag_at = next((i for i, part in enumerate(loc) if _union_tag(part)), None)
        if tag_at is None:
            out.append(error)
            continue
        groups.setdefault(_file_path(loc[:tag_at]), []).append((tag_at, error))
    for members in groups.values():
        deeper = [e for i, e in members if len(e["loc"]) > i + 1]
        if deeper:
            out.extend(deeper)
            continue
        first = members[0][1]
        expected = [harapan(e["type"], e.get("ctx") or {}) or str(e["msg"]) for _, e in members]
        out.append({**first, "type": "union_tag_invalid", "loc": first["loc"][:members[0][0]],
                    "msg": pesan_gabungan(expected, first.get("input")), "gabungan": True})
    return out


def _file_path(loc: Iterable[int | str]) -> Path:
    return tuple(part for part in loc if part not in _TAGS and not _union_tag(part))


def _diagnostic(error: Any, path: Path, source: SourceMap, *, is_key: bool) -> Diagnostic:
    kind = error["type"]
    code, message = _code_and_message(kind, error, path)
    if is_key and kind == "string_pattern_mismatch":
        code, message = "unknown-place", (
            f"`{path[-1]}` bukan tempat dalam laporan: tulis nomor tabel seperti \"3.5\", "
            f"atau {', '.join(TEMPAT_BERNAMA)} (boleh diberi akhiran /nama)")
    if kind in {"extra_forbidden", "missing"} or is_key:
        mark = source.key_mark(path) if kind != "missing" else source.value_mark(path[:-1])
    else:
        mark = source.value_mark(path)
    return Diagnostic(
        file=source.file,
        line=mark.line if mark else None,
        column=mark.column if mark else None,
        severity=Severity.ERROR,
        code=code,
        message=message,
        path=format_path(path),
    )


def _code_and_message(kind: str, error: Any, path: Path) -> tuple[str, str]:
    if kind == "missing":
        return "missing", pesan_kurang(str(path[-1]))
    if kind == "extra_forbidden":
        return "unknown-key", _unknown_key_message(path)
    if error.get("gabungan"):
        return "type", str(error["msg"])
    return kode_pydantic(kind), pesan_pydantic(kind, str(error["msg"]), error.get("ctx"),
                                               error.get("input"))


def _unknown_key_message(path: Path) -> str:
    key = str(path[-1])
    allowed = allowed_keys(path[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return pesan_kunci_asing(key, close[0] if close else None, allowed)


def allowed_keys(path: Path) -> list[str]:
    """The keys the model accepts at `path` (for "did you mean" suggestions)."""
    annotation: Any = Laporan
    for part in path:
        annotation = _step(annotation, part)
        if annotation is None:
            return []
    model = _model_in(annotation)
    return list(model.model_fields) if model else []


def _step(annotation: Any, part: int | str) -> Any:
    if isinstance(part, int):
        return _element_type(annotation)
    model = _model_in(annotation)
    if model is not None and part in model.model_fields:
        return model.model_fields[part].annotation
    return _value_type(annotation)


def _candidates(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _candidates(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [c for arg in typing.get_args(annotation) for c in _candidates(arg)]
    return [annotation]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for candidate in _candidates(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _element_type(annotation: Any) -> Any:
    for candidate in _candidates(annotation):
        if typing.get_origin(candidate) in (tuple, list):
            return typing.get_args(candidate)[0]
    return None


def _value_type(annotation: Any) -> Any:
    for candidate in _candidates(annotation):
        if typing.get_origin(candidate) is dict:
            return typing.get_args(candidate)[1]
    return None
