"""Contributed content cannot run script, restyle the site, send readers elsewhere or publish a
file of the build machine: each way a hostile contributor might try, from a fixture, with the
exact message the contributor gets. (Browser proof of the policy: test_browser_security.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import DOCS, languages, page_text, render
from networking_guide.security import page_output, policy, sanitizer
from networking_guide.sources import front_matter
from networking_guide.sources.tree import read_tree


def problems_of(body: str, path: str = "docs/en/page.md") -> list[str]:
    """What the build reports for a page with this Markdown body (front matter: 4 lines + blank)."""
    source = page_text("Page", body)
    _, problems = sanitizer.check_page(render(source.split("---\n", 2)[2]), source, path)
    return [str(problem) for problem in problems]


SCRIPT = "docs/en/page.md:{line}: <script> is not allowed in pages: pages cannot run script; remove it (show code in a fenced code block)"

# Markdown that a line-by-line check took for code, while Markdown renders a live <script>.
CODE_LOOKALIKES = {
    "after-an-indented-fence-line": "    ```\n\n<script>alert(1)</script>\n\n```",
    "tilde-line-inside-a-backtick-block": "```text\n~~~\n```\n\n<script>alert(1)</script>\n\n~~~",
    "unclosed-fence-after-text": "Intro.\n\n````\n```\n\n<script>alert(1)</script>",
    "inline-code-at-line-start": "`x` <script>alert(1)</script> `y`",
    "escaped-backticks": "\\`<script>alert(1)</script>\\`",
    "fence-in-a-list-item-closed-by-dedent": "- item\n\n    ```\n    code\n\n<script>alert(1)</script>",
}


@pytest.mark.parametrize("case", CODE_LOOKALIKES)
def test_script_that_looks_like_code_to_a_line_scanner_is_refused(case):
    body = CODE_LOOKALIKES[case]
    line = 7 + next(n for n, text in enumerate(body.splitlines(), start=1) if "<script" in text)
    assert SCRIPT.format(line=line) in problems_of(body)


def test_code_blocks_and_inline_code_may_show_unsafe_html():
    body = ("Never write `<script>` in a page:\n\n```html\n<script>alert(1)</script>\n<a onclick=\"x()\">\n```\n\n"
            "~~~\n<iframe src=\"https://example.org\">\n~~~\n\n    <style>body{}</style>\n")
    assert problems_of(body) == []


REFUSED = {
    "style-element": ("<style>body { display: none }</style>",
                      "docs/en/page.md:8: <style> is not allowed in pages: pages cannot restyle the site; use a class defined in guide.css"),
    "iframe": ('<iframe src="https://example.org"></iframe>',
               "docs/en/page.md:8: <iframe> is not allowed in pages: pages cannot embed other pages; link to it instead"),
    "object": ('<object data="x.swf"></object>',
               "docs/en/page.md:8: <object> is not allowed in pages: pages cannot embed objects; link to the file instead"),
    "form": ('<form action="https://example.org"><button>Go</button></form>',
             "docs/en/page.md:8: <form> is not allowed in pages: pages cannot send forms; remove it"),
    "meta-refresh": ('<meta http-equiv="refresh" content="0; url=https://example.org">',
                     "docs/en/page.md:8: <meta> is not allowed in pages: pages cannot carry metadata tags (a refresh would send readers elsewhere); put title and description in the front matter"),
    "base": ('<base href="https://example.org/">',
             "docs/en/page.md:8: <base> is not allowed in pages: pages cannot change where their links point; remove it"),
    "event-attribute-in-html": ('<div markdown onclick="steal()">Click</div>',
                                "docs/en/page.md:8: event attribute onclick= on <div> is not allowed: pages cannot run script"),
    "event-attribute-from-attr-list": ("A paragraph.\n{: onclick=\"steal()\" }",
                                       "docs/en/page.md:9: event attribute onclick= on <p> is not allowed: pages cannot run script"),
    "style-attribute": ('Red.\n{: style="color: red" }',
                        "docs/en/page.md:9: style= on <p> is not allowed: use a class defined in guide.css"),
    "javascript-link": ("[Click](javascript:alert(1))",
                        "docs/en/page.md:8: URL 'javascript:alert(1)' in <a href> is not allowed: links may be relative, https:, http: or mailto:"),
    "reference-link": ("[Click][e]\n\n[e]: javascript:alert(1)",
                       "docs/en/page.md:10: URL 'javascript:alert(1)' in <a href> is not allowed: links may be relative, https:, http: or mailto:"),
    "entity-encoded-scheme": ('<a href="&#106;avascript:alert(1)">Click</a>',
                              "docs/en/page.md:8: URL 'javascript:alert(1)' in <a href> is not allowed: links may be relative, https:, http: or mailto:"),
    "upper-case-vbscript": ('<a href="VBScript:msgbox(1)">Click</a>',
                            "docs/en/page.md:8: URL 'VBScript:msgbox(1)' in <a href> is not allowed: links may be relative, https:, http: or mailto:"),
    "data-url-link": ('<a href="data:text/html,<b>x</b>">Click</a>',
                      "docs/en/page.md:8: URL 'data:text/html,<b>x</b>' in <a href> is not allowed: links may be relative, https:, http: or mailto:"),
    "image-from-another-host": ("![Logo](https://example.org/logo.png)",
                                "docs/en/page.md:8: image address 'https://example.org/logo.png' in <img src> is not allowed: images must be files of the site, linked by a relative path"),
    "image-as-data-url": ('<img src="data:image/png;base64,AAAA" alt="x">',
                          "docs/en/page.md:8: image address 'data:image/png;base64,AAAA' in <img src> is not allowed: images must be files of the site, linked by a relative path"),
    "attachment-link": ("[File](notes.pdf){rel=attachment}",
                        "docs/en/page.md:8: attribute rel='attachment' on <a> is not allowed: remove it (allowed everywhere: id, class, role, lang, title, aria-*, data-*)"),
    "text-input": ('<input type="text" name="q">',
                   "docs/en/page.md:8: type='text' on <input> is not allowed: only type='checkbox' is"),
    "submit-button": ('<button type="submit">Send</button>',
                      "docs/en/page.md:8: type='submit' on <button> is not allowed: only type='button' is"),
    "theme-class": ("Fake search.\n{: .md-search }",
                    "docs/en/page.md:9: class 'md-search' on <p> belongs to the theme's interface: use a class of our own (ng-…) defined in guide.css"),
    "theme-id": ('<div id="__config">{}</div>',
                 "docs/en/page.md:8: id '__config' on <div> is reserved by the theme: choose another id"),
    "theme-data-attribute": ('<div data-md-component="search">x</div>',
                             "docs/en/page.md:8: attribute data-md-component= on <div> is reserved by the theme: remove it"),
    "svg-script": ('<svg viewBox="0 0 10 10"><script>alert(1)</script></svg>',
                   SCRIPT.format(line=8)),
    "svg-foreign-object": ('<svg viewBox="0 0 10 10"><foreignObject><p>x</p></foreignObject></svg>',
                           "docs/en/page.md:8: <foreignobject> is not allowed in pages: remove it, or write it as Markdown"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_markup_outside_the_allowlist_is_refused_with_its_line_and_fix(case):
    body, message = REFUSED[case]
    assert message in problems_of(body)


def test_a_refusal_produced_from_something_else_says_so():
    clean, problems = sanitizer.check_page('<p onclick="x()">Hi</p>', "---\ntitle: T\n---\n\nHi\n", "docs/en/page.md")
    assert [str(p) for p in problems] == [
        "docs/en/page.md:1: event attribute onclick= on <p> is not allowed: pages cannot run script "
        "(not written as such in the source: look for what produces it)"]
    assert "onclick" not in clean


def test_the_published_html_is_the_sanitizer_output():
    clean, _ = sanitizer.sanitize('<p>Hi<script>alert(1)</script><a href="javascript:x" onclick="y">a</a></p>')
    assert clean == "<p>Hi<a>a</a></p>"


def test_what_our_content_needs_is_allowed():
    html = render(
        "# Title\n\n## Section {#s}\n\nText with *emphasis*, **strong**, `code`, a [link](other.md#s \"Tip\"), "
        "[mail](mailto:a@example.org), [web](https://example.org) and a footnote.[^1]\n\n"
        "![A picture](images/picture.png){ width=\"300\" }\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n"
        "!!! tip \"Tip\"\n    Inside.\n\n??? note \"More\"\n    Hidden.\n\n- [ ] task\n\nTerm\n:   Definition\n\n"
        "*[HTML]: Hyper Text\n\nHTML\n\n[^1]: The note.\n\n"
        '<div class="ng-checklist" data-checklist="x" role="group" aria-label="X" markdown>\n'
        '<input type="checkbox" id="b" data-item="i" aria-describedby="h"> <label for="b">Item</label>\n'
        '<button type="button" class="md-button">Reset</button>\n<p hidden role="status">Saved.</p>\n</div>\n\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" role="img" aria-label="A"><title>T</title>'
        '<g fill="#eee" stroke="#333" stroke-width="2"><rect width="10" height="10" rx="2"/><circle cx="5" cy="5" r="3"/>'
        '<path d="M0 0L10 10"/></g><text x="1" y="2" text-anchor="middle">Hi</text></svg>\n')
    clean, refusals = sanitizer.sanitize(html)
    assert refusals == []
    assert 'align="left"' in html and "style=" not in html  # tables align without style=


def test_every_real_page_passes_the_sanitizer():
    pages = sorted(DOCS.rglob("*.md"))
    assert len(pages) >= 84
    refused = {}
    for path in pages:
        source = path.read_text(encoding="utf-8")
        body = source.split("---\n", 2)[2]
        _, problems = sanitizer.check_page(render(body), source, str(path))
        if problems:
            refused[path.name] = [str(p) for p in problems]
    assert refused == {}


# Front matter ------------------------------------------------------------------------------


def front_matter_problems(text: str) -> list[str]:
    return [str(p) for p in front_matter.read(front_matter.page_text(text.encode("utf-8")), "docs/en/page.md")[1]]


FRONT_MATTER = {
    "yaml-escape-hides-markup": (
        '---\ntitle: "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e"\ndescription: A description that is long enough.\n---\n',
        ["docs/en/page.md:2: `title`: holds / < >: values are plain text, shown as written (quote with “ ” or « », write “and” for &)"
         .replace("/ ", "")]),
    "line-continuation-hides-markup": (
        '---\ntitle: "Welcome <scr\\\n  ipt>"\ndescription: A description that is long enough.\n---\n',
        ["docs/en/page.md:2: `title`: holds < >: values are plain text, shown as written (quote with “ ” or « », write “and” for &)"]),
    "quote-breaks-out-of-an-attribute": (
        '---\ntitle: Hello\ndescription: \'x" http-equiv="refresh" content="0;url=https://example.org\'\n---\n',
        ['docs/en/page.md:3: `description`: holds ": values are plain text, shown as written (quote with “ ” or « », write “and” for &)']),
    "control-character": (
        '---\ntitle: "Right-to-left \\u202e txt.exe"\ndescription: A description that is long enough.\n---\n',
        ["docs/en/page.md:2: `title`: holds control characters (U+202E): write it on one line, as plain text"]),
    "duplicate-key": (
        "---\ntitle: First\ndescription: A description that is long enough.\ntitle: Second\n---\n",
        ["docs/en/page.md:4: front matter is not valid YAML (the key `title` is written twice (first on line 2))"]),
    "theme-key": (
        "---\ntitle: Hello\ndescription: A description that is long enough.\ntemplate: 404.html\n---\n",
        ["docs/en/page.md:4: front matter key `template` is not one the guide uses "
         "(title, description, aliases, keywords, source_hash, translation_pending, search): remove it"]),
    "not-a-mapping": ("---\n- a list\n---\n", ["docs/en/page.md:2: front matter must be `key: value` lines (title, description)"]),
    "missing-description": ("---\ntitle: Hello\n---\n", ["docs/en/page.md:1: front matter has no `description`"]),
    "never-closed": ("---\ntitle: Hello\n\n# Hello\n", ["docs/en/page.md:1: the front matter is never closed: add a line with --- after its last key"]),
    "none": ("# Hello\n", ["docs/en/page.md:1: no front matter: start the page with ---, then title: …, description: …, then ---"]),
}


@pytest.mark.parametrize("case", FRONT_MATTER)
def test_front_matter_values_are_plain_text(case):
    text, expected = FRONT_MATTER[case]
    assert front_matter_problems(text) == expected


@pytest.mark.parametrize("text", [
    "\ufeff---\ntitle: With a byte-order mark\ndescription: A description that is long enough.\n---\n\n# Hi\n",
    "---\r\ntitle: Windows line endings\r\ndescription: A description that is long enough.\r\n---\r\n\r\n# Hi\r\n",
    "---\ntitle: Closed with dots\ndescription: A description that is long enough.\n...\n\n# Hi\n",
    "---  \ntitle: “Quoted” l’apostrophe — and «guillemets»\ndescription: A description that is long enough.\n---\n",
])
def test_front_matter_is_read_as_mkdocs_reads_it(text):
    meta, problems = front_matter.read(front_matter.page_text(text.encode("utf-8")), "docs/en/page.md")
    assert problems == []
    assert meta.data["description"] == "A description that is long enough."


# Files under docs/ -------------------------------------------------------------------------


def tree_problems(tmp_path: Path, files: dict[str, str | bytes], links: dict[str, str] = ()) -> list[str]:
    docs = tmp_path / "docs"
    good = page_text("Home", "Text.")
    for lang in languages():
        (docs / lang).mkdir(parents=True, exist_ok=True)
        (docs / lang / "index.md").write_text(good, encoding="utf-8")
    for relative, content in files.items():
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    for relative, target in dict(links).items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, docs / relative)
    return [str(p) for p in read_tree(docs, list(languages()), "en", tmp_path).problems]


FILES = {
    "other-markdown-suffix": ({"en/guide.markdown": page_text("G", "x"), "en/old.mkd": "x"}, {}, [
        "docs/en/guide.markdown:1: pages must end in .md: rename it to guide.md",
        "docs/en/old.mkd:1: pages must end in .md: rename it to old.md"]),
    "html-and-script-files": ({"fr/page.html": "<script>alert(1)</script>", "it/app.js": "alert(1)", "en/x.htm": "<p>"}, {}, [
        "docs/en/x.htm:1: an HTML file cannot be part of the pages: write the page in Markdown (.md); the site's own code lives in overrides/",
        "docs/fr/page.html:1: an HTML file cannot be part of the pages: write the page in Markdown (.md); the site's own code lives in overrides/",
        "docs/it/app.js:1: a script cannot be part of the pages: write the page in Markdown (.md); the site's own code lives in overrides/"]),
    "svg-with-script": ({"en/images/map.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>'}, {}, [
        "docs/en/images/map.svg:2: <script> is not allowed in pages: pages cannot run script; remove it (show code in a fenced code block) "
        "(SVG images pass the same checks as pages)"]),
    "image-that-is-not-one": ({"en/images/photo.png": b"<html><script>alert(1)</script>"}, {}, [
        "docs/en/images/photo.png:1: is not a PNG image, whatever its name says: save it in that format"]),
    "other-file-type": ({"en/notes.txt": "hello"}, {}, [
        "docs/en/notes.txt:1: only pages and images may be under docs/ (.md, .svg, .png, .jpg, .jpeg, .gif, .webp): remove it"]),
    "link-to-a-system-file": ({}, {"en/passwd.md": "/etc/passwd"}, [
        "docs/en/passwd.md:1: is a symbolic link (to /etc/passwd): links are not followed, put the file itself here"]),
    "link-to-a-folder": ({}, {"fr/proc": "/proc/self"}, [
        "docs/fr/proc:1: is a symbolic link (to /proc/self): links are not followed, put the file itself here"]),
    "link-loop": ({}, {"it/loop": "."}, [
        "docs/it/loop:1: is a symbolic link (to .): links are not followed, put the file itself here"]),
    "translation-without-english-page": ({"fr/seulement.md": page_text("Seulement", "x")}, {}, [
        "docs/fr/seulement.md:1: no en page docs/en/seulement.md: every page starts in en (create it there, or remove this file)"]),
    "not-a-language-folder": ({"de/index.md": page_text("Start", "x")}, {}, [
        "docs/de:1: not a language folder of the site (en, fr, it): move it under docs/<language>/"]),
    "not-utf8": ({"it/index.md": page_text("Guida", "Una pagina.").encode("utf-8") + b"Caff\xe8\n"}, {}, [
        "docs/it/index.md:9: not UTF-8 (byte 0xe8): save the file as UTF-8"]),
}


@pytest.mark.parametrize("case", FILES)
def test_every_file_under_docs_is_checked(tmp_path, case):
    files, links, expected = FILES[case]
    assert tree_problems(tmp_path, files, links) == expected


def test_an_unreadable_page_is_named(tmp_path, monkeypatch):
    refused = tmp_path / "docs" / "en" / "locked.md"
    real_read_bytes = Path.read_bytes

    def read_bytes(path):
        if path == refused:
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert tree_problems(tmp_path, {"en/locked.md": "x"}) == [
        "docs/en/locked.md:1: cannot be read (Permission denied): check its permissions"]


def test_hidden_files_are_skipped_but_hidden_links_are_not(tmp_path):
    assert tree_problems(tmp_path, {"en/.notes.txt": "x"}, {"en/.secret": "/etc/passwd"}) == [
        "docs/en/.secret:1: is a symbolic link (to /etc/passwd): links are not followed, put the file itself here"]


# The policy and the finished page -----------------------------------------------------------


def test_the_policy_allows_the_site_only_and_no_inline_script():
    directives = dict(part.strip().split(" ", 1) for part in policy.POLICY.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    assert "unsafe" not in policy.POLICY and "sha256" not in policy.POLICY and "http" not in policy.POLICY


def finished(head: str = "", body: str = "") -> str:
    return (f'<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy.POLICY}">'
            f'{head}</head><body>{body}<script id="__config" type="application/json">{{}}</script>'
            '<script src="assets/app.js"></script></body></html>')


def test_a_finished_page_with_only_our_scripts_passes():
    assert page_output.page_problems(finished()) == []


@pytest.mark.parametrize("head, body, expected", [
    ("", "<script>alert(1)</script>", "inline <script> (alert(1))"),
    ("", '<script type="module">import "x"</script>', 'inline <script> (import "x")'),
    ("", '<a href="  java\tscript:alert(1)">x</a>', "<a href> holds a javascript: URL"),
    ("", '<img src="x" onerror="alert(1)">', "<img> has an event attribute onerror="),
    ('<script src="https://cdn.example.org/x.js"></script>', "", "<script src> loads https://cdn.example.org/x.js from another host"),
    ('<link rel="stylesheet" href="//fonts.example.org/x.css">', "", "<link rel=stylesheet> loads //fonts.example.org/x.css from another host"),
    ('<meta http-equiv="refresh" content="0;url=https://example.org">', "", '<meta http-equiv="refresh"> would send the reader elsewhere'),
    ("", '<iframe src="https://example.org"></iframe>', "<iframe> is not allowed on a page"),
])
def test_the_finished_page_check_refuses_script_and_other_hosts(head, body, expected):
    assert page_output.page_problems(finished(head, body)) == [expected]


def test_a_finished_page_without_our_policy_is_refused():
    html = finished().replace(policy.POLICY, "default-src *")
    assert page_output.page_problems(html) == ["the page must carry exactly our Content-Security-Policy (found 1 different ones)"]
