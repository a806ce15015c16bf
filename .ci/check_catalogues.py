#!/usr/bin/env python3
"""Fail when the shipped message catalogues are stale or incomplete.

Extracts the package's messages afresh (Django's makemessages, needs GNU gettext) in a copy of
the package and compares them with the committed .po files: every message must be present in
every language; German, Turkish, Arabic and Ukrainian must be translated and not fuzzy (English
may stay empty: the msgid is the English text); every translation must keep the placeholders of
its msgid; every committed .mo must hold exactly what its .po says.
Run with the project's virtualenv python from the repository root.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import polib

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "wagtail_integration"
LANGUAGES = ["de", "en", "tr", "ar", "uk"]
# English is the source language: an empty msgstr shows the msgid itself.
MUST_TRANSLATE = ["de", "tr", "ar", "uk"]
# python-format (%(name)s, %s, %d, %%) and brace-format ({name}, {0}, {}) placeholders.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifrxX%]|\{[A-Za-z0-9_]*\}")


def messages(po: polib.POFile) -> set[tuple[str, str]]:
    return {(e.msgctxt or "", e.msgid) for e in po if not e.obsolete}


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def placeholder_problems(lang: str, po: polib.POFile) -> list[str]:
    """Translations whose placeholders differ from their msgid's (order may change)."""
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            # Every plural form must keep the plural msgid's placeholders.
            forms = [(entry.msgid_plural, s) for s in entry.msgstr_plural.values() if s]
        else:
            forms = [(entry.msgid, entry.msgstr)] if entry.msgstr else []
        for source, translation in forms:
            if placeholders(source) != placeholders(translation):
                problems.append(
                    f"{lang}: placeholders differ in {translation!r}: "
                    f"{sorted(placeholders(translation))} instead of "
                    f"{sorted(placeholders(source))} of {entry.msgid!r}"
                )
    return problems


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
            if not (PACKAGE / rel).exists():
                problems.append(f"{lang}: {rel} is missing")
                continue
            fresh = polib.pofile(str(copy / rel))
            committed = polib.pofile(str(PACKAGE / rel))
            missing = messages(fresh) - messages(committed)
            extra = messages(committed) - messages(fresh)
            problems += [f"{lang}: not in the catalogue: {m[1]!r}" for m in sorted(missing)]
            problems += [f"{lang}: no longer used: {m[1]!r}" for m in sorted(extra)]
            if lang in MUST_TRANSLATE:
                untranslated = [e.msgid for e in committed.untranslated_entries()]
                untranslated += [e.msgid for e in committed.fuzzy_entries()]
                problems += [f"{lang}: untranslated or fuzzy: {m!r}" for m in untranslated]
            problems += placeholder_problems(lang, committed)
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
            if {k: v for k, v in mo.items() if k[1]} != po:
                problems.append(f"{lang}: django.mo differs from django.po (run compilemessages)")
    if problems:
        print("Message catalogues are stale:", *problems, sep="\n  ")
        flags = " ".join(f"-l {lang}" for lang in LANGUAGES)
        print(
            f"Fix: cd wagtail_integration && django-admin makemessages {flags} "
            "--no-location --no-wrap, translate, then compilemessages."
        )
        return 1
    print("Message catalogues are up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
