"""The personal-data guard, on copies of the examples."""

from __future__ import annotations

import pytest

from conftest import check_json, edit, line_of
from participatie.privacy import Settings, elfproef, scan_text

TERUG = "projecten/omgevingsvisie-2040/terugkoppeling.yaml"
OLD = "samenvatting: Bewoners vragen om een rondweg om Oosterbroek voor het landbouwverkeer."

LEAKS = {
    "email": ("Mail j.jansen@gmail.com voor info.", "een e-mailadres", "j.jansen@gmail.com"),
    "mobiel": ("Bel mevrouw op 06-12345678.", "een telefoonnummer", "06-12345678"),
    "vast_nummer": ("Bereikbaar via +31 529 123 456.", "een telefoonnummer", "+31 529 123 456"),
    "postcode_huisnummer": ("Woont op 7721 AB 12.", "een postcode met huisnummer", "7721 AB 12"),
    "adres": ("Meneer van de Kerkstraat 14 vraagt om een rondweg.", "een adres met huisnummer", "Kerkstraat 14"),
    "bsn": ("Dossier 111222333 is bekend.", "een burgerservicenummer (BSN)", "111222333"),
    "iban": ("Betaal via NL91ABNA0417164300.", "een bankrekeningnummer (IBAN)", "NL91ABNA0417164300"),
}


@pytest.mark.parametrize("case", sorted(LEAKS))
def test_leak_is_an_error_with_position(site, case):
    text, what, hit = LEAKS[case]
    path = site / TERUG
    edit(path, OLD, f"samenvatting: {text}")
    code, data = check_json(site)
    found = [f for f in data["bevindingen"] if f["code"] == "privacy"]
    assert code == 1 and len(found) == 1, found
    line = line_of(path, text)
    col = path.read_text(encoding="utf-8").split("\n")[line - 1].index(hit) + 1
    assert (found[0]["pad"], found[0]["regel"], found[0]["kolom"]) == (TERUG, line, col)
    assert found[0]["boodschap"] == f"hier staat wat lijkt op {what}; persoonsgegevens van inwoners mogen niet op de website."
    assert "Vat samen zonder iemand herkenbaar te maken" in found[0]["hint"]


def test_visible_allowance_per_line(site):
    edit(site / TERUG, OLD, "samenvatting: De Fietsersbond is bereikbaar via info@fietsersbond.example  # privacy: openbaar")
    code, data = check_json(site)
    assert code == 0 and not [f for f in data["bevindingen"] if f["code"] == "privacy"]


def test_markdown_is_scanned_and_allowance_works(site):
    path = site / "projecten/omgevingsvisie-2040/opgave.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nBel Piet op 0612345678.\n"
                    "Stichting Groen: 0529-123456 <!-- privacy: openbaar -->\n", encoding="utf-8")
    code, data = check_json(site)
    found = [f for f in data["bevindingen"] if f["code"] == "privacy"]
    assert code == 1 and [(f["regel"], f["kolom"]) for f in found] == [(line_of(path, "Bel Piet"), 13)]


def test_own_contact_and_venue_addresses_are_fine():
    settings = Settings(("vechtwolde.example",), ("14 0529", "0529 488 388"))
    assert list(scan_text("Mail ruimte@vechtwolde.example of bel 0529 488 388.", settings)) == []
    assert list(scan_text("Dorpshuis, Brinkweg 2", settings, addresses=False)) == []


def test_elfproef():
    assert elfproef("111222333") and not elfproef("123456789")
