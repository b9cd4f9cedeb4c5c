"""The repository as the ``guide`` command and the tests see it: its root, mkdocs.yml read as
data (no plugin is loaded), the docs folder and the language table."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from networking_guide.languages import Language, table


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: ``!ENV [NAME, default]`` becomes its default, other tags nothing."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: (loader.construct_sequence(node) or [None])[-1]
                              if isinstance(node, yaml.SequenceNode) else None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


@dataclass
class Project:
    root: Path

    def __post_init__(self):
        self.root = self.root.resolve()
        self.config_file = self.root / "mkdocs.yml"
        if not self.config_file.is_file():
            raise SystemExit(f"guide: no mkdocs.yml in {self.root} (run from the repository or pass --root)")

    @cached_property
    def config(self) -> dict:
        return read_config(self.config_file)

    @cached_property
    def docs(self) -> Path:
        return self.root / self.config.get("docs_dir", "docs")

    @cached_property
    def languages(self) -> list[Language]:
        i18n = next(p["i18n"] for p in self.config["plugins"] if isinstance(p, dict) and "i18n" in p)
        return table(i18n["languages"])

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def default(self) -> str:
        return self.languages[0].code

    def page_path(self, argument: str) -> tuple[str, str]:
        """(language, page) of a path such as ``docs/fr/rules/x.md`` or ``fr/rules/x.md``."""
        path = Path(argument)
        docs = self.docs.relative_to(self.root)
        if path.is_absolute():
            path = path.resolve().relative_to(self.docs)
        elif path.parts[: len(docs.parts)] == docs.parts:
            path = path.relative_to(docs)
        lang, page = path.parts[0], Path(*path.parts[1:]).as_posix()
        if lang not in self.codes:
            raise SystemExit(f"guide: {argument}: not under a language folder ({', '.join(self.codes)})")
        return lang, page

    def changed_english_pages(self, base: str) -> set[str]:
        """Default-language pages changed since ``base`` (a git revision), committed or not."""
        folder = self.docs.relative_to(self.root) / self.default
        result = subprocess.run(["git", "diff", "--name-only", base, "--", str(folder)],
                                cwd=self.root, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"guide: git diff {base} failed: {result.stderr.strip()}")
        return {Path(name).relative_to(folder).as_posix() for name in result.stdout.split() if name.endswith(".md")}

    def tree(self):
        """Every page of every language, read and checked (``sources.tree``)."""
        from networking_guide.sources.tree import read_tree

        return read_tree(self.docs, self.codes, self.default, self.root)

    def shown(self, path: Path) -> str:
        """A path as printed in messages: relative to the repository."""
        return Path(os.path.relpath(path, self.root)).as_posix()
