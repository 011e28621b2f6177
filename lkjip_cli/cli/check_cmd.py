"""`lkjip check FILE...`: audit every figure a report printed."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Filled in by the check command."""
