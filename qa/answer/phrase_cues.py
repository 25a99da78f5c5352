"""Which phrases of a long English or Spanish sentence hold the wanted type of answer, for
`qa.answer.clauses` (which quotes the run of them that holds what the sentence matched): by
`Question.wants`, or for a question it gives no type, where the Latin short-answer picker places a
year, a date or a figure, or a phrase names a person."""

from __future__ import annotations

import re

from qa.answer.latin_question import asked as read_question
from qa.answer.latin_question import wanted
from qa.answer.phrase_words import stop_words, word_mask
from qa.answer.short_latin import latin_span, names_person
from qa.answer.windows import Question, _carries
from qa.text.cjk import close_spaces, fold, is_cjk
from qa.text.paraphrase import plain
from qa.text.questions import has_answer_type
from qa.text.script import to_simplified
from qa.text.sentences import Span

__all__ = ["exact_kind", "kind_cued", "kind_names", "name_cues", "phrase_cues"]

# The kinds of answer the Latin short-answer picker's placing marks a phrase by, for a question
# `Question.wants` gives none: a year, a date or a figure is told by its digits. Not a place or a
# name: any capitalised run passes for one. A person is read apart (`phrase_cues`: two capitalised words
# or more, or a doer after by/por): read as the picker places one, on es_wiki2 «¿Quiénes fueron los
# primeros en llegar a la cima?» quoted «El naturalista alemán Alexander von Humboldt…», who failed
# to, where the phrase after the question's words names the climbers.
_PLACED_KINDS = ("year", "date", "number")
# The kinds of `Question.wants` told by digits as those are
_EXACT_WANTS = ("year", "month", "day", "time", "number")


def phrase_cues(text: str, parts: list[Span], q: Question) -> list[bool]:
    """Which of `parts` hold the wanted type of answer: by `Question.wants` (`has_answer_type`), or
    for a question it gives no type (its patterns read Chinese and some English), where the Latin
    short-answer picker asks for a year, a date or a figure and places one in the phrase
    (`qa.answer.short_latin.latin_span`: «¿Cuándo tuvo lugar la batalla?» in «librado el 9 de
    diciembre de 1824 en la pampa de la Quinua»); for an English or Spanish person, where a phrase
    names one or says a doer (`names_person`)."""
    if q.wants:
        # read as the answerer's check reads the text (`windows._sentences`): unfolded, since a name is
        # told by its capitals
        # and, for an English or Spanish count, a figure of what it counts (`windows._carries`: not the
        # year of "In 1896 the discovery of gold…" for "How many of the gold seekers…"), as the window's
        # cue was read
        typed = [has_answer_type(raw := close_spaces(to_simplified(text[p.start:p.end])), q.wants, q.measure, q.text)
                 and raw for p in parts]
        carried = [bool(raw) and _carries(q, raw) for raw in typed]
        # no figure of what it counts, said as the question says it ("64 bronze cannon" for "How many
        # guns"): a figure of the kind asked still beats a run with none (en_wiki7 +1, nothing else moved)
        found = carried if any(carried) or q.wants not in _EXACT_WANTS else [bool(raw) for raw in typed]
        if any(found) or q.wants != "person" or wanted(q.text) != "person":
            return found
    if wanted(q.text) == "person":
        # `has_answer_type` reads a Chinese person only: the run of the question's words dropped the
        # phrase with the person ("In 1673, through the physician Reinier de Graaf, | he began sending
        # letters…" for "Thanks to whom did he start writing…?"). Session 15, real path: en_wiki7 +1,
        # es_wiki13 +1, es_wiki17 +1, none lost, five answers 25-121 characters shorter or longer
        return [names_person(q.text, text[p.start:p.end]) for p in parts]
    if wanted(q.text) not in _PLACED_KINDS:
        return [False] * len(parts)
    return [latin_span(q.text, [text[p.start:p.end]]) is not None for p in parts]


def exact_kind(q: Question) -> bool:
    """Is the wanted type of answer told by its digits (a year, a date, a figure), so that a phrase
    holding one of the kind asked holds the answer? Not a person, a place or a reason, which any
    capitalised run or "because" passes for."""
    return q.wants in _EXACT_WANTS or not q.wants and wanted(q.text) in _PLACED_KINDS


# A capitalised word: a name's word ("Montreal", "Góra", "Tratado"), or a sentence's first
_CAPITAL = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’-]*")


def name_cues(text: str, parts: list[Span], q: Question, title: str = "") -> tuple[list[bool], list[bool]]:
    """(which of `parts` name something the question does not, which say the kind it names) when the
    question names the kind of thing it asks ("Which monastery…", "What agreement…", «¿Qué
    edificio…?», «¿Qué país…?») and so asks a name more often than not ("the Montreal Protocol",
    «el Palacio Salvo»): a capitalised word other than the sentence's first, a question term or the
    article title's; the kind's noun as a word of the phrase ("…the invention of the explosive harpoon",
    "…reopened a line closed…": what it says of the noun is the answer, named or not). Any capitalised
    run passes for a name, so it is no cue of the answer (`phrase_cues`): `clauses` reads it only
    where the run of the question's words names nothing and says no kind (`clauses._extended`).
    All False for any other question."""
    asked = read_question(q.text)
    nouns = tuple(plain(w) for w in asked.noun if plain(w) not in stop_words()) if asked is not None \
        and asked.wants in ("which", "place") else ()
    if not nouns:
        return [False] * len(parts), [False] * len(parts)
    own = fold(title).split()
    named = []
    for k, p in enumerate(parts):
        found = False
        for m in _CAPITAL.finditer(text, p.start, p.end):
            word = m.group()
            if k == 0 and m.start() == p.start or plain(word) in stop_words():
                continue
            folded = fold(word)
            if word_mask(folded, q.terms) or folded in own:
                continue
            found = True
            break
        named.append(found)
    kinds = [bool(word_mask(fold(text[p.start:p.end]), nouns)) for p in parts]
    return named, kinds


