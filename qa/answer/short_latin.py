"""The short answer to an English or Spanish question: "120 beds", "$48.5 million", "Priya Menon",
"March 1", "Brussels", "stomata", taken from the best supported quote, offline.

The Chinese picker (`qa.answer.short`) reads the words around the question word; English and
Spanish put the question word first and reorder the rest, so here the question only says what kind
of span it wants (`qa.answer.latin_question`: a year, a date, a figure, a person, a place, a name,
the thing a which-question names), and the quote's span of that kind nearest to the question's
words is the answer:
  - a figure with its unit ("how many beds" wants a count of beds, "how far" miles, "how much did it
    cost" money: `short_unit`), or a bare one when the question's noun is nowhere after a figure;
    in digits or in words ("sixteen feathers", "treinta y dos días": `spelled_number`);
  - a date ("March 1", "4 de mayo") or a year;
  - a person: a run of capitalised words ("Dr. Priya Menon" -> Priya Menon; "Willem de Vries"
    keeps its particle), at least two, no title, no organisation's word;
  - a place: such a run after in/at/to/en/de ("in Brussels");
  - a name: the words after called/named/llamado ("called stomata");
  - which X: the run the quote writes next to X ("the architecture firm Hale & Ortiz", "the Ming
    dynasty": X kept when it follows).
Never a span the question already says. None when nothing is certain: no span of the kind, or two
with no question word near either.

An English or Spanish question over a Chinese quote (the articles are Chinese) takes the span from
the quote's language (`qa.answer.across`: a figure or date of the Chinese picker's patterns, a
person by the post written before the name, a place or body by the word its kind ends with).

No tagger (spaCy would cost seconds of start-up per question and a model download): capitalisation
and the question's words are enough for the news and reference text this is measured on
(eval/bench/data/en_news, es_news). The words are data (en.toml, es.toml, "short answers").
"""

from __future__ import annotations

import re
from functools import cache

from qa.answer.across import chinese_span
from qa.answer.latin_question import Asked, closest, lowered, said
from qa.answer.latin_question import stem
from qa.answer.latin_subject import listed, subject
from qa.answer.latin_question import asked as read_question
from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["latin_span", "names_person"]

MAX_CHARS = 60  # a longer span is a clause: the quote says it better
MODIFIERS = 2  # words a count may put between its figure and its noun ("sixteen goose feathers")
_TOKEN = re.compile(r"[^\W_][\w'’&/-]*\.?|&")
_UNIT_CLASSES = ("length_unit", "area_unit", "time_unit", "weight_unit", "speed_unit", "temperature_unit",
                 "percent_unit", "money_unit", "flow_unit", "power_unit")
_CONNECTORS = ("de", "of")  # between a count's words: puestos de trabajo
_CLOSING_QUOTE = "\"”»’'"



def latin_span(question: str, quotes: list[str]) -> tuple[int, int, int] | None:
    """(index of the quote, start, end) of the short answer to `question` in `quotes` (best first), or None."""
    asked = read_question(question)
    if asked is None:
        return None
    for i, quote in enumerate(quotes):
        if i and CJK.search(quote):
            break  # across languages only the best quote: the ones after it answer far less often (train30_en)
        span = chinese_span(asked, quote) if CJK.search(quote) else _latin(asked, quote)
        if span is not None and 0 < span[1] - span[0] <= MAX_CHARS:
            return i, *span
    return None


# -- Latin-script quotes -----------------------------------------------------------------------

