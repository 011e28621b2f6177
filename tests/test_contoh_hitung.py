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


def test_buku_isian_memuat_hitung(tmp_path: Path) -> None:
    """The data-entry workbook holds `hitung` (sheets Hitung and Masukan Hitung) and the
    earlier years' printed figures: export --data then import gives the same report, whose
    figures check as clean as the YAML's."""
    from typer.testing import CliRunner

    from lkjip_cli.cli.app import app

    buku, kembali = tmp_path / "isian.xlsx", tmp_path / "kembali.yaml"
    r = CliRunner().invoke(app, ["export", str(CONTOH), "--to", "xlsx", "--data", "-o",
                                 str(buku)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["import", str(buku), "-o", str(kembali)])
    assert r.exit_code == 0, r.output
    asli, baru = load(str(CONTOH)).report, load(str(kembali)).report
    assert asli is not None and baru is not None
    assert baru.model_dump() == asli.model_dump()
    teks = kembali.read_text(encoding="utf-8")
    # every value names its cell: the target formula, a pair's target value, an earlier year
    assert 'target: "ditindaklanjuti / pengaduan * 100"  # Hitung!D4' in teks
    assert "target: 57  # Masukan Hitung!C13" in teks
    assert "bab3: 94.12  # Dilaporkan!" in teks
    found = audit(hitung(baru)).temuan
    assert len(found) == 31 and all(t.tingkat is Tingkat.COCOK for t in found)
