"""The reference report loads without a diagnostic."""

from pathlib import Path

from lkjip_cli.loader import load

DATA = Path(__file__).resolve().parent.parent / "data" / "2020.yaml"


def test_reference_report_is_valid() -> None:
    result = load(DATA)
    assert result.diagnostics == ()
    assert result.report is not None
    assert [s.kode for s in result.report.sasaran] == ["SS1", "SS2", "SS3"]
