"""Checklist blocks in Markdown: parse them, and check them within a page and across languages.

The syntax, written by contributors (see CONTRIBUTING.md)::

    ::: checklist {#before-the-event}
    - [ ] Check the programme and the speakers {#programme}
        An optional hint, indented by four spaces.
    - [ ] Sleep well the night before {#rest}
    :::

Ids connect the languages: the same checklist has the same item ids in en/fr/it, and what a
reader ticks is saved by those ids, never by position. Nothing here imports MkDocs: parsing and
checking are plain functions over text, and every problem names its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from source_text import CODE_FENCE, Problem

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VALID_ID = re.compile(rf"^{ID}$")
OPENING = re.compile(r"^:::\s*checklist\b(?P<rest>.*)$")
FENCE = re.compile(r"^:::")
CLOSING = re.compile(r"^:::\s*$")
ITEM = re.compile(r"^[-*]\s+\[(?P<mark>.?)\]\s*(?P<body>.*)$")
TRAILING_ID = re.compile(r"^(?P<text>.*?)\s*\{#(?P<id>[^}]*)\}\s*$")
HINT = re.compile(r"^(?: {4}|\t)\s*(?P<text>\S.*)$")
HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*(?:\{[^}]*\})?\s*$")

SYNTAX_HINT = "write `::: checklist {#an-id}`, items as `- [ ] Text {#an-id}`, and `:::` to close"


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    line: int
    hint: str = ""


@dataclass(frozen=True)
class Checklist:
    id: str
    path: str
    line: int  # of the opening ``::: checklist`` line
    end_line: int  # of the closing ``:::`` line
    items: tuple[Item, ...]
    title: str = ""  # the nearest heading above the block, used as its accessible name

    @property
    def item_ids(self) -> list[str]:
        return [item.id for item in self.items]


@dataclass
class _OpenBlock:
    id: str
    line: int
    title: str
    items: list[Item] = field(default_factory=list)


def parse_checklists(text: str, path: str, first_line: int = 1) -> tuple[list[Checklist], list[Problem]]:
    """Every checklist block of a Markdown text, and every problem found in them.

    ``first_line`` is the file line number of the text's first line (MkDocs hands hooks the page
    without its front matter). Blocks inside fenced code are examples, not checklists.
    """
    checklists: list[Checklist] = []
    problems: list[Problem] = []
    block: _OpenBlock | None = None
    in_code = False
    last_heading = ""

    def problem(number: int, message: str) -> None:
        problems.append(Problem(path, number, message))

    for number, line in enumerate(text.splitlines(), start=first_line):
        if block is None:
            if CODE_FENCE.match(line):
                in_code = not in_code
                continue
            if in_code:
                continue
            heading = HEADING.match(line)
            if heading:
                last_heading = heading.group("text")
                continue
            opening = OPENING.match(line)
            if opening:
                block = _open_block(opening.group("rest"), number, last_heading, problem)
            elif FENCE.match(line):
                problem(number, f"`{line.strip()}` is not a checklist block: {SYNTAX_HINT}")
            continue

        if CLOSING.match(line):
            checklists.append(_close_block(block, number, path, problem))
            block = None
        elif OPENING.match(line):
            problem(number, f"a checklist starts inside checklist {{#{block.id}}} (line {block.line}): close that one with `:::` first")
        elif not line.strip():
            continue
        elif (item := ITEM.match(line)) is not None:
            _add_item(block, item, number, problem)
        elif (hint := HINT.match(line)) is not None:
            if not block.items:
                problem(number, "a hint (indented line) must follow an item")
            else:
                previous = block.items[-1]
                joined = f"{previous.hint} {hint.group('text')}".strip()
                block.items[-1] = Item(previous.id, previous.text, previous.line, joined)
        else:
            problem(number, "this line is not a checklist item: write `- [ ] Text {#an-id}`, or indent a hint by four spaces")

    if block is not None:
        problem(block.line, f"checklist {{#{block.id}}} is never closed: add `:::` on its own line after its last item")
    return checklists, problems


def _open_block(rest: str, number: int, title: str, problem) -> _OpenBlock:
    found = re.fullmatch(r"\s*\{#(?P<id>[^}]*)\}\s*", rest)
    if not found:
        problem(number, f"the checklist has no id: {SYNTAX_HINT}")
        return _OpenBlock("", number, title)
    checklist_id = found.group("id").strip()
    if not VALID_ID.match(checklist_id):
        problem(number, f"checklist id {{#{checklist_id}}} is not valid: use lowercase letters, digits and hyphens")
    return _OpenBlock(checklist_id, number, title)


def _add_item(block: _OpenBlock, item: re.Match, number: int, problem) -> None:
    if item.group("mark") != " ":
        problem(number, "items start unticked: write `- [ ]` (a space between the brackets)")
    body = TRAILING_ID.match(item.group("body"))
    if not body:
        problem(number, "the item has no id: end the line with `{#an-id}`")
        return
    item_id, text = body.group("id").strip(), body.group("text").strip()
    if not VALID_ID.match(item_id):
        problem(number, f"item id {{#{item_id}}} is not valid: use lowercase letters, digits and hyphens")
    if not text:
        problem(number, f"item {{#{item_id}}} has no text")
    earlier = next((i for i in block.items if i.id == item_id), None)
    if earlier:
        problem(number, f"item id {{#{item_id}}} is used twice in checklist {{#{block.id}}} (first on line {earlier.line})")
        return
    block.items.append(Item(item_id, text, number))


def _close_block(block: _OpenBlock, number: int, path: str, problem) -> Checklist:
    if not block.items:
        problem(block.line, f"checklist {{#{block.id}}} has no items")
    return Checklist(block.id, path, block.line, number, tuple(block.items), block.title)


@dataclass(frozen=True)
class PageChecklists:
    """The checklists of one Markdown file (none is a valid answer)."""

    path: str
    checklists: tuple[Checklist, ...]


def check_across_pages(pages_by_language: dict[str, dict[str, PageChecklists]], default: str) -> list[Problem]:
    """Problems that only show across files.

    ``pages_by_language`` maps a language to its pages, by path relative to the language's
    folder. A checklist id may be used once per language; the translation of a page has the
    same checklists, with the same item ids, as the default language's page (in any order).
    A page missing from a translation is not a problem here: the reader gets the default page.
    """
    problems: list[Problem] = []
    for lang, pages in pages_by_language.items():
        seen: dict[str, Checklist] = {}
        for page in pages.values():
            for checklist in page.checklists:
                if checklist.id and checklist.id in seen:
                    first = seen[checklist.id]
                    problems.append(Problem(checklist.path, checklist.line,
                                            f"checklist id {{#{checklist.id}}} is already used at {first.path}:{first.line}"))
                seen.setdefault(checklist.id, checklist)

    sources = pages_by_language.get(default, {})
    for lang, pages in sorted(pages_by_language.items()):
        if lang == default:
            continue
        for relative, page in sorted(pages.items()):
            source_page = sources.get(relative, PageChecklists(f"{default}/{relative}", ()))
            source_by_id = {c.id: c for c in source_page.checklists}
            translated_by_id = {c.id: c for c in page.checklists}
            for checklist_id, source in source_by_id.items():
                if checklist_id not in translated_by_id:
                    problems.append(Problem(page.path, 1,
                                            f"checklist {{#{checklist_id}}} of {source.path}:{source.line} is missing from this translation"))
            for checklist_id, translation in translated_by_id.items():
                if checklist_id not in source_by_id:
                    problems.append(Problem(translation.path, translation.line,
                                            f"checklist {{#{checklist_id}}} is not in {source_page.path}: ids must match the source page"))
                else:
                    problems += _compare_items(source_by_id[checklist_id], translation)
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


def replace_blocks(text: str, checklists: list[Checklist], render, first_line: int = 1) -> str:
    """``text`` with each checklist block (from its opening to its closing line) replaced by
    ``render(checklist)``, surrounded by blank lines so Markdown sees an HTML block."""
    lines = text.splitlines()
    for checklist in sorted(checklists, key=lambda c: c.line, reverse=True):
        start, end = checklist.line - first_line, checklist.end_line - first_line
        lines[start:end + 1] = ["", render(checklist), ""]
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")
