"""Finding the blocks of a page through the source reader, and checking them across languages.

A block may sit wherever Markdown blocks nest (in an admonition, details, a list item): its
opening line is found outside code, at any indentation, and its lines are read up to the
closing ``:::`` at the same indentation, dedented by it.
"""

from __future__ import annotations

from dataclasses import dataclass

from networking_guide.blocks.syntax import FENCE, Block, Checklist, Template, read_blocks
from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem


@dataclass(frozen=True)
class PageBlocks:
    """The blocks of one page (none is a valid answer)."""

    path: str
    blocks: tuple[Block, ...]

    def of_kind(self, kind: str) -> dict[str, Block]:
        return {block.id: block for block in self.blocks if block.kind == kind}


def _indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def blocks_in(source: Source) -> tuple[list[Block], list[Problem]]:
    """Every block of a page, and its problems, with the page's own line numbers."""
    code = source.code_lines
    body = source.body()
    headings = source.headings

    def title_of(number: int) -> str:
        above = [heading.text for heading in headings if heading.line < number]
        return above[-1] if above else ""

    blocks: list[Block] = []
    problems: list[Problem] = []
    index = 0
    while index < len(body):
        number, line = body[index]
        stripped = line.lstrip(" ")
        if number in code or not FENCE.match(stripped):
            index += 1
            continue
        indent = _indentation(line)
        group = [(number, stripped)]
        index += 1
        if not stripped.rstrip() == ":::":
            while index < len(body):
                inner_number, inner = body[index]
                dedented = inner[indent:] if inner[:indent].strip() == "" else inner.lstrip(" ")
                group.append((inner_number, dedented))
                index += 1
                if dedented.rstrip() == ":::" and _indentation(inner) == indent:
                    break
        found, found_problems = read_blocks(group, source.path, title_of)
        blocks += found
        problems += found_problems
    return blocks, problems


def check_across_pages(pages_by_language: dict[str, dict[str, PageBlocks]], default: str) -> list[Problem]:
    """Problems that only show across files.

    ``pages_by_language`` maps a language to its pages, by path relative to the language's
    folder. A block id may be used once per language and kind; the translation of a page has
    the same checklists (with the same item ids, in any order) and templates as the default
    language's page. A page missing from a translation is not a problem here.
    """
    problems: list[Problem] = []
    for pages in pages_by_language.values():
        seen: dict[tuple[str, str], Block] = {}
        for page in pages.values():
            for block in page.blocks:
                key = (block.kind, block.id)
                if block.id and key in seen:
                    first = seen[key]
                    problems.append(Problem(block.path, block.line, f"{block.kind} id {{#{block.id}}} is already used at {first.path}:{first.line}"))
                seen.setdefault(key, block)
    sources = pages_by_language.get(default, {})
    for lang, pages in sorted(pages_by_language.items()):
        if lang == default:
            continue
        for relative, page in sorted(pages.items()):
            source_page = sources.get(relative, PageBlocks(f"{default}/{relative}", ()))
            for kind in ("checklist", "template"):
                theirs, ours = source_page.of_kind(kind), page.of_kind(kind)
                for block_id, source in theirs.items():
                    if block_id not in ours:
                        problems.append(Problem(page.path, 1, f"{kind} {{#{block_id}}} of {source.path}:{source.line} is missing from this translation"))
                for block_id, translation in ours.items():
                    if block_id not in theirs:
                        problems.append(Problem(translation.path, translation.line,
                                                f"{kind} {{#{block_id}}} is not in {source_page.path}: ids must match the source page"))
                    elif kind == "checklist":
                        problems += _compare_items(theirs[block_id], translation)
    return problems


def _compare_items(source: Checklist, translation: Checklist) -> list[Problem]:
    problems = []
    source_ids, translated_ids = set(source.item_ids), set(translation.item_ids)
    for item in source.items:
        if item.id not in translated_ids:
            problems.append(Problem(translation.path, translation.line,
                                    f"checklist {{#{source.id}}} lacks item {{#{item.id}}}, which {source.path}:{item.line} has"))
    for item in translation.items:
        if item.id not in source_ids:
            problems.append(Problem(translation.path, item.line,
                                    f"item {{#{item.id}}} is not in checklist {{#{source.id}}} of {source.path}:{source.line}: ids must match the source page"))
    return problems