def _latin(asked: Asked, text: str) -> tuple[int, int] | None:
    if asked.wants == "number":
        spans = _figures(asked, text)
    elif asked.wants in ("year", "date"):
        pattern = lexicon.regex("latin_year") if asked.wants == "year" else lexicon.regex("latin_date")
        spans = [m.span() for m in pattern.finditer(text) if not said(asked, m.group(0))]
    elif asked.wants == "person":
        spans = [r for r in _persons(asked, text) if not _other_kin(asked, text, r[0])]
        found = subject(asked, text, [s[:2] for s in spans])
        if found:
            return found
    elif asked.wants == "place":
        lead = re.compile(r"\b(?:%s)\s+(?:(?:%s)\s+)?$" % (lexicon.alternation("latin_place_lead"),
                                                         lexicon.alternation("latin_article")), re.IGNORECASE)
        spans = [r for r in _runs(text) if r[2] and not said(asked, text[r[0]:r[1]]) and _unquoted(text, r)
                 and lead.search(text[max(0, r[0] - 20):r[0]]) and not _event(asked, text, r)] or _beside_noun(asked, text)
    elif valued := _valued(asked, text):
        spans = valued
    else:
        named = _named(asked, text)
        if named or asked.wants == "name" and not asked.noun:
            return named
        spans = _beside_noun(asked, text)
        if not spans and asked.wants == "which":  # a name of the kind asked is written beside it, else the subject
            found = subject(asked, text, [r[:2] for r in _runs(text) if r[2] and _unquoted(text, r)])
            return found
    found = _nearest(asked, text, [s[:2] for s in spans])
    if found and asked.wants == "which" and any(_plural(w) for w in asked.noun):  # which countries: all the list
        others = [r[:2] for r in _runs(text) if r[2] and _unquoted(text, r) and (r[1] <= found[0] or r[0] >= found[1])]
        found = listed(text, found, [*others, found])
    return found


def _persons(asked: Asked, text: str) -> list[tuple[int, int, int]]:
    """The runs of `text` the picker may answer a person with: two capitalised words or more, not a
    run sharing a word with the question (that is who it asks about: Nodo Sistemas S.A.)."""
    return [r for r in _runs(text, person=True) if r[2] >= 2 and _unquoted(text, r)
            and not {w.lower() for w in re.findall(r"\w+", text[r[0]:r[1]])} & asked.words]


def _other_kin(asked: Asked, text: str, start: int) -> bool:
    """Is the name at `start` written right after a relation (`kin_word`: "his wife Anne…") other
    than the one the question asks ("Who was her father?"), when it asks one?"""
    kin = lowered(lexicon.words("kin_word"))
    asked_kin = kin & asked.words
    before = re.findall(r"\w+", text[max(0, start - 30):start].lower())[-3:]
    return bool(asked_kin) and any(w in kin and w not in asked_kin for w in before)


def names_person(question: str, text: str) -> bool:
    """Does `text` name a person `question` may ask for (`_persons`), or say a doer after by/por
    ("…coronada hasta 1901 por dos pastores del valle": a person unnamed), when it asks one?"""
    asked = read_question(question)
    return asked is not None and asked.wants == "person" and (
        bool(_persons(asked, text)) or _agent().search(text) is not None)


@cache
def _agent() -> re.Pattern:
    return re.compile(r"\b(?:%s)\s+\w" % lexicon.alternation("agent_lead"), re.IGNORECASE)


def _plural(word: str) -> bool:
    return stem(word) != word or word in lowered(lexicon.words("irregular_plural"))


def _valued(asked: Asked, text: str) -> list[tuple[int, int]]:
    """The values of the attribute a name or which question asks by its noun (`value_of`: "the
    scientific name" -> "(Panthera uncia)"), without their brackets."""
    out = []
    closed = lowered(lexicon.words("stop_word")) | lowered(lexicon.words("auxiliary"))
    for noun, value in lexicon.glossary("value_of").items():
        said_at = re.search(r"\b(\w*)\s*\b%s\b\s*(\w*)" % re.escape(noun), asked.question)
        if said_at and not (said_at.group(1).lower() in lowered(lexicon.words("determiner"))
                            and said_at.group(2).isalpha() and said_at.group(2).islower() and said_at.group(2) not in closed):
            # not an attribute word modifying the noun after it ("their deep winter dives" asks no depth)
            for m in re.finditer(value, text):
                start, end = m.start() + (m.group(0)[:1] in "(["), m.end() - (m.group(0)[-1:] in ")]")
                if not said(asked, text[start:end]):
                    out.append((start, end))
    return out


def _event(asked: Asked, text: str, run: tuple[int, int, int]) -> bool:
    """Does the run name an event ("the Second World War", «la Guerra Civil»: `event_name`), which
    is no place, the question not saying that word?"""
    words = {w.lower() for w in re.findall(r"\w+", text[run[0]:run[1]])}
    return bool(words & (lowered(lexicon.words("event_name")) - asked.words))


def _unquoted(text: str, run: tuple[int, int, int]) -> bool:
    """Is the run not the end of a quoted title ("Harbor at Dawn")?"""
    return text[run[1]:run[1] + 1] not in _CLOSING_QUOTE or not text[run[1]:run[1] + 1]


