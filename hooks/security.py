"""Pages cannot run script or reach another host: the sanitizer, the last check, the policy.

Glue for ``networking_guide.security``. Each page's rendered HTML is sanitized before our hooks
add their markup (the page is published from the sanitizer's output); every refusal is
collected with the page and line it came from, and once a language is built the build fails
with all of that language's, before the next language is built or anything is exported (the staged site is then discarded). Every
finished page, theme and navigation included, is read once more for script, event attributes and
script URLs. The Content-Security-Policy is written by ``overrides/main.html``.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.security import page_output, policy, sanitizer
from networking_guide.sources.problems import Problem, report

_problems: list[Problem] = []


def on_pre_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        _problems.clear()
        engine.check_replaced_partials()


def on_env(env, config: MkDocsConfig, files):
    env.globals["guide_content_security_policy"] = policy.POLICY
    return env


@event_priority(engine.BEFORE_OUR_MARKUP)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    clean, problems = sanitizer.check_page(html, page.file.content_string, _shown(page, config))
    _problems.extend(problems)
    return clean


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    for problem in page_output.page_problems(output):
        _problems.append(Problem(_shown(page, config), 1,
                                 f"the built page {page.file.dest_uri}: {problem} — not from the page's text, which was "
                                 "sanitized: look at its front matter and headings, then at our hooks and overrides/"))
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        _problems.extend(Problem(f"overrides/{template_name}", 1, f"the built {template_name}: {problem}")
                         for problem in page_output.page_problems(output))
    return output


@event_priority(engine.LANGUAGE_BUILT)
def on_post_build(config: MkDocsConfig) -> None:
    # At the end of each language's build: before the i18n plugin builds the next language, and
    # before MkDocs' strict mode counts the warnings that a refused link may also have caused.
    if _problems:
        raise PluginError(report(sorted(set(_problems)), "problem(s) of safety in the pages; nothing was published"))


def _shown(page: Page, config: MkDocsConfig) -> str:
    path = page.file.abs_src_path
    return os.path.relpath(path, Path(config.docs_dir).parent) if path else page.file.src_uri
