"""What search engines and link previews read: Open Graph tags per page (in the page's language,
written by ``guide/open-graph.html`` in the head), and ``robots.txt`` pointing at the sitemap.
Material already writes the meta description and the canonical URL; hreflang links come from
``language_links.py``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.languages import settings
from networking_guide.sharing import open_graph, robots_txt


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    lang = engine.current_language(config)
    default = engine.default_language(config)
    context["guide_open_graph"] = open_graph(
        title=page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        url=page.canonical_url or "",
        site_name=config.site_name,
        locale=settings(lang)["open_graph_locale"],
        alternates=[settings(other)["open_graph_locale"] for other in engine.languages(config) if other != lang],
        is_home=page.url == engine.language_prefix(lang, default) + "index.html",
    )
    return context


@event_priority(engine.SEARCH_INDEXES)
def on_post_build(config: MkDocsConfig) -> None:
    if engine.is_outer_build(config):
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
