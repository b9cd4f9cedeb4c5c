"""Every assumption the guide makes about its engine: MkDocs, Material for MkDocs, mkdocs-static-i18n.

The guide's logic lives in this package and in Python-Markdown extensions; the files in
``hooks/`` are thin glue. What those parts need to know about the engine — its private
attributes, the order of its events, the markup of its theme — is written here and nowhere
else, so that moving to another engine (ProperDocs, Zensical, …) is a change of this module and
of the glue, not of the logic. Each assumption that can break is checked where it is used, and
a broken one fails the build with its name and the installed versions (``AssumptionBroken``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import meta as _mkdocs_meta

from networking_guide import html as html_tools

# MkDocs -------------------------------------------------------------------------------------

# How MkDocs finds a page's YAML front matter (mkdocs.utils.meta): the same pattern, so that
# our checks read exactly what the build reads.
FRONT_MATTER = _mkdocs_meta.YAML_RE


class BuildFailure(PluginError):
    """A failure the guide's logic reports: MkDocs prints its message (no traceback) and stops."""


def logger(name: str) -> logging.Logger:
    """A logger whose messages MkDocs shows (and counts, in strict mode, from WARNING up)."""
    return logging.getLogger(f"mkdocs.guide.{name}")


class AssumptionBroken(BuildFailure):
    """The engine no longer behaves as this module says; the message names the assumption."""

    def __init__(self, assumption: str, detail: str):
        super().__init__(f"engine assumption broken: {assumption}: {detail} (installed: {installed_versions()}); "
                         "update networking_guide/engine.py and what depends on it")


