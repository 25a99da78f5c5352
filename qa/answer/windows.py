"""The extractive answerer's candidates: windows of one or two adjacent sentences of one retrieved
passage, each with its features, score and support (`qa.answer.extractive` chooses among them,
checks the best for gaps and quotes it).

Each window is scored by a linear function of a few named features (`Features`; weights
`ExtractiveParams.weights` fitted on CMRC 2018 trial questions by eval/bench/tune_answer.py and
checked on cmrc_train30, then on every visible corpus left out in turn by eval/bench/general.py):
  - coverage of the question's terms (character bigrams, English stems, whole numbers, after the
    question words 什么/多少/哪里/what/... are removed), each term weighted by its IDF in the whole
    collection (rare words such as names count most), and again by its IDF among the candidate
    sentences (words every sentence shares do not tell them apart);
  - coverage of the question's single Chinese characters (颜色 vs 体呈银灰色); context: question terms
    in the article title (`title_terms`) or the neighbouring sentences ("本鱼体呈银灰色": the fish);
  - answer type: 多少/几 want a number (with the asked-for measure word: 多少家 -> "7家"), 哪一年/
    何时/when a date, 谁/who a person, 哪里/where a place, 为什么/why a reason, 什么是X a
    definition of X, 又称/叫什么 a name; the window holds such a thing the question does not;
  - the passage's retrieval rank and dense similarity, the window's length and sentence count.
Text is matched in its folded form (Traditional characters as Simplified, `qa.text.script`),
offsets stay those of the original.

Support (`Window.support`, 0..1) is how much of the question the window covers, independent of
the ranking weights so that the refusal threshold keeps its meaning: the IDF share of question
terms found in the window or its context (title terms count in full, neighbours at half), times
`cue_missing` when the question wants a type of answer the window does not hold. A "seam", a
bigram across a word boundary of the question that no passage of the collection holds (书出 of
最贵的书出自; `qa.answer.seams`), is the rarest, so heaviest, term of a paraphrased question and no passage
can hold it: it counts as covered as far as the window covers its two neighbours (书 of 的书, 出自);
so does a bigram across two words of the dictionary's cut (遗产|地位: 产地), wherever it occurs.
A term the window holds only as separate characters (最贵 in 最昂贵) counts `apart_credit`. Both
so that support means the same on a corpus that paraphrases its questions (DRCD, translations) as
on one that copies its wording (CMRC). A word the collection lacks is not a seam (its neighbours
are missing too) and still counts against support, which is what refuses near misses. A "joint", a
bigram across the dictionary's cut that no passage holds while a neighbour is missing too (了法 of
阻止了法国, where the translation's 阻止 is the passage's 使…无法), is covered as far as its neighbours
inside words are (法国), but only in a window the slot checks find nothing missing in
(`_Support.value(literal=True)` otherwise): what it joins, its words say, and a window that lacks
the asked-for event or focus is judged by the words it writes (near misses: 灯塔|建于's 塔建). So is,
in such a window, a plain word (no name) that no passage holds (来源 where it says 得名于): it counts `plain_credit` times the share of the question's other terms the window holds, so that a
window holding only the question's name (IJSO of IJSO的总部设在哪个城市) gains little. When question and
passage are in different scripts (an English question over Chinese text shares no words with it),
sentences are scored by their dense similarity instead (`qa.answer.cross_script`).

The two caches (analysed questions, and a question's sentences per passage) are shared by the
threads of `qa eval --concurrency` and locked.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from qa.answer.kinds import kind_terms
from qa.answer.params import DEFAULTS, FEATURES, ExtractiveParams, Features, weigh
from qa.answer.seams import credited, cut_terms, letter_terms, plain_absent
from qa.answer.title_terms import title_terms
from qa.text.cjk import CJK, close_spaces, fold, spread
from qa.text.questions import (DEFINE, ROLE, STOP_CHARS, has_answer_type, held_otherwise, question_terms,
                               index_terms, question_type, said_otherwise, strip_question)
from qa.text.script import to_simplified
from qa.text.sentences import Span, split_sentences
from qa.text.sounds import spelled_names
from qa.types import Hit


Idf = Callable[[list[str]], list[float]]  # terms -> IDF in the collection
_NOWHERE = "\x00"  # a term no text can hold (control characters never reach the index)


class _Memo:
    """A dict cache that threads may share (`qa eval --concurrency`): reads and writes hold a lock,
    values are computed outside it (two threads may both compute one; the first stored wins)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict = {}

    def get(self, key, compute: Callable[[], object]):
        with self._lock:
            value = self._items.get(key)
        if value is None:
            value = compute()
            with self._lock:
                value = self._items.setdefault(key, value)
        return value


