"""Tools for the people who write the Networking Guide (the ``guide`` command)."""
