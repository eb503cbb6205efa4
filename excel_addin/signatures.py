"""What Excel needs to know about each function, as the VBA wrapper and the template use it.

On Windows xlwings' decorators keep this in each function's ``__xlfunc__``; elsewhere they are
pass-throughs and keep nothing. So it is read here from the one definition of the functions,
:data:`excel_addin.functions.FUNCTIONS` (names, descriptions, argument help, options), which
the classic and the Lite registrations are made from too: the VBA wrapper
(:mod:`excel_addin.vba`), the workbook template, the Lite ``main.py`` and the tests cannot
drift from the functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from excel_addin.functions import CATEGORY, FUNCTIONS, MAX_DESCRIPTION, ExcelFunction

__all__ = ["MAX_DESCRIPTION", "ArgSpec", "UdfSpec", "udf_specs"]


@dataclass(frozen=True)
class ArgSpec:
    """One argument of a UDF: its name, the help text Excel shows, and whether it is optional."""

    name: str
    doc: str
    optional: bool


@dataclass(frozen=True)
class UdfSpec:
    """One UDF as Excel sees it (the fields xlwings keeps in ``__xlfunc__``), plus ``table``:
    it returns a table that spills."""

    name: str
    description: str
    category: str
    volatile: bool
    call_in_wizard: bool
    args: tuple[ArgSpec, ...]
    table: bool = False


def udf_specs() -> list[UdfSpec]:
    """Every function in xlwings' order (by name, as ``dir(module)`` lists them)."""
    return sorted((_spec(f) for f in FUNCTIONS.values()), key=lambda s: s.name)


def _spec(function: ExcelFunction) -> UdfSpec:
    return UdfSpec(
        name=function.name, description=function.description, category=CATEGORY,
        volatile=False, call_in_wizard=function.call_in_wizard,
        args=tuple(ArgSpec(p.name, p.doc, p.optional) for p in function.params),
        table=function.table)
