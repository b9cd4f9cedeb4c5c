"""The allowlist for the HTML of a page, applied with nh3, and the refusals it found.

Contributed Markdown is hostile until checked. Once a page is rendered (Markdown, attr_list,
md_in_html, our extensions), its HTML must fit the allowlist below — what our content needs and
nothing else. nh3 (ammonia, which parses HTML the way browsers do) produces the sanitized HTML,
and the page is published from that output. Anything the sanitizer had to remove is a
*refusal*: the build fails and names the element, attribute or URL, so nothing is stripped
silently.

Refusals are found by comparing the elements and attributes of the input with those of nh3's
output, after both are parsed and their character references decoded.
"""

from __future__ import annotations

import difflib
import html as html_entities
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from networking_guide.sources.problems import Problem

# Elements: what Python-Markdown, its extensions (abbr, admonition, attr_list, def_list,
# footnotes, md_in_html, tables, toc, pymdownx.details/superfences/tasklist) and ours produce.
TEXT_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
    "pre", "code", "hr", "br", "div", "span", "a", "em", "strong", "b", "i", "abbr", "sup", "sub",
    "del", "ins", "mark", "kbd", "small", "s", "img", "details", "summary", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}
# Checklists and message templates: a box, its label, and buttons that do not submit anything.
CONTROL_TAGS = {"input", "label", "button"}
# A small SVG subset for diagrams: shapes, groups, text. No <use>, <image>, <foreignObject>,
# <style>, <script>, <a> or animation.
SVG_TAGS = {"svg", "g", "title", "desc", "path", "circle", "ellipse", "line", "rect", "polyline",
            "polygon", "text", "tspan", "defs", "marker"}
ALLOWED_TAGS = TEXT_TAGS | CONTROL_TAGS | SVG_TAGS

GLOBAL_ATTRIBUTES = {"id", "class", "role", "lang", "title"}
GENERIC_PREFIXES = {"aria-", "data-"}
SVG_PRESENTATION = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray",
                    "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity", "transform",
                    "font-family", "font-size", "font-weight", "font-style", "text-anchor",
                    "dominant-baseline"}
