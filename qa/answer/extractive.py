"""The offline answerer: quote the one to three sentences of the retrieved passages that best
answer the question, each with a `[n]` citation, or refuse when none supports it.

The candidates and their scores are `qa.answer.windows`'. The best window is quoted; runner-up
windows that score within `extra_margin` of it and do not repeat its sentences are quoted after
it (three at most), since the scores cannot tell them apart. Equal scores go to the shorter quote.
In Latin-script text a two-sentence window is narrowed to the sentence that holds what it matched,
or else to the one the short-answer picker places an answer in (`qa.answer.narrow`); a runner-up is
left out when the best's quote places a short answer and holds more of the question, or when it
places none and scores no higher (`_answered`), and a close runner-up pair that repeats the best's
sentence adds its other one when that holds question terms the best lacks and the best places no
short answer (`_beside`).

With an embedder (`similarity`), the best few windows' scores also weigh each one's dense
similarity to the question (`qa.answer.sentence_dense`): a sentence that says what was asked in
other words outranks the article's lead sentence that only shares its words. Support stays
lexical: its threshold was calibrated on coverage, and dense similarity did not separate right
quotes from near misses (docs/benchmarks.md, tenth session).

Support (`Answer.support`, 0..1) is the best window's (`Window.support`); for a passage in another
script than the question it comes from the passage's dense similarity.

Then the best window is checked against what the question asks about (`qa.answer.slots`: the
focus word, the period of a figure, a named instance, an English question's attribute;
`qa.answer.grounding`: the names it is about), and support is multiplied by `gap_factors` for each
gap; a refused answer lists them in `Answer.gaps`. The factors and the default threshold were
chosen together on CMRC development data (eval/bench/tune_answer.py --refusal; see
docs/internals.md, "Finding and answering: how the parameters were chosen").

Every number lives in one frozen `ExtractiveParams` (qa/answer/params.py); `DEFAULTS` holds the
chosen values and is what every function here takes unless given another.
"""

from __future__ import annotations

import math
from dataclasses import replace

from qa.answer.anaphora import joined, places
from qa.answer.clauses import phrases
from qa.answer.cross_script import Similarity, cross_script_windows, rescale, unfound, unread
from qa.answer.narrow import answer_sentence, placed_sentence
from qa.answer.params import DEFAULTS, ExtractiveParams
from qa.answer.refocus import retried
from qa.answer.sentence_dense import reranked
from qa.answer.windows import Idf, Question, Window, _overlaps, _sentences, analyse, candidate_windows
from qa.prompts import refusal_phrase
from qa.text.cjk import CJK, close_spaces, language, reply_language
from qa.text.script import restore, to_simplified
from qa.text.sentences import split_sentences
from qa.types import Answer, Citation, Hit

__all__ = ["answer_extractive", "gaps_of", "rank_passages", "support_of"]


def rank_passages(question: str, hits: list[Hit], idf: Idf | None = None,
                  params: ExtractiveParams = DEFAULTS) -> list[Hit]:
    """`hits` re-ordered by the score of their best window (stable for passages without one); each
    hit keeps that score in `sentence_score` (None without a window) for `/why`."""
    windows = candidate_windows(analyse(question, idf), hits, params)
    best: dict[int, float] = {}
    for w in windows:
        if w.score > best.get(w.hit, -math.inf):
            best[w.hit] = w.score
    for i, hit in enumerate(hits):
        hit.sentence_score = best.get(i)
    order = sorted(range(len(hits)), key=lambda i: (-best.get(i, -math.inf), i))
    return [hits[i] for i in order]


def support_of(best: Window, hits: list[Hit], question: str, params: ExtractiveParams = DEFAULTS) -> float:
    hit = hits[best.hit]
    if language(question) != language(hit.text):
        # No shared words to count: trust the embedder's judgement of the passage instead.
        return rescale(hit.dense, params)
    return best.support


