#!/usr/bin/env python3
"""Fail when the shipped message catalogues are stale.

Extracts the package's messages afresh (Django's makemessages, needs GNU gettext) in a copy of
the package and compares them with the committed .po files: every message must be present
and, for German, translated; every committed .mo must hold exactly what its .po says.
Run with the project's virtualenv python from the repository root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "wagtail_integration"
LANGUAGES = ["de", "en"]


def messages(po: polib.POFile) -> set[tuple[str, str]]:
    return {(e.msgctxt or "", e.msgid) for e in po if not e.obsolete}


def main() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "wagtail_integration"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(REPO)}
        cmd = [sys.executable, "-m", "django", "makemessages", "--no-location", "--no-wrap"]
        cmd += [arg for lang in LANGUAGES for arg in ("-l", lang)]
        subprocess.run(cmd, cwd=copy, env=env, check=True, capture_output=True)
        for lang in LANGUAGES:
            rel = Path("locale") / lang / "LC_MESSAGES" / "django.po"
            fresh = polib.pofile(str(copy / rel))
            committed = polib.pofile(str(PACKAGE / rel))
            missing = messages(fresh) - messages(committed)
            extra = messages(committed) - messages(fresh)
            problems += [f"{lang}: not in the catalogue: {m[1]!r}" for m in sorted(missing)]
            problems += [f"{lang}: no longer used: {m[1]!r}" for m in sorted(extra)]
            if lang == "de":
                untranslated = [e.msgid for e in committed.untranslated_entries()]
                untranslated += [e.msgid for e in committed.fuzzy_entries()]
                problems += [f"de: untranslated or fuzzy: {m!r}" for m in untranslated]
            mo_path = PACKAGE / rel.with_suffix(".mo")
            if not mo_path.exists():
                problems.append(f"{lang}: {mo_path.name} is missing (run compilemessages)")
                continue
            mo = {
                (e.msgctxt or "", e.msgid): (e.msgstr, e.msgstr_plural)
                for e in polib.mofile(str(mo_path))
            }
            po = {
                (e.msgctxt or "", e.msgid): (e.msgstr, e.msgstr_plural)
                for e in committed.translated_entries()
            }
            if {k: v[0] for k, v in mo.items() if k[1]} != {k: v[0] for k, v in po.items()}:
                problems.append(f"{lang}: django.mo differs from django.po (run compilemessages)")
    if problems:
        print("Message catalogues are stale:", *problems, sep="\n  ")
        print(
            "Fix: cd wagtail_integration && django-admin makemessages -l de -l en "
            "--no-location --no-wrap, translate, then compilemessages."
        )
        return 1
    print("Message catalogues are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
