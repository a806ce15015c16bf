"""No import cycles between the package's modules (the layers themselves: test_layers.py)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_integration"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Package modules that ``path`` imports anywhere, also inside functions."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return {module for module in found if module.split(".")[0] == "wagtail_integration"}


def graph() -> dict[str, set[str]]:
    paths = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(p): p for p in paths}
    edges = {}
    for name, path in modules.items():
        # "from . import x" names a module or a name in a module: keep the modules only.
        edges[name] = {m for m in imports_of(path) if m in modules and m != name}
    return edges


def imports_from_own_packages(
    path: Path, modules: set[str], source: str | None = None
) -> list[str]:
    """Names ``path`` imports from the ``__init__`` of a package it belongs to.

    ``find_cycle`` skips a package importing its own submodules; a submodule that imports a
    name back from its package closes a cycle there (``blocks/__init__`` re-exports
    ``blocks.body``, so ``blocks.body`` takes its blocks from ``blocks.media``, never from
    ``blocks``). Importing a sibling module through the package (``from . import media``)
    is fine.
    """
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    parts = name.split(".")
    ancestors = {".".join(parts[:i]) for i in range(1, len(parts))} - {name}
    found = []
    for node in ast.walk(ast.parse(path.read_text() if source is None else source)):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        if target in ancestors:
            found += [
                f"{name} imports {alias.name} from {target}"
                for alias in node.names
                if f"{target}.{alias.name}" not in modules
            ]
    return found


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            # A package's __init__ importing its own submodules is how packages work.
            if target.startswith(node + "."):
                continue
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_a_name_from_its_own_package():
    paths = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    modules = {module_name(p) for p in paths}
    found = [line for path in paths for line in imports_from_own_packages(path, modules)]
    assert found == []


def test_the_own_package_check_sees_a_name_taken_back_from_the_package():
    path = PACKAGE / "blocks" / "body.py"
    modules = {"wagtail_integration.blocks", "wagtail_integration.blocks.media"}
    source = "from . import media\nfrom ..blocks import TeamBlock\n"
    assert imports_from_own_packages(path, modules, source) == [
        "wagtail_integration.blocks.body imports TeamBlock from wagtail_integration.blocks"
    ]
    assert imports_from_own_packages(path, modules) == []


def test_no_import_cycles_between_modules():
    cycle = find_cycle(graph())
    assert cycle is None, " -> ".join(cycle)
