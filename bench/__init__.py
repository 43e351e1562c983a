"""Benchmarks. Each module here that defines run() -> list of rows (dicts) is a benchmark."""
