"""House conventions that apply to the prose of every page of a language: the English spelling
convention (British, -ise), and curly quotation marks (no straight ones in prose)."""

from __future__ import annotations

import re

from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

# British -ise: organise, recognise, realise, analyse… and their forms. Words whose only
# spelling ends so (size, prize, seize, capsize…) are left alone; so are the names and titles in
# editorial/spelling-exceptions.txt (an American journal's name stays as it is).
IZE = re.compile(r"\b[A-Za-z]+(?:iz|yz)(?:e|es|ed|ing|er|ers|ation|ations|able)\b")
ONLY_SPELLING = re.compile(r"(?:size|prize|seize|maize|baize)(?:s|d|r|rs)?$|(?:siz|priz|seiz)ing$", re.IGNORECASE)
STRAIGHT_QUOTES = re.compile(r"[\"']")


def british(word: str) -> str:
    return re.sub(r"yz(?=e|ing|er|able)", "ys", re.sub(r"iz(?=e|ing|ation|able)", "is", word))


def english_spelling(source: Source, exceptions: set[str] = frozenset()) -> list[Problem]:
    """-ize spellings where the guide writes -ise (organize -> organise; analyze -> analyse)."""
    found = []
    for number, text in source.prose(language="en"):
        for phrase in exceptions:
            text = text.replace(phrase, " ")
        for match in IZE.finditer(text):
            word = match.group(0)
            if not ONLY_SPELLING.search(word):
                found.append(Problem(source.path, number, f"“{word}”: the guide spells -ise (British): write “{british(word)}”"))
    return found


def straight_quotes(source: Source, language: str) -> list[Problem]:
    """Straight quotation marks and apostrophes in prose (typographic ones are the guide's)."""
    found = []
    for number, text in source.prose(language=language):
        if STRAIGHT_QUOTES.search(text):
            snippet = text.strip()[:60]
            found.append(Problem(source.path, number, f"straight quote in “{snippet}”: use ’ and “ ” (or « »)"))
    return found
