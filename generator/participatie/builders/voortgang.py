"""What `participatie bouw` says while MkDocs builds: Dutch, and only what staff need to act on.

MkDocs' own progress lines ('Cleaning site directory', the list of pages not in the nav that
reads like an error, 'Documentation built in') are left out; its warnings and errors are said
in Dutch (the common ones word for word, the rest with 'MkDocs meldt:' before them), and a
build that stops says why in a Dutch sentence that names mkdocs.yml and the setting.
"""

from __future__ import annotations

import logging
import re
import sys

# (MkDocs' wording, Dutch). Checked against MkDocs 1.6.
MELDINGEN = [
    (
        r"Doc file '(.+?)' contains a link '(.+?)', but the target(?: '(.+?)')? is not found among documentation files\."
        r"(?: Did you mean '(.+?)'\?)?",
        lambda m: (
            f"'{m[1]}' linkt naar '{m[2]}', maar dat bestand is er niet." + (f" Bedoelde u '{m[4]}'?" if m[4] else "")
        ),
    ),
    (
        r"Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain an anchor '#(.+?)'\.",
        lambda m: f"'{m[1]}' linkt naar '{m[2]}', maar op '{m[3]}' staat geen kop of plek '#{m[4]}'.",
    ),
    (
        r"Doc file '(.+?)' contains an unrecognized relative link '(.+?)', it was left as is\.(?: Did you mean '(.+?)'\?)?",
        lambda m: (
            f"'{m[1]}' bevat een link '{m[2]}' die MkDocs niet kan volgen; hij blijft zoals hij is."
            + (f" Bedoelde u '{m[3]}'?" if m[3] else "")
        ),
    ),
    (
        r"Doc file '(.+?)' contains an absolute link '(.+?)', it was left as is\.(?: Did you mean '(.+?)'\?)?",
        lambda m: (
            f"'{m[1]}' bevat een absolute link '{m[2]}'; die blijft zoals hij is."
            + (f" Bedoelde u '{m[3]}'?" if m[3] else "")
        ),
    ),
    (
        r"Doc file '(.+?)' contains a link to '(.+?)' which is excluded from the built site\.",
        lambda m: f"'{m[1]}' linkt naar '{m[2]}', maar dat komt niet op de site.",
    ),
    (
        r"A reference to '(.+?)' is included in the 'nav' configuration, which is not found in the documentation files\.",
        lambda m: f"mkdocs.yml noemt '{m[1]}' in 'nav', maar dat bestand is er niet.",
    ),
    (
        r"Excluding '(.+?)' from the site because it conflicts with '(.+?)'\.",
        lambda m: f"'{m[1]}' komt niet op de site, omdat het botst met '{m[2]}'.",
    ),
    (r"Config value '(.+?)': (.+)", lambda m: f"mkdocs.yml: de instelling '{m[1]}' klopt niet (MkDocs meldt: {m[2]})"),
    (
        r"Template skipped: '(.+?)' not found in theme directories\.",
        lambda m: f"het sjabloon '{m[1]}' staat niet in het thema en is overgeslagen.",
    ),
]
ABORT = [
    (
        r"Aborted with (\d+) warnings? in strict mode!",
        lambda m: (
            f"fout: de bouw is gestopt: --strikt staat aan en MkDocs gaf "
            f"{m[1]} {'waarschuwing' if m[1] == '1' else 'waarschuwingen'} (zie hierboven).\n    hint: los ze op, of bouw "
            "zonder --strikt."
        ),
    ),
    (
        r"Aborted with a configuration error!",
        lambda m: (
            "fout: mkdocs.yml klopt niet (zie hierboven).\n    hint: "
            "herstel de genoemde instelling in mkdocs.yml en bouw opnieuw."
        ),
    ),
    (
        r"Aborted with (\d+) configuration warnings in 'strict' mode!",
        lambda m: "fout: de bouw is gestopt: --strikt staat aan en mkdocs.yml gaf waarschuwingen (zie hierboven).",
    ),
    (r"Aborted with a BuildError!", lambda m: "fout: MkDocs kon de site niet bouwen (zie hierboven)."),
]


def dutch(message: str) -> str:
    for pattern, say in MELDINGEN:
        m = re.fullmatch(pattern, message, re.S)
        if m:
            return say(m)
    return f"MkDocs meldt: {message}"


class _Handler(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.name.startswith("mkdocs.plugins.participatie"):  # ours: already Dutch, with 'fout:' in it
            print(message.removeprefix("participatie: "), file=sys.stderr)
            return
        kind = "fout" if record.levelno >= logging.ERROR else "waarschuwing"
        print(f"{kind}: {dutch(message)}", file=sys.stderr)


class MkdocsLog:
    """While MkDocs builds: its log in Dutch, on standard error; its progress lines left out."""

    def __enter__(self) -> MkdocsLog:
        self.logger = logging.getLogger("mkdocs")
        self.handler = _Handler()
        self.logger.addHandler(self.handler)  # MkDocs counts warnings for --strict in a handler of its own
        return self

    def __exit__(self, *exc) -> None:
        self.logger.removeHandler(self.handler)

    @staticmethod
    def explain(exc: BaseException) -> str:
        message = str(exc)
        for pattern, say in ABORT:
            m = re.fullmatch(pattern, message)
            if m:
                return say(m)
        if message.startswith(("fout", "participatie:")) or ": fout: " in message:  # our own, already Dutch
            return message
        return f"fout: MkDocs kon de site niet bouwen (MkDocs meldt: {message or type(exc).__name__})."
