"""Rendering checklists (hooks/checklists.py) and the checklists of the real site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from checklist_syntax import parse_checklists
from checklists import check_docs, render_checklist
from interface_text import all_interface_text, interface_text
from conftest import LANGUAGE_PREFIX, LANGUAGES, REPO

SOURCE = """## Before you go

::: checklist {#trip}
- [ ] Pack **cards** & a pen {#cards}
    A small case keeps them clean.
- [ ] Sleep <well> {#rest}
:::
"""


def rendered_html(lang="en"):
    (checklist,), _ = parse_checklists(SOURCE, "p.md")
    block = render_checklist(checklist, interface_text(lang))
    # The page's own Markdown pass, as MkDocs runs it.
    return markdown.markdown(block, extensions=["md_in_html", "attr_list"])


class Boxes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs, self.labels, self.buttons = [], {}, []
        self._label = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input":
            self.inputs.append(attrs)
        if tag == "label":
            self._label = attrs["for"]
            self.labels[self._label] = ""
        if tag == "button":
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data


def test_each_item_is_a_real_checkbox_with_its_own_label():
    boxes = Boxes()
    boxes.feed(rendered_html())
    assert [b["type"] for b in boxes.inputs] == ["checkbox", "checkbox"]
    assert [b["data-item"] for b in boxes.inputs] == ["cards", "rest"]
    assert boxes.labels == {"ng-trip--cards": "Pack cards & a pen", "ng-trip--rest": "Sleep <well>"}
    assert all(b["id"] in boxes.labels for b in boxes.inputs)
    assert [b["type"] for b in boxes.buttons] == ["button", "button"]


def test_item_text_keeps_markdown_and_escapes_html():
    html = rendered_html()
    assert "<strong>cards</strong>" in html
    assert "&lt;well&gt;" in html and "<well>" not in html


def test_a_hint_describes_its_checkbox():
    html = rendered_html()
    assert 'aria-describedby="ng-trip--cards-hint"' in html
    assert re.search(r'id="ng-trip--cards-hint"[^>]*>A small case keeps them clean.<', html)
    # No hint, no dangling reference.
    assert 'aria-describedby="ng-trip--rest-hint"' not in html


def test_the_checklist_is_named_by_its_heading_and_carries_its_id():
    html = rendered_html()
    assert 'data-checklist="trip"' in html and 'role="group"' in html
    assert 'aria-label="Before you go"' in html


@pytest.mark.parametrize(
    ("lang", "progress", "reset"),
    [("en", "{done} of {total} done", "Untick all"),
     ("fr", "{done} cases cochées sur {total}", "Tout décocher"),
     ("it", "{done} voci spuntate su {total}", "Togli tutte le spunte")],
)
def test_controls_are_in_the_pages_language(lang, progress, reset):
    html = rendered_html(lang)
    assert f'data-progress-other="{progress}"' in html
    assert f">{reset}</button>" in html


def test_no_inline_script_or_handler_in_a_checklist():
    html = rendered_html()
    assert "<script" not in html and not re.search(r"\son\w+=", html)


def test_interface_text_has_the_same_keys_in_every_language():
    keys = set(interface_text("en"))
    for lang in LANGUAGES:
        assert set(all_interface_text()[lang]) == keys


# The real site --------------------------------------------------------------------------------


def test_the_guides_checklists_have_no_problem():
    assert check_docs(REPO / "docs", list(LANGUAGES), "en") == []


def source_checklists(lang):
    found = {}
    for path in sorted((REPO / "docs" / lang).rglob("*.md")):
        for checklist in parse_checklists(path.read_text(encoding="utf-8"), str(path))[0]:
            found[checklist.id] = (path.relative_to(REPO / "docs" / lang).as_posix(), checklist.item_ids)
    return found


def test_the_guide_has_the_five_checklist_topics():
    pages = {page for page, _ in source_checklists("en").values()}
    assert pages == {f"checklists/{name}.md" for name in
                     ("before-the-event", "at-the-event", "after-the-event", "organizing-an-event", "online-presence")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_pages_render_every_item_as_a_checkbox(built_site, lang):
    for checklist_id, (page, item_ids) in source_checklists(lang).items():
        html = built_site.read(LANGUAGE_PREFIX[lang] + page.replace(".md", ".html"))
        block = html[html.index(f'data-checklist="{checklist_id}"'):]
        block = block[: block.index("</ul>")]
        assert re.findall(r'data-item="([^"]+)"', block) == item_ids
        assert "::: checklist" not in html and "{#" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_checklist_index_links_to_every_checklist_page(built_site, lang):
    html = built_site.read(LANGUAGE_PREFIX[lang] + "checklists/index.html")
    article = html[html.index('<article'):html.index('</article>')]
    for page, _ in source_checklists(lang).values():
        assert f'href="{page.split("/")[1].replace(".md", ".html")}"' in article, page
