"""The rooms of the project and who may import whom (docs/ARCHITECTURE.md, "Rooms").

An app that must react to another announces nothing back through an import: training
sends `course_completed`, marketplace sends `products_changed`, and the apps that follow
them listen. This test reads every module's imports (migrations aside: they name apps by
label) and fails on an import the map does not allow, or on a cycle between apps.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("core", "accounts", "onboarding", "marketplace", "training", "search", "labels", "cms", "config")

# app → the project apps it may import (anything from outside the project is free).
MAY_IMPORT = {
    "core": set(),
    "accounts": {"core"},
    "training": {"core", "accounts"},
    "marketplace": {"core", "accounts", "training"},
    "onboarding": {"core", "accounts", "marketplace", "training"},
    "search": {"core", "accounts", "marketplace", "training"},
    "labels": {"core", "accounts", "marketplace"},
    "cms": {"core", "accounts", "marketplace", "training", "onboarding", "search", "labels"},
    "config": {"core", "accounts", "marketplace", "training", "onboarding", "search", "labels", "cms"},
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(APPS)


def app_imports() -> dict[str, dict[str, set[str]]]:
    """{app: {imported app: {modules importing it}}}."""
    graph: dict[str, dict[str, set[str]]] = {app: {} for app in APPS}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for other in _imports(path) - {app}:
                graph[app].setdefault(other, set()).add(str(path.relative_to(ROOT)))
    return graph


def test_every_app_imports_only_what_the_map_allows():
    forbidden = {f"{app} → {other}: {sorted(modules)}" for app, edges in app_imports().items()
                 for other, modules in edges.items() if other not in MAY_IMPORT[app]}
    assert forbidden == set()


def test_no_import_cycle_between_apps():
    graph = {app: set(edges) for app, edges in app_imports().items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})) for nxt in graph[start])

    assert [app for app in APPS if reaches(app, app, {app})] == []


def test_the_map_itself_has_no_cycle():
    def reaches(start, goal, seen):
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})) for nxt in MAY_IMPORT[start])

    assert [app for app in APPS if reaches(app, app, {app})] == []
