"""The report data format: pydantic models and the field types they share, the format's
vocabulary (spending classifications, table numbering, quarterly roll-up rules) and its
descriptions for the people who write reports (the JSON Schema, `lkjip init`'s starter)."""

from lkjip_cli.model.laporan import Laporan

__all__ = ["Laporan"]
