"""The offline answerer: quote the one to three sentences of the retrieved passages that best
answer the question, each with a `[n]` citation, or refuse when none supports it.

A candidate is one sentence or two adjacent sentences of one passage. Its support is the share
of the question's informative terms (IDF-weighted over the candidate sentences) that it
contains; a candidate whose type fits the question (a number for 多少/几/how many, a year or
date for 哪一年/何时/when) gets a bonus. The best candidate is quoted; when its support is below
`refusal_threshold` the answer is a refusal in the question's language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from qa.ingest.chunk import split_sentences
from qa.prompts import refusal_phrase
from qa.tokens import language, terms
from qa.types import Answer, Citation, Hit

# Question words carry no evidence; they are removed before matching.
_QUESTION_WORDS = re.compile(
    r"多少|几[个家年月日天次项种位名条]?|哪一年|哪年|哪一|哪些|哪个|哪里|哪儿|什么|何时|何地|谁|是否|如何|怎样|怎么|为什么|为何"
    r"|吗|呢|请问|根据|文章|报道|提到|介绍|\?|？")
_EN_STOP = set("what which who whom whose when where why how many much is are was were the a an of in on to for by "
               "and or do does did according article articles say says said that this with from as at be".split())
_NUMBER_Q = re.compile(r"多少|几|how many|how much|what percentage|比例|数量|金额", re.I)
_TIME_Q = re.compile(r"哪一年|哪年|何时|什么时候|哪个月|哪一天|when|what year|which year", re.I)
_NUMBER = re.compile(r"\d|[一二三四五六七八九十百千万亿]+[个家项名位条次万亿元]")
_TIME = re.compile(r"\d{4}年|\d{1,2}月|\d{1,2}日|今年|去年|明年|年底|年初|\b(19|20)\d{2}\b")
CUE_BONUS = 0.15
PAIR_PENALTY = 0.04  # a two-sentence quote must earn its extra length


@dataclass
class Candidate:
    hit_index: int
    start: int  # offsets into the hit's text
    end: int
    support: float
    score: float


def question_terms(question: str) -> set[str]:
    stripped = _QUESTION_WORDS.sub(" ", question)
    return {t for t in terms(stripped) if t not in _EN_STOP}


def _candidates(question: str, hits: list[Hit]) -> list[Candidate]:
    qterms = question_terms(question)
    sentences = [(hi, s) for hi, hit in enumerate(hits) for s in split_sentences(hit.text)]
    if not qterms or not sentences:
        return []
    bags = [set(terms(hits[hi].text[s.start:s.end])) for hi, s in sentences]
    n = len(bags)
    idf = {t: math.log(1 + n / (1 + sum(t in b for b in bags))) for t in qterms}
    total = sum(idf.values())
    want_number, want_time = bool(_NUMBER_Q.search(question)), bool(_TIME_Q.search(question))
    out = []
    for i, (hi, s) in enumerate(sentences):
        for j in (i, i + 1):
            if j >= len(sentences) or sentences[j][0] != hi:
                continue
            covered = set().union(*bags[i:j + 1]) & qterms
            support = sum(idf[t] for t in covered) / total
            text = hits[hi].text[s.start:sentences[j][1].end]
            cue = (want_time and _TIME.search(text)) or (want_number and not want_time and _NUMBER.search(text))
            score = support + (CUE_BONUS if cue else 0.0) - (PAIR_PENALTY if j > i else 0.0) - 0.01 * hi
            out.append(Candidate(hi, s.start, sentences[j][1].end, support, score))
    return out


def answer_extractive(question: str, hits: list[Hit], threshold: float) -> Answer:
    candidates = _candidates(question, hits)
    lang = language(question)
    best = max(candidates, key=lambda c: (c.score, -(c.end - c.start)), default=None)
    if best is None or best.support < threshold:
        return Answer(question=question, answer=refusal_phrase(lang), refused=True, mode="extractive",
                      citations=[], support=best.support if best else 0.0, hits=hits)
    hit = hits[best.hit_index]
    quote = hit.text[best.start:best.end]
    citation = Citation(n=1, source=hit.source, title=hit.title, chunk_id=hit.chunk_id, text=hit.text,
                        score=round(hit.score, 4), quote=quote, supported=True)
    return Answer(question=question, answer=f"{quote}[1]", refused=False, mode="extractive",
                  citations=[citation], support=round(best.support, 4), hits=hits)
