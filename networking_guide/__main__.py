"""``python -m networking_guide``: the ``guide`` command."""

from networking_guide.cli import run

run()
