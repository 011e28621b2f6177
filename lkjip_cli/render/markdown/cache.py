"""Compiled built-in templates kept between runs, only where nobody else can write them.

Why: `lkjip render` compiled its templates afresh in every process, about 115 ms of CPU
(a quarter of a render of data/2020.yaml, issue 24). Jinja2's own `FileSystemBytecodeCache`
is not safe to point at a directory: it keys an entry by the template's name and source
only, not by the code generator, so code compiled under another sandbox (lkjip's
`PembangkitKode` writes the sandbox's checks into the compiled code) would be run as if it
were this one's; it reads an entry's checksum with `pickle`, and any code object it loads is
run. A cached entry is code, so this cache:

- **keys** every entry by the template's name and source and a fingerprint of everything
  compilation depends on (`sidik_jari`): lkjip's version, Jinja2's, Python's, the source of
  the sandbox, template and limit modules, the environment's class, code generator,
  intercepted operators, settings, limits and the names of its filters, tests and globals.
  Any change is a different key, so a stale entry is never found (never overwritten either:
  it stays until the directory is cleared);
- lives in `templat` under lkjip's one cache root, the chart cache's (`source/simpanan.py`:
  `$LKJIP_CACHE`, else `$XDG_CACHE_HOME/lkjip`, else `~/.cache/lkjip`; `LKJIP_CACHE=0` turns
  both off), created 0700. Stricter than the chart cache, whose entries are only pictures and
  which tightens a directory of the user's own to 0700, this one holds code and is
  **refused** (no cache, templates compiled as before) when its directory is a symbolic
  link, not a directory, owned by another user, or open to the group or others; every file
  is opened through the directory's descriptor without following links, and an entry that
  is not a regular file of this user, readable by nobody else, is ignored;
- writes an entry under a temporary name and renames it into place (a reader never sees
  half an entry); stores the key's digest inside the entry and checks it on reading, so a
  corrupt, truncated or foreign entry is ignored; never uses `pickle`;
- holds **built-in templates only**: `render --template-dir` compiles every template as
  before (a user's templates change often, and a directory of templates is a place others
  may write), and so do the library's callers unless they ask for the cache.

Any error of the cache itself (a full disk, permissions) means compiling as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path
from types import CodeType
from typing import TYPE_CHECKING

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

if TYPE_CHECKING:
    from jinja2 import Environment

#: First bytes of every entry (the format of this module, not Jinja2's).
MAGIC = b"lkjip-templat-1\n"
#: An entry larger than this is not read (the largest built-in template compiles to ~60 KB).
MAKS_ENTRI = 4 << 20
#: The modules whose source decides the compiled code or what it may do.
MODUL_SANDBOX = ("sandbox.py", "operasi.py", "templat.py", "batas.py", "cache.py")


def direktori_cache() -> Path | None:
    """`templat` under lkjip's one cache root (`source/simpanan.direktori_dasar`:
    `$LKJIP_CACHE`, else `$XDG_CACHE_HOME/lkjip`, else `~/.cache/lkjip`); None when the
    cache is turned off (`LKJIP_CACHE=0`) or there is no home directory."""
    from lkjip_cli.source.simpanan import direktori_dasar

    dasar = direktori_dasar()
    return None if dasar is None else dasar / "templat"


def sidik_jari(env: Environment) -> bytes:
    """What compiling a template in `env` depends on, beyond the template itself."""
    from lkjip_cli import __version__

    h = hashlib.sha256()
    for bagian in (__version__, jinja2.__version__, sys.version, sys.implementation.cache_tag):
        h.update(f"{bagian}\0".encode())
    here = Path(__file__).resolve().parent
    for nama in MODUL_SANDBOX:
        h.update((here / nama).read_bytes())
    cls = type(env)
    gen = env.code_generator_class
    config = (
        f"{cls.__module__}.{cls.__qualname__}", f"{gen.__module__}.{gen.__qualname__}",
        sorted(getattr(env, "intercepted_binops", ())),
        sorted(getattr(env, "intercepted_unops", ())),
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, repr(env.autoescape), env.finalize is not None,
        sorted(env.extensions), sorted(env.filters), sorted(env.tests), sorted(env.globals),
        f"{env.undefined.__module__}.{env.undefined.__qualname__}",
        repr(getattr(env, "batas", None)))
    h.update(repr(config).encode())
    return h.digest()


def _direktori_aman(path: Path) -> int | None:
    """A descriptor of `path` (created 0700 if missing), or None when it is not a directory
    of this user closed to everyone else (or is a symbolic link)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:  # a symbolic link (ELOOP), not a directory, no permission
        return None
    info = os.fstat(fd)
    if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid()
            or info.st_mode & 0o077):
        os.close(fd)
        return None
    return fd


class CacheTemplat(BytecodeCache):
    """Jinja2's bytecode cache over one safe directory (see the module docstring)."""

    def __init__(self, fd: int, sidik: bytes) -> None:
        self.fd = fd
        self.sidik = sidik

    @classmethod
    def buka(cls, env: Environment, path: Path | None = None) -> CacheTemplat | None:
        """The cache for `env` in `path` (default `direktori_cache()`), or None if refused
        or impossible (no home directory, an installation without the modules' source)."""
        try:
            sidik = sidik_jari(env)
            tempat = path if path is not None else direktori_cache()
            fd = None if tempat is None else _direktori_aman(tempat)
        except (OSError, RuntimeError):  # RuntimeError: Path.home() without a home
            return None
        return None if fd is None else cls(fd, sidik)

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        key = hashlib.sha256(self.sidik + b"\0" + name.encode() + b"\0"
                             + source.encode("utf-8", "surrogatepass")).hexdigest()
        bucket = Bucket(environment, key, key)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._baca(bucket.key)
        kepala = MAGIC + bytes.fromhex(bucket.key)
        if data is None or not data.startswith(kepala):
            return
        try:
            code = marshal.loads(data[len(kepala):])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(code, CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        data = MAGIC + bytes.fromhex(bucket.key) + marshal.dumps(bucket.code)
        sementara = f".{bucket.key}.{os.getpid()}.tmp"
        try:
            fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                         0o600, dir_fd=self.fd)
            try:
                with os.fdopen(fd, "wb") as berkas:
                    berkas.write(data)
                os.replace(sementara, bucket.key, src_dir_fd=self.fd, dst_dir_fd=self.fd)
            except OSError:
                os.unlink(sementara, dir_fd=self.fd)
                raise
        except OSError:
            return

    def _baca(self, key: str) -> bytes | None:
        try:
            fd = os.open(key, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as berkas:
            info = os.fstat(berkas.fileno())
            if (not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid()
                    or info.st_mode & 0o077 or info.st_size > MAKS_ENTRI):
                return None
            return berkas.read(MAKS_ENTRI + 1)

    def clear(self) -> None:
        for nama in os.listdir(self.fd):
            if len(nama) == 64:
                with contextlib.suppress(OSError):
                    os.unlink(nama, dir_fd=self.fd)

    def tutup(self) -> None:
        os.close(self.fd)
