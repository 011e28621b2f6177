"""The pure engine: every figure of Bab III from a validated report, with provenance.

No I/O, and never an import of typer, rich or jinja2 (a test checks `sys.modules`).
"""

from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.hitung import hitung

__all__ = ["Hasil", "hitung"]
