"""A small, safe arithmetic language for quantities computed from a report's inputs.

A report may derive an indicator's realisasi (or target) from named inputs (`diselesaikan /
diterima * 100`). The formula is text a user wrote, so it is untrusted: it is read here by a
hand-written tokenizer and precedence-climbing parser and evaluated on `Decimal`, never by
Python's `eval`, `ast` or a library built on them. `ast.parse` reads `0.1` as a float and
`0,11` as a tuple, accepts `1_000` and `1e5`, and has crashed the interpreter on hostile
input (bpo-32758); `simpleeval` is built on it. The language is four rules:

    expr  := term (('+' | '-') term)*
    term  := unary (('*' | '/') unary)*
    unary := '-' unary | atom
    atom  := NUMBER | NAME | '(' expr ')'

NUMBER is digits with at most one decimal separator (`,` or `.`), no thousands marks, no
exponent; NAME is a declared input. Everything else (powers, calls, attributes, tabs,
newlines) is refused with the column of the offending character. Length, tokens and nesting
are bounded before anything recurses, so no formula can hang the machine or exhaust the
stack; evaluation runs at 50 digits with every decimal trap on, and a division by zero is a
value that says which `/` failed, not an exception.

It lives in `model/` because validation parses every formula (a wrong one is refused when
the file is loaded) and the engine evaluates the same tree.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext

#: Limits of one formula, each refused with a message rather than truncated.
MAKS_PANJANG = 500
MAKS_TOKEN = 200
MAKS_KEDALAMAN = 32
MAKS_DIGIT = 30

_NAMA = re.compile(r"[a-z_][a-z0-9_]{0,63}")
_ANGKA = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
OPERATOR = "+-*/"


class GalatRumus(ValueError):
    """A formula that cannot be read: what is wrong, at which column (1-based)."""

    def __init__(self, pesan: str, kolom: int) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.kolom = kolom


@dataclass(frozen=True, slots=True)
class Token:
    jenis: str  # "angka", "nama", "op", "(", ")"
    teks: str
    kolom: int


@dataclass(frozen=True, slots=True)
class Angka:
    nilai: Decimal
    kolom: int


@dataclass(frozen=True, slots=True)
class Nama:
    nama: str
    kolom: int


@dataclass(frozen=True, slots=True)
class Negatif:
    isi: Simpul
    kolom: int


@dataclass(frozen=True, slots=True)
class Biner:
    op: str
    kiri: Simpul
    kanan: Simpul
    kolom: int


Simpul = Angka | Nama | Negatif | Biner


@dataclass(frozen=True, slots=True)
class Rumus:
    """A parsed formula: its text, tokens and tree."""

    teks: str
    token: tuple[Token, ...]
    pohon: Simpul

    @property
    def nama(self) -> tuple[str, ...]:
        """The input names the formula uses, each once, in order of appearance."""
        seen: dict[str, None] = {}
        for t in self.token:
            if t.jenis == "nama":
                seen.setdefault(t.teks, None)
        return tuple(seen)

    def uraian(self) -> tuple[str, tuple[str, ...]]:
        """The formula as a template with `{i}` for each name occurrence (`{0} / {1} x
        100`; literal numbers with the Indonesian decimal comma), and the names in that
        order: presentation puts the numbers in."""
        parts: list[str] = []
        names: list[str] = []
        prev: Token | None = None
        for t in self.token:
            if t.jenis == "nama":
                parts.append(f"{{{len(names)}}}")
                names.append(t.teks)
            elif t.jenis == "op" and t.teks == "-" and (prev is None or prev.jenis in ("op", "(")):
                parts.append("-")  # a unary minus stays on its operand
            elif t.jenis == "op":
                parts.append({"*": " x ", "/": " / ", "+": " + ", "-": " - "}[t.teks])
            else:
                parts.append(t.teks.replace(".", ","))
            prev = t
        return "".join(parts), tuple(names)

    def excel(self, sel: Mapping[str, str]) -> str:
        """The formula in Excel's syntax, names replaced by cell references and numbers
        written with `.` (Excel's file syntax, whatever the reader's locale)."""
        parts = []
        for t in self.token:
            if t.jenis == "nama":
                parts.append(sel[t.teks])
            elif t.jenis == "angka":
                parts.append(t.teks.replace(",", "."))
            else:
                parts.append(t.teks)
        return "".join(parts)


def _tokens(teks: str) -> list[Token]:
    if len(teks) > MAKS_PANJANG:  # first: nothing else looks at an overlong text
        raise GalatRumus(f"rumus terlalu panjang ({len(teks)} karakter; paling banyak "
                         f"{MAKS_PANJANG})", MAKS_PANJANG + 1)
    if not teks.strip():
        raise GalatRumus("rumus kosong: tulis misalnya `diselesaikan / diterima * 100`", 1)
    out: list[Token] = []
    i = 0
    while i < len(teks):
        ch = teks[i]
        kolom = i + 1
        if ch == " ":
            i += 1
            continue
        if ch in OPERATOR:
            if teks.startswith("**", i):
                raise GalatRumus("pangkat (`**`) tidak diizinkan: rumus hanya memakai "
                                 "+ - * / dan kurung", kolom)
            out.append(Token("op", ch, kolom))
            i += 1
        elif ch in "()":
            out.append(Token(ch, ch, kolom))
            i += 1
        elif ch.isascii() and ch.isdigit():
            i = _angka(teks, i, out)
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            m = _NAMA.match(teks, i)
            if m is None or (m.end() < len(teks) and (teks[m.end()].isalnum()
                                                      or teks[m.end()] == "_")):
                raise GalatRumus("nama masukan ditulis dengan huruf kecil, angka dan `_` "
                                 "(paling panjang 64 karakter), diawali huruf", kolom)
            out.append(Token("nama", m.group(), kolom))
            i = m.end()
        else:
            raise GalatRumus(_tak_dikenal(ch), kolom)
        if len(out) > MAKS_TOKEN:
            raise GalatRumus(f"rumus terlalu panjang (lebih dari {MAKS_TOKEN} bagian)", kolom)
    return out


def _tak_dikenal(ch: str) -> str:
    if ch == "^":
        return "pangkat (`^`) tidak diizinkan: rumus hanya memakai + - * / dan kurung"
    if ch in "\t\n\r":
        return "rumus ditulis dalam satu baris, dengan spasi biasa (tanpa tab atau baris baru)"
    if ch == ".":
        return "titik hanya boleh di dalam angka (`0.5`); atribut tidak diizinkan"
    if ch == ",":
        return "koma hanya boleh di dalam angka (`0,5`); fungsi tidak diizinkan"
    return f"karakter `{ch}` tidak diizinkan: rumus hanya memakai angka, nama masukan, " \
           "+ - * / dan kurung"


def _angka(teks: str, i: int, out: list[Token]) -> int:
    m = _ANGKA.match(teks, i)
    assert m is not None  # teks[i] is a digit
    end = m.end()
    kolom = i + 1
    if end < len(teks) and teks[end] in ".,":
        raise GalatRumus("angka ditulis tanpa pemisah ribuan (`1234,5`, bukan `1.234,5`)",
                         end + 1)
    if end < len(teks) and (teks[end].isalpha() or teks[end] == "_"):
        raise GalatRumus(f"`{teks[end]}` tidak boleh menempel pada angka (tanpa eksponen "
                         "`1e5` atau garis bawah `1_000`)", end + 1)
    bulat, _, pecahan = m.group().replace(",", ".").partition(".")
    if len(bulat) > MAKS_DIGIT or len(pecahan) > MAKS_DIGIT:
        raise GalatRumus(f"angka terlalu panjang (paling banyak {MAKS_DIGIT} digit di tiap "
                         "sisi pemisah desimal)", kolom)
    out.append(Token("angka", m.group(), kolom))
    return end


class _Pengurai:
    """Precedence climbing over the tokens; nesting is counted before each descent."""

    def __init__(self, teks: str, token: list[Token]) -> None:
        self.teks = teks
        self.token = token
        self.i = 0
        self.kedalaman = 0

    def lihat(self) -> Token | None:
        return self.token[self.i] if self.i < len(self.token) else None

    def akhir(self) -> int:
        return len(self.teks.rstrip()) + 1

    def expr(self) -> Simpul:
        kiri = self.term()
        while (t := self.lihat()) is not None and t.jenis == "op" and t.teks in "+-":
            self.i += 1
            kiri = Biner(t.teks, kiri, self.term(), t.kolom)
        return kiri

    def term(self) -> Simpul:
        kiri = self.unary()
        while (t := self.lihat()) is not None and t.jenis == "op" and t.teks in "*/":
            self.i += 1
            kiri = Biner(t.teks, kiri, self.unary(), t.kolom)
        return kiri

    def turun(self, kolom: int) -> None:
        self.kedalaman += 1
        if self.kedalaman > MAKS_KEDALAMAN:
            raise GalatRumus(f"rumus terlalu bersarang (lebih dari {MAKS_KEDALAMAN} kurung "
                             "atau tanda minus bertumpuk)", kolom)

    def unary(self) -> Simpul:
        t = self.lihat()
        if t is not None and t.jenis == "op" and t.teks == "-":
            self.i += 1
            self.turun(t.kolom)
            isi = self.unary()
            self.kedalaman -= 1
            return Negatif(isi, t.kolom)
        return self.atom()

    def atom(self) -> Simpul:
        t = self.lihat()
        if t is None:
            raise GalatRumus("rumus berakhir sebelum selesai: kurang angka atau nama masukan",
                             self.akhir())
        self.i += 1
        if t.jenis == "angka":
            return Angka(Decimal(t.teks.replace(",", ".")), t.kolom)
        if t.jenis == "nama":
            nxt = self.lihat()
            if nxt is not None and nxt.jenis == "(":
                raise GalatRumus(f"fungsi (`{t.teks}(...)`) tidak diizinkan: rumus hanya "
                                 "memakai + - * / dan kurung", nxt.kolom)
            return Nama(t.teks, t.kolom)
        if t.jenis == "(":
            self.turun(t.kolom)
            isi = self.expr()
            self.kedalaman -= 1
            tutup = self.lihat()
            if tutup is None or tutup.jenis != ")":
                raise GalatRumus(f"kurung yang dibuka di kolom {t.kolom} tidak ditutup",
                                 tutup.kolom if tutup else self.akhir())
            self.i += 1
            return isi
        what = "kurung tutup `)`" if t.jenis == ")" else f"operator `{t.teks}`"
        raise GalatRumus(f"{what} di tempat yang seharusnya angka atau nama masukan", t.kolom)


def urai(teks: str) -> Rumus:
    """Parse a formula, or raise `GalatRumus` with the column of the first problem."""
    token = _tokens(teks)
    p = _Pengurai(teks, token)
    pohon = p.expr()
    sisa = p.lihat()
    if sisa is not None:
        raise GalatRumus(f"`{sisa.teks}` tidak diharapkan di sini: sambungkan dengan + - * /",
                         sisa.kolom)
    return Rumus(teks, tuple(token), pohon)


def periksa_nama(rumus: Rumus, dikenal: Mapping[str, object]) -> None:
    """Refuse a name that is not a declared input, at its column."""
    for t in rumus.token:
        if t.jenis == "nama" and t.teks not in dikenal:
            dekat = difflib.get_close_matches(t.teks, list(dikenal), n=1)
            saran = f"; maksudnya `{dekat[0]}`?" if dekat else \
                f"; masukan yang ada: {', '.join(sorted(dikenal))}"
            raise GalatRumus(f"`{t.teks}` bukan nama masukan{saran}", t.kolom)


class TidakDapatDihitung(Exception):
    """The formula is sound but its inputs give no value (a zero divisor, an empty input)."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


