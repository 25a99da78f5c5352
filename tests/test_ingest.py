"""Ingest into a real Chroma store in a temp dir (qa.ingest.pipeline, qa.store)."""

import pytest

from qa.config import load_settings
from qa.errors import StoreError, StoreMissingError
from qa.ingest.pipeline import ingest
from qa.store import Store


def _stored_ids(settings):
    return set(Store.open(settings).collection.get(include=[])["ids"])


def test_reingest_of_unchanged_files_adds_nothing(hash_settings, seed_copy):
    first = ingest([seed_copy], hash_settings)
    assert (first.files, first.ingested, first.unchanged, first.articles) == (1, 1, 0, 6)
    ids = _stored_ids(hash_settings)
    assert len(ids) == first.chunks > 20
    second = ingest([seed_copy], hash_settings)
    assert (second.ingested, second.unchanged, second.chunks) == (0, 1, 0)
    assert _stored_ids(hash_settings) == ids


def test_changed_file_replaces_its_old_chunks(hash_settings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    doc = folder / "a.txt"
    doc.write_text("旧标题\n\n旧的正文说黑河有一个物流中心。", encoding="utf-8")
    (folder / "b.txt").write_text("别的文章\n\n这篇文章不会改变。", encoding="utf-8")
    ingest([folder], hash_settings)
    before = _stored_ids(hash_settings)
    doc.write_text("新标题\n\n新的正文说石家庄有一个广场。", encoding="utf-8")
    report = ingest([folder], hash_settings)
    assert (report.ingested, report.unchanged) == (1, 1)
    after = _stored_ids(hash_settings)
    store = Store.open(hash_settings)
    texts = store.collection.get(ids=list(after))["documents"]
    assert not any("旧的正文" in t for t in texts) and any("新的正文" in t for t in texts)
    assert len(after) == len(before) and after != before
    assert after == store.live_chunk_ids()
    titles = [a["title"] for d in store.sources() for a in d["articles"]]
    assert sorted(titles) == ["别的文章", "新标题"]


def test_rebuild_starts_over(hash_settings, tmp_path, seed_copy):
    ingest([seed_copy], hash_settings)
    other = tmp_path / "other.txt"
    other.write_text("只有这一篇\n\n正文。", encoding="utf-8")
    report = ingest([other], hash_settings, rebuild=True)
    assert report.ingested == 1
    store = Store.open(hash_settings)
    assert [d["source"] for d in store.sources()] == [str(other.resolve().as_posix())]
    assert _stored_ids(hash_settings) == store.live_chunk_ids()


def test_store_refuses_a_different_embedder(hash_settings, seed_copy):
    ingest([seed_copy], hash_settings)
    local = load_settings({"store": str(hash_settings.store), "embed": "local"}, env={})
    with pytest.raises(StoreError, match="--rebuild"):
        ingest([seed_copy], local)
    from qa.ask import ask

    with pytest.raises(StoreError, match="hash:256"):
        ask("黑河", local)


def test_missing_store_is_a_clear_error(tmp_path):
    settings = load_settings({"store": str(tmp_path / "nothing"), "embed": "hash"}, env={})
    with pytest.raises(StoreMissingError, match="qa ingest"):
        Store.open(settings)


def test_store_dir_is_private_and_chunks_carry_metadata(hash_settings, seed_copy):
    ingest([seed_copy], hash_settings)
    assert (hash_settings.store.stat().st_mode & 0o077) == 0
    got = Store.open(hash_settings).collection.get(include=["metadatas", "documents"])
    md = got["metadatas"][0]
    for key in ("source", "article_id", "title", "section", "start", "end", "hash"):
        assert key in md
    assert md["source"].endswith("seeds/000_59cfcece24790523.txt")


def test_one_file_shows_embedding_progress_while_the_embedder_works(hash_settings, tmp_path):
    """The "embedding chunks" bar is up as soon as the embedder starts, not only once it is done."""
    from qa.embed import HashEmbedding

    events: list[tuple] = []

    class Watched(HashEmbedding):
        def _text(self, text: str) -> list[float]:
            events.append(("vector",))
            return super()._text(text)

    doc = tmp_path / "one.txt"
    doc.write_text("标题\n\n" + "\n\n".join(f"第{i}段:石家庄新建的广场可以创造一千个就业岗位,这是第{i}次报道。" * 4
                                          for i in range(12)), encoding="utf-8")
    report = ingest([doc], hash_settings, embedder=Watched(),
                    progress=lambda phase, done, total, item: events.append((phase, done, total)))
    assert report.ingested == 1 and 4 <= report.chunks < hash_settings.embed_batch  # one embedder call
    first_vector = events.index(("vector",))
    embeds = [e for e in events if e[0] == "embed"]
    assert ("embed", 0, report.chunks) in events[:first_vector]
    assert embeds[-1] == ("embed", report.chunks, report.chunks)
    assert all(total == report.chunks and done <= total for _, done, total in embeds)
