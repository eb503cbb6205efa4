"""Register CLV Desk's Excel functions for the current Windows user, or remove the registration.

The NSIS installer (``clvdesk.nsi``) runs this with the Python it installs::

    <INSTDIR>\\python\\python.exe <INSTDIR>\\register_addin.py install
        --interpreter <INSTDIR>\\python\\pythonw.exe --state <INSTDIR>\\addin-registration.json
    <INSTDIR>\\python\\python.exe <INSTDIR>\\register_addin.py uninstall
        --state <INSTDIR>\\addin-registration.json

``install``
  1. puts the xlwings add-in (``xlwings.xlam``, the ribbon and the bridge that runs the UDFs) in
     Excel's start-up folder with ``python -m xlwings.cli addin install``; that command asks a
     running (or hidden) Excel for the folder, so without a working Excel the add-in is copied to
     the default user start-up folder ``%APPDATA%\\Microsoft\\Excel\\XLSTART`` instead;
  2. sets two keys in the user's xlwings configuration ``%USERPROFILE%\\.xlwings\\xlwings.conf``
     (lines ``"KEY","VALUE"``, the format xlwings' VBA reads): ``INTERPRETER_WIN`` = the
     installed ``pythonw.exe`` and ``UDF MODULES`` = ``excel_addin.udfs``. Other keys stay as
     they are; the values these two keys had before are saved in the state file.

``uninstall`` undoes exactly that: it restores the saved values (only where the key still holds
what ``install`` wrote, so a later change by the user wins), removes the add-in unless it was
there before CLV Desk, and deletes the state file. Updating (installing over an older version)
keeps the first saved values, so uninstalling after any number of updates restores the user's
original configuration.

Exit code 0 on success; 1 with one ``error:`` line when the configuration cannot be written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

UDF_MODULE = "excel_addin.udfs"
ADDIN_NAME = "xlwings.xlam"
#: xlwings.conf keys we set; xlwings' VBA ``GetConfig`` looks them up by these exact names.
KEY_INTERPRETER = "INTERPRETER_WIN"
KEY_UDF_MODULES = "UDF MODULES"
_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$')

#: Runs ``python -m xlwings.cli addin <action>``; returns (success, output).
XlwingsRunner = Callable[[str], tuple[bool, str]]


def default_config_path() -> Path:
    """``%USERPROFILE%\\.xlwings\\xlwings.conf``, where xlwings' VBA reads the user settings."""
    return Path(os.environ.get("USERPROFILE") or Path.home()) / ".xlwings" / "xlwings.conf"


def default_xlstart() -> Path:
    """Excel's default per-user start-up folder ``%APPDATA%\\Microsoft\\Excel\\XLSTART``."""
    appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"


def read_config(path: Path) -> list[str]:
    """The configuration file's lines (without line ends); no file gives no lines."""
    if not path.is_file():
        return []
    return path.read_text(errors="surrogateescape").splitlines()


def get_key(lines: list[str], key: str) -> str | None:
    for line in lines:
        match = _LINE.match(line)
        if match and match.group(1).upper() == key.upper():
            return match.group(2)
    return None


def set_key(lines: list[str], key: str, value: str | None) -> list[str]:
    """``lines`` with ``key`` set to ``value`` in place (appended if new), or removed if None."""
    out, done = [], False
    for line in lines:
        match = _LINE.match(line)
        if match and match.group(1).upper() == key.upper():
            if value is not None and not done:
                out.append(f'"{key}","{value}"')
            done = True
            continue
        out.append(line)
    if value is not None and not done:
        out.append(f'"{key}","{value}"')
    return out


def write_config(path: Path, lines: list[str]) -> None:
    """Replace the file atomically; xlwings writes and reads it in the system code page."""
    from clvdesk.core.io.atomic import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{line}\n" for line in lines)
    write_atomic(path, lambda tmp: tmp.write_text(text, errors="surrogateescape"))