def gaps_of(question: str, best: Window, hits: list[Hit], titles: tuple[str, ...] = (),
            absent: frozenset[str] = frozenset()) -> list:
    """What the question asks that the best window and its neighbouring sentences lack, and the
    names it is about that the quote's article does not give before it (`qa.answer.grounding`;
    `titles`, the collection's article titles, name subjects no ending marks: 恒星, 网球; `absent`,
    the question's terms no chunk of the collection holds)."""
    from qa.answer.grounding import displaced, grounding, missing_names
    from qa.answer.slots import Gap, gaps

    hit = hits[best.hit]
    spans = split_sentences(hit.text)
    before = [s for s in spans if s.end <= best.start][-1:]
    after = [s for s in spans if s.start >= best.end][:1]
    context = " ".join(hit.text[s.start:s.end] for s in before + after)
    if not before and not CJK.search(question) and (lead := _before(hit, hits)):
        context = f"{lead} {context}".strip()
    # The slot checks read question and passage folded to Simplified and without a translation's
    # spaces ("第 50 届"); the names are looked up in the passages as they are written.
    match = lambda text: close_spaces(to_simplified(text))  # noqa: E731
    # The words a gap names come from the folded question: shown as the question writes them.
    found = [replace(g, detail=restore(g.detail, match(question), close_spaces(question)))
             for g in gaps(match(question), match(hit.text[best.start:best.end]), match(context),
                           passage=match(f"{hit.title}\n{hit.text}"))]
    folded = to_simplified(question)
    if CJK.search(folded):
        found += [Gap("entity", restore(n, folded, question))
                  for n in missing_names(folded, grounding(hit, best.start, best.end, hits), hits, titles, absent)]
        quote = hit.text[best.start:best.end]
        if not found and (other := displaced(folded, to_simplified(quote))):
            found.append(Gap("elsewhere", restore(other, to_simplified(quote), quote)))  # "the passages say this of 广东, not of what the question names"
    return found


# Characters between two chunks of an article that cut it between two sentences (a space, a newline)
_SEAM = 2


def _before(hit: Hit, hits: list[Hit]) -> str:
    """The sentence of `hit`'s article just before it, when another of `hits` is the chunk that
    holds it; "" else. An English or Spanish sentence is often a chunk of its own and then had no
    sentence before it to lean on: «Fue fundada en 1536 por el capitán Juan de Saavedra» for
    «¿Quién fundó la ciudad?» lost the lead that says Valparaíso is one («Valparaíso es una
    ciudad…», the chunk before). Not the sentence after: a sentence leans on the one before it
    («Fue fundada», "It was"), and read across chunks the one after answered two unanswerable
    how-many questions by the counted noun it names (en_wiki3 "How many ships did the Holy League
    lose", es_wiki2 «¿Cuántas personas murieron…?»)."""
    for other in hits:
        if other.article_id != hit.article_id or other.chunk_id == hit.chunk_id:
            continue
        for span in split_sentences(other.text):
            if 0 <= hit.start - (other.start + span.end) <= _SEAM:  # other.start: its place in the article
                return other.text[span.start:span.end]
    return ""


def _narrowed(w: Window, q: Question, hits: list[Hit], params: ExtractiveParams = DEFAULTS, widen: bool = True) -> Window:
    """In Latin-script text, a two-sentence window quoted as its one sentence that holds what the
    pair matched or, that failing, the one the short-answer picker places an answer in
    (`qa.answer.narrow`), and a long sentence as its phrases that do
    (`qa.answer.clauses`), widened by the phrases after them only in the first quote (`widen`):
    a runner-up's sentence adds ~150 characters to an English or Spanish answer; Chinese windows stay
    as fitted."""
    hit = hits[w.hit]
    if not w.values or CJK.search(hit.text):
        return w
    sents = [s for s in q.sentences.get((hit.chunk_id, hit.text), lambda: _sentences(q, hit))
             if w.start <= s.span.start and s.span.end <= w.end]
    keep = answer_sentence([(s.terms, s.cue) for s in sents])
    if keep is None and len(sents) > 1:
        keep = placed_sentence(q.text, [hit.text[s.span.start:s.span.end] for s in sents])
        if keep is None:
            return w
    span = sents[keep or 0].span
    start, end = phrases(hit.text, hit.title, span, q, params.clause_chars, widen, params.clause_reach, params.tail_chars)
    return Window(w.hit, start, end, w.values, w.score, w.mask, w.support_parts)


