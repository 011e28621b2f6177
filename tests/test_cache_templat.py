"""The compiled-template cache of `lkjip render` (render/markdown/cache.py, issue 24): used
when safe, refused or ignored in every other case, and the output never changes.

Counting, not timing: a template compiled is a call of `Environment.compile`; a render
served from the cache makes none.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli.app import app
from lkjip_cli.engine import hitung
from lkjip_cli.engine.hasil import Hasil
from lkjip_cli.loader import load
from lkjip_cli.render.markdown import cache as cache_mod
from lkjip_cli.render.markdown import templat
from lkjip_cli.render.markdown.cache import CacheTemplat
from lkjip_cli.render.markdown.sandbox import Sandbox

ROOT = Path(__file__).resolve().parent.parent
TABEL = ["3.4", "3.5", "3.6", "3.7", "3.10", "3.11"]


@pytest.fixture(scope="module")
def hasil() -> Hasil:
    result = load(str(ROOT / "data" / "2020.yaml"))
    assert result.report is not None
    return hitung(result.report)


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LKJIP_CACHE", raising=False)  # tests/conftest.py turns caches off
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "lkjip" / "templat"


@pytest.fixture
def kompilasi(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the templates compiled while the test runs."""
    names: list[str] = []
    asli = Sandbox.compile

    def hitung_kompilasi(self: Sandbox, source: str, name: str | None = None,
                         *args: object, **kwargs: object) -> object:
        names.append(str(name))
        return asli(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Sandbox, "compile", hitung_kompilasi)
    yield names


def _render(hasil: Hasil, cache: bool = True) -> str:
    return templat.render_markdown(hasil, tabel=TABEL, cache=cache)


def _entri(path: Path) -> list[Path]:
    return sorted(p for p in path.iterdir() if len(p.name) == 64)


def test_kedua_kali_tanpa_kompilasi(hasil: Hasil, xdg: Path, kompilasi: list[str]) -> None:
    """The first render compiles and stores every template it used, each entry readable by
    its owner only; the second compiles none and prints the same bytes as no cache."""
    tanpa = _render(hasil, cache=False)
    assert kompilasi
    kompilasi.clear()
    assert _render(hasil) == tanpa
    dipakai = len(kompilasi)
    assert dipakai > 0
    assert stat.S_IMODE(xdg.stat().st_mode) == 0o700
    entri = _entri(xdg)
    assert len(entri) == dipakai
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in entri)
    kompilasi.clear()
    assert _render(hasil) == tanpa
    assert kompilasi == []


def _isi_cache(hasil: Hasil, xdg: Path) -> None:
    _render(hasil)
    assert _entri(xdg)


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o750, 0o705, 0o777])
def test_direktori_terbuka_ditolak(hasil: Hasil, xdg: Path, kompilasi: list[str],
                                   mode: int) -> None:
    """A cache directory the group or others can enter, read or write is not used: not read
    (every template compiled) and not written."""
    _isi_cache(hasil, xdg)
    xdg.chmod(mode)
    sebelum = {p.name: p.stat().st_mtime_ns for p in xdg.iterdir()}
    kompilasi.clear()
    assert _render(hasil) == _render(hasil, cache=False)
    assert len(kompilasi) == 2 * len(sebelum)  # both renders compiled everything
    assert {p.name: p.stat().st_mtime_ns for p in xdg.iterdir()} == sebelum


