"""Atomic file writes: write to a temporary file in the target folder, then rename over.

A crash or a full disk mid-write leaves the previous file intact, never a half-written one.

* **Permissions** are those any program gives a new file (``0o666`` less the umask); replacing
  a file keeps its mode. (``tempfile.mkstemp`` creates ``0o600``; the mode is set before the
  rename.)
* **Temporary files** (``.<name>.<pid>.<random>.tmp<suffix>`` beside the target) are removed
  when the write fails, on Ctrl-C, and on SIGTERM or SIGHUP: :func:`install_signal_cleanup`
  (done on the first write from the main thread) removes every live one, then lets the signal
  end the process as before. A process killed outright (``kill -9``) cannot clean up; its
  leftovers are removed by the next write of the same file, once that process is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

#: Temporary files being written now (removed on a fatal signal).
_LIVE: set[str] = set()
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_installed = False


def umask() -> int:
    """The process's umask (read from /proc where possible, which changes nothing)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def new_file_mode() -> int:
    """The mode a new file gets: ``0o666`` less the umask."""
    return 0o666 & ~umask()


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it to ``target``.

    The temporary file keeps the target's suffix, so writers that choose a format by extension
    (openpyxl, pandas, pyarrow) behave as they would on the target. See the module doc for
    permissions and clean-up.
    """
    target = Path(target)
    install_signal_cleanup()
    _remove_stale(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.{os.getpid()}.",
                                    suffix=f"{target.suffix}.tmp{target.suffix}",
                                    dir=target.parent)
    os.close(fd)
    _LIVE.add(tmp_name)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            mode = target.stat().st_mode & 0o7777
        except OSError:
            mode = new_file_mode()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        _LIVE.discard(tmp_name)


def write_atomic(target: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` then atomically move the result to ``target``."""
    with atomic_path(target) as tmp:
        write(tmp)
    return Path(target)


def write_text_atomic(target: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Atomically replace ``target`` with ``text``."""
    return write_atomic(target, lambda p: p.write_text(text, encoding=encoding))


def install_signal_cleanup() -> None:
    """Remove live temporary files on SIGTERM/SIGHUP, then end as the signal would have.

    Only signals still at their default action are taken over (a program with its own
    handler keeps it), and only from the main thread (Python's rule for signal handlers).
    """
    global _installed
    if _installed or threading.current_thread() is not threading.main_thread():
        return
    _installed = True
    for number in _SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            if signal.getsignal(number) == signal.SIG_DFL:
                signal.signal(number, _on_fatal_signal)


def _on_fatal_signal(number: int, _frame) -> None:
    remove_live_temporaries()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)


def remove_live_temporaries() -> None:
    """Remove the temporary files of writes still under way (for signal handlers)."""
    for name in list(_LIVE):
        with contextlib.suppress(OSError):
            os.unlink(name)
        _LIVE.discard(name)


def _remove_stale(target: Path) -> None:
    """Remove temporaries of ``target`` left by processes that no longer run (``kill -9``)."""
    prefix = f".{target.stem}."
    tail = f"{target.suffix}.tmp{target.suffix}"
    try:
        candidates = [entry for entry in os.scandir(target.parent)
                      if entry.name.startswith(prefix) and entry.name.endswith(tail)]
    except OSError:
        return
    for entry in candidates:
        middle = entry.name[len(prefix):-len(tail)].split(".")  # "<pid>.<random>"
        pid_text = middle[0]
        if len(middle) != 2 or not pid_text.isdigit() or int(pid_text) == os.getpid() or _running(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True
    return True
