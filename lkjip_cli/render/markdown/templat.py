"""The report's chapters as GitHub-flavoured Markdown, from Jinja2 templates.

Why templates: agencies word and order their LKjIP differently, but the figures must not
differ. So a template decides the prose and the layout, while every figure comes from the
engine result or the table models (`tabel/`) and reaches the text only through the
filters registered here, which call `lkjip_cli/angka.py`. A template never formats a number.

Why a sandbox: a user's `--template-dir` is data handed to lkjip, not code. Templates (the
built-ins too, one environment for all) receive plain read-only data (`render/markdown/konteks.py`)
and run in lkjip's allow-list sandbox (`render/markdown/sandbox.py`) with named limits
(`render/markdown/batas.py`), with an undefined that is strict, so that a misspelt name is an error
with its template and line instead of a silent blank in a government report. Every failure,
a refusal of the sandbox included, becomes one `GalatTemplat` naming the template and line.

Why some of Jinja2's own filters are gone: `round` rounds half-even and `format`, `float`,
`int` and `filesizeformat` turn a Decimal into a float or cut it, each bypassing the report's
`aturan` (rounding rule, decimals). A template naming one fails when it is compiled, so it
fails on every report and not only when its branch is taken, with the template, the line
and the filters to use instead. For the same reason `%` on text (`"%.2f" % x`),
`str.format`, and a figure printed, joined or made text without a filter are refused when
they run.

This module is pure: it returns the Markdown text and writes nothing. It imports jinja2 at
the top, and only the render command imports it, so `lkjip --help` never loads jinja2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.exceptions import FilterArgumentError, SecurityError
from jinja2.loaders import split_template_path

import lkjip_cli
from lkjip_cli import angka as fmt
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.engine.nilai import Nilai
from lkjip_cli.model.laporan import Aturan, Rentang
from lkjip_cli.model.narasi import Sampul
from lkjip_cli.model.narasi import isi as isi_narasi
from lkjip_cli.render.markdown.batas import BATAS, Batas, GalatBatas
from lkjip_cli.render.markdown.konteks import asal, konteks
from lkjip_cli.render.markdown.operasi import HANYA_LKJIP, teks_aman
from lkjip_cli.render.markdown.pemuat import LoaderDirektori
from lkjip_cli.render.markdown.sandbox import Sandbox, TakTerdefinisi
from lkjip_cli.tabel import BUILDERS, ROMAWI, Baris, Sel, format_sel
from lkjip_cli.tabel.catatan import kata_alasan

#: How lkjip's own output begins; `lkjip render -o` replaces such a file without --force.
PENANDA = "<!-- dibuat oleh lkjip"

#: The parts of the document lkjip renders, in PermenPAN-RB 53/2014's order, each from its
#: template (`bab{n}.md.j2` for the chapters, which decides its tables). A part with no
#: data renders nothing or one line saying so.
BAGIAN = {"sampul": "sampul.md.j2", "pengantar": "pengantar.md.j2",
          "ikhtisar": "ikhtisar.md.j2", "1": "bab1.md.j2", "2": "bab2.md.j2",
          "3": "bab3.md.j2", "4": "bab4.md.j2", "lampiran": "lampiran.md.j2"}
BAB = tuple(BAGIAN)

#: Jinja2's built-in filters that would round a figure or turn it into a float.
FILTER_TERLARANG = ("round", "format", "float", "int", "filesizeformat")

#: Jinja2 marks the traceback frames it rewrites to point into a template with this global.
_JINJA_FRAME = "__jinja_exception__"


# ------------------------------------------------------------------------------ errors


class GalatTemplat(Exception):
    """A template that cannot be rendered: where (template, line) and why."""

    def __init__(self, templat: str, baris: int | None, pesan: str,
                 sebab: BaseException | None = None) -> None:
        self.templat = templat
        self.baris = baris
        self.pesan = pesan
        #: The exception behind it (a `SecurityError` for what the sandbox refused).
        self.sebab = sebab
        where = templat if baris is None else f"{templat}:{baris}"
        super().__init__(f"{tampak(where)}: error[template]: {tampak(pesan)}")


def tampak(teks: str) -> str:
    """Text for one line of a terminal: a control character a template name or value put in
    the message (a newline, an escape sequence) is shown escaped, not obeyed."""
    if teks.isprintable():
        return teks
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in teks)


def _lokasi(tb: TracebackType | None) -> tuple[str, int] | None:
    """The innermost template frame of a traceback, as (template file, line)."""
    found = None
    while tb is not None:
        if _JINJA_FRAME in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _pesan(exc: BaseException) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"templat tidak ditemukan: {exc.name}"
    if isinstance(exc, jinja2.TemplateError):
        return str(exc.message or exc)
    if isinstance(exc, RecursionError | SyntaxError):  # SyntaxError: Python's own nesting limits
        return ("templat bersarang terlalu dalam (ekspresi, blok, atau include, import dan "
                "extends yang memuat dirinya sendiri)")
    if isinstance(exc, MemoryError):
        return "memori habis saat merender templat"
    return f"{type(exc).__name__}: {exc}"


def galat_dari(exc: BaseException, nama: str) -> GalatTemplat:
    """A rendering failure as a `GalatTemplat` naming the innermost template and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return GalatTemplat(exc.filename or exc.name or nama, exc.lineno, _pesan(exc), exc)
    where = _lokasi(exc.__traceback__)
    if where is None:
        return GalatTemplat(nama, None, _pesan(exc), exc)
    return GalatTemplat(where[0], where[1], _pesan(exc), exc)


