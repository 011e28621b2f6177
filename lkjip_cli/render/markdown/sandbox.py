"""The sandbox that runs report templates: what they can reach, and how much they can do.

Why this module: a `--template-dir` is data someone else may have written (a colleague, a
downloaded example, a pull request that CI renders). Jinja2's `SandboxedEnvironment` only
refuses names beginning with `_` and otherwise lets a template call any public method of any
object it can reach; pydantic's `parse_raw(..., allow_pickle=True)` was one such method,
and it ran shell commands. It also bounds nothing: `'a' * 10**10` allocated 10 GB. So:

**Reach is an allow-list, not a deny-list.** Templates receive only plain data
(`render/markdown/konteks.py`). `Sandbox.is_safe_attribute` refuses every attribute except a few
harmless `str` methods (`STR_AMAN`), the read-only mapping methods (`PETA_AMAN`), the loop
variable's fields (`LOOP_AMAN`), a `namespace()`'s values and an imported template's macros;
`Sandbox.is_safe_callable` refuses every call except those methods, the template's own
macros and the functions lkjip registers. A class, a module, a function's `__globals__`,
a Decimal's methods: none can be reached, whatever their names. Jinja2's own globals that
hand out classes or functions (`cycler`, `joiner`, `lipsum`, `dict`) are gone, and so are
its filters that produce HTML or Python reprs (`FILTER_DIBUANG`).

**Work is bounded by named limits** (`render/markdown/batas.py`: the `MAKS_*` constants, each with
its reason, and `Anggaran`, the account of one render). One C-level operation cannot be
interrupted, so sizes are checked *before* an operator or a filter builds its result; loop
iterations and calls are counted; the whole render has a wall-clock budget, checked as the
steps are counted. Every value a template builds has a bounded "unrolled size", so that
comparing, hashing or printing it is bounded too, however it was nested. This module decides
where the work is hooked (`PembangkitKode` weaves the hooks into the compiled code, and
`Sandbox` implements them); `render/markdown/operasi.py` says, for each operation, how large
its result would be and whether it may run at all.

A breach raises `GalatBatas` (a `SecurityError`), which `render/markdown/templat.py` reports like
any template error: template, line, an Indonesian message naming the limit; exit 2, and
nothing written.

**Templates load only from their directories** (`render/markdown/pemuat.py`:
`LoaderDirektori` reads a file only if it is a regular file whose real path lies inside
`--template-dir`, no larger than `MAKS_UKURAN_TEMPLAT`).
"""

from __future__ import annotations

import types
from collections.abc import Callable, ItemsView, Iterable, KeysView, Mapping, ValuesView
from decimal import DecimalException
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS, make_attrgetter
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, TemplateReference
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace, missing, pass_context

from lkjip_cli.render.markdown.batas import (
    BATAS,
    SKALAR,
    Anggaran,
    Batas,
    GalatBatas,
    ribuan,
)
from lkjip_cli.render.markdown.konteks import Rekaman, asal, jenis
from lkjip_cli.render.markdown.operasi import (
    HANYA_LKJIP,
    Terhitung,
    bilangan,
    bungkus_filter,
    cek_operator,
    nama_jenis,
    teks_aman,
)

# --------------------------------------------------------------------------- allow-lists

#: `str` methods a template may call: none builds a string much larger than its input
#: (no `center`, `ljust`, `zfill`, `replace`, `join`, `format`, `expandtabs`).
STR_AMAN = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "isalnum", "isalpha", "isdecimal",
    "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "lower", "lstrip",
    "partition", "removeprefix", "removesuffix", "rfind", "rpartition", "rsplit", "rstrip",
    "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper",
})

#: Methods of a mapping (`rumus_efisiensi.items()`): reading only.
PETA_AMAN = frozenset({"get", "items", "keys", "values"})

#: What a template reads of `loop`; `cycle` and `changed` may be called.
LOOP_AMAN = frozenset({
    "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
    "depth0", "previtem", "nextitem", "cycle", "changed",
})
_LOOP_METODE = frozenset({"cycle", "changed"})

#: Jinja2's globals that lkjip does not offer: each hands out a class or a function
#: (`cycler.__init__.__globals__` is a classic escape) and no report needs them.
GLOBAL_DIBUANG = frozenset({"cycler", "joiner", "lipsum", "dict"})

#: Jinja2's filters that lkjip does not offer: HTML and JSON output, Python reprs, and
#: randomness in a report that must come out the same every time.
FILTER_DIBUANG = frozenset({
    "e", "escape", "forceescape", "safe", "striptags", "urlize", "urlencode", "xmlattr",
    "tojson", "pprint", "random",
})


# ------------------------------------------------------------------------ compiled code


