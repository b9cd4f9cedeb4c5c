"""The structure a translation must share with its English page, and the differences, by line.

A translation is free in its words, not in its skeleton: the same headings (number and levels),
the same custom anchors (``{#id}``), the same internal links (targets and anchors, as many
times), the same images, the same checklists (with the same item ids) and templates. Readers
switch languages mid-page, and links into a page must land in every language.

Content only some readers need goes into a ``!!! local "…"`` admonition (or ``??? local``): its
lines are left out of the comparison, so a language may add local examples, institutions and
links without a counterpart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from networking_guide.blocks.scan import blocks_in
from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

LOCAL = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+local\b")


@dataclass
class Structure:
    headings: list[tuple[int, int]] = field(default_factory=list)  # (level, line)
    anchors: dict[str, int] = field(default_factory=dict)  # custom id -> line
    links: list[tuple[str, int]] = field(default_factory=list)  # (internal target, line)
    images: list[tuple[str, int]] = field(default_factory=list)  # (source, line)
    checklists: dict[str, tuple[list[str], int]] = field(default_factory=dict)  # id -> (item ids, line)
    templates: dict[str, int] = field(default_factory=dict)  # id -> line


def local_lines(source: Source) -> set[int]:
    """Lines of ``!!! local`` admonitions: the head and its indented content."""
    found: set[int] = set()
    body = source.body()
    index = 0
    while index < len(body):
        number, line = body[index]
        match = LOCAL.match(line) if number not in source.code_lines else None
        if not match:
            index += 1
            continue
        indent = len(match.group("indent").expandtabs(4))
        found.add(number)
        index += 1
        while index < len(body):
            inner_number, inner = body[index]
            if inner.strip() and len(inner.expandtabs(4)) - len(inner.expandtabs(4).lstrip()) <= indent:
                break
            found.add(inner_number)
            index += 1
    return found


def structure_of(source: Source) -> Structure:
    found = Structure()
    local = local_lines(source)
    for heading in source.headings:
        if heading.line in local:
            continue
        found.headings.append((heading.level, heading.line))
        if heading.id:
            found.anchors[heading.id] = heading.line
    for link in source.links:
        if link.line in local:
            continue
        if link.image:
            found.images.append((link.target, link.line))
        elif link.internal:
            found.links.append((link.target, link.line))
    for block in blocks_in(source)[0]:
        if block.line in local:
            continue
        if block.kind == "checklist":
            found.checklists[block.id] = (sorted(block.item_ids), block.line)
        else:
            found.templates[block.id] = block.line
    return found


def compare(source: Structure, translation: Structure, source_path: str, translation_path: str) -> list[Problem]:
    """Every difference of ``translation`` from ``source``, located in the translation."""
    problems: list[Problem] = []

    def problem(line: int, message: str) -> None:
        problems.append(Problem(translation_path, line, message))

    for index, (levels, there) in enumerate(zip(source.headings, translation.headings), start=1):
        if levels[0] != there[0]:
            problem(there[1], f"heading {index} is level {there[0]} here but level {levels[0]} in {source_path}:{levels[1]}")
            break
    if len(source.headings) != len(translation.headings):
        last = translation.headings[-1][1] if translation.headings else 1
        problem(last, f"{len(translation.headings)} headings here, {len(source.headings)} in {source_path}")

    for anchor, line in source.anchors.items():
        if anchor not in translation.anchors:
            problem(1, f"anchor {{#{anchor}}} of {source_path}:{line} is missing")
    for anchor, line in translation.anchors.items():
        if anchor not in source.anchors:
            problem(line, f"anchor {{#{anchor}}} is not in {source_path}")

    for kind, theirs, ours in (("link to", source.links, translation.links), ("image", source.images, translation.images)):
        wanted, have = Counter(t for t, _ in theirs), Counter(t for t, _ in ours)
        for target, line in theirs:
            if have[target] < wanted[target]:
                problem(1, f"{kind} {target} of {source_path}:{line} is missing")
                have[target] = wanted[target]
        for target, line in ours:
            if wanted[target] < have[target]:
                problem(line, f"{kind} {target} is not in {source_path}")
                wanted[target] = have[target]

    for checklist_id, (items, line) in source.checklists.items():
        if checklist_id not in translation.checklists:
            problem(1, f"checklist {{#{checklist_id}}} of {source_path}:{line} is missing")
        elif translation.checklists[checklist_id][0] != items:
            problem(translation.checklists[checklist_id][1], f"checklist {{#{checklist_id}}} has other item ids than {source_path}:{line}")
    for template_id, line in source.templates.items():
        if template_id not in translation.templates:
            problem(1, f"template {{#{template_id}}} of {source_path}:{line} is missing")
    for template_id, line in translation.templates.items():
        if template_id not in source.templates:
            problem(line, f"template {{#{template_id}}} is not in {source_path}")
    return sorted(problems, key=lambda p: p.line)
