"""Parsing and checking ``::: checklist`` blocks (hooks/checklist_syntax.py), without a build."""

import textwrap

import pytest

from checklist_syntax import PageChecklists, check_across_pages, parse_checklists, replace_blocks


def parse(text, path="docs/en/page.md"):
    return parse_checklists(textwrap.dedent(text).lstrip("\n"), path)


def messages(text):
    return [str(problem) for problem in parse(text)[1]]


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


def test_a_valid_block_gives_its_items_ids_hints_and_lines():
    (checklist,), problems = parse(VALID)
    assert problems == []
    assert checklist.id == "before"
    assert checklist.title == "Prepare"
    assert (checklist.line, checklist.end_line) == (7, 14)
    assert checklist.item_ids == ["programme", "rest", "phone"]
    assert checklist.items[0].text == "Check the **programme**"
    assert checklist.items[0].hint == "Who speaks, and when. A second hint line."
    assert checklist.items[0].line == 8
    assert checklist.items[1].hint == ""


def test_several_blocks_in_one_page():
    text = """
        ::: checklist {#one}
        - [ ] A {#a}
        :::

        ::: checklist {#two}
        - [ ] B {#b}
        :::
    """
    checklists, problems = parse(text)
    assert problems == []
    assert [c.id for c in checklists] == ["one", "two"]


def test_blocks_in_code_fences_are_examples_not_checklists():
    text = """
        ```markdown
        ::: checklist {#example}
        - [ ] Shown, not rendered
        :::
        ```
    """
    assert parse(text) == ([], [])


def test_line_numbers_can_start_after_front_matter():
    checklists, _ = parse_checklists("::: checklist {#x}\n- [ ] A {#a}\n:::\n", "p.md", first_line=5)
    assert (checklists[0].line, checklists[0].items[0].line, checklists[0].end_line) == (5, 6, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("::: checklist\n- [ ] A {#a}\n:::", "docs/en/page.md:1: the checklist has no id"),
        ("::: checklist {#Bad_Id}\n- [ ] A {#a}\n:::", "docs/en/page.md:1: checklist id {#Bad_Id} is not valid"),
        ("::: checklist {#c}\n- [ ] A {#a}\n", "docs/en/page.md:1: checklist {#c} is never closed"),
        ("::: checklist {#c}\n:::", "docs/en/page.md:1: checklist {#c} has no items"),
        ("::: checklist {#c}\n- [ ] A\n:::", "docs/en/page.md:2: the item has no id"),
        ("::: checklist {#c}\n- [ ] A {#a}\n- [ ] B {#a}\n:::", "docs/en/page.md:3: item id {#a} is used twice in checklist {#c} (first on line 2)"),
        ("::: checklist {#c}\n- [ ]  {#a}\n:::", "docs/en/page.md:2: item {#a} has no text"),
        ("::: checklist {#c}\n- [ ] A {#A b}\n:::", "docs/en/page.md:2: item id {#A b} is not valid"),
        ("::: checklist {#c}\n- [x] A {#a}\n:::", "docs/en/page.md:2: items start unticked"),
        ("::: checklist {#c}\nA loose sentence.\n- [ ] A {#a}\n:::", "docs/en/page.md:2: this line is not a checklist item"),
        ("::: checklist {#c}\n    A hint first\n- [ ] A {#a}\n:::", "docs/en/page.md:2: a hint (indented line) must follow an item"),
        ("::: checklist {#c}\n- [ ] A {#a}\n::: checklist {#d}\n:::", "docs/en/page.md:3: a checklist starts inside checklist {#c} (line 1)"),
        ("::: checklst {#c}\n- [ ] A {#a}\n:::", "docs/en/page.md:1: `::: checklst {#c}` is not a checklist block"),
        (":::\n", "docs/en/page.md:1: `:::` is not a checklist block"),
    ],
    ids=["no-id", "bad-id", "unclosed", "empty", "item-no-id", "duplicate-item", "empty-item",
         "bad-item-id", "pre-ticked", "stray-line", "orphan-hint", "nested", "typo", "stray-close"],
)
def test_each_malformed_block_is_reported_with_file_and_line(text, expected):
    found = messages(text)
    assert any(message.startswith(expected) for message in found), found


def test_every_problem_in_a_file_is_reported_at_once():
    text = "::: checklist {#c}\n- [ ] A\n- [ ] {#b}\n:::\n::: checklist\n- [ ] C {#c}\n:::"
    assert len(messages(text)) == 3


def page(path, text):
    checklists, problems = parse_checklists(textwrap.dedent(text).lstrip("\n"), path)
    assert problems == []
    return PageChecklists(path, tuple(checklists))


EN = page("docs/en/list.md", """
    ::: checklist {#list}
    - [ ] Cards {#cards}
    - [ ] Rest {#rest}
    :::
""")


def test_translations_with_the_same_ids_in_another_order_are_fine():
    fr = page("docs/fr/list.md", """
        ::: checklist {#list}
        - [ ] Se reposer {#rest}
        - [ ] Cartes de visite {#cards}
        :::
    """)
    assert check_across_pages({"en": {"list.md": EN}, "fr": {"list.md": fr}}, "en") == []


def test_an_item_missing_from_a_translation_is_reported_there():
    fr = page("docs/fr/list.md", """
        ::: checklist {#list}
        - [ ] Cartes de visite {#cards}
        :::
    """)
    (problem,) = check_across_pages({"en": {"list.md": EN}, "fr": {"list.md": fr}}, "en")
    assert str(problem) == "docs/fr/list.md:1: checklist {#list} lacks item {#rest}, which docs/en/list.md:3 has"


def test_an_item_only_in_a_translation_is_reported_on_its_line():
    it = page("docs/it/list.md", """
        ::: checklist {#list}
        - [ ] Biglietti {#cards}
        - [ ] Riposo {#rest}
        - [ ] Ombrello {#umbrella}
        :::
    """)
    (problem,) = check_across_pages({"en": {"list.md": EN}, "it": {"list.md": it}}, "en")
    assert str(problem).startswith("docs/it/list.md:4: item {#umbrella} is not in checklist {#list} of docs/en/list.md:1")


def test_a_checklist_missing_from_a_translated_page_is_reported():
    fr = PageChecklists("docs/fr/list.md", ())
    (problem,) = check_across_pages({"en": {"list.md": EN}, "fr": {"list.md": fr}}, "en")
    assert str(problem) == "docs/fr/list.md:1: checklist {#list} of docs/en/list.md:1 is missing from this translation"


def test_an_untranslated_page_is_not_a_checklist_problem():
    assert check_across_pages({"en": {"list.md": EN}, "fr": {}}, "en") == []


def test_a_checklist_id_is_used_once_per_language():
    other = page("docs/en/other.md", """
        ::: checklist {#list}
        - [ ] Cards {#cards}
        - [ ] Rest {#rest}
        :::
    """)
    problems = check_across_pages({"en": {"list.md": EN, "other.md": other}}, "en")
    assert [str(p) for p in problems] == ["docs/en/other.md:1: checklist id {#list} is already used at docs/en/list.md:1"]


def test_blocks_are_replaced_and_the_rest_kept():
    text = "Intro\n\n::: checklist {#c}\n- [ ] A {#a}\n:::\nOutro\n"
    checklists, _ = parse_checklists(text, "p.md")
    result = replace_blocks(text, checklists, lambda c: f"<CHECKLIST {c.id}>")
    assert result == "Intro\n\n\n<CHECKLIST c>\n\nOutro\n"
