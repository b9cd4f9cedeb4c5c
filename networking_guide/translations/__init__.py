"""Translations: which English version each page translates (``records``), what a translation
must share with its English page (``structure``), and the status readers and contributors see."""
