"""The Content-Security-Policy in Chromium: script that reaches a page any other way is blocked.
(Nothing the site does is blocked: the search and checklist tests watch for violations.)"""

from __future__ import annotations

import shutil

import pytest

from helpers import DirectoryServer
from networking_guide.security.policy import POLICY

INJECTED = ('<script>document.documentElement.dataset.injected = "inline";</script>'
            '<img src="missing.png" onerror="document.documentElement.dataset.injected = \'handler\'">'
            '<a id="injected-link" href="javascript:document.documentElement.dataset.injected=\'url\'">x</a>')


def watch_for_violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None)
    return found


@pytest.mark.browser
def test_script_added_to_a_built_page_after_the_build_does_not_run(browser, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site.path, site, ignore=shutil.ignore_patterns("download"))
    page_file = site / "fr" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    assert POLICY in html
    page_file.write_text(html.replace("</article>", INJECTED + "</article>", 1), encoding="utf-8")
    server = DirectoryServer(site)
    context = browser.new_context()
    try:
        page = context.new_page()
        violations = watch_for_violations(page)
        page.goto(server.url + "fr/index.html")
        page.click("#injected-link")
        page.wait_for_timeout(300)
        assert page.evaluate("document.documentElement.dataset.injected") is None
        assert len(violations) >= 3  # the inline script, the handler, the javascript: URL
        assert all("script-src 'self'" in message for message in violations)
        # The theme still works under the policy: its scripts are files of the site.
        assert page.evaluate("typeof __md_get") == "function"
    finally:
        context.close()
        server.close()


def test_every_built_page_carries_the_policy_before_any_script(built_site):
    pages = [p for p in built_site.path.rglob("*.html") if "assets" not in p.parts]
    assert len(pages) > 80
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, path
        assert f'content="{POLICY}"' in html
        assert html.index("Content-Security-Policy") < html.index("<script"), path
