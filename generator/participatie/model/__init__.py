"""Model stage: typed, immutable objects for trajectories and profiles, and the binding that makes them."""
