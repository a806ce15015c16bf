"""Layers: the content layer imports no models, blocks or API; models and blocks no API."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_integration"


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Absolute names of the package's modules that ``path`` imports (relative ones resolved)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text() if source is None else source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
                names.add(target)
                names.update(f"{target}.{alias.name}" for alias in node.names)
            elif node.module:
                names.add(node.module)
    return {name for name in names if name.startswith("wagtail_integration")}


def files(*parts: str) -> list[Path]:
    found = []
    for part in parts:
        path = PACKAGE / part
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")])
    return [path for path in found if path.exists()]


def violations(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in paths
        for name in imported_modules(path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    )


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        (
            ("content",),
            (
                "wagtail_integration.models",
                "wagtail_integration.blocks",
                "wagtail_integration.api",
            ),
        ),
        (("models", "blocks"), ("wagtail_integration.api",)),
    ],
    ids=["content", "models-and-blocks"],
)
def test_layer_imports_nothing_above_it(layer, forbidden):
    paths = files(*layer)
    assert paths, layer
    assert violations(paths, forbidden) == []


def test_gate_sees_a_relative_import_of_the_api():
    path = PACKAGE / "models" / "base.py"
    source = path.read_text() + "\nfrom ..api import schemas\n"
    assert "wagtail_integration.api" in imported_modules(path, source)
    assert "wagtail_integration.api" not in imported_modules(path)
