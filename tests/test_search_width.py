"""The width of Chroma's HNSW search (qa.store.chroma.EF_SEARCH): at Chroma's default the nearest
passages changed from process to process, so the same question could get another answer in another
run. A writer sets it on a new collection and on one made before (a real Chroma in a temp dir)."""

from qa.ingest.pipeline import ingest
from qa.store import Store
from qa.store.chroma import EF_SEARCH


def _hnsw(settings) -> dict:
    return Store.open(settings).collection.configuration["hnsw"]


def test_a_new_store_searches_wide_and_by_cosine(hash_settings, seed_copy):
    ingest([seed_copy], hash_settings)
    hnsw = _hnsw(hash_settings)
    assert hnsw["ef_search"] == EF_SEARCH > 100
    assert hnsw["space"] == "cosine"  # given beside the metadata, a configuration drops it for l2


def test_a_store_made_narrower_is_widened_by_the_next_writer(hash_settings, seed_copy):
    ingest([seed_copy], hash_settings)
    Store.open(hash_settings).collection.modify(configuration={"hnsw": {"ef_search": 100}})
    assert _hnsw(hash_settings)["ef_search"] == 100
    ingest([seed_copy], hash_settings)  # nothing to add: opening as a writer is enough
    assert _hnsw(hash_settings)["ef_search"] == EF_SEARCH
