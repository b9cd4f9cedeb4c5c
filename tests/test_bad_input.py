"""The bad-input catalogue: each mistake a contributor can make stops the build with a message
naming the file (and the line where there is one). Checklist mistakes have their own file,
tests/test_checklist_build_errors.py; hostile content, links and file types are in
tests/test_security.py. The catalogue is listed in CONTRIBUTING.md."""

from __future__ import annotations

import pytest

from helpers import build, languages, page_text, write_site
from networking_guide.sources.tree import read_tree

GOOD = {lang: page_text("Guide", "Read the [other page](other.md#details).") for lang in languages()}
OTHER = page_text("Other", "## Details {#details}\n\nText.")


def fixture_pages(replace: dict[str, str | bytes]) -> dict[str, str | bytes]:
    pages: dict[str, str | bytes] = {}
    for lang in languages():
        pages[f"{lang}/index.md"] = GOOD[lang]
        pages[f"{lang}/other.md"] = OTHER
    return {**pages, **replace}


# Checked before anything is written (the build then stops with the previous site untouched:
# tests/test_security_build.py shows it in a real build).
BEFORE_WRITING = {
    "malformed-front-matter": (
        {"fr/index.md": "---\ntitle: Guide\ndescription: Un guide : court\n---\n\n# Guide\n"},
        "docs/fr/index.md:3: front matter is not valid YAML (mapping values are not allowed in this context); quote a value that holds a colon"),
    "front-matter-without-title": (
        {"it/index.md": "---\ndescription: Una guida breve per provare.\n---\n\n# Guida\n"},
        "docs/it/index.md:1: front matter has no `title`"),
    "unclosed-front-matter": (
        {"en/index.md": "---\ntitle: Guide\n\n# Guide\n"},
        "docs/en/index.md:1: the front matter is never closed: add a line with --- after its last key"),
    "non-utf8-file": (
        # "Caffè" saved as Latin-1 on the page's ninth line.
        {"it/index.md": page_text("Guida", "Una pagina.").encode("utf-8") + b"Caff\xe8\n"},
        "docs/it/index.md:9: not UTF-8 (byte 0xe8): save the file as UTF-8"),
    "unknown-language-folder": (
        {"de/index.md": page_text("Leitfaden", "Eine Seite.")},
        "docs/de:1: not a language folder of the site (en, fr, it): move it under docs/<language>/"),
}


@pytest.mark.parametrize("case", BEFORE_WRITING)
def test_bad_input_is_found_before_anything_is_written(tmp_path, case):
    replace, expected = BEFORE_WRITING[case]
    docs = tmp_path / "docs"
    for relative, content in fixture_pages(replace).items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    problems = [str(p) for p in read_tree(docs, list(languages()), "en", tmp_path).problems]
    assert problems == [expected]


# Found by MkDocs' own strict checks, which name the page (they give no line).
STRICT_CHECKS = {
    "broken-link": (
        {"fr/index.md": page_text("Guide", "Lisez la [page absente](missing.md).")}, None,
        "Doc file 'fr/index.md' contains a link 'missing.md', but the target 'fr/missing.md' is not found"),
    "broken-anchor": (
        {"it/index.md": page_text("Guida", "Leggi i [dettagli](other.md#nowhere).")}, None,
        "Doc file 'it/index.md' contains a link 'other.md#nowhere', but the doc 'it/other.md' does not contain an anchor '#nowhere'"),
    "missing-nav-target": (
        {}, ["index.md", "other.md", "gone.md"],
        "A reference to 'gone.md' is included in the 'nav' configuration, which is not found"),
}


@pytest.mark.parametrize("case", STRICT_CHECKS)
def test_strict_checks_fail_the_build_naming_the_file(tmp_path, case):
    replace, nav, expected = STRICT_CHECKS[case]
    config = write_site(tmp_path, fixture_pages(replace), nav=nav)
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.log, result.log[-2000:]
    assert not (tmp_path / "site").exists()  # nothing half-written
