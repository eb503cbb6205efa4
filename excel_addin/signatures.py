"""What Excel needs to know about each UDF, read from :mod:`excel_addin.udfs` itself.

On Windows the xlwings decorators attach this to each function (``__xlfunc__``); elsewhere they
are pass-throughs and attach nothing. So the names, categories and descriptions are read here
from the source of the module: the ``@xw.func``/``@xw.arg`` decorators (parsed with
:mod:`ast`), the function signature and its docstring. The VBA wrapper
(:mod:`excel_addin.vba`), the workbook template and the tests all use this one reading, so
none of them can drift from the functions.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from types import ModuleType
from typing import Any

#: Longest description Excel's function wizard takes (xlwings truncates to it).
MAX_DESCRIPTION = 255


@dataclass(frozen=True)
class ArgSpec:
    """One argument of a UDF: its name, the help text Excel shows, and whether it is optional."""

    name: str
    doc: str
    optional: bool


@dataclass(frozen=True)
class UdfSpec:
    """One UDF as Excel sees it (the fields xlwings keeps in ``__xlfunc__``)."""

    name: str
    description: str
    category: str
    volatile: bool
    call_in_wizard: bool
    args: tuple[ArgSpec, ...]


def udf_specs(module: ModuleType | None = None) -> list[UdfSpec]:
    """The UDFs of ``module`` (default :mod:`excel_addin.udfs`) in xlwings' order (by name).

    A UDF is a module-level function decorated with ``@xw.func``.
    """
    if module is None:
        from excel_addin import udfs as module
    tree = ast.parse(inspect.getsource(module))
    specs = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        decorators = _xw_decorators(node, module)
        if "func" not in decorators:
            continue
        specs.append(_spec(getattr(module, node.name), decorators))
    return sorted(specs, key=lambda s: s.name)


def _spec(func: Any, decorators: dict[str, Any]) -> UdfSpec:
    func_options = decorators["func"][0]
    arg_docs = {name: options.get("doc") for name, options in decorators.get("arg", [])}
    args = []
    for param in inspect.signature(func).parameters.values():
        doc = arg_docs.get(param.name) or f"Positional argument {len(args) + 1}"
        args.append(ArgSpec(param.name, doc, param.default is not inspect.Parameter.empty))
    return UdfSpec(
        name=func.__name__,
        description=inspect.cleandoc(func.__doc__ or ""),
        category=str(func_options.get("category", "xlwings")),
        volatile=bool(func_options.get("volatile", False)),
        call_in_wizard=bool(func_options.get("call_in_wizard", True)),
        args=tuple(args),
    )


def _xw_decorators(node: ast.FunctionDef, module: ModuleType) -> dict[str, Any]:
    """``{"func": [options], "arg": [(name, options), ...], "ret": [options]}`` of ``@xw.*``."""
    found: dict[str, Any] = {}
    for deco in node.decorator_list:
        call = deco if isinstance(deco, ast.Call) else None
        target = call.func if call else deco
        if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and target.value.id == "xw"):
            continue
        options: dict[str, Any] = {}
        positional: list[Any] = []
        if call:
            positional = [_value(a, module) for a in call.args]
            for kw in call.keywords:
                if kw.arg is None:  # **OPTIONS
                    options.update(_value(kw.value, module))
                else:
                    options[kw.arg] = _value(kw.value, module)
        if target.attr == "arg":
            found.setdefault("arg", []).append((positional[0], options))
        else:
            found.setdefault(target.attr, []).append(options)
    return found


def _value(node: ast.expr, module: ModuleType) -> Any:
    """A decorator argument: a literal, or a module-level name (``CATEGORY``)."""
    if isinstance(node, ast.Name):
        return getattr(module, node.id)
    return ast.literal_eval(node)
