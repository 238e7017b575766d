"""Scoring against hand-checked gold, and benchmarks."""
