"""Does a figure of the quote count what an English or Spanish how-many question counts? "How many
countries are members of the World Flying Disc Federation?" is not answered by "two teams of seven
players", nor "How many tributaries does the river have?" by "flowing for about 1,047 kilometres":
each figure there says what it counts right after it, people where a thing is asked, a measure
where a count is. The value check (`qa.answer.values.missing_value`) is content with any figure
that is no year nor a span of time, so such a quote passed at full support.

A figure's own words are the few after it (at most `MODIFIERS` words between it and its noun, as
`qa.answer.short_latin` reads a count: "8,000 heavily armed horsemen", «unos treinta ascensores»),
up to punctuation. A figure counts something else than the asked noun when
  - its words carry a unit of measure (`qa.answer.short_latin`'s unit classes: kilometres, °C,
    per cent is no unit here but a share, which passes): a measure counts no things; or
  - its words hold a noun for people (`qa.text.persons`, es.toml `person_noun`) where the asked
    noun is none (nor a body of people: `people_word`, `people_group`).
Nothing narrower is read: a count of "51 birds" answers "how many kakapo", "more than 230 entries"
"how many designs" (a wider word, another word for the thing: WordNet links neither way for the
second). A figure with no words after it, or a word that ends a count (`figure_tail`: "in 2019",
"of them"), may count anything: it passes, and so does the quote. Only a quote whose every
figure counts another thing has the gap; "how many" / «cuántos» only (a "how much" asks a mass,
said in units).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["counted_other", "unpowered"]

MODIFIERS = 2  # words between a count's figure and its noun (`short_latin.MODIFIERS`)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|°\s?[CF]\b|%")
_UNIT_CLASSES = ("length_unit", "area_unit", "weight_unit", "speed_unit", "temperature_unit", "flow_unit")


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    return (lexicon.regex("latin_figure", re.I), lexicon.regex("latin_year"), lexicon.regex("latin_date", re.I),
            re.compile(r"\s*(?:%s)\b" % lexicon.alternation("time_unit"), re.I),
            re.compile(r"\bhow many\b|\bcu[aá]nt[oa]s\b", re.I))


@cache
def _passing() -> frozenset[str]:
    """Words after a figure that say nothing of what it counts: a count's end (`figure_tail`), a
    magnitude (million, mil), a share (per cent)."""
    words = [w for name in ("figure_tail", "magnitude_word", "thousand_word", "percent_unit") for w in lexicon.words(name)]
    return frozenset(w.lower() for w in words) | {"%"}


@cache
def _units() -> frozenset[str]:
    return frozenset(w.lower() for c in _UNIT_CLASSES for w in lexicon.words(c))


@cache
def _groups() -> frozenset[str]:
    from qa.text.paraphrase import plain

    return frozenset(plain(w) for w in lexicon.words("people_word") + lexicon.words("people_group"))


def _people(word: str) -> bool:
    """Is `word` (plain) a noun for people or for a body of them (`people_word`, `people_group`)?"""
    from qa.text.persons import is_person

    return word in _groups() or is_person(word)


def _noun(a) -> str:
    """The noun an English count asks: the first plural of its words ("how many runners took part":
    runners; "how many new books": books); a Spanish one's first word (autobuses diésel)."""
    from qa.answer.latin_question import lowered

    if not a.noun_last:
        return a.noun[0]
    plural = lambda w: w.endswith("s") or w in lowered(lexicon.words("irregular_plural"))  # noqa: E731
    return next((w for w in a.noun if plural(w)), a.noun[-1])


def _other(words: list[str], people: bool) -> bool:
    """Do a figure's own `words` say it counts another thing than the asked noun (which is a noun
    for people when `people`)? A unit among them; or, the asked noun being no person, a person."""
    from qa.text.paraphrase import plain

    if any(w in _units() or w.replace(" ", "") in ("°c", "°f") for w in words):
        return True
    return not people and any(_people(plain(w)) for w in words)


# How many steps down the scale of time (`time_scale`) a span must be to count no asked unit: "how many
# years" over "18 months" may be right, over "25 days" it is not
SCALE_STEPS = 2


