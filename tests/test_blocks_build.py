"""Blocks in a real build: a bad block stops it before anything is written, with its file and
line; good ones render on every language's page. (Every kind of mistake: tests/test_blocks.py.)"""

from __future__ import annotations

from helpers import build, languages, page_text, write_site

GOOD = "## List\n\n::: checklist {#packing}\n- [ ] Cards {#cards}\n- [ ] Pen {#pen}\n:::\n\n!!! tip \"Write\"\n    ::: template {#note}\n    Hello [Name],\n\n    See you.\n    :::\n"


def site_with(tmp_path, lists: dict[str, str]):
    pages = {}
    for lang in languages():
        pages[f"{lang}/index.md"] = page_text(f"Home {lang}", "Welcome.")
        pages[f"{lang}/list.md"] = page_text(f"List {lang}", lists.get(lang, GOOD))
    return write_site(tmp_path, pages)


def test_blocks_render_in_every_language(tmp_path):
    result = build(site_with(tmp_path, {}), tmp_path / "site")
    assert result.returncode == 0, result.log
    for prefix in ("", "fr/", "it/"):
        html = (tmp_path / "site" / prefix / "list.html").read_text(encoding="utf-8")
        assert html.count('class="ng-checklist__box"') == 2 and 'data-template="Hello [Name],\n\nSee you."' in html
        assert "::: checklist" not in html and ":::" not in html


def test_a_bad_block_stops_the_build_naming_file_and_line(tmp_path):
    config = site_with(tmp_path, {
        "fr": "## Liste\n\n::: checklist {#packing}\n- [ ] Cartes {#cards}\n- [ ] Stylo\n:::\n",
        "it": "## Lista\n\n::: checklist {#packing}\n- [ ] Biglietti {#cards}\n:::\n",
    })
    site = tmp_path / "site"
    site.mkdir()
    (site / "earlier-build.html").write_text("kept", encoding="utf-8")
    result = build(config, site)
    assert result.returncode != 0
    assert "docs/fr/list.md:12: the item has no id: end the line with `{#an-id}`" in result.log
    assert "docs/it/list.md:10: checklist {#packing} lacks item {#pen}, which docs/en/list.md:12 has" in result.log
    assert "docs/en/list.md" in result.log and "template {#note} of docs/en/list.md:16 is missing from this translation" in result.log
    assert "Traceback" not in result.log
    assert [p.name for p in site.iterdir()] == ["earlier-build.html"]
