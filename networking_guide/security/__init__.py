"""What keeps contributed content from running code or reaching another host.

- ``sanitizer``: the allowlist every page's rendered HTML must fit (nh3, the bindings of Rust's
  ammonia), with a precise refusal for anything outside it;
- ``page_output``: the last check on each finished page (theme, navigation and all): no inline
  script, no event handler, no script URL;
- ``policy``: the fixed Content-Security-Policy every page carries.
"""
