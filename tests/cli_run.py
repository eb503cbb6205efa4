"""Run the ``clvdesk`` command in-process and check its output, for the CLI tests."""

from __future__ import annotations

import json

from clvdesk.cli import main


def run_json(capsys, *argv: str) -> dict:
    """Run ``clvdesk ARGV --json``; assert it succeeded and return the parsed JSON."""
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def run_error(capsys, *argv: str) -> str:
    """Run ``clvdesk ARGV``; assert it failed with one ``error:`` line, no traceback; return it."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code != 0
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err + out
    return err
