"""Builders: thin adapters that turn the core's pages into a site (MkDocs in memory, or a docs tree on disk)."""