@dataclass(frozen=True)
class Question:
    text: str  # folded to Simplified characters (qa.text.script), as every text it is matched against
    terms: tuple[str, ...]  # index terms, question words removed
    corpus_w: tuple[float, ...]  # collection IDF per term
    chars: tuple[str, ...]  # informative single Chinese characters
    wants: str  # time | number | person | place | reason | name | ""
    measure: str  # the measure word of 多少X / 几X
    subject: str  # X of 什么是X / X是什么
    role: str = ""  # the role a person question asks about (总经理, CEO, 院长, ...)
    absent: int = 0  # mask over terms: terms no passage of the collection holds
    seams: tuple[tuple[int, int], ...] = ()  # (term, mask of its neighbours): bigrams across a word boundary (`cut_terms`)
    joints: tuple[tuple[int, int], ...] = ()  # (term, mask of its neighbours inside words): see `cut_terms`
    plain: int = 0  # mask over terms: absent terms inside a plain dictionary word (`plain_absent`)
    unit: object = None  # an English or Spanish count's unit asked (qa.answer.latin_question.Asked), None else
    kind: int = 0  # mask over terms: the kind asked no passage writes (什么|地方: `qa.answer.kinds`)
    letters: tuple[tuple[int, int], ...] = ()  # (term, mask over chars): absent bigrams across one-character words (`letter_terms`)
    # (chunk id, text) -> its _Sentence list: re-ranking and answering the same question share them
    sentences: _Memo = field(default_factory=_Memo, repr=False, compare=False)


@dataclass
class Window:
    hit: int
    start: int  # offsets into the hit's text
    end: int
    values: Features | tuple  # () for a cross-script window, which is scored by similarity alone
    score: float
    mask: int  # bit i set: question term i is in the window
    support_parts: "_Support | float" = 0.0

    @property
    def features(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.values))

    @property
    def support(self) -> float:
        """How much of the question the window (with its context) covers, 0..1; see the module doc."""
        parts = self.support_parts
        return parts if isinstance(parts, float) else parts.value()


@dataclass
class _Support:
    """What a window's support is computed from; computed only for the windows that need it."""
    corpus: "_Weigher"
    total: float
    seams: tuple[tuple[int, int], ...]  # Question.seams
    joints: tuple[tuple[int, int], ...]  # Question.joints
    plain: int  # Question.plain
    present: int  # terms some passage of the collection holds
    inside: int
    apart: int  # terms the window holds only as separate characters (`_apart`)
    near: int
    topic: int
    cue: bool | None  # None: the question wants no particular type
    role_ok: bool
    exact: bool  # the wanted type is precise (a measure word, a year/month/day)
    params: ExtractiveParams
    kind: int = 0  # Question.kind
    letters: tuple[tuple[int, int], ...] = ()  # Question.letters
    chars: int = 0  # mask over Question.chars: those the window writes
    chars_w: tuple = (None, 1.0)  # (their weigher among the candidate sentences, the most one character weighs)

    def value(self, literal: bool = False) -> float:
        """literal: without the joints' and plain words' credit (for a window the slot checks find a gap in)."""
        p = self.params
        # an answer names a thing, not its kind: held where the window holds a thing of the type asked
        kind = 0 if literal or not p.kind_credit or self.cue is False else self.kind & ~self.inside & ~self.topic
        near_only = self.near & ~self.inside & ~self.topic & ~kind
        covered = self.corpus(self.inside | self.topic) + p.context_credit * self.corpus(near_only) + p.kind_credit * self.corpus(kind)
        held = self.inside | self.topic | kind
        covered += p.apart_credit * self.corpus(self.apart & ~held & ~near_only)
        covered += credited(self.corpus, held, self.chars, self.seams, () if literal else self.joints,  # bigrams across
                            () if literal else self.letters, p, *self.chars_w)  # words: as far as those are held
        if self.plain and not literal:  # a plain word the collection lacks, reworded: as far as the rest is held
            present = self.corpus(self.present)
            held_share = self.corpus(self.present & held) / present if present else 0.0
            covered += p.plain_credit * self.corpus(self.plain & ~held) * held_share
        support = covered / self.total
        if self.cue is False:
            support *= p.cue_missing_exact if self.exact else p.cue_missing
        if not self.role_ok:
            support *= p.role_missing  # "the CEO of X": a passage naming no CEO cannot say who
        return min(1.0, support)


