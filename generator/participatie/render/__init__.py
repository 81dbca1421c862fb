"""Render stage: HTML pages (Jinja2, autoescape), iCalendar feeds, exports and charts. Knows nothing of MkDocs."""
