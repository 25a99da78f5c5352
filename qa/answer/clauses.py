"""Which phrases of a long Latin-script sentence to quote.

An encyclopedic English or Spanish sentence runs to 25-40 words (200-280 characters) of
appositives, which-clauses and lists, and the extractive answerer quoted it whole: answers of 220
characters on average over encyclopedic paragraphs (en_wiki, es_wiki), against 67 in Chinese,
whose sentences are short (issue 27: "sentences, not paragraphs"). A sentence longer than
`ExtractiveParams.clause_chars` is quoted as the shortest run of its phrases
(`qa.text.sentences.split_clauses`) that holds every question term the sentence holds (the article
title's words aside, when others are matched: every phrase is about the title) and, when the
sentence holds the wanted type of answer, a phrase with it, preferably at or after the question's
words; then widened by the phrases after it while the quote stays within the budget, since an
answer usually follows the words a question repeats ("...four national capitals: Vienna,
Bratislava, Budapest and Belgrade"). The wanted type is `Question.wants`, or, for a question it
gives none (a Spanish «¿Cuándo…?», an English "How deep…?"), a year, date or figure where the Latin
short-answer picker asks for one and places it in the phrase. A phrase beside the run that holds
the wanted type and a question term too is quoted with it: the question's words read both ("a unos
50 kilómetros al sur de Quito, | y con sus 5.897 metros de altitud es uno de los volcanes…" for the
volcano's distance from the capital). A run holding a year, a date or a figure of the kind asked
is not widened: it holds the answer, and the phrases after it added 1.6-5.4 characters to the mean
answer of each of en_wiki, es_wiki, en_wiki2, es_wiki2, en_wiki3, es_wiki3 and no right one; nor
a run the Latin short-answer picker places an answer in. A quote still past the budget is cut
before "and", «y» or a relative word too (`split_clauses(fine=True)`) when the picker places the
same answer in that run ("and" joins a list's items as often as clauses; the phrases after the
picker's answer dropped too lost 2 of 40 on the fresh es_wiki9). A relative clause ("whose
observations…", "cuyo nombre…": `relative_word` in the lexicon) or an appositive of a name
("…Muhammad I, the founder of…": `appositive_word`; `phrase_kinds.linked`) is quoted with the phrase it speaks of. When
the run of every term is longer than the budget, a term said only in an earlier clause, a phrase or
more before the rest, is left out of it (the sentence's setting, not its answer). A run that is the
sentence's last phrase and says little but the question's words ("…grinds them with horny pads, |
since adults have no teeth." for "Since adults lack teeth, what do they use to chew their food?")
is quoted with the phrase before it: nothing follows it to hold the answer. The phrases added after
a run for where its words lead are dropped again when the short-answer picker places the same
answer, of a kind it reads by its form, in the run without them (`_cored`); a quote still past the
budget ends at the phrase holding the year, date or figure asked that the picker places in it
(`qa.answer.placing.trimmed`). A sentence that matched only the title's words is quoted from its
first phrase that names them (its first phrase when it opens with a pronoun: "She was…" names its
subject there) through the first that holds the wanted type of answer (`subject_run`).
What answers a question asking no kind of span (a cause, a condition, a means, a subject, what the
main clause after a sentence's setting says) is read by `qa.answer.phrase_kinds`.
The words a phrase holds are read as the window's sentence reads them: as written, in another form,
by a word of their class or a value of their kind (`qa.text.paraphrase`).
A quote past `tail_chars` ends before a trailing clause saying nothing asked (`qa.answer.tails`).
Chinese text is never cut here: its sentences are the length of a clause.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from qa.answer.latin_question import wanted
from qa.answer.phrase_kinds import (asks_subject, kind_cues, linked, opens_aside, opens_asked_verb, opens_clause,
                                    opens_predicate, opens_setting)
from qa.answer.phrase_words import NO_TAIL, head, held_at, setting_only, tail, term_masks, word_mask
from qa.answer.phrase_cues import exact_kind, kind_cued, name_cues, phrase_cues
from qa.answer.placing import kind_named, same_answer, trimmed
from qa.answer.short_latin import latin_span
from qa.answer.tails import untailed
from qa.answer.windows import Question
from qa.text import lexicon
from qa.text.cjk import fold
from qa.text.paraphrase import valued
from qa.text.sentences import Span, split_clauses

__all__ = ["Phrase", "clause_run", "phrases", "subject_run"]

# a sentence whose subject is a personal pronoun: "She was…", "It is…" (en.toml `subject_pronoun`)
_PRONOUN = lexicon.regex("subject_pronoun")

# A phrase whose question words come this close to its end ("…royal capital until 1596,") leads
# to its answer in the next phrase; one that goes on past them holds it ("…served as director of …"),
# and so does one whose last words after them say something of them ("…used to measure air pressure,":
# `setting_only`; measured on the real path: en_wiki4, en_wiki2, es_wiki3 answers 3-5 characters
# shorter on average, en_wiki 1, no right answer lost on any English or Spanish dev set)
_END_WORDS = 2
# A phrase opening with the question's words ("…driven by a strong easterly wind, | spread rapidly…"
# for "What helped the fire to spread?") goes on from its subject, which the phrase before names
_HEAD_WORDS = 0

# Terms a run must hold before one of them may be left out of a run over the budget (two alone tell
# the run apart by too little)
_LOOSE_TERMS = 3


def phrases(text: str, title: str, span: Span, q: Question, budget: int, widen: bool = True, reach: int = 0,
            tail: int = 0) -> tuple[int, int]:
    """(start, end) to quote of the sentence `span` of `text` (an article titled `title`) for `q`: its
    run of phrases holding what it matched when longer than `budget`, without the comma or colon
    ending it, widened within `budget` unless `widen` is False (a runner-up: the run alone), or by one
    phrase within `reach` (`_widened`); else, or when no shorter run holds it, the whole sentence;
    either ended before a trailing clause saying nothing asked past `tail` (0: `budget`; `tails`)."""
    tail = min(tail or budget, budget)
    if span.end - span.start <= budget:
        return untailed(text, span, q, (span.start, span.end), tail)
    tried = [parts := split_clauses(text, span.start, span.end)]
    out = _unless_placed(text, title, span, q, budget, widen, parts, reach)
    if out[1] - out[0] > budget:
        # Still past the budget (phrases cut at commas too coarse): cut before "and", "where", «y» too
        tried.append(split_clauses(text, span.start, span.end, fine=True))
        cut = _unless_placed(text, title, span, q, budget, widen, tried[1])
        if cut[1] - cut[0] < out[1] - out[0] and same_answer(q.text, text[out[0]:out[1]], text[cut[0]:cut[1]]):
            out = cut
    for parts in tried:
        out = _cored(text, title, span, q, budget, parts, out)
    for parts in tried:
        out = trimmed(text, span, q.text, q.terms, parts, out, budget)
    return untailed(text, span, q, out, tail)


def _unless_placed(text: str, title: str, span: Span, q: Question, budget: int, widen: bool,
                   parts: list[Span], reach: int = 0) -> tuple[int, int]:
    """`_quoted`, not widened when the Latin short-answer picker places an answer in the run."""
    out = _quoted(text, title, span, q, budget, widen, parts, reach=reach)
    if widen and (run := _quoted(text, title, span, q, budget, False, parts)) != out \
            and latin_span(q.text, [text[run[0]:run[1]]]) is not None:
        return run
    return out


def _cored(text: str, title: str, span: Span, q: Question, budget: int, parts: list[Span],
           out: tuple[int, int]) -> tuple[int, int]:
    """`out` cut back to its run without the phrases `clause_run` adds after it for where the
    question's words lead or the sentence's setting ends (`lead`), when the question asks a kind of
    span the Latin short-answer picker reads by its form or names ("Which castle…": `kind_named`)
    and the picker places the same answer in that run: "…to relieve Stirling Castle, | whose English
    garrison had agreed…" ends at the castle. Measured on the real path (session 14): 14 en/es dev
    answers 27-113 characters shorter, none lost, nothing else moved; the question reader's «¿Por
    qué se…?» (its "noun" «se») lost two es_wiki9 reasons before `kind_named` left it out."""
    if not kind_named(q.text):
        return out
    core = _quoted(text, title, span, q, budget, False, parts, lead=False)
    named = [p.start for p, nm in zip(parts, name_cues(text, parts, q, title)[0]) if nm]
    if core != out and out[0] <= core[0] and core[1] <= out[1] \
            and same_answer(q.text, text[out[0]:out[1]], text[core[0]:core[1]]) \
            and not (any(out[0] <= k < out[1] for k in named) and not any(core[0] <= k < core[1] for k in named)):
        return core
    return out


def _quoted(text: str, title: str, span: Span, q: Question, budget: int, widen: bool,
            parts: list[Span], lead: bool = True, reach: int = 0) -> tuple[int, int]:
    """`phrases` over the sentence's phrases `parts`."""
    if len(parts) < 2:
        return span.start, span.end
    folded = [fold(text[p.start:p.end]) for p in parts]
    beside, masks = term_masks(q.text, q.terms, text, span, parts)
    topic = word_mask(fold(title), q.terms) if title else 0
    need = beside & ~topic
    cues = phrase_cues(text, parts, q)
    relative, appositive = linked([text[p.start:p.end] for p in parts], masks, q.text, any(cues))
    sizes = [b.start - a.start for a, b in pairwise(parts)] + [parts[-1].end - parts[-1].start]
    needed = [t for i, t in enumerate(q.terms) if need >> i & 1]
    tails = [tail(f, needed) for f in folded]
    heads = [head(f, needed) for f in folded]
    bare = [2 * len(held_at(f, needed)) >= len(f.split()) for f in folded]
    said = [text[p.start:p.end].split() for p in parts]  # as written: a name is told by its capitals
    leads = [t == 0 or t <= _END_WORDS and setting_only(w[len(w) - t:]) for w, t in zip(said, tails)]
    # a question asking a subject: a phrase opening with a verb goes on from it (`phrase_kinds`)
    subject = asks_subject(q.text)
    # (or a phrase opens with the question's word after "what" as a verb: `opens_asked_verb`)
    predicate = [k > 0 and (subject and opens_predicate(t) or opens_asked_verb(q.text, t))
                 for k, t in enumerate(text[p.start:p.end] for p in parts)]
    aside = [r or opens_aside(text[p.start:p.end]) for r, p in zip(relative, parts)]
    # A cause, a purpose, a condition or a means asked: the phrase saying one, after the question's
    # first word (`phrase_kinds`: "…hidden in the château | to keep them safe", which `Question.wants`'
    # "because" misses; not «Gracias a ello, Sevilla obtuvo… el monopolio del comercio», the cause of
    # what the sentence before says)
    first = next((k for k, m in enumerate(masks) if m & need), len(parts))
    starts = [len(w) + 1 if k < first else len(" ".join(w[:heads[k]])) if k == first else 0 for k, w in enumerate(said)]
    kinds = None if exact_kind(q) else kind_cues(q.text, [text[p.start:p.end] for p in parts], starts)
    cues = cues if kinds is None else [a or b for a, b in zip(cues, kinds)]
    # (a question naming the kind of thing it asks, "Which line did the railway reopen?", may ask the
    # setting's own words)
    setting = not wanted(q.text) and opens_setting(text[parts[0].start:parts[0].end])
    fronted = opens_clause(text[parts[0].start:parts[0].end])
    named, kind = name_cues(text, parts, q, title)
    # a name of the kind the question names ("Which chemist…") is the answer's phrase (`kind_cued`)
    cues, masks = kind_cued(text, parts, q, title, cues, masks, need)
    found = [Phrase(*p, predicate=pr, aside=a, setting=k == 0 and setting, fronted=k == 0 and fronted, named=nm,
                    kind=kd)
             for k, (p, pr, a, nm, kd) in enumerate(zip(zip(sizes, masks, cues, relative, tails, heads, appositive, bare,
                                                            leads), predicate, aside, named, kind))]
    # Matched only by the article's subject, the sentence is told apart by no phrase: it is quoted
    # from the first phrase that names the subject ("The Rosetta Stone is a granodiorite stele, …"
    # for "What kind of rock is the Rosetta Stone made of?"), not whole.
    room = budget if widen else 0
    # where the question's words stand: the words the text repeats, not a value of the kind asked
    spoken = need & ~valued(q.text, q.terms)
    run = clause_run(found, need, room, exact_kind(q), spoken, lead, reach if widen else 0) if need else \
        subject_run(found, beside, room, _PRONOUN.match(text[parts[0].start:parts[0].end]) is not None,
                    reach if widen else 0)
    if run is None:
        return span.start, span.end
    end = parts[run[1]].end
    return parts[run[0]].start, end - (text[end - 1] in ",:")


