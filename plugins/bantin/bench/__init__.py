"""Benchmark helpers: a reusable corpus generator and the pieces of ``scripts/bench``."""
