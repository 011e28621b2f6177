"""Semantic checks of a report: what a schema cannot say (unique codes, references that
resolve, years, quarters against the year, spending against pagu), read from the parsed YAML
document so that they run even where model validation failed.

The room's one entry is `semantic_checks(data, source)`; the loader calls it and nothing else.
Inside, each concern is one module (codes, indicators, years, budget tree, spending classes,
scales, printed labels, period, mistyped thousands), run in the order `semantik.PEMERIKSAAN`
declares: a new check is a new module registered there in one line.
"""

from lkjip_cli.checks.semantik import semantic_checks

__all__ = ["semantic_checks"]