@lru_cache(maxsize=None)
def installed_versions() -> str:
    found = []
    for package in ("mkdocs", "properdocs", "mkdocs-material", "mkdocs-static-i18n", "markdown", "pymdown-extensions"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


# The order of events. MkDocs runs each event's handlers from the highest priority to the lowest
# (default 0). mkdocs-static-i18n runs at -100 for on_config, on_files, on_nav, on_post_page
# and on_post_build, and at 50 for on_page_markdown, on_page_context and on_template_context.
I18N_PRIORITY = -100
I18N_PAGE_PRIORITY = 50
FIRST = 100  # before any plugin
BEFORE_OUR_MARKUP = 90  # our checks of a page's content, before our hooks add markup to it
AFTER_I18N_PAGE = -50  # after the i18n plugin has set a page's language switcher / alternates
AFTER_SEARCH_PLUGIN = -50  # on_post_build, after Material's search plugin has written its index
AFTER_I18N = -150  # after the i18n plugin has localized the nav (on_nav)
LANGUAGE_BUILT = 0  # on_post_build of each language's build, before the i18n plugin's
# on_post_build, outer build, after the i18n plugin has built every other language:
AFTER_ALL_LANGUAGES = -110  # checks over all languages, before anything is written from them
SEARCH_INDEXES = -200  # one search index per language
INSTALLABLE = -220  # the app manifests and the service worker, listing the finished pages
EXPORTS = -250  # PDF, EPUB, cards
OFFLINE_COPY = -300  # the zip of the whole site
AFTER_EVERYTHING = -1000  # putting the finished site in place


class WarningCounter(logging.Handler):
    """Counts the warnings MkDocs logs, as its strict mode does (it aborts after on_post_build)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def start(self) -> None:
        self.count = 0
        logging.getLogger("mkdocs").addHandler(self)

    def stop(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


# mkdocs-static-i18n ---------------------------------------------------------------------------
#
# It builds the default language, then calls MkDocs' build again for every other language from
# its own on_post_build, on the same config: every event but on_startup/on_shutdown runs once per
# language. Its `building` attribute (private, no API) is True during those inner builds, and its
# `current_language` says which language is being built.


def i18n_plugin(config):
    try:
        return config.plugins["i18n"]
    except KeyError:
        raise AssumptionBroken("the i18n plugin is configured", "mkdocs.yml lists no `i18n` plugin") from None


def is_outer_build(config) -> bool:
    """True outside the inner builds of the other languages: in on_config/on_pre_build, the start
    of a whole-site build; in an on_post_build below I18N_PRIORITY, its end."""
    plugin = i18n_plugin(config)
    if not hasattr(plugin, "building"):
        raise AssumptionBroken("mkdocs-static-i18n marks its inner builds with `building`", "the attribute is gone")
    return not plugin.building


def current_language(config) -> str:
    """Locale of the language being built (the default one before the plugin has started)."""
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language


def default_language(config) -> str:
    return i18n_plugin(config).default_language


def languages(config) -> list[str]:
    """Locales that are built, default language first."""
    return list(i18n_plugin(config).build_languages)


def language_names(config) -> dict[str, str]:
    """Locale -> the language's own name, as the language switcher shows it."""
    return {lang.locale: lang.name for lang in i18n_plugin(config).config.languages}


def nav_pages(nav) -> list[tuple[str, str]]:
    """(page URL, top-level section title) of every page of MkDocs' navigation, in order."""
    from mkdocs.structure.nav import Section
    from mkdocs.structure.pages import Page

    found: list[tuple[str, str]] = []

    def walk(items, section: str) -> None:
        for item in items:
            if isinstance(item, Section):
                walk(item.children, section or item.title)
            elif isinstance(item, Page):
                found.append((item.url, section))

    walk(nav.items, "")
    return found


def language_prefix(lang: str, default: str) -> str:
    """URL folder of a language relative to the site root: '' for the default, 'fr/' otherwise
    (mkdocs-static-i18n's folder structure)."""
    return "" if lang == default else f"{lang}/"


def page_urls_by_language(page, config) -> dict[str, str]:
    """Site-relative URL of this page in every built language, in the configured order (a page
    missing in a language is built there from the default language's file, so every language
    has one: mkdocs-static-i18n with fallback_to_default)."""
    alternates = page_alternates(page)
    urls = {}
    for lang in languages(config):
        file = alternates.get(lang)
        if file is None:
            raise AssumptionBroken("mkdocs-static-i18n gives every page an alternate in every language",
                                   f"{page.file.src_uri} has none in {lang!r}")
        urls[lang] = file.url
    return urls


def page_alternates(page) -> dict:
    """The same page in each language (i18n's File.alternates): locale -> File."""
    return getattr(page.file, "alternates", None) or {}


def file_locale(file, default: str) -> str:
    """The language of a docs file as mkdocs-static-i18n sees it."""
    return getattr(file, "locale", default)


def page_file_locale(page, default: str) -> str:
    """The language of the file a page was built from (a missing translation falls back to the
    default language's file, whose locale this is)."""
    return getattr(page.file, "locale", default)


# Material for MkDocs ------------------------------------------------------------------------

# Material's partials that hold inline scripts. Our overrides/ replace each with a script file
# of the same code (assets/javascripts/theme-*.js), so that the Content-Security-Policy allows
# scripts from the site only, with no hash. The hash is of Material's file as we copied it: when
# Material changes the partial, the build stops until the copy is compared and updated.
REPLACED_THEME_PARTIALS = {
    "partials/javascripts/base.html": "overrides/assets/javascripts/theme-scope.js",
    "partials/javascripts/content.html": "overrides/assets/javascripts/theme-content.js",
    "partials/javascripts/palette.html": "overrides/assets/javascripts/theme-palette.js",
}
REPLACED_THEME_PARTIAL_HASHES = {
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/javascripts/content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
}


def add_theme_templates(config, folder: Path) -> None:
    """Let the theme find our templates after its own and the project's overrides/ (MkDocs'
    Theme keeps its template folders in ``dirs``, searched in order)."""
    dirs = getattr(config.theme, "dirs", None)
    if not isinstance(dirs, list):
        raise AssumptionBroken("MkDocs' Theme lists its template folders in `dirs`", "the attribute is gone")
    if str(folder) not in dirs:
        dirs.append(str(folder))


_environments: dict[tuple, object] = {}


def theme_environment(config):
    """The theme's Jinja environment (overrides/, then Material, then ours), made once per set of
    template folders; it does not autoescape, so our templates escape every value themselves."""
    key = (id(config.theme), tuple(config.theme.dirs))
    if key not in _environments:
        _environments.clear()
        _environments[key] = config.theme.get_env()
    return _environments[key]


def material_search_index(site_dir: str) -> Path:
    """Where Material's search plugin writes the index of the build in progress."""
    return Path(site_dir) / "search" / "search_index.json"


def read_search_index(config) -> dict:
    path = material_search_index(config.site_dir)
    if not path.is_file():
        raise AssumptionBroken("Material's search plugin writes search/search_index.json", f"{path} is missing")
    return json.loads(path.read_text(encoding="utf-8"))


THEME_SEARCH_WORKERS = "assets/javascripts/workers"


def localize_palette_toggles(config, names: dict[str, str]) -> None:
    """Name Material's light/dark toggles in the language being built: ``names`` maps a scheme
    (``default``, ``slate``) to the label of the toggle that switches *to the other* scheme."""
    palette = config.theme.get("palette")
    if not isinstance(palette, list):
        raise AssumptionBroken("theme.palette is a list of schemes with toggles (mkdocs.yml)", repr(palette))
    for option in palette:
        if isinstance(option.get("toggle"), dict):
            option["toggle"]["name"] = names[option.get("scheme", "default")]


def theme_search_worker(site_dir: str | Path) -> str:
    """The file name of Material's search worker in the built site (its name carries a hash)."""
    found = sorted((Path(site_dir) / THEME_SEARCH_WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise AssumptionBroken(f"Material ships one search worker, {THEME_SEARCH_WORKERS}/search.<hash>.min.js",
                               f"found {[path.name for path in found]}")
    return found[0].name


def use_search_worker(data: dict, name: str) -> dict:
    """Material's page configuration with its search worker replaced by ``name`` (same folder)."""
    if not str(data.get("search", "")).endswith(".min.js"):
        raise AssumptionBroken("Material's page configuration names its search worker under 'search'", repr(data.get("search")))
    return dict(data, search=posixpath.join(posixpath.dirname(data["search"]), name))


def lunr_language(config, lang: str) -> str:
    """The lunr language of a locale: the locale itself where Material ships its stemmer (en, fr,
    it and most others), else what Material's own translations say."""
    stemmer = f"assets/javascripts/lunr/min/lunr.{lang}.min.js"
    if lang == "en" or any((Path(folder) / stemmer).is_file() for folder in config.theme.dirs):
        return lang
    template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
    return template.module.t("search.config.lang")


def offline_plugin_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


CONFIG_SCRIPT = '<script id="__config" type="application/json">'


def change_theme_config(html: str, change) -> str:
    """A page with ``change(data)`` applied to Material's configuration: the JSON its scripts
    read (base URL, where the search index and result links are; features; translations).
    Content is sanitized, so the theme's tag is the only script of that id on a page."""
    if html.count(CONFIG_SCRIPT) != 1:
        raise AssumptionBroken(f"Material writes one {CONFIG_SCRIPT} per page", f"found {html.count(CONFIG_SCRIPT)}")
    start = html.index(CONFIG_SCRIPT) + len(CONFIG_SCRIPT)
    end = html.index("</script>", start)
    data = json.loads(html[start:end])
    return html[:start] + json.dumps(change(data), ensure_ascii=False) + html[end:]


def name_search_dialog(html: str, label: str) -> str:
    """Material's search overlay is a dialog without a name (axe: aria-dialog-name): give it one."""
    found = html_tools.first_start_tag(html, lambda tag, a: tag == "div" and a.get("data-md-component") == "search"
                                       and a.get("role") == "dialog")
    if found is None:
        raise AssumptionBroken('Material\'s search is a <div data-md-component="search" role="dialog">', "not found")
    tag, attributes, offset, written = found
    named = html_tools.start_tag(tag, [*attributes.items(), ("aria-label", label)])
    return html[:offset] + named + html[offset + len(written):]


def replace_hreflang_links(html: str, links: str, expected: int) -> str:
    """Put ``links`` where Material wrote its ``<link rel="alternate" hreflang>`` tags (one per
    language, relative URLs, no x-default) in the page's head."""
    head_end = html.find("</head>")
    head = html[:head_end]
    found = html_tools.elements(head, lambda tag, a: tag == "link" and a.get("rel") == "alternate" and "hreflang" in a)
    if len(found) != expected:
        raise AssumptionBroken("Material writes one <link rel=alternate hreflang> per language in the head",
                               f"found {len(found)}, expected {expected}")
    first = found[0]
    replaced = html_tools.replace_elements(head, found, lambda element: links if element is first else "")
    return replaced + html[head_end:]


def cache_compiled_templates(env, folder: Path) -> None:
    """Keep the theme's compiled templates in ``folder`` (Jinja's bytecode cache, keyed by each
    template's name and source: a changed template is compiled again)."""
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def material_templates() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def check_replaced_partials() -> None:
    """Fail when a Material partial we replace is no longer the one we copied."""
    for partial, expected in REPLACED_THEME_PARTIAL_HASHES.items():
        path = material_templates() / partial
        actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if actual != expected:
            raise AssumptionBroken(
                f"Material's {partial} is the one overrides/{partial} replaces",
                f"it changed (sha256 {actual[:12]}…); compare it with {REPLACED_THEME_PARTIALS[partial]} and "
                f"update the copy and REPLACED_THEME_PARTIAL_HASHES")
