"""The Content-Security-Policy every page carries: everything from the site itself, nothing inline.

A static site has no server to send headers, so the policy is a ``<meta http-equiv>`` tag, written
by ``overrides/main.html`` before the page's first style or script. It is one fixed string: the
theme's inline scripts were moved into files (see ``networking_guide.engine``), so the policy
holds no hash, and a script that reaches a page some other way does not run.
"""

from __future__ import annotations

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # Material draws its icons with data: SVG in its stylesheet; pages cannot use data: URLs.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    # The file:// search worker runs in a same-origin frame (iframe-worker.js).
    ("frame-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