# ---------------------------------------------------------------------------- loading


def templat_bawaan() -> Traversable:
    """The built-in templates: the installed `lkjip_cli.templates`, else the source tree's."""
    try:
        root = resources.files("lkjip_cli.templates")
        if root.joinpath("_tabel.md.j2").is_file():
            return root
    except ModuleNotFoundError:
        pass
    return Path(lkjip_cli.__file__).parent.parent / "templates"


class LoaderBawaan(jinja2.BaseLoader):
    """Reads built-in templates through importlib.resources (a wheel, a zip or the tree).

    The template's file name is its bare name, which is how errors in it are reported.
    """

    def __init__(self, root: Traversable) -> None:
        self.root = root

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        node = self.root
        for piece in split_template_path(template):
            node = node.joinpath(piece)
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return node.read_text(encoding="utf-8"), template, lambda: True


# ----------------------------------------------------------------------------- filters


def _ringkas(nilai: object) -> str:
    """A value as an error message quotes it: short, whatever its size."""
    text = repr(nilai)
    return text if len(text) <= 60 else text[:57] + "..."


def _desimal(nilai: object, nama: str, batas: Batas) -> Decimal | None:
    """The number inside a filter's argument: a Decimal, an int, a `Nilai`, or None; one
    with more digits than `batas` allows is refused before it is formatted."""
    if isinstance(nilai, jinja2.Undefined):
        str(nilai)  # StrictUndefined raises the usual "'x' is undefined" here.
    nilai = asal(nilai)
    if isinstance(nilai, Nilai):
        nilai = nilai.nilai
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        if nilai.bit_length() > 3.33 * batas.digit + 4:
            raise GalatBatas(f"filter {nama}: angka lebih dari {batas.digit} digit (MAKS_DIGIT)")
        nilai = Decimal(nilai)
    if nilai is None:
        return None
    if not isinstance(nilai, Decimal):
        raise FilterArgumentError(f"filter {nama}: bukan angka: {_ringkas(nilai)}")
    _cek_digit(nilai, nama, batas)
    return nilai


