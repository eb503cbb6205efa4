"""Render the application icon ``clvdesk.svg`` to the PNG and ICO files the packages need.

    python installer/icons/render_icons.py

Writes ``clvdesk-256.png`` (Linux hicolor theme, AppStream) and ``clvdesk.ico`` (16 to 256
pixels: the Windows executables, the installer and the uninstall entry). Uses Qt's SVG renderer
and Pillow (a dependency of matplotlib); run it after changing the SVG and commit the results.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

ICONS = Path(__file__).resolve().parent
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> None:
    from PIL import Image

    png = render_png(ICONS / "clvdesk.svg", 256)
    (ICONS / "clvdesk-256.png").write_bytes(png)
    Image.open(io.BytesIO(png)).save(ICONS / "clvdesk.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
