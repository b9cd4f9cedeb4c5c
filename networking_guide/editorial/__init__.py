"""Checks of the text itself, for editors: spelling, and the links of the built site."""
