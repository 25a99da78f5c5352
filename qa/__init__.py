"""qa: citation-first question answering over a collection of articles."""

__version__ = "0.1.0"