def _answered(question: str, q: Question, best: Window, other: Window, hits: list[Hit],
              params: ExtractiveParams) -> bool:
    """In Latin-script text: does the quote of `best` answer without the runner-up `other`? It does
    when the short answer's picker places an answer in it and it holds every question term, or more
    of them than `other`: `other` is then a weaker reading of the question, not a hedge, and its
    quote adds ~100 characters to an English or Spanish answer (issue 27: 150 at most). On en_news,
    es_wiki and es_wiki2 three runner-ups went this way (the winner, the island, the explorer each
    in the first quote); one whose first quote places a wrong length ("3.812 metros" for the ship's)
    holds as many terms as its runner-up, which stays. It does too, whatever the terms, when
    `other` scores no higher than `best` and places no answer itself: a window that only restates
    the question's words is no rival reading (session 13, real path: es_news es14-q2 235 -> 112
    and es_wiki9 ese08-q4 245 -> 151 characters, both still right; no other answer of 16 en/es dev
    sets, their near misses, the seed, train30_en, trial_en or en_wiki13 / es_wiki13 moved). Of 17
    runner-ups quoted on those dev sets, 9 held the answer the best lacked: a runner-up that places
    one, or that the scores rank above the window quoted first (chosen by a check), stays."""
    if not best.values or CJK.search(hits[best.hit].text):
        return False
    if best.mask.bit_count() < len(q.terms) and best.mask.bit_count() <= other.mask.bit_count() \
            and not (other.score <= best.score and other.values and not _placed(question, q, other, hits, params, False)):
        return False
    return _placed(question, q, best, hits, params)


def _placed(question: str, q: Question, best: Window, hits: list[Hit], params: ExtractiveParams,
            widen: bool = True) -> bool:
    """Does the short answer's picker place an answer in the quote of `best` (as narrowed, and
    widened unless `widen` is False, as a runner-up is quoted)?"""
    from qa.answer.short import short_answer

    w = _narrowed(best, q, hits, params, widen)
    return short_answer(question, [hits[w.hit].text[w.start:w.end]]) is not None


def _beside(question: str, q: Question, pair: Window, best: Window, windows: list[Window], hits: list[Hit],
            params: ExtractiveParams) -> Window | None:
    """In Latin-script text, the sentence a close runner-up `pair` adds to the one-sentence `best`
    when it holds question terms `best` lacks and no short answer is placed in `best` ("…was not
    finished until 1904;" + "until then, trains were carried across the lake by icebreaking
    ferries." for "Before 1904, how did trains get over Lake Baikal?"): its own window, quoted after
    the best; None else. The pair repeats the best's sentence, so it is never quoted whole."""
    if pair.hit != best.hit or not pair.values or CJK.search(hits[pair.hit].text) \
            or not (pair.start <= best.start and best.end <= pair.end) or not pair.mask & ~best.mask:
        return None
    rest = next((w for w in windows if w.hit == pair.hit and pair.start <= w.start and w.end <= pair.end
                 and not _overlaps(w, best, hits) and w.mask & ~best.mask), None)
    return None if rest is None or _placed(question, q, best, hits, params) else rest