def _cek_digit(nilai: Decimal, nama: str, batas: Batas) -> None:
    if not nilai.is_finite():
        raise FilterArgumentError(f"filter {nama}: bukan angka: {nilai}")
    if nilai and nilai.adjusted() >= batas.digit:
        raise GalatBatas(f"filter {nama}: angka lebih dari {batas.digit} digit (MAKS_DIGIT)")
    if fmt.desimal_dari(nilai) > batas.desimal:
        raise GalatBatas(f"filter {nama}: angka dengan lebih dari {batas.desimal} tempat "
                         "desimal (MAKS_DESIMAL); beri jumlah desimalnya")


def _tempat(desimal: object, nama: str, batas: Batas) -> None:
    """Refuse a number of decimal places that is not a small whole number."""
    if desimal is None:
        return
    if isinstance(desimal, bool) or not isinstance(desimal, int) or desimal < 0:
        raise FilterArgumentError(f"filter {nama}: jumlah desimal harus bilangan bulat "
                                  f"0 atau lebih, bukan {_ringkas(desimal)}")
    if desimal > batas.desimal:
        raise GalatBatas(f"filter {nama}: lebih dari {batas.desimal} tempat desimal "
                         "(MAKS_DESIMAL)")


def sel_gfm(teks: object) -> str:
    """Text made safe for one GFM table cell: `\\` and `|` escaped, line breaks as `<br>`.

    A space goes before each `<br>`: pandoc drops raw HTML when writing DOCX, and the two
    lines would otherwise run together into one word.
    """
    text = teks_aman(teks, "filter gfm").replace("\\", "\\\\").replace("|", "\\|")
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return " <br>".join(lines).strip()


def romawi(nomor: int) -> str:
    """1 -> `I`: how a report numbers its sasaran strategis (Arabic beyond the table)."""
    if isinstance(nomor, bool) or not isinstance(nomor, int):
        raise FilterArgumentError(f"romawi: bukan bilangan bulat: {_ringkas(nomor)}")
    return ROMAWI[nomor - 1] if 0 < nomor <= len(ROMAWI) else str(nomor)


def filters(aturan: Aturan, batas: Batas = BATAS) -> dict[str, Callable[..., str]]:
    """The formatting filters, bound to the report's rounding rules and the render's limits.

    They receive records (`render/markdown/konteks.py`) and read the engine object each was made
    from (`asal`): a `Nilai`, a `Rentang`, a table `Sel`.
    """

    def angka(nilai: object, desimal: int | None = None, seperti: object = None) -> str:
        """`seperti`: another figure the sentence compares this one with; both then print
        with the same places (84,19 beside 73,00)."""
        _tempat(desimal, "angka", batas)
        target = asal(nilai)
        if isinstance(target, Rentang):
            return (f"{fmt.angka(_desimal(target.min, 'angka', batas))}–"
                    f"{fmt.angka(_desimal(target.maks, 'angka', batas))}")
        value = _desimal(nilai, "angka", batas)
        banding = None if seperti is None else _desimal(seperti, "angka", batas)
        if desimal is None and banding is not None and value is not None:
            desimal = max(fmt.desimal_dari(value), fmt.desimal_dari(banding))
        return fmt.angka(value, desimal, aturan.pembulatan)

    def persen(nilai: object, tanda: bool = False) -> str:
        return fmt.persen(_desimal(nilai, "persen", batas), aturan.desimal_persen,
                          aturan.pembulatan, tanda=tanda)

    def rupiah(nilai: object, awalan: bool = True) -> str:
        return fmt.rupiah(_desimal(nilai, "rupiah", batas), awalan=awalan)

    def tepat(nilai: object, maks: int = 10) -> str:
        _tempat(maks, "tepat", batas)
        return fmt.tepat(_desimal(nilai, "tepat", batas), maks)

    def sel(nilai: object) -> str:
        cell = asal(nilai)
        if not isinstance(cell, Sel):
            raise FilterArgumentError(f"filter sel: bukan sel tabel: {_ringkas(nilai)}")
        if isinstance(cell.nilai, Decimal):
            _cek_digit(cell.nilai, "sel", batas)
        return format_sel(cell, aturan)

    def baris_gfm(nilai: object) -> str:
        """One table row as a GFM line, as the macro `baris_md` of `_tabel.md.j2` wrote it
        cell by cell: each cell `sel` then `gfm`, the second column indented by the row's
        level beyond the first, a `jumlah` row bold. One call per row: a large report's
        tables have hundreds of thousands of cells, and the sandbox's per-operation cost
        made them most of a render."""
        row = asal(nilai)
        if not isinstance(row, Baris):
            raise FilterArgumentError(f"filter baris_gfm: bukan baris tabel: {_ringkas(nilai)}")
        indent = "&nbsp;&nbsp;&nbsp;&nbsp;" * (row.tingkat - 1) if row.tingkat > 1 else ""
        tebal = row.gaya == "jumlah"
        cells = []
        for i, cell in enumerate(row.sel):
            v = sel_gfm(sel(cell))
            if i == 1:
                v = indent + v
            cells.append(f" **{v}** |" if tebal and v else f" {v} |")
        return "|" + "".join(cells)

    return {"angka": angka, "persen": persen, "rupiah": rupiah, "tepat": tepat, "sel": sel,
            "gfm": sel_gfm, "baris_gfm": baris_gfm, "narasi": narasi, "alasan": alasan,
            "logo": logo}


