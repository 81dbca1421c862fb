"""The personal-data guard on whole copies of the examples, and what it must leave alone."""

from __future__ import annotations

import pytest

from conftest import check, edit, line_of
from participatie.rules.privacy import scan_text

TERUG = "projecten/omgevingsvisie-2040/terugkoppeling.yaml"
OLD = "samenvatting: Bewoners vragen om een rondweg om Oosterbroek voor het landbouwverkeer."
OWN = (("vechtwolde.example",), ("14 0529", "0529 488 388"))


def kinds(text: str, addresses: bool = True) -> list[tuple[str, str]]:
    return [(kind, hit) for _, kind, hit in scan_text(text, *OWN, addresses=addresses)]


@pytest.mark.parametrize("text,expected", [
    ("Mail j.jansen@gmail.com voor info.", [("email", "j.jansen@gmail.com")]),
    ("Bel mevrouw op 06-12345678.", [("telefoon", "06-12345678")]),
    ("Bereikbaar via +31 529 123 456.", [("telefoon", "+31 529 123 456")]),
    ("Belgisch nummer +32 2 555 12 12.", [("telefoon", "+32 2 555 12 12")]),
    ("Woont op 7721 AB 12.", [("postcode", "7721 AB 12")]),
    ("Meneer van de Kerkstraat 14 vraagt om een rondweg.", [("adres", "Kerkstraat 14")]),
    ("Dossier 111222333 is bekend.", [("bsn", "111222333")]),
    ("Betaal via NL91ABNA0417164300.", [("iban", "NL91ABNA0417164300")]),
])
def test_each_kind_is_found(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Mail ruimte@vechtwolde.example of bel 0529 488 388 of 14 0529.",   # the gemeente's own
    "Budget is 1.200.000 euro; 924 reacties op 2026-11-22.",            # numbers that are not phones
    "Dossier 123456789 is bekend.",                                    # fails the elfproef: no BSN
    "Postcode 7721 SA 12 bestaat niet.",                               # SA is never used in postcodes
    "Het IBAN NL91ABNA0417164301 klopt niet.",                         # wrong check digits
])
def test_what_is_not_personal_data(text):
    assert kinds(text) == []


def test_a_venue_address_is_fine_in_plaats():
    assert kinds("Dorpshuis, Brinkweg 2", addresses=False) == []


def test_leak_in_the_examples_is_an_error_at_its_position(site):
    path = site / TERUG
    edit(path, OLD, "samenvatting: Bel mevrouw op 06-12345678 over de rondweg.")
    found = [f for f in check(site).findings if f.code.startswith("privacy")]
    line = line_of(path, "06-12345678")
    col = path.read_text(encoding="utf-8").split("\n")[line - 1].index("06-12345678") + 1
    assert [(f.pad, f.pos.regel, f.pos.kolom, f.code) for f in found] == [(TERUG, line, col, "privacy.telefoon")]


def test_visible_allowance_per_line(site):
    edit(site / TERUG, OLD, "samenvatting: De Fietsersbond is bereikbaar via info@fietsersbond.example  # privacy: openbaar")
    assert not [f for f in check(site).findings if f.code.startswith("privacy")]


def test_markdown_is_scanned_and_allowance_works(site):
    path = site / "projecten/omgevingsvisie-2040/opgave.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nBel Piet op 0612345678.\n"
                    "Stichting Groen: 0529-123456 <!-- privacy: openbaar -->\n", encoding="utf-8")
    found = [f for f in check(site).findings if f.code.startswith("privacy")]
    assert [(f.pos.regel, f.pos.kolom) for f in found] == [(line_of(path, "Bel Piet"), 13)]
