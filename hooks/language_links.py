"""Language links: the switcher lands on the same page, and heads carry absolute hreflang links.

mkdocs-static-i18n gives each page its alternates (the same page in the other languages) but
leaves the home page's switcher on root-absolute links (``/fr/``), which break when the site is
opened from the file system or served below a sub-path, and writes relative ``hreflang`` links
with no ``x-default``. This hook points every switcher entry at the same page in the other
language (site-relative: Material makes it page-relative), replaces the head's ``hreflang``
links with absolute URLs from ``site_url`` plus ``x-default`` (``guide/head-links.html``), and
adds the same ``x-default`` to every URL of the sitemap.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from networking_guide import engine
from networking_guide.i18n_links import absolute_url, sitemap_with_x_default

# The i18n plugin's switcher entries, restored once a page is rendered.
_plugin_alternates: list[dict] = []


@event_priority(engine.AFTER_I18N_PAGE)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Kept for the pages that are not Markdown pages (404.html): the plugin's root-absolute
    # links are right there, as a 404 page is served at any depth.
    _plugin_alternates[:] = config.extra["alternate"]
    names = engine.language_names(config)
    config.extra["alternate"] = [{"name": names[lang], "lang": lang, "link": url}
                                 for lang, url in engine.page_urls_by_language(page, config).items()]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    config.extra["alternate"] = list(_plugin_alternates)
    urls = engine.page_urls_by_language(page, config)
    default = engine.default_language(config)
    links = [{"lang": lang, "href": absolute_url(config.site_url or "", url)}
             for lang, url in [*urls.items(), ("x-default", urls[default])]]
    rendered = engine.theme_environment(config).get_template("guide/head-links.html").render(links=links)
    return engine.replace_hreflang_links(output, rendered, expected=len(urls))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "sitemap.xml":
        return output
    return sitemap_with_x_default(output, engine.default_language(config))
