"""The import graph of the packages: imports flow one way (layers) and no module cycle exists.

Every `import` counts, at module level or inside a function (a lazy import hides a cycle, it
does not remove it); only imports under `if TYPE_CHECKING:` are left out, as they never run.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "retrieval", "storage", "knowledge", "bot", "web", "admin", "policybot")

# package -> the packages it may import (its own modules always). Nothing imports policybot.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "retrieval": {"core"},
    "storage": {"core"},
    "knowledge": {"core", "retrieval", "storage"},
    "bot": {"core", "retrieval", "storage", "knowledge"},
    "web": {"core", "retrieval", "storage", "knowledge", "bot"},
    "admin": {"core", "retrieval", "storage", "knowledge", "bot", "web"},
    "server": {"core", "retrieval", "storage", "knowledge", "bot", "web", "admin"},
    "policybot": {"core", "retrieval", "storage", "knowledge", "bot", "web", "admin", "server"},
}


def find_modules(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    """{dotted module name: file} of the packages under root (migration scripts left out) and
    a top-level `server.py` when there is one."""
    modules: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts and "versions" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    if (root / "server.py").is_file():
        modules["server"] = root / "server.py"
    return modules


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours that `name` (a module or a name inside one) lives in, if any."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the nodes inside `if TYPE_CHECKING:` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """{module: modules of ours it imports} (relative imports resolved; `from pkg import sub`
    points at the submodule)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    parent = base[: len(base) - (node.level - 1)]
                    source = ".".join([*parent, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    names.append(full if full in modules else source)
            for name in names:
                target = _owner(name, modules)
                if target is not None and target != module:
                    edges[module].add(target)
                    edges[module].update(_packages_run(module, target, modules))
    return edges


def _packages_run(module: str, target: str, modules: dict[str, Path]) -> set[str]:
    """The packages whose `__init__` importing `target` runs first (`a.b` for `a.b.c`), but for
    the packages `module` itself lives in, which are already initialised when it runs."""
    own = module.split(".")
    parts = target.split(".")
    packages = {".".join(parts[:i]) for i in range(1, len(parts))}
    return {p for p in packages if p in modules and p.split(".") != own[: len(p.split("."))]}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def layer_violations(edges: dict[str, set[str]], allowed: dict[str, set[str]]) -> list[str]:
    """Each import ("a.b -> c.d") of a package of a package its layer may not import."""
    bad = []
    for module, targets in sorted(edges.items()):
        package = module.split(".")[0]
        for target in sorted(targets):
            other = target.split(".")[0]
            if other != package and other not in allowed.get(package, set()):
                bad.append(f"{module} -> {target}")
    return bad


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(find_modules(ROOT, PACKAGES))


def test_imports_flow_down_the_layers(graph: dict[str, set[str]]) -> None:
    assert layer_violations(graph, ALLOWED) == []


def test_storage_imports_nothing_of_bot(graph: dict[str, set[str]]) -> None:
    assert graph["storage.requests"], "the graph lost storage's own imports"
    assert [m for m in graph if m.startswith("storage") and "bot" in _packages(graph[m])] == []


def test_no_module_cycles(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def _packages(targets: set[str]) -> set[str]:
    return {t.split(".")[0] for t in targets}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_checker_finds_a_lazy_cycle_and_an_upward_import(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/a.py": "def f():\n    from core import b\n",
            "core/b.py": "from .a import f\n",
            "storage/__init__.py": "",
            "storage/x.py": "def g():\n    from bot.y import h\n",
            "bot/__init__.py": "",
            "bot/y.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from bot import z\nh = 1\n",
            "bot/z.py": "from bot.y import h\n",
        },
    )
    edges = import_graph(find_modules(tmp_path, ("core", "storage", "bot")))
    assert cycles(edges) == [["core.a", "core.b"]]
    assert layer_violations(edges, {"core": set(), "storage": {"core"}, "bot": {"core"}}) == [
        "storage.x -> bot",
        "storage.x -> bot.y",
    ]


def test_checker_counts_the_package_init_an_import_runs(tmp_path: Path) -> None:
    """`from core.p.m import v` runs core/p/__init__.py first: when that imports the importer,
    it is a cycle (an ImportError when the importer is imported first). A submodule importing
    its sibling does not count its own package."""
    _write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/c.py": "from core.p.m import v\n",
            "core/p/__init__.py": "from core.c import v\n",
            "core/p/m.py": "from core.p.n import w\nv = w\n",
            "core/p/n.py": "w = 1\n",
        },
    )
    edges = import_graph(find_modules(tmp_path, ("core",)))
    assert cycles(edges) == [["core.c", "core.p"]]
    assert "core.p" not in edges["core.p.m"]


def test_no_test_imports_from_a_conftest() -> None:
    """Shared helpers live in tests/helpers/ (or tests/fakes/); conftest.py only holds fixtures."""
    pattern = re.compile(r"^\s*(?:from\s+[\w.]*conftest\s+import|import\s+[\w.]*conftest)", re.M)
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
