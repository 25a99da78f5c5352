"""The extractive answerer's candidates for a question that shares no script with the text (an
English question over Chinese passages): such a question shares no words with its passages, so
the lexical features of `qa.answer.windows` see nothing, and sentences are scored by their dense
similarity to the question instead. Support is that similarity mapped linearly from
`dense_floor`..`dense_full` onto 0..1 (`rescale`), plus the evidence of the question's numbers,
names and dictionary renderings the sentence writes.

Apart from `qa.answer.windows` because it is a second way of scoring, with its own collaborator
(the embedder, at question time) and its own parameters (`cross_*`); it reuses the windows'
records (`Question`, `Window`) and sentence reading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, NamedTuple

from qa.answer.params import DEFAULTS, ExtractiveParams
from qa.answer.windows import Question, Window, _sentences
from qa.text.cjk import CJK
from qa.text.script import to_simplified
from qa.types import Hit


Similarity = Callable[[list[str]], list[float]]  # texts -> dense similarity to the question
# a question in letters of neither script read here ("서울의 인구는 얼마입니까?" over the Chinese seed was
# quoted at 0.28 from a Haidian sentence): words of letters that are not Latin (digits stay readable)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]+")


def rescale(similarity: float, params: ExtractiveParams) -> float:
    """Dense similarity mapped linearly from `dense_floor`..`dense_full` onto 0..1."""
    return max(0.0, min(1.0, (similarity - params.dense_floor) / (params.dense_full - params.dense_floor)))


def dense_similarity(embedder, question: str) -> Similarity:
    """texts -> cosine similarity to `question`, with `embedder` (the question is embedded on first use).
    A Chinese question is embedded folded to Simplified: the embedder reads 臺北 and 台北 a little
    apart, and where it reranks Chinese windows the same question in either script must get the
    same answer (the texts keep their script: their vectors are cached as written). The callable
    also carries `question` and `asking(other)`, the same with another question (the one without its
    subject's name: `qa.answer.sentence_dense`)."""
    return _DenseSimilarity(embedder, to_simplified(question) if CJK.search(question) else question)


class _DenseSimilarity:
    """`dense_similarity`'s callable: a question and the embedder comparing texts with it."""

    def __init__(self, embedder, question: str) -> None:
        self.embedder, self.question, self._vector = embedder, question, None

    def asking(self, question: str) -> "_DenseSimilarity":
        return self if question == self.question else _DenseSimilarity(self.embedder, question)

    def __call__(self, texts: list[str]) -> list[float]:
        import numpy as np

        if self._vector is None:
            self._vector = np.asarray(self.embedder.get_query_embedding(self.question), dtype=np.float32)
        qv = self._vector
        vecs = np.asarray(self.embedder.get_text_embedding_batch(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1) * (np.linalg.norm(qv) or 1.0)
        return [float(v) for v in (vecs @ qv) / np.where(norms == 0, 1.0, norms)]


class _Readings(NamedTuple):
    """What an English question says that Chinese text writes alike: its numbers and months
    (`qa.text.glossary.literals`), its pinyin names' readings (`qa.text.pinyin.names`), its words as
    the dictionary renders them (`qa.text.cedict.renderings`) and its attribute word (`focus`, and
    `wordings`, the pattern saying it: en.toml's glossaries via `latin_slots.english_focus`)."""
    marks: list
    names: list
    rendered: list
    focus: str
    wordings: str

    def found(self, text: str) -> tuple[int, int, int, bool]:
        """(literals, names, rendered words) `text` (folded to Simplified) writes, and whether it
        says the attribute word."""
        from qa.text.pinyin import mentioned

        return (sum(m.search(text) is not None for m in self.marks), sum(mentioned(r, text) for r in self.names),
                sum(any(w in text for w in group) for group in self.rendered),
                bool(self.wordings) and re.search(self.wordings, text, re.I) is not None)


@lru_cache(maxsize=8)  # read once for unread, unfound and the windows of one question
def _readings(question: str) -> _Readings:
    from qa.answer.latin_slots import english_focus
    from qa.text.cedict import renderings
    from qa.text.glossary import literals
    from qa.text.pinyin import names

    focus, wordings = english_focus(question)
    return _Readings(literals(question), [readings for _, readings in names(question)], renderings(question),
                     focus, wordings)


def unread(question: str) -> list[str]:
    """The words of a question over text in another script when nothing in it can be read there:
    no pinyin name, number or date, dictionary rendering or glossary word ("asdf qwer zxcv" over
    Chinese articles); [] when something can. The embedder rates any line against any sentence at
    about the same similarity, so such a line was quoted at support 0.5-0.7; there is nothing to
    look for."""
    from qa.text.cedict import unknown_words

    if CJK.search(question):
        return []  # a Chinese question over Latin text: its words are the ones it writes
    if not _LATIN_LETTER.search(question) and not re.search(r"\d", question) \
            and (other := _OTHER_SCRIPT.findall(question)):
        return other  # Hangul, Cyrillic, Arabic...: no word of it is in a dictionary or a glossary read here
    words = unknown_words(question)
    if not words:
        return []
    r = _readings(question)
    return [] if r.names or r.marks or r.rendered or r.focus else words


def unfound(question: str, hits: list[Hit], params: ExtractiveParams = DEFAULTS) -> list[str]:
    """The words of an English question over Chinese passages when the passages it would be
    answered from (the first `cross_passages`) write nothing it says: no number or month of it
    (`literals`), no pinyin name, no dictionary rendering of a word, not its attribute word. The
    question is then about something the articles never speak of ("What's the weather like today?",
    "How are you doing today?" over news on brain-computer interfaces), and the embedder, which
    rates any line against any sentence alike, quoted the nearest sentence at support 0.4-0.6.
    [] when something is written, or when the dictionary is not installed (nothing can be told).
    On train30_en and trial_en (66 answerable questions) it refused one wrong answer and no right
    one."""
    from qa.text.cedict import content_words, dictionary_file

    if CJK.search(question) or not hits or dictionary_file() is None:
        return []
    text = to_simplified("\n".join(h.text for h in hits[:params.cross_passages]))
    return [] if any(_readings(question).found(text)) else content_words(question)


def cross_script_windows(q: Question, hits: list[Hit], similarity: Similarity,
                         params: ExtractiveParams = DEFAULTS) -> list[Window]:
    """Sentences of the first passages scored by their dense similarity to the question (for a
    question that shares no script with the text); support is that similarity, rescaled.

    The embedder hardly tells apart sentences of one article across languages (similarities within
    0.01-0.03 of each other), so what the question says that the text writes alike breaks the tie:
    a sentence of the wanted answer type (`cross_cue`), one holding the question's numbers or
    months (`cross_literal` each: "March 1994" in 1994年3月, `qa.text.glossary.literals`), its
    pinyin names (`cross_name`: Fan Tingsong in 范廷颂) or words as the dictionary renders them
    (`cross_word` each: campuses as 校区, `qa.text.cedict`), and one saying its attribute word
    (`cross_focus`). Literals, names and words are evidence as well as tie-breakers: they count in
    support too (a sentence naming 范廷颂 and 1994年3月 reads as more similar than the embedder
    says); the cue and the attribute word only rank. Each sentence is embedded at query time, so
    only `cross_sentences` are: once each (chunks of one article overlap by a sentence), no fragment
    of fewer than `cross_min_chars` characters of the text's script ("S.", Latin names), those
    holding a literal, a name or the attribute word first."""
    readings = _readings(q.text)  # jobs -> a count of 岗位 (en.toml's glossaries)
    own = (lambda t: sum(c.isalpha() and c.isascii() for c in t)) if CJK.search(q.text) else (lambda t: len(CJK.findall(t)))
    seen: set[str] = set()
    sents = []
    for hi, hit in enumerate(hits[:params.cross_passages]):
        for s in _sentences(q, hit):
            text = hit.text[s.span.start:s.span.end]
            if text in seen or own(text) < params.cross_min_chars:
                continue
            seen.add(text)
            literal, name, word, said = readings.found(to_simplified(text))
            evidence = params.cross_literal * literal + params.cross_name * name + params.cross_word * word
            sents.append((hi, s, text, evidence, said))
    sents = sorted(sents, key=lambda x: not (x[3] or x[4]))[:params.cross_sentences]  # stable: passage order within
    if not sents:
        return []
    sims = similarity([x[2] for x in sents])
    windows = []
    for (hi, s, _, evidence, said), sim in zip(sents, sims):
        score = sim + evidence + (params.cross_cue if s.cue else 0.0) + (params.cross_focus if said else 0.0)
        windows.append(Window(hi, s.span.start, s.span.end, (), score, s.terms, rescale(sim + evidence, params)))
    return windows