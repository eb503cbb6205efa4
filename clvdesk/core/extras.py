"""Optional dependencies ("extras"): which feature needs which, and the error when one is missing.

``pip install clvdesk`` installs the core and the command line (numpy, pandas, scipy, duckdb):
CSV order files, the embedded demo, every model and closed form. The rest is optional
(``pyproject.toml``): ``io`` (Excel workbooks, Parquet, xlsx reports, the fast CSV parser),
``app`` (the desktop app), ``excel`` (the classic xlwings add-in), ``cluster`` (Spark), ``all``.
Code that needs an optional package imports it where it is used, through :func:`require` (or
:func:`optional_module` for a module-level name), so a missing package is one line such as
``reading Excel workbooks needs the 'io' extra: pip install "clvdesk[io]"``, never a traceback;
:func:`missing_extra` words a ``ModuleNotFoundError`` raised anywhere else the same way.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from clvdesk.core.errors import InputError

#: Top-level module -> (extra, what needs it).
MODULES: dict[str, tuple[str, str]] = {
    "python_calamine": ("io", "reading Excel workbooks (.xlsx, .xls, .ods)"),
    "defusedxml": ("io", "reading Excel workbooks (.xlsx, .xls, .ods)"),
    "pyarrow": ("io", "reading or writing Parquet files"),
    "openpyxl": ("io", "writing .xlsx workbooks"),
    "xlsxwriter": ("io", "writing .xlsx workbooks"),
    "PySide6": ("app", "the desktop app"),
    "shiboken6": ("app", "the desktop app"),
    "matplotlib": ("app", "the desktop app's charts"),
    "xlwings": ("excel", "the classic Excel add-in"),
    "pyspark": ("cluster", "running the order log on Spark"),
}


def extra_error(module: str, purpose: str | None = None) -> InputError:
    """The one-line error for a missing optional ``module`` (dotted names allowed)."""
    root = module.split(".")[0]
    extra, default_purpose = MODULES[root]
    purpose = purpose or default_purpose
    return InputError(code="missing_extra", extra=extra, module=root, purpose=purpose)


def require(module: str, purpose: str | None = None) -> ModuleType:
    """Import ``module`` or raise :func:`extra_error`'s :class:`InputError`."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is None or exc.name.split(".")[0] != module.split(".")[0]:
            raise  # the package is there but broken: not a missing extra
        raise extra_error(module, purpose) from None


class _Missing:
    """Stands in for a module that is not installed: any use raises the extra's error."""

    def __init__(self, module: str, purpose: str | None) -> None:
        self._module = module
        self._purpose = purpose

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        raise extra_error(self._module, self._purpose)


def optional_module(module: str, purpose: str | None = None) -> ModuleType:
    """``module`` if installed, else a stand-in whose first use raises :func:`extra_error`.

    For modules that hold a package under a module-level name (``python_calamine``); the
    error comes when the feature is used, not when the module is imported.
    """
    try:
        return require(module, purpose)
    except InputError:
        return _Missing(module, purpose)  # type: ignore[return-value]


def missing_extra(exc: BaseException) -> InputError | None:
    """:func:`extra_error` for a ``ModuleNotFoundError`` of an optional package, else None."""
    name = getattr(exc, "name", None)
    if not isinstance(exc, ModuleNotFoundError) or not name:
        return None
    root = name.split(".")[0]
    return extra_error(root) if root in MODULES else None
