"""The `guide` command and the translation notices, on a throwaway git repository."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess

import pytest

from helpers import LANGUAGES, REPO, build, page_text, write_site
from networking_guide.cli import main as guide
from networking_guide.translations.records import source_hash

BODY = {
    "en": "Meet people and keep in touch.\n\n## Prepare\n\nRead the [other page](other.md).\n\n## Follow up\n\nWrite within a few days.",
    "fr": "Rencontrez des gens et gardez le contact.\n\n## Se préparer\n\nLisez l’[autre page](other.md).\n\n## Relancer\n\nÉcrivez dans les jours qui suivent.",
    "it": "Incontra persone e resta in contatto.\n\n## Prepararsi\n\nLeggi l’[altra pagina](other.md).\n\n## Ricontattare\n\nScrivi entro pochi giorni.",
}
OTHER = {"en": "Another page of the guide.", "fr": "Une autre page du guide.", "it": "Un’altra pagina della guida."}
TITLES = {  # home, guide, other
    "en": ("Home", "Guide", "Other page"),
    "fr": ("Accueil", "Guide", "Autre page"),
    "it": ("Pagina iniziale", "Guida", "Altra pagina"),
}
DESCRIPTION = {"en": "A small page used to test the tools.", "fr": "Une petite page pour tester les outils.",
               "it": "Una piccola pagina per provare gli strumenti."}


@pytest.fixture
def repo(tmp_path):
    """A git repository holding a tiny guide: index.md, guide.md and other.md in three languages,
    the translations recorded as current, all committed."""
    pages = {}
    for lang in LANGUAGES:
        home, guide_title, other = TITLES[lang]
        pages[f"{lang}/index.md"] = page_text(home, OTHER[lang], DESCRIPTION[lang])
        pages[f"{lang}/guide.md"] = page_text(guide_title, BODY[lang], DESCRIPTION[lang])
        pages[f"{lang}/other.md"] = page_text(other, OTHER[lang], DESCRIPTION[lang])
    write_site(tmp_path, pages)
    for lang in ("fr", "it"):
        for page in ("index.md", "guide.md", "other.md"):
            english = (tmp_path / "docs" / "en" / page).read_text(encoding="utf-8")
            path = tmp_path / "docs" / lang / page
            path.write_text(path.read_text(encoding="utf-8").replace("---\n\n#", f"source_hash: {source_hash(english)}\n---\n\n#", 1), encoding="utf-8")
    shutil.copytree(REPO / "spelling", tmp_path / "spelling")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "guide")
    return tmp_path


def git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def run(repo, capsys, *args) -> tuple[int, str]:
    code = guide(["--root", str(repo), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def status(repo, capsys) -> dict[tuple[str, str], str]:
    code, out = run(repo, capsys, "status", "--json")
    assert code == 0
    return {(entry["page"], entry["language"]): entry["status"] for entry in json.loads(out)}


def built_page(repo, relative) -> str:
    result = build(repo / "mkdocs.yml", repo / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return (repo / "site" / relative).read_text(encoding="utf-8")


def edit_english(repo):
    path = repo / "docs" / "en" / "guide.md"
    path.write_text(path.read_text(encoding="utf-8").replace("a few days", "two or three days"), encoding="utf-8")


def test_all_translations_start_current(repo, capsys):
    assert set(status(repo, capsys).values()) == {"current"}
    code, out = run(repo, capsys, "status")
    assert code == 0 and "6 current, 0 outdated, 0 missing" in out


def test_a_changed_english_page_makes_its_translations_outdated_and_says_so_to_readers(repo, capsys):
    edit_english(repo)
    found = status(repo, capsys)
    assert found[("guide.md", "fr")] == found[("guide.md", "it")] == "outdated"
    assert found[("other.md", "fr")] == "current"
    html = built_page(repo, "fr/guide.html")
    assert 'data-translation-status="outdated"' in html
    assert "La version anglaise de cette page a changé" in html
    assert 'href="../guide.html" hreflang="en"' in html
    assert 'data-translation-status' not in (repo / "site" / "guide.html").read_text(encoding="utf-8")
    assert 'data-translation-status' not in (repo / "site" / "fr" / "other.html").read_text(encoding="utf-8")


def test_mark_current_clears_the_outdated_status_and_the_notice(repo, capsys):
    edit_english(repo)
    code, out = run(repo, capsys, "mark-current", "docs/fr/guide.md")
    assert code == 0 and "docs/fr/guide.md: marked current" in out
    found = status(repo, capsys)
    assert found[("guide.md", "fr")] == "current"
    assert found[("guide.md", "it")] == "outdated"
    assert 'data-translation-status' not in built_page(repo, "fr/guide.html")
    assert 'data-translation-status="outdated"' in (repo / "site" / "it" / "guide.html").read_text(encoding="utf-8")


def test_a_deleted_translation_is_missing_and_the_english_fallback_says_so(repo, capsys):
    (repo / "docs" / "fr" / "guide.md").unlink()
    assert status(repo, capsys)[("guide.md", "fr")] == "missing"
    code, out = run(repo, capsys, "status", "--check")
    assert code == 1 and "docs/fr/guide.md: missing" in out
    html = built_page(repo, "fr/guide.html")
    assert 'data-translation-status="missing"' in html
    assert "pas encore traduite en français" in html
    assert "Meet people and keep in touch." in html  # the English text, in the French site


def test_check_fails_on_outdated_translations_only_when_the_change_edits_english(repo, capsys):
    edit_english(repo)
    code, out = run(repo, capsys, "check")
    assert code == 0, out  # outdated pages alone do not fail a change that did not cause them
    code, out = run(repo, capsys, "check", "--base", "HEAD")
    assert code == 1
    assert "docs/fr/guide.md: outdated: docs/en/guide.md changed in this change" in out
    assert "docs/it/guide.md: outdated" in out
    code, out = run(repo, capsys, "acknowledge", "docs/fr/guide.md", "docs/it/guide.md")
    assert code == 0
    code, out = run(repo, capsys, "check", "--base", "HEAD")
    assert code == 0, out
    assert "translations: ok" in out


def test_a_structural_mismatch_is_reported_with_file_and_line(repo, capsys):
    path = repo / "docs" / "it" / "guide.md"
    text = path.read_text(encoding="utf-8").replace("## Ricontattare", "### Ricontattare").replace("l’[altra pagina](other.md)", "l’altra pagina")
    path.write_text(text, encoding="utf-8")
    code, out = run(repo, capsys, "structure")
    assert code == 1
    heading_line = text.splitlines().index("### Ricontattare") + 1
    english_line = (repo / "docs" / "en" / "guide.md").read_text(encoding="utf-8").splitlines().index("## Follow up") + 1
    assert f"docs/it/guide.md:{heading_line}: heading 3 is level 3 here but level 2 in docs/en/guide.md:{english_line}" in out
    assert "docs/it/guide.md:1: link to other.md of docs/en/guide.md:" in out


def test_new_creates_three_pages_and_a_nav_entry_that_build_strictly(repo, capsys):
    code, out = run(repo, capsys, "new", "rules/small-talk.md", "--section", "Rules", "--new-section", "--title", "Small talk",
                    "--title-fr", "Bavarder sans s’ennuyer", "--title-it", "Chiacchiere utili",
                    "--description", "How to begin a conversation with someone you have never met.")
    assert code == 0
    for lang, title in (("en", "Small talk"), ("fr", "Bavarder sans s’ennuyer"), ("it", "Chiacchiere utili")):
        text = (repo / "docs" / lang / "rules" / "small-talk.md").read_text(encoding="utf-8")
        assert f"title: {title}" in text and f"# {title}" in text
        assert ("source_hash:" in text) == (lang != "en")
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n- Rules:\n    - rules/small-talk.md\n" in config
    assert set(status(repo, capsys).values()) == {"current"}
    html = built_page(repo, "fr/rules/small-talk.html")
    assert "Bavarder sans s’ennuyer" in html


def test_new_refuses_a_section_the_nav_does_not_have(repo, capsys):
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="no nav section 'Cosa dire' in mkdocs.yml; sections are named in English"):
        run(repo, capsys, "new", "rules/small-talk.md", "--section", "Cosa dire", "--title", "Small talk")
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (repo / "docs" / "en" / "rules" / "small-talk.md").exists()


def test_new_refuses_an_existing_page(repo, capsys):
    with pytest.raises(SystemExit, match="already exists: docs/en/guide.md"):
        run(repo, capsys, "new", "guide.md", "--title", "Again")


MISSPELLED = {"en": "Bring your buisness cards.", "fr": "Apportez vos cartes de vizite.", "it": "Porta i tuoi bilietti da visita."}


def test_a_misspelled_word_is_caught_in_each_language(repo, capsys):
    code, out = run(repo, capsys, "spelling")
    assert code == 0, out
    for lang, sentence in MISSPELLED.items():
        path = repo / "docs" / lang / "other.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    code, out = run(repo, capsys, "spelling")
    assert code == 1
    for lang, word in (("en", "buisness"), ("fr", "vizite"), ("it", "bilietti")):
        line = (repo / "docs" / lang / "other.md").read_text(encoding="utf-8").splitlines().index(MISSPELLED[lang]) + 1
        assert f"docs/{lang}/other.md:{line}: {word}" in out
    assert out.count("\n") == 4  # three mistakes and the summary, nothing else


def test_the_link_checker_finds_a_missing_anchor_and_file(repo, capsys):
    built_page(repo, "index.html")
    page = repo / "site" / "fr" / "other.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", '<a href="guide.html#nowhere">x</a><a href="gone.html">y</a></article>'), encoding="utf-8")
    code, out = run(repo, capsys, "links", str(repo / "site"))
    assert code == 1
    assert "fr/other.html: guide.html#nowhere: no element with id 'nowhere'" in out
    assert "fr/other.html: gone.html: no such file" in out


def test_the_guide_command_called_in_process_leaves_the_processs_signals_alone(capsys):
    # `guide` run from a shell dies quietly of SIGPIPE when piped into `head` (cli.run); called in
    # a process of its own (a test process, which also serves sockets), it must not set that:
    # SIGPIPE's default action would kill the process when a browser hangs up on its server.
    before = signal.getsignal(signal.SIGPIPE)
    assert guide(["--root", str(REPO), "status"]) == 0, capsys.readouterr().out
    assert signal.getsignal(signal.SIGPIPE) == before
