"""The surfaces: what a reader sees, drawn from the table models (`lkjip_cli.tabel`) and the
engine's result, one sub-room per medium: `teks/` (terminal, JSON, CSV, findings, explain),
`markdown/` (chapters from sandboxed templates), `xlsx/` (a workbook of live formulas),
`docx.py` (Word) and `grafik.py` (the charts all three show)."""
