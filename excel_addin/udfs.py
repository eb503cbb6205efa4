"""CLV Desk's Excel functions for classic xlwings on Windows: the module named in ``UDF Modules``.

The functions are defined once, in :mod:`excel_addin.functions`; this module registers each
with xlwings' own decorators, so ``excel_addin.udfs.CLV_SIMPLE`` is what Excel calls:

* ``@xw.arg(name, doc=..., ndim=2, err_to_str=True)`` per argument: every argument arrives as
  a list of rows, error cells as their text (xlwings docs, *UDF Tutorial* and *Converters*);
* ``@xw.func(category="CLV", call_in_wizard=...)``: the fits and the functions over whole
  order lists have ``call_in_wizard=False``, for which the wrapper xlwings generates starts with
  ``If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function``
  (xlwings/udfs.py, ``generate_vba_wrapper``), so they do not run while the user types in the
  function wizard;
* no ``@xw.ret(expand="table")``: a table is returned as a plain list of rows, which Excel 365
  spills as a dynamic array. xlwings' docs (*UDF Tutorial*, "Legacy Dynamic Arrays") say not to
  use ``expand`` where Excel has native dynamic arrays: it writes a fixed-size legacy array that
  overwrites the cells around it. In older Excel a table function is entered as an array
  formula over the cells it fills (select them, type the formula, Ctrl+Shift+Enter).

**Errors are text here.** In xlwings' classic path a UDF's return value goes to Excel through
``conversion.write`` and pywin32 as a plain value (xlwings/udfs.py, ``call_udf``), and a Python
exception becomes the string ``Err.Description`` in the generated VBA wrapper; xlwings offers
no way to return an Excel error value. So a cell shows ``"#VALUE! aov must be a number"``
(:func:`excel_addin.safety.excel_safe`): the message is the useful part, but ISERROR and IFERROR
do not see it. The IFERROR-friendly form of a number function is ``=IFERROR(--CLV_SIMPLE(...),
0)``: the double minus turns a number into itself and an error text into the real ``#VALUE!``
(README, *Errors*). xlwings Lite does return real error values (:mod:`excel_addin.lite_udfs`).

Without xlwings installed (``pip install clvdesk`` without the ``excel`` extra) the module still
imports: the functions are then plain Python functions, as on Linux, where xlwings'
decorators are pass-throughs.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from excel_addin.functions import ARG_OPTIONS, CATEGORY, FUNCTIONS
from excel_addin.safety import excel_safe

try:
    import xlwings as xw
except ImportError:  # the light install: no Excel bridge, plain functions
    xw = None

#: Decorators that change nothing (what xlwings itself offers where UDFs cannot run).
PASS_THROUGH = SimpleNamespace(func=lambda **_: (lambda f: f), arg=lambda *_, **__: (lambda f: f))


def register(decorators: Any = None) -> dict[str, Callable[..., Any]]:
    """Every function of :data:`excel_addin.functions.FUNCTIONS` wrapped by
    :func:`~excel_addin.safety.excel_safe` and decorated with ``decorators.arg`` and
    ``decorators.func`` (default: xlwings' ``xw.arg``/``xw.func``), by name.

    ``func`` is applied last: xlwings' ``xlarg`` (re)creates the function's ``__xlfunc__`` with
    the default category, ``xlfunc`` then sets the category and ``call_in_wizard``.
    """
    if decorators is None:
        decorators = xw if xw is not None else PASS_THROUGH
    registered = {}
    for spec in FUNCTIONS.values():
        udf = excel_safe(spec.impl)
        for param in reversed(spec.params):
            udf = decorators.arg(param.name, doc=param.doc, **ARG_OPTIONS)(udf)
        udf = decorators.func(category=CATEGORY, call_in_wizard=spec.call_in_wizard)(udf)
        registered[spec.name] = udf
    return registered


globals().update(register())
__all__ = list(FUNCTIONS)
