"""Language links: the switcher lands on the same page, and heads carry absolute hreflang links.

mkdocs-static-i18n gives each page its alternates (the same page in the other languages) but
leaves the home page's switcher on root-absolute links (``/fr/``), which break when the site is
opened from the file system or served below a sub-path, and writes relative ``hreflang`` links
with no ``x-default``. This hook

- points every switcher entry at the same page in the other language, as a site-relative path
  that Material turns into a page-relative link;
- replaces the ``<link rel="alternate" hreflang>`` tags in the head with absolute URLs built
  from ``site_url``, plus ``x-default`` for the default language;
- adds the same ``x-default`` to every URL of the sitemap.
"""

from __future__ import annotations

import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

import i18n_build

# Material's own hreflang links (feeds have a type attribute and no hreflang: they are kept).
MATERIAL_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')

# The i18n plugin's switcher entries, restored once a page is rendered.
_plugin_alternates: list[dict] = []


# Hooks ---------------------------------------------------------------------------------------


@event_priority(-50)  # after the i18n plugin has set this page's switcher (priority 50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Kept for the pages that are not Markdown pages (404.html): the plugin's root-absolute
    # links are right there, as a 404 page is served at any depth.
    _plugin_alternates[:] = config.extra["alternate"]
    urls = page_urls_by_language(page, config)
    names = i18n_build.language_names(config)
    config.extra["alternate"] = [
        {"name": names[lang], "lang": lang, "link": url} for lang, url in urls.items()
    ]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    config.extra["alternate"] = list(_plugin_alternates)
    urls = page_urls_by_language(page, config)
    links = hreflang_links(urls, config.site_url or "", i18n_build.default_language(config))
    return replace_alternate_links(output, links)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "sitemap.xml":
        return output
    return sitemap_with_x_default(output, i18n_build.default_language(config))


# Glue helpers --------------------------------------------------------------------------------


def page_urls_by_language(page: Page, config: MkDocsConfig) -> dict[str, str]:
    """Site-relative URL of this page in every built language, in the configured order.

    A page missing in a language is built there from the default language's file (fallback),
    so every language has an entry.
    """
    alternates = getattr(page.file, "alternates", {}) or {}
    urls = {}
    for lang in i18n_build.languages(config):
        file = alternates.get(lang)
        if file is None:
            raise ValueError(f"{page.file.src_uri}: no page for language {lang!r}")
        urls[lang] = file.url
    return urls


# Pure functions ------------------------------------------------------------------------------


def absolute_url(site_url: str, url: str) -> str:
    """Join a site-relative URL to the site's absolute URL, as MkDocs builds canonical URLs."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if url in ("", "./") else base + url.lstrip("/")


def hreflang_links(urls: dict[str, str], site_url: str, default: str) -> str:
    """``<link rel="alternate">`` tags for every language, and ``x-default`` for the default."""
    entries = list(urls.items()) + [("x-default", urls[default])]
    return "".join(
        f'<link rel="alternate" hreflang="{escape(lang)}" href="{escape(absolute_url(site_url, url))}">\n'
        for lang, url in entries
    )


def sitemap_with_x_default(xml: str, default: str) -> str:
    """The plugin's sitemap with an ``x-default`` alternate (the default language's page) for
    every URL, as in the page heads."""
    link = re.compile(rf'(?P<indent>[ \t]*)<xhtml:link rel="alternate" hreflang="{re.escape(default)}" href="(?P<href>[^"]*)"/>\n?')

    def add(match: re.Match) -> str:
        original = match.group(0) if match.group(0).endswith("\n") else match.group(0) + "\n"
        return original + f'{match.group("indent")}<xhtml:link rel="alternate" hreflang="x-default" href="{match.group("href")}"/>\n'

    return link.sub(add, xml)


def replace_alternate_links(html: str, links: str) -> str:
    """Put ``links`` where Material wrote its hreflang links (or before ``</head>``)."""
    head_end = html.find("</head>")
    head, rest = (html[:head_end], html[head_end:]) if head_end != -1 else (html, "")
    matches = list(MATERIAL_ALTERNATE_LINK.finditer(head))  # the head only: pages are long
    if not matches:
        return head + links + rest
    start, end = matches[0].start(), matches[-1].end()
    kept = MATERIAL_ALTERNATE_LINK.sub("", head[start:end])
    return head[:start] + links + kept + head[end:] + rest