@lru_cache(maxsize=8)  # re-ranking, then answering, analyse the same question; thread-safe
def analyse(question: str, idf: Idf | None) -> Question:
    """The question's terms, weights and wanted answer type (memoised for the last few questions).
    A question in Traditional characters is analysed in its Simplified form, like the sentences, and
    without a translation's spaces between Chinese and numbers ("第 50 届": `close_spaces`)."""
    return _analyse(close_spaces(to_simplified(question)), idf)


def _analyse(question: str, idf: Idf | None) -> Question:
    terms = tuple(question_terms(question))
    stripped = strip_question(question)
    corpus_w, absent, seams, joints, plain = (1.0,) * len(terms), 0, (), (), 0
    if idf is not None and terms:
        # A term no chunk holds gets the IDF of a term that cannot exist (_NOWHERE): the same weight.
        # (weighed as the index holds them: a Spanish question's words as Spanish stems)
        *weights, nowhere = idf([*index_terms(question, terms), _NOWHERE])
        corpus_w = tuple(weights)
        absent = sum(1 << i for i, w in enumerate(weights) if w >= nowhere - 1e-9)
        seams, joints = cut_terms(stripped, terms, {t for i, t in enumerate(terms) if absent >> i & 1})
        plain = plain_absent(stripped, terms, absent, joints, fold(question))
    kind = kind_terms(question, terms, absent) if terms else 0
    chars = tuple(dict.fromkeys(c for c in stripped if CJK.match(c) and c not in STOP_CHARS))
    letters = letter_terms(stripped, terms, absent, chars, (*seams, *joints), kind) if absent else ()
    wants, measure = question_type(question, dimension=True)
    m = DEFINE.match(question.strip())
    subject = (m.group(1) or m.group(2) or "").strip() if m else ""
    role = re.search(ROLE, question) if wants == "person" else None
    return Question(question, terms, corpus_w, chars, wants, measure, subject if 1 < len(subject) <= 12 else "",
                    role.group(0).lower() if role else "", absent, seams, joints, plain, _unit(question, wants), kind, letters)


def _unit(question: str, wants: str):
    """What an English or Spanish count asks its figure to carry ("how much did it cost": money, "how
    far": miles; "how many feathers": feathers, or a bare figure, not "1.55 metres";
    `qa.answer.latin_question.asked`), as Chinese measure words and dimensions do."""
    if wants != "number" or CJK.search(question):
        return None
    from qa.answer.latin_question import asked

    found = asked(question)
    return found if found is not None and (found.unit is not None or found.noun) else None


def _mask(text: str, items: tuple[str, ...]) -> int:
    bits = 0
    for i, t in enumerate(items):
        if t in text:
            bits |= 1 << i
    return bits


def _apart(text: str, items: tuple[str, ...], absent: int) -> int:
    """Mask of the Chinese terms `text` does not hold whose every character it does (最贵 in
    最昂贵的书): a paraphrase keeps the characters and breaks the word. Not for a term the collection
    lacks (`absent`): its characters apart are chance, and the missing word is what refuses a near
    miss (岬太郎的母亲 over a page that writes 母 and 亲 but never 母亲), unless `text` writes them
    in order inside one phrase, a few characters apart (`qa.text.cjk.spread`: 镀银 in 镀有抛光银层)."""
    bits = 0
    for i, t in enumerate(items):
        if len(t) > 1 and CJK.match(t) and t not in text \
                and (spread(t, text) if absent >> i & 1 else all(c in text for c in t)):
            bits |= 1 << i
    return bits


