"""What search engines and link previews read: Open Graph tags per page, and robots.txt.

Material already writes the page's meta description (from its front matter) and its canonical
URL; hreflang links come from ``language_links.py``. This hook adds Open Graph tags in the
page's language, and writes ``robots.txt`` pointing at the sitemap.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import i18n_build

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "it": "it_IT"}


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = i18n_build.current_language(config)
    tags = open_graph_tags(
        title=page.title or config.site_name,
        description=page.meta.get("description") or config.site_description or "",
        url=page.canonical_url or "",
        site_name=config.site_name,
        locale=OG_LOCALES.get(lang, lang),
        alternates=[OG_LOCALES.get(other, other) for other in i18n_build.languages(config) if other != lang],
        is_home=page.url == i18n_build.language_prefix(lang, i18n_build.default_language(config)) + "index.html",
    )
    return output.replace("</head>", tags + "</head>", 1)


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if i18n_build.is_outer_build(config):
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")


def open_graph_tags(*, title, description, url, site_name, locale, alternates, is_home) -> str:
    properties = [("og:type", "website" if is_home else "article"), ("og:title", title),
                  ("og:description", description), ("og:url", url), ("og:site_name", site_name),
                  ("og:locale", locale)] + [("og:locale:alternate", other) for other in alternates]
    return "".join(f'<meta property="{name}" content="{escape(value, quote=True)}">\n' for name, value in properties if value)


def robots_txt(site_url: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"
