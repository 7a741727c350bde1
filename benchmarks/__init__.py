"""Synthetic data and measurements for the benchmark commands; never part of the public archive."""
