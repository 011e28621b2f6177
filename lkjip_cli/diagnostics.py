"""Diagnostics as values.

Every stage (YAML parsing, model validation, semantic checks, the engine, the audit) returns
its result together with a tuple of `Diagnostic` records and keeps going, so that a user sees
every problem of a file at once. Only the CLI prints them, in one place, in the format asked
for (yamllint style text, JSON, or GitHub Actions annotations).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum

PathPart = str | int
Path = tuple[PathPart, ...]


class Severity(StrEnum):
    """How bad a diagnostic is; `error` makes a file invalid."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in one file, at one place when the place is known."""

    file: str
    line: int | None
    column: int | None
    severity: Severity
    code: str
    message: str
    path: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def format_path(path: Sequence[PathPart]) -> str:
    """`("sasaran", 1, "indikator", 0, "target")` -> `sasaran[1].indikator[0].target`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def sort_key(diag: Diagnostic) -> tuple[str, int, int, str]:
    return (diag.file, diag.line or 0, diag.column or 0, diag.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def format_text(diag: Diagnostic) -> str:
    """`file:line:col: error[code]: path: message` (yamllint / compiler style)."""
    where = diag.file
    if diag.line is not None:
        where += f":{diag.line}:{diag.column or 1}"
    subject = f"{diag.path}: " if diag.path else ""
    return f"{where}: {diag.severity.value}[{diag.code}]: {subject}{diag.message}"


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_annotation(level: str, file: str, line: int | None, column: int | None,
                      title: str, message: str) -> str:
    """One GitHub Actions workflow command (`::error file=...,line=...::message`)."""
    props = [f"file={_github_escape(file, property_value=True)}"]
    if line is not None:
        props.append(f"line={line}")
        props.append(f"col={column or 1}")
    props.append(f"title={_github_escape(title, property_value=True)}")
    return f"::{level} {','.join(props)}::{_github_escape(message)}"


def format_github(diag: Diagnostic) -> str:
    """A diagnostic as a GitHub annotation, so it shows on the file's line in a PR."""
    subject = f"{diag.path}: " if diag.path else ""
    return github_annotation(diag.severity.value, diag.file, diag.line, diag.column, diag.code,
                             subject + diag.message)


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    import json  # only JSON output pays for it

    rows = [asdict(d) | {"severity": d.severity.value} for d in diagnostics]
    return json.dumps({"diagnostics": rows}, ensure_ascii=False, indent=2)
