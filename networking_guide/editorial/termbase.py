"""The termbase of each language (``editorial/termbase/<lang>.yml``): one entry per concept,
with the preferred term, the forms it may take, the variants to avoid and the glossary entry
that defines it. Two checks come from it: every variant to avoid is reported where it is used,
with the preferred term; and the glossary and the termbase agree (each glossary entry is a
termbase term, under the same id)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

FIELDS = {"term", "forms", "avoid", "glossary", "note"}


@dataclass(frozen=True)
class Entry:
    term: str
    forms: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    glossary: str = ""
    note: str = ""

    @property
    def allowed(self) -> tuple[str, ...]:
        return (self.term, *self.forms)


@dataclass
class Termbase:
    path: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def by_glossary_id(self) -> dict[str, Entry]:
        return {entry.glossary: entry for entry in self.entries if entry.glossary}


def normalize(text: str) -> str:
    """Text compared as a reader reads it: typographic apostrophes and spaces made plain, case folded."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split()).casefold()


def load(path: Path, shown: str) -> Termbase:
    """A termbase, with a problem for every malformed entry."""
    termbase = Termbase(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        termbase.problems.append(Problem(shown, 1, f"cannot be read as YAML: {error}"))
        return termbase
    if not isinstance(data, list):
        termbase.problems.append(Problem(shown, 1, "must be a list of entries (- term: …)"))
        return termbase
    seen: dict[str, int] = {}
    for index, item in enumerate(data, start=1):
        where = f"entry {index}"
        if not isinstance(item, dict) or not isinstance(item.get("term"), str) or not item["term"].strip():
            termbase.problems.append(Problem(shown, 1, f"{where} has no `term`"))
            continue
        unknown = set(item) - FIELDS
        if unknown:
            termbase.problems.append(Problem(shown, 1, f"{where} ({item['term']}): unknown field(s) {', '.join(sorted(unknown))}"))
        lists = {}
        for key in ("forms", "avoid"):
            value = item.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                termbase.problems.append(Problem(shown, 1, f"{where} ({item['term']}): `{key}` must be a list of words or phrases"))
                value = []
            lists[key] = tuple(value)
        entry = Entry(item["term"], lists["forms"], lists["avoid"], str(item.get("glossary") or ""), str(item.get("note") or ""))
        if entry.glossary and entry.glossary in seen:
            termbase.problems.append(Problem(shown, 1, f"{where} ({entry.term}): glossary id {entry.glossary} already used by entry {seen[entry.glossary]}"))
        seen.setdefault(entry.glossary, index)
        clash = {normalize(v) for v in entry.avoid} & {normalize(v) for v in entry.allowed}
        if clash:
            termbase.problems.append(Problem(shown, 1, f"{where} ({entry.term}): {', '.join(sorted(clash))} is both allowed and to avoid"))
        termbase.entries.append(entry)
    return termbase


@lru_cache(maxsize=None)
def _pattern(variant: str) -> re.Pattern:
    words = [re.escape(word) for word in normalize(variant).split(" ")]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])")


def avoided(termbase: Termbase, source: Source, language: str) -> list[Problem]:
    """Every variant to avoid in a page's prose (title and description included), with the term to use."""
    problems = []
    lines = [(number, normalize(text)) for number, text in source.prose(language=language)]
    for entry in termbase.entries:
        for variant in entry.avoid:
            pattern = _pattern(variant)
            for number, text in lines:
                if pattern.search(text):
                    problems.append(Problem(source.path, number, f"“{variant}” is a variant to avoid: write “{entry.term}” "
                                                                 f"(editorial/termbase)"))
    return problems


def glossary_problems(termbase: Termbase, glossary: Source, shown_termbase: str) -> list[Problem]:
    """The glossary and the termbase agree: each entry of the glossary (a heading with an id) is
    the term of the termbase entry with that glossary id, and each such termbase entry has its
    glossary entry."""
    problems = []
    by_id = termbase.by_glossary_id()
    headings = {heading.id: heading for heading in glossary.headings if heading.id}
    for heading_id, heading in headings.items():
        entry = by_id.get(heading_id)
        if entry is None:
            problems.append(Problem(glossary.path, heading.line, f"glossary entry {{#{heading_id}}} ({heading.text}) has no termbase entry: "
                                                                  f"add one with `glossary: {heading_id}` to {shown_termbase}"))
        elif normalize(heading.text) not in {normalize(form) for form in entry.allowed}:
            problems.append(Problem(glossary.path, heading.line, f"glossary entry “{heading.text}” is not the termbase's term "
                                                                  f"“{entry.term}” for {{#{heading_id}}}"))
    for glossary_id, entry in by_id.items():
        if glossary_id not in headings:
            problems.append(Problem(shown_termbase, 1, f"termbase entry “{entry.term}” names glossary id {glossary_id}, "
                                                       f"which {glossary.path} does not have"))
    return problems