def carries(asked: Asked, text: str) -> bool:
    """Does `text` hold a figure of the unit `asked` wants ("how much did it cost": a sum of money,
    "how far": miles), or one said as a multiple ("three times longer"); for a count of a noun
    ("how many feathers"), a figure of it or a bare one, not a measure ("1.55 metres")? A multiple
    of a size ("three times longer") answers no question asking a sum of money. The
    answerer's type check for an English or Spanish question (a year or a count of something else
    answers no such question)."""
    if asked.unit is None:
        return bool(asked.noun) and bool(_figures(asked, text))
    if _figures(asked, text):
        return True
    size = lexicon.regex("ratio_size", re.IGNORECASE)  # a multiple of a size is no sum of money
    return any(not (asked.money and size.match(text, m.start()))
               for m in lexicon.regex("ratio_figure", re.IGNORECASE).finditer(text))


def _figures(asked: Asked, text: str) -> list[tuple[int, int]]:
    """Figures of the asked unit, each with that unit or the asked noun after it ("120 beds"); of a
    count whose noun no figure carries, the bare ones ("3.1 million last year")."""
    carrying, bare = [], []
    units = _units()
    often = None  # does the question ask how often: read at the first figure
    for m in lexicon.regex("latin_figure", re.IGNORECASE).finditer(text):
        got = m.group(0)
        if said(asked, got) or lexicon.regex("latin_year").fullmatch(got.strip()):
            continue  # a year is no count (en 2019)
        start, end = m.span()
        if often is None:
            often = bool(lexicon.regex("q_often", re.IGNORECASE).search(asked.question))
        if not often and lexicon.regex("frequency_lead", re.IGNORECASE).search(text, 0, start):
            continue  # "every two to four years": how often, not how long
        money = any(c in got for c in lexicon.words("currency_sign"))
        # the unit maybe after a capitalised word that names whose it is ("102 million Australian dollars")
        after = re.match(r"\s*(?:de\s+)?(?-i:[A-Z]\w+\s+)?(%s)(?!\w)" % units, text[end:], re.IGNORECASE)
        unit_end = end + after.end() if after else end
        if asked.unit is not None:
            if after and _counted_back(asked, text, start, unit_end):
                continue  # "200 million years ago" is when, not how long
            if money and asked.money or after and asked.unit.fullmatch(after.group(1)):
                carrying.append((start, unit_end))
            continue
        noun_end = _noun_end(asked, text, end)
        if noun_end:
            carrying.append((start, noun_end))
        elif not money and not (after and asked.noun) and _counts_nothing(text, unit_end):  # 801,000 square
            # kilometres counts no people
            bare.append((start, unit_end))
    if asked.unit is not None and not carrying:  # "one" by its word before the unit: «más de un kilo»
        carrying = [m.span() for m in re.finditer(r"(?<!\w)%s\s+(%s)(?!\w)" % (lexicon.alternation("one_word"), units),
                                                   text, re.IGNORECASE) if asked.unit.fullmatch(m.group(1))]
    return carrying or ([] if asked.unit is not None else bare)


def _counted_back(asked: Asked, text: str, start: int, end: int) -> bool:
    """Is the figure `text[start:end]` a span counted back from now ("200 million years ago", «hace
    3.000 años»: en.toml `ago_tail`, `ago_lead`), where the question counts back from nothing?"""
    back = lexicon.regex("ago_tail", re.IGNORECASE).match(text, end) \
        or lexicon.regex("ago_lead", re.IGNORECASE).search(text, 0, start)
    return bool(back) and not ({"ago", "hace"} & asked.words)


