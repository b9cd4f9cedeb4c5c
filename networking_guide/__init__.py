"""Tools for the people who write the Networking Guide (the ``guide`` command).

The pure modules the build's hooks use (parsing checklists, translation records, page
structure) are the single source of truth for the checks here too. They live in ``hooks/``,
which MkDocs loads by path rather than as a package, so that folder is made importable.
"""

import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
