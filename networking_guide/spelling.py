"""Spelling of the guide's Markdown in each language, with Hunspell and the project's word lists.

Hunspell's dictionaries come from Debian (``hunspell-en-us``, ``hunspell-fr``, ``hunspell-it``);
names, loanwords and terms of the guide that they lack are listed, one per line, in
``spelling/<lang>.txt``. Only prose is checked: front matter values, headings and text, not code,
link targets, ids or HTML.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from source_text import CODE_FENCE, Problem  # in hooks/, made importable by networking_guide/__init__.py

DICTIONARIES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT"}
# Elided words before an apostrophe (l’événement, dell’evento): the dictionaries know the word
# after the apostrophe, not the pair, so the elided part is checked on its own terms: dropped.
ELISIONS = {
    "fr": "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu",
    "it": "l d un all dall dell nell sull coll quell quest bell sant cos com mezz anch dev c m t s v po",
    "en": "",
}
WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")


def prose_lines(text: str) -> list[tuple[int, str]]:
    """(line number, checkable text) for every line of a Markdown page."""
    result = []
    in_code = False
    in_svg = False
    lines = text.splitlines()
    front_end = lines.index("---", 1) if lines and lines[0] == "---" and "---" in lines[1:] else -1
    for number, line in enumerate(lines, start=1):
        if number - 1 <= front_end:
            match = re.match(r"^(title|description):\s*(.*)$", line)
            if match:
                result.append((number, match.group(2).strip("\"'")))
            continue
        if CODE_FENCE.match(line):
            in_code = not in_code
            continue
        if "<svg" in line:
            in_svg = True
        if in_code:
            continue
        if in_svg:
            # Only the words a reader sees in a diagram: its title and text elements.
            visible = " ".join(re.findall(r">([^<>]+)<", line)) + " " + " ".join(re.findall(r'aria-label="([^"]*)"', line))
            result.append((number, visible))
            if "</svg>" in line:
                in_svg = False
            continue
        line = re.sub(r"`[^`]*`", " ", line)
        line = re.sub(r"\]\([^)]*\)", "]", line)  # link targets
        line = re.sub(r"\{[#:.][^}]*\}", " ", line)  # ids and attribute lists
        line = re.sub(r"<[^>]+>", " ", line)
        line = re.sub(r"https?://\S+", " ", line)
        line = re.sub(r'^(\s*)(?:!!!|\?\?\?\+?)\s*[\w-]+', r"\1", line)  # admonition markers
        line = re.sub(r"^:::.*$", " ", line)
        result.append((number, line))
    return result


def word_list(root: Path, lang: str) -> Path:
    return root / "spelling" / f"{lang}.txt"


def misspellings(path: Path, lang: str, root: Path, shown: str | None = None) -> list[Problem]:
    """Words of ``path`` that neither the dictionary nor the project's word list knows."""
    if shutil.which("hunspell") is None:
        raise RuntimeError("hunspell is not installed (Debian: apt-get install hunspell hunspell-en-us hunspell-fr hunspell-it)")
    elided = ELISIONS[lang].split()
    apostrophe = re.compile(rf"\b(?:{'|'.join(elided)})['’]", re.IGNORECASE) if elided else None
    lines = [(number, apostrophe.sub("", line) if apostrophe else line)
             for number, line in prose_lines(path.read_text(encoding="utf-8"))]
    text = "\n".join(line for _, line in lines)
    command = ["hunspell", "-d", DICTIONARIES[lang], "-l"]
    personal = word_list(root, lang)  # one word a line; hunspell reads it as a personal dictionary
    if personal.is_file():
        command += ["-p", str(personal)]
    result = subprocess.run(command, input=text.replace("’", "'"), capture_output=True, text=True, check=True)
    # Some dictionaries (French) count a final full stop as part of the word: "vizite."
    unknown = {word.strip(".,;:!?…-") for word in result.stdout.split() if word.strip(".,;:!?…-")}
    found = []
    for number, line in lines:
        for word in WORD.findall(line.replace("’", "'")):
            parts = [word, *re.split(r"['-]", word)]
            bad = next((part for part in parts if part in unknown), None)
            if bad:
                found.append(Problem(shown or str(path), number, bad))
    return found