@cache
def _units() -> str:
    """Every unit word, longest first ("miles per hour" before "miles")."""
    words = [w for c in _UNIT_CLASSES for w in lexicon.words(c)]  # the classes the glossary short_unit names
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _noun_end(asked: Asked, text: str, end: int) -> int:
    """Where the asked noun ends when the words after a figure say the question's words after its
    question word ("15,000 new books", "2,5 millones de personas", "200 puestos de trabajo"), maybe
    after up to `MODIFIERS` words the question does not say ("sixteen goose feathers"), cut back to a
    plural or a "de X" ("14,500 runners", not "14,500 runners took part"); else 0."""
    phrase = [stem(w) for w in asked.noun]
    tokens: list[re.Match] = []
    for m in _TOKEN.finditer(text, end):
        if text[end:m.start()].strip() or len(tokens) > len(phrase) + 1 + MODIFIERS:
            break  # punctuation between
        tokens.append(m)
        end = m.end()
    spoken = lambda m: m.group(0).rstrip(".").lower()
    while tokens and spoken(tokens[0]) in _CONNECTORS and phrase[:1] != [spoken(tokens[0])]:
        tokens.pop(0)  # millones de personas
    if phrase:  # words the text puts before the asked noun and the question does not (`_modifier`)
        at = next((i for i, m in enumerate(tokens[:MODIFIERS + 1]) if stem(spoken(m)) == phrase[0]), 0)
        if all(_modifier(m) for m in tokens[:at]):
            tokens = tokens[at:]
    if phrase and len(tokens) > 2 and _modifier(tokens[0]) and spoken(tokens[1]) in _CONNECTORS \
            and stem(spoken(tokens[2])) == phrase[0]:
        return tokens[0].end()  # a measure of the asked noun ("200 million electronvolts of energy")
    kept = []
    for m, w in zip(tokens, phrase):  # the question's words in its order
        if stem(spoken(m)) != w:
            break
        kept.append(m)
    plural = lambda w: w.endswith("s") or w in lowered(lexicon.words("irregular_plural"))
    while kept and (spoken(kept[-1]) in _CONNECTORS or asked.noun_last and len(kept) > 1 and not plural(spoken(kept[-1]))
                    and spoken(kept[-2]) not in _CONNECTORS):
        kept.pop()
    return kept[-1].start() + len(spoken(kept[-1])) if kept else 0


def _modifier(token: re.Match) -> bool:
    """Can `token` stand between a figure and the noun it counts ("goose" in "sixteen goose feathers",
    "nuevos" in "seis nuevos bibliotecarios")? A plain lower-case word, none that ends a count
    (`figure_tail`: "51,300 last year"), joins its words (de, of) or asks (`stop_word`, `auxiliary`)."""
    word = token.group(0)
    closed = lowered(lexicon.words("figure_tail")) | lowered(lexicon.words("stop_word")) | lowered(lexicon.words("auxiliary"))
    plain = word.islower() or word[0].isupper() and word[1:].islower()  # "370 Greek triremes" too
    return word.isalpha() and plain and word.lower() not in closed and word not in _CONNECTORS


def _counts_nothing(text: str, end: int) -> bool:
    """Is the figure ending at `end` bare: followed by punctuation or a word that counts nothing?"""
    m = _TOKEN.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    return m is None or text[end:m.start()].strip() != "" or m.group(0).lower().rstrip(".") in lowered(lexicon.words("figure_tail"))


# -- names -------------------------------------------------------------------------------------

def _runs(text: str, person: bool = False) -> list[tuple[int, int, int]]:
    """(start, end, capitalised words) of each run of capitalised words in `text`, particles inside
    ("Willem de Vries", "Luz del Norte"), a number after ("Apollo 11"); the words that open a
    sentence ("The", "El") left out, and for a person the titles before a name ("Dr.", "Mayor")
    and runs holding an organisation's, a place kind's or a month's word."""
    out: list[tuple[int, int, int]] = []
    run: list[re.Match] = []
    pending: list[re.Match] = []
    inside = _particles() if person else _particles() | lowered(lexicon.words("thing_particle"))
    for tok in _TOKEN.finditer(text):
        word = tok.group(0)
        last = (pending or run)[-1] if run else None
        joined = last is not None and not text[last.end():tok.start()].strip()
        if word[0].isupper() or joined and not pending and word.rstrip(".").isdigit():
            if not joined:
                _close(run, person, out)
                run = []
            run += pending + [tok]
            pending = []
            if word.endswith(".") and _sentence_end(word):
                _close(run, person, out)
                run = []
        elif joined and len(pending) < 2 and (word.lower() in inside or not person and pending
                                                and pending[-1].group(0).lower() in _CONNECTORS
                                                and word.lower() in lowered(lexicon.words("latin_article"))):
            pending.append(tok)  # "Democratic Republic of the Congo": an article after "of" inside a thing's name
        else:
            _close(run, person, out)
            run, pending = [], []
    _close(run, person, out)
    return out


