"""Interactive checklists: ``::: checklist`` blocks become accessible, saved checkboxes.

Before anything is written, every language's pages are read and their checklists checked
(syntax, ids, the same items in every language); any problem stops the build with the list of
``file:line: message``. Each page's blocks are then rendered through
``templates/checklist.html``; ``overrides/assets/javascripts/checklists.js`` saves ticks in the
browser by checklist and item id. The syntax itself lives in ``checklist_syntax.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import i18n_build
from checklist_syntax import Checklist, PageChecklists, check_across_pages, parse_checklists, replace_blocks
from html_templates import render
from interface_text import interface_text

MARKER = "::: checklist"


# Hooks ---------------------------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    # Once per site build, before the site folder is touched: a bad block loses nothing.
    if i18n_build.is_outer_build(config):
        problems = check_docs(Path(config.docs_dir), i18n_build.languages(config),
                              i18n_build.default_language(config))
        if problems:
            raise PluginError(f"{len(problems)} checklist problem(s):\n" + "\n".join(map(str, problems)))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    # MkDocs hands over the page without its front matter: count lines from the file's top.
    first_line = len(page.file.content_string.splitlines()) - len(markdown.splitlines()) + 1
    shown = os.path.relpath(page.file.abs_src_path, Path(config.docs_dir).parent)
    checklists, problems = parse_checklists(markdown, shown, first_line)
    if problems:  # only reachable when a file changed after on_pre_build (live reload)
        raise PluginError("\n".join(map(str, problems)))
    text = interface_text(i18n_build.current_language(config))
    return replace_blocks(markdown, checklists, lambda checklist: render_checklist(checklist, text), first_line)


# Checking the sources ------------------------------------------------------------------------


def check_docs(docs_dir: Path, languages: list[str], default: str):
    """Every checklist problem in ``docs_dir/<lang>/**/*.md``, paths relative to the project."""
    pages_by_language: dict[str, dict[str, PageChecklists]] = {}
    problems = []
    for lang in languages:
        folder = docs_dir / lang
        pages_by_language[lang] = {}
        for path in sorted(folder.rglob("*.md")):
            shown = os.path.relpath(path, docs_dir.parent)
            text = path.read_text(encoding="utf-8")
            checklists, found = parse_checklists(text, shown)
            problems += found
            pages_by_language[lang][path.relative_to(folder).as_posix()] = PageChecklists(shown, tuple(checklists))
    problems += check_across_pages(pages_by_language, default)
    return sorted(problems, key=lambda problem: (problem.path, problem.line))


# Rendering -----------------------------------------------------------------------------------


def render_checklist(checklist: Checklist, text: dict[str, str]) -> str:
    return render("checklist.html", checklist=checklist, text=text)
