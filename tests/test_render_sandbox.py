"""The template sandbox (render/markdown/: sandbox.py, operasi.py, batas.py, konteks.py,
pemuat.py): what a template can reach, the known ways out of a Jinja2 sandbox, and the limits
on the work a template can do.

A `--template-dir` may come from anyone; before this sandbox, a template calling
`laporan.parse_raw(..., allow_pickle=true)` ran a shell command. Every escape test here runs a
payload that would create a marker file if it got out, and asserts that the file is not
there, that the render stops with exit 2, and that nothing was written.
"""

from __future__ import annotations

import os
import textwrap
import types
from collections.abc import Iterator
from dataclasses import is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import MINIMAL, listing
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext, Macro, TemplateReference
from jinja2.utils import Namespace
from pydantic import BaseModel
from typer.testing import CliRunner, Result

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load_text
from lkjip_cli.render.markdown import batas
from lkjip_cli.render.markdown.batas import Batas, GalatBatas
from lkjip_cli.render.markdown.konteks import Rekaman, konteks
from lkjip_cli.render.markdown.sandbox import PETA_AMAN, STR_AMAN, Sandbox
from lkjip_cli.render.markdown.templat import (
    GalatTemplat,
    galat_dari,
    lingkungan,
    render_markdown,
    romawi,
)

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def invoke(*args: str | Path) -> Result:
    result = runner.invoke(app, ["render", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture(scope="module")
def hasil_2020() -> Hasil:
    result = load_text((ROOT / "data" / "2020.yaml").read_text(encoding="utf-8"), "2020.yaml")
    assert result.report is not None
    return hitung(result.report)


@pytest.fixture(scope="module")
def hasil_minimal() -> Hasil:
    result = load_text(MINIMAL, "laporan.yaml")
    assert result.report is not None
    return hitung(result.report)


@pytest.fixture
def tpl(tmp_path: Path) -> Path:
    path = tmp_path / "templat"
    path.mkdir()
    return path


def render_templat(hasil: Hasil, tpl: Path, teks: str, **kwargs: Any) -> str:
    """`teks` as the user's `tabel_3_5.md.j2`, rendered as `render -t 3.5` renders it."""
    (tpl / "tabel_3_5.md.j2").write_text(teks, encoding="utf-8")
    return render_markdown(hasil, tabel=["3.5"], template_dir=tpl, **kwargs)


def galat(hasil: Hasil, tpl: Path, teks: str) -> GalatTemplat:
    with pytest.raises(GalatTemplat) as info:
        render_templat(hasil, tpl, teks)
    return info.value


# ------------------------------------------------------- (a) what a template can reach


#: Every callable a template may reach by name or attribute, beyond its own macros: the
#: functions lkjip registers, and the bound methods named in sandbox.py's allow-lists.
GLOBAL_DIIZINKAN = {"range", "namespace", "romawi"}


def _dapat_dipanggil(env: Sandbox, value: object) -> bool:
    """Whether `value` is a callable the allow-list names (checked independently here)."""
    if isinstance(value, Macro | LoopContext):  # a loop is called in a recursive loop
        return True
    if isinstance(value, types.BuiltinMethodType | types.MethodType):
        owner, name = value.__self__, value.__name__
        return ((isinstance(owner, str) and name in STR_AMAN)
                or (isinstance(owner, Rekaman | dict) and name in PETA_AMAN)
                or (isinstance(owner, LoopContext) and name in {"cycle", "changed"})
                or (isinstance(owner, Sandbox) and value == env.globals["range"]))
    return value is env.globals.get("namespace") or value is env.globals.get("romawi")


def _terlarang(value: object) -> str | None:
    """Why `value` must never reach a template (None: it may)."""
    if isinstance(value, type):
        return "a class"
    if isinstance(value, types.ModuleType):
        return "a module"
    if isinstance(value, BaseModel):
        return "a pydantic model"
    if is_dataclass(value):
        return "a dataclass instance"
    if isinstance(value, types.FunctionType | types.CodeType | types.FrameType
                  | types.TracebackType | types.GeneratorType):
        return "a function, code, frame or generator object"
    if isinstance(value, jinja2.Environment | jinja2.runtime.Context):
        return "the environment or the context"
    return None


def _akses(env: Sandbox, obj: object, name: object) -> Iterator[object]:
    """What `{{ obj.name }}` and `{{ obj[name] }}` give a template, skipping refusals."""
    for access in (env.getattr, env.getitem):
        try:
            value = access(obj, name)  # type: ignore[operator]
        except (SecurityError, jinja2.UndefinedError, TypeError, LookupError):
            continue
        if not isinstance(value, jinja2.Undefined):
            yield value


def jelajahi(env: Sandbox, awal: dict[str, object]) -> tuple[list[object], int]:
    """Everything reachable from `awal` by attribute and item access, breadth first.

    Every key and index of every record and sequence is followed. The names `dir()` lists
    are tried once per kind of value (every str, every `Nilai` record, has the same ones).
    Returns the values reached and the number of accesses tried.
    """
    seen: set[int] = set()
    kinds_seen: set[object] = set()
    queue = list(awal.values())
    reached: list[object] = []
    tried = 0
    while queue:
        obj = queue.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        reached.append(obj)
        names: list[object] = []
        if isinstance(obj, Rekaman | dict):
            names += list(obj)
        if isinstance(obj, tuple | list):
            names += list(range(len(obj)))
        kind = (type(obj), obj._jenis if isinstance(obj, Rekaman) else None)
        if kind not in kinds_seen:
            kinds_seen.add(kind)
            names += dir(obj)
        for name in names:
            tried += 1
            queue.extend(_akses(env, obj, name))
    return reached, tried


def objek_templat(env: Sandbox, ctx: dict[str, object]) -> dict[str, object]:
    """The objects a template makes itself: loop, macro, caller, self, namespace, range,
    an imported template, literals and a group of `groupby`."""
    found: dict[str, object] = {}

    def simpan(**kwargs: object) -> str:
        found.update(kwargs)
        return ""

    env.globals["simpan"] = simpan
    env.daftarkan_fungsi(simpan)
    env.from_string(textwrap.dedent("""\
        {% import "_kalimat.md.j2" as kalimat %}
        {% macro m() %}{{ simpan(caller=caller) }}{% endmacro %}
        {% for x in [1] %}{{ simpan(loop=loop, macro=m, self=self, kalimat=kalimat,
            ns=namespace(a=1), rng=range(3), daftar=[1, "a"], peta={"k": 1}, pasangan=(1, 2),
            kelompok=(hasil.indikator|groupby("satuan"))[0], metode="a".upper,
            butir=rumus_efisiensi.items(), pandangan={"k": 1}.keys()) }}{% endfor %}
        {% call m() %}isi{% endcall %}
        """)).render(ctx)
    assert set(found) == {"caller", "loop", "macro", "self", "kalimat", "ns", "rng", "daftar",
                          "peta", "pasangan", "kelompok", "metode", "butir", "pandangan"}
    return found


def test_everything_a_template_reaches_is_plain_data_or_allowed(hasil_2020: Hasil) -> None:
    env = lingkungan(hasil_2020.laporan.aturan)
    ctx = konteks(hasil_2020)
    awal = {**ctx, **env.globals, **objek_templat(env, ctx)}
    reached, tried = jelajahi(env, awal)
    # The 2020 report has a few thousand records and figures; each name of each was tried.
    assert len(reached) > 2_000 and tried > 10_000
    bad = [(type(v).__name__, why) for v in reached if (why := _terlarang(v)) is not None
           and not (v is env.globals["romawi"] or v is env.globals["namespace"])]
    assert bad == []
    callables = [v for v in reached if callable(v) and not isinstance(v, type)]
    assert callables, "the walk found no callable at all: it cannot be checked"
    assert [v for v in callables if not _dapat_dipanggil(env, v)] == []
    assert set(env.globals) == GLOBAL_DIIZINKAN | {"simpan"}
    # The engine's own objects are never handed over: only records made from them.
    kinds = {type(v) for v in reached}
    assert kinds <= {Rekaman, tuple, list, dict, str, int, bool, Decimal, type(None), range,
                     Namespace, LoopContext, Macro, TemplateReference,
                     jinja2.environment.TemplateModule, types.BuiltinMethodType,
                     types.MethodType, types.FunctionType} | {type(awal["kelompok"])}


def test_templates_reach_names_exactly_as_the_environment_answers(hasil_2020: Hasil) -> None:
    # The walk above asks `env.getattr` and `env.getitem`; this renders `x[n]` and
    # `x|attr(n)` for every name of one value of each kind, so that it is the same policy
    # a template meets (a change in how templates are compiled cannot bypass it unseen).
    env = lingkungan(hasil_2020.laporan.aturan)
    ctx = konteks(hasil_2020)
    samples = {**objek_templat(env, ctx), "hasil": ctx["hasil"], "nilai": ctx["hasil"][
        "rata_rata_capaian"], "angka": ctx["hasil"]["rata_rata_capaian"]["nilai"],
        "teks": ctx["instansi"], "bulat": ctx["tahun"], "tuple": ctx["hasil"]["sasaran"]}
    got: list[object] = []

    def simpan(v: object) -> str:
        got.append(v)
        return ""

    env.globals["simpan"] = simpan
    env.daftarkan_fungsi(simpan)
    templates = [env.from_string("{{ simpan(x[n]) }}"), env.from_string("{{ simpan(x|attr(n)) }}")]
    reached = 0
    for x in samples.values():
        names = [*dir(x), *(x if isinstance(x, Rekaman | dict) else ())]
        for n in names:
            for template in templates:
                got.clear()
                try:
                    template.render(x=x, n=n)
                except (SecurityError, jinja2.UndefinedError):
                    continue
                value = got[0]
                if isinstance(value, jinja2.Undefined):
                    continue
                reached += 1
                assert _terlarang(value) is None, (type(x).__name__, n)
                if callable(value):
                    assert _dapat_dipanggil(env, value), (type(x).__name__, n)
    assert reached > 100


def test_no_attribute_of_a_scalar_or_record_is_readable(hasil_2020: Hasil) -> None:
    # Decimal, int, str: every attribute but the harmless str methods is refused.
    env = lingkungan(hasil_2020.laporan.aturan)
    nilai = hasil_2020.rata_rata_capaian.nilai
    assert isinstance(nilai, Decimal)
    for obj in (nilai, 7, True, None):
        assert [n for n in dir(obj) if list(_akses(env, obj, n))] == []
    assert {n for n in dir("teks") if list(_akses(env, "teks", n))} == set(STR_AMAN)
    # A record offers its fields, and the read-only mapping methods, nothing else.
    rekaman = konteks(hasil_2020)["hasil"]
    assert isinstance(rekaman, Rekaman)
    readable = {n for n in [*dir(rekaman), *rekaman] if list(_akses(env, rekaman, n))}
    assert readable == set(rekaman) | PETA_AMAN


def test_the_context_keeps_the_names_templates_use(hasil_2020: Hasil) -> None:
    ctx = konteks(hasil_2020)
    hasil = ctx["hasil"]
    assert isinstance(hasil, Rekaman)
    # Fields, and properties as values (Hasil.indikator, Nilai.ada, Tabel.caption).
    ind = hasil["indikator"][0]
    assert ind is hasil["sasaran"][0]["indikator"][0]  # shared objects stay shared
    assert ind["capaian"]["ada"] is True
    assert str(ind["capaian"]["nilai"]).startswith("97.33333333")  # 73 / 75 x 100
    assert "tampil" not in hasil and "belanja_tahun" not in hasil  # methods are gone
    assert set(ctx) == {"hasil", "laporan", "aturan", "tahun", "instansi", "singkatan",
                        "tabel", "tabel_bagian", "rumus_efisiensi", "bagian"}
    # Tabel 3.8's part for one sasaran, looked up by its kode, is that part of `tabel`.
    assert ctx["tabel_bagian"]["3.8"]["SS1"] == (ctx["tabel"]["3.8"][0],)
    assert ctx["tabel"]["3.5"][0]["caption"].startswith("Tabel 3.5 Perbandingan")
    with pytest.raises(AttributeError):
        ind.nama = "x"  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        ind["nama"] = "x"  # type: ignore[index]


# ------------------------------------------------------------ (b) known escape idioms

#: A pickle that runs `touch MARKER` when unpickled (protocol 0, as in issue 8).
PICKLE = "cos\\nsystem\\n(S'touch MARKER'\\ntR."

#: (template, the refusal it must meet). Each would run `touch MARKER` if it got through.
IDIOM = [
    (f'{{{{ laporan.parse_raw("{PICKLE}", content_type="application/pickle", '
     'allow_pickle=true) }}', "atribut 'parse_raw' dari 'Laporan' tidak boleh diakses templat"),
    ('{{ laporan.parse_file("MARKER") }}',
     "atribut 'parse_file' dari 'Laporan' tidak boleh diakses templat"),
    ('{{ laporan.model_validate_json("{}") }}',
     "atribut 'model_validate_json' dari 'Laporan' tidak boleh diakses templat"),
    ("{{ laporan.copy(update={'x': 1}) }}",
     "atribut 'copy' dari 'Laporan' tidak boleh diakses templat"),
    ("{{ laporan.construct() }}", "atribut 'construct' dari 'Laporan' tidak boleh diakses templat"),
    ("{{ hasil.tampil(hasil.efisiensi) }}",
     "atribut 'tampil' dari 'Hasil' tidak boleh diakses templat"),
    ("{{ hasil.rata_rata_capaian.with_aturan('x') }}",
     "atribut 'with_aturan' dari 'Nilai' tidak boleh diakses templat"),
    ("{{ hasil.rata_rata_capaian.nilai.as_integer_ratio() }}",
     "atribut 'as_integer_ratio' dari 'Decimal' tidak boleh diakses templat"),
    ("{{ tabel.pop('3.5') }}", "atribut 'pop' dari 'dict' tidak boleh diakses templat"),
    ("{{ hasil.__class__.__init__.__globals__['os'].system('touch MARKER') }}",
     "atribut '__class__' dari 'Hasil' tidak boleh diakses templat"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}",
     "atribut '__class__' dari 'str' tidak boleh diakses templat"),
    ("{{ tahun.__class__.__base__.__subclasses__() }}",
     "atribut '__class__' dari 'int' tidak boleh diakses templat"),
    ("{{ instansi.__mro__ }}", "atribut '__mro__' dari 'str' tidak boleh diakses templat"),
    ("{{ range.__builtins__ }}", "atribut '__builtins__' dari 'method' tidak boleh diakses "
     "templat"),
    ("{{ romawi.__code__ }}", "atribut '__code__' dari 'function' tidak boleh diakses templat"),
    ("{{ (hasil.indikator|select).gi_frame.f_back.f_globals }}",
     "atribut 'gi_frame' dari '_HasilBertahap' tidak boleh diakses templat"),
    ("{{ (hasil.indikator|map(attribute='nama'))['gi_frame'] }}",
     "atribut 'gi_frame' dari '_HasilBertahap' tidak boleh diakses templat"),
    ("{{ range(3).__iter__().__reduce__() }}",
     "atribut '__iter__' dari 'range' tidak boleh diakses templat"),
    ("{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
     "`cycler` tidak tersedia dalam sandbox templat lkjip"),
    ("{{ joiner.__init__.__globals__.os.system('touch MARKER') }}",
     "`joiner` tidak tersedia dalam sandbox templat lkjip"),
    ("{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
     "`lipsum` tidak tersedia dalam sandbox templat lkjip"),
    ("{{ dict.__class__ }}", "`dict` tidak tersedia dalam sandbox templat lkjip"),
    ("{{ namespace.__init__.__globals__.os.system('touch MARKER') }}",
     "atribut '__init__' dari 'function' tidak boleh diakses templat"),
    ("{{ namespace().__class__.__init__.__globals__ }}",
     "atribut '__class__' dari 'Namespace' tidak boleh diakses templat"),
    ("{{ romawi.__globals__['os'].system('touch MARKER') }}",
     "atribut '__globals__' dari 'function' tidak boleh diakses templat"),
    ("{{ range.__self__.__class__ }}",
     "atribut '__self__' dari 'method' tidak boleh diakses templat"),
    ("{{ range.__func__.__globals__ }}",
     "atribut '__func__' dari 'method' tidak boleh diakses templat"),
    ("{{ self._TemplateReference__context }}",
     "atribut '_TemplateReference__context' dari 'TemplateReference' tidak boleh diakses "
     "templat"),
    ("{{ self.__init__.__globals__ }}",
     "atribut '__init__' dari 'TemplateReference' tidak boleh diakses templat"),
    ("{% for x in [1] %}{{ loop.cycle.__func__.__globals__ }}{% endfor %}",
     "atribut '__func__' dari 'method' tidak boleh diakses templat"),
    ("{% for x in [1] %}{{ loop._iterator }}{% endfor %}",
     "atribut '_iterator' dari 'LoopContext' tidak boleh diakses templat"),
    ("{% macro m() %}{{ caller._func.__globals__ }}{% endmacro %}{% call m() %}{% endcall %}",
     "atribut '_func' dari 'Macro' tidak boleh diakses templat"),
    ("{% macro m() %}{% endmacro %}{{ m.__call__.__globals__ }}",
     "atribut '__call__' dari 'Macro' tidak boleh diakses templat"),
    ("{{ '{0.__class__.__init__.__globals__}'.format(hasil) }}",
     "metode `format` tidak tersedia: angka hanya lewat filter lkjip (angka, persen, rupiah)"),
    ("{{ '{0.__class__}'.format_map(tabel) }}",
     "metode `format_map` tidak tersedia: angka hanya lewat filter lkjip (angka, persen, "
     "rupiah)"),
    ("{{ hasil|attr('__class__') }}",
     "atribut '__class__' dari 'Hasil' tidak boleh diakses templat"),
    ("{{ ''|attr('__class__') }}", "atribut '__class__' dari 'str' tidak boleh diakses templat"),
    ("{{ hasil.indikator|map(attribute='__class__')|list }}",
     "atribut '__class__' dari 'HasilIndikator' tidak boleh diakses templat"),
    ("{{ hasil.indikator|map(attribute='capaian.__class__')|list }}",
     "atribut '__class__' dari 'Nilai' tidak boleh diakses templat"),
    ("{{ hasil.indikator|selectattr('__class__')|list }}",
     "atribut '__class__' dari 'HasilIndikator' tidak boleh diakses templat"),
    ("{{ hasil.indikator|sort(attribute='__class__.__name__')|list }}",
     "atribut '__class__' dari 'HasilIndikator' tidak boleh diakses templat"),
    ("{{ hasil['__class__'] }}", "atribut '__class__' dari 'Hasil' tidak boleh diakses templat"),
    ("{{ [1].__class__ }}", "atribut '__class__' dari 'list' tidak boleh diakses templat"),
    ("{{ [1].append }}", "atribut 'append' dari 'list' tidak boleh diakses templat"),
    ("{{ {}.update }}", "atribut 'update' dari 'dict' tidak boleh diakses templat"),
    ("{{ 'a'.center(10) }}", "atribut 'center' dari 'str' tidak boleh diakses templat"),
    ("{{ hasil }}", "{{ ... }}: Hasil tidak dapat dijadikan teks; cetak isinya satu per satu"),
    ("{{ hasil|string }}",
     "filter string: Hasil tidak dapat dijadikan teks; cetak isinya satu per satu"),
]


@pytest.mark.parametrize(("templat", "pesan"), IDIOM, ids=[i[0][:50] for i in IDIOM])
def test_escape_idiom_is_refused(hasil_minimal: Hasil, tpl: Path, tmp_path: Path, templat: str,
                                 pesan: str) -> None:
    marker = tmp_path / "MARKER"
    error = galat(hasil_minimal, tpl, templat.replace("MARKER", str(marker)))
    assert isinstance(error.sebab, SecurityError), error
    assert (error.templat, error.baris, error.pesan) == (str(tpl / "tabel_3_5.md.j2"), 1, pesan)
    assert not marker.exists()


@pytest.mark.parametrize("filter_", ["pprint", "tojson", "xmlattr", "urlize", "safe", "e",
                                     "random"])
def test_dropped_jinja_filters_fail_when_compiled(hasil_minimal: Hasil, tpl: Path,
                                                  filter_: str) -> None:
    # pprint and tojson would print reprs or JSON of any object; refused even in a branch
    # never taken.
    templat = f"Judul\n{{% if false %}}{{{{ hasil|{filter_} }}}}{{% endif %}}"
    error = galat(hasil_minimal, tpl, templat)
    assert isinstance(error.sebab, jinja2.TemplateAssertionError)
    assert (error.baris, error.pesan) == (
        2, f"filter `{filter_}` tidak tersedia dalam sandbox templat lkjip")


@pytest.mark.parametrize(("templat", "pesan"), [
    # Names that other sandboxes (Flask, Django) expose: nothing of the kind exists here.
    ("{{ config.__class__ }}", "'config' is undefined"),
    ("{{ request.application.__globals__ }}", "'request' is undefined"),
    ("{{ environment }}", "'environment' is undefined"),
    ("{{ context }}", "'context' is undefined"),
])
def test_names_of_other_sandboxes_do_not_exist(hasil_minimal: Hasil, tpl: Path, templat: str,
                                               pesan: str) -> None:
    error = galat(hasil_minimal, tpl, templat)
    assert isinstance(error.sebab, jinja2.UndefinedError)
    assert error.pesan == pesan


def test_escape_idioms_through_the_cli_leave_no_trace(laporan: Path, tmp_path: Path,
                                                      tpl: Path) -> None:
    # All of the idioms at once, one per template included by one chapter.
    marker = tmp_path / "MARKER"
    bab = "".join(f"{{% include 'idiom_{i}.md.j2' ignore missing %}}\n"
                  for i in range(len(IDIOM)))
    (tpl / "bab3.md.j2").write_text(bab, encoding="utf-8")
    out = tmp_path / "bab3.md"
    for i, (templat, pesan) in enumerate(IDIOM):
        for j in range(len(IDIOM)):
            (tpl / f"idiom_{j}.md.j2").unlink(missing_ok=True)
        (tpl / f"idiom_{i}.md.j2").write_text(templat.replace("MARKER", str(marker)),
                                             encoding="utf-8")
        result = invoke(laporan, "--bab", "3", "--template-dir", tpl, "-o", out)
        assert result.exit_code == 2
        assert result.stderr == f"{tpl / f'idiom_{i}.md.j2'}:1: error[template]: {pesan}\n"
        assert listing(tmp_path) == ["laporan.yaml", "templat"]


# ------------------------------------------------------- (c) the reproduction, by the CLI


def test_issue_8_reproduction_runs_no_command(laporan: Path, tmp_path: Path, tpl: Path) -> None:
    marker = tmp_path / "x"
    (tpl / "tabel_3_5.md.j2").write_text(
        f'{{{{ laporan.parse_raw("cos\\nsystem\\n(S\'id > {marker}\'\\ntR.", '
        'content_type="application/pickle", allow_pickle=true) }}\n', encoding="utf-8")
    out = tmp_path / "bab3.md"
    result = invoke(laporan, "--bab", "3", "--template-dir", tpl, "-o", out)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"{tpl / 'tabel_3_5.md.j2'}:1: error[template]: atribut "
                             "'parse_raw' dari 'Laporan' tidak boleh diakses templat\n")
    assert not marker.exists()
    assert listing(tmp_path) == ["laporan.yaml", "templat"]


