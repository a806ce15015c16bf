#!/usr/bin/env python3
"""Developer entry point for wagtail_integration (standard library only).

    python3 dev.py example [--no-serve] [--port N]   example site with demo content
    python3 dev.py test [pytest args...]             whole test suite
    python3 dev.py lint                              ruff format --check, ruff check, bandit,
                                                     check --deploy of the production settings

Every command first makes sure `.venv/` exists and holds the project installed with
`pip install -e ".[test]"`; the install is skipped while `.venv/.wagtail_integration-stamp`
holds the sha256 of pyproject.toml. DATABASE_URL is passed through untouched.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".wagtail_integration-stamp"
EXAMPLE_DIR = ROOT / "example_site"

CREATE_ADMIN = """
from django.contrib.auth import get_user_model
User = get_user_model()
if User.objects.filter(username="admin").exists():
    print("User 'admin' already exists; left unchanged.")
else:
    User.objects.create_superuser("admin", "admin@example.invalid", "admin")
    print("Created superuser 'admin' with password 'admin'.")
"""


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def run(
    cmd: list[str], cwd: Path = ROOT, check: bool = True, env: dict[str, str] | None = None
) -> int:
    """Run a command; on failure (when check is true) exit non-zero with a clear message."""
    shown = " ".join("'<python code>'" if "\n" in part else part for part in cmd)
    say(f"$ {shown}")
    try:
        code = subprocess.run(cmd, cwd=cwd, env=env).returncode
    except FileNotFoundError as exc:
        sys.exit(f"[dev.py] error: cannot run {cmd[0]}: {exc}")
    if check and code != 0:
        sys.exit(f"[dev.py] error: command failed with exit code {code}: {shown}")
    return code


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def bootstrap() -> str:
    """Create .venv if needed and (re)install the project when pyproject.toml changed."""
    python = venv_python()
    if not python.exists():
        say("Creating virtualenv in .venv")
        run([sys.executable, "-m", "venv", str(VENV)])
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        say("Dependencies up to date (pyproject.toml unchanged).")
    else:
        say('Installing the project into .venv: pip install -e ".[test]"')
        run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-e", ".[test]"])
        if (ROOT / "wagtail_integration" / "__init__.py").exists():
            STAMP.write_text(digest + "\n")
        else:  # an editable install made without the package maps nothing: redo it next time
            say("warning: wagtail_integration/ is missing; will reinstall on the next run.")
    return str(python)


def cmd_example(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py example")
    parser.add_argument("--no-serve", action="store_true", help="set up only, do not runserver")
    parser.add_argument("--port", type=int, default=8000, help="runserver port (default 8000)")
    args = parser.parse_args(argv)

    python = bootstrap()
    run([python, "manage.py", "migrate", "--noinput"], cwd=EXAMPLE_DIR)
    run([python, "manage.py", "shell", "-v", "0", "-c", CREATE_ADMIN], cwd=EXAMPLE_DIR)
    say("Admin login: admin / admin -- LOCAL DEVELOPMENT ONLY, never use it on a real server.")
    run([python, "manage.py", "wagtail_integration_demo"], cwd=EXAMPLE_DIR)

    base = f"http://127.0.0.1:{args.port}"
    say(f"Site:   {base}/")
    say(f"Admin:  {base}/admin/")
    say(f"API v2: {base}/api/v2/pages/")
    say(f"API v3: {base}/api/v3/docs/")
    if args.no_serve:
        say("--no-serve given: not starting the development server.")
        return 0
    try:
        return run([python, "manage.py", "runserver", f"127.0.0.1:{args.port}"], cwd=EXAMPLE_DIR)
    except KeyboardInterrupt:
        return 0


def cmd_test(argv: list[str]) -> int:
    python = bootstrap()
    # One pytest-xdist worker per core, unless the caller chose (-n / --numprocesses).
    if not any(arg == "-n" or arg.startswith(("-n", "--numprocesses")) for arg in argv):
        argv = ["-n", "auto", *argv]
    # pytest's exit code is ours: no extra message, no sys.exit on failure.
    return run([python, "-m", "pytest", *argv], check=False)


def deploy_check_env() -> dict[str, str]:
    """The production settings with throw-away secrets, as a deployment would set them."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="example_site.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="integration.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://integration.example.org",
    )
    return env


def cmd_lint(argv: list[str]) -> int:
    python = bootstrap()
    codes = [
        run([python, "-m", "ruff", "format", "--check", "."], check=False),
        run([python, "-m", "ruff", "check", "."], check=False),
        # Medium and high severity only; configuration in pyproject.toml ([tool.bandit]).
        run(
            [python, "-m", "bandit", "-q", "-c", "pyproject.toml", "-ll"]
            + ["-r", "wagtail_integration", "example_site"],
            check=False,
        ),
        run(
            [python, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=EXAMPLE_DIR,
            check=False,
            env=deploy_check_env(),
        ),
    ]
    if any(codes):
        say(
            "Lint failed (ruff: .venv/bin/ruff format . && .venv/bin/ruff check --fix .; "
            "bandit and check --deploy: see docs/contributing.md)"
        )
        return 1
    say("Lint passed.")
    return 0


COMMANDS = {"example": cmd_example, "test": cmd_test, "lint": cmd_lint}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
