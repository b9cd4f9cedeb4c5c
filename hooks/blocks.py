"""Checklists and message templates: our Python-Markdown extension, set up for each language.

Glue for ``networking_guide.blocks``. The extension is listed in mkdocs.yml under
``markdown_extensions`` (so any engine running Python-Markdown renders the blocks); for each
language's build this hook gives it that language's interface words and the theme's templates
(``overrides/guide/*.html`` may replace ours). The blocks are checked before the build by
``source_checks.py``.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from networking_guide import engine
from networking_guide.blocks.extension import TEMPLATES
from networking_guide.text import interface_text

EXTENSION = "networking_guide.blocks.extension"


def on_config(config: MkDocsConfig):
    engine.add_theme_templates(config, TEMPLATES)
    if EXTENSION not in config.markdown_extensions:
        raise engine.AssumptionBroken("mkdocs.yml lists our blocks extension", f"add `- {EXTENSION}` under markdown_extensions")
    settings = config.mdx_configs.setdefault(EXTENSION, {})
    settings["language"] = engine.current_language(config)
    settings["words"] = interface_text(settings["language"])
    settings["environment"] = engine.theme_environment(config)
    return config
