"""The committed VBA wrapper matches the UDFs, and matches what xlwings itself would generate."""

from __future__ import annotations

import importlib.util
import io
import sys
import types
from pathlib import Path

import pytest
import xlwings

from excel_addin import udfs
from excel_addin.signatures import udf_specs
from excel_addin.vba import BAS_PATH, generate_vba

EXPECTED_UDFS = {
    "CLV_SIMPLE", "CLV_RETENTION", "CLV_LIFESPAN", "LTV_CAC", "CAC_PAYBACK", "CLV_SUMMARY", "CLV_SEGMENTS",
    "CLV_FIT", "CLV_PALIVE", "CLV_EXPECTED_PURCHASES", "CLV_SURVIVAL", "CLV_PREDICT",
    "CLV_SCENARIOS",
}
#: Functions Excel's function wizard must not call (a fit, or a pass over a whole order list).
WIZARD_SKIPPED = {"CLV_SUMMARY", "CLV_SEGMENTS", "CLV_FIT", "CLV_PREDICT"}


def test_committed_bas_is_up_to_date():
    committed = BAS_PATH.read_bytes()
    assert committed == generate_vba().encode("ascii"), (
        "excel_addin/clvdesk_udfs.bas is stale: run `python -m excel_addin.vba`"
    )


def test_bas_declares_every_udf_with_its_arguments():
    text = BAS_PATH.read_bytes().decode("ascii")
    assert text.startswith('Attribute VB_Name = "xlwings_udfs"\r\n')
    for spec in udf_specs():
        params = ", ".join(("Optional " if a.optional else "") + a.name for a in spec.args)
        assert f"Function {spec.name}({params})\r\n" in text
        assert f'XLPy.CallUDF("excel_addin.udfs", "{spec.name}", Array(' in text
    assert {s.name for s in udf_specs()} >= EXPECTED_UDFS


def _xlwings_udfs_module():
    """xlwings/udfs.py loaded with stand-ins for the Windows COM modules it imports."""
    stubs = {
        "pythoncom": types.SimpleNamespace(CoInitialize=lambda: None),
        "pywintypes": types.SimpleNamespace(com_error=Exception),
        "win32com": types.ModuleType("win32com"),
        "win32com.client": types.SimpleNamespace(Dispatch=None),
    }
    path = Path(xlwings.__file__).with_name("udfs.py")
    spec = importlib.util.spec_from_file_location("xlwings._udfs_for_test", path)
    module = importlib.util.module_from_spec(spec)
    saved = {name: sys.modules.get(name) for name in stubs}
    sys.modules.update(stubs)
    try:
        spec.loader.exec_module(module)
    finally:
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old
    return module


@pytest.fixture(scope="module")
def udfs_under_windows_xlwings():
    """excel_addin.udfs' registration run with xlwings' real Windows decorators (``xlfunc``,
    ``xlarg``, ``xlret``) in place of the pass-throughs xlwings installs elsewhere."""
    try:
        xl_udfs = _xlwings_udfs_module()
    except Exception as exc:  # a future xlwings may import more Windows-only modules
        pytest.fail(f"could not load xlwings.udfs with COM stand-ins: {exc}")
    decorators = types.SimpleNamespace(func=xl_udfs.xlfunc, arg=xl_udfs.xlarg, ret=xl_udfs.xlret)
    module = types.ModuleType("excel_addin.udfs")
    module.__dict__.update(udfs.register(decorators))
    return xl_udfs, module


def test_windows_decorators_register_every_udf(udfs_under_windows_xlwings):
    _, module = udfs_under_windows_xlwings
    for spec in udf_specs():
        info = getattr(module, spec.name).__xlfunc__
        assert info["category"] == "CLV" and info["volatile"] is False
        assert info["ret"]["doc"] == getattr(udfs, spec.name).__doc__
        assert [a["name"] for a in info["args"]] == [a.name for a in spec.args]
        for arg, expected in zip(info["args"], spec.args, strict=True):
            assert arg["doc"] == expected.doc
            assert arg["options"] == {"ndim": 2, "err_to_str": True}  # no type-hint converters
            assert ("optional" in arg) == expected.optional
        # no expand="table": tables are returned as they are and spill as dynamic arrays
        assert info["ret"]["options"] == {}
        # fits and whole order lists do not run while the user types in the function wizard
        assert info["call_in_wizard"] is (spec.name not in WIZARD_SKIPPED)


def test_same_text_as_xlwings_own_generator(udfs_under_windows_xlwings):
    """xlwings' own ``generate_vba_wrapper``, run on the functions as Windows decorates them,
    writes exactly the function blocks of the committed wrapper."""
    xl_udfs, module = udfs_under_windows_xlwings
    out = io.StringIO()
    workbook = types.SimpleNamespace(Name="clvdesk_template.xlsm")
    xl_udfs.generate_vba_wrapper("excel_addin.udfs", module, out, workbook)
    body = BAS_PATH.read_bytes().decode("ascii").replace("\r\n", "\n").split("\n", 3)[3]
    assert body == out.getvalue()
    for name in WIZARD_SKIPPED:  # the wizard guard xlwings writes for call_in_wizard=False
        block = body[body.index(f"Function {name}("):]
        assert block.split("\n")[1].strip() == (
            'If (Not Application.CommandBars("Standard").Controls(1).Enabled) Then Exit Function')
