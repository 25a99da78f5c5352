"""Which phrase of a long English or Spanish sentence answers a question that asks for no kind of
span told by its digits or capitals (`qa.answer.clauses` quotes a run of such a sentence's phrases).

On text the cut was never fitted to (en_wiki7, written for the tenth session), the run lost the
answer of 7 of 50 questions, most of them questions the run's cues could not read:
- a why / what-for question, a condition or a means asked is answered by the phrase saying a cause
  or a purpose ("…were hidden in the château | to keep them safe…"), a condition ("…had agreed to
  surrender | unless an army came…") or a means; the words that say so are a closed class, lexicon
  data (`cut_q_KIND` reads the question, `cut_KIND` the phrase: en.toml, es.toml); a cause is said
  too by the phrase before one opening with what follows from it (`cut_consequence`: "…broke the
  guard of chained slaves, | and hence the chains on the arms of Navarre");
- a question asking the subject ("What gives the mountain its pyramid shape?": `asks_subject`) is
  answered before its verb, and a run that opens with the verb, after an aside ("Its four steep
  faces, | which point…, | give it the shape…"), is quoted from the subject on;
- a run that is only a sentence's setting, its first phrase ("Since 1994, when the restored
  waterway reopened a canal link…,": `opens_setting`), says when or where; a question asking no kind
  of span ("What has the restored waterway made possible since 1994?") is answered by the main
  clause after it.
- a phrase after one ending with a relative word, or an appositive naming the kind a
  which-question asks, speaks of the phrase before it (`linked`).
Not read: where the Latin short-answer picker, reading the whole sentence, places a who- or
which-question's answer. Quoting the phrase beside the run that it placed one in gained one answer
of en_wiki7 ("In 1673, through the physician Reinier de Graaf, | he began sending letters…") and
took 7 other answers of the English and Spanish dev sets 25-125 characters longer, none right
that was not (the picker's name there was the sentence's other person or place).
"""

from __future__ import annotations

import re
from functools import cache

from qa.answer.latin_question import asked, lowered, stem, subject_asked, wanted
from qa.text import lexicon
from qa.text.paraphrase import held

__all__ = ["asks_subject", "ends_relative", "kind_cues", "linked", "names_kind", "opens_appositive", "opens_aside",
           "opens_asked_verb", "opens_clause", "opens_predicate", "opens_relative", "opens_setting"]

_MARKS = ".,;:«»\"'“”‘’()"


def kind_cues(question: str, texts: list[str], starts: list[int]) -> list[bool] | None:
    """Which of `texts` (a sentence's phrases) say what `question` asks when it asks a cause or a
    purpose, a condition or a means, from character `starts[k]` of phrase k on; None when it asks
    none of those."""
    kind, phrase = next(((k, said) for k, (asks, said) in enumerate(_kinds()) if asks.search(question)), (0, None))
    if phrase is None:
        return None
    cues = [any(m.start() >= at for m in phrase.finditer(t.strip())) for t, at in zip(texts, starts)]
    if kind == 0:  # a cause asked: said too by the phrase before one that says what follows from it
        after = lexicon.regex("cut_consequence", re.IGNORECASE)
        cues = [c or k + 1 < len(texts) and bool(after.match(texts[k + 1].strip())) for k, c in enumerate(cues)]
    return cues


def asks_subject(question: str) -> bool:
    """Does an English or Spanish which/what-question ask the subject of its verb ("What made
    kabaddi…", "What gives the mountain…")?"""
    return wanted(question) == "which" and subject_asked(question)


def opens_asked_verb(question: str, phrase: str) -> bool:
    """Does `phrase` (not a sentence's first) open with the word after a which/what-question's question
    word, as written or said another way, as a verb going on from a subject before it
    (`opens_predicate`)? The question then asks that subject, whatever follows its verb ("What lets
    devils consume even the bones…?" over "…their jaws, which are among the strongest…, | allow them
    to eat almost every part of a carcass…": `subject_asked` reads "lets devils" as a kind of thing)."""
    kind = asked(question)
    if kind is None or kind.wants != "which" or not kind.noun or not opens_predicate(phrase):
        return False
    first = phrase.split(maxsplit=1)[0].strip(_MARKS)
    return bool(held(question, (stem(kind.noun[0]),), first) & 1)


def opens_predicate(phrase: str) -> bool:
    """Does `phrase` (not a sentence's first) open with a word that is no function word, in lower
    case, and no preposition after it: a verb going on from a subject said before it, with its object
    ("give it the shape of…", "turned it into…")?"""
    words = [w.strip(_MARKS) for w in phrase.split()[:2]]
    word = words[0] if words else ""
    if len(words) > 1 and words[1].lower() in lowered(lexicon.words("aside_preposition")):
        return False  # a participle's aside ("better known as…", "built in 1850"), not a verb with its object
    return bool(word) and word.islower() and word.isalpha() and word not in _closed()


@cache
def _closed() -> frozenset[str]:
    """Words that open a phrase without being a verb going on from its subject: function words, relative
    words, clause openers, subjects of their own, articles."""
    return (lowered(lexicon.words("stop_word")) | lowered(lexicon.words("object_lead")) | lowered(lexicon.words("relative_word"))
            | lowered(lexicon.words("clause_opener")) | lowered(lexicon.words("subject_word")) | lowered(lexicon.words("latin_article")))


def opens_aside(phrase: str) -> bool:
    """Does `phrase` open with an article: a noun phrase naming the one before it ("…in 2014, | a
    professional competition among…,")? (A relative word opens an aside too: `clauses`' relative.)"""
    return _opens(phrase, lexicon.words("latin_article"))


