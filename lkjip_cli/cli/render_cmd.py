"""`lkjip render FILE`: the report's chapters as Markdown from Jinja2 templates."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Filled in by the render command."""
