"""Text from YAML is text: Markdown and HTML in any YAML field reach pages, search and feeds as literal text.

Staff Markdown (opgave.md, eindverslag.md) is Markdown, sanitised: scripts, handlers and
javascript: links never survive, even when staff paste them.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser

import icalendar
import yaml
from conftest import build

SLUG = "dorpsplein-oosterbroek"
MARKUP = " [x](javascript:alert(1)) <b>vet</b> *schuin* `code`"
FREE_TEXT = {
    "titel",
    "samenvatting",
    "toelichting",
    "doel_toelichting",
    "communicatie",
    "capaciteit",
    "wat",
    "motivering",
    "tekst",
    "reactie",
    "omschrijving",
    "aanmelden",
    "toegankelijkheid",
    "plaats",
    "reden",
    "team",
    "thema",
    "groep",
    "fase",
    "naam",
    "kader",
}
LISTS = {"doelgroepen"}  # they name groups, so they change with them
SCRIPT = (
    '</title><script>alert("xss")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">klik</a>'
    '<iframe src="//evil.example"></iframe><object data="x"></object><embed src="x">'
    '<div style="background:url(//evil.example/x)">stijl</div>'
)


def poison(data, marker: str):
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in FREE_TEXT and isinstance(v, str):
                out[k] = v + marker
            elif k in LISTS and isinstance(v, list):
                out[k] = [x + marker for x in v]
            else:
                out[k] = poison(v, marker)
        return out
    if isinstance(data, list):
        return [poison(v, marker) for v in data]
    return data


def poison_folder(folder, marker):
    for path in folder.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data, marker), allow_unicode=True, sort_keys=False), encoding="utf-8")


class Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems, self.in_script = [], False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed"):
            self.problems.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag}[{name}]={value}")
            if name == "style" and value and "url(" in value:
                self.problems.append(f"{tag}[style]")
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and "alert(" in data:
            self.problems.append("script")


def test_markup_in_every_yaml_field_is_literal_text_everywhere(site):
    poison_folder(site / "projecten" / SLUG, MARKUP)
    assert build(site) == 0
    pages = [p for p in (site / "site").rglob("*.html")]
    shown = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<b>vet</b>" not in html and "<em>schuin</em>" not in html and "<code>code</code>" not in html, page
        assert 'href="javascript:' not in html, page
        if "[x](javascript:alert(1)) &lt;b&gt;vet&lt;/b&gt; *schuin* `code`" in html:
            shown.append(page.relative_to(site / "site").as_posix())
    for expected in (
        f"trajecten/{SLUG}.html",
        "trajecten/index.html",
        "kernen/oosterbroek.html",
        "kalender/index.html",
        "raad/index.html",
        "raad/monitor.html",
    ):
        assert expected in shown, (expected, shown)
    index = json.loads((site / "site/search/search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["title"] + " " + d["text"] for d in index["docs"])
    assert "<b>vet</b>" not in texts and "*schuin*" in texts
    for feed in (site / "site").rglob("*.ics"):
        for e in icalendar.Calendar.from_ical(feed.read_bytes()).walk("VEVENT"):
            if str(e["UID"]).startswith(SLUG):
                assert str(e["SUMMARY"]).endswith(MARKUP) and MARKUP in str(e["DESCRIPTION"])


def test_script_in_yaml_and_markdown_is_inert(site):
    folder = site / "projecten" / SLUG
    poison_folder(folder, " " + SCRIPT)
    for name in ("opgave.md", "eindverslag.md"):
        path = folder / name
        path.write_text(
            path.read_text(encoding="utf-8") + f"\n\n{SCRIPT}\n\n## Gevolgde proces\n\n{SCRIPT}\n"
            "[link](javascript:alert(3))\n",
            encoding="utf-8",
        )
    assert build(site) == 0
    poisoned = 0
    for page in (site / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        poisoned += "alert(" in html
        audit = Audit()
        audit.feed(html)
        assert not audit.problems, (page, audit.problems)
    assert poisoned >= 5  # the text is there, shown as text
    page = (site / "site" / "trajecten" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    for feed in (site / "site").rglob("*.ics"):
        assert "URL:javascript" not in feed.read_text(encoding="utf-8")
