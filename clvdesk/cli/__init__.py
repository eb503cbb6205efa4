"""The ``clvdesk`` command: thin argument parsing over :mod:`clvdesk.core`.

Each subcommand lives in its own module in this package and exposes
``register(subparsers) -> None``, which adds its parser and sets ``handler=`` to a function
``handler(args) -> int`` (the exit code). Modules import the core inside their handlers, so that
``clvdesk --help`` stays fast.

Errors: a :class:`~clvdesk.core.errors.CLVError` becomes one line ``error: <message>`` on stderr
and exit code 2; any other exception becomes ``error: internal error: <message>`` and exit code 1.
No traceback reaches the user (set ``CLVDESK_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Sequence

#: Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "clvdesk.cli.formulas_cmd",
    "clvdesk.cli.summarize_cmd",
    "clvdesk.cli.scenarios_cmd",
    "clvdesk.cli.demo_cmd",
    "clvdesk.cli.fit_cmd",
    "clvdesk.cli.predict_cmd",
    "clvdesk.cli.actions_cmd",
    "clvdesk.cli.quality_cmd",
    "clvdesk.cli.excel_functions_cmd",
    "clvdesk.cli.simulate_cmd",
    "clvdesk.cli.gui_cmd",
    "clvdesk.cli.completion_cmd",
)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one ``error: ...`` line and exit code 2, and
    whose ``-h`` text is plain text (descriptions come from docstrings)."""

    def error(self, message: str):  # noqa: D102 - argparse API
        raise _UsageError(f"{self.prog}: {message}")

    def format_help(self) -> str:  # noqa: D102 - argparse API
        return plain_text(super().format_help())


_ROLE = re.compile(r":[a-z]+:`(~?)([^`<]*?)\s*(?:<[^`>]*>)?`")
_LITERAL = re.compile(r"``([^`]+)``")


def plain_text(text: str) -> str:
    """reStructuredText markup of docstrings as plain text for a terminal.

    ``:func:`~clvdesk.core.pipeline.run_analysis``` -> ``run_analysis``, ``:class:`Thing <a.b>```
    -> ``Thing``, double backticks dropped.
    """
    def role(match: re.Match) -> str:
        tilde, target = match.groups()
        return target.rsplit(".", 1)[-1] if tilde else target

    return _LITERAL.sub(r"\1", _ROLE.sub(role, text))


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    from clvdesk import __version__

    parser = _Parser(
        prog="clvdesk",
        description="Customer Lifetime Value: closed-form and predictive CLV, data quality, "
        "scenarios and report workbooks. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"clvdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a subcommand still being built
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


#: Environment the command sets before numpy loads, unless the user set it (see
#: :func:`numeric_environment`).
NUMERIC_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "NUMPY_MADVISE_HUGEPAGE": "0"}


def numeric_environment() -> None:
    """One OpenBLAS thread and no transparent-huge-page advice for numpy, in this process.

    The command's linear algebra is small (likelihood dot products, a few-row products per
    interval block): OpenBLAS's extra threads only wait for a core that DuckDB or another
    process holds (a 2621 x 200 product took 15-73 ms instead of 0.2 ms on a busy two-core
    machine). numpy asks the kernel for huge pages on large arrays, which with the common
    ``defrag=madvise`` setting stalls each first touch on compaction (a 10M-customer predict
    spent 3 s more in the kernel). Both are read when numpy is imported, so they are set here
    first; a user's own values win.
    """
    if "numpy" in sys.modules:
        return
    for name, value in NUMERIC_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``clvdesk`` console script; returns the exit code."""
    numeric_environment()
    from clvdesk.core.errors import CLVError

    argv = list(sys.argv[1:] if argv is None else argv)
    flags: dict[str, str] = {}
    try:
        parser = build_parser()
        if not argv:
            argv = ["gui"]
        args = parser.parse_args(argv)
        flags = _flags(parser, args.command)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        return int(handler(args) or 0)
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CLVError as exc:
        print(f"error: {_one_line(_in_flag_terms(exc, flags))}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"error: file not found: {_one_line(FileNotFoundError(exc.filename or exc))}",
              file=sys.stderr)
        return 2
    except PermissionError as exc:
        print(f"error: no permission to use {_one_line(OSError(exc.filename or exc))}",
              file=sys.stderr)
        return 2
    except (IsADirectoryError, NotADirectoryError) as exc:
        print(f"error: not a file: {_one_line(OSError(exc.filename or exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        from clvdesk.core.extras import missing_extra

        missing = missing_extra(exc)  # an optional package (an extra) is not installed
        if missing is not None:
            print(f"error: {missing}", file=sys.stderr)
            return 2
        if os.environ.get("CLVDESK_DEBUG"):
            raise
        print(f"error: internal error: {type(exc).__name__}: {_one_line(exc)}", file=sys.stderr)
        return 1


#: Names the core gives a setting where the command line's flag says it differently.
CORE_NAMES: dict[str, str] = {
    "annual_discount_rate": "discount_rate", "n_draws": "draws", "segment_col": "segment_column",
    "n_customers": "customers", "acquisition_periods": "acquisition",
    "calibration_periods": "calibration", "holdout_periods": "holdout", "future_periods": "future",
}


def _flags(parser: argparse.ArgumentParser, command: str | None) -> dict[str, str]:
    """The options of ``command`` by destination: ``{"churn_rate": "--churn-rate"}``."""
    choices = next((action.choices for action in parser._actions  # noqa: SLF001 - argparse API
                    if isinstance(action, argparse._SubParsersAction)), {})
    sub = choices.get(command) if command else None
    if sub is None:
        return {}
    return {action.dest: max(action.option_strings, key=len)
            for action in sub._actions if action.option_strings}  # noqa: SLF001


def _in_flag_terms(exc: BaseException, flags: dict[str, str]) -> str:
    """The message of ``exc`` with a setting (``churn_rate``) named by the flag the user typed
    (``--churn-rate``); a setting the command has no flag for keeps its English words (the
    core's message), so no internal name reaches the terminal."""
    from clvdesk.core.messages import MESSAGES, SETTING_KEYS, english, render

    code = getattr(exc, "code", "")
    values = getattr(exc, "values", {})
    named = {}
    for key in SETTING_KEYS:
        name = values.get(key)
        flag = flags.get(CORE_NAMES.get(name, name)) if isinstance(name, str) else None
        if flag:
            named[key] = flag
    if code in MESSAGES and named:
        return render(code, english(values) | named)
    return str(exc)


def _one_line(exc: BaseException | str) -> str:
    from clvdesk.core.display import safe_message

    text = " ".join(safe_message(str(exc)).split())
    return text or type(exc).__name__


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