class Phrase(NamedTuple):
    size: int  # characters, with the separator and space after it
    mask: int  # bit i: the phrase holds question term i
    cue: bool  # it holds the wanted type of answer
    relative: bool  # it opens with a relative word ("whose …"): it says something of the phrase before it
    tail: int = NO_TAIL  # words after the last question term it holds
    head: int = NO_TAIL  # words before the first question term it holds
    appositive: bool = False  # it opens with an article after a name ("…Muhammad I, | the founder of …")
    bare: bool = False  # half its words or more hold a question term: it says what the question says
    leads: bool = False  # it ends at its question words or within `_END_WORDS` function words or figures of them
    predicate: bool = False  # a subject is asked and it opens with a verb going on from one said before it
    aside: bool = False  # it opens with a relative word or an article: it says something of the phrase before
    setting: bool = False  # the sentence's first phrase, opening its setting ("Since 1994, when …,")
    fronted: bool = False  # the sentence's first phrase, a subordinate clause ("Because …,") said of the one after
    named: bool = False  # the question names the kind it asks and the phrase names something it does not
    kind: bool = False  # the question names the kind it asks and the phrase says the kind's noun


def clause_run(parts: list[Phrase], need: int, budget: int, exact: bool = False, spoken: int = 0,
               lead: bool = True, reach: int = 0) -> tuple[int, int] | None:
    """(first, last) index of the phrases to quote, or None to quote the sentence whole: the shortest
    run holding every term of `need` and, when a phrase holds the wanted type of answer, one that
    does (`_shortest`); with the phrase before it when it opens with a relative word or is an
    appositive (what it speaks of: "…by Muhammad I, | the founder of the Nasrid dynasty") or, when
    no phrase holds the wanted type of answer, opens with the question's words while its last ones
    do not end it (the subject they go on from: "…driven by a strong easterly wind, | spread
    rapidly…") or is the sentence's last phrase and says little but the question's words (what it
    adds to them: "…grinds them with horny pads, | since adults have no teeth."); with the phrase
    before or after it too when that one holds the wanted type and a term of `need` (a rival reading
    of the question: "a unos 50 kilómetros al sur de Quito, | y con sus 5.897 metros de altitud…"); and,
    when no phrase holds the wanted type of answer and the run ends at the question's last word or
    within `_END_WORDS` function words, figures or names of it (`Phrase.leads`), the phrase after it and after a relative clause that follows (a
    question repeats the words that lead to its answer: "…capital until 1596, | when Sigismund III
    moved his court to Warsaw"); from the subject on when the question asks one and the run opens
    with its verb (`Phrase.predicate`), and with the main clause after a run that is the sentence's
    setting alone (`Phrase.setting`: `qa.answer.phrase_kinds`);
    (all of these after the run only when `lead`: else the run with what it speaks of and its rival
    readings, as `_cored` reads it); then widened by the phrases after it while it stays within
    `budget` (`_widened`), unless
    `exact` (the wanted type is told by digits: `exact_kind`) and a phrase holds it: the run holds the
    answer then."""
    n = len(parts)
    if n < 2:
        return None
    cue_needed = any(p.cue for p in parts)
    best = _shortest(parts, need, cue_needed, spoken)
    if best is None:
        return None
    best = _extended(parts, best, need, cue_needed, lead)
    if best[0] > budget and need.bit_count() >= _LOOSE_TERMS:
        # Every term spans more than the budget: one of them, or one phrase's terms (at most one more
        # than the rest's: else that phrase is what is asked of), may be said in an earlier clause, a
        # phrase or more before the run of the rest ("…when it was played … | and the oldest known
        # curling stone … was found in … Dunblane"; "The All-Ireland Senior Hurling Championship, | … |
        # and Kilkenny has won the title more often…"): that run is quoted. Not a term said next to the
        # run ("founded by Casimir III, | is the oldest…") or after, nor a rest said by a value alone.
        left = {1 << b for b in range(need.bit_length()) if need >> b & 1} | {m for p in parts if need & ~(
            m := p.mask & need) & (spoken or need) and 0 < m.bit_count() <= (need & ~m).bit_count() + 1}
        best = min([best, *(_extended(parts, r, need, cue_needed, lead) for t in left
                            if (r := _apart(parts, need, t, cue_needed)) is not None)])
    length, i, j = best
    if exact and cue_needed:
        return None if (i, j) == (0, n - 1) else (i, j)
    return _widened(parts, i, j, length, budget, 0 if cue_needed else reach)


