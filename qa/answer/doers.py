"""Does a quote name anyone for a who-question? "Who stole the painting from the Hartley Museum?"
over "The Hartley Museum of Art has recovered a painting stolen from its gallery 23 years ago":
every word of the question is there, the verb too ("stolen"), but the only name is the question's
own; the thief is never named. A quote answering who did it names a doer that the question does
not: a run of capitalised words none of whose words is the question's or the article title's.

A sentence's first word is capitalised as a sentence opener ("The", «El», "Although": `sentence_opener`,
`stop_word`, `clause_opener`), not as a name, nor is a month or a day; a comma ends a name. Only a question asking the one who did something
is read (`asked_doer`: "who stole", «quién robó»; not «quiénes», whose answers are groups written
in lower case, «unos anarquistas», nor "who is the superintendent", whose holder may be named by
the next quote: only the best quote is checked), and only the
quote: its neighbour may name the painter of the stolen work, not the thief. Checked by
`qa.answer.latin_slots.worded_gaps` for English and Spanish questions over text in their language.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.sentences import split_sentences
from qa.text.tokens import WORD

__all__ = ["holderless", "nameless"]

_ASKED = lexicon.regex("asked_doer", re.I)
_HOLDER = lexicon.regex("asked_holder", re.I)


@cache
def _openers() -> frozenset[str]:
    return frozenset(w.lower() for name in ("sentence_opener", "stop_word", "clause_opener") for w in lexicon.words(name))


@cache
def _subordinators() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("clause_opener"))


@cache
def _times() -> frozenset[str]:
    """Capitalised words that name a time, not a doer ("on Monday", "in June")."""
    return frozenset(w.lower() for name in ("month_name", "weekday_name") for w in lexicon.words(name))


def _plain(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


def nameless(question: str, quote: str, title: str = "") -> bool:
    """Does `question` ask who did something of a `quote` that names no one but what the question
    (or the article's `title`) names?"""
    if not _ASKED.search(question):
        return False
    own = {_plain(w) for w in WORD.findall(f"{question} {title}")}
    joiners = {w.lower() for w in lexicon.words("name_joiner")}
    for s in split_sentences(quote):
        text = quote[s.start:s.end]
        run: list[str] = []
        end = 0
        for k, m in enumerate([*WORD.finditer(text), None]):
            word = m.group(0) if m else ""
            # a comma or a bracket ends a name: "la Autoridad Portuaria, Javier Ortega" names two
            joined = m is not None and not text[end:m.start()].strip()
            end = m.end() if m else end
            if word[:1].isupper() and not (k == 0 and word.lower() in _openers()) and (joined or not run):
                run.append(word)
                continue
            if run and joined and word.lower() in joiners:
                continue  # "Museum of Art", «Museo de Bellas Artes»: one name
            if _doer(run, own):
                return False  # a name the question does not give
            # ... and a capitalised subordinator opening the sentence starts none ("Although a complete
            # synthesis was reported…": `clause_opener`). An article or a preposition there ("The", «En»)
            # still counts as a name when a lower-case word follows: a lower-case doer («el macho») may
            # follow it, and reading those as no name refused es_wiki9's «¿Quién empolla los huevos?»
            run = [word] if word[:1].isupper() and not (k == 0 and word.lower() in _subordinators()) else []
    return not _doer(run, own)


def _doer(run: list[str], own: set[str]) -> bool:
    """Is a run of capitalised words a name the question (`own`: its and the title's words) does not
    give, and no time?"""
    return bool(run) and not any(_plain(w) in own for w in run) and not all(w.lower() in _times() for w in run)


@cache
def _qualifier_leads() -> frozenset[str]:
    """The prepositions that lead a place or a qualifier, not a doer: `name_preposition` but the
    agent's ("by", «por») and a name's joiner ("the work of Pierre", «obra de Pierre»)."""
    lead = {w.lower() for w in lexicon.words("name_preposition")}
    return frozenset(lead - {w.lower() for w in lexicon.words("agent_preposition") + lexicon.words("name_joiner")})


def holderless(question: str, quote: str, title: str = "") -> str:
    """The role `question` asks the holder of ("captain" of "Who was the captain of the Mary
    Rose…?") when `quote` names no one but what the question or the article's `title` names, a
    time, or a place or qualifier a preposition leads (an article between; "and" goes on with the
    same lead: "between Portsmouth and the Isle of Wight"); else ""."""
    if not (asked := _HOLDER.search(question)):
        return ""
    own = {_plain(w) for w in WORD.findall(f"{question} {title}")}
    joiners = {w.lower() for w in lexicon.words("name_joiner")}
    articles = {w.lower() for w in lexicon.words("latin_article")}
    and_words = {w.lower() for w in lexicon.words("clause_joiner")}
    for s in split_sentences(quote):
        words = list(WORD.finditer(quote, s.start, s.end))
        k, qualified = 0, False
        while k < len(words):
            word = words[k].group(0)
            if k and quote[words[k - 1].end():words[k].start()].strip():
                qualified = False  # a figure or a comma between: the preposition leads something else
            if not word[:1].isupper() or k == 0 and word.lower() in _openers():
                low = word.lower()
                qualified = low in _qualifier_leads() or qualified and low in articles | and_words
                k += 1
                continue
            run = [word]
            # "Isle of Wight", "Île de la Cité": one name
            while k + 1 < len(words) and not quote[words[k].end():words[k + 1].start()].strip():
                nxt = words[k + 1].group(0)
                if nxt[:1].isupper():
                    k += 1
                    run.append(nxt)
                    continue
                j = k + 2 if nxt.lower() in joiners else 0
                while j and j < len(words) and words[j].group(0).lower() in articles:
                    j += 1
                if not (j and j < len(words) and words[j].group(0)[:1].isupper()):
                    break
                k = j
                run.append(words[j].group(0))
            if not qualified and _doer(run, own):
                return ""
            k += 1
    return next(g for g in asked.groups() if g).lower()