def hitung_rumus(rumus: Rumus, nilai: Mapping[str, Decimal | None]) -> Decimal:
    """Evaluate exactly at 50 digits; raise `TidakDapatDihitung` with the reason."""
    with localcontext() as ctx:
        ctx.prec = 50
        ctx.traps[InvalidOperation] = True
        ctx.traps[DivisionByZero] = True
        ctx.traps[Overflow] = True
        try:
            return _nilai(rumus.pohon, nilai)
        except Overflow:
            raise TidakDapatDihitung("hasilnya terlalu besar") from None


def _nilai(s: Simpul, nilai: Mapping[str, Decimal | None]) -> Decimal:
    # Recursion is bounded: the parser refuses nesting deeper than MAKS_KEDALAMAN, and a
    # chain of binary operators nests on its left only as deep as it has tokens.
    if isinstance(s, Angka):
        return s.nilai
    if isinstance(s, Nama):
        v = nilai.get(s.nama)
        if v is None:
            raise TidakDapatDihitung(f"masukan `{s.nama}` kosong")
        return v
    if isinstance(s, Negatif):
        return -_nilai(s.isi, nilai)
    a, b = _nilai(s.kiri, nilai), _nilai(s.kanan, nilai)
    if s.op == "+":
        return a + b
    if s.op == "-":
        return a - b
    if s.op == "*":
        return a * b
    if b == 0:
        raise TidakDapatDihitung(f"pembagian dengan 0 pada `/` di kolom {s.kolom}")
    return a / b
