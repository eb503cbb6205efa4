"""Test configuration shared by the whole suite.

Qt renders offscreen so the GUI tests run without a screen; set before any Qt import.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """Folder of the reference data sets copied from the literature (see data/SOURCE.md)."""
    return DATA_DIR


def require_program(*names: str) -> str:
    """Return the path of the first of ``names`` on PATH, or skip the test with a clear reason.

    In CI (``CLVDESK_REQUIRE_EXTERNAL=1``, set by ``.ci/run``) a missing program fails the test
    instead: there these tests must run, not skip.
    """
    import shutil

    for name in names:
        path = shutil.which(name)
        if path:
            return path
    reason = f"needs {' or '.join(names)} on PATH (Debian: see .ci/run for the packages)"
    if os.environ.get("CLVDESK_REQUIRE_EXTERNAL", "0") != "0":
        pytest.fail(reason)
    pytest.skip(reason)


def pytest_configure(config) -> None:
    # pyspark 4 warns about pandas 3 on every conversion; the Spark tests compare the results
    for line in ("ignore:PySpark does not yet fully support pandas:FutureWarning",
                 "ignore:The copy keyword is deprecated:DeprecationWarning:pyspark",
                 "ignore:The copy keyword is deprecated:FutureWarning:pyspark"):
        config.addinivalue_line("filterwarnings", line)
