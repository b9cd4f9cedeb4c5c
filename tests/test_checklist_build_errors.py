"""A bad checklist stops the build with the file and line, before anything is written."""

from __future__ import annotations

import pytest

from conftest import build_site, page_text, write_fixture_site

GOOD = "## List\n\n::: checklist {#packing}\n- [ ] Cards {#cards}\n- [ ] Pen {#pen}\n:::\n"


def site_with(tmp_path, lists: dict[str, str]):
    pages = {}
    for lang in ("en", "fr", "it"):
        pages[f"{lang}/index.md"] = page_text(f"Home {lang}", "Welcome.")
        pages[f"{lang}/list.md"] = page_text(f"List {lang}", lists.get(lang, GOOD))
    return write_fixture_site(tmp_path, pages)


def failed_build(tmp_path, lists):
    config = site_with(tmp_path, lists)
    site = tmp_path / "site"
    site.mkdir()
    (site / "earlier-build.html").write_text("kept", encoding="utf-8")
    result = build_site(config, site)
    assert result.returncode != 0
    # Nothing was cleaned or half-written: the previous output is untouched.
    assert [p.name for p in site.iterdir()] == ["earlier-build.html"]
    return result.stdout + result.stderr


def test_a_good_fixture_builds(tmp_path):
    result = build_site(site_with(tmp_path, {}), tmp_path / "site")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        ({"fr": "## Liste\n\n::: checklist {#packing}\n- [ ] Cartes {#cards}\n- [ ] Stylo\n:::\n"},
         "docs/fr/list.md:12: the item has no id"),
        ({"it": "## Lista\n\n::: checklist {#packing}\n- [ ] Biglietti {#cards}\n- [ ] Penna {#pen}\n"},
         "docs/it/list.md:10: checklist {#packing} is never closed"),
        ({"fr": "## Liste\n\n::: checklist {#packing}\n- [ ] Cartes {#cards}\n:::\n"},
         "docs/fr/list.md:10: checklist {#packing} lacks item {#pen}, which docs/en/list.md:12 has"),
        ({"en": GOOD + "\n::: checklist {#packing}\n- [ ] Again {#again}\n:::\n"},
         "docs/en/list.md:15: checklist id {#packing} is already used at docs/en/list.md:10"),
        ({"it": "## Lista\n\n::: checklist {#packing}\n- [ ] Biglietti {#cards}\n- [ ] Penna {#pen}\n- [ ]  {#empty}\n:::\n"},
         "docs/it/list.md:13: item {#empty} has no text"),
    ],
    ids=["missing-item-id", "unclosed", "item-missing-in-translation", "duplicate-checklist-id", "empty-item"],
)
def test_checklist_errors_fail_the_build_naming_file_and_line(tmp_path, lists, expected):
    log = failed_build(tmp_path, lists)
    assert expected in log