@cache
def _scales() -> tuple[tuple[str, ...], ...]:
    from qa.text.paraphrase import plain

    every = lexicon.words("time_scale")  # both files' scales, each in its order
    return tuple(tuple(plain(w) for w in every if w in lexicon.load(lang)["words"]["time_scale"]) for lang in ("en", "es"))


def _rank(word: str) -> tuple[int, int] | None:
    """(the scale, the place on it) of a unit of time, or None."""
    from qa.text.paraphrase import plain

    word = plain(word)
    return next(((k, i) for k, scale in enumerate(_scales()) for i, stem in enumerate(scale) if word.startswith(stem)), None)


def _shorter_span(a, noun: str, quote: str) -> str:
    """The unit of time a count asks ("how many years", «cuántos años») when every span of time the
    quote gives is `SCALE_STEPS` or more shorter (days, hours): «¿Cuántos años vive un guacamayo
    rojo?» is not answered by «incuba durante unos 25 días»; "" else, and for a quote with no span."""
    from qa.answer.latin_question import said

    figure, _, _, span_of_time, _ = _patterns()
    asked = _rank(noun)
    spans = [unit for m in figure.finditer(quote) if not said(a, m.group(0))
             and (unit := span_of_time.match(quote, m.end()))]
    if asked is None or not spans:
        return ""
    for unit in spans:
        said_rank = _rank(unit.group(0).strip())
        if said_rank is None or said_rank[0] != asked[0] or asked[1] - said_rank[1] < SCALE_STEPS:
            return ""
    return noun


def counted_other(question: str, quote: str) -> str:
    """The noun an English or Spanish how-many question counts when `quote` holds figures (no year,
    no date's day, no span of time, none the question says) and every one of them counts another
    thing by its own words; "" else."""
    from qa.answer.latin_question import asked, said, stem
    from qa.text.paraphrase import plain

    if CJK.search(question) or CJK.search(quote):
        return ""
    figure, year, date, span_of_time, how_many = _patterns()
    a = asked(question)
    if a is None or a.wants != "number" or a.unit is not None or not a.noun or not how_many.search(question):
        return ""
    noun = _noun(a)
    if span_of_time.fullmatch(" " + noun):
        return _shorter_span(a, noun, quote)
    if noun in _units():
        return ""  # a measure asked by its unit ("how many kilometres")
    people = _people(plain(noun))
    days = [(d.start(), d.end()) for d in date.finditer(quote)]
    others = 0
    for m in figure.finditer(quote):
        value = m.group(0)
        if said(a, value) or year.fullmatch(value.strip()) or any(s <= m.start() < e for s, e in days) \
                or span_of_time.match(quote, m.end()):
            continue
        words, prev = [], m.end()
        for w in _WORD.finditer(quote, m.end(), m.end() + 80):
            if re.search(r"[^\w\s'’-]|\d", quote[prev:w.start()]) or w.group(0).lower() in _passing():
                break  # punctuation, a figure or a joiner between: the figure's own words end there
            words.append(w.group(0).lower())
            prev = w.end()
            if len(words) > MODIFIERS:
                break
        if not words or any(stem(w) == stem(noun) for w in words) or not _other(words, people):
            return ""
        others += 1
    return noun if others else ""


def unpowered(question: str, quote: str) -> bool:
    """Does an English or Spanish question ask how much electricity or power (`power_q`) of a quote
    giving no figure in a unit of power or energy (`power_unit`: MW, GWh, «megavatios»)?
    «¿Cuánta electricidad genera la central de Salto Grande?» was answered by the sentence saying
    the dam was opened in 1979 and supplies the two countries: "dos países" is a figure, and the
    value check asked no more of a question whose noun names no unit."""
    if CJK.search(question) or not lexicon.regex("power_q", re.I).search(question):
        return False
    units = "|".join(re.escape(w) for w in sorted(lexicon.words("power_unit"), key=len, reverse=True))
    return not re.search(r"\d[\d.,]*\s*(?:%s|%s)?\s*(?:%s)(?!\w)" % (
        lexicon.alternation("magnitude_word"), lexicon.alternation("thousand_word"), units), quote, re.I)
