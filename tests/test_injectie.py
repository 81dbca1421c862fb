"""Script injected into every Markdown and YAML text field never reaches the built HTML in executable form."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from conftest import mkdocs

PAYLOAD = ('</title><script>alert("xss")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">klik</a>'
           '<iframe src="//evil.example"></iframe><object data="x"></object><embed src="x">'
           '<div style="background:url(//evil.example/x)">stijl</div>')
FREE_TEXT = {"titel", "samenvatting", "toelichting", "doel_toelichting", "communicatie", "capaciteit", "wat", "motivering",
             "tekst", "reactie", "omschrijving", "aanmelden", "toegankelijkheid", "plaats", "reden", "team", "thema"}


def poison(data):
    if isinstance(data, dict):
        return {k: (v + " " + PAYLOAD if k in FREE_TEXT and isinstance(v, str) else poison(v)) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(v) for v in data]
    return data


class Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []
        self.in_script = False

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


def test_injected_script_is_inert(site):
    folder = site / "projecten" / "dorpsplein-oosterbroek"
    for path in folder.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name in ("opgave.md", "eindverslag.md"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8") + f"\n\n{PAYLOAD}\n\n## Gevolgde proces\n\n{PAYLOAD}\n[link](javascript:alert(3))\n",
                        encoding="utf-8")
    result = mkdocs("build", "-d", "site", cwd=site)
    assert result.returncode == 0, result.stderr
    pages = list((site / "site").rglob("*.html"))
    poisoned = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        poisoned += "alert(" in html
        audit = Audit()
        audit.feed(html)
        assert not audit.problems, (page, audit.problems)
    assert poisoned >= 5  # the text is there, shown as text
    page = (site / "site/trajecten/dorpsplein-oosterbroek.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page or "&lt;script&gt;" in page
    for feed in (site / "site").rglob("*.ics"):
        assert not re.search(r"(?i)^URL:javascript", feed.read_text(encoding="utf-8"), re.M)
