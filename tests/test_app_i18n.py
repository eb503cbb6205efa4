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


def test_qt_dialogs_speak_dutch(qtbot):
    """Qt's own dialogs in Dutch: PySide6's qtbase_nl.qm plus the two file-dialog texts it lacks."""
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

    from clvdesk.app.file_dialogs import dialog_options
    from clvdesk.app.i18n import LanguageManager

    manager = LanguageManager()
    manager.set_language("nl")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        labels = sorted(w.text() for w in dialog.findChildren(QLabel) if w.text())
        assert labels == sorted(["Bestanden van &type:", "Bestands&naam:", "&Zoeken in:"])
        buttons = {w.text() for w in dialog.findChildren(QAbstractButton) if w.text()}
        assert buttons == {"&Openen", "Annuleren"}
        box = QMessageBox(QMessageBox.Icon.Warning, "t", "x",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert sorted(b.text() for b in box.buttons()) == ["Annuleren", "Opslaan", "Verwerpen"]
        # the system's native dialog would speak the system's language, not the interface's
        from PySide6.QtCore import QLocale

        if QLocale.system().language() != QLocale.Language.Dutch:
            assert dialog_options() == QFileDialog.Option.DontUseNativeDialog
    finally:
        manager.set_language("en")


def test_core_errors_are_worded_in_dutch_from_their_code_and_values(qtbot):
    from clvdesk.app.errors import describe
    from clvdesk.app.i18n import LanguageManager
    from clvdesk.core.errors import DataError, InputError
    from clvdesk.core.formulas import check_number

    with pytest.raises(InputError) as raised:
        check_number("margin", 55, low=0, high=1)
    assert str(raised.value) == "gross margin must be at least 0 and at most 1, got 55"
    missing = InputError(code="column_not_found", column="Bedrag", columns="Klant, Datum")
    manager = LanguageManager()
    manager.set_language("nl")
    try:
        assert describe(raised.value).what == "brutomarge moet tussen 0 en 1 liggen, niet 55"
        assert describe(missing).what == ("kolom 'Bedrag' niet gevonden; de kolommen zijn: "
                                          "Klant, Datum")
        # an error without a code keeps its own words
        assert describe(DataError("something specific")).what == "something specific"
    finally:
        manager.set_language("en")
    assert describe(missing).what == "column 'Bedrag' not found; columns are: Klant, Datum"


def test_every_core_message_has_a_dutch_translation_with_the_same_fields():
    import re
    import xml.etree.ElementTree as ET  # noqa: N817 - our own file

    from clvdesk.core.messages import MESSAGES

    root = ET.parse(I18N_DIR / "clvdesk_nl.ts").getroot()
    dutch = {m.findtext("source"): m.findtext("translation")
             for c in root.iter("context") if c.findtext("name") == "messages"
             for m in c.iter("message")}
    for code, english in MESSAGES.items():
        assert dutch.get(english), f"no Dutch for {code}"
        fields = sorted(re.findall(r"\{[^}]*\}", english))
        assert sorted(re.findall(r"\{[^}]*\}", dutch[english])) == fields, code
    unfinished = [m.findtext("source") for c in root.iter("context")
                  if c.findtext("name") in ("messages", "settings", "roles")
                  for m in c.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert not unfinished


def test_every_setting_and_role_a_message_names_has_dutch_words():
    import xml.etree.ElementTree as ET  # noqa: N817 - our own file

    from clvdesk.core.messages import ROLE_NAMES, SETTING_NAMES

    root = ET.parse(I18N_DIR / "clvdesk_nl.ts").getroot()
    for context, words in (("settings", SETTING_NAMES), ("roles", ROLE_NAMES)):
        dutch = {m.findtext("source"): m.findtext("translation") for c in root.iter("context")
                 if c.findtext("name") == context for m in c.iter("message")}
        missing = [english for english in words.values() if not dutch.get(english)]
        assert not missing, (context, missing)
