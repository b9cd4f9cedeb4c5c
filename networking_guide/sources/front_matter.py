"""Front matter, read by MkDocs' own rules, and checked as plain text.

MkDocs reads a page as UTF-8 (a byte-order mark is dropped), with any line endings, and takes
the YAML block between a first ``---`` line and a closing ``---`` or ``...`` line. Where MkDocs
would silently ignore a broken block (and publish it as text), we report it. Values are text:
the theme prints ``title`` and ``description`` into the page without escaping them, so they may
hold no markup characters; a key written twice is an error (YAML would keep the last one).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import yaml

from networking_guide import engine
from networking_guide.sources.problems import Problem

REQUIRED = ("title", "description")
HASH = re.compile(r"^[0-9a-f]{16}$")
# Characters that would be markup where the theme prints a value raw.
MARKUP = re.compile(r'[<>&"`]')
# Direction overrides hide what text really says (as in "Trojan Source").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _text(value) -> bool:
    return isinstance(value, str)


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


# Keys a page may set, and what each must be. Anything else is refused: the theme reads some
# keys (template, hide, icon, status, …) to change how a page is built.
KEYS = {
    "title": (_text, "one line of text"),
    "description": (_text, "one or two sentences of text"),
    "aliases": (_texts, "a list of other labels that links to this page may use"),
    "keywords": (_texts, "a list of words and phrases readers may search for"),
    "source_hash": (lambda v: isinstance(v, str) and bool(HASH.match(v)), "the 16-character hash written by `guide mark-current`"),
    "translation_pending": (lambda v: isinstance(v, str) and bool(HASH.match(v)), "the 16-character hash written by `guide acknowledge`"),
    "search": (lambda v: isinstance(v, dict) and set(v) <= {"boost", "exclude"} and isinstance(v.get("boost", 1), (int, float))
               and not isinstance(v.get("boost", 1), bool) and isinstance(v.get("exclude", False), bool),
               "`boost: <number>` (how much this page counts in search results) or `exclude: true`"),
}


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    body_line: int = 1  # the file line where the Markdown body starts


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader, refusing a mapping key written twice."""


def _mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key `{key}` is written twice (first on line {seen[key] + 2})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def page_text(data: bytes) -> str:
    """A page's text as MkDocs reads it: UTF-8 without a byte-order mark, ``\\n`` line endings.
    Raises UnicodeDecodeError as MkDocs would."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def read(text: str, path: str) -> tuple[FrontMatter, list[Problem]]:
    """The front matter of a page's text (as returned by ``page_text``), and its problems."""
    match = engine.FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            return FrontMatter(), [Problem(path, 1, "the front matter is never closed: add a line with --- after its last key")]
        return FrontMatter(), [Problem(path, 1, "no front matter: start the page with ---, then title: …, description: …, then ---")]
    body_line = text[: match.end()].count("\n") + 1
    try:
        data = yaml.load(match.group(1), Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening ---, +1 as lines count from 1
        reason = getattr(error, "problem", None) or str(error)
        hint = "" if "written twice" in reason else "; quote a value that holds a colon"
        return FrontMatter(body_line=body_line), [Problem(path, line, f"front matter is not valid YAML ({reason}){hint}")]
    if not isinstance(data, dict):
        return FrontMatter(body_line=body_line), [Problem(path, 2, "front matter must be `key: value` lines (title, description)")]
    return FrontMatter(data, body_line), _check_values(data, match.group(1), path)


def _key_line(block: str, key: str) -> int:
    for number, line in enumerate(block.splitlines(), start=2):
        if re.match(rf"{re.escape(str(key))}\s*:", line):
            return number
    return 1


def _check_values(data: dict, block: str, path: str) -> list[Problem]:
    problems = []
    for key in REQUIRED:
        if key not in data:
            problems.append(Problem(path, 1, f"front matter has no `{key}`"))
    for key, value in data.items():
        line = _key_line(block, key)
        if key not in KEYS:
            problems.append(Problem(path, line, f"front matter key `{key}` is not one the guide uses ({', '.join(KEYS)}): remove it"))
            continue
        valid, expected = KEYS[key]
        if not valid(value):
            problems.append(Problem(path, line, f"`{key}` must be {expected}"))
            continue
        for text in [value] if isinstance(value, str) else value if isinstance(value, list) else []:
            problems += [Problem(path, line, f"`{key}`: {reason}") for reason in text_problems(text, key in REQUIRED)]
    return problems


def text_problems(text: str, required: bool) -> list[str]:
    """Why a front matter value is not plain text, after YAML decoding (escapes included)."""
    reasons = []
    if required and not text.strip():
        reasons.append("is empty")
    markup = sorted(set(MARKUP.findall(text)))
    if markup:
        shown = " ".join(markup)
        reasons.append(f"holds {shown}: values are plain text, shown as written (quote with “ ” or « », write “and” for &)")
    controls = [c for c in text if unicodedata.category(c) == "Cc" or BIDI_CONTROLS.match(c)]
    if controls:
        shown = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(controls))
        reasons.append(f"holds control characters ({shown}): write it on one line, as plain text")
    return reasons
