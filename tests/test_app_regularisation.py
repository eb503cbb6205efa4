"""The Assumptions page's penalty setting reaches the pipeline and the project file."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from clvdesk.app.application import create_window
from clvdesk.app.jobs import pipeline_assumptions
from clvdesk.app.pages.assumptions import AssumptionsPage


def test_penalty_setting_round_trips(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = create_window("en", recovery_dir=tmp_path / "recovery", settings=settings)
    win.reporter.show_dialogs = False
    qtbot.addWidget(win)
    win.show()
    page = win.findChildren(AssumptionsPage)[0]
    assert page.values()["penalty"] == 0.0 and page.values()["auto_penalty"] is True
    page.penalty_spin.setValue(0.01)
    page.auto_penalty_check.setChecked(False)
    page.commit()
    values = win.session.assumptions
    assert values["penalty"] == 0.01 and values["auto_penalty"] is False
    core = pipeline_assumptions(values).validated()
    assert core.penalty == 0.01 and core.auto_penalty is False
    page.model_box.grab().save(str(tmp_path / "models_box.png"))
    win.session.set_dirty(False)