def opens_relative(phrase: str, after_preposition: bool = False) -> bool:
    """Does `phrase` open with a relative word ("whose observations…", «cuyo nombre…»), or, when
    `after_preposition`, one after a preposition ("after which revellers beat…", «del que es el
    principal afluente»: `relative_after_preposition`): it says something of the phrase before it?"""
    if _opens(phrase, lexicon.words("relative_word")):
        return True
    if not after_preposition:
        return False
    first, _, rest = phrase.lower().partition(" ")
    if first not in _prepositions():
        return False
    if first in lowered(lexicon.words("preposition_article")):
        rest = "el " + rest  # «del que» is «de el que»
    return _opens(rest, lexicon.words("relative_after_preposition"))


@cache
def _prepositions() -> frozenset[str]:
    return lowered(lexicon.words("name_preposition") + lexicon.words("aside_preposition"))


def opens_appositive(phrase: str, before: str) -> bool:
    """Does `phrase` open with an article after a name (`before`, the phrase before it, ends with a
    capitalised word): an appositive of it ("…by Muhammad I, | the founder of …")? After other words
    it may open the sentence's main clause ("After the French surrender, | the stone …")."""
    words = before.split()
    return bool(words) and words[-1][0].isupper() and _opens(phrase, lexicon.words("appositive_word"))


def linked(texts: list[str], masks: list[int], question: str, cued: bool) -> tuple[list[bool], list[bool]]:
    """Per phrase of a sentence (`texts`; `masks`: the question terms each holds), does it say something
    of the phrase before it (`qa.answer.clauses` quotes that one with it): as a relative clause
    (`opens_relative`; or, when no phrase holds the kind of answer asked, `cued` False, after a phrase
    ending with a relative word: `ends_relative`; "Who helped Meitner…" is answered after "…physicist
    who, |"), and as an appositive (`opens_appositive`; or `names_kind`, after a phrase saying none
    of the question's words: «…El cobre es un elemento…, | un metal de color rojizo» names copper for
    «¿Qué metal conduce… mejor que el cobre?»)?"""
    # A relative clause after a preposition ("…, | during which its gunners fired…", «…en el Magdalena, |
    # del que es el principal afluente») says something of the noun the phrase before ends with: that
    # noun is the answer only to a question naming a kind («¿De qué río es tributario…?»); to any other
    # the clause itself says it (replay of the en/es dev sets' gold sentences: +2 kept, none lost; read
    # for every question, 5 right cuts 35-117 characters longer)
    kind = asked(question)
    named = kind is not None and kind.wants in ("which", "place") and bool(kind.noun)
    relative = [opens_relative(t, named) or k > 0 and not cued and ends_relative(texts[k - 1]) for k, t in enumerate(texts)]
    appositive = [k > 0 and (opens_appositive(t, texts[k - 1]) or not masks[k - 1] and names_kind(t, question))
                  for k, t in enumerate(texts)]
    return relative, appositive


def ends_relative(phrase: str) -> bool:
    """Does `phrase` end with a relative word («…una pequeña rana sobre una calavera que, | según la
    costumbre, trae suerte…»): the comma opens an aside inside the relative clause, and the phrase
    after it says something of what this one names?"""
    words = phrase.lower().rstrip(_MARKS + " ").split()
    return bool(words) and words[-1] in lowered(lexicon.words("relative_word"))


def names_kind(phrase: str, question: str) -> bool:
    """Does `phrase` open with an article and the kind of thing a which-question asks («¿Qué guiso
    preparaban…?» in «…con la adafina, | el guiso que las familias judías…»; a place too: «¿En qué
    pueblo…?» in «…se trasladó a Jacinto Arauz, | un pequeño pueblo de…», es_wiki19 +1 in the oracle
    replay, nothing else moved): an appositive of what the phrase before it ends with, the answer,
    whatever its capitals?"""
    kind = asked(question)
    if kind is None or kind.wants not in ("which", "place") or not kind.noun:
        return False
    words = [w.strip(_MARKS) for w in phrase.lower().split()[:3]]
    return len(words) > 1 and words[0] in lowered(lexicon.words("latin_article")) \
        and any(stem(w) == stem(kind.noun[0]) for w in words[1:])


def opens_setting(phrase: str) -> bool:
    """Does `phrase` (a sentence's first) open its setting ("Since 1994, when…", «Desde 1998, cuando…»)?"""
    return _opens(phrase, lexicon.words("setting_word"))


def opens_clause(phrase: str) -> bool:
    """Does `phrase` open with a word opening a subordinate clause ("Because it is so reactive, | lithium
    never occurs free…", «Aunque…»: `clause_opener`)? A sentence's first phrase that does is said of
    the clause after it."""
    return _opens(phrase, lexicon.words("clause_opener"))


def _opens(phrase: str, words: tuple[str, ...]) -> bool:
    lowered_phrase = phrase.lower()
    return any(lowered_phrase.startswith(w + " ") for w in words)


@cache
def _kinds() -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """(what the question says, what the phrase answering it says) for a cause or a purpose, a
    condition, a means asked: lexicon data, first match wins."""
    return ((lexicon.regex("cut_q_reason", re.IGNORECASE), lexicon.regex("cut_reason", re.IGNORECASE)),
            (lexicon.regex("cut_q_condition", re.IGNORECASE), lexicon.regex("cut_condition", re.IGNORECASE)),
            (lexicon.regex("cut_q_means", re.IGNORECASE), lexicon.regex("cut_means", re.IGNORECASE)))
