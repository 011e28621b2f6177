"""The reference report loads without a diagnostic."""

from pathlib import Path

from lkjip_cli.loader import load

DATA = Path(__file__).resolve().parent.parent / "data" / "2020.yaml"


def test_reference_report_is_valid() -> None:
    result = load(DATA)
    # One warning, by design: IKU2's quarterly targets are printed 0 against an annual 50.
    assert [d.code for d in result.diagnostics] == ["rekap-triwulan"]
    assert result.report is not None
    assert [s.kode for s in result.report.sasaran] == ["SS1", "SS2", "SS3"]