def _checked(w: Window, windows: list[Window], q: Question, hits: list[Hit], question: str, cross: bool,
             params: ExtractiveParams, titles: tuple[str, ...] = ()) -> tuple[float, list]:
    """(support of window `w` after its gaps, the gaps)."""
    support = w.support if cross else support_of(w, hits, question, params)
    found = gaps_of(question, w, hits, titles, frozenset(t for i, t in enumerate(q.terms) if q.absent >> i & 1))
    latin = not cross and not CJK.search(question) and not CJK.search(hits[w.hit].text)
    if latin:
        from qa.answer.grounding import grounding
        from qa.answer.latin_slots import ungrounded, unnamed
        from qa.answer.restated import name_written
        from qa.answer.slots import Gap
        from qa.text.tokens import latin_language

        # names no article writes (but in a shape the grounding gives: restated.name_written), or not the quote's
        written, lang = grounding(hits[w.hit], w.start, w.end, hits, folded=False), latin_language(question)
        found += [Gap("entity", n) for n in unnamed(question, q.terms, q.absent) if not name_written(n, written, lang)]
        ground = grounding(hits[w.hit], w.start, w.end, hits)
        found += [Gap("entity", name) for name in ungrounded(question, q.terms, q.absent, ground, titles,
                                                             english=lang == "en", written=written)]
    if not cross:
        from qa.answer.elsewhere import asked_elsewhere
        from qa.answer.slots import Gap

        if other := asked_elsewhere(q, windows, w, hits):
            found.append(Gap("elsewhere", other))
    if found and not cross and not isinstance(w.support_parts, float):
        support = w.support_parts.value(literal=True)  # a joint is credited only where nothing is missing
    for gap in found:
        support *= params.gap_factors[gap.kind]
    if not cross and not found:
        # Coverage alone (no gap found) reads lower for the same right answer where questions reword
        # the text (English and Spanish crowd questions, Chinese translated apart from its passage)
        # than where they reuse its words (CMRC): each script's share (a Chinese why or how question's
        # its own) is the lowest at which no near miss of the development sets is answered (params.py)
        from qa.answer.causes import asks_open
        support = min(1.0, support / (params.latin_plain_share if latin else params.cjk_open_share
                                      if asks_open(q.text, q.wants) else params.cjk_plain_share))
    return support, found


def _displaced(question: str, w: Window, hits: list[Hit]) -> bool:
    """Does the quote of `w` name another region as its subject than the one the question asks
    about (`qa.answer.grounding.displaced`)? A runner-up so is no hedge but another place's news
    ("北京的规划是什么?" quoted Guangdong's plan after the answer)."""
    from qa.answer.grounding import displaced

    quote = hits[w.hit].text[w.start:w.end]
    return CJK.search(question) is not None and bool(displaced(to_simplified(question), to_simplified(quote)))


def _placing(question: str, q: Question, best: Window, chosen: list[Window], windows: list[Window],
             ranked: list[Window], hits: list[Hit], threshold: float, params: ExtractiveParams,
             titles: tuple[str, ...]) -> list[Window]:
    """[the best-scoring window within `placing_margin` of `best` in which the short answer's picker
    places an answer], when none of the `chosen` quotes does and there is room for one more, and
    when that window passes the checks the best passed (its support after gaps at `threshold`;
    `ranked`: the `windows` best first):
    a quote of what was asked, where the best-scoring one only restates the question. [] else.
    No short answer is read from it (`qa.answer.short.short_answer`): on cmrc_trial the 16 it gave
    scored F1 0.2 (it is a hedge; the quote holds the gold one time in three)."""
    if len(chosen) >= params.max_quotes or params.placing_margin <= 0:
        return []
    text = lambda w: hits[w.hit].text[w.start:w.end]  # noqa: E731
    if places(question, [text(c) for c in chosen]):
        return []
    for w in ranked:
        if w.score < best.score - params.placing_margin:
            break
        if any(_overlaps(w, c, hits) for c in chosen) or not places(question, [text(w)]):
            continue
        if _checked(w, windows, q, hits, question, False, params, titles)[0] >= threshold:
            return [w]
    return []


