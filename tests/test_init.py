"""`lkjip init`: the starter validates as written, its blanks are all marked, and once filled
it computes; `--dari` carries a report into the next year."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from click.testing import Result
from conftest import listing
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "data" / "2020.yaml")


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _starter() -> str:
    result = run("init", "--instansi", "Dinas Contoh", "--tahun", "2022", "--renstra",
                 "2021-2026", "--sasaran", "3", "--indikator", "7")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_starter_validates_as_written() -> None:
    loaded = load_text(_starter())
    assert loaded.ok, loaded.diagnostics
    lap = loaded.report
    assert lap is not None
    # 7 indicators over 3 sasaran: 3 + 2 + 2, numbered IKU1..IKU7 in order.
    assert [len(s.indikator) for s in lap.sasaran] == [3, 2, 2]
    assert [i.kode for s in lap.sasaran for i in s.indikator] == [f"IKU{n}" for n in range(1, 8)]
    assert (lap.tahun, lap.renstra.mulai, lap.renstra.selesai) == (2022, 2021, 2026)
    assert lap.instansi.nama == "Dinas Contoh"


def test_every_default_rule_is_written_with_its_meaning() -> None:
    text = _starter()
    aturan = text.split("\naturan:\n", 1)[1].split("\n\n", 1)[0]
    for key in ("desimal_persen", "pembulatan", "rumus_negatif", "target_nol", "rata_rata",
                "efisiensi", "skala_interpretasi", "skala_predikat", "ambang_berhasil"):
        line = next(ln for ln in aturan.splitlines() if ln.strip().startswith(f"{key}:"))
        assert "  # " in line, line  # a comment names what the rule means


def _fill(text: str) -> str:
    """Replace every `# ISI:` value by hand-chosen data: names, `%`, target 80, realisasi 72,
    quarters 20/40/60/80 against 18/36/54/72, Renstra targets 80, pagu 1.000.000 and
    realisasi 900.000, and a line of text for each narrative."""
    quarter = {1: 20, 2: 40, 3: 60, 4: 80}
    out = []
    for line in text.splitlines():
        match = re.match(r"^(\s*-? ?)(\w+): (.*?)  # ISI: (.*)$", line)
        if not match:
            out.append(line)
            continue
        lead, key, _, what = match.groups()
        tw = re.search(r"TW (\d)", what)
        if key == "nama":
            value = "Nama " + what
        elif key == "singkatan":
            value = "DC"
        elif key == "satuan":
            value = '"%"'
        elif tw:
            q = quarter[int(tw[1])]
            value = str(q if key == "target" else q * 9 // 10)
        elif key == "target" or "Renstra" in what:
            value = "80"
        elif key == "realisasi":
            value = "72" if "Tabel 3.5" in what else "900000"
        elif key in ("kata_pengantar", "ikhtisar"):
            value = f"Teks {what}"
        else:
            value = "1000000"
        out.append(f"{lead}{key}: {value}")
    return "\n".join(out) + "\n"


def test_filled_starter_computes() -> None:
    filled = _fill(_starter())
    assert "  # ISI:" not in filled
    loaded = load_text(filled)
    assert loaded.ok, loaded.diagnostics
    assert loaded.report is not None
    hasil = hitung(loaded.report)
    ind = hasil.sasaran[0].indikator[0]
    assert ind.capaian.nilai == Decimal(90)  # 72 / 80 x 100
    keg = hasil.program[0].kegiatan[0]
    assert keg.anggaran.penyerapan.nilai == Decimal(90)  # 900.000 / 1.000.000 x 100


def test_dari_moves_the_report_one_year_on() -> None:
    result = run("init", "--dari", DATA)
    assert result.exit_code == 0, result.output
    loaded = load_text(result.stdout)
    assert loaded.ok, loaded.diagnostics
    lap = loaded.report
    assert lap is not None and lap.tahun == 2021
    iku1 = lap.sasaran[0].indikator[0]
    # 2020's realisasi 73 joins 2019's 84,19 as last year's; the target is Renstra 2021, 80.
    assert iku1.realisasi_sebelumnya == {2019: Decimal("84.19"), 2020: Decimal(73)}
    assert iku1.target == Decimal(80)
    assert iku1.realisasi is None
    assert all(not t.target and not t.realisasi for t in iku1.triwulan)
    assert iku1.dilaporkan.model_dump() == type(iku1.dilaporkan)().model_dump()  # cleared
    assert "dilaporkan:" not in result.stdout
    # 2020's belanja langsung is now given in full: the sum of its 19 kegiatan, 23.265.036.415.
    b2020 = next(b for b in lap.belanja if b.tahun == 2020)
    assert b2020.langsung.pagu == Decimal(23265036415)
    assert (b2020.jumlah_program, b2020.jumlah_kegiatan) == (8, 19)


def test_init_writes_a_file_and_keeps_an_existing_one(tmp_path: Path) -> None:
    out = tmp_path / "2022.yaml"
    assert run("init", str(out), "--tahun", "2022").exit_code == 0
    assert load_text(out.read_text(encoding="utf-8")).ok
    out.write_text("instansi: {nama: sedang diisi}\n", encoding="utf-8")
    refused = run("init", str(out), "--tahun", "2022")
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "instansi: {nama: sedang diisi}\n"
    assert run("init", str(out), "--tahun", "2022", "--force").exit_code == 0
    assert listing(tmp_path) == ["2022.yaml"]


def test_init_never_writes_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "2020.yaml"
    src.write_text(Path(DATA).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("init", str(src), "--dari", str(src), "--force")
    assert result.exit_code == 2
    assert "berkas masukan" in result.stderr
    assert src.read_text(encoding="utf-8") == Path(DATA).read_text(encoding="utf-8")


def test_xlsx_needs_a_file_name_and_no_dari() -> None:
    no_name = run("init", "--to", "xlsx")
    assert no_name.exit_code == 2
    assert "--to xlsx memerlukan nama berkas OUT" in no_name.output
    with_dari = run("init", "x.xlsx", "--to", "xlsx", "--dari", DATA)
    assert with_dari.exit_code == 2
    assert "--dari hanya untuk YAML" in with_dari.output


def test_renstra_period_is_checked() -> None:
    result = run("init", "--renstra", "2026-2021")
    assert result.exit_code == 2
    assert "TAHUN-TAHUN" in result.output
