"""Assembling the printable document (networking_guide/exports/pdf_document.py) and the
renderer's fetcher (networking_guide/exports/pdf_render.py)."""

import pytest

from networking_guide.exports.pdf_document import Cover, PdfPage, document, document_link, page_anchor, page_section
from networking_guide.exports.pdf_render import local_files_fetcher, render

SITE = "https://example.org/guide/"
URLS = {"fr/index.html", "fr/rules/follow-up.html", "fr/glossary.html"}


def test_page_anchors_are_unique_per_page():
    assert page_anchor("fr/rules/follow-up.html") == "page-fr-rules-follow-up"
    assert page_anchor("index.html") == "page-index"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#tips", "#page-fr-rules-follow-up--tips"),
        ("../glossary.html#reciprocity", "#page-fr-glossary--reciprocity"),
        ("../glossary.html", "#page-fr-glossary"),
        ("../index.html", "#page-fr-index"),
        ("https://www.example.com/a?b=1", "https://www.example.com/a?b=1"),
        ("mailto:guide@example.org", "mailto:guide@example.org"),
        ("../../download/networking-guide-offline.zip", SITE + "download/networking-guide-offline.zip"),
    ],
)
def test_links_jump_inside_the_document_or_go_to_the_web(href, expected):
    assert document_link(href, "fr/rules", "page-fr-rules-follow-up", URLS, SITE) == expected


def test_ids_references_and_images_are_rewritten_in_a_section():
    content = (
        '<h1 id="follow-up">Relancer<a class="headerlink" href="#follow-up" title="Permanent link">¶</a></h1>\n'
        '<input id="box" aria-describedby="box-hint"><label for="box">A</label><div id="box-hint">h</div>\n'
        '<img src="../img/chain.svg" alt="">\n'
        '<div class="ng-screen-only ng-page-actions"><a href="../../download/x.pdf">PDF</a></div>\n'
    )
    html = page_section(PdfPage("fr/rules/follow-up.html", "Relancer", content), URLS, SITE, "file:///site/")
    assert html.startswith('<section class="pdf-page" id="page-fr-rules-follow-up">')
    assert 'id="page-fr-rules-follow-up--follow-up"' in html
    assert 'aria-describedby="page-fr-rules-follow-up--box-hint"' in html
    assert 'for="page-fr-rules-follow-up--box"' in html
    assert 'src="file:///site/fr/img/chain.svg"' in html
    assert "headerlink" not in html and "¶" not in html
    assert "download/x.pdf" not in html  # screen-only parts are left out


def test_a_nested_screen_only_block_goes_whole_and_look_alike_attributes_stay():
    content = ('<div class="ng-screen-only"><div><p>inner</p></div><button>b</button></div><p>kept</p>'
               '<div data-id="keep" data-for="x"><a href="#a" rel="attachment">a</a></div>')
    html = page_section(PdfPage("fr/a.html", "A", content), URLS, SITE, "file:///site/")
    assert "inner" not in html and "</div></div>" not in html.split("kept")[0]
    assert '<p>kept</p>' in html
    assert 'data-id="keep" data-for="x"' in html  # not ids: left as written
    assert 'rel=' not in html  # nothing is ever an attachment


def test_contents_groups_pages_under_their_sections_in_nav_order():
    pages = [PdfPage("fr/index.html", "Accueil", ""), PdfPage("fr/a.html", "A", "", "Les bases"),
             PdfPage("fr/b.html", "B", "", "Les bases"), PdfPage("fr/g.html", "Glossaire", "")]
    cover = Cover("Guide", "Un guide", "1 mai 2026", "2026-05-01", "Version 1", "Sommaire", "fr")
    html = document(pages, cover, "file:///print.css", SITE, "file:///site/")
    html = html[html.index('<nav class="pdf-contents">'):html.index("</nav>")]
    assert html.index("Accueil") < html.index("Les bases") < html.index(">A<") < html.index(">B<") < html.index("Glossaire")
    assert html.count("Les bases") == 1
    assert '<a href="#page-fr-a">A</a>' in html


def test_the_document_carries_the_language_cover_and_stylesheet():
    cover = Cover("Guide du réseautage", "Un guide ouvert", "22 novembre 2026", "2026-11-22", "Version 1.0", "Sommaire", "fr")
    html = document([PdfPage("fr/index.html", "Accueil", "<h1 id='x'>Accueil</h1>")], cover, "file:///print.css", SITE, "file:///site/")
    assert '<html lang="fr">' in html
    assert "<title>Guide du réseautage</title>" in html
    assert "22 novembre 2026" in html and "Version 1.0" in html
    assert '<meta name="dcterms.created" content="2026-11-22">' in html  # ISO in metadata
    assert '<link rel="stylesheet" href="file:///print.css">' in html


def test_the_renderer_reads_only_files_of_the_site_compared_as_resolved_paths(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    (site / "inside-link.css").symlink_to(tmp_path / "secret.txt")
    refused: list[str] = []
    fetcher = local_files_fetcher([site], refused)
    assert fetcher.fetch((site / "a.css").as_uri()).read() == b"p{}"
    assert fetcher.fetch("FILE://" + (site / "a.css").as_posix()).read() == b"p{}"  # any case of scheme
    hostile = ["https://example.org/font.woff2", "http://127.0.0.1/x.png", "ftp://example.org/x",
               "FILE:///etc/passwd", "File:///etc/passwd", (tmp_path / "secret.txt").as_uri(),
               site.as_uri() + "/../secret.txt", site.as_uri() + "/%2e%2e/secret.txt",
               (site / "inside-link.css").as_uri(), "file://example.org" + (site / "a.css").as_posix()]
    for url in hostile:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert refused == hostile


def test_nothing_is_ever_attached_and_refusals_and_warnings_are_reported(tmp_path):
    from pypdf import PdfReader

    site = tmp_path / "site"
    site.mkdir()
    html = ('<html><head><link rel="attachment" href="FILE:///etc/passwd"></head><body><p>Text</p>'
            '<p><a rel="attachment" href="FILE:///etc/passwd">passwd</a></p><img src="FILE:///etc/hostname">'
            '<p style="colour: red">x</p></body></html>')
    result = render(html, site, tmp_path / "out.pdf", [site])
    reader = PdfReader(tmp_path / "out.pdf")
    assert reader.attachments == {}
    assert "root:" not in (tmp_path / "out.pdf").read_bytes().decode("latin-1")
    assert "FILE:///etc/passwd" in result["refused"] and "FILE:///etc/hostname" in result["refused"]
    assert any("colour" in message["message"] and message["level"] == "warning" for message in result["messages"])
