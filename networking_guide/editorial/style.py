"""Style rules of a language (``editorial/style/<lang>.yml``): common slips and calques, each a
pattern (case-insensitive unless ``case_sensitive: true``) and the message that says what to
write instead; checked on the prose of every page of
that language, without code, markup or phrases marked as another language."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem


def load(path: Path, shown: str) -> tuple[list[tuple[re.Pattern, str]], list[Problem]]:
    if not path.is_file():
        return [], []
    rules, problems = [], []
    for index, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], start=1):
        try:
            flags = 0 if item.get("case_sensitive") else re.IGNORECASE
            rules.append((re.compile(item["pattern"], flags), str(item["message"])))
        except (KeyError, TypeError, re.error) as error:
            problems.append(Problem(shown, 1, f"rule {index} is not a pattern and a message ({error})"))
    return rules, problems


def problems(source: Source, rules: list[tuple[re.Pattern, str]], language: str) -> list[Problem]:
    found = []
    for number, text in source.prose(language=language):
        for pattern, message in rules:
            for match in pattern.finditer(text):
                found.append(Problem(source.path, number, f"“{match.group(0)}”: {message}"))
    return found
