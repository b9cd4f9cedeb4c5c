"""The security checks in a real build: a refused page fails the build with every problem at
once, nothing is published, and the previous site stays exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import build, languages, page_text, write_site


def good_pages() -> dict[str, str]:
    return {f"{lang}/index.md": page_text("Home", "Text.") for lang in languages()}


def previous_site(site: Path) -> dict[str, str]:
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    return {"index.html": "the previous site"}


def contents(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}


def test_hostile_pages_fail_the_build_and_nothing_is_published(tmp_path):
    pages = good_pages()
    pages["fr/index.md"] = page_text("Accueil", "Bonjour.\n\n    ```\n\n<script>alert(1)</script>\n\n```\n\n"
                                                "[Clic][e]\n\n[e]: &#106;avascript:alert(1)\n\nTexte.\n{: onclick=\"alert(1)\" }")
    config = write_site(tmp_path, pages)
    site = tmp_path / "site"
    before = previous_site(site)
    result = build(config, site)
    assert result.returncode != 0
    assert "3 problem(s) of safety in the pages; nothing was published:\n" \
        "docs/fr/index.md:12: <script> is not allowed in pages: pages cannot run script; remove it (show code in a fenced code block)\n" \
        "docs/fr/index.md:18: URL 'javascript:alert(1)' in <a href> is not allowed: links may be relative, https:, http: or mailto:\n" \
        "docs/fr/index.md:21: event attribute onclick= on <p> is not allowed: pages cannot run script\n" in result.log
    assert "Traceback" not in result.log
    assert contents(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []  # the staging folder is gone


def test_markup_in_a_title_never_reaches_the_theme(tmp_path):
    pages = good_pages()
    pages["en/index.md"] = '---\ntitle: "\\x3cimg src=x onerror=alert(1)\\x3e"\ndescription: A description that is long enough.\n---\n\n# Home\n'
    config = write_site(tmp_path, pages)
    result = build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "1 problem(s) in the pages:\ndocs/en/index.md:2: `title`: holds < = >" not in result.log  # '=' is text
    assert "docs/en/index.md:2: `title`: holds < >: values are plain text, shown as written" in result.log
    assert not (tmp_path / "site").exists()


def test_structural_errors_stop_the_build_before_anything_is_written(tmp_path):
    pages = good_pages()
    pages["fr/only-here.md"] = page_text("Seulement ici", "Texte.")
    config = write_site(tmp_path, pages, nav=["index.md"])
    os.symlink(".", tmp_path / "docs" / "it" / "loop")
    os.symlink("/etc/passwd", tmp_path / "docs" / "en" / "passwd.md")
    site = tmp_path / "site"
    before = previous_site(site)
    result = build(config, site)
    assert result.returncode != 0
    assert "3 problem(s) in the pages:\n" \
        "docs/en/passwd.md:1: is a symbolic link (to /etc/passwd): links are not followed, put the file itself here\n" \
        "docs/fr/only-here.md:1: no en page docs/en/only-here.md: every page starts in en (create it there, or remove this file)\n" \
        "docs/it/loop:1: is a symbolic link (to .): links are not followed, put the file itself here\n" in result.log
    assert "Traceback" not in result.log and result.log.count("WARNING") == 0
    assert contents(site) == before


def test_a_good_site_replaces_the_previous_one_whole(tmp_path):
    config = write_site(tmp_path, good_pages())
    site = tmp_path / "site"
    previous_site(site)
    (site / "stale.html").write_text("from an older build", encoding="utf-8")
    result = build(config, site)
    assert result.returncode == 0, result.log
    assert not (site / "stale.html").exists()
    assert "the previous site" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "fr" / "index.html").is_file()
