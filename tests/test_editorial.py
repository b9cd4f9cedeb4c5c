"""The editorial checks of `guide check` and `guide grammar` (networking_guide/editorial), each on
a small example with the exact message, and the guide's own pages passing grammar (the other
editorial checks run on the guide with `guide check`: tests/test_repository_checks.py)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import REPO, languages, page_text
from networking_guide.cli import main as guide
from networking_guide.editorial import cast, conventions, grammar, link_labels, style, termbase
from networking_guide.project import Project
from networking_guide.sources.markdown import read_text
from networking_guide.sources.tree import read_tree


def page(body: str, path: str = "docs/fr/page.md", title: str = "Page"):
    return read_text(page_text(title, textwrap.dedent(body).strip()), path)


def write(tmp_path: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


TERMBASE = """
- term: liste à cocher
  forms: [listes à cocher]
  avoid: [liste de contrôle, check-list]
  glossary: checklist
- term: invitation
  avoid: [demande de connexion]
"""


def test_a_variant_to_avoid_is_reported_with_its_line_and_the_term_to_use(tmp_path):
    write(tmp_path, {"tb.yml": TERMBASE})
    terms = termbase.load(tmp_path / "tb.yml", "tb.yml")
    source = page("Ouvrez la Liste  de contrôle.\n\nEnvoyez une *demande de connexion*{lang=en} puis une demande de connexion.")
    assert [str(p) for p in termbase.avoided(terms, source, "fr")] == [
        "docs/fr/page.md:8: “liste de contrôle” is a variant to avoid: write “liste à cocher” (editorial/termbase)",
        "docs/fr/page.md:10: “demande de connexion” is a variant to avoid: write “invitation” (editorial/termbase)",
    ]


def test_the_glossary_and_the_termbase_agree(tmp_path):
    write(tmp_path, {"tb.yml": TERMBASE})
    terms = termbase.load(tmp_path / "tb.yml", "tb.yml")
    glossary = page("## Liste à cocher {#checklist}\n\nDéfinition.\n\n## Pitch {#elevator-pitch}\n\nDéfinition.", "docs/fr/glossary.md")
    assert [str(p) for p in termbase.glossary_problems(terms, glossary, "tb.yml")] == [
        "docs/fr/glossary.md:12: glossary entry {#elevator-pitch} (Pitch) has no termbase entry: add one with `glossary: elevator-pitch` to tb.yml"]
    renamed = page("## Check-list {#checklist}\n\nDéfinition.", "docs/fr/glossary.md")
    assert [str(p) for p in termbase.glossary_problems(terms, renamed, "tb.yml")] == [
        "docs/fr/glossary.md:8: glossary entry “Check-list” is not the termbase's term “liste à cocher” for {#checklist}"]


def test_a_malformed_termbase_says_what_is_wrong(tmp_path):
    write(tmp_path, {"tb.yml": "- term: a\n  avoid: b\n- forms: [x]\n- term: c\n  forms: [d]\n  avoid: [D]\n"})
    assert [str(p) for p in termbase.load(tmp_path / "tb.yml", "tb.yml").problems] == [
        "tb.yml:1: entry 1 (a): `avoid` must be a list of words or phrases",
        "tb.yml:1: entry 2 has no `term`",
        "tb.yml:1: entry 3 (c): d is both allowed and to avoid",
    ]


def test_link_labels_name_the_page_they_open(tmp_path):
    write(tmp_path, {
        "docs/fr/index.md": page_text("Accueil", "Voir [Garder le contact](keep.md), [le suivi](keep.md), "
                                                 "[pour suivre](keep.md#rythme), [le carnet](keep.md) et [réseau](glossary.md#networking)."),
        "docs/fr/keep.md": "---\ntitle: Garder le contact\ndescription: Une page pour garder le contact avec son réseau.\naliases: [le suivi]\n---\n\n# Garder le contact\n\n## Rythme {#rythme}\n",
        "docs/fr/glossary.md": page_text("Glossaire", "## Réseautage {#networking}\n\nDéfinition."),
    })
    tree = read_tree(tmp_path / "docs", ["fr"], "fr", tmp_path)
    assert [str(p) for p in link_labels.problems(tree, "fr", None)] == [
        "docs/fr/index.md:8: the link “le carnet” opens “Garder le contact”: use that title, or add the label to its `aliases:`",
        "docs/fr/index.md:8: the link “réseau” opens the glossary entry “réseautage”: use its term or a form the termbase allows",
    ]


def test_a_name_from_another_languages_cast_is_reported(tmp_path):
    write(tmp_path, {
        "cast.yml": "exempt_pages: [sources.md]\nstudent:\n  en: {name: Sara, identity: a student}\n  fr: {name: Inès, identity: une étudiante}\n",
        "docs/en/index.md": page_text("Home", "Sara meets David."),
        "docs/fr/index.md": page_text("Accueil", "Inès rencontre Sara."),
        "docs/fr/sources.md": page_text("Sources", "Sara, J. (2001). Un livre."),
    })
    tree = read_tree(tmp_path / "docs", ["en", "fr"], "en", tmp_path)
    assert [str(p) for p in cast.problems(tree, tmp_path / "cast.yml")] == [
        "docs/fr/index.md:8: “Sara” belongs to the en cast: use this language's cast (editorial/cast.yml)"]


def test_english_pages_spell_ise_and_use_curly_quotes():
    source = page('We organize events, analyze them and size them up.\n\nThe "Organization Science" journal. It\'s fine.', "docs/en/page.md")
    assert [str(p) for p in conventions.english_spelling(source, {"Organization Science"})] == [
        "docs/en/page.md:8: “organize”: the guide spells -ise (British): write “organise”",
        "docs/en/page.md:8: “analyze”: the guide spells -ise (British): write “analyse”",
    ]
    assert [str(p) for p in conventions.straight_quotes(source, "en")] == [
        "docs/en/page.md:10: straight quote in “The \"Organization Science\" journal. It's fine.”: use ’ and “ ” (or « »)"]


def test_style_rules_are_patterns_with_their_message(tmp_path):
    write(tmp_path, {"it.yml": '- pattern: "\\\\bun\\\\s+p[òó]\\\\b"\n  message: "un po’"\n- pattern: "\\\\b([^\\\\W\\\\d]+)\\\\s+\\\\1\\\\b"\n'
                                '  message: "parola ripetuta"\n  case_sensitive: true\n- pattern: "("\n  message: "rotta"\n'})
    rules, problems = style.load(tmp_path / "it.yml", "it.yml")
    assert [str(p) for p in problems] == ["it.yml:1: rule 3 is not a pattern and a message (missing ), unterminated subpattern at position 0)"]
    source = page("Aspetta un pò, poi parti da [Da capo](x.md) e e basta.", "docs/it/page.md")
    assert [str(p) for p in style.problems(source, rules, "it")] == [
        "docs/it/page.md:8: “un pò”: un po’", "docs/it/page.md:8: “e e”: parola ripetuta"]


def test_grammalecte_reads_the_french_prose_not_the_markup():
    source = page("Les participant sont arrivés.\n\n```text\nIl ont mangé.\n```\n\nLe livre *Networking: The Great New Way*{lang=en} est paru en 1980.")
    found = grammar.findings([source], "fr", "grammalecte")
    assert [(f.line, f.words) for f in found] == [(8, "participant")]
    assert "pluriel" in found[0].message


def test_a_paragraph_wrapped_over_lines_is_read_as_one_and_findings_keep_their_line():
    # A line break is not the start of a sentence; a heading, an admonition's title and a
    # checklist item's hint are paragraphs of their own.
    source = page("Quand une page change, ses traductions sont signalées jusqu’à ce\nqu’un traducteur les revoie. "
                  "Les participant\nsont arrivés.\n\n!!! note \"Un titre\"\n    un texte qui suit le titre.")
    found = grammar.findings([source], "fr", "grammalecte")
    assert [(f.line, f.words) for f in found] == [(9, "participant")]
    starts = [lines for lines, _ in grammar.paragraphs(source, "fr")]
    assert [[number for _, number in lines] for lines in starts] == [[2], [3], [6], [8, 9, 10], [12], [13]]


def test_proselint_reads_the_english_prose():
    source = page("This is by trial and error, with British spelling: organise.", "docs/en/page.md")
    found = grammar.findings([source], "en", "proselint")
    assert [(f.line, f.rule) for f in found] == [(8, "cliches.misc.write_good")]


def test_accepted_findings_need_a_reason_and_must_still_match(tmp_path):
    source = page("Les participant sont arrivés.")
    write(tmp_path, {"accepted.yml": '- page: docs/fr/page.md\n  rule: "g3__gn_*"\n  words: participant\n  reason: exemple\n'
                                     '- page: "*"\n  rule: x\n  words: jamais\n  reason: ne sert plus\n- page: a\n  rule: b\n  words: c\n'})
    problems, count = grammar.check([source], tmp_path / "accepted.yml", "accepted.yml", "fr", "grammalecte")
    assert count == 1
    assert [str(p) for p in problems] == [
        "accepted.yml:1: entry 3 needs page, rule, words and reason",
        "accepted.yml:1: accepted “jamais” (x) on * matches nothing any more: remove it",
    ]


@pytest.mark.parametrize("lang", [code for code in languages() if Project(REPO).languages[languages().index(code)].grammar])
def test_the_guide_passes_its_grammar_check(lang, capsys):
    assert guide(["--root", str(REPO), "grammar", "--lang", lang]) == 0, capsys.readouterr().out
