"""The checks CI runs on every pull request, run on the guide itself: they pass as it stands."""

import pytest

from helpers import REPO
from networking_guide.cli import main as guide


@pytest.mark.parametrize("command", [["check"], ["structure"], ["status", "--check"], ["spelling"]])
def test_the_guide_passes_the_contributor_checks(command, capsys):
    assert guide(["--root", str(REPO), *command]) == 0, capsys.readouterr().out


def test_the_built_site_has_no_broken_link_or_anchor(exported_site, capsys):
    assert guide(["--root", str(REPO), "links", str(exported_site.path)]) == 0, capsys.readouterr().out
