"""Render stage: pages, feeds and exports from checked trajectories. Knows nothing of MkDocs."""