TAG_ATTRIBUTES = {
    "a": {"href", "hreflang", "type"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "details": {"open"},
    "div": {"hidden"},
    "p": {"hidden"},
    "label": {"for"},
    "input": {"checked", "disabled"},
    "svg": {"xmlns", "width", "height", "viewBox", "preserveAspectRatio"} | SVG_PRESENTATION,
    "g": SVG_PRESENTATION,
    "path": {"d"} | SVG_PRESENTATION,
    "circle": {"cx", "cy", "r"} | SVG_PRESENTATION,
    "ellipse": {"cx", "cy", "rx", "ry"} | SVG_PRESENTATION,
    "line": {"x1", "y1", "x2", "y2", "marker-end", "marker-start"} | SVG_PRESENTATION,
    "rect": {"x", "y", "width", "height", "rx", "ry"} | SVG_PRESENTATION,
    "polyline": {"points", "marker-end", "marker-start"} | SVG_PRESENTATION,
    "polygon": {"points"} | SVG_PRESENTATION,
    "text": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "tspan": {"x", "y", "dx", "dy"} | SVG_PRESENTATION,
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"},
}
# Attributes allowed only with these values (nh3 drops any other value).
TAG_ATTRIBUTE_VALUES = {
    "input": {"type": {"checkbox"}},
    "button": {"type": {"button"}},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Classes of the theme's interface (md-…) are refused, but for the theme's button style.
ALLOWED_THEME_CLASSES = {"md-button", "md-button--primary"}
# Ids and data attributes the theme's script reads: content must not impersonate them.
RESERVED_ID = re.compile(r"^__")
RESERVED_DATA = re.compile(r"^data-md-", re.IGNORECASE)

SVG_NAMES = {name.lower(): name for names in TAG_ATTRIBUTES.values() for name in names}


@dataclass(frozen=True)
class Refusal:
    """One thing the allowlist refused: an element, an attribute, or a URL in an attribute."""

    kind: str  # "element", "attribute" or "url"
    element: str
    name: str = ""  # the attribute, for "attribute" and "url"
    value: str = ""  # the URL, for "url"; the value, for a refused id or class

    @property
    def needle(self) -> str:
        """What to look for in the Markdown source to find where this came from."""
        if self.kind == "element":
            return f"<{self.element}"
        if self.kind == "url":
            return self.value
        return self.name

    def __str__(self) -> str:
        if self.kind == "element":
            return f"<{self.element}> is not allowed in pages: {ELEMENT_FIXES.get(self.element, DEFAULT_ELEMENT_FIX)}"
        if self.kind == "url":
            where = f"<{self.element} {self.name}>"
            if self.element == "img":
                return f"image address {self.value!r} in {where} is not allowed: images must be files of the site, linked by a relative path"
            return f"URL {self.value!r} in {where} is not allowed: links may be relative, https:, http: or mailto:"
        if self.name == "class":
            return f"class {self.value!r} on <{self.element}> belongs to the theme's interface: use a class of our own (ng-…) defined in guide.css"
        if self.name == "id":
            return f"id {self.value!r} on <{self.element}> is reserved by the theme: choose another id"
        if self.name.lower().startswith("on"):
            return f"event attribute {self.name}= on <{self.element}> is not allowed: pages cannot run script"
        if self.name.lower() == "style":
            return f"style= on <{self.element}> is not allowed: use a class defined in guide.css"
        if RESERVED_DATA.match(self.name):
            return f"attribute {self.name}= on <{self.element}> is reserved by the theme: remove it"
        allowed = TAG_ATTRIBUTE_VALUES.get(self.element, {}).get(self.name)
        if allowed:
            only = " or ".join(f'{value}' for value in sorted(allowed))
            return f"{self.name}={self.value!r} on <{self.element}> is not allowed: only {self.name}={only!r} is"
        shown = f"{self.name}={self.value!r}" if self.value else f"{self.name}="
        return f"attribute {shown} on <{self.element}> is not allowed: remove it (allowed everywhere: id, class, role, lang, title, aria-*, data-*)"


DEFAULT_ELEMENT_FIX = "remove it, or write it as Markdown"
ELEMENT_FIXES = {
    "script": "pages cannot run script; remove it (show code in a fenced code block)",
    "style": "pages cannot restyle the site; use a class defined in guide.css",
    "iframe": "pages cannot embed other pages; link to it instead",
    "object": "pages cannot embed objects; link to the file instead",
    "embed": "pages cannot embed objects; link to the file instead",
    "form": "pages cannot send forms; remove it",
    "base": "pages cannot change where their links point; remove it",
    "meta": "pages cannot carry metadata tags (a refresh would send readers elsewhere); put title and description in the front matter",
    "link": "pages cannot load stylesheets or other files; remove it",
}


def _check_attribute(element: str, attribute: str, value: str, refused: list[Refusal]) -> str | None:
    """nh3's attribute filter: the rules a plain allowlist cannot express."""
    if element == "img" and attribute == "src":
        parts = urlsplit(value.strip())
        if parts.scheme or value.strip().startswith(("//", "\\")):
            refused.append(Refusal("url", element, attribute, value))
            return None
    if attribute == "class":
        theme = [name for name in value.split() if name.startswith("md-") and name not in ALLOWED_THEME_CLASSES]
        for name in theme:
            refused.append(Refusal("attribute", element, "class", name))
        if theme:
            return None
    if attribute == "id" and RESERVED_ID.match(value):
        refused.append(Refusal("attribute", element, "id", value))
        return None
    if RESERVED_DATA.match(attribute):
        refused.append(Refusal("attribute", element, attribute))
        return None
    return value


def sanitize(html: str) -> tuple[str, list[Refusal]]:
    """The sanitized HTML, and every refusal (empty when ``html`` fits the allowlist)."""
    filtered: list[Refusal] = []
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes={"*": GLOBAL_ATTRIBUTES, **TAG_ATTRIBUTES},
        attribute_filter=lambda element, attribute, value: _check_attribute(element, attribute, value, filtered),
        generic_attribute_prefixes=GENERIC_PREFIXES,
        tag_attribute_values=TAG_ATTRIBUTE_VALUES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # The filter knows why it dropped an attribute: its refusal replaces the bare difference.
    explained = {(refusal.element, refusal.name) for refusal in filtered}
    found = [r for r in _differences(_elements(html), _elements(clean)) if (r.element, r.name) not in explained]
    return clean, _unique(found + filtered)


def _unique(refusals: list[Refusal]) -> list[Refusal]:
    return list(dict.fromkeys(refusals))


def check_page(html: str, source: str, path: str) -> tuple[str, list[Problem]]:
    """A page's sanitized HTML, and a located problem for each refusal. ``source`` is the page's
    Markdown file as written (front matter included), ``path`` its name in messages."""
    clean, refusals = sanitize(html)
    problems = []
    for refusal in refusals:
        line = source_line(source, refusal)
        note = "" if line else " (not written as such in the source: look for what produces it)"
        problems.append(Problem(path, line or 1, f"{refusal}{note}"))
    return clean, problems


# Finding what was removed --------------------------------------------------------------------


class _Elements(HTMLParser):
    """Start tags with their attributes, character references decoded, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {SVG_NAMES.get(name, name): value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def _differences(before, after) -> list[Refusal]:
    """What the sanitizer removed: elements of ``before`` missing from ``after``, and attributes
    that were dropped or changed on the elements kept. (Elements the parser added, such as an
    implied ``<tbody>``, are not refusals.)"""
    refusals: list[Refusal] = []
    matcher = difflib.SequenceMatcher(a=[tag for tag, _ in before], b=[tag for tag, _ in after], autojunk=False)
    for operation, a_start, a_end, b_start, _ in matcher.get_opcodes():
        if operation in ("delete", "replace"):
            refusals += [Refusal("element", tag) for tag, _ in before[a_start:a_end]]
        elif operation == "equal":
            for offset in range(a_end - a_start):
                tag, original = before[a_start + offset]
                kept = after[b_start + offset][1]
                for name, value in original.items():
                    if name in kept and kept[name] == value:
                        continue
                    if name in kept or _allowed(tag, name):
                        kind = "url" if name in ("href", "src") else "attribute"
                        refusals.append(Refusal(kind, tag, name, value))
                    else:
                        refusals.append(Refusal("attribute", tag, name, "" if name.lower().startswith("on") else value[:40]))
    return _unique(refusals)


def _allowed(tag: str, attribute: str) -> bool:
    return (attribute in GLOBAL_ATTRIBUTES or attribute in TAG_ATTRIBUTES.get(tag, ())
            or attribute in TAG_ATTRIBUTE_VALUES.get(tag, {})
            or any(attribute.startswith(prefix) for prefix in GENERIC_PREFIXES))


# Finding where a refusal came from -------------------------------------------------------------

# What browsers ignore inside a URL, and so may hide a scheme.
_URL_NOISE = re.compile(r"[\x00-\x20]")


def source_line(source: str, refusal: Refusal) -> int | None:
    """The first line of the Markdown source that produces ``refusal``, or None when the refused
    markup is not written there as such (it was produced from something else)."""
    if refusal.kind == "element":
        pattern = re.compile(rf"<\s*{re.escape(refusal.element)}(?![\w-])", re.IGNORECASE)
    elif refusal.kind == "url":
        wanted = _URL_NOISE.sub("", refusal.value).lower()
        for number, line in enumerate(source.splitlines(), start=1):
            if wanted and wanted in _URL_NOISE.sub("", html_entities.unescape(line)).lower():
                return number
        return None
    elif refusal.name in ("class", "id"):
        pattern = re.compile(rf"(?<![\w-]){re.escape(refusal.value)}(?![\w-])")
    else:
        pattern = re.compile(rf"(?<![\w-]){re.escape(refusal.name)}\s*=", re.IGNORECASE)
    for number, line in enumerate(source.splitlines(), start=1):
        if pattern.search(html_entities.unescape(line)):
            return number
    return None