def _close(run: list[re.Match], person: bool, out: list[tuple[int, int, int]]) -> None:
    openers = lowered(lexicon.words("sentence_opener")) | lowered(lexicon.words("latin_article")) | lowered(lexicon.words("stop_word"))
    titles = lowered(lexicon.words("person_title")) | lowered(lexicon.words("title_abbreviation"))
    words = list(run)
    while words and (words[0].group(0).lower().rstrip(".") in openers or person and (
            words[0].group(0).lower() in titles or words[0].group(0).lower().rstrip(".") in titles)):
        words.pop(0)
    if not words:
        return
    not_person = lowered(lexicon.words("not_person")) | lowered(lexicon.words("pinyin_name_kind")) \
        | lowered(lexicon.words("month_name")) | lowered(lexicon.words("weekday_name")) | lowered(lexicon.words("event_name"))
    if person and any(w.group(0).lower() in not_person or w.group(0).lower().rstrip(".") in not_person for w in words):
        return
    last = words[-1].group(0)
    end = words[-1].end() - (last.endswith(".") and _sentence_end(last))
    out.append((words[0].start(), end, sum(1 for w in words if w.group(0)[0].isupper())))


@cache
def _particles() -> frozenset[str]:
    """The words of the name particles ("de la": de, la), each of which may stand inside a name."""
    return frozenset(w.lower() for p in lexicon.words("name_particle") for w in p.split())


def _sentence_end(word: str) -> bool:
    """Does the full stop of `word` end a sentence (not "Dr.", "St.", an initial)?"""
    return not (word.lower() in lowered(lexicon.words("title_abbreviation")) or word.lower() in lowered(lexicon.words("abbreviation"))
                or len(word) == 2 and word[0].isupper())


def _named(asked: Asked, text: str) -> tuple[int, int] | None:
    """The name after a naming word ("called stomata", "llamada Olvido"): a capitalised run or a
    word or two before the clause ends."""
    lead = re.compile(r"\b(?:%s)\s+" % lexicon.alternation("latin_name_lead"), re.IGNORECASE)
    for m in lead.finditer(text):
        run = next((r for r in _runs(text) if r[0] == m.end()), None)
        span = run[:2] if run else None
        if span is None:
            words = re.match(r"[^\W\d_]+(?:[ -][^\W\d_]+)?(?=\s*(?:[,.;:)]|$))", text[m.end():])
            span = (m.end(), m.end() + words.end()) if words else None
        if span and not said(asked, text[span[0]:span[1]]):
            return span
    return None


def _beside_noun(asked: Asked, text: str) -> list[tuple[int, int]]:
    """The runs the quote writes beside the asked noun: after it ("the architecture firm Hale &
    Ortiz", "la compañía eléctrica Luz del Norte") or before it, with it ("the Ming dynasty")."""
    if not asked.noun:
        return []
    stems = {stem(w) for w in asked.noun}
    noun = r"(?:%s)\w*" % "|".join(re.escape(s) for s in stems)
    copula, articles = lexicon.alternation("latin_copula"), lexicon.alternation("latin_article")
    out = []
    for start, end, _ in _runs(text):
        if said(asked, text[start:end]):
            continue
        if re.search(noun + r",?(?:\s+[^\W\d_]+){0,2},?\s+$", text[max(0, start - 40):start], re.IGNORECASE):
            out.append((start, end))
        elif m := re.match(r"\s+" + noun + r"\b", text[end:], re.IGNORECASE):
            if not any(r[0] == end + m.end() + 1 for r in _runs(text)):  # "the English astronomer Norman
                out.append((start, end + m.end()))  # Lockyer": the name after the noun is the one asked
        elif stem(text[start:end].split()[-1]) in stems or stem(text[start:end].split()[0]) in stems:  # the Ming dynasty, la Sierra Parima
            out.append((start, end))
        elif re.search(noun + r"[^.;]{0,60}\b(?:%s)\s+(?:(?:%s)\s+)?$" % (copula, articles), text[max(0, start - 90):start], re.IGNORECASE):
            out.append((start, end))  # "El volcán más grande … es el Mauna Loa"
    return out


def _nearest(asked: Asked, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span nearest to the question's words in `text` (the only one when none is there)."""
    low = text.lower()
    anchors = [m.span() for t in asked.terms for m in re.finditer(r"(?<!\w)" + re.escape(t.lower()), low)]
    return closest(spans, anchors, text)