class _Weigher:
    """Sum of per-item weights over the set bits of a mask, memoised (windows share masks)."""

    def __init__(self, weights: tuple[float, ...] | list[float]):
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
    role: bool  # holds the role the question asks about
    apart: int  # mask over Question.terms: the characters of the term, but not the term (`_apart`)
    spelled: int  # mask over Question.terms: a name the passage spells in Latin letters (a topic, as the title's)


def _sentences(q: Question, hit: Hit) -> list[_Sentence]:
    norm = fold(hit.text)
    same = len(norm) == len(hit.text)  # NFKC kept every offset: slice the normalised text
    named = _names_held(q, hit)
    # a transliteration of the question the passage spells in Latin letters once (鸮鹦鹉（kakapo）
    # for 卡卡波) names the passage's subject: held by each of its sentences alike and read as a
    # topic term (as the title's are), so that it favours the passage, not the sentence spelling it
    spelled = spelled_names(q.text, norm)
    by_name = sum(1 << i for i, t in enumerate(q.terms) if any(t in name for name in spelled))
    out = []
    for span in split_sentences(hit.text):
        s = norm[span.start:span.end] if same else fold(hit.text[span.start:span.end])
        raw = close_spaces(to_simplified(hit.text[span.start:span.end]))  # for the answer-type check only
        out.append(_Sentence(span, _mask(s, q.terms) | held_otherwise(q.text, q.terms, s, q.absent) | by_name, _mask(s, q.chars),
                             bool(q.wants) and has_answer_type(raw, q.wants, q.measure, q.text) and _carries(q, raw)
                             and named,
                             bool(q.subject) and raw.startswith(q.subject), bool(q.role) and (q.role in s or said_otherwise(s, q.role)),
                             _apart(s, q.terms, q.absent), by_name))
    return out


def _names_held(q: Question, hit: Hit) -> bool:
    """For a question on where a name comes from: does the passage (with its title) write every
    capitalised word the question names after its first? A sentence says "Its name comes from…" of
    its own article's subject: in another article it answers nothing ("Where does the name Salamis
    come from?" was answered with the Yukon's). Other questions: True."""
    if q.wants != "origin":
        return True
    names = re.findall(r"(?<=\s)[A-Z][\w'’-]*", q.text)
    # the possessive off ("Salamis's"); rstrip("'’s") also ate a name's own final s ("Salamis": "Salami")
    return all(n.removesuffix("'s").removesuffix("’s") in f"{hit.title} {hit.text}" for n in names)


def _carries(q: Question, text: str) -> bool:
    if q.unit is None or CJK.search(text):
        return True  # an English question over Chinese text: its units are written otherwise (公里)
    from qa.answer.short_latin import carries

    return carries(q.unit, text)


