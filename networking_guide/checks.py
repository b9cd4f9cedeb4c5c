"""The checks of the sources: what the build runs before writing anything, and what
``guide check`` runs on a pull request. Every problem is located as ``file:line``."""

from __future__ import annotations

from pathlib import Path

from networking_guide.blocks.scan import PageBlocks, blocks_in, check_across_pages
from networking_guide.sources.problems import Problem
from networking_guide.sources.tree import Tree, read_tree
from networking_guide.translations.structure import compare, structure_of


def build_problems(docs: Path, languages: list[str], default: str, shown_from: Path) -> tuple[Tree, list[Problem]]:
    """Everything that stops a build: the files under ``docs`` (links, types, encodings, front
    matter, English pages) and the checklist and template blocks, within pages and across
    languages."""
    tree = read_tree(docs, languages, default, shown_from)
    return tree, sorted(set(tree.problems + block_problems(tree, default)))


def block_problems(tree: Tree, default: str) -> list[Problem]:
    problems: list[Problem] = []
    by_language: dict[str, dict[str, PageBlocks]] = {}
    for lang, pages in tree.pages.items():
        by_language[lang] = {}
        for relative, page in pages.items():
            blocks, found = blocks_in(page.source)
            problems += found
            by_language[lang][relative] = PageBlocks(page.shown, tuple(blocks))
    return problems + check_across_pages(by_language, default)


def structure_problems(tree: Tree, default: str) -> list[Problem]:
    """Where a translation's skeleton differs from its English page."""
    problems: list[Problem] = []
    for relative, english in sorted(tree.pages.get(default, {}).items()):
        source = structure_of(english.source)
        for lang, pages in tree.pages.items():
            if lang != default and relative in pages:
                problems += compare(source, structure_of(pages[relative].source), english.shown, pages[relative].shown)
    return problems
