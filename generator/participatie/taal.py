"""Dutch as readers read it, for every stage: dates in words and lists in running text (babel, nl_NL)."""

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


def opsomming(items: Iterable[object], style: Literal["standard", "or"] = "standard") -> str:
    """'a, b en c' as in running Dutch text; style='or' gives 'a, b of c'."""
    from babel.lists import format_list

    words = [str(i) for i in items]
    return format_list(words, style=style, locale="nl") if words else ""


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 dag', '3 dagen'."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
