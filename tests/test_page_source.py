"""Under every page, its source: an "edit this page" and a "view the source" link to its own file,
and when that file last changed in git, in the reader's language; and the translation
dashboard, which says the same as the notices on pages and `guide status`."""

from __future__ import annotations

import json
import os
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from helpers import LANGUAGE_PREFIX, LANGUAGES, REPO, build, page_text, write_site
from networking_guide.cli import main as guide
from networking_guide.languages import words
from networking_guide.translations.records import source_hash

REPOSITORY = "https://github.com/networking-guide/networking-guide"
SOURCE = re.compile(r'<aside class="ng-page-source ng-screen-only">(.*?)</aside>', re.S)


def source_block(html: str) -> str:
    found = SOURCE.findall(html)
    assert len(found) == 1, "no (or more than one) page-source block"
    return found[0]


def git(root: Path, *arguments: str, date: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00")
    return subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True, text=True, env=env).stdout


def committed_date(path: Path) -> str:
    """When git says this file of the repository last changed (today if it is being edited)."""
    if git(REPO, "status", "--porcelain", "--", str(path)).strip():
        import datetime
        return datetime.date.today().isoformat()
    return git(REPO, "log", "-1", "--format=%cs", "--", str(path)).strip()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_its_own_source_and_says_when_it_changed(built_site, lang):
    text = words(lang)
    docs = REPO / "docs" / lang
    checked = 0
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs).as_posix()
        html = built_site.read(LANGUAGE_PREFIX[lang] + relative[:-3] + ".html")
        block = source_block(html)
        path = f"docs/{lang}/{relative}"
        assert f'<a href="{REPOSITORY}/edit/main/{path}" rel="nofollow">{text["source_edit"]}</a>' in block, relative
        assert f'<a href="{REPOSITORY}/blob/main/{path}" rel="nofollow">{text["source_view"]}</a>' in block, relative
        date = re.search(r'<time datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</time>', block)
        assert date, f"{relative}: no date"
        assert date.group(1) == committed_date(source), relative
        assert unescape(date.group(2)).startswith(text["source_changed"].split("{date}")[0]), relative
        checked += 1
    assert checked >= 36


def test_the_repository_address_comes_from_the_environment_as_the_sites_does(monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.setenv("REPO_URL", "https://git.example.org/guides/networking")
    monkeypatch.setenv("REPO_BRANCH", "trunk")
    config = load_config(str(REPO / "mkdocs.yml"))
    assert config.extra["repository"]["url"] == "https://git.example.org/guides/networking"
    assert config.extra["repository"]["branch"] == "trunk"


# A small site in a git repository of its own ----------------------------------------------------


def site_in_git(tmp_path: Path) -> Path:
    english = {"index.md": page_text("Home", "The home page."), "a.md": page_text("Page A", "First version of A."),
               "b.md": page_text("Page B", "Page B, never translated.")}
    pages = {f"en/{name}": text for name, text in english.items()}
    status = {"index.md": "Tableau", "a.md": "Page A en français"}
    for name, title in status.items():
        pages[f"fr/{name}"] = (f"---\ntitle: {title}\ndescription: Une page du site de test, assez longue pour une description.\n"
                               f"source_hash: {source_hash(english[name])}\n---\n\n# {title}\n\nTexte.\n")
        pages[f"it/{name}"] = (f"---\ntitle: {title} (it)\ndescription: Una pagina del sito di prova, abbastanza lunga per una descrizione.\n"
                               f"source_hash: {source_hash(english[name])}\n---\n\n# {title}\n\nTesto.\n")
    pages["en/status.md"] = page_text("Status", "<!-- translation-status -->")
    for lang in ("fr", "it"):
        pages[f"{lang}/status.md"] = (f"---\ntitle: Status {lang}\ndescription: Une page du site de test, assez longue pour une description.\n"
                                      f"source_hash: {source_hash(pages['en/status.md'])}\n---\n\n# Status\n\n<!-- translation-status -->\n")
    config = write_site(tmp_path, pages)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "docs/en/b.md")
    git(tmp_path, "commit", "-q", "-m", "B", date="2024-03-05")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "the rest", date="2025-01-01")
    return config


def cell(html: str, page: str, lang: str) -> str:
    row = re.search(rf'<tr data-page="{re.escape(page)}">(.*?)</tr>', html, re.S).group(1)
    return re.search(rf'<td data-lang="{lang}" data-translation-status="([a-z]+)"', row).group(1)


def test_a_page_shown_in_english_gives_the_english_files_date_and_says_so(tmp_path):
    config = site_in_git(tmp_path)
    result = build(config, tmp_path / "site")
    assert result.returncode == 0, result.log
    block = source_block((tmp_path / "site" / "fr" / "b.html").read_text(encoding="utf-8"))
    assert '<time datetime="2024-03-05">' in block
    assert unescape(block).count(words("fr")["source_changed_english"].format(date="5 mars 2024")) == 1
    assert f"{REPOSITORY}/edit/main/docs/en/b.md" in block  # the file readers see is the English one
    own = source_block((tmp_path / "site" / "fr" / "a.html").read_text(encoding="utf-8"))
    assert '<time datetime="2025-01-01">' in own and words("fr")["source_changed"].format(date="1er janvier 2025") in unescape(own)


def test_the_dashboard_the_notices_and_guide_status_agree_after_an_english_change(tmp_path, capsys):
    config = site_in_git(tmp_path)
    assert build(config, tmp_path / "site").returncode == 0
    dashboard = (tmp_path / "site" / "fr" / "status.html").read_text(encoding="utf-8")
    assert [cell(dashboard, "a.md", lang) for lang in LANGUAGES] == ["source", "current", "current"]
    assert [cell(dashboard, "b.md", lang) for lang in LANGUAGES] == ["source", "missing", "missing"]
    assert "data-translation-status" not in source_block((tmp_path / "site" / "fr" / "a.html").read_text(encoding="utf-8"))

    # The English page A changes: every view of its translations says so at once.
    english = tmp_path / "docs" / "en" / "a.md"
    english.write_text(english.read_text(encoding="utf-8").replace("First version", "Second version"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "A changes", date="2025-06-30")
    assert build(config, tmp_path / "site").returncode == 0
    for lang in ("fr", "it"):
        dashboard = (tmp_path / "site" / lang / "status.html").read_text(encoding="utf-8")
        assert [cell(dashboard, "a.md", other) for other in LANGUAGES] == ["source", "outdated", "outdated"]
        page = (tmp_path / "site" / lang / "a.html").read_text(encoding="utf-8")
        assert 'data-translation-status="outdated"' in page
    row = re.search(r'<tr data-page="a.md">(.*?)</tr>', dashboard, re.S).group(1)
    assert '<td data-lang="en" data-translation-status="source"><a href="../a.html">' in row
    assert '<time datetime="2025-06-30">' in row  # the English file's new date
    capsys.readouterr()
    guide(["--root", str(tmp_path), "status", "--json"])
    reported = {(entry["page"], entry["language"]): entry["status"] for entry in json.loads(capsys.readouterr().out)}
    assert reported[("a.md", "fr")] == reported[("a.md", "it")] == "outdated"
    assert reported[("b.md", "fr")] == "missing"
