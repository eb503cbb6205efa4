"""``clvdesk gui [FILE] [--demo] [--screenshot FILE.png] [--page NAME] [--lang en|nl]``.

Opens the desktop app (also what ``clvdesk`` without a command does). FILE is a project
(``.clvproj``) or an order file to import. ``--screenshot`` renders one page offscreen to a PNG
and exits (for documentation and tests).
"""

from __future__ import annotations

PAGES = ("data", "quality", "assumptions", "results", "scenarios", "export", "help")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "gui", help="open the desktop app",
        description="Open the CLV Desk desktop app, optionally on a project or order file.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE",
                        help="project (.clvproj) or order file (csv, xlsx, parquet) to open")
    parser.add_argument("--demo", action="store_true",
                        help="open the embedded CDNOW demo data and analyse it")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render a page offscreen to this PNG and exit")
    parser.add_argument("--page", choices=PAGES, help="page to show (with --screenshot)")
    parser.add_argument("--lang", choices=("en", "nl"),
                        help="interface language (default: saved choice or system locale)")
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    if args.screenshot is None:
        check_display()
    from clvdesk.core.extras import require

    require("PySide6", "the desktop app (clvdesk gui)")
    from clvdesk.app.application import run

    return run(args.file, demo=args.demo, screenshot=args.screenshot, page=args.page,
               language=args.lang)


def check_display() -> None:
    """Refuse, in one line that points to the command line, to open a window without a screen.

    On Linux and other X11/Wayland systems Qt aborts the process (exit 134) when it finds no
    display; a server or an ssh session without X forwarding has none.
    """
    import os
    import sys

    from clvdesk.core.errors import InputError

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return
    raise InputError(code="no_display")
