"""The guard around every UDF: whatever happens, the cell gets a value or an Excel error string.

A :class:`~clvdesk.core.errors.CLVError` becomes ``"<excel_code> <message>"``
(``"#VALUE! aov must be a number"``); any other exception is a bug in CLV Desk and becomes
``"#VALUE! internal error: <type>: <message>"``. No traceback ever reaches a cell. Warnings
(numpy's, pandas') are not errors: they go to xlwings' log as usual and never into a cell.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from excel_addin.cells import error_text, named_arguments


def excel_safe(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a UDF so that it returns an Excel error string instead of raising.

    The wrapper keeps the function's name, docstring and signature (xlwings reads them to
    build the VBA wrapper and the function wizard's help) but has no ``__annotations__``:
    xlwings would take a parameter's type hint for its converter.
    """

    arguments = tuple(inspect.signature(func).parameters)

    @functools.wraps(func)
    def guarded(*args: Any) -> Any:
        with named_arguments(arguments):
            try:
                return func(*args)
            except Exception as exc:  # noqa: BLE001 - the point: nothing escapes into a cell
                return error_text(exc)

    guarded.__annotations__ = {}
    guarded.__excel_udf__ = True
    return guarded