#: The filter every `{% for %}` iterable is passed through (`Sandbox._parse`), so that each
#: item is counted. A filter and not a custom node: Jinja2 allows no custom node types.
FILTER_PUTARAN = "_putaran"


class PembangkitKode(CodeGenerator):
    """Jinja2's compiler, with lkjip's checks woven into the code it generates.

    - a refused filter fails when the template is compiled (`Sandbox.filter_ditolak`);
    - every loop iterates through the filter `FILTER_PUTARAN` (counted);
    - every piece of output, constant or not, goes through `environment.keluaran` (counted);
    - `~` goes through `environment.sambung`, list, tuple and dict literals through
      `environment.wadah` (sized).
    """

    environment: Sandbox

    def visit_Filter(self, node: nodes.Filter, frame: Frame) -> None:
        pesan = self.environment.filter_ditolak(node.name)
        if pesan is not None:
            self.fail(pesan, node.lineno)
        super().visit_Filter(node, frame)

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.keluaran({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame,
                          finalize: CodeGenerator._FinalizeInfo) -> None:
        self.write("environment.keluaran(")
        super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame,
                           finalize: CodeGenerator._FinalizeInfo) -> None:
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sambung((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.wadah(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # an assignment target: `{% for a, b in ... %}`
            super().visit_Tuple(node, frame)
            return
        self.write("environment.wadah(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.wadah(")
        super().visit_Dict(node, frame)
        self.write(")")


# --------------------------------------------------------------------------- undefined


class TakTerdefinisi(jinja2.StrictUndefined):
    """StrictUndefined that names what a record does have, and refuses Jinja2's dropped
    globals as a sandbox refusal rather than a typo."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[jinja2.TemplateRuntimeError] = jinja2.UndefinedError) -> None:
        if obj is missing and name in GLOBAL_DIBUANG and hint is None:
            hint, exc = f"`{name}` tidak tersedia dalam sandbox templat lkjip", SecurityError
        elif isinstance(obj, Rekaman) and hint is None and name is not None:
            ada = ", ".join(map(str, list(obj)[:40]))
            hint = f"{jenis(obj)} tidak punya {name!r} (yang ada: {ada})"
        super().__init__(hint, obj, name, exc)


# --------------------------------------------------------------------------- environment


#: Objects whose attributes are values the template itself stored or exported: a dict
#: literal's keys, a `namespace()`, an imported template, `self`'s blocks (`self.judul()`).
#: A missing one is undefined.
_DATA_TEMPLAT = (dict, Namespace, TemplateModule, TemplateReference)


def _nama_panggilan(obj: object) -> str:
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    return f"`{name}`" if isinstance(name, str) else f"objek {nama_jenis(obj)!r}"


class Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox with an allow-list of what templates reach, and bounded work."""

    code_generator_class = PembangkitKode
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self, *args: Any, batas: Batas = BATAS,
                 fungsi_aman: Iterable[Callable[..., Any]] = (),
                 filter_terlarang: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anggaran = Anggaran(batas)
        self.filter_terlarang = dict(filter_terlarang or {})
        range_ = self.range_aman  # one bound method, kept: the allow-list holds its id
        self.globals.clear()
        self.globals.update({"range": range_, "namespace": namespace})
        self._fungsi_aman: set[int] = {id(f) for f in (*fungsi_aman, namespace, range_)}
        self.filters = {nama: bungkus_filter(self.anggaran, nama, f) for nama, f in FILTERS.items()
                        if nama not in FILTER_DIBUANG}
        self.filters.update(attr=self._filter_attr, join=self._filter_join,
                            string=self._filter_string, sum=self._filter_sum)
        self.filters[FILTER_PUTARAN] = self._filter_putaran()

    def daftarkan_fungsi(self, fungsi: Callable[..., Any]) -> None:
        """Allow templates to call `fungsi` (a global lkjip registers)."""
        self._fungsi_aman.add(id(fungsi))

    def filter_ditolak(self, nama: str) -> str | None:
        """Why the filter `nama` is refused when compiled, or None."""
        if nama in self.filter_terlarang:
            return self.filter_terlarang[nama]
        if nama in FILTER_DIBUANG:
            return f"filter `{nama}` tidak tersedia dalam sandbox templat lkjip"
        return None

    # -------------------------------------------------------------- reach

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        if isinstance(obj, str):
            return attr in STR_AMAN
        if isinstance(obj, tuple):  # `groupby`'s (grouper, list): a named tuple's fields
            return attr in getattr(type(obj), "_fields", ())
        if isinstance(obj, dict):
            return attr in PETA_AMAN
        if isinstance(obj, LoopContext):
            return attr in LOOP_AMAN
        if isinstance(obj, Namespace):
            return True  # Namespace.__getattribute__ answers only from its own values
        if isinstance(obj, TemplateModule):
            return attr in vars(obj)  # what the imported template exports
        return False

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro | BlockReference | LoopContext):
            return True
        if id(obj) in self._fungsi_aman:
            return True
        if isinstance(obj, types.BuiltinMethodType | types.MethodType):
            owner, name = obj.__self__, obj.__name__
            if isinstance(owner, str):
                return name in STR_AMAN
            if isinstance(owner, Rekaman | dict):
                return name in PETA_AMAN
            if isinstance(owner, LoopContext):
                return name in _LOOP_METODE
        return False

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        raise SecurityError(f"atribut {attribute!r} dari {nama_jenis(obj)!r} tidak boleh "
                            "diakses templat")

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`'{0.__class__}'.format(x)` reaches attributes by its own route: refused."""
        if super().wrap_str_format(value) is None:
            return None
        raise SecurityError(f"metode `{value.__name__}` tidak tersedia: {HANYA_LKJIP}")

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`obj.attribute` in a template: a record's field, a mapping's or a namespace's value,
        an imported template's macro, or an allow-listed attribute; anything else is refused,
        whether the object has it or not."""
        if isinstance(obj, jinja2.Undefined):
            obj._fail_with_undefined_error()
        if not isinstance(attribute, str) or attribute.startswith("_"):
            return self.unsafe_undefined(obj, str(attribute))
        if isinstance(obj, Rekaman):
            if attribute in obj:
                return obj[attribute]
            if attribute in PETA_AMAN:
                return getattr(obj, attribute)
            return self._tidak_ada(obj, attribute)
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            return super().getattr(obj, attribute)  # refused by `wrap_str_format`, and why
        if not isinstance(obj, _DATA_TEMPLAT) and not self.is_safe_attribute(obj, attribute,
                                                                             None):
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def _tidak_ada(self, obj: Rekaman, nama: Any) -> Any:
        """A record has no such field. A private name, or a method of the object it was made
        from (`laporan.parse_raw`, `hasil.tampil`), is a sandbox refusal; anything else is
        undefined, which names the fields there are."""
        if isinstance(nama, str) and (nama.startswith("_") or hasattr(type(asal(obj)), nama)):
            return self.unsafe_undefined(obj, nama)
        return self.undefined(obj=obj, name=nama)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """`obj[argument]`: an item, else (for a name) the same as `obj.argument`."""
        if isinstance(obj, jinja2.Undefined):
            obj._fail_with_undefined_error()
        if isinstance(obj, Rekaman):
            try:
                return obj[argument]
            except (KeyError, TypeError):
                return self._tidak_ada(obj, argument)
        try:
            return obj[argument]
        except (TypeError, LookupError):
            if isinstance(argument, str):
                return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def call(__self, __context: Context, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        budget = __self.anggaran
        nested = type(__obj) is Macro or isinstance(__obj, Macro | BlockReference | LoopContext)
        if not nested:
            if isinstance(__obj, jinja2.Undefined):
                __obj._fail_with_undefined_error()
            if not __self.is_safe_callable(__obj):
                raise SecurityError(f"{_nama_panggilan(__obj)} tidak boleh dipanggil templat")
        budget.satu_langkah()
        if args or kwargs:
            ukuran = 0
            for a in (*args, *kwargs.values()):
                ukuran += 1 if type(a) in SKALAR else budget.bobot(a)
            budget.cek_ukuran(ukuran, "argumen panggilan")
        if not nested:
            hasil = __context.call(__obj, *args, **kwargs)
            if isinstance(hasil, str):  # `upper()` of 'ß' is 'SS'
                budget.cek_ukuran(len(hasil), "hasil panggilan")
                budget.tambah_volume(len(hasil))
            elif isinstance(hasil, KeysView | ItemsView | ValuesView):
                # A view compares by content at the cost of its whole mapping; a tuple is
                # sized like any other sequence.
                hasil = tuple(hasil)
                budget.tambah_volume(len(hasil))
                budget.bobot(hasil)
            elif isinstance(hasil, list | tuple | dict):
                budget.bobot(hasil)
            return hasil
        if isinstance(__obj, LoopContext) and args:  # `loop(anak)` in a recursive loop
            args = (__self.putaran(args[0]), *args[1:])
        budget.panggilan += 1
        if budget.panggilan > budget.batas.panggilan:
            raise GalatBatas(f"lebih dari {ribuan(budget.batas.panggilan)} panggilan makro "
                             "dalam satu render (MAKS_PANGGILAN)")
        budget.kedalaman += 1
        try:
            if budget.kedalaman > budget.batas.kedalaman:
                raise GalatBatas(f"panggilan bersarang lebih dari {budget.batas.kedalaman} "
                                 "tingkat (MAKS_KEDALAMAN); makro yang memanggil dirinya "
                                 "sendiri tanpa henti?")
            return __context.call(__obj, *args, **kwargs)
        finally:
            budget.kedalaman -= 1

    # -------------------------------------------------------------- work

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = self.anggaran
        ukuran = cek_operator(budget, operator, left, right)
        try:
            hasil = self.binop_table[operator](left, right)
        except DecimalException as exc:  # Overflow, InvalidOperation: a class name as message
            raise jinja2.TemplateRuntimeError(
                f"hasil `{operator}` tidak dapat dihitung sebagai angka desimal "
                f"({type(exc).__name__})") from None
        if isinstance(hasil, str | list | tuple):
            budget.tambah_volume(len(hasil))
            if isinstance(hasil, list | tuple):
                if ukuran is None:
                    budget.bobot(hasil)
                else:
                    budget.catat(hasil, *ukuran)
        budget.cek_bilangan(hasil, f"hasil `{operator}`")
        return hasil

    def putaran(self, iterable: Any) -> Iterable[Any]:
        """A loop's iterable, each item counted as a step."""
        return Terhitung(self.anggaran, iterable)

    def _filter_putaran(self) -> Callable[..., Iterable[Any]]:
        @pass_context  # so that Jinja2 never runs it when compiling (`[1, 2]` is a constant)
        def putaran(_: Context, iterable: Any) -> Iterable[Any]:
            return self.putaran(iterable)

        return putaran

    def keluaran(self, teks: str) -> str:
        """One piece of output (a constant or an expression's text), counted."""
        budget = self.anggaran
        budget.volume += len(teks)
        if budget.volume > budget.batas.volume:
            budget._volume_lewat()
        return teks

    def sambung(self, bagian: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: text of scalars only, sized before it is joined."""
        texts = [teks_aman(b, "operator `~`") for b in bagian]
        total = sum(len(t) for t in texts)
        self.anggaran.cek_ukuran(total, "hasil `~`")
        self.anggaran.tambah_volume(total)
        return "".join(texts)

    def wadah(self, nilai: Any) -> Any:
        """A list, tuple or dict literal, sized (its elements may be large)."""
        self.anggaran.tambah_volume(len(nilai))
        self.anggaran.bobot(nilai)
        return nilai

    def range_aman(self, *args: int) -> range:
        """`range()` of at most `Batas.range` numbers."""
        if not all(isinstance(a, int) for a in args):
            raise TypeError("range() hanya menerima bilangan bulat")
        rng = range(*args)
        try:
            n = len(rng)
        except OverflowError:
            n = self.anggaran.batas.range + 1
        if n > self.anggaran.batas.range:
            raise GalatBatas(f"range() lebih dari {ribuan(self.anggaran.batas.range)} "
                             "bilangan (MAKS_RANGE)")
        return rng

    # -------------------------------------------------------------- filters

    def _filter_attr(self, obj: Any, name: str) -> Any:
        """`x|attr("nama")`: the same as `x.nama`, through the same checks."""
        return self.getattr(obj, str(name))

    def _filter_join(self, nilai: Iterable[Any], d: str = "",
                     attribute: str | int | None = None) -> str:
        items: Iterable[Any] = nilai
        if attribute is not None:
            items = map(make_attrgetter(self, attribute), nilai)
        texts = [teks_aman(x, "filter join") for x in Terhitung(self.anggaran, items)]
        sep = teks_aman(d, "filter join")
        total = sum(len(t) for t in texts) + len(sep) * max(len(texts) - 1, 0)
        self.anggaran.cek_ukuran(total, "hasil filter join")
        self.anggaran.tambah_volume(total)
        return sep.join(texts)

    def _filter_string(self, nilai: Any) -> str:
        return teks_aman(nilai, "filter string")

    def _filter_sum(self, nilai: Iterable[Any], attribute: str | int | None = None,
                    start: Any = 0) -> Any:
        """`|sum`, of numbers only: a sum of lists or strings would grow quadratically."""
        items: Iterable[Any] = nilai
        if attribute is not None:
            items = map(make_attrgetter(self, attribute), nilai)
        total = bilangan(start)
        for x in Terhitung(self.anggaran, items):
            total = total + bilangan(x)
            self.anggaran.cek_bilangan(total, "hasil filter sum")
        return total

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The parsed template, each loop's iterable wrapped to be counted (`Putaran`)."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            wrapped = nodes.Filter(loop.iter, FILTER_PUTARAN, [], [], None, None,
                                   lineno=loop.iter.lineno)
            wrapped.set_environment(self)
            loop.iter = wrapped
        return tree


def namespace(*args: Any, **kwargs: Any) -> Namespace:
    """Jinja2's `namespace()`, as a function: the class itself is not handed to templates."""
    return Namespace(*args, **kwargs)
