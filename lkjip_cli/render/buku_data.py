"""The old path of the data-entry workbook writer, kept for code written against it.

docs/excel.md named `lkjip_cli.render.buku_data.buku_data(laporan)` before the workbook got a
room of its own (issue 19); the writer now lives in `lkjip_cli.buku.tulis`, beside the
workbook's layout and reader (docs/arsitektur.md). New code imports it from there. This
re-export is the one import from render/ into buku/, allowed by name in pyproject.toml's
import-linter contracts.
"""

from lkjip_cli.buku.tulis import buku_data, buku_kosong, simpan

__all__ = ["buku_data", "buku_kosong", "simpan"]