def _extended(parts: list[Phrase], run: tuple[int, int, int], need: int, cue_needed: bool,
              lead: bool = True) -> tuple[int, int, int]:
    """(length, first, last) of `run` with the phrase before it that it speaks of, goes on from or
    adds to, the rival readings beside it, and the phrase after it that its question words lead to
    (see `clause_run`)."""
    length, i, j = run
    n = len(parts)
    # The subject asked stands before its verb, and before the asides between them ("Its four steep
    # faces, | which point…, | give it the shape…" for "What gives the mountain its pyramid shape?")
    if i > 0 and parts[i].predicate:
        i -= 1
        length += parts[i].size
        while i > 0 and parts[i].aside:
            i -= 1
            length += parts[i].size
    if i > 0 and (parts[i].relative or parts[i].appositive
                  or not cue_needed and parts[i].head <= _HEAD_WORDS and parts[j].tail > _END_WORDS
                  or not cue_needed and i == j == n - 1 and parts[j].bare):
        i -= 1
        length += parts[i].size
    # A phrase beside holds the wanted type and a term too: which of them the question asks, its
    # words do not tell ("distancia" and "altura" are read in both figures of the volcano's
    # sentence), so both
    if cue_needed and i > 0 and parts[i - 1].cue and parts[i - 1].mask & need:
        i -= 1
        length += parts[i].size
    if cue_needed and j + 1 < n and parts[j + 1].cue and parts[j + 1].mask & need:
        j += 1
        length += parts[j].size
    # The sentence's setting alone says when or where: its main clause, after it, what happened
    if lead and not cue_needed and i == j == 0 and parts[0].setting and not parts[0].leads:
        j += 1
        length += parts[j].size
    if lead and not cue_needed and j + 1 < n and parts[j].leads:
        j += 1
        length += parts[j].size
        if parts[j].relative and j + 1 < n:  # an aside: "…Stralsund, | which ended a war, | gave the league …"
            j += 1
            length += parts[j].size
    # A question naming the kind it asks ("What agreement…") asks a name more often than not: a run
    # naming nothing but the question's words, and not saying the kind's noun ("…the invention of the
    # explosive harpoon" holds its answer), takes the phrases after it through the first that names
    # something ("…to destroy the ozone layer, | their manufacture was phased out under the Montreal
    # Protocol of 1987"). Not before it: the sentence's subject and its symbols ("Titanium is a
    # chemical element with the symbol Ti…") name something in most first phrases (oracle replay of
    # the en/es dev sets' gold sentences: +2 / -2 and 13 answers 25-230 characters longer)
    if lead and not any(p.named or p.kind for p in parts[i:j + 1]):
        after = next((k for k in range(j + 1, n) if parts[k].named), None)
        if after is not None:
            length += sum(p.size for p in parts[j + 1:after + 1])
            j = after
    return length, i, j