def alasan(nilai: object) -> str:
    """Why a figure could not be computed, in a document's words (`tabel/catatan.py`
    `kata_alasan`): `nilai.alasan` names the report file's keys, for `explain` and JSON."""
    n = asal(nilai)
    if not isinstance(n, Nilai):
        raise FilterArgumentError(f"filter alasan: bukan nilai hitungan: {_ringkas(nilai)}")
    return kata_alasan(n.alasan or "")


def narasi(nilai: object) -> str:
    """The analyst's text (`model/narasi.py`) as it is: never a template, so a `{{` in it
    prints as `{{`; only its line ends are made one kind and its edges trimmed."""
    teks = isi_narasi(asal(nilai))  # type: ignore[arg-type]
    return teks.replace("\r\n", "\n").replace("\r", "\n").strip()


def logo(sampul: object) -> str:
    """The cover's logo as a Markdown image, by the file name the report gives."""
    obj = asal(sampul)
    if not isinstance(obj, Sampul) or obj.logo is None:
        return ""
    return f"![Logo]({obj.logo})"


def pesan_terlarang(filter_: str) -> str:
    return f"filter `{filter_}` tidak tersedia: {HANYA_LKJIP}"


def _filter_terlarang(nama: str) -> Callable[..., str]:
    """A stand-in that refuses when reached at run time (e.g. through `map('round')`)."""

    def tolak(*_: object, **__: object) -> str:
        raise SecurityError(pesan_terlarang(nama))

    return tolak


def cetak(value: Any) -> Any:
    """Jinja2's `finalize`: what `{{ ... }}` may print. A figure printed without a filter would
    show `97.333...` with an English dot and no rounding; a list or a record would print a
    Python repr. Both are refused; text, whole numbers, booleans and None print."""
    kind = type(value)
    if kind is str or kind is int:
        return value
    if isinstance(value, Decimal | float):
        raise SecurityError(f"angka dicetak tanpa filter: {HANYA_LKJIP}")
    if value is None or isinstance(value, str | int | jinja2.Undefined):
        return value
    teks_aman(value, "{{ ... }}")  # raises: not printable
    return value


