"""Regular expressions compiled once per machine, not once per run: the compiled form is kept in a cache file.

Most of the start-up of `tracker extract` went into compiling its rule patterns (about 180, some of several
thousand characters built from the data files): about 30 ms of a 100 ms run, paid again by every process.
`compile_pattern` is `re.compile` with that work kept between runs. On a miss it compiles as `re` does and
remembers the result; at exit the new entries are added to the cache file, which a later run loads in about
a millisecond. `remembered_text` keeps the word tries the patterns are built from the same way.

The file lives in `$TRACKER_CACHE_DIR` (default: `$XDG_CACHE_HOME/tracker`, else `~/.cache/tracker`); set
`TRACKER_CACHE_DIR` to an empty string to do without it. The directory must be the user's own: the checksum
finds a damaged file, not a forged one. Its name carries the Python version and the regular
expression engine's version, its content a checksum: a file written by another Python, a damaged or an
unreadable file is ignored, and a directory that cannot be written costs only the time saved. The cache keeps
compiled programs of CPython's `re` engine (its `_sre` module); on another Python implementation
`compile_pattern` is plain `re.compile`.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

try:  # CPython's engine: compiled programs can be stored and rebuilt
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

#: A cache file that would grow past this many bytes is rewritten with this run's patterns only (the
#: package's own patterns take about 400 KB; a file that large costs a few milliseconds to read).
MAX_BYTES: Final = 1_000_000
_HEADER: Final = b"tracker-patterns 3\n"
_DIGEST_SIZE: Final = 4  # a CRC-32 of the rest: a damaged file, not a forged one, is what it guards against

#: (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): the arguments of `_sre.compile`; and
#: (kind, parts) -> the text `remembered_text` built from the parts (a pattern's trie of words).
_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
_Key = tuple[str, Any]

_loaded: dict[_Key, Any] | None = None
_used: dict[_Key, Any] = {}
_new = False


def cache_file() -> Path | None:
    """Where the compiled patterns are kept for this Python, or None when the cache is off."""
    if _sre is None:
        return None
    directory = os.environ.get("TRACKER_CACHE_DIR")
    if directory is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = os.path.join(base, "tracker")
    if not directory:
        return None
    tag = f"{sys.implementation.cache_tag}-sre{_sre.MAGIC}-{_sre.CODESIZE}"
    return Path(directory) / f"patterns-{tag}.marshal"


def _digest(body: bytes) -> bytes:
    return zlib.crc32(body).to_bytes(_DIGEST_SIZE, "big")


def _read(path: Path) -> dict[_Key, Any]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    body = data[len(_HEADER) + _DIGEST_SIZE:]
    if not data.startswith(_HEADER) or data[len(_HEADER):len(_HEADER) + _DIGEST_SIZE] != _digest(body):
        return {}
    try:
        entries = marshal.loads(body)  # noqa: S302 - our own file, its checksum verified above
    except (ValueError, EOFError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _cached() -> dict[_Key, Any]:
    global _loaded
    if _loaded is None:
        path = cache_file()
        _loaded = _read(path) if path is not None else {}
        if path is not None:
            atexit.register(save)
    return _loaded


def _entry(pattern: str, flags: int) -> _Entry:
    """What `re` computes for the pattern (its own steps, in its own order), in a form marshal can store."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, taking the compiled program from the cache file when it is there."""
    global _new
    if _sre is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _cached().get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _sre.compile(pattern, *entry)
        except (RuntimeError, TypeError, ValueError):  # an entry this engine does not accept: compile anew
            entry = None
        else:
            _used[key] = entry
            return compiled
    try:
        entry = _entry(pattern, int(flags))
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:
        return re.compile(pattern, flags)
    _used[key] = entry
    _new = True
    return compiled


def remembered_text(kind: str, parts: tuple[str, ...], build: Callable[[], str]) -> str:
    """`build()`, a text made from `parts` alone, taken from the cache file when it is there: the word tries
    of the rule patterns cost more to build than their compiled programs cost to load."""
    global _new
    key = (kind, parts)
    text = _cached().get(key)
    if not isinstance(text, str):
        text = build()
        _new = True
    _used[key] = text
    return text


def save() -> None:
    """Add this run's newly compiled patterns to the cache file (called at exit; a no-op when none are new)."""
    global _new
    path = cache_file()
    if not _new or path is None:
        return
    body = marshal.dumps({**_read(path), **_used})
    if len(body) > MAX_BYTES:
        body = marshal.dumps(_used)
    import tempfile  # here: a run that writes nothing does without its imports (4 ms)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_HEADER + _digest(body) + body)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return  # a cache that cannot be written only costs the time it would have saved
    _new = False


def reset() -> None:
    """Forget what was loaded and compiled in this process (tests: switch cache files)."""
    global _loaded, _new
    _loaded = None
    _used.clear()
    _new = False