def _shortest(parts: list[Phrase], need: int, cue_needed: bool, spoken: int = 0) -> tuple[int, int, int] | None:
    """(length, first, last) of the shortest run of `parts` holding every term of `need` and, when
    `cue_needed`, the wanted type of answer, preferably at or after the first phrase holding a term
    (an answer follows the words a question repeats: "…, | nacido en Cartagena en 1851, | y botado en
    el arsenal de La Carraca, | …, | el 8 de septiembre de 1888." for «¿Cuándo se botó el buque?»),
    of `spoken` when given (not "year", which 2008 says in "…endangered in 2008, | and … on Maria
    Island, | …, | where a group was released in 2012."), or at the subordinate clause the sentence
    opens with before them (`Phrase.fronted`: "Because it is so reactive, | lithium never occurs free
    in nature…, | …salty brines left to evaporate…" for "Why is lithium never found in nature as a
    free metal?", whose purpose cue "to evaporate" follows); None when no run does."""
    best: tuple[int, int, int] | None = None
    rank: tuple[bool, int] = (True, 0)
    for i in range(len(parts)):
        mask, cue, length = 0, False, 0
        for j in range(i, len(parts)):
            mask, cue, length = mask | parts[j].mask, cue or parts[j].cue, length + parts[j].size
            if mask & need == need and (cue or not cue_needed):
                first = next((k for k in range(i, j + 1) if parts[k].mask & (spoken or need)), i)
                first -= first == 1 and i == 0 and parts[0].fronted  # "Because it is so reactive, | lithium…"
                ahead = cue_needed and not any(p.cue for p in parts[first:j + 1])
                if best is None or (ahead, length) < rank:
                    best, rank = (length, i, j), (ahead, length)
                break
    return best


