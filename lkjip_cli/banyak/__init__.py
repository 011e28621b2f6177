"""Many reports at once: the files PATH arguments name (`cari`: files, directories, globs),
`lkjip rekap`'s recap across agencies and years (`rekap`, and its tables and outputs in
`keluaran`) and `lkjip check` over many files (`periksa`), both on every core with results
in input order (`paralel`).
"""
