"""Every file under ``docs/`` is checked before anything is built, copied or written.

Glue for ``networking_guide.checks``: links, file types, encodings, front matter, pages outside
a language folder or without their English page, checklist and template blocks (within pages
and across languages). Every problem is reported at once as ``file:line: message``, and the
build stops with the previous site untouched.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from networking_guide import engine
from networking_guide.checks import build_problems
from networking_guide.sources.problems import report


@event_priority(engine.FIRST)
def on_pre_build(config: MkDocsConfig) -> None:
    if not engine.is_outer_build(config):
        return
    docs = Path(config.docs_dir)
    _, problems = build_problems(docs, engine.languages(config), engine.default_language(config), docs.parent)
    if problems:
        raise PluginError(report(problems, "problem(s) in the pages"))
