"""The command line: one thin module per command, wired together in `app`; what commands share
sits beside them (`opsi`: options, `berkas`: the write policy, `output`: diagnostics and exit
codes, `bantuan`: Indonesian help), so no command imports another."""
