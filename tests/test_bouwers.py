"""Builder-neutral: the docs tree on disk gives the same pages as the in-memory MkDocs path, and Zensical builds it."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest
import yaml
from conftest import build, copy_site
from test_site import no_source_maps

from participatie.builders.docs import CONFIG, TREE, derived_config


def article(html: str) -> str:
    body = html[html.index("<article") : html.index("</article>")]
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    body = re.sub(r'<a href="#[^"]*" class="md-content__button[^>]*>.*?</a>', "", body, flags=re.S)
    # Headings in the docs tree write signs as character references, so no Markdown reads them as markup.
    body = re.sub(
        r"&#(\d+);", lambda m: chr(int(m.group(1))) if chr(int(m.group(1))) not in "<>&\"'" else m.group(0), body
    )
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", body)).strip()


@pytest.fixture(scope="module")
def both(tmp_path_factory, built):
    """The example built from the docs tree by plain MkDocs (no participatie plugin), next to the in-memory build."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from participatie.builders.docs import write_docs_tree
    from participatie.load.git import change_dates
    from participatie.pipeline import check_site
    from participatie.render.site import render_site
    from participatie.rules.instellingen import read_site_settings

    site = copy_site(tmp_path_factory.mktemp("docs"))
    settings, _ = read_site_settings(site)
    result = check_site(settings, settings.vandaag())
    out = render_site(result, change_dates(site, ("projecten", "initiatieven")), settings.site_url)
    config = write_docs_tree(site, settings.docs_dir, out, site / "site-docs")
    mkdocs_build(load_config(str(config), strict=True))
    return built, site / "site-docs", site


def test_the_docs_tree_gives_the_same_pages_as_the_plugin(both):
    memory, disk, _ = both
    pages = sorted(p.relative_to(memory) for p in memory.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 22
    for rel in pages:
        assert article((disk / rel).read_text(encoding="utf-8")) == article(
            (memory / rel).read_text(encoding="utf-8")
        ), rel


def test_the_docs_tree_keeps_the_table_of_contents(both):
    memory, disk, _ = both
    for rel in ("trajecten/fietspad-kerkdijk.html", "raad/index.html"):
        toc = [article_toc((root / rel).read_text(encoding="utf-8")) for root in (memory, disk)]
        assert toc[0] == toc[1] and len(toc[0]) >= 2


def article_toc(html: str) -> list[tuple[str, str]]:
    nav = re.findall(r'<nav class="md-nav md-nav--secondary".*?</nav>', html, re.S)[0]
    return [
        (href, unescape(title))
        for href, title in re.findall(
            r'href="(#[^"]+)"[^>]*>\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.S
        )
    ]


def test_the_derived_config_drops_our_plugin_and_keeps_tags(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - search\n  - participatie:\n      profiel: dalfsen\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: "
        "!!python/name:material.extensions.emoji.twemoji\nextra:\n  key: !ENV [SLEUTEL, leeg]\n",
        encoding="utf-8",
    )
    config = derived_config(tmp_path, tmp_path / "uit")
    assert config["plugins"] == ["search"] and config["docs_dir"] == TREE.as_posix()
    from participatie.builders.docs import _Dumper

    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True)
    assert "!!python/name:material.extensions.emoji.twemoji" in text and "!ENV" in text


def test_the_example_builds_with_zensical(site):
    if not shutil.which("zensical"):
        pytest.importorskip("zensical")
    assert build(site, "site-z", bouwer="zensical") == 0
    page = (site / "site-z/trajecten/dorpsplein-oosterbroek.html").read_text(encoding="utf-8")
    assert 'class="pt-kort"' in page and 'href="#inbreng"' in page  # our body, and the table of contents
    assert "Het plein bij de kerk is het hart van Oosterbroek" in page
    assert (site / "site-z/kalender/alles.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (site / CONFIG).exists() and not (site / "site").exists()
    assert "<h1>Deze pagina bestaat niet</h1>" in (site / "site-z/404.html").read_text(encoding="utf-8")
    for html in (site / "site-z").rglob("*.html"):
        assert "fonts.googleapis" not in html.read_text(encoding="utf-8")
    no_source_maps(site / "site-z")
    assert "Made with" not in (site / "site-z/index.html").read_text(encoding="utf-8")
