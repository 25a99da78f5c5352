"""The hand-written gold set eval/gold/seed.jsonl: schema, answers traceable to the seed page,
and coverage floors so the set cannot silently shrink or drift from the page."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from qa.ingest.segment import segment

from support import ROOT, SEED_FILE

GOLD = ROOT / "eval" / "gold" / "seed.jsonl"
STEM = SEED_FILE.stem
KEYS = {"id", "question", "answers", "unanswerable", "evidence", "tags"}
ARTICLE_TAGS = {"bci", "metrology", "heihe", "custody", "xinhua", "caption"}
KIND_TAGS = {"number", "date", "name", "org", "place", "policy", "paraphrase", "multi-hop", "en",
             "caption", "unanswerable"}
VOCAB = ARTICLE_TAGS | KIND_TAGS
# Sentence ends as a reader sees them; `;` is not one (the custody article's 禁止 list is one sentence).
SENTENCE_END = re.compile(r"(?<=[。！？!?])|\n")
CJK = re.compile(r"[\u4e00-\u9fff]")

# Minimum counts (the issue asks for 60 items, 8 English, 10 unanswerable; the brief for more).
FLOORS = {"total": 70, "paraphrase": 12, "multi-hop": 6, "en": 10, "unanswerable": 12,
          "number": 10, "date": 6, "name": 6, "org": 8, "place": 6, "policy": 6}
ANSWERABLE_PER_ARTICLE = {"bci": 4, "metrology": 4, "heihe": 4, "custody": 4, "xinhua": 4, "caption": 2}


def _items() -> list[tuple[int, dict]]:
    out = []
    for n, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{GOLD.name}:{n}: blank line"
        out.append((n, json.loads(line)))
    return out


ITEMS = _items()


def _articles() -> dict[str, str]:
    """Article title -> title + body, as segmentation rebuilds them.

    Why segmentation and not the raw file: the OCR broke lines mid-word and interleaved columns, so
    the raw text, even with newlines removed, does not hold the joined-up sentences. The custody
    article runs "...要不断强化托" + the photo caption + "管业务的内部管理", and "主" / "要包括" and
    "在刚刚结束的" / "十五运会上" are split across blank lines. `segment()` is what the product
    indexes (qa.ingest.pipeline chunks exactly these bodies), so checking the gold against it means
    every gold answer and snippet exists in the text the retriever can return; a failure here after a
    change to segment.py means that change lost or broke text a reader can see on the page.
    """
    return {s.title: s.title + "\n" + s.body() for s in segment(SEED_FILE.read_text(encoding="utf-8"))}


ARTICLES = _articles()


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def test_every_line_follows_the_schema():
    ids = []
    for n, item in ITEMS:
        where = f"{GOLD.name}:{n}"
        assert set(item) == KEYS, f"{where}: keys {sorted(item)}"
        assert isinstance(item["id"], str) and isinstance(item["question"], str), where
        assert item["question"].strip(), f"{where}: empty question"
        assert isinstance(item["unanswerable"], bool), where
        for key in ("answers", "evidence", "tags"):
            assert isinstance(item[key], list) and all(isinstance(x, str) and x.strip() for x in item[key]), \
                f"{where}: {key} must be a list of non-empty strings"
        assert len(set(item["answers"])) == len(item["answers"]), f"{where}: duplicate answers"
        assert item["unanswerable"] == (not item["answers"]), f"{where}: unanswerable <-> answers empty"
        assert item["unanswerable"] == ("unanswerable" in item["tags"]), f"{where}: unanswerable tag"
        if item["unanswerable"]:
            assert item["evidence"] == [], f"{where}: unanswerable items have no evidence"
        else:
            assert len(item["evidence"]) == 3, f"{where}: evidence is [stem, title, snippet]"
        ids.append(item["id"])
    assert ids == [f"seed-{i:03d}" for i in range(1, len(ids) + 1)], "ids are seed-001.. in order"


def test_tags_come_from_the_vocabulary_and_name_one_article():
    for n, item in ITEMS:
        tags = item["tags"]
        assert set(tags) <= VOCAB, f"{GOLD.name}:{n}: unknown tags {set(tags) - VOCAB}"
        assert len(tags) == len(set(tags)), f"{GOLD.name}:{n}: duplicate tags"
        assert len(set(tags) & ARTICLE_TAGS) == 1, f"{GOLD.name}:{n}: exactly one article tag"
        # `en` marks the questions asked in English, and only those.
        assert ("en" in tags) == (not CJK.search(item["question"])), f"{GOLD.name}:{n}: en tag"


def test_article_titles_are_the_ones_segmentation_produces():
    assert len(ARTICLES) == 6
    titles_by_tag = {}
    for n, item in ITEMS:
        if item["unanswerable"]:
            continue
        stem, title, _ = item["evidence"]
        assert stem == STEM, f"{GOLD.name}:{n}: evidence[0] must be the source stem {STEM}"
        assert title in ARTICLES, f"{GOLD.name}:{n}: evidence[1] {title!r} is not an article title"
        tag = (set(item["tags"]) & ARTICLE_TAGS).pop()
        titles_by_tag.setdefault(tag, set()).add(title)
    # One article tag <-> one article: a mislabelled item would show up as two titles under a tag.
    assert all(len(titles) == 1 for titles in titles_by_tag.values()), titles_by_tag
    assert len({t for ts in titles_by_tag.values() for t in ts}) == 6


@pytest.mark.parametrize("n,item", [pytest.param(n, i, id=i["id"]) for n, i in ITEMS if not i["unanswerable"]])
def test_answer_and_snippet_are_verbatim_in_one_sentence_of_the_article(n, item):
    _, title, snippet = item["evidence"]
    text = ARTICLES[title]
    answer = item["answers"][0]
    assert 10 <= len(snippet) <= 40, f"{GOLD.name}:{n}: snippet is {len(snippet)} chars"
    assert snippet in text, f"{GOLD.name}:{n}: snippet not in {title}: {snippet}"
    assert answer in text, f"{GOLD.name}:{n}: answers[0] not in {title}: {answer}"
    # The snippet points at the sentence that holds the answer, so citation checks can use it.
    assert any(snippet in s and answer in s for s in _sentences(text)), \
        f"{GOLD.name}:{n}: no sentence holds both {snippet!r} and {answer!r}"


def test_unanswerable_items_do_not_name_an_answer_on_the_page():
    # A cheap guard against writing an answer into an unanswerable item by mistake: none of their
    # questions may be the wording of an answerable one.
    answerable = {i["question"] for _, i in ITEMS if not i["unanswerable"]}
    for n, item in ITEMS:
        if item["unanswerable"]:
            assert item["question"] not in answerable, f"{GOLD.name}:{n}"


def test_coverage_floors():
    tags = Counter(t for _, i in ITEMS for t in i["tags"])
    counts = {"total": len(ITEMS), **{k: tags[k] for k in FLOORS if k != "total"}}
    short = {k: (counts[k], floor) for k, floor in FLOORS.items() if counts[k] < floor}
    assert not short, f"below floor (count, floor): {short}"
    answerable = Counter(t for _, i in ITEMS if not i["unanswerable"] for t in i["tags"] if t in ARTICLE_TAGS)
    short = {k: (answerable[k], f) for k, f in ANSWERABLE_PER_ARTICLE.items() if answerable[k] < f}
    assert not short, f"answerable items per article below floor: {short}"
    en_unanswerable = sum(1 for _, i in ITEMS if i["unanswerable"] and "en" in i["tags"])
    assert en_unanswerable >= 2
    questions = [i["question"] for _, i in ITEMS]
    assert len(set(questions)) == len(questions), "duplicate questions"
