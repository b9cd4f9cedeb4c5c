"""The shape of the repository: thin hooks listed in mkdocs.yml, the logic in an installable
package reached by normal imports, one language table."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO, configuration, languages
from networking_guide.languages import DATA

HOOKS = REPO / "hooks"


def test_the_files_in_hooks_are_exactly_the_hooks_mkdocs_yml_lists():
    listed = sorted(configuration()["hooks"])
    present = sorted(f"hooks/{path.name}" for path in HOOKS.iterdir() if path.name != "__pycache__")
    assert present == listed


def test_hooks_are_thin_glue_over_the_package():
    for path in HOOKS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert any(module.startswith("networking_guide") for module in imported), path.name
        # No hook imports another hook: shared code lives in the package.
        siblings = {p.stem for p in HOOKS.glob("*.py")}
        assert not imported & siblings, path.name
        assert len(path.read_text(encoding="utf-8").splitlines()) < 90, f"{path.name} holds logic: move it to the package"


def test_nothing_reaches_code_by_changing_sys_path():
    for folder in ("networking_guide", "hooks", "tests", "benchmarks"):
        for path in (REPO / folder).rglob("*.py"):
            if path.resolve() == Path(__file__).resolve():
                continue  # this test names what it looks for
            assert "sys" + ".path" not in path.read_text(encoding="utf-8"), path


def test_the_language_table_has_the_same_keys_for_every_language_and_covers_mkdocs_yml():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert set(languages()) <= set(data)
    shapes = {code: (sorted(entry), sorted(entry["words"])) for code, entry in data.items()}
    assert len(set(map(str, shapes.values()))) == 1, shapes


def test_no_language_code_is_written_in_code():
    """Languages come from the table; code names none of them (tests and data aside)."""
    for path in list((REPO / "networking_guide").rglob("*.py")) + list(HOOKS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        assert not strings & {"fr", "it", "fr_FR", "it_IT", "en_GB"}, path


def test_a_plain_pip_install_gives_a_guide_command_that_works(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "networking_guide", source / "networking_guide", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target", str(target), str(source)],
                   check=True, capture_output=True)
    environment = dict(os.environ, PYTHONPATH=str(target))
    where = subprocess.run([sys.executable, "-c", "import networking_guide; print(networking_guide.__file__)"],
                           env=environment, cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
    # `guide status` reads the language table (package data) and every page of the guide.
    result = subprocess.run([str(target / "bin" / "guide"), "--root", str(REPO), "status"], env=environment, cwd=tmp_path,
                            capture_output=True, text=True)
    assert re.search(r"\d+ current, \d+ outdated, \d+ missing", result.stdout), result.stdout + result.stderr
    assert (target / "networking_guide" / "templates" / "guide" / "checklist.html").is_file()
    assert (target / "networking_guide" / "exports" / "print.css").is_file()
