"""What each operation of a running template may cost, checked before it builds its result.

Why a module of its own: one Python operation cannot be interrupted, so `'a' * 10**10` or
`10**10**10` must be refused *before* it runs, from its operands, and a template must not
print a figure or a container as Python would. The sandbox (`render/markdown/sandbox.py`)
decides where the work of a template is hooked (operators, `~`, literals, loops, calls,
filters, output); this module says, for each operation, how big its result would be and
whether it may run at all, measuring against the render's account (`Anggaran`, with the
limits, in `render/markdown/batas.py`):

- text: `teks_aman` turns only a scalar into text; a `Decimal` reaches text only through
  lkjip's number filters (`HANYA_LKJIP`), a list or record never;
- loops: `Terhitung` counts every item a loop (or a filter that yields) takes as a step;
- operators: `cek_operator` refuses `*`, `+` and `**` whose result would be too large, and
  `%` on text;
- filters: `bungkus_filter` wraps each of Jinja2's filters so that a text argument is text,
  the filters that can grow a string or a list (`center`, `indent`, `replace`, `wordwrap`,
  `batch`, `slice`) are sized from their arguments first, and every result is sized.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import update_wrapper
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from lkjip_cli.render.markdown.batas import Anggaran, GalatBatas
from lkjip_cli.render.markdown.konteks import Rekaman, jenis


def teks_aman(nilai: Any, apa: str) -> str:
    """A scalar as text; a figure or a container is refused rather than printed as Python
    would (`97.333…` with a dot, or a repr of a list that can be made arbitrarily long)."""
    if isinstance(nilai, jinja2.Undefined):
        return str(nilai)  # StrictUndefined raises its usual error
    if isinstance(nilai, Decimal | float):
        raise SecurityError(f"{apa}: angka dijadikan teks tanpa filter: {HANYA_LKJIP}")
    if isinstance(nilai, str):
        return nilai
    if nilai is None or isinstance(nilai, int):
        return str(nilai)
    raise SecurityError(f"{apa}: {nama_jenis(nilai)} tidak dapat dijadikan teks; cetak "
                        "isinya satu per satu")


#: Why numbers reach text only through lkjip's filters.
HANYA_LKJIP = "angka hanya lewat filter lkjip (angka, persen, rupiah)"


def nama_jenis(obj: object) -> str:
    """The kind of a value as a message names it: a record's own kind, else its class."""
    return jenis(obj) if isinstance(obj, Rekaman) else type(obj).__name__


# --------------------------------------------------------------------------------- loops


class Terhitung(Iterator[Any]):
    """An iterator whose every item is a step of the render; keeps `len()` when it has one."""

    def __init__(self, anggaran: Anggaran, iterable: Iterable[Any]) -> None:
        self._anggaran = anggaran
        self._sumber = iterable
        self._iter = iter(iterable)

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        item = next(self._iter)
        budget = self._anggaran
        budget.langkah += 1
        if budget.langkah >= budget.periksa_pada:
            budget._periksa_langkah()
        return item

    def __len__(self) -> int:
        return len(self._sumber)  # type: ignore[arg-type]  # TypeError: LoopContext counts

    def __bool__(self) -> bool:
        return bool(self._sumber)  # as the source tests: a generator is always true


# ----------------------------------------------------------------------------- operators


def cek_operator(budget: Anggaran, operator: str, left: Any,
                 right: Any) -> tuple[int, int] | None:
    """Refuse, before Python computes it, a result over the limits; for a sequence built by
    `+` or `*`, its (bobot, depth), known from the operands without measuring it again."""
    if operator == "%" and isinstance(left, str):
        raise SecurityError(f"operator `%` pada teks tidak tersedia: {HANYA_LKJIP}")
    if operator == "*":
        if _bulat(left) and _bulat(right):
            _cek_bit(budget, abs(left).bit_length() + abs(right).bit_length(), "hasil `*`")
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, str) and isinstance(n, int):
                budget.cek_ukuran(len(seq) * max(n, 0), "hasil `*`")
                return None
            if isinstance(seq, list | tuple) and isinstance(n, int):
                w, d = budget.ukur(seq)  # w counts the sequence itself once
                total = max(n, 0) * (w - 1) + 1
                budget.cek_ukuran(total, "hasil `*`")
                return total, d
    elif operator == "+" and isinstance(left, str | list | tuple) \
            and isinstance(right, str | list | tuple):
        (wl, dl), (wr, dr) = budget.ukur(left), budget.ukur(right)
        budget.cek_ukuran(wl + wr, "hasil `+`")
        return wl + wr, max(dl, dr)
    elif operator == "**" and _bulat(left) and _bulat(right) and right > 0 \
            and abs(left) > 1:
        _cek_bit(budget, (abs(left).bit_length() - 1) * right, "hasil `**`")
    elif operator == "**" and isinstance(left, Decimal) and _bulat(right):
        budget.cek_bilangan(right, "pangkat `**`")
    return None


