"""Checklist and template blocks (networking_guide/blocks): reading them, checking them within a
page and across languages, and rendering them wherever Markdown blocks nest. No build here."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from helpers import DOCS, languages, page_text, render
from networking_guide.blocks.extension import BlockSyntaxError, BlocksExtension
from networking_guide.blocks.scan import PageBlocks, blocks_in, check_across_pages
from networking_guide.checks import build_problems
from networking_guide.languages import settings
from networking_guide.sources.markdown import read_text

GOLDEN = Path(__file__).resolve().parent / "golden" / "blocks"


def read(text, path="docs/en/page.md"):
    """Blocks and problem messages of a page whose body is ``text`` (its line 1 is file line 1)."""
    source = read_text("---\ntitle: T\ndescription: D\n---\n" + textwrap.dedent(text).lstrip("\n"), path)
    blocks, problems = blocks_in(source)
    return blocks, [re.sub(r":(\d+):", lambda m: f":{int(m.group(1)) - 4}:", str(p), count=1) for p in problems]


VALID = """
    # Before the event

    Some text.

    ## Prepare

    ::: checklist {#before}
    - [ ] Check the **programme** {#programme}
        Who speaks, and when.
        A second hint line.
    - [ ] Sleep well {#rest}

    - [ ] Charge your phone {#phone}
    :::

    After.
"""


def test_a_valid_checklist_gives_its_items_ids_hints_title_and_lines():
    (checklist,), problems = read(VALID)
    assert problems == []
    assert (checklist.kind, checklist.id, checklist.title) == ("checklist", "before", "Prepare")
    assert (checklist.line - 4, checklist.end_line - 4) == (7, 14)
    assert checklist.item_ids == ["programme", "rest", "phone"]
    assert checklist.items[0].text == "Check the **programme**"
    assert checklist.items[0].hint == "Who speaks, and when. A second hint line."
    assert checklist.items[1].hint == ""


def test_a_template_keeps_its_text_and_finds_its_placeholders():
    (template,), problems = read("""
        ### Thanks after a meeting

        ::: template {#thanks}
        Subject: Thank you, [Name]

        Dear [Name],

        It was good to meet you at [event].
        :::
    """)
    assert problems == []
    assert template.title == "Thanks after a meeting"
    assert template.text == "Subject: Thank you, [Name]\n\nDear [Name],\n\nIt was good to meet you at [event]."
    assert template.placeholders == ["[Name]", "[Name]", "[event]"]


def test_blocks_nest_in_admonitions_details_and_lists():
    blocks, problems = read("""
        !!! tip "Try"
            ::: checklist {#in-admonition}
            - [ ] A {#a}
            :::

        ??? note "More"
            ::: template {#in-details}
            Hello [Name],

            Bye.
            :::

        - An item

            ::: checklist {#in-list}
            - [ ] B {#b}
            :::
    """)
    assert problems == []
    assert [(b.kind, b.id) for b in blocks] == [("checklist", "in-admonition"), ("template", "in-details"), ("checklist", "in-list")]
    assert blocks[1].text == "Hello [Name],\n\nBye."


def test_blocks_in_code_are_examples():
    assert read("""
        ```markdown
        ::: checklist {#example}
        - [ ] Shown, not rendered
        :::
        ```

        Text.

            ::: checklist {#indented-code}
    """) == ([], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::: checklist\n- [ ] A {#a}\n:::", "docs/en/page.md:1: the checklist has no id"),
        ("::: checklist {#Bad_Id}\n- [ ] A {#a}\n:::", "docs/en/page.md:1: checklist id {#Bad_Id} is not valid"),
        ("::: checklist {#c}\n- [ ] A {#a}\n", "docs/en/page.md:1: checklist {#c} is never closed"),
        ("::: checklist {#c}\n:::", "docs/en/page.md:1: checklist {#c} has no items"),
        ("::: checklist {#c}\n- [ ] A\n:::", "docs/en/page.md:2: the item has no id"),
        ("::: checklist {#c}\n- [ ] A {#a}\n- [ ] B {#a}\n:::", "docs/en/page.md:3: item id {#a} is used twice in checklist {#c} (first on line 6)"),
        ("::: checklist {#c}\n- [ ]  {#a}\n:::", "docs/en/page.md:2: item {#a} has no text"),
        ("::: checklist {#c}\n- [ ] A {#A b}\n:::", "docs/en/page.md:2: item id {#A b} is not valid"),
        ("::: checklist {#c}\n- [x] A {#a}\n:::", "docs/en/page.md:2: items start unticked"),
        ("::: checklist {#c}\nA loose sentence.\n- [ ] A {#a}\n:::", "docs/en/page.md:2: this line is not a checklist item"),
        ("::: checklist {#c}\n    A hint first\n- [ ] A {#a}\n:::", "docs/en/page.md:2: a hint (indented line) must follow an item"),
        ("::: checklist {#c}\n- [ ] A {#a}\n::: template {#d}\n:::", "docs/en/page.md:3: a block starts inside checklist {#c} (line 5)"),
        ("::: checklst {#c}\n- [ ] A {#a}\n:::", "docs/en/page.md:1: `::: checklst {#c}` is not a block the guide knows"),
        (":::\n", "docs/en/page.md:1: `:::` closes nothing here"),
        ("::: template {#t}\n:::", "docs/en/page.md:1: template {#t} has no text"),
        ("::: template\nHi\n:::", "docs/en/page.md:1: the template has no id"),
        ("::: template {#t}\nDear [Name,\n:::", "docs/en/page.md:2: placeholder `[Name,` is never closed"),
        ("::: template {#t}\nHi\n    indented\n:::", "docs/en/page.md:3: template lines start at the margin"),
        ("::: template {#t}\n<b>Hi</b>\n:::", "docs/en/page.md:2: a template line cannot start with ```, ~~~ or <"),
        ("!!! note\n    ::: checklist {#c}\n    - [ ] A\n    :::", "docs/en/page.md:3: the item has no id"),
    ],
    ids=["no-id", "bad-id", "unclosed", "empty", "item-no-id", "duplicate-item", "empty-item", "bad-item-id",
         "pre-ticked", "stray-line", "orphan-hint", "nested", "typo", "stray-close", "empty-template",
         "template-no-id", "unclosed-placeholder", "indented-template-line", "html-in-template", "nested-in-admonition"],
)
def test_each_malformed_block_is_reported_with_file_and_line(text, expected):
    _, found = read(text)
    assert any(message.startswith(expected) for message in found), found


def test_every_problem_in_a_file_is_reported_at_once():
    _, found = read("::: checklist {#c}\n- [ ] A\n- [ ] {#b}\n:::\n\n::: checklist\n- [ ] C {#c}\n:::")
    assert len(found) == 3


# Across languages ----------------------------------------------------------------------------


def page(path, text):
    blocks, problems = read(text, path)
    assert problems == []
    return PageBlocks(path, tuple(blocks))


EN = page("docs/en/list.md", """
    ::: checklist {#list}
    - [ ] Cards {#cards}
    - [ ] Rest {#rest}
    :::

    ::: template {#note}
    Hi [Name]
    :::
""")


def across(**pages):
    return [re.sub(r":(\d+):", lambda m: f":{int(m.group(1)) - 4}:", str(p), count=1)
            for p in check_across_pages({lang: {"list.md": value} for lang, value in pages.items()}, "en")]


def test_translations_with_the_same_ids_in_another_order_are_fine():
    fr = page("docs/fr/list.md", """
        ::: template {#note}
        Bonjour [Prénom]
        :::

        ::: checklist {#list}
        - [ ] Se reposer {#rest}
        - [ ] Cartes de visite {#cards}
        :::
    """)
    assert across(en=EN, fr=fr) == []


def test_missing_and_extra_items_and_templates_are_reported_in_the_translation():
    it = page("docs/it/list.md", """
        ::: checklist {#list}
        - [ ] Biglietti {#cards}
        - [ ] Ombrello {#umbrella}
        :::

        ::: template {#other}
        Ciao
        :::
    """)
    assert sorted(across(en=EN, it=it)) == sorted([
        "docs/it/list.md:1: checklist {#list} lacks item {#rest}, which docs/en/list.md:7 has",
        "docs/it/list.md:3: item {#umbrella} is not in checklist {#list} of docs/en/list.md:5: ids must match the source page",
        "docs/it/list.md:-3: template {#note} of docs/en/list.md:10 is missing from this translation",
        "docs/it/list.md:6: template {#other} is not in docs/en/list.md: ids must match the source page",
    ])


def test_an_untranslated_page_is_not_a_block_problem():
    assert check_across_pages({"en": {"list.md": EN}, "fr": {}}, "en") == []


def test_an_id_is_used_once_per_language_and_kind():
    other = page("docs/en/other.md", "::: checklist {#list}\n- [ ] Cards {#cards}\n- [ ] Rest {#rest}\n:::\n")
    problems = check_across_pages({"en": {"list.md": EN, "other.md": other}}, "en")
    assert [str(p) for p in problems] == ["docs/en/other.md:5: checklist id {#list} is already used at docs/en/list.md:5"]


# Rendering -----------------------------------------------------------------------------------

GOLDEN_CASES = sorted(path.stem for path in GOLDEN.glob("*.md"))


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_rendering_matches_the_golden_file(case, request):
    """Each ``golden/blocks/<case>.md`` renders, with the site's Markdown settings, to
    ``<case>.html``. ``pytest --update-golden`` rewrites the HTML files after a deliberate change."""
    html = render((GOLDEN / f"{case}.md").read_text(encoding="utf-8"))
    expected = GOLDEN / f"{case}.html"
    if request.config.getoption("--update-golden"):
        expected.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == expected.read_text(encoding="utf-8")


def test_there_are_golden_files_for_the_nesting_cases():
    assert {"checklist", "template", "in-admonition", "in-details", "in-list", "code-example"} <= set(GOLDEN_CASES)


class Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs, self.labels, self.buttons, self._label = [], {}, [], None

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


CHECKLIST = "## Before you go\n\n::: checklist {#trip}\n- [ ] Pack **cards** & a pen {#cards}\n    A small case keeps them clean.\n- [ ] Sleep > 7 hours {#rest}\n:::\n"


def test_each_item_is_a_real_checkbox_with_its_label_and_hint():
    html = render(CHECKLIST)
    controls = Controls()
    controls.feed(html)
    assert [i["type"] for i in controls.inputs] == ["checkbox", "checkbox"]
    assert [i["data-item"] for i in controls.inputs] == ["cards", "rest"]
    assert controls.labels == {"ng-trip--cards": "Pack cards & a pen", "ng-trip--rest": "Sleep > 7 hours"}
    assert [b["type"] for b in controls.buttons] == ["button", "button"]
    assert "<strong>cards</strong>" in html and "&amp; a pen" in html and "&gt; 7" in html  # Markdown kept, text escaped
    assert 'aria-describedby="ng-trip--cards-hint"' in html and 'aria-describedby="ng-trip--rest-hint"' not in html
    assert 'aria-label="Before you go"' in html


def test_a_template_shows_its_text_as_written_with_placeholders_and_a_copy_button():
    html = render("### Cold email\n\n::: template {#cold}\nSubject: **Not bold** [Name] & <b>\n\nDear [Name],\n:::\n")
    assert 'data-template="Subject: **Not bold** [Name] &amp; &lt;b&gt;\n\nDear [Name],"' in html
    assert html.count('<span class="ng-template__placeholder">[Name]</span>') == 2
    assert "<strong>" not in html and "<b>" not in html
    assert 'aria-label="Cold email"' in html and 'type="button"' in html


@pytest.mark.parametrize("lang", languages())
def test_controls_speak_the_pages_language(lang):
    md = markdown.Markdown(extensions=[BlocksExtension(language=lang)])
    html = md.convert(CHECKLIST + "\n::: template {#t}\nHi\n:::\n")
    words = settings(lang)["words"]
    assert f">{words['checklist_reset']}</button>" in html
    assert f">{words['template_copy']}</button>" in html


def test_a_malformed_block_is_an_error_never_literal_text():
    with pytest.raises(BlockSyntaxError, match=r"the item has no id: end the line with `\{#an-id\}` \(line 2 of the block `::: checklist \{#c\}`\)"):
        render("!!! note\n    ::: checklist {#c}\n    - [ ] No id\n    :::\n")


def test_the_extension_runs_without_mkdocs():
    html = markdown.markdown("::: checklist {#c}\n- [ ] A {#a}\n:::\n", extensions=["networking_guide.blocks.extension"])
    assert 'data-checklist="c"' in html and ">Untick all</button>" in html


# The real pages ----------------------------------------------------------------------------


def test_the_guides_blocks_have_no_problem():
    _, problems = build_problems(DOCS, list(languages()), "en", DOCS.parent)
    assert [str(p) for p in problems] == []
