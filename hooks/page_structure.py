"""The structure a translation must share with its English page, and the differences, by line.

A translation is free in its words, not in its skeleton: the same headings (number and levels),
the same custom anchors (``{#id}``), the same internal links (targets and anchors), the same
images and the same checklists. Readers switch languages mid-page, and links into a page must
land in every language. Pure functions over Markdown text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from checklist_syntax import parse_checklists
from source_text import Problem, lines_outside_code
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
ANCHOR = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
LINK = re.compile(r"(!?)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass
class Structure:
    headings: list[tuple[int, int]] = field(default_factory=list)  # (level, line)
    anchors: dict[str, int] = field(default_factory=dict)  # custom id -> line
    links: list[tuple[str, int]] = field(default_factory=list)  # (internal target, line)
    images: list[tuple[str, int]] = field(default_factory=list)  # (source, line)
    checklists: dict[str, tuple[list[str], int]] = field(default_factory=dict)  # id -> (item ids, line)


def is_internal(target: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith("//")


def structure_of(text: str, path: str = "") -> Structure:
    found = Structure()
    lines = text.splitlines()
    skip = 0  # front matter lines
    if lines and lines[0] == "---" and "---" in lines[1:]:
        skip = lines.index("---", 1) + 1
    for number, line in lines_outside_code(text):
        if number <= skip:
            continue
        heading = HEADING.match(line)
        if heading:
            found.headings.append((len(heading.group(1)), number))
            anchor = ANCHOR.search(heading.group(2))
            if anchor:
                found.anchors[anchor.group(1)] = number
        for image, target in LINK.findall(re.sub(r"`[^`]*`", "", line)):
            if image:
                found.images.append((target, number))
            elif is_internal(target):
                found.links.append((target, number))
    for checklist in parse_checklists(text, path)[0]:
        found.checklists[checklist.id] = (sorted(checklist.item_ids), checklist.line)
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
    return sorted(problems, key=lambda p: p.line)
