"""Everything readers download: a PDF per language, the offline copy, written atomically."""
