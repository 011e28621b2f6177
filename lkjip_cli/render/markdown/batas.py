"""The limits on what one template render may do, and the account of what it has done.

Why a module of its own: the limits are the part of the template sandbox a reader looks up
("why did my template stop?"), and each needs its reason beside its value. `Anggaran`
(budget) is the one place that counts a render's steps, calls, volume and time and measures
the values it builds; `render/markdown/sandbox.py` calls it from the hooks it weaves into the
compiled templates, and `render/markdown/templat.py` from the number filters.

Every value a template builds has a bounded "unrolled size" (`bobot`: characters of a
string, elements of a sequence counted through nesting, a record of the report as one
unit), so that comparing, hashing or printing it is bounded too, however it was nested:
`[a, a]` doubled sixty times is refused at its twentieth doubling, not compared for ever.
A breach raises `GalatBatas`, a `SecurityError`, with an Indonesian message naming the limit.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2.exceptions import SecurityError

from lkjip_cli.render.markdown.konteks import Rekaman

# ------------------------------------------------------------------------------- limits

#: Largest unrolled size (`bobot`) of one value a template builds: characters of a string,
#: elements of a sequence or mapping counted through nesting. `'a' * 10**10` and
#: `[0] * 10**9` stop here before they are built. Two million: the whole 2020 report renders
#: to about 28 thousand characters, and a value holds a record of the report as one unit.
MAKS_BOBOT = 2_000_000

#: Deepest nesting of the values a template builds (`[[[...]]]`). Python hashes nested
#: tuples recursively in C with no depth guard; 64 levels are far more than any report needs.
MAKS_SARANG = 64

#: Longest `range()`. Jinja2's sandbox allows 100,000, which two nested loops square;
#: a report's loops run over its data, and `range` is for counting years or columns.
MAKS_RANGE = 10_000

#: Loop iterations (also the items a filter such as `map` or `select` yields) and calls of
#: functions and methods in one render. The 2020 report takes 1,500; a report of 3,000
#: indicators (far beyond any real one) about 240,000. At one to two microseconds each, a
#: loop that never ends stops within a second or two.
MAKS_LANGKAH = 1_000_000

#: Calls of macros (also `caller()`), blocks and recursive loops in one render. A Jinja2
#: macro call costs as much as some thirty loop iterations, so they have their own, lower
#: count: a macro calling itself twice each time (`2**40` calls) stops here within a second
#: or two. The 2020 report makes about 220; a report of 3,000 indicators about 40,000.
MAKS_PANGGILAN = 100_000

#: Deepest nesting of calls (a macro calling itself, recursive loops, blocks). The built-in
#: templates nest four deep; a macro that never stops calling itself stops here, before
#: Python's own recursion limit.
MAKS_KEDALAMAN = 50

#: Everything a render produces, added up: output text (also the text produced inside macros
#: and `{% set %}` blocks, counted where it is produced) and the strings and sequences built
#: by operators, filters and literals. It bounds the memory a render can hold (a few hundred
#: megabytes at worst) and the work done in C (which is proportional to what it produces).
#: The 2020 report counts about 90 thousand; a report of 3,000 indicators 11 million.
MAKS_VOLUME = 40_000_000

#: Seconds of CPU time for one render (every template of one `lkjip render`), checked every
#: 32 counted steps, after every large result and before each template is read: the
#: backstop for work the other limits do not foresee. CPU time, not the wall clock: a
#: template cannot wait on anything, so its CPU time is its work, and a busy shared machine
#: (where the wall clock of the largest report's render passed 20 s) does not make a report
#: fail. The 2020 report renders in a fraction of a second, the largest report the input
#: limit admits (about 3,900 indicators) in about 6 s.
MAKS_DETIK = 20.0

#: Digits of the integer part of a number: of an integer a template computes (`10**10**10`
#: stops before Python computes it) and of a figure the number filters print. Indonesia's
#: whole budget has 16 digits.
MAKS_DIGIT = 40

#: Decimal places a number filter prints (`angka(desimal)`, `tepat(maks)`, or a figure's
#: own places): `1 | angka(10**9)` would print a billion zeros. The engine computes with 50
#: significant digits, so 60 places print any figure it makes.
MAKS_DESIMAL = 60

#: Largest template file read from `--template-dir`, in bytes. Compiling is one step the
#: other limits cannot interrupt, and Jinja2 compiles about 30 KB a second on a slow shared
#: machine; 100 KB is ten times the largest built-in template. Before each template is read
#: the clock is checked, so many templates cannot add up past `MAKS_DETIK` either.
MAKS_UKURAN_TEMPLAT = 100_000


@dataclass(frozen=True, slots=True)
class Batas:
    """The limits of one render (the constants above, unless a test passes smaller ones)."""

    bobot: int = MAKS_BOBOT
    sarang: int = MAKS_SARANG
    range: int = MAKS_RANGE
    langkah: int = MAKS_LANGKAH
    panggilan: int = MAKS_PANGGILAN
    kedalaman: int = MAKS_KEDALAMAN
    volume: int = MAKS_VOLUME
    detik: float = MAKS_DETIK
    digit: int = MAKS_DIGIT
    desimal: int = MAKS_DESIMAL
    ukuran_templat: int = MAKS_UKURAN_TEMPLAT


#: The limits every render has.
BATAS = Batas()


class GalatBatas(SecurityError):
    """A template went over one of the limits of a render."""


def ribuan(n: float) -> str:
    """`1000000` -> `1.000.000`, as the messages print a limit."""
    return f"{n:,}".replace(",", ".")


# ----------------------------------------------------------------------- budget of a render


class Anggaran:
    """What one render has used of its `Batas`, and the unrolled size of what it built."""

    def __init__(self, batas: Batas) -> None:
        self.batas = batas
        self.tenggat = time.process_time() + batas.detik
        self.langkah = 0
        #: The step at which `satu_langkah` next checks the limit and the clock.
        self.periksa_pada = 1
        self.volume = 0
        self.kedalaman = 0
        self.panggilan = 0
        #: id -> (the value, kept alive so the id is not reused; its bobot; its depth).
        self.bobot_dikenal: dict[int, tuple[object, int, int]] = {}

    def cek_waktu(self) -> None:
        if time.process_time() > self.tenggat:
            raise GalatBatas(f"render melebihi batas waktu {ribuan(self.batas.detik)} detik "
                             "(MAKS_DETIK)")

    def satu_langkah(self) -> None:
        """One loop iteration or call; every 32nd also checks the clock."""
        self.langkah += 1
        if self.langkah >= self.periksa_pada:
            self._periksa_langkah()

    def _periksa_langkah(self) -> None:
        if self.langkah > self.batas.langkah:
            raise GalatBatas(f"lebih dari {ribuan(self.batas.langkah)} putaran dan panggilan "
                             "fungsi dalam satu render (MAKS_LANGKAH)")
        self.cek_waktu()
        # Often enough that steps costing milliseconds each (comparing two long lists)
        # overrun the budget by well under a second; rarely enough to cost nothing.
        self.periksa_pada = min(self.langkah + 32, self.batas.langkah + 1)

    def tambah_volume(self, n: int) -> None:
        self.volume += n
        if self.volume > self.batas.volume:
            self._volume_lewat()
        if n >= 4096:  # after a large result (a sort, a wordwrap) the clock is checked too
            self.cek_waktu()

    def _volume_lewat(self) -> None:
        raise GalatBatas(f"render menghasilkan lebih dari {ribuan(self.batas.volume)} "
                         "karakter dan unsur (MAKS_VOLUME)")

    def cek_ukuran(self, ukuran: int, apa: str) -> None:
        """Refuse, before it is built, a value of unrolled size `ukuran`."""
        if ukuran > self.batas.bobot:
            raise GalatBatas(f"{apa} terlalu besar: {ribuan(ukuran)} karakter/unsur, "
                             f"paling banyak {ribuan(self.batas.bobot)} (MAKS_BOBOT)")

    def cek_bilangan(self, nilai: object, apa: str) -> None:
        """Refuse an integer of more than `Batas.digit` digits (the bit length is a cheap
        first test: 10^d has more than 3.32 d bits)."""
        if isinstance(nilai, int) and not isinstance(nilai, bool) \
                and nilai.bit_length() > 3.32 * self.batas.digit \
                and abs(nilai) >= 10 ** self.batas.digit:
            raise GalatBatas(f"{apa}: bilangan lebih dari {self.batas.digit} digit "
                             "(MAKS_DIGIT)")

    # -------------------------------------------------------------- unrolled size

    def bobot(self, nilai: object) -> int:
        """The unrolled size of `nilai` (at least 1), refusing one over the limits."""
        return self._ukur(nilai)[0]

    def ukur(self, nilai: object) -> tuple[int, int]:
        """(bobot, depth) of `nilai`, refusing one over the limits."""
        return self._ukur(nilai)

    def catat(self, nilai: list[Any] | tuple[Any, ...], bobot: int, depth: int) -> None:
        """Remember the size of a sequence built from measured parts (`a + b`, `a * n`)."""
        self._cek_sarang(depth)
        if depth > 1 or len(nilai) > 32:
            self.bobot_dikenal[id(nilai)] = (nilai, bobot, depth)
            self.tambah_volume(_BIAYA_DAFTAR)

    def _cek_sarang(self, depth: int) -> None:
        if depth > self.batas.sarang:
            raise GalatBatas(f"nilai bersarang lebih dari {self.batas.sarang} tingkat "
                             "(MAKS_SARANG)")

    def _ukur(self, nilai: object, tingkat: int = 0) -> tuple[int, int]:
        """(bobot, depth), each shared part measured once.

        A container that holds containers, or many values, is remembered by identity (the
        registry keeps it alive, so its id is never reused, and each entry counts against
        `MAKS_VOLUME`); a small flat one is cheaper to measure again. The recursion stops
        at `MAKS_SARANG` levels, so it cannot exhaust Python's stack.
        """
        simple = bobot_sederhana(nilai)
        if simple is not None:
            return simple, 0
        known = self.bobot_dikenal.get(id(nilai))
        if known is not None:
            return known[1], known[2]
        self._cek_sarang(tingkat + 1)
        children = _anak(nilai)
        total, depth, nested = 1, 1, False
        for child in children:
            simple = bobot_sederhana(child)
            if simple is not None:
                total += simple
                continue
            nested = True
            w, d = self._ukur(child, tingkat + 1)
            total += w
            depth = max(depth, d + 1)
        self.cek_ukuran(total, "nilai")
        self._cek_sarang(depth)
        if nested or len(children) > 32:
            self.bobot_dikenal[id(nilai)] = (nilai, total, depth)
            self.tambah_volume(_BIAYA_DAFTAR)
        return total, depth


#: What remembering one container's size costs against `MAKS_VOLUME` (its registry entry
#: takes a few hundred bytes): a loop cannot fill memory with entries.
_BIAYA_DAFTAR = 64

#: Types whose values hold no other value (the fast path of `Sandbox.call`).
SKALAR = frozenset({int, bool, Decimal, type(None), float})


def bobot_sederhana(nilai: object) -> int | None:
    """The size of a value that holds no other value, or None for a container."""
    kind = type(nilai)
    if kind is str:
        return len(nilai) or 1  # type: ignore[arg-type]
    if kind in _WADAH:
        return None
    if kind in SKALAR or kind is Rekaman:
        return 1
    if isinstance(nilai, str | range):
        return len(nilai) or 1
    if isinstance(nilai, list | tuple | dict):
        return None
    # A record of the report (its size is the input's, not the template's doing, and it
    # holds no template value); a namespace (compared and hashed by identity); macros...
    return 1


_WADAH = frozenset({list, tuple, dict})


def _anak(nilai: object) -> list[object] | tuple[object, ...]:
    kind = type(nilai)
    if kind is tuple or kind is list:
        return nilai  # type: ignore[return-value]
    if isinstance(nilai, dict):
        return [x for k, v in nilai.items() for x in (k, v)]
    if isinstance(nilai, list | tuple):
        return tuple(nilai)
    return ()
