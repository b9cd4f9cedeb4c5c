"""Every page carries a Content-Security-Policy that allows the site's own scripts and styles
only, and nothing the site does is blocked by it."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from conftest import LANGUAGE_PREFIX
from content_security import add_policy, policy, script_hashes
from test_browser_search_and_languages import SHARED_WORD, search


def csp_of(html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert len(found) == 1
    return found[0]


def test_inline_scripts_are_allowed_by_hash_and_data_blocks_are_not_counted():
    html = '<head><meta charset="utf-8"><script>var a=1</script><script id="c" type="application/json">{}</script></head>'
    # CSP's hash source: base64 of the SHA-256 of the script's text.
    expected = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hashes(html) == [f"'sha256-{expected}'"]
    result = add_policy(html)
    assert result.index("Content-Security-Policy") < result.index("<script>")
    assert "'unsafe-inline'" not in policy(html)


def test_every_built_page_has_a_policy_of_the_site_only(built_site):
    pages = [p for p in built_site.path.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 80
    for path in pages:
        html = path.read_text(encoding="utf-8")
        directives = dict(d.strip().split(" ", 1) for d in csp_of(html).split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["style-src"] == "'self'"
        assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/=]+')*", directives["script-src"]), path
        assert directives["object-src"] == "'none'"
        # Each inline script the page has is covered by a hash, and no other hash is listed.
        assert sorted(directives["script-src"].split()[1:]) == script_hashes(html)
        assert html.index("Content-Security-Policy") < html.index("<script")


def watch_for_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None)
    return found


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "fr", "it"])
def test_nothing_the_site_does_is_blocked_by_its_policy(browser, site_server, built_site, lang):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations = watch_for_violations(page)
    try:
        page.goto(site_server + LANGUAGE_PREFIX[lang] + "checklists/before-the-event.html")
        page.locator('input[data-item="rest"]').check()
        assert search(page, SHARED_WORD)
        page.goto((built_site.path / LANGUAGE_PREFIX[lang] / "index.html").as_uri())
        assert search(page, SHARED_WORD)  # the file:// search worker runs under the policy too
        assert violations == []
    finally:
        context.close()
