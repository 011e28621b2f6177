"""Issue 9, points 7 to 9: every message about a user's file is Indonesian, names the fix, and
leaks no library wording. Table-driven over small inline reports (MINIMAL, tests/conftest.py);
each case: the change to the report, the code (unchanged from before), the line and column
counted by hand from conftest's layout, and the words of the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import MINIMAL, PROGRAM, vary

from lkjip_cli.loader import load_text
from lkjip_cli.model.types import TEMPAT_BERNAMA, Lokasi

ROOT = Path(__file__).resolve().parent.parent

#: Words of pydantic's and libyaml's English that must never reach a user.
BOCOR = re.compile(r"\b(should|expected|found|got|input|valid|tuple|dictionary|instance|"
                   r"character that|token|is missing|unknown key|did you mean|is not|"
                   r"cannot|must|string|boolean|integer)\b", re.IGNORECASE)

IND = "sasaran[0].indikator[0]"

# (name, old, new, code, line, column, path, words of the message)
KASUS = [
    # --- pydantic error types
    ("missing", '        satuan: "%"\n', "", "missing", 9, 9, f"{IND}.satuan",
     "kunci wajib `satuan` tidak ada: tambahkan `satuan: ...`"),
    ("extra_forbidden", "realisasi: 72", "realsasi: 72", "unknown-key", 13, 9,
     f"{IND}.realsasi", "kunci `realsasi` tidak dikenal; maksud Anda `realisasi`?"),
    ("literal_error", "realisasi: 72\n", "realisasi: 72\n        polaritas: naik\n", "type",
     14, 20, f"{IND}.polaritas", 'harus salah satu dari: positif, negatif, ditemukan "naik"'),
    ("too_short (tuple)", MINIMAL[MINIMAL.index("sasaran:"):], "sasaran: []\n", "value", 5, 10,
     "sasaran", "harus berisi sekurang-kurangnya 1 butir, ditemukan 0 butir; tambahkan"),
    ("int_parsing", "tahun: 2020", "tahun: dua ribu", "type", 3, 8, "tahun",
     'harus berupa bilangan bulat, ditemukan "dua ribu"'),
    ("string_type", "nama: Indikator satu", "nama: [a]", "type", 10, 15, f"{IND}.nama",
     "harus berupa teks, ditemukan sebuah daftar berisi 1 butir"),
    ("string_type (null)", "nama: Indikator satu", "nama:", "type", 10, 14, f"{IND}.nama",
     "harus berupa teks, ditemukan kosong (null)"),
    ("string_too_short", "nama: Indikator satu", "nama: ''", "value", 10, 15, f"{IND}.nama",
     'harus berupa teks sekurang-kurangnya 1 huruf, ditemukan ""'),
    ("string_pattern_mismatch", "kode: IKU1", "kode: '#IKU1'", "value", 9, 15, f"{IND}.kode",
     "harus berupa kode diawali huruf atau angka"),
    ("bool_parsing", "realisasi: 72\n", "realisasi: 72\n        persen_maks_100: ya\n", "type",
     14, 26, f"{IND}.persen_maks_100", "harus bernilai true atau false, ditemukan \"ya\""),
    ("mapping (model_type)", "renstra: {mulai: 2019, selesai: 2023}", "renstra: 2019", "type",
     4, 10, "renstra", "harus berupa pemetaan (kunci: nilai), ditemukan 2019"),
    ("list (tuple_type)", "realisasi: 72\n", "realisasi: 72\n        triwulan: 5\n", "type", 14,
     19, f"{IND}.triwulan", "harus berupa daftar (butir diawali `- `), ditemukan 5"),
    ("greater_than_equal", "tahun: 2020", "tahun: 1900", "value", 3, 8, "tahun",
     "harus sekurang-kurangnya 1945, ditemukan 1900"),
    ("union (literal or list)", "tahun: 2020\n", "tahun: 2020\naturan: {skala_interpretasi: foo}\n",
     "type", 4, 30, "aturan.skala_interpretasi",  # `aturan: {` 9, `skala_interpretasi: ` 20
     "harus salah satu dari: permendagri-86-2017, enam-tingkat; atau berupa daftar"),
    ("range written 60-85", "target: 80", "target: 60-85", "number-invalid", 12, 17,
     f"{IND}.target", "target rentang ditulis {min: 60, maks: 85}"),
    ("range as a list", "target: 80", "target: [60, 85]", "number-type", 12, 17,
     f"{IND}.target", "harus berupa angka, ditemukan sebuah daftar; target rentang ditulis"),
    ("range missing maks", "target: 80", "target: {min: 60}", "missing", 12, 17,
     f"{IND}.target.maks", "kunci wajib `maks` tidak ada"),
    ("date where a number belongs", "target: 80", "target: 2020-01-01", "number-invalid", 12,
     17, f"{IND}.target", "2020-01-01"),
    # --- libyaml scanner and parser errors
    ("% starting a scalar", 'satuan: "%"', "satuan: %", "yaml-syntax", 11, 17, "",
     '`%` tidak dapat mengawali nilai tanpa tanda kutip: tulis "%"'),
    ("@ starting a scalar", "nama: Indikator satu", "nama: @satu", "yaml-syntax", 10, 15, "",
     "`@` tidak dapat mengawali nilai tanpa tanda kutip"),
    ("backtick starting a scalar", "nama: Indikator satu", "nama: `satu`", "yaml-syntax", 10,
     15, "", "tanda petik terbalik (`) tidak dapat mengawali nilai tanpa tanda kutip"),
    ("tab indentation", "        realisasi: 72", "\trealisasi: 72", "yaml-syntax", 13, 1, "",
     "karakter tab tidak boleh dipakai di YAML untuk indentasi: ganti dengan spasi"),
    ("unclosed double quote", "nama: Indikator satu", 'nama: "Indikator satu', "yaml-syntax",
     11, 18, "", "tanda kutip dari baris di atasnya tidak ditutup"),
    ("unclosed single quote", "nama: Indikator satu", "nama: 'Indikator satu", "yaml-syntax",
     14, 1, "", "tanda kutip tidak ditutup (dibuka di baris 10)"),
    ("unclosed [", "renstra: {mulai: 2019, selesai: 2023}", "renstra: [2019, 2023",
     "yaml-syntax", 5, 8, "", "daftar `[` tidak ditutup dengan `]` (dibuka di baris 4)"),
    ("unclosed {", "renstra: {mulai: 2019, selesai: 2023}", "renstra: {mulai: 2019",
     "yaml-syntax", 5, 8, "", "pemetaan `{` tidak ditutup dengan `}` (dibuka di baris 4)"),
    ("colon in a plain value", "nama: Dinas Contoh", "nama: Dinas: Contoh", "yaml-syntax", 2,
     14, "", 'beri tanda kutip pada nilainya, misalnya nama: "Dinas: Contoh"'),
    ("bad indentation", "        realisasi: 72", "      realisasi: 72", "yaml-syntax", 13, 7,
     "", "indentasi tidak sejajar"),
    ("duplicate anchor", "target: 80\n        realisasi: 72",
     "target: &a 80\n        realisasi: &a 72", "yaml-syntax", 13, 20, "",
     "jangkar `&a` dipakai dua kali (pertama di baris 12)"),
    ("undefined alias", "realisasi: 72", "realisasi: *x", "yaml-syntax", 13, 20, "",
     "alias `*x` tidak merujuk ke jangkar `&x`"),
    ("* starting text", "nama: Indikator satu", "nama: * satu", "yaml-syntax", 10, 16, "",
     "beri tanda kutip bila itu bagian dari teks"),
    ("unknown escape", "nama: Indikator satu", 'nama: "a\\q"', "yaml-syntax", 10, 17, "",
     "pakai tanda kutip tunggal"),
    ("two documents", "    realisasi: 72\n", "    realisasi: 72\n---\na: 1\n", "yaml-syntax",
     14, 1, "", "berkas berisi lebih dari satu dokumen YAML"),
    ("control character", "nama: Indikator satu", "nama: a\x07b", "yaml-syntax", 10, 16, "",
     "karakter kendali yang tidak diizinkan"),
    ("unknown tag", "realisasi: 72", "realisasi: !foo 72", "yaml-value", 13, 20,
     f"{IND}.realisasi", "tag `!foo` pada skalar tidak didukung"),
    ("duplicate key", "realisasi: 72", "realisasi: 72\n        realisasi: 73", "duplicate-key",
     14, 9, f"{IND}.realisasi", "kunci `realisasi` ditulis dua kali (pertama di baris 13)"),
]


@pytest.mark.parametrize(("name", "old", "new", "code", "line", "column", "path", "words"),
                         KASUS, ids=[k[0] for k in KASUS])
def test_each_error_is_indonesian_with_its_fix(name: str, old: str, new: str, code: str,
                                               line: int, column: int, path: str,
                                               words: str) -> None:
    diags = load_text(vary(MINIMAL, old, new)).diagnostics
    found = [d for d in diags if d.code == code]
    assert found, [(d.code, d.message) for d in diags]
    d = found[0]
    assert (d.line, d.column, d.path) == (line, column, path)
    assert words in d.message
    assert not BOCOR.search(d.message), d.message


def test_no_english_in_any_message_of_a_broken_report() -> None:
    # Semantic checks too: a duplicate kode, a dangling reference, spending above pagu.
    text = vary(MINIMAL + PROGRAM, "kode: P01.01", "kode: P01")
    text = vary(text, "mendukung: [IKU1]", "mendukung: [IKU9]")
    text = vary(text, "realisasi: 1.500.000", "realisasi: 2.500.000")
    diags = load_text(text).diagnostics
    assert {d.code for d in diags} == {"duplicate-kode", "unknown-ref", "realisasi-over-pagu"}
    for d in diags:
        assert not BOCOR.search(d.message), d.message


# ------------------------------------------------------------ point 9: every place


def test_unknown_place_lists_every_accepted_place() -> None:
    # bab1 is accepted (types.Lokasi) and must be listed with the others
    text = vary(MINIMAL, "realisasi: 72\n",
                "realisasi: 72\n        dilaporkan: {capaian: {x: 1}}\n")
    [d] = load_text(text).diagnostics
    assert d.code == "unknown-place"
    assert "ikhtisar, bab1, bab2, bab3, bab4" in d.message


def test_the_listed_places_are_exactly_the_accepted_ones() -> None:
    from pydantic import TypeAdapter

    adapter = TypeAdapter(Lokasi)
    candidates = ["ikhtisar", "lampiran", "penutup", *(f"bab{n}" for n in range(10))]
    accepted = []
    for name in candidates:
        try:
            adapter.validate_python(name)
        except ValueError:
            continue
        accepted.append(name)
    assert tuple(accepted) == TEMPAT_BERNAMA


# ------------------------------------------------------------ point 7: glossary


def test_every_diagnostic_code_is_in_the_glossary() -> None:
    sources = [ROOT / "lkjip_cli" / p for p in ("loader.py", "pesan.py")]
    sources += sorted((ROOT / "lkjip_cli" / "checks").glob("*.py"))
    sources += sorted((ROOT / "lkjip_cli" / "source").glob("*.py"))
    # The workbook layout (tata.py, tata_<family>.py, kolom.py) holds choice values, not codes.
    sources += [p for p in (ROOT / "lkjip_cli" / "buku").glob("*.py")
                if not p.name.startswith("tata") and p.name != "kolom.py"]
    sources.append(ROOT / "lkjip_cli" / "versi.py")
    sources.append(ROOT / "lkjip_cli" / "model" / "types.py")
    codes = set()
    for src in sources:
        codes |= set(re.findall(r'"([a-z]+(?:-[a-z]+)+)"', src.read_text(encoding="utf-8")))
    codes -= {"half-up", "half-even", "bl-btl"}  # rounding modes, a classification
    glossary = (ROOT / "docs" / "kode.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z-]+)` \|", glossary, re.MULTILINE))
    assert sorted(codes - rows) == []
    assert {"io", "type", "value", "missing", "template", "cocok", "pembulatan",
            "selisih"} <= rows


def test_a_validators_own_words_pass_through_without_library_prefix() -> None:
    from lkjip_cli.pesan import pesan_pydantic

    assert pesan_pydantic("value_error", "Value error, target harus positif", {}, "x") == (
        "target harus positif")
    assert pesan_pydantic("target-urutan", "urutan target salah", None, "x") == (
        'urutan target salah, ditemukan "x"')
