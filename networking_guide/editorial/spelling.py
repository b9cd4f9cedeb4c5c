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
from networking_guide.sources.markdown import Source
from networking_guide.sources.problems import Problem

WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


def word_list(root: Path, lang: str) -> Path:
    return root / "spelling" / f"{lang}.txt"


def misspellings(sources: list[Source], language: Language, root: Path) -> list[Problem]:
    """Words of these pages (all of one language) that neither the dictionary nor the project's
    word list knows. Hunspell runs once for all of them."""
    if shutil.which("hunspell") is None:
        raise RuntimeError("hunspell is not installed (Debian: apt-get install hunspell and the dictionaries; see README)")
    # Elided words before an apostrophe (l’événement, dell’evento): the dictionaries know the
    # word after the apostrophe, not the pair, so the elided part is dropped.
    elided = language.elisions
    apostrophe = re.compile(rf"\b(?:{'|'.join(elided)})['’]", re.IGNORECASE) if elided else None
    pages = [(source, [(number, apostrophe.sub("", line) if apostrophe else line) for number, line in source.prose()])
             for source in sources]
    text = "\n".join(line for _, lines in pages for _, line in lines)
    command = ["hunspell", "-d", language.hunspell, "-l"]
    personal = word_list(root, language.code)  # one word a line; hunspell reads it as a personal dictionary
    if personal.is_file():
        command += ["-p", str(personal)]
    result = subprocess.run(command, input=text.replace("’", "'"), capture_output=True, text=True, check=True)
    # Some dictionaries (French) count a final full stop as part of the word: "vizite."
    unknown = {word.strip(".,;:!?…-") for word in result.stdout.split() if word.strip(".,;:!?…-")}
    found = []
    for source, lines in pages:
        for number, line in lines:
            for word in WORD.findall(line.replace("’", "'")):
                parts = [word, *re.split(r"['-]", word)]
                bad = next((part for part in parts if part in unknown), None)
                if bad:
                    found.append(Problem(source.path, number, bad))
    return found
