"""The bad-input catalogue: each mistake a contributor can make stops the build with a message
naming the file (and the line where there is one). Checklist mistakes have their own file,
tests/test_checklist_build_errors.py. The catalogue is listed in CONTRIBUTING.md."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, build_site, page_text, write_fixture_site

GOOD = {lang: page_text("Guide", "Read the [other page](other.md#details).") for lang in LANGUAGES}
OTHER = page_text("Other", "## Details {#details}\n\nText.")


def build_with(tmp_path, replace: dict[str, str | bytes], extra_nav: str = ""):
    pages = {}
    for lang in LANGUAGES:
        pages[f"{lang}/index.md"] = GOOD[lang]
        pages[f"{lang}/other.md"] = OTHER
    config = write_fixture_site(tmp_path, {k: v for k, v in pages.items()})
    for relative, content in replace.items():
        path = tmp_path / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if extra_nav:
        config.write_text(config.read_text(encoding="utf-8") + extra_nav, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("kept", encoding="utf-8")
    result = build_site(config, site, env={"GUIDE_SKIP_EXPORTS": "1"})
    return result, result.stdout + result.stderr, site


def test_the_fixture_itself_builds(tmp_path):
    result, log, _ = build_with(tmp_path, {})
    assert result.returncode == 0, log


# Checked before anything is written: the previous site is left as it was.
BEFORE_WRITING = {
    "malformed-front-matter": (
        {"fr/index.md": "---\ntitle: Guide\ndescription: Un guide : court\n---\n\n# Guide\n"},
        "docs/fr/index.md:3: front matter is not valid YAML"),
    "front-matter-without-title": (
        {"it/index.md": "---\ndescription: Una guida breve per provare.\n---\n\n# Guida\n"},
        "docs/it/index.md:1: front matter has no `title`"),
    "unclosed-front-matter": (
        {"en/index.md": "---\ntitle: Guide\n\n# Guide\n"},
        "docs/en/index.md:1: the front matter is never closed"),
    "non-utf8-file": (
        # "Caffè" saved as Latin-1 on the page's ninth line.
        {"it/index.md": page_text("Guida", "Una pagina.").encode("utf-8") + b"Caff\xe8\n"},
        "docs/it/index.md:9: not UTF-8 (byte 0xe8)"),
    "unknown-language-folder": (
        {"de/index.md": page_text("Leitfaden", "Eine Seite.")},
        "docs/de:1: not a language folder of the site (en, fr, it)"),
    "raw-script": (
        {"fr/index.md": page_text("Guide", "Texte.\n\n<script>alert(1)</script>")},
        "docs/fr/index.md:10: raw <script> is not allowed in pages"),
    "raw-style": (
        {"en/index.md": page_text("Guide", "<style>body { display: none }</style>")},
        "docs/en/index.md:8: raw <style> is not allowed in pages"),
    "iframe": (
        {"it/index.md": page_text("Guida", "<iframe src=\"https://example.org\"></iframe>")},
        "docs/it/index.md:8: raw <iframe> is not allowed in pages"),
    "object": (
        {"en/other.md": page_text("Other", "<object data=\"x.swf\"></object>")},
        "docs/en/other.md:8: raw <object> is not allowed in pages"),
    "embed": (
        {"fr/other.md": page_text("Autre", "<embed src=\"x.swf\">")},
        "docs/fr/other.md:8: raw <embed> is not allowed in pages"),
    "event-attribute": (
        {"en/index.md": page_text("Guide", "<div markdown onclick=\"steal()\">Click</div>")},
        "docs/en/index.md:8: event attribute onclick= is not allowed in pages"),
    "javascript-url": (
        {"it/index.md": page_text("Guida", "[Clicca](javascript:alert(1))")},
        "docs/it/index.md:8: javascript: URLs are not allowed in pages"),
}


@pytest.mark.parametrize("case", BEFORE_WRITING)
def test_bad_input_stops_the_build_before_anything_is_written(tmp_path, case):
    replace, expected = BEFORE_WRITING[case]
    result, log, site = build_with(tmp_path, replace)
    assert result.returncode != 0
    assert expected in log, log[-2000:]
    assert [p.name for p in site.iterdir()] == ["previous.html"]


def test_unsafe_html_shown_as_code_is_fine(tmp_path):
    body = "Never write `<script>` in a page:\n\n```html\n<script>alert(1)</script>\n<a onclick=\"x()\">\n```\n"
    result, log, _ = build_with(tmp_path, {"en/index.md": page_text("Guide", body)})
    assert result.returncode == 0, log


# Found by MkDocs' own strict checks, which name the page (they give no line).
STRICT_CHECKS = {
    "broken-link": (
        {"fr/index.md": page_text("Guide", "Lisez la [page absente](missing.md).")},
        "", "Doc file 'fr/index.md' contains a link 'missing.md', but the target 'fr/missing.md' is not found"),
    "broken-anchor": (
        {"it/index.md": page_text("Guida", "Leggi i [dettagli](other.md#nowhere).")},
        "", "Doc file 'it/index.md' contains a link 'other.md#nowhere', but the doc 'it/other.md' does not contain an anchor '#nowhere'"),
    "missing-nav-target": (
        {}, "  - gone.md\n", "A reference to 'gone.md' is included in the 'nav' configuration, which is not found"),
}


@pytest.mark.parametrize("case", STRICT_CHECKS)
def test_strict_checks_fail_the_build_naming_the_file(tmp_path, case):
    replace, nav, expected = STRICT_CHECKS[case]
    result, log, _ = build_with(tmp_path, replace, nav)
    assert result.returncode != 0
    assert expected in log, log[-2000:]
