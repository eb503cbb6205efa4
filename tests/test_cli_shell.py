"""The command line as a shell user meets it: help texts, no display, completion, flag values."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from clvdesk.cli import COMMAND_MODULES, build_parser, main, plain_text
from tests.cli_run import run_error, run_json


def _commands() -> list[str]:
    parser = build_parser()
    return sorted(next(a for a in parser._actions if a.dest == "command").choices)


@pytest.mark.parametrize("command", _commands())
def test_help_is_plain_text(capsys, command):
    with pytest.raises(SystemExit) as done:
        main([command, "-h"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    for markup in ("``", ":func:", ":class:", ":mod:", ":meth:", ":attr:", "`"):
        assert markup not in text, (command, markup)


def test_plain_text_of_docstring_markup():
    assert plain_text("see ``clvdesk quality --help`` and :func:`~a.b.run` or "
                      ":class:`Thing <a.b.Thing>` or :mod:`clvdesk.core`") == \
        "see clvdesk quality --help and run or Thing or clvdesk.core"


def test_without_a_display_the_app_points_to_the_command_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    done = subprocess.run([sys.executable, "-m", "clvdesk"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=60)
    if sys.platform in ("win32", "darwin"):
        pytest.skip("Windows and macOS always have a display")
    assert done.returncode == 2
    assert done.stderr.startswith("error: no display to open the desktop app on")
    assert "clvdesk demo" in done.stderr and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completion_completes_commands_flags_and_files(tmp_path, capsys):
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "clvdesk.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    (tmp_path / "orders.csv").write_text("x\n", encoding="utf-8")

    def complete(*words: str) -> list[str]:
        line = " ".join(words)
        done = subprocess.run(
            ["bash", "-c", f'source "{script}"; COMP_WORDS=({line}); '
             f"COMP_CWORD={len(words) - 1}; _shtab_clvdesk; printf '%s\\n' \"${{COMPREPLY[@]}}\""],
            capture_output=True, text=True, cwd=tmp_path, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert complete("clvdesk", "pre") == ["predict"]
    assert complete("clvdesk", "predict", "--mar") == ["--margin"]
    assert "orders.csv" in complete("clvdesk", "quality", "ord")


def test_zsh_completion_is_generated(capsys):
    assert main(["completion", "zsh"]) == 0
    script = capsys.readouterr().out
    assert script.startswith("#compdef clvdesk")
    assert "predict" in script and "--margin" in script


def test_completion_lists_every_command(capsys):
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    for command in _commands():
        assert command in script
    assert len(COMMAND_MODULES) >= 9


@pytest.mark.parametrize("value", ["30%", "0,3", "0.3", "30 %"])
def test_rate_flags_take_percent_decimal_comma_and_point(capsys, value):
    result = run_json(capsys, "simple", "--aov", "100", "--frequency", "2", "--lifespan", "3",
                      "--margin", value, "--discount-rate", "0%")
    assert result["inputs"]["margin"] == pytest.approx(0.3)


def test_amount_flags_take_dutch_numbers(capsys):
    result = run_json(capsys, "simple", "--aov", "1.250,50", "--frequency", "2",
                      "--lifespan", "1", "--cac", "€ 50")
    assert result["inputs"]["aov"] == pytest.approx(1250.5)
    assert result["clv"] == pytest.approx(2 * 1250.5 - 50)


def test_ambiguous_number_is_refused_not_guessed(capsys):
    err = run_error(capsys, "simple", "--aov", "12,34,56", "--frequency", "2", "--lifespan", "1")
    assert "argument --aov: must be a number" in err
