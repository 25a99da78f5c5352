"""Is a figure of a quote the article's subject's, or the one of its kind the question asks? «¿Cuánto
mide el guacamayo aliverde?» was answered in the article "Guacamayo rojo" by «Mide unos 90 centímetros
…, rasgo que lo distingue del guacamayo aliverde», and «¿Cuántos kilómetros recorre el río
Magdalena?» in "Río Cauca" by «El Cauca … recorre unos 1.350 kilómetros …, hasta desembocar en el
Magdalena»: the question asks of a sibling of the article's subject (the same head noun, another
distinguishing word: guacamayo aliverde beside guacamayo rojo, río Magdalena beside río Cauca), and
the article names the sibling only to set its subject beside it. Its figures are its subject's.

A count, measure or date asked (`qa.answer.latin_question.wanted`) of such a sibling is answered only
by a quote that writes the distinguishing word as the subject of something, not only after a
preposition («del guacamayo aliverde», «en el Magdalena», "than the", `name_preposition`); a quote
that never writes it speaks of the article's subject alone («la hembra pone dos o tres huevos» for the
guacamayo aliverde's eggs). The head is the title's first word in Spanish («Guacamayo rojo») and its
last in English ("Superb lyrebird"); the distinguishing word the question's word after it (Spanish) or
before it (English), not a word of the title nor a stop word.
Checked by `qa.answer.asked_kinds.kind_gaps` for English and Spanish questions over text in their
language.
"""

from __future__ import annotations

from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK
from qa.text.tokens import WORD, latin_language

__all__ = ["sibling_elsewhere"]


@cache
def _kin() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("kin_word"))


@cache
def _leads() -> frozenset[str]:
    """The prepositions (and an article after one) a sibling set beside the subject is written after."""
    return frozenset(w.lower() for name in ("name_preposition", "latin_article") for w in lexicon.words(name))


def _sibling(question: str, title: str) -> str:
    """The word that tells the question's sibling of the title's subject ("aliverde", "Magdalena"), or ""."""
    from qa.text.paraphrase import function_words

    named = [w.lower() for w in WORD.findall(title)]
    if len(named) != 2:
        return ""  # a head and one distinguishing word: "Fallas de Valencia" names no kind
    spanish = latin_language(question) == "es"
    head = named[0] if spanish else named[-1]
    words = WORD.findall(question)
    for k, word in enumerate(words):
        if word.lower() != head:
            continue
        j = k + 1 if spanish else k - 1
        # an English word before the head is a sibling's name only capitalised ("Albert's lyrebird"):
        # a lower-case one is a kind of the subject's members ("the female cassowary", "the mother lyrebird")
        if 0 <= j < len(words) and (other := words[j]).isalpha() and len(other) >= 3 \
                and other.lower() not in named and other.lower() not in function_words() \
                and other.lower() not in _kin() and (spanish or other[:1].isupper()):
            return other
    return ""


def _beside(tokens: list[str], k: int, title: str) -> bool:
    """Is the word at `k` of `tokens` (lower case) written after a preposition, back over the title's
    head and an article ("del guacamayo aliverde", "en el Magdalena")?"""
    named = {w.lower() for w in WORD.findall(title)}
    articles = {w.lower() for w in lexicon.words("latin_article")}
    j = k - 1
    while j >= 0 and tokens[j] in named:
        j -= 1
    while j >= 0 and tokens[j] in articles:
        j -= 1
    return j >= 0 and tokens[j] in _leads()


def sibling_elsewhere(question: str, quote: str, title: str) -> str:
    """The distinguishing word of the sibling `question` asks a value of ("aliverde") when `quote`
    (in the article `title`) writes it only after a preposition or not at all, while the question
    writes it as a subject; "" else."""
    from qa.answer.latin_question import wanted

    if not title or CJK.search(question) or CJK.search(quote) or wanted(question) not in ("number", "year", "date"):
        return ""
    if not (word := _sibling(question, title)):
        return ""
    asked = [t.lower() for t in WORD.findall(question)]
    if any(_beside(asked, k, title) for k, t in enumerate(asked) if t == word.lower()):
        return ""  # asked of it after a preposition too ("la cuenca del río Magdalena"): read alike
    from qa.text.paraphrase import same_word, stem

    tokens = [t.lower() for t in WORD.findall(quote)]
    if any(same_word(stem(word), stem(t)) and not _beside(tokens, k, title) for k, t in enumerate(tokens)):
        return ""  # said as a subject: the figures may be its
    return word
