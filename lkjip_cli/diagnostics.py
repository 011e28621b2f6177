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

from lkjip_cli import __version__

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
    #: A workbook's sheet and cell (`Indikator`, `E7`) instead of a line and column, or,
    #: with `buku`, beside them: the cell of the workbook a YAML value was imported from.
    sheet: str | None = None
    cell: str | None = None
    buku: str | None = None

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


#: Characters a terminal acts on rather than shows: C0 and C1 controls and DEL (an ESC starts
#: a sequence that can recolour, move the cursor or retitle the window; a newline splits a
#: diagnostic line in two), the bidirectional overrides and isolates that reorder what
#: follows (U+202E shows `exe.txt` for `txt.exe`; "Trojan Source"), and the line and
#: paragraph separators some terminals break lines at.
_KENDALI = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
            *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029]
_SINGKAT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_TAMPAK = {c: _SINGKAT.get(c) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}")
           for c in _KENDALI}


def aman_terminal(text: str) -> str:
    """`text` with every terminal control character shown as its escape (`\\x1b`,
    `\\u202e`, `\\n`), so that data from a file (a name, a key, a file name) can never act
    on the terminal nor split a line. Everything else, accents and all, is unchanged."""
    return text.translate(_TAMPAK)


def format_text(diag: Diagnostic) -> str:
    """`file:line:col: error[code]: path: message` (yamllint / compiler style), on one line
    whatever the file name or the data hold (`aman_terminal`)."""
    where = diag.file
    subject = f"{diag.path}: " if diag.path else ""
    if diag.line is not None:
        where += f":{diag.line}:{diag.column or 1}"
        if diag.buku is not None:  # imported: the cell the user typed, then the YAML path
            subject = f"{diag.buku}:{diag.sheet}!{diag.cell}: {subject}"
    elif diag.sheet is not None:
        where += f":{diag.sheet}" + (f"!{diag.cell}" if diag.cell else "")
    return aman_terminal(f"{where}: {diag.severity.value}[{diag.code}]: {subject}{diag.message}")


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
    # After GitHub's own escapes (%0A for a newline), the controls left are shown escaped.
    return aman_terminal(f"::{level} {','.join(props)}::{_github_escape(message)}")


def format_github(diag: Diagnostic) -> str:
    """A diagnostic as a GitHub annotation, so it shows on the file's line in a PR."""
    subject = f"{diag.path}: " if diag.path else ""
    if diag.sheet is not None:
        subject = f"{diag.sheet}" + (f"!{diag.cell}" if diag.cell else "") + ": " + subject
    return github_annotation(diag.severity.value, diag.file, diag.line, diag.column, diag.code,
                             subject + diag.message)


def _tanpa_sel_kosong(row: dict[str, object]) -> dict[str, object]:
    """A YAML diagnostic's JSON keeps its shape: `sheet` and `cell` only for a workbook (or a
    file imported from one, with `buku`)."""
    return {k: v for k, v in row.items() if k not in ("sheet", "cell", "buku") or v is not None}


def to_json(diagnostics: Iterable[Diagnostic]) -> str:
    import json  # only JSON output pays for it

    rows = [_tanpa_sel_kosong(asdict(d)) | {"severity": d.severity.value} for d in diagnostics]
    return json.dumps({"lkjip": __version__, "diagnostics": rows}, ensure_ascii=False, indent=2)
