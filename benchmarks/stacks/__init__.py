"""One script per client stack; each runs in its own process (see _harness.py)."""
