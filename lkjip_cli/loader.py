"""`load(path)`: a YAML file to a validated `Laporan`, or to nothing, with every diagnostic.

Three stages, each of which keeps going after a problem so that the user sees them all:
the YAML source (positions, exact numbers, duplicate keys), the pydantic models (types,
missing and unknown keys), and the semantic checks of `lkjip_cli.checks` (duplicate codes,
references, realisasi above pagu). Pydantic's error locations are mapped back to the file's
lines and columns through the source map.
"""

from __future__ import annotations

import difflib
import reprlib
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from lkjip_cli.checks import semantic_checks
from lkjip_cli.diagnostics import Diagnostic, Path, Severity, format_path, has_errors, sort_key
from lkjip_cli.memori import tanpa_gc
from lkjip_cli.model.laporan import Laporan
from lkjip_cli.source.yamlsource import (
    INVALID,
    MAX_FILE_BYTES,
    ParsedYaml,
    SourceMap,
    parse_yaml_bytes,
)

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
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        diag = Diagnostic(name, None, None, Severity.ERROR, "io", exc.strerror or str(exc))
        return LoadResult(None, SourceMap(name), (diag,))
    with tanpa_gc():  # acyclic data, hundreds of thousands of objects: lkjip_cli/memori.py
        return load_parsed(parse_yaml_bytes(name, raw))


def load_text(text: str, name: str = "<teks>") -> LoadResult:
    """Validate a report given as text (tests, editors)."""
    with tanpa_gc():
        return load_parsed(parse_yaml_bytes(name, text.encode("utf-8")))


def load_parsed(parsed: ParsedYaml) -> LoadResult:
    diagnostics = list(parsed.diagnostics)
    report: Laporan | None = None
    if parsed.data is not None:
        try:
            report = Laporan.model_validate(parsed.data)
        except ValidationError as exc:
            diagnostics.extend(_validation_diagnostics(exc, parsed.source))
    if parsed.data is not None:
        diagnostics.extend(semantic_checks(parsed.data, parsed.source))
    diagnostics.sort(key=sort_key)
    ok = report is not None and not has_errors(diagnostics)
    return LoadResult(report if ok else None, parsed.source, tuple(diagnostics))


# ------------------------------------------------------------- pydantic errors to lines


def _validation_diagnostics(exc: ValidationError, source: SourceMap) -> Iterator[Diagnostic]:
    all_errors = exc.errors()
    errors = [e for e in all_errors if e.get("input") is not INVALID]
    # From all errors: an item that failed because its YAML scalar was already reported
    # (input INVALID) still explains pydantic's too_short echo on the enclosing tuple.
    failing = {_file_path(e["loc"]) for e in all_errors if e["type"] != "too_short"}
    # Every proper prefix of a failing path, once: a set lookup per error instead of a scan
    # of all failing paths (quadratic in a file with thousands of errors).
    enclosing = {p[:end] for p in failing for end in range(len(p))}
    for error in errors:
        path = _file_path(error["loc"])
        if error["type"] == "too_short" and path in enclosing:
            continue  # pydantic's echo of an item that failed for its own reason
        yield _diagnostic(error, path, source, is_key="[key]" in error["loc"])


def _file_path(loc: Iterable[int | str]) -> Path:
    return tuple(part for part in loc if part not in _TAGS)


def _diagnostic(error: Any, path: Path, source: SourceMap, *, is_key: bool) -> Diagnostic:
    kind = error["type"]
    code, message = _code_and_message(kind, error, path)
    if is_key and kind == "string_pattern_mismatch":
        code, message = "unknown-place", (
            f"`{path[-1]}` is not a place of the report: write a table number such as "
            '"3.5", or ikhtisar, bab2, bab3, bab4 (optionally with a /suffix)')
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
        return "missing", f"required key `{path[-1]}` is missing"
    if kind == "extra_forbidden":
        return "unknown-key", _unknown_key_message(path)
    message = str(error["msg"])
    if kind.startswith(("number-", "negative")):
        return kind, message
    shown = _tampil(error.get("input"))
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if kind.endswith(("_type", "_parsing")) or kind in {"literal_error", "union_tag_invalid"}:
        return "type", f"{_lower_first(message)}, got {shown}"
    return "value", f"{_lower_first(message)}, got {shown}"


_RINGKAS = reprlib.Repr()
_RINGKAS.maxlevel, _RINGKAS.maxlist, _RINGKAS.maxdict = 3, 6, 4


def _tampil(value: Any) -> str:
    """The input as a message shows it; a list or mapping shortened before it is written
    out (a flat list of a million values is not turned into text to show 60 characters)."""
    if isinstance(value, list | dict | tuple):
        return _RINGKAS.repr(value)
    return repr(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _unknown_key_message(path: Path) -> str:
    key = str(path[-1])
    allowed = allowed_keys(path[:-1])
    message = f"unknown key `{key}`"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean `{close[0]}`?"
    if allowed:
        return f"{message}; expected one of: {', '.join(sorted(allowed))}"
    return message


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
