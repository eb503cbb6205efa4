"""Dutch translation: the committed .qm is built from the .ts and every text is translated."""

import shutil
import subprocess

import pytest

from clvdesk.app.i18n import I18N_DIR, qm_path
from clvdesk.app.i18n.build import release, sources, tool, unfinished, update


def test_committed_qm_is_the_compiled_ts(tmp_path):
    ts = I18N_DIR / "clvdesk_nl.ts"
    built = tmp_path / "clvdesk_nl.qm"
    release(ts, built)
    assert built.read_bytes() == qm_path("nl").read_bytes(), (
        "clvdesk_nl.qm is stale: run python -m clvdesk.app.i18n.build")


def test_every_text_in_the_sources_is_translated(tmp_path):
    ts = tmp_path / "clvdesk_nl.ts"
    shutil.copy(I18N_DIR / "clvdesk_nl.ts", ts)
    update(ts)  # what lupdate finds in the current sources
    missing = unfinished(ts)
    assert not missing, f"untranslated texts (run the build and translate): {missing[:10]}"


def test_tools_ship_with_pyside6():
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        path = tool(name)
        assert subprocess.run([path, "-help"], capture_output=True).returncode in (0, 1)
    assert any(p.endswith("main_window.py") for p in sources())


def test_dutch_translator_loads(qtbot):
    from PySide6.QtCore import QCoreApplication

    from clvdesk.app.i18n import LanguageManager

    manager = LanguageManager()
    manager.set_language("nl")
    try:
        assert QCoreApplication.translate("DataPage", "Data") == "Gegevens"
        assert QCoreApplication.translate("Units", "weeks") == "weken"
    finally:
        manager.set_language("en")
    assert QCoreApplication.translate("DataPage", "Data") == "Data"


@pytest.mark.parametrize("name", ["clvdesk_nl.ts", "clvdesk_nl.qm"])
def test_translation_files_are_packaged(name):
    assert (I18N_DIR / name).is_file()
