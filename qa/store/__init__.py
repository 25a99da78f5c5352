"""The store: one directory holding the Chroma collection (`store`), the manifest that says what
is live, and the keyword index (`keyword`, in immutable `segment`s) over the same chunks."""

from qa.store.manifest import KEYWORD_DIR, MANIFEST
from qa.store.store import DocumentUpdate, Store

__all__ = ["KEYWORD_DIR", "MANIFEST", "DocumentUpdate", "Store"]
