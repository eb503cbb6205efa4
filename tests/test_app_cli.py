"""``clvdesk gui``: screenshots of every page offscreen, and clear errors for bad arguments."""

import subprocess
import sys

import pytest

from clvdesk.cli import main

PNG = b"\x89PNG\r\n\x1a\n"


def test_demo_screenshot_of_the_results(tmp_path):
    """The demo is loaded and analysed before the page is rendered (the docs' screenshots)."""
    from PySide6.QtGui import QImage

    target = tmp_path / "results.png"
    assert main(["gui", "--demo", "--screenshot", str(target), "--page", "results"]) == 0
    assert target.read_bytes()[:8] == PNG
    image = QImage(str(target))
    assert image.width() >= 1200 and image.height() >= 800


def test_screenshot_without_data_every_page(tmp_path):
    from clvdesk.app.application import PAGE_NAMES

    for page in PAGE_NAMES:
        target = tmp_path / f"{page}.png"
        assert main(["gui", "--screenshot", str(target), "--page", page, "--lang", "nl"]) == 0
        assert target.read_bytes()[:8] == PNG


@pytest.mark.parametrize("args, message", [
    (["--screenshot", "x.jpg"], "must end in .png"),
    (["--screenshot", "/no/such/folder/x.png"], "output folder does not exist"),
    (["missing-file.csv", "--screenshot", "x.png"], "file not found"),
    (["--page", "nope"], "invalid choice"),
    (["--lang", "fr"], "invalid choice"),
])
def test_bad_arguments_are_one_line_errors(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["gui", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_broken_order_file_in_screenshot_mode_is_an_error_not_a_crash(tmp_path):
    bad = tmp_path / "orders.csv"
    bad.write_bytes(b"\x00\x01\x02 not a table")
    result = subprocess.run(
        [sys.executable, "-m", "clvdesk", "gui", str(bad), "--screenshot", str(tmp_path / "x.png")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_page_names_are_the_pages_in_order():
    from clvdesk.app.page_names import PAGE_NAMES
    from clvdesk.app.pages import PAGE_CLASSES

    assert PAGE_NAMES == tuple(cls.name for cls in PAGE_CLASSES)
