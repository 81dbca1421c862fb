"""participatie: maakt de inwonerbetrokkenheid van een gemeente openbaar en controleerbaar."""

__version__ = "0.1.0"
