"""The BM25 keyword index: tokens of mixed Chinese/English/numbers, scores equal to bm25s's,
incremental segments and merges, and repair against the store manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.store.keyword import MERGE_FACTOR, KeywordIndex, keyword_text
from qa.text.tokens import tokenize

DOCS = {
    "a:0": "华强广场项目总投资约20亿元，可创造1000个就业岗位。",
    "a:1": "湾里庙步行街盘活周边闲置物业，整体出租率提升至98.8%。",
    "b:0": "工信部等7部门联合印发《关于推动脑机接口产业创新发展的实施意见》。",
    "b:1": "Brain-computer interfaces are creating new jobs in Shanghai and Beijing.",
    "c:0": "新华区今年上半年全区生产总值340.4亿元，同比增长5.6%。",
    "c:1": "黑河片区设立于2019年，跨境物流网络加快构建。",
}


def chunks(ids):
    return [{"id": i, "text": DOCS[i], "title": "", "source": f"{i[0]}.txt", "article_id": i.split(":")[0]}
            for i in ids]


def no_fetch(ids):
    raise AssertionError(f"nothing should be fetched, asked for {ids}")


# -- tokens -------------------------------------------------------------------------------------
def test_tokens_of_mixed_chinese_english_and_numbers():
    toks = tokenize("ＧＰＴ模型在2024年发布，规模达340.4亿元；Creating JOBS quickly")
    # Full-width letters fold to ASCII; English is lower-cased and stemmed; numbers stay whole.
    assert "gpt" in toks and "creat" in toks and "job" in toks and "quick" in toks
    assert "2024" in toks and "340.4" in toks
    # Chinese runs become overlapping bigrams, never crossing a number or punctuation.
    assert {"模型", "型在", "发布", "规模", "模达", "亿元"} <= set(toks)
    assert "在2" not in toks and "布，" not in toks and "年发" in toks
    # A one-character run is kept as the character.
    assert tokenize("第3章") == ["第", "3", "章"]


def test_jieba_schemes_add_words():
    words = tokenize("脑机接口产业创新发展", "jieba")
    assert "接口" in words and "产业" in words and "机接" not in words
    both = tokenize("脑机接口产业创新发展", "bigram+jieba")
    assert "机接" in both and "w:产业" in both


def test_pinyin_pairs_join_chinese_passages_and_english_names():
    passage = tokenize("黑河国欧物流")
    assert "p:hei he" in passage and "p:guo ou" in passage and "黑河" in passage
    # a Chinese query matches on characters only; an English one adds its pinyin names' pairs
    assert not any(t.startswith("p:") for t in tokenize("黑河国欧物流有多少包裹", query=True))
    english = tokenize("How many parcels does the warehouse in Heihe handle?", query=True)
    assert "p:hei he" in english and "parcel" in english
    assert tokenize("黑河国欧物流", "bigram") == ["黑河", "河国", "国欧", "欧物", "物流"]


def test_an_english_question_finds_the_passage_naming_its_pinyin_name(tmp_path):
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    index.add(chunks(sorted(DOCS)), live=set(DOCS))
    hits = index.search("cross-border logistics network of Heihe", k=2)
    assert hits and "黑河" in DOCS[hits[0][0]]


def test_keyword_text_puts_the_title_first():
    assert keyword_text("标题", "正文") == "标题\n正文"
    assert keyword_text("", "正文") == "正文"


# -- scoring ------------------------------------------------------------------------------------
def test_scores_equal_bm25s_lucene(tmp_path):
    import bm25s

    ids = sorted(DOCS)
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    index.add(chunks(ids[:3]), live=set(ids[:3]))
    index.add(chunks(ids[3:]), live=set(ids))  # two segments: statistics must still be global
    reference = bm25s.BM25()
    reference.index([tokenize(DOCS[i]) for i in ids], show_progress=False)
    for query in ("就业岗位有多少", "生产总值 增长", "creating jobs", "2019年 黑河"):
        expected = reference.get_scores(tokenize(query, query=True))
        got = dict(index.search(query, k=len(ids)))
        for i, doc_id in enumerate(ids):
            assert got.get(doc_id, 0.0) == pytest.approx(float(expected[i]), rel=1e-5, abs=1e-6)


def test_search_ranks_exact_numbers_and_filters(tmp_path):
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    index.add(chunks(sorted(DOCS)), live=set(DOCS))
    assert index.search("出租率提升至98.8%", k=1)[0][0] == "a:1"
    assert index.search("340.4亿元", k=1)[0][0] == "c:0"
    allowed = {"b:0", "b:1"}
    assert {cid for cid, _ in index.search("就业 jobs", k=5, allowed=allowed)} == {"b:1"}
    assert index.search("完全无关的词语", k=5) == [] and index.search("", k=5) == []


# -- incremental updates ------------------------------------------------------------------------
def test_replacing_a_document_adds_one_segment_and_hides_the_old_rows(tmp_path):
    path = tmp_path / "kw"
    index = KeywordIndex.open(path, set(), no_fetch)
    index.add(chunks(["a:0", "a:1", "b:0"]), live={"a:0", "a:1", "b:0"})
    first = [s.name for s in index.segments]
    # Document "a" changes: its new chunk gets a new id; the manifest stops naming the old ones.
    new = {"id": "a2:0", "text": "华强广场项目可创造2000个就业岗位。"}
    live = {"b:0", "a2:0"}
    # As the store does it: the new chunks are indexed while the old ones are still live, then
    # the manifest switches.
    index.add([new], live={"a:0", "a:1", "b:0", "a2:0"})
    index.set_live(live)
    assert [s.name for s in index.segments][:len(first)] == first  # old segments untouched on disk
    hits = dict(index.search("就业岗位", k=5))
    assert set(hits) == {"a2:0"}
    assert index.records(["a2:0", "a:0"]) == {"a2:0": {"id": "a2:0", "title": "", "source": "", "article_id": "",
                                                         "section": "", "start": 0, "end": 0,
                                                         "text": "华强广场项目可创造2000个就业岗位。"}}
    # What is on disk is what a fresh process sees.
    reopened = KeywordIndex.open(path, live, no_fetch)
    assert reopened.search("就业岗位", k=5) == index.search("就业岗位", k=5)


def test_small_segments_merge_by_tier_and_drop_dead_rows(tmp_path):
    path = tmp_path / "kw"
    index = KeywordIndex.open(path, set(), no_fetch)
    live: set[str] = set()
    for n in range(MERGE_FACTOR * 3):
        cid = f"d{n}:0"
        live.add(cid)
        index.add([{"id": cid, "text": f"第{n}篇文章讲述城市{n}号地铁线路的建设进展"}], live=set(live))
    # One-row segments merged in fours, and those in fours again: O(log n) segments, not 12.
    assert len(index.segments) < MERGE_FACTOR
    assert sum(s.size for s in index.segments) == len(live)
    on_disk = sorted(p.name for p in path.iterdir() if p.is_dir())
    assert on_disk == sorted(s.name for s in index.segments)  # merged-away segments deleted
    # Rows the manifest no longer names are dropped when their segment is next merged.
    live -= {"d0:0", "d1:0"}
    index.set_live(live)
    assert index.size == len(live) and "d0:0" not in dict(index.search("第0篇", k=20))


def test_open_repairs_a_missing_or_partial_index_from_the_store(tmp_path):
    path = tmp_path / "kw"
    fetched: list[list[str]] = []

    def fetch(ids):
        fetched.append(sorted(ids))
        return chunks(ids)

    index = KeywordIndex.open(path, set(DOCS), fetch)  # nothing on disk: everything is fetched
    assert fetched == [sorted(DOCS)] and index.size == len(DOCS)
    # An interrupted ingest: the manifest names a chunk the index lacks, and the index holds a
    # chunk the manifest does not name.
    live = set(DOCS) - {"c:1"} | {"x:0"}
    DOCS["x:0"] = "新增的文章讲述冰雪旅游"
    try:
        repaired = KeywordIndex.open(path, live, fetch)
        assert fetched[-1] == ["x:0"]
        assert repaired.covered() == live
        assert repaired.search("冰雪旅游", k=1)[0][0] == "x:0"
        assert "c:1" not in dict(repaired.search("黑河片区", k=5))
        # A deleted keyword folder is rebuilt the same way.
        shutil.rmtree(path)
        rebuilt = KeywordIndex.open(path, live, fetch)
        assert rebuilt.search("冰雪旅游", k=3) == repaired.search("冰雪旅游", k=3)
    finally:
        del DOCS["x:0"]


def test_a_reader_repairs_in_memory_only(tmp_path):
    path = tmp_path / "kw"
    index = KeywordIndex.open(path, set(DOCS), lambda ids: chunks(ids), persist=False)
    assert index.size == len(DOCS) and not path.exists()


# -- through the store ------------------------------------------------------------------------
def test_reingesting_one_changed_file_does_not_rebuild_the_index(tmp_path, hash_settings):
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.txt").write_text(f"标题{n}\n\n第{n}篇文章记录了城市更新第{n}期工程，涉及{n * 100}户居民。", encoding="utf-8")
    ingest([folder], hash_settings)
    kw_dir = hash_settings.store / "keyword"
    before = {p.name for p in kw_dir.iterdir() if p.is_dir()}

    (folder / "3.txt").write_text("标题3\n\n第3篇文章改写了：城市更新第3期工程新增冰雪乐园。", encoding="utf-8")
    report = ingest([folder], hash_settings)
    assert report.ingested == 1 and report.unchanged == 5
    after = {p.name for p in kw_dir.iterdir() if p.is_dir()}
    assert before & after, "the existing segments must survive a one-file re-ingest"

    store = Store.open(hash_settings)
    assert store.keyword.covered() == store.live_chunk_ids()
    top = store.keyword.search("冰雪乐园", k=1)
    assert top and top[0][0] in store.live_chunk_ids()
    assert not store.keyword.search("300", k=5)  # the old text of 3.txt ("300户") is gone


def test_store_repairs_a_deleted_keyword_index(tmp_path, hash_settings):
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest
    from qa.ask import find_passages
    from qa.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("华强广场\n\n华强广场项目可创造1000个就业岗位。", encoding="utf-8")
    ingest([folder], hash_settings)
    shutil.rmtree(hash_settings.store / "keyword")
    settings = load_settings({"store": str(hash_settings.store), "embed": "hash", "retrieval": "keyword"}, env={})
    hits = find_passages("就业岗位", settings, store=Store.open(settings))
    assert hits and "1000个就业岗位" in hits[0].text
    assert not (hash_settings.store / "keyword").exists()  # a reader does not write
    ingest([folder], hash_settings)  # the next writer persists the repair
    assert (hash_settings.store / "keyword" / "index.json").exists()


def test_a_reader_rebuilds_an_index_of_an_older_format_once(hash_settings, seed_copy):
    """After an upgrade changes the tokens, the first `ask` rebuilds the keyword index from Chroma
    and writes it, unless an ingest holds the store; either way the answer is the same."""
    import json

    from qa.ask import ask
    from qa.ingest.pipeline import ingest
    from qa.lock import writer_lock
    from qa.store import Store

    ingest([seed_copy], hash_settings)
    meta_path = Path(hash_settings.store) / "keyword" / "index.json"

    def age_index():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["format"] = 1
        meta_path.write_text(json.dumps(meta), encoding="utf-8")

    question = "华强广场项目可以创造多少个就业岗位？"
    age_index()
    with writer_lock(Path(hash_settings.store)):  # an ingest is running: repair in memory only
        busy = ask(question, hash_settings, store=Store.open(hash_settings), mode="extractive")
    assert json.loads(meta_path.read_text(encoding="utf-8"))["format"] == 1
    free = ask(question, hash_settings, store=Store.open(hash_settings), mode="extractive")
    assert json.loads(meta_path.read_text(encoding="utf-8"))["format"] != 1
    assert busy.answer == free.answer and "1000" in free.answer


def test_publishes_applied_row_by_row_give_what_a_full_pass_gives(tmp_path):
    """`set_live` updates only the rows a publish touches (ids leaving, or arriving in the newest
    segment); after any mix of adds, replacements, removals and merges, the live rows, the
    statistics and the scores are those of a full pass over every segment."""
    import random

    rng = random.Random(7)
    texts = list(DOCS.values())
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    live: set[str] = set()
    for step in range(40):
        doc = f"d{rng.randrange(12)}"
        old = {c for c in live if c.startswith(f"{doc}:")}
        if rng.random() < 0.25 and old:  # a document removed
            live -= old
            index.set_live(live)
        elif rng.random() < 0.25 and old:  # the same chunks indexed again (a retried publish): newest row wins
            index.add([{"id": c, "text": rng.choice(texts), "title": ""} for c in sorted(old)], live=live)
        else:  # a document added or replaced: its new chunks, then the manifest drops the old ones
            new = [{"id": f"{doc}:{step}-{k}", "text": rng.choice(texts) + rng.choice(texts), "title": ""}
                   for k in range(rng.randrange(1, 4))]
            index.add(new, live=live | {c["id"] for c in new})
            live = (live - old) | {c["id"] for c in new}
            index.set_live(live)
        full = KeywordIndex.open(tmp_path / "kw", live, no_fetch)  # read back: a full pass
        assert index._where == full._where
        assert [m.tolist() for m in index._masks] == [m.tolist() for m in full._masks]
        assert index.size == full.size == len(live)
        assert index._stats[1] == pytest.approx(full._stats[1], rel=1e-12)
        mine, theirs = index.search("项目就业岗位 jobs", 5), full.search("项目就业岗位 jobs", 5)
        assert [cid for cid, _ in mine] == [cid for cid, _ in theirs]
        assert [score for _, score in mine] == pytest.approx([score for _, score in theirs], rel=1e-9)


def test_merges_stop_at_a_size_so_memory_stays_bounded(tmp_path, monkeypatch):
    """A merge holds all its postings in memory: segments past MAX_MERGE_ROWS / MERGE_FACTOR live
    rows merge no more, so no merge writes more than ~MAX_MERGE_ROWS rows; searches still see
    every row, and a big segment gone mostly dead is still rewritten (alone)."""
    import qa.store.keyword as keyword

    monkeypatch.setattr(keyword, "MAX_MERGE_ROWS", 16)
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    live: set[str] = set()
    for n in range(100):
        cid = f"d{n}:0"
        live.add(cid)
        index.add([{"id": cid, "text": f"第{n}篇文章讲述城市{n}号地铁线路的建设进展"}], live=set(live))
    assert max(s.size for s in index.segments) <= 16
    assert len(index.segments) > 100 // 16  # without the cap, the tiers would have merged these
    assert index.size == len(live) and dict(index.search("第37篇", k=1)).keys() == {"d37:0"}
    big = max(index.segments, key=lambda s: s.size)
    live -= set(big.ids[: big.size * 3 // 4])
    index.set_live(live)
    index.add([{"id": "new:0", "text": "新的文章"}], live=live | {"new:0"})  # a write merges
    assert big not in index.segments and index.size == len(live) + 1
