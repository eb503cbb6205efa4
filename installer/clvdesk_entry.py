"""Entry script of the frozen CLV Desk app (PyInstaller runs this file as ``__main__``).

``clvdesk --selftest [--allow-missing]`` runs :mod:`clvdesk.selftest`; anything else goes to the
command line, :func:`clvdesk.cli.main`, which opens the desktop app when given no arguments.
The same script backs the windowed Windows executable (``CLV Desk.exe``), which has no console:
there ``sys.stdout``/``sys.stderr`` are ``None`` and are pointed at the null device so that a
stray ``print`` cannot crash the app.
"""

import multiprocessing
import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the self-test or the command line; return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--selftest"]:
        from clvdesk.selftest import main as selftest_main

        return selftest_main(args[1:])
    from clvdesk.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start the app again
    for stream in ("stdout", "stderr"):
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
