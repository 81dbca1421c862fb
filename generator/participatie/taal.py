"""Dutch as readers read it, for every stage: dates in words (babel, nl_NL) and lists in running text (CLDR)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal


@lru_cache(maxsize=4096)  # babel is slow, and a site shows the same dates many times
def datum(d: dt.date | None, fmt: str = "EEEE d MMMM y") -> str:
    from babel.dates import format_date  # imported when first needed: a check after one edit may need no date

    return format_date(d, fmt, locale="nl_NL") if d else ""


def kort(d: dt.date | None) -> str:
    """'6 oktober 2026'."""
    return datum(d, "d MMMM y")


# CLDR's Dutch list patterns, as babel gives them ('{0}, {1}' and '{0} en {1}'; 'of' for a choice): written out, so
# a check need not load babel's locale data (0.06 s) for one message. tests/test_afleiden.py compares with babel.
LAATSTE = {"standard": " en ", "or": " of "}


def opsomming(items: Iterable[object], style: Literal["standard", "or"] = "standard") -> str:
    """'a, b en c' as in running Dutch text; style='or' gives 'a, b of c'."""
    words = [str(i) for i in items]
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + LAATSTE[style] + words[-1]


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 dag', '3 dagen'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
