"""lkjip: a report calculator for Indonesian LKjIP (Laporan Kinerja Instansi Pemerintah).

The folders are the architecture (docs/arsitektur.md); each layer only looks down:

    cli            one thin typer module per command
    banyak         many reports: rekap, check over many files
    render | buku  the surfaces | the data-entry workbook, both directions
    tabel | audit  the table models every surface draws | printed figures against computed ones
    engine | loader  pure computation with provenance | load(path): models + semantic checks
    checks         semantic checks of the YAML document
    model          pydantic v2 models of one report (the data format) and its vocabulary
    source         files at the edge: YAML with positions, every number a Decimal; safe writers
    versi, diagnostics, angka, pesan, memori: the foundation
"""

__version__ = "0.1.0"
