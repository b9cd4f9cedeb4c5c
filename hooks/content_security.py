"""A Content-Security-Policy on every page: scripts, styles and everything else from the site
itself only.

The policy is a ``<meta http-equiv>`` tag (the site is static: no server sends headers), placed
first in the head so it covers every script. The theme's few small inline scripts are allowed
by their SHA-256 hash, computed from each page as built, so an injected script runs nowhere.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Inline scripts the browser runs (JSON data blocks such as Material's __config are not run).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.DOTALL)
CHARSET = re.compile(r"<meta charset=[^>]*>")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return add_policy(output)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return add_policy(output) if template_name.endswith(".html") else output


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        kind = re.search(r'\btype="([^"]*)"', match.group("attributes"))
        if kind and kind.group(1) not in ("text/javascript", "module"):
            continue
        digest = hashlib.sha256(match.group("code").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *script_hashes(html)])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self'; "
        "img-src 'self' data:; "  # Material draws its icons with data: SVG in CSS
        "font-src 'self'; "
        "connect-src 'self'; "
        "frame-src 'self'; "  # the file:// search worker runs in a same-origin iframe
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'"
    )


def add_policy(html: str) -> str:
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    if CHARSET.search(html):
        return CHARSET.sub(lambda match: match.group(0) + "\n    " + tag, html, count=1)
    return html.replace("<head>", "<head>\n    " + tag, 1)
