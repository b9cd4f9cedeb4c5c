"""Contributed Markdown must be readable, well-formed and safe before anything is built.

Once per site build, before the site folder is touched, every file under ``docs/`` is checked:

- it lives in a language folder of the site (``docs/de/`` is a mistake, not a new language);
- it is UTF-8;
- its front matter is valid YAML, a mapping, with a ``title`` and a ``description``;
- it holds no raw HTML that could run code or restyle the site: ``<script>``, ``<style>``,
  ``<iframe>``, ``<object>``, ``<embed>``, ``on…=`` event attributes, ``javascript:`` URLs.
  (Code blocks and inline code may show them: they are text there.)

Every problem is reported at once as ``file:line: message``, and the build stops.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import i18n_build
from source_text import Problem, lines_outside_code

UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed")
UNSAFE_TAG = re.compile(r"<\s*(" + "|".join(UNSAFE_TAGS) + r")\b", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.DOTALL)
JAVASCRIPT_URL = re.compile(r"(?:\]\(\s*<?|=\s*[\"']?|<)\s*(javascript\s*:)", re.IGNORECASE)
REQUIRED_KEYS = ("title", "description")
# libyaml's loader when PyYAML has it (its wheels do): the same results, several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Hook ----------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n_build.is_outer_build(config):
        return
    docs = Path(config.docs_dir)
    problems = check_sources(docs, i18n_build.languages(config), docs.parent)
    if problems:
        raise PluginError(f"{len(problems)} problem(s) in the pages:\n" + "\n".join(map(str, problems)))


# Checks ----------------------------------------------------------------------------------------


def check_sources(docs: Path, languages: list[str], shown_from: Path) -> list[Problem]:
    problems = []
    for entry in sorted(docs.iterdir()):
        if entry.name not in languages and not entry.name.startswith("."):
            problems.append(Problem(os.path.relpath(entry, shown_from), 1,
                                    f"not a language folder of the site ({', '.join(languages)}): move it under docs/<language>/"))
    for lang in languages:
        for path in sorted((docs / lang).rglob("*.md")):
            shown = os.path.relpath(path, shown_from)
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                line = data[: error.start].count(b"\n") + 1
                problems.append(Problem(shown, line, f"not UTF-8 (byte {data[error.start]:#04x}): save the file as UTF-8"))
                continue
            problems += front_matter_problems(text, shown) + unsafe_html_problems(text, shown)
    return problems


def front_matter_problems(text: str, path: str) -> list[Problem]:
    if not text.startswith("---\n"):
        return [Problem(path, 1, "no front matter: start the page with ---, title: …, description: …, ---")]
    end = text.find("\n---\n", 3)
    if end == -1:
        return [Problem(path, 1, "the front matter is never closed: add a line with --- after it")]
    try:
        data = yaml.load(text[4:end + 1], Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the opening ---, +1 as lines count from 1
        reason = getattr(error, "problem", None) or str(error)
        return [Problem(path, line, f"front matter is not valid YAML ({reason}); quote a value that holds a colon")]
    if not isinstance(data, dict):
        return [Problem(path, 2, "front matter must be `key: value` lines (title, description)")]
    return [Problem(path, 1, f"front matter has no `{key}`") for key in REQUIRED_KEYS
            if not isinstance(data.get(key), str) or not data[key].strip()]


def unsafe_html_problems(text: str, path: str) -> list[Problem]:
    """Raw HTML that could run code or restyle the site, outside code blocks and inline code."""
    problems = []
    for number, line in lines_outside_code(text):
        line = re.sub(r"`[^`]*`", "", line)
        for match in UNSAFE_TAG.finditer(line):
            problems.append(Problem(path, number, f"raw <{match.group(1).lower()}> is not allowed in pages"))
        for match in EVENT_ATTRIBUTE.finditer(line):
            problems.append(Problem(path, number, f"event attribute {match.group(1)}= is not allowed in pages"))
        if JAVASCRIPT_URL.search(line):
            problems.append(Problem(path, number, "javascript: URLs are not allowed in pages"))
    return problems
