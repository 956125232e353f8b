"""Reader: a desktop app for reading Chinese."""

__version__ = "0.1.0"
