"""One ``:::`` block, read into a checklist or a message template, with every problem located.

Nothing here imports MkDocs or Python-Markdown: the extension (while rendering) and the checks
(before building) call the same function on a block's lines, so they never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from networking_guide.sources.problems import Problem

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
VALID_ID = re.compile(rf"^{ID}$")
FENCE = re.compile(r"^:::")
OPENING = re.compile(r"^:::[ \t]*(?P<kind>[A-Za-z-]+)?(?P<rest>.*)$")
CLOSING = re.compile(r"^:::[ \t]*$")
KINDS = ("checklist", "template")
ITEM = re.compile(r"^[-*][ \t]+\[(?P<mark>.?)\][ \t]*(?P<body>.*)$")
TRAILING_ID = re.compile(r"^(?P<text>.*?)[ \t]*\{#(?P<id>[^}]*)\}[ \t]*$")
HINT = re.compile(r"^(?: {4}|\t)[ \t]*(?P<text>\S.*)$")
PLACEHOLDER = re.compile(r"\[[^\[\]\n]+\]")

SYNTAX = {
    "checklist": "write `::: checklist {#an-id}`, items as `- [ ] Text {#an-id}`, and `:::` to close",
    "template": "write `::: template {#an-id}`, the message's lines, and `:::` to close",
}


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    line: int
    hint: str = ""


@dataclass(frozen=True)
class Block:
    """What every block has: its kind, id, file, lines, and the heading above it (its title)."""

    kind: str
    id: str
    path: str
    line: int  # of the opening ``:::`` line
    end_line: int  # of the closing ``:::`` line
    title: str = ""


@dataclass(frozen=True)
class Checklist(Block):
    items: tuple[Item, ...] = ()

    @property
    def item_ids(self) -> list[str]:
        return [item.id for item in self.items]


@dataclass(frozen=True)
class Template(Block):
    text: str = ""  # the message, exactly as it will be copied

    @property
    def placeholders(self) -> list[str]:
        return PLACEHOLDER.findall(self.text)


@dataclass
class Reading:
    """A block being read: the opener, then its lines one by one."""

    kind: str
    id: str
    path: str
    line: int
    title: str
    lines: list[tuple[int, str]] = field(default_factory=list)


def opening(line: str) -> tuple[str, str] | None:
    """(kind, rest) when ``line`` opens a block, else None. ``kind`` may be unknown."""
    match = OPENING.match(line)
    if not match or CLOSING.match(line):
        return None
    return (match.group("kind") or "", match.group("rest"))


def read_opening(line: str, number: int, path: str) -> tuple[str, str, list[Problem]]:
    """(kind, id, problems) of an opening line."""
    kind, rest = opening(line) or ("", "")
    if kind not in KINDS:
        shown = line.strip()
        return kind, "", [Problem(path, number, f"`{shown}` is not a block the guide knows: {SYNTAX['checklist']}; "
                                                f"or {SYNTAX['template']}")]
    found = re.fullmatch(r"[ \t]*\{#(?P<id>[^}]*)\}[ \t]*", rest)
    if not found:
        return kind, "", [Problem(path, number, f"the {kind} has no id: {SYNTAX[kind]}")]
    block_id = found.group("id").strip()
    if not VALID_ID.match(block_id):
        return kind, block_id, [Problem(path, number, f"{kind} id {{#{block_id}}} is not valid: use lowercase letters, digits and hyphens")]
    return kind, block_id, []


def finish(reading: Reading, end_line: int) -> tuple[Block, list[Problem]]:
    """The block read, and its problems."""
    if reading.kind == "checklist":
        return _checklist(reading, end_line)
    return _template(reading, end_line)


def _checklist(reading: Reading, end_line: int) -> tuple[Checklist, list[Problem]]:
    problems: list[Problem] = []
    items: list[Item] = []

    def problem(number: int, message: str) -> None:
        problems.append(Problem(reading.path, number, message))

    for number, line in reading.lines:
        if not line.strip():
            continue
        item = ITEM.match(line)
        hint = HINT.match(line)
        if item:
            if item.group("mark") != " ":
                problem(number, "items start unticked: write `- [ ]` (a space between the brackets)")
            body = TRAILING_ID.match(item.group("body"))
            if not body:
                problem(number, "the item has no id: end the line with `{#an-id}`")
                continue
            item_id, text = body.group("id").strip(), body.group("text").strip()
            if not VALID_ID.match(item_id):
                problem(number, f"item id {{#{item_id}}} is not valid: use lowercase letters, digits and hyphens")
            if not text:
                problem(number, f"item {{#{item_id}}} has no text")
            earlier = next((i for i in items if i.id == item_id), None)
            if earlier:
                problem(number, f"item id {{#{item_id}}} is used twice in checklist {{#{reading.id}}} (first on line {earlier.line})")
                continue
            items.append(Item(item_id, text, number))
        elif hint:
            if not items:
                problem(number, "a hint (indented line) must follow an item")
            else:
                previous = items[-1]
                items[-1] = Item(previous.id, previous.text, previous.line, f"{previous.hint} {hint.group('text')}".strip())
        elif opening(line):
            problem(number, f"a block starts inside checklist {{#{reading.id}}} (line {reading.line}): close that one with `:::` first")
        else:
            problem(number, "this line is not a checklist item: write `- [ ] Text {#an-id}`, or indent a hint by four spaces")
    if not items and not problems:
        problem(reading.line, f"checklist {{#{reading.id}}} has no items")
    return Checklist("checklist", reading.id, reading.path, reading.line, end_line, reading.title, tuple(items)), problems


def _template(reading: Reading, end_line: int) -> tuple[Template, list[Problem]]:
    problems: list[Problem] = []
    lines = list(reading.lines)
    while lines and not lines[-1][1].strip():
        lines.pop()
    while lines and not lines[0][1].strip():
        lines.pop(0)
    for number, line in lines:
        if opening(line):
            problems.append(Problem(reading.path, number, f"a block starts inside template {{#{reading.id}}} (line {reading.line}): "
                                                          "close that one with `:::` first"))
        elif line[:1] in (" ", "\t") and line.strip():
            problems.append(Problem(reading.path, number, "template lines start at the margin: remove the indentation "
                                                          "(it would turn the line into code)"))
        elif re.match(r"^(```|~~~|<)", line):
            problems.append(Problem(reading.path, number, "a template line cannot start with ```, ~~~ or <: "
                                                          "Markdown would read it as code or HTML; reword it"))
        unclosed = re.search(r"\[[^\]]*$", line)
        if unclosed and not problems:
            problems.append(Problem(reading.path, number, f"placeholder `{unclosed.group(0)}` is never closed: write it as [Like this]"))
    if not lines:
        problems.append(Problem(reading.path, reading.line, f"template {{#{reading.id}}} has no text"))
    text = "\n".join(line for _, line in lines)
    return Template("template", reading.id, reading.path, reading.line, end_line, reading.title, text), problems


def read_blocks(lines: list[tuple[int, str]], path: str, title_of=lambda number: "") -> tuple[list[Block], list[Problem]]:
    """Every block in ``lines`` ((number, text) already dedented to the blocks' level), and the
    problems. ``title_of(number)`` gives the heading above a line."""
    blocks: list[Block] = []
    problems: list[Problem] = []
    reading: Reading | None = None
    for number, line in lines:
        if reading is None:
            if FENCE.match(line):
                if CLOSING.match(line):
                    problems.append(Problem(path, number, "`:::` closes nothing here: open a block with `::: checklist {#an-id}` "
                                                          "or `::: template {#an-id}`"))
                    continue
                kind, block_id, found = read_opening(line, number, path)
                problems += found
                reading = Reading(kind if kind in KINDS else "checklist", block_id, path, number, title_of(number))
            continue
        if CLOSING.match(line):
            block, found = finish(reading, number)
            blocks.append(block)
            problems += found
            reading = None
        else:
            reading.lines.append((number, line))
    if reading is not None:
        problems.append(Problem(path, reading.line, f"{reading.kind} {{#{reading.id}}} is never closed: "
                                                    "add `:::` on its own line after its last line"))
    return blocks, problems
