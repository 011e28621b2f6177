"""The per-user cache (`source/simpanan.py`) and the charts drawn through it and through
worker processes (`render/grafik.py`, `gambar_semua`): the same bytes as drawing each chart
here, one by one; nothing read that this user's lkjip did not write whole."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from lkjip_cli.engine import hitung
from lkjip_cli.loader import load
from lkjip_cli.render import grafik as g
from lkjip_cli.source import simpanan as s
from lkjip_cli.source.simpanan import Simpanan

ROOT = Path(__file__).resolve().parent.parent


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_stored_bytes_come_back_and_the_directories_are_the_users_alone(tmp_path: Path) -> None:
    dasar = tmp_path / "cache" / "lkjip"
    sim = Simpanan("grafik", dasar)
    assert sim.ambil("k1") is None
    sim.simpan("k1", b"\x89PNG isi")
    assert sim.ambil("k1") == b"\x89PNG isi"
    assert _mode(dasar) == _mode(dasar / "grafik") == 0o700
    assert [p.name for p in (dasar / "grafik").iterdir()] == ["k1"]  # no temporary left


def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path: Path) -> None:
    sim = Simpanan("grafik", tmp_path / "lkjip")
    sim.simpan("k", b"abcdef")
    path = tmp_path / "lkjip" / "grafik" / "k"
    utuh = path.read_bytes()
    path.write_bytes(utuh[:-1])  # truncated
    assert sim.ambil("k") is None
    path.write_bytes(b"abcdef")  # no header, no digest
    assert sim.ambil("k") is None
    path.unlink()
    (tmp_path / "lain").write_bytes(utuh)  # a whole entry, but behind a link
    path.symlink_to(tmp_path / "lain")  # never followed
    assert sim.ambil("k") is None
    sim.simpan("k", b"baru")  # replaced by a regular file
    assert sim.ambil("k") == b"baru"


def test_a_directory_others_may_write_is_tightened_a_link_is_not_used(tmp_path: Path) -> None:
    dasar = tmp_path / "lkjip"
    dasar.mkdir(mode=0o777)
    os.chmod(dasar, 0o777)
    Simpanan("grafik", dasar).simpan("k", b"x")
    assert _mode(dasar) == 0o700
    lain = tmp_path / "milik-lain"
    lain.mkdir()
    tautan = tmp_path / "tautan"
    tautan.symlink_to(lain, target_is_directory=True)
    sim = Simpanan("grafik", tautan)
    sim.simpan("k", b"x")
    assert sim.direktori() is None and sim.ambil("k") is None
    assert list(lain.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_a_directory_owned_by_another_user_is_not_used(tmp_path: Path) -> None:
    dasar = tmp_path / "lkjip"
    (dasar / "grafik").mkdir(parents=True, mode=0o700)
    os.chown(dasar / "grafik", 12345, 12345)
    sim = Simpanan("grafik", dasar)
    sim.simpan("k", b"x")
    assert sim.direktori() is None and sim.ambil("k") is None


def test_the_cache_is_off_by_the_environment_and_where_it_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_CACHE", "0")
    assert s.direktori_dasar() is None
    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "c"))
    assert s.direktori_dasar() == tmp_path / "c"
    monkeypatch.delenv("LKJIP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert s.direktori_dasar() == tmp_path / "xdg" / "lkjip"


def test_a_namespace_keeps_at_most_its_limit_the_oldest_go(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(s, "MAKS_ENTRI", 3)
    sim = Simpanan("grafik", tmp_path / "lkjip")
    for n in range(5):
        sim.simpan(f"k{n}", b"x")
        os.utime(tmp_path / "lkjip" / "grafik" / f"k{n}", ns=(n * 10**9, n * 10**9))
    sim.simpan("k5", b"x")
    assert sorted(p.name for p in (tmp_path / "lkjip" / "grafik").iterdir()) == [
        "k3", "k4", "k5"]


def test_keys_frame_their_parts() -> None:
    assert s.kunci("ab", "c") != s.kunci("a", "bc")
    assert s.kunci("ab", "c") == s.kunci(b"ab", b"c")


# ------------------------------------------------------------------------ charts


@pytest.fixture(scope="module")
def daftar() -> list[g.DataGrafik]:
    pytest.importorskip("matplotlib")
    result = load(str(ROOT / "data" / "2020.yaml"))
    assert result.report is not None
    # one chart of each drawing: panels, one axis with bands, horizontal bars
    return [d for d in g.data_grafik(hitung(result.report))
            if d.kode in ("target-realisasi-SS1", "capaian-skala", "penyerapan-program")]


def test_charts_drawn_by_workers_are_the_bytes_drawn_here_one_by_one(
        daftar: list[g.DataGrafik], tmp_path: Path) -> None:
    """PNG and SVG of data/2020.yaml's charts: two worker processes, then the cache,
    give the bytes `gambar` gives in this process (and the same bytes twice: no date, no
    random id)."""
    mati = Simpanan("grafik", None)
    for bentuk in ("png", "svg"):
        sini = [g.gambar(d, bentuk) for d in daftar]
        assert sini == [g.gambar(d, bentuk) for d in daftar]
        assert g.gambar_semua(daftar, bentuk, proses=2, simpanan=mati) == sini
        sim = Simpanan("grafik", tmp_path / bentuk)
        assert g.gambar_semua(daftar, bentuk, proses=2, simpanan=sim) == sini
        assert len(list((tmp_path / bentuk / "grafik").iterdir())) == len(daftar)
        assert g.gambar_semua(daftar, bentuk, proses=2, simpanan=sim) == sini


def test_a_cached_chart_is_not_drawn_again_a_changed_one_is(
        daftar: list[g.DataGrafik], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sim = Simpanan("grafik", tmp_path / "lkjip")
    pertama = g.gambar_semua(daftar[:2], proses=1, simpanan=sim)
    digambar: list[str] = []
    asli = g.gambar

    def catat(data: g.DataGrafik, bentuk: g.Bentuk = "png") -> bytes:
        digambar.append(data.kode)
        return asli(data, bentuk)

    monkeypatch.setattr(g, "gambar", catat)
    assert g.gambar_semua(daftar[:2], proses=1, simpanan=sim) == pertama
    assert digambar == []
    ubah = g.replace(daftar[0], judul="Judul lain")  # other data: another key
    g.gambar_semua([ubah, daftar[1]], proses=1, simpanan=sim)
    assert digambar == [ubah.kode]
    # a damaged entry is drawn again and stored whole
    for entri in (tmp_path / "lkjip" / "grafik").iterdir():
        entri.write_bytes(b"rusak")
    digambar.clear()
    assert g.gambar_semua(daftar[:2], proses=1, simpanan=sim) == pertama
    assert digambar == [d.kode for d in daftar[:2]]


def test_the_workers_import_matplotlib_this_process_does_not(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import subprocess
    import sys

    kode = (
        "import sys\n"
        "from lkjip_cli.engine import hitung\n"
        "from lkjip_cli.loader import load\n"
        "from lkjip_cli.render import grafik as g\n"
        "from lkjip_cli.source.simpanan import Simpanan\n"
        f"h = hitung(load({str(ROOT / 'data' / '2020.yaml')!r}).report)\n"
        "d = [x for x in g.data_grafik(h) if x.kode.endswith(('SS2', 'SS3'))]\n"
        "png = g.gambar_semua(d, proses=2, simpanan=Simpanan('grafik', None))\n"
        "assert [p[:8] for p in png] == [b'\\x89PNG\\r\\n\\x1a\\n'] * 2\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n")
    out = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert out.stdout.strip() == "[]"
