"""framing's version: the one place it is written (pyproject.toml reads it from here).

A constant rather than ``importlib.metadata.version()``, whose import alone
costs more start-up than the rest of reading the lexicons.
"""
__version__ = "0.1.0"
