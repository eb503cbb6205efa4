"""Refresh the Dutch translation source and rebuild the compiled file.

Run ``python -m clvdesk.app.i18n.build`` after changing texts in the app: ``pyside6-lupdate``
adds new texts to ``clvdesk_nl.ts`` (as unfinished, for a translator to fill in with
``pyside6-linguist``) and drops texts no longer used; ``pyside6-lrelease`` compiles the ``.ts``
into the ``.qm`` the app loads. ``--check`` only reports untranslated texts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from clvdesk.app.i18n import I18N_DIR

APP_DIR = I18N_DIR.parent
LANGUAGES = ("nl",)


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lupdate``), next to the running Python or on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    """The Python files whose ``tr()`` texts are translated."""
    return sorted(str(p) for p in APP_DIR.rglob("*.py") if "i18n" not in p.parts)


def core_texts() -> str:
    """The core's message templates, setting, role and drop-reason names and progress texts as
    ``translate()`` calls lupdate reads.

    The core imports no Qt, so its words (:mod:`clvdesk.core.messages`) are handed to lupdate
    through this generated source, under the contexts the app translates them in.
    """
    from clvdesk.core.messages import DROP_REASONS, MESSAGES, ROLE_NAMES, SETTING_NAMES
    from clvdesk.core.progress_texts import TEMPLATES

    lines = [f"translate({json.dumps('messages')}, {json.dumps(text, ensure_ascii=False)})"
             for text in MESSAGES.values()]
    lines += [f"translate({json.dumps('settings')}, {json.dumps(text, ensure_ascii=False)})"
              for text in dict.fromkeys(SETTING_NAMES.values())]
    lines += [f"translate({json.dumps('roles')}, {json.dumps(text, ensure_ascii=False)})"
              for text in ROLE_NAMES.values()]
    lines += [f"translate({json.dumps('progress')}, {json.dumps(text, ensure_ascii=False)})"
              for text in TEMPLATES]
    lines += [f"translate({json.dumps('drop_reasons')}, {json.dumps(text, ensure_ascii=False)})"
              for text in DROP_REASONS.values()]
    return "\n".join(lines) + "\n"


def update(ts: Path) -> None:
    """Merge the current source texts into ``ts`` (keeps translations, drops obsolete)."""
    with tempfile.TemporaryDirectory() as folder:
        core = Path(folder) / "core_texts.py"
        core.write_text(core_texts(), encoding="utf-8")
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), str(core), "-no-obsolete", "-locations", "none",
             "-ts", str(ts)],
            check=True, capture_output=True,
        )


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm``."""
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` that have no translation yet."""
    import xml.etree.ElementTree as ET  # noqa: N817 - the .ts is our own file, not untrusted

    root = ET.parse(ts).getroot()
    out = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished" or not (
            translation.text or translation.findall("numerusform")
        ):
            out.append(message.findtext("source") or "")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list untranslated texts")
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts = I18N_DIR / f"clvdesk_{language}.ts"
        if not args.check:
            update(ts)
            release(ts, I18N_DIR / f"clvdesk_{language}.qm")
        missing = unfinished(ts)
        for text in missing:
            print(f"{language}: untranslated: {text}")
        status = status or (1 if missing else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
