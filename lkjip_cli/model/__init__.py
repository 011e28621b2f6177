"""The report data format: pydantic models and the field types they share."""

from lkjip_cli.model.laporan import Laporan

__all__ = ["Laporan"]
