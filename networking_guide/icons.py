"""The home-screen icons of the installable site (192 and 512 px PNG), made from our logo: the
logo in white on the theme colour, with room around it for masks. They are files of the
repository (``overrides/assets/images/icon-*.png``); ``guide icons`` makes them again after
the logo changes. Each PNG records the logo's hash, so a test knows they are the current logo's."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from networking_guide import browser as browsers
from networking_guide.installable import THEME_COLOUR

SIZES = (192, 512)
HASH_KEY = "source-sha256"


def logo_hash(logo: Path) -> str:
    return hashlib.sha256(logo.read_bytes()).hexdigest()


def recorded_hash(icon: Path) -> str:
    from PIL import Image

    with Image.open(icon) as image:
        return image.text.get(HASH_KEY, "")


def make(logo: Path, folder: Path, chromium: str | None = None, browser=None) -> list[Path]:
    """Render the icons with Chromium (Playwright, from the test dependencies): ``browser`` or
    one of its own."""
    from PIL import Image, PngImagePlugin

    svg = logo.read_text(encoding="utf-8").replace("currentColor", "#ffffff")
    svg = svg.replace('width="24" height="24"', 'width="100%" height="100%"')
    made = []
    with browsers.chromium(chromium, browser) as running:
        for size in SIZES:
            page = running.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<html><body style="margin:0;background:{THEME_COLOUR};display:grid;place-items:center;'
                             f'width:{size}px;height:{size}px"><div style="width:{int(size * 0.62)}px;height:{int(size * 0.62)}px">'
                             f"{svg}</div></body></html>")
            png = page.screenshot(clip={"x": 0, "y": 0, "width": size, "height": size})
            page.close()
            info = PngImagePlugin.PngInfo()
            info.add_text(HASH_KEY, logo_hash(logo))
            target = folder / f"icon-{size}.png"
            Image.open(io.BytesIO(png)).save(target, pnginfo=info, optimize=True)
            made.append(target)
    return made
