"""Derive stage: what the data implies (afwijkingen, completeness, the calendar). No findings, no I/O."""