def _apart(parts: list[Phrase], need: int, term: int, cue_needed: bool) -> tuple[int, int, int] | None:
    """The shortest run holding `need` but `term` (terms), when only phrases two or more before it hold them."""
    run = _shortest(parts, need & ~term, cue_needed)
    if run is None or any(p.mask & term for p in parts[max(run[1] - 1, 0):]):
        return None
    return run


def subject_run(parts: list[Phrase], named: int, budget: int, pronoun: bool = False,
                reach: int = 0) -> tuple[int, int] | None:
    """(first, last) index of the phrases to quote of a sentence that matched only the article's
    subject (`named`: the terms it holds), or None to quote it whole: the first phrase naming it,
    through the first from there that holds the wanted type of answer («La batalla de Ayacucho fue el
    último gran enfrentamiento…, | librado el 9 de diciembre de 1824…» for «¿Cuándo tuvo lugar la
    batalla?»), widened by the phrases after it within `budget`. A sentence opening with a pronoun
    (`pronoun`: "She was the only legitimate child of the poet Lord Byron…, | who separated from him
    a month after Ada's birth…") names the subject in its first phrase: a later name is a mention.
    The next phrase that does not fit within `budget` is taken within `reach` when no phrase holds
    the wanted type, as `clause_run` takes it («…endémico del sistema de lagos del valle de México, |
    cuyo único hábitat natural que sobrevive son los canales de Xochimilco» for «¿En qué lugar vive
    todavía el ajolote en libertad?»)."""
    first = 0 if pronoun else next((k for k, p in enumerate(parts) if p.mask & named), None)
    if first is None:
        return None
    last = next((k for k in range(first, len(parts)) if parts[k].cue), first)
    return _widened(parts, first, last, sum(p.size for p in parts[first:last + 1]), budget,
                    0 if any(p.cue for p in parts) else reach)


def _widened(parts: list[Phrase], i: int, j: int, length: int, budget: int, reach: int = 0) -> tuple[int, int] | None:
    """The run i..j widened by the phrases after it while it stays within `budget`, or None when it
    is then the whole sentence. Not by those before: an answer follows the words a question repeats,
    and on en_wiki the phrases before took the mean quote from 152 to 158 characters, no answer.
    A run the next phrase does not fit beside within `budget` takes it within `reach` when no phrase
    holds the wanted type ("…by spectroscopy, | noticing … zinc blende": `ExtractiveParams.clause_reach`)."""
    n, first = len(parts), j
    while j + 1 < n and length + parts[j + 1].size <= budget:
        j += 1
        length += parts[j].size
    if j == first and j + 1 < n and length + parts[j + 1].size <= reach:
        j += 1
    return None if (i, j) == (0, n - 1) else (i, j)
