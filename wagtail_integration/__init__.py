"""Page types, snippets and a headless API for German municipal integration work."""

__version__ = "0.1.0"
