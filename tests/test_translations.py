"""Translation records and the structure a translation shares with its English page."""

import textwrap

from networking_guide.cli import add_to_nav
from networking_guide.sources.markdown import read_text
from networking_guide.translations.records import front_matter, set_front_matter, source_hash, status_of
from networking_guide.translations.structure import compare, structure_of

ENGLISH = "---\ntitle: Guide\n---\n\n# Guide\n\nText.\n"


def test_the_hash_ignores_line_endings_and_trailing_spaces_but_not_words():
    assert source_hash(ENGLISH) == source_hash(ENGLISH.replace("\n", "\r\n").replace("Text.", "Text.   "))
    assert source_hash(ENGLISH) != source_hash(ENGLISH.replace("Text.", "Texts."))
    assert len(source_hash(ENGLISH)) == 16


def test_status_compares_the_recorded_hash_with_the_english_page():
    current = set_front_matter("---\ntitle: Guide\n---\n\nTexte.\n", "source_hash", source_hash(ENGLISH))
    assert status_of(ENGLISH, current, "guide.md", "fr").status == "current"
    changed = ENGLISH.replace("Text.", "New text.")
    outdated = status_of(changed, current, "guide.md", "fr")
    assert outdated.status == "outdated" and not outdated.acknowledged
    acknowledged = set_front_matter(current, "translation_pending", source_hash(changed))
    assert status_of(changed, acknowledged, "guide.md", "fr").acknowledged
    assert status_of(ENGLISH, None, "guide.md", "fr").status == "missing"
    unrecorded = status_of(ENGLISH, "---\ntitle: Guide\n---\n", "guide.md", "fr")
    assert unrecorded.status == "outdated" and unrecorded.reason == "no source_hash recorded"


def test_setting_a_front_matter_key_keeps_every_other_line():
    text = "---\ntitle: « Guide »\ndescription: \"Un guide\u00a0: court.\"\n---\n\n# Guide\n"
    updated = set_front_matter(text, "source_hash", "abc")
    assert updated == "---\ntitle: « Guide »\ndescription: \"Un guide\u00a0: court.\"\nsource_hash: abc\n---\n\n# Guide\n"
    assert set_front_matter(updated, "source_hash", "def").count("source_hash") == 1
    assert "source_hash" not in set_front_matter(updated, "source_hash", None)
    assert front_matter(updated)["source_hash"] == "abc"


def test_a_front_matter_closed_with_dots_keeps_its_closing_line():
    text = "---\ntitle: Guide\n...\n\n# Guide\n"
    assert set_front_matter(text, "source_hash", "abc") == "---\ntitle: Guide\nsource_hash: abc\n...\n\n# Guide\n"


SOURCE = textwrap.dedent("""\
    ---
    title: A
    ---

    # A

    See [B](b.md#part) and ![chart](chart.svg).

    ## One {#one}

    ```text
    # not a heading
    [not a link](x.md)
    ```

    ## Two

    ::: template {#hello}
    Hello [Name]
    :::
""")


def structure(text):
    return structure_of(read_text(text, "x.md"))


def test_identical_structure_has_no_difference():
    translated = SOURCE.replace("See", "Voir").replace("One", "Un").replace("Two", "Deux").replace("Hello", "Bonjour")
    assert compare(structure(SOURCE), structure(translated), "en/a.md", "fr/a.md") == []


def test_each_kind_of_difference_is_located():
    translated = (SOURCE.replace("(b.md#part)", "(b.md)").replace("## One {#one}", "### Un {#un}")
                  .replace("![chart](chart.svg)", "").replace("{#hello}", "{#salut}"))
    messages = [str(p) for p in compare(structure(SOURCE), structure(translated), "en/a.md", "fr/a.md")]
    assert "fr/a.md:9: heading 2 is level 3 here but level 2 in en/a.md:9" in messages
    assert "fr/a.md:1: anchor {#one} of en/a.md:9 is missing" in messages
    assert "fr/a.md:9: anchor {#un} is not in en/a.md" in messages
    assert "fr/a.md:1: link to b.md#part of en/a.md:7 is missing" in messages
    assert "fr/a.md:7: link to b.md is not in en/a.md" in messages
    assert "fr/a.md:1: image chart.svg of en/a.md:7 is missing" in messages
    assert "fr/a.md:1: template {#hello} of en/a.md:18 is missing" in messages
    assert "fr/a.md:18: template {#salut} is not in en/a.md" in messages


def test_local_admonitions_are_left_out_of_the_comparison():
    local = SOURCE.replace("## Two", '!!! local "Au Québec"\n    ### Le 5 à 7\n\n    Voir [le guide](c.md).\n\n## Two')
    assert compare(structure(SOURCE), structure(local), "en/a.md", "fr/a.md") == []
    # The same block under another admonition type counts.
    other = local.replace("!!! local", "!!! note")
    assert len(compare(structure(SOURCE), structure(other), "en/a.md", "fr/a.md")) == 3


CONFIG = "site_name: x\nnav:\n  - index.md\n  - Rules:\n      - rules/a.md\n  - glossary.md\n"


def test_a_page_joins_the_end_of_its_nav_section():
    assert add_to_nav(CONFIG, "rules/b.md", "Rules") == (
        "site_name: x\nnav:\n  - index.md\n  - Rules:\n      - rules/a.md\n      - rules/b.md\n  - glossary.md\n")


def test_a_new_section_or_a_top_level_page_goes_at_the_end_of_the_nav():
    assert add_to_nav(CONFIG, "tools/c.md", "Tools", new_section=True).endswith(
        "  - glossary.md\n  - Tools:\n      - tools/c.md\n")
    assert add_to_nav(CONFIG, "d.md", None).endswith("  - glossary.md\n  - d.md\n")