# A word of a phrase: its place tells a name written beside the kind's noun
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w.,]*")
# Words a name may stand after its kind's noun: "the French chemist Henri Moissan", «el maestro
# alemán Juan de Colonia» (adjectives of origin stand between them in both languages)
_NAME_AFTER = 2


def kind_names(text: str, parts: list[Span], q: Question, title: str = "") -> list[bool]:
    """Which of `parts` name a thing of the kind the question names ("Which chemist…", «¿Qué
    acuerdo…?»): the kind's noun written as a name's word ("Columbia High School", «el Tratado de
    Guadalupe Hidalgo») or followed within `_NAME_AFTER` words by one ("the French chemist Henri
    Moissan"), the noun as written, another form of it or, in English, a word WordNet files under it
    ("the Augustinian Abbey" for a monastery: `qa.text.thesaurus.says`) or, in Spanish, one LibreOffice's
    thesaurus lists beside it («el obispo Mauricio» for a prelado, «el Tratado de Guadalupe Hidalgo» for
    an acuerdo: `qa.text.thesaurus.says_spanish`). A name the question or the
    article title writes is none (the question's subject, not its answer), nor the noun alone: "the
    monastery offered him an education" speaks of one named before. All False for any other question."""
    from qa.text.paraphrase import plain, same_word
    from qa.text.thesaurus import says, says_spanish

    asked = read_question(q.text)
    nouns = tuple(plain(w) for w in asked.noun if plain(w) not in stop_words()) if asked is not None \
        and asked.wants in ("which", "place") else ()
    if not nouns or any(map(is_cjk, q.text)):  # a Chinese question over Latin text: its nouns are Chinese
        return [False] * len(parts)
    from qa.text.tokens import latin_language

    english = latin_language(q.text) == "en"
    noun_terms = word_mask(" ".join(nouns), q.terms)
    own = set(fold(title).split())
    out = []
    for k, p in enumerate(parts):
        words = [(m.group(), m.start()) for m in _TOKEN.finditer(text, p.start, p.end)]

        def name(i: int) -> bool:
            word, at = words[i]
            folded = fold(word)
            return word[0].isupper() and not (k == 0 and at == p.start) and plain(word) not in stop_words() \
                and not word_mask(folded, q.terms) and folded not in own

        def kind(word: str) -> bool:
            low = plain(word)
            if word_mask(fold(word), q.terms) & ~noun_terms or fold(word) in own:
                return False  # the question's own subject ("the narwhal (Monodon…)" for "Which whale…")
            return any(low == n or same_word(n, low) or (says(low, n, "n") if english else says_spanish(low, n, "n"))
                       for n in nouns)

        out.append(any(kind(w) and (w[0].isupper() and not (k == 0 and at == p.start) or
                                    any(name(j) for j in range(i + 1, min(i + 1 + _NAME_AFTER, len(words)))))
                       for i, (w, at) in enumerate(words)))
    return out


def kind_cued(text: str, parts: list[Span], q: Question, title: str, cues: list[bool], masks: list[int],
              need: int) -> tuple[list[bool], list[int]]:
    """(cues, masks) of `parts` for `qa.answer.clauses`: a name of the kind the question names
    (`kind_names`) is the answer's phrase, before a phrase of another typed cue ("…until the French
    chemist Henri Moissan succeeded in 1886…, a feat for which he was awarded the Nobel Prize in
    Chemistry" for "Which chemist…"), and it says the kind's noun, so the run need not reach a phrase
    saying the noun alone ("…he entered the Augustinian Abbey of St Thomas…, | partly because the
    monastery offered him…" for "Which monastery did Mendel join?"). Of two names of the kind, the one
    beside the question's other words («…amplió su formación en la Universidad de Cambridge», not
    «Tras licenciarse… en la Universidad de Buenos Aires»), or else the one nearest them. `cues` and `masks` as given when no phrase
    names a thing of the kind, or a typed cue already falls on one (the astronomer of "…the English
    astronomer Norman Lockyer": the question's words choose among them as before).
    Session 18 (cut), real path against the start (689eeb2): en_wiki19 0.775 -> 0.850 (wrong:cut 4 -> 1:
    the monastery, the chemist, the school), es_wiki13 one answer 73 characters shorter, es_wiki9 one
    79 longer (both right); every other en/es dev set, zh_xwiki21 and seed answer for answer the same.
    `cut_replay` on every en/es dev set's gold sentences: 3 more cuts keep the answer, none lost."""
    from qa.text.paraphrase import plain, same_word

    kinded = kind_names(text, parts, q, title)
    if not any(kinded) or any(c and k for c, k in zip(cues, kinded)):
        return cues, masks
    asked = [plain(n) for n in read_question(q.text).noun]
    nouns = sum(1 << i for i, t in enumerate(q.terms) if any(same_word(t, n) for n in asked))
    beside = [k and bool(m & need & ~nouns) for m, k in zip(masks, kinded)]
    held = [k for k, m in enumerate(masks) if m & need & ~nouns]
    if not any(beside) and held and sum(kinded) > 1:
        # none beside them: the one nearest the question's words ("…observed by the French astronomer
        # Jules Janssen, | and the English astronomer Norman Lockyer, | who… | named it after Helios")
        near = min((k for k, on in enumerate(kinded) if on), key=lambda k: min(abs(k - h) for h in held))
        beside = [k == near for k in range(len(parts))]
    kinded = beside if any(beside) else kinded
    return kinded, [m | nouns if k else m for m, k in zip(masks, kinded)]