def _fuller(question: str, q: Question, best: Window, support: float, found: list, windows: list[Window],
            ranked: list[Window], hits: list[Hit], threshold: float, params: ExtractiveParams,
            titles: tuple[str, ...]) -> tuple[Window, float, list]:
    """In Latin-script text: (the window, its support after gaps, its gaps) to quote instead of the
    passing `best`: the first of the next few `ranked` within `fuller_margin` of its score that
    covers at least `fuller_gain` more of the question (`Window.support`), not by names alone
    (`qa.answer.fuller`), holds the type of answer asked when one is, and passes the same checks;
    `best` else. The score leans on where a sentence stands: a lead that says the question's name
    outscored the sentence that says what was asked ("invented in 1816 by René Laennec" over "a
    treatise published in 1819"). Chosen on the real path (margin, gain): (2.5, 0.1) en_wiki 64 -> 65,
    en_news 74 -> 76 of 77; (2.5, 0.05) es_wiki 148 -> 154 characters. A refused best is left to the
    retry: a fuller runner-up of a refused near miss answered it ("How much did Babbage pay...")."""
    if params.fuller_margin <= 0 or not best.values or CJK.search(hits[best.hit].text):
        return best, support, found
    from qa.answer.fuller import names_only
    for w in ranked[1:1 + params.retry_windows]:
        if w.score < best.score - params.fuller_margin:
            break
        if w.values and w.support >= best.support + params.fuller_gain and (not q.wants or w.features["cue"]) \
                and not names_only(question, q.terms, w.mask & ~best.mask):
            s, f = _checked(w, windows, q, hits, question, False, params, titles)
            return (w, s, f) if s >= threshold else (best, support, found)
    return best, support, found


