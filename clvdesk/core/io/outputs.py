"""The one check every output path passes before anything is written (CLI and app alike).

Input files are never modified: no command writes to a path that is one of its inputs or that
resolves to the same file, whether through a symbolic link, a hard link, ``..`` or another
spelling of the name (``os.path.samefile`` compares device and inode).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from clvdesk.core.errors import InputError


def check_output(path: str | os.PathLike, inputs: Iterable[str | os.PathLike | None] = (),
                 *, suffixes: Iterable[str] | None = None) -> Path:
    """Validate an output path; return it as a :class:`Path`.

    Raises :class:`InputError` when its folder does not exist, it is a folder, its extension is
    not one of ``suffixes`` (when given), or it is the same file as one of ``inputs``.
    """
    try:
        path = Path(path)
    except TypeError:
        raise InputError(code="not_a_path", value=repr(path)) from None
    if "\0" in str(path):
        raise InputError(code="path_has_nul")
    if suffixes is not None:
        allowed = tuple(suffixes)
        if path.suffix.lower() not in allowed:
            raise InputError(code="output_format", file=path.name,
                             formats=", ".join(allowed))
    if not path.parent.exists():
        raise InputError(code="output_folder_missing", folder=str(path.parent))
    if path.is_dir():
        raise InputError(code="output_is_folder",
                         file=str(path))
    for source in inputs:
        if source is not None and same_file(path, source):
            raise InputError(code="output_is_input", file=path.name, input=str(source))
    return path


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` name the same file (links followed); False if either is absent."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        pass
    try:  # a target that does not exist yet: compare where the names lead
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False