def test_direktori_milik_orang_lain_ditolak(hasil: Hasil, xdg: Path, kompilasi: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Owned by another user (seen from that user: this process's uid is someone else's)."""
    _isi_cache(hasil, xdg)
    uid = os.getuid()
    monkeypatch.setattr(cache_mod.os, "getuid", lambda: uid + 1)
    assert CacheTemplat.buka(templat.lingkungan(hasil.laporan.aturan)) is None
    kompilasi.clear()
    _render(hasil)
    assert len(kompilasi) == len(_entri(xdg))


def test_tautan_simbolik_ditolak(hasil: Hasil, tmp_path: Path, xdg: Path,
                                 kompilasi: list[str]) -> None:
    """The cache directory as a symbolic link, even to a 0700 directory of this user holding
    good entries, is not followed."""
    asli = tmp_path / "asli"
    asli.mkdir(mode=0o700)
    _isi_cache(hasil, xdg)
    for p in _entri(xdg):
        p.rename(asli / p.name)
    xdg.rmdir()
    xdg.symlink_to(asli)
    kompilasi.clear()
    _render(hasil)
    assert len(kompilasi) == len(_entri(asli))
    assert CacheTemplat.buka(templat.lingkungan(hasil.laporan.aturan)) is None


def test_bukan_direktori_ditolak(hasil: Hasil, xdg: Path) -> None:
    xdg.parent.mkdir(parents=True)
    xdg.write_text("bukan direktori")
    assert _render(hasil) == _render(hasil, cache=False)
    assert xdg.read_text() == "bukan direktori"


def test_entri_rusak_atau_asing_diabaikan(hasil: Hasil, xdg: Path,
                                          kompilasi: list[str]) -> None:
    """Entries truncated, overwritten with garbage, swapped with each other (valid code under
    the wrong key), readable by others, or a link to a good entry: each is ignored, the
    template compiled again, the output the same."""
    _isi_cache(hasil, xdg)
    entri = _entri(xdg)
    assert len(entri) >= 5
    isi = [p.read_bytes() for p in entri]
    entri[0].write_bytes(isi[0][: len(isi[0]) // 2])
    entri[1].write_bytes(b"\x00garbage" * 50)
    entri[2].write_bytes(isi[3])
    entri[3].write_bytes(isi[2])
    entri[4].chmod(0o644)
    if len(entri) > 5:
        entri[5].unlink()
        entri[5].symlink_to(entri[6] if len(entri) > 6 else entri[0])
    kompilasi.clear()
    assert _render(hasil) == _render(hasil, cache=False)
    rusak = min(len(entri), 6)
    assert len(kompilasi) == rusak + len(entri)  # the broken ones, then all without cache


def test_sandbox_berubah_kunci_berubah(hasil: Hasil, xdg: Path, kompilasi: list[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Code compiled under one sandbox is never run under another: a change in the
    operators the sandbox intercepts at compile time, or in the names of its filters, is a
    different key (the old entries are not found)."""
    _isi_cache(hasil, xdg)
    n = len(_entri(xdg))
    monkeypatch.setattr(Sandbox, "intercepted_binops", frozenset({"+", "-"}))
    kompilasi.clear()
    _render(hasil)
    assert len(kompilasi) == n
    assert len(_entri(xdg)) == 2 * n
    monkeypatch.undo()
    env = templat.lingkungan(hasil.laporan.aturan)
    sidik = cache_mod.sidik_jari(env)
    env.filters["baru"] = str
    assert cache_mod.sidik_jari(env) != sidik


def test_template_dir_tidak_pernah_dicache(hasil: Hasil, xdg: Path, tmp_path: Path) -> None:
    """Templates given by the user (`--template-dir`) are compiled every time; with such a
    directory not even the built-ins are cached (documented in SECURITY.md)."""
    d = tmp_path / "templat"
    d.mkdir()
    (d / "tabel_3_5.md.j2").write_text("Tabel milik pengguna\n", encoding="utf-8")
    assert templat.lingkungan(hasil.laporan.aturan, d, cache=True).bytecode_cache is None
    berkas = tmp_path / "laporan.yaml"
    berkas.write_bytes((ROOT / "data" / "2020.yaml").read_bytes())
    result = CliRunner().invoke(app, ["render", str(berkas), "--tabel", "3.5",
                                      "--template-dir", str(d)])
    assert result.exit_code == 0, result.output
    assert "Tabel milik pengguna" in result.stdout
    assert not xdg.exists()


def test_render_cli_memakai_cache(xdg: Path, tmp_path: Path) -> None:
    """`lkjip render` without `--template-dir` fills the cache, in a 0700 directory."""
    berkas = tmp_path / "laporan.yaml"
    berkas.write_bytes((ROOT / "data" / "2020.yaml").read_bytes())
    pertama = CliRunner().invoke(app, ["render", str(berkas)])
    assert pertama.exit_code == 0
    assert stat.S_IMODE(xdg.stat().st_mode) == 0o700
    assert len(_entri(xdg)) >= 20
    kedua = CliRunner().invoke(app, ["render", str(berkas)])
    assert kedua.stdout == pertama.stdout


def test_tanpa_sumber_modul_tanpa_cache(hasil: Hasil, xdg: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An installation without the sandbox modules' source (bytecode only) cannot be
    fingerprinted: no cache, the render as before."""
    monkeypatch.setattr(cache_mod, "MODUL_SANDBOX", ("tidak-ada.py",))
    assert CacheTemplat.buka(templat.lingkungan(hasil.laporan.aturan)) is None
    assert _render(hasil) == _render(hasil, cache=False)
    assert not xdg.exists()


def test_satu_akar_dengan_cache_grafik(hasil: Hasil, tmp_path: Path, xdg: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       kompilasi: list[str]) -> None:
    """`LKJIP_CACHE` governs this cache as it does the chart cache: a directory it names
    holds the templates under `templat`, and `0` turns the cache off (nothing written)."""
    akar = tmp_path / "akar"
    monkeypatch.setenv("LKJIP_CACHE", str(akar))
    _render(hasil)
    assert _entri(akar / "templat") and not xdg.exists()
    monkeypatch.setenv("LKJIP_CACHE", "0")
    assert CacheTemplat.buka(templat.lingkungan(hasil.laporan.aturan)) is None
    kompilasi.clear()
    _render(hasil)
    assert kompilasi  # compiled again: the cache is off


def test_dokumen_word_memakai_cache(hasil: Hasil, xdg: Path, kompilasi: list[str]) -> None:
    """`export --to docx` keeps the compiled templates too, keyed with its marker filters in
    place: the second document compiles none, and the Markdown with markers is the same as
    without the cache (and as the first run, which filled it)."""
    from lkjip_cli.render.docx_blok import markdown_berpenanda

    bab = ["2", "3"]
    tanpa, _ = markdown_berpenanda(hasil, bab, [])
    kompilasi.clear()
    pertama, _ = markdown_berpenanda(hasil, bab, [], cache=True)
    assert kompilasi and _entri(xdg)
    kompilasi.clear()
    kedua, _ = markdown_berpenanda(hasil, bab, [], cache=True)
    assert kompilasi == []
    assert pertama == kedua == tanpa
    # the render's entries and the document's are kept apart: `_tabel.md.j2` differs, and
    # the marker filters are part of every key
    kompilasi.clear()
    _render(hasil)
    assert kompilasi
