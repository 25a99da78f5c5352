"""Is the year a quote gives the year of what a year-question asks? "In which year was the city of
Mandalay founded?" over "…royal capitals such as Ava, Amarapura and Mandalay were all founded on its
banks, and in the colonial era the Irrawaddy Flotilla Company, a Scottish-owned firm established
in 1865, ran…": the sentence says the founding and Mandalay, and it holds a year, but the year
dates the firm, in a clause of its own; nothing dates the city. Likewise «¿En qué año se fundó
Lima?» over «…la refundaron como ciudad española en 1534, aunque la capital del virreinato se
estableció más tarde en Lima» (1534 dates Cusco's refounding), and «¿En qué año propuso Ameghino
que el ser humano se había originado en la Pampa?» over «Su teoría de que la especie humana se había
originado en la Pampa fue rechazada…, y desde 1902 hasta su muerte dirigió el Museo…». A careful
reader says: the article gives the year of another thing, not of this one.

The quote's sentences are cut into clauses as `qa.answer.firsts` cuts them (a comma and a joiner
starting a clause with its own subject, `clause_break_word`: ", and", «, y», «, aunque»; a
semicolon, a colon), and at a joiner between two lower-case words that no article follows ("…by
Basile Bouchon, Jean-Baptiste Falcon and Jacques de Vaucanson and demonstrated his own mechanism…
in 1801"). A life span after a name ("Joseph Marie Jacquard (1752–1834)") dates a person, no event.
When some clause says a word of the question (`qa.text.paraphrase.says`: a form of it, a word of
its class, a value of its kind; not a function word or a pronoun) and none of the clauses holding a
year the question does not write says any, the years date other things; so too when those clauses
say none of the question's names and each names another thing no preposition leads ("the
Irrawaddy Flotilla Company", not "in Paris"), while another clause says one of them (the verb said
by a word of its class, "established" for "founded", of another subject). A clause that says any
other word of the question keeps the year (its verb said by a synonym the lexicon lacks is common:
the subject or the object is then there), so only a year set apart from what the question asks is
read as another thing's.

Checked by `qa.answer.latin_slots.worded_gaps` for English and Spanish questions asking a year over
text in their language; a quote holding no year is `qa.answer.values`' to refuse.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.sentences import split_sentences
from qa.text.tokens import WORD

__all__ = ["misdated"]



def misdated(question: str, quote: str, passage: str = "") -> str:
    """"year of <the question's words>" when every year of `quote` (read in its whole sentences of
    `passage`) the question does not write stands in a clause saying no word of the question, while
    another clause of the quote says one; "" else."""
    from qa.answer.firsts import _breaks
    from qa.answer.latin_question import wanted
    from qa.text.paraphrase import says

    # a year asked in so many words: "when" may be answered by a month, a season or an event the
    # clause without the year gives ("When is the lake usually covered in ice?" over "…declared a
    # UNESCO World Heritage Site in 1996, and its surface usually freezes from January to May")
    if wanted(question) != "year":
        return ""
    year = lexicon.regex("latin_year")
    own = set(year.findall(question))
    # function words (and pronouns, possessives: `sentence_opener`) say nothing of what is dated
    stop = {w.lower() for name in ("stop_word", "sentence_opener", "answer_kind", "time_unit")
            for w in lexicon.words(name)}
    # the asked unit is no word of the thing dated ("year", «año»: the lexicon lists «años»)
    words = [w for w in WORD.findall(question) if len(w) >= 3 and not {w.lower(), w.lower() + "s"} & stop]
    if not words:
        return ""
    clauses = [c for s in _whole(quote, passage) for b in _breaks().split(s) for c in _verb_joins().split(b)
               if c.strip()]
    # a life span after a name ("Joseph Marie Jacquard (1752–1834)") dates the person, not an event
    span = lexicon.regex("life_span")
    dated = [c for c in clauses if any(y not in own for y in year.findall(span.sub(" ", c)))]
    if not dated or len(dated) == len(clauses):
        return ""
    undated = [c for c in clauses if c not in dated]
    said = lambda clause, asked: any(says(clause, w, question) for w in asked)  # noqa: E731
    if not any(said(c, words) for c in dated) and any(said(c, words) for c in undated):
        return "year of " + " ".join(words)
    # ... or one saying the question's verb by a word of its class, of another it names: "Mandalay
    # were all founded on its banks, and … the Irrawaddy Flotilla Company, a Scottish-owned firm
    # established in 1865" (a clause naming none of the question's names, and naming another)
    names = [w for w in words if w[:1].isupper()]
    if names and not any(said(c, names) for c in dated) and any(said(c, names) for c in undated) \
            and all(_other_name(c, question) for c in dated):
        return "year of " + " ".join(words)
    return ""


@cache
def _verb_joins() -> re.Pattern:
    """A joiner without a comma between two lower-case words ("…Jacques de Vaucanson and demonstrated
    his own mechanism… in 1801"): a clause of its own when an article does not follow."""
    return re.compile(r"(?<=[a-zß-ÿ]) (?:%s) (?!(?:%s)\b)(?=[a-zß-ÿ])" % (lexicon.alternation("clause_joiner"),
                                                                      lexicon.alternation("latin_article")))


def _other_name(clause: str, question: str) -> bool:
    """Does `clause` name, past its first word, a thing `question` does not: a capitalised word, not a
    month, that no preposition leads (`name_preposition`, an article between: "in Paris" places an
    event, "the Irrawaddy Flotilla Company" may own it)?"""
    from qa.text.paraphrase import plain

    asked = {plain(w) for w in WORD.findall(question)}
    months = {w.lower() for w in lexicon.words("month_name")}
    leads = {w.lower() for w in lexicon.words("name_preposition")}
    articles = {w.lower() for w in lexicon.words("latin_article")}
    words = WORD.findall(clause)
    for k in range(1, len(words)):
        w = words[k]
        if not w[:1].isupper() or plain(w) in asked or w.lower() in months:
            continue
        j = k - 1
        while j >= 0 and (words[j][:1].isupper() or words[j].lower() in articles):
            j -= 1  # back over the name's other words and an article
        if j < 0 or words[j].lower() not in leads:
            return True
    return False


def _whole(quote: str, passage: str) -> list[str]:
    """The sentences of `quote`, whole where `passage` holds it (a quote cut to a clause is read in
    its sentence, which may hold the year's clause)."""
    at = passage.find(quote) if quote and passage else -1
    if at < 0:
        return [quote[s.start:s.end] for s in split_sentences(quote)]
    return [passage[s.start:s.end] for s in split_sentences(passage) if s.end > at and s.start < at + len(quote)]
