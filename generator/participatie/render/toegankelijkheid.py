"""The toegankelijkheidsverklaring in the national model (digitoegankelijk.nl), at /toegankelijkheid.

It is filled from the site's settings (who signs, when, where to report a problem) and from the
project's own automated accessibility check (`make toegankelijkheid` writes the results file). It
says plainly that an automated check is not the full WCAG-EM research that status A or B needs.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

STATUSSEN = {
    "A": "voldoet volledig",
    "B": "voldoet gedeeltelijk",
    "C": "eerste maatregelen genomen",
    "D": "eerste maatregelen nog niet genomen",
    "E": "voldoet niet",
}
# What axe could not judge by itself, in words for the page (axe rule ids; others are shown as they are).
TE_BEOORDELEN = {
    "color-contrast": "kleurcontrast van tekst op een achtergrond die de test niet kan meten",
    "aria-allowed-role": "de rol van een paar elementen van het thema",
    "target-size": "de grootte van klikbare elementen",
}
REGISTER = "https://www.toegankelijkheidsverklaring.nl/register"
MAATREGELEN = [  # what the product itself does on every site it builds
    "Een automatische test (axe-core) controleert elke pagina op de regels van WCAG 2.1 niveau A en AA, op de breedte "
    "van een telefoon en van een computer. De uitkomst staat hierboven.",
    "De site werkt zonder JavaScript en laadt niets van andere websites.",
    "Pagina's zijn in eenvoudige taal (B1) geschreven en kunnen volledig worden geprint.",
    "Grafieken hebben een tekst en een tabel met dezelfde cijfers.",
]


def research(base: Path, path: str) -> dict:
    """The results of the automated check, or what is wrong with the file, in words for the page."""
    file = base / path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        datum = dt.date.fromisoformat(data["datum"])
        return {
            "ok": True,
            "datum": datum,
            "gereedschap": str(data["gereedschap"]),
            "browser": str(data["browser"]),
            "normen": [str(n) for n in data["normen"]],
            "breedtes": [int(b) for b in data["breedtes"]],
            "paginas": int(data["paginas"]),
            "overtredingen": int(data["overtredingen"]),
            "te_beoordelen": [TE_BEOORDELEN.get(str(x), str(x)) for x in data.get("te_beoordelen", [])],
        }
    except FileNotFoundError:
        return {"ok": False, "reden": f"Er is nog geen automatische controle vastgelegd ({path} ontbreekt)."}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return {
            "ok": False,
            "reden": f"Het bestand met de uitkomst van de controle ({path}) is niet te lezen: {type(exc).__name__}.",
        }
