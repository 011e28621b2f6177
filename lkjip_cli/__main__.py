"""`python -m lkjip_cli` runs the same CLI as the `lkjip` console script."""

from lkjip_cli.cli.app import main

main()
