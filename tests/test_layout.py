"""Tests mirror the package: the test of a module is found by its name.

Every module ``wagtail_integration/<folder>/<name>.py`` of the folders below has a test module
``tests/<folder>/test_<name>.py`` (subpackages likewise, one folder deeper). ``REEXPORTS`` and
``TESTED_IN`` are the explicit list of modules without one: why, and where their tests are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wagtail_integration"
TESTS = ROOT / "tests"

MIRRORED = ("api", "content", "outputs", "organisations_io")

# Modules without a test module of their own name (paths relative to the package).
# Re-exports kept for old imports: what they re-export is tested under its new name.
REEXPORTS = {
    "api/fields.py": "content/serializers.py",
    "api/schemas.py": "content/objects.py",
}
# Modules whose tests stand in a test module that covers several modules, relative to tests/.
TESTED_IN = {
    # Live, against the running server (marker contract, a CI step of its own).
    "api/openapi.py": "contract/test_openapi.py",
    # The loading policy is measured where its users answer: one fetch per chooser class
    # (v3 detail) and flat query counts (v2 listings and details).
    "content/loading.py": "api/test_v3.py",
    # The listing's cards and ordering are one v3 operation, tested with the v3 detail.
    "api/v3_cards.py": "api/test_v3.py",
    "content/cards.py": "api/test_v3.py",
    # Renditions read as rows: a cold answer equals the one built through Wagtail's own
    # rendition lookups, byte for byte.
    "content/renditions.py": "api/test_cold_answer.py",
    "api/v3_listing.py": "api/test_v3.py",
    # v2 split by purpose: its parts answer through the v2 endpoints they make up.
    "api/v2_common.py": "api/test_v2.py",
    "api/v2_resources.py": "api/test_v2.py",
    "api/resources.py": "api/test_v3_resources.py",
    # The directory filter is compared with the HTML directory where the extras are.
    "api/directory.py": "content/test_extras.py",
    # The builders, through the serializer fields that dump them.
    "content/objects.py": "content/test_serializers.py",
    # The management commands, file reading and row handling are what an import runs.
    "organisations_io/commands.py": "organisations_io/test_importing.py",
    "organisations_io/reading.py": "organisations_io/test_importing.py",
    "organisations_io/rows.py": "organisations_io/test_importing.py",
    # One graph per page: its parts are tested through the whole.
    "outputs/structured_data/common.py": "outputs/test_structured_data.py",
    "outputs/structured_data/entities.py": "outputs/test_structured_data.py",
    "outputs/structured_data/graph.py": "outputs/test_structured_data.py",
    "outputs/structured_data/open_graph.py": "outputs/test_head_meta.py",
}
ELSEWHERE = {**REEXPORTS, **TESTED_IN}


def modules(folders=MIRRORED, package: Path = PACKAGE) -> list[str]:
    """The mirrored modules, relative to the package (``__init__`` files left out)."""
    return sorted(
        path.relative_to(package).as_posix()
        for folder in folders
        for path in (package / folder).rglob("*.py")
        if path.name != "__init__.py"
    )


def test_module_path(module: str, tests: Path = TESTS) -> Path:
    folder, _, name = module.rpartition("/")
    return tests / folder / f"test_{name}"


test_module_path.__test__ = False  # a helper, not a test


def missing(module_names: list[str], tests: Path = TESTS) -> list[str]:
    return [
        module
        for module in module_names
        if module not in ELSEWHERE and not test_module_path(module, tests).exists()
    ]


@pytest.mark.parametrize("folder", MIRRORED)
def test_every_module_has_a_test_module_of_its_name(folder):
    found = modules((folder,))
    assert found, folder
    assert missing(found) == [], (
        "add tests/<folder>/test_<module>.py, or name its tests in TESTED_IN"
    )


def test_the_allow_list_names_only_modules_that_exist_and_have_no_test_module():
    existing = set(modules())
    assert set(ELSEWHERE) <= existing, set(ELSEWHERE) - existing
    mirrored = [module for module in ELSEWHERE if test_module_path(module).exists()]
    assert mirrored == [], "these have a test module now: remove them from the allow-list"


def test_the_allow_list_points_at_tests_and_modules_that_exist():
    assert [m for m in REEXPORTS.values() if not (PACKAGE / m).exists()] == []
    assert [t for t in TESTED_IN.values() if not (TESTS / t).exists()] == []


def test_gate_sees_a_module_without_its_test(tmp_path):
    package, tests = tmp_path / "pkg", tmp_path / "tests"
    (package / "api").mkdir(parents=True)
    (tests / "api").mkdir(parents=True)
    (package / "api" / "cache.py").write_text("")
    (package / "api" / "v2.py").write_text("")
    (tests / "api" / "test_v2.py").write_text("")
    assert missing(modules(("api",), package), tests) == ["api/cache.py"]


# Modules that may be longer: generated migrations and the demo's content (data, not logic).
LONG_MODULES_ALLOWED = ("migrations/", "demo/content.py")
MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    too_long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if not str(path.relative_to(PACKAGE)).startswith(LONG_MODULES_ALLOWED)
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}, "split these modules by purpose"
