"""Every error a user can reach in the core carries a code with a template and its values.

The frontends word a core error from its code and values (the app in Dutch, the CLI by its
flags, a UDF by its arguments), so an error raised without a code would reach a Dutch dialog in
English, and a template whose fields the raise does not fill would show ``{field}``. These
tests read the core's source (an AST walk) rather than trigger each error.
"""

import ast
import string
from pathlib import Path

import pytest

from clvdesk.core.errors import InputError
from clvdesk.core.messages import MESSAGES

CORE = Path(__file__).resolve().parents[1] / "clvdesk" / "core"
ERRORS = {"CLVError", "InputError", "DataError", "ConvergenceError"}

#: Errors built without a code on purpose, as ``file:function``, with the reason.
#: (Empty today: caller bugs raise ValueError/TypeError, not a CLVError.)
ALLOWED: dict[str, str] = {}


def _error_calls():
    """``(place, call)`` for every call that builds a CLVError (or subclass) in the core."""
    def visit(node: ast.AST, where: str):
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else where
            if isinstance(child, ast.Call):
                callee = child.func
                called = callee.id if isinstance(callee, ast.Name) else getattr(
                    callee, "attr", None)
                if called in ERRORS:
                    yield where, child
            yield from visit(child, inner)

    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, call in visit(tree, "<module>"):
            yield f"{path.relative_to(CORE).as_posix()}:{function}", call


def _codes(node: ast.expr) -> list[str] | None:
    """The codes an expression can give (``"a" if c else "b"``); None when computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes(node.body), _codes(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def test_every_core_error_has_a_code():
    uncoded = sorted({place for place, call in _error_calls()
                      if not any(k.arg == "code" for k in call.keywords)} - set(ALLOWED))
    assert not uncoded, f"core errors without code= (give one, or raise ValueError for a bug): " \
                        f"{uncoded}"


def test_every_code_has_a_template_its_values_fill():
    problems = []
    for place, call in _error_calls():
        keywords = {k.arg: k.value for k in call.keywords}
        codes = _codes(keywords["code"]) if "code" in keywords else []
        if any(k.arg is None for k in call.keywords):  # **values: checked where they are built
            continue
        if call.args:
            problems.append(f"{place}: a coded error takes its words from its template, "
                            f"not from a message")
        for code in codes or ():
            if code not in MESSAGES:
                problems.append(f"{place}: no template for {code!r}")
                continue
            fields = {f[1].split(".")[0].split("[")[0]
                      for f in string.Formatter().parse(MESSAGES[code]) if f[1]}
            missing = fields - set(keywords)
            if missing:
                problems.append(f"{place}: {code!r} needs {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_allowlist_names_real_places():
    places = {place for place, _ in _error_calls()}
    assert set(ALLOWED) <= places


@pytest.mark.parametrize("code, values, english", [
    ("not_a_date", {"name": "holdout_end", "value": "'x'"},
     "end of the holdout period must be a date like 1997-09-30, got 'x'"),
    ("at_least", {"name": "n_draws", "low": 0, "got": -1.0},
     "number of parameter draws must be 0 or more, got -1"),
    ("scenario_not_a_number", {"scenario": "basis", "input": "churn_rate"},
     "scenario 'basis': churn rate must be a number"),
    ("column_not_found", {"column": "margin", "columns": "Klant"},  # a file's column: as is
     "column 'margin' not found; columns are: Klant"),
])
def test_english_lines_name_settings_in_words(code, values, english):
    """The CLI's fallback, the logs and the Excel functions show no core setting name."""
    assert str(InputError(code=code, **values)) == english


def test_a_udf_names_a_setting_by_its_argument_or_in_words():
    from clvdesk.core.errors import InputError as Error
    from excel_addin import udfs
    from excel_addin.cells import error_text, named_arguments

    assert udfs.CLV_SIMPLE(50, 4, 5, None, 1.5) == (
        "#VALUE! margin must be at least 0 and at most 1, got 1.5")
    assert udfs.LTV_CAC(900, 0) == "#VALUE! cac must be greater than 0, got 0"
    late = Error(code="not_a_date", name="end", value="'x'")
    with named_arguments(["orders", "end_date"]):
        assert error_text(late) == "#VALUE! end_date must be a date like 1997-09-30, got 'x'"
    with named_arguments(["orders"]):
        assert error_text(late) == ("#VALUE! end of the calibration period must be a date like "
                                    "1997-09-30, got 'x'")


def test_the_cli_names_a_setting_by_its_flag_or_in_words(capsys):
    from clvdesk.cli import _in_flag_terms

    error = InputError(code="at_least", name="n_draws", low=20, got=5.0)
    assert _in_flag_terms(error, {"draws": "--draws"}) == "--draws must be 20 or more, got 5"
    assert _in_flag_terms(error, {}) == "number of parameter draws must be 20 or more, got 5"