def answer_extractive(question: str, hits: list[Hit], threshold: float, idf: Idf | None = None,
                      similarity: Similarity | None = None, params: ExtractiveParams = DEFAULTS,
                      titles: tuple[str, ...] = ()) -> Answer:
    """Quote the best one to three sentence windows of `hits` with [n] citations, or refuse.

    `idf` gives collection IDF for terms (the keyword index's); without it IDF is taken over the
    candidate sentences. `similarity` (texts -> their dense similarity to the question) scores the
    sentences when the question and the passages are in different scripts, and re-weighs the best
    few windows otherwise (`qa.answer.sentence_dense`); None: words alone. `params`: the weights,
    factors and margins (`DEFAULTS` unless a tool tries others). `titles`: the collection's article
    titles (`Store.titles`), for the names a question is about (`qa.answer.grounding`)."""
    lang = language(question)
    q = analyse(question, idf)
    cross = bool(hits) and similarity is not None and lang != language(hits[0].text)
    if cross and ((words := unread(question)) or (absent := unfound(question, hits, params))):
        from qa.answer.slots import Gap

        gap = Gap("unread", ", ".join(words)) if words else Gap("unfound", ", ".join(absent))
        return Answer(question=question, answer=refusal_phrase(reply_language(question)), refused=True, mode="extractive",
                      citations=[], support=0.0, hits=hits, gaps=[gap.to_dict()])
    windows = cross_script_windows(q, hits, similarity, params) if cross else candidate_windows(q, hits, params)
    words = windows  # as the words score them, before the embedder's reading
    key = lambda w: (w.score, -(w.end - w.start))  # noqa: E731 - ties go to the shorter quote
    plain = None  # the answer without the embedder's order among the windows saying as much (Chinese)
    if similarity is not None and not cross:
        # The embedder's reading of the best few, Chinese questions at a weight of their own (params.py)
        chinese = CJK.search(question) is not None
        before, windows = reranked(windows, hits, similarity, params, weight=params.dense_cjk if chinese else params.dense_weight,
                                   lead=params.dense_lead_cjk if chinese else params.dense_lead,
                                   priors=params.dense_priors_cjk if chinese else None,
                                   held=params.dense_held_cjk if chinese else 0.0, both=True)
        span = lambda ws: (lambda w: (w.hit, w.start, w.end))(max(ws, key=key))  # noqa: E731
        if chinese and windows is not before and span(windows) != span(before):
            # Its pick changes a quote, never a refusal into an answer nor one into a refusal: the
            # order without it is answered first (zh_xwiki3's unanswerable "神圣联盟在勒班陀损失了多少艘船？"
            # otherwise quoted "奥斯曼人损失了他们的大部分船只").
            plain = answer_extractive(question, hits, threshold, idf, similarity, replace(params, dense_priors_cjk=0), titles)
            if plain.refused:
                return plain
    ranked = sorted(windows, key=key, reverse=True)
    best = ranked[0] if ranked else None
    if best is not None and not cross:
        best = joined(question, q, best, windows, hits, params)  # a sentence leaning on its neighbour
    support, found = _checked(best, windows, q, hits, question, cross, params, titles) if best else (0.0, [])
    if best is not None and support < threshold and not cross:
        # The best-scoring window lacks what was asked (or covers too little): a close runner-up
        # that has it is the answer ("该院院长瞿红鹰介绍" names no hospital, the opening sentence no
        # 院长). Only a few, and only close ones: a far one would be a guess.
        for w in retried(question, q, best, found, ranked, hits, params):  # and, lacking the focus, its article's (qa.answer.refocus)
            s, f = _checked(w, windows, q, hits, question, cross, params, titles)
            if s >= threshold:
                best, support, found = w, s, f
                break
    if best is not None and support < threshold and windows is not words:
        # The embedder chooses among quotes; it does not turn one into a refusal: where its pick
        # and the runners-up near it are refused, the words' own best is quoted if it passes
        # (zh_xwiki's "这些鸟如何应对极端的寒冷？": the embedder's sentence covers less of it)
        first = windows[max(range(len(words)), key=lambda i: key(words[i]))]
        first = joined(question, q, first, windows, hits, params)
        s, f = _checked(first, windows, q, hits, question, cross, params, titles)
        if s >= threshold:
            best, support, found = first, s, f
    if best is not None and support >= threshold and not cross:
        best, support, found = _fuller(question, q, best, support, found, windows, ranked, hits, threshold, params, titles)
    margin = params.cross_margin if cross else params.extra_margin
    if (best is None or support < threshold) and plain is not None:
        return plain
    if best is None or support < threshold:
        return Answer(question=question, answer=refusal_phrase(reply_language(question)), refused=True, mode="extractive",
                      citations=[], support=round(support, 4), hits=hits, gaps=[g.to_dict() for g in found])
    chosen = [best]
    for w in ranked:
        if len(chosen) == params.max_quotes or w.score < best.score - margin:
            break
        # A close runner-up is quoted too (when it does not repeat a chosen sentence): the
        # scores cannot tell them apart, and a reader can.
        if not any(_overlaps(w, c, hits) for c in chosen) and not _answered(question, q, best, w, hits, params):
            if not _displaced(question, w, hits):
                chosen.append(w)
        elif (rest := _beside(question, q, w, best, windows, hits, params)) is not None \
                and not any(_overlaps(rest, c, hits) for c in chosen):
            chosen.append(rest)
    if not cross:
        chosen += _placing(question, q, best, chosen, windows, ranked, hits, threshold, params, titles)
    chosen = [_narrowed(w, q, hits, params, widen=n == 0) for n, w in enumerate(chosen)]
    citations, parts = [], []
    for n, w in enumerate(chosen, start=1):
        hit = hits[w.hit]
        quote = hit.text[w.start:w.end]
        citations.append(Citation(n=n, source=hit.source, title=hit.title, chunk_id=hit.chunk_id, text=hit.text,
                                  score=round(hit.score, 4), quote=quote, supported=True))
        parts.append(f"{quote}[{n}]")
    from qa.answer.short import short_answer

    return Answer(question=question, answer=" ".join(parts), refused=False, mode="extractive",
                  citations=citations, support=round(support, 4), hits=hits, gaps=[g.to_dict() for g in found],
                  short_answer=short_answer(question, [c.quote for c in citations]))