def _bulat(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _cek_bit(budget: Anggaran, bit: int, apa: str) -> None:
    if bit > 3.33 * budget.batas.digit + 4:
        raise GalatBatas(f"{apa}: bilangan lebih dari {budget.batas.digit} digit (MAKS_DIGIT)")


# ------------------------------------------------------------------------------- filters


#: Jinja2's filters whose first argument is text: given anything but text or a whole
#: number they would print a Python repr.
_FILTER_TEKS = frozenset({
    "capitalize", "center", "indent", "lower", "replace", "title", "trim", "truncate",
    "upper", "wordcount", "wordwrap",
})


def bungkus_filter(budget: Anggaran, nama: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja2's filter `nama`, with its arguments checked and its result sized."""
    pass_arg = getattr(func, "jinja_pass_arg", None)
    skip = 0 if pass_arg is None else 1  # the environment or context it is given
    periksa = _PRA_FILTER.get(nama)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if nama in _FILTER_TEKS and len(args) > skip:
            args = (*args[:skip], teks_aman(args[skip], f"filter {nama}"),
                    *args[skip + 1:])
        if periksa is not None:
            periksa(budget, args[skip:], kwargs)
        return _hasil_filter(budget, nama, func(*args, **kwargs))

    return update_wrapper(wrapper, func)


def _hasil_filter(budget: Anggaran, nama: str, hasil: Any) -> Any:
    if isinstance(hasil, str | list | tuple | dict):
        budget.tambah_volume(len(hasil))
        if not isinstance(hasil, str):
            budget.bobot(hasil)
        else:
            budget.cek_ukuran(len(hasil), f"hasil filter {nama}")
        return hasil
    if isinstance(hasil, types.GeneratorType | Iterator) and not isinstance(hasil, range):
        return _HasilBertahap(budget, hasil)
    budget.cek_bilangan(hasil, f"hasil filter {nama}")
    return hasil


class _HasilBertahap(Terhitung):
    """The items of a filter that yields them (`map`, `select`, `batch`): counted and sized."""

    def __next__(self) -> Any:
        item = super().__next__()
        self._anggaran.bobot(item)
        return item


def _int_arg(args: tuple[Any, ...], kwargs: dict[str, Any], i: int, name: str,
             default: Any) -> Any:
    return args[i] if len(args) > i else kwargs.get(name, default)


def _pra_center(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    width = _int_arg(args, kwargs, 1, "width", 80)
    if _bulat(width):
        budget.cek_ukuran(width, "hasil filter center")


def _pra_indent(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    s = args[0]
    width = _int_arg(args, kwargs, 1, "width", 4)
    lebar = len(width) if isinstance(width, str) else width if _bulat(width) else 0
    lines = s.count("\n") + 1
    budget.cek_ukuran(len(s) + 1 + lines * max(lebar, 0), "hasil filter indent")


def _pra_replace(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    s = args[0]
    old = teks_aman(_int_arg(args, kwargs, 1, "old", ""), "filter replace")
    new = teks_aman(_int_arg(args, kwargs, 2, "new", ""), "filter replace")
    count = _int_arg(args, kwargs, 3, "count", None)
    times = s.count(old) if old else len(s) + 1
    if _bulat(count) and count >= 0:
        times = min(times, count)
    budget.cek_ukuran(len(s) + times * max(len(new) - len(old), 0), "hasil filter replace")


def _pra_wordwrap(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    s = args[0]
    wrapstring = _int_arg(args, kwargs, 3, "wrapstring", None)
    sep = len(teks_aman(wrapstring, "filter wordwrap")) if wrapstring is not None else 1
    budget.cek_ukuran(len(s) + (len(s) + 1) * sep, "hasil filter wordwrap")


def _pra_batch(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    count = _int_arg(args, kwargs, 1, "linecount", 1)
    fill = _int_arg(args, kwargs, 2, "fill_with", None)
    if _bulat(count):
        budget.cek_ukuran(count * (1 if fill is None else budget.bobot(fill)),
                          "hasil filter batch")


def _pra_slice(budget: Anggaran, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    count = _int_arg(args, kwargs, 1, "slices", 1)
    fill = _int_arg(args, kwargs, 2, "fill_with", None)
    if _bulat(count):
        budget.cek_ukuran(count * (1 if fill is None else budget.bobot(fill)),
                          "hasil filter slice")


_PRA_FILTER: dict[str, Callable[[Anggaran, tuple[Any, ...], dict[str, Any]], None]] = {
    "center": _pra_center, "indent": _pra_indent, "replace": _pra_replace,
    "wordwrap": _pra_wordwrap, "batch": _pra_batch, "slice": _pra_slice,
}


def bilangan(x: Any) -> Any:
    """A term of `|sum`: a number, else refused."""
    if isinstance(x, bool) or not isinstance(x, int | Decimal):
        raise TypeError(f"filter sum hanya menjumlah bilangan, bukan {nama_jenis(x)}")
    return x
