"""CLV Desk's Excel functions for xlwings Lite: Windows, Mac and Excel on the web.

xlwings Lite runs Python (Pyodide) inside Excel and registers the functions of its ``main.py``
decorated with ``from xlwings import func, arg``. The functions are those of
:mod:`excel_addin.functions`, defined once; ``excel_addin/lite/main.py`` is generated from them
(``python -m excel_addin.lite_udfs``, a test keeps it up to date) and hands every call to
:func:`call`, which adds what differs in Lite:

* **Values as Office.js passes them.** Every argument is declared as a matrix, so a range and
  a single cell both arrive as a list of rows; numbers are floats, date cells are serial
  numbers (Office.js does not tell dates from numbers), an empty cell is ``None`` after
  xlwings' conversion (``""`` or JS ``null`` before it), an error cell is ``"#N/A"``
  with ``err_to_str=True`` (a ``{"type": "Error", "basicValue": "#N/A"}`` entity before it).
  :func:`from_officejs` accepts both forms (xlwings/pro/_xlofficejs.py,
  ``_clean_value_data_element``).
* **Real error values.** xlwings Lite turns a returned string that is exactly an Excel error
  code (``"#VALUE!"``, ``"#N/A"``, ``"#NUM!"``, ``"#DIV/0!"``, ``"#REF!"``, ``"#NAME?"``,
  ``"#NULL!"``) into that error value (xlwings/pro/_xlofficejs.py, ``errorstr_to_errortype``,
  custom functions runtime 1.4 and later: Excel 365, Excel 2021+, Excel on the web). So a
  failed call or cell returns the bare code, which ISERROR and IFERROR see, and its message
  is printed, which Lite shows in its task pane's output.
* **Tables are dynamic arrays.** Lite registers every function with a matrix result
  (``custom_functions_meta``): a returned list of rows spills.

The fits run in the browser's Python; the first call of a session also loads numpy, pandas
and scipy (Pyodide packages) once.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from typing import Any

from excel_addin.cells import EXCEL_ERRORS, error_text, named_arguments
from excel_addin.functions import ARG_OPTIONS, FUNCTIONS, ExcelFunction

#: The error codes xlwings Lite returns as error values; any other code becomes #VALUE!.
LITE_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")
MAIN_PATH = Path(__file__).with_name("lite") / "main.py"
_ERROR_TEXT = re.compile(r"^(#[A-Z0-9/_]+[!?]?|#N/A)(?: (.*))?$", re.DOTALL)


def from_officejs(value: Any) -> Any:
    """One argument as the functions read it: a list of rows (or a scalar) with ``None`` for
    empty cells and error cells as their code, whether xlwings converted it already or not."""
    if isinstance(value, (list, tuple)):
        return [from_officejs(v) for v in value]
    if value == "" or type(value).__name__ == "JsNull":  # Pyodide >= 0.28: JS null
        return None
    if isinstance(value, dict) and value.get("type") == "Error":
        return value.get("basicValue") or "#VALUE!"
    if isinstance(value, dict) and "basicValue" in value:  # another entity: its plain value
        return value["basicValue"]
    return value


def call(name: str, *args: Any) -> Any:
    """Run function ``name`` on Office.js values; errors come back as bare Excel error codes
    (real error values in Lite), their messages printed once each."""
    function: ExcelFunction = FUNCTIONS[name]
    with named_arguments(inspect.signature(function.impl).parameters):
        try:
            result = function.impl(*(from_officejs(a) for a in args))
        except Exception as exc:  # noqa: BLE001 - the point: nothing escapes into a cell
            result = error_text(exc)
    messages: dict[str, None] = {}
    result = _bare_errors(result, messages)
    for message in messages:
        print(f"{name}: {message}")
    return result


def _bare_errors(value: Any, messages: dict[str, None]) -> Any:
    if isinstance(value, list):
        return [_bare_errors(v, messages) for v in value]
    if not isinstance(value, str):
        return value
    match = _ERROR_TEXT.match(value)
    if match is None or match.group(1) not in EXCEL_ERRORS:
        return value
    code, message = match.groups()
    messages[message or code] = None
    return code if code in LITE_ERRORS else "#VALUE!"


def main_py() -> str:
    """The text of ``excel_addin/lite/main.py``: one ``@func`` per function of
    :data:`~excel_addin.functions.FUNCTIONS`, with its description and argument help."""
    options = ", ".join(f"{k}={v!r}" for k, v in ARG_OPTIONS.items())
    lines = [
        '"""CLV Desk functions for xlwings Lite (Excel on Windows, Mac and the web).',
        "",
        "Paste this file into xlwings Lite's main.py and requirements.txt beside it into its",
        "requirements.txt (README, *Excel on Mac and the web*). Generated from",
        "excel_addin/functions.py by `python -m excel_addin.lite_udfs`: edit that, not this.",
        '"""',
        "",
        "from xlwings import arg, func",
        "",
        "from excel_addin.lite_udfs import call",
        "",
    ]
    for function in FUNCTIONS.values():
        signature = ", ".join(p.name + ("=None" if p.optional else "") for p in function.params)
        names = ", ".join(p.name for p in function.params)
        lines += ["", "@func"]
        lines += [f"@arg({p.name!r}, {options}, doc={p.doc!r})" for p in function.params]
        lines += [f"def {function.name}({signature}):",
                  f"    {_docstring(function.description)}",
                  f"    return call({function.name!r}, {names})", ""]
    return "\n".join(lines)


def _docstring(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{escaped}"""'


def write_main(path: Path = MAIN_PATH) -> Path:
    """Write :func:`main_py` to ``path`` (atomically)."""
    from clvdesk.core.io.atomic import write_atomic

    text = main_py()
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


def main(argv: list[str] | None = None) -> int:
    """``python -m excel_addin.lite_udfs [PATH]``: regenerate ``excel_addin/lite/main.py``."""
    args = sys.argv[1:] if argv is None else argv
    print(f"wrote {write_main(Path(args[0]) if args else MAIN_PATH)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
