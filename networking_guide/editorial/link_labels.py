"""Link labels that name another page use its title: a reader who follows “Keeping in touch”
lands on the page called Keeping in touch. A page may list other labels it accepts
(``aliases:`` in its front matter); a link to a glossary entry uses the entry's term or a form
the termbase allows (or names the glossary itself). Links to a section of another page
(``page.md#part``) may say anything."""

from __future__ import annotations

import posixpath
import re

from networking_guide.editorial.termbase import Termbase, normalize
from networking_guide.sources.problems import Problem
from networking_guide.sources.tree import Tree

MARKUP = re.compile(r"[*_`]|\{[^}]*\}|<[^>]+>")


def label_text(label: str) -> str:
    return normalize(MARKUP.sub("", label)).strip(" .,:;«»“”\"'")


def problems(tree: Tree, lang: str, termbase: Termbase | None, glossary_page: str = "glossary.md") -> list[Problem]:
    pages = tree.pages.get(lang, {})
    titles: dict[str, set[str]] = {}
    for relative, page in pages.items():
        meta = page.meta.data
        names = [meta.get("title", "")] + list(meta.get("aliases") or [])
        titles[relative] = {label_text(name) for name in names if isinstance(name, str)}
    glossary_terms: dict[str, set[str]] = {}
    if termbase:
        for glossary_id, entry in termbase.by_glossary_id().items():
            glossary_terms[glossary_id] = {label_text(form) for form in entry.allowed}
    glossary = pages.get(glossary_page)
    if glossary:
        for heading in glossary.source.headings:
            if heading.id:
                glossary_terms.setdefault(heading.id, set()).add(label_text(heading.text))
    found = []
    for relative, page in sorted(pages.items()):
        for link in page.source.links:
            if not link.internal or link.image or not link.label.strip():
                continue
            path, _, fragment = link.target.partition("#")
            if not path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), path))
            label = label_text(link.label)
            if target == glossary_page and fragment:
                allowed = glossary_terms.get(fragment, set())
                if allowed and label not in allowed and label not in titles.get(glossary_page, set()):
                    found.append(Problem(page.shown, link.line, f"the link “{link.label}” opens the glossary entry "
                                                                f"“{sorted(allowed)[0]}”: use its term or a form the termbase allows"))
            elif not fragment and target in titles and label not in titles[target]:
                title = pages[target].meta.data.get("title", target)
                found.append(Problem(page.shown, link.line, f"the link “{link.label}” opens “{title}”: use that title, "
                                                            f"or add the label to its `aliases:`"))
    return found
