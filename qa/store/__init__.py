"""The store: one directory holding the Chroma collection (`store`), the manifest that says what
is live, and the keyword index (`keyword`, in immutable `segment`s) over the same chunks."""

from qa.store.store import KEYWORD_DIR, MANIFEST, Store

__all__ = ["KEYWORD_DIR", "MANIFEST", "Store"]
