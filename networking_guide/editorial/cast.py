"""The cast (``editorial/cast.yml``): the people of the examples, one identity per role, with
names of their own in each language. A page never uses a name from another language's cast
(a leftover from a translation), except where the cast file exempts a page (sources name real
authors)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from networking_guide.sources.problems import Problem
from networking_guide.sources.tree import Tree


def load(path: Path) -> tuple[dict[str, dict[str, dict]], list[str]]:
    """(role -> language -> {name, identity}, pages exempt from the check)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    exempt = list(data.pop("exempt_pages", []) or [])
    return data, exempt


def names_by_language(cast: dict[str, dict[str, dict]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for languages in cast.values():
        for lang, person in languages.items():
            found.setdefault(lang, set()).add(person["name"])
    return found


def problems(tree: Tree, cast_file: Path) -> list[Problem]:
    cast, exempt = load(cast_file)
    names = names_by_language(cast)
    found = []
    for lang, pages in tree.pages.items():
        own = names.get(lang, set())
        foreign = {name for other, others in names.items() if other != lang for name in others} - own
        if not foreign:
            continue
        pattern = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, foreign), key=len, reverse=True)) + r")(?![\w-])")
        for relative, page in sorted(pages.items()):
            if relative in exempt:
                continue
            for number, text in page.source.prose():
                for match in pattern.finditer(text):
                    owner = next(other for other, others in names.items() if match.group(1) in others)
                    found.append(Problem(page.shown, number, f"“{match.group(1)}” belongs to the {owner} cast: "
                                                             f"use this language's cast (editorial/cast.yml)"))
    return found
