"""The committed VBA wrapper matches the UDFs, and matches what xlwings itself would generate."""

from __future__ import annotations

import functools
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
        assert f'XLPy.CallUDF("udfs", "{spec.name}", Array(' in text
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


def test_same_text_as_xlwings_own_generator():
    """Decorate copies of our UDFs with xlwings' real (Windows) decorators and run its
    ``generate_vba_wrapper``: the function blocks must be identical to ours."""
    try:
        xl_udfs = _xlwings_udfs_module()
    except Exception as exc:  # a future xlwings may import more Windows-only modules
        pytest.fail(f"could not load xlwings.udfs with COM stand-ins: {exc}")
    fake = types.ModuleType("udfs")
    for spec in udf_specs():
        original = getattr(udfs, spec.name)
        copy = functools.wraps(original)(lambda *a, _f=original: _f(*a))
        copy.__annotations__ = {}
        copy = xl_udfs.xlfunc(category=spec.category, volatile=spec.volatile,
                              call_in_wizard=spec.call_in_wizard)(copy)
        setattr(fake, spec.name, copy)
    out = io.StringIO()
    workbook = types.SimpleNamespace(Name="clvdesk_template.xlsm")
    xl_udfs.generate_vba_wrapper("udfs", fake, out, workbook)
    ours = generate_vba().replace("\r\n", "\n")
    body = ours.split("\n", 3)[3]  # after the three header lines import_udfs writes
    assert body == out.getvalue()