def run_xlwings(action: str) -> tuple[bool, str]:
    """``python -m xlwings.cli addin <action>`` with this Python (it may start Excel hidden)."""
    try:
        result = subprocess.run(
            [sys.executable, "-m", "xlwings.cli", "addin", action],
            capture_output=True, text=True, timeout=180,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    output = (result.stdout + result.stderr).strip()
    return result.returncode == 0 and "Successfully" in output, output


def xlwings_addin_source() -> Path:
    import xlwings

    return Path(xlwings.__file__).parent / "addin" / ADDIN_NAME


def install(config: Path, state_file: Path, interpreter: str, xlstart: Path,
            runner: XlwingsRunner = run_xlwings, addin_source: Path | None = None) -> list[str]:
    """Register the add-in and the UDF settings; return what was done, one line each."""
    done: list[str] = []
    lines = read_config(config)
    if state_file.is_file():  # an update: keep what the user had before the first install
        state = json.loads(state_file.read_text(encoding="utf-8"))
    else:
        state = {
            "config_existed": config.is_file(),
            "previous": {k: get_key(lines, k) for k in (KEY_INTERPRETER, KEY_UDF_MODULES)},
            "addin_existed": (xlstart / ADDIN_NAME).is_file(),
        }

    ok, output = runner("install")
    if ok:
        done.append("xlwings add-in installed in Excel's start-up folder")
    else:
        source = addin_source or xlwings_addin_source()
        xlstart.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, xlstart / ADDIN_NAME)
        done.append(f"xlwings add-in copied to {xlstart} (xlwings said: {_last_line(output)})")

    lines = read_config(config)  # ``addin install`` may have created the file
    lines = set_key(lines, KEY_INTERPRETER, interpreter)
    lines = set_key(lines, KEY_UDF_MODULES, UDF_MODULE)
    state["written"] = {KEY_INTERPRETER: interpreter, KEY_UDF_MODULES: UDF_MODULE}
    state["xlstart"] = str(xlstart)
    write_config(config, lines)
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(state, indent=2), encoding="utf-8")
    done.append(f"{config}: {KEY_INTERPRETER} = {interpreter}, {KEY_UDF_MODULES} = {UDF_MODULE}")
    return done


def uninstall(config: Path, state_file: Path, runner: XlwingsRunner = run_xlwings) -> list[str]:
    """Undo :func:`install` as far as the user has not changed it since; return what was done."""
    if not state_file.is_file():
        return [f"nothing to undo: {state_file} not found"]
    state = json.loads(state_file.read_text(encoding="utf-8"))
    done: list[str] = []
    lines = read_config(config)
    previous = state.get("previous", {})
    for key, written in state.get("written", {}).items():
        if get_key(lines, key) == written:
            lines = set_key(lines, key, previous.get(key))
    if not state.get("config_existed", True) and not any(line.strip() for line in lines):
        config.unlink(missing_ok=True)
        done.append(f"{config} removed")
    elif config.is_file():
        write_config(config, lines)
        done.append(f"{config}: previous {KEY_INTERPRETER} and {KEY_UDF_MODULES} restored")

    if not state.get("addin_existed", True):
        ok, _output = runner("remove")
        addin = Path(state.get("xlstart") or default_xlstart()) / ADDIN_NAME
        if not ok and addin.is_file():
            addin.unlink()
        done.append("xlwings add-in removed")
    state_file.unlink()
    return done


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "no output"


def _last_line(text: str) -> str:
    """The last non-empty line: the error itself when a tool printed a traceback."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["install", "uninstall"])
    parser.add_argument("--state", type=Path, required=True,
                        help="JSON file that remembers what install changed")
    parser.add_argument("--interpreter", default=str(Path(sys.executable).with_name("pythonw.exe")),
                        help="python(w).exe that runs the UDFs (default: pythonw.exe beside this Python)")
    parser.add_argument("--config", type=Path, default=None, help="xlwings.conf to edit")
    parser.add_argument("--xlstart", type=Path, default=None, help="Excel start-up folder")
    args = parser.parse_args(argv)
    config = args.config or default_config_path()
    try:
        if args.action == "install":
            done = install(config, args.state, args.interpreter, args.xlstart or default_xlstart())
        else:
            done = uninstall(config, args.state)
    except (OSError, ValueError) as exc:
        print(f"error: {args.action} of the Excel add-in failed: {_one_line(str(exc))}",
              file=sys.stderr)
        return 1
    for line in done:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
