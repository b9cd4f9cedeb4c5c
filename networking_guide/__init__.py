"""The Networking Guide's own code: everything between the Markdown in ``docs/`` and the site.

- ``sources``: reading the pages as the build does (files, front matter, Markdown);
- ``blocks``: checklists and message templates (syntax, checks, Python-Markdown extension);
- ``translations``: translation records, structure parity, reader notices;
- ``security``: the sanitizer, the finished-page check, the Content-Security-Policy;
- ``search``, ``exports``, ``editorial``: per-language search, downloads, text checks;
- ``engine``: every assumption about MkDocs, Material and mkdocs-static-i18n;
- ``cli``: the ``guide`` command.

MkDocs reaches this package only through the thin hooks in ``hooks/`` and the Markdown
extension listed in ``mkdocs.yml``.
"""
