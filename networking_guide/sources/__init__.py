"""Reading the guide's sources: the files under ``docs/``, their front matter and Markdown.

Every check of the sources, the build's hooks, the ``guide`` command and the tests read pages
through this package, so they all see a page the way MkDocs and Python-Markdown do.
"""
