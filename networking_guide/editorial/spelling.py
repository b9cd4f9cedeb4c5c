"""Spelling of the guide's pages in each language, with Hunspell and the project's word lists.

The dictionary of each language is named in the language table (``data/languages.yml``); names,
loanwords and terms the dictionaries lack are listed, one per line, in ``spelling/<lang>.txt``.
Only what a reader sees is checked: title and description, then prose as the source reader finds
it (``Source.prose``): no code, link targets, ids or HTML.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from networking_guide.languages import Language
from networking_guide.sources.markdown import Source, foreign_phrases
from networking_guide.sources.problems import Problem

WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


def word_list(root: Path, lang: str) -> Path:
    return root / "spelling" / f"{lang}.txt"


def _unknown(text: str, hunspell: str, personal: Path | None) -> set[str]:
    """The words of ``text`` Hunspell's ``hunspell`` dictionary (and the word list) lacks."""
    command = ["hunspell", "-d", hunspell, "-l"]
    if personal and personal.is_file():  # one word a line; hunspell reads it as a personal dictionary
        command += ["-p", str(personal)]
    result = subprocess.run(command, input=text.replace("’", "'"), capture_output=True, text=True, check=True)
    # Some dictionaries (French) count a final full stop as part of the word: "vizite."
    return {word.strip(".,;:!?…-") for word in result.stdout.split() if word.strip(".,;:!?…-")}


def _found(source: Source, lines: list[tuple[int, str]], unknown: set[str]) -> list[Problem]:
    found = []
    for number, line in lines:
        for word in WORD.findall(line.replace("’", "'")):
            parts = [word, *re.split(r"['-]", word)]
            bad = next((part for part in parts if part in unknown), None)
            if bad:
                found.append(Problem(source.path, number, bad))
    return found


def misspellings(sources: list[Source], language: Language, root: Path,
                 others: dict[str, Language] | None = None) -> list[Problem]:
    """Words of these pages (all of one language) that neither the dictionary nor the project's
    word list knows. Hunspell runs once for all of them. Phrases marked as another language
    (``*Give and Take*{lang=en}``) are checked in that language's dictionary when the guide has
    it (``others``), and left alone otherwise (a Chinese or Russian term in Latin letters)."""
    if shutil.which("hunspell") is None:
        raise RuntimeError("hunspell is not installed (Debian: apt-get install hunspell and the dictionaries; see README)")
    # Elided words before an apostrophe (l’événement, dell’evento): the dictionaries know the
    # word after the apostrophe, not the pair, so the elided part is dropped.
    elided = language.elisions
    apostrophe = re.compile(rf"\b(?:{'|'.join(elided)})['’]", re.IGNORECASE) if elided else None
    pages = [(source, [(number, apostrophe.sub("", line) if apostrophe else line)
                       for number, line in source.prose(language=language.code)])
             for source in sources]
    unknown = _unknown("\n".join(line for _, lines in pages for _, line in lines), language.hunspell,
                       word_list(root, language.code))
    found = [problem for source, lines in pages for problem in _found(source, lines, unknown)]
    for code, other in (others or {}).items():
        if code == language.code:
            continue
        marked = [(source, [(number, phrase) for number, line in source.text_lines()
                            for phrase in foreign_phrases(line, code)]) for source in sources]
        phrases = "\n".join(phrase for _, lines in marked for _, phrase in lines)
        if phrases.strip():
            unknown = _unknown(phrases, other.hunspell, word_list(root, code))
            found += [problem for source, lines in marked for problem in _found(source, lines, unknown)]
    return sorted(found, key=lambda problem: (problem.path, problem.line))
