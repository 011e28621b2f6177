"""Findings point where the user typed (issue 20 point 6): a report imported from a workbook
keeps each value's cell as a comment on its line, and `validate`, `check` and `explain` name
that cell (`contoh.xlsx:Dilaporkan!F9`) beside the YAML line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from lkjip_cli.buku.tulis import buku_data, simpan
from lkjip_cli.cli.app import app
from lkjip_cli.loader import load
from lkjip_cli.source.asal_sel import asal_sel

ROOT = Path(__file__).resolve().parent.parent


def _impor(tmp: Path, ubah: tuple[str, str, str, str] | None = None) -> tuple[Path, str]:
    """data/contoh-2023.yaml through a workbook (`ubah`: on the Dilaporkan row of that
    bagian, kode and besaran, set Nilai), imported to YAML; the Nilai cell of that row."""
    asli = load(ROOT / "data" / "contoh-2023.yaml").report
    assert asli is not None
    wb = buku_data(asli)
    sel = ""
    if ubah is not None:
        ws = wb["Dilaporkan"]
        judul = [c.value for c in ws[1]]
        kol = {j: i for i, j in enumerate(judul)}
        for row in ws.iter_rows(min_row=2):
            kunci = (row[kol["Bagian"]].value, row[kol["Kode atau tahun"]].value,
                     row[kol["Besaran"]].value)
            if kunci == ubah[:3]:
                row[kol["Nilai"]].value = ubah[3]
                sel = row[kol["Nilai"]].coordinate
                break
        assert sel
    buku = tmp / "contoh.xlsx"
    buku.write_bytes(simpan(wb))
    out = tmp / "2023.yaml"
    result = CliRunner().invoke(app, ["import", str(buku), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, sel


def test_imported_yaml_keeps_each_cell_and_names_its_workbook(tmp_path: Path) -> None:
    out, _ = _impor(tmp_path)
    teks = out.read_text(encoding="utf-8")
    asal = asal_sel(teks)
    assert asal is not None and asal.buku == "contoh.xlsx"
    baris = next(i for i, b in enumerate(teks.splitlines(), 1) if "1.02.02.2.01.0014" in b)
    assert asal.di(baris) == ("Program Kegiatan", "B4")  # header, program, kegiatan, this
    # Any other file is not read for cells.
    assert asal_sel((ROOT / "data" / "2020.yaml").read_text(encoding="utf-8")) is None


def test_check_names_the_cell_of_a_wrong_printed_figure(tmp_path: Path) -> None:
    out, sel = _impor(tmp_path, ("indikator", "IKU1", "capaian", "112,40"))
    result = CliRunner().invoke(app, ["check", str(out)])
    assert result.exit_code == 1, result.output
    baris = [b for b in result.output.splitlines() if "112,40" in b]
    assert len(baris) == 1 and f"Dilaporkan!{sel}" in baris[0], result.output
    hasil = CliRunner().invoke(app, ["check", str(out), "--format", "json"])
    temuan = [t for t in json.loads(hasil.output)["temuan"]
              if t["path"] == "sasaran[0].indikator[0].dilaporkan.capaian.III.4"]
    assert [(t["buku"], t["sel"]) for t in temuan] == [("contoh.xlsx", f"Dilaporkan!{sel}")]
    gh = CliRunner().invoke(app, ["check", str(out), "--format", "github"])
    assert f"contoh.xlsx:Dilaporkan!{sel}: " in gh.output


def test_validate_names_the_cell_beside_the_line(tmp_path: Path) -> None:
    out, _ = _impor(tmp_path)
    teks = out.read_text(encoding="utf-8")
    # The user edits the imported file: IKU3's target is no longer a number.
    baris = teks.splitlines()
    i = next(i for i, b in enumerate(baris) if re.search(r"target: 80  # Indikator!G\d+$", b))
    sel = baris[i].rsplit("# ", 1)[1]
    baris[i] = baris[i].replace("target: 80", "target: delapan puluh")
    out.write_text("\n".join(baris) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(out)])
    assert result.exit_code == 2
    assert f"{out}:{i + 1}:" in result.stderr
    assert f": contoh.xlsx:{sel}: sasaran[1].indikator[0].target: " in result.stderr


def test_explain_names_the_cell_of_each_input(tmp_path: Path) -> None:
    out, _ = _impor(tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "contoh.xlsx")
    ws = wb["Triwulan"]
    judul = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2)
               if (r[judul.index("Indikator")].value, r[judul.index("Triwulan")].value)
               == ("IKU3", 2))
    sel = row[judul.index("Target")].coordinate
    result = CliRunner().invoke(app, ["explain", str(out), "IKU3"])
    assert result.exit_code == 0, result.output
    # The capaian up to TW II is measured on the second quarter's target (periode TW2).
    assert f"target = 80 ({out}:" in result.output
    assert f"; contoh.xlsx:Triwulan!{sel})" in result.output


def test_a_file_not_imported_keeps_its_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(ROOT / "data" / "contoh-2023.yaml"),
                                      "--format", "json"])
    assert all("sel" not in t for t in json.loads(result.output)["temuan"])
