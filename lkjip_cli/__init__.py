"""lkjip: a report calculator for Indonesian LKjIP (Laporan Kinerja Instansi Pemerintah).

The package is layered so that each layer only looks down:

    source  -> YAML text with source positions, every number a Decimal
    model   -> pydantic v2 models of one report (the data format)
    loader  -> load(path): models + semantic checks, diagnostics as values
    engine  -> pure computation of every figure, with provenance
    audit   -> `lkjip check`: printed figures against computed ones
    render  -> rich tables and Jinja2 Markdown
    cli     -> one thin typer module per command
"""

__version__ = "0.1.0"