# ------------------------------------------------------------- loading templates


def test_include_outside_the_template_dir_is_not_found(hasil_minimal: Hasil, tpl: Path,
                                                       tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA\n", encoding="utf-8")
    for name in ("../rahasia.txt", str(secret), "/etc/passwd", "../../../../etc/passwd",
                 "sub/../../rahasia.txt"):
        error = galat(hasil_minimal, tpl, f"{{% include {name!r} %}}\n")
        assert error.pesan == f"templat tidak ditemukan: {name}", name
        assert isinstance(error.sebab, jinja2.TemplateNotFound)


def test_symlink_out_of_the_template_dir_is_refused(hasil_minimal: Hasil, tpl: Path,
                                                    tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA\n", encoding="utf-8")
    (tpl / "bocor.md.j2").symlink_to(secret)
    (tpl / "akar").symlink_to(tmp_path)
    for name in ("bocor.md.j2", "akar/rahasia.txt"):
        error = galat(hasil_minimal, tpl, f"{{% include {name!r} %}}\n")
        assert isinstance(error.sebab, SecurityError)
        assert error.pesan == (f"templat {name} menunjuk ke luar --template-dir ({secret}); "
                               "tautan simbolik ke luar direktori templat ditolak")
    # The template itself, as a link out of the directory, is refused the same way.
    (tpl / "tabel_3_5.md.j2").unlink(missing_ok=True)
    (tpl / "asli.md.j2").write_text("ok\n", encoding="utf-8")
    os.symlink(secret, tpl / "tabel_3_5.md.j2")
    with pytest.raises(GalatTemplat) as info:
        render_markdown(hasil_minimal, tabel=["3.5"], template_dir=tpl)
    assert "menunjuk ke luar --template-dir" in info.value.pesan


def test_symlink_inside_the_template_dir_is_followed(hasil_minimal: Hasil, tpl: Path) -> None:
    (tpl / "asli.md.j2").write_text("Isi asli {{ tahun }}\n", encoding="utf-8")
    (tpl / "tautan.md.j2").symlink_to(tpl / "asli.md.j2")
    assert render_templat(hasil_minimal, tpl, "{% include 'tautan.md.j2' %}").endswith(
        "\n\nIsi asli 2020\n")


def test_fifo_and_oversized_templates_are_refused(hasil_minimal: Hasil, tpl: Path) -> None:
    os.mkfifo(tpl / "pipa.md.j2")  # opening it for reading would wait for a writer forever
    error = galat(hasil_minimal, tpl, "{% include 'pipa.md.j2' %}")
    assert error.pesan == (f"templat {tpl / 'pipa.md.j2'} tidak dapat dibaca: bukan berkas "
                           "biasa melainkan FIFO (pipa bernama); lkjip hanya membaca berkas "
                           "biasa: simpan isinya ke sebuah berkas lalu beri nama berkas itu")
    (tpl / "besar.md.j2").write_text("x" * (batas.MAKS_UKURAN_TEMPLAT + 1), encoding="utf-8")
    error = galat(hasil_minimal, tpl, "{% include 'besar.md.j2' %}")
    assert error.pesan == "templat besar.md.j2 lebih dari 100.000 byte (MAKS_UKURAN_TEMPLAT)"
    assert isinstance(error.sebab, GalatBatas)


# ------------------------------------------------------------------------ limits


BERSARANG = ("templat bersarang terlalu dalam (ekspresi, blok, atau include, import dan extends "
             "yang memuat dirinya sendiri)")

#: (template, line, message): each would run for minutes or take gigabytes unbounded. All
#: stop before the work is done, so these run in milliseconds (the last ones in well under a
#: second: they stop by counting).
BATAS = [
    ("{{ ('a'*10**10)|length }}", 1,
     "hasil `*` terlalu besar: 10.000.000.000 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("Judul\n{{ ([0]*10**9)|length }}", 2,
     "hasil `*` terlalu besar: 1.000.000.001 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{{ ('ab' ~ 'c'*1000000) ~ ('c'*1000000) }}", 1,
     "hasil `~` terlalu besar: 2.000.002 karakter/unsur, paling banyak 2.000.000 (MAKS_BOBOT)"),
    ("{{ ('a'*1000000 + 'a'*1000001)|length }}", 1,
     "hasil `+` terlalu besar: 2.000.001 karakter/unsur, paling banyak 2.000.000 (MAKS_BOBOT)"),
    ("{{ 'x'|center(10**10) }}", 1,
     "hasil filter center terlalu besar: 10.000.000.000 karakter/unsur, paling banyak "
     "2.000.000 (MAKS_BOBOT)"),
    ("{{ 'x'|center(10000000000) }}", 1,  # a constant: Jinja2 tries it when compiling
     "hasil filter center terlalu besar: 10.000.000.000 karakter/unsur, paling banyak "
     "2.000.000 (MAKS_BOBOT)"),
    # 2.000 characters and a newline, then 1.001 lines of 10.000 spaces: 10.012.001.
    ("{{ ('a\\n'*1000)|indent(10**4) }}", 1,
     "hasil filter indent terlalu besar: 10.012.001 karakter/unsur, paling banyak "
     "2.000.000 (MAKS_BOBOT)"),
    ("{{ ('a'*1000000)|replace('a', 'aaa') }}", 1,
     "hasil filter replace terlalu besar: 3.000.000 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{{ 'a b'|wordwrap(1, wrapstring='x'*1000000) }}", 1,
     "hasil filter wordwrap terlalu besar: 4.000.003 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    # The list is 1 + 1.000.000 + 999.990; joined with 100 dashes, 2.000.090 characters.
    ("{{ ['x'*1000000, 'y'*999990]|join('-'*100) }}", 1,
     "hasil filter join terlalu besar: 2.000.090 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{{ [1]|batch(10**9, 0)|list }}", 1,
     "hasil filter batch terlalu besar: 1.000.000.000 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{{ range(10)|slice(10**9)|list }}", 1,
     "hasil filter slice terlalu besar: 1.000.000.000 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{% for i in range(10**9) %}{% endfor %}", 1,
     "range() lebih dari 10.000 bilangan (MAKS_RANGE)"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", 1,
     "range() lebih dari 10.000 bilangan (MAKS_RANGE)"),
    ("{{ 10**10**10 }}", 1, "hasil `**`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ (2**100) * (2**100) }}", 1, "hasil `*`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    # 10^40 has 41 digits; 10^40 - 1, forty nines, is the largest allowed.
    ("{{ 10**39 }}\n{{ 10**40 }}", 2, "hasil `**`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ " + "9" * 40 + " * 1 }}\n{{ " + "9" * 40 + " + 1 }}", 2,
     "hasil `+`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ 1 | angka(10**9) }}", 1, "filter angka: lebih dari 60 tempat desimal (MAKS_DESIMAL)"),
    ("{{ hasil.rata_rata_capaian | tepat(10**9) }}", 1,
     "filter tepat: lebih dari 60 tempat desimal (MAKS_DESIMAL)"),
    ("{{ 10**9 | angka(10**9) }}", 1, "filter angka: lebih dari 60 tempat desimal (MAKS_DESIMAL)"),
    ("{{ (10**1000)|angka }}", 1, "hasil `**`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ 1|angka(10**1000) }}", 1, "hasil `**`: bilangan lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ 1" + "0" * 1000 + "|angka }}", 1, "filter angka: angka lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ 1000000000000000000000000000000000000000000 | rupiah }}", 1,
     "filter rupiah: angka lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ (hasil.rata_rata_capaian.nilai * 10**39) | persen }}", 1,
     "filter persen: angka lebih dari 40 digit (MAKS_DIGIT)"),
    ("{{ (hasil.rata_rata_capaian.nilai ** (10**30)) | persen }}", 1,
     "hasil `**` tidak dapat dihitung sebagai angka desimal (Overflow)"),
    ("{{ (hasil.rata_rata_capaian.nilai / 10**39 / 10**39) | angka }}", 1,
     "filter angka: angka dengan lebih dari 60 tempat desimal (MAKS_DESIMAL); beri jumlah "
     "desimalnya"),
    # Exponential growth by nesting: [0] weighs 2 (the list and its element), and [a, a]
    # weighs 1 + 2a, so step k weighs 3 x 2^k - 1: 1.572.863 at k = 19, 3.145.727 at k = 20.
    ("{% set ns = namespace(a=[0]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}"
     "{% endfor %}", 1,
     "nilai terlalu besar: 3.145.727 karakter/unsur, paling banyak 2.000.000 (MAKS_BOBOT)"),
    ("{% set ns = namespace(a=[0]) %}{% for i in range(60) %}{% set ns.a = [ns.a] * 2 %}"
     "{% endfor %}", 1,
     "hasil `*` terlalu besar: 3.145.727 karakter/unsur, paling banyak 2.000.000 (MAKS_BOBOT)"),
    ("{% set ns = namespace(a=0) %}{% for i in range(100) %}{% set ns.a = (ns.a,) %}"
     "{% endfor %}", 1, "nilai bersarang lebih dari 64 tingkat (MAKS_SARANG)"),
    ("{% macro f() %}{{ f(varargs, varargs) }}{% endmacro %}\n{{ f() }}", 1,
     "argumen panggilan terlalu besar: 2.097.150 karakter/unsur, paling banyak 2.000.000 "
     "(MAKS_BOBOT)"),
    ("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", 1,
     "panggilan bersarang lebih dari 50 tingkat (MAKS_KEDALAMAN); makro yang memanggil "
     "dirinya sendiri tanpa henti?"),
    ("{% include 'tabel_3_5.md.j2' %}", 1, BERSARANG),
    ("{% import 'tabel_3_5.md.j2' as x %}", 1, BERSARANG),
    ("{% extends 'tabel_3_5.md.j2' %}", 1, BERSARANG),
    # Too deep for Jinja2's parser or Python's compiler: no line to name.
    ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", None, BERSARANG),
    ("{{ " + "[" * 3000 + "1" + "]" * 3000 + " }}", None, BERSARANG),
    ("{% if true %}" * 200 + "x" + "{% endif %}" * 200, None, BERSARANG),
    ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}\n"
     "{{ f(40) }}", 1,
     "lebih dari 100.000 panggilan makro dalam satu render (MAKS_PANGGILAN)"),
    ("{% for i in range(10000) %}\n{% for j in range(10000) %}{% endfor %}{% endfor %}", 2,
     "lebih dari 1.000.000 putaran dan panggilan fungsi dalam satu render (MAKS_LANGKAH)"),
    ("{% for i in range(10000) %}{% for j in range(10000) %}{{ 'x' * 1000000 }}{% endfor %}"
     "{% endfor %}", 1,
     "render menghasilkan lebih dari 40.000.000 karakter dan unsur (MAKS_VOLUME)"),
]


@pytest.mark.parametrize(("templat", "baris", "pesan"), BATAS, ids=[b[0][:50] for b in BATAS])
def test_limit_stops_the_render(laporan: Path, tmp_path: Path, tpl: Path, templat: str,
                                baris: int | None, pesan: str) -> None:
    (tpl / "tabel_3_5.md.j2").write_text(templat, encoding="utf-8")
    out = tmp_path / "bab.md"
    result = invoke(laporan, "-t", "3.5", "--template-dir", tpl, "-o", out)
    assert result.exit_code == 2
    assert result.stdout == ""
    where = f"{tpl / 'tabel_3_5.md.j2'}" + ("" if baris is None else f":{baris}")
    assert result.stderr == f"{where}: error[template]: {pesan}\n"
    assert listing(tmp_path) == ["laporan.yaml", "templat"]


def test_the_time_budget_is_checked_in_loops(hasil_minimal: Hasil) -> None:
    # A budget of no time at all: the first loop iteration checks the clock and stops.
    env = lingkungan(hasil_minimal.laporan.aturan, batas=Batas(detik=0))
    assert env.from_string("no loop: {{ tahun }}").render(tahun=2020) == "no loop: 2020"
    template = env.from_string("{% for i in range(3) %}{% endfor %}")
    with pytest.raises(GalatBatas, match=r"render melebihi batas waktu 0 detik \(MAKS_DETIK\)"):
        template.render()
    env = lingkungan(hasil_minimal.laporan.aturan, batas=Batas(detik=60))
    assert env.from_string("{% for i in range(3) %}{{ i }}{% endfor %}").render() == "012"


def test_limits_are_per_render_and_the_2020_report_is_far_below_them(
        hasil_2020: Hasil) -> None:
    env = lingkungan(hasil_2020.laporan.aturan)
    ctx = konteks(hasil_2020)
    for name in ("bab2.md.j2", "bab3.md.j2", "bab4.md.j2"):
        env.get_template(name).render(ctx)
    used = env.anggaran
    # Measured: about 1,500 steps, 220 macro calls, 90,000 units of volume for 28 KB.
    assert used.langkah < batas.MAKS_LANGKAH // 100
    assert used.panggilan < batas.MAKS_PANGGILAN // 100
    assert used.volume < batas.MAKS_VOLUME // 100


# --------------------------------------------------------- what templates can still do


@pytest.mark.parametrize(("templat", "keluaran"), [
    ("{% macro m(x) %}[{{ caller(x) }}]{% endmacro %}{% call(y) m(3) %}<{{ y }}>{% endcall %}",
     "[<3>]"),
    ("{% for g in hasil.indikator|groupby('satuan') %}{{ g.grouper }}:{{ g.list|length }}"
     "{% endfor %}", "%:1"),
    ("{% for x in range(3) %}{{ loop.cycle('a', 'b') }}{{ loop.index }}{% endfor %}", "a1b2a3"),
    ("{% import '_kalimat.md.j2' as k %}{{ k.pct(hasil.rata_rata_capaian) }}", "90,00%"),
    ("{% set ns = namespace(n=0) %}{% for i in hasil.indikator %}{% set ns.n = ns.n + 1 %}"
     "{% endfor %}{{ ns.n }}", "1"),
    ("{{ rumus_efisiensi.items()|list|length }} {{ rumus_efisiensi.get('nominal') }}",
     "8 efisiensi = pagu - realisasi"),  # the eight methods of METODE_EFISIENSI
    ("{{ 'a,b'.split(',')|join('-') }} {{ 'Abc'.upper() }} {{ instansi.startswith('Dinas') }}",
     "a-b ABC True"),
    ("{% for k, v in rumus_efisiensi|dictsort %}{{ k }} {% endfor %}",
     "indeks-efisiensi nilai-efisiensi-pmk-22-2021 nominal output-input rasio selisih "
     "selisih-rata-rata-serapan sisa-anggaran "),
    ("{{ hasil.indikator|sum(attribute='capaian.nilai')|angka(1) }}", "90,0"),
    ("{% for x in [[1, [2]], 3] recursive %}{% if x is iterable %}{{ loop(x) }}{% else %}"
     "{{ x }}{% endif %}{% endfor %}", "123"),
    ("{{ tabel['3.5'][0].caption }}", "Tabel 3.5 Perbandingan antara Target dan Realisasi "
     "Kinerja Tahun 2020"),
    ("{{ hasil.sasaran[0].indikator[0] is sameas hasil.indikator[0] }} {{ 'ada' in "
     "hasil.efisiensi }} {{ hasil|length > 5 }}", "True True True"),
    ("{{ 'x'|center(5) }}|{{ 'a b'|wordwrap(1) }}|{{ 'ab'|replace('a', 'c') }}|"
     "{{ [1, 2, 3]|batch(2)|list|length }}", "  x  |a\nb|cb|2"),
    ("{{ romawi(4) }} {{ (range(3)|list + [3]) * 2 }}", None),
])
def test_ordinary_template_features_still_work(hasil_minimal: Hasil, tpl: Path, templat: str,
                                               keluaran: str | None) -> None:
    if keluaran is None:  # a list printed as Python would: refused, with its line
        error = galat(hasil_minimal, tpl, templat)
        assert error.pesan == ("{{ ... }}: list tidak dapat dijadikan teks; cetak isinya satu "
                               "per satu")
        return
    assert render_templat(hasil_minimal, tpl, templat).endswith(f"\n\n{keluaran}\n")


def test_extends_blocks_super_and_self(hasil_minimal: Hasil, tpl: Path) -> None:
    (tpl / "dasar.md.j2").write_text("A{% block b %}dasar{% endblock %}Z{{ self.b() }}",
                                     encoding="utf-8")
    text = render_templat(hasil_minimal, tpl,
                          "{% extends 'dasar.md.j2' %}{% block b %}[{{ super() }}]{% endblock %}")
    assert text.endswith("\n\nA[dasar]Z[dasar]\n")


def test_galat_names_the_fields_a_record_has(hasil_minimal: Hasil, tpl: Path) -> None:
    error = galat(hasil_minimal, tpl, "{{ hasil.rata_rata_capaian.nilaii }}")
    assert error.pesan == ("Nilai tidak punya 'nilaii' (yang ada: nilai, rumus, masukan, aturan, "
                           "alasan, satuan, turunan, uraian, uraian_angka, ada)")
    assert isinstance(error.sebab, jinja2.UndefinedError)


def test_records_compare_by_identity_and_views_become_tuples(hasil_minimal: Hasil,
                                                             tpl: Path) -> None:
    # Comparing by content would cost the whole report per comparison, a million times in
    # one uninterruptible C call: `[a] * 10**6 == [b] * 10**6`.
    ctx = konteks(hasil_minimal)
    assert ctx["hasil"] == ctx["hasil"] and ctx["hasil"] != konteks(hasil_minimal)["hasil"]
    assert hash(ctx["aturan"]) == id(ctx["aturan"])
    text = render_templat(hasil_minimal, tpl, (
        "{% set a = [hasil.sasaran[0]] * 1000000 %}{% set b = [laporan.sasaran[0]] * 1000000 %}"
        "{{ a == b }} {{ a == a }} {{ rumus_efisiensi.items()[0][0] }} "
        "{{ {'k': 1}.items() is sequence }}"))
    assert text.endswith("\n\nFalse True selisih True\n")


def test_context_has_no_engine_object() -> None:
    # konteks() refuses a value it cannot make plain rather than passing it through.
    from lkjip_cli.render.markdown.konteks import data

    rekaman = data({"a": [1, (2, Decimal("3.5"))]})
    assert isinstance(rekaman, Rekaman)
    assert dict(rekaman) == {"a": (1, (2, Decimal("3.5")))}
    for bad in (1.5, object(), romawi, len, Path("x")):
        with pytest.raises(TypeError, match="tidak dapat diberikan ke templat"):
            data({"x": bad})


def test_control_characters_in_an_error_are_shown_escaped(laporan: Path, tpl: Path) -> None:
    # A template name that clears the screen and moves the cursor, in a message.
    (tpl / "tabel_3_5.md.j2").write_text("{% include '\x1b[2J\x1b[H\nx.md.j2' %}\n",
                                        encoding="utf-8")
    result = invoke(laporan, "-t", "3.5", "--template-dir", tpl)
    assert result.exit_code == 2
    assert result.stderr == (f"{tpl / 'tabel_3_5.md.j2'}:1: error[template]: templat tidak "
                             "ditemukan: \\x1b[2J\\x1b[H\\nx.md.j2\n")


# ----------------------------------------------------------------------------- fuzz

#: Pieces of template expressions: starting points, then accessors chained at random.
FUZZ_AWAL = ["hasil", "laporan", "aturan", "tabel", "rumus_efisiensi", "instansi", "tahun",
             "namespace()", "range(3)", "romawi", "self", "hasil.indikator", "'x'", "[1, 2]",
             "{'a': 1}", "hasil.rata_rata_capaian.nilai", "(hasil.indikator|select)"]
FUZZ_LANJUT = [".__class__", ".__init__", ".__globals__", "['__class__']", "|attr('__dict__')",
               ".parse_raw('MARKER')", ".items()", ".upper()", "|list", "|first", "[0]",
               ".sasaran", ".nilai", "|map(attribute='__class__')|list", "|string", "|length",
               ".mro()", ".__subclasses__()", "|sort", " * 3", " ~ 'a'", "|join(',')",
               ".__self__", ".__func__", ".gi_frame", ".f_globals", "['os']",
               ".system('touch MARKER')", ".popen('touch MARKER')", "|sum", "|dictsort",
               ".get('laporan')", ".values()|list", "|batch(2)|list", " ** 99", "|center(9)"]


def test_fuzzed_expressions_never_escape(hasil_minimal: Hasil, tmp_path: Path) -> None:
    # A fixed seed and a bounded count: each expression either renders or is refused with
    # a template error (which `lkjip render` prints with exit 2); none runs the payload.
    import random

    rng = random.Random(8)
    marker = tmp_path / "MARKER"
    ctx = konteks(hasil_minimal)
    outcomes: dict[str, int] = {}
    for _ in range(400):
        expr = rng.choice(FUZZ_AWAL)
        for _ in range(rng.randint(1, 4)):
            expr = f"({expr}){rng.choice(FUZZ_LANJUT)}"
        source = rng.choice(["{{ %s }}", "{%% for x in %s %%}{{ x }}{%% endfor %%}",
                             "{%% set y = %s %%}{{ y is defined }}"]) % expr
        env = lingkungan(hasil_minimal.laporan.aturan)
        try:
            env.from_string(source.replace("MARKER", str(marker))).render(ctx)
            outcome = "rendered"
        except Exception as exc:  # `lkjip render` reports any of them as the template's
            outcome = type(exc).__name__
            assert galat_dari(exc, "<template>").baris == 1, (source, exc)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert not marker.exists(), source
    # The mix is a real one: some render, most are refused by the sandbox.
    assert outcomes.get("rendered", 0) > 10 and outcomes.get("SecurityError", 0) > 150, outcomes
