"""One search index per language, and the settings that make it answer readers' questions."""
