"""data/contoh-hitung-2023.yaml, the invented example of issue 22's derived indicators and
named methods: it validates, checks clean, and its figures are the ones worked by hand in its
comments (never read back from the engine)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lkjip_cli.angka import bulatkan
from lkjip_cli.audit import Tingkat, audit
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load

CONTOH = Path(__file__).resolve().parent.parent / "data" / "contoh-hitung-2023.yaml"


def test_contoh_hitung_bersih_dan_angkanya() -> None:
    loaded = load(str(CONTOH))
    assert loaded.report is not None and loaded.diagnostics == ()
    h = hitung(loaded.report)
    found = audit(h).temuan
    assert len(found) >= 19
    assert [t for t in found if t.tingkat is not Tingkat.COCOK] == []

    def r(v: Decimal | None) -> Decimal:
        assert v is not None
        return bulatkan(v, 2, "half-up")

    assert [r(i.realisasi) for i in h.indikator] == [Decimal("93.33"), Decimal("91.48"),
                                                      Decimal("95.00")]
    assert r(h.rata_rata_capaian.nilai) == Decimal("103.73")
    assert r(h.efisiensi.nilai) == Decimal("69.50")
    # IKU3's target derived from its inputs' target values: 57 / 60 x 100 = 95
    assert h.indikator[2].target == Decimal(95)
    # last year's capaian 100; 87,5 / 85 x 100 = 102,9412; 90 / 95 x 100 = 94,7368;
    # geometric mean (1 x 1,029412 x 0,947368)^(1/3) x 100 = 99,1675
    assert h.rata_rata_capaian_tahun_lalu is not None
    assert r(h.rata_rata_capaian_tahun_lalu.nilai) == Decimal("99.17")
    assert h.perubahan_rata_rata_capaian is not None
    assert r(h.perubahan_rata_rata_capaian.nilai) == Decimal("4.56")


def test_json_indikator_turunan() -> None:
    import json

    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    r = CliRunner().invoke(app, ["compute", str(CONTOH), "-t", "3.5", "-f", "json"])
    assert r.exit_code == 0, r.output
    turunan = {t["kode"]: t for t in json.loads(r.output)["indikator_turunan"]}
    assert turunan["IKU1"]["masukan"] == {"diselesaikan": "42", "diterima": "45"}
    assert turunan["IKU1"]["rumus"] == "diselesaikan / diterima * 100"
    assert turunan["IKU2"]["mutu"] == "A" and turunan["IKU2"]["nrr"]["u4"] == "4"  # 116 / 29


def test_buku_isian_menolak_hitung(tmp_path: Path) -> None:
    """The data-entry workbook cannot hold `hitung` yet: refused (exit 2, nothing written),
    never written without the derived realisasi."""
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    out = tmp_path / "isian.xlsx"
    r = CliRunner().invoke(app, ["export", str(CONTOH), "--to", "xlsx", "--data", "-o",
                                 str(out)])
    assert r.exit_code == 2
    lines = [x for x in r.output.splitlines() if "xlsx-lossy" in x]
    assert [x.split(": ")[2] for x in lines] == [
        "sasaran[0].indikator[0].hitung", "sasaran[0].indikator[1].hitung",
        "sasaran[1].indikator[0].hitung"]
    assert all("tidak memuat `sasaran.indikator.hitung` (hanya di YAML:" in x for x in lines)
    assert not out.exists()