def candidate_windows(q: Question, hits: list[Hit], params: ExtractiveParams = DEFAULTS) -> list[Window]:
    """Every one- and two-sentence window of the passages, with its features and score."""
    if not q.terms and not q.chars:
        return []
    # Sentences depend on the question and the passage only: re-ranking and answering share them.
    per_hit = [q.sentences.get((hit.chunk_id, hit.text), lambda hit=hit: _sentences(q, hit)) for hit in hits]
    flat = [s for sents in per_hit for s in sents]
    n = len(flat)
    if not n:
        return []
    # IDF among the candidate sentences, for terms and for characters.
    local = _Weigher([math.log(1 + n / (1 + sum(1 for s in flat if s.terms >> i & 1))) for i in range(len(q.terms))])
    chars_w = _Weigher([math.log(1 + n / (1 + sum(1 for s in flat if s.chars >> i & 1))) for i in range(len(q.chars))])
    corpus = _Weigher(q.corpus_w)
    total_c = sum(q.corpus_w) or 1.0
    weights = params.weights
    # By keyword through __new__ itself: type() would first pack the keywords into a dict (3x slower).
    features = Features.__new__
    exact = bool(q.measure) or q.unit is not None and q.unit.unit is not None or q.wants in ("year", "month", "day")
    best_dense = max((h.dense for h in hits), default=0.0)
    all_terms, all_chars = (1 << len(q.terms)) - 1, (1 << len(q.chars)) - 1
    # names an article spells in Latin letters in one of its chunks (`_sentences`), for all of them
    spelled: dict[str, int] = {}
    for hit, sents in zip(hits, per_hit):
        spelled[hit.article_id] = spelled.get(hit.article_id, 0) | (sents[0].spelled if sents else 0)
    windows = []
    for hi, (hit, sents) in enumerate(zip(hits, per_hit)):
        # Topic terms: question terms in the article title. Every window of the article is about
        # them, so the windows are told apart by the other (focus) terms and characters.
        title = fold(hit.title) if hit.title else ""
        named = spelled[hit.article_id]
        topic = (title_terms(q.text, q.terms, q.absent, title) if title else 0) | named
        focus, focus_chars = all_terms & ~topic, all_chars & ~(_mask(title, q.chars) if title else 0)
        total_t, total_f = corpus(topic) or 1.0, corpus(focus) or 1.0
        total_fl, total_fc = local(focus) or 1.0, chars_w(focus_chars) or 1.0
        dense_delta = hit.dense - best_dense
        title_cov = corpus(topic) / total_c  # how much of the question the article's title names
        for a in range(len(sents)):
            for b in (a, a + 1):
                if b >= len(sents):
                    continue
                first, last = sents[a], sents[b]
                inside, chars_in = first.terms | last.terms | named, first.chars | last.chars
                near = (sents[a - 1].terms if a else 0) | (sents[b + 1].terms if b + 1 < len(sents) else 0)
                start, end = first.span.start, last.span.end
                cue = first.cue or last.cue
                cue_state = (first.cue or last.cue) if q.wants else None
                f = features(Features,
                             topic_in=corpus(inside & topic) / total_t,
                             focus_corpus=corpus(inside & focus) / total_f,
                             focus_local=local(inside & focus) / total_fl,
                             focus_chars=chars_w(chars_in & focus_chars) / total_fc,
                             focus_near=corpus(near & focus & ~inside) / total_f,
                             cue=1.0 if cue else 0.0,
                             cue_missing=1.0 if q.wants and not cue else 0.0,
                             define=1.0 if first.define else 0.0,
                             rank=float(hi),
                             dense_delta=dense_delta,
                             pair=1.0 if b > a else 0.0,
                             log_chars=math.log(max(end - start, 1)),
                             first=1.0 if a == 0 and hit.start == 0 else 0.0,
                             title=title_cov)
                windows.append(Window(hi, start, end, f, weigh(f, weights), inside,
                                      _Support(corpus, total_c, q.seams, q.joints, q.plain, all_terms & ~q.absent, inside, first.apart | last.apart, near, topic, cue_state,
                                               not q.role or any(x.role for x in sents[max(a - 1, 0):b + 2]),
                                               exact, params, q.kind, q.letters, chars_in, (chars_w, math.log(1 + n)))))
    return windows


# a sentence this long that two quotes share is one sentence quoted twice, not a common phrase
_SHARED_SENTENCE = 12


def _overlaps(a: Window, b: Window, hits: list[Hit]) -> bool:
    """Same passage and overlapping spans, or a sentence quoted twice from two overlapping chunks
    (one chunk's window ends with the sentence the next chunk's window starts with: the reader
    would see it twice)."""
    if a.hit == b.hit:
        return a.start < b.end and b.start < a.end
    ta, tb = hits[a.hit].text[a.start:a.end], hits[b.hit].text[b.start:b.end]
    if ta in tb or tb in ta:
        return True
    shorter, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return any(span.end - span.start >= _SHARED_SENTENCE and shorter[span.start:span.end].strip() in longer
               for span in split_sentences(shorter))
