"""The words a user reads about a mistake in their file, in Indonesian, in one place.

Pydantic and libyaml explain a problem in their own English and their own terms ("tuple should
have at least 1 item after validation", "found character that cannot start any token"). A
user of lkjip writes a report, not Python: each message here says, in Indonesian, what was
expected at that place of the file, what was found, and how to fix it. The codes
(`type`, `value`, `yaml-syntax`, ...) stay as they are: scripts and CI read them.
docs/kode.md lists every code with its meaning in Indonesian and English.

A new kind of error gets its words here: `PESAN_PYDANTIC` by pydantic's error type,
`pesan_yaml` by libyaml's problem text. Anything unforeseen still gets an Indonesian
sentence, with the library's own words kept in brackets for a bug report.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

# ------------------------------------------------------------------------- values


def tampak(value: Any) -> str:
    """What the file held, as a user would recognise it: `"dua ribu"`, `[1, 2]`, `kosong`."""
    if value is None:
        return "kosong (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | int | float):
        return f"{value:f}" if isinstance(value, Decimal) else str(value)
    if isinstance(value, str):
        shown = value if len(value) <= 50 else value[:47] + "..."
        return f'"{shown}"'
    if hasattr(value, "isoformat"):
        return f"tanggal {value.isoformat()} (beri tanda kutip bila itu teks)"
    if isinstance(value, dict):
        return "sebuah pemetaan (kunci: nilai)" if value else "pemetaan kosong {}"
    if isinstance(value, list | tuple):
        return f"sebuah daftar berisi {len(value)} butir" if value else "daftar kosong []"
    return type(value).__name__


# ---------------------------------------------------------------- pydantic errors

#: Pattern of a kode (lkjip_cli.model.types.Kode), in words.
KATA_KODE = ("kode diawali huruf atau angka, lalu hanya huruf, angka, titik, garis bawah atau "
             "tanda hubung (misalnya IKU1, P06.02, SS-1)")

Penyusun = Callable[[Mapping[str, Any]], str]


def _literal(ctx: Mapping[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    choices = re.findall(r"'([^']*)'", expected) or [expected]
    if len(choices) == 1:
        return f"bernilai {choices[0]}"
    return "salah satu dari: " + ", ".join(choices)


#: The model's other patterns in words, recognised by a part only they have: a regular
#: expression means nothing to the analyst who typed `TW 2` (tests/test_pesan.py walks every
#: pattern of the model).
KATA_POLA: tuple[tuple[str, str], ...] = (
    ("[0-9]{4}-", "triwulan TW1 sampai TW4, atau bulan berbentuk TAHUN-BULAN (misalnya "
                  "2023-06), tanpa spasi"),
    ("TW[1-4]", "TW1, TW2, TW3 atau TW4, tanpa spasi"),
    ("ikhtisar|bab", "label tabel laporan (3.5, Tabel 19, III.2, E.81), ikhtisar, atau bab1 "
                     "sampai bab4, boleh diakhiri /akhiran (3.5/tw1)"),
    ("[IVXLC]", "label tabel laporan (3.5, Tabel 19, III.2, E.81)"),
    ("^[a-z][a-z_]*$", "nama besaran dari huruf kecil dan garis bawah (capaian, realisasi_tw1)"),
    ("^[a-z_][a-z0-9_]", "nama dari huruf kecil, angka dan garis bawah, diawali huruf atau "
                         "garis bawah, paling panjang 64 karakter"),
)


def _pattern(ctx: Mapping[str, Any]) -> str:
    pattern = str(ctx.get("pattern", ""))
    if pattern.startswith("^[A-Za-z0-9]"):
        return f"berupa {KATA_KODE}"
    kata = next((k for penanda, k in KATA_POLA if penanda in pattern), None)
    return f"berupa {kata}" if kata else f"sesuai pola {pattern}"


#: What was expected, by pydantic's error type; the message adds what was found and the fix.
HARAPAN: dict[str, Penyusun] = {
    "literal_error": _literal,
    "string_type": lambda c: "berupa teks",
    "string_sub_type": lambda c: "berupa teks",
    "string_too_short": lambda c: f"berupa teks sekurang-kurangnya {c.get('min_length')} huruf",
    "string_too_long": lambda c: f"berupa teks paling panjang {c.get('max_length')} huruf",
    "string_pattern_mismatch": _pattern,
    "bool_type": lambda c: "bernilai true atau false",
    "bool_parsing": lambda c: "bernilai true atau false",
    "int_type": lambda c: "berupa bilangan bulat",
    "int_parsing": lambda c: "berupa bilangan bulat",
    "int_from_float": lambda c: "berupa bilangan bulat",
    "decimal_type": lambda c: "berupa angka",
    "decimal_parsing": lambda c: "berupa angka",
    "float_type": lambda c: "berupa angka",
    "float_parsing": lambda c: "berupa angka",
    "dict_type": lambda c: "berupa pemetaan (kunci: nilai)",
    "model_type": lambda c: "berupa pemetaan (kunci: nilai)",
    "model_attributes_type": lambda c: "berupa pemetaan (kunci: nilai)",
    "mapping_type": lambda c: "berupa pemetaan (kunci: nilai)",
    "list_type": lambda c: "berupa daftar (butir diawali `- `)",
    "tuple_type": lambda c: "berupa daftar (butir diawali `- `)",
    "set_type": lambda c: "berupa daftar (butir diawali `- `)",
    "iterable_type": lambda c: "berupa daftar (butir diawali `- `)",
    "too_short": lambda c: f"berisi sekurang-kurangnya {c.get('min_length')} butir",
    "too_long": lambda c: f"berisi paling banyak {c.get('max_length')} butir",
    "greater_than": lambda c: f"lebih besar dari {c.get('gt')}",
    "greater_than_equal": lambda c: f"sekurang-kurangnya {c.get('ge')}",
    "less_than": lambda c: f"lebih kecil dari {c.get('lt')}",
    "less_than_equal": lambda c: f"paling tinggi {c.get('le')}",
    "multiple_of": lambda c: f"kelipatan {c.get('multiple_of')}",
    "union_tag_invalid": lambda c: "berupa angka atau rentang {min: ..., maks: ...}",
    "union_tag_not_found": lambda c: "berupa angka atau rentang {min: ..., maks: ...}",
    "none_required": lambda c: "kosong",
    "enum": lambda c: f"salah satu dari: {c.get('expected', '')}",
    "date_type": lambda c: "berupa tanggal (TTTT-BB-HH)",
    "date_parsing": lambda c: "berupa tanggal (TTTT-BB-HH)",
    "date_from_datetime_parsing": lambda c: "berupa tanggal (TTTT-BB-HH)",
}

#: How to fix it, where a short sentence helps more than the expectation alone.
PERBAIKAN: dict[str, str] = {
    "string_type": "tulis teksnya, dengan tanda kutip bila berisi `:` atau `#`",
    "bool_type": "tulis true atau false tanpa tanda kutip",
    "bool_parsing": "tulis true atau false tanpa tanda kutip",
    "dict_type": "tulis kunci di bawahnya dengan indentasi, atau {kunci: nilai}",
    "model_type": "tulis kunci di bawahnya dengan indentasi, atau {kunci: nilai}",
    "list_type": "tulis setiap butir pada barisnya sendiri diawali `- `, atau [a, b]",
    "tuple_type": "tulis setiap butir pada barisnya sendiri diawali `- `, atau [a, b]",
    "too_short": "tambahkan butirnya",
    "string_too_short": "isi teksnya, atau hapus kunci ini bila tidak wajib",
}

def kode_pydantic(kind: str) -> str:
    """The diagnostic code of a pydantic error type: `type` when the value has the wrong
    kind, `value` when the kind is right but the value is not allowed (codes unchanged)."""
    if kind.startswith(("number-", "negative")):
        return kind
    if kind == "rumus":
        return "rumus"
    if kind.endswith(("_type", "_parsing")) or kind in {"literal_error", "union_tag_invalid"}:
        return "type"
    return "value"


def harapan(kind: str, ctx: Mapping[str, Any]) -> str | None:
    """What was expected, in words, or None for a type without a catalogue entry."""
    make = HARAPAN.get(kind)
    return make(ctx) if make else None


def pesan_pydantic(kind: str, msg: str, ctx: Mapping[str, Any] | None, value: Any) -> str:
    """The Indonesian message of one pydantic error (not `missing` or `extra_forbidden`)."""
    ctx = ctx or {}
    if kind.startswith(("number-", "negative")) or kind == "rumus":
        return msg  # lkjip's own validators already speak Indonesian
    if kind in ("value_error", "assertion_error"):
        # A validator's own words (Indonesian), without pydantic's English prefix.
        return re.sub(r"^(Value error|Assertion failed), ", "", msg)
    expected = harapan(kind, ctx)
    if expected is None and "_" not in kind:
        # lkjip's own PydanticCustomError types (hyphenated) carry Indonesian words already.
        return f"{msg}, ditemukan {tampak(value)}"
    if expected is None:
        return f"nilai tidak diterima, ditemukan {tampak(value)} (pydantic: {msg})"
    found = f"ditemukan {tampak(value)}"
    if kind == "too_short":
        found = f"ditemukan {ctx.get('actual_length', 0)} butir"
    fix = PERBAIKAN.get(kind)
    return f"harus {expected}, {found}" + (f"; {fix}" if fix else "")


def pesan_gabungan(expectations: list[str], value: Any) -> str:
    """One message for a value that matched none of the forms a key accepts (a union)."""
    unique = list(dict.fromkeys(expectations))
    return f"harus {'; atau '.join(unique)}, ditemukan {tampak(value)}"


def pesan_kurang(key: str) -> str:
    return f"kunci wajib `{key}` tidak ada: tambahkan `{key}: ...` di sini"


def pesan_kunci_asing(key: str, close: str | None, allowed: list[str]) -> str:
    message = f"kunci `{key}` tidak dikenal"
    if close:
        return f"{message}; maksud Anda `{close}`?"
    if allowed:
        return f"{message}; kunci yang boleh: {', '.join(sorted(allowed))}"
    return message


# ------------------------------------------------------------------ libyaml errors


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return ""


def _kata_di(text: str, line: int, column: int) -> str:
    """The word starting at a position (`&a`, `*x`), without trailing punctuation."""
    lines = text.splitlines()
    if not 0 <= line < len(lines):
        return ""
    match = re.match(r"[^\s,\]\}]+", lines[line][max(column, 0):])
    return match.group(0) if match else ""


def pesan_nilai_yaml(problem: str) -> str:
    """A scalar libyaml read but could not build (an unknown tag `!foo`)."""
    tag = re.search(r"tag '([^']*)'", problem)
    if tag:
        return (f"tag YAML `{tag.group(1)}` tidak dikenal: hapus tag itu, atau beri tanda kutip "
                "bila itu bagian dari teks")
    return f"nilai YAML tidak dapat dibaca: beri tanda kutip bila itu teks (libyaml: {problem})"


_KARAKTER_CADANGAN = {
    "%": "`%` tidak dapat mengawali nilai tanpa tanda kutip: tulis \"%\" (misalnya "
         "satuan: \"%\")",
    "@": "`@` tidak dapat mengawali nilai tanpa tanda kutip: beri tanda kutip, misalnya "
         "\"@nama\"",
    "`": "tanda petik terbalik (`) tidak dapat mengawali nilai tanpa tanda kutip: beri tanda "
         "kutip ganda di sekelilingnya",
    "\t": "karakter tab tidak boleh dipakai di YAML untuk indentasi: ganti dengan spasi",
}


def pesan_yaml(problem: str, context: str | None, text: str, mark: Any,
               context_mark: Any) -> str:
    """libyaml's problem, in Indonesian with the fix."""
    line = int(mark.line) if mark is not None else -1
    column = int(mark.column) if mark is not None else -1
    opened = f" (dibuka di baris {int(context_mark.line) + 1})" if context_mark is not None \
        else ""
    ctx = context or ""
    if "control characters are not allowed" in problem or "special characters" in problem:
        return "berkas mengandung karakter kendali yang tidak diizinkan: hapus karakter itu"
    if "cannot start any token" in problem:
        char = _char_at(text, line, column)
        if _char_at(text, line, column - 1) in ("\"", "'"):
            return ("tanda kutip dari baris di atasnya tidak ditutup, sehingga teksnya berlanjut "
                    "sampai baris ini: tutup tanda kutipnya di baris yang benar")
        return _KARAKTER_CADANGAN.get(
            char, f"karakter `{char}` tidak dapat mengawali nilai tanpa tanda kutip: beri "
                  "tanda kutip pada nilainya")
    if "tab character" in problem:
        return _KARAKTER_CADANGAN["\t"]
    if "end of stream" in problem and "quoted" in ctx:
        return f"tanda kutip tidak ditutup{opened}: tutup teksnya dengan tanda kutip yang sama"
    if "did not find expected node content" in problem:
        return (f"nilai kosong di dalam `[ ]` atau `{{ }}`{opened}: ada koma tanpa butir "
                "sesudahnya (`[1, ]`), dua koma berurutan, atau kunci tanpa nama (`{: 1}`); "
                "hapus koma yang berlebih atau isi nilainya")
    if "end of stream" in problem:
        return (f"berkas berakhir sebelum strukturnya ditutup{opened}: tutup `[`, `{{` atau "
                "tanda kutip yang masih terbuka")
    if "expected ',' or ']'" in problem:
        return (f"daftar `[` tidak ditutup dengan `]`{opened}, atau dua butirnya tidak "
                "dipisah koma")
    if "expected ',' or '}'" in problem:
        return (f"pemetaan `{{` tidak ditutup dengan `}}`{opened}, atau dua pasangannya tidak "
                "dipisah koma")
    if "mapping values are not allowed" in problem:
        return ("`: ` (titik dua dan spasi) di dalam nilai tanpa tanda kutip: beri tanda kutip "
                "pada nilainya, misalnya nama: \"Dinas: Contoh\"; atau periksa indentasinya")
    if "expected key" in problem or "expected '-' indicator" in problem:
        return (f"indentasi tidak sejajar: baris ini harus sejajar dengan kunci atau butir di "
                f"atasnya{opened.replace('dibuka', 'blok dimulai')}")
    if "block sequence entries are not allowed" in problem:
        return ("butir daftar `- ` tidak boleh di sini: letakkan daftar pada baris baru di "
                "bawah kuncinya, dengan indentasi")
    if "could not find expected ':'" in problem:
        return ("kunci tanpa titik dua: tulis `kunci: nilai`, atau beri tanda kutip pada teks "
                "yang berlanjut ke baris berikutnya")
    if "duplicate anchor" in ctx or "duplicate anchor" in problem:
        shown = _kata_di(text, line, column) or "&"
        first = opened.replace("dibuka", "pertama")
        return f"jangkar `{shown}` dipakai dua kali{first}: beri setiap jangkar nama sendiri"
    if "undefined alias" in problem:
        shown = (_kata_di(text, line, column) or "*").lstrip("*")
        return (f"alias `*{shown}` tidak merujuk ke jangkar `&{shown}` mana pun di atasnya: "
                "tulis jangkarnya lebih dulu, atau beri tanda kutip bila `*` bagian dari teks")
    if "expected alphabetic or numeric character" in problem and \
            ("alias" in ctx or "anchor" in ctx):
        return ("`*` atau `&` di awal nilai menandai alias atau jangkar YAML: beri tanda kutip "
                "bila itu bagian dari teks")
    if "unknown escape character" in problem:
        return ("urutan `\\` tidak dikenal di dalam tanda kutip ganda: pakai tanda kutip "
                "tunggal, atau tulis `\\\\`")
    if "but found another document" in problem or "expected <document start>" in problem:
        return ("berkas berisi lebih dari satu dokumen YAML: simpan satu laporan per berkas, "
                "tanpa `---` atau isi setelah akhir dokumen")
    if "expected <block end>" in problem:
        return ("indentasi tidak sejajar: baris ini harus sejajar dengan kunci atau butir di "
                "atasnya")
    if "found undefined tag handle" in problem or "tag" in ctx:
        return "tag YAML (`!...`) tidak dikenal: hapus tag itu"
    return ("sintaks YAML tidak sah di posisi ini: periksa tanda kurung, koma, titik dua dan "
            "indentasinya (pesan asli libyaml, berbahasa Inggris: "
            f"{f'{ctx}, ' if ctx else ''}{problem})")


# ------------------------------------------------------------------- system errors

_ALASAN_OS = {
    errno.ENOENT: "berkas tidak ditemukan",
    errno.EACCES: "tidak ada izin",
    errno.EPERM: "tidak ada izin",
    errno.EISDIR: "itu direktori, bukan berkas",
    errno.ENOTDIR: "salah satu bagian jalurnya bukan direktori",
    errno.ENOSPC: "ruang disk habis",
    errno.EROFS: "sistem berkas hanya-baca",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
    errno.EEXIST: "berkas sudah ada",
}


def alasan_os(exc: OSError) -> str:
    """An operating-system error in Indonesian (`berkas tidak ditemukan`); lkjip's own
    refusals (OSErrors without an errno, already in Indonesian) as they are."""
    if exc.errno is None:
        return str(exc)
    if exc.errno in _ALASAN_OS:
        return _ALASAN_OS[exc.errno]
    return f"galat sistem ({exc.strerror or exc})"
