"""The installable guide in Chromium: after one visit a reader can lose the network and keep
reading every page of their language, search it and tick its checklists; a new build's worker
takes over and removes the old caches; Chromium finds the site installable."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM_ARGS, chromium_path
from helpers import LANGUAGE_PREFIX, LANGUAGES, DirectoryServer
from networking_guide import installable
from networking_guide.languages import words
from test_browser_search_and_languages import SHARED_WORD, language_of, search

pytestmark = pytest.mark.browser

# How long a worker may take to save a language (or a new build) for reading offline.
SAVING_TIMEOUT = 60_000

FIRST_PAGE = "start/index.html"
# A page the reader never opened online.
OTHER_PAGE = "checklists/at-the-event.html"


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the built site, served on its own port: tests change it and stop its server."""
    folder = tmp_path / "site"
    shutil.copytree(built_site.path, folder)
    server = DirectoryServer(folder)
    server.folder = folder
    yield server
    server.close()


@pytest.fixture
def reader(browser):
    """A reader's browser profile where the service worker may run."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.violations = []
    page.on("console", lambda message: page.violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.on("console", lambda message: print("console:", message.text))
    page.on("requestfailed", lambda request: print("failed:", request.url, request.failure))
    yield page
    context.close()
    assert page.violations == [], "the site's policy blocked something of the site's"


def saved_for_offline(page, lang: str) -> None:
    """Wait until the page tells its reader that its language is saved for reading offline."""
    # The worker fetches the whole language first (about 200 files): on a loaded two-core
    # machine that takes longer than a page action.
    expect(page.locator(".guide-offline-ready")).to_have_text(words(lang)["offline_ready"], timeout=SAVING_TIMEOUT)


ASK = """([message, expected]) => new Promise((resolve) => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return resolve(null);
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(expected && event.data.version !== expected ? null : event.data);
    worker.postMessage(message, [channel.port2]);
    setTimeout(() => resolve(null), 2000);
})"""


WORKERS = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const state = (worker) => worker ? worker.state : null;
    return {controller: !!navigator.serviceWorker.controller, installing: state(registration && registration.installing),
            waiting: state(registration && registration.waiting), active: state(registration && registration.active),
            caches: await caches.keys()};
}"""


def wait_for(page, found, failure: str):
    """Poll ``found(page)`` every 200 ms until it gives something, for as long as saving may take."""
    deadline = time.monotonic() + SAVING_TIMEOUT / 1000
    while time.monotonic() < deadline:
        answer = found(page)
        if answer:
            return answer
        page.wait_for_timeout(200)
    raise AssertionError(f"{failure}; workers: {page.evaluate(WORKERS)}")


def ask(page, message: dict, version: str | None = None) -> dict:
    """The answer of the worker that controls the page (once it is ``version``'s, if given)."""
    return wait_for(page, lambda page: page.evaluate(ASK, [message, version]),
                    f"no worker{' of version ' + version if version else ''} answered {message}")


def installed_and_active(page, version: str) -> None:
    """Wait, without a word to any worker, until ``version``'s worker has filled its caches and
    is the active one. (Chromium activates a new worker only when the old one has no event in
    flight: a test that kept messaging the old worker meanwhile kept the new one waiting.)"""
    def active(page) -> bool:
        state = page.evaluate(WORKERS)
        return (state["installing"] is None and state["waiting"] is None and state["active"] == "activated"
                and f"networking-guide-{version}-shared" in state["caches"])

    wait_for(page, active, f"the worker of version {version} did not become active")


def cache_names(page) -> list[str]:
    return sorted(page.evaluate("caches.keys()"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_one_visit_the_readers_language_works_without_a_network(reader, own_site, lang):
    prefix = own_site.url + LANGUAGE_PREFIX[lang]
    reader.goto(prefix + FIRST_PAGE)
    saved_for_offline(reader, lang)
    version = ask(reader, {"type": "version"})["version"]
    # One cache for the shared files, one for this language: nothing of the other languages.
    assert cache_names(reader) == sorted([f"networking-guide-{version}-shared", f"networking-guide-{version}-{lang}"])

    own_site.close()  # the network is gone: the server does not answer any more
    reader.context.set_offline(True)
    reader.goto(prefix + OTHER_PAGE)
    expect(reader.locator("h1").first).to_be_visible()
    assert reader.locator("html").get_attribute("lang") == lang
    box = reader.locator('input.ng-checklist__box[data-item="badge"]')
    box.check()
    reader.reload()
    expect(box).to_be_checked()
    # Search answers offline, in the reader's language, and its results open.
    urls = search(reader, SHARED_WORD)
    assert urls and {language_of(url, own_site.url) for url in urls} == {lang}
    reader.goto(urls[-1])
    expect(reader.locator("h1").first).to_be_visible()
    # The message was said once: it does not come back on the next page.
    expect(reader.locator(".guide-offline-ready")).to_have_count(0)


def test_a_new_builds_worker_takes_over_and_removes_the_old_caches(reader, own_site):
    site = own_site.folder
    reader.goto(own_site.url + FIRST_PAGE)
    saved_for_offline(reader, "en")
    old = cache_names(reader)

    # What the next build writes: a changed page, and a worker that lists this build's files.
    changed = site / OTHER_PAGE
    changed.write_text(changed.read_text(encoding="utf-8").replace("</h1>", " (second edition)</h1>", 1), encoding="utf-8")
    prefixes = dict(LANGUAGE_PREFIX)
    names = {}
    for lang, prefix in prefixes.items():
        data = json.loads((site / prefix / installable.MANIFEST).read_text(encoding="utf-8"))
        names[lang] = (data["name"], data["short_name"], data["description"])
    version = installable.write(site, prefixes, set(LANGUAGES), names)
    assert f"networking-guide-{version}-shared" not in old

    reader.reload()  # the browser checks the worker on navigation and finds a new one
    installed_and_active(reader, version)
    ask(reader, {"type": "version"}, version)  # the new worker controls the page
    answer = ask(reader, {"type": "cache-language", "language": "en"}, version)
    assert answer["missing"] == 0
    # Only this build's caches are left (the old worker may still be finishing a download).
    expected = sorted([f"networking-guide-{version}-shared", f"networking-guide-{version}-en"])
    for _ in range(50):
        if cache_names(reader) == expected:
            break
        reader.wait_for_timeout(200)
    assert cache_names(reader) == expected
    # The message is not said again: the reader knows the guide works offline.
    expect(reader.locator(".guide-offline-ready")).to_have_count(0)

    own_site.close()
    reader.context.set_offline(True)
    reader.goto(own_site.url + OTHER_PAGE)
    expect(reader.locator("h1").first).to_contain_text("(second edition)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chromium_finds_each_language_installable(browser, site_server, tmp_path, lang):
    # Chromium offers no installation in a private window: a profile on disk, as a reader's.
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS, service_workers="allow")
    try:
        page = context.new_page()
        page.goto(site_server + LANGUAGE_PREFIX[lang] + "index.html")
        saved_for_offline(page, lang)
        session = context.new_cdp_session(page)
        assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = session.send("Page.getAppManifest")
        assert manifest["url"] == site_server + LANGUAGE_PREFIX[lang] + installable.MANIFEST
        assert manifest["errors"] == []
        data = json.loads(manifest["data"])
        assert data["lang"] == lang and data["start_url"] == "./index.html"
    finally:
        context.close()