def lingkungan(aturan: Aturan, template_dir: Path | None = None,
               batas: Batas = BATAS, cache: bool = False) -> Sandbox:
    """The sandboxed environment: a user's templates first, then the built-ins. With `cache`
    and no `template_dir`, the built-ins' compiled code is kept between runs (`cache.py`)."""
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(LoaderDirektori(template_dir, batas.ukuran_templat))
    loaders.append(LoaderBawaan(templat_bawaan()))
    lkjip_filters = filters(aturan, batas)
    env = Sandbox(
        loader=jinja2.ChoiceLoader(loaders), undefined=TakTerdefinisi,
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        finalize=cetak, batas=batas, fungsi_aman=[romawi],
        filter_terlarang={nama: pesan_terlarang(nama) for nama in FILTER_TERLARANG},
    )
    env.filters.update({nama: _filter_terlarang(nama) for nama in FILTER_TERLARANG})
    env.filters.update(lkjip_filters)
    env.globals["romawi"] = romawi
    if cache and template_dir is None:  # a user's templates are never cached
        from lkjip_cli.render.markdown.cache import CacheTemplat

        env.bytecode_cache = CacheTemplat.buka(env)
    return env


# ------------------------------------------------------------------------------ render


def nama_templat_tabel(nomor: str) -> str:
    """`3.5` -> `tabel_3_5.md.j2`."""
    return f"tabel_{nomor.replace('.', '_')}.md.j2"


def penanda(sumber: str) -> str:
    """The first line of lkjip's output, naming the input file."""
    name = Path(sumber).name.replace("--", "- -") if sumber else "laporan"
    return f"{PENANDA} render dari {name}; lkjip render menimpa berkas ini -->"


def _satu(env: jinja2.Environment, nama: str, ctx: Mapping[str, Any]) -> str:
    try:
        return env.get_template(nama).render(ctx)
    except Exception as exc:  # Any failure inside a template is reported as the template's.
        raise _di_berkas(env, galat_dari(exc, nama)) from None


def _di_berkas(env: jinja2.Environment, galat: GalatTemplat) -> GalatTemplat:
    """A failure with no line (one Python raised while compiling, e.g. nesting too deep)
    named by the template's file, as every other failure is."""
    if galat.baris is not None or env.loader is None:
        return galat
    try:
        filename = env.loader.get_source(env, galat.templat)[1]
    except Exception:  # not found, refused: the name is all there is
        return galat
    return GalatTemplat(filename or galat.templat, None, galat.pesan, galat.sebab)


def templat_untuk(bab: Sequence[str], tabel: Sequence[str]) -> list[str]:
    """The top-level templates to render: one per table asked, else one per chapter."""
    unknown = [n for n in tabel if n not in BUILDERS] + [b for b in bab if b not in BAB]
    if unknown:
        raise KeyError(", ".join(unknown))
    if tabel:
        return [nama_templat_tabel(n) for n in tabel]
    return [BAGIAN[b] for b in bab]


def render_markdown(hasil: Hasil, *, bab: Sequence[str] = BAB,
                    tabel: Sequence[str] = (), template_dir: Path | None = None,
                    sumber: str = "", batas: Batas = BATAS, cache: bool = False) -> str:
    """The chapters `bab` (or only the tables `tabel`) as one Markdown document, within the
    limits `batas` (a test passes smaller ones); `cache`: see `lingkungan`.

    Raises `GalatTemplat` for any template that cannot be rendered, and KeyError for an
    unknown chapter or table number.
    """
    names = templat_untuk(bab, tabel)
    env = lingkungan(hasil.laporan.aturan, template_dir, batas, cache)
    ctx = konteks(hasil)
    parts = (_satu(env, name, ctx).strip("\n") for name in names)
    body = "\n\n".join(p for p in parts if p)
    return rapikan(f"{penanda(sumber)}\n\n{body}\n")


#: Two or more blank (or blank-looking) lines in a row.
_BARIS_KOSONG = re.compile(r"\n(?:[ \t]*\n){2,}")


def rapikan(teks: str) -> str:
    """Runs of blank lines as one blank line: Markdown means the same, and templates can
    place their blocks without counting newlines."""
    return _BARIS_KOSONG.sub("\n\n", teks)
