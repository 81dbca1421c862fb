"""Load stage: source files to plain data with positions; every problem a Finding, never an exception."""
