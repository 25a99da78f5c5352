"""The offline answerer: quote the one to three sentences of the retrieved passages that best
answer the question, each with a `[n]` citation, or refuse when none supports it.

Candidates are windows of one or two adjacent sentences of one passage. Each is scored by a
linear function of a few features (`FEATURES`; weights `WEIGHTS` fitted on CMRC 2018 trial
questions by eval/bench/tune_answer.py and checked on cmrc_train30):
  - coverage of the question's terms (character bigrams, English stems, whole numbers, after the
    question words 什么/多少/哪里/what/... are removed), each term weighted by its IDF in the whole
    collection (rare words such as names count most), and again by its IDF among the candidate
    sentences (words every sentence shares do not tell them apart);
  - coverage of the question's single Chinese characters (颜色 vs 体呈银灰色);
  - context: question terms found in the article title or the neighbouring sentences, because
    "本鱼体呈银灰色" answers a question naming the fish in the title;
  - answer type: 多少/几 want a number (with the asked-for measure word: 多少家 -> "7家"), 哪一年/
    何时/when a date, 谁/who a person, 哪里/where a place, 为什么/why a reason, 什么是X a
    definition of X, 又称/叫什么 a name; the window holds such a thing the question does not;
  - the passage's retrieval rank and dense similarity, the window's length and sentence count.
The best window is quoted; runner-up windows that score within `EXTRA_MARGIN` of it and do not
repeat its sentences are quoted after it (three at most), since the scores cannot tell them apart.
Equal scores go to the shorter quote.

Support (`Answer.support`, 0..1) is how much of the question the quote covers, independent of the
ranking weights so that the refusal threshold keeps its meaning: the IDF share of question terms
found in the window or its context (title terms count in full, neighbours at half), times
`CUE_MISSING` when the question wants a type of answer the window does not hold. When question and
passage are in different scripts (an English question over Chinese text shares no words with it),
support comes from the passage's dense similarity instead, mapped linearly from `DENSE_FLOOR`..
`DENSE_FULL` onto 0..1. Per-sentence embeddings would be a better signal but cost ~19 ms per
sentence at query time on two cores (a 25 ms budget for the whole question), so only the
passage's similarity, known from retrieval, is used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from qa.ingest.chunk import Span, split_sentences
from qa.prompts import refusal_phrase
from qa.tokens import language
from qa.types import Answer, Citation, Hit

# Question words carry no evidence; they are removed before matching.
QUESTION_WORDS = re.compile(
    r"多少|几[个家年月日天次项种位名条款]?|哪一年|哪年|哪一|哪些|哪个|哪家|哪位|哪里|哪儿|哪|什么|何时|何地|何处|谁|是否|如何|怎样|怎么|为什么|为何"
    r"|吗|呢|请问|根据|文章|报道|提到|介绍|\?|？")
_EN_STOP = set(
    "what which who whom whose when where why how many much is are was were the a an of in on to for by and or do "
    "does did according article articles say says said that this with from as at be been its it their they "
    "there has have had can could will would name named".split())
_STOP_CHARS = set("的是了在和与及或有为也而之其这那被把对于以就都并一个中上下等")
_PARTICLES = re.compile(r"[的是了吗呢吧啊和与或被把也都]")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# What kind of answer a question wants, and what such an answer looks like.
_Q_TIME = re.compile(r"哪一年|哪年|何时|什么时候|哪个月|哪一天|哪天|几月|几号|年代|when|what year|which year|what date", re.I)
_Q_NUMBER = re.compile(r"多少|几|多大|多高|多长|多久|多重|多远|how many|how much|how long|how old|what percentage", re.I)
_Q_PERSON = re.compile(r"谁|哪位|什么人|\bwho\b|\bwhom\b", re.I)
_Q_PLACE = re.compile(r"哪里|哪儿|何地|何处|什么地方|什么地区|哪个(?:国家|城市|省|市|区|县|地区)|在哪|\bwhere\b|"
                      r"which (?:city|country|province|district)", re.I)
_Q_REASON = re.compile(r"为什么|为何|原因|目的|\bwhy\b", re.I)
_Q_NAME = re.compile(r"称为什么|称之为什么|叫什么|又称|又名|别称|名称|学名|什么名|全称|简称|called|named|name of", re.I)
_Q_DEFINE = re.compile(r"^(?:什么是|何为|何谓)(.+?)[?？]?$|^(.+?)是什么[?？]?$")
_MEASURE = re.compile(r"(?:多少|几)([个家年月日天次项种位名条款台套张所座件元岁米倍部份批层届期场]|"
                      r"亿元|万元|公里|平方米|公斤|通道|岗位|部门|小时|分钟)")
_NUMERAL = r"(?<![A-Za-z])(?:\d[\d,.]*|[零一二两三四五六七八九十百千万亿]+)"
_NUMBER = re.compile(_NUMERAL + r"\s*(?:%|％|[个家项名位条次万亿元倍成年月日天岁米台套张所座件部份批层届期场度]|公里|公斤|公尺|公分|小时|分钟)"
                     r"|(?<![A-Za-z\d])\d+(?:\.\d+)?(?![A-Za-z])")
_TIME = re.compile(r"\d{1,4}年|\d{1,2}月|\d{1,2}日|[一二三四五六七八九十]{1,3}月|今年|去年|明年|年底|年初|年代|世纪|朝|"
                   r"\b(?:1[0-9]|20)\d{2}\b")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州|镇|乡|村|国|岛|山|河|湖|港|湾|街|路|园|城|洲|部|地区)|"
                    r"\b(?:in|at) [A-Z][a-z]+")
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}(?:先生|女士|教授|博士|主任|院长|书记|总裁|董事长|创始人|所长|部长|市长|皇帝|帝|王|后)|"
                     r"(?:主任|院长|书记|总裁|董事长|创始人|CEO|所长|部长|市长|记者|教授|之女|之子)[,，、 ]?[\u4e00-\u9fff]{2,3}|"
                     r"[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}|[A-Z][a-z]+ [A-Z][a-z]+")
_REASON = re.compile(r"因为|由于|因此|所以|为了|导致|原因|以便|以免|是因|造成|缘于|because|due to|so that", re.I)
_NAME = re.compile(r"又称|又名|称为|称作|叫做|简称|全称|俗称|别称|别名|学名|名为|命名|译名|音译|[“「《(（]", re.I)

FEATURES = ("topic_in", "focus_corpus", "focus_local", "focus_chars", "focus_near", "cue", "cue_missing", "define",
            "rank", "dense_delta", "pair", "log_chars", "first")
# Fitted by eval/bench/tune_answer.py on cmrc_trial (see README, "Retrieval benchmark").
WEIGHTS = {"topic_in": 0.49, "focus_corpus": 2.96, "focus_local": 2.48, "focus_chars": 5.36, "focus_near": -1.42,
           "cue": 1.0, "cue_missing": -1.0, "define": 3.12, "rank": -1.35, "dense_delta": 1.93, "pair": -1.0,
           "log_chars": 0.0, "first": 1.53}

CONTEXT_CREDIT = 0.5  # support: a question term found only in a neighbouring sentence counts this much
CUE_MISSING = 0.75  # support is multiplied by this when the question wants a type the quote lacks
DENSE_FLOOR, DENSE_FULL = 0.70, 0.85  # cross-script support: similarity mapped onto 0..1
CROSS_PASSAGES, CROSS_SENTENCES = 2, 12  # cross-script: sentences embedded at query time (~19 ms each)
CROSS_CUE = 0.02  # cross-script: similarity bonus for a sentence of the wanted answer type
CROSS_MARGIN = 0.01  # cross-script: runner-up sentences this close in similarity are quoted too
EXTRA_MARGIN = 0.5  # a runner-up window is quoted too when its score is within this of the best
MAX_QUOTES = 3

Idf = Callable[[list[str]], list[float]]  # terms -> IDF in the collection
Similarity = Callable[[list[str]], list[float]]  # texts -> dense similarity to the question


@dataclass
class Question:
    text: str
    terms: list[str]  # index terms, question words removed
    corpus_w: list[float]  # collection IDF per term
    chars: list[str]  # informative single Chinese characters
    wants: str  # time | number | person | place | reason | name | ""
    measure: str  # the measure word of 多少X / 几X
    subject: str  # X of 什么是X / X是什么


@dataclass
class Window:
    hit: int
    start: int  # offsets into the hit's text
    end: int
    features: dict[str, float]
    score: float
    mask: int  # bit i set: question term i is in the window
    support: float = 0.0


def strip_question(question: str) -> str:
    """The question without question words, and cut at particles (的/是/了...): "什么是黄独" must
    not yield the bigram 是黄, a rare (so heavily weighted) string that no answer contains."""
    return _PARTICLES.sub(" ", QUESTION_WORDS.sub(" ", question))


def question_terms(question: str) -> list[str]:
    from qa.keyword import tokenize

    return list(dict.fromkeys(t for t in tokenize(strip_question(question)) if t not in _EN_STOP))


def question_type(question: str) -> tuple[str, str]:
    """(wanted answer type, measure word) of a question."""
    m = _MEASURE.search(question)
    measure = m.group(1) if m else ""
    if _Q_TIME.search(question) or measure in ("年", "月", "日", "天"):
        return "time", ""
    for wants, pattern in (("number", _Q_NUMBER), ("person", _Q_PERSON), ("place", _Q_PLACE),
                           ("reason", _Q_REASON), ("name", _Q_NAME)):
        if pattern.search(question):
            return wants, measure if wants == "number" else ""
    return "", ""


_TYPE_PATTERNS = {"time": _TIME, "person": _PERSON, "place": _PLACE, "reason": _REASON, "name": _NAME}


def has_answer_type(text: str, wants: str, measure: str, question: str) -> bool:
    """Does `text` hold a thing of the wanted type that the question does not already name?"""
    if wants == "number":
        pattern = re.compile(_NUMERAL + r"\s*" + re.escape(measure)) if measure else _NUMBER
    else:
        pattern = _TYPE_PATTERNS.get(wants)
    if pattern is None:
        return False
    return any(m.group(0) not in question for m in pattern.finditer(text))


def analyse(question: str, idf: Idf | None) -> Question:
    terms = question_terms(question)
    corpus_w = list(idf(terms)) if idf is not None and terms else [1.0] * len(terms)
    stripped = strip_question(question)
    chars = list(dict.fromkeys(c for c in stripped if _CJK.match(c) and c not in _STOP_CHARS))
    wants, measure = question_type(question)
    m = _Q_DEFINE.match(question.strip())
    subject = (m.group(1) or m.group(2) or "").strip() if m else ""
    return Question(question, terms, corpus_w, chars, wants, measure, subject if 1 < len(subject) <= 12 else "")


def _mask(text: str, items: list[str]) -> int:
    bits = 0
    for i, t in enumerate(items):
        if t in text:
            bits |= 1 << i
    return bits


class _Weigher:
    """Sum of per-item weights over the set bits of a mask, memoised (windows share masks)."""

    def __init__(self, weights: list[float]):
        self.weights = weights
        self.memo: dict[int, float] = {0: 0.0}

    def __call__(self, mask: int) -> float:
        total = self.memo.get(mask)
        if total is None:
            total, i, m = 0.0, 0, mask
            while m:
                if m & 1:
                    total += self.weights[i]
                m >>= 1
                i += 1
            self.memo[mask] = total
        return total


@dataclass
class _Sentence:
    span: Span
    terms: int  # mask over Question.terms
    chars: int  # mask over Question.chars
    cue: bool
    define: bool


def _sentences(q: Question, hit: Hit) -> list[_Sentence]:
    from qa.keyword import normalize

    norm = normalize(hit.text)
    same = len(norm) == len(hit.text)  # NFKC kept every offset: slice the normalised text
    out = []
    for span in split_sentences(hit.text):
        s = norm[span.start:span.end] if same else normalize(hit.text[span.start:span.end])
        raw = hit.text[span.start:span.end]
        out.append(_Sentence(span, _mask(s, q.terms), _mask(s, q.chars),
                             bool(q.wants) and has_answer_type(raw, q.wants, q.measure, q.text),
                             bool(q.subject) and raw.startswith(q.subject)))
    return out


def candidate_windows(q: Question, hits: list[Hit]) -> list[Window]:
    """Every one- and two-sentence window of the passages, with its features and score."""
    from qa.keyword import normalize

    if not q.terms and not q.chars:
        return []
    per_hit = [_sentences(q, hit) for hit in hits]
    flat = [s for sents in per_hit for s in sents]
    n = len(flat)
    if not n:
        return []
    # IDF among the candidate sentences, for terms and for characters.
    local = _Weigher([math.log(1 + n / (1 + sum(1 for s in flat if s.terms >> i & 1))) for i in range(len(q.terms))])
    chars_w = _Weigher([math.log(1 + n / (1 + sum(1 for s in flat if s.chars >> i & 1))) for i in range(len(q.chars))])
    corpus = _Weigher(q.corpus_w)
    total_c = sum(q.corpus_w) or 1.0
    weights = [WEIGHTS[f] for f in FEATURES]
    best_dense = max((h.dense for h in hits), default=0.0)
    all_terms, all_chars = (1 << len(q.terms)) - 1, (1 << len(q.chars)) - 1
    windows = []
    for hi, (hit, sents) in enumerate(zip(hits, per_hit)):
        # Topic terms: question terms in the article title. Every window of the article is about
        # them, so the windows are told apart by the other (focus) terms and characters.
        title = normalize(hit.title) if hit.title else ""
        topic = _mask(title, q.terms) if title else 0
        focus, focus_chars = all_terms & ~topic, all_chars & ~(_mask(title, q.chars) if title else 0)
        total_t, total_f = corpus(topic) or 1.0, corpus(focus) or 1.0
        total_fl, total_fc = local(focus) or 1.0, chars_w(focus_chars) or 1.0
        dense_delta = hit.dense - best_dense
        for a in range(len(sents)):
            for b in (a, a + 1):
                if b >= len(sents):
                    continue
                first, last = sents[a], sents[b]
                inside, chars_in = first.terms | last.terms, first.chars | last.chars
                near = (sents[a - 1].terms if a else 0) | (sents[b + 1].terms if b + 1 < len(sents) else 0)
                start, end = first.span.start, last.span.end
                cue = first.cue or last.cue
                f = (corpus(inside & topic) / total_t,
                     corpus(inside & focus) / total_f,
                     local(inside & focus) / total_fl,
                     chars_w(chars_in & focus_chars) / total_fc,
                     corpus(near & focus & ~inside) / total_f,
                     float(cue),
                     float(bool(q.wants) and not cue),
                     float(first.define),
                     float(hi),
                     dense_delta,
                     float(b > a),
                     math.log(max(end - start, 1)),
                     float(a == 0 and hit.start == 0))
                score = sum(w * v for w, v in zip(weights, f))
                support = (corpus(inside | topic) + CONTEXT_CREDIT * corpus(near & ~inside & ~topic)) / total_c
                if q.wants and not cue:
                    support *= CUE_MISSING
                windows.append(Window(hi, start, end, dict(zip(FEATURES, f)), score, inside, min(1.0, support)))
    return windows


def rank_passages(question: str, hits: list[Hit], idf: Idf | None = None) -> list[Hit]:
    """`hits` re-ordered by the score of their best window (stable for passages without one)."""
    windows = candidate_windows(analyse(question, idf), hits)
    best: dict[int, float] = {}
    for w in windows:
        if w.score > best.get(w.hit, -math.inf):
            best[w.hit] = w.score
    order = sorted(range(len(hits)), key=lambda i: (-best.get(i, -math.inf), i))
    return [hits[i] for i in order]


def _overlaps(a: Window, b: Window, hits: list[Hit]) -> bool:
    """Same passage and overlapping spans, or the same text quoted from two overlapping chunks."""
    if a.hit == b.hit:
        return a.start < b.end and b.start < a.end
    ta, tb = hits[a.hit].text[a.start:a.end], hits[b.hit].text[b.start:b.end]
    return ta in tb or tb in ta


def support_of(best: Window, hits: list[Hit], question: str) -> float:
    hit = hits[best.hit]
    if language(question) != language(hit.text):
        # No shared words to count: trust the embedder's judgement of the passage instead.
        return max(0.0, min(1.0, (hit.dense - DENSE_FLOOR) / (DENSE_FULL - DENSE_FLOOR)))
    return best.support


def dense_similarity(embedder, question: str) -> Similarity:
    """texts -> cosine similarity to `question`, with `embedder` (the question is embedded on first use)."""
    cache: list = []

    def similarity(texts: list[str]) -> list[float]:
        import numpy as np

        if not cache:
            cache.append(np.asarray(embedder.get_query_embedding(question), dtype=np.float32))
        qv = cache[0]
        vecs = np.asarray(embedder.get_text_embedding_batch(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1) * (np.linalg.norm(qv) or 1.0)
        return [float(v) for v in (vecs @ qv) / np.where(norms == 0, 1.0, norms)]
    return similarity


def cross_script_windows(q: Question, hits: list[Hit], similarity: Similarity) -> list[Window]:
    """Sentences of the first passages scored by their dense similarity to the question (for a
    question that shares no script with the text); support is that similarity, rescaled."""
    sents = [(hi, s) for hi, hit in enumerate(hits[:CROSS_PASSAGES]) for s in _sentences(q, hit)][:CROSS_SENTENCES]
    if not sents:
        return []
    sims = similarity([hits[hi].text[s.span.start:s.span.end] for hi, s in sents])
    windows = []
    for (hi, s), sim in zip(sents, sims):
        support = max(0.0, min(1.0, (sim - DENSE_FLOOR) / (DENSE_FULL - DENSE_FLOOR)))
        score = sim + (CROSS_CUE if s.cue else 0.0)
        windows.append(Window(hi, s.span.start, s.span.end, {}, score, s.terms, support))
    return windows


def answer_extractive(question: str, hits: list[Hit], threshold: float, idf: Idf | None = None,
                      similarity: Similarity | None = None) -> Answer:
    """Quote the best one to three sentence windows of `hits` with [n] citations, or refuse.

    `idf` gives collection IDF for terms (the keyword index's); without it IDF is taken over the
    candidate sentences. `similarity` (texts -> their dense similarity to the question) is used
    only when the question and the passages are in different scripts."""
    lang = language(question)
    q = analyse(question, idf)
    cross = bool(hits) and similarity is not None and lang != language(hits[0].text)
    windows = cross_script_windows(q, hits, similarity) if cross else candidate_windows(q, hits)
    key = lambda w: (w.score, -(w.end - w.start))  # noqa: E731 - ties go to the shorter quote
    best = max(windows, key=key, default=None)
    support = (best.support if cross else support_of(best, hits, question)) if best else 0.0
    margin = CROSS_MARGIN if cross else EXTRA_MARGIN
    if best is None or support < threshold:
        return Answer(question=question, answer=refusal_phrase(lang), refused=True, mode="extractive",
                      citations=[], support=round(support, 4), hits=hits)
    chosen = [best]
    for w in sorted(windows, key=key, reverse=True):
        if len(chosen) == MAX_QUOTES or w.score < best.score - margin:
            break
        # A close runner-up is quoted too (when it does not repeat a chosen sentence): the
        # scores cannot tell them apart, and a reader can.
        if not any(_overlaps(w, c, hits) for c in chosen):
            chosen.append(w)
    citations, parts = [], []
    for n, w in enumerate(chosen, start=1):
        hit = hits[w.hit]
        quote = hit.text[w.start:w.end]
        citations.append(Citation(n=n, source=hit.source, title=hit.title, chunk_id=hit.chunk_id, text=hit.text,
                                  score=round(hit.score, 4), quote=quote, supported=True))
        parts.append(f"{quote}[{n}]")
    return Answer(question=question, answer=" ".join(parts), refused=False, mode="extractive",
                  citations=citations, support=round(support, 4), hits=hits)
